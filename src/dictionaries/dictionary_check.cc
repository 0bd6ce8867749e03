#include "dictionaries/dictionary_check.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "events/cameo.h"

namespace dyad {
namespace {

// "file:line" -> InputError.
InputError at(const std::string& origin, std::string message) {
  InputError e;
  std::size_t colon = origin.rfind(':');
  e.file = colon == std::string::npos ? origin : origin.substr(0, colon);
  if (colon != std::string::npos) e.line = std::strtoul(origin.c_str() + colon + 1, nullptr, 10);
  e.message = std::move(message);
  return e;
}

std::string in_quotes(std::string_view s) { return "'" + std::string(s) + "'"; }

std::string normalised(std::string_view s) {
  std::string out;
  std::istringstream in{std::string(s)};
  for (std::string w; in >> w;) {
    if (w == "the" || w == "The" || w == "THE") {
      if (out.empty()) continue;
    }
    out += (out.empty() ? "" : " ") + to_upper_ascii(w);
  }
  return out;
}

// Role and sector codes an agent may give (CAMEO actor codebook).
const std::set<std::string, std::less<>>& agent_codes() {
  static const std::set<std::string, std::less<>> kCodes = {
      "AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI", "IGO",
      "IMG", "INS", "INT", "JUD", "LAB", "LEG", "MED", "MIL", "MNC", "MOD", "NGM", "NGO", "OPP",
      "PTY", "RAD", "REB", "REF", "REL", "SEP", "SPY", "UAF", "UIS", "CHR", "MOS", "JEW", "BUD",
      "HIN", "SHI", "SUN", "CTH", "ORT", "PRO", "ITH", "ATH", "SIK", "JAN", "CON", "TAO",
  };
  return kCodes;
}

// Offices of which a country (or organisation) has one holder at a time.
bool single_holder(std::string_view office) {
  return office == "head-of-state" || office == "head-of-government" ||
         office == "foreign-minister" || office == "defence-minister" ||
         office == "interior-minister" || office == "finance-minister" ||
         office == "secretary-general";
}

// Words that can open a pattern's prepositional phrase "(prep ...)": the
// coder matches the phrase by its preposition, so any other first word
// ("(publicly)", "(close to +)") never matches.
bool is_preposition(std::string_view upper) {
  static const std::set<std::string, std::less<>> kWords = {
      "ABOARD",     "ABOUT",   "ABOVE",      "ACROSS",  "AFTER",     "AGAINST",   "ALONG",
      "ALONGSIDE",  "AMID",    "AMIDST",     "AMONG",   "AMONGST",   "AROUND",    "AS",
      "AT",         "BEFORE",  "BEHIND",     "BELOW",   "BENEATH",   "BESIDE",    "BETWEEN",
      "BEYOND",     "BY",      "CONCERNING", "DESPITE", "DOWN",      "DURING",    "EXCEPT",
      "FOLLOWING",  "FOR",     "FROM",       "IN",      "INCLUDING", "INSIDE",    "INTO",
      "LIKE",       "NEAR",    "OF",         "OFF",     "ON",        "ONTO",      "OPPOSITE",
      "OUT",        "OUTSIDE", "OVER",       "PAST",    "PER",       "REGARDING", "SINCE",
      "THAN",       "THROUGH", "THROUGHOUT", "TO",      "TOWARD",    "TOWARDS",   "UNDER",
      "UNDERNEATH", "UNLIKE",  "UNTIL",      "UP",      "UPON",      "VIA",       "WITH",
      "WITHIN",     "WITHOUT"};
  return kWords.contains(upper);
}

bool legislative(std::string_view office) {
  return office == "speaker" || office == "deputy-speaker" || office == "legislator";
}

bool executive(std::string_view office) {
  return office == "head-of-state" || office == "head-of-government" ||
         office == "vice-president" || office == "deputy-head-of-government" ||
         office.ends_with("minister");
}

std::string span_text(const DateRange& r) {
  std::string t = r.text();
  return t.empty() ? "all dates" : t;
}

struct NameUse {
  std::string code;
  DateRange range;
  std::string origin;
  std::string owner;  // block origin: uses of one block never conflict with each other
  bool generated = false;
};

// The dates a person held any office: from the first start to the last end.
DateRange person_span(const PersonBlock& p) {
  DateRange r;
  if (p.roles.empty()) return r;
  r.first = r.first_late = 99991231;
  r.last = r.last_early = 0;
  for (const Role& role : p.roles) {
    r.first = std::min(r.first, role.range.first);
    r.first_late = std::min(r.first_late, role.range.first_late);
    r.last = std::max(r.last, role.range.last);
    r.last_early = std::max(r.last_early, role.range.last_early);
  }
  return r;
}

class Checker {
 public:
  explicit Checker(const DictionarySource& s) : s_(s) {}

