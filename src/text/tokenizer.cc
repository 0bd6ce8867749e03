#include "text/tokenizer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

namespace dyad {
namespace {

// One code point of the text and where it sits.
struct Char {
  UChar32 c;
  std::size_t begin;
  std::size_t end;
};

std::vector<Char> decode(std::string_view text) {
  std::vector<Char> out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    // An invalid byte stays in the text as a letter-like character.
    out.push_back(
        {c < 0 ? 0xFFFD : c, static_cast<std::size_t>(start), static_cast<std::size_t>(i)});
  }
  return out;
}

bool is_space(UChar32 c) { return u_isUWhiteSpace(c); }

bool is_quote(UChar32 c) {
  return c == '"' || c == '\'' || c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x201B ||
         c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F || c == 0x00AB || c == 0x00BB ||
         c == 0x2039 || c == 0x203A || c == '`';
}

bool is_apostrophe(UChar32 c) { return c == '\'' || c == 0x2019; }

bool is_dash(UChar32 c) { return u_charType(c) == U_DASH_PUNCTUATION && c != '-'; }

bool is_bracket(UChar32 c) {
  auto t = u_charType(c);
  return t == U_START_PUNCTUATION || t == U_END_PUNCTUATION;
}

// Punctuation that comes off the end of a word (the full stop is decided
// separately).
bool is_trailing_punct(UChar32 c) {
  return c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == 0x2026 || is_quote(c) ||
         (is_bracket(c) && u_charType(c) == U_END_PUNCTUATION) || is_dash(c) || c == 0x3002 ||
         c == 0xFF0C || c == 0x060C || c == 0x061F;
}

bool is_leading_punct(UChar32 c) {
  return is_quote(c) || (is_bracket(c) && u_charType(c) == U_START_PUNCTUATION) || is_dash(c) ||
         c == 0x00BF || c == 0x00A1;
}

UChar32 lower(UChar32 c) { return u_tolower(c); }

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& ch : out) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return out;
}

// Abbreviations that keep their full stop (lower case, without the stop).
constexpr std::array<std::string_view, 58> kAbbreviations = {
    "mr",  "mrs", "ms",     "dr",   "prof", "gen",  "lt",     "col", "maj",  "capt", "sgt",  "adm",
    "gov", "sen", "rep",    "rev",  "st",   "jr",   "sr",     "no",  "vs",   "etc",  "inc",  "corp",
    "ltd", "co",  "jan",    "feb",  "mar",  "apr",  "jun",    "jul", "aug",  "sep",  "sept", "oct",
    "nov", "dec", "mt",     "ft",   "pres", "gens", "messrs", "mme", "mlle", "hon",  "cmdr", "brig",
    "e.g", "i.e", "approx", "dept", "est",  "fig",  "al",     "vol", "pp",   "op"};

