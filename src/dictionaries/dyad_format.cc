#include "dictionaries/dyad_format.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <unordered_map>

namespace dyad {
namespace {

constexpr std::size_t kNpos = std::string_view::npos;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::string in_quotes(std::string_view s) { return "'" + std::string(s) + "'"; }

std::vector<std::string_view> split_blanks(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    std::size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

bool is_upper_code(std::string_view s, std::size_t min_len) {
  if (s.size() < min_len) return false;
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

// ---------------------------------------------------------------- dates

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" -> earliest and latest day it names.
bool parse_day_span(std::string_view s, int& lo, int& hi) {
  auto number = [](std::string_view d, int& v) {
    if (d.empty() || !std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return false;
    std::from_chars(d.data(), d.data() + d.size(), v);
    return true;
  };
  int y = 0, m = 0, d = 0;
  if (s.size() < 4 || !number(s.substr(0, 4), y) || y < 1000) return false;
  if (s.size() == 4) {
    lo = y * 10000 + 101;
    hi = y * 10000 + 1231;
    return true;
  }
  if (s.size() < 7 || s[4] != '-' || !number(s.substr(5, 2), m) || m < 1 || m > 12) return false;
  if (s.size() == 7) {
    lo = y * 10000 + m * 100 + 1;
    hi = y * 10000 + m * 100 + days_in_month(y, m);
    return true;
  }
  if (s.size() != 10 || s[7] != '-' || !number(s.substr(8, 2), d) || d < 1 ||
      d > days_in_month(y, m)) {
    return false;
  }
  lo = hi = y * 10000 + m * 100 + d;
  return true;
}

int to_days(int date) {
  using namespace std::chrono;
  return static_cast<int>(
      sys_days{year{date / 10000} / month{static_cast<unsigned>(date / 100 % 100)} /
               day{static_cast<unsigned>(date % 100)}}
          .time_since_epoch()
          .count());
}

int from_days(int days) {
  using namespace std::chrono;
  year_month_day ymd{sys_days{std::chrono::days{days}}};
  return static_cast<int>(ymd.year()) * 10000 + static_cast<int>(unsigned(ymd.month())) * 100 +
         static_cast<int>(unsigned(ymd.day()));
}

int day_before(int date) { return date <= 10000101 ? 0 : from_days(to_days(date) - 1); }
int day_after(int date) { return date >= 99991231 ? 99991231 : from_days(to_days(date) + 1); }

std::string format_date(int date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date / 10000, date / 100 % 100, date % 100);
  return buf;
}

// Parses "FROM..TO" (either side may be empty) into `r`; false if it is not
// a range; `error` says what was wrong when it looked like one.
bool parse_range(std::string_view s, DateRange& r, std::string& error) {
  std::size_t dots = s.find("..");
  if (dots == kNpos) return false;
  std::string_view a = s.substr(0, dots), b = s.substr(dots + 2);
  if (!a.empty() && !parse_day_span(a, r.first, r.first_late)) {
    error = "expected a date YYYY, YYYY-MM or YYYY-MM-DD before '..', found " + in_quotes(a);
    return false;
  }
  if (!b.empty() && !parse_day_span(b, r.last_early, r.last)) {
    error = "expected a date YYYY, YYYY-MM or YYYY-MM-DD after '..', found " + in_quotes(b);
    return false;
  }
  if (a.empty()) r.first = r.first_late = 0;
  if (b.empty()) r.last = r.last_early = 99991231;
  if (r.first_late > r.last && r.first > r.last_early) {
    error = "expected the start of " + in_quotes(s) + " not after its end";
    return false;
  }
  if (r.first > r.last) {
    error = "expected the start of " + in_quotes(s) + " not after its end";
    return false;
  }
  return true;
}

// ---------------------------------------------------------------- reading

std::string petrarch_pattern(std::string_view pattern);
void write_verbs_with_origins(const DictionarySource& source, std::ostream& out,
                              std::map<std::size_t, std::string>* origins);

enum class Kind {
  kNone,
  kCountry,
  kOrganisation,
  kActor,
  kPerson,
  kAgent,
  kCode,
  kForms,
  kSet,
  kDiscard,
  kCombine,
  kPlaces
};

class Reader {
 public:
  Reader(const std::string& name, DictionarySource& out) : name_(name), out_(out) {}

  void read(std::istream& in) {
    std::string raw;
    while (std::getline(in, raw)) {
      ++line_;
      std::string_view s = raw;
      if (line_ == 1 && s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
      // A comment starts at '#' at the line start or after a blank.
      for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) {
          s = s.substr(0, i);
          break;
        }
      }
      while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
        s.remove_suffix(1);
      }
      if (s.empty()) continue;
      bool indented = s.front() == ' ' || s.front() == '\t';
      s = trim(s);
      if (!indented) {
        header(s);
      } else if (kind_ == Kind::kNone) {
        if (!skipping_)
          error(
              "expected a block header (country, organisation, actor, person, "
              "agent, code, forms, set, discard, position) before " +
              in_quotes(s));
      } else {
        body(s);
      }
    }
  }

 private:
  std::string origin() const { return name_ + ":" + std::to_string(line_); }
  void error(std::string message) { out_.errors.push_back({name_, line_, std::move(message)}); }

  void header(std::string_view s) {
    auto words = split_blanks(s);
    std::string_view kind = words[0];
    auto arg = [&](std::size_t i) { return i < words.size() ? words[i] : std::string_view{}; };
    kind_ = Kind::kNone;
    skipping_ = true;
    const std::string where = origin();
    if (kind == "country") {
      if (words.size() != 2 || !is_upper_code(arg(1), 3) || arg(1).size() != 3) {
        return error("expected 'country CODE' with a three-letter upper-case code, found " +
                     in_quotes(s));
      }
      CountryBlock c;
      c.code = arg(1);
      c.origin = where;
      out_.countries.push_back(std::move(c));
      kind_ = Kind::kCountry;
    } else if (kind == "organisation" || kind == "organization") {
      if (words.size() != 2 || !is_upper_code(arg(1), 3)) {
        return error("expected 'organisation CODE' with an upper-case actor code, found " +
                     in_quotes(s));
      }
      OrganisationBlock b;
      b.code = arg(1);
      b.origin = where;
      out_.organisations.push_back(std::move(b));
      kind_ = Kind::kOrganisation;
    } else if (kind == "actor") {
      if (words.size() != 2 || !is_upper_code(arg(1), 3)) {
        return error("expected 'actor CODE' with an upper-case actor code, found " + in_quotes(s));
      }
      out_.actors.push_back({std::string(arg(1)), {}, {}, where});
      kind_ = Kind::kActor;
    } else if (kind == "person") {
      std::string_view name = trim(s.substr(6));
      if (name.empty()) return error("expected 'person NAME'");
      PersonBlock p;
      p.name = name;
      p.origin = where;
      out_.people.push_back(std::move(p));
      kind_ = Kind::kPerson;
    } else if (kind == "agent") {
      bool before = arg(2) == "before";
      if (words.size() < 2 || words.size() > 3 || !is_upper_code(arg(1), 3) ||
          (words.size() == 3 && !before)) {
        return error("expected 'agent CODE' or 'agent CODE before', found " + in_quotes(s));
      }
      out_.agents.push_back({std::string(arg(1)), before, {}, where});
      kind_ = Kind::kAgent;
    } else if (kind == "code") {
      std::string_view code = arg(1);
      if (code.size() < 2 || code.size() > 4 ||
          !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return error("expected 'code CAMEO [description]' with a CAMEO event code, found " +
                     in_quotes(s));
      }
      CodeBlock b;
      b.code = code;
      std::size_t at = s.find(code) + code.size();
      b.description = trim(s.substr(at));
      b.origin = where;
      out_.codes.push_back(std::move(b));
      kind_ = Kind::kCode;
    } else if (kind == "forms") {
      if (words.size() != 1) return error("expected 'forms' alone on its line");
      kind_ = Kind::kForms;
    } else if (kind == "set") {
      if (words.size() != 2 || arg(1).size() < 2 || arg(1)[0] != '&') {
        return error("expected 'set &NAME', found " + in_quotes(s));
      }
      out_.sets.push_back({to_upper_ascii(arg(1)), {}, where});
      kind_ = Kind::kSet;
    } else if (kind == "combine") {
      if (words.size() != 1) return error("expected 'combine' alone on its line");
      kind_ = Kind::kCombine;
    } else if (kind == "discard") {
      if (words.size() != 1) return error("expected 'discard' alone on its line");
      kind_ = Kind::kDiscard;
    } else if (kind == "places") {
      if (words.size() != 1) return error("expected 'places' alone on its line");
      kind_ = Kind::kPlaces;
    } else if (kind == "position") {
      if (words.size() != 4 || arg(1).size() < 2 || arg(1)[0] != 'Q' ||
          !office_sectors().contains(arg(3))) {
        return error(
            "expected 'position QID ACTOR OFFICE' (a Wikidata item and an office), "
            "found " +
            in_quotes(s));
      }
      out_.positions.push_back(
          {std::string(arg(1)), std::string(arg(2)), std::string(arg(3)), where});
      skipping_ = false;
      return;
    } else {
      return error(
          "expected a block header (country, organisation, actor, person, agent, code, "
          "forms, set, discard, places, position), found " +
          in_quotes(kind));
    }
    skipping_ = false;
  }

  // Splits a list value at '|' into dated items.
  bool items(std::string_view value, std::vector<DatedItem>& out, bool allow_dates = true) {
    bool ok = true;
    std::size_t i = 0;
    while (i <= value.size()) {
      std::size_t bar = std::min(value.find('|', i), value.size());
      std::string_view item = trim(value.substr(i, bar - i));
      i = bar + 1;
      if (item.empty()) {
        error("expected an item between '|' separators");
        ok = false;
        continue;
      }
      DatedItem d;
      d.origin = origin();
      std::size_t space = item.find_last_of(" \t");
      std::string_view last = space == kNpos ? item : item.substr(space + 1);
      std::string why;
      if (last.find("..") != kNpos) {
        if (!allow_dates) {
          error("expected no date range here, found " + in_quotes(last));
          ok = false;
          continue;
        }
        if (!parse_range(last, d.range, why)) {
          error(why.empty() ? "expected a date range FROM..TO, found " + in_quotes(last) : why);
          ok = false;
          continue;
        }
        item = space == kNpos ? std::string_view{} : trim(item.substr(0, space));
        if (item.empty()) {
          error("expected a name before the date range " + in_quotes(last));
          ok = false;
          continue;
        }
      }
      d.text = item;
      out.push_back(std::move(d));
    }
    return ok;
  }

  void body(std::string_view s) {
    if (s.starts_with("- ") || s == "-") {
      if (kind_ == Kind::kCode) return pattern_line(trim(s.substr(1)));
      if (kind_ == Kind::kForms) return forms_line(trim(s.substr(1)));
      if (kind_ == Kind::kCombine) return combine_line(trim(s.substr(1)));
      return error("expected 'key: value' (lines '- ' belong in code, forms and combine blocks)");
    }
    std::size_t colon = s.find(':');
    if (colon == kNpos || colon == 0) return error("expected 'key: value', found " + in_quotes(s));
    std::string_view key = trim(s.substr(0, colon));
    std::string_view value = trim(s.substr(colon + 1));
    if (value.empty()) return error("expected a value after " + in_quotes(std::string(key) + ":"));
    auto unknown = [&](std::string_view allowed) {
      error("expected one of the fields " + std::string(allowed) + ", found " + in_quotes(key));
    };
    switch (kind_) {
      case Kind::kCountry: {
        CountryBlock& b = out_.countries.back();
        if (key == "name")
          items(value, b.names);
        else if (key == "adjective")
          items(value, b.adjectives);
        else if (key == "people")
          items(value, b.people);
        else if (key == "capital")
          items(value, b.capitals);
        else if (key == "government")
          items(value, b.government);
        else if (key == "legislature")
          items(value, b.legislature);
        else if (key == "military")
          items(value, b.military);
        else if (key == "region")
          items(value, b.regions);
        else if (key == "iso") {
          if (value.size() != 3 || !is_upper_code(value, 3)) {
            return error("expected a three-letter ISO code after 'iso:', found " +
                         in_quotes(value));
          }
          b.iso = value;
        } else
          unknown(
              "name, adjective, people, capital, government, legislature, military, iso, region");
        break;
      }
      case Kind::kOrganisation: {
        OrganisationBlock& b = out_.organisations.back();
        if (key == "name")
          items(value, b.names);
        else if (key == "kind")
          b.kind = value;
        else if (key == "part-of")
          b.part_of = value;
        else if (key == "member" || key == "suspended") {
          std::vector<DatedItem> list;
          items(value, list);
          for (auto& m : list) {
            if (!is_upper_code(m.text, 3)) {
              error("expected a member's actor code, found " + in_quotes(m.text));
              continue;
            }
            (key == "member" ? b.members : b.suspended).push_back(std::move(m));
          }
        } else
          unknown("name, kind, member, suspended, part-of");
        break;
      }
      case Kind::kActor: {
        ActorBlock& b = out_.actors.back();
        if (key == "name")
          items(value, b.names);
        else if (key == "code") {
          std::vector<DatedItem> list;
          items(value, list);
          for (auto& c : list) {
            if (!is_upper_code(c.text, 3)) {
              error("expected an actor code, found " + in_quotes(c.text));
              continue;
            }
            b.codes.push_back(std::move(c));
          }
        } else
          unknown("name, code");
        break;
      }
      case Kind::kPerson: {
        PersonBlock& b = out_.people.back();
        if (key == "alias")
          items(value, b.aliases, false);
        else if (key == "role")
          role_line(value, b);
        else
          unknown("alias, role");
        break;
      }
      case Kind::kAgent: {
        if (key != "noun") return unknown("noun");
        agent_nouns(value, out_.agents.back());
        break;
      }
      case Kind::kCode: {
        CodeBlock& b = out_.codes.back();
        if (key == "negation" || key == "reverse") {
          if (value.size() < 2 || value.size() > 4 ||
              !std::all_of(value.begin(), value.end(),
                           [](char c) { return c >= '0' && c <= '9'; })) {
            return error("expected a CAMEO code after '" + std::string(key) + ":', found " +
                         in_quotes(value));
          }
          (key == "negation" ? b.negation : b.reverse) = value;
        } else {
          error("expected '- VERB: PATTERN', 'negation: CODE' or 'reverse: CODE', found " +
                in_quotes(s));
        }
        break;
      }
      case Kind::kSet: {
        if (key != "word") return unknown("word");
        std::vector<DatedItem> list;
        items(value, list, false);
        for (auto& w : list) out_.sets.back().words.push_back(std::move(w.text));
        break;
      }
      case Kind::kPlaces: {
        if (key != "name") return unknown("name");
        items(value, out_.places, false);
        break;
      }
      case Kind::kDiscard: {
        if (key != "sentence" && key != "story") return unknown("sentence, story");
        std::vector<DatedItem> list;
        items(value, list, false);
        for (auto& w : list) out_.discards.push_back({std::move(w.text), key == "story", origin()});
        break;
      }
      case Kind::kForms:
        error("expected '- VERB: FORM FORM ...', found " + in_quotes(s));
        break;
      case Kind::kCombine:
        error("expected '- UPPER > LOWER [same-source|other-source] = RESULT', found " +
              in_quotes(s));
        break;
      case Kind::kNone:
        break;
    }
  }

  void role_line(std::string_view value, PersonBlock& b) {
    auto t = split_blanks(value);
    const char* shape = "expected 'role: ACTOR OFFICE FROM..TO [CODE] [acting]'";
    if (t.size() < 3 || t.size() > 5)
      return error(std::string(shape) + ", found " + in_quotes(value));
    Role r;
    r.origin = origin();
    if (!is_upper_code(t[0], 3)) {
      return error(std::string(shape) + ": " + in_quotes(t[0]) + " is not an actor code");
    }
    r.actor = t[0];
    auto office = office_sectors().find(t[1]);
    if (office == office_sectors().end()) {
      std::string list;
      for (const auto& [name, sector] : office_sectors()) list += (list.empty() ? "" : ", ") + name;
      return error("expected an office (" + list + "), found " + in_quotes(t[1]));
    }
    r.office = t[1];
    std::string why;
    if (!parse_range(t[2], r.range, why)) {
      return error(
          why.empty() ? std::string(shape) + ": expected FROM..TO, found " + in_quotes(t[2]) : why);
    }
    for (std::size_t i = 3; i < t.size(); ++i) {
      if (t[i] == "acting") {
        r.acting = true;
      } else if (is_upper_code(t[i], 3) && r.code.empty()) {
        r.code = t[i];
      } else {
        return error(std::string(shape) + ", found " + in_quotes(t[i]));
      }
    }
    if (r.code.empty()) {
      r.code = r.actor;
      if (r.actor.size() == 3) r.code += office->second;
    }
    b.roles.push_back(std::move(r));
  }

  void agent_nouns(std::string_view value, AgentBlock& b) {
    std::vector<DatedItem> list;
    items(value, list, false);
    for (auto& item : list) {
      AgentNoun n;
      n.origin = origin();
      std::string_view text = item.text;
      std::size_t open = text.find('(');
      if (open != kNpos) {
        std::size_t close = text.find(')', open);
        if (close == kNpos || !trim(text.substr(close + 1)).empty()) {
          error("expected 'NOUN (PLURAL)' with the plural in parentheses at the end, found " +
                in_quotes(text));
          continue;
        }
        std::string_view inner = trim(text.substr(open + 1, close - open - 1));
        if (inner.empty()) {
          n.no_plural = true;
        } else {
          std::size_t i = 0;
          while (i <= inner.size()) {
            std::size_t comma = std::min(inner.find(',', i), inner.size());
            std::string_view p = trim(inner.substr(i, comma - i));
            if (!p.empty()) n.plurals.emplace_back(p);
            i = comma + 1;
          }
        }
        text = trim(text.substr(0, open));
      }
      if (text.empty()) {
        error("expected a noun before the plural");
        continue;
      }
      n.noun = text;
      b.nouns.push_back(std::move(n));
    }
  }

  void pattern_line(std::string_view s) {
    std::size_t colon = s.find(':');
    if (colon == kNpos || colon == 0) {
      return error("expected '- VERB: PATTERN', found " + in_quotes(s));
    }
    std::string_view verbs = s.substr(0, colon);
    std::string_view pattern = trim(s.substr(colon + 1));
    if (pattern.find('*') == kNpos) {
      return error("expected '*' (the verb's place) in the pattern " + in_quotes(pattern));
    }
    if (pattern.find('[') != kNpos || pattern.find(']') != kNpos) {
      return error("expected no [CODE] in a pattern: the block gives the code, found " +
                   in_quotes(pattern));
    }
    VerbPattern parsed;
    std::string body = petrarch_pattern(pattern) + " [" + out_.codes.back().code + "]";
    if (std::string e = parse_verb_pattern(body, parsed); !e.empty()) {
      return error(e + " in the pattern " + in_quotes(pattern));
    }
    std::size_t i = 0;
    while (i <= verbs.size()) {
      std::size_t bar = std::min(verbs.find('|', i), verbs.size());
      std::string_view verb = trim(verbs.substr(i, bar - i));
      i = bar + 1;
      if (verb.empty() || verb.find_first_of("*$%^(){}[]&") != kNpos) {
        error("expected a verb before ':', found " + in_quotes(verb));
        continue;
      }
      out_.codes.back().patterns.push_back(
          {std::string(verb), std::string(pattern), out_.codes.back().code, origin()});
    }
  }

  // "01 > 19 other-source = 1123", or governing verbs: "want | seek as 03"
  void combine_line(std::string_view s) {
    const std::string shape =
        "expected 'UPPER > LOWER [same-source|other-source] = RESULT' or 'VERB | VERB ... as "
        "CODE'";
    auto t = split_blanks(s);
    if (t.size() >= 3 && t[t.size() - 2] == "as") return governing_line(s, t.back(), shape);
    auto code_or_any = [](std::string_view c) {
      return c == "*" ||
             (c.size() >= 2 && c.size() <= 4 &&
              std::all_of(c.begin(), c.end(), [](char x) { return x >= '0' && x <= '9'; }));
    };
    if (t.size() < 5 || t.size() > 6 || t[1] != ">" || t[t.size() - 2] != "=") {
      return error(shape + ", found " + in_quotes(s));
    }
    CombinationRule r;
    if (!code_or_any(t[0]) || !code_or_any(t[2])) {
      return error(shape + " with CAMEO code prefixes or '*', found " + in_quotes(s));
    }
    r.upper = t[0] == "*" ? "" : std::string(t[0]);
    r.lower = t[2] == "*" ? "" : std::string(t[2]);
    if (t.size() == 6) {
      if (t[3] == "same-source") {
        r.source = 'a';
      } else if (t[3] == "other-source") {
        r.source = 'b';
      } else {
        return error(shape + ": expected same-source or other-source, found " + in_quotes(t[3]));
      }
    }
    std::string_view result = t.back();
    if (result != "lower" && (result == "*" || !code_or_any(result))) {
      return error(shape + ": expected a CAMEO code or 'lower' as the result, found " +
                   in_quotes(result));
    }
    r.result = result;
    r.text = s;
    r.origin = origin();
    out_.combinations.push_back(std::move(r));
  }

  // "want | wish | seek as 03": verbs that code nothing alone and govern a
  // clause like the verbs of code 03.
  void governing_line(std::string_view s, std::string_view code, const std::string& shape) {
    if (code.size() < 2 || code.size() > 4 ||
        !std::all_of(code.begin(), code.end(), [](char x) { return x >= '0' && x <= '9'; })) {
      return error(shape + ": expected a CAMEO code after 'as', found " + in_quotes(code));
    }
    std::string_view verbs = s.substr(0, s.rfind(" as "));
    std::size_t i = 0;
    while (i <= verbs.size()) {
      std::size_t bar = std::min(verbs.find('|', i), verbs.size());
      std::string_view verb = trim(verbs.substr(i, bar - i));
      i = bar + 1;
      if (verb.empty() || verb.find(' ') != kNpos) {
        error(shape + ": expected one-word verbs separated by '|', found " + in_quotes(verb));
        continue;
      }
      out_.governing_verbs.push_back({to_upper_ascii(verb), std::string(code), origin()});
    }
  }

  void forms_line(std::string_view s) {
    std::size_t colon = s.find(':');
    if (colon == kNpos || colon == 0) {
      return error("expected '- VERB: FORM FORM ...', found " + in_quotes(s));
    }
    VerbForms f;
    f.verb = trim(s.substr(0, colon));
    for (auto w : split_blanks(s.substr(colon + 1))) f.forms.emplace_back(w);
    if (f.forms.empty()) return error("expected the forms of " + in_quotes(f.verb) + " after ':'");
    f.origin = origin();
    out_.forms.push_back(std::move(f));
  }

  const std::string& name_;
  DictionarySource& out_;
  std::size_t line_ = 0;
  Kind kind_ = Kind::kNone;
  bool skipping_ = false;  // the block header was bad: its lines are dropped quietly
};

// Upper-case words of a name as the tokenizer splits them: blanks separate
// words, and a final 's or ’s is a word of its own.
std::vector<std::string> name_words(std::string_view name) {
  std::vector<std::string> out;
  for (std::string_view w : split_blanks(name)) {
    for (std::string_view suffix : {std::string_view("'s"), std::string_view("\u2019s")}) {
      if (w.size() > suffix.size() && w.ends_with(suffix)) {
        out.push_back(to_upper_ascii(w.substr(0, w.size() - suffix.size())));
        w = w.substr(w.size() - suffix.size());
        break;
      }
    }
    out.push_back(to_upper_ascii(w));
  }
  if (out.size() > 1 && out.front() == "THE") out.erase(out.begin());
  return out;
}

std::string join(const std::vector<std::string>& words, char sep) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out.push_back(sep);
    out += w;
  }
  return out;
}

