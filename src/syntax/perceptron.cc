#include "syntax/perceptron.h"

#include <algorithm>
#include <istream>
#include <ostream>

namespace dyad {
namespace {

template <typename T>
void write(std::ostream& out, const T& v) {
  out.write(reinterpret_cast<const char*>(&v), sizeof v);
}

template <typename T>
bool read(std::istream& in, T& v) {
  return static_cast<bool>(in.read(reinterpret_cast<char*>(&v), sizeof v));
}

}  // namespace

std::uint64_t feature_key(std::uint32_t templ, std::string_view s) {
  std::uint64_t h = 1469598103934665603ull ^ templ;
  h *= 1099511628211ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::uint64_t feature_key(std::uint32_t templ, std::uint64_t a, std::uint64_t b, std::uint64_t c) {
  std::uint64_t h = 1469598103934665603ull ^ templ;
  for (std::uint64_t v : {a, b, c}) {
    h ^= v;
    h *= 1099511628211ull;
    h ^= h >> 29;
  }
  return h;
}

void Perceptron::score(std::span<const std::uint64_t> features, std::span<float> scores) const {
  if (trained_) {
    for (std::uint64_t f : features) {
      auto it = sparse_.find(f);
      if (it == sparse_.end()) continue;
      for (auto [l, w] : it->second) scores[l] += w;
    }
    return;
  }
  for (std::uint64_t f : features) {
    auto it = dense_.find(f);
    if (it == dense_.end()) continue;
    const float* w = it->second.w.data();
    for (std::size_t l = 0; l < classes_; ++l) scores[l] += w[l];
  }
}

void Perceptron::update(std::span<const std::uint64_t> features, std::size_t gold,
                        std::size_t guess) {
  if (gold == guess) return;
  for (std::uint64_t f : features) {
    Dense& d = dense_[f];
    if (d.w.empty()) {
      d.w.assign(classes_, 0);
      d.total.assign(classes_, 0);
      d.stamp.assign(classes_, 0);
    }
    for (auto [label, delta] : {std::pair{gold, 1.0f}, std::pair{guess, -1.0f}}) {
      d.total[label] += static_cast<float>(clock_ - d.stamp[label]) * d.w[label];
      d.stamp[label] = clock_;
      d.w[label] += delta;
    }
  }
}

void Perceptron::finish() {
  if (trained_) return;
  const float ticks = static_cast<float>(std::max<std::uint32_t>(clock_, 1));
  for (auto& [f, d] : dense_) {
    Row row;
    for (std::size_t l = 0; l < classes_; ++l) {
      float avg = (d.total[l] + static_cast<float>(clock_ - d.stamp[l]) * d.w[l]) / ticks;
      if (avg > 1e-4f || avg < -1e-4f) row.emplace_back(static_cast<std::uint16_t>(l), avg);
    }
    if (!row.empty()) sparse_.emplace(f, std::move(row));
  }
  dense_.clear();
  trained_ = true;
}

void Perceptron::save(std::ostream& out) const {
  write_u32(out, static_cast<std::uint32_t>(classes_));
  std::vector<std::uint64_t> keys;
  keys.reserve(sparse_.size());
  for (const auto& [k, row] : sparse_) keys.push_back(k);
  std::sort(keys.begin(), keys.end());  // same model, same bytes
  write(out, static_cast<std::uint64_t>(keys.size()));
  for (std::uint64_t k : keys) {
    const Row& row = sparse_.at(k);
    write(out, k);
    write(out, static_cast<std::uint16_t>(row.size()));
    for (auto [l, w] : row) {
      write(out, l);
      write(out, w);
    }
  }
}

std::string Perceptron::load(std::istream& in) {
  std::uint32_t classes = 0;
  std::uint64_t features = 0;
  if (!read_u32(in, classes) || classes > 65535) return "expected a class count";
  if (!read(in, features) || features > (1ull << 32)) return "expected a feature count";
  std::unordered_map<std::uint64_t, Row> sparse;
  sparse.reserve(features);
  for (std::uint64_t i = 0; i < features; ++i) {
    std::uint64_t k = 0;
    std::uint16_t count = 0;
    if (!read(in, k) || !read(in, count)) return "expected feature " + std::to_string(i);
    Row row(count);
    for (auto& [l, w] : row) {
      if (!read(in, l) || !read(in, w) || l >= classes) {
        return "expected the weights of feature " + std::to_string(i);
      }
    }
    sparse.emplace(k, std::move(row));
  }
  classes_ = classes;
  sparse_ = std::move(sparse);
  dense_.clear();
  trained_ = true;
  return {};
}

void write_model_header(std::ostream& out, std::string_view magic, const std::string& metadata,
                        const std::vector<std::string>& labels) {
  out.write(magic.data(), static_cast<std::streamsize>(magic.size()));
  write_string(out, metadata);
  write_u32(out, static_cast<std::uint32_t>(labels.size()));
  for (const auto& l : labels) write_string(out, l);
}

std::string read_model_header(std::istream& in, std::string_view magic, std::string_view kind,
                              std::string& metadata, std::vector<std::string>& labels) {
  std::string found(magic.size(), '\0');
  if (!in.read(found.data(), static_cast<std::streamsize>(found.size())) || found != magic) {
    return "expected a dyad " + std::string(kind) + " (" + std::string(magic) + ")";
  }
  std::uint32_t count = 0;
  if (!read_string(in, metadata) || !read_u32(in, count) || count > 4096) {
    return "expected the model header";
  }
  labels.resize(count);
  for (auto& l : labels) {
    if (!read_string(in, l)) return "expected label names";
  }
  return {};
}

void write_u32(std::ostream& out, std::uint32_t v) { write(out, v); }
bool read_u32(std::istream& in, std::uint32_t& v) { return read(in, v); }

void write_string(std::ostream& out, const std::string& s) {
  write_u32(out, static_cast<std::uint32_t>(s.size()));
  out.write(s.data(), static_cast<std::streamsize>(s.size()));
}

bool read_string(std::istream& in, std::string& s) {
  std::uint32_t n = 0;
  if (!read_u32(in, n) || n > (1u << 24)) return false;
  s.resize(n);
  return static_cast<bool>(in.read(s.data(), n));
}

}  // namespace dyad
