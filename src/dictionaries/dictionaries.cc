// Readers for the TABARI/PETRARCH dictionary formats. Each reader takes the
// whole file into memory, splits it into lines (LF, CRLF or lone CR), strips
// comments, parses one line at a time and reports every bad line as
// InputError{file, line, "expected ..."} before going on with the next.
#include "dictionaries/dictionaries.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <limits>
#include <utility>

namespace dyad {
namespace {

constexpr std::size_t kNpos = std::string_view::npos;

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f'; }

char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

// Letters, digits and non-ASCII bytes (parts of UTF-8 letters) make up words.
bool is_word_char(char c) {
  auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z');
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view s) {
  std::size_t b = 0;
  std::size_t e = s.size();
  while (b < e && is_blank(s[b])) ++b;
  while (e > b && is_blank(s[e - 1])) --e;
  return s.substr(b, e - b);
}

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

std::string make_origin(const std::string& name, std::size_t line) {
  return name + ":" + std::to_string(line);
}

// Splits `s` at '_' and blanks into upper-case words; empty parts (a final
// '_', doubled blanks) are dropped.
std::vector<std::string> split_words(std::string_view s, bool commas_too = false) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == '_' || is_blank(s[i]) || (commas_too && s[i] == ','))) ++i;
    std::size_t b = i;
    while (i < s.size() && s[i] != '_' && !is_blank(s[i]) && !(commas_too && s[i] == ',')) ++i;
    if (i > b) words.push_back(to_upper_ascii(s.substr(b, i - b)));
  }
  return words;
}

// Words joined by single blanks.
std::string join_words(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out.push_back(' ');
    out += w;
  }
  return out;
}

std::string read_all(std::istream& in) {
  std::string data;
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    data.append(buf, static_cast<std::size_t>(in.gcount()));
  }
  return data;
}

// Opens `path` and hands it to `load`; an unreadable file is one error.
template <typename Dict>
void load_file(Dict& dict, const std::string& path, std::vector<InputError>& errors) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    errors.push_back(InputError{path, 0, "expected a readable dictionary file"});
    return;
  }
  dict.load(in, path, errors);
}

// Splits dictionary text into lines (LF, CRLF or lone CR), removes comments
// ('#' to the end of the line unless inside [...], <!-- ... --> on one or
// several lines, a line opened by "<!"), NUL and 0x1A bytes, and skips the
// lines left empty.
class LineReader {
 public:
  explicit LineReader(std::string_view data) : data_(data) { buf_.reserve(512); }

  // Moves to the next line with content; false at the end of the data.
  bool next() {
    blank_before_ = false;
    while (pos_ < data_.size()) {
      std::size_t end = data_.find_first_of("\r\n", pos_);
      if (end == kNpos) end = data_.size();
      std::string_view raw = data_.substr(pos_, end - pos_);
      pos_ = end;
      if (pos_ < data_.size()) {
        pos_ += (data_[pos_] == '\r' && pos_ + 1 < data_.size() && data_[pos_ + 1] == '\n') ? 2 : 1;
      }
      ++line_;
      bool was_in_comment = in_comment_;
      strip(raw);
      text_ = trim(buf_);
      if (!text_.empty()) return true;
      if (!was_in_comment && trim(raw).empty()) blank_before_ = true;
    }
    return false;
  }

  // The current line without comments, trimmed; valid until next().
  std::string_view text() const { return text_; }
  std::size_t line() const { return line_; }
  // True if a blank line (not a comment line) came right before this one.
  bool blank_before() const { return blank_before_; }

 private:
  // Copies `raw` into buf_ without comments, NUL and 0x1A bytes, a run of
  // ordinary characters at a time.
  void strip(std::string_view raw) {
    static constexpr std::string_view kSpecial("#<[]\0\x1a", 6);
    buf_.clear();
    int depth = 0;  // '[' nesting: "[###]" is a code, not a comment
    std::size_t i = 0;
    while (i < raw.size()) {
      if (in_comment_) {
        std::size_t close = raw.find("-->", i);
        if (close == kNpos) return;
        in_comment_ = false;
        i = close + 3;
        continue;
      }
      std::size_t j = std::min(raw.find_first_of(kSpecial, i), raw.size());
      buf_.append(raw.substr(i, j - i));
      if (j == raw.size()) return;
      const char c = raw[j];
      i = j + 1;
      if (c == '<') {
        if (i < raw.size() && raw[i] == '!') {
          in_comment_ = true;
          ++i;
        } else {
          buf_.push_back(c);
        }
      } else if (c == '#') {
        if (depth == 0 || raw.find(']', i) == kNpos) return;
        buf_.push_back(c);
      } else if (c == '[' || c == ']') {
        depth += c == '[' ? 1 : (depth > 0 ? -1 : 0);
        buf_.push_back(c);
      }  // NUL and 0x1A are dropped
    }
  }

  std::string_view data_;
  std::size_t pos_ = 0;
  std::size_t line_ = 0;
  bool in_comment_ = false;
  bool blank_before_ = false;
  std::string buf_;
  std::string_view text_;
};

// Collects errors with the file name and the reader's current line.
class ErrorSink {
 public:
  ErrorSink(const std::string& name, const LineReader& reader, std::vector<InputError>& errors)
      : name_(name), reader_(reader), errors_(errors) {}
  void operator()(std::string message) const {
    errors_.push_back(InputError{name_, reader_.line(), std::move(message)});
  }

 private:
  const std::string& name_;
  const LineReader& reader_;
  std::vector<InputError>& errors_;
};

// ---------------------------------------------------------------- dates

bool leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap_year(y) ? 29 : kDays[m - 1];
}

// YYMMDD (YY <= 30 -> 20YY, else 19YY) or YYYYMMDD -> YYYYMMDD.
std::optional<int> parse_date(std::string_view s) {
  s = trim(s);
  if (s.size() != 6 && s.size() != 8) return std::nullopt;
  if (!std::all_of(s.begin(), s.end(), is_digit)) return std::nullopt;
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.size() == 6) v += (v / 10000 <= 30 ? 20000000 : 19000000);
  int y = v / 10000;
  int m = v / 100 % 100;
  int d = v % 100;
  if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
  return v;
}

