#include "syntax/augment.h"

#include <gtest/gtest.h>

#include "conllu/conllu.h"

namespace dyad {
namespace {

const char* kGold =
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tarmy\tarmy\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "4\ttown\ttown\tNOUN\tNN\t_\t3\tobj\t_\t_\n"
    "\n"
    "1\tWe\twe\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
    "2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "\n";

TEST(NewsVariants, PutsAWeekdayBetweenANominalSubjectAndItsVerb) {
  auto gold = parse_conllu(kGold, "g");
  ASSERT_EQ(gold.size(), 2u);
  auto variants = news_variants(gold);
  // The pronoun subject gives no variant; the first eligible sentence does.
  ASSERT_EQ(variants.size(), 1u);
  const Sentence& v = variants[0];
  ASSERT_EQ(v.size(), 6u);
  EXPECT_EQ(v.token(3).form, "on");
  EXPECT_EQ(v.token(3).head, 4);
  EXPECT_EQ(v.token(3).deprel, "case");
  EXPECT_EQ(v.token(4).upos, "PROPN");
  EXPECT_EQ(v.token(4).head, 5);
  EXPECT_EQ(v.token(4).deprel, "obl");
  EXPECT_EQ(v.token(5).form, "left");
  EXPECT_EQ(v.token(5).head, 0);
  EXPECT_EQ(v.token(2).head, 5);  // the subject still depends on the verb
  EXPECT_EQ(v.token(6).head, 5);
  // The gold sentences are unchanged.
  EXPECT_EQ(gold[0].size(), 4u);
}

}  // namespace
}  // namespace dyad