// Does the word (without its final stop) keep the stop? Known
// abbreviations, single-letter initials ("A."), and dotted forms ("U.S").
bool keeps_stop(std::string_view word) {
  if (word.empty()) return false;
  std::string low = ascii_lower(word);
  if (std::find(kAbbreviations.begin(), kAbbreviations.end(), low) != kAbbreviations.end()) {
    return true;
  }
  if (word.size() == 1 &&
      ((word[0] >= 'A' && word[0] <= 'Z') || (word[0] >= 'a' && word[0] <= 'z'))) {
    return true;
  }
  // Letters separated by stops: U.S, U.N, e.g
  bool dotted = word.find('.') != std::string_view::npos;
  for (char ch : word) {
    if (!(ch == '.' || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z'))) return false;
  }
  return dotted;
}

bool looks_like_url_or_email(std::string_view w) {
  std::string low = ascii_lower(w);
  if (low.starts_with("http://") || low.starts_with("https://") || low.starts_with("www.") ||
      low.starts_with("ftp://")) {
    return true;
  }
  std::size_t at = w.find('@');
  return at != std::string_view::npos && at > 0 && w.find('.', at) != std::string_view::npos &&
         w.find('.', at) + 1 < w.size();
}

// Appends the tokens of one whitespace-delimited chunk chars[b, e).
class ChunkSplitter {
 public:
  ChunkSplitter(std::string_view text, const std::vector<Char>& chars, std::vector<TextToken>& out)
      : text_(text), chars_(chars), out_(out) {}

  void split(std::size_t b, std::size_t e) {
    std::vector<TextToken> tail;  // trailing punctuation, in reverse order
    // Leading punctuation.
    while (b < e && is_leading_punct(chars_[b].c) && !(chars_[b].c == '\'' && clitic_at(b, e))) {
      emit(b, b + 1);
      ++b;
    }
    // Trailing punctuation, and a final stop unless the word keeps it.
    while (e > b) {
      UChar32 c = chars_[e - 1].c;
      if (is_apostrophe(c) && e - b > 1 && lower(chars_[e - 2].c) == 's') {
        tail.push_back(make(e - 1, e));  // "countries'" -> countries '
        --e;
        break;
      }
      if (is_trailing_punct(c)) {
        tail.push_back(make(e - 1, e));
        --e;
        continue;
      }
      if (c == '.') {
        std::size_t dots = 0;
        while (e - dots > b && chars_[e - dots - 1].c == '.') ++dots;
        if (dots >= 2 || e - dots == b) {  // an ellipsis, or stops alone
          tail.push_back(make(e - dots, e));
          e -= dots;
          continue;
        }
        std::string_view word = slice(b, e - 1);
        if (keeps_stop(word)) break;
        tail.push_back(make(e - 1, e));
        --e;
        continue;
      }
      break;
    }
    if (b < e) middle(b, e);
    for (auto it = tail.rbegin(); it != tail.rend(); ++it) out_.push_back(*it);
  }

 private:
  std::string_view slice(std::size_t b, std::size_t e) const {
    return text_.substr(chars_[b].begin, chars_[e - 1].end - chars_[b].begin);
  }
  TextToken make(std::size_t b, std::size_t e) const {
    TextToken t;
    t.form = std::string(slice(b, e));
    t.begin = chars_[b].begin;
    t.end = chars_[e - 1].end;
    t.space_after = false;
    return t;
  }
  void emit(std::size_t b, std::size_t e) { out_.push_back(make(b, e)); }

  // Is chars[i..e) an English clitic ('s 're 've 'll 'd 'm)?
  bool clitic_at(std::size_t i, std::size_t e) const {
    if (!is_apostrophe(chars_[i].c)) return false;
    std::string rest;
    for (std::size_t k = i + 1; k < e; ++k) {
      if (chars_[k].c > 127) return false;
      rest.push_back(static_cast<char>(lower(chars_[k].c)));
    }
    return rest == "s" || rest == "re" || rest == "ve" || rest == "ll" || rest == "d" ||
           rest == "m";
  }

  // The word between leading and trailing punctuation: URLs whole, dashes
  // between words split, clitics split.
  void middle(std::size_t b, std::size_t e) {
    if (looks_like_url_or_email(slice(b, e))) {
      emit(b, e);
      return;
    }
    std::size_t start = b;
    for (std::size_t i = b; i < e; ++i) {
      if (is_dash(chars_[i].c) || chars_[i].c == 0x2026 || (chars_[i].c == '"' && i > b)) {
        if (i > start) word(start, i);
        emit(i, i + 1);
        start = i + 1;
      }
    }
    if (start < e) word(start, e);
  }

  // A word, or a contraction kept as one token with its words listed.
  void word(std::size_t b, std::size_t e) {
    if (e - b == 5 || e - b == 6) {  // cannot, gonna, wanna, gotta: split after 3
      std::string low = ascii_lower(slice(b, e));
      if (low == "cannot" || low == "gonna" || low == "wanna" || low == "gotta") {
        contraction(b, e, b + 3);
        return;
      }
    }
    // n't: "can't" -> ca n't, "don't" -> do n't
    if (e - b >= 4 && is_apostrophe(chars_[e - 2].c) && lower(chars_[e - 1].c) == 't' &&
        lower(chars_[e - 3].c) == 'n') {
      contraction(b, e, e - 3);
      return;
    }
    for (std::size_t i = e - 1; i > b; --i) {
      if (is_apostrophe(chars_[i].c) && clitic_at(i, e)) {
        contraction(b, e, i);
        return;
      }
      if (e - i > 3) break;
    }
    emit(b, e);
  }

  // One token chars[b, e) made of the words [b, split) and [split, e).
  void contraction(std::size_t b, std::size_t e, std::size_t split) {
    TextToken t = make(b, e);
    t.words = {std::string(slice(b, split)), std::string(slice(split, e))};
    out_.push_back(std::move(t));
  }

  std::string_view text_;
  const std::vector<Char>& chars_;
  std::vector<TextToken>& out_;
};

bool ends_sentence(const TextToken& t) {
  return t.form == "." || t.form == "!" || t.form == "?" || t.form == "..." || t.form == "…" ||
         t.form == "。" || t.form == "؟";
}

bool closes(const TextToken& t) {
  if (t.form.empty()) return false;
  return t.form == "\"" || t.form == "'" || t.form == "”" || t.form == "’" || t.form == "»" ||
         t.form == ")" || t.form == "]" || t.form == "}";
}

// Can a sentence start with this token? Capitals, digits, quotes, brackets
// and letters of scripts without case.
bool can_start(std::string_view form) {
  if (form.empty()) return false;
  const auto* s = reinterpret_cast<const uint8_t*>(form.data());
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(s, i, static_cast<int32_t>(form.size()), c);
  if (c < 0) return false;
  return u_isupper(c) || u_istitle(c) || u_isdigit(c) || is_leading_punct(c) ||
         (u_isalpha(c) && !u_islower(c) && !u_isupper(c));
}

}  // namespace

std::vector<TextSentence> tokenize(std::string_view text) {
  constexpr std::size_t kMaxSentenceTokens = 400;
  std::vector<Char> chars = decode(text);
  std::vector<TextToken> tokens;
  std::vector<bool> paragraph_before;  // a blank line precedes the token
  ChunkSplitter splitter(text, chars, tokens);
  std::size_t i = 0;
  int newlines = 0;
  while (i < chars.size()) {
    if (is_space(chars[i].c)) {
      if (chars[i].c == '\n') ++newlines;
      if (!tokens.empty()) tokens.back().space_after = true;
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < chars.size() && !is_space(chars[j].c)) ++j;
    std::size_t before = tokens.size();
    splitter.split(i, j);
    paragraph_before.resize(tokens.size(), false);
    if (tokens.size() > before) paragraph_before[before] = newlines >= 2;
    newlines = 0;
    i = j;
  }
  if (!tokens.empty()) tokens.back().space_after = false;
  // Tokens glued to the next one have no space after them.
  for (std::size_t k = 0; k + 1 < tokens.size(); ++k) {
    if (tokens[k].end == tokens[k + 1].begin) tokens[k].space_after = false;
  }

  std::vector<TextSentence> sentences;
  TextSentence current;
  auto flush = [&]() {
    if (current.tokens.empty()) return;
    current.begin = current.tokens.front().begin;
    current.end = current.tokens.back().end;
    sentences.push_back(std::move(current));
    current = TextSentence{};
  };
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    // A blank line ends a sentence; so does length, so that text with no
    // punctuation (a 10 MB line) never makes one unbounded sentence.
    if (paragraph_before[k] || current.tokens.size() >= kMaxSentenceTokens) flush();
    if (current.tokens.empty()) current.paragraph_start = k == 0 || paragraph_before[k];
    current.tokens.push_back(tokens[k]);
    // A stop kept by an abbreviation ("U.S.") does not end the sentence.
    if (!ends_sentence(tokens[k])) continue;
    while (k + 1 < tokens.size() && closes(tokens[k + 1]) && !tokens[k].space_after) {
      current.tokens.push_back(tokens[++k]);
    }
    if (k + 1 < tokens.size() && !can_start(tokens[k + 1].form)) continue;
    flush();
  }
  flush();
  return sentences;
}