// The calendar day before a valid YYYYMMDD date.
int day_before(int date) {
  int y = date / 10000;
  int m = date / 100 % 100;
  int d = date % 100;
  if (d > 1) return date - 1;
  if (m > 1) return y * 10000 + (m - 1) * 100 + days_in_month(y, m - 1);
  return (y - 1) * 10000 + 1231;
}

// "[CODE]" or "[CODE:CODE2]" content -> code, code2; false if no code.
// "[:CODE2]" (only the event with source and target swapped) leaves `code`
// empty.
bool parse_code_pair(std::string_view content, std::string& code, std::string& code2) {
  content = trim(content);
  std::size_t colon = content.find(':');
  code = std::string(trim(content.substr(0, colon)));
  code2 = colon == kNpos ? "" : std::string(trim(content.substr(colon + 1)));
  auto bad = [](const std::string& c) { return c.find_first_of(" \t:[]") != std::string::npos; };
  if (bad(code) || bad(code2)) return false;
  if (colon == kNpos) return !code.empty();
  return !code2.empty();
}

// Parses the bracket groups of an actor line ("[A][B 990101-991231]") into
// `entry`. A malformed date skips its code only; malformed bracket syntax
// returns what was expected and adds nothing.
std::string parse_actor_codes(std::string_view s, ActorEntry& entry, const ErrorSink& error) {
  std::vector<std::string_view> groups;
  std::size_t i = 0;
  while (i < s.size()) {
    if (is_blank(s[i])) {
      ++i;
      continue;
    }
    if (s[i] != '[') {
      if (groups.empty()) return "expected [CODE] after the phrase, found " + quoted(s.substr(i));
      break;  // text after the codes is a comment (PETRARCH ignores it too)
    }
    std::size_t close = s.find(']', i);
    if (close == kNpos) return "expected ']' to close " + quoted(s.substr(i));
    std::string_view inner = s.substr(i + 1, close - i - 1);
    if (inner.find('[') != kNpos) return "expected ']' before '[' in " + quoted(s.substr(i));
    groups.push_back(inner);
    i = close + 1;
  }
  for (std::string_view g : groups) {
    std::string_view content = trim(g);
    std::size_t k = 0;
    while (k < content.size() && !is_blank(content[k]) && content[k] != '<' && content[k] != '>') {
      ++k;
    }
    std::string code = to_upper_ascii(content.substr(0, k));
    std::string_view rest = trim(content.substr(k));
    std::string group = "[" + std::string(g) + "]";
    if (code.empty()) {
      error("expected an actor code in " + group);
      continue;
    }
    if (rest.empty()) {
      if (entry.default_code.empty()) entry.default_code = std::move(code);
      continue;
    }
    DatedCode dc;
    dc.code = std::move(code);
    auto bad_date = [&](std::string_view d) {
      error("expected a date YYMMDD or YYYYMMDD in " + group + ", found " + quoted(trim(d)));
    };
    if (rest[0] == '<' || rest[0] == '>') {
      std::string_view ds = rest.substr(1);
      auto d = parse_date(ds);
      if (!d) {
        bad_date(ds);
        continue;
      }
      if (rest[0] == '<') {
        dc.first = 0;
        dc.last = day_before(*d);
      } else {
        dc.first = *d;
      }
    } else {
      std::size_t dash = rest.find('-');
      if (dash == kNpos) {
        error("expected a date range, <date or >date after the code in " + group);
        continue;
      }
      auto a = parse_date(rest.substr(0, dash));
      if (!a) {
        bad_date(rest.substr(0, dash));
        continue;
      }
      auto b = parse_date(rest.substr(dash + 1));
      if (!b) {
        bad_date(rest.substr(dash + 1));
        continue;
      }
      if (*a > *b) {
        error("expected the first date not after the second in " + group);
        continue;
      }
      dc.first = *a;
      dc.last = *b;
    }
    entry.dated.push_back(std::move(dc));
  }
  return {};
}

// ---------------------------------------------------------------- agents

// The regular plural of an upper-case word.
std::string plural_of(const std::string& w) {
  auto ends = [&](std::string_view suffix) {
    return w.size() >= suffix.size() &&
           std::string_view(w).substr(w.size() - suffix.size()) == suffix;
  };
  if (ends("Y") && w.size() >= 2 && std::string_view("AEIOU").find(w[w.size() - 2]) == kNpos) {
    return w.substr(0, w.size() - 1) + "IES";
  }
  if (ends("S") || ends("SH") || ends("CH") || ends("X") || ends("Z")) return w + "ES";
  return w + "S";
}

using MarkerMap = std::unordered_map<std::string, std::vector<std::string>>;

// Replaces every !MARKER! of `text` by each item of its list (all
// combinations); returns what was expected if a marker is bad.
std::string expand_markers(std::string_view text, const MarkerMap& markers,
                           std::vector<std::string>& out) {
  std::size_t open = text.find('!');
  if (open == kNpos) {
    out.emplace_back(text);
    return {};
  }
  std::size_t close = text.find('!', open + 1);
  if (close == kNpos)
    return "expected a closing '!' in substitution marker " + quoted(text.substr(open));
  std::string name = to_upper_ascii(text.substr(open, close - open + 1));
  auto it = markers.find(name);
  if (it == markers.end()) return "expected a defined substitution marker, found " + quoted(name);
  for (const std::string& item : it->second) {
    std::string replaced(text.substr(0, open));
    replaced += item;
    replaced += text.substr(close + 1);
    if (std::string e = expand_markers(replaced, markers, out); !e.empty()) return e;
  }
  return {};
}

// ---------------------------------------------------------------- verbs

// Index of the word marked with a leading '+' (the mark is removed), or -1.
// Returns -2 if several words are marked.
int take_verb_mark(std::vector<std::string>& words) {
  int marked = -1;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!words[i].empty() && words[i][0] == '+') {
      if (marked >= 0) return -2;
      marked = static_cast<int>(i);
      words[i].erase(0, 1);
    }
  }
  return marked;
}

