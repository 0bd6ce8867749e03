#include "evaluation/ud_eval.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <tuple>

namespace dyad {
namespace {

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A piece of text located by its non-space characters: [begin, end).
using Span = std::pair<std::size_t, std::size_t>;

// One file laid out on its characters with white space removed.
struct Layout {
  std::string chars;
  std::vector<Span> tokens;
  std::vector<Span> sentences;
  // Words keyed by (span of their token, position inside a multiword token
  // or -1), with the sentence-local data needed for tags and heads.
  struct Word {
    std::tuple<std::size_t, std::size_t, int> key;
    const Token* token = nullptr;
    int sentence = 0;
  };
  std::vector<Word> words;
  std::vector<std::vector<int>> word_index;  // [sentence][id - 1] -> index in words
};

Span append(Layout& l, std::string_view form) {
  std::size_t begin = l.chars.size();
  for (char c : form) {
    if (!is_ascii_space(c)) l.chars.push_back(c);
  }
  return {begin, l.chars.size()};
}

std::string_view second_column(const std::string& line) {
  std::size_t a = line.find('\t');
  if (a == std::string::npos) return {};
  std::size_t b = line.find('\t', a + 1);
  return std::string_view(line).substr(a + 1,
                                       b == std::string::npos ? std::string::npos : b - a - 1);
}

Layout lay_out(const std::vector<Sentence>& sentences) {
  Layout l;
  l.word_index.resize(sentences.size());
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const Sentence& sent = sentences[s];
    std::size_t sentence_begin = l.chars.size();
    std::size_t m = 0;
    for (std::size_t i = 0; i < sent.tokens.size();) {
      const Token& t = sent.tokens[i];
      if (m < sent.multiword_tokens.size() && sent.multiword_tokens[m].first == t.id) {
        const MultiwordToken& mwt = sent.multiword_tokens[m++];
        Span span = append(l, second_column(mwt.line));
        l.tokens.push_back(span);
        int k = 0;
        for (; i < sent.tokens.size() && sent.tokens[i].id <= mwt.last; ++i, ++k) {
          l.word_index[s].push_back(static_cast<int>(l.words.size()));
          l.words.push_back({{span.first, span.second, k}, &sent.tokens[i], static_cast<int>(s)});
        }
        continue;
      }
      Span span = append(l, t.form);
      l.tokens.push_back(span);
      l.word_index[s].push_back(static_cast<int>(l.words.size()));
      l.words.push_back({{span.first, span.second, -1}, &t, static_cast<int>(s)});
      ++i;
    }
    l.sentences.push_back({sentence_begin, l.chars.size()});
  }
  return l;
}

int count_common(const std::vector<Span>& a, const std::vector<Span>& b) {
  std::set<Span> sa(a.begin(), a.end());
  int n = 0;
  for (const Span& s : b) n += static_cast<int>(sa.count(s));
  return n;
}

std::string_view universal(std::string_view deprel) { return deprel.substr(0, deprel.find(':')); }

// The universal features of a FEATS column, sorted (as the CoNLL 2018
// script compares them).
std::vector<std::string_view> universal_features(std::string_view feats) {
  static constexpr std::array<std::string_view, 21> kUniversal = {
      "PronType", "NumType", "Poss",  "Reflex",   "Foreign",  "Abbr",     "Gender",
      "Animacy",  "Number",  "Case",  "Definite", "Degree",   "VerbForm", "Mood",
      "Tense",    "Aspect",  "Voice", "Evident",  "Polarity", "Person",   "Polite"};
  std::vector<std::string_view> out;
  if (feats == "_") return out;
  while (!feats.empty()) {
    std::size_t bar = feats.find('|');
    std::string_view f = feats.substr(0, bar);
    std::string_view name = f.substr(0, f.find('='));
    if (std::find(kUniversal.begin(), kUniversal.end(), name) != kUniversal.end()) {
      out.push_back(f);
    }
    if (bar == std::string_view::npos) break;
    feats.remove_prefix(bar + 1);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

UdScores evaluate_ud(const std::vector<Sentence>& gold, const std::vector<Sentence>& system) {
  UdScores r;
  Layout g = lay_out(gold);
  Layout s = lay_out(system);
  if (g.chars != s.chars) {
    std::size_t i = 0;
    while (i < g.chars.size() && i < s.chars.size() && g.chars[i] == s.chars[i]) ++i;
    r.error = fmt::format(
        "expected the same text in both files; they differ at non-space character {}: gold '{}', "
        "system '{}'",
        i, g.chars.substr(i, 20), s.chars.substr(i, 20));
    return r;
  }
  r.tokens = {static_cast<int>(g.tokens.size()), static_cast<int>(s.tokens.size()),
              count_common(g.tokens, s.tokens)};
  r.sentences = {static_cast<int>(g.sentences.size()), static_cast<int>(s.sentences.size()),
                 count_common(g.sentences, s.sentences)};
  // Align words by key.
  std::map<std::tuple<std::size_t, std::size_t, int>, int> gold_by_key;
  for (std::size_t i = 0; i < g.words.size(); ++i)
    gold_by_key[g.words[i].key] = static_cast<int>(i);
  std::vector<int> gold_of_system(s.words.size(), -1);
  for (std::size_t i = 0; i < s.words.size(); ++i) {
    auto it = gold_by_key.find(s.words[i].key);
    if (it != gold_by_key.end()) gold_of_system[i] = it->second;
  }
  const int gw = static_cast<int>(g.words.size());
  const int sw = static_cast<int>(s.words.size());
  r.words = r.upos = r.xpos = r.lemmas = r.uas = r.las = r.ufeats = r.alltags = {gw, sw, 0};
  auto head_word = [](const Layout& l, const Layout::Word& w) {
    int h = w.token->head;
    if (h <= 0) return -1;  // the root (or no head)
    const auto& idx = l.word_index[static_cast<std::size_t>(w.sentence)];
    return h <= static_cast<int>(idx.size()) ? idx[static_cast<std::size_t>(h - 1)] : -2;
  };
  for (std::size_t i = 0; i < s.words.size(); ++i) {
    int gi = gold_of_system[i];
    if (gi < 0) continue;
    const Layout::Word& sw_ = s.words[i];
    const Layout::Word& gw_ = g.words[static_cast<std::size_t>(gi)];
    ++r.words.correct;
    if (sw_.token->upos == gw_.token->upos) ++r.upos.correct;
    if (sw_.token->xpos == gw_.token->xpos) ++r.xpos.correct;
    if (sw_.token->lemma == gw_.token->lemma) ++r.lemmas.correct;
    const bool feats = universal_features(sw_.token->feats) == universal_features(gw_.token->feats);
    if (feats) ++r.ufeats.correct;
    if (feats && sw_.token->upos == gw_.token->upos && sw_.token->xpos == gw_.token->xpos) {
      ++r.alltags.correct;
    }
    int sh = head_word(s, sw_);
    int gh = head_word(g, gw_);
    bool attached = (sh == -1 && gh == -1) ||
                    (sh >= 0 && gh >= 0 && gold_of_system[static_cast<std::size_t>(sh)] == gh);
    if (attached) {
      ++r.uas.correct;
      if (universal(sw_.token->deprel) == universal(gw_.token->deprel)) ++r.las.correct;
    }
  }
  return r;
}

nlohmann::json UdScores::to_json() const {
  auto pct = [](const UdMetric& m) { return 100.0 * m.f1(); };
  return {{"Tokens", pct(tokens)}, {"Sentences", pct(sentences)},
          {"Words", pct(words)},   {"UPOS", pct(upos)},
          {"XPOS", pct(xpos)},     {"Lemmas", pct(lemmas)},
          {"UAS", pct(uas)},       {"LAS", pct(las)},
          {"UFeats", pct(ufeats)}, {"AllTags", pct(alltags)}};
}

std::string UdScores::to_text() const {
  if (!error.empty()) return error + "\n";
  std::string out = "Metric     | Precision |    Recall |  F1 Score\n";
  out += "-----------+-----------+-----------+-----------\n";
  for (auto [name, m] : {std::pair<const char*, const UdMetric*>{"Tokens", &tokens},
                         {"Sentences", &sentences},
                         {"Words", &words},
                         {"UPOS", &upos},
                         {"XPOS", &xpos},
                         {"UFeats", &ufeats},
                         {"AllTags", &alltags},
                         {"Lemmas", &lemmas},
                         {"UAS", &uas},
                         {"LAS", &las}}) {
    out += fmt::format("{:<10} | {:9.2f} | {:9.2f} | {:9.2f}\n", name, 100 * m->precision(),
                       100 * m->recall(), 100 * m->f1());
  }
  return out;
}

}  // namespace dyad
