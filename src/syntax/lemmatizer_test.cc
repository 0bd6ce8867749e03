#include "syntax/lemmatizer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "conllu/conllu.h"
#include "syntax/tagger.h"

namespace dyad {
namespace {

std::string line(int id, const char* form, const char* lemma, const char* upos, const char* xpos,
                 const char* feats, int head, const char* deprel) {
  return std::to_string(id) + "\t" + form + "\t" + lemma + "\t" + upos + "\t" + xpos + "\t" +
         feats + "\t" + std::to_string(head) + "\t" + deprel + "\t_\t_\n";
}

// A tiny gold corpus: regular plurals and past tenses, an irregular verb, a
// proper noun and a passive.
std::vector<Sentence> corpus() {
  std::string text;
  text += line(1, "Russia", "Russia", "PROPN", "NNP", "Number=Sing", 2, "nsubj");
  text += line(2, "criticized", "criticize", "VERB", "VBD",
               "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin", 0, "root");
  text += line(3, "the", "the", "DET", "DT", "Definite=Def|PronType=Art", 4, "det");
  text += line(4, "ties", "tie", "NOUN", "NNS", "Number=Plur", 2, "obj");
  text += line(5, ".", ".", "PUNCT", ".", "_", 2, "punct") + "\n";
  text += line(1, "Armenia", "Armenia", "PROPN", "NNP", "Number=Sing", 2, "nsubj");
  text += line(2, "boycotted", "boycott", "VERB", "VBD",
               "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin", 0, "root");
  text += line(3, "talks", "talk", "NOUN", "NNS", "Number=Plur", 2, "obj");
  text += line(4, "and", "and", "CCONJ", "CC", "_", 5, "cc");
  text += line(5, "visits", "visit", "NOUN", "NNS", "Number=Plur", 3, "conj") + "\n";
  text += line(1, "Officials", "official", "NOUN", "NNS", "Number=Plur", 2, "nsubj");
  text += line(2, "stated", "state", "VERB", "VBD",
               "Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin", 0, "root");
  text += line(3, "and", "and", "CCONJ", "CC", "_", 4, "cc");
  text += line(4, "created", "create", "VERB", "VBD",
               "Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin", 2, "conj");
  text += line(5, "plans", "plan", "NOUN", "NNS", "Number=Plur", 4, "obj") + "\n";
  text += line(1, "Leaders", "leader", "NOUN", "NNS", "Number=Plur", 2, "nsubj");
  text += line(2, "went", "go", "VERB", "VBD",
               "Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin", 0, "root");
  text += line(3, "home", "home", "ADV", "RB", "_", 2, "advmod") + "\n";
  text += line(1, "Talks", "talk", "NOUN", "NNS", "Number=Plur", 3, "nsubj:pass");
  text += line(2, "were", "be", "AUX", "VBD",
               "Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin", 3, "aux:pass");
  text += line(3, "cancelled", "cancel", "VERB", "VBN", "Tense=Past|VerbForm=Part|Voice=Pass", 0,
               "root");
  text += line(4, "by", "by", "ADP", "IN", "_", 5, "case");
  text += line(5, "Moscow", "Moscow", "PROPN", "NNP", "Number=Sing", 3, "obl");
  text += line(6, "not", "not", "PART", "RB", "Polarity=Neg", 3, "advmod") + "\n";
  text += line(1, "They", "they", "PRON", "PRP", "Case=Nom|Number=Plur|Person=3|PronType=Prs", 3,
               "nsubj");
  text += line(2, "have", "have", "AUX", "VBP",
               "Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin", 3, "aux");
  text += line(3, "visited", "visit", "VERB", "VBN", "Tense=Past|VerbForm=Part", 0, "root");
  text += line(4, "Baku", "Baku", "PROPN", "NNP", "Number=Sing", 3, "obj") + "\n";
  return parse_conllu(text, "corpus");
}

// A sentence with the given forms and tags (the other columns empty).
Sentence tagged(const std::vector<std::pair<const char*, const char*>>& words) {
  std::string text;
  int id = 0;
  for (auto [form, tag] : words) {
    std::string t(tag);
    std::size_t bar = t.find('|');
    ++id;
    text += std::to_string(id) + "\t" + form + "\t_\t" + t.substr(0, bar) + "\t" +
            t.substr(bar + 1) + "\t_\t" + (id == 1 ? "0" : "1") + "\t" +
            (id == 1 ? "root" : "dep") + "\t_\t_\n";
  }
  auto s = parse_conllu(text, "test");
  return s.at(0);
}

TEST(Lemmatizer, LearnsSeenWordsAndRulesForUnseenOnes) {
  Lemmatizer m = Lemmatizer::train(corpus(), "unit test");
  Sentence s = tagged({{"Ties", "NOUN|NNS"},
                       {"sanctions", "NOUN|NNS"},
                       {"negotiated", "VERB|VBD"},
                       {"went", "VERB|VBD"},
                       {"Baku", "PROPN|NNP"},
                       {"Yerevan", "PROPN|NNP"},
                       {"Talks", "NOUN|NNS"},
                       {"not", "PART|RB"},
                       {"42", "NUM|CD"},
                       {"!", "PUNCT|."}});
  m.lemmatize(s);
  EXPECT_EQ(s.token(1).lemma, "tie");       // seen in lower case, sentence start
  EXPECT_EQ(s.token(2).lemma, "sanction");  // unseen: strip "s" for NNS
  EXPECT_EQ(s.token(2).feats, "Number=Plur");
  EXPECT_EQ(s.token(3).lemma, "negotiate");  // unseen: the rule of "-ated" (stated, created)
  EXPECT_EQ(s.token(3).feats, "Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin");
  EXPECT_EQ(s.token(4).lemma, "go");  // irregular, from the lexicon
  EXPECT_EQ(s.token(5).lemma, "Baku");
  EXPECT_EQ(s.token(6).lemma, "Yerevan");  // unseen proper noun keeps its capital
  EXPECT_EQ(s.token(6).feats, "Number=Sing");
  EXPECT_EQ(s.token(7).lemma, "talk");
  EXPECT_EQ(s.token(8).feats, "Polarity=Neg");
  EXPECT_EQ(s.token(9).lemma, "42");
  EXPECT_EQ(s.token(10).lemma, "!");
}

TEST(Lemmatizer, IsDeterministicAndRoundTrips) {
  Lemmatizer a = Lemmatizer::train(corpus(), "metadata here");
  Lemmatizer b = Lemmatizer::train(corpus(), "metadata here");
  std::ostringstream sa, sb;
  a.save(sa);
  b.save(sb);
  EXPECT_EQ(sa.str(), sb.str());
  std::istringstream in(sa.str());
  Lemmatizer c;
  ASSERT_EQ(c.load(in), "");
  EXPECT_EQ(c.metadata(), "metadata here");
  EXPECT_EQ(c.word_count(), a.word_count());
  EXPECT_EQ(c.rule_count(), a.rule_count());
  std::ostringstream again;
  c.save(again);
  EXPECT_EQ(again.str(), sa.str());
  Sentence x = tagged({{"negotiated", "VERB|VBD"}, {"Ties", "NOUN|NNS"}});
  Sentence y = x;
  a.lemmatize(x);
  c.lemmatize(y);
  for (std::size_t i = 0; i < x.tokens.size(); ++i) {
    EXPECT_EQ(x.tokens[i].lemma, y.tokens[i].lemma);
    EXPECT_EQ(x.tokens[i].feats, y.tokens[i].feats);
  }
}

TEST(Lemmatizer, RejectsWhatIsNotAModel) {
  Lemmatizer m;
  std::istringstream junk("not a model at all");
  EXPECT_NE(m.load(junk).find("expected a dyad lemmatizer model (DYADLEM1)"), std::string::npos);
  std::ostringstream out;
  Lemmatizer::train(corpus(), "").save(out);
  const std::string bytes = out.str();
  for (std::size_t cut : {bytes.size() / 4, bytes.size() / 2, bytes.size() - 1}) {
    std::istringstream in(bytes.substr(0, cut));
    Lemmatizer t;
    EXPECT_NE(t.load(in).find("expected"), std::string::npos) << cut;
  }
}

TEST(Lemmatizer, ReadsVoiceAndAgreementFromTheTree) {
  Lemmatizer m = Lemmatizer::train(corpus(), "");
  auto parsed = parse_conllu(line(1, "Sanctions", "_", "NOUN", "NNS", "_", 3, "nsubj:pass") +
                                 line(2, "were", "_", "AUX", "VBD", "_", 3, "aux:pass") +
                                 line(3, "negotiated", "_", "VERB", "VBN", "_", 0, "root") +
                                 line(4, "and", "_", "CCONJ", "CC", "_", 5, "cc") +
                                 line(5, "visited", "_", "VERB", "VBN", "_", 3, "conj") + "\n" +
                                 line(1, "They", "_", "PRON", "PRP", "_", 3, "nsubj") +
                                 line(2, "have", "_", "AUX", "VBP", "_", 3, "aux") +
                                 line(3, "visited", "_", "VERB", "VBN", "_", 0, "root") + "\n",
                             "parsed");
  ASSERT_EQ(parsed.size(), 2u);
  for (Sentence& s : parsed) {
    m.lemmatize(s);
    m.refine(s);
  }
  EXPECT_EQ(parsed[0].token(3).feats, "Tense=Past|VerbForm=Part|Voice=Pass");
  EXPECT_EQ(parsed[0].token(5).feature("Voice"), "Pass");   // bare conjunct of a passive
  EXPECT_EQ(parsed[0].token(2).feature("Number"), "Plur");  // agrees with "Sanctions"
  EXPECT_EQ(parsed[1].token(3).feature("Voice"), "");       // active perfect
  EXPECT_EQ(parsed[1].token(3).lemma, "visit");
}

TEST(Lemmatizer, LearnsPronounFeaturesFromTheirRelation) {
  // "it" is nominative as a subject and accusative as an object, three
  // times each; "saw" is seen once.
  std::string text;
  for (int i = 0; i < 3; ++i) {
    text += line(1, "it", "it", "PRON", "PRP", "Case=Nom|Number=Sing|Person=3|PronType=Prs", 2,
                 "nsubj");
    text += line(2, "saw", "see", "VERB", "VBD", "Mood=Ind|Tense=Past|VerbForm=Fin", 0, "root");
    text +=
        line(3, "it", "it", "PRON", "PRP", "Case=Acc|Number=Sing|Person=3|PronType=Prs", 2, "obj") +
        "\n";
  }
  text +=
      line(1, "it", "it", "PRON", "PRP", "Case=Nom|Number=Sing|Person=3|PronType=Prs", 2, "nsubj");
  text +=
      line(2, "fell", "fall", "VERB", "VBD", "Mood=Ind|Tense=Past|VerbForm=Fin", 0, "root") + "\n";
  Lemmatizer m = Lemmatizer::train(parse_conllu(text, "pronouns"), "");
  auto s = parse_conllu(line(1, "It", "_", "PRON", "PRP", "_", 2, "nsubj") +
                            line(2, "moved", "_", "VERB", "VBD", "_", 0, "root") +
                            line(3, "it", "_", "PRON", "PRP", "_", 2, "obj"),
                        "test");
  ASSERT_EQ(s.size(), 1u);
  m.lemmatize(s[0]);
  EXPECT_EQ(s[0].token(3).feature("Case"), "Nom");  // the lexicon's majority
  m.refine(s[0]);
  EXPECT_EQ(s[0].token(1).feature("Case"), "Nom");
  EXPECT_EQ(s[0].token(3).feature("Case"), "Acc");
  EXPECT_EQ(s[0].token(3).lemma, "it");
}

TEST(Lemmatizer, RefineToleratesHeadsOutsideTheSentence) {
  Lemmatizer m = Lemmatizer::train(corpus(), "");
  Sentence s = tagged({{"cancelled", "VERB|VBN"}, {"were", "AUX|VBD"}});
  s.tokens[0].head = 7;  // as a malformed input might leave it
  s.tokens[0].deprel = "conj";
  s.tokens[1].head = 9;
  s.tokens[1].deprel = "aux";
  m.lemmatize(s);
  m.refine(s);
  EXPECT_EQ(s.token(1).lemma, "cancel");
  EXPECT_EQ(s.token(2).lemma, "be");
}

TEST(Lemmatizer, WithFeatureKeepsAlphabeticalOrder) {
  EXPECT_EQ(with_feature("Tense=Past|VerbForm=Part", "Voice", "Pass"),
            "Tense=Past|VerbForm=Part|Voice=Pass");
  EXPECT_EQ(with_feature("Number=Sing|Person=3", "Case", "Acc"), "Case=Acc|Number=Sing|Person=3");
  EXPECT_EQ(with_feature("Case=Nom|Number=Sing", "Case", "Acc"), "Case=Acc|Number=Sing");
  EXPECT_EQ(with_feature("Voice=Pass", "Voice", ""), "_");
  EXPECT_EQ(with_feature("_", "Polarity", "Neg"), "Polarity=Neg");
}

// The committed model on GUM's test split with gold tags and with the
// committed tagger's tags.
TEST(Lemmatizer, CommittedModelOnGumTest) {
  auto test = read_corpus_split(std::string(DYAD_SHARED_DIR) + "/ud/gum", "test");
  if (test.empty()) GTEST_SKIP() << "../shared/ud/gum is absent";
  const std::string dir = std::string(DYAD_SOURCE_DIR) + "/models/";
  std::ifstream in(dir + "en-gum.lemmatizer", std::ios::binary);
  ASSERT_TRUE(in) << dir << "en-gum.lemmatizer";
  Lemmatizer m;
  ASSERT_EQ(m.load(in), "");
  std::ifstream tin(dir + "en-gum.tagger", std::ios::binary);
  Tagger tagger;
  ASSERT_EQ(tagger.load(tin), "");
  std::size_t words = 0, gold_tags = 0, predicted_tags = 0;
  for (const Sentence& gold : test) {
    Sentence a = gold;
    m.lemmatize(a);
    Sentence b = gold;
    tagger.tag(b);
    m.lemmatize(b);
    for (std::size_t i = 0; i < gold.tokens.size(); ++i) {
      ++words;
      gold_tags += a.tokens[i].lemma == gold.tokens[i].lemma;
      predicted_tags += b.tokens[i].lemma == gold.tokens[i].lemma;
    }
  }
  ASSERT_GT(words, 10000u);
  const double with_gold = static_cast<double>(gold_tags) / static_cast<double>(words);
  const double with_predicted = static_cast<double>(predicted_tags) / static_cast<double>(words);
  std::cout << "lemma accuracy on GUM test: " << 100 * with_gold << "% with gold tags, "
            << 100 * with_predicted << "% with the tagger's tags\n";
  EXPECT_GE(with_gold, 0.99);       // measured 99.40
  EXPECT_GE(with_predicted, 0.98);  // measured 98.39
}

}  // namespace
}  // namespace dyad