// Parses a verb line: WORD, WORD {FORMS}, +CORDON_OFF {+CORDONS_OFF},
// WIRE_+TAP, each with an optional [CODE] or [CODE:CODE2]. Text after ';'
// is an old TABARI comment.
std::string parse_verb_line(std::string_view s, VerbEntry& v) {
  s = trim(s.substr(0, s.find(';')));
  std::size_t brace = s.find('{');
  std::size_t bracket = s.find('[');
  std::string_view head = s.substr(0, std::min(brace, bracket));
  if (head.find('}') != kNpos || head.find(']') != kNpos) {
    return "expected a verb, found " + quoted(head);
  }
  v.words = split_words(head);
  if (v.words.empty()) return "expected a verb before " + quoted(s);
  int mark = take_verb_mark(v.words);
  if (mark == -2) return "expected at most one word marked with '+' in " + quoted(head);
  if (std::any_of(v.words.begin(), v.words.end(), [](const std::string& w) { return w.empty(); })) {
    return "expected a word after '+' in " + quoted(head);
  }
  v.verb_index = mark >= 0 ? static_cast<std::size_t>(mark) : 0;
  std::size_t pos = head.size();
  if (brace < bracket) {
    std::size_t close = s.find('}', brace);
    if (close == kNpos || close > bracket) return "expected '}' to close the verb forms";
    std::string_view inner = s.substr(brace + 1, close - brace - 1);
    if (inner.find('{') != kNpos) return "expected '}' before '{' in the verb forms";
    std::size_t i = 0;
    while (i < inner.size()) {
      while (i < inner.size() && (is_blank(inner[i]) || inner[i] == ',')) ++i;
      std::size_t b = i;
      while (i < inner.size() && !is_blank(inner[i]) && inner[i] != ',') ++i;
      if (i == b) continue;
      std::vector<std::string> parts = split_words(inner.substr(b, i - b));
      if (parts.empty()) continue;
      int m = take_verb_mark(parts);
      std::size_t at = m >= 0                        ? static_cast<std::size_t>(m)
                       : v.verb_index < parts.size() ? v.verb_index
                                                     : 0;
      std::string& form = parts[at];
      if (form.empty()) continue;
      if (form != v.words[v.verb_index] &&
          std::find(v.forms.begin(), v.forms.end(), form) == v.forms.end()) {
        v.forms.push_back(std::move(form));
      }
    }
    pos = close + 1;
  }
  std::string_view rest = trim(s.substr(pos));
  if (!rest.empty() && rest[0] == '[') {
    std::size_t close = rest.find(']');
    if (close == kNpos) return "expected ']' to close the verb code";
    if (!parse_code_pair(rest.substr(1, close - 1), v.code, v.code2)) {
      return "expected a code [CODE] or [CODE:CODE2], found " + quoted(rest.substr(0, close + 1));
    }
    rest = trim(rest.substr(close + 1));
  }
  if (!rest.empty()) return "expected the end of the verb line, found " + quoted(rest);
  return {};
}

// Parses "--- NAME [CODE] ---" (or [CODE:CODE2]); a block without a code
// codes nothing by itself ("---").
std::string parse_block_header(std::string_view s, VerbBlock& b) {
  std::size_t i = 0;
  while (i < s.size() && s[i] == '-') ++i;
  std::size_t e = s.size();
  while (e > i && (s[e - 1] == '-' || is_blank(s[e - 1]))) --e;  // "[110]---  ---"
  std::string_view body = trim(s.substr(i, e - i));
  std::size_t open = body.find('[');
  b.name = to_upper_ascii(trim(body.substr(0, open)));
  if (b.name.empty() || b.name.find_first_of("]{}()") != std::string::npos) {
    return "expected a block header --- NAME [CODE] ---";
  }
  if (open == kNpos) {
    b.code = "---";
    return {};
  }
  std::size_t close = body.find(']', open);
  if (close == kNpos) return "expected ']' to close the block code";
  if (!trim(body.substr(close + 1)).empty()) {
    return "expected '---' after the block code, found " + quoted(trim(body.substr(close + 1)));
  }
  if (!parse_code_pair(body.substr(open + 1, close - open - 1), b.code, b.code2)) {
    return "expected a block code [CODE] or [CODE:CODE2]";
  }
  return {};
}

PatternElement word_element(std::string_view token) {
  PatternElement e;
  e.words = split_words(token);
  e.kind = e.words.size() > 1 ? PatternElement::Kind::kNounPhrase : PatternElement::Kind::kWord;
  return e;
}

