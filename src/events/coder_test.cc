#include "events/coder.h"

#include <gtest/gtest.h>

#include <sstream>

#include "conllu/conllu.h"
#include "dictionaries/dyad_format.h"

namespace dyad {
namespace {

// Small dictionaries written for these tests.
const char* kVerbs =
    "&TIES\n+TIES\n+RELATIONS\n\n"
    "--- CRITICIZE [111] ---\nCRITICIZE\nCONDEMN\n"
    "--- RESTORE [---] ---\nRESTORE\n- * {DIPLOMATIC TIES} [050]\n- * &TIES [051]\n"
    "--- SAY [010] ---\nSAY {SAID SAYS SAYING}\n"
    "--- ATTACK [190] ---\nATTACK\n"
    "--- MEET [040:040] ---\nMEET {MET MEETS}\n"
    "--- RECEIVE [070] ---\nRECEIVE\n- + * AID $ [071]\n";
const char* kActors =
    "RUSSIA_ [RUS]\n+RUSSIAN_\nGEORGIA_ [GEO]\nARMENIA_ [ARM]\nKAZAKHSTAN_ [KAZ]\n"
    "VLADIMIR_PUTIN_\n+PUTIN_\n\t[RUSGOV >20000507]\n\t[RUSELI]\n";
const char* kAgents = "PRESIDENT [~GOV]\nPOLICE {} [~COP]\nMSF {} [NGO~]\n";
const char* kOntology = "010:0x1000\n111:0x7001\n050:0x0080\n110:0x1007f\n";

struct Fixture {
  Dictionaries dict;
  Fixture() {
    std::istringstream v(kVerbs), a(kActors), g(kAgents), o(kOntology), d("WORLD CUP\n");
    dict.verbs.load(v, "verbs", dict.errors);
    dict.actors.load(a, "actors", dict.errors);
    dict.agents.load(g, "agents", dict.errors);
    dict.ontology.load(o, "pico", dict.errors);
    dict.discards.load(d, "discards", dict.errors);
  }
  // One more actor, as compiled dyad dictionaries give it.
  void add_actor(const std::string& word, const std::string& code, bool person = false,
                 bool capital = false) {
    ActorEntry e;
    e.default_code = code;
    e.person = person;
    e.capital = capital;
    dict.actors.add_phrase({word}, dict.actors.add_entry(e));
  }
  // Dictionaries of dyad's own format instead, compiled as dyad loads them.
  void use_dyad(const std::string& text) {
    DictionarySource source;
    std::istringstream in(text);
    read_dyad_dictionary(in, "test.dyad", source);
    EXPECT_TRUE(source.errors.empty()) << source.errors.front().to_string();
    dict = Dictionaries{};
    compile_dictionaries(source, dict);
    EXPECT_TRUE(dict.errors.empty()) << dict.errors.front().to_string();
  }
  // Further verb blocks for one test (PETRARCH format).
  void add_verbs(const std::string& text) {
    std::istringstream v(text);
    dict.verbs.load(v, "more-verbs", dict.errors);
  }
};

std::vector<std::string> code(const Fixture& f, const Sentence& s,
                              const std::string& date = "20240101");

// The same events with dyad's conventions and with PETRARCH's.
void expect_under_both_conventions(Fixture& f, const Sentence& s,
                                   const std::vector<std::string>& expected) {
  for (bool petrarch : {false, true}) {
    f.dict.petrarch_conventions = petrarch;
    EXPECT_EQ(code(f, s), expected) << (petrarch ? "PETRARCH's conventions" : "dyad's");
  }
}

// Builds a sentence from "form/lemma/UPOS/head/deprel" items.
Sentence parse(const std::vector<std::string>& words, const std::string& text = "") {
  std::string conllu;
  if (!text.empty()) conllu += "# text = " + text + "\n";
  int id = 0;
  for (const auto& w : words) {
    std::vector<std::string> f;
    std::stringstream ss(w);
    std::string part;
    while (std::getline(ss, part, '/')) f.push_back(part);
    conllu += std::to_string(++id) + "\t" + f[0] + "\t" + f[1] + "\t" + f[2] + "\t_\t_\t" + f[3] +
              "\t" + f[4] + "\t_\t_\n";
  }
  auto s = parse_conllu(conllu, "test");
  EXPECT_EQ(s.size(), 1u);
  return s.front();
}

std::vector<std::string> code(const Fixture& f, const Sentence& s, const std::string& date) {
  Coder coder(f.dict);
  StoryContext story;
  story.doc_id = "d";
  story.date = date;
  std::vector<std::string> out;
  for (const auto& e : coder.code(s, 1, story).events) {
    out.push_back(e.source + ">" + e.target + ":" + e.code);
  }
  return out;
}

TEST(Coder, DictionariesLoadCleanly) {
  Fixture f;
  EXPECT_TRUE(f.dict.errors.empty());
}

// A pattern's prepositional phrase names its head past modifiers with
// dyad's dictionaries ("as the closest allies" fits "(AS ALLY)"), and only
// the words right after the preposition under PETRARCH's conventions.
TEST(Coder, PrepositionalPhraseMatchesItsHeadWord) {
  Fixture f;
  f.add_verbs("--- DESCRIBE [010] ---\nDESCRIBE {DESCRIBED}\n- * + (AS ALLY) [051]\n");
  ASSERT_TRUE(f.dict.errors.empty());
  auto s = parse({"Russia/Russia/PROPN/2/nsubj", "described/describe/VERB/0/root",
                  "Kazakhstan/Kazakhstan/PROPN/2/obj", "as/as/ADP/7/case", "the/the/DET/7/det",
                  "closest/close/ADJ/7/amod", "allies/ally/NOUN/2/obl"});
  EXPECT_EQ(code(f, s), std::vector<std::string>{"RUS>KAZ:051"});
  f.dict.petrarch_conventions = true;
  EXPECT_EQ(code(f, s), std::vector<std::string>{"RUS>KAZ:010"});
}

TEST(Coder, SubjectVerbObject) {
  Fixture f;
  auto s = parse({"Russia/Russia/PROPN/2/nsubj", "condemned/condemn/VERB/0/root",
                  "Georgia/Georgia/PROPN/2/obj"});
  EXPECT_EQ(code(f, s), std::vector<std::string>{"RUS>GEO:111"});
}

TEST(Coder, AgentsComposeWithCountriesAndDatedCodes) {
  Fixture f;
  // "Russian police criticized the MSF Armenia president"
  auto s =
      parse({"Russian/Russian/ADJ/2/amod", "police/police/NOUN/3/nsubj",
             "criticized/criticize/VERB/0/root", "the/the/DET/7/det", "MSF/MSF/PROPN/7/compound",
             "Armenia/Armenia/PROPN/7/compound", "president/president/NOUN/3/obj"});
  EXPECT_EQ(code(f, s), std::vector<std::string>{"RUSCOP>NGOARMGOV:111"});
  auto putin = parse({"Putin/Putin/PROPN/2/nsubj", "criticized/criticize/VERB/0/root",
                      "Georgia/Georgia/PROPN/2/obj"});
  EXPECT_EQ(code(f, putin, "20240101"), std::vector<std::string>{"RUSGOV>GEO:111"});
  EXPECT_EQ(code(f, putin, "19990101"), std::vector<std::string>{"RUSELI>GEO:111"});
}

TEST(Coder, PatternsChooseTheCode) {
  Fixture f;
  auto specific = parse({"Armenia/Armenia/PROPN/2/nsubj", "restored/restore/VERB/0/root",
                         "diplomatic/diplomatic/ADJ/4/amod", "ties/tie/NOUN/2/obj",
                         "with/with/ADP/6/case", "Russia/Russia/PROPN/2/obl"});
  EXPECT_EQ(code(f, specific), std::vector<std::string>{"ARM>RUS:050"});
  auto synset =
      parse({"Armenia/Armenia/PROPN/2/nsubj", "restored/restore/VERB/0/root",
             "relations/relation/NOUN/2/obj", "with/with/ADP/5/case", "Russia/Russia/PROPN/2/obl"});
  EXPECT_EQ(code(f, synset), std::vector<std::string>{"ARM>RUS:051"});
  // The block codes nothing on its own ([---]).
  auto bare = parse({"Armenia/Armenia/PROPN/2/nsubj", "restored/restore/VERB/0/root",
                     "order/order/NOUN/2/obj", "in/in/ADP/5/case", "Russia/Russia/PROPN/2/obl"});
  EXPECT_TRUE(code(f, bare).empty());
}

TEST(Coder, PatternMarkersSwapSourceAndTarget) {
  Fixture f;
  // "Armenia received aid from Russia": + * AID $ -> RUS gives to ARM.
  auto s = parse({"Armenia/Armenia/PROPN/2/nsubj", "received/receive/VERB/0/root",
                  "aid/aid/NOUN/2/obj", "from/from/ADP/5/case", "Russia/Russia/PROPN/2/obl"});
  EXPECT_EQ(code(f, s), std::vector<std::string>{"RUS>ARM:071"});
}

TEST(Coder, CompoundActorsGiveOneEventPerPair) {
  Fixture f;
  auto s =
      parse({"Russia/Russia/PROPN/4/nsubj", "and/and/CCONJ/3/cc", "Armenia/Armenia/PROPN/1/conj",
             "condemned/condemn/VERB/0/root", "Georgia/Georgia/PROPN/4/obj", "and/and/CCONJ/7/cc",
             "Kazakhstan/Kazakhstan/PROPN/5/conj"});
  auto got = code(f, s);
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got,
            (std::vector<std::string>{"ARM>GEO:111", "ARM>KAZ:111", "RUS>GEO:111", "RUS>KAZ:111"}));
  // A compound subject with no object acts on each other; paired codes too.
  auto meet = parse({"Russia/Russia/PROPN/4/nsubj", "and/and/CCONJ/3/cc",
                     "Armenia/Armenia/PROPN/1/conj", "met/meet/VERB/0/root"});
  auto m = code(f, meet);
  std::sort(m.begin(), m.end());
  EXPECT_EQ(m, (std::vector<std::string>{"ARM>RUS:040", "RUS>ARM:040"}));
}

TEST(Coder, PassiveVoiceTakesTheAgentAsSource) {
  Fixture f;
  auto s = parse({"Georgia/Georgia/PROPN/3/nsubj:pass", "was/be/AUX/3/aux:pass",
                  "attacked/attack/VERB/0/root", "by/by/ADP/5/case", "Russia/Russia/PROPN/3/obl"});
  EXPECT_EQ(code(f, s), std::vector<std::string>{"RUS>GEO:190"});
  auto v1 =
      parse({"Georgia/Georgia/PROPN/3/nsubjpass", "was/be/AUX/3/auxpass",
             "attacked/attack/VERB/0/root", "by/by/ADP/5/case", "Russia/Russia/PROPN/3/nmod"});
  EXPECT_EQ(code(f, v1), std::vector<std::string>{"RUS>GEO:190"});
}

TEST(Coder, NegationRecodesThroughTheOntology) {
  Fixture f;
  // 110 negated: 0x1007f - 0xFFFF = 0x80 -> 050. 111 has no negated code: dropped.
  Dictionaries& d = f.dict;
  std::istringstream extra("--- CLASH [110] ---\nCLASH\n");
  d.verbs.load(extra, "extra", d.errors);
  auto s =
      parse({"Russia/Russia/PROPN/4/nsubj", "did/do/AUX/4/aux", "not/not/PART/4/advmod",
             "clash/clash/VERB/0/root", "with/with/ADP/6/case", "Georgia/Georgia/PROPN/4/obl"});
  Coder coder(d);
  StoryContext story;
  auto events = coder.code(s, 1, story).events;
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].code, "050");
  EXPECT_TRUE(events[0].negated);
  auto c = parse({"Russia/Russia/PROPN/4/nsubj", "did/do/AUX/4/aux", "not/not/PART/4/advmod",
                  "condemn/condemn/VERB/0/root", "Georgia/Georgia/PROPN/4/obj"});
  EXPECT_TRUE(code(f, c).empty());
}

