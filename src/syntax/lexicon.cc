#include "syntax/lexicon.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <vector>

#include "syntax/perceptron.h"

namespace dyad {
namespace {

struct ClassFiles {
  const char* name;  // index.NAME, NAME.exc
  std::uint8_t lemma_bit, inflected_bit;
};
constexpr ClassFiles kClasses[] = {
    {"noun", WordClassLexicon::kNoun, WordClassLexicon::kInflectedNoun},
    {"verb", WordClassLexicon::kVerb, WordClassLexicon::kInflectedVerb},
    {"adj", WordClassLexicon::kAdjective, WordClassLexicon::kInflectedAdjective},
    {"adv", WordClassLexicon::kAdverb, 0},
};

// WordNet's detachment rules: an ending and what replaces it in the lemma.
struct Detachment {
  std::uint8_t lemma_bit, inflected_bit;
  std::string_view ending, replacement;
};
constexpr Detachment kDetachments[] = {
    {WordClassLexicon::kNoun, WordClassLexicon::kInflectedNoun, "s", ""},
    {WordClassLexicon::kNoun, WordClassLexicon::kInflectedNoun, "ses", "s"},
    {WordClassLexicon::kNoun, WordClassLexicon::kInflectedNoun, "xes", "x"},
    {WordClassLexicon::kNoun, WordClassLexicon::kInflectedNoun, "zes", "z"},
    {WordClassLexicon::kNoun, WordClassLexicon::kInflectedNoun, "ches", "ch"},
    {WordClassLexicon::kNoun, WordClassLexicon::kInflectedNoun, "shes", "sh"},
    {WordClassLexicon::kNoun, WordClassLexicon::kInflectedNoun, "men", "man"},
    {WordClassLexicon::kNoun, WordClassLexicon::kInflectedNoun, "ies", "y"},
    {WordClassLexicon::kVerb, WordClassLexicon::kInflectedVerb, "s", ""},
    {WordClassLexicon::kVerb, WordClassLexicon::kInflectedVerb, "ies", "y"},
    {WordClassLexicon::kVerb, WordClassLexicon::kInflectedVerb, "es", "e"},
    {WordClassLexicon::kVerb, WordClassLexicon::kInflectedVerb, "es", ""},
    {WordClassLexicon::kVerb, WordClassLexicon::kInflectedVerb, "ed", "e"},
    {WordClassLexicon::kVerb, WordClassLexicon::kInflectedVerb, "ed", ""},
    {WordClassLexicon::kVerb, WordClassLexicon::kInflectedVerb, "ing", "e"},
    {WordClassLexicon::kVerb, WordClassLexicon::kInflectedVerb, "ing", ""},
    {WordClassLexicon::kAdjective, WordClassLexicon::kInflectedAdjective, "er", ""},
    {WordClassLexicon::kAdjective, WordClassLexicon::kInflectedAdjective, "est", ""},
    {WordClassLexicon::kAdjective, WordClassLexicon::kInflectedAdjective, "er", "e"},
    {WordClassLexicon::kAdjective, WordClassLexicon::kInflectedAdjective, "est", "e"},
};

// English spelling adds "-es" (rather than "-s") only after a sibilant or
// an "o" ("fixes", "pushes", "goes"): "departes" is no form of "depart".
bool plausible_stem(const Detachment& d, std::string_view stem) {
  if (d.ending != "es" || !d.replacement.empty()) return true;
  return stem.ends_with('s') || stem.ends_with('x') || stem.ends_with('z') ||
         stem.ends_with("ch") || stem.ends_with("sh") || stem.ends_with('o');
}

// The lemma a detachment rule would give `lower` ("linked" with -ed -> ""
// is "link"), written into `base`; false when the word lacks the ending or
// is too short for it.
bool detach(std::string_view lower, const Detachment& d, std::string& base) {
  if (lower.size() <= d.ending.size() + 1 || !lower.ends_with(d.ending)) return false;
  base.assign(lower.substr(0, lower.size() - d.ending.size()));
  base += d.replacement;
  return true;
}

bool single_word(std::string_view w) { return !w.empty() && w.find('_') == std::string_view::npos; }

}  // namespace

std::string WordClassLexicon::read_wordnet(const std::string& dir) {
  std::string first_error;
  auto note = [&](const std::string& e) {
    if (first_error.empty()) first_error = e;
  };
  for (const ClassFiles& c : kClasses) {
    const std::string index = dir + "/index." + c.name;
    std::ifstream in(index);
    if (!in) {
      note(index + ": cannot read");
      continue;
    }
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
      if (line.empty() || line[0] == ' ') continue;  // the licence header
      const std::size_t space = line.find(' ');
      if (space == std::string::npos || space == 0) {
        note(index + ":" + std::to_string(n) + ": expected 'lemma pos ...'");
        continue;
      }
      const std::string_view w(line.data(), space);
      if (single_word(w)) lemmas_[std::string(w)] |= c.lemma_bit;
    }
    if (c.inflected_bit == 0) continue;
    const std::string exc = dir + "/" + c.name + ".exc";
    std::ifstream ex(exc);
    if (!ex) {
      note(exc + ": cannot read");
      continue;
    }
    for (int n = 1; std::getline(ex, line); ++n) {
      if (line.empty()) continue;
      const std::size_t space = line.find(' ');
      if (space == std::string::npos || space == 0) {
        note(exc + ":" + std::to_string(n) + ": expected 'form lemma'");
        continue;
      }
      const std::string_view w(line.data(), space);
      if (!single_word(w)) continue;
      exceptions_[std::string(w)] |= c.inflected_bit;
      const std::size_t end = line.find(' ', space + 1);
      const std::string lemma =
          line.substr(space + 1, end == std::string::npos ? end : end - space - 1);
      if (!lemma.empty()) {
        irregular_.emplace(std::string(w) + "\t" + std::to_string(c.inflected_bit), lemma);
      }
    }
  }
  return first_error;
}

