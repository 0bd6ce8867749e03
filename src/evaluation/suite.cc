#include "evaluation/suite.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>

#include "events/cameo.h"

namespace dyad {
namespace {

double ratio(int a, int b) { return b == 0 ? 0.0 : static_cast<double>(a) / b; }
double harmonic(double p, double r) { return p + r == 0 ? 0.0 : 2 * p * r / (p + r); }

// Multiset intersection size of two sorted lists.
template <typename T>
int overlap(std::vector<T> a, std::vector<T> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  std::vector<T> common;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
  return static_cast<int>(common.size());
}

std::string root_of(const std::string& code) {
  std::string_view r = root_code(code);
  return r.empty() ? code.substr(0, 2) : std::string(r);
}

}  // namespace

std::vector<SuiteRecord> read_suite(const std::string& path, std::vector<InputError>& errors) {
  std::vector<SuiteRecord> out;
  std::ifstream in(path);
  if (!in) {
    errors.push_back({path, 0, "expected a readable JSON Lines file"});
    return out;
  }
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line == "\r") continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      errors.push_back({path, number, "expected one JSON object per line"});
      continue;
    }
    try {
      SuiteRecord r;
      r.line = number;
      r.id = j.at("id").get<std::string>();
      r.suite = j.value("suite", "");
      r.lang = j.value("lang", "en");
      r.date = j.value("date", "");
      r.text = j.value("text", "");
      r.conllu = j.value("conllu", "");
      r.category = j.value("category", "");
      r.scored = j.value("scored", true);
      if (j.contains("expected")) {
        for (const auto& e : j.at("expected")) {
          r.expected.push_back({e.at("source").get<std::string>(),
                                e.at("target").get<std::string>(),
                                e.at("code").get<std::string>()});
        }
      }
      if (j.contains("flags") && j["flags"].is_object()) {
        r.noevents = j["flags"].value("noevents", false);
        if (j["flags"].contains("expect_error") && j["flags"]["expect_error"].is_string()) {
          r.expect_error = j["flags"]["expect_error"].get<std::string>();
        }
      }
      r.config = j.value("config", nlohmann::json::object());
      out.push_back(std::move(r));
    } catch (const nlohmann::json::exception& e) {
      errors.push_back({path, number,
                        std::string("expected fields id (string) and expected "
                                    "[{source, target, code}]: ") +
                            e.what()});
    }
  }
  return out;
}

std::vector<GoldEvent> triples(const std::vector<Event>& events) {
  std::vector<GoldEvent> out;
  for (const auto& e : events) {
    GoldEvent g{e.source, e.target, e.code};
    if (std::find(out.begin(), out.end(), g) == out.end()) out.push_back(g);
  }
  return out;
}

void ScoreCard::add(const SuiteRecord& record, const std::vector<GoldEvent>& coded) {
  ++records;
  if (!record.scored) return;
  ++scored;
  CategoryScore& cat = by_category[record.category];
  ++cat.scored;
  std::vector<GoldEvent> gold = record.expected;
  std::vector<GoldEvent> a = gold, b = coded;
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  if (a == b) {
    ++exact;
    ++cat.exact;
  }
  int tp = overlap(gold, coded);
  true_positives += tp;
  false_positives += static_cast<int>(coded.size()) - tp;
  false_negatives += static_cast<int>(gold.size()) - tp;
  std::vector<std::string> gold_roots, coded_roots;
  for (const auto& g : gold) gold_roots.push_back(root_of(g.code));
  for (const auto& c : coded) coded_roots.push_back(root_of(c.code));
  int rtp = overlap(gold_roots, coded_roots);
  root_true_positives += rtp;
  root_false_positives += static_cast<int>(coded_roots.size()) - rtp;
  root_false_negatives += static_cast<int>(gold_roots.size()) - rtp;
}

double ScoreCard::precision() const {
  return ratio(true_positives, true_positives + false_positives);
}
double ScoreCard::recall() const { return ratio(true_positives, true_positives + false_negatives); }
double ScoreCard::f1() const { return harmonic(precision(), recall()); }
double ScoreCard::root_precision() const {
  return ratio(root_true_positives, root_true_positives + root_false_positives);
}
double ScoreCard::root_recall() const {
  return ratio(root_true_positives, root_true_positives + root_false_negatives);
}
double ScoreCard::root_f1() const { return harmonic(root_precision(), root_recall()); }

nlohmann::json ScoreCard::to_json() const {
  nlohmann::json cats = nlohmann::json::object();
  for (const auto& [name, c] : by_category) {
    cats[name] = {{"scored", c.scored}, {"exact", c.exact}, {"rate", ratio(c.exact, c.scored)}};
  }
  return {{"suite", suite},
          {"records", records},
          {"scored", scored},
          {"exact", exact},
          {"exact_rate", ratio(exact, scored)},
          {"precision", precision()},
          {"recall", recall()},
          {"f1", f1()},
          {"root_precision", root_precision()},
          {"root_recall", root_recall()},
          {"root_f1", root_f1()},
          {"by_category", cats}};
}

std::string ScoreCard::to_text() const {
  std::string out = fmt::format("suite            {}\nrecords          {}\nscored           {}\n",
                                suite, records, scored);
  out += fmt::format("exactly right    {} / {} = {:.1f}%\n", exact, scored,
                     100 * ratio(exact, scored));
  out += fmt::format("events           P {:.3f}  R {:.3f}  F1 {:.3f}  (tp {} fp {} fn {})\n",
                     precision(), recall(), f1(), true_positives, false_positives, false_negatives);
  out += fmt::format("root codes       P {:.3f}  R {:.3f}  F1 {:.3f}\n", root_precision(),
                     root_recall(), root_f1());
  out += "by category      exact / scored\n";
  for (const auto& [name, c] : by_category) {
    out += fmt::format("  {:<14} {:>4} / {:<4} {:5.1f}%\n", name, c.exact, c.scored,
                       100 * ratio(c.exact, c.scored));
  }
  return out;
}

}  // namespace dyad
