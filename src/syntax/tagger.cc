#include "syntax/tagger.h"

#include <algorithm>
#include <istream>
#include <map>
#include <ostream>
#include <string_view>

namespace dyad {
namespace {

constexpr char kMagic[8] = {'D', 'Y', 'A', 'D', 'T', 'A', 'G', '1'};
constexpr std::uint16_t kStart = 0xFFFF;  // "no tag" before the sentence

// FNV-1a over a template number and a string: the feature's key.
std::uint64_t key(std::uint32_t templ, std::string_view s) {
  std::uint64_t h = 1469598103934665603ull ^ templ;
  h *= 1099511628211ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::uint64_t key(std::uint32_t templ, std::uint64_t a, std::uint64_t b = 0) {
  std::uint64_t h = 1469598103934665603ull ^ templ;
  for (std::uint64_t v : {a, b}) {
    h ^= v;
    h *= 1099511628211ull;
  }
  return h;
}

std::string lower(std::string_view w) {
  std::string out(w);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Word shape: X for upper case, x for lower, d for digits, other bytes
// kept; runs collapsed ("Kassym-Jomart" -> "Xx-Xx").
std::string shape(std::string_view w) {
  std::string out;
  for (unsigned char c : w) {
    char s = (c >= 'A' && c <= 'Z')   ? 'X'
             : (c >= 'a' && c <= 'z') ? 'x'
             : (c >= '0' && c <= '9') ? 'd'
                                      : (c >= 0x80 ? 'u' : static_cast<char>(c));
    if (out.empty() || out.back() != s) out.push_back(s);
  }
  return out;
}

std::string_view suffix(std::string_view w, std::size_t n) {
  return w.size() > n ? w.substr(w.size() - n) : w;
}

template <typename T>
void write(std::ostream& out, const T& v) {
  out.write(reinterpret_cast<const char*>(&v), sizeof v);
}

template <typename T>
bool read(std::istream& in, T& v) {
  return static_cast<bool>(in.read(reinterpret_cast<char*>(&v), sizeof v));
}

void write_string(std::ostream& out, const std::string& s) {
  write(out, static_cast<std::uint32_t>(s.size()));
  out.write(s.data(), static_cast<std::streamsize>(s.size()));
}

bool read_string(std::istream& in, std::string& s) {
  std::uint32_t n = 0;
  if (!read(in, n) || n > (1u << 24)) return false;
  s.resize(n);
  return static_cast<bool>(in.read(s.data(), n));
}

std::vector<std::string> forms_of(const Sentence& s) {
  std::vector<std::string> out;
  out.reserve(s.tokens.size());
  for (const Token& t : s.tokens) out.push_back(t.form);
  return out;
}

}  // namespace

void Tagger::features(const std::vector<std::string>& words, std::size_t i, std::uint16_t prev,
                      std::uint16_t prev2, std::vector<std::uint64_t>& out) const {
  out.clear();
  auto word = [&](long k) -> std::string {
    if (k < 0) return "<s>";
    if (k >= static_cast<long>(words.size())) return "</s>";
    return lower(words[static_cast<std::size_t>(k)]);
  };
  const long j = static_cast<long>(i);
  const std::string& form = words[i];
  const std::string w = lower(form);
  out.push_back(key(0, ""));
  out.push_back(key(1, w));
  out.push_back(key(2, suffix(w, 1)));
  out.push_back(key(3, suffix(w, 2)));
  out.push_back(key(4, suffix(w, 3)));
  out.push_back(key(5, w.substr(0, 1)));
  out.push_back(key(6, shape(form)));
  out.push_back(key(7, word(j - 1)));
  out.push_back(key(8, word(j + 1)));
  out.push_back(key(9, word(j - 2)));
  out.push_back(key(10, word(j + 2)));
  out.push_back(key(11, prev));
  out.push_back(key(12, prev, prev2));
  out.push_back(key(13, key(1, w), prev));
  out.push_back(key(14, suffix(word(j + 1), 3)));
  out.push_back(key(15, suffix(word(j - 1), 3)));
  out.push_back(key(16, i == 0 ? "first" : "later"));
  out.push_back(key(17, suffix(w, 4)));
}

Tagger Tagger::train(const std::vector<Sentence>& sentences, int epochs, std::string metadata) {
  Tagger t;
  t.metadata_ = std::move(metadata);
  std::map<std::string, std::uint16_t> label_ids;  // ordered: deterministic ids
  for (const Sentence& s : sentences) {
    for (const Token& tok : s.tokens) label_ids.emplace(tok.upos + "|" + tok.xpos, 0);
  }
  for (auto& [label, id] : label_ids) {
    id = static_cast<std::uint16_t>(t.labels_.size());
    t.labels_.push_back(label);
  }
  const std::size_t n = t.labels_.size();
  // Dense training rows: weights, running totals and last-update times
  // for averaging.
  struct Dense {
    std::vector<float> w, total;
    std::vector<std::uint32_t> stamp;
  };
  std::unordered_map<std::uint64_t, Dense> rows;
  std::uint32_t clock = 0;
  auto update = [&](std::uint64_t f, std::size_t label, float delta) {
    Dense& d = rows[f];
    if (d.w.empty()) {
      d.w.assign(n, 0);
      d.total.assign(n, 0);
      d.stamp.assign(n, 0);
    }
    d.total[label] += static_cast<float>(clock - d.stamp[label]) * d.w[label];
    d.stamp[label] = clock;
    d.w[label] += delta;
  };
  std::vector<std::uint64_t> feats;
  std::vector<float> scores(n);
  for (int epoch = 0; epoch < epochs; ++epoch) {
    // A fixed, epoch-dependent order keeps training deterministic.
    std::vector<std::size_t> order(sentences.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::uint64_t seed = 88172645463325252ull + static_cast<std::uint64_t>(epoch);
    for (std::size_t i = order.size(); i > 1; --i) {
      seed ^= seed << 13;
      seed ^= seed >> 7;
      seed ^= seed << 17;
      std::swap(order[i - 1], order[seed % i]);
    }
    for (std::size_t si : order) {
      const Sentence& s = sentences[si];
      auto words = forms_of(s);
      std::uint16_t prev = kStart, prev2 = kStart;
      for (std::size_t i = 0; i < words.size(); ++i) {
        ++clock;
        t.features(words, i, prev, prev2, feats);
        std::fill(scores.begin(), scores.end(), 0.0f);
        for (std::uint64_t f : feats) {
          auto it = rows.find(f);
          if (it == rows.end()) continue;
          for (std::size_t l = 0; l < n; ++l) scores[l] += it->second.w[l];
        }
        std::size_t guess = static_cast<std::size_t>(
            std::max_element(scores.begin(), scores.end()) - scores.begin());
        std::size_t gold = label_ids[s.tokens[i].upos + "|" + s.tokens[i].xpos];
        if (guess != gold) {
          for (std::uint64_t f : feats) {
            update(f, gold, 1.0f);
            update(f, guess, -1.0f);
          }
        }
        prev2 = prev;
        prev = static_cast<std::uint16_t>(gold);
      }
    }
  }
  // Average, and keep only the non-zero weights.
  for (auto& [f, d] : rows) {
    Row row;
    for (std::size_t l = 0; l < n; ++l) {
      float total = d.total[l] + static_cast<float>(clock - d.stamp[l]) * d.w[l];
      float avg = total / static_cast<float>(clock);
      if (avg > 1e-4f || avg < -1e-4f) row.emplace_back(static_cast<std::uint16_t>(l), avg);
    }
    if (!row.empty()) t.weights_.emplace(f, std::move(row));
  }
  return t;
}

void Tagger::tag(Sentence& sentence) const {
  if (labels_.empty()) return;
  auto words = forms_of(sentence);
  std::vector<std::uint64_t> feats;
  std::vector<float> scores(labels_.size());
  std::uint16_t prev = kStart, prev2 = kStart;
  for (std::size_t i = 0; i < words.size(); ++i) {
    features(words, i, prev, prev2, feats);
    std::fill(scores.begin(), scores.end(), 0.0f);
    for (std::uint64_t f : feats) {
      auto it = weights_.find(f);
      if (it == weights_.end()) continue;
      for (auto [l, w] : it->second) scores[l] += w;
    }
    auto best =
        static_cast<std::uint16_t>(std::max_element(scores.begin(), scores.end()) - scores.begin());
    const std::string& label = labels_[best];
    std::size_t bar = label.find('|');
    sentence.tokens[i].upos = label.substr(0, bar);
    sentence.tokens[i].xpos = label.substr(bar + 1);
    prev2 = prev;
    prev = best;
  }
}

void Tagger::save(std::ostream& out) const {
  out.write(kMagic, sizeof kMagic);
  write_string(out, metadata_);
  write(out, static_cast<std::uint32_t>(labels_.size()));
  for (const auto& l : labels_) write_string(out, l);
  // Features in key order, so the same model always writes the same bytes.
  std::vector<std::uint64_t> keys;
  keys.reserve(weights_.size());
  for (const auto& [k, row] : weights_) keys.push_back(k);
  std::sort(keys.begin(), keys.end());
  write(out, static_cast<std::uint64_t>(keys.size()));
  for (std::uint64_t k : keys) {
    const Row& row = weights_.at(k);
    write(out, k);
    write(out, static_cast<std::uint16_t>(row.size()));
    for (auto [l, w] : row) {
      write(out, l);
      write(out, w);
    }
  }
}

std::string Tagger::load(std::istream& in) {
  char magic[8];
  if (!in.read(magic, sizeof magic) || !std::equal(magic, magic + 8, kMagic)) {
    return "expected a dyad tagger model (DYADTAG1)";
  }
  Tagger t;
  std::uint32_t labels = 0;
  if (!read_string(in, t.metadata_) || !read(in, labels) || labels > 4096) {
    return "expected the model header";
  }
  t.labels_.resize(labels);
  for (auto& l : t.labels_) {
    if (!read_string(in, l)) return "expected label names";
  }
  std::uint64_t features = 0;
  if (!read(in, features) || features > (1ull << 32)) return "expected a feature count";
  t.weights_.reserve(features);
  for (std::uint64_t i = 0; i < features; ++i) {
    std::uint64_t k = 0;
    std::uint16_t count = 0;
    if (!read(in, k) || !read(in, count)) return "expected feature " + std::to_string(i);
    Row row(count);
    for (auto& [l, w] : row) {
      if (!read(in, l) || !read(in, w) || l >= labels)
        return "expected weights of feature " + std::to_string(i);
    }
    t.weights_.emplace(k, std::move(row));
  }
  *this = std::move(t);
  return {};
}

}  // namespace dyad
