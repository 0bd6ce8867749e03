// An averaged multi-class perceptron over hashed features, shared by the
// tagger and the parser: dense rows while training, sparse averaged rows
// once trained, a stable binary layout for model files.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dyad {

// FNV-1a feature keys: a template number with a string or with numbers.
std::uint64_t feature_key(std::uint32_t templ, std::string_view s);
std::uint64_t feature_key(std::uint32_t templ, std::uint64_t a, std::uint64_t b = 0,
                          std::uint64_t c = 0);

class Perceptron {
 public:
  Perceptron() = default;
  explicit Perceptron(std::size_t classes) : classes_(classes) {}

  std::size_t classes() const { return classes_; }
  std::size_t feature_count() const { return trained_ ? sparse_.size() : dense_.size(); }

  // Adds the weights of `features` to scores (size classes()).
  void score(std::span<const std::uint64_t> features, std::span<float> scores) const;
  // Training: one mistake (gold scored below guess) and the clock tick.
  void update(std::span<const std::uint64_t> features, std::size_t gold, std::size_t guess);
  void tick() { ++clock_; }
  // Ends training: weights averaged over all ticks, zeros dropped.
  void finish();

  void save(std::ostream& out) const;
  // "" or what was expected.
  std::string load(std::istream& in);

 private:
  struct Dense {
    std::vector<float> w, total;
    std::vector<std::uint32_t> stamp;
  };
  using Row = std::vector<std::pair<std::uint16_t, float>>;

  std::size_t classes_ = 0;
  bool trained_ = false;
  std::uint32_t clock_ = 0;
  std::unordered_map<std::uint64_t, Dense> dense_;
  std::unordered_map<std::uint64_t, Row> sparse_;
};

// The common head of a model file: an 8-byte magic naming format and
// version, the metadata text (training command, data, licence), the labels.
void write_model_header(std::ostream& out, std::string_view magic, const std::string& metadata,
                        const std::vector<std::string>& labels);
// "" or what was expected ("expected a dyad tagger model (DYADTAG2)", ...).
std::string read_model_header(std::istream& in, std::string_view magic, std::string_view kind,
                              std::string& metadata, std::vector<std::string>& labels);

// Binary helpers for model files.
void write_u32(std::ostream& out, std::uint32_t v);
bool read_u32(std::istream& in, std::uint32_t& v);
void write_string(std::ostream& out, const std::string& s);
bool read_string(std::istream& in, std::string& s);

}  // namespace dyad