// Parses a pattern body ("PRE (PREP) * POST (PREP {A B}) [CODE]") into `p`.
std::string parse_pattern(std::string_view body, VerbPattern& p) {
  std::size_t open = body.find('[');
  if (open == kNpos) return "expected a code [CODE] at the end of the pattern";
  std::size_t close = body.find(']', open);
  if (close == kNpos) return "expected ']' to close the pattern code";
  if (!trim(body.substr(close + 1)).empty()) {
    return "expected nothing after the pattern code, found " + quoted(trim(body.substr(close + 1)));
  }
  if (!parse_code_pair(body.substr(open + 1, close - open - 1), p.code, p.code2)) {
    return "expected a pattern code [CODE] or [CODE:CODE2], found " +
           quoted(body.substr(open, close - open + 1));
  }
  std::string_view t = body.substr(0, open);
  bool star = false;
  std::size_t i = 0;
  while (i < t.size()) {
    char c = t[i];
    if (is_blank(c)) {
      ++i;
      continue;
    }
    std::vector<PatternElement>& out = star ? p.after : p.before;
    if (c == '{') {
      std::size_t end = t.find('}', i);
      if (end == kNpos) return "expected '}' to close " + quoted(trim(t.substr(i)));
      std::string_view inner = t.substr(i + 1, end - i - 1);
      if (inner.find_first_of("{()") != kNpos) return "expected '}' before " + quoted(inner);
      PatternElement e;
      e.kind = PatternElement::Kind::kNounPhrase;
      e.words = split_words(inner);
      if (e.words.empty()) return "expected words inside {}";
      out.push_back(std::move(e));
      i = end + 1;
      continue;
    }
    if (c == '(') {
      std::size_t end = t.find(')', i);
      if (end == kNpos) return "expected ')' to close " + quoted(trim(t.substr(i)));
      std::string_view inner = trim(t.substr(i + 1, end - i - 1));
      if (inner.find('(') != kNpos) return "expected ')' before '(' in " + quoted(inner);
      std::size_t lb = inner.find('{');
      std::size_t rb = inner.find('}');
      if ((lb == kNpos) != (rb == kNpos) || rb < lb ||
          (lb != kNpos && inner.find('{', lb + 1) != kNpos)) {
        return "expected balanced {} inside " + quoted(inner);
      }
      std::size_t k = 0;
      while (k < inner.size() && !is_blank(inner[k]) && inner[k] != '{') ++k;
      PatternElement e;
      e.kind = PatternElement::Kind::kPreposition;
      e.preposition = join_words(split_words(inner.substr(0, k)));
      if (e.preposition.empty()) return "expected a preposition inside ()";
      std::string rest(inner.substr(k));
      std::erase(rest, '{');
      std::erase(rest, '}');
      e.words = split_words(rest);
      out.push_back(std::move(e));
      i = end + 1;
      continue;
    }
    if (c == ')' || c == '}') return std::string("expected an opening bracket before '") + c + "'";
    // '*' is a token of its own even when glued to a word ("*SCEPTICAL", "SPY_*_DEAL").
    std::size_t b = i;
    if (c == '*') {
      ++i;
    } else {
      while (i < t.size() && !is_blank(t[i]) && std::string_view("{}()*").find(t[i]) == kNpos) ++i;
    }
    std::string_view tok = t.substr(b, i - b);
    PatternElement e;
    if (tok == "*") {
      if (star) return "expected only one '*' in the pattern";
      star = true;
      continue;
    }
    if (tok == "$") {
      e.kind = PatternElement::Kind::kSource;
    } else if (tok == "+") {
      e.kind = PatternElement::Kind::kTarget;
    } else if (tok == "%") {
      e.kind = PatternElement::Kind::kCompound;
    } else if (tok == "^") {
      e.kind = PatternElement::Kind::kSkip;
    } else {
      e = word_element(tok);
      if (e.words.empty()) continue;  // a lone '_'
    }
    out.push_back(std::move(e));
  }
  if (!star) return "expected '*' for the verb in the pattern";
  return {};
}

// Synset keys are stored as "NAME": no '&', no final '_'.
std::string synset_key(std::string_view name) {
  if (!name.empty() && name.front() == '&') name.remove_prefix(1);
  while (!name.empty() && name.back() == '_') name.remove_suffix(1);
  return to_upper_ascii(name);
}

// ---------------------------------------------------------------- ontology

// "0x1000-0xFFFF", "-0xFFFF+0x2045+0x300", "0" -> the value.
std::optional<int> parse_hex_expression(std::string_view s) {
  std::string e;
  for (char c : s) {
    if (!is_blank(c)) e.push_back(c);
  }
  if (e.empty()) return std::nullopt;
  long long total = 0;
  std::size_t i = 0;
  int sign = 1;
  if (e[i] == '+' || e[i] == '-') sign = e[i++] == '-' ? -1 : 1;
  while (true) {
    long long term = 0;
    const char* first = e.data() + i;
    const char* last = e.data() + e.size();
    int base = 10;
    if (i + 1 < e.size() && e[i] == '0' && (e[i + 1] == 'x' || e[i + 1] == 'X')) {
      first += 2;
      base = 16;
    }
    if (first == last || !std::isxdigit(static_cast<unsigned char>(*first))) return std::nullopt;
    auto [ptr, ec] = std::from_chars(first, last, term, base);
    if (ec != std::errc() || ptr == first || term > 0xFFFFFF) return std::nullopt;
    total += sign * term;
    i = static_cast<std::size_t>(ptr - e.data());
    if (i == e.size()) break;
    if (e[i] != '+' && e[i] != '-') return std::nullopt;
    sign = e[i++] == '-' ? -1 : 1;
  }
  if (total < std::numeric_limits<int>::min() || total > std::numeric_limits<int>::max()) {
    return std::nullopt;
  }
  return static_cast<int>(total);
}

}  // namespace

std::string regular_plural(const std::string& word) { return plural_of(word); }

std::string parse_verb_pattern(std::string_view body, VerbPattern& pattern) {
  return parse_pattern(body, pattern);
}

int ActorDictionary::add_entry(ActorEntry entry) {
  entries_.push_back(std::move(entry));
  return static_cast<int>(entries_.size()) - 1;
}

void ActorDictionary::add_phrase(std::vector<std::string> words, int entry) {
  phrases_.add(Phrase{std::move(words), entry, {}});
}

void AgentDictionary::add(AgentEntry entry, std::vector<std::vector<std::string>> phrases) {
  entries_.push_back(std::move(entry));
  int index = static_cast<int>(entries_.size()) - 1;
  for (auto& words : phrases) phrases_.add(Phrase{std::move(words), index, {}});
}

void VerbDictionary::relabel_origins(
    const std::function<std::string(const std::string&)>& relabel) {
  for (VerbBlock& b : blocks_) {
    b.origin = relabel(b.origin);
    for (VerbPattern& p : b.patterns) p.origin = relabel(p.origin);
  }
  for (VerbEntry& v : verbs_) v.origin = relabel(v.origin);
}

std::vector<std::string> VerbDictionary::synset_names() const {
  std::vector<std::string> out;
  for (const auto& [key, members] : synsets_) out.push_back(key);
  std::sort(out.begin(), out.end());
  return out;
}

// ---------------------------------------------------------------- actors

std::string ActorEntry::code_on(int date) const {
  if (date != 0) {
    for (const DatedCode& d : dated) {
      if (d.first <= date && date <= d.last) return d.code;
    }
  }
  return default_code;
}