TEST(Coder, ReportedSpeechKeepsTheReportedSourceAndRecordsTheSpeaker) {
  Fixture f;
  // "Putin said Georgia attacked Armenia"
  auto s =
      parse({"Putin/Putin/PROPN/2/nsubj", "said/say/VERB/0/root", "Georgia/Georgia/PROPN/4/nsubj",
             "attacked/attack/VERB/2/ccomp", "Armenia/Armenia/PROPN/4/obj"});
  Coder coder(f.dict);
  StoryContext story;
  story.date = "20240101";
  auto events = coder.code(s, 1, story).events;
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].source, "GEO");
  EXPECT_EQ(events[0].target, "ARM");
  EXPECT_EQ(events[0].code, "190");
  EXPECT_EQ(events[0].speaker, "RUSGOV");
  EXPECT_EQ(events[0].speaker_text, "Putin");
  EXPECT_EQ(events[0].source_text, "Georgia");
  EXPECT_NE(events[0].pattern.find("ATTACK"), std::string::npos);
}

TEST(Coder, PronounsReferToTheNearestEarlierActor) {
  Fixture f;
  Coder coder(f.dict);
  StoryContext story;
  auto first = parse({"Armenia/Armenia/PROPN/2/nsubj", "met/meet/VERB/0/root",
                      "Kazakhstan/Kazakhstan/PROPN/2/obj"});
  coder.code(first, 1, story);
  auto second =
      parse({"It/it/PRON/2/nsubj", "condemned/condemn/VERB/0/root", "Georgia/Georgia/PROPN/2/obj"});
  auto events = coder.code(second, 2, story).events;
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].source, "KAZ");
}

TEST(Coder, EventsCarryTheIssuesOfTheirSentence) {
  Fixture f;
  std::istringstream issues("<ISSUE CATEGORY=\"ENERGY\">\nn:pipeline [PIPELINES]\n</ISSUE>\n");
  f.dict.issues.load(issues, "issues", f.dict.errors);
  auto s = parse({"Russia/Russia/PROPN/2/nsubj", "condemned/condemn/VERB/0/root",
                  "Georgia/Georgia/PROPN/2/obj"},
                 "Russia condemned Georgia over two pipelines and a pipeline.");
  Coder coder(f.dict);
  StoryContext story;
  auto events = coder.code(s, 1, story).events;
  ASSERT_EQ(events.size(), 1u);
  ASSERT_EQ(events[0].issues.size(), 1u);
  EXPECT_EQ(events[0].issues[0], std::make_pair(std::string("PIPELINES"), 2));
  EXPECT_EQ(to_json(events[0])["issues"][0]["code"], "PIPELINES");
}

TEST(Coder, DiscardedSentencesAreNotCoded) {
  Fixture f;
  auto s = parse({"Russia/Russia/PROPN/2/nsubj", "condemned/condemn/VERB/0/root",
                  "Georgia/Georgia/PROPN/2/obj"},
                 "Russia condemned Georgia at the World Cup");
  Coder coder(f.dict);
  StoryContext story;
  auto r = coder.code(s, 1, story);
  EXPECT_TRUE(r.events.empty());
  ASSERT_NE(r.discard, nullptr);
  EXPECT_EQ(r.discard->phrase, "WORLD CUP");
}

TEST(Coder, EventsWithoutTargetNeedRequireDyadOff) {
  Fixture f;
  auto s = parse({"Russia/Russia/PROPN/2/nsubj", "attacked/attack/VERB/0/root"});
  EXPECT_TRUE(code(f, s).empty());
  CoderOptions loose;
  loose.require_dyad = false;
  Coder coder(f.dict, loose);
  StoryContext story;
  auto events = coder.code(s, 1, story).events;
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].target, "---");
}

// With dictionaries that mark people, "he" refers to the last person named,
// not to the last country.
TEST(Coder, HeRefersToTheLastPersonWhenPeopleAreMarked) {
  Fixture f;
  f.add_actor("TOKAYEV", "RUSGOV", true);
  Coder coder(f.dict);
  StoryContext story;
  story.date = "20240101";
  // "Tokayev spoke of Russia." then "He criticized Georgia."
  Sentence first = parse({"Tokayev/Tokayev/PROPN/2/nsubj", "spoke/speak/VERB/0/root",
                          "of/of/ADP/4/case", "Russia/Russia/PROPN/2/obl"});
  coder.code(first, 1, story);
  Sentence second = parse(
      {"He/he/PRON/2/nsubj", "criticized/criticize/VERB/0/root", "Georgia/Georgia/PROPN/2/obj"});
  auto events = coder.code(second, 2, story).events;
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].source, "RUSGOV");
  // "It" still takes the last actor of any kind (Georgia, just named).
  Sentence third = parse(
      {"It/it/PRON/2/nsubj", "criticized/criticize/VERB/0/root", "Armenia/Armenia/PROPN/2/obj"});
  auto it_events = coder.code(third, 3, story).events;
  ASSERT_EQ(it_events.size(), 1u);
  EXPECT_EQ(it_events[0].source, "GEO");
}

TEST(Coder, LowerCasePronounIsNotAOneWordName) {
  Fixture f;
  f.add_actor("US", "USA");
  auto with = [&](const std::string& object, const std::string& upos) {
    return code(f, parse({"Russia/Russia/PROPN/2/nsubj", "criticized/criticize/VERB/0/root",
                          object + "/" + object + "/" + upos + "/2/obj"}));
  };
  EXPECT_TRUE(with("us", "PRON").empty());
  EXPECT_EQ(with("US", "PROPN"), std::vector<std::string>{"RUS>USA:111"});
  // A tagger that calls "US" a pronoun does not hide the country.
  EXPECT_EQ(with("US", "PRON"), std::vector<std::string>{"RUS>USA:111"});
}

// dyad's own combination rules: a reported attack by someone else is an
// accusation; one's own is a claim of responsibility.
TEST(Coder, CombinationRulesRecodeReportedViolence) {
  Fixture f;
  f.dict.ontology = CodeOntology{};  // only the rules below
  f.dict.combinations = {{"01", "19", 'a', "015", "01 > 19 same-source = 015", "c:1"},
                         {"01", "19", 'b', "1123", "01 > 19 other-source = 1123", "c:2"}};
  auto said = [&](const std::string& who) {
    return code(f, parse({"Russia/Russia/PROPN/2/nsubj", "said/say/VERB/0/root",
                          who + "/" + who + "/PROPN/4/nsubj", "attacked/attack/VERB/2/ccomp",
                          "Armenia/Armenia/PROPN/4/obj"}));
  };
  EXPECT_EQ(said("Georgia"), std::vector<std::string>{"RUS>GEO:1123"});
  EXPECT_EQ(said("Russia"), std::vector<std::string>{"RUS>ARM:015"});
  // "said Georgia attacked Armenia and criticized Kazakhstan": the conjunct
  // sharing the reported clause's subject is part of what was said.
  auto conjunct =
      parse({"Russia/Russia/PROPN/2/nsubj", "said/say/VERB/0/root", "Georgia/Georgia/PROPN/4/nsubj",
             "attacked/attack/VERB/2/ccomp", "Armenia/Armenia/PROPN/4/obj", "and/and/CCONJ/7/cc",
             "criticized/criticize/VERB/4/conj", "Kazakhstan/Kazakhstan/PROPN/7/obj"});
  EXPECT_EQ(code(f, conjunct), std::vector<std::string>{"RUS>GEO:1123"});
}

// Direct quotations: the speaker from "X said", from a name right before the
// verb, through "according to", and a quotation that runs over sentences.
TEST(Coder, QuotationsWithTheirSpeakers) {
  Fixture f;
  f.add_actor("PUTIN", "RUSGOV", true);
  Coder coder(f.dict);
  Document doc;
  doc.date = "20240101";
  // “We are allies,” Putin said.
  doc.sentences.push_back(
      parse({"\u201C/\u201C/PUNCT/4/punct", "We/we/PRON/4/nsubj", "are/be/AUX/4/cop",
             "allies/ally/NOUN/0/root", ",/,/PUNCT/4/punct", "\u201D/\u201D/PUNCT/4/punct",
             "Putin/Putin/PROPN/8/nsubj", "said/say/VERB/4/parataxis"}));
  // According to Georgia, “the talks failed completely.
  doc.sentences.push_back(
      parse({"According/accord/VERB/3/case", "to/to/ADP/1/fixed", "Georgia/Georgia/PROPN/8/obl",
             ",/,/PUNCT/3/punct", "\u201C/\u201C/PUNCT/8/punct", "the/the/DET/7/det",
             "talks/talk/NOUN/8/nsubj", "failed/fail/VERB/0/root",
             "completely/completely/ADV/8/advmod"}));
  // Nobody came.”
  doc.sentences.push_back(parse(
      {"Nobody/nobody/PRON/2/nsubj", "came/come/VERB/0/root", "\u201D/\u201D/PUNCT/2/punct"}));
  std::vector<Quotation> quotes;
  coder.code(doc, &quotes);
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].text, "We are allies ,");
  EXPECT_EQ(quotes[0].speaker, "RUSGOV");
  EXPECT_EQ(quotes[0].verb, "said");
  EXPECT_EQ(quotes[1].sentence_id, 2);
  EXPECT_EQ(quotes[1].last_sentence_id, 3);
  EXPECT_EQ(quotes[1].speaker, "GEO");
  EXPECT_EQ(quotes[1].verb, "according to");
  EXPECT_NE(quotes[1].text.find("Nobody came"), std::string::npos);
}

