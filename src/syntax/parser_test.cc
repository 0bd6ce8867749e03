#include "syntax/parser.h"

#include <gtest/gtest.h>

#include <sstream>

#include "conllu/conllu.h"

namespace dyad {
namespace {

std::vector<Sentence> corpus() {
  std::string text;
  for (int i = 0; i < 30; ++i) {
    text +=
        "1\tRussia\t_\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
        "2\tcriticized\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "3\tthe\t_\tDET\tDT\t_\t4\tdet\t_\t_\n"
        "4\tsanctions\t_\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
        "5\t.\t_\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
  }
  return parse_conllu(text, "corpus");
}

TEST(Parser, LearnsATreeAndIsDeterministic) {
  auto train = corpus();
  // Thirty copies of one sentence: every feature is updated only a few
  // times, so none is pruned.
  Parser a = Parser::train(train, 5, "unit", 1);
  Parser b = Parser::train(train, 5, "unit", 1);
  std::ostringstream sa, sb;
  a.save(sa);
  b.save(sb);
  EXPECT_EQ(sa.str(), sb.str());
  auto s = parse_conllu(
      "1\tArmenia\t_\tPROPN\tNNP\t_\t_\t_\t_\t_\n2\tcriticized\t_\tVERB\tVBD\t_\t_\t_\t_\t_\n"
      "3\tthe\t_\tDET\tDT\t_\t_\t_\t_\t_\n4\talliance\t_\tNOUN\tNN\t_\t_\t_\t_\t_\n"
      "5\t.\t_\tPUNCT\t.\t_\t_\t_\t_\t_\n",
      "new");
  ASSERT_EQ(s.size(), 1u);
  a.parse(s[0]);
  EXPECT_EQ(s[0].token(1).head, 2);
  EXPECT_EQ(s[0].token(1).deprel, "nsubj");
  EXPECT_EQ(s[0].token(2).head, 0);
  EXPECT_EQ(s[0].token(4).head, 2);
  EXPECT_EQ(s[0].token(4).deprel, "obj");
  EXPECT_EQ(s[0].child(2, Relation::kObj), 4);  // the tree index is rebuilt
}

TEST(Parser, SavesLoadsAndRejectsJunk) {
  Parser a = Parser::train(corpus(), 2, "meta");
  std::stringstream buffer;
  a.save(buffer);
  Parser b;
  EXPECT_EQ(b.load(buffer), "");
  EXPECT_EQ(b.metadata(), "meta");
  std::istringstream junk("DYADTAG1 is not a parser");
  EXPECT_NE(b.load(junk).find("expected a dyad parser model"), std::string::npos);
  std::ostringstream out;
  a.save(out);
  std::istringstream cut(out.str().substr(0, out.str().size() - 7));
  EXPECT_NE(b.load(cut).find("expected"), std::string::npos);
}

}  // namespace
}  // namespace dyad