  std::vector<InputError> run() {
    out_ = s_.errors;
    known_codes();
    actors();
    people();
    organisations();
    agents();
    verbs();
    governing_verbs();
    std::stable_sort(out_.begin(), out_.end(), [](const InputError& a, const InputError& b) {
      return a.file != b.file ? a.file < b.file : a.line < b.line;
    });
    return std::move(out_);
  }

 private:
  void error(const std::string& origin, std::string message) {
    out_.push_back(at(origin, std::move(message)));
  }

  void known_codes() {
    std::map<std::string, std::string> hand_countries;
    for (const CountryBlock& c : s_.countries) {
      countries_.insert(c.code);
      if (!c.iso.empty()) countries_.insert(c.iso);
      if (c.generated) continue;
      // A block of places only (regions.dyad) may add to a country's.
      const bool places_only = !c.regions.empty() && c.names.empty() && c.adjectives.empty() &&
                               c.people.empty() && c.capitals.empty() && c.government.empty() &&
                               c.legislature.empty() && c.military.empty() && c.iso.empty();
      if (places_only) continue;
      auto [it, fresh] = hand_countries.emplace(c.code, c.origin);
      if (!fresh)
        error(c.origin, "duplicate block 'country " + c.code + "' (first at " + it->second + ")");
    }
    std::map<std::string, std::string> seen;
    for (const OrganisationBlock& o : s_.organisations) {
      auto [it, fresh] = seen.emplace(o.code, o.origin);
      if (!fresh)
        error(o.origin,
              "duplicate block 'organisation " + o.code + "' (first at " + it->second + ")");
      organisations_.insert(o.code);
    }
    for (const ActorBlock& a : s_.actors) others_.insert(a.code);
  }

  bool known_actor(const std::string& code) const {
    return countries_.contains(code) || organisations_.contains(code) || others_.contains(code);
  }