// Collects actor phrases and their (dated) codes, merging the items of one
// phrase and code into one entry; finish() hands them to the dictionary.
class ActorCompiler {
 public:
  void add(const std::string& text, const std::string& code, const DateRange& range,
           const std::string& origin, const std::string& group, bool capital = false,
           bool adjective = false) {
    std::vector<std::string> words = name_words(text);
    if (words.empty()) return;
    phrases_.insert(join(words, ' '));
    std::string key = join(words, ' ') + "\t" + group;
    auto [it, fresh] = index_.try_emplace(key, pending_.size());
    if (fresh) {
      Pending p;
      p.entry.origin = origin;
      p.phrases.push_back(std::move(words));
      pending_.push_back(std::move(p));
    }
    ActorEntry& e = pending_[it->second].entry;
    e.capital = e.capital || capital;
    e.adjective = e.adjective || adjective;
    if (range.bounded()) {
      e.dated.push_back({code, range.first, range.last});
    } else {
      e.default_code = code;
    }
  }

  // A person: every name shares one entry whose codes follow the roles.
  void add_person(const PersonBlock& p) {
    if (p.roles.empty()) return;
    Pending out;
    ActorEntry& e = out.entry;
    e.origin = p.origin;
    e.person = true;
    for (const Role& r : p.roles) e.dated.push_back({r.code, r.range.first, r.range.last});
    std::vector<const Role*> by_start;
    for (const Role& r : p.roles) by_start.push_back(&r);
    std::stable_sort(by_start.begin(), by_start.end(),
                     [](const Role* a, const Role* b) { return a->range.first < b->range.first; });
    auto former = [](const Role& r) { return r.actor.size() == 3 ? r.actor + "ELI" : r.actor; };
    const Role& first = *by_start.front();
    if (first.range.first > 10000101) {
      e.dated.push_back({first.actor, 0, day_before(first.range.first)});
    }
    int covered = 0;
    const Role* previous = nullptr;
    for (const Role* r : by_start) {
      if (previous && r->range.first > day_after(covered)) {
        e.dated.push_back({former(*previous), day_after(covered), day_before(r->range.first)});
      }
      if (r->range.last >= covered) {
        covered = r->range.last;
        previous = r;
      }
    }
    if (previous && covered < 99991231) {
      e.dated.push_back({former(*previous), day_after(covered), 99991231});
    }
    e.default_code = by_start.back()->code;
    std::set<std::string> seen;
    auto phrase = [&](std::string_view text) {
      std::vector<std::string> words = name_words(text);
      if (!words.empty() && seen.insert(join(words, ' ')).second) {
        phrases_.insert(join(words, ' '));
        out.phrases.push_back(std::move(words));
      }
    };
    phrase(p.name);
    for (const auto& a : p.aliases) phrase(a.text);
    pending_.push_back(std::move(out));
  }