// Parses without lemmas (dyad's own parser): a plural noun matches a
// pattern word written in the singular.
TEST(Coder, PluralNounsMatchSingularPatternWordsWithoutLemmas) {
  Fixture f;
  f.add_verbs("--- DESCRIBE [010] ---\nDESCRIBE\n- * + (AS ALLY) [051]\n");
  auto coded = [&](const std::string& lemma) {
    return code(f, parse({"Russia/Russia/PROPN/2/nsubj", "described/describe/VERB/0/root",
                          "Kazakhstan/Kazakhstan/PROPN/2/obj", "as/as/ADP/5/case",
                          "allies/" + lemma + "/NOUN/2/obl"}));
  };
  EXPECT_EQ(coded("_"), std::vector<std::string>{"RUS>KAZ:051"});
  EXPECT_EQ(coded("ally"), std::vector<std::string>{"RUS>KAZ:051"});
}

// "He" prefers the previous sentence's subject to the last person named.
TEST(Coder, HePrefersThePreviousSubject) {
  Fixture f;
  f.add_actor("TOKAYEV", "KAZGOV", true);
  f.add_actor("PUTIN", "RUSGOV", true);
  Coder coder(f.dict);
  StoryContext story;
  story.date = "20240101";
  coder.code(parse({"Tokayev/Tokayev/PROPN/2/nsubj", "praised/praise/VERB/0/root",
                    "Putin/Putin/PROPN/2/obj"}),
             1, story);
  auto events = coder
                    .code(parse({"He/he/PRON/2/nsubj", "criticized/criticize/VERB/0/root",
                                 "Georgia/Georgia/PROPN/2/obj"}),
                          2, story)
                    .events;
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].source, "KAZGOV");
}

// A governing verb ("want") codes nothing alone; with a clause it governs it
// combines by the rules of its code: one's own wish to act is an intent (or
// a threat), another's an appeal. Saying one will act is an intent too.
TEST(Coder, GoverningVerbsAndFutureStatementsCombineByRule) {
  Fixture f;
  f.dict.ontology = CodeOntology{};  // only the rules below
  f.dict.combinations = {{"03", "19", 'a', "138", "03 > 19 same-source = 138", "c:1"},
                         {"03", "", 'b', "020", "03 > * other-source = 020", "c:2"},
                         {"01", "19", 'a', "015", "01 > 19 same-source = 015", "c:3"}};
  f.dict.governing_verbs["WANT"] = {"WANT", "03", "c:4"};
  auto want = [&](const std::string& negation, const std::string& who) {
    std::vector<std::string> w = {"Russia/Russia/PROPN/3/nsubj"};
    w.push_back(negation.empty() ? "really/really/ADV/3/advmod" : negation + "/not/PART/3/advmod");
    w.push_back("wants/want/VERB/0/root");
    if (!who.empty()) w.push_back(who + "/" + who + "/PROPN/3/obj");
    const std::string v = std::to_string(w.size() + 2);
    w.push_back("to/to/PART/" + v + "/mark");
    w.push_back("attack/attack/VERB/3/xcomp");
    w.push_back("Armenia/Armenia/PROPN/" + v + "/obj");
    return code(f, parse(w));
  };
  EXPECT_EQ(want("", ""), std::vector<std::string>{"RUS>ARM:138"});
  EXPECT_EQ(want("", "Georgia"), std::vector<std::string>{"RUS>GEO:020"});
  // "does not want to attack": no intent, and no attack either.
  EXPECT_TRUE(want("not", "").empty());
  auto said = [&](const std::string& aux) {
    std::vector<std::string> w = {"Russia/Russia/PROPN/2/nsubj", "said/say/VERB/0/root",
                                  "it/it/PRON/5/nsubj"};
    w.push_back(aux.empty() ? "really/really/ADV/5/advmod" : aux + "/" + aux + "/AUX/5/aux");
    w.push_back("attack/attack/VERB/2/ccomp");
    w.push_back("Armenia/Armenia/PROPN/5/obj");
    return code(f, parse(w));
  };
  EXPECT_EQ(said("will"), std::vector<std::string>{"RUS>ARM:138"});
  EXPECT_EQ(said(""), std::vector<std::string>{"RUS>ARM:015"});
  // An adjective governs its clause as such a verb does: "Russia is ready
  // to attack Armenia".
  f.dict.governing_verbs["READY"] = {"READY", "03", "c:5"};
  EXPECT_EQ(code(f, parse({"Russia/Russia/PROPN/3/nsubj", "is/be/AUX/3/cop",
                           "ready/ready/ADJ/0/root", "to/to/PART/5/mark",
                           "attack/attack/VERB/3/xcomp", "Armenia/Armenia/PROPN/5/obj"})),
            std::vector<std::string>{"RUS>ARM:138"});
  // So does a participle parsed as passive, with no agent: "Russia is
  // determined to attack Armenia" states Russia's intent.
  f.dict.governing_verbs["DETERMINED"] = {"DETERMINED", "03", "c:6"};
  EXPECT_EQ(code(f, parse({"Russia/Russia/PROPN/3/nsubj:pass", "is/be/AUX/3/aux:pass",
                           "determined/determine/VERB/0/root", "to/to/PART/5/mark",
                           "attack/attack/VERB/3/xcomp", "Armenia/Armenia/PROPN/5/obj"})),
            std::vector<std::string>{"RUS>ARM:138"});
}

// "Putin, who criticized Georgia": the relative pronoun stands for the noun
// its clause modifies, except under PETRARCH's conventions.
TEST(Coder, RelativePronounSubjectIsTheNounItModifies) {
  Fixture f;
  auto sentence = parse({"Putin/Putin/PROPN/6/nsubj", ",/,/PUNCT/3/punct", "who/who/PRON/4/nsubj",
                         "criticized/criticize/VERB/1/acl:relcl", "Georgia/Georgia/PROPN/4/obj",
                         "left/leave/VERB/0/root"});
  sentence.tokens[2].xpos = "WP";  // the test parse has no features
  f.dict.petrarch_conventions = false;
  EXPECT_EQ(code(f, sentence), std::vector<std::string>{"RUSGOV>GEO:111"});
  f.dict.petrarch_conventions = true;
  EXPECT_TRUE(code(f, sentence).empty());
}

// With dyad's dictionaries a capital in a phrase of place says where the
// agents are from, not that they are its government: "police in Moscow"
// are Russia's police (RUSCOP), while "Moscow" alone is the Kremlin.
TEST(Coder, CapitalAsAPlaceGivesItsCountryOnly) {
  Fixture f;
  std::istringstream capital("MOSCOW_ [RUSGOV]\n");
  f.dict.actors.load(capital, "capital", f.dict.errors);
  // Putin criticized police in Moscow .
  auto s = parse({"Putin/Putin/PROPN/2/nsubj", "criticized/criticize/VERB/0/root",
                  "police/police/NOUN/2/obj", "in/in/ADP/5/case", "Moscow/Moscow/PROPN/3/nmod"});
  f.dict.petrarch_conventions = false;
  EXPECT_EQ(code(f, s), std::vector<std::string>{"RUSGOV>RUSCOP:111"});
  f.dict.petrarch_conventions = true;
  EXPECT_EQ(code(f, s), std::vector<std::string>{"RUSGOV>RUSGOVCOP:111"});
  // Georgia criticized Moscow .
  auto direct = parse({"Georgia/Georgia/PROPN/2/nsubj", "criticized/criticize/VERB/0/root",
                       "Moscow/Moscow/PROPN/2/obj"});
  f.dict.petrarch_conventions = false;
  EXPECT_EQ(code(f, direct), std::vector<std::string>{"GEO>RUSGOV:111"});
}

// A passive verb parsed as a conjunct shares its first conjunct's subject
// as its patient; its "by" phrase acts: "Georgia criticized Russia and was
// attacked by Armenia" is Armenia attacking Georgia.
TEST(Coder, PassiveConjunctTakesTheSharedSubjectAsPatient) {
  Fixture f;
  auto s =
      parse({"Georgia/Georgia/PROPN/2/nsubj", "criticized/criticize/VERB/0/root",
             "Russia/Russia/PROPN/2/obj", "and/and/CCONJ/6/cc", "was/be/AUX/6/aux:pass",
             "attacked/attack/VERB/2/conj", "by/by/ADP/8/case", "Armenia/Armenia/PROPN/6/obl"});
  for (bool petrarch : {false, true}) {
    f.dict.petrarch_conventions = petrarch;
    EXPECT_EQ(code(f, s), (std::vector<std::string>{"GEO>RUS:111", "ARM>GEO:190"})) << petrarch;
  }
}

// With dyad's dictionaries an infinitive clause of a negated verb did not
// happen ("did not agree to criticize Georgia"), except after verbs like
// "hesitate" ("did not hesitate to criticize Georgia": it did).
TEST(Coder, InfinitiveOfANegatedVerbDidNotHappen) {
  Fixture f;
  auto after = [](const std::string& verb) {
    Sentence s = parse({"Russia/Russia/PROPN/4/nsubj", "did/do/AUX/4/aux", "not/not/PART/4/advmod",
                        verb + "/" + verb + "/VERB/0/root", "to/to/PART/6/mark",
                        "criticize/criticize/VERB/4/xcomp", "Georgia/Georgia/PROPN/6/obj"});
    s.tokens[2].feats = "Polarity=Neg";
    return s;
  };
  f.dict.petrarch_conventions = false;
  EXPECT_TRUE(code(f, after("agree")).empty());
  EXPECT_EQ(code(f, after("hesitate")), std::vector<std::string>{"RUS>GEO:111"});
  EXPECT_EQ(code(f, after("fail")), std::vector<std::string>{"RUS>GEO:111"});
  // "Russia failed to criticize Georgia": not done.
  EXPECT_TRUE(
      code(f, parse({"Russia/Russia/PROPN/2/nsubj", "failed/fail/VERB/0/root", "to/to/PART/4/mark",
                     "criticize/criticize/VERB/2/xcomp", "Georgia/Georgia/PROPN/4/obj"}))
          .empty());
  f.dict.petrarch_conventions = true;
  EXPECT_EQ(code(f, after("agree")), std::vector<std::string>{"RUS>GEO:111"});
}

// With dyad's dictionaries a place after a statement's object is where the
// statement was made, not whom it concerns ("made remarks in Georgia");
// "remarks about Georgia" still concern Georgia.
TEST(Coder, StatementMadeSomewhereIsNotAboutThePlace) {
  Fixture f;
  f.add_verbs("--- MAKE [---] ---\nMAKE {MADE MAKES}\n- * REMARKS [010]\n");
  auto with = [](const std::string& prep) {
    return parse({"Putin/Putin/PROPN/2/nsubj", "made/make/VERB/0/root", "remarks/remark/NOUN/2/obj",
                  prep + "/" + prep + "/ADP/5/case", "Georgia/Georgia/PROPN/3/nmod"});
  };
  f.dict.petrarch_conventions = false;
  EXPECT_TRUE(code(f, with("in")).empty());
  EXPECT_EQ(code(f, with("about")), std::vector<std::string>{"RUSGOV>GEO:010"});
  f.dict.petrarch_conventions = true;
  EXPECT_EQ(code(f, with("in")), std::vector<std::string>{"RUSGOV>GEO:010"});
}

