// End-to-end: the coder on the field's validation suites (skipped when
// ../shared is absent). The floors are regression guards at the measured
// level; docs/accuracy.md has the figures and the targets.
#include "evaluation/evaluate.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "dictionaries/dictionary_set.h"

namespace dyad {
namespace {

std::string suite_path(const std::string& name) {
  return std::string(DYAD_SHARED_DIR) + "/eval/" + name + ".jsonl";
}

ScoreCard run_suite(const std::string& name) {
  std::string path = suite_path(name);
  std::string error;
  DictionaryFiles files = suite_dictionaries(path, &error);
  EXPECT_FALSE(files.empty()) << error;
  auto dict = load_dictionaries(files);
  std::vector<InputError> errors;
  auto records = read_suite(path, errors);
  EXPECT_TRUE(errors.empty());
  return evaluate_suite(records, *dict, name).card;
}

#define SKIP_WITHOUT_SHARED(name)                                                      \
  if (!std::filesystem::exists(suite_path(name))) {                                    \
    GTEST_SKIP() << "../shared/eval/" << name << ".jsonl is absent: suite not scored"; \
  }

TEST(Suites, PetrarchValidateUdAtLeastNinetyPercentExact) {
  SKIP_WITHOUT_SHARED("petrarch-validate-ud");
  ScoreCard card = run_suite("petrarch-validate-ud");
  EXPECT_EQ(card.scored, 245);
  EXPECT_GE(static_cast<double>(card.exact) / card.scored, 0.90) << card.to_text();
}

TEST(Suites, PetrarchUnitUdFloor) {
  SKIP_WITHOUT_SHARED("petrarch-unit-ud");
  ScoreCard card = run_suite("petrarch-unit-ud");
  EXPECT_EQ(card.scored, 280);
  EXPECT_GE(static_cast<double>(card.exact) / card.scored, 0.85) << card.to_text();
}

TEST(Suites, GigawordGsrFloor) {
  SKIP_WITHOUT_SHARED("gigaword-gsr");
  ScoreCard card = run_suite("gigaword-gsr");
  EXPECT_EQ(card.scored, 78);
  EXPECT_GE(static_cast<double>(card.exact) / card.scored, 0.75) << card.to_text();  // 76.9 %
  EXPECT_GE(card.f1(), 0.80) << card.to_text();                                      // 0.805
  EXPECT_GE(card.root_f1(), 0.85) << card.to_text();                                 // 0.866
}

// Runs a shell command line; returns its exit status.
int run(const std::string& command) { return std::system(command.c_str()); }

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::vector<nlohmann::json> read_jsonl(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::vector<nlohmann::json> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

// The command line: `dyad eval --json` writes the score card fields, and
// `dyad code` reports a malformed sentence with file and line and codes the rest.
TEST(Cli, EvalWritesScoreCardJson) {
  SKIP_WITHOUT_SHARED("petrarch-validate-ud");
  auto out = std::filesystem::temp_directory_path() / "dyad_eval_card.json";
  std::string cmd = std::string(DYAD_CLI_PATH) + " eval " + suite_path("petrarch-validate-ud") +
                    " --json " + out.string() + " >/dev/null 2>&1";
  ASSERT_EQ(run(cmd), 0);
  auto j = nlohmann::json::parse(read_text(out));
  for (const char* key : {"suite", "records", "scored", "exact", "precision", "recall", "f1",
                          "root_precision", "root_recall", "root_f1", "by_category"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j["suite"], "petrarch-validate-ud");
  EXPECT_EQ(j["records"], 274);
}

TEST(Cli, CodeReportsMalformedInputAndCodesTheRest) {
  auto dir = std::filesystem::temp_directory_path() / "dyad_cli_code";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "verbs.txt") << "--- CRITICIZE [111] ---\nCRITICIZE\n";
  std::ofstream(dir / "actors.txt") << "RUSSIA_ [RUS]\nGEORGIA_ [GEO]\nBROKEN [XXX 99-\n";
  std::ofstream(dir / "in.conllu") << "1\tRussia\tRussia\tPROPN\t_\t_\t2\tnsubj\t_\t_\n"
                                      "2\tcriticized\tcriticize\tVERB\t_\t_\t0\troot\t_\t_\n"
                                      "3\tGeorgia\tGeorgia\tPROPN\t_\t_\t2\tobj\t_\t_\n\n"
                                      "1\tbroken\tline\n\n"
                                      "1\tGeorgia\tGeorgia\tPROPN\t_\t_\t2\tnsubj\t_\t_\n"
                                      "2\tcriticized\tcriticize\tVERB\t_\t_\t0\troot\t_\t_\n"
                                      "3\tRussia\tRussia\tPROPN\t_\t_\t2\tobj\t_\t_\n";
  std::string d = dir.string();
  std::string cmd = std::string(DYAD_CLI_PATH) + " code " + d + "/in.conllu --verbs " + d +
                    "/verbs.txt --actors " + d + "/actors.txt -o " + d + "/events.jsonl 2>" + d +
                    "/err.txt";
  ASSERT_EQ(run(cmd), 0);
  std::string messages = read_text(dir / "err.txt");
  EXPECT_NE(messages.find(d + "/in.conllu:5: expected 10 tab-separated columns, found 3"),
            std::string::npos)
      << messages;
  EXPECT_NE(messages.find(d + "/actors.txt:3:"), std::string::npos) << messages;
  auto lines = read_jsonl(dir / "events.jsonl");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["source"], "RUS");
  EXPECT_EQ(lines[1]["source"], "GEO");
  for (const char* key :
       {"doc_id", "sentence_id", "date", "source", "target", "code", "root", "quad_class",
        "goldstein", "source_text", "target_text", "pattern", "negated"}) {
    EXPECT_TRUE(lines[0].contains(key)) << key;
  }
  EXPECT_EQ(lines[0]["root"], "11");
  EXPECT_EQ(lines[0]["quad_class"], 3);
  EXPECT_EQ(lines[1]["sentence_id"], 2);
}

// A story date is normalised to YYYYMMDD; one that is not a date is refused.
TEST(Cli, CodeStoryDateIsCheckedAndNormalised) {
  auto dir = std::filesystem::temp_directory_path() / "dyad_cli_date";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "verbs.txt") << "--- CRITICIZE [111] ---\nCRITICIZE\n";
  std::ofstream(dir / "actors.txt") << "RUSSIA_ [RUS]\nGEORGIA_ [GEO]\n";
  std::ofstream(dir / "in.conllu") << "1\tRussia\tRussia\tPROPN\t_\t_\t2\tnsubj\t_\t_\n"
                                      "2\tcriticized\tcriticize\tVERB\t_\t_\t0\troot\t_\t_\n"
                                      "3\tGeorgia\tGeorgia\tPROPN\t_\t_\t2\tobj\t_\t_\n\n";
  std::string d = dir.string();
  std::string base = std::string(DYAD_CLI_PATH) + " code " + d + "/in.conllu --verbs " + d +
                     "/verbs.txt --actors " + d + "/actors.txt -o " + d + "/events.jsonl";
  ASSERT_EQ(run(base + " --date 2024-05-31 2>/dev/null"), 0);
  auto lines = read_jsonl(dir / "events.jsonl");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["date"], "20240531");
  EXPECT_EQ(lines[0]["story_date"], "20240531");
  EXPECT_EQ(lines[0]["date_source"], "story");
  EXPECT_NE(run(base + " --date someday 2>" + d + "/err.txt"), 0);
  EXPECT_NE(read_text(dir / "err.txt").find("--date: expected a date"), std::string::npos);
}

