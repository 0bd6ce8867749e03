// A coded political event: who did what to whom, when, in which sentence,
// and why the coder said so (the text of each actor and the pattern matched).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace dyad {

struct Event {
  std::string doc_id;
  int sentence_id = 0;  // 1-based position of the sentence in its document
  std::string date;  // when it happened, YYYYMMDD: from the text when it says, else the story date
  std::string story_date;  // the story's date YYYYMMDD
  std::string date_source =
      "story";  // "story", "text" (this sentence) or "paragraph" (an earlier one)
  std::string date_precision = "day";  // "day", "month" or "year" (then date is the first day)
  int verb_token = 0;                  // id of the verb in the sentence (0 = unknown)
  std::string source;                  // CAMEO actor code, "---" when unknown
  std::string target;
  std::string code;  // CAMEO event code ("050", "1121")
  std::string source_text;
  std::string target_text;
  std::string verb_text;     // the verb (and particle) the event was coded from
  std::string pattern;       // the dictionary pattern (or verb block) that matched, with file:line
  bool negated = false;      // the verb was negated and the code was recoded
  std::string speaker;       // actor code of whoever reported the event ("" if not reported)
  std::string speaker_text;  // their words in the sentence
  // Issues the sentence mentions (issue dictionary), with their counts.
  std::vector<std::pair<std::string, int>> issues;
};

}  // namespace dyad

#include <nlohmann/json.hpp>

namespace dyad {

// The event as one JSON object, with root code, quad class and Goldstein
// score derived from the CAMEO code (field names are a stable interface).
nlohmann::json to_json(const Event& e);

}  // namespace dyad
