#include "dictionaries/dictionary_check.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "dictionaries/wikidata.h"

namespace dyad {
namespace {

DictionarySource read(const std::string& text) {
  DictionarySource s;
  std::istringstream in(text);
  read_dyad_dictionary(in, "check.dyad", s);
  return s;
}

const char* kClean =
    "country KAZ\n"
    "  name: Kazakhstan\n"
    "country RUS\n"
    "  name: Russia\n"
    "organisation IGOCST\n"
    "  name: CSTO\n"
    "  member: KAZ 2002-10-07.. | RUS 2002-10-07..\n"
    "  suspended: KAZ 2030..\n"
    "person Nursultan Nazarbayev\n"
    "  alias: Nazarbayev\n"
    "  role: KAZ head-of-state 1990-04-24..2019-03-20\n"
    "person Kassym-Jomart Tokayev\n"
    "  role: KAZ head-of-state 2019-03-20..\n"
    "  role: KAZ speaker 2013-10-16..2019-03-19\n"
    "agent GOV\n"
    "  noun: minister\n"
    "code 042\n"
    "  - visit: *\n";

TEST(DictionaryCheck, CleanDictionariesPass) {
  auto problems = check_dictionaries(read(kClean));
  EXPECT_TRUE(problems.empty()) << problems.front().to_string();
}

TEST(DictionaryCheck, ReportsEachKindOfProblemWithItsLine) {
  std::string broken =
      std::string(kClean) +
      "country KAZ\n"                                         // 19 duplicate block
      "  name: Russia\n"                                      // 20 conflict
      "person Someone\n"                                      // 21
      "  alias: Nazarbayev\n"                                 // 22 conflict
      "  role: XYZ head-of-state 2000..\n"                    // 23 unknown actor
      "  role: KAZ head-of-state 2005..2010\n"                // 24 two holders
      "  role: KAZ speaker 2006..2008\n"                      // 25 incompatible
      "  role: RUS foreign-minister 2007..2009\n"             // 26 two countries
      "organisation IGOEAE\n"                                 // 27
      "  member: ARM 2015.. | KAZ 2015..2020 | KAZ 2019..\n"  // 28 unknown, overlap
      "  suspended: RUS 2022..\n"                             // 29 not a member
      "agent GUV\n"                                           // 30 unknown code
      "  noun: minister\n"                                    // 31 conflict
      "code 042\n"                                            // 32
      "  - visit: *\n"                                        // 33 duplicate
      "code 0999\n"                                           // 34 unknown code
      "  - visit: * (to +)\n"                                 // 35
      "  - tour: * &NOPE\n"                                   // 36 unknown set
      "code 043\n"                                            // 37
      "  - visit: * (to +)\n"                                 // 38 conflict
      "combine\n"                                             // 39
      "  - visit | want as 03\n"                              // 40 coded alone
      "  - want as 02\n"                                      // 41 conflict
      "code 044\n"                                            // 42
      "  - meet: * (publicly) (in +)\n";                      // 43 never matches
  auto problems = check_dictionaries(read(broken));
  std::map<std::size_t, std::string> by_line;
  for (const auto& p : problems) {
    EXPECT_EQ(p.file, "check.dyad");
    by_line[p.line] += p.message + "; ";
  }
  auto has = [&](std::size_t line, const std::string& words) {
    EXPECT_NE(by_line[line].find(words), std::string::npos) << line << ": " << by_line[line];
  };
  has(19, "duplicate block 'country KAZ'");
  has(20, "conflicting name 'RUSSIA'");
  has(22, "conflicting name 'NAZARBAYEV'");
  has(23, "unknown actor code 'XYZ'");
  has(24, "two holders of KAZ head-of-state at once");
  has(25, "incompatible offices");
  has(26, "offices of two countries at once");
  has(28, "unknown member code 'ARM'");
  has(28, "overlapping membership periods of KAZ");
  has(29, "lies outside its membership periods");
  has(30, "unknown agent code 'GUV'");
  has(31, "conflicting agent noun 'minister'");
  has(33, "duplicate pattern");
  has(34, "unknown CAMEO event code '0999'");
  has(36, "unknown word set '&NOPE'");
  has(38, "conflicting codes for the pattern");
  has(40, "governing verb 'visit' is coded alone");
  has(41, "conflicting governing verb 'want'");
  has(43, "expected a preposition to open '(publicly)'");
  EXPECT_EQ(by_line[43].find("(in +)"), std::string::npos) << by_line[43];
}

// A second block for a country may list places (regions.dyad), not names.
TEST(DictionaryCheck, ABlockOfPlacesMayAddToACountry) {
  auto places = check_dictionaries(
      read(std::string(kClean) + "country KAZ\n  region: Karaganda | Shymkent\n"));
  EXPECT_TRUE(places.empty()) << places.front().to_string();
  EXPECT_EQ(
      dictionary_stats(read(std::string(kClean) + "country KAZ\n  region: Karaganda | Shymkent\n"))
          .regions,
      2);
  auto names = check_dictionaries(
      read(std::string(kClean) + "country KAZ\n  region: Shymkent\n  name: Qazaqstan\n"));
  ASSERT_EQ(names.size(), 1u);
  EXPECT_NE(names[0].message.find("duplicate block 'country KAZ'"), std::string::npos);
  // A place may not take a name another entry has.
  auto clash = check_dictionaries(read(std::string(kClean) + "country KAZ\n  region: Russia\n"));
  ASSERT_EQ(clash.size(), 1u);
  EXPECT_NE(clash[0].message.find("conflicting name 'RUSSIA'"), std::string::npos);
}

TEST(DictionaryCheck, StatsCountEntriesAndCodes) {
  DictionaryStats s = dictionary_stats(read(kClean));
  EXPECT_EQ(s.countries, 2);
  EXPECT_EQ(s.organisations, 1);
  EXPECT_EQ(s.people, 2);
  EXPECT_EQ(s.roles, 3);
  EXPECT_EQ(s.agents, 1);
  EXPECT_EQ(s.patterns, 1);
  // 042, and its root 04: a root is covered through the codes under it.
  EXPECT_EQ(s.codes_covered, 2);
  EXPECT_EQ(s.codes_total, 316);
  EXPECT_EQ(s.codes_missing.size(), 314u);
}

// A place that names no actor may not be an actor's name too.
TEST(DictionaryCheck, PlaceNamingNoActorConflictsWithAnActorName) {
  auto problems = check_dictionaries(
      read("country IND\n  name: India\n  region: Indian Ocean\nplaces\n  name: Indian Ocean\n"));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].to_string().find("check.dyad:5: conflicting name 'INDIAN OCEAN'"),
            std::string::npos)
      << problems[0].to_string();
}

