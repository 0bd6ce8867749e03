#include "dictionaries/wikidata.h"

#include <map>
#include <nlohmann/json.hpp>

namespace dyad {
namespace {

using nlohmann::json;

// "+2019-03-20T00:00:00Z" with precision 11 (day), 10 (month) or 9 (year)
// -> "2019-03-20", "2019-03", "2019"; "" when missing or coarser.
std::string wikidata_date(const json& snak) {
  const json* value = nullptr;
  if (snak.contains("datavalue") && snak["datavalue"].contains("value")) {
    value = &snak["datavalue"]["value"];
  }
  if (!value || !value->is_object() || !value->contains("time") || !(*value)["time"].is_string()) {
    return "";
  }
  std::string t = (*value)["time"].get<std::string>();
  int precision = value->value("precision", 11);
  if (t.size() < 11 || t[0] != '+') return "";
  std::string date = t.substr(1, 10);  // YYYY-MM-DD
  if (precision >= 11 && date.substr(5, 2) != "00" && date.substr(8, 2) != "00") return date;
  if (precision >= 10 && date.substr(5, 2) != "00") return date.substr(0, 7);
  if (precision >= 9) return date.substr(0, 4);
  return "";
}

std::string first_qualifier_date(const json& claim, const char* property) {
  if (!claim.contains("qualifiers") || !claim["qualifiers"].contains(property)) return "";
  for (const json& q : claim["qualifiers"][property]) {
    std::string d = wikidata_date(q);
    if (!d.empty()) return d;
  }
  return "";
}

std::string english(const json& entity, const char* field) {
  if (!entity.contains(field) || !entity[field].contains("en")) return "";
  const json& en = entity[field]["en"];
  if (en.is_object() && en.contains("value") && en["value"].is_string()) {
    return en["value"].get<std::string>();
  }
  return "";
}

// A name fit for a dictionary line: no '|' or '#', single blanks.
std::string clean(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '|' || c == '#' || c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

WikidataImport import_wikidata(std::istream& dump, const std::string& name,
                               const std::vector<PositionBlock>& positions, std::ostream& out) {
  WikidataImport r;
  std::map<std::string, const PositionBlock*> by_qid;
  for (const PositionBlock& p : positions) by_qid.emplace(p.qid, &p);
  out << "# Office-holders imported from a Wikidata dump (" << name
      << ") by `dyad dict import-wikidata`.\n# Data: Wikidata, CC0. Review before merging.\n\n";
  std::string line;
  std::size_t number = 0;
  while (std::getline(dump, line)) {
    ++number;
    std::string_view s = line;
    while (!s.empty() && (s.back() == ',' || s.back() == ' ' || s.back() == '\r'))
      s.remove_suffix(1);
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    if (s.empty() || s == "[" || s == "]") continue;
    json entity = json::parse(s, nullptr, false);
    if (entity.is_discarded() || !entity.is_object() || !entity.contains("id")) {
      ++r.skipped;
      r.errors.push_back({name, number, "expected one JSON entity object with an \"id\""});
      continue;
    }
    ++r.entities;
    if (!entity.contains("claims") || !entity["claims"].is_object() ||
        !entity["claims"].contains("P39") || !entity["claims"]["P39"].is_array()) {
      continue;
    }
    std::vector<std::string> roles;
    for (const json& claim : entity["claims"]["P39"]) {
      if (!claim.is_object() || claim.value("rank", "normal") == "deprecated") continue;
      const json* value = nullptr;
      if (claim.contains("mainsnak") && claim["mainsnak"].contains("datavalue") &&
          claim["mainsnak"]["datavalue"].contains("value")) {
        value = &claim["mainsnak"]["datavalue"]["value"];
      }
      if (!value || !value->is_object() || !value->contains("id") || !(*value)["id"].is_string()) {
        continue;
      }
      auto it = by_qid.find((*value)["id"].get<std::string>());
      if (it == by_qid.end()) continue;
      std::string start = first_qualifier_date(claim, "P580");
      std::string end = first_qualifier_date(claim, "P582");
      if (start.empty()) {
        r.errors.push_back({name, number,
                            "expected a start date (P580) on " + it->first + " of " +
                                entity["id"].get<std::string>() + ": role left out"});
        continue;
      }
      roles.push_back(it->second->actor + " " + it->second->office + " " + start + ".." + end);
    }
    if (roles.empty()) continue;
    std::string label = clean(english(entity, "labels"));
    if (label.empty()) {
      r.errors.push_back({name, number,
                          "expected an English label for " + entity["id"].get<std::string>() +
                              ": entity left out"});
      continue;
    }
    out << "person " << label << "  # wikidata " << entity["id"].get<std::string>() << "\n";
    std::vector<std::string> aliases;
    if (entity.contains("aliases") && entity["aliases"].contains("en") &&
        entity["aliases"]["en"].is_array()) {
      for (const json& a : entity["aliases"]["en"]) {
        if (a.contains("value") && a["value"].is_string()) {
          std::string v = clean(a["value"].get<std::string>());
          if (!v.empty() && v != label) aliases.push_back(v);
        }
      }
    }
    if (!aliases.empty()) {
      out << "  alias: ";
      for (std::size_t i = 0; i < aliases.size(); ++i) out << (i ? " | " : "") << aliases[i];
      out << "\n";
    }
    for (const auto& role : roles) out << "  role: " << role << "\n";
    out << "\n";
    ++r.people;
    r.roles += roles.size();
  }
  return r;
}

}  // namespace dyad
