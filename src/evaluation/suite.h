// Validation suites in the shared JSON Lines format, and the score card that
// compares coded events with their gold events.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "conllu/conllu.h"
#include "events/event.h"

namespace dyad {

// A gold event: source, target and CAMEO code exactly as the suite gives them.
struct GoldEvent {
  std::string source;
  std::string target;
  std::string code;
  bool operator==(const GoldEvent&) const = default;
  auto operator<=>(const GoldEvent&) const = default;
};

// One record of a suite: a sentence (text and parse), its story date and
// what a correct coder emits for it.
struct SuiteRecord {
  std::string id;
  std::string suite;
  std::string lang;
  std::string date;
  std::string text;
  std::string conllu;
  std::vector<GoldEvent> expected;
  std::string category;
  bool scored = false;
  bool noevents = false;
  std::string expect_error;
  nlohmann::json config;
  std::size_t line = 0;  // line in the JSONL file
};

// Reads a suite file. Malformed lines are skipped and reported.
std::vector<SuiteRecord> read_suite(const std::string& path, std::vector<InputError>& errors);

// Per-category tally of a score card.
struct CategoryScore {
  int scored = 0;
  int exact = 0;
};

// Exact-record rate and precision/recall/F1 on (source, target, code)
// triples and on root codes.
struct ScoreCard {
  std::string suite;
  int records = 0;
  int scored = 0;
  int exact = 0;
  int true_positives = 0, false_positives = 0, false_negatives = 0;
  int root_true_positives = 0, root_false_positives = 0, root_false_negatives = 0;
  std::map<std::string, CategoryScore> by_category;

  // Adds one record's outcome. Unscored records only count in `records`.
  void add(const SuiteRecord& record, const std::vector<GoldEvent>& coded);
  double precision() const;
  double recall() const;
  double f1() const;
  double root_precision() const;
  double root_recall() const;
  double root_f1() const;
  nlohmann::json to_json() const;
  std::string to_text() const;
};

// The (source, target, code) triples of coded events.
std::vector<GoldEvent> triples(const std::vector<Event>& events);

}  // namespace dyad