// With dyad's dictionaries a meeting "at a third location" (044) held in
// one side's own country is that side hosting (043) and the other visiting
// (042).
TEST(Coder, MeetingInOneSidesCountryIsAVisit) {
  Fixture f;
  f.add_verbs(
      "--- CONFER [040:040] ---\nCONFER\n- * (IN ASTANA) [044:044]\n- * (IN GENEVA) "
      "[044:044]\n");
  std::istringstream places("ASTANA_ [KAZGOV]\nGENEVA_ [CHE]\n");
  f.dict.actors.load(places, "places", f.dict.errors);
  ASSERT_TRUE(f.dict.errors.empty());
  auto in = [](const std::string& city) {
    return parse({"Putin/Putin/PROPN/2/nsubj", "conferred/confer/VERB/0/root",
                  "Kazakhstan/Kazakhstan/PROPN/2/obj", "in/in/ADP/5/case",
                  city + "/" + city + "/PROPN/2/obl"});
  };
  f.dict.petrarch_conventions = false;
  EXPECT_EQ(code(f, in("Astana")), (std::vector<std::string>{"RUSGOV>KAZ:042", "KAZ>RUSGOV:043"}));
  EXPECT_EQ(code(f, in("Geneva")), (std::vector<std::string>{"RUSGOV>KAZ:044", "KAZ>RUSGOV:044"}));
  // So is a plain meeting (040) whose place is explicit: "met Kazakhstan's
  // leader in Almaty", with the place on the one met.
  std::istringstream almaty("ALMATY_ [KAZ]\n");
  f.dict.actors.load(almaty, "places", f.dict.errors);
  auto met = parse({"Putin/Putin/PROPN/2/nsubj", "met/meet/VERB/0/root",
                    "Kazakhstan/Kazakhstan/PROPN/2/obj", "in/in/ADP/5/case",
                    "Almaty/Almaty/PROPN/3/nmod"});
  EXPECT_EQ(code(f, met), (std::vector<std::string>{"RUSGOV>KAZ:042", "KAZ>RUSGOV:043"}));
  f.dict.petrarch_conventions = true;
  EXPECT_EQ(code(f, in("Astana")), (std::vector<std::string>{"RUSGOV>KAZ:044", "KAZ>RUSGOV:044"}));
}

// With dyad's dictionaries: "it" prefers an earlier subject to a nearer
// oblique; "the organization" is the organisation named last; a gerund right
// after a governing verb is its complement ("stopped criticizing Georgia").
TEST(Coder, SubjectAntecedentsOrganisationNounsAndGerundComplements) {
  Fixture f;
  std::istringstream igo("COLLECTIVE_SECURITY_TREATY_ORGANIZATION_ [IGOCST]\n+CSTO_\n");
  f.dict.actors.load(igo, "igo", f.dict.errors);
  // Russia left the CSTO , but it criticized the organization .
  auto s = parse({"Russia/Russia/PROPN/2/nsubj", "left/leave/VERB/0/root", "the/the/DET/4/det",
                  "CSTO/CSTO/PROPN/2/obj", ",/,/PUNCT/8/punct", "but/but/CCONJ/8/cc",
                  "it/it/PRON/8/nsubj", "criticized/criticize/VERB/2/conj", "the/the/DET/10/det",
                  "organization/organization/NOUN/8/obj"});
  EXPECT_EQ(code(f, s), std::vector<std::string>{"RUS>IGOCST:111"});
  f.dict.petrarch_conventions = true;  // "it" = the nearest actor, the CSTO itself
  EXPECT_TRUE(code(f, s).empty());
  f.dict.petrarch_conventions = false;

  f.dict.ontology = CodeOntology{};
  f.dict.combinations = {{"16", "11", 'a', "160", "16 > 11 same-source = 160", "c:1"}};
  f.dict.governing_verbs["STOP"] = {"STOP", "16", "c:2"};
  Sentence t = parse({"Russia/Russia/PROPN/2/nsubj", "stopped/stop/VERB/0/root",
                      "criticizing/criticize/VERB/2/advcl", "Georgia/Georgia/PROPN/3/obj"});
  t.tokens[2].xpos = "VBG";
  EXPECT_EQ(code(f, t), std::vector<std::string>{"RUS>GEO:160"});
  // "Russia stopped, criticizing Georgia": a participle clause of its own.
  Sentence u =
      parse({"Russia/Russia/PROPN/2/nsubj", "stopped/stop/VERB/0/root", ",/,/PUNCT/4/punct",
             "criticizing/criticize/VERB/2/advcl", "Georgia/Georgia/PROPN/4/obj"});
  u.tokens[3].xpos = "VBG";
  EXPECT_EQ(code(f, u), std::vector<std::string>{"RUS>GEO:111"});
}

// A past participle on a noun with no agent ("Russian soldiers attacked
// ...") leaves the noun the patient, not the attacker; PETRARCH's
// conventions made it the source.
TEST(Coder, NounOfAnAgentlessParticipleIsNotTheSource) {
  Fixture f;
  Sentence s = parse({"Russian/Russian/ADJ/2/amod", "soldiers/soldier/NOUN/0/root",
                      "attacked/attack/VERB/2/acl", "Georgia/Georgia/PROPN/3/obj"});
  s.tokens[2].xpos = "VBN";
  EXPECT_TRUE(code(f, s).empty());
  f.dict.petrarch_conventions = true;
  EXPECT_EQ(code(f, s), std::vector<std::string>{"RUS>GEO:190"});
}

// What the tagger is told: capitalized words of actor names are names, the
// head of an agent phrase a noun.
TEST(Coder, KnownWordsAreNamesAndRoleNouns) {
  Fixture f;
  Coder coder(f.dict);
  auto s = parse({"The/the/DET/2/det", "Russian/Russian/ADJ/3/amod", "police/police/NOUN/4/nsubj",
                  "met/meet/VERB/0/root", "Vladimir/Vladimir/PROPN/4/obj",
                  "Putin/Putin/PROPN/5/flat", "in/in/ADP/8/case", "russia/russia/NOUN/4/obl"});
  using K = KnownWord;
  EXPECT_EQ(coder.known_words(s), (std::vector<K>{K::kUnknown, K::kName, K::kNoun, K::kUnknown,
                                                  K::kName, K::kName, K::kUnknown, K::kUnknown}));
  // A capitalized title right before a name is part of the name (GUM: PROPN).
  auto titled =
      parse({"President/president/NOUN/2/nmod", "Putin/Putin/PROPN/3/nsubj", "met/meet/VERB/0/root",
             "the/the/DET/5/det", "President/president/NOUN/3/obj", "././PUNCT/3/punct"});
  // Written with a capital inside the sentence, a role noun may be a name
  // ("met the President", "pressure from Congress"; GUM tags 199 of 212 such
  // words PROPN): the tagger decides.
  EXPECT_EQ(coder.known_words(titled), (std::vector<K>{K::kName, K::kName, K::kUnknown, K::kUnknown,
                                                       K::kUnknown, K::kUnknown}));
  auto lower = parse({"Putin/Putin/PROPN/2/nsubj", "met/meet/VERB/0/root", "the/the/DET/4/det",
                      "president/president/NOUN/2/obj"});
  EXPECT_EQ(coder.known_words(lower),
            (std::vector<K>{K::kName, K::kUnknown, K::kUnknown, K::kNoun}));
}

// A country's adjective before a title, a name or a role phrase is an
// adjective ("Tajik President Rahmon", "Tajik and Kyrgyz police"); before
// anything else the tagger decides; small words inside a name are the name's.
TEST(Coder, KnownWordsCountryAdjectivesAndNameParticles) {
  Fixture f;
  ActorEntry tajik;
  tajik.default_code = "TJK";
  tajik.adjective = true;
  f.dict.actors.add_phrase({"TAJIK"}, f.dict.actors.add_entry(tajik));
  ActorEntry kyrgyz = tajik;
  kyrgyz.default_code = "KGZ";
  f.dict.actors.add_phrase({"KYRGYZ"}, f.dict.actors.add_entry(kyrgyz));
  ActorEntry leyen;
  leyen.default_code = "IGOEEC";
  f.dict.actors.add_phrase({"URSULA", "VON", "DER", "LEYEN"}, f.dict.actors.add_entry(leyen));
  Coder coder(f.dict);
  using K = KnownWord;
  auto titled = parse({"Tajik/Tajik/PROPN/2/amod", "President/President/PROPN/3/nmod",
                       "Rahmon/Rahmon/PROPN/0/root"});
  EXPECT_EQ(coder.known_words(titled)[0], K::kAdjective);
  auto police = parse({"Tajik/Tajik/PROPN/4/amod", "and/and/CCONJ/3/cc",
                       "Kyrgyz/Kyrgyz/PROPN/1/conj", "police/police/NOUN/0/root"});
  EXPECT_EQ(coder.known_words(police),
            (std::vector<K>{K::kAdjective, K::kUnknown, K::kAdjective, K::kNoun}));
  auto alone = parse({"the/the/DET/2/det", "Tajik/Tajik/PROPN/3/nsubj", "said/say/VERB/0/root"});
  EXPECT_EQ(coder.known_words(alone)[1], K::kName);
  auto name = parse({"Ursula/Ursula/PROPN/0/root", "von/von/PROPN/1/flat", "der/der/PROPN/1/flat",
                     "Leyen/Leyen/PROPN/1/flat"});
  EXPECT_EQ(coder.known_words(name), (std::vector<K>(4, K::kName)));
}

