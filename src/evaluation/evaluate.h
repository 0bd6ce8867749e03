// Runs the coder over a validation suite and scores it.
#pragma once

#include <string>
#include <vector>

#include "dictionaries/dictionaries.h"
#include "evaluation/suite.h"
#include "syntax/pipeline.h"

namespace dyad {

// A record's outcome: what was coded and whether it matched the gold.
struct RecordOutcome {
  const SuiteRecord* record = nullptr;
  std::vector<Event> events;
  bool exact = false;
  std::vector<InputError> parse_errors;
  std::vector<Sentence> sentences;  // the parses the record was coded from
};

struct SuiteEvaluation {
  ScoreCard card;
  std::vector<RecordOutcome> outcomes;
};

// Codes every record from its CoNLL-U parse with the record's options
// (the `config` field: require_dyad) and scores the result.
// With `pipeline`, records are coded from their raw text through dyad's own
// tokenizer, tagger and parser instead of the supplied parse.
SuiteEvaluation evaluate_suite(const std::vector<SuiteRecord>& records, const Dictionaries& dict,
                               const std::string& suite_name,
                               const SyntaxPipeline* pipeline = nullptr);

// Turns a record into a one-sentence-or-more document.
Document record_document(const SuiteRecord& record, std::vector<InputError>* errors);

}  // namespace dyad