  // Names that point at two different codes at the same time.
  void actors() {
    std::map<std::string, std::vector<NameUse>> uses;
    auto add = [&](const std::vector<DatedItem>& list, const std::string& code,
                   const std::string& owner, bool generated) {
      for (const DatedItem& d : list) {
        uses[normalised(d.text)].push_back({code, d.range, d.origin, owner, generated});
      }
    };
    std::map<std::string, std::string> iso_to_code;
    for (const CountryBlock& c : s_.countries) {
      if (!c.iso.empty()) iso_to_code[c.iso] = c.code;
    }
    for (const CountryBlock& c : s_.countries) {
      std::string code = c.code;
      if (auto it = iso_to_code.find(code); c.generated && it != iso_to_code.end()) {
        code = it->second;
      }
      std::string owner = "country " + code;
      add(c.names, code, owner, c.generated);
      add(c.adjectives, c.code, owner, false);
      add(c.people, c.code, owner, false);
      add(c.capitals, c.code + "GOV", owner, false);
      add(c.government, c.code + "GOV", owner, false);
      add(c.legislature, c.code + "LEG", owner, false);
      add(c.military, c.code + "MIL", owner, false);
      // Generated region names give way to any other entry when compiled.
      if (!c.generated) add(c.regions, c.code, owner, false);
    }
    for (const OrganisationBlock& o : s_.organisations) add(o.names, o.code, o.origin, false);
    for (const ActorBlock& a : s_.actors) add(a.names, a.code, a.origin, false);
    // A place that names no actor conflicts with any actor of that name.
    for (const DatedItem& d : s_.places) {
      uses[normalised(d.text)].push_back({"(no actor)", d.range, d.origin, d.origin, false});
    }
    for (const PersonBlock& p : s_.people) {
      DateRange span = person_span(p);
      std::string code = p.roles.empty() ? "" : p.roles.front().code;
      std::string owner = "person " + p.origin;
      uses[normalised(p.name)].push_back({code, span, p.origin, owner, false});
      for (const DatedItem& a : p.aliases) {
        uses[normalised(a.text)].push_back({code, span, a.origin, owner, false});
      }
    }
    for (const auto& [name, list] : uses) {
      for (std::size_t i = 0; i < list.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
          const NameUse& a = list[j];
          const NameUse& b = list[i];
          if (a.owner == b.owner) {
            // A person's alias that repeats their name is harmless.
            if (a.owner.find("person ") == 0) continue;
            if (a.code == b.code && a.origin != b.origin &&
                certain_overlap_days(a.range, b.range) > 0 && !a.generated && !b.generated) {
              error(b.origin, "duplicate name " + in_quotes(name) + " (also at " + a.origin + ")");
              break;
            }
            continue;
          }
          if (a.generated || b.generated) {
            if (a.code == b.code) continue;
          }
          if (certain_overlap_days(a.range, b.range) <= 1) continue;
          if (a.code == b.code) {
            error(b.origin, "duplicate name " + in_quotes(name) + " for " + b.code + " (also at " +
                                a.origin + ")");
          } else {
            error(b.origin, "conflicting name " + in_quotes(name) + ": " + b.code + " here, " +
                                a.code + " at " + a.origin + ", both during " +
                                span_text(a.range.bounded() ? a.range : b.range));
          }
          break;
        }
      }
    }
  }

