// Scores a system's CoNLL-U against gold the way the CoNLL 2018 shared task
// did: tokens, sentences and words aligned by their characters (white space
// ignored), then tags, lemmas and attachments compared on aligned words.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "document/document.h"

namespace dyad {

// Precision, recall and F1 of one metric.
struct UdMetric {
  int gold = 0;
  int system = 0;
  int correct = 0;
  double precision() const { return system ? static_cast<double>(correct) / system : 0.0; }
  double recall() const { return gold ? static_cast<double>(correct) / gold : 0.0; }
  double f1() const { return gold + system ? 2.0 * correct / (gold + system) : 0.0; }
};

struct UdScores {
  UdMetric tokens, sentences, words, upos, xpos, lemmas, uas, las;
  // UFeats: the whole set of universal features (CoNLL 2018: the 21 features
  // of the UD guidelines, others such as NumForm or ExtPos ignored) matches;
  // AllTags: UPOS, XPOS and UFeats all match.
  UdMetric ufeats, alltags;
  std::string error;  // set when the two files do not hold the same text
  // {"Tokens", "Sentences", "Words", "UPOS", "XPOS", "Lemmas", "UAS", "LAS",
  // "UFeats", "AllTags"}: F1 in percent.
  nlohmann::json to_json() const;
  std::string to_text() const;
};

// Compares two tokenised and annotated versions of the same text.
UdScores evaluate_ud(const std::vector<Sentence>& gold, const std::vector<Sentence>& system);

}  // namespace dyad
