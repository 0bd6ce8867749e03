#include "syntax/lemmatizer.h"

#include <algorithm>
#include <array>
#include <istream>
#include <map>
#include <ostream>

#include "syntax/perceptron.h"
#include "text/ascii_case.h"

namespace dyad {
namespace {

constexpr std::string_view kMagic = "DYADLEM1";
constexpr std::size_t kMaxSuffix = 6;  // longest suffix a rule is keyed by
constexpr int kMinSupport = 2;         // word types a suffix rule needs
constexpr int kMinContext = 5;         // verbs a verb-form context needs
constexpr int kMinWordContext = 3;     // words a pronoun context needs

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool has_upper(std::string_view w) { return std::any_of(w.begin(), w.end(), is_upper); }
bool has_alnum(std::string_view w) { return std::any_of(w.begin(), w.end(), is_alnum); }

void assign_lower(std::string& out, std::string_view w) {
  out.assign(w);
  for (char& c : out) {
    if (is_upper(c)) c = static_cast<char>(c - 'A' + 'a');
  }
}

// "lower form\tUPOS|XPOS" into `out`.
void word_key(std::string& out, std::string_view form, const Token& t, bool lower_case) {
  if (lower_case) {
    assign_lower(out, form);
  } else {
    out.assign(form);
  }
  out += '\t';
  out += t.upos;
  out += '|';
  out += t.xpos;
}

using Counts = std::map<std::string, int>;

// The most frequent value; ties go to the smallest string.
const std::string& best(const Counts& counts) {
  auto top = counts.begin();
  for (auto it = counts.begin(); it != counts.end(); ++it) {
    if (it->second > top->second) top = it;
  }
  return top->first;
}

int total(const Counts& counts) {
  int n = 0;
  for (const auto& [k, v] : counts) n += v;
  return n;
}

std::string_view base_relation(std::string_view deprel) {
  return deprel.substr(0, deprel.find(':'));
}

std::string_view feature_of(std::string_view feats, std::string_view name) {
  while (!feats.empty()) {
    std::size_t bar = feats.find('|');
    std::string_view f = feats.substr(0, bar);
    if (f.size() > name.size() && f.substr(0, name.size()) == name && f[name.size()] == '=') {
      return f.substr(name.size() + 1);
    }
    if (bar == std::string_view::npos) break;
    feats.remove_prefix(bar + 1);
  }
  return {};
}

// UD orders features by name, ignoring case.
bool name_before(std::string_view a, std::string_view b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return (is_upper(x) ? x - 'A' + 'a' : x) < (is_upper(y) ? y - 'A' + 'a' : y);
  });
}

// Features of base and -ing verb forms that depend on the clause.
constexpr std::array<std::string_view, 4> kVerbFeatures = {"Mood", "Person", "Tense", "VerbForm"};
bool has_verb_context(const Token& t) {
  return t.upos == "VERB" && (t.xpos == "VB" || t.xpos == "VBG");
}
// "UPOS|XPOS\trelation\t" + 'a' (auxiliary), 's' (subject), 'm' (marker)
// among the dependents.
void verb_context(std::string& out, const Sentence& s, const Token& t) {
  bool aux = false, subj = false, mark = false;
  for (int c : s.children(t.id)) {
    std::string_view d = s.token(c).deprel;
    aux = aux || d.substr(0, 3) == "aux";
    subj = subj || d.find("subj") != std::string_view::npos;
    mark = mark || d == "mark";
  }
  out.assign(t.upos);
  out += '|';
  out += t.xpos;
  out += '\t';
  out += base_relation(t.deprel);
  out += '\t';
  if (aux) out += 'a';
  if (subj) out += 's';
  if (mark) out += 'm';
}
// Pronouns and determiners whose FEATS depend on their role.
bool has_word_context(const Token& t) {
  return t.xpos == "PRP" || t.xpos == "WP" || t.xpos == "WDT" || t.xpos == "WRB" || t.xpos == "DT";
}
// "lower form\tUPOS|XPOS\trelation", then (with_head) "\thead's relation".
void word_context(std::string& out, const Sentence& s, const Token& t, bool with_head) {
  assign_lower(out, t.form);
  out += '\t';
  out += t.upos;
  out += '|';
  out += t.xpos;
  out += '\t';
  out += base_relation(t.deprel);
  if (with_head) {
    out += '\t';
    if (t.head > 0 && t.head <= static_cast<int>(s.size())) {
      out += base_relation(s.token(t.head).deprel);
    } else {
      out += "0";
    }
  }
}
std::string verb_features(std::string_view feats) {
  std::string out = "_";
  for (std::string_view name : kVerbFeatures) {
    if (std::string_view v = feature_of(feats, name); !v.empty()) out = with_feature(out, name, v);
  }
  return out;
}