  void people() {
    std::map<std::string, std::string> names;
    std::map<std::string, std::vector<std::pair<const Role*, const PersonBlock*>>> offices;
    for (const PersonBlock& p : s_.people) {
      auto [it, fresh] = names.emplace(p.name, p.origin);
      if (!fresh)
        error(p.origin, "duplicate person " + in_quotes(p.name) + " (first at " + it->second + ")");
      if (p.roles.empty())
        error(p.origin, "expected at least one 'role:' for " + in_quotes(p.name));
      for (std::size_t i = 0; i < p.roles.size(); ++i) {
        const Role& r = p.roles[i];
        if (!known_actor(r.actor)) {
          error(r.origin, "unknown actor code " + in_quotes(r.actor) +
                              " (expected a country, organisation or actor of the dictionaries)");
        }
        if (single_holder(r.office) && !r.acting)
          offices[r.actor + " " + r.office].push_back({&r, &p});
        for (std::size_t j = 0; j < i; ++j) {
          const Role& q = p.roles[j];
          int days = certain_overlap_days(q.range, r.range);
          if (days <= 1) continue;
          if (q.actor == r.actor && q.office == r.office) {
            error(r.origin, "overlapping date ranges for " + in_quotes(p.name) + " as " + r.actor +
                                " " + r.office + " (" + span_text(q.range) + " at " + q.origin +
                                ")");
          } else if (q.actor != r.actor && q.actor.size() == 3 && r.actor.size() == 3 &&
                     !(q.office == "head-of-state" && r.office == "head-of-state")) {
            // (A monarch of several realms is head of state of each: a personal union.)
            error(r.origin, in_quotes(p.name) + " holds offices of two countries at once: " +
                                r.actor + " " + r.office + " " + span_text(r.range) + " and " +
                                q.actor + " " + q.office + " " + span_text(q.range));
          } else if (q.actor == r.actor && ((legislative(q.office) && executive(r.office)) ||
                                            (executive(q.office) && legislative(r.office)))) {
            error(r.origin, in_quotes(p.name) + " holds incompatible offices at once: " + r.office +
                                " " + span_text(r.range) + " and " + q.office + " " +
                                span_text(q.range) + " of " + r.actor);
          }
        }
      }
    }
    std::map<std::string, std::string> qids;
    for (const PositionBlock& pos : s_.positions) {
      if (!known_actor(pos.actor)) error(pos.origin, "unknown actor code " + in_quotes(pos.actor));
      auto [it, fresh] = qids.emplace(pos.qid, pos.origin);
      if (!fresh)
        error(pos.origin, "duplicate position " + pos.qid + " (also at " + it->second + ")");
    }
    for (auto& [office, holders] : offices) {
      std::stable_sort(holders.begin(), holders.end(), [](const auto& a, const auto& b) {
        return a.first->range.first < b.first->range.first;
      });
      for (std::size_t i = 1; i < holders.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
          if (holders[j].second == holders[i].second) continue;
          if (certain_overlap_days(holders[j].first->range, holders[i].first->range) > 1) {
            error(holders[i].first->origin,
                  "two holders of " + office + " at once: " + in_quotes(holders[i].second->name) +
                      " " + span_text(holders[i].first->range) + " and " +
                      in_quotes(holders[j].second->name) + " " +
                      span_text(holders[j].first->range) + " (" + holders[j].first->origin + ")");
            break;
          }
        }
      }
    }
  }

  void organisations() {
    for (const OrganisationBlock& o : s_.organisations) {
      if (!o.part_of.empty() && !organisations_.contains(o.part_of)) {
        error(o.origin, "unknown organisation " + in_quotes(o.part_of) + " in 'part-of:'");
      }
      std::map<std::string, std::vector<const DatedItem*>> periods;
      for (const DatedItem& m : o.members) {
        if (!countries_.contains(m.text) && !organisations_.contains(m.text)) {
          error(m.origin, "unknown member code " + in_quotes(m.text) + " of " + o.code);
        }
        auto& list = periods[m.text];
        for (const DatedItem* q : list) {
          if (certain_overlap_days(q->range, m.range) > 0) {
            error(m.origin, "overlapping membership periods of " + m.text + " in " + o.code + ": " +
                                span_text(m.range) + " and " + span_text(q->range));
            break;
          }
        }
        list.push_back(&m);
      }
      for (const DatedItem& sp : o.suspended) {
        auto it = periods.find(sp.text);
        bool inside = false;
        if (it != periods.end()) {
          for (const DatedItem* m : it->second) {
            if (sp.range.first >= m->range.first && sp.range.last <= m->range.last) inside = true;
          }
        }
        if (!inside) {
          error(sp.origin, "suspension of " + sp.text + " in " + o.code + " (" +
                               span_text(sp.range) + ") lies outside its membership periods");
        }
      }
    }
  }

  void agents() {
    std::map<std::string, std::pair<std::string, std::string>> nouns;  // noun -> code, origin
    for (const AgentBlock& a : s_.agents) {
      if (!agent_codes().contains(a.code)) {
        error(a.origin,
              "unknown agent code " + in_quotes(a.code) + " (expected a CAMEO role code)");
      }
      for (const AgentNoun& n : a.nouns) {
        std::string key = normalised(n.noun);
        auto [it, fresh] = nouns.emplace(key, std::make_pair(a.code, n.origin));
        if (fresh) continue;
        if (it->second.first == a.code) {
          error(n.origin, "duplicate agent noun " + in_quotes(n.noun) + " (also at " +
                              it->second.second + ")");
        } else {
          error(n.origin, "conflicting agent noun " + in_quotes(n.noun) + ": " + a.code +
                              " here, " + it->second.first + " at " + it->second.second);
        }
      }
    }
  }

