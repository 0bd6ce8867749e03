#include "evaluation/evaluate.h"

#include <algorithm>

#include "events/coder.h"

namespace dyad {

Document record_document(const SuiteRecord& record, std::vector<InputError>* errors) {
  Document doc;
  doc.id = record.id;
  doc.date = record.date;
  doc.sentences = parse_conllu(
      record.conllu,
      record.suite + ".jsonl:" + std::to_string(record.line) + " (" + record.id + ")", errors);
  return doc;
}

SuiteEvaluation evaluate_suite(const std::vector<SuiteRecord>& records, const Dictionaries& dict,
                               const std::string& suite_name, const SyntaxPipeline* pipeline) {
  SuiteEvaluation result;
  result.card.suite = suite_name;
  CoderOptions base;
  Coder default_coder(dict, base);
  CoderOptions no_dyad = base;
  no_dyad.require_dyad = false;
  Coder loose_coder(dict, no_dyad);
  // The tagger is told which words name actors in these dictionaries.
  const SyntaxPipeline::WordFinder known = [&](const Sentence& s) {
    return default_coder.known_words(s);
  };
  for (const SuiteRecord& r : records) {
    RecordOutcome o;
    o.record = &r;
    Document doc;
    if (pipeline) {
      doc.id = r.id;
      doc.date = r.date;
      doc.sentences = pipeline->parse_text(r.text, r.id, &known);
    } else {
      doc = record_document(r, &o.parse_errors);
    }
    bool require_dyad = true;
    if (r.config.is_object() && r.config.contains("require_dyad") &&
        r.config["require_dyad"].is_boolean()) {
      require_dyad = r.config["require_dyad"].get<bool>();
    }
    o.events = (require_dyad ? default_coder : loose_coder).code(doc);
    o.sentences = std::move(doc.sentences);
    auto coded = triples(o.events);
    auto gold = r.expected;
    std::sort(coded.begin(), coded.end());
    std::sort(gold.begin(), gold.end());
    o.exact = coded == gold;
    result.card.add(r, triples(o.events));
    result.outcomes.push_back(std::move(o));
  }
  return result;
}

}  // namespace dyad
