#include "dictionaries/dictionaries.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <set>
#include <sstream>

#ifndef DYAD_SHARED_DIR
#define DYAD_SHARED_DIR "../shared"
#endif

namespace dyad {
namespace {

using Kind = PatternElement::Kind;

template <typename Dict>
std::vector<InputError> load_text(Dict& dict, const std::string& text,
                                  const std::string& name = "mem.txt") {
  std::istringstream in(text);
  std::vector<InputError> errors;
  dict.load(in, name, errors);
  return errors;
}

// Blank-separated words of `text` as views into it.
std::vector<std::string_view> views(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t e = text.find(' ', i);
    if (e == std::string_view::npos) e = text.size();
    if (e > i) out.push_back(text.substr(i, e - i));
    i = e + 1;
  }
  return out;
}

const Phrase* match(const PhraseIndex& index, std::string_view text) {
  std::vector<std::string_view> words = views(text);
  return index.longest_match(words);
}

// The code of the actor named exactly by `text` on `date`, or "none".
std::string actor_code(const ActorDictionary& d, std::string_view text, int date = 0) {
  const Phrase* p = match(d.phrases(), text);
  if (!p || p->words.size() != views(text).size()) return "none";
  return d.entries()[static_cast<std::size_t>(p->entry)].code_on(date);
}

// The agent code named exactly by `text` ("~GOV" / "NGO~"), or "none".
std::string agent_code(const AgentDictionary& d, std::string_view text) {
  const Phrase* p = match(d.phrases(), text);
  if (!p || p->words.size() != views(text).size()) return "none";
  const AgentEntry& e = d.entries()[static_cast<std::size_t>(p->entry)];
  return e.prefix ? e.code + "~" : "~" + e.code;
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

void print_errors(const std::vector<InputError>& errors) {
  for (const auto& e : errors) std::cout << "  " << e.to_string() << '\n';
}

// ------------------------------------------------------------ comments, lines

TEST(DictionariesLines, UpperCasesAscii) {
  EXPECT_EQ(to_upper_ascii("cease-fire u.s. Côte"), "CEASE-FIRE U.S. CôTE");
}

TEST(DictionariesLines, CommentsOfEveryKind) {
  DiscardList d;
  auto errors = load_text(d,
                          "# a comment line\n"
                          "<!-- one-line comment -->\n"
                          "<!-- a comment\n"
                          "NOT A DISCARD\n"
                          "spanning lines -->\n"
                          "<! -- sloppy opener -->\n"
                          "FIRST PHRASE   # trailing comment\n"
                          "\n"
                          "   \t\n"
                          "<!-- before --> SECOND <!-- after -->\n");
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(d.entries().size(), 2u);
  EXPECT_EQ(d.entries()[0].phrase, "FIRST PHRASE");
  EXPECT_EQ(d.entries()[0].origin, "mem.txt:7");
  EXPECT_EQ(d.entries()[1].phrase, "SECOND");
  EXPECT_EQ(d.entries()[1].origin, "mem.txt:10");
}

TEST(DictionariesLines, LineEndsLfCrlfAndLoneCr) {
  CodeOntology o;
  auto errors =
      load_text(o, "010:0x1000\r\nBAD\r\n020:0x2000\rALSO BAD\r030:0x3000\nLAST BAD", "o.txt");
  EXPECT_EQ(o.size(), 3u);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].line, 2u);
  EXPECT_EQ(errors[1].line, 4u);
  EXPECT_EQ(errors[2].line, 6u);
  EXPECT_EQ(errors[2].file, "o.txt");
}

TEST(DictionariesLines, ToleratesNulSubstituteAndUtf8Bytes) {
  ActorDictionary a;
  std::string text = "TIRUCHIR";
  text += '\0';
  text += "PPALLI_ [IND]\nJAN_STRASK\x1aY [CZE]\nCOTE_D\xef\xbf\xbdIVOIRE_ [CIV]\n+CÔTE_D'IVOIRE\n";
  auto errors = load_text(a, text);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(a.entries().size(), 3u);
  EXPECT_EQ(actor_code(a, "TIRUCHIRPPALLI"), "IND");
  EXPECT_EQ(actor_code(a, "JAN STRASKY"), "CZE");
  EXPECT_EQ(actor_code(a, "COTE D\xef\xbf\xbdIVOIRE"), "CIV");
  EXPECT_EQ(actor_code(a, "CÔTE D'IVOIRE"), "CIV");  // only ASCII is upper-cased
}

TEST(DictionariesLines, MissingFileIsOneError) {
  VerbDictionary v;
  std::vector<InputError> errors;
  v.load("/nonexistent/verbs.txt", errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].file, "/nonexistent/verbs.txt");
  EXPECT_NE(errors[0].message.find("expected"), std::string::npos);
}

// ------------------------------------------------------------ actors

const char* kActors =
    "HAMAS [PSEREBHMS]\n"                                                         // 1
    "HAMAS_GUNMEN [PSEHMSMIL]\n"                                                  // 2
    "HAMAS WING [PSEHMSBRD]\n"                                                    // 3
    "PALESTINIAN [pse]\n"                                                         // 4
    "BOROMIR  [---]\n"                                                            // 5
    "PRESIDENT_GEORGE_W._BUSH [USAGOV]\n"                                         // 6
    "ENT  \n"                                                                     // 7
    "\t[ENT]\n"                                                                   // 8
    "GOLLUM  # pas 27 Apr 03\n"                                                   // 9
    "+SMEAGOL\n"                                                                  // 10
    "+ SLINKER\n"                                                                 // 11
    "\t[HOB < 950601]\n"                                                          // 12
    "\t[HOBGOV 19950601 - 19990815]\n"                                            // 13
    "#\t[AAA950601-990815]  incorrect code block check\n"                         // 14
    "\t[HOBREB > 990816]\n"                                                       // 15
    "SAM_GAMGEE [HOB]  # default\n"                                               // 16
    "    [HOBCIV <20080120]\n"                                                    // 17
    "\t[HOBMIL 20080120-20121109]\n"                                              // 18
    "UFFE_ELLEMANN_JENSEN_ [IGOEUREEC 820701-821231][IGOEUREEC 870701-871231]\n"  // 19
    "UNITED_STATES  [USA]\n"                                                      // 20
    "+U.S.  #JW   9/12/91\n"                                                      // 21
    "+UNCLE_SAM [USAGOV >20010101]\n"                                             // 22
    "CEASE-FIRE_MONITORS [IGOMON]\n"                                              // 23
    "CENTURY [XXX <300101][YYY >310101]\n"                                        // 24
    "INTERPOL_\t\n"                                                               // 25
    "\t[IGOCOPITP]\t# Interpol\n"                                                 // 26
    "ORTHOFIX_INTERNATIONAL_\t[MNCNLD] Antilles\t$503,000,000\n";                 // 27