  // Whether some entry already has this name.
  bool has(std::string_view text) const { return phrases_.contains(join(name_words(text), ' ')); }

  void finish(ActorDictionary& dict) {
    for (Pending& p : pending_) {
      int index = dict.add_entry(std::move(p.entry));
      for (auto& words : p.phrases) dict.add_phrase(std::move(words), index);
    }
    pending_.clear();
    index_.clear();
  }

 private:
  struct Pending {
    ActorEntry entry;
    std::vector<std::vector<std::string>> phrases;
  };
  std::vector<Pending> pending_;
  std::unordered_map<std::string, std::size_t> index_;
  std::set<std::string, std::less<>> phrases_;  // every name added, words joined
};

// A pattern in PETRARCH's spelling: upper case, set names without '_'
// (PETRARCH splits words at '_').
std::string petrarch_pattern(std::string_view pattern) {
  std::string out = to_upper_ascii(pattern);
  bool in_set = false;
  std::string cleaned;
  for (char c : out) {
    if (c == '&') in_set = true;
    if (c == ' ' || c == ')' || c == '}' || c == '(' || c == '{') in_set = false;
    if (in_set && c == '_') continue;
    cleaned.push_back(c);
  }
  return cleaned;
}

// The verb word's forms listed in `forms` blocks, by upper-case verb.
std::map<std::string, std::vector<std::string>> forms_by_verb(const DictionarySource& source) {
  std::map<std::string, std::vector<std::string>> out;
  for (const VerbForms& f : source.forms) {
    auto& list = out[to_upper_ascii(f.verb)];
    for (const auto& form : f.forms) {
      std::string u = to_upper_ascii(form);
      if (std::find(list.begin(), list.end(), u) == list.end()) list.push_back(u);
    }
  }
  return out;
}

