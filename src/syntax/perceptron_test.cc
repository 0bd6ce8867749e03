#include "syntax/perceptron.h"

#include <gtest/gtest.h>

#include <sstream>
#include <vector>

namespace dyad {
namespace {

// A model of 16 classes with one feature whose row has weights for every
// class (kept dense once trained), one with a single weight (kept sparse)
// and one never updated.
Perceptron trained_model() {
  Perceptron model(16);
  const std::uint64_t wide = feature_key(1, "wide");
  const std::uint64_t narrow = feature_key(2, "narrow");
  for (std::size_t label = 0; label < 16; ++label) {
    model.add(std::vector<std::uint64_t>{wide}, label, static_cast<float>(label) + 1.0f);
  }
  model.add(std::vector<std::uint64_t>{narrow}, 3, -2.0f);
  model.tick();
  model.finish();
  return model;
}

std::vector<float> scores_of(const Perceptron& model, const std::vector<std::uint64_t>& features) {
  std::vector<float> scores(model.classes(), 0.0f);
  model.score(features, scores);
  return scores;
}

TEST(Perceptron, DenseAndSparseRowsScoreAlike) {
  const Perceptron model = trained_model();
  EXPECT_EQ(model.feature_count(), 2u);
  const std::vector<std::uint64_t> features = {feature_key(1, "wide"), feature_key(2, "narrow"),
                                               feature_key(3, "unseen")};
  const std::vector<float> scores = scores_of(model, features);
  for (std::size_t label = 0; label < 16; ++label) {
    const float expected = static_cast<float>(label) + 1.0f - (label == 3 ? 2.0f : 0.0f);
    EXPECT_FLOAT_EQ(scores[label], expected) << label;
  }
  // An unknown feature alone adds nothing.
  for (float s : scores_of(model, {feature_key(3, "unseen")})) EXPECT_EQ(s, 0.0f);
}

TEST(Perceptron, SavesAndLoadsToTheSameBytesAndScores) {
  const Perceptron model = trained_model();
  std::stringstream first;
  model.save(first);
  Perceptron loaded;
  ASSERT_EQ(loaded.load(first), "");
  EXPECT_EQ(loaded.feature_count(), 2u);
  std::ostringstream second;
  loaded.save(second);
  EXPECT_EQ(second.str(), first.str());
  const std::vector<std::uint64_t> features = {feature_key(2, "narrow"), feature_key(1, "wide")};
  EXPECT_EQ(scores_of(loaded, features), scores_of(model, features));
}

TEST(Perceptron, RejectsTruncatedAndImpossibleFiles) {
  std::stringstream whole;
  trained_model().save(whole);
  const std::string bytes = whole.str();
  Perceptron model;
  std::istringstream cut(bytes.substr(0, bytes.size() - 3));
  EXPECT_NE(model.load(cut), "");
  // A class count that leaves no bit for the end of a row.
  std::string too_many = bytes;
  too_many[2] = '\x01';  // 16 + 65536 classes
  std::istringstream wide(too_many);
  EXPECT_EQ(model.load(wide), "expected a class count");
}

}  // namespace
}  // namespace dyad
