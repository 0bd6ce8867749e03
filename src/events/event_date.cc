#include "events/event_date.h"

#include <array>
#include <charconv>
#include <string_view>

#include "text/ascii_case.h"

namespace dyad {
namespace {

struct Ymd {
  int y = 0, m = 0, d = 0;
};

Ymd split(int value) { return {value / 10000, value / 100 % 100, value % 100}; }
int join(Ymd x) { return x.y * 10000 + x.m * 100 + x.d; }

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[static_cast<std::size_t>(m - 1)];
}

bool valid(Ymd x) {
  return x.y >= 1800 && x.y <= 2200 && x.m >= 1 && x.m <= 12 && x.d >= 1 &&
         x.d <= days_in_month(x.y, x.m);
}

// Days since 1970-01-01 (civil calendar), and back.
long day_number(Ymd x) {
  const int y = x.y - (x.m <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (x.m + (x.m > 2 ? -3 : 9)) + 2) / 5 + x.d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Ymd from_day_number(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0)), m, d};
}

// 1-12 for a month name or its usual abbreviation ("Aug.", "Sept"), else 0.
int month_of(std::string_view form) {
  if (form.empty() || form[0] < 'A' || form[0] > 'Z') return 0;  // names are capitalised
  std::string w = to_lower_ascii(form);
  if (!w.empty() && w.back() == '.') w.pop_back();
  constexpr std::array<std::string_view, 12> kNames = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (w == kNames[i]) return static_cast<int>(i) + 1;
    if (w.size() >= 3 && w.size() < kNames[i].size() && kNames[i].starts_with(w) &&
        (w.size() == 3 || w == "sept")) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

// 0 (Monday) to 6 (Sunday) for a capitalised day name, else -1.
int weekday_of(std::string_view form) {
  if (form.empty() || form[0] < 'A' || form[0] > 'Z') return -1;
  constexpr std::array<std::string_view, 7> kDays = {"monday", "tuesday",  "wednesday", "thursday",
                                                     "friday", "saturday", "sunday"};
  const std::string w = to_lower_ascii(form);
  for (std::size_t i = 0; i < kDays.size(); ++i) {
    if (w == kDays[i]) return static_cast<int>(i);
  }
  return -1;
}

// The number a word spells in digits ("29", "29th", "2014"), or -1.
int number_of(std::string_view form) {
  std::size_t n = 0;
  while (n < form.size() && form[n] >= '0' && form[n] <= '9') ++n;
  if (n == 0 || n > 4) return -1;
  std::string_view rest = form.substr(n);
  if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") return -1;
  int v = 0;
  std::from_chars(form.data(), form.data() + n, v);
  return v;
}

bool is_year(int v) { return v >= 1800 && v <= 2200; }

// "2024-05-24" or "24.05.2024" as one word.
bool numeric_date(std::string_view w, Ymd& out) {
  auto num = [](std::string_view s, int& v) {
    if (s.empty() || s.size() > 4) return false;
    for (char c : s) {
      if (c < '0' || c > '9') return false;
    }
    std::from_chars(s.data(), s.data() + s.size(), v);
    return true;
  };
  for (char sep : {'-', '.', '/'}) {
    std::size_t a = w.find(sep);
    if (a == std::string_view::npos) continue;
    std::size_t b = w.find(sep, a + 1);
    if (b == std::string_view::npos || w.find(sep, b + 1) != std::string_view::npos) continue;
    int p = 0, q = 0, r = 0;
    if (!num(w.substr(0, a), p) || !num(w.substr(a + 1, b - a - 1), q) ||
        !num(w.substr(b + 1), r)) {
      continue;
    }
    if (sep == '-' && a == 4) {
      out = {p, q, r};  // ISO 8601
    } else if (sep == '.' && b - a == 3 && w.size() - b - 1 == 4) {
      out = {r, q, p};  // day.month.year, as written across Europe and Central Asia
    } else {
      continue;  // "05/24/2024" and "24/05/2024" cannot be told apart
    }
    return valid(out);
  }
  return false;
}

}  // namespace

const char* precision_name(DatePrecision p) {
  switch (p) {
    case DatePrecision::kDay:
      return "day";
    case DatePrecision::kMonth:
      return "month";
    case DatePrecision::kYear:
      return "year";
  }
  return "day";
}

std::string date_text(int value) {
  std::string s = std::to_string(value);
  return s.size() < 8 ? std::string(8 - s.size(), '0') + s : s;
}