TEST(Cli, CodeSkipsMalformedJsonlRecordsAndCodesTheRest) {
  auto dir = std::filesystem::temp_directory_path() / "dyad_cli_jsonl";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "verbs.txt") << "--- CRITICIZE [111] ---\nCRITICIZE\n";
  std::ofstream(dir / "actors.txt") << "RUSSIA_ [RUS]\nGEORGIA_ [GEO]\n";
  const std::string parse =
      "1\\tRussia\\tRussia\\tPROPN\\t_\\t_\\t2\\tnsubj\\t_\\t_\\n"
      "2\\tcriticized\\tcriticize\\tVERB\\t_\\t_\\t0\\troot\\t_\\t_\\n"
      "3\\tGeorgia\\tGeorgia\\tPROPN\\t_\\t_\\t2\\tobj\\t_\\t_\\n";
  std::ofstream(dir / "in.jsonl") << "{\"id\": \"a\", \"date\": \"20240101\", \"conllu\": \""
                                  << parse << "\"}\n"
                                  << "{\"id\": \"broken\", \"conllu\": \n"
                                  << "{\"date\": \"20240101\"}\n"
                                  << "{\"id\": \"b\", \"date\": \"20240102\", \"conllu\": \""
                                  << parse << "\"}\n";
  std::string d = dir.string();
  std::string cmd = std::string(DYAD_CLI_PATH) + " code " + d + "/in.jsonl --verbs " + d +
                    "/verbs.txt --actors " + d + "/actors.txt -o " + d + "/events.jsonl 2>" + d +
                    "/err.txt";
  ASSERT_EQ(run(cmd), 0);
  std::string messages = read_text(dir / "err.txt");
  EXPECT_NE(messages.find(d + "/in.jsonl:2: expected one JSON object per line"), std::string::npos)
      << messages;
  EXPECT_NE(messages.find(d + "/in.jsonl:3: expected fields id"), std::string::npos) << messages;
  auto lines = read_jsonl(dir / "events.jsonl");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["doc_id"], "a");
  EXPECT_EQ(lines[1]["doc_id"], "b");
  EXPECT_EQ(lines[1]["date"], "20240102");
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

