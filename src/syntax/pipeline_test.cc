#include "syntax/pipeline.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "conllu/conllu.h"
#include "evaluation/ud_eval.h"

namespace dyad {
namespace {

// The committed models (tagger, lemmatizer, parser) on the news documents
// of GUM's test split (unseen in training), gold tokenization: what `dyad
// parse --tokenized` gives. Regression floors just below the measured
// figures (docs/models.md).
TEST(SyntaxPipeline, CommittedModelsOnGumTestNewsWithGoldTokens) {
  const std::string dir = std::string(DYAD_SHARED_DIR) + "/ud/gum/";
  if (!std::filesystem::exists(dir + "GUM_news_nasa.conllu")) GTEST_SKIP() << dir << " is absent";
  SyntaxPipeline pipeline;
  ASSERT_EQ(pipeline.load(std::string(DYAD_SOURCE_DIR) + "/models"), "");
  std::vector<Sentence> gold, system;
  for (const char* doc : {"GUM_news_nasa", "GUM_news_sensitive"}) {
    std::ifstream in(dir + doc + ".conllu");
    std::stringstream text;
    text << in.rdbuf();
    for (auto& s : parse_conllu(text.str(), doc)) {
      Sentence copy = s;
      pipeline.annotate(copy);
      system.push_back(std::move(copy));
      gold.push_back(std::move(s));
    }
  }
  UdScores scores = evaluate_ud(gold, system);
  ASSERT_TRUE(scores.error.empty()) << scores.error;
  ASSERT_GT(scores.words.gold, 1000);
  EXPECT_GE(scores.upos.f1(), 0.945);    // measured 95.93
  EXPECT_GE(scores.lemmas.f1(), 0.975);  // measured 97.78
  EXPECT_GE(scores.ufeats.f1(), 0.95);   // measured 95.61
  EXPECT_GE(scores.uas.f1(), 0.785);     // measured 79.75
  EXPECT_GE(scores.las.f1(), 0.755);     // measured 77.05
}

}  // namespace
}  // namespace dyad