bool ActorEntry::dated_on(int date) const {
  return std::any_of(dated.begin(), dated.end(),
                     [&](const DatedCode& d) { return d.first <= date && date <= d.last; });
}

void PhraseIndex::add(Phrase phrase) {
  if (phrase.words.empty()) return;
  int node = 0;
  for (const std::string& w : phrase.words) {
    auto it = nodes_[static_cast<std::size_t>(node)].next.find(w);
    if (it == nodes_[static_cast<std::size_t>(node)].next.end()) {
      int child = static_cast<int>(nodes_.size());
      nodes_[static_cast<std::size_t>(node)].next.emplace(w, child);
      nodes_.emplace_back();
      node = child;
    } else {
      node = it->second;
    }
  }
  Node& end = nodes_[static_cast<std::size_t>(node)];
  if (end.phrase >= 0) {  // the same phrase again: the first one stays, the others are noted
    Phrase& first = phrases_[static_cast<std::size_t>(end.phrase)];
    if (phrase.entry != first.entry &&
        std::find(first.other_entries.begin(), first.other_entries.end(), phrase.entry) ==
            first.other_entries.end()) {
      first.other_entries.push_back(phrase.entry);
    }
    return;
  }
  end.phrase = static_cast<int>(phrases_.size());
  phrases_.push_back(std::move(phrase));
}

void PhraseIndex::walk(int node, std::size_t depth, std::span<const std::string_view> words,
                       std::span<const std::string_view> alt, bool used_alt, int* best,
                       std::size_t* best_len) const {
  const Node& n = nodes_[static_cast<std::size_t>(node)];
  if (n.phrase >= 0 && depth > 0 &&
      (depth > *best_len || (depth == *best_len && n.phrase < *best)) &&
      !(used_alt && phrases_[static_cast<std::size_t>(n.phrase)].forms_only)) {
    *best = n.phrase;
    *best_len = depth;
  }
  if (depth >= words.size() || n.next.empty()) return;
  auto it = n.next.find(words[depth]);
  if (it != n.next.end()) walk(it->second, depth + 1, words, alt, used_alt, best, best_len);
  if (depth < alt.size() && alt[depth] != words[depth]) {
    auto jt = n.next.find(alt[depth]);
    if (jt != n.next.end()) walk(jt->second, depth + 1, words, alt, true, best, best_len);
  }
}

const Phrase* PhraseIndex::longest_match(std::span<const std::string_view> words,
                                         std::span<const std::string_view> alt) const {
  if (words.empty()) return nullptr;
  int best = -1;
  std::size_t best_len = 0;
  walk(0, 0, words, alt, false, &best, &best_len);
  return best < 0 ? nullptr : &phrases_[static_cast<std::size_t>(best)];
}

void ActorDictionary::load(const std::string& path, std::vector<InputError>& errors) {
  load_file(*this, path, errors);
}

void ActorDictionary::load(std::istream& in, const std::string& name,
                           std::vector<InputError>& errors) {
  std::string data = read_all(in);
  LineReader reader(data);
  ErrorSink error(name, reader, errors);
  int current = -1;       // entry that synonyms and code lines belong to
  bool skipping = false;  // the last primary line was bad: drop its followers quietly
  while (reader.next()) {
    std::string_view s = reader.text();
    char first = s.front();
    if (first == '[' || first == '+') {
      if (current < 0) {
        if (!skipping) error("expected an actor phrase before " + quoted(s));
        continue;
      }
      ActorEntry& entry = entries_[static_cast<std::size_t>(current)];
      if (first == '[') {
        if (std::string e = parse_actor_codes(s, entry, error); !e.empty()) error(std::move(e));
        continue;
      }
      std::string_view body = trim(s.substr(1));
      std::size_t br = body.find('[');
      std::vector<std::string> words = split_words(body.substr(0, br));
      if (words.empty()) {
        error("expected a synonym phrase after '+'");
        continue;
      }
      if (br != kNpos) {
        if (std::string e = parse_actor_codes(body.substr(br), entry, error); !e.empty()) {
          error(std::move(e));
          continue;
        }
      }
      phrases_.add(Phrase{std::move(words), current, {}});
      continue;
    }
    std::size_t br = s.find('[');
    std::vector<std::string> words = split_words(s.substr(0, br));
    ActorEntry entry;
    entry.origin = make_origin(name, reader.line());
    std::string e;
    if (words.empty()) {
      e = "expected an actor phrase before " + quoted(s);
    } else if (br != kNpos) {
      e = parse_actor_codes(s.substr(br), entry, error);
    }
    if (!e.empty()) {
      error(std::move(e));
      current = -1;
      skipping = true;
      continue;
    }
    entries_.push_back(std::move(entry));
    current = static_cast<int>(entries_.size()) - 1;
    skipping = false;
    phrases_.add(Phrase{std::move(words), current, {}});
  }
}

// ---------------------------------------------------------------- agents

void AgentDictionary::load(const std::string& path, std::vector<InputError>& errors) {
  load_file(*this, path, errors);
}