// PETRARCH verb-line words: "crack down" -> CRACK_DOWN, "wire +tap" -> WIRE_+TAP.
std::string petrarch_verb(std::string_view verb) {
  std::vector<std::string> words;
  for (auto w : split_blanks(verb)) words.push_back(to_upper_ascii(w));
  return join(words, '_');
}

}  // namespace

// ---------------------------------------------------------------- public

std::string DateRange::text() const {
  if (!bounded()) return "";
  return (first == 0 ? "" : format_date(first)) + ".." +
         (last == 99991231 ? "" : format_date(last));
}

int certain_overlap_days(const DateRange& a, const DateRange& b) {
  int from = std::max(a.first_late, b.first_late);
  int to = std::min(a.last_early, b.last_early);
  if (from > to) return 0;
  if (from == 0) from = 10000101;
  if (to == 99991231) to = 99991230;
  return to_days(to) - to_days(from) + 1;
}

const std::map<std::string, std::string, std::less<>>& office_sectors() {
  static const std::map<std::string, std::string, std::less<>> kOffices = {
      {"head-of-state", "GOV"},
      {"head-of-government", "GOV"},
      {"vice-president", "GOV"},
      {"deputy-head-of-government", "GOV"},
      {"foreign-minister", "GOV"},
      {"defence-minister", "GOV"},
      {"interior-minister", "GOV"},
      {"finance-minister", "GOV"},
      {"minister", "GOV"},
      {"security-chief", "GOV"},
      {"ambassador", "GOV"},
      {"speaker", "LEG"},
      {"deputy-speaker", "LEG"},
      {"legislator", "LEG"},
      {"military-chief", "MIL"},
      {"judge", "JUD"},
      {"opposition-leader", "OPP"},
      {"secretary-general", ""},
      {"official", ""},
  };
  return kOffices;
}