bool past_tense(const Sentence& s, int verb) {
  if (verb < 1 || verb > static_cast<int>(s.size())) return false;
  const Token& v = s.token(verb);
  if (v.xpos == "VBD" || v.feature("Tense") == "Past") {
    if (v.xpos != "VBN") return true;
  }
  for (int c : s.children(verb)) {
    const Token& t = s.token(c);
    if (t.relation != Relation::kAux && t.relation != Relation::kAuxPass &&
        t.relation != Relation::kCop) {
      continue;
    }
    const std::string l = to_lower_ascii(t.form);
    if (l == "will" || l == "would" || l == "shall" || l == "'ll") return false;
    if (t.xpos == "VBD" || l == "had" || l == "was" || l == "were" || l == "did") return true;
    if ((l == "has" || l == "have" || l == "'ve") && v.xpos == "VBN") {
      // "has frozen" reports a past deed; "has not withdrawn" a present state.
      for (int n : s.children(verb)) {
        if (s.token(n).is_negation()) return false;
      }
      return true;  // perfect
    }
  }
  return false;
}

std::vector<TextDate> find_dates(const Sentence& s, int story_date) {
  std::vector<TextDate> out;
  const int n = static_cast<int>(s.size());
  const Ymd story = split(story_date);
  const bool known_story = valid(story);
  auto form = [&](int i) -> std::string_view {
    return i >= 1 && i <= n ? std::string_view(s.token(i).form) : std::string_view();
  };
  // The word outside [first, last] that the expression's head depends on.
  auto anchor_of = [&](int first, int last) {
    for (int i = first; i <= last; ++i) {
      const int h = s.token(i).head;
      if (h >= 0 && (h < first || h > last)) return h;
    }
    return 0;
  };
  auto add = [&](int value, DatePrecision p, int first, int last) {
    TextDate d;
    d.value = value;
    d.precision = p;
    d.first = first;
    d.last = last;
    d.anchor = anchor_of(first, last);
    out.push_back(d);
  };
  for (int i = 1; i <= n; ++i) {
    const std::string_view w = form(i);
    Ymd x;
    if (numeric_date(w, x)) {
      add(join(x), DatePrecision::kDay, i, i);
      continue;
    }
    if (int m = month_of(w); m > 0) {
      // "29 August 2014", "August 29, 2014", "August 29", "August 2014", "in March".
      int first = i, last = i, day = 0, year = 0;
      if (int d = number_of(form(i - 1)); d >= 1 && d <= 31) {
        day = d;
        first = i - 1;
      } else if (int d2 = number_of(form(i + 1)); d2 >= 1 && d2 <= 31) {
        day = d2;
        last = i + 1;
      }
      int k = last + 1;
      if (form(k) == ",") ++k;
      if (int y = number_of(form(k)); is_year(y) && form(k).size() == 4) {
        year = y;
        last = k;
      }
      const std::string before = to_lower_ascii(form(first - 1));
      const bool introduced = before == "in" || before == "since" || before == "early" ||
                              before == "late" || before == "mid" || before == "last";
      if (day == 0 && year == 0 && (!introduced || m == 5)) continue;  // "May" the modal
      if (year == 0) {
        if (!known_story) continue;
        year = story.y;
        // A date without a year is the latest one not after the story.
        if (m > story.m || (m == story.m && day > story.d)) --year;
      }
      if (day > 0) {
        Ymd d{year, m, day};
        if (valid(d)) add(join(d), DatePrecision::kDay, first, last);
      } else {
        add(join({year, m, 1}), DatePrecision::kMonth, first, last);
      }
      i = last;
      continue;
    }
    if (int wd = weekday_of(w); wd >= 0 && known_story) {
      // The latest such day on or before the story date.
      const long today = day_number(story);
      const long story_wd = ((today % 7) + 7 + 3) % 7;  // 1970-01-01 was a Thursday
      const long back = (story_wd - wd + 7) % 7;
      add(join(from_day_number(today - back)), DatePrecision::kDay, i, i);
      continue;
    }
    const std::string l = to_lower_ascii(w);
    if (l == "yesterday" && known_story) {
      add(join(from_day_number(day_number(story) - 1)), DatePrecision::kDay, i, i);
      continue;
    }
    if (int y = number_of(w); is_year(y) && w.size() == 4) {
      // "in 2014": a year standing alone after "in" or "since".
      const std::string before = to_lower_ascii(form(i - 1));
      if (before == "in" || before == "since") {
        add(join({y, 1, 1}), DatePrecision::kYear, i, i);
      }
    }
  }
  return out;
}

}  // namespace dyad