TEST(DictionariesActors, PrimarySynonymsAndCodes) {
  ActorDictionary a;
  auto errors = load_text(a, kActors, "actors.txt");
  print_errors(errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(a.entries().size(), 15u);
  EXPECT_EQ(actor_code(a, "HAMAS"), "PSEREBHMS");
  EXPECT_EQ(actor_code(a, "HAMAS GUNMEN"), "PSEHMSMIL");
  EXPECT_EQ(actor_code(a, "HAMAS WING"), "PSEHMSBRD");
  EXPECT_EQ(actor_code(a, "PALESTINIAN"), "PSE");  // lower case code upper-cased
  EXPECT_EQ(actor_code(a, "BOROMIR"), "---");      // a real code string
  EXPECT_EQ(actor_code(a, "PRESIDENT GEORGE W. BUSH"), "USAGOV");
  EXPECT_EQ(actor_code(a, "ENT"), "ENT");  // code from the indented line
  EXPECT_EQ(actor_code(a, "U.S."), "USA");
  EXPECT_EQ(actor_code(a, "CEASE-FIRE MONITORS"), "IGOMON");
  EXPECT_EQ(actor_code(a, "INTERPOL"), "IGOCOPITP");
  EXPECT_EQ(actor_code(a, "ORTHOFIX INTERNATIONAL"), "MNCNLD");  // text after codes ignored
  EXPECT_EQ(a.entries()[7].origin, "actors.txt:9");
}

TEST(DictionariesActors, DatedCodesResolveByDate) {
  ActorDictionary a;
  ASSERT_TRUE(load_text(a, kActors).empty());
  // GOLLUM has no default code: before 950601 HOB, 19950601-19990815 HOBGOV,
  // from 990816 on HOBREB; the synonyms share the entry.
  for (const char* name : {"GOLLUM", "SMEAGOL", "SLINKER"}) {
    EXPECT_EQ(actor_code(a, name, 19950531), "HOB") << name;
    EXPECT_EQ(actor_code(a, name, 19950601), "HOBGOV") << name;
    EXPECT_EQ(actor_code(a, name, 19990815), "HOBGOV") << name;
    EXPECT_EQ(actor_code(a, name, 19990816), "HOBREB") << name;
    EXPECT_EQ(actor_code(a, name, 20200101), "HOBREB") << name;
    EXPECT_EQ(actor_code(a, name, 0), "") << name;  // unknown date, no default
  }
  const ActorEntry& gollum = a.entries()[7];
  ASSERT_EQ(gollum.dated.size(), 3u);  // the commented-out line is not read
  EXPECT_EQ(gollum.dated[0].first, 0);
  EXPECT_EQ(gollum.dated[0].last, 19950531);
  EXPECT_EQ(gollum.dated[2].first, 19990816);
  EXPECT_EQ(gollum.dated[2].last, 99991231);

  EXPECT_EQ(actor_code(a, "SAM GAMGEE", 0), "HOB");
  EXPECT_EQ(actor_code(a, "SAM GAMGEE", 20080119), "HOBCIV");
  EXPECT_EQ(actor_code(a, "SAM GAMGEE", 20080120), "HOBMIL");
  EXPECT_EQ(actor_code(a, "SAM GAMGEE", 20130101), "HOB");

  EXPECT_EQ(actor_code(a, "UFFE ELLEMANN JENSEN", 19820801), "IGOEUREEC");
  EXPECT_EQ(actor_code(a, "UFFE ELLEMANN JENSEN", 19850101), "");
  EXPECT_EQ(actor_code(a, "UFFE ELLEMANN JENSEN", 19871231), "IGOEUREEC");

  // A synonym line's own code goes to the shared entry.
  EXPECT_EQ(actor_code(a, "UNITED STATES", 20050101), "USAGOV");
  EXPECT_EQ(actor_code(a, "UNITED STATES", 19990101), "USA");

  // YY <= 30 is 20YY, else 19YY.
  const ActorEntry& century = a.entries()[12];
  ASSERT_EQ(century.dated.size(), 2u);
  EXPECT_EQ(century.dated[0].last, 20291231);
  EXPECT_EQ(century.dated[1].first, 19310101);
}

TEST(DictionariesActors, LongestMatchAndAlternativeSpelling) {
  ActorDictionary a;
  ASSERT_TRUE(load_text(a, kActors).empty());
  std::vector<std::string_view> words = views("HAMAS GUNMEN FIRED");
  const Phrase* p = a.phrases().longest_match(words);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(joined(p->words), "HAMAS GUNMEN");
  words = views("HAMAS GUNMAN FIRED");
  std::vector<std::string_view> lemmas = views("HAMAS GUNMEN FIRE");
  p = a.phrases().longest_match(words);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(joined(p->words), "HAMAS");
  p = a.phrases().longest_match(words, lemmas);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(joined(p->words), "HAMAS GUNMEN");
  words = views("UNKNOWN");
  EXPECT_EQ(a.phrases().longest_match(words), nullptr);
  EXPECT_EQ(a.phrases().longest_match({}), nullptr);
}

TEST(DictionariesActors, MalformedLinesReportedAndSkipped) {
  ActorDictionary a;
  auto errors = load_text(a,
                          "+ORPHAN_SYNONYM\n"                                      // 1
                          "KOREA_BUSINESS [KORBUS][KORGOVBUS 2004017-20061201]\n"  // 2
                          "ARMENIA_\n"                                             // 3
                          "\t[USRARM <900823]\n"                                   // 4
                          "\t[ARMUNR 9008223-911221]\n"                            // 5
                          "\t[ARM >911221]\n"                                      // 6
                          "BROKEN [ABC\n"                                          // 7
                          "+BROKEN_SYNONYM\n"                                      // 8
                          "BRITAIN [GBR]\n"                                        // 9
                          "\t[GBRGOV >201005011]\n"                                // 10
                          "\t[GBRGOV 20121207-20120802]\n"                         // 11
                          "\t[GBRGOV 20130230-20130301]\n"                         // 12
                          "\t[GBRGOV 20121204]\n"                                  // 13
                          "IRAQ [IRQ]\n"                                           // 14
                          "\t[IRQOCC 1920030320-20060520]\n",                      // 15
                          "bad.actors");
  print_errors(errors);
  ASSERT_EQ(errors.size(), 9u);
  std::vector<std::size_t> lines;
  for (const auto& e : errors) {
    EXPECT_EQ(e.file, "bad.actors");
    EXPECT_EQ(e.message.rfind("expected", 0), 0u) << e.message;
    lines.push_back(e.line);
  }
  EXPECT_EQ(lines, (std::vector<std::size_t>{1, 2, 5, 7, 10, 11, 12, 13, 15}));
  EXPECT_NE(errors[1].message.find("2004017"), std::string::npos);
  // Only the bad code is skipped; the rest of the entry and the file load.
  EXPECT_EQ(actor_code(a, "KOREA BUSINESS", 20050101), "KORBUS");
  EXPECT_EQ(actor_code(a, "ARMENIA", 19900101), "USRARM");
  EXPECT_EQ(actor_code(a, "ARMENIA", 19910101), "");
  EXPECT_EQ(actor_code(a, "ARMENIA", 19920101), "ARM");
  EXPECT_EQ(actor_code(a, "BROKEN"), "none");
  EXPECT_EQ(actor_code(a, "BROKEN SYNONYM"), "none");
  EXPECT_EQ(actor_code(a, "BRITAIN", 20110101), "GBR");
  EXPECT_EQ(actor_code(a, "IRAQ", 20050101), "IRQ");
}

// ------------------------------------------------------------ agents

const char* kAgents =
    "<!-- AGENTS -->\n"                                         // 1
    "!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON\n"               // 2
    "!MINST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES\n"     // 3
    "PARLIAMENTARY_OPPOSITION {} [~OPP] #jap 11 Oct 2002\n"     // 4
    "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\n"             // 5
    "CONGRESS [~LEG] # plural ES\n"                             // 6
    "CONGRESS!PERSON! [~LEG]\n"                                 // 7
    "!MINST!_OF_SILLY_WALKS [~GOV]\n"                           // 8
    "HUSBAND!PERSON![~AGR]\n"                                   // 9
    "GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]   # pas 16-Dec-2013\n"  // 10
    "POLICE {} [ ~COP]\n"                                       // 11
    "HUMAN_RIGHTS_ORGANIZATION  [  NGO~]\n"                     // 12
    "MSF {}  [NGO~]\n"                                          // 13
    "AUTHORITY [~GOV]\n"                                        // 14
    "ENVOY [~GOV]\n"                                            // 15
    "CHURCH [~CHR]\n"                                           // 16
    "BOSS [~BUS]\n"                                             // 17
    "TAX_INSPECTOR [~GOV]\n"                                    // 18
    "LAWMAN {LAWMEN LAW_OFFICERS} [~COP]\n"                     // 19
    "FOX [~ANI]\n"                                              // 20
    "WHIZ [~EDU]\n"                                             // 21
    "STAFF {} [~GOV]\n"                                         // 22
    "SEMI-OFFICIAL_NEWSPAPER [~MED]\n";                         // 23

TEST(DictionariesAgents, CodesPluralsAndMarkers) {
  AgentDictionary g;
  auto errors = load_text(g, kAgents, "agents.txt");
  print_errors(errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(g.entries().size(), 20u);
  EXPECT_EQ(g.entries()[0].origin, "agents.txt:4");

  EXPECT_EQ(agent_code(g, "PARLIAMENTARY OPPOSITION"), "~OPP");
  EXPECT_EQ(agent_code(g, "PARLIAMENTARY OPPOSITIONS"), "none");  // {} means no plural
  EXPECT_EQ(agent_code(g, "ATTORNEY GENERAL"), "~GOV");
  EXPECT_EQ(agent_code(g, "ATTORNEYS GENERAL"), "~GOV");
  EXPECT_EQ(agent_code(g, "ATTORNEY GENERALS"), "none");
  EXPECT_EQ(agent_code(g, "CONGRESS"), "~LEG");
  EXPECT_EQ(agent_code(g, "CONGRESSES"), "~LEG");
  for (const char* w : {"CONGRESSMAN", "CONGRESSMEN", "CONGRESSWOMAN", "CONGRESSWOMEN",
                        "CONGRESSPERSON", "HUSBANDMAN", "HUSBANDMEN"}) {
    EXPECT_NE(agent_code(g, w), "none") << w;
  }
  EXPECT_EQ(agent_code(g, "CONGRESSMANS"), "none");  // markers: no generated plural
  for (const char* w : {"MINISTER OF SILLY WALKS", "MINISTERS OF SILLY WALKS",
                        "MINISTRY OF SILLY WALKS", "MINISTRIES OF SILLY WALKS"}) {
    EXPECT_EQ(agent_code(g, w), "~GOV") << w;
  }
  EXPECT_EQ(agent_code(g, "MINISTER OF SILLY WALKSES"), "none");
  EXPECT_EQ(agent_code(g, "GOLDEN GOOSE"), "~GGS");
  EXPECT_EQ(agent_code(g, "GOLDEN GEESE"), "~GGS");
  EXPECT_EQ(agent_code(g, "GOLDEN GOOSES"), "none");
  EXPECT_EQ(agent_code(g, "POLICE"), "~COP");
  EXPECT_EQ(agent_code(g, "HUMAN RIGHTS ORGANIZATION"), "NGO~");
  EXPECT_EQ(agent_code(g, "HUMAN RIGHTS ORGANIZATIONS"), "NGO~");
  EXPECT_EQ(agent_code(g, "MSF"), "NGO~");
  EXPECT_EQ(agent_code(g, "AUTHORITIES"), "~GOV");  // consonant + Y -> IES
  EXPECT_EQ(agent_code(g, "ENVOYS"), "~GOV");       // vowel + Y -> S
  EXPECT_EQ(agent_code(g, "CHURCHES"), "~CHR");
  EXPECT_EQ(agent_code(g, "BOSSES"), "~BUS");
  EXPECT_EQ(agent_code(g, "TAX INSPECTORS"), "~GOV");  // plural of the last word only
  EXPECT_EQ(agent_code(g, "TAXES INSPECTOR"), "none");
  EXPECT_EQ(agent_code(g, "LAWMEN"), "~COP");
  EXPECT_EQ(agent_code(g, "LAW OFFICERS"), "~COP");
  EXPECT_EQ(agent_code(g, "FOXES"), "~ANI");
  EXPECT_EQ(agent_code(g, "WHIZES"), "~EDU");
  EXPECT_EQ(agent_code(g, "STAFFS"), "none");
  EXPECT_EQ(agent_code(g, "SEMI-OFFICIAL NEWSPAPERS"), "~MED");
}

TEST(DictionariesAgents, MalformedLinesReportedAndSkipped) {
  AgentDictionary g;
  auto errors = load_text(g,
                          "!PERSON! = MAN, MEN\n"                // 1
                          "ISLAMIC_EXTREMIST\n"                  // 2
                          "DEPARMENT_OF_ENVIRONMENT [~ENV}\n"    // 3
                          "SPOKES!NOPE! [~GOV]\n"                // 4
                          "GOLDEN_GOOSE {GOLDEN_GEESE [~GGS]\n"  // 5
                          "NO_TILDE [GOV]\n"                     // 6
                          "!BROKEN = A, B\n"                     // 7
                          "[~GOV]\n"                             // 8
                          "FARMER [~AGR]\n"                      // 9
                          "SPOKES!PERSON! [~GOV]\n",             // 10
                          "bad.agents");
  print_errors(errors);
  ASSERT_EQ(errors.size(), 7u);
  for (std::size_t i = 0; i < errors.size(); ++i) {
    EXPECT_EQ(errors[i].file, "bad.agents");
    EXPECT_EQ(errors[i].line, i + 2);
    EXPECT_EQ(errors[i].message.rfind("expected", 0), 0u) << errors[i].message;
  }
  EXPECT_EQ(g.entries().size(), 2u);
  EXPECT_EQ(agent_code(g, "FARMERS"), "~AGR");
  EXPECT_EQ(agent_code(g, "SPOKESMEN"), "~GOV");
  EXPECT_EQ(agent_code(g, "ISLAMIC EXTREMIST"), "none");
}

// ------------------------------------------------------------ discards

TEST(DictionariesDiscards, StorySentenceAndWholeWord) {
  DiscardList d;
  auto errors = load_text(d,
                          "# Story-level discards start with '+'\n"
                          "MONTHS LATER\n"
                          "+World Golf Championships   # pas 26-Feb-2014\n"
                          "BASEBALL   \n"
                          "+TYPHOON   # ELH 04 Aug 2009\n"
                          "ACADEMY_AWARD_\n"
                          "1914\n",
                          "discards.txt");
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(d.entries().size(), 6u);
  EXPECT_EQ(d.entries()[1].phrase, "WORLD GOLF CHAMPIONSHIPS");
  EXPECT_TRUE(d.entries()[1].story);
  EXPECT_FALSE(d.entries()[0].story);
  EXPECT_TRUE(d.entries()[4].whole_word);
  EXPECT_EQ(d.entries()[4].phrase, "ACADEMY AWARD");
  EXPECT_EQ(d.entries()[4].origin, "discards.txt:6");

  const DiscardEntry* e = d.find("Two months later, Russia attacked.");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->phrase, "MONTHS LATER");
  EXPECT_FALSE(e->story);
  e = d.find("At the world golf  championships in Ohio");  // case and blanks
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(e->story);
  // Stems match at a word start only.
  EXPECT_NE(d.find("Baseballs were thrown"), nullptr);
  EXPECT_EQ(d.find("Superbaseball league"), nullptr);
  EXPECT_NE(d.find("(Typhoons) hit"), nullptr);
  // Whole words must end at a word boundary.
  EXPECT_NE(d.find("won an Academy Award."), nullptr);
  EXPECT_NE(d.find("won an Academy Award"), nullptr);
  EXPECT_EQ(d.find("the Academy Awards ceremony"), nullptr);
  EXPECT_NE(d.find("In 1914 war began"), nullptr);
  EXPECT_NE(d.find("In 19145 war began"), nullptr);  // a stem
  EXPECT_EQ(d.find("In 21914 war began"), nullptr);
  EXPECT_EQ(d.find("Russia attacked Georgia."), nullptr);
  EXPECT_EQ(d.find(""), nullptr);
  // The first entry in file order wins.
  e = d.find("typhoon hit months later");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->phrase, "MONTHS LATER");
}