  void verbs() {
    std::set<std::string> sets;
    for (const WordSet& w : s_.sets) {
      if (!sets.insert(w.name).second) error(w.origin, "duplicate word set " + w.name);
      if (w.words.empty()) error(w.origin, "expected 'word:' items in the set " + w.name);
    }
    std::map<std::string, std::pair<std::vector<std::string>, std::string>> forms;
    for (const VerbForms& f : s_.forms) {
      std::vector<std::string> list;
      for (const auto& x : f.forms) list.push_back(to_upper_ascii(x));
      auto [it, fresh] = forms.emplace(to_upper_ascii(f.verb), std::make_pair(list, f.origin));
      if (!fresh && it->second.first != list) {
        error(f.origin, "conflicting forms of " + in_quotes(f.verb) + " (other forms at " +
                            it->second.second + ")");
      }
    }
    std::map<std::string, std::pair<std::string, std::string>>
        seen;  // verb+pattern -> code, origin
    // A root (07) names a category; its events take the residual code (070).
    auto root = [&](const std::string& code, const std::string& origin, const std::string& where) {
      if (code.size() != 2 || !find_event_type(code)) return;
      error(origin, "CAMEO root " + in_quotes(code) + where +
                        " is a category, not an event code: "
                        "write its residual code " +
                        in_quotes(code + "0"));
    };
    for (const CodeBlock& c : s_.codes) {
      if (!find_event_type(c.code))
        error(c.origin, "unknown CAMEO event code " + in_quotes(c.code));
      root(c.code, c.origin, "");
      if (!c.reverse.empty() && !find_event_type(c.reverse)) {
        error(c.origin, "unknown CAMEO event code " + in_quotes(c.reverse) + " in 'reverse:'");
      }
      root(c.reverse, c.origin, " in 'reverse:'");
      if (!c.negation.empty() && !find_event_type(c.negation)) {
        error(c.origin, "unknown CAMEO event code " + in_quotes(c.negation) + " in 'negation:'");
      }
      root(c.negation, c.origin, " in 'negation:'");
      for (const PatternLine& p : c.patterns) {
        std::istringstream in(p.pattern);
        for (std::string t; in >> t;) {
          std::size_t amp = t.find('&');
          if (amp == std::string::npos) continue;
          std::string name = t.substr(amp);
          while (!name.empty() && (name.back() == ')' || name.back() == '}')) name.pop_back();
          name = to_upper_ascii(name);
          if (!sets.contains(name)) error(p.origin, "unknown word set " + in_quotes(name));
        }
        for (std::size_t open = p.pattern.find('('); open != std::string::npos;
             open = p.pattern.find('(', open + 1)) {
          std::size_t end = p.pattern.find_first_of(" )", open + 1);
          std::string first = to_upper_ascii(p.pattern.substr(open + 1, end - open - 1));
          if (!is_preposition(first)) {
            error(p.origin,
                  "expected a preposition to open " +
                      in_quotes(p.pattern.substr(open, p.pattern.find(')', open) - open + 1)) +
                      ", found " + in_quotes(first) + " (such a phrase never matches)");
          }
        }
        std::string key = normalised(p.verb) + " : " + normalised(p.pattern);
        auto [it, fresh] = seen.emplace(key, std::make_pair(c.code, p.origin));
        if (fresh) continue;
        bool bare = normalised(p.pattern) == "*";
        if (it->second.first == c.code) {
          error(p.origin, "duplicate pattern " + in_quotes(p.verb + ": " + p.pattern) +
                              " (also at " + it->second.second + ")");
        } else {
          error(p.origin, std::string(bare ? "conflicting codes for the bare verb "
                                           : "conflicting codes for the pattern ") +
                              in_quotes(p.verb + ": " + p.pattern) + ": " + c.code + " here, " +
                              it->second.first + " at " + it->second.second);
        }
      }
    }
  }