// `dyad parse --names` with dictionaries that name nobody (a missing file)
// stops with a clear message instead of parsing without them.
TEST(Cli, ParseNamesWithoutNamesIsAClearError) {
  auto dir = std::filesystem::temp_directory_path() / "dyad_cli_parse_names";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "in.txt") << "Russia criticized Georgia.\n";
  std::string cmd = std::string(DYAD_CLI_PATH) + " parse " + (dir / "in.txt").string() +
                    " --models " + DYAD_SOURCE_DIR + "/models --names " +
                    (dir / "missing.dyad").string() + " -o " + (dir / "out.conllu").string() +
                    " 2>" + (dir / "err.txt").string();
  int status = std::system(cmd.c_str());
  EXPECT_EQ(WEXITSTATUS(status), 2);
  std::ifstream err(dir / "err.txt");
  std::string text((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("missing.dyad"), std::string::npos) << text;
  EXPECT_NE(text.find("expected actor names or agent nouns"), std::string::npos) << text;
  std::filesystem::remove_all(dir);
}

// `dyad train --lexicon` with a folder that holds no WordNet stops with the
// file it could not read, before any training and without writing a model.
TEST(Cli, TrainWithAMissingLexiconIsAClearError) {
  auto dir = std::filesystem::temp_directory_path() / "dyad_cli_train_lexicon";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "gold.conllu") << "1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                                        "2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n\n";
  std::string cmd = std::string(DYAD_CLI_PATH) + " train " + (dir / "gold.conllu").string() +
                    " --tagger " + (dir / "t.tagger").string() + " --lexicon " +
                    (dir / "no-wordnet").string() + " 2>" + (dir / "err.txt").string();
  int status = std::system(cmd.c_str());
  EXPECT_EQ(WEXITSTATUS(status), 1);
  std::ifstream err(dir / "err.txt");
  std::string text((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("no-wordnet/index.noun: cannot read"), std::string::npos) << text;
  EXPECT_FALSE(std::filesystem::exists(dir / "t.tagger"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace dyad
