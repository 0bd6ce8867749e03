#include "evaluation/ud_eval.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "conllu/conllu.h"

namespace dyad {
namespace {

const char* kGold =
    "1-2\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "1\tca\tcan\tAUX\tMD\t_\t3\taux\t_\t_\n"
    "2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n"
    "3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n"
    "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n"
    "1\tArmenia\tArmenia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n";

TEST(UdEval, IdenticalFilesScoreOneHundred) {
  auto gold = parse_conllu(kGold, "gold");
  UdScores s = evaluate_ud(gold, gold);
  ASSERT_TRUE(s.error.empty());
  EXPECT_EQ(s.tokens.gold, 6);  // can't go . Armenia left .
  EXPECT_EQ(s.words.gold, 7);
  EXPECT_EQ(s.sentences.gold, 2);
  for (const char* k : {"Tokens", "Sentences", "Words", "UPOS", "XPOS", "Lemmas", "UAS", "LAS",
                        "UFeats", "AllTags"}) {
    EXPECT_DOUBLE_EQ(s.to_json()[k].get<double>(), 100.0) << k;
  }
}

TEST(UdEval, CountsTokenizationTagAndAttachmentErrors) {
  auto gold = parse_conllu(kGold, "gold");
  // One sentence instead of two, "can't" not split, "left" tagged NOUN and
  // attached to "Armenia" as nmod.
  auto system = parse_conllu(
      "1\tcan't\tcan't\tAUX\tMD\t_\t2\taux\t_\t_\n"
      "2\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n"
      "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
      "4\tArmenia\tArmenia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
      "5\tleft\tleave\tNOUN\tVBD\t_\t4\tnmod\t_\t_\n"
      "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n",
      "system");
  UdScores s = evaluate_ud(gold, system);
  ASSERT_TRUE(s.error.empty()) << s.error;
  EXPECT_EQ(s.tokens.correct, 6);  // all surface tokens agree
  EXPECT_EQ(s.sentences.correct, 0);
  EXPECT_EQ(s.words.gold, 7);
  EXPECT_EQ(s.words.system, 6);
  EXPECT_EQ(s.words.correct, 5);  // ca/n't vs can't: no word aligned
  EXPECT_EQ(s.upos.correct, 4);
  EXPECT_EQ(s.xpos.correct, 5);
  // go: root/root; '.': go/go; Armenia: gold head left, system head go -> wrong;
  // left: gold root, system Armenia -> wrong; '.': gold left, system go -> wrong.
  EXPECT_EQ(s.uas.correct, 2);
  EXPECT_EQ(s.las.correct, 2);
  EXPECT_NEAR(s.words.f1(), 2.0 * 5 / 13, 1e-9);
}

TEST(UdEval, UFeatsComparesTheSetOfUniversalFeatures) {
  auto gold = parse_conllu(
      "1\tThey\tthey\tPRON\tPRP\tCase=Nom|Number=Plur|Person=3|PronType=Prs\t2\tnsubj\t_\t_\n"
      "2\twere\tbe\tAUX\tVBD\tMood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin\t3\t"
      "aux:pass\t_\t_\n"
      "3\tseen\tsee\tVERB\tVBN\tTense=Past|VerbForm=Part|Voice=Pass\t0\troot\t_\t_\n"
      "4\ttwice\ttwice\tADV\tRB\tNumForm=Word|NumType=Mult\t3\tadvmod\t_\t_\n",
      "gold");
  // They: same features in another order (matches); were: Number wrong;
  // seen: Voice missing; twice: NumForm (not universal) missing, XPOS wrong.
  auto system = parse_conllu(
      "1\tThey\tthey\tPRON\tPRP\tPronType=Prs|Case=Nom|Number=Plur|Person=3\t2\tnsubj\t_\t_\n"
      "2\twere\tbe\tAUX\tVBD\tMood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin\t3\t"
      "aux:pass\t_\t_\n"
      "3\tseen\tsee\tVERB\tVBN\tTense=Past|VerbForm=Part\t0\troot\t_\t_\n"
      "4\ttwice\ttwice\tADV\tJJ\tNumType=Mult\t3\tadvmod\t_\t_\n",
      "system");
  UdScores s = evaluate_ud(gold, system);
  ASSERT_TRUE(s.error.empty()) << s.error;
  EXPECT_EQ(s.ufeats.correct, 2);   // They, twice
  EXPECT_EQ(s.alltags.correct, 1);  // They
  EXPECT_DOUBLE_EQ(s.to_json()["UFeats"].get<double>(), 50.0);
  EXPECT_DOUBLE_EQ(s.to_json()["AllTags"].get<double>(), 25.0);
  EXPECT_NE(s.to_text().find("UFeats"), std::string::npos);
}

TEST(UdEval, DifferentTextIsAnError) {
  auto gold = parse_conllu(kGold, "gold");
  auto other = parse_conllu("1\tcannot\tcan\tAUX\t_\t_\t0\troot\t_\t_\n", "system");
  UdScores s = evaluate_ud(gold, other);
  EXPECT_NE(s.error.find("expected the same text"), std::string::npos);
}

TEST(UdEval, GumTestFileAgainstItself) {
  std::string path = std::string(DYAD_SHARED_DIR) + "/ud/gum/GUM_news_korea.conllu";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " is absent";
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  std::vector<InputError> errors;
  auto gold = parse_conllu(text.str(), path, &errors);
  EXPECT_TRUE(errors.empty());
  UdScores s = evaluate_ud(gold, gold);
  EXPECT_DOUBLE_EQ(s.las.f1(), 1.0);
  EXPECT_GT(s.words.gold, 300);
}

}  // namespace
}  // namespace dyad