Sentence to_sentence(std::string_view text, const TextSentence& s, const std::string& sent_id) {
  Sentence out;
  if (s.paragraph_start) out.comments.emplace_back("# newpar");
  out.comments.push_back(std::string("# sent_id = ") += sent_id);
  std::string line(text.substr(s.begin, s.end - s.begin));
  for (char& c : line) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  out.comments.push_back(std::string("# text = ") += line);
  int id = 0;
  auto word = [&](const std::string& form, std::string misc) {
    Token t;
    t.id = ++id;
    t.head = -1;
    t.form = form;
    for (std::string* field : {&t.lemma, &t.upos, &t.xpos, &t.feats, &t.deprel, &t.deps}) {
      field->assign(1, '_');
    }
    if (misc.empty()) misc.assign(1, '_');
    t.misc = std::move(misc);
    out.tokens.push_back(std::move(t));
  };
  for (const TextToken& t : s.tokens) {
    std::string misc;
    if (!t.space_after) misc += "SpaceAfter=No|";
    misc += "TokenRange=";
    misc += std::to_string(t.begin);
    misc += ':';
    misc += std::to_string(t.end);
    if (t.words.empty()) {
      word(t.form, misc);
      continue;
    }
    MultiwordToken m;
    m.first = id + 1;
    m.last = id + static_cast<int>(t.words.size());
    m.line = std::to_string(m.first);
    m.line += '-';
    m.line += std::to_string(m.last);
    m.line += '\t';
    m.line += t.form;
    m.line += "\t_\t_\t_\t_\t_\t_\t_\t";
    m.line += misc;
    out.multiword_tokens.push_back(std::move(m));
    for (const std::string& w : t.words) word(w, "");
  }
  out.build_tree();
  return out;
}

std::string running_text(const std::vector<Sentence>& sentences) {
  std::string text;
  for (const Sentence& s : sentences) {
    bool paragraph = std::any_of(s.comments.begin(), s.comments.end(),
                                 [](const std::string& c) { return c.rfind("# newpar", 0) == 0; });
    if (!text.empty()) text += paragraph ? "\n\n" : " ";
    text += s.comment_value("text");
  }
  return text;
}

}  // namespace dyad