void read_dyad_dictionary(const std::string& path, DictionarySource& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.errors.push_back({path, 0, "expected a readable dictionary file"});
    return;
  }
  read_dyad_dictionary(in, path, out);
}

void read_dyad_dictionary(std::istream& in, const std::string& name, DictionarySource& out) {
  Reader reader(name, out);
  reader.read(in);
}

std::vector<std::string> dyad_dictionary_files(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".dyad") out.push_back(it->path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool write_iso_countries(const std::string& iso_json_path, std::ostream& out, std::string* error) {
  std::ifstream in(iso_json_path);
  if (!in) {
    if (error) *error = iso_json_path + ": expected Debian's iso-codes ISO 3166-1 JSON file";
    return false;
  }
  nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded() || !j.contains("3166-1") || !j["3166-1"].is_array()) {
    if (error) *error = iso_json_path + ":1: expected a JSON object with a \"3166-1\" array";
    return false;
  }
  out << "# Generated at build time from Debian's iso-codes data (" << iso_json_path
      << ").\n# Do not edit: countries.dyad extends these blocks.\n\n";
  for (const auto& c : j["3166-1"]) {
    if (!c.contains("alpha_3") || !c["alpha_3"].is_string()) continue;
    std::vector<std::string> names;
    for (const char* key : {"name", "official_name", "common_name"}) {
      if (!c.contains(key) || !c[key].is_string()) continue;
      std::string n = c[key].get<std::string>();
      // "Korea, Republic of" is a catalogue form: the news writes "Republic of Korea".
      if (std::size_t comma = n.find(", "); comma != std::string::npos) {
        n = n.substr(comma + 2) + " " + n.substr(0, comma);
        if (n.starts_with("The ")) n = "the " + n.substr(4);
      }
      if (n.find_first_of(",|()#") != std::string::npos) continue;
      if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
    }
    if (names.empty()) continue;
    out << "country " << c["alpha_3"].get<std::string>() << "\n  name: ";
    for (std::size_t i = 0; i < names.size(); ++i) out << (i ? " | " : "") << names[i];
    out << "\n\n";
  }
  return true;
}

