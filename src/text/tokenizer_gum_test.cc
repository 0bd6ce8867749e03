// The tokenizer on GUM's test documents, from running text rebuilt from
// their `# text` lines, scored with the CoNLL 2018 metrics (skipped when
// ../shared is absent).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "conllu/conllu.h"
#include "evaluation/ud_eval.h"
#include "text/tokenizer.h"

namespace dyad {
namespace {

TEST(TokenizerGum, TestSplitFromRawText) {
  const std::string dir = std::string(DYAD_SHARED_DIR) + "/ud/gum/";
  std::ifstream splits(dir + "splits.tsv");
  if (!splits) GTEST_SKIP() << dir << "splits.tsv is absent";
  std::vector<Sentence> gold;
  std::string text;
  for (std::string line; std::getline(splits, line);) {
    auto tab = line.find('\t');
    if (tab == std::string::npos || line.substr(tab + 1) != "test") continue;
    std::ifstream in(dir + line.substr(0, tab) + ".conllu");
    std::stringstream content;
    content << in.rdbuf();
    for (auto& s : parse_conllu(content.str(), line.substr(0, tab))) {
      bool paragraph = false;
      for (const auto& c : s.comments) paragraph = paragraph || c.rfind("# newpar", 0) == 0;
      if (!text.empty()) text += paragraph ? "\n\n" : " ";
      text += std::string(s.comment_value("text"));
      gold.push_back(std::move(s));
    }
  }
  ASSERT_GT(gold.size(), 500u);
  std::vector<Sentence> system;
  for (const auto& s : tokenize(text)) system.push_back(to_sentence(text, s, "s"));
  UdScores scores = evaluate_ud(gold, system);
  ASSERT_TRUE(scores.error.empty()) << scores.error;
  std::cout << scores.to_text();
  EXPECT_GE(scores.tokens.f1(), 0.985);
  EXPECT_GE(scores.sentences.f1(), 0.88);
}

}  // namespace
}  // namespace dyad