// With dyad's dictionaries a pattern's "(on +)" needs a phrase naming
// someone ("on Monday" is none), and "{state of emergency}" is headed by its
// first word.
TEST(Coder, TargetSlotsNeedSomeoneAndOfPhrasesMatch) {
  Fixture f;
  f.add_verbs(
      "--- IMPOSE [---] ---\nIMPOSE\n- * SANCTIONS (ON +) [163]\n- * SANCTIONS [160]\n"
      "- * {STATE OF EMERGENCY} (IN +) [1724]\n");
  ASSERT_TRUE(f.dict.errors.empty());
  // Russia imposed sanctions on Georgia on Monday .
  auto s = parse({"Russia/Russia/PROPN/2/nsubj", "imposed/impose/VERB/0/root",
                  "sanctions/sanction/NOUN/2/obj", "on/on/ADP/5/case",
                  "Georgia/Georgia/PROPN/2/obl", "on/on/ADP/7/case", "Monday/Monday/PROPN/2/obl"});
  EXPECT_EQ(code(f, s), std::vector<std::string>{"RUS>GEO:163"});
  // Russia imposed sanctions on Monday on Georgia: the first "on" names no one.
  auto t = parse({"Russia/Russia/PROPN/2/nsubj", "imposed/impose/VERB/0/root",
                  "sanctions/sanction/NOUN/2/obj", "on/on/ADP/5/case", "Monday/Monday/PROPN/2/obl",
                  "on/on/ADP/7/case", "Georgia/Georgia/PROPN/2/obl"});
  EXPECT_EQ(code(f, t), std::vector<std::string>{"RUS>GEO:163"});
  // Russia imposed a state of emergency in Georgia .
  auto u = parse({"Russia/Russia/PROPN/2/nsubj", "imposed/impose/VERB/0/root", "a/a/DET/4/det",
                  "state/state/NOUN/2/obj", "of/of/ADP/6/case", "emergency/emergency/NOUN/4/nmod",
                  "in/in/ADP/8/case", "Georgia/Georgia/PROPN/2/obl"});
  EXPECT_EQ(code(f, u), std::vector<std::string>{"RUS>GEO:1724"});
}

// A word-set member of several words outweighs a one-word member of
// another set ("humanitarian aid" over "aid"), with dyad's dictionaries.
TEST(Coder, LongerSetMemberWins) {
  Fixture f;
  f.add_verbs(
      "&GENERAL\n+AID\n+HELP\n\n&HUMANITARIAN\n+HUMANITARIAN_AID\n+FOOD_AID\n\n"
      "--- SEND [---] ---\nSEND\n- * &GENERAL (TO +) [070]\n- * &HUMANITARIAN (TO +) [073]\n");
  ASSERT_TRUE(f.dict.errors.empty());
  auto s = parse({"Russia/Russia/PROPN/2/nsubj", "sent/send/VERB/0/root",
                  "humanitarian/humanitarian/ADJ/4/amod", "aid/aid/NOUN/2/obj", "to/to/ADP/6/case",
                  "Georgia/Georgia/PROPN/2/obl"});
  EXPECT_EQ(code(f, s), std::vector<std::string>{"RUS>GEO:073"});
}

// A verb of several words whose patterns do not fit gives way to its first
// word's patterns with dyad's dictionaries ("pulled out of Georgia" is
// "pull: * (of +)" when "pull out" only knows "* troops").
TEST(Coder, LongerVerbGivesWayWhenNoneOfItsPatternsFits) {
  Fixture f;
  f.add_verbs(
      "--- PULL_OUT [---] ---\nPULL_OUT\n- * TROOPS [1664]\n\n"
      "--- PULL [---] ---\nPULL\n- * (OF +) [160]\n");
  ASSERT_TRUE(f.dict.errors.empty());
  auto s = parse({"Russia/Russia/PROPN/2/nsubj", "pulled/pull/VERB/0/root", "out/out/ADV/2/advmod",
                  "of/of/ADP/5/case", "Georgia/Georgia/PROPN/2/obl"});
  EXPECT_EQ(code(f, s), std::vector<std::string>{"RUS>GEO:160"});
  f.dict.petrarch_conventions = true;  // the longest verb decides
  EXPECT_TRUE(code(f, s).empty());
}

// A code's negation belongs to the block that gives it: "did not reject
// military ties" is 014, "has not withdrawn from the alliance", written in
// another block of the same code with no negation, is no event.
TEST(Coder, NegationBelongsToItsCodeBlock) {
  Fixture f;
  f.use_dyad(
      "country ARM\n  name: Armenia\n"
      "organisation IGOCST\n  name: CSTO\n"
      "code 1212 Reject military cooperation\n  negation: 014\n  - reject: * alliance\n"
      "code 1212 Reject military cooperation\n  - withdraw: * (from CSTO)\n");
  const std::vector<std::string> negated = {"Armenia/Armenia/PROPN/4/nsubj", "did/do/AUX/4/aux",
                                            "not/not/PART/4/advmod"};
  auto with = [&](std::vector<std::string> rest) {
    std::vector<std::string> w = negated;
    w.insert(w.end(), rest.begin(), rest.end());
    return parse(w);
  };
  EXPECT_EQ(
      code(f, with({"reject/reject/VERB/0/root", "the/the/DET/6/det",
                    "alliance/alliance/NOUN/4/obj", "of/of/ADP/8/case", "CSTO/CSTO/PROPN/6/nmod"})),
      std::vector<std::string>{"ARM>IGOCST:014"});
  EXPECT_TRUE(code(f, with({"withdraw/withdraw/VERB/0/root", "from/from/ADP/6/case",
                            "CSTO/CSTO/PROPN/4/obl"}))
                  .empty());
}

// "called on Western partners to send air defence to Ukraine": whom an
// appeal is made to is to do what the infinitive says; the infinitive's
// words are not the appeal's participants, with dyad's dictionaries.
TEST(Coder, AppealControlsItsInfinitive) {
  Fixture f;
  f.add_verbs("--- CALL [041] ---\nCALL\n- * (ON +) [020]\n");
  auto call_on = [](const std::string& who, const std::string& upos) {
    return parse({"Russia/Russia/PROPN/2/nsubj", "called/call/VERB/0/root", "on/on/ADP/4/case",
                  who + "/" + who + "/" + upos + "/2/obl", "to/to/PART/6/mark",
                  "attack/attack/VERB/2/xcomp", "Georgia/Georgia/PROPN/6/obj"});
  };
  EXPECT_EQ(code(f, call_on("Armenia", "PROPN")), std::vector<std::string>{"RUS>ARM:020"});
  // Partners no dictionary names: no appeal to Georgia, no attack by Russia.
  EXPECT_TRUE(code(f, call_on("partners", "NOUN")).empty());
}

// "is going to attack Georgia": an infinitive's "to" is no preposition
// whose phrase a '+' binds, with dyad's dictionaries.
TEST(Coder, InfinitiveIsNoPrepositionalPhrase) {
  Fixture f;
  f.add_verbs("--- GO [---] ---\nGO\n- * (TO +) [042]\n");
  auto s =
      parse({"Russia/Russia/PROPN/3/nsubj", "is/be/AUX/3/aux", "going/go/VERB/0/root",
             "to/to/PART/5/mark", "attack/attack/VERB/3/xcomp", "Georgia/Georgia/PROPN/5/obj"});
  EXPECT_EQ(code(f, s), std::vector<std::string>{"RUS>GEO:190"});
  auto trip = parse({"Russia/Russia/PROPN/2/nsubj", "went/go/VERB/0/root", "to/to/ADP/4/case",
                     "Georgia/Georgia/PROPN/2/obl"});
  EXPECT_EQ(code(f, trip), std::vector<std::string>{"RUS>GEO:042"});
}

// "Russia's police said it attacked Georgia": the subject pronoun of the
// reported clause is the whole reporter, when the number agrees.
TEST(Coder, ReportedClausePronounIsTheReporter) {
  Fixture f;
  f.dict.petrarch_conventions = false;
  auto said = [](const std::string& pronoun) {
    return parse({"Russia/Russia/PROPN/3/nmod:poss", "'s/'s/PART/1/case",
                  "police/police/NOUN/4/nsubj", "said/say/VERB/0/root",
                  pronoun + "/" + pronoun + "/PRON/6/nsubj", "attacked/attack/VERB/4/ccomp",
                  "Georgia/Georgia/PROPN/6/obj"});
  };
  auto sources = [&](const Sentence& s) {
    std::vector<std::string> out;
    for (const auto& e : code(f, s)) {
      if (e.ends_with(":190")) out.push_back(e.substr(0, e.find('>')));
    }
    return out;
  };
  EXPECT_EQ(sources(said("it")), std::vector<std::string>{"RUSCOP"});
  EXPECT_EQ(sources(said("they")), std::vector<std::string>{"RUS"});  // number disagrees
  f.dict.petrarch_conventions = true;                                 // the nearest earlier actor
  EXPECT_EQ(sources(said("it")), std::vector<std::string>{"RUS"});
}

// "in the South China Sea": a place listed as naming no actor keeps the
// state's name inside it from being read.
TEST(Coder, PlaceNamingNoActorHidesTheNameInside) {
  Fixture f;
  f.use_dyad(
      "country CHN\n  name: China\ncountry PHL\n  name: Philippines\n  adjective: Philippine\n"
      "places\n  name: South China Sea\n"
      "code 190 Use conventional military force\n  - attack: *\n");
  auto s = parse({"Philippines/Philippines/PROPN/2/nsubj", "attacked/attack/VERB/0/root",
                  "in/in/ADP/7/case", "the/the/DET/7/det", "South/South/PROPN/7/compound",
                  "China/China/PROPN/7/compound", "Sea/Sea/PROPN/2/obl"});
  EXPECT_TRUE(code(f, s).empty());
  auto china = parse({"Philippines/Philippines/PROPN/2/nsubj", "attacked/attack/VERB/0/root",
                      "China/China/PROPN/2/obj"});
  EXPECT_EQ(code(f, china), std::vector<std::string>{"PHL>CHN:190"});
}

// "voted to ratify the deal with Georgia": a pattern's prepositional phrase
// belongs to the verb's own clause, not to a clause it governs.
TEST(Coder, PrepositionalPhraseOfAnotherClauseIsNotTheVerbs) {
  Fixture f;
  f.dict.petrarch_conventions = false;
  f.add_verbs("--- VOTE [---] ---\nVOTE\n- * (WITH +) [050]\n");
  auto s = parse({"Russia/Russia/PROPN/2/nsubj", "voted/vote/VERB/0/root", "to/to/PART/4/mark",
                  "criticize/criticize/VERB/2/xcomp", "the/the/DET/6/det", "deal/deal/NOUN/4/obj",
                  "with/with/ADP/8/case", "Georgia/Georgia/PROPN/6/nmod"});
  for (const auto& e : code(f, s)) EXPECT_FALSE(e.ends_with(":050")) << e;
  auto own = parse({"Russia/Russia/PROPN/2/nsubj", "voted/vote/VERB/0/root", "with/with/ADP/4/case",
                    "Georgia/Georgia/PROPN/2/obl"});
  EXPECT_EQ(code(f, own), std::vector<std::string>{"RUS>GEO:050"});
}