bool write_iso_regions(const std::string& iso_3166_1_path, const std::string& iso_3166_2_path,
                       const std::set<std::string, std::less<>>& common_words, std::ostream& out,
                       std::string* error) {
  auto read = [&](const std::string& path, const char* key) {
    std::ifstream in(path);
    if (!in) {
      if (error) *error = path + ": cannot read (expected Debian's iso-codes JSON)";
      return nlohmann::json();
    }
    nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_discarded() || !j.contains(key) || !j[key].is_array()) {
      if (error)
        *error = path + ":1: expected Debian's iso-codes JSON with a \"" + key + "\" array";
      return nlohmann::json();
    }
    return j[key];
  };
  const nlohmann::json states = read(iso_3166_1_path, "3166-1");
  if (states.is_null()) return false;
  const nlohmann::json subdivisions = read(iso_3166_2_path, "3166-2");
  if (subdivisions.is_null()) return false;
  std::map<std::string, std::string> alpha3;  // "UA" -> "UKR"
  for (const auto& c : states) {
    if (c.contains("alpha_2") && c.contains("alpha_3") && c["alpha_2"].is_string() &&
        c["alpha_3"].is_string()) {
      alpha3[c["alpha_2"].get<std::string>()] = c["alpha_3"].get<std::string>();
    }
  }
  // Compass words and generic names that many states use for subdivisions.
  static const std::set<std::string, std::less<>> kGeneric = {
      "NORTH",    "SOUTH",   "EAST",    "WEST",    "NORTHERN",
      "SOUTHERN", "EASTERN", "WESTERN", "CENTRAL", "CENTRE",
      "CENTER",   "CAPITAL", "COAST",   "COASTAL", "ISLANDS",
      "LAKES",    "NORD",    "SUD",     "EST",     "OUEST",
      "CENTRO",   "NORTE",   "SUR",     "OESTE",   "DISTRITO FEDERAL"};
  // News writes subdivisions in plain ASCII and without the word for the
  // unit ("Kandahar" for "Kandahār", "Sichuan" for "Sichuan Sheng").
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> to_ascii(
      icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
  auto plain = [&](const std::string& name) {
    std::string out = name;
    if (to_ascii && U_SUCCESS(status)) {
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(name);
      to_ascii->transliterate(u);
      out.clear();
      u.toUTF8String(out);
    }
    out.erase(std::remove(out.begin(), out.end(), '\''), out.end());
    for (std::string_view unit : {" Sheng", " Zizhiqu", " Shi", " oblast", " Oblast", " kray",
                                  " kraj", " Respublika", " avtonomnyy okrug", " SAR"}) {
      if (out.size() > unit.size() + 3 && out.ends_with(unit)) out.resize(out.size() - unit.size());
    }
    return out;
  };
  std::map<std::string, std::set<std::string>> states_of;    // normalised name -> alpha-3 codes
  std::map<std::string, std::vector<std::string>> names_of;  // alpha-3 -> names
  for (const auto& d : subdivisions) {
    if (!d.contains("code") || !d.contains("name") || !d["code"].is_string() ||
        !d["name"].is_string()) {
      continue;
    }
    const std::string code = d["code"].get<std::string>();
    auto it = alpha3.find(code.substr(0, code.find('-')));
    if (it == alpha3.end()) continue;
    // First-level units only: municipalities, districts, counties and
    // boroughs would bring thousands of small names.
    static const std::set<std::string, std::less<>> kTypes = {"Province",
                                                              "Region",
                                                              "State",
                                                              "Governorate",
                                                              "Republic",
                                                              "Autonomous region",
                                                              "Autonomous community",
                                                              "Autonomous republic",
                                                              "Autonomous province",
                                                              "Autonomous district",
                                                              "Land",
                                                              "Voivodship",
                                                              "Regional state",
                                                              "Union territory",
                                                              "Administrative region",
                                                              "Oblast",
                                                              "Emirate",
                                                              "Territory",
                                                              "Country",
                                                              "Prefecture",
                                                              "Department",
                                                              "Division",
                                                              "Federal district",
                                                              "Metropolitan region",
                                                              "Geographical region",
                                                              "Autonomous city",
                                                              "Special administrative region"};
    if (!d.contains("type") || !d["type"].is_string() ||
        !kTypes.contains(d["type"].get<std::string>())) {
      continue;
    }
    const std::string name = plain(d["name"].get<std::string>());
    if (name.size() < 4 || name.find_first_of(",|()#/[]") != std::string::npos) continue;
    if (kGeneric.contains(to_upper_ascii(name))) continue;
    if (name.find(' ') == std::string::npos && common_words.contains(to_lower_ascii(name))) {
      continue;
    }
    states_of[to_upper_ascii(name)].insert(it->second);
    names_of[it->second].push_back(name);
  }
  out << "# Generated at build time from Debian's iso-codes data (" << iso_3166_2_path
      << ").\n# Subdivisions coded as their state; any other entry with the same name wins.\n"
         "# Do not edit.\n\n";
  for (const auto& [code, names] : names_of) {
    std::vector<std::string> kept;
    for (const std::string& n : names) {
      if (states_of[to_upper_ascii(n)].size() != 1) continue;  // "Georgia", "Punjab"
      if (std::find(kept.begin(), kept.end(), n) == kept.end()) kept.push_back(n);
    }
    if (kept.empty()) continue;
    out << "country " << code << "\n  region: ";
    for (std::size_t i = 0; i < kept.size(); ++i) out << (i ? " | " : "") << kept[i];
    out << "\n\n";
  }
  return true;
}

std::vector<std::string> default_dictionary_dirs() {
  std::vector<std::string> out;
#ifdef DYAD_DICTIONARY_DIR
  out.push_back(DYAD_DICTIONARY_DIR);
#endif
#ifdef DYAD_GENERATED_DICTIONARY_DIR
  out.push_back(DYAD_GENERATED_DICTIONARY_DIR);
#endif
  return out;
}

void compile_dictionaries(const DictionarySource& source, Dictionaries& out) {
  // Countries: blocks with the same code add up; an iso: code maps the
  // generated ISO block onto the CAMEO code.
  std::map<std::string, std::string> iso_to_code;
  for (const CountryBlock& c : source.countries) {
    if (!c.iso.empty()) iso_to_code[c.iso] = c.code;
  }
  ActorCompiler actors;
  for (const CountryBlock& c : source.countries) {
    std::string code = c.code;
    if (c.generated) {
      auto it = iso_to_code.find(code);
      if (it != iso_to_code.end()) code = it->second;
    }
    auto add = [&](const std::vector<DatedItem>& list, const std::string& suffix,
                   bool capital = false, bool adjective = false) {
      for (const DatedItem& d : list) {
        actors.add(d.text, code + suffix, d.range, d.origin, "country " + code, capital, adjective);
      }
    };
    add(c.names, "");
    add(c.adjectives, "", false, true);
    add(c.people, "");
    add(c.capitals, "GOV", true);
    add(c.government, "GOV");
    add(c.legislature, "LEG");
    add(c.military, "MIL");
  }
  for (const OrganisationBlock& o : source.organisations) {
    for (const DatedItem& d : o.names) actors.add(d.text, o.code, d.range, d.origin, o.origin);
  }
  for (const ActorBlock& a : source.actors) {
    for (const DatedItem& d : a.names) {
      actors.add(d.text, a.code, d.range, d.origin, a.origin);
      for (const DatedItem& c : a.codes) actors.add(d.text, c.text, c.range, c.origin, a.origin);
    }
  }
  for (const PersonBlock& p : source.people) actors.add_person(p);
  // Places that name no actor: an entry with no code.
  for (const DatedItem& d : source.places) actors.add(d.text, "", {}, d.origin, "places");
  // Regions last: a generated region name gives way to any other entry.
  for (const CountryBlock& c : source.countries) {
    std::string code = c.code;
    if (auto it = iso_to_code.find(code); c.generated && it != iso_to_code.end()) code = it->second;
    for (const DatedItem& d : c.regions) {
      if (c.generated && actors.has(d.text)) continue;
      actors.add(d.text, code, d.range, d.origin, "region " + code);
    }
  }
  actors.finish(out.actors);

  for (const AgentBlock& a : source.agents) {
    for (const AgentNoun& n : a.nouns) {
      std::vector<std::vector<std::string>> phrases;
      std::vector<std::string> words = name_words(n.noun);
      if (words.empty()) continue;
      phrases.push_back(words);
      if (!n.plurals.empty()) {
        for (const auto& p : n.plurals) phrases.push_back(name_words(p));
      } else if (!n.no_plural) {
        words.back() = regular_plural(words.back());
        phrases.push_back(std::move(words));
      }
      out.agents.add({a.code, a.before, n.origin}, std::move(phrases));
    }
  }

  std::stringstream verbs;
  std::map<std::size_t, std::string> origins;
  write_verbs_with_origins(source, verbs, &origins);
  const std::string compiled = "dyad verbs (compiled)";
  out.verbs.load(verbs, compiled, out.errors);
  // Point blocks and patterns back at the dyad lines they came from.
  out.verbs.relabel_origins([&](const std::string& origin) {
    if (origin.rfind(compiled + ":", 0) != 0) return origin;
    std::size_t line = std::strtoul(origin.c_str() + compiled.size() + 1, nullptr, 10);
    auto it = origins.find(line);
    return it == origins.end() ? origin : it->second;
  });
  for (const CodeBlock& c : source.codes) {
    if (!c.negation.empty()) out.negations[c.code] = c.negation;
  }
  for (const CodeBlock& c : source.codes) {
    if (!c.negation.empty() || !out.negations.contains(c.code)) continue;
    for (const PatternLine& p : c.patterns) out.unnegated_patterns.insert(p.origin);
  }
  out.combinations = source.combinations;
  for (const GoverningVerb& g : source.governing_verbs) out.governing_verbs.emplace(g.verb, g);
  std::stringstream discards;
  write_petrarch_discards(source, discards);
  out.discards.load(discards, "dyad discards (compiled)", out.errors);
}

