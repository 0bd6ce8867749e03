// Part-of-speech tagger: an averaged perceptron over word, affix, shape and
// context features that predicts UPOS and XPOS together. Trained by
// `dyad train --tagger`, saved to a versioned binary file, loaded read-only
// and shared by all threads.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <unordered_map>
#include <vector>

#include "document/document.h"
#include "syntax/lexicon.h"
#include "syntax/perceptron.h"

namespace dyad {

class Tagger {
 public:
  // Trains from gold sentences (UPOS and XPOS columns). Deterministic: the
  // same input and epochs give the same model. A lexicon, when given, is
  // kept in the model: the word classes it lists for a word are features.
  static Tagger train(const std::vector<Sentence>& sentences, int epochs, std::string metadata,
                      WordClassLexicon lexicon = {});

  // Fills UPOS and XPOS of every word of `sentence`. What `known` says of a
  // word (one entry per word) bounds its label: a name gets a PROPN label,
  // or an ADJ one when its ending makes it a likely adjective of a name
  // ("Russian", "Chinese"); a role noun ("activists") a NOUN label.
  void tag(Sentence& sentence, const std::vector<KnownWord>* known = nullptr) const;

  // Versioned binary format ("DYADTAG" + version); load() returns an error
  // message, or "" on success.
  void save(std::ostream& out) const;
  std::string load(std::istream& in);

  const std::string& metadata() const { return metadata_; }
  std::size_t feature_count() const { return model_.feature_count(); }
  std::size_t label_count() const { return labels_.size(); }
  const WordClassLexicon& lexicon() const { return lexicon_; }

 private:
  void features(const std::vector<std::string>& words, std::size_t i, std::uint16_t prev,
                std::uint16_t prev2, std::vector<std::uint64_t>& out) const;

  // Most frequent label of a lower-cased word, or a "none" id.
  std::uint64_t usual_tag(const std::string& lower_word) const;

  std::vector<std::string> labels_;                       // "UPOS|XPOS"
  std::unordered_map<std::string, std::uint16_t> usual_;  // word -> its most frequent label
  WordClassLexicon lexicon_;
  Perceptron model_;
  std::string metadata_;
};

}  // namespace dyad