TEST(DictionariesDiscards, MalformedLinesReportedAndSkipped) {
  DiscardList d;
  auto errors = load_text(d, "FIRST\n+\n___\nAFTER\n", "bad.discards");
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].file, "bad.discards");
  EXPECT_EQ(errors[0].line, 2u);
  EXPECT_EQ(errors[1].line, 3u);
  EXPECT_EQ(errors[0].message.rfind("expected", 0), 0u);
  ASSERT_EQ(d.entries().size(), 2u);
  EXPECT_EQ(d.entries()[1].phrase, "AFTER");
}

// ------------------------------------------------------------ verbs

const char* kVerbs =
    "# VERBS\n"                                                  // 1
    "####### SYNONYM SETS #######\n"                             // 2
    "&PREPOSIT1_\n"                                              // 3
    "+AGAINST\n"                                                 // 4
    "+IN\n"                                                      // 5
    "\n"                                                         // 6
    "&CURRENCY\n"                                                // 7
    "# <14.06.08: some of these are probably already plural\n"   // 8
    "+MONEY\n"                                                   // 9
    "+CASH_\n"                                                   // 10
    "+URBAN_CENTER\n"                                            // 11
    "+SWISS FRANCS \n"                                           // 12
    "\n"                                                         // 13
    "&PREPOSIT1_\n"                                              // 14
    "+IN\n"                                                      // 15
    "+AT\n"                                                      // 16
    "\n"                                                         // 17
    "--- ABANDON  [1121]  ---\n"                                 // 18
    "ABANDON    # pas 15 Jul 2003\n"                             // 19
    "- * {NEW &TIETYPES RELATIONS} [1951] #  -PAS 12.01.12\n"    // 20
    "- * EFFORT  [080]  # pas 15 Jul 2003\n"                     // 21
    "\n"                                                         // 22
    "---  ALLOW   [080:081]  ---\n"                              // 23
    "+GO_BY {+WENT_BY +GOES_BY +GONE_BY }\n"                     // 24
    "PERMIT {PERMITS PERMITTED PERMITTING }  # jw  11/14/91\n"   // 25
    "SEEK {SEEKS SEEKING SOUGHT } [030]\n"                       // 26
    "+IS_DETERMINED {+WAS_DETERMINED , +BE_DETERMINED} [030]\n"  // 27
    "CONSULT [040:040]\n"                                        // 28
    "SCRAP {SCRAPPING SCRAPS SCRAPPED };shan   8/30/93\n"        // 29
    "WIRE_+TAP {WIRE_+TAPPED  WIRE_+TAPPING }\n"                 // 30
    "RE-ADMIT {RE-ADMITS}\n"                                     // 31
    "WIN\t[010]\n"                                               // 32
    "- + * (IN) $  [075]  #  pattern CONNECT-6\n"                // 33
    "- $ ^ (FOR) % *  [164]\n"                                   // 34
    "- * (TO PEACE &TREATY)   [037:037]     # AGREE\n"           // 35
    "- * (FOR {FINANCIAL AID}) [0331]\n"                         // 36
    "- * {REAL_PLEASANT}  [080]\n"                               // 37
    "- * REAL_PLEASANT  [080]\n"                                 // 38
    "- (DESPITE $) * (FROM $)  [122]\n"                          // 39
    "- * DIPLXMATIC  [###]\n"                                    // 40
    "- * (BEFORE COURT)  [:173]  # APPEAR\n"                     // 41
    "- *SCEPTICAL   [012]\n"                                     // 42
    "- SPY_*_DEAL   [---]\n"                                     // 43
    "* (TO QUESTION) [110]\n"                                    // 44
    "\n"                                                         // 45
    "---  DISGRACE   [110]---  ---\n"                            // 46
    "DEBASE\n"                                                   // 47
    "\n"                                                         // 48
    "~ a (a b ATTACK) SAY = a b 015\n";                          // 49