// A '+' after the verb marks a participant, not a place: "joined a group in
// Georgia" joins no Georgia (dyad's dictionaries).
TEST(Coder, PlaceIsNotThePhraseAPlusMarks) {
  Fixture f;
  f.dict.petrarch_conventions = false;
  f.add_verbs("--- JOIN [---] ---\nJOIN\n- * + [050]\n");
  auto group =
      parse({"Russia/Russia/PROPN/2/nsubj", "joined/join/VERB/0/root", "a/a/DET/4/det",
             "group/group/NOUN/2/obj", "in/in/ADP/6/case", "Georgia/Georgia/PROPN/4/nmod"});
  EXPECT_TRUE(code(f, group).empty());
  auto georgia = parse(
      {"Russia/Russia/PROPN/2/nsubj", "joined/join/VERB/0/root", "Georgia/Georgia/PROPN/2/obj"});
  EXPECT_EQ(code(f, georgia), std::vector<std::string>{"RUS>GEO:050"});
}

// "a Georgia-flagged ship": a name joined to a word of belonging names what
// the phrase belongs to; "Georgia-backed" does not (dyad's dictionaries).
TEST(Coder, HyphenatedNameOfBelonging) {
  Fixture f;
  f.dict.petrarch_conventions = false;
  auto ship = [](const std::string& how) {
    return parse({"Russia/Russia/PROPN/2/nsubj", "attacked/attack/VERB/0/root", "a/a/DET/5/det",
                  "Georgia-" + how + "/Georgia-" + how + "/ADJ/5/amod", "ship/ship/NOUN/2/obj"});
  };
  EXPECT_EQ(code(f, ship("flagged")), std::vector<std::string>{"RUS>GEO:190"});
  EXPECT_EQ(code(f, ship("owned")), std::vector<std::string>{"RUS>GEO:190"});
  EXPECT_TRUE(code(f, ship("backed")).empty());
}

// "called off the talks", with "off" parsed as the preposition of "talks":
// the particle is the verb's own word, and "talks" its object.
TEST(Coder, ParticleReadAsAPrepositionIsTheVerbs) {
  Fixture f;
  f.add_verbs(
      "--- CALL_OFF [---] ---\nCALL_OFF\n- * TALKS [164]\n\n"
      "--- CALL [041] ---\nCALL\n");
  ASSERT_TRUE(f.dict.errors.empty());
  auto s = parse({"Russia/Russia/PROPN/2/nsubj", "called/call/VERB/0/root", "off/off/ADP/5/case",
                  "the/the/DET/5/det", "talks/talk/NOUN/2/obl", "with/with/ADP/7/case",
                  "Georgia/Georgia/PROPN/5/nmod"});
  EXPECT_EQ(code(f, s), std::vector<std::string>{"RUS>GEO:164"});
  // Another preposition still keeps a bare word out: "called on the talks".
  s.tokens[2].form = s.tokens[2].lemma = "on";
  EXPECT_EQ(code(f, s), std::vector<std::string>{"RUS>GEO:041"});
}

// The "it" of "when it comes to Georgia" names nobody.
TEST(Coder, ItOfWhenItComesToIsNobody) {
  Fixture f;
  f.add_verbs("--- COME [---] ---\nCOME\n- * (TO +) [042]\n");
  auto s = [&](const std::string& when) {
    std::vector<std::string> w = {"Russia/Russia/PROPN/2/nsubj",       "spoke/speak/VERB/0/root",
                                  when + "/" + when + "/ADV/5/advmod", "it/it/PRON/5/nsubj",
                                  "comes/come/VERB/2/advcl",           "to/to/ADP/7/case",
                                  "Georgia/Georgia/PROPN/5/obl"};
    return code(f, parse(w));
  };
  EXPECT_TRUE(s("when").empty());
  EXPECT_EQ(s("then"), std::vector<std::string>{"RUS>GEO:042"});  // "it" = Russia
}

// With dyad's dictionaries a pattern's bare word is an object, not the noun
// of a prepositional phrase ("attacked during a campaign against ...").
TEST(Coder, BareWordIsNotTheNounOfAPrepositionalPhrase) {
  Fixture f;
  f.add_verbs("--- LAUNCH [---] ---\nLAUNCH\n- * CAMPAIGN (AGAINST +) [111]\n");
  auto sentence = [&](bool during) {
    std::vector<std::string> w = {"Russia/Russia/PROPN/2/nsubj", "launched/launch/VERB/0/root"};
    if (during) {
      w.push_back("during/during/ADP/4/case");
      w.push_back("campaign/campaign/NOUN/2/obl");
    } else {
      w.push_back("a/a/DET/4/det");
      w.push_back("campaign/campaign/NOUN/2/obj");
    }
    w.push_back("against/against/ADP/6/case");
    w.push_back("Georgia/Georgia/PROPN/4/nmod");
    return parse(w);
  };
  EXPECT_EQ(code(f, sentence(false)), std::vector<std::string>{"RUS>GEO:111"});
  EXPECT_TRUE(code(f, sentence(true)).empty());
  f.dict.petrarch_conventions = true;
  EXPECT_EQ(code(f, sentence(true)), std::vector<std::string>{"RUS>GEO:111"});
}

// With dyad's dictionaries a statement's target is named in its own
// arguments, not inside the clause it reports ("said Georgia is weak" is no
// statement to Georgia); PETRARCH's conventions take it from the clause.
TEST(Coder, StatementTargetIsNotInsideTheReportedClause) {
  Fixture f;
  auto s = parse({"Russia/Russia/PROPN/2/nsubj", "said/say/VERB/0/root",
                  "Georgia/Georgia/PROPN/5/nsubj", "is/be/AUX/5/cop", "weak/weak/ADJ/2/ccomp"});
  EXPECT_TRUE(code(f, s).empty());
  auto t = parse({"Russia/Russia/PROPN/2/nsubj", "said/say/VERB/0/root", "to/to/ADP/4/case",
                  "Georgia/Georgia/PROPN/2/obl"});
  EXPECT_EQ(code(f, t), std::vector<std::string>{"RUS>GEO:010"});
  // "Russia said in Georgia ...": where it spoke, not whom it addressed.
  auto u = parse({"Russia/Russia/PROPN/2/nsubj", "said/say/VERB/0/root", "in/in/ADP/4/case",
                  "Georgia/Georgia/PROPN/2/obl"});
  EXPECT_TRUE(code(f, u).empty());
  f.dict.petrarch_conventions = true;
  EXPECT_EQ(code(f, s), std::vector<std::string>{"RUS>GEO:010"});
  EXPECT_EQ(code(f, u), std::vector<std::string>{"RUS>GEO:010"});
}

// "The step enjoyed support from Russia and Georgia": actors bound by a
// pattern's '$' do not act on each other for want of a target (dyad's
// dictionaries); a compound subject still does ("Russia and Georgia met").
TEST(Coder, ActorsBoundByAPatternDoNotActOnEachOther) {
  Fixture f;
  f.add_verbs("--- ENJOY [---] ---\nENJOY\n- + * SUPPORT (FROM $) [051]\n");
  auto s = parse({"The/the/DET/2/det", "step/step/NOUN/3/nsubj", "enjoyed/enjoy/VERB/0/root",
                  "support/support/NOUN/3/obj", "from/from/ADP/6/case", "Russia/Russia/PROPN/3/obl",
                  "and/and/CCONJ/8/cc", "Georgia/Georgia/PROPN/6/conj"});
  EXPECT_TRUE(code(f, s).empty());
  auto met = parse({"Russia/Russia/PROPN/4/nsubj", "and/and/CCONJ/3/cc",
                    "Georgia/Georgia/PROPN/1/conj", "met/meet/VERB/0/root"});
  EXPECT_EQ(code(f, met), (std::vector<std::string>{"RUS>GEO:040", "GEO>RUS:040"}));
  f.dict.petrarch_conventions = true;
  EXPECT_EQ(code(f, s), (std::vector<std::string>{"RUS>GEO:051", "GEO>RUS:051"}));
}

// "Russia President Ivanov criticized Georgia" parsed with the name as an
// unmarked nmod of the country: the title still composes with the country.
TEST(Coder, UnmarkedNameModifierBelongsToThePhrase) {
  Fixture f;
  auto s = parse({"Russia/Russia/PROPN/4/nsubj", "President/president/PROPN/3/nmod:desc",
                  "Ivanov/Ivanov/PROPN/1/nmod", "criticized/criticize/VERB/0/root",
                  "Georgia/Georgia/PROPN/4/obj"});
  EXPECT_EQ(code(f, s), std::vector<std::string>{"RUSGOV>GEO:111"});
  // "Russia of President Ivanov": a marked modifier is not.
  auto t = parse({"Russia/Russia/PROPN/5/nsubj", "of/of/ADP/4/case",
                  "President/president/PROPN/4/nmod:desc", "Ivanov/Ivanov/PROPN/1/nmod",
                  "criticized/criticize/VERB/0/root", "Georgia/Georgia/PROPN/5/obj"});
  EXPECT_EQ(code(f, t), std::vector<std::string>{"RUS>GEO:111"});
}

// "Lions and Georgia criticized Russia" misparsed with two subjects: joined
// by "and", both are the subject; without a conjunction between them only
// the first is.
TEST(Coder, TwoCoordinatedSubjectsOfOneVerb) {
  Fixture f;
  auto with = [&](const std::string& between) {
    return code(f, parse({"Lions/lion/NOUN/4/nsubj", between + "/" + between + "/CCONJ/4/cc",
                          "Georgia/Georgia/PROPN/4/nsubj", "criticized/criticize/VERB/0/root",
                          "Russia/Russia/PROPN/4/obj"}));
  };
  EXPECT_EQ(with("and"), std::vector<std::string>{"GEO>RUS:111"});
  auto apart = parse({"Lions/lion/NOUN/3/nsubj", "Georgia/Georgia/PROPN/3/nsubj",
                      "criticized/criticize/VERB/0/root", "Russia/Russia/PROPN/3/obj"});
  EXPECT_TRUE(code(f, apart).empty());
}

// "re-criticized" is coded as "criticize" when no entry of its own fits;
// an entry of its own that fits wins ("re-examine a policy" is considering
// it, "re-examine a facility" an inspection).
TEST(Coder, VerbDoneAgainIsTheVerb) {
  Fixture f;
  f.add_verbs("--- REASSESS [---] ---\nRE-CRITICIZE\n- * &TIES [014]\n");
  auto again = [&](const std::string& object) {
    return code(f, parse({"Russia/Russia/PROPN/2/nsubj", "re-criticized/re-criticize/VERB/0/root",
                          object + "/" + object + "/NOUN/2/obj", "of/of/ADP/5/case",
                          "Georgia/Georgia/PROPN/3/nmod"}));
  };
  EXPECT_EQ(again("ties"), std::vector<std::string>{"RUS>GEO:014"});
  EXPECT_EQ(again("policy"), std::vector<std::string>{"RUS>GEO:111"});
}