template <class Map>
std::vector<std::string> sorted_keys(const Map& m) {
  std::vector<std::string> keys;
  keys.reserve(m.size());
  for (const auto& [k, v] : m) keys.push_back(k);
  std::sort(keys.begin(), keys.end());
  return keys;
}

void write_value(std::ostream& out, const std::string& v) { write_string(out, v); }
void write_value(std::ostream& out, std::uint32_t v) { write_u32(out, v); }
bool read_value(std::istream& in, std::string& v) { return read_string(in, v); }
bool read_value(std::istream& in, std::uint32_t& v) { return read_u32(in, v); }

constexpr std::uint32_t kMaxEntries = 1u << 24;

// A table of text keys to a text or a number: its size, then its entries in
// key order (the same model gives the same bytes).
template <typename Map>
void write_table(std::ostream& out, const Map& m) {
  write_u32(out, static_cast<std::uint32_t>(m.size()));
  for (const std::string& k : sorted_keys(m)) {
    write_string(out, k);
    write_value(out, m.at(k));
  }
}

// Reads what write_table wrote; `valid` checks each value. "" or what was
// expected ("expected casing rule 3 of 40").
template <typename Map, typename Valid>
std::string read_table(std::istream& in, Map& m, const std::string& entry,
                       const std::string& entries, Valid valid) {
  std::uint32_t n = 0;
  if (!read_u32(in, n) || n > kMaxEntries) return "expected the number of " + entries;
  m.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    std::string k;
    typename Map::mapped_type v{};
    if (!read_string(in, k) || !read_value(in, v) || !valid(v)) {
      return "expected " + entry + " " + std::to_string(i) + " of " + std::to_string(n);
    }
    m.emplace(std::move(k), std::move(v));
  }
  return {};
}

}  // namespace

std::string with_feature(std::string_view feats, std::string_view name, std::string_view value) {
  std::string out;
  bool placed = value.empty();
  auto add = [&](std::string_view n, std::string_view v) {
    if (!out.empty()) out += '|';
    out.append(n);
    out += '=';
    out.append(v);
  };
  if (feats != "_") {
    while (!feats.empty()) {
      std::size_t bar = feats.find('|');
      std::string_view f = feats.substr(0, bar);
      std::string_view n = f.substr(0, f.find('='));
      if (!placed && name_before(name, n)) {
        add(name, value);
        placed = true;
      }
      if (n != name && !f.empty()) {
        if (!out.empty()) out += '|';
        out.append(f);
      }
      if (bar == std::string_view::npos) break;
      feats.remove_prefix(bar + 1);
    }
  }
  if (!placed) add(name, value);
  return out.empty() ? "_" : out;
}