TEST(DictionariesVerbs, SynonymSets) {
  VerbDictionary v;
  auto errors = load_text(v, kVerbs);
  print_errors(errors);
  EXPECT_TRUE(errors.empty());
  const auto* prep = v.synset("&PREPOSIT1");
  ASSERT_NE(prep, nullptr);
  EXPECT_EQ(*prep, (std::vector<std::string>{"AGAINST", "IN", "AT"}));  // merged
  EXPECT_EQ(v.synset("&PREPOSIT1_"), prep);
  EXPECT_EQ(v.synset("PREPOSIT1"), prep);
  const auto* currency = v.synset("&CURRENCY");
  ASSERT_NE(currency, nullptr);
  EXPECT_EQ(*currency, (std::vector<std::string>{"MONEY", "CASH", "URBAN CENTER", "SWISS FRANCS"}));
  EXPECT_EQ(v.synset("&NOPE"), nullptr);
}

TEST(DictionariesVerbs, BlocksVerbsAndForms) {
  VerbDictionary v;
  ASSERT_TRUE(load_text(v, kVerbs, "verbs.txt").empty());
  ASSERT_EQ(v.blocks().size(), 3u);
  EXPECT_EQ(v.blocks()[0].name, "ABANDON");
  EXPECT_EQ(v.blocks()[0].code, "1121");
  EXPECT_EQ(v.blocks()[0].code2, "");
  EXPECT_EQ(v.blocks()[0].origin, "verbs.txt:18");
  EXPECT_EQ(v.blocks()[1].name, "ALLOW");
  EXPECT_EQ(v.blocks()[1].code, "080");
  EXPECT_EQ(v.blocks()[1].code2, "081");
  EXPECT_EQ(v.blocks()[2].name, "DISGRACE");
  EXPECT_EQ(v.blocks()[2].code, "110");

  auto only = [&](std::string_view word) -> const VerbEntry* {
    auto found = v.find(word);
    if (found.size() != 1) return nullptr;
    return &v.verbs()[static_cast<std::size_t>(found[0])];
  };
  const VerbEntry* permit = only("PERMITTED");
  ASSERT_NE(permit, nullptr);
  EXPECT_EQ(permit->words, (std::vector<std::string>{"PERMIT"}));
  EXPECT_EQ(permit->block, 1);
  EXPECT_EQ(permit->origin, "verbs.txt:25");
  EXPECT_EQ(only("PERMIT"), permit);
  EXPECT_EQ(only("SOUGHT")->code, "030");
  EXPECT_EQ(only("SEEK")->code, "030");
  EXPECT_EQ(only("CONSULT")->code, "040");
  EXPECT_EQ(only("CONSULT")->code2, "040");
  EXPECT_EQ(only("SCRAPPED")->words[0], "SCRAP");
  EXPECT_EQ(only("RE-ADMITS")->words[0], "RE-ADMIT");
  EXPECT_EQ(only("WIN")->code, "010");
  EXPECT_EQ(only("PERMIT")->code, "");
  EXPECT_TRUE(v.find("permit").empty());  // find takes upper case
  EXPECT_TRUE(v.find("NOPE").empty());

  const VerbEntry* go = only("WENT");
  ASSERT_NE(go, nullptr);
  EXPECT_EQ(go->words, (std::vector<std::string>{"GO", "BY"}));
  EXPECT_EQ(go->verb_index, 0u);
  EXPECT_EQ(go->forms, (std::vector<std::string>{"WENT", "GOES", "GONE"}));
  EXPECT_EQ(only("GO"), go);

  const VerbEntry* tap = only("TAPPING");
  ASSERT_NE(tap, nullptr);
  EXPECT_EQ(tap->words, (std::vector<std::string>{"WIRE", "TAP"}));
  EXPECT_EQ(tap->verb_index, 1u);
  EXPECT_EQ(tap->forms, (std::vector<std::string>{"TAPPED", "TAPPING"}));
  EXPECT_TRUE(v.find("WIRE").empty());

  const VerbEntry* determined = only("WAS");
  ASSERT_NE(determined, nullptr);
  EXPECT_EQ(determined->words, (std::vector<std::string>{"IS", "DETERMINED"}));
  EXPECT_EQ(determined->forms, (std::vector<std::string>{"WAS", "BE"}));

  ASSERT_NE(only("DEBASE"), nullptr);
  EXPECT_EQ(only("DEBASE")->block, 2);
  EXPECT_EQ(v.transformations(), (std::vector<std::string>{"~ a (a b ATTACK) SAY = a b 015"}));
}

