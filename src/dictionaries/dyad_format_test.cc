#include "dictionaries/dyad_format.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "dictionaries/dictionary_check.h"

namespace dyad {
namespace {

const char* kSample =
    "# sample dictionary\n"
    "country KAZ\n"
    "  name: Kazakhstan | Qazaqstan\n"
    "  adjective: Kazakh | Kazakhstani\n"
    "  capital: Astana 1998-05-06..2019-03-22 | Nur-Sultan 2019-03-23..2022-09-16\n"
    "  capital: Astana 2022-09-17..\n"
    "  government: Akorda  # the presidential residence\n"
    "  legislature: Mazhilis\n"
    "\n"
    "country RUS\n"
    "  name: Russia\n"
    "  government: the Kremlin\n"
    "  legislature: State Duma\n"
    "\n"
    "organisation IGOCST\n"
    "  name: Collective Security Treaty Organization | CSTO\n"
    "  kind: military alliance\n"
    "  member: KAZ 2002-10-07.. | RUS 2002-10-07..\n"
    "\n"
    "person Kassym-Jomart Tokayev\n"
    "  alias: Tokayev | Toqaev\n"
    "  role: KAZ head-of-government 1999-10-01..2002-01-28\n"
    "  role: KAZ speaker 2007-01-11..2011-04-15\n"
    "  role: KAZ head-of-state 2019-03-20..\n"
    "\n"
    "person Pyotr Tolstoy\n"
    "  alias: Petr Tolstoy\n"
    "  role: RUS deputy-speaker 2016-10..\n"
    "\n"
    "agent GOV\n"
    "  noun: minister | chairman (chairmen) | authorities ()\n"
    "agent NGO before\n"
    "  noun: charity\n"
    "\n"
    "set &D_SANCTIONS\n"
    "  word: sanctions | embargo\n"
    "forms\n"
    "  - slap: slaps slapped slapped slapping\n"
    "code 163 Impose embargo, boycott, or sanctions\n"
    "  - impose | slap: * &D_SANCTIONS (on +)\n"
    "  - sanction: *\n"
    "code 042 Make a visit\n"
    "  negation: 120\n"
    "  - visit: *\n"
    "discard\n"
    "  sentence: football match | box office\n"
    "combine\n"
    "  - 01 > 19 other-source = 1123\n"
    "  - 03 > * = lower\n"
    "  - want | seek as 03\n";

DictionarySource read(const std::string& text, const std::string& name = "sample.dyad") {
  DictionarySource s;
  std::istringstream in(text);
  read_dyad_dictionary(in, name, s);
  return s;
}

// The code an actor phrase gets on a date, or "?" when the phrase is unknown.
std::string actor_code(const Dictionaries& d, const std::string& phrase, int date) {
  std::istringstream in(phrase);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(to_upper_ascii(w));
  std::vector<std::string_view> views(words.begin(), words.end());
  const Phrase* p = d.actors.phrases().longest_match(views);
  if (!p || p->words.size() != words.size()) return "?";
  return d.actors.entries()[static_cast<std::size_t>(p->entry)].code_on(date);
}

TEST(DyadFormat, ReadsBlocksFieldsAndDates) {
  DictionarySource s = read(kSample);
  ASSERT_TRUE(s.errors.empty()) << s.errors.front().to_string();
  ASSERT_EQ(s.countries.size(), 2u);
  const CountryBlock& kaz = s.countries[0];
  EXPECT_EQ(kaz.code, "KAZ");
  ASSERT_EQ(kaz.capitals.size(), 3u);
  EXPECT_EQ(kaz.capitals[1].text, "Nur-Sultan");
  EXPECT_EQ(kaz.capitals[1].range.first, 20190323);
  EXPECT_EQ(kaz.capitals[1].range.last, 20220916);
  EXPECT_EQ(kaz.capitals[2].range.last, 99991231);
  EXPECT_EQ(kaz.government[0].text, "Akorda");  // the comment is gone
  EXPECT_EQ(kaz.origin, "sample.dyad:2");
  ASSERT_EQ(s.people.size(), 2u);
  const Role& speaker = s.people[0].roles[1];
  EXPECT_EQ(speaker.code, "KAZLEG");
  // A month covers all its days: the start may be any day of October 2016.
  const Role& deputy = s.people[1].roles[0];
  EXPECT_EQ(deputy.range.first, 20161001);
  EXPECT_EQ(deputy.range.first_late, 20161031);
  EXPECT_EQ(deputy.code, "RUSLEG");
  ASSERT_EQ(s.agents.size(), 2u);
  EXPECT_TRUE(s.agents[1].before);
  EXPECT_EQ(s.agents[0].nouns[1].plurals, std::vector<std::string>{"chairmen"});
  EXPECT_TRUE(s.agents[0].nouns[2].no_plural);
  ASSERT_EQ(s.codes.size(), 2u);
  EXPECT_EQ(s.codes[0].patterns.size(), 3u);  // "impose | slap" is two patterns
  EXPECT_EQ(s.codes[0].description, "Impose embargo, boycott, or sanctions");
  EXPECT_EQ(s.codes[1].negation, "120");
  EXPECT_EQ(s.discards.size(), 2u);
  ASSERT_EQ(s.combinations.size(), 2u);
  EXPECT_EQ(s.combinations[0].upper, "01");
  EXPECT_EQ(s.combinations[0].source, 'b');
  EXPECT_EQ(s.combinations[1].lower, "");
  EXPECT_EQ(s.combinations[1].result, "lower");
  ASSERT_EQ(s.governing_verbs.size(), 2u);
  EXPECT_EQ(s.governing_verbs[1].verb, "SEEK");
  EXPECT_EQ(s.governing_verbs[1].code, "03");
}

TEST(DyadFormat, ReportsBadLinesWithFileAndLineAndReadsTheRest) {
  DictionarySource s = read(
      "country Kazakhstan\n"                      // 1: not a code
      "  name: Kazakhstan\n"                      // 2: dropped quietly
      "person Someone\n"                          // 3
      "  role: KAZ president 2019..\n"            // 4: unknown office
      "  role: KAZ head-of-state 2019-13-01..\n"  // 5: bad month
      "  role: KAZ head-of-state 2020..2019\n"    // 6: inverted
      "  birthday: 1953\n"                        // 7: unknown field
      "code 163\n"                                // 8
      "  - impose: sanctions (on +)\n"            // 9: no '*'
      "  - impose: * sanctions [163]\n"           // 10: code in a pattern
      "  - impose: * (on +\n"                     // 11: unbalanced
      "  - boycott: *\n"                          // 12: fine
      "code 9999x\n"                              // 13: not a code
      "  capital: Astana\n"                       // 14: dropped quietly
      "widget\n"                                  // 15: unknown block
      "combine\n"                                 // 16
      "  - want as 3\n"                           // 17: not a code
      "  - want to | seek as 03\n",               // 18: two words
      "bad.dyad");
  std::vector<std::size_t> lines;
  for (const auto& e : s.errors) {
    EXPECT_EQ(e.file, "bad.dyad");
    EXPECT_EQ(e.message.rfind("expected", 0), 0u) << e.message;
    lines.push_back(e.line);
  }
  EXPECT_EQ(lines, (std::vector<std::size_t>{1, 4, 5, 6, 7, 9, 10, 11, 13, 15, 17, 18}));
  ASSERT_EQ(s.governing_verbs.size(), 1u);  // "seek" of line 18
  EXPECT_EQ(s.governing_verbs[0].verb, "SEEK");
  ASSERT_EQ(s.codes.size(), 1u);
  EXPECT_EQ(s.codes[0].patterns.size(), 1u);
  EXPECT_EQ(s.people.size(), 1u);
  EXPECT_TRUE(s.people[0].roles.empty());
}

TEST(DyadFormat, CompilesActorsWithDatedNamesAndRoles) {
  DictionarySource s = read(kSample);
  Dictionaries d;
  compile_dictionaries(s, d);
  ASSERT_TRUE(d.errors.empty()) << d.errors.front().to_string();
  EXPECT_EQ(actor_code(d, "Kazakhstan", 20240101), "KAZ");
  EXPECT_EQ(actor_code(d, "Kazakh", 20240101), "KAZ");
  EXPECT_EQ(actor_code(d, "Akorda", 20240101), "KAZGOV");
  EXPECT_EQ(actor_code(d, "Kremlin", 20240101), "RUSGOV");
  EXPECT_EQ(actor_code(d, "State Duma", 20240101), "RUSLEG");
  EXPECT_EQ(actor_code(d, "CSTO", 20240101), "IGOCST");
  // Astana was the capital twice; between, the name codes nothing.
  EXPECT_EQ(actor_code(d, "Astana", 20100101), "KAZGOV");
  EXPECT_EQ(actor_code(d, "Astana", 20200101), "");
  EXPECT_EQ(actor_code(d, "Nur-Sultan", 20200101), "KAZGOV");
  EXPECT_EQ(actor_code(d, "Astana", 20231101), "KAZGOV");
  // Capitals are marked as such (the coder takes a capital modifying a
  // noun for the place); a government metonym is not.
  auto entry_of = [&](const std::string& word) {
    const std::string upper = to_upper_ascii(word);
    const std::string_view view[] = {upper};
    const Phrase* p = d.actors.phrases().longest_match(view);
    EXPECT_NE(p, nullptr) << word;
    return p ? d.actors.entries()[static_cast<std::size_t>(p->entry)] : ActorEntry{};
  };
  EXPECT_TRUE(entry_of("Nur-Sultan").capital);
  EXPECT_FALSE(entry_of("Akorda").capital);
  EXPECT_FALSE(entry_of("Kazakhstan").capital);
  // A person follows their offices: before the first, the country; between
  // and after, a former official (ELI); with no date, the latest office.
  EXPECT_EQ(actor_code(d, "Tokayev", 19950101), "KAZ");
  EXPECT_EQ(actor_code(d, "Tokayev", 20000101), "KAZGOV");
  EXPECT_EQ(actor_code(d, "Tokayev", 20050101), "KAZELI");
  EXPECT_EQ(actor_code(d, "Toqaev", 20080101), "KAZLEG");
  EXPECT_EQ(actor_code(d, "Kassym-Jomart Tokayev", 20240530), "KAZGOV");
  EXPECT_EQ(actor_code(d, "Kassym-Jomart Tokayev", 0), "KAZGOV");
  EXPECT_EQ(actor_code(d, "Petr Tolstoy", 20240524), "RUSLEG");
}

TEST(DyadFormat, CompilesAgentsVerbsNegationsAndDiscards) {
  DictionarySource s = read(kSample);
  Dictionaries d;
  compile_dictionaries(s, d);
  auto agent = [&](const std::string& noun) -> std::string {
    std::istringstream in(noun);
    std::vector<std::string> words;
    for (std::string w; in >> w;) words.push_back(to_upper_ascii(w));
    std::vector<std::string_view> views(words.begin(), words.end());
    const Phrase* p = d.agents.phrases().longest_match(views);
    if (!p || p->words.size() != words.size()) return "?";
    const AgentEntry& e = d.agents.entries()[static_cast<std::size_t>(p->entry)];
    return e.prefix ? e.code + "~" : "~" + e.code;
  };
  EXPECT_EQ(agent("ministers"), "~GOV");
  EXPECT_EQ(agent("chairmen"), "~GOV");
  EXPECT_EQ(agent("chairmans"), "?");
  EXPECT_EQ(agent("authoritieses"), "?");
  EXPECT_EQ(agent("charities"), "NGO~");
  EXPECT_EQ(d.verbs.pattern_count(), 2u);  // impose and slap: one pattern each
  ASSERT_FALSE(d.verbs.find("SLAPPED").empty());
  ASSERT_FALSE(d.verbs.find("IMPOSES").empty());
  const VerbEntry& sanction =
      d.verbs.verbs()[static_cast<std::size_t>(d.verbs.find("SANCTION")[0])];
  EXPECT_EQ(d.verbs.blocks()[static_cast<std::size_t>(sanction.block)].code, "163");
  ASSERT_NE(d.verbs.synset("&DSANCTIONS"), nullptr);
  EXPECT_EQ(d.negations.at("042"), "120");
  EXPECT_NE(d.discards.find("After the football match, fans"), nullptr);
}

TEST(DyadFormat, ConvertsToPetrarchAndBack) {
  DictionarySource s = read(kSample);
  std::stringstream actors, agents, verbs;
  write_petrarch_actors(s, actors);
  write_petrarch_agents(s, agents);
  write_petrarch_verbs(s, verbs);
  Dictionaries p;
  p.actors.load(actors, "actors.txt", p.errors);
  p.agents.load(agents, "agents.txt", p.errors);
  p.verbs.load(verbs, "verbs.txt", p.errors);
  ASSERT_TRUE(p.errors.empty()) << p.errors.front().to_string();
  EXPECT_EQ(actor_code(p, "Nur-Sultan", 20200101), "KAZGOV");
  EXPECT_EQ(actor_code(p, "Nur-Sultan", 20230101), "");
  EXPECT_EQ(actor_code(p, "Toqaev", 20080101), "KAZLEG");
  EXPECT_EQ(p.verbs.pattern_count(), 2u);

  // And the PETRARCH dictionaries back into the dyad format.
  std::stringstream back;
  write_dyad_actors(p.actors, back);
  write_dyad_agents(p.agents, back);
  write_dyad_verbs(p.verbs, back);
  DictionarySource again = read(back.str(), "back.dyad");
  ASSERT_TRUE(again.errors.empty()) << again.errors.front().to_string() << "\n" << back.str();
  Dictionaries d;
  compile_dictionaries(again, d);
  ASSERT_TRUE(d.errors.empty()) << d.errors.front().to_string();
  EXPECT_EQ(actor_code(d, "Nur-Sultan", 20200101), "KAZGOV");
  EXPECT_EQ(actor_code(d, "Nur-Sultan", 20230101), "");
  EXPECT_EQ(actor_code(d, "Kremlin", 20230101), "RUSGOV");
  EXPECT_EQ(d.verbs.pattern_count(), 2u);
  ASSERT_FALSE(d.verbs.find("SANCTIONED").empty());
}

// "reverse: CODE" codes the event the other way round too ("met with":
// both met); it becomes PETRARCH's [CODE:REVERSE] and comes back from it.
TEST(DyadFormat, ReverseCodesCompileAndConvertBothWays) {
  const std::string text =
      "code 040 Consult\n"
      "  reverse: 040\n"
      "  - meet: * (with +)\n"
      "code 043 Host a visit\n"
      "  reverse: 042\n"
      "  - host: *\n"
      "code 046 Engage in negotiation\n"
      "  reverse: 46x\n";
  DictionarySource s = read(text);
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_NE(s.errors[0].to_string().find("sample.dyad:8: expected a CAMEO code after 'reverse:'"),
            std::string::npos)
      << s.errors[0].to_string();
  EXPECT_EQ(s.codes[0].reverse, "040");
  Dictionaries d;
  compile_dictionaries(s, d);
  const VerbEntry& host = d.verbs.verbs()[static_cast<std::size_t>(d.verbs.find("HOST")[0])];
  EXPECT_EQ(host.code2.empty() ? d.verbs.blocks()[static_cast<std::size_t>(host.block)].code2
                               : host.code2,
            "042");
  const VerbEntry& meet = d.verbs.verbs()[static_cast<std::size_t>(d.verbs.find("MEET")[0])];
  ASSERT_EQ(d.verbs.blocks()[static_cast<std::size_t>(meet.block)].patterns.size(), 1u);
  EXPECT_EQ(d.verbs.blocks()[static_cast<std::size_t>(meet.block)].patterns[0].code2, "040");

  std::stringstream back;
  write_dyad_verbs(d.verbs, back);
  DictionarySource again = read(back.str(), "back.dyad");
  ASSERT_TRUE(again.errors.empty()) << again.errors.front().to_string();
  std::map<std::string, std::string> reverse;
  for (const CodeBlock& c : again.codes) reverse[c.code] = c.reverse;
  EXPECT_EQ(reverse["040"], "040") << back.str();
  EXPECT_EQ(reverse["043"], "042") << back.str();
}

TEST(DyadFormat, IsoCountriesAreGeneratedFromIsoCodes) {
  const std::string iso = "/usr/share/iso-codes/json/iso_3166-1.json";
  std::stringstream out;
  std::string error;
  if (!write_iso_countries(iso, out, &error)) GTEST_SKIP() << error;
  DictionarySource s = read(out.str(), "iso-3166.dyad");
  ASSERT_TRUE(s.errors.empty()) << s.errors.front().to_string();
  EXPECT_GE(s.countries.size(), 240u);
  bool korea = false;
  for (const auto& c : s.countries) {
    for (const auto& n : c.names) korea |= c.code == "KOR" && n.text == "Republic of Korea";
  }
  EXPECT_TRUE(korea);  // "Korea, Republic of" reordered
}

// Regions from ISO 3166-2: first-level units only, in plain ASCII without
// the unit's word; names shared by two states or that are common words are
// left out; a generated region name gives way to any other entry.
TEST(DyadFormat, IsoRegionsAreFilteredAndGiveWay) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "dyad_iso_regions";
  fs::create_directories(dir);
  {
    std::ofstream one(dir / "one.json");
    one << R"({"3166-1": [{"alpha_2": "AF", "alpha_3": "AFG", "name": "Afghanistan"},
                          {"alpha_2": "US", "alpha_3": "USA", "name": "United States"},
                          {"alpha_2": "NG", "alpha_3": "NGA", "name": "Nigeria"},
                          {"alpha_2": "GE", "alpha_3": "GEO", "name": "Georgia"},
                          {"alpha_2": "IN", "alpha_3": "IND", "name": "India"},
                          {"alpha_2": "PK", "alpha_3": "PAK", "name": "Pakistan"}]})";
    std::ofstream two(dir / "two.json");
    two << R"({"3166-2": [
      {"code": "AF-KAN", "name": "Kandahār", "type": "Province"},
      {"code": "US-AK", "name": "Alaska", "type": "State"},
      {"code": "US-GA", "name": "Georgia", "type": "State"},
      {"code": "NG-DE", "name": "Delta", "type": "State"},
      {"code": "NG-XX", "name": "Smalltown", "type": "Municipality"},
      {"code": "IN-PB", "name": "Punjab", "type": "State"},
      {"code": "PK-PB", "name": "Punjab", "type": "Province"}]})";
  }
  std::stringstream out;
  std::string error;
  ASSERT_TRUE(write_iso_regions((dir / "one.json").string(), (dir / "two.json").string(),
                                {"delta", "river"}, out, &error))
      << error;
  // A missing or malformed file is a clear error.
  std::stringstream none;
  std::string missing;
  EXPECT_FALSE(write_iso_regions((dir / "one.json").string(), (dir / "no.json").string(), {}, none,
                                 &missing));
  EXPECT_NE(missing.find("no.json: cannot read"), std::string::npos) << missing;
  std::string malformed;
  EXPECT_FALSE(write_iso_regions((dir / "two.json").string(), (dir / "two.json").string(), {}, none,
                                 &malformed));
  EXPECT_NE(malformed.find("expected Debian's iso-codes JSON with a \"3166-1\" array"),
            std::string::npos)
      << malformed;
  fs::remove_all(dir);
  DictionarySource s = read(out.str(), "iso-3166-regions.dyad");
  ASSERT_TRUE(s.errors.empty()) << s.errors.front().to_string();
  std::map<std::string, std::vector<std::string>> regions;
  for (const auto& c : s.countries) {
    for (const auto& r : c.regions) regions[c.code].push_back(r.text);
  }
  EXPECT_EQ(regions["AFG"], std::vector<std::string>{"Kandahar"});
  EXPECT_EQ(regions["USA"], (std::vector<std::string>{"Alaska", "Georgia"}));
  EXPECT_FALSE(regions.contains("NGA"));  // "Delta" is a word; a municipality is too small
  EXPECT_FALSE(regions.contains("IND"));  // "Punjab" names a region of two states
  // Compiled with a country named Georgia, the US state's name gives way.
  DictionarySource all = read("country GEO\n  name: Georgia\n", "countries.dyad");
  read_dyad_dictionary(out, "build/iso-3166-regions.dyad", all);
  for (auto& c : all.countries) c.generated = c.origin.find("iso-3166") != std::string::npos;
  Dictionaries d;
  compile_dictionaries(all, d);
  EXPECT_EQ(actor_code(d, "Georgia", 20240101), "GEO");
  EXPECT_EQ(actor_code(d, "Alaska", 20240101), "USA");
  EXPECT_EQ(actor_code(d, "Kandahar", 20240101), "AFG");
}

}  // namespace
}  // namespace dyad
