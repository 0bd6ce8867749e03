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
  std::vector<Sentence> gold = read_corpus_split(std::string(DYAD_SHARED_DIR) + "/ud/gum", "test");
  if (gold.empty()) GTEST_SKIP() << "../shared/ud/gum is absent";
  const std::string text = running_text(gold);
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