std::uint8_t WordClassLexicon::lemma(std::string_view w) const {
  auto it = lemmas_.find(w);
  return it == lemmas_.end() ? 0 : it->second;
}

std::uint8_t WordClassLexicon::classes(std::string_view lower) const {
  if (lemmas_.empty() || lower.empty()) return 0;
  std::uint8_t bits = lemma(lower);
  if (auto it = exceptions_.find(lower); it != exceptions_.end()) bits |= it->second;
  std::string base;
  for (const Detachment& d : kDetachments) {
    if (!(bits & d.inflected_bit) && detach(lower, d, base) && (lemma(base) & d.lemma_bit)) {
      bits |= d.inflected_bit;
    }
  }
  return bits;
}

std::string_view WordClassLexicon::irregular_lemma(std::string_view lower,
                                                   std::uint8_t inflected_class) const {
  auto it = irregular_.find(std::string(lower) + "\t" + std::to_string(inflected_class));
  return it == irregular_.end() ? std::string_view() : std::string_view(it->second);
}

std::string WordClassLexicon::regular_lemma(std::string_view lower,
                                            std::uint8_t inflected_class) const {
  std::string base;
  for (const Detachment& d : kDetachments) {
    if (d.inflected_bit == inflected_class && detach(lower, d, base) &&
        (lemma(base) & d.lemma_bit) && plausible_stem(d, base)) {
      return base;
    }
  }
  return {};
}

void WordClassLexicon::save(std::ostream& out) const {
  for (const auto* table : {&lemmas_, &exceptions_}) {
    const std::map<std::string, std::uint8_t> sorted(table->begin(), table->end());
    write_u32(out, static_cast<std::uint32_t>(sorted.size()));
    for (const auto& [w, bits] : sorted) {
      write_string(out, w);
      write_u32(out, bits);
    }
  }
  const std::map<std::string, std::string> sorted(irregular_.begin(), irregular_.end());
  write_u32(out, static_cast<std::uint32_t>(sorted.size()));
  for (const auto& [key, lemma] : sorted) {
    write_string(out, key);
    write_string(out, lemma);
  }
}

bool WordClassLexicon::load(std::istream& in) {
  WordClassLexicon l;
  for (auto* table : {&l.lemmas_, &l.exceptions_}) {
    std::uint32_t count = 0;
    if (!read_u32(in, count) || count > (1u << 22)) return false;
    table->reserve(count);
    for (std::uint32_t i = 0; i < count; ++i) {
      std::string w;
      std::uint32_t bits = 0;
      if (!read_string(in, w) || !read_u32(in, bits) || bits > 0xFF) return false;
      table->emplace(std::move(w), static_cast<std::uint8_t>(bits));
    }
  }
  std::uint32_t count = 0;
  if (!read_u32(in, count) || count > (1u << 22)) return false;
  for (std::uint32_t i = 0; i < count; ++i) {
    std::string key, lemma;
    if (!read_string(in, key) || !read_string(in, lemma)) return false;
    l.irregular_.emplace(std::move(key), std::move(lemma));
  }
  *this = std::move(l);
  return true;
}

}  // namespace dyad