// A root is a category: patterns are written under its residual code.
TEST(DictionaryCheck, RootIsNoEventCode) {
  auto problems = check_dictionaries(read("code 07 Provide aid\n  - help: *\n"));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].to_string().find("check.dyad:1"), std::string::npos);
  EXPECT_NE(problems[0].to_string().find("write its residual code '070'"), std::string::npos)
      << problems[0].to_string();
}

TEST(DictionaryCheck, WikidataDumpBecomesPersonBlocks) {
  // A small dump in Wikidata's layout: a JSON array, one entity per line.
  std::string dump =
      "[\n"
      R"({"id":"Q1","type":"item","labels":{"en":{"language":"en","value":"Ada Example"}},)"
      R"("aliases":{"en":[{"language":"en","value":"A. Example"}]},"claims":{"P39":[)"
      R"({"mainsnak":{"datavalue":{"value":{"id":"Q100"}}},"rank":"normal","qualifiers":{)"
      R"("P580":[{"datavalue":{"value":{"time":"+2019-03-20T00:00:00Z","precision":11}}}]}},)"
      R"({"mainsnak":{"datavalue":{"value":{"id":"Q200"}}},"rank":"normal","qualifiers":{)"
      R"("P580":[{"datavalue":{"value":{"time":"+2007-01-00T00:00:00Z","precision":10}}}],)"
      R"("P582":[{"datavalue":{"value":{"time":"+2011-00-00T00:00:00Z","precision":9}}}]}},)"
      R"({"mainsnak":{"datavalue":{"value":{"id":"Q999"}}},"rank":"normal"}]}},)"
      "\n"
      R"({"id":"Q2","labels":{"en":{"value":"Not An Officeholder"}},"claims":{}},)"
      "\n"
      "{\"id\": broken\n"
      R"({"id":"Q3","labels":{"en":{"value":"Deprecated Holder"}},"claims":{"P39":[)"
      R"({"mainsnak":{"datavalue":{"value":{"id":"Q100"}}},"rank":"deprecated"}]}})"
      "\n]\n";
  std::vector<PositionBlock> positions = {{"Q100", "KAZ", "head-of-state", "p:1"},
                                          {"Q200", "KAZ", "speaker", "p:2"}};
  std::istringstream in(dump);
  std::ostringstream out;
  WikidataImport r = import_wikidata(in, "sample.json", positions, out);
  EXPECT_EQ(r.entities, 3u);
  EXPECT_EQ(r.people, 1u);
  EXPECT_EQ(r.roles, 2u);
  EXPECT_EQ(r.skipped, 1u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].line, 4u);

  DictionarySource s = read("country KAZ\n  name: Kazakhstan\n" + out.str());
  ASSERT_TRUE(s.errors.empty()) << s.errors.front().to_string() << "\n" << out.str();
  ASSERT_EQ(s.people.size(), 1u);
  const PersonBlock& p = s.people[0];
  EXPECT_EQ(p.name, "Ada Example");
  ASSERT_EQ(p.aliases.size(), 1u);
  ASSERT_EQ(p.roles.size(), 2u);
  EXPECT_EQ(p.roles[0].code, "KAZGOV");
  EXPECT_EQ(p.roles[0].range.first, 20190320);
  EXPECT_EQ(p.roles[0].range.last, 99991231);
  EXPECT_EQ(p.roles[1].code, "KAZLEG");
  EXPECT_EQ(p.roles[1].range.first, 20070101);
  EXPECT_EQ(p.roles[1].range.last, 20111231);
  EXPECT_TRUE(check_dictionaries(s).empty());
}

