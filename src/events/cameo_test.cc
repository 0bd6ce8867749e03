#include "events/cameo.h"

#include <gtest/gtest.h>

#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

namespace dyad {
namespace {

TEST(Cameo, RootCodes) {
  EXPECT_EQ(root_code("0231"), "02");
  EXPECT_EQ(root_code("1121"), "11");
  EXPECT_EQ(root_code("190"), "19");
  EXPECT_EQ(root_code("010"), "01");
  EXPECT_EQ(root_code("2042"), "20");
  EXPECT_EQ(root_code("13"), "13");
  EXPECT_EQ(root_code("174L"), "17");
  EXPECT_EQ(root_code("0579"), "05");
}

TEST(Cameo, RootCodeOfNonCameoCodes) {
  EXPECT_EQ(root_code(""), "");
  EXPECT_EQ(root_code("1"), "");
  EXPECT_EQ(root_code("---"), "");
  EXPECT_EQ(root_code("00"), "");
  EXPECT_EQ(root_code("21"), "");
  EXPECT_EQ(root_code("210"), "");
  EXPECT_EQ(root_code("311"), "");
  EXPECT_EQ(root_code("ABC"), "");
  EXPECT_EQ(root_code("1a"), "");
  EXPECT_EQ(root_code("12345"), "");
  EXPECT_EQ(root_code("02 1"), "");
}

TEST(Cameo, RootCodeDoesNotPointIntoItsArgument) {
  std::string_view root;
  {
    std::string code = "0231";
    root = root_code(code);
  }
  EXPECT_EQ(root, "02");
}

TEST(Cameo, QuadClasses) {
  EXPECT_EQ(quad_class("010"), 1);
  EXPECT_EQ(quad_class("0231"), 1);
  EXPECT_EQ(quad_class("040"), 1);
  EXPECT_EQ(quad_class("046"), 1);
  EXPECT_EQ(quad_class("050"), 2);
  EXPECT_EQ(quad_class("057"), 2);
  EXPECT_EQ(quad_class("0874"), 2);
  EXPECT_EQ(quad_class("090"), 3);
  EXPECT_EQ(quad_class("1121"), 3);
  EXPECT_EQ(quad_class("139"), 3);
  EXPECT_EQ(quad_class("140"), 4);
  EXPECT_EQ(quad_class("174L"), 4);
  EXPECT_EQ(quad_class("190"), 4);
  EXPECT_EQ(quad_class("2042"), 4);
}

TEST(Cameo, QuadClassOfUnknownCodes) {
  EXPECT_EQ(quad_class(""), 0);
  EXPECT_EQ(quad_class("---"), 0);
  EXPECT_EQ(quad_class("00"), 0);
  EXPECT_EQ(quad_class("210"), 0);
}

TEST(Cameo, LookupKnownCodes) {
  struct Expected {
    std::string_view code;
    std::string_view name;
    double goldstein;
  };
  const Expected expected[] = {
      {"010", "Make statement", 0.0},
      {"016", "Deny responsibility", -2.0},
      {"0231", "Appeal for economic aid", 3.4},
      {"042", "Make a visit", 1.9},
      {"057", "Sign formal agreement", 8.0},
      {"0874", "Retreat or surrender militarily", 10.0},
      {"1121", "Accuse of crime, corruption", -2.0},
      {"13", "Threaten", -6.0},
      {"130", "Threaten", -4.4},
      {"183", "Conduct suicide, car, or other non-military bombing", -10.0},
      {"190", "Use conventional military force", -10.0},
      {"2042", "Detonate nuclear weapons", -10.0},
  };
  for (const Expected& e : expected) {
    SCOPED_TRACE(e.code);
    const CameoEventType* t = find_event_type(e.code);
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->code, e.code);
    EXPECT_EQ(t->name, e.name);
    EXPECT_DOUBLE_EQ(t->goldstein, e.goldstein);
    EXPECT_DOUBLE_EQ(goldstein(e.code), e.goldstein);
  }
}

TEST(Cameo, GoldsteinFallsBackToLongestKnownPrefix) {
  EXPECT_EQ(find_event_type("0579"), nullptr);
  EXPECT_DOUBLE_EQ(goldstein("0579"), 8.0);  // 057
  EXPECT_EQ(find_event_type("174L"), nullptr);
  EXPECT_DOUBLE_EQ(goldstein("174L"), -5.0);  // 174
  EXPECT_DOUBLE_EQ(goldstein("0110"), -0.1);  // 011
  EXPECT_DOUBLE_EQ(goldstein("13L"), -6.0);   // root 13
  EXPECT_DOUBLE_EQ(goldstein("05A"), 3.5);    // root 05
}

TEST(Cameo, UnknownCodes) {
  for (std::string_view code : {"", "---", "0", "00", "21", "210", "999", "ABC", "12345"}) {
    SCOPED_TRACE(code);
    EXPECT_EQ(find_event_type(code), nullptr);
    EXPECT_TRUE(std::isnan(goldstein(code)));
  }
}

TEST(Cameo, EveryEntryHasRootNameAndWeight) {
  for (const CameoEventType& t : event_types()) {
    SCOPED_TRACE(t.code);
    EXPECT_GE(t.code.size(), 2u);
    EXPECT_LE(t.code.size(), 4u);
    for (char c : t.code) EXPECT_TRUE(std::isdigit(static_cast<unsigned char>(c)));
    std::string_view root = root_code(t.code);
    EXPECT_GE(root, "01");
    EXPECT_LE(root, "20");
    EXPECT_FALSE(t.name.empty());
    EXPECT_GE(t.goldstein, -10.0);
    EXPECT_LE(t.goldstein, 10.0);
    EXPECT_NE(quad_class(t.code), 0);
  }
}

TEST(Cameo, TableIsSortedWithoutDuplicates) {
  std::span<const CameoEventType> types = event_types();
  ASSERT_FALSE(types.empty());
  for (std::size_t i = 1; i < types.size(); ++i) {
    EXPECT_LT(types[i - 1].code, types[i].code) << "at index " << i;
  }
  for (const CameoEventType& t : types) EXPECT_EQ(find_event_type(t.code), &t);
}

TEST(Cameo, EveryCodeHasItsParentInTheTable) {
  for (const CameoEventType& t : event_types()) {
    if (t.code.size() <= 2) continue;
    SCOPED_TRACE(t.code);
    EXPECT_NE(find_event_type(t.code.substr(0, t.code.size() - 1)), nullptr);
  }
  for (int root = 1; root <= 20; ++root) {
    std::string code = std::to_string(root);
    if (root < 10) code.insert(code.begin(), '0');
    EXPECT_NE(find_event_type(code), nullptr) << code;
  }
}

// Codes of the reference list: lines such as "## 01: MAKE PUBLIC STATEMENT",
// "0231: Appeal for economic aid" or "- 026: Appeal to others to meet or negotiate".
std::vector<std::string> reference_codes(std::ifstream& in) {
  std::vector<std::string> codes;
  std::string line;
  while (std::getline(in, line)) {
    std::size_t i = line.find_first_not_of("#- \t");
    if (i == std::string::npos) continue;
    std::size_t j = i;
    while (j < line.size() && std::isdigit(static_cast<unsigned char>(line[j]))) ++j;
    if (j - i < 2 || j - i > 4 || j >= line.size() || line[j] != ':') continue;
    std::string code = line.substr(i, j - i);
    // The list misprints 183 ("Conduct suicide, car, or other non-military bombing",
    // parent of 1831-1834) as 1883.
    if (code == "1883") code = "183";
    codes.push_back(code);
  }
  return codes;
}

TEST(Cameo, CoversTheReferenceList) {
#ifdef DYAD_SHARED_DIR
  const std::string path = std::string(DYAD_SHARED_DIR) + "/reference/cameo-6-event-code-list.md";
#else
  const std::string path;
#endif
  std::ifstream in(path);
  if (path.empty() || !in) GTEST_SKIP() << "reference list not found: " << path;
  std::vector<std::string> codes = reference_codes(in);
  ASSERT_GT(codes.size(), 300u) << "could not parse " << path;
  std::set<std::string> listed(codes.begin(), codes.end());
  for (const std::string& code : listed) {
    EXPECT_NE(find_event_type(code), nullptr) << code << " is in the reference list";
  }
  for (const CameoEventType& t : event_types()) {
    EXPECT_TRUE(listed.contains(std::string(t.code))) << t.code << " is not in the reference list";
  }
  EXPECT_EQ(listed.size(), event_types().size());
}

}  // namespace
}  // namespace dyad