Lemmatizer Lemmatizer::train(const std::vector<Sentence>& sentences, std::string metadata) {
  std::map<std::string, Counts> lemmas, cased_lemmas, upos_lemmas, feats;
  std::map<std::string, std::array<int, 2>> casing;  // {lower-cased, kept} lemmas
  std::map<std::string, Counts> verb_forms, word_forms;
  std::string key;
  for (const Sentence& s : sentences) {
    bool first = true;
    for (const Token& t : s.tokens) {
      if (t.form.empty()) continue;
      if (has_verb_context(t) && t.head >= 0) {
        verb_context(key, s, t);
        ++verb_forms[key][verb_features(t.feats)];
      }
      if (has_word_context(t) && t.head >= 0) {
        for (bool with_head : {false, true}) {
          word_context(key, s, t, with_head);
          ++word_forms[key][t.feats];
        }
      }
      // Voice is read from the tree after parsing (refine).
      std::string f = with_feature(t.feats, "Voice", "");
      word_key(key, t.form, t, true);
      ++lemmas[key][t.lemma];
      ++upos_lemmas[to_lower_ascii(t.form) + "\t" + t.upos][t.lemma];
      ++feats[key][f];
      if (has_upper(t.form)) {
        word_key(key, t.form, t, false);
        ++cased_lemmas[key][t.lemma];
        if (is_upper(t.form[0]) && !t.lemma.empty()) {
          std::string c = t.upos + "|" + t.xpos + (first ? "\t1" : "\t0");
          if (t.lemma[0] == t.form[0]) {
            ++casing[c][1];
          } else if (t.lemma[0] == t.form[0] - 'A' + 'a') {
            ++casing[c][0];
          }
        }
      }
      first = first && !has_alnum(t.form);
    }
  }

  Lemmatizer m;
  m.metadata_ = std::move(metadata);
  std::map<std::string, std::uint32_t> feat_ids;  // ordered: deterministic ids
  for (const auto& [k, counts] : feats) {
    for (const auto& [f, n] : counts) feat_ids.emplace(f, 0);
  }
  feat_ids.emplace("_", 0);
  for (const auto& [k, counts] : verb_forms) feat_ids.emplace(best(counts), 0);
  for (const auto& [k, counts] : word_forms) feat_ids.emplace(best(counts), 0);
  for (auto& [f, id] : feat_ids) {
    id = static_cast<std::uint32_t>(m.feats_.size());
    m.feats_.push_back(f);
  }

  // Suffix rules over word types: how the lemma is made from the lower-cased
  // form, and the FEATS, for each tag and final bytes.
  std::map<std::string, Counts> rule_counts, suffix_feats;
  for (const auto& [k, counts] : lemmas) {
    const std::string& lemma = best(counts);
    const std::string& f = best(feats.at(k));
    m.words_.emplace(k, Word{lemma, feat_ids.at(f)});
    std::size_t tab = k.find('\t');
    std::string_view w = std::string_view(k).substr(0, tab);
    std::string_view tag = std::string_view(k).substr(tab + 1);
    std::string l = to_lower_ascii(lemma);
    std::size_t p = 0;
    while (p < w.size() && p < l.size() && w[p] == l[p]) ++p;
    std::string rule = std::to_string(w.size() - p) + "\t" + l.substr(p);
    for (std::size_t n = 0; n <= std::min(w.size(), kMaxSuffix); ++n) {
      std::string sk = std::string(tag) + "\t" + std::string(w.substr(w.size() - n));
      ++rule_counts[sk][rule];
      ++suffix_feats[sk][f];
    }
  }
  for (const auto& [k, counts] : cased_lemmas) {
    const std::string& lemma = best(counts);
    std::size_t tab = k.find('\t');
    std::string lk = to_lower_ascii(std::string_view(k).substr(0, tab)) + k.substr(tab);
    if (m.words_.at(lk).lemma != lemma) m.cased_words_.emplace(k, lemma);
  }
  for (const auto& [k, counts] : upos_lemmas) m.upos_words_.emplace(k, best(counts));
  for (const auto& [k, counts] : rule_counts) {
    std::size_t tab = k.find('\t');
    const bool longer = k.size() > tab + 1;
    if (longer && total(counts) < kMinSupport) continue;
    const std::string& rule = best(counts);
    const std::string& f = best(suffix_feats.at(k));
    if (longer) {
      // Same rule and FEATS as the suffix one byte shorter: not needed.
      std::string parent = k.substr(0, tab + 1) + k.substr(tab + 2);
      if (best(rule_counts.at(parent)) == rule && best(suffix_feats.at(parent)) == f) continue;
    }
    std::size_t rt = rule.find('\t');
    m.suffixes_.emplace(k, Suffix{static_cast<std::uint32_t>(std::stoul(rule.substr(0, rt))),
                                  rule.substr(rt + 1), feat_ids.at(f)});
  }
  for (const auto& [k, c] : casing) m.keep_case_.emplace(k, c[1] > c[0] ? 1 : 0);
  for (const auto& [k, counts] : verb_forms) {
    if (total(counts) >= kMinContext) m.verb_forms_.emplace(k, feat_ids.at(best(counts)));
  }
  for (const auto& [k, counts] : word_forms) {
    if (total(counts) >= kMinWordContext) m.word_forms_.emplace(k, feat_ids.at(best(counts)));
  }
  return m;
}