// With dyad's dictionaries a phrase a pattern's '$' binds may name an agent
// only, as a passive's by-phrase may: "Putin faces pressure from police".
TEST(Coder, PatternBoundPhraseMayNameAnAgentOnly) {
  Fixture f;
  f.add_verbs("--- FACE [---] ---\nFACE\n- * PRESSURE (FROM $) [100]\n");
  auto s =
      parse({"Putin/Putin/PROPN/2/nsubj", "faces/face/VERB/0/root", "pressure/pressure/NOUN/2/obj",
             "from/from/ADP/5/case", "police/police/NOUN/3/nmod"});
  f.dict.petrarch_conventions = false;
  EXPECT_EQ(code(f, s), std::vector<std::string>{"---COP>RUSGOV:100"});
  f.dict.petrarch_conventions = true;
  EXPECT_TRUE(code(f, s).empty());
}

// "Russia and Georgia want to restore ties": a governing verb over a clause
// whose actors act on each other combines for each pair.
TEST(Coder, CompoundSubjectOfAGoverningVerbActsOnEachOther) {
  Fixture f;
  f.dict.ontology = CodeOntology{};  // only the rule below
  f.dict.combinations = {{"03", "05", 'a', "032", "03 > 05 same-source = 032", "c:1"}};
  f.dict.governing_verbs["WANT"] = {"WANT", "03", "c:2"};
  auto s = parse({"Russia/Russia/PROPN/4/nsubj", "and/and/CCONJ/3/cc",
                  "Georgia/Georgia/PROPN/1/conj", "want/want/VERB/0/root", "to/to/PART/6/mark",
                  "restore/restore/VERB/4/xcomp", "ties/tie/NOUN/6/obj"});
  f.dict.petrarch_conventions = false;
  EXPECT_EQ(code(f, s), (std::vector<std::string>{"RUS>GEO:032", "GEO>RUS:032"}));
}

// With dyad's dictionaries a place after a meeting's object is where it was
// held, not a participant ("held talks in Kazakhstan"); an actor does not
// meet a part of itself ("Russia and Putin held talks" codes nothing).
TEST(Coder, PlaceOfTalksIsNoParticipant) {
  Fixture f;
  f.add_verbs("--- HOLD [---] ---\nHOLD {HELD HOLDS}\n- * TALKS [046:046]\n");
  auto held = [](const std::string& second) {
    return parse({"Russia/Russia/PROPN/4/nsubj", "and/and/CCONJ/3/cc",
                  second + "/" + second + "/PROPN/1/conj", "held/hold/VERB/0/root",
                  "talks/talk/NOUN/4/obj", "in/in/ADP/7/case",
                  "Kazakhstan/Kazakhstan/PROPN/5/nmod"});
  };
  f.dict.petrarch_conventions = false;
  EXPECT_EQ(code(f, held("Georgia")), (std::vector<std::string>{"RUS>GEO:046", "GEO>RUS:046"}));
  EXPECT_TRUE(code(f, held("Putin")).empty());
  // Nor where they met: "Russia and Georgia met in Kazakhstan".
  auto met =
      parse({"Russia/Russia/PROPN/4/nsubj", "and/and/CCONJ/3/cc", "Georgia/Georgia/PROPN/1/conj",
             "met/meet/VERB/0/root", "in/in/ADP/6/case", "Kazakhstan/Kazakhstan/PROPN/4/obl"});
  EXPECT_EQ(code(f, met), (std::vector<std::string>{"RUS>GEO:040", "GEO>RUS:040"}));
  f.dict.petrarch_conventions = true;
  EXPECT_EQ(code(f, held("Georgia")),
            (std::vector<std::string>{"RUS>KAZ:046", "KAZ>RUS:046", "GEO>KAZ:046", "KAZ>GEO:046"}));
}

// With dyad's dictionaries a document speaks for the country it was issued
// in ("A report released in Georgia criticized Russia"), or for who issued
// it ("released by Putin").
TEST(Coder, DocumentSpeaksForWhereOrByWhomItWasIssued) {
  Fixture f;
  auto report = [](const std::string& prep, const std::string& who) {
    Sentence s =
        parse({"A/a/DET/2/det", "report/report/NOUN/6/nsubj", "released/release/VERB/2/acl",
               prep + "/" + prep + "/ADP/5/case", who + "/" + who + "/PROPN/3/obl",
               "criticized/criticize/VERB/0/root", "Armenia/Armenia/PROPN/6/obj"});
    s.tokens[2].xpos = "VBN";
    return s;
  };
  f.dict.petrarch_conventions = false;
  EXPECT_EQ(code(f, report("in", "Georgia")), std::vector<std::string>{"GEO>ARM:111"});
  EXPECT_EQ(code(f, report("by", "Putin")), std::vector<std::string>{"RUSGOV>ARM:111"});
  f.dict.petrarch_conventions = true;
  EXPECT_TRUE(code(f, report("in", "Georgia")).empty());
}

// With dyad's dictionaries a time phrase names no participant: "criticized
// Armenia after the war in Georgia" has no event against Georgia.
TEST(Coder, TimePhraseNamesNoParticipant) {
  Fixture f;
  auto s = parse({"Russia/Russia/PROPN/2/nsubj", "criticized/criticize/VERB/0/root",
                  "after/after/ADP/5/case", "the/the/DET/5/det", "war/war/NOUN/2/obl",
                  "in/in/ADP/7/case", "Georgia/Georgia/PROPN/5/nmod"});
  f.dict.petrarch_conventions = false;
  EXPECT_TRUE(code(f, s).empty());
  f.dict.petrarch_conventions = true;
  EXPECT_EQ(code(f, s), std::vector<std::string>{"RUS>GEO:111"});
}

// "was attacked by a missile fired by police": a weapon with no country is
// the tool of whoever the deeper "by" names.
TEST(Coder, WeaponIsTheToolOfWhoeverFiredIt) {
  Fixture f;
  std::istringstream weapon("MISSILE [~MIL]\n");
  f.dict.agents.load(weapon, "weapons", f.dict.errors);
  auto s = parse({"Georgia/Georgia/PROPN/3/nsubj:pass", "was/be/AUX/3/aux:pass",
                  "attacked/attack/VERB/0/root", "by/by/ADP/6/case", "a/a/DET/6/det",
                  "missile/missile/NOUN/3/obl:agent", "fired/fire/VERB/6/acl", "by/by/ADP/9/case",
                  "police/police/NOUN/7/obl:agent"});
  expect_under_both_conventions(f, s, std::vector<std::string>{"---COP>GEO:190"});
}

// "was attacked in a raid by police": the agent of the act the verb was
// done in is the source.
TEST(Coder, AgentOfTheActTheVerbWasDoneIn) {
  Fixture f;
  auto s = parse({"Georgia/Georgia/PROPN/3/nsubj:pass", "was/be/AUX/3/aux:pass",
                  "attacked/attack/VERB/0/root", "in/in/ADP/6/case", "a/a/DET/6/det",
                  "raid/raid/NOUN/3/obl", "by/by/ADP/8/case", "police/police/NOUN/6/nmod"});
  expect_under_both_conventions(f, s, std::vector<std::string>{"---COP>GEO:190"});
}

// "was shot dead in Georgia": without an agent, the place hung from the
// predicate "dead" stands in as the source (PETRARCH's convention).
TEST(Coder, PassivePredicateOblique) {
  Fixture f;
  auto s = parse({"Putin/Putin/PROPN/3/nsubj:pass", "was/be/AUX/3/aux:pass",
                  "attacked/attack/VERB/0/root", "dead/dead/ADJ/3/xcomp", "in/in/ADP/6/case",
                  "Georgia/Georgia/PROPN/4/obl"});
  f.dict.petrarch_conventions = true;
  EXPECT_EQ(code(f, s), std::vector<std::string>{"GEO>RUSGOV:190"});
}

// An agentless participle's source stands in from where it happened, never
// from why: "soldiers attacked in Georgia" (GEO), "soldiers attacked for
// helping Armenia" (nobody), with dyad's dictionaries.
TEST(Coder, AgentlessPassiveSourceIsAPlaceNotAReason) {
  Fixture f;
  auto with = [](const std::string& prep) {
    Sentence s = parse({"Russian/Russian/ADJ/2/amod", "soldiers/soldier/NOUN/0/root",
                        "attacked/attack/VERB/2/acl", prep + "/" + prep + "/ADP/5/case",
                        "Georgia/Georgia/PROPN/3/obl"});
    s.tokens[2].xpos = "VBN";
    return s;
  };
  EXPECT_EQ(code(f, with("in")), std::vector<std::string>{"GEO>RUS:190"});
  EXPECT_TRUE(code(f, with("for")).empty());
  EXPECT_TRUE(code(f, with("against")).empty());
  f.dict.petrarch_conventions = true;  // PETRARCH's: any oblique stands in
  EXPECT_EQ(code(f, with("for")), std::vector<std::string>{"GEO>RUS:190"});
  // A passive governing an infinitive: the place is no agent ("Russia was
  // urged in Armenia to attack Georgia" names no one who urged).
  f.dict.petrarch_conventions = false;
  f.add_verbs("--- URGE [020] ---\nURGE\n");
  auto urged =
      parse({"Russia/Russia/PROPN/3/nsubj:pass", "was/be/AUX/3/aux:pass", "urged/urge/VERB/0/root",
             "in/in/ADP/5/case", "Armenia/Armenia/PROPN/3/obl", "to/to/PART/7/mark",
             "attack/attack/VERB/3/xcomp", "Georgia/Georgia/PROPN/7/obj"});
  for (const auto& e : code(f, urged)) EXPECT_FALSE(e.starts_with("ARM>")) << e;
  // An accident or a disaster is no one's act: "soldiers attacked in a
  // crash in Georgia" names no attacker.
  auto crash = parse({"Russian/Russian/ADJ/2/amod", "soldiers/soldier/NOUN/0/root",
                      "attacked/attack/VERB/2/acl", "in/in/ADP/5/case", "crash/crash/NOUN/3/obl",
                      "in/in/ADP/7/case", "Georgia/Georgia/PROPN/3/obl"});
  crash.tokens[2].xpos = "VBN";
  EXPECT_TRUE(code(f, crash).empty());
}

// "helped militants join a group in Georgia": the target is whom the object
// names, not a place inside the clause about them, with dyad's dictionaries.
TEST(Coder, ObjectNamingSomeoneKeepsTheTargetOutOfItsClause) {
  Fixture f;
  f.add_verbs("--- HELP [070] ---\nHELP\n");
  auto help = [](const std::string& object) {
    return parse({"Russia/Russia/PROPN/2/nsubj", "helped/help/VERB/0/root",
                  object + "/" + object + "/NOUN/2/obj", "attack/attack/VERB/2/xcomp",
                  "posts/post/NOUN/4/obj", "in/in/ADP/7/case", "Georgia/Georgia/PROPN/5/nmod"});
  };
  Sentence police = help("police"), money = help("money");
  EXPECT_EQ(code(f, police), std::vector<std::string>{"---COP>GEO:190"});
  // An object naming no one still controls the infinitive: neither the
  // help nor the attack has participants.
  EXPECT_TRUE(code(f, money).empty());
  f.dict.petrarch_conventions = true;
  EXPECT_EQ(code(f, police), std::vector<std::string>{"RUS>GEO:070"});
}

