#include "conllu/conllu.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace dyad {
namespace {

const char* kTwoSentences =
    "# newdoc id = d1\n"
    "# sent_id = 1\n"
    "# text = Russia didn't attack.\n"
    "1\tRussia\tRussia\tPROPN\tNNP\tNumber=Sing\t4\tnsubj\t_\t_\n"
    "2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdid\tdo\tAUX\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\tPolarity=Neg\t4\tadvmod\t_\t_\n"
    "4\tattack\tattack\tVERB\tVB\tVerbForm=Inf\t0\troot\t_\tSpaceAfter=No\n"
    "4.1\tattacked\tattack\tVERB\tVBD\t_\t_\t_\t4:conj\t_\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# sent_id = 2\n"
    "1\tArmenia\tArmenia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "\n";

TEST(Conllu, RoundTripsExactly) {
  std::istringstream in(kTwoSentences);
  ConlluReader reader(in, "mem.conllu");
  std::ostringstream out;
  Sentence s;
  while (reader.next(s)) write_conllu(out, s);
  EXPECT_EQ(out.str(), kTwoSentences);
  EXPECT_EQ(reader.sentences_read(), 2u);
  EXPECT_TRUE(reader.errors().empty());
}

TEST(Conllu, BuildsTreeAndReadsComments) {
  auto sentences = parse_conllu(kTwoSentences, "mem");
  ASSERT_EQ(sentences.size(), 2u);
  const Sentence& s = sentences[0];
  EXPECT_EQ(s.comment_value("sent_id"), "1");
  EXPECT_EQ(s.text(), "Russia didn't attack.");
  ASSERT_EQ(s.roots().size(), 1u);
  EXPECT_EQ(s.roots()[0], 4);
  EXPECT_EQ(s.child(4, Relation::kNsubj), 1);
  EXPECT_TRUE(s.token(3).is_negation());
  EXPECT_EQ(s.subtree_span(4), std::make_pair(1, 5));
  EXPECT_EQ(s.multiword_tokens.size(), 1u);
  EXPECT_EQ(s.empty_nodes.size(), 1u);
  EXPECT_EQ(sentences[1].text(), "Armenia left");
}

TEST(Conllu, MalformedSentenceIsSkippedWithFileAndLine) {
  std::string text =
      "1\tA\ta\tX\t_\t_\t0\troot\t_\t_\n\n"
      "1\tB\tb\tX\t_\t_\t0\troot\t_\n"  // nine columns, line 3
      "2\tC\tc\tX\t_\t_\t1\tdep\t_\t_\n\n"
      "1\tD\td\tX\t_\t_\tx\troot\t_\t_\n\n"                                 // bad head, line 6
      "1\tE\te\tX\t_\t_\t2\tdep\t_\t_\n2\tF\tf\tX\t_\t_\t1\tdep\t_\t_\n\n"  // cycle, line 8
      "1\tG\tg\tX\t_\t_\t0\troot\t_\t_\n";
  std::vector<InputError> errors;
  auto sentences = parse_conllu(text, "bad.conllu", &errors);
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_EQ(sentences[0].token(1).form, "A");
  EXPECT_EQ(sentences[1].token(1).form, "G");
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].to_string(), "bad.conllu:3: expected 10 tab-separated columns, found 9");
  EXPECT_EQ(errors[1].file, "bad.conllu");
  EXPECT_EQ(errors[1].line, 6u);
  EXPECT_NE(errors[1].message.find("expected an integer head"), std::string::npos);
  EXPECT_EQ(errors[2].line, 8u);
  EXPECT_NE(errors[2].message.find("cycle"), std::string::npos);
}

TEST(Conllu, OutOfOrderIdsAndHeadsOutsideAreReported) {
  std::vector<InputError> errors;
  auto s = parse_conllu("2\tA\ta\tX\t_\t_\t0\troot\t_\t_\n\n1\tB\tb\tX\t_\t_\t5\tdep\t_\t_\n", "f",
                        &errors);
  EXPECT_TRUE(s.empty());
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[0].message.find("expected word id 1"), std::string::npos);
  EXPECT_NE(errors[1].message.find("outside the sentence"), std::string::npos);
}

TEST(Conllu, MapsUdV1LabelsToV2) {
  auto s = parse_conllu(
      "1\tArnor\tArnor\tPROPN\tNNP\t_\t2\tnsubjpass\t_\t_\n"
      "2\tcriticized\tcriticize\tVERB\tVBN\t_\t0\troot\t_\t_\n"
      "3\tby\tby\tADP\tIN\t_\t4\tcase\t_\t_\n"
      "4\tGondor\tGondor\tPROPN\tNNP\t_\t2\tnmod\t_\t_\n"
      "5\tnot\tnot\tPART\tRB\t_\t2\tneg\t_\t_\n"
      "6\tties\ttie\tNOUN\tNNS\t_\t2\tdobj\t_\t_\n"
      "7\tof\tof\tADP\tIN\t_\t8\tcase\t_\t_\n"
      "8\tit\tit\tPRON\tPRP\t_\t6\tnmod\t_\t_\n",
      "v1");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].token(1).relation, Relation::kNsubjPass);
  EXPECT_EQ(s[0].token(4).relation, Relation::kObl);  // nmod on a verb
  EXPECT_EQ(s[0].token(5).relation, Relation::kAdvmod);
  EXPECT_TRUE(s[0].token(5).is_negation());
  EXPECT_EQ(s[0].token(6).relation, Relation::kObj);
  EXPECT_EQ(s[0].token(8).relation, Relation::kNmod);  // nmod on a noun stays
  EXPECT_EQ(relation_from_label("nsubj:pass"), Relation::kNsubjPass);
  EXPECT_EQ(relation_from_label("obl:tmod"), Relation::kObl);
}

TEST(Conllu, ReadsManySentencesOneAtATime) {
  std::stringstream big;
  for (int i = 0; i < 20000; ++i) big << "1\tA\ta\tX\t_\t_\t0\troot\t_\t_\n\n";
  ConlluReader reader(big, "big");
  Sentence s;
  std::size_t n = 0;
  while (reader.next(s)) ++n;
  EXPECT_EQ(n, 20000u);
}

}  // namespace
}  // namespace dyad