void Lemmatizer::lemmatize(Sentence& sentence, const WordClassLexicon* lexicon) const {
  std::string key, lw;
  bool first = true;
  for (Token& t : sentence.tokens) {
    const std::string& form = t.form;
    const bool upper = has_upper(form);
    bool have_lemma = false;
    if (upper) {
      word_key(key, form, t, false);
      if (auto it = cased_words_.find(key); it != cased_words_.end()) {
        t.lemma = it->second;
        have_lemma = true;
      }
    }
    word_key(key, form, t, true);
    if (auto it = words_.find(key); it != words_.end()) {
      if (!have_lemma) t.lemma = it->second.lemma;
      t.feats = feats_[it->second.feats];
    } else {
      // Unseen: the rule of the longest known suffix for this tag.
      assign_lower(lw, form);
      const Suffix* rule = nullptr;
      key.assign(t.upos);
      key += '|';
      key += t.xpos;
      key += '\t';
      const std::size_t head = key.size();
      for (std::size_t n = std::min(lw.size(), kMaxSuffix) + 1; n-- > 0;) {
        key.resize(head);
        key.append(lw, lw.size() - n, n);
        if (auto it = suffixes_.find(key); it != suffixes_.end()) {
          rule = &it->second;
          break;
        }
      }
      // The same word with another XPOS of the same UPOS (often a tagging
      // error: NNPS for NNP) keeps its lemma.
      key.assign(lw);
      key += '\t';
      key += t.upos;
      const auto same_upos = upos_words_.find(key);
      key.assign(t.upos);
      key += '|';
      key += t.xpos;
      bool keep = false;
      if (upper) {
        key.resize(head - 1);
        key += first ? "\t1" : "\t0";
        auto it = keep_case_.find(key);
        keep = it != keep_case_.end() ? it->second != 0 : t.upos == "PROPN";
      }
      const std::string& base = keep ? form : lw;
      if (same_upos != upos_words_.end()) {
        t.lemma = same_upos->second;
      } else if (rule && has_alnum(form) && rule->strip < base.size() &&
                 (static_cast<unsigned char>(base[base.size() - rule->strip]) & 0xC0) != 0x80) {
        t.lemma.assign(base, 0, base.size() - rule->strip);
        t.lemma += rule->append;
      } else {
        t.lemma = has_alnum(form) ? base : form;
      }
      if (lexicon && !keep && same_upos == upos_words_.end()) lexicon_lemma(t, lw, *lexicon);
      t.feats = rule ? feats_[rule->feats] : "_";
    }
    if (t.lemma.empty()) t.lemma = "_";
    first = first && !has_alnum(form);
  }
}

void Lemmatizer::lexicon_lemma(Token& t, std::string_view lower, const WordClassLexicon& lexicon) {
  std::uint8_t inflected = 0, lemma_class = 0;
  if (t.upos == "VERB" &&
      (t.xpos == "VBD" || t.xpos == "VBN" || t.xpos == "VBZ" || t.xpos == "VBG")) {
    inflected = WordClassLexicon::kInflectedVerb;
    lemma_class = WordClassLexicon::kVerb;
  } else if (t.upos == "NOUN" && t.xpos == "NNS") {
    inflected = WordClassLexicon::kInflectedNoun;
    lemma_class = WordClassLexicon::kNoun;
  } else if (t.upos == "ADJ" && (t.xpos == "JJR" || t.xpos == "JJS")) {
    inflected = WordClassLexicon::kInflectedAdjective;
    lemma_class = WordClassLexicon::kAdjective;
  } else {
    return;
  }
  if (const std::string_view irregular = lexicon.irregular_lemma(lower, inflected);
      !irregular.empty()) {
    t.lemma = irregular;
  } else if (!(lexicon.classes(t.lemma) & lemma_class)) {
    if (std::string regular = lexicon.regular_lemma(lower, inflected); !regular.empty()) {
      t.lemma = std::move(regular);
    }
  }
}

void Lemmatizer::refine(Sentence& sentence) const {
  std::string key;
  auto rel = [&](int id) { return base_relation(sentence.token(id).deprel); };
  // A head that names a word of the sentence (not the root, not '_').
  auto word = [&](int head) { return head > 0 && head <= static_cast<int>(sentence.size()); };
  // Passive participle: a passive auxiliary or subject, or (without an
  // auxiliary or active subject) a participle modifying a noun or clause;
  // a bare conjunct follows its first conjunct.
  auto passive = [&](int id) {
    for (int depth = 0; depth < 4; ++depth) {
      bool has_aux = false;
      for (int c : sentence.children(id)) {
        std::string_view d = sentence.token(c).deprel;
        if (d == "aux:pass" || d == "nsubj:pass" || d == "csubj:pass") return true;
        if (d == "aux" || d == "nsubj" || d == "csubj") has_aux = true;
      }
      if (has_aux) return false;
      std::string_view r = rel(id);
      if (r == "acl" || r == "amod" || r == "advcl" || r == "xcomp") return true;
      const Token& t = sentence.token(id);
      if (r != "conj" || !word(t.head) || sentence.token(t.head).xpos != "VBN") return false;
      id = t.head;
    }
    return false;
  };
  auto subject_of = [&](int id) {
    for (int c : sentence.children(id)) {
      std::string_view r = rel(c);
      if (r == "nsubj") return c;
    }
    return 0;
  };
  for (Token& t : sentence.tokens) {
    if (t.head < 0 || t.head > static_cast<int>(sentence.size())) continue;
    if (has_verb_context(t)) {
      verb_context(key, sentence, t);
      if (auto it = verb_forms_.find(key); it != verb_forms_.end()) {
        std::string_view forms = feats_[it->second];
        for (std::string_view name : kVerbFeatures) {
          t.feats = with_feature(t.feats, name, feature_of(forms, name));
        }
      }
    } else if (t.xpos == "VBN") {
      t.feats = with_feature(t.feats, "Voice", passive(t.id) ? "Pass" : "");
    } else if (has_word_context(t)) {
      for (bool with_head : {true, false}) {
        word_context(key, sentence, t, with_head);
        if (auto it = word_forms_.find(key); it != word_forms_.end()) {
          t.feats = feats_[it->second];
          break;
        }
      }
    } else if ((t.xpos == "VBP" || t.xpos == "VBD") && feature_of(t.feats, "VerbForm") == "Fin" &&
               !feature_of(t.feats, "Number").empty()) {
      std::string_view r = base_relation(t.deprel);
      int subject = subject_of(t.id);
      if (!subject && (r == "aux" || r == "cop") && word(t.head)) subject = subject_of(t.head);
      if (!subject) continue;
      const Token& s = sentence.token(subject);
      std::string_view number = feature_of(s.feats, "Number");
      std::string_view person = feature_of(s.feats, "Person");
      if (number != "Sing" && number != "Plur") continue;
      if (person.empty()) {
        if (s.upos != "NOUN" && s.upos != "PROPN") continue;
        person = "3";
      }
      t.feats = with_feature(with_feature(t.feats, "Number", number), "Person", person);
    }
  }
}