TEST(DictionariesVerbs, PatternElements) {
  VerbDictionary v;
  ASSERT_TRUE(load_text(v, kVerbs, "verbs.txt").empty());
  EXPECT_EQ(v.pattern_count(), 14u);
  ASSERT_EQ(v.blocks()[0].patterns.size(), 2u);
  ASSERT_EQ(v.blocks()[1].patterns.size(), 12u);

  const VerbPattern& np = v.blocks()[0].patterns[0];
  EXPECT_TRUE(np.before.empty());
  ASSERT_EQ(np.after.size(), 1u);
  EXPECT_EQ(np.after[0].kind, Kind::kNounPhrase);
  EXPECT_EQ(np.after[0].words, (std::vector<std::string>{"NEW", "&TIETYPES", "RELATIONS"}));
  EXPECT_EQ(np.code, "1951");
  EXPECT_EQ(np.text, "- * {NEW &TIETYPES RELATIONS} [1951]");
  EXPECT_EQ(np.origin, "verbs.txt:20");

  const auto& p = v.blocks()[1].patterns;
  // - + * (IN) $  [075]
  ASSERT_EQ(p[0].before.size(), 1u);
  EXPECT_EQ(p[0].before[0].kind, Kind::kTarget);
  ASSERT_EQ(p[0].after.size(), 2u);
  EXPECT_EQ(p[0].after[0].kind, Kind::kPreposition);
  EXPECT_EQ(p[0].after[0].preposition, "IN");
  EXPECT_TRUE(p[0].after[0].words.empty());
  EXPECT_EQ(p[0].after[1].kind, Kind::kSource);
  // - $ ^ (FOR) % *  [164]
  ASSERT_EQ(p[1].before.size(), 4u);
  EXPECT_EQ(p[1].before[0].kind, Kind::kSource);
  EXPECT_EQ(p[1].before[1].kind, Kind::kSkip);
  EXPECT_EQ(p[1].before[2].kind, Kind::kPreposition);
  EXPECT_EQ(p[1].before[3].kind, Kind::kCompound);
  EXPECT_TRUE(p[1].after.empty());
  // - * (TO PEACE &TREATY)   [037:037]
  ASSERT_EQ(p[2].after.size(), 1u);
  EXPECT_EQ(p[2].after[0].preposition, "TO");
  EXPECT_EQ(p[2].after[0].words, (std::vector<std::string>{"PEACE", "&TREATY"}));
  EXPECT_EQ(p[2].code, "037");
  EXPECT_EQ(p[2].code2, "037");
  // - * (FOR {FINANCIAL AID}) [0331]
  EXPECT_EQ(p[3].after[0].kind, Kind::kPreposition);
  EXPECT_EQ(p[3].after[0].preposition, "FOR");
  EXPECT_EQ(p[3].after[0].words, (std::vector<std::string>{"FINANCIAL", "AID"}));
  // {REAL_PLEASANT} and REAL_PLEASANT are both noun phrases
  for (int i : {4, 5}) {
    ASSERT_EQ(p[i].after.size(), 1u);
    EXPECT_EQ(p[i].after[0].kind, Kind::kNounPhrase);
    EXPECT_EQ(p[i].after[0].words, (std::vector<std::string>{"REAL", "PLEASANT"}));
  }
  // - (DESPITE $) * (FROM $)  [122]
  EXPECT_EQ(p[6].before[0].preposition, "DESPITE");
  EXPECT_EQ(p[6].before[0].words, (std::vector<std::string>{"$"}));
  EXPECT_EQ(p[6].after[0].preposition, "FROM");
  EXPECT_EQ(p[7].code, "###");  // '#' inside a code is not a comment
  EXPECT_EQ(p[7].after[0].kind, Kind::kWord);
  EXPECT_EQ(p[7].after[0].words, (std::vector<std::string>{"DIPLXMATIC"}));
  EXPECT_EQ(p[8].code, "");  // [:173]: only the swapped event
  EXPECT_EQ(p[8].code2, "173");
  ASSERT_EQ(p[9].after.size(), 1u);  // *SCEPTICAL
  EXPECT_EQ(p[9].after[0].words, (std::vector<std::string>{"SCEPTICAL"}));
  ASSERT_EQ(p[10].before.size(), 1u);  // SPY_*_DEAL
  EXPECT_EQ(p[10].before[0].words, (std::vector<std::string>{"SPY"}));
  ASSERT_EQ(p[10].after.size(), 1u);
  EXPECT_EQ(p[10].after[0].words, (std::vector<std::string>{"DEAL"}));
  EXPECT_EQ(p[10].code, "---");
  // * (TO QUESTION) [110]
  EXPECT_EQ(p[11].after[0].preposition, "TO");
  EXPECT_EQ(p[11].after[0].words, (std::vector<std::string>{"QUESTION"}));
  EXPECT_EQ(p[11].code, "110");
}