DictionarySource read_dyad_dictionaries(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  DictionarySource source;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      for (const std::string& f : dyad_dictionary_files(p)) read_dyad_dictionary(f, source);
    } else {
      read_dyad_dictionary(p, source);
    }
  }
  for (CountryBlock& c : source.countries) {
    c.generated = c.origin.find("iso-3166") != std::string::npos;
  }
  return source;
}

std::unique_ptr<Dictionaries> load_dyad_dictionaries(const std::vector<std::string>& paths,
                                                     DictionarySource* source_out) {
  DictionarySource source = read_dyad_dictionaries(paths);
  auto d = std::make_unique<Dictionaries>();
  d->errors = source.errors;
  compile_dictionaries(source, *d);
  if (source_out) *source_out = std::move(source);
  return d;
}

// ---------------------------------------------------------------- PETRARCH output

namespace {

std::string yymmdd(int date) { return std::to_string(date); }  // YYYYMMDD is accepted too

void write_actor_line(std::ostream& out, const std::string& name, const std::string& code,
                      const DateRange& range) {
  std::vector<std::string> words = name_words(name);
  if (words.empty()) return;
  out << join(words, '_') << "_ [" << code;
  if (range.bounded()) {
    if (range.first == 0) {
      out << " <" << yymmdd(day_after(range.last));
    } else if (range.last == 99991231) {
      out << " >" << yymmdd(range.first);
    } else {
      out << " " << yymmdd(range.first) << "-" << yymmdd(range.last);
    }
  }
  out << "]\n";
}

}  // namespace

void write_petrarch_actors(const DictionarySource& source, std::ostream& out) {
  out << "# Actors compiled from dyad dictionaries.\n";
  for (const CountryBlock& c : source.countries) {
    out << "# country " << c.code << "\n";
    auto list = [&](const std::vector<DatedItem>& items, const std::string& suffix) {
      for (const auto& d : items) write_actor_line(out, d.text, c.code + suffix, d.range);
    };
    list(c.names, "");
    list(c.adjectives, "");
    list(c.people, "");
    list(c.capitals, "GOV");
    list(c.government, "GOV");
    list(c.legislature, "LEG");
    list(c.military, "MIL");
    list(c.regions, "");
  }
  for (const OrganisationBlock& o : source.organisations) {
    out << "# organisation " << o.code << "\n";
    for (const auto& d : o.names) write_actor_line(out, d.text, o.code, d.range);
  }
  for (const ActorBlock& a : source.actors) {
    for (const auto& d : a.names) {
      write_actor_line(out, d.text, a.code, d.range);
      for (const auto& c : a.codes) {
        std::ostringstream line;
        write_actor_line(line, d.text, c.text, c.range);
        std::string s = line.str();
        out << s.substr(s.find('['));
      }
    }
  }
  for (const PersonBlock& p : source.people) {
    if (p.roles.empty()) continue;
    std::vector<std::string> words = name_words(p.name);
    if (words.empty()) continue;
    out << join(words, '_') << "_\n";
    for (const DatedItem& a : p.aliases) out << "+" << join(name_words(a.text), '_') << "_\n";
    for (const Role& r : p.roles) {
      std::ostringstream line;
      write_actor_line(line, "X", r.code, r.range);
      std::string s = line.str();
      out << s.substr(s.find('['));
    }
  }
}

void write_petrarch_agents(const DictionarySource& source, std::ostream& out) {
  out << "# Agents compiled from dyad dictionaries.\n";
  for (const AgentBlock& a : source.agents) {
    std::string code = a.before ? a.code + "~" : "~" + a.code;
    for (const AgentNoun& n : a.nouns) {
      out << join(name_words(n.noun), '_') << "_";
      if (n.no_plural) {
        out << " {}";
      } else if (!n.plurals.empty()) {
        out << " {";
        for (std::size_t i = 0; i < n.plurals.size(); ++i) {
          out << (i ? " " : "") << join(name_words(n.plurals[i]), '_') << "_";
        }
        out << "}";
      }
      out << " [" << code << "]\n";
    }
  }
}

void write_petrarch_verbs(const DictionarySource& source, std::ostream& out) {
  write_verbs_with_origins(source, out, nullptr);
}

namespace {

// Writes the verbs in PETRARCH format; `origins`, when given, receives the
// dyad file:line of every line written that a pattern or block came from.
void write_verbs_with_origins(const DictionarySource& source, std::ostream& out,
                              std::map<std::size_t, std::string>* origins) {
  std::size_t line = 1;
  auto newline = [&] {
    out << "\n";
    ++line;
  };
  out << "# Verbs compiled from dyad dictionaries.";
  newline();
  newline();
  for (const WordSet& s : source.sets) {
    out << petrarch_pattern(s.name);
    newline();
    for (const auto& w : s.words) {
      out << "+" << join(name_words(w), '_');
      newline();
    }
    newline();
  }
  // One block per verb: its bare code (from a "*" pattern) and its patterns.
  // A code and, after a colon, the reverse event's code.
  auto code_pair = [](const std::string& code, const std::string& reverse) {
    return reverse.empty() ? code : code + ":" + reverse;
  };
  struct Verb {
    std::string code = "---";
    std::string origin;                                                // of the bare "*" pattern
    std::vector<std::pair<const PatternLine*, std::string>> patterns;  // with [CODE:REVERSE]
  };
  std::map<std::string, Verb> verbs;
  for (const CodeBlock& c : source.codes) {
    for (const PatternLine& p : c.patterns) {
      Verb& v = verbs[petrarch_verb(p.verb)];
      if (trim(p.pattern) == "*") {
        if (v.code == "---") {
          v.code = code_pair(p.code, c.reverse);
          v.origin = p.origin;
        }
      } else {
        v.patterns.emplace_back(&p, code_pair(p.code, c.reverse));
      }
    }
  }
  auto forms = forms_by_verb(source);
  for (const auto& [name, v] : verbs) {
    if (origins && !v.origin.empty()) (*origins)[line] = v.origin;
    out << "--- " << name << " [" << v.code << "] ---";
    newline();
    out << name;
    std::string word = name;
    if (std::size_t plus = word.find('+'); plus != std::string::npos) {
      word = word.substr(plus + 1);
      word = word.substr(0, word.find('_'));
    } else {
      word = word.substr(0, word.find('_'));
    }
    auto f = forms.find(word);
    if (f == forms.end()) f = forms.find(name);
    if (f != forms.end() && !f->second.empty()) {
      out << " {";
      for (std::size_t i = 0; i < f->second.size(); ++i) out << (i ? " " : "") << f->second[i];
      out << "}";
    }
    newline();
    for (const auto& [p, code] : v.patterns) {
      if (origins) (*origins)[line] = p->origin;
      out << "- " << petrarch_pattern(p->pattern) << " [" << code << "] # " << p->origin;
      newline();
    }
    newline();
  }
}

}  // namespace

