#include "events/event.h"

#include <cmath>

#include "events/cameo.h"

namespace dyad {

nlohmann::json to_json(const Event& e) {
  nlohmann::json j;
  j["doc_id"] = e.doc_id;
  j["sentence_id"] = e.sentence_id;
  j["date"] = e.date;
  j["story_date"] = e.story_date;
  j["date_source"] = e.date_source;
  j["date_precision"] = e.date_precision;
  j["source"] = e.source;
  j["target"] = e.target;
  j["code"] = e.code;
  j["root"] = std::string(root_code(e.code));
  j["quad_class"] = quad_class(e.code);
  double g = goldstein(e.code);
  if (std::isnan(g)) {
    j["goldstein"] = nullptr;
  } else {
    j["goldstein"] = g;
  }
  j["source_text"] = e.source_text;
  j["target_text"] = e.target_text;
  j["verb"] = e.verb_text;
  j["pattern"] = e.pattern;
  j["negated"] = e.negated;
  if (!e.issues.empty()) {
    nlohmann::json issues = nlohmann::json::array();
    for (const auto& [code, count] : e.issues) issues.push_back({{"code", code}, {"count", count}});
    j["issues"] = std::move(issues);
  }
  if (!e.speaker.empty()) {
    j["speaker"] = e.speaker;
    j["speaker_text"] = e.speaker_text;
  }
  return j;
}

}  // namespace dyad
