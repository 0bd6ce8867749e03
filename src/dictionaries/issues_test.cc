#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <sstream>

#include "dictionaries/dictionaries.h"

namespace dyad {
namespace {

std::vector<InputError> load(IssueDictionary& d, const std::string& text) {
  std::istringstream in(text);
  std::vector<InputError> errors;
  d.load(in, "issues.txt", errors);
  return errors;
}

const char* kIssues =
    "# test issues\n"
    "<ISSUE CATEGORY=\"EDUCATION\" TYPE=\"ALL\">\n"
    "n:teacher [TEACHERS]\n"
    "pre+n:school [EARLY_CHILDHOOD_EDUCATION]\n"
    "v:vote n:reform [ELECTORAL_REFORM]\n"
    "literacy [LITERACY]\n"
    "~financial literacy\n"
    "</ISSUE>\n"
    "<ISSUE CATEGORY=\"ENERGY\" TYPE=\"ALL\">\n"
    "natural gas [NATURAL_GAS]\n"
    "</ISSUE>\n";

TEST(DictionariesIssues, ExpandsNounsVerbsAndHyphens) {
  IssueDictionary d;
  EXPECT_TRUE(load(d, kIssues).empty());
  std::vector<std::string> phrases;
  for (const auto& e : d.entries()) phrases.push_back(e.phrase);
  for (const char* p : {"TEACHER", "TEACHERS", "PRE SCHOOL", "PRE-SCHOOLS", "VOTED REFORMS",
                        "VOTING REFORM", "LITERACY", "FINANCIAL LITERACY", "NATURAL GAS"}) {
    EXPECT_NE(std::find(phrases.begin(), phrases.end(), p), phrases.end()) << p;
  }
  EXPECT_EQ(d.entries().front().category, "EDUCATION");
  EXPECT_EQ(d.entries().front().origin, "issues.txt:3");
}

TEST(DictionariesIssues, CountsIssuesAndCancels) {
  IssueDictionary d;
  load(d, kIssues);
  auto found = d.find("Teachers and pre-school teachers protested over natural gas prices.");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].code, "TEACHERS");
  EXPECT_EQ(found[0].count, 2);
  EXPECT_EQ(found[0].category, "EDUCATION");
  EXPECT_EQ(found[1].code, "EARLY_CHILDHOOD_EDUCATION");
  EXPECT_EQ(found[2].code, "NATURAL_GAS");
  // "pre-school" also names early childhood education.
  auto school = d.find("A new pre-school opened.");
  ASSERT_EQ(school.size(), 1u);
  EXPECT_EQ(school[0].code, "EARLY_CHILDHOOD_EDUCATION");
  // Whole words only, and a cancelling phrase silences the sentence.
  EXPECT_TRUE(d.find("Teachership is rare.").empty());
  EXPECT_TRUE(d.find("Financial literacy among teachers is low.").empty());
  EXPECT_EQ(d.find("Literacy among teachers is low.").size(), 2u);
}

TEST(DictionariesIssues, MalformedLinesAreReportedAndSkipped) {
  IssueDictionary d;
  auto errors = load(d,
                     "stray [X]\n"               // 1: outside a block
                     "<ISSUE TYPE=\"ALL\">\n"    // 2: no category
                     "<ISSUE CATEGORY=\"A\">\n"  // 3
                     "no code here\n"            // 4: the category's code
                     "empty code []\n"           // 5
                     "open code [GOOD\n"         // 6
                     "good phrase [GOOD]\n"      // 7
                     "</ISSUE>\n");
  ASSERT_EQ(errors.size(), 4u);
  EXPECT_EQ(errors[0].line, 1u);
  EXPECT_NE(errors[0].message.find("expected an <ISSUE CATEGORY=...> block"), std::string::npos);
  EXPECT_EQ(errors[1].line, 2u);
  EXPECT_EQ(errors[2].line, 5u);
  EXPECT_NE(errors[2].message.find("expected an issue code inside [ ]"), std::string::npos);
  EXPECT_EQ(errors[3].line, 6u);
  ASSERT_EQ(d.entries().size(), 2u);
  EXPECT_EQ(d.entries()[0].code, "A");
  EXPECT_EQ(d.entries()[1].code, "GOOD");
}

TEST(DictionariesIssues, LoadsThePhoenixIssueFile) {
  std::string path =
      std::string(DYAD_SHARED_DIR) + "/dictionaries/petrarch/Phoenix.IssueCoding.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " is absent";
  IssueDictionary d;
  std::vector<InputError> errors;
  d.load(path, errors);
  for (const auto& e : errors) std::cout << e.to_string() << '\n';
  EXPECT_GT(d.entries().size(), 2000u);
  EXPECT_TRUE(errors.empty());
  auto found = d.find("Teachers demanded more funding for schools.");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].category, "EDUCATION");
}

}  // namespace
}  // namespace dyad