void write_petrarch_discards(const DictionarySource& source, std::ostream& out) {
  for (const DiscardPhrase& d : source.discards) {
    out << (d.story ? "+" : "") << to_upper_ascii(d.phrase) << "\n";
  }
}

// ---------------------------------------------------------------- PETRARCH input

namespace {

std::string title_case(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out.push_back(' ');
    bool start = true;
    for (char c : w) {
      out.push_back(start || !(c >= 'A' && c <= 'Z') ? c : static_cast<char>(c - 'A' + 'a'));
      start = c == '-' || c == '.' || c == '\'';
    }
  }
  return out;
}

std::string range_text(int first, int last) {
  DateRange r;
  r.first = first;
  r.last = last;
  return r.text();
}

}  // namespace

void write_dyad_actors(const ActorDictionary& actors, std::ostream& out) {
  out << "# Actors converted from a PETRARCH actor dictionary.\n\n";
  std::vector<std::vector<const Phrase*>> names(actors.entries().size());
  for (const Phrase& p : actors.phrases().all()) {
    names[static_cast<std::size_t>(p.entry)].push_back(&p);
    for (int other : p.other_entries) names[static_cast<std::size_t>(other)].push_back(&p);
  }
  for (std::size_t i = 0; i < actors.entries().size(); ++i) {
    const ActorEntry& e = actors.entries()[i];
    if (names[i].empty()) continue;
    std::string code = !e.default_code.empty() ? e.default_code
                       : !e.dated.empty()      ? e.dated.front().code
                                               : "";
    if (code.empty()) continue;
    // With dated codes only, the block's own code holds in its first range:
    // every name carries that range, and outside all ranges codes nothing.
    bool dated_only = e.default_code.empty();
    std::string own_range =
        dated_only ? " " + range_text(e.dated.front().first, e.dated.front().last) : "";
    out << "actor " << code << "  # " << e.origin << "\n  name: ";
    for (std::size_t k = 0; k < names[i].size(); ++k) {
      out << (k ? " | " : "") << title_case(names[i][k]->words) << own_range;
    }
    out << "\n";
    std::string codes;
    for (std::size_t k = dated_only ? 1 : 0; k < e.dated.size(); ++k) {
      if (!codes.empty()) codes.append(" | ");
      codes.append(e.dated[k].code + " " + range_text(e.dated[k].first, e.dated[k].last));
    }
    if (!codes.empty()) out << "  code: " << codes << "\n";
    out << "\n";
  }
}

void write_dyad_agents(const AgentDictionary& agents, std::ostream& out) {
  out << "# Agents converted from a PETRARCH agent dictionary (plurals listed as they were "
         "generated).\n\n";
  std::map<std::pair<std::string, bool>, std::vector<std::string>> by_code;
  for (const Phrase& p : agents.phrases().all()) {
    const AgentEntry& e = agents.entries()[static_cast<std::size_t>(p.entry)];
    by_code[{e.code, e.prefix}].push_back(title_case(p.words));
  }
  for (const auto& [key, nouns] : by_code) {
    out << "agent " << key.first << (key.second ? " before" : "") << "\n";
    for (const auto& n : nouns) out << "  noun: " << n << " ()\n";
    out << "\n";
  }
}

void write_dyad_verbs(const VerbDictionary& verbs, std::ostream& out) {
  out << "# Verbs converted from a PETRARCH verb dictionary.\n\n";
  for (const std::string& name : verbs.synset_names()) {
    out << "set &" << name << "\n";
    const auto* members = verbs.synset(name);
    if (members && !members->empty()) {
      out << "  word: ";
      for (std::size_t i = 0; i < members->size(); ++i) out << (i ? " | " : "") << (*members)[i];
      out << "\n";
    }
    out << "\n";
  }
  out << "forms\n";
  for (const VerbEntry& v : verbs.verbs()) {
    if (v.forms.empty()) continue;
    out << "  - " << v.words[v.verb_index] << ":";
    for (const auto& f : v.forms) out << " " << f;
    out << "\n";
  }
  out << "\n";
  // Group patterns by code: every verb of a block takes every pattern of it.
  std::map<std::string, std::vector<std::string>> by_code;
  auto verb_text = [](const VerbEntry& v) {
    std::string s;
    for (std::size_t i = 0; i < v.words.size(); ++i) {
      if (i > 0) s.push_back(' ');
      if (i == v.verb_index && v.verb_index > 0) s.push_back('+');
      s.append(v.words[i]);
    }
    return s;
  };
  std::vector<std::vector<const VerbEntry*>> block_verbs(verbs.blocks().size());
  for (const VerbEntry& v : verbs.verbs()) {
    block_verbs[static_cast<std::size_t>(v.block)].push_back(&v);
  }
  for (std::size_t b = 0; b < verbs.blocks().size(); ++b) {
    const VerbBlock& block = verbs.blocks()[b];
    if (block_verbs[b].empty()) continue;
    std::string names;
    for (const VerbEntry* v : block_verbs[b]) {
      if (!names.empty()) names.append(" | ");
      names.append(verb_text(*v));
    }
    // [CODE:REVERSE] patterns go to a block with "reverse: REVERSE".
    auto key = [](const std::string& code, const std::string& code2) {
      return code2.empty() ? code : code + ":" + code2;
    };
    for (const VerbEntry* v : block_verbs[b]) {
      const bool own = !v->code.empty();
      std::string code = own ? v->code : block.code;
      if (!code.empty() && code != "---") {
        by_code[key(code, own ? v->code2 : block.code2)].push_back(verb_text(*v) + ": *");
      }
    }
    for (const VerbPattern& p : block.patterns) {
      if (p.code.empty() || p.code == "---") continue;
      std::string body = p.text;
      if (!body.empty() && body[0] == '-') body.erase(0, 1);
      body = std::string(trim(body.substr(0, body.find('['))));
      by_code[key(p.code, p.code2)].push_back(names + ": " + body);
    }
  }
  for (const auto& [code, lines] : by_code) {
    const std::size_t colon = code.find(':');
    out << "code " << code.substr(0, colon) << "\n";
    if (colon != std::string::npos) out << "  reverse: " << code.substr(colon + 1) << "\n";
    for (const auto& l : lines) out << "  - " << l << "\n";
    out << "\n";
  }
}

}  // namespace dyad