void AgentDictionary::load(std::istream& in, const std::string& name,
                           std::vector<InputError>& errors) {
  std::string data = read_all(in);
  LineReader reader(data);
  ErrorSink error(name, reader, errors);
  MarkerMap markers;
  std::vector<std::string> texts;
  while (reader.next()) {
    std::string_view s = reader.text();
    if (s.front() == '!' && s.find('=') != kNpos) {
      std::size_t close = s.find('!', 1);
      std::size_t eq = s.find('=');
      if (close == kNpos || close > eq || close == 1) {
        error("expected a substitution marker !NAME! = ITEM, ITEM, ...");
        continue;
      }
      std::vector<std::string> items;
      std::string_view list = s.substr(eq + 1);
      std::size_t i = 0;
      while (i <= list.size()) {
        std::size_t comma = std::min(list.find(',', i), list.size());
        std::string_view item = list.substr(i, comma - i);
        while (!item.empty() && (is_blank(item.front()) || item.front() == '_'))
          item.remove_prefix(1);
        while (!item.empty() && (is_blank(item.back()) || item.back() == '_'))
          item.remove_suffix(1);
        if (!item.empty()) items.push_back(to_upper_ascii(item));
        i = comma + 1;
      }
      if (items.empty()) {
        error("expected a comma-separated list after '=' in the substitution marker");
        continue;
      }
      markers[to_upper_ascii(s.substr(0, close + 1))] = std::move(items);
      continue;
    }
    std::size_t open = s.find('[');
    if (open == kNpos) {
      error("expected an agent code [~CODE] or [CODE~] after " + quoted(s));
      continue;
    }
    std::size_t close = s.find(']', open);
    if (close == kNpos) {
      error("expected ']' to close the agent code in " + quoted(s.substr(open)));
      continue;
    }
    if (!trim(s.substr(close + 1)).empty()) {
      error("expected the end of the line after the agent code, found " +
            quoted(trim(s.substr(close + 1))));
      continue;
    }
    std::string_view code = trim(s.substr(open + 1, close - open - 1));
    AgentEntry entry;
    if (code.size() >= 2 && code.front() == '~') {
      entry.code = to_upper_ascii(trim(code.substr(1)));
    } else if (code.size() >= 2 && code.back() == '~') {
      entry.code = to_upper_ascii(trim(code.substr(0, code.size() - 1)));
      entry.prefix = true;
    }
    if (entry.code.empty() || entry.code.find_first_of(" \t~[") != std::string::npos) {
      error("expected an agent code [~CODE] or [CODE~], found " +
            quoted(s.substr(open, close - open + 1)));
      continue;
    }
    std::string_view head = s.substr(0, open);
    std::size_t lb = head.find('{');
    std::size_t rb = head.find('}');
    bool braces = lb != kNpos;
    if (braces != (rb != kNpos) || rb < lb || (braces && !trim(head.substr(rb + 1)).empty()) ||
        (braces && head.find('{', lb + 1) != kNpos)) {
      error("expected PHRASE {PLURAL ...} [CODE] with balanced braces");
      continue;
    }
    std::string_view singular = trim(head.substr(0, lb));
    texts.clear();
    std::string e = expand_markers(singular, markers, texts);
    std::size_t n_singular = texts.size();
    if (e.empty() && braces) {
      std::string_view inner = head.substr(lb + 1, rb - lb - 1);
      std::size_t i = 0;
      while (i < inner.size() && e.empty()) {
        while (i < inner.size() && is_blank(inner[i])) ++i;
        std::size_t b = i;
        while (i < inner.size() && !is_blank(inner[i])) ++i;
        if (i > b) e = expand_markers(inner.substr(b, i - b), markers, texts);
      }
    }
    if (!e.empty()) {
      error(std::move(e));
      continue;
    }
    std::vector<std::vector<std::string>> phrases;
    phrases.reserve(texts.size() * 2);
    for (std::size_t k = 0; k < texts.size(); ++k) {
      std::vector<std::string> words = split_words(texts[k]);
      if (words.empty()) continue;
      bool generate = k < n_singular && !braces && singular.find('!') == kNpos;
      if (generate) {
        std::vector<std::string> plural = words;
        plural.back() = plural_of(plural.back());
        phrases.push_back(std::move(words));
        phrases.push_back(std::move(plural));
      } else {
        phrases.push_back(std::move(words));
      }
    }
    if (phrases.empty() || split_words(singular).empty()) {
      error("expected an agent phrase before the code");
      continue;
    }
    entry.origin = make_origin(name, reader.line());
    entries_.push_back(std::move(entry));
    int index = static_cast<int>(entries_.size()) - 1;
    for (auto& words : phrases) phrases_.add(Phrase{std::move(words), index, {}, braces});
  }
}

// ---------------------------------------------------------------- discards

void DiscardList::load(const std::string& path, std::vector<InputError>& errors) {
  load_file(*this, path, errors);
}

void DiscardList::load(std::istream& in, const std::string& name, std::vector<InputError>& errors) {
  std::string data = read_all(in);
  LineReader reader(data);
  ErrorSink error(name, reader, errors);
  while (reader.next()) {
    std::string_view s = reader.text();
    DiscardEntry d;
    if (s.front() == '+') {
      d.story = true;
      s = trim(s.substr(1));
    }
    d.whole_word = !s.empty() && s.back() == '_';
    d.phrase = join_words(split_words(s));
    if (d.phrase.empty()) {
      error("expected a discard phrase");
      continue;
    }
    d.origin = make_origin(name, reader.line());
    entries_.push_back(std::move(d));
  }
  matcher_.clear();
  for (const DiscardEntry& d : entries_) matcher_.add(d.phrase, d.whole_word);
}

void TextPhraseMatcher::clear() {
  phrases_.clear();
  by_prefix_.clear();
}

void TextPhraseMatcher::add(std::string phrase, bool whole_word) {
  if (phrase.empty()) return;
  by_prefix_[phrase.substr(0, std::min<std::size_t>(2, phrase.size()))].push_back(phrases_.size());
  phrases_.emplace_back(std::move(phrase), whole_word);
}

void TextPhraseMatcher::for_each(std::string_view text,
                                 const std::function<void(std::size_t)>& found) const {
  if (phrases_.empty()) return;
  // Upper case, runs of white space as one blank.
  std::string up;
  up.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (is_blank(c) || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !up.empty()) up.push_back(' ');
    space = false;
    up.push_back(upper(c));
  }
  std::string_view t = up;
  for (std::size_t pos = 0; pos < t.size(); ++pos) {
    if (pos > 0 && is_word_char(t[pos - 1])) continue;  // phrases start at a word start
    for (std::size_t key_len : {std::size_t{2}, std::size_t{1}}) {
      if (pos + key_len > t.size()) continue;
      auto it = by_prefix_.find(t.substr(pos, key_len));
      if (it == by_prefix_.end()) continue;
      for (std::size_t i : it->second) {
        const auto& [phrase, whole_word] = phrases_[i];
        const std::size_t n = phrase.size();
        if (t.compare(pos, n, phrase) != 0) continue;
        if (whole_word && pos + n < t.size() && is_word_char(t[pos + n])) continue;
        found(i);
      }
    }
  }
}