void Lemmatizer::save(std::ostream& out) const {
  write_model_header(out, kMagic, metadata_, feats_);
  write_u32(out, static_cast<std::uint32_t>(words_.size()));
  for (const std::string& k : sorted_keys(words_)) {
    const Word& w = words_.at(k);
    write_string(out, k);
    write_string(out, w.lemma);
    write_u32(out, w.feats);
  }
  write_table(out, cased_words_);
  write_table(out, upos_words_);
  write_u32(out, static_cast<std::uint32_t>(suffixes_.size()));
  for (const std::string& k : sorted_keys(suffixes_)) {
    const Suffix& s = suffixes_.at(k);
    write_string(out, k);
    write_u32(out, s.strip);
    write_string(out, s.append);
    write_u32(out, s.feats);
  }
  write_table(out, keep_case_);
  write_table(out, verb_forms_);
  write_table(out, word_forms_);
}

std::string Lemmatizer::load(std::istream& in) {
  Lemmatizer m;
  if (std::string e = read_model_header(in, kMagic, "lemmatizer model", m.metadata_, m.feats_);
      !e.empty()) {
    return e;
  }
  if (m.feats_.empty()) return "expected at least one FEATS value";
  auto feats_ok = [&](std::uint32_t id) { return id < m.feats_.size(); };
  std::uint32_t n = 0;
  if (!read_u32(in, n) || n > kMaxEntries) return "expected the number of words";
  m.words_.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    std::string k;
    Word w;
    if (!read_string(in, k) || !read_string(in, w.lemma) || !read_u32(in, w.feats) ||
        !feats_ok(w.feats)) {
      return "expected word " + std::to_string(i) + " of " + std::to_string(n);
    }
    m.words_.emplace(std::move(k), std::move(w));
  }
  auto any = [](const std::string&) { return true; };
  if (std::string e = read_table(in, m.cased_words_, "cased word", "cased words", any);
      !e.empty()) {
    return e;
  }
  if (std::string e = read_table(in, m.upos_words_, "word by UPOS", "words by UPOS", any);
      !e.empty()) {
    return e;
  }
  if (!read_u32(in, n) || n > kMaxEntries) return "expected the number of suffix rules";
  m.suffixes_.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    std::string k;
    Suffix s;
    if (!read_string(in, k) || !read_u32(in, s.strip) || !read_string(in, s.append) ||
        !read_u32(in, s.feats) || !feats_ok(s.feats)) {
      return "expected suffix rule " + std::to_string(i) + " of " + std::to_string(n);
    }
    m.suffixes_.emplace(std::move(k), std::move(s));
  }
  auto flag = [](std::uint32_t v) { return v <= 1; };
  if (std::string e = read_table(in, m.keep_case_, "casing rule", "casing rules", flag);
      !e.empty()) {
    return e;
  }
  if (std::string e =
          read_table(in, m.verb_forms_, "verb-form context", "verb-form contexts", feats_ok);
      !e.empty()) {
    return e;
  }
  if (std::string e = read_table(in, m.word_forms_, "word context", "word contexts", feats_ok);
      !e.empty()) {
    return e;
  }
  *this = std::move(m);
  return {};
}

}  // namespace dyad
