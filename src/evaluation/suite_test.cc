#include "evaluation/suite.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace dyad {
namespace {

std::string write_temp(const std::string& name, const std::string& text) {
  auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path) << text;
  return path.string();
}

TEST(Suite, MalformedLinesAreSkippedWithFileAndLine) {
  std::string path = write_temp(
      "dyad_suite_test.jsonl",
      "{\"id\": \"A\", \"date\": \"19950101\", \"expected\": [{\"source\": \"ARN\", \"target\": "
      "\"GON\", \"code\": \"050\"}], \"category\": \"DEMO\", \"scored\": true}\n"
      "{\"id\": \"B\", \"expected\": [{\"source\": \"ARN\"}]}\n"
      "this is not json\n"
      "\n"
      "{\"id\": \"C\", \"flags\": {\"noevents\": true}, \"expected\": [], \"scored\": true}\n");
  std::vector<InputError> errors;
  auto records = read_suite(path, errors);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].id, "A");
  EXPECT_EQ(records[0].expected.size(), 1u);
  EXPECT_EQ(records[1].id, "C");
  EXPECT_TRUE(records[1].noevents);
  EXPECT_EQ(records[1].line, 5u);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].line, 2u);
  EXPECT_NE(errors[0].message.find("expected"), std::string::npos);
  EXPECT_EQ(errors[1].to_string(), path + ":3: expected one JSON object per line");
}

TEST(Suite, ScoreCardCountsExactRecordsAndTriples) {
  SuiteRecord a;
  a.scored = true;
  a.category = "DEMO";
  a.expected = {{"ARN", "GON", "050"}, {"GON", "ARN", "050"}};
  SuiteRecord b = a;
  b.category = "VERB";
  SuiteRecord none;
  none.scored = true;
  none.noevents = true;
  none.category = "VERB";
  SuiteRecord unscored = a;
  unscored.scored = false;
  ScoreCard card;
  card.add(a, {{"GON", "ARN", "050"}, {"ARN", "GON", "050"}});  // exact, order ignored
  card.add(b, {{"ARN", "GON", "051"}});                         // wrong code, same root
  card.add(none, {});                                           // exact: nothing coded
  card.add(unscored, {{"X", "Y", "010"}});
  EXPECT_EQ(card.records, 4);
  EXPECT_EQ(card.scored, 3);
  EXPECT_EQ(card.exact, 2);
  EXPECT_EQ(card.true_positives, 2);
  EXPECT_EQ(card.false_positives, 1);
  EXPECT_EQ(card.false_negatives, 2);
  EXPECT_DOUBLE_EQ(card.precision(), 2.0 / 3);
  EXPECT_DOUBLE_EQ(card.recall(), 0.5);
  EXPECT_EQ(card.root_true_positives, 3);
  EXPECT_EQ(card.by_category["DEMO"].exact, 1);
  EXPECT_EQ(card.by_category["VERB"].scored, 2);
  auto j = card.to_json();
  for (const char* key : {"suite", "records", "scored", "exact", "precision", "recall", "f1",
                          "root_precision", "root_recall", "root_f1", "by_category"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
}

}  // namespace
}  // namespace dyad
