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
#include <utility>
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
  std::size_t feature_count() const { return trained_ ? rows_ : dense_.size(); }

  // Adds the weights of `features` to scores (size classes()).
  void score(std::span<const std::uint64_t> features, std::span<float> scores) const;
  // Training: one mistake (gold scored below guess) and the clock tick.
  void update(std::span<const std::uint64_t> features, std::size_t gold, std::size_t guess);
  // Training a structured model: `delta` added to the weights of
  // `features` for one class (each feature counted as updated once).
  void add(std::span<const std::uint64_t> features, std::size_t label, float delta);
  void tick() { ++clock_; }
  // Ends training: weights averaged over all ticks, zeros dropped, and
  // features updated fewer than `min_updates` times dropped (rare features
  // are mostly noise, and a smaller model is a faster one).
  void finish(std::uint32_t min_updates = 1);

  void save(std::ostream& out) const;
  // "" or what was expected.
  std::string load(std::istream& in);

 private:
  struct Dense {
    std::vector<float> w, total;
    std::vector<std::uint32_t> stamp;
    std::uint32_t updates = 0;
    void move(std::size_t label, float delta, std::uint32_t clock);
  };
  Dense& updated_row(std::uint64_t feature);
  // Trained weights: an open-addressing table of 8-byte slots (a check of
  // the feature key and where its row begins) over one array of 6-byte
  // (class, weight) pairs, the last pair of a row marked in its class, so
  // scoring a feature touches two cache lines of a compact table. A row
  // with weights for a quarter of the classes or more is kept dense
  // instead (one float per class, added in one vectorised loop): the
  // frequent features have such rows (35 weights a feature found, on
  // average, in beam parsing), and adding them pair by pair was most of
  // the scoring.
  struct __attribute__((packed, aligned(2))) Weight {
    std::uint16_t label;  // the class, with kRowEnd on the row's last pair
    float w;
  };
  static constexpr std::uint16_t kRowEnd = 0x8000;
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFF;
  static constexpr std::uint32_t kDense = 0x80000000;
  struct Slot {
    std::uint32_t check = 0;  // the key's high half
    // Where the row begins in weights_, or kDense | its number among the
    // dense rows; kEmpty = empty slot.
    std::uint32_t begin = kEmpty;
  };
  const Slot* find(std::uint64_t key) const;
  // Whether a row of that many weights is kept dense.
  bool dense_row(std::size_t weights) const;
  void reserve(std::size_t rows, std::size_t weights, std::size_t dense_rows);
  void insert(std::uint64_t key, std::span<const Weight> row);

  std::size_t classes_ = 0;
  bool trained_ = false;
  std::uint32_t clock_ = 0;
  std::unordered_map<std::uint64_t, Dense> dense_;
  std::vector<Slot> table_;  // size a power of two
  // Each row's full key and begin, in the order inserted: read to save,
  // never to score. Keys are told apart by their checks (two keys of one
  // probe sequence with the same high half would share a row: a chance of
  // about one in 2^32 for each key).
  std::vector<std::pair<std::uint64_t, std::uint32_t>> keys_;
  std::vector<Weight> weights_;
  std::vector<float> dense_rows_;  // classes_ floats a row
  std::size_t rows_ = 0;
};

// The common head of a model file: an 8-byte magic naming format and
// version, the metadata text (training command, data, licence), the labels.
void write_model_header(std::ostream& out, std::string_view magic, const std::string& metadata,
                        const std::vector<std::string>& labels);
// "" or what was expected ("expected a dyad tagger model (DYADTAG2)", ...).
std::string read_model_header(std::istream& in, std::string_view magic, std::string_view kind,
                              std::string& metadata, std::vector<std::string>& labels);
// The same, for a model kind with several format versions (all magics of
// one length): `which` is the index of the one found.
std::string read_model_header(std::istream& in, std::span<const std::string_view> magics,
                              std::string_view kind, std::size_t& which, std::string& metadata,
                              std::vector<std::string>& labels);

// Binary helpers for model files.
void write_u32(std::ostream& out, std::uint32_t v);
bool read_u32(std::istream& in, std::uint32_t& v);
void write_string(std::ostream& out, const std::string& s);
bool read_string(std::istream& in, std::string& s);

}  // namespace dyad
