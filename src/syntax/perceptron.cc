#include "syntax/perceptron.h"

#include <sys/mman.h>

#include <algorithm>
#include <array>
#include <cstring>
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

namespace {

std::uint32_t key_check(std::uint64_t key) { return static_cast<std::uint32_t>(key >> 32); }
std::size_t key_slot(std::uint64_t key, std::size_t mask) { return (key ^ (key >> 31)) & mask; }

// Adds a dense row to the scores, in a version for AVX2 processors too
// (chosen once, when the program starts).
__attribute__((target_clones("avx2", "default"))) void add_dense_row(float* __restrict scores,
                                                                     const float* __restrict row,
                                                                     std::size_t classes) {
  for (std::size_t l = 0; l < classes; ++l) scores[l] += row[l];
}

}  // namespace

const Perceptron::Slot* Perceptron::find(std::uint64_t key) const {
  if (table_.empty()) return nullptr;
  const std::size_t mask = table_.size() - 1;
  const std::uint32_t check = key_check(key);
  for (std::size_t i = key_slot(key, mask);; i = (i + 1) & mask) {
    const Slot& slot = table_[i];
    if (slot.begin == kEmpty) return nullptr;
    if (slot.check == check) return &slot;
  }
}

namespace {

// Asks the kernel to back a large array, read at random, with huge pages
// (one TLB entry for 2 MB instead of 4 KB): scoring reads the feature table
// at random, and every TLB miss there costs a page walk. Before the pages
// are first touched; a no-op where the kernel does not offer it.
void prefer_huge_pages([[maybe_unused]] const void* data, [[maybe_unused]] std::size_t bytes) {
#ifdef MADV_HUGEPAGE
  constexpr std::uintptr_t kHuge = std::uintptr_t{1} << 21;
  const auto begin = (reinterpret_cast<std::uintptr_t>(data) + kHuge - 1) & ~(kHuge - 1);
  const auto end = (reinterpret_cast<std::uintptr_t>(data) + bytes) & ~(kHuge - 1);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#endif
}

}  // namespace

bool Perceptron::dense_row(std::size_t weights) const { return weights * 4 >= classes_; }

void Perceptron::reserve(std::size_t rows, std::size_t weights, std::size_t dense_rows) {
  std::size_t size = 16;
  while (size < rows * 2) size *= 2;  // at most half full
  table_.clear();
  table_.shrink_to_fit();
  table_.reserve(size);
  prefer_huge_pages(table_.data(), size * sizeof(Slot));
  table_.assign(size, Slot{});
  keys_.clear();
  keys_.reserve(rows);
  weights_.clear();
  weights_.shrink_to_fit();
  weights_.reserve(weights);
  prefer_huge_pages(weights_.data(), weights * sizeof(Weight));
  dense_rows_.clear();
  dense_rows_.shrink_to_fit();
  dense_rows_.reserve(dense_rows * classes_);
  prefer_huge_pages(dense_rows_.data(), dense_rows * classes_ * sizeof(float));
  rows_ = 0;
}

void Perceptron::insert(std::uint64_t key, std::span<const Weight> row) {
  if (row.empty()) return;
  const std::size_t mask = table_.size() - 1;
  std::size_t i = key_slot(key, mask);
  const std::uint32_t check = key_check(key);
  // Keys are told apart by their checks, as when scoring.
  while (table_[i].begin != kEmpty && table_[i].check != check) i = (i + 1) & mask;
  if (table_[i].begin != kEmpty) return;  // a repeated key keeps its first row
  ++rows_;
  if (dense_row(row.size())) {
    table_[i] = Slot{check, kDense | static_cast<std::uint32_t>(dense_rows_.size() / classes_)};
    dense_rows_.resize(dense_rows_.size() + classes_, 0.0f);
    float* dense = dense_rows_.data() + dense_rows_.size() - classes_;
    for (const Weight& w : row) dense[w.label] = w.w;
  } else {
    table_[i] = Slot{check, static_cast<std::uint32_t>(weights_.size())};
    weights_.insert(weights_.end(), row.begin(), row.end());
    weights_.back().label |= kRowEnd;
  }
  keys_.emplace_back(key, table_[i].begin);
}

