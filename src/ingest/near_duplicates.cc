#include "ingest/near_duplicates.h"

#include <algorithm>
#include <limits>

namespace dyad {
namespace {

std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ull;
  x ^= x >> 33;
  return x;
}

std::uint64_t word_hash(std::string_view w) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : w) h = (h ^ c) * 1099511628211ull;
  return h;
}

// Lower-cased words of letters and digits (bytes >= 0x80 count as letters,
// so other scripts are kept).
std::vector<std::uint64_t> words(std::string_view text) {
  std::vector<std::uint64_t> out;
  std::string w;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    bool part =
        (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
    if (part) {
      w.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    } else if (!w.empty()) {
      out.push_back(word_hash(w));
      w.clear();
    }
  }
  return out;
}

}  // namespace

MinHash minhash(std::string_view text) {
  MinHash sig;
  sig.fill(std::numeric_limits<std::uint32_t>::max());
  std::vector<std::uint64_t> w = words(text);
  constexpr std::size_t kShingle = 2;
  std::size_t n = w.size() < kShingle ? w.size() : w.size() - kShingle + 1;
  for (std::size_t i = 0; i < n; ++i) {
    std::uint64_t h = 0;
    for (std::size_t k = i; k < std::min(w.size(), i + kShingle); ++k) h = mix(h ^ w[k]);
    for (std::size_t j = 0; j < kMinHashSize; ++j) {
      auto v = static_cast<std::uint32_t>(mix(h + 0x9e3779b97f4a7c15ull * (j + 1)) >> 32);
      sig[j] = std::min(sig[j], v);
    }
  }
  return sig;
}

double similarity(const MinHash& a, const MinHash& b) {
  std::size_t same = 0;
  for (std::size_t j = 0; j < kMinHashSize; ++j) same += a[j] == b[j] ? 1 : 0;
  return static_cast<double>(same) / static_cast<double>(kMinHashSize);
}

std::string NearDuplicateIndex::find(const MinHash& signature, double threshold) const {
  constexpr std::size_t rows = kMinHashSize / kBands;
  std::string best;
  double best_score = threshold;
  for (std::size_t b = 0; b < kBands; ++b) {
    std::uint64_t key = 0;
    for (std::size_t r = 0; r < rows; ++r) key = mix(key ^ signature[b * rows + r]);
    auto it = bands_[b].find(key);
    if (it == bands_[b].end()) continue;
    for (std::size_t i : it->second) {
      double s = similarity(signature, signatures_[i].second);
      if (s >= best_score) {
        best_score = s;
        best = signatures_[i].first;
      }
    }
  }
  return best;
}

void NearDuplicateIndex::add(const std::string& id, const MinHash& signature) {
  constexpr std::size_t rows = kMinHashSize / kBands;
  std::size_t index = signatures_.size();
  signatures_.emplace_back(id, signature);
  for (std::size_t b = 0; b < kBands; ++b) {
    std::uint64_t key = 0;
    for (std::size_t r = 0; r < rows; ++r) key = mix(key ^ signature[b * rows + r]);
    bands_[b][key].push_back(index);
  }
}

}  // namespace dyad
