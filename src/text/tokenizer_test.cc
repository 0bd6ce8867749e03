#include "text/tokenizer.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

std::vector<std::string> forms(const TextSentence& s) {
  std::vector<std::string> out;
  for (const auto& t : s.tokens) out.push_back(t.form);
  return out;
}

std::vector<std::string> all_forms(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& s : tokenize(text)) {
    for (const auto& t : s.tokens) out.push_back(t.form);
  }
  return out;
}

// Syntactic words: contractions expanded.
std::vector<std::string> all_words(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& s : tokenize(text)) {
    for (const auto& t : s.tokens) {
      if (t.words.empty()) out.push_back(t.form);
      out.insert(out.end(), t.words.begin(), t.words.end());
    }
  }
  return out;
}

using V = std::vector<std::string>;

TEST(Tokenizer, SplitsCliticsIntoWords) {
  EXPECT_EQ(all_words("Russia's army can't stop, they're sure."),
            (V{"Russia", "'s", "army", "ca", "n't", "stop", ",", "they", "'re", "sure", "."}));
  EXPECT_EQ(all_forms("Russia's army can't stop, they're sure."),
            (V{"Russia's", "army", "can't", "stop", ",", "they're", "sure", "."}));
  EXPECT_EQ(all_words("Kazakhstan’s stance won’t change"),
            (V{"Kazakhstan", "’s", "stance", "wo", "n’t", "change"}));
  EXPECT_EQ(all_forms("the countries' leaders"), (V{"the", "countries", "'", "leaders"}));
  EXPECT_EQ(all_words("Others cannot rely on it"), (V{"Others", "can", "not", "rely", "on", "it"}));
  EXPECT_EQ(all_words("We're gonna win"), (V{"We", "'re", "gon", "na", "win"}));
}

TEST(Tokenizer, KeepsNamesAbbreviationsNumbersAndAddresses) {
  EXPECT_EQ(all_forms("Kassym-Jomart Tokayev met Gen. Smith of the U.S. Army in Jan. 2024."),
            (V{"Kassym-Jomart", "Tokayev", "met", "Gen.", "Smith", "of", "the", "U.S.", "Army",
               "in", "Jan.", "2024", "."}));
  EXPECT_EQ(all_forms("It cost 1,000.5 dollars on 24.05.2024, said J. R. Doe."),
            (V{"It", "cost", "1,000.5", "dollars", "on", "24.05.2024", ",", "said", "J.", "R.",
               "Doe", "."}));
  EXPECT_EQ(all_forms("See https://example.org/a?b=1. Write to press@example.org."),
            (V{"See", "https://example.org/a?b=1", ".", "Write", "to", "press@example.org", "."}));
}

TEST(Tokenizer, QuotesAndDashesAreTokens) {
  EXPECT_EQ(all_forms("He said “the closest allies” — «a union» – and (more)."),
            (V{"He", "said", "“", "the", "closest", "allies", "”", "—", "«", "a", "union", "»", "–",
               "and", "(", "more", ")", "."}));
  EXPECT_EQ(all_forms("partners—allies"), (V{"partners", "—", "allies"}));
}

TEST(Tokenizer, SplitsSentences) {
  auto s = tokenize(
      "Armenia left the CSTO. Russia objected! Did Kazakhstan? “Yes.” Then Mr. Putin spoke.");
  ASSERT_EQ(s.size(), 5u);
  EXPECT_EQ(forms(s[0]), (V{"Armenia", "left", "the", "CSTO", "."}));
  EXPECT_EQ(forms(s[3]), (V{"“", "Yes", ".", "”"}));
  EXPECT_EQ(forms(s[4]), (V{"Then", "Mr.", "Putin", "spoke", "."}));
  // A lower-case word after a stop does not start a sentence.
  EXPECT_EQ(tokenize("The talks ended at 5 p.m. yesterday in Minsk.").size(), 1u);
  // A blank line always ends one.
  EXPECT_EQ(tokenize("Kazakhstan’s Staying In The CSTO\n\nBy\n\nA meeting took place").size(), 3u);
}

TEST(Tokenizer, KeepsOffsetsIntoTheOriginalText) {
  std::string text = "  «Ереван» said: Russia’s  role.";
  for (const auto& s : tokenize(text)) {
    for (const auto& t : s.tokens) {
      EXPECT_EQ(text.substr(t.begin, t.end - t.begin), t.form);
    }
  }
  auto s = tokenize(text);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(forms(s[0]), (V{"«", "Ереван", "»", "said", ":", "Russia’s", "role", "."}));
  EXPECT_FALSE(s[0].tokens[0].space_after);
  EXPECT_TRUE(s[0].tokens[3].space_after == false);  // "said:" glued
  EXPECT_TRUE(s[0].tokens[4].space_after);
}

TEST(Tokenizer, OtherScriptsAndBadBytesPassThrough) {
  EXPECT_EQ(all_forms("Токаев заявил, что 中国 支持."),
            (V{"Токаев", "заявил", ",", "что", "中国", "支持", "."}));
  std::string bad = "Bad \xff\xfe bytes";
  auto s = tokenize(bad);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(forms(s[0]), (V{"Bad", "\xff\xfe", "bytes"}));
  EXPECT_TRUE(tokenize("").empty());
  EXPECT_TRUE(tokenize(" \n\t ").empty());
}

TEST(Tokenizer, RunningTextJoinsSentencesAndParagraphs) {
  Sentence a, b, c;
  a.comments = {"# text = First one."};
  b.comments = {"# text = Second."};
  c.comments = {"# newpar", "# text = New paragraph."};
  EXPECT_EQ(running_text({a, b, c}), "First one. Second.\n\nNew paragraph.");
  EXPECT_EQ(tokenize(running_text({a, b, c})).size(), 3u);
}

TEST(Tokenizer, HugeSingleLineInputIsHandled) {
  std::string big;
  for (int i = 0; i < 200000; ++i) big += "word ";
  auto s = tokenize(big);
  ASSERT_EQ(s.size(), 500u);  // cut every 400 tokens: no unbounded sentence
  EXPECT_EQ(s[0].tokens.size(), 400u);
  EXPECT_EQ(s.back().tokens.back().end, big.size() - 1);
}

}  // namespace
}  // namespace dyad
