// Word-class lexicon: which open classes (noun, verb, adjective, adverb) an
// English word form can belong to, read from WordNet's index and exception
// files and extended to inflected forms by WordNet's own detachment rules
// ("links" -> link: noun or verb; "risen" -> rise: verb). The tagger uses it
// for words its training data saw rarely or never ("agree" occurs once in
// GUM's training split). Saved inside the tagger model.
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <unordered_map>

namespace dyad {

class WordClassLexicon {
 public:
  // Bits of classes(): the form is a lemma of the class, or an inflection
  // of one.
  enum : std::uint8_t {
    kNoun = 1,
    kVerb = 2,
    kAdjective = 4,
    kAdverb = 8,
    kInflectedNoun = 16,
    kInflectedVerb = 32,
    kInflectedAdjective = 64,
  };

  // Reads index.{noun,verb,adj,adv} and {noun,verb,adj,adv}.exc from a
  // WordNet dictionary folder (Debian's wordnet-base: /usr/share/wordnet).
  // Multi-word entries are left out. Returns "" or "file:line: expected
  // ..." for the first malformed line (the rest is still read).
  std::string read_wordnet(const std::string& dir);

  // The class bits of a lower-case word form; 0 when unknown.
  std::uint8_t classes(std::string_view lower) const;

  // The lemma of an irregular form in one class (kInflectedNoun,
  // kInflectedVerb or kInflectedAdjective): "froze" -> "freeze"; "" when the
  // exception lists have none.
  std::string_view irregular_lemma(std::string_view lower, std::uint8_t inflected_class) const;
  // The lemma a regular ending gives in one class, when WordNet lists that
  // lemma: "hoped" -> "hope"; "" when none does. Stricter than classes():
  // "-es" only after a sibilant or "o" ("departes" gives no "depart").
  std::string regular_lemma(std::string_view lower, std::uint8_t inflected_class) const;

  bool empty() const { return lemmas_.empty(); }
  std::size_t size() const { return lemmas_.size() + exceptions_.size(); }

  void save(std::ostream& out) const;
  bool load(std::istream& in);

 private:
  std::uint8_t lemma(std::string_view w) const;
  // Looked up by string_view, with no copy of the word (the tagger asks for
  // every token).
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Table = std::unordered_map<std::string, std::uint8_t, Hash, std::equal_to<>>;
  Table lemmas_;      // lemma -> kNoun|kVerb|...
  Table exceptions_;  // irregular form -> inflected bits
  // "form\tbit" -> the first lemma the exception list gives for that class.
  std::unordered_map<std::string, std::string> irregular_;
};

}  // namespace dyad