const DiscardEntry* DiscardList::find(std::string_view text) const {
  std::size_t first = entries_.size();
  matcher_.for_each(text, [&](std::size_t i) { first = std::min(first, i); });
  return first < entries_.size() ? &entries_[first] : nullptr;
}

// Regular inflections of an English verb: -S/-ES, -ED/-D/-IED, -ING.
// Irregular forms come from the dictionary's braces.
std::vector<std::string> regular_verb_forms(const std::string& base) {
  std::vector<std::string> out;
  if (base.size() < 2) return out;
  auto vowel = [](char c) { return std::string_view("AEIOU").find(c) != std::string_view::npos; };
  const char last = base.back();
  const std::string stem = base.substr(0, base.size() - 1);
  if (last == 'E') {
    out = {base + "S", base + "D", stem + "ING"};
  } else if (last == 'Y' && !vowel(base[base.size() - 2])) {
    out = {stem + "IES", stem + "IED", base + "ING"};
  } else if (last == 'S' || last == 'X' || last == 'Z' || base.ends_with("SH") ||
             base.ends_with("CH")) {
    out = {base + "ES", base + "ED", base + "ING"};
  } else {
    out = {base + "S", base + "ED", base + "ING"};
  }
  return out;
}

// ---------------------------------------------------------------- issues

namespace {

// The forms one issue-dictionary word stands for: "n:teacher" -> TEACHER,
// TEACHERS; "v:vote" -> VOTE, VOTES, VOTED, VOTING; "pre+k" -> "PRE K", "PRE-K".
std::vector<std::string> issue_word_forms(std::string_view word) {
  std::vector<std::string> out{""};
  std::size_t start = 0;
  bool first = true;
  while (start <= word.size()) {
    std::size_t plus = word.find('+', start);
    std::string_view part = word.substr(start, plus == kNpos ? kNpos : plus - start);
    std::vector<std::string> forms;
    std::string base;
    if (part.starts_with("n:") || part.starts_with("N:")) {
      base = to_upper_ascii(part.substr(2));
      forms = {base, plural_of(base)};
    } else if (part.starts_with("v:") || part.starts_with("V:")) {
      base = to_upper_ascii(part.substr(2));
      forms = {base};
      for (auto& f : regular_verb_forms(base)) forms.push_back(std::move(f));
    } else {
      forms = {to_upper_ascii(part)};
    }
    std::vector<std::string> next;
    for (const auto& prefix : out) {
      for (const auto& f : forms) {
        if (first) {
          next.push_back(f);
        } else {
          next.push_back(prefix + " " + f);
          next.push_back(prefix + "-" + f);
        }
      }
    }
    out = std::move(next);
    first = false;
    if (plus == kNpos) break;
    start = plus + 1;
  }
  return out;
}

}  // namespace

void IssueDictionary::load(const std::string& path, std::vector<InputError>& errors) {
  load_file(*this, path, errors);
}

void IssueDictionary::load(std::istream& in, const std::string& name,
                           std::vector<InputError>& errors) {
  std::string data = read_all(in);
  LineReader reader(data);
  ErrorSink error(name, reader, errors);
  std::string category;
  while (reader.next()) {
    std::string_view s = reader.text();
    if (s.starts_with("<ISSUE")) {
      std::size_t q = s.find("CATEGORY=\"");
      std::size_t e = q == kNpos ? kNpos : s.find('"', q + 10);
      if (e == kNpos) {
        error("expected <ISSUE CATEGORY=\"NAME\" ...>, found " + quoted(s));
        category.clear();
        continue;
      }
      category = std::string(s.substr(q + 10, e - q - 10));
      continue;
    }
    if (s.starts_with("</ISSUE")) {
      category.clear();
      continue;
    }
    if (category.empty()) {
      error("expected an <ISSUE CATEGORY=...> block around " + quoted(s));
      continue;
    }
    const bool cancel = s.front() == '~';
    std::string_view body = cancel ? trim(s.substr(1)) : s;
    std::string code;
    if (!cancel) {
      // A phrase with no code of its own counts for the block's category
      // ("eurozone" in EUROPEAN_UNION, "v:kidnap" in KIDNAP).
      code = to_upper_ascii(category);
      if (std::size_t lb = body.find('['); lb != kNpos) {
        std::size_t rb = body.find(']', lb);
        if (rb == kNpos || rb == lb + 1) {
          error("expected an issue code inside [ ] after " + quoted(body.substr(0, lb)));
          continue;
        }
        code = to_upper_ascii(trim(body.substr(lb + 1, rb - lb - 1)));
        body = trim(body.substr(0, lb));
      }
    }
    std::vector<std::string> phrases{""};
    for (const std::string& word : split_words(body)) {
      std::vector<std::string> next;
      for (const auto& prefix : phrases) {
        for (const auto& f : issue_word_forms(word))
          next.push_back(prefix.empty() ? f : prefix + " " + f);
      }
      phrases = std::move(next);
    }
    if (phrases.size() == 1 && phrases.front().empty()) {
      error("expected an issue phrase");
      continue;
    }
    for (auto& p : phrases) {
      matcher_.add(p, true);
      entries_.push_back({std::move(p), code, category, make_origin(name, reader.line())});
    }
  }
}

std::vector<IssueCount> IssueDictionary::find(std::string_view text) const {
  std::vector<IssueCount> out;
  bool cancelled = false;
  matcher_.for_each(text, [&](std::size_t i) {
    const IssueEntry& e = entries_[i];
    if (e.code.empty()) {
      cancelled = true;
      return;
    }
    for (auto& c : out) {
      if (c.code == e.code) {
        ++c.count;
        return;
      }
    }
    out.push_back({e.code, e.category, 1});
  });
  if (cancelled) out.clear();
  return out;
}

// ---------------------------------------------------------------- verbs

void VerbDictionary::load(const std::string& path, std::vector<InputError>& errors) {
  load_file(*this, path, errors);
}