// "criticized Georgia for attacking Armenia": after "for", the one
// criticized did it; "by attacking" is the governor's subject's doing.
TEST(Coder, ForGerundIsTheObjectsDoing) {
  Fixture f;
  auto with = [](const std::string& marker) {
    return parse({"Russia/Russia/PROPN/2/nsubj", "criticized/criticize/VERB/0/root",
                  "Georgia/Georgia/PROPN/2/obj", marker + "/" + marker + "/SCONJ/5/mark",
                  "attacking/attack/VERB/2/advcl", "Armenia/Armenia/PROPN/5/obj"});
  };
  Sentence for_ = with("for"), by = with("by");
  for_.tokens[4].xpos = by.tokens[4].xpos = "VBG";
  EXPECT_EQ(code(f, for_), (std::vector<std::string>{"RUS>GEO:111", "GEO>ARM:190"}));
  EXPECT_EQ(code(f, by), (std::vector<std::string>{"RUS>GEO:111", "RUS>ARM:190"}));
  // "warned Georgia against attacking Armenia", "kept Georgia from
  // attacking": the deed did not happen (dyad's dictionaries).
  for (const std::string marker : {"against", "from"}) {
    Sentence kept = with(marker);
    kept.tokens[4].xpos = "VBG";
    EXPECT_EQ(code(f, kept), std::vector<std::string>{"RUS>GEO:111"}) << marker;
  }
  // An object naming no one leaves the gerund to the subject.
  Sentence nobody = for_;
  nobody.tokens[2].form = nobody.tokens[2].lemma = "money";
  nobody.tokens[2].upos = "NOUN";
  EXPECT_EQ(code(f, nobody), (std::vector<std::string>{"RUS>ARM:190"}));
}

// "Georgia's Putin ...": the name heading the phrase comes before its
// possessor, with dyad's dictionaries; PETRARCH's conventions keep the
// first name written.
TEST(Coder, NameHeadingThePhraseBeforeItsPossessor) {
  Fixture f;
  auto s =
      parse({"Georgia/Georgia/PROPN/3/nmod:poss", "'s/'s/PART/1/case", "Putin/Putin/PROPN/4/nsubj",
             "criticized/criticize/VERB/0/root", "Armenia/Armenia/PROPN/4/obj"});
  f.dict.petrarch_conventions = false;
  EXPECT_EQ(code(f, s), std::vector<std::string>{"RUSGOV>ARM:111"});
  f.dict.petrarch_conventions = true;
  EXPECT_EQ(code(f, s), std::vector<std::string>{"GEO>ARM:111"});
}

// Two people called "Bush": the one in office on the story's date, else a
// former office-holder.
TEST(Coder, NamesakeInOfficeOnTheDate) {
  Fixture f;
  ActorEntry father, son;
  father.person = son.person = true;
  father.dated = {{"USAGOV", 19810120, 19930120}, {"USAELI", 19930121, 99991231}};
  son.dated = {{"USAGOV", 20010120, 20090120}, {"USAELI", 20090121, 99991231}};
  f.dict.actors.add_phrase({"BUSH"}, f.dict.actors.add_entry(father));
  f.dict.actors.add_phrase({"BUSH"}, f.dict.actors.add_entry(son));
  auto s = parse({"Bush/Bush/PROPN/2/nsubj", "criticized/criticize/VERB/0/root",
                  "Georgia/Georgia/PROPN/2/obj"});
  EXPECT_EQ(code(f, s, "19900101"), std::vector<std::string>{"USAGOV>GEO:111"});
  EXPECT_EQ(code(f, s, "20050101"), std::vector<std::string>{"USAGOV>GEO:111"});
  EXPECT_EQ(code(f, s, "19950101"), std::vector<std::string>{"USAELI>GEO:111"});
}

// A capital (dyad dictionaries mark it) modifying another noun names the
// place: "the Moscow police" are Russia's police, "Moscow" alone its
// government.
TEST(Coder, CapitalModifyingANounIsThePlace) {
  Fixture f;
  f.add_actor("MOSCOW", "RUSGOV", false, true);
  f.dict.petrarch_conventions = false;
  auto modifier =
      parse({"Georgia/Georgia/PROPN/2/nsubj", "criticized/criticize/VERB/0/root",
             "the/the/DET/5/det", "Moscow/Moscow/PROPN/5/compound", "police/police/NOUN/2/obj"});
  EXPECT_EQ(code(f, modifier), std::vector<std::string>{"GEO>RUSCOP:111"});
  auto alone = parse({"Georgia/Georgia/PROPN/2/nsubj", "criticized/criticize/VERB/0/root",
                      "Moscow/Moscow/PROPN/2/obj"});
  EXPECT_EQ(code(f, alone), std::vector<std::string>{"GEO>RUSGOV:111"});
  // Where something happens, a capital is the place: "attacked in Moscow".
  auto where = parse({"Georgia/Georgia/PROPN/2/nsubj", "attacked/attack/VERB/0/root",
                      "in/in/ADP/4/case", "Moscow/Moscow/PROPN/2/obl"});
  EXPECT_EQ(code(f, where), std::vector<std::string>{"GEO>RUS:190"});
  f.dict.petrarch_conventions = true;
  EXPECT_EQ(code(f, where), std::vector<std::string>{"GEO>RUSGOV:190"});
}

// "POLICE {}" lists no plural: "polices" is not police, even though its
// lemma is; an agent with generated plurals still matches by lemma.
TEST(Coder, AgentWithItsPluralsListedMatchesTheWrittenForm) {
  Fixture f;
  auto with = [](const std::string& noun, const std::string& lemma) {
    return parse({"Russia/Russia/PROPN/2/nsubj", "criticized/criticize/VERB/0/root",
                  "Georgia/Georgia/PROPN/5/nmod:poss", "'s/'s/PART/3/case",
                  noun + "/" + lemma + "/NOUN/2/obj"});
  };
  EXPECT_EQ(code(f, with("polices", "police")), std::vector<std::string>{"RUS>GEO:111"});
  EXPECT_EQ(code(f, with("police", "police")), std::vector<std::string>{"RUS>GEOCOP:111"});
  std::istringstream guards("GUARD [~MIL]\n");
  f.dict.agents.load(guards, "guards", f.dict.errors);
  EXPECT_EQ(code(f, with("guardes", "guard")), std::vector<std::string>{"RUS>GEOMIL:111"});
}

// "criticized Georgia as one of the conditions of a deal with Armenia":
// an "as" phrase says in what role, not to whom.
TEST(Coder, AsPhraseNamesNoTarget) {
  Fixture f;
  auto s = parse({"Russia/Russia/PROPN/2/nsubj", "criticized/criticize/VERB/0/root",
                  "as/as/ADP/4/case", "part/part/NOUN/2/obl", "of/of/ADP/7/case", "a/a/DET/7/det",
                  "deal/deal/NOUN/4/nmod", "with/with/ADP/9/case", "Armenia/Armenia/PROPN/7/nmod"});
  expect_under_both_conventions(f, s, {});
}

// PETRARCH's reader keys a verb's patterns by their words: the same pattern
// written again later replaces the earlier one (its code wins), with
// PETRARCH's conventions.
TEST(Coder, PatternWrittenAgainReplacesTheEarlierOne) {
  Fixture f;
  f.add_verbs(
      "--- PROVIDE [---] ---\nPROVIDE\n- * SUPPORT (TO +) [051]\n- * SUPPORT (TO +) [060]\n");
  auto s = parse({"Russia/Russia/PROPN/2/nsubj", "provided/provide/VERB/0/root",
                  "support/support/NOUN/2/obj", "to/to/ADP/5/case", "Georgia/Georgia/PROPN/2/obl"});
  f.dict.petrarch_conventions = true;
  EXPECT_EQ(code(f, s), std::vector<std::string>{"RUS>GEO:060"});
  f.dict.petrarch_conventions = false;
  EXPECT_EQ(code(f, s), std::vector<std::string>{"RUS>GEO:051"});
}

// "said two weeks after rebels attacked": a span of time parsed as the
// object names no target. "There were soldiers killed in Georgia" is a
// killing of the soldiers, whatever the parse says.
TEST(Coder, TimeSpansAndExistentials) {
  Fixture f;
  auto span =
      parse({"Putin/Putin/PROPN/2/nsubj", "said/say/VERB/0/root", "two/two/NUM/4/nummod",
             "weeks/week/NOUN/2/obj", "after/after/ADP/6/case", "Georgia/Georgia/PROPN/4/nmod"});
  expect_under_both_conventions(f, span, {});
  f.add_verbs("--- KILL [190] ---\nKILL\n");
  std::istringstream soldiers("SOLDIER [~MIL]\n");
  f.dict.agents.load(soldiers, "soldiers", f.dict.errors);
  auto there =
      parse({"There/there/PRON/2/expl", "were/be/VERB/0/root", "Russian/Russian/ADJ/4/amod",
             "soldiers/soldier/NOUN/5/nsubj", "killed/kill/VERB/2/csubj", "in/in/ADP/7/case",
             "Georgia/Georgia/PROPN/5/obl"});
  there.tokens[4].xpos = "VBD";
  expect_under_both_conventions(f, there, std::vector<std::string>{"GEO>RUSMIL:190"});
}

// An event's texts are the actors' phrases without their preposition ("the
// alliance", not "to the alliance") or modifiers cut off by a comma.
TEST(Coder, ActorTextsLeaveOutThePreposition) {
  Fixture f;
  Coder coder(f.dict);
  StoryContext story;
  story.date = "20240101";
  auto s = parse({"Russia/Russia/PROPN/2/nsubj", "said/say/VERB/0/root", "to/to/ADP/5/case",
                  "the/the/DET/5/det", "Georgia/Georgia/PROPN/2/obl"});
  auto events = coder.code(s, 1, story).events;
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].target_text, "the Georgia");
  EXPECT_EQ(events[0].source_text, "Russia");
  // "May 30 , Russia criticized Georgia" with the date on the subject: a
  // modifier cut off by a comma is left out too.
  auto t = parse({"May/May/PROPN/2/compound", "30/30/NUM/4/nummod", ",/,/PUNCT/2/punct",
                  "Russia/Russia/PROPN/5/nsubj", "criticized/criticize/VERB/0/root",
                  "Georgia/Georgia/PROPN/5/obj"});
  auto more = coder.code(t, 2, story).events;
  ASSERT_EQ(more.size(), 1u);
  EXPECT_EQ(more[0].source_text, "Russia");
}

}  // namespace
}  // namespace dyad