TEST(DictionariesVerbs, MalformedLinesReportedAndSkipped) {
  VerbDictionary v;
  auto errors = load_text(v,
                          "&GOOD\n"                                     // 1
                          "+ONE\n"                                      // 2
                          "\n"                                          // 3
                          "+STRAY_MEMBER\n"                             // 4
                          "STRAY_VERB\n"                                // 5
                          "- * STRAY_PATTERN [010]\n"                   // 6
                          "--- [010] ---\n"                             // 7
                          "--- FIRST [010] ---\n"                       // 8
                          "FIRST\n"                                     // 9
                          "- * NO CODE\n"                               // 10
                          "- * (FOR AID [020]\n"                        // 11
                          "- * VENTURE (WITH VISIT) VISIT)[042:043]\n"  // 12
                          "- * {FINANCIAL AID [030]\n"                  // 13
                          "- NO STAR [040]\n"                           // 14
                          "- * * TWO STARS [040]\n"                     // 15
                          "- * AID [050\n"                              // 16
                          "- * AID [050] JUNK\n"                        // 17
                          "BROKEN {BROKE\n"                             // 18
                          "+A_+B\n"                                     // 19
                          "- * GOOD [060]\n"                            // 20
                          "SECOND {SECONDS} [070]\n"                    // 21
                          "& \n"                                        // 22
                          "- * LAST [080]\n",                           // 23
                          "bad.verbs");
  print_errors(errors);
  std::vector<std::size_t> lines;
  for (const auto& e : errors) {
    EXPECT_EQ(e.file, "bad.verbs");
    EXPECT_EQ(e.message.rfind("expected", 0), 0u) << e.message;
    lines.push_back(e.line);
  }
  EXPECT_EQ(lines,
            (std::vector<std::size_t>{4, 5, 6, 7, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 22}));
  EXPECT_NE(errors[4].message.find("code"), std::string::npos);
  ASSERT_EQ(v.blocks().size(), 1u);
  EXPECT_EQ(v.pattern_count(), 2u);
  EXPECT_EQ(v.blocks()[0].patterns[0].after[0].words[0], "GOOD");
  EXPECT_EQ(v.blocks()[0].patterns[1].after[0].words[0], "LAST");
  EXPECT_EQ(v.verbs().size(), 2u);
  EXPECT_EQ(v.find("SECONDS").size(), 1u);
  ASSERT_NE(v.synset("&GOOD"), nullptr);
  EXPECT_EQ(v.synset("&GOOD")->size(), 1u);
}

