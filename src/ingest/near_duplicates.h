// Near-duplicate articles (wire copies retold by several outlets): MinHash
// signatures over word shingles, and an index that finds an earlier article
// whose text is nearly the same (locality-sensitive hashing in bands).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dyad {

constexpr std::size_t kMinHashSize = 32;
using MinHash = std::array<std::uint32_t, kMinHashSize>;

// Signature of a text over its word pairs (case and punctuation ignored):
// pairs rather than longer shingles, so a wire copy retold with a few words
// changed still scores well above unrelated stories.
MinHash minhash(std::string_view text);

// Estimated Jaccard similarity of the shingle sets of two texts.
double similarity(const MinHash& a, const MinHash& b);

class NearDuplicateIndex {
 public:
  // The id of an earlier article with similarity >= threshold, or "".
  std::string find(const MinHash& signature, double threshold = 0.5) const;
  void add(const std::string& id, const MinHash& signature);
  std::size_t size() const { return signatures_.size(); }

 private:
  static constexpr std::size_t kBands = 16;  // of 2 rows: finds pairs above ~0.5 reliably
  std::vector<std::pair<std::string, MinHash>> signatures_;
  std::array<std::unordered_map<std::uint64_t, std::vector<std::size_t>>, kBands> bands_;
};

}  // namespace dyad
