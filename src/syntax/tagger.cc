#include "syntax/tagger.h"

#include <algorithm>
#include <istream>
#include <limits>
#include <map>
#include <ostream>
#include <string_view>

#include "text/ascii_case.h"

namespace dyad {
namespace {

// DYADTAG4 adds the word-class lexicon; DYADTAG3 models (none) still load.
constexpr std::string_view kMagic = "DYADTAG4";
constexpr std::string_view kMagicNoLexicon = "DYADTAG3";
constexpr std::uint16_t kStart = 0xFFFF;  // "no tag" before the sentence

// Word shape: X for upper case, x for lower, d for digits, other bytes
// kept; runs collapsed ("Kassym-Jomart" -> "Xx-Xx").
std::string shape(std::string_view w) {
  std::string out;
  for (unsigned char c : w) {
    char s = (c >= 'A' && c <= 'Z')   ? 'X'
             : (c >= 'a' && c <= 'z') ? 'x'
             : (c >= '0' && c <= '9') ? 'd'
                                      : (c >= 0x80 ? 'u' : static_cast<char>(c));
    if (out.empty() || out.back() != s) out.push_back(s);
  }
  return out;
}

std::string_view suffix(std::string_view w, std::size_t n) {
  return w.size() > n ? w.substr(w.size() - n) : w;
}

std::vector<std::string> forms_of(const Sentence& s) {
  std::vector<std::string> out;
  out.reserve(s.tokens.size());
  for (const Token& t : s.tokens) out.push_back(t.form);
  return out;
}

}  // namespace

void Tagger::features(const std::vector<std::string>& words, std::size_t i, std::uint16_t prev,
                      std::uint16_t prev2, std::vector<std::uint64_t>& out) const {
  out.clear();
  auto word = [&](long k) -> std::string {
    if (k < 0) return "<s>";
    if (k >= static_cast<long>(words.size())) return "</s>";
    return to_lower_ascii(words[static_cast<std::size_t>(k)]);
  };
  const long j = static_cast<long>(i);
  const std::string& form = words[i];
  const std::string w = to_lower_ascii(form);
  const std::string before = word(j - 1), after = word(j + 1);
  const std::string form_shape = shape(form);
  const std::uint64_t word_key = feature_key(1, w), suffix_key = feature_key(4, suffix(w, 3));
  const std::uint64_t after_key = feature_key(1, after);
  out.push_back(feature_key(0, ""));
  out.push_back(word_key);
  // Affixes only of longer words: "nor" the conjunction must not teach
  // that "Arnor" is one.
  if (w.size() > 1) out.push_back(feature_key(2, suffix(w, 1)));
  if (w.size() > 2) out.push_back(feature_key(3, suffix(w, 2)));
  if (w.size() > 3) out.push_back(suffix_key);
  if (w.size() > 3) out.push_back(feature_key(5, w.substr(0, 1)));
  out.push_back(feature_key(6, form_shape));
  out.push_back(feature_key(7, before));
  out.push_back(feature_key(8, after));
  out.push_back(feature_key(9, word(j - 2)));
  out.push_back(feature_key(10, word(j + 2)));
  out.push_back(feature_key(11, prev));
  out.push_back(feature_key(12, prev, prev2));
  out.push_back(feature_key(13, word_key, prev));
  out.push_back(feature_key(14, suffix(after, 3)));
  out.push_back(feature_key(15, suffix(before, 3)));
  out.push_back(feature_key(16, i == 0 ? "first" : "later"));
  if (w.size() > 4) out.push_back(feature_key(17, suffix(w, 4)));
  if (w.size() > 3) out.push_back(feature_key(18, w.substr(0, 3)));
  out.push_back(feature_key(19, form_shape + (i == 0 ? "^" : "")));
  out.push_back(feature_key(20, word_key, after_key));
  out.push_back(feature_key(21, feature_key(1, before), word_key));
  out.push_back(feature_key(22, after_key, prev));
  out.push_back(feature_key(23, suffix_key, prev));
  out.push_back(feature_key(24, form));
  // The usual tags of the next words stand in for the tags not yet chosen.
  const std::uint64_t t1 = usual_tag(after), t2 = usual_tag(word(j + 2));
  out.push_back(feature_key(25, usual_tag(w)));
  out.push_back(feature_key(26, t1));
  out.push_back(feature_key(27, t1, t2));
  out.push_back(feature_key(28, prev, t1));
  out.push_back(feature_key(29, word_key, t1));
  out.push_back(feature_key(30, suffix_key, t1));
  // The classes a lexicon gives the word, alone, after the previous tag,
  // with the next word's usual tag and with the ending.
  if (!lexicon_.empty()) {
    const std::uint64_t classes = lexicon_.classes(w);
    out.push_back(feature_key(31, classes));
    out.push_back(feature_key(32, classes, prev));
    out.push_back(feature_key(33, classes, t1));
    out.push_back(feature_key(34, classes, feature_key(2, suffix(w, 2))));
  }
}

Tagger Tagger::train(const std::vector<Sentence>& sentences, int epochs, std::string metadata,
                     WordClassLexicon lexicon) {
  Tagger t;
  t.metadata_ = std::move(metadata);
  t.lexicon_ = std::move(lexicon);
  std::map<std::string, std::uint16_t> label_ids;  // ordered: deterministic ids
  for (const Sentence& s : sentences) {
    for (const Token& tok : s.tokens) label_ids.emplace(tok.upos + "|" + tok.xpos, 0);
  }
  for (auto& [label, id] : label_ids) {
    id = static_cast<std::uint16_t>(t.labels_.size());
    t.labels_.push_back(label);
  }
  const std::size_t n = t.labels_.size();
  t.model_ = Perceptron(n);
  // Each word seen at least twice: its most frequent label (ties to the
  // lowest label id, so training stays deterministic).
  std::map<std::string, std::map<std::uint16_t, int>> seen;
  for (const Sentence& s : sentences) {
    for (const Token& tok : s.tokens) {
      ++seen[to_lower_ascii(tok.form)][label_ids[tok.upos + "|" + tok.xpos]];
    }
  }
  for (const auto& [w, by_label] : seen) {
    int total = 0, best = 0;
    std::uint16_t label = 0;
    for (const auto& [l, c] : by_label) {
      total += c;
      if (c > best) {
        best = c;
        label = l;
      }
    }
    if (total >= 2) t.usual_.emplace(w, label);
  }
  std::vector<std::uint64_t> feats;
  std::vector<float> scores(n);
  for (int epoch = 0; epoch < epochs; ++epoch) {
    // A fixed, epoch-dependent order keeps training deterministic.
    std::vector<std::size_t> order(sentences.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::uint64_t seed = 88172645463325252ull + static_cast<std::uint64_t>(epoch);
    for (std::size_t i = order.size(); i > 1; --i) {
      seed ^= seed << 13;
      seed ^= seed >> 7;
      seed ^= seed << 17;
      std::swap(order[i - 1], order[seed % i]);
    }
    for (std::size_t si : order) {
      const Sentence& s = sentences[si];
      auto words = forms_of(s);
      std::uint16_t prev = kStart, prev2 = kStart;
      for (std::size_t i = 0; i < words.size(); ++i) {
        t.model_.tick();
        t.features(words, i, prev, prev2, feats);
        std::fill(scores.begin(), scores.end(), 0.0f);
        t.model_.score(feats, scores);
        std::size_t guess = static_cast<std::size_t>(
            std::max_element(scores.begin(), scores.end()) - scores.begin());
        std::size_t gold = label_ids[s.tokens[i].upos + "|" + s.tokens[i].xpos];
        t.model_.update(feats, gold, guess);
        prev2 = prev;
        prev = static_cast<std::uint16_t>(gold);
      }
    }
  }
  t.model_.finish();
  return t;
}

namespace {

// English auxiliaries (UD's AUX, a closed class): forms of "be", "have",
// "do" and "get" (the passive), the modals, and their clitics.
bool is_auxiliary(std::string_view lower) {
  static constexpr std::string_view kAuxiliaries[] = {
      "am",    "is",   "are",    "was",   "were",    "be",     "been",  "being",  "'s",
      "'re",   "'m",   "’s",     "’re",   "’m",      "s",      "r",     "m",      "have",
      "has",   "had",  "having", "'ve",   "'d",      "’ve",    "’d",    "ve",     "d",
      "do",    "does", "did",    "doing", "will",    "would",  "shall", "should", "can",
      "could", "may",  "might",  "must",  "ought",   "'ll",    "’ll",   "ll",     "wo",
      "ca",    "get",  "gets",   "got",   "getting", "gotten", "ai",    "need"};
  for (std::string_view a : kAuxiliaries) {
    if (lower == a) return true;
  }
  return false;
}

// "a", "an", "the": an object's phrase begins.
bool article(std::string_view w) {
  return w == "a" || w == "an" || w == "the" || w == "A" || w == "An" || w == "The";
}

// A number, in digits or in words ("12", "two", "dozens").
bool number_word(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "one",  "two", "three",  "four",   "five",   "six",      "seven",   "eight",
      "nine", "ten", "eleven", "twelve", "dozens", "hundreds", "several", "both"};
  return (!lower.empty() && lower[0] >= '0' && lower[0] <= '9') ||
         std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

// A particle of a phrasal verb ("shot down", "set up", "called off").
bool particle(std::string_view lower) {
  return lower == "down" || lower == "up" || lower == "off" || lower == "out" || lower == "back";
}

// A pronoun object, a possessive, or a word that opens a question clause:
// after "to", the word before it is a verb ("to question whether", "to
// help them"; in GUM no noun stands there).
bool object_or_clause_start(std::string_view lower) {
  static constexpr std::string_view kWords[] = {"whether", "if",  "how",   "what", "why", "it",
                                                "them",    "him", "her",   "us",   "me",  "his",
                                                "its",     "our", "their", "my",   "your"};
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

// Endings of adjectives formed from names ("Russian", "Chinese", "Turkish",
// "Israeli", "Arabic", "French").
bool adjective_ending(std::string_view lower) {
  for (std::string_view e : {"an", "ese", "ish", "i", "ic", "ch"}) {
    if (lower.size() > e.size() + 2 && lower.ends_with(e)) return true;
  }
  return false;
}

}  // namespace

void Tagger::tag(Sentence& sentence, const std::vector<KnownWord>* known) const {
  if (labels_.empty()) return;
  auto words = forms_of(sentence);
  // Each label's UPOS ("AUX" of "AUX|MD"), for the rules that rule labels out.
  std::vector<std::string_view> upos(labels_.size());
  for (std::size_t l = 0; l < labels_.size(); ++l) {
    upos[l] = std::string_view(labels_[l]).substr(0, labels_[l].find('|'));
  }
  std::vector<std::uint64_t> feats;
  std::vector<float> scores(labels_.size());
  // Rules a label out unless `allowed(its UPOS)`.
  auto keep_only = [&](auto&& allowed) {
    for (std::size_t l = 0; l < labels_.size(); ++l) {
      if (!allowed(upos[l])) scores[l] = -std::numeric_limits<float>::infinity();
    }
  };
  // The UPOS the scores favour now (before a rule below overrules them).
  auto model_choice = [&] {
    return upos[static_cast<std::size_t>(std::max_element(scores.begin(), scores.end()) -
                                         scores.begin())];
  };
  // Whether the sentence has lower-case letters (asked only of "US").
  auto lowercase_text = [&] {
    return std::any_of(words.begin(), words.end(), [](const auto& w) {
      return std::any_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    });
  };
  std::uint16_t prev = kStart, prev2 = kStart;
  for (std::size_t i = 0; i < words.size(); ++i) {
    features(words, i, prev, prev2, feats);
    std::fill(scores.begin(), scores.end(), 0.0f);
    model_.score(feats, scores);
    const std::string lower = to_lower_ascii(words[i]);
    // Auxiliaries are a closed class ("wire tapped": "wire" is none).
    if (!is_auxiliary(lower)) keep_only([](std::string_view u) { return u != "AUX"; });
    // A word with a letter or digit in it is not punctuation ("golden").
    if (std::any_of(lower.begin(), lower.end(), [](unsigned char c) {
          return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        })) {
      keep_only([](std::string_view u) { return u != "PUNCT"; });
    }
    // After a modal with its subject right before it ("it would free",
    // "Israel will free"), a word that can be a verb's base form is no
    // adjective or noun. Questions ("Will war come?") have no subject there.
    if (i >= 2 && labels_[prev] == "AUX|MD" && prev2 < labels_.size() &&
        (upos[prev2] == "NOUN" || upos[prev2] == "PROPN" || upos[prev2] == "PRON") &&
        (lexicon_.classes(lower) & WordClassLexicon::kVerb)) {
      keep_only([](std::string_view u) { return u != "ADJ" && u != "NOUN" && u != "PROPN"; });
    }
    // Right after a noun or a name and before an article, a word that can be
    // a verb's base form and looks like an interjection to the model is the
    // verb ("Arnor and Gondor welcome a resumption").
    if (i >= 1 && i + 1 < words.size() && prev < labels_.size() &&
        (upos[prev] == "NOUN" || upos[prev] == "PROPN") && article(words[i + 1]) &&
        (lexicon_.classes(lower) & WordClassLexicon::kVerb) && model_choice() == "INTJ") {
      keep_only([](std::string_view u) { return u == "VERB"; });
    }
    // "to supply Gondor with wheat": after "to", a possible base-form verb
    // the model takes for a noun is the verb when an article, a name, a
    // pronoun object or a question word follows it.
    if (i >= 1 && i + 1 < words.size() && to_lower_ascii(words[i - 1]) == "to" &&
        (article(words[i + 1]) || object_or_clause_start(to_lower_ascii(words[i + 1])) ||
         (words[i + 1][0] >= 'A' && words[i + 1][0] <= 'Z' && words[i + 1].size() > 1)) &&
        (lexicon_.classes(lower) & WordClassLexicon::kVerb) && model_choice() == "NOUN") {
      keep_only([](std::string_view u) { return u == "VERB"; });
    }
    // "Russia shot down a Turkish jet": right after a noun, a name or a
    // pronoun, and before a particle that an article, a number, a name or a
    // pronoun follows, a possible verb the model takes for a noun is the
    // verb (GUM has 44 verbs there and no noun).
    if (i >= 1 && i + 2 < words.size() && prev < labels_.size() &&
        (upos[prev] == "NOUN" || upos[prev] == "PROPN" || upos[prev] == "PRON") &&
        particle(to_lower_ascii(words[i + 1])) &&
        (article(words[i + 2]) || object_or_clause_start(to_lower_ascii(words[i + 2])) ||
         number_word(to_lower_ascii(words[i + 2])) ||
         (words[i + 2][0] >= 'A' && words[i + 2][0] <= 'Z')) &&
        (lexicon_.classes(lower) & (WordClassLexicon::kVerb | WordClassLexicon::kInflectedVerb)) &&
        model_choice() == "NOUN") {
      keep_only([](std::string_view u) { return u == "VERB"; });
    }
    // "was shot dead", "were hit by": after a form of "be", an inflected
    // verb form the model takes for an adjective is the passive participle
    // when "dead" or "by" follows.
    if (i >= 1 && i + 1 < words.size() && prev < labels_.size() && upos[prev] == "AUX" &&
        (to_lower_ascii(words[i + 1]) == "dead" || to_lower_ascii(words[i + 1]) == "by") &&
        (lexicon_.classes(lower) & WordClassLexicon::kInflectedVerb) && model_choice() == "ADJ") {
      keep_only([](std::string_view u) { return u == "VERB"; });
    }
    // "US and British activists": "US" in capitals within lower-case text
    // is the country, not the pronoun.
    if (words[i] == "US" && lowercase_text()) {
      keep_only([](std::string_view u) { return u == "PROPN" || u == "ADJ"; });
    }
    const KnownWord what = known && i < known->size() ? (*known)[i] : KnownWord::kUnknown;
    if (what == KnownWord::kNoun) {
      keep_only([](std::string_view u) { return u == "NOUN"; });
    } else if (what == KnownWord::kAdjective) {
      keep_only([](std::string_view u) { return u == "ADJ"; });
    } else if (what == KnownWord::kName) {
      const bool adjective = adjective_ending(lower);
      keep_only([&](std::string_view u) { return u == "PROPN" || (adjective && u == "ADJ"); });
    }
    auto best =
        static_cast<std::uint16_t>(std::max_element(scores.begin(), scores.end()) - scores.begin());
    sentence.tokens[i].upos = upos[best];
    sentence.tokens[i].xpos = labels_[best].substr(upos[best].size() + 1);
    prev2 = prev;
    prev = best;
  }
  // "China and Russia held joint exercises", tagged with "held" an
  // adjective and no verb anywhere: in a sentence without a verb, an
  // inflected verb form right after a noun, a name or a pronoun and before
  // a word is the verb.
  const bool verbless =
      std::none_of(sentence.tokens.begin(), sentence.tokens.end(),
                   [](const Token& t) { return t.upos == "VERB" || t.upos == "AUX"; });
  for (std::size_t i = 1; verbless && i + 1 < sentence.tokens.size(); ++i) {
    Token& t = sentence.tokens[i];
    const std::string& before = sentence.tokens[i - 1].upos;
    const std::string& after = sentence.tokens[i + 1].upos;
    const std::string lower = to_lower_ascii(t.form);
    if ((t.upos == "ADJ" || (t.upos == "NOUN" && lower.ends_with("ed"))) &&
        (before == "NOUN" || before == "PROPN" || before == "PRON") && after != "PUNCT" &&
        (lexicon_.classes(lower) & WordClassLexicon::kInflectedVerb)) {
      t.upos = "VERB";
      t.xpos = "VBD";
      break;
    }
  }
  // "has celebrated": a form of "have" right before a past participle is the
  // perfect's auxiliary, not the main verb.
  for (std::size_t i = 0; i + 1 < sentence.tokens.size(); ++i) {
    Token& t = sentence.tokens[i];
    const std::string w = to_lower_ascii(t.form);
    if (t.upos == "VERB" && sentence.tokens[i + 1].xpos == "VBN" &&
        (w == "has" || w == "have" || w == "had" || w == "having" || w == "'ve" || w == "'d")) {
      t.upos = "AUX";
    }
  }
}

std::uint64_t Tagger::usual_tag(const std::string& lower_word) const {
  auto it = usual_.find(lower_word);
  return it == usual_.end() ? 0xFFFE : it->second;
}

void Tagger::save(std::ostream& out) const {
  write_model_header(out, kMagic, metadata_, labels_);
  std::map<std::string, std::uint16_t> sorted(usual_.begin(), usual_.end());
  write_u32(out, static_cast<std::uint32_t>(sorted.size()));
  for (const auto& [w, l] : sorted) {
    write_string(out, w);
    write_u32(out, l);
  }
  lexicon_.save(out);
  model_.save(out);
}

std::string Tagger::load(std::istream& in) {
  Tagger t;
  const std::string_view magics[] = {kMagic, kMagicNoLexicon};
  std::size_t which = 0;
  if (std::string e = read_model_header(in, magics, "tagger model", which, t.metadata_, t.labels_);
      !e.empty()) {
    return e;
  }
  std::uint32_t words = 0;
  if (!read_u32(in, words)) return "expected the tagger's word list";
  for (std::uint32_t i = 0; i < words; ++i) {
    std::string w;
    std::uint32_t l = 0;
    if (!read_string(in, w) || !read_u32(in, l) || l >= t.labels_.size()) {
      return "expected a word and its usual tag";
    }
    t.usual_.emplace(std::move(w), static_cast<std::uint16_t>(l));
  }
  if (which == 0 && !t.lexicon_.load(in)) return "expected the tagger's word-class lexicon";
  if (std::string e = t.model_.load(in); !e.empty()) return e;
  if (t.model_.classes() != t.labels_.size()) return "expected one class per label";
  *this = std::move(t);
  return {};
}

}  // namespace dyad