// dyad's own dictionaries, as shipped, pass the checker and meet the
// coverage the project promises.
TEST(DictionaryCheck, ShippedDictionariesPass) {
  DictionarySource s = read_dyad_dictionaries(default_dictionary_dirs());
  auto problems = check_dictionaries(s);
  for (std::size_t i = 0; i < problems.size() && i < 20; ++i) {
    ADD_FAILURE() << problems[i].to_string();
  }
  EXPECT_TRUE(problems.empty()) << problems.size() << " problems";
  // The coverage docs/dictionaries.md states.
  DictionaryStats stats = dictionary_stats(s);
  EXPECT_GE(stats.countries, 249);
  EXPECT_GE(stats.organisations, 120);
  EXPECT_GE(stats.people, 1500);
  EXPECT_GE(stats.agents, 300);
  EXPECT_GE(stats.patterns, 4000);
}

TEST(DictionaryCheck, CliFailsOnABrokenSampleWithAClearMessage) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "dyad_dict_check_cli";
  fs::create_directories(dir);
  {
    std::ofstream f(dir / "broken.dyad");
    f << "country KAZ\n  name: Kazakhstan\nperson X Y\n  role: KAZ head-of-state 2020..2019\n";
  }
  std::string cmd = std::string(DYAD_CLI_PATH) + " dict check " + (dir / "broken.dyad").string() +
                    " > " + (dir / "out.txt").string() + " 2>&1";
  int status = std::system(cmd.c_str());
  EXPECT_NE(status, 0);
  std::ifstream in(dir / "out.txt");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("broken.dyad:4: expected the start of '2020..2019' not after its end"),
            std::string::npos)
      << text;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dyad