  // A governing verb governs when none of its own patterns gives a code, so
  // one with a code for the bare verb would never govern; nor may a verb
  // govern like two codes.
  void governing_verbs() {
    std::map<std::string, std::string> coded;  // verb -> origin of its bare pattern
    for (const CodeBlock& c : s_.codes) {
      for (const PatternLine& p : c.patterns) {
        if (normalised(p.pattern) == "*") coded.emplace(normalised(p.verb), p.origin);
      }
    }
    std::map<std::string, const GoverningVerb*> seen;
    for (const GoverningVerb& g : s_.governing_verbs) {
      if (!find_event_type(g.code)) {
        error(g.origin, "unknown CAMEO event code " + in_quotes(g.code) + " after 'as'");
      }
      if (auto it = coded.find(g.verb); it != coded.end()) {
        error(g.origin, "governing verb " + in_quotes(to_lower_ascii(g.verb)) +
                            " is coded alone (at " + it->second + "), so it never governs");
      }
      auto [it, fresh] = seen.emplace(g.verb, &g);
      if (!fresh) {
        error(g.origin, std::string(it->second->code == g.code ? "duplicate" : "conflicting") +
                            " governing verb " + in_quotes(to_lower_ascii(g.verb)) + " (also at " +
                            it->second->origin + " as " + it->second->code + ")");
      }
    }
  }

  const DictionarySource& s_;
  std::vector<InputError> out_;
  std::set<std::string, std::less<>> countries_, organisations_, others_;
};

}  // namespace

std::vector<InputError> check_dictionaries(const DictionarySource& source) {
  return Checker(source).run();
}

DictionaryStats dictionary_stats(const DictionarySource& source) {
  DictionaryStats s;
  std::set<std::string> countries;
  for (const CountryBlock& c : source.countries) {
    countries.insert(c.code);
    s.names += static_cast<int>(c.names.size() + c.adjectives.size() + c.people.size() +
                                c.capitals.size() + c.government.size() + c.legislature.size() +
                                c.military.size());
    s.regions += static_cast<int>(c.regions.size());
  }
  s.countries = static_cast<int>(countries.size());
  s.organisations = static_cast<int>(source.organisations.size());
  for (const auto& o : source.organisations) s.names += static_cast<int>(o.names.size());
  s.actors = static_cast<int>(source.actors.size());
  for (const auto& a : source.actors) s.names += static_cast<int>(a.names.size());
  s.people = static_cast<int>(source.people.size());
  for (const auto& p : source.people) {
    s.roles += static_cast<int>(p.roles.size());
    s.names += 1 + static_cast<int>(p.aliases.size());
  }
  for (const auto& a : source.agents) s.agents += static_cast<int>(a.nouns.size());
  std::set<std::string> covered;
  for (const auto& c : source.codes) {
    s.patterns += static_cast<int>(c.patterns.size());
    if (!c.patterns.empty()) covered.insert(c.code);
    if (!c.negation.empty()) ++s.negations;
  }
  // A root (01-20) is a category, not an event code: it is covered when a
  // code under it has patterns (its residual code, 010 or 190, or another).
  auto root_covered = [&](std::string_view root) {
    return root.size() == 2 && std::any_of(covered.begin(), covered.end(), [&](const auto& c) {
             return c.size() > 2 && c.starts_with(root);
           });
  };
  for (const auto& t : event_types()) {
    ++s.codes_total;
    if (covered.contains(std::string(t.code)) || root_covered(t.code)) {
      ++s.codes_covered;
    } else {
      s.codes_missing.emplace_back(t.code);
    }
  }
  s.discards = static_cast<int>(source.discards.size());
  return s;
}

}  // namespace dyad