void Perceptron::score(std::span<const std::uint64_t> features, std::span<float> scores) const {
  if (trained_) {
    if (table_.empty()) return;
    // Scoring is bound by memory latency (a large table read at random):
    // the slots of a batch of features are fetched together, then their
    // rows, then the weights are added.
    constexpr std::size_t kBatch = 32;
    const std::size_t mask = table_.size() - 1;
    std::array<const Slot*, kBatch> slots{};
    for (std::size_t start = 0; start < features.size(); start += kBatch) {
      const std::size_t end = std::min(features.size(), start + kBatch);
      for (std::size_t i = start; i < end; ++i) {
        __builtin_prefetch(&table_[key_slot(features[i], mask)]);
      }
      for (std::size_t i = start; i < end; ++i) {
        const Slot* slot = find(features[i]);
        slots[i - start] = slot;
        if (slot == nullptr) continue;
        __builtin_prefetch(
            (slot->begin & kDense) != 0
                ? static_cast<const void*>(dense_rows_.data() + (slot->begin & ~kDense) * classes_)
                : static_cast<const void*>(weights_.data() + slot->begin));
      }
      for (std::size_t i = start; i < end; ++i) {
        const Slot* slot = slots[i - start];
        if (slot == nullptr) continue;
        if ((slot->begin & kDense) != 0) {
          add_dense_row(scores.data(), dense_rows_.data() + (slot->begin & ~kDense) * classes_,
                        classes_);
          continue;
        }
        for (const Weight* w = weights_.data() + slot->begin;; ++w) {
          const std::uint16_t label = w->label;
          scores[label & ~kRowEnd] += w->w;
          if ((label & kRowEnd) != 0) break;
        }
      }
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

// The training row of a feature, made on first use; counts one update.
Perceptron::Dense& Perceptron::updated_row(std::uint64_t feature) {
  Dense& d = dense_[feature];
  ++d.updates;
  if (d.w.empty()) {
    d.w.assign(classes_, 0);
    d.total.assign(classes_, 0);
    d.stamp.assign(classes_, 0);
  }
  return d;
}

// Moves one label's weight, first banking its value since the last change
// into the running total (for the average).
void Perceptron::Dense::move(std::size_t label, float delta, std::uint32_t clock) {
  total[label] += static_cast<float>(clock - stamp[label]) * w[label];
  stamp[label] = clock;
  w[label] += delta;
}

void Perceptron::update(std::span<const std::uint64_t> features, std::size_t gold,
                        std::size_t guess) {
  if (gold == guess) return;
  for (std::uint64_t f : features) {
    Dense& d = updated_row(f);
    d.move(gold, 1.0f, clock_);
    d.move(guess, -1.0f, clock_);
  }
}

void Perceptron::add(std::span<const std::uint64_t> features, std::size_t label, float delta) {
  for (std::uint64_t f : features) updated_row(f).move(label, delta, clock_);
}

void Perceptron::finish(std::uint32_t min_updates) {
  if (trained_) return;
  const float ticks = static_cast<float>(std::max<std::uint32_t>(clock_, 1));
  std::vector<std::pair<std::uint64_t, std::vector<Weight>>> rows;
  rows.reserve(dense_.size());
  for (auto& [f, d] : dense_) {
    if (d.updates < min_updates) continue;
    std::vector<Weight> row;
    for (std::size_t l = 0; l < classes_; ++l) {
      float avg = (d.total[l] + static_cast<float>(clock_ - d.stamp[l]) * d.w[l]) / ticks;
      if (avg > 1e-4f || avg < -1e-4f) row.push_back(Weight{static_cast<std::uint16_t>(l), avg});
    }
    if (!row.empty()) rows.emplace_back(f, std::move(row));
  }
  // Sorted keys: the same model always gives the same table and bytes.
  std::sort(rows.begin(), rows.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  dense_.clear();
  std::size_t weights = 0, dense_rows = 0;
  for (const auto& [f, row] : rows) {
    if (dense_row(row.size())) {
      ++dense_rows;
    } else {
      weights += row.size();
    }
  }
  reserve(rows.size(), weights, dense_rows);
  for (const auto& [f, row] : rows) insert(f, row);
  trained_ = true;
}

void Perceptron::save(std::ostream& out) const {
  write_u32(out, static_cast<std::uint32_t>(classes_));
  std::vector<std::pair<std::uint64_t, std::uint32_t>> rows = keys_;
  std::sort(rows.begin(), rows.end());  // same model, same bytes
  write(out, static_cast<std::uint64_t>(rows.size()));
  for (const auto& [key, begin] : rows) {
    write(out, key);
    if ((begin & kDense) != 0) {
      const float* dense = dense_rows_.data() + (begin & ~kDense) * classes_;
      const auto count = std::count_if(dense, dense + classes_, [](float w) { return w != 0; });
      write(out, static_cast<std::uint16_t>(count));
      for (std::size_t l = 0; l < classes_; ++l) {
        if (dense[l] == 0) continue;
        write(out, static_cast<std::uint16_t>(l));
        write(out, dense[l]);
      }
      continue;
    }
    const Weight* first = weights_.data() + begin;
    const Weight* last = first;
    while ((last->label & kRowEnd) == 0) ++last;
    write(out, static_cast<std::uint16_t>(last - first + 1));
    for (const Weight* w = first; w <= last; ++w) {
      write(out, static_cast<std::uint16_t>(w->label & ~kRowEnd));
      write(out, static_cast<float>(w->w));
    }
  }
}

std::string Perceptron::load(std::istream& in) {
  std::uint32_t classes = 0;
  std::uint64_t features = 0;
  // A class number leaves the top bit of its 16 for the row's end.
  if (!read_u32(in, classes) || classes > kRowEnd) return "expected a class count";
  if (!read(in, features)) return "expected a feature count";
  // The weights end the file: read them in one go, then decode.
  std::string data;
  if (const std::streampos here = in.tellg(); here != std::streampos(-1)) {
    in.seekg(0, std::ios::end);  // the size, to read into one buffer
    if (in) data.reserve(static_cast<std::size_t>(std::max<std::streamoff>(in.tellg() - here, 0)));
    in.clear();
    in.seekg(here);
  }
  char chunk[1 << 16];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    data.append(chunk, static_cast<std::size_t>(in.gcount()));
  }
  std::size_t at = 0;
  auto take = [&](auto& v) {
    if (data.size() - at < sizeof v) return false;
    std::memcpy(&v, data.data() + at, sizeof v);
    at += sizeof v;
    return true;
  };
  // Each feature takes 10 bytes plus 6 per weight; a row begins at a
  // 32-bit position.
  if (data.size() / 6 >= kEmpty || features >= kDense) return "expected fewer than 2^31 rows";
  classes_ = classes;  // before the rows: it says which rows are dense
  // A first pass over the row lengths, to make room once.
  std::size_t weights = 0, dense_rows = 0;
  for (std::size_t p = 0, i = 0; i < features && data.size() - p >= 10; ++i) {
    std::uint16_t count = 0;
    std::memcpy(&count, data.data() + p + 8, sizeof count);
    p = std::min(data.size(), p + 10 + std::size_t{6} * count);
    if (dense_row(count)) {
      ++dense_rows;
    } else {
      weights += count;
    }
  }
  reserve(static_cast<std::size_t>(std::min<std::uint64_t>(features, data.size() / 10)), weights,
          dense_rows);
  std::vector<Weight> row;
  for (std::uint64_t i = 0; i < features; ++i) {
    std::uint64_t k = 0;
    std::uint16_t count = 0;
    if (!take(k) || !take(count)) return "expected feature " + std::to_string(i);
    row.resize(count);
    for (Weight& w : row) {
      std::uint16_t label = 0;
      float weight = 0;
      if (!take(label) || !take(weight) || label >= classes) {
        return "expected the weights of feature " + std::to_string(i);
      }
      w = Weight{label, weight};
    }
    insert(k, row);
  }
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
  std::size_t which = 0;
  return read_model_header(in, std::span<const std::string_view>(&magic, 1), kind, which, metadata,
                           labels);
}

std::string read_model_header(std::istream& in, std::span<const std::string_view> magics,
                              std::string_view kind, std::size_t& which, std::string& metadata,
                              std::vector<std::string>& labels) {
  std::string found(magics.front().size(), '\0');
  which = magics.size();
  if (in.read(found.data(), static_cast<std::streamsize>(found.size()))) {
    for (std::size_t i = 0; i < magics.size(); ++i) {
      if (found == magics[i]) which = i;
    }
  }
  if (which == magics.size()) {
    std::string names;
    for (std::string_view m : magics) names += (names.empty() ? "" : " or ") + std::string(m);
    return "expected a dyad " + std::string(kind) + " (" + names + ")";
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