void VerbDictionary::load(std::istream& in, const std::string& name,
                          std::vector<InputError>& errors) {
  std::string data = read_all(in);
  LineReader reader(data);
  ErrorSink error(name, reader, errors);
  std::vector<std::string>* synset = nullptr;  // the set '+' lines add members to
  int block = -1;                              // current block of this file
  while (reader.next()) {
    std::string_view s = reader.text();
    const char first = s.front();
    if (synset && (first != '+' || reader.blank_before())) synset = nullptr;
    if (synset) {
      std::string member = join_words(split_words(s.substr(1)));
      if (member.empty()) {
        error("expected a synonym set member after '+'");
      } else if (std::find(synset->begin(), synset->end(), member) == synset->end()) {
        synset->push_back(std::move(member));
      }
      continue;
    }
    if (first == '&') {
      std::string key = synset_key(s);
      if (key.empty() || key.find_first_of(" \t[]{}()") != std::string::npos) {
        error("expected a synonym set name &NAME, found " + quoted(s));
        continue;
      }
      synset = &synsets_[key];
      continue;
    }
    if (first == '~') {
      transformations_.emplace_back(s);
      continue;
    }
    if (s.starts_with("---")) {
      VerbBlock b;
      if (std::string e = parse_block_header(s, b); !e.empty()) {
        error(std::move(e) + ", found " + quoted(s));
        block = -1;
        continue;
      }
      b.origin = make_origin(name, reader.line());
      blocks_.push_back(std::move(b));
      block = static_cast<int>(blocks_.size()) - 1;
      continue;
    }
    if (block < 0) {
      error("expected a synonym set (&NAME) or a verb block (--- NAME [CODE] ---) before " +
            quoted(s));
      continue;
    }
    if (first == '-' || first == '*') {
      VerbPattern p;
      std::string_view body = first == '-' ? s.substr(1) : s;
      if (std::string e = parse_pattern(body, p); !e.empty()) {
        error(std::move(e));
        continue;
      }
      p.text = std::string(s);
      p.origin = make_origin(name, reader.line());
      blocks_[static_cast<std::size_t>(block)].patterns.push_back(std::move(p));
      continue;
    }
    VerbEntry v;
    if (std::string e = parse_verb_line(s, v); !e.empty()) {
      error(std::move(e));
      continue;
    }
    v.block = block;
    v.origin = make_origin(name, reader.line());
    const int index = static_cast<int>(verbs_.size());
    by_word_[v.words[v.verb_index]].push_back(index);
    std::vector<std::string> forms = v.forms;
    for (std::string& f : regular_verb_forms(v.words[v.verb_index])) forms.push_back(std::move(f));
    for (const std::string& f : forms) {
      std::vector<int>& list = by_word_[f];
      if (list.empty() || list.back() != index) list.push_back(index);
    }
    verbs_.push_back(std::move(v));
  }
  // Members split into words once, for matching ("(TO THE END)" -> TO THE END).
  synset_words_.clear();
  for (const auto& [key, members] : synsets_) {
    auto& split = synset_words_[key];
    for (const std::string& m : members) {
      std::vector<std::string> words;
      for (const std::string& word : split_words(m)) {
        std::string_view w = word;
        while (!w.empty() && w.front() == '(') w.remove_prefix(1);
        while (!w.empty() && w.back() == ')') w.remove_suffix(1);
        if (!w.empty()) words.emplace_back(w);
      }
      if (!words.empty()) split.push_back(std::move(words));
    }
  }
}

const std::vector<std::vector<std::string>>* VerbDictionary::synset_words(
    std::string_view name) const {
  if (!name.empty() && name.front() == '&') name.remove_prefix(1);
  while (!name.empty() && name.back() == '_') name.remove_suffix(1);
  auto it = synset_words_.find(name);
  return it == synset_words_.end() ? nullptr : &it->second;
}

std::span<const int> VerbDictionary::find(std::string_view word) const {
  auto it = by_word_.find(word);
  if (it == by_word_.end()) return {};
  return it->second;
}

const std::vector<std::string>* VerbDictionary::synset(std::string_view name) const {
  // Pattern words are upper case already: trim the marks without copying.
  if (!name.empty() && name.front() == '&') name.remove_prefix(1);
  while (!name.empty() && name.back() == '_') name.remove_suffix(1);
  auto it = synsets_.find(name);
  if (it == synsets_.end()) it = synsets_.find(synset_key(name));
  return it == synsets_.end() ? nullptr : &it->second;
}

std::size_t VerbDictionary::pattern_count() const {
  std::size_t n = 0;
  for (const VerbBlock& b : blocks_) n += b.patterns.size();
  return n;
}

// ---------------------------------------------------------------- ontology

void CodeOntology::load(const std::string& path, std::vector<InputError>& errors) {
  load_file(*this, path, errors);
}

void CodeOntology::load(std::istream& in, const std::string& name,
                        std::vector<InputError>& errors) {
  std::string data = read_all(in);
  LineReader reader(data);
  ErrorSink error(name, reader, errors);
  while (reader.next()) {
    std::string_view s = reader.text();
    std::size_t colon = s.find(':');
    std::string code = colon == kNpos ? "" : std::string(trim(s.substr(0, colon)));
    if (code.empty() || code.find_first_of(" \t") != std::string::npos) {
      error("expected CODE:VALUE, found " + quoted(s));
      continue;
    }
    auto value = parse_hex_expression(s.substr(colon + 1));
    if (!value) {
      error("expected a value of hex terms joined by + and - (0x1000-0xFFFF), found " +
            quoted(trim(s.substr(colon + 1))));
      continue;
    }
    to_value_.emplace(code, *value);
    to_code_.emplace(*value, std::move(code));
  }
}

std::optional<int> CodeOntology::value(std::string_view code) const {
  auto it = to_value_.find(std::string(code));
  if (it == to_value_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> CodeOntology::code(int value) const {
  auto it = to_code_.find(value);
  if (it == to_code_.end()) return std::nullopt;
  return it->second;
}

}  // namespace dyad