// ------------------------------------------------------------ ontology

TEST(DictionariesOntology, HexArithmetic) {
  CodeOntology o;
  auto errors = load_text(o,
                          "# PICO -->\n"
                          "010:0x1000#Make Public Statement\r\n"
                          "011:0x1000-0xFFFF\r\n"
                          "           # the features of the meaning.\r\n"
                          "1221:-0xFFFF+0x2045+0x300\r\n"
                          "033:0x3040\r\n"
                          "0331:0x3040\r\n"
                          "---:0\r\n"
                          "015 : 0x10a0 + 0x1\r\n");
  print_errors(errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(o.size(), 7u);
  EXPECT_EQ(o.value("010"), 0x1000);
  EXPECT_EQ(o.value("011"), 0x1000 - 0xFFFF);
  EXPECT_EQ(o.value("1221"), -0xFFFF + 0x2045 + 0x300);
  EXPECT_EQ(o.value("---"), 0);
  EXPECT_EQ(o.value("015"), 0x10a1);
  EXPECT_EQ(o.value("999"), std::nullopt);
  EXPECT_EQ(o.code(0x3040), "033");  // first in file order
  EXPECT_EQ(o.code(0x1000 - 0xFFFF), "011");
  EXPECT_EQ(o.code(0x1234), std::nullopt);
}

TEST(DictionariesOntology, MalformedLinesReportedAndSkipped) {
  CodeOntology o;
  auto errors = load_text(o,
                          "010:0x1000\n"
                          "020:0xZZZ\n"
                          "no colon here\n"
                          "030:0x3000+\n"
                          ":0x1\n"
                          "040:\n"
                          "050:0x5000\n",
                          "bad.pico");
  ASSERT_EQ(errors.size(), 5u);
  for (std::size_t i = 0; i < errors.size(); ++i) {
    EXPECT_EQ(errors[i].file, "bad.pico");
    EXPECT_EQ(errors[i].line, i + 2);
    EXPECT_EQ(errors[i].message.rfind("expected", 0), 0u);
  }
  EXPECT_EQ(o.size(), 2u);
  EXPECT_EQ(o.value("050"), 0x5000);
}

// ------------------------------------------------------------ the real files

std::string petrarch_dir() { return std::string(DYAD_SHARED_DIR) + "/dictionaries/petrarch/"; }

bool have_real_files() { return std::filesystem::exists(petrarch_dir() + "CAMEO.2.0.txt"); }

// "basename:line" of every error.
std::set<std::string> error_places(const std::vector<InputError>& errors) {
  std::set<std::string> out;
  for (const auto& e : errors) {
    out.insert(std::filesystem::path(e.file).filename().string() + ":" + std::to_string(e.line));
  }
  return out;
}

TEST(DictionariesRealFiles, Validate202Set) {
  if (!have_real_files()) GTEST_SKIP() << "no " << petrarch_dir() << " (shared data absent)";
  const std::string dir = petrarch_dir() + "validate-2-02/";
  Dictionaries d;
  d.verbs.load(dir + "PETR_Validate_verbs_2_02.txt", d.errors);
  d.actors.load(dir + "PETR_Validate_actors_2_02.txt", d.errors);
  d.agents.load(dir + "PETR_Validate_agents_2_02.txt", d.errors);
  d.discards.load(dir + "PETR_Validate_discards_2_02.txt", d.errors);
  d.ontology.load(dir + "PETR_Validate_Internal_Coding_Ontology_1_01.txt", d.errors);
  std::cout << "validate-2-02: " << d.verbs.blocks().size() << " blocks, "
            << d.verbs.pattern_count() << " patterns, " << d.verbs.verbs().size() << " verbs, "
            << d.actors.entries().size() << " actors (" << d.actors.phrases().size()
            << " phrases), " << d.agents.entries().size() << " agents ("
            << d.agents.phrases().size() << " phrases), " << d.discards.entries().size()
            << " discards, " << d.ontology.size() << " ontology codes, " << d.errors.size()
            << " errors\n";
  print_errors(d.errors);
  EXPECT_TRUE(d.errors.empty());
  EXPECT_EQ(d.verbs.blocks().size(), 69u);
  EXPECT_EQ(d.verbs.pattern_count(), 359u);  // 358 '-' lines + "* (TO QUESTION) [110]"
  EXPECT_EQ(d.discards.entries().size(), 9u);
  EXPECT_GT(d.actors.entries().size(), 120u);
  EXPECT_GT(d.agents.entries().size(), 80u);
  EXPECT_GT(d.ontology.size(), 250u);

  EXPECT_EQ(actor_code(d.actors, "GOLLUM", 19950531), "HOB");
  EXPECT_EQ(actor_code(d.actors, "SMEAGOL", 19970101), "HOBGOV");
  EXPECT_EQ(actor_code(d.actors, "STINKER", 19990816), "HOBREB");
  EXPECT_EQ(actor_code(d.actors, "ENT"), "ENT");
  EXPECT_EQ(actor_code(d.actors, "PALESTINIAN"), "PSE");
  EXPECT_EQ(actor_code(d.actors, "PRINCE OF DOL AMROTH", 19950101), "---");
  EXPECT_EQ(actor_code(d.actors, "PRINCE OF DOL AMROTH", 19960101), "DOL");
  EXPECT_EQ(agent_code(d.agents, "CONGRESSES"), "~LEG");
  EXPECT_EQ(agent_code(d.agents, "CONGRESSWOMEN"), "~LEG");
  EXPECT_EQ(agent_code(d.agents, "MINISTRIES OF SILLY WALKS"), "~GOV");
  EXPECT_EQ(agent_code(d.agents, "GOLDEN GEESE"), "~GGS");
  EXPECT_EQ(agent_code(d.agents, "POLICE"), "~COP");
  EXPECT_EQ(agent_code(d.agents, "HUMAN RIGHTS BODIES"), "NGO~");
  ASSERT_NE(d.verbs.synset("&PREPOSIT1"), nullptr);
  EXPECT_EQ(d.verbs.synset("&PREPOSIT1")->size(), 6u);  // defined twice, merged
  EXPECT_FALSE(d.verbs.find("BROKEN").empty());
  EXPECT_FALSE(d.verbs.find("CORDONED").empty());
  EXPECT_EQ(d.ontology.value("011"), 0x1000 - 0xFFFF);
  const DiscardEntry* e = d.discards.find("The typhoon struck Manila.");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(e->story);
}

TEST(DictionariesRealFiles, PhoenixSet) {
  if (!have_real_files()) GTEST_SKIP() << "no " << petrarch_dir() << " (shared data absent)";
  const std::string dir = petrarch_dir();
  auto start = std::chrono::steady_clock::now();
  Dictionaries d;
  d.verbs.load(dir + "CAMEO.2.0.txt", d.errors);
  for (const char* f : {"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                        "Phoenix.MilNonState.actors.txt"}) {
    d.actors.load(dir + f, d.errors);
  }
  d.agents.load(dir + "Phoenix.agents.txt", d.errors);
  d.discards.load(dir + "Phoenix.discards.txt", d.errors);
  d.ontology.load(dir + "PETR.Internal.Coding.Ontology.txt", d.errors);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "Phoenix set loaded in " << secs << " s: " << d.verbs.blocks().size() << " blocks, "
            << d.verbs.pattern_count() << " patterns, " << d.verbs.verbs().size() << " verbs, "
            << d.verbs.transformations().size() << " transformations, " << d.actors.entries().size()
            << " actors (" << d.actors.phrases().size() << " phrases), "
            << d.agents.entries().size() << " agents (" << d.agents.phrases().size()
            << " phrases), " << d.discards.entries().size() << " discards, " << d.ontology.size()
            << " ontology codes, " << d.errors.size() << " errors:\n";
  print_errors(d.errors);

  EXPECT_EQ(d.verbs.blocks().size(), 398u);
  // 4,668 '-' lines; two have an unbalanced ')' and are reported.
  EXPECT_EQ(d.verbs.pattern_count(), 4666u);
  EXPECT_EQ(d.verbs.transformations().size(), 9u);
  EXPECT_GT(d.actors.entries().size(), 25000u);
  EXPECT_GT(d.actors.phrases().size(), 30000u);
  EXPECT_GT(d.agents.entries().size(), 2000u);
  EXPECT_GT(d.discards.entries().size(), 450u);
  EXPECT_GT(d.ontology.size(), 250u);

  // The known defects of the files, and nothing else.
  const std::set<std::string> expected = {
      // malformed or reversed date restrictions (the code is skipped)
      "Phoenix.International.actors.txt:40",  // [KORGOVBUS 2004017-20061201]
      "Phoenix.Countries.actors.txt:2039",    // [ARMUNR 9008223-911221]
      "Phoenix.Countries.actors.txt:14190",   // [EGYGOV 20121207-20120802]
      "Phoenix.Countries.actors.txt:18010",   // [GBRGOV >201005011]
      "Phoenix.Countries.actors.txt:22509",   // [IRQOCC 1920030320-20060520]
      "Phoenix.Countries.actors.txt:22520",   // [IRQOCC 1920030320-20060520]
      "Phoenix.Countries.actors.txt:31716",   // [MNEGOV 20121204]
      "Phoenix.Countries.actors.txt:43614",   // [SDNSSDAUT 1920050709-20110709]
      "Phoenix.Countries.actors.txt:51385",   // [USAGOV 19820101]
      // agents without a well-formed code
      "Phoenix.agents.txt:544",   // DEPARMENT_OF_ENVIRONMENT [~ENV}
      "Phoenix.agents.txt:1927",  // ISLAMIC_EXTREMIST
      // patterns with an unbalanced ')'
      "CAMEO.2.0.txt:2369",  // - * VENTURE (WITH VISIT)   VISIT)[042:043]
      "CAMEO.2.0.txt:7611",  // - STRONGLY * ATTACK (ON ^)  ^)[111]
  };
  EXPECT_EQ(error_places(d.errors), expected);
  for (const auto& e : d.errors) EXPECT_EQ(e.message.rfind("expected", 0), 0u) << e.message;

  EXPECT_EQ(actor_code(d.actors, "AFGHANISTAN"), "AFG");
  EXPECT_EQ(actor_code(d.actors, "ARMENIA", 19950101), "ARM");
  EXPECT_FALSE(d.verbs.find("SAID").empty());
  EXPECT_NE(d.discards.find("He won the Academy Award for it."), nullptr);
}

}  // namespace
}  // namespace dyad
