// dyad command line: a thin layer over the library.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>

#include "cli/dict_command.h"
#include "cli/run_command.h"
#include "conllu/conllu.h"
#include "dictionaries/dictionary_set.h"
#include "dictionaries/dyad_format.h"
#include "evaluation/evaluate.h"
#include "evaluation/ud_eval.h"
#include "events/coder.h"
#include "ingest/ingest.h"
#include "syntax/augment.h"
#include "syntax/pipeline.h"
#include "text/tokenizer.h"

namespace {

using dyad::DictionaryFiles;

// Standard output, or a file when a path is given.
class Output {
 public:
  // False (after saying so) when the file cannot be written; "" or "-" is standard output.
  bool open(const std::string& path) {
    if (path.empty() || path == "-") return true;
    file_.open(path, std::ios::binary);
    if (!file_) std::cerr << path << ": cannot write\n";
    return static_cast<bool>(file_);
  }
  std::ostream& stream() { return file_.is_open() ? file_ : std::cout; }

 private:
  std::ofstream file_;
};

// A whole file as bytes; false (after saying so) when it cannot be read.
bool read_whole_file(const std::string& path, std::string& text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << path << ": cannot read\n";
    return false;
  }
  text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

void add_dictionary_flags(CLI::App* cmd, DictionaryFiles& files) {
  cmd->add_option("--verbs", files.verbs, "verb dictionary files (PETRARCH-2 format)");
  cmd->add_option("--actors", files.actors, "actor dictionary files");
  cmd->add_option("--agents", files.agents, "agent dictionary files");
  cmd->add_option("--discards", files.discards, "discard lists");
  cmd->add_option("--issues", files.issues, "issue dictionaries (e.g. Phoenix.IssueCoding.txt)");
  cmd->add_option("--ontology", files.ontology, "PETRARCH internal coding ontology file");
}

std::unique_ptr<dyad::Dictionaries> load_or_report(const DictionaryFiles& files) {
  auto start = std::chrono::steady_clock::now();
  auto dict = dyad::load_dictionaries(files);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (const auto& e : dict->errors) std::cerr << e.to_string() << '\n';
  std::cerr << fmt::format(
      "dictionaries: {} verb patterns, {} actor phrases, {} agent phrases, "
      "{} discards loaded in {:.2f} s ({} problems)\n",
      dict->verbs.pattern_count(), dict->actors.phrases().size(), dict->agents.phrases().size(),
      dict->discards.entries().size(), secs, dict->errors.size());
  return dict;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::unique_ptr<dyad::Dictionaries> load_dyad_or_report(const std::vector<std::string>& paths) {
  auto start = std::chrono::steady_clock::now();
  auto dict = dyad::load_dyad_dictionaries(dyad::cli::dictionary_paths(paths));
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (const auto& e : dict->errors) std::cerr << e.to_string() << '\n';
  std::cerr << fmt::format(
      "dyad dictionaries: {} verb patterns, {} actor phrases, {} agent phrases loaded in {:.2f} s "
      "({} problems)\n",
      dict->verbs.pattern_count(), dict->actors.phrases().size(), dict->agents.phrases().size(),
      secs, dict->errors.size());
  return dict;
}

// PETRARCH files when given (or named by a suite's suites.json when asked),
// else dyad's own dictionaries.
std::unique_ptr<dyad::Dictionaries> choose_dictionaries(DictionaryFiles files,
                                                        const std::vector<std::string>& dyad_paths,
                                                        const std::string& suite) {
  if (files.empty() && dyad_paths.empty() && !suite.empty()) {
    std::string error;
    files = dyad::suite_dictionaries(suite, &error);
  }
  if (!files.empty()) {
    if (files.verbs.empty() || files.actors.empty()) {
      std::cerr << "dyad: expected both --verbs and --actors dictionary files\n";
      return nullptr;
    }
    return load_or_report(files);
  }
  auto dict = load_dyad_or_report(dyad_paths);
  if (dict->verbs.pattern_count() == 0 || dict->actors.phrases().size() == 0) {
    std::cerr << "dyad: expected dictionaries (dyad's own were not found; give --dictionaries "
                 "or --verbs/--actors)\n";
    return nullptr;
  }
  return dict;
}

int run_code(const std::vector<std::string>& inputs, DictionaryFiles files,
             const std::vector<std::string>& dyad_paths, bool suite_dicts, const std::string& date,
             const std::string& output, bool loose, bool text_input,
             const dyad::SyntaxModels& models) {
  std::string suite;
  if (suite_dicts && inputs.size() == 1 && ends_with(inputs[0], ".jsonl")) suite = inputs[0];
  auto dict = choose_dictionaries(files, dyad_paths, suite);
  if (!dict) return 2;
  dyad::CoderOptions options;
  options.require_dyad = !loose;
  dyad::Coder coder(*dict, options);
  Output target;
  if (!target.open(output)) return 1;
  std::ostream& out = target.stream();
  std::size_t events = 0, sentences = 0, skipped = 0;
  auto emit = [&](const std::vector<dyad::Event>& evs) {
    for (const auto& e : evs) {
      out << dyad::to_json(e).dump() << '\n';
      ++events;
    }
  };
  dyad::SyntaxPipeline pipeline;
  if (text_input) {
    if (std::string e = pipeline.load(models); !e.empty()) {
      std::cerr << "dyad code: " << e << '\n';
      return 1;
    }
  }
  // The tagger is told which words name actors in the dictionaries.
  const dyad::SyntaxPipeline::WordFinder names = [&](const dyad::Sentence& s) {
    return coder.known_words(s);
  };
  for (const auto& path : inputs) {
    if (text_input) {
      std::string text;
      if (!read_whole_file(path, text)) return 1;
      dyad::Document doc;
      doc.id = std::filesystem::path(path).stem().string();
      doc.date = date;
      doc.sentences = pipeline.parse_text(text, doc.id, &names);
      sentences += doc.sentences.size();
      emit(coder.code(doc));
      continue;
    }
    if (ends_with(path, ".jsonl")) {
      std::vector<dyad::InputError> errors;
      auto records = dyad::read_suite(path, errors);
      for (const auto& r : records) {
        std::vector<dyad::InputError> perr;
        dyad::Document doc = dyad::record_document(r, &perr);
        for (const auto& e : perr) errors.push_back(e);
        sentences += doc.sentences.size();
        emit(coder.code(doc));
      }
      skipped += errors.size();
      for (const auto& e : errors) std::cerr << e.to_string() << '\n';
      continue;
    }
    std::ifstream in(path);
    if (!in) {
      std::cerr << path << ": cannot read\n";
      return 1;
    }
    dyad::ConlluReader reader(in, path);
    dyad::StoryContext story;
    story.doc_id = path;
    story.date = date;
    dyad::Sentence s;
    int id = 0;
    while (reader.next(s)) {
      ++sentences;
      std::string_view doc_id = s.comment_value("newdoc id");
      if (!doc_id.empty()) {
        story = dyad::StoryContext{};
        story.doc_id = std::string(doc_id);
        story.date = date;
        id = 0;
      }
      emit(coder.code(s, ++id, story).events);
    }
    skipped += reader.sentences_skipped();
    for (const auto& e : reader.errors()) std::cerr << e.to_string() << '\n';
  }
  std::cerr << fmt::format("coded {} sentences, {} events; {} malformed inputs skipped\n",
                           sentences, events, skipped);
  return 0;
}

int run_eval(const std::string& suite_path, DictionaryFiles files,
             const std::vector<std::string>& dyad_paths, const std::string& json_path,
             bool show_failures, const std::string& parser, const dyad::SyntaxModels& models,
             const std::string& parses_path) {
  if (files.empty() && dyad_paths.empty()) {
    std::string error;
    files = dyad::suite_dictionaries(suite_path, &error);
    if (files.empty()) {
      std::cerr << "dyad eval: " << error << " (or give --verbs/--actors/... or --dictionaries)\n";
      return 2;
    }
  }
  std::vector<dyad::InputError> errors;
  auto records = dyad::read_suite(suite_path, errors);
  for (const auto& e : errors) std::cerr << e.to_string() << '\n';
  auto dict = choose_dictionaries(files, dyad_paths, "");
  if (!dict) return 2;
  std::string name = std::filesystem::path(suite_path).stem().string();
  dyad::SyntaxPipeline pipeline;
  if (parser == "builtin") {
    if (std::string e = pipeline.load(models); !e.empty()) {
      std::cerr << "dyad eval: " << e << '\n';
      return 1;
    }
  } else if (parser != "given") {
    std::cerr << "dyad eval: expected --parser given or builtin\n";
    return 2;
  }
  auto result =
      dyad::evaluate_suite(records, *dict, name, parser == "builtin" ? &pipeline : nullptr);
  if (show_failures) {
    for (const auto& o : result.outcomes) {
      if (o.exact || !o.record->scored) continue;
      std::cout << "FAIL " << o.record->id << ": " << o.record->text << "\n  gold:";
      for (const auto& g : o.record->expected)
        std::cout << ' ' << g.source << '>' << g.target << ':' << g.code;
      std::cout << "\n  got: ";
      for (const auto& e : o.events)
        std::cout << ' ' << e.source << '>' << e.target << ':' << e.code;
      std::cout << '\n';
      for (const auto& e : o.events) std::cout << "    " << e.code << " via " << e.pattern << '\n';
    }
  }
  // The score card is printed whatever happens to the files asked for.
  std::cout << result.card.to_text();
  int status = 0;
  if (!json_path.empty()) {
    std::ofstream out(json_path);
    out << result.card.to_json().dump(2) << '\n';
    if (!out) {
      std::cerr << json_path << ": cannot write\n";
      status = 1;
    }
  }
  if (!parses_path.empty()) {
    std::ofstream out(parses_path);
    for (const auto& o : result.outcomes) {
      out << "# record = " << o.record->id << '\n';
      for (const auto& sentence : o.sentences) dyad::write_conllu(out, sentence);
    }
    if (!out) {
      std::cerr << parses_path << ": cannot write\n";
      status = 1;
    }
  }
  return status;
}

// Reads a CoNLL-U file whole, reporting malformed sentences.
std::vector<dyad::Sentence> read_conllu_file(const std::string& path, bool* ok) {
  std::vector<dyad::Sentence> out;
  std::ifstream in(path);
  if (!in) {
    std::cerr << path << ": cannot read\n";
    *ok = false;
    return out;
  }
  dyad::ConlluReader reader(in, path);
  dyad::Sentence s;
  while (reader.next(s)) out.push_back(std::move(s));
  for (const auto& e : reader.errors()) std::cerr << e.to_string() << '\n';
  *ok = true;
  return out;
}

int run_eval_ud(const std::string& gold_path, const std::string& system_path,
                const std::string& json_path) {
  bool ok_gold = false, ok_system = false;
  auto gold = read_conllu_file(gold_path, &ok_gold);
  auto system = read_conllu_file(system_path, &ok_system);
  if (!ok_gold || !ok_system) return 1;
  dyad::UdScores scores = dyad::evaluate_ud(gold, system);
  if (!scores.error.empty()) {
    std::cerr << "dyad eval-ud: " << scores.error << '\n';
    return 1;
  }
  std::cout << scores.to_text();
  if (!json_path.empty()) {
    std::ofstream out(json_path);
    if (!out) {
      std::cerr << json_path << ": cannot write\n";
      return 1;
    }
    out << scores.to_json().dump(2) << '\n';
  }
  return 0;
}

int run_tokenize(const std::string& input, const std::string& output) {
  std::string text;
  if (!read_whole_file(input, text)) return 1;
  auto sentences = dyad::tokenize(text);
  Output target;
  if (!target.open(output)) return 1;
  std::ostream& out = target.stream();
  std::string doc = std::filesystem::path(input).stem().string();
  out << "# newdoc id = " << doc << '\n';
  int n = 0;
  for (const auto& s : sentences) {
    dyad::write_conllu(out, dyad::to_sentence(text, s, doc + "-" + std::to_string(++n)));
  }
  std::size_t tokens = 0;
  for (const auto& s : sentences) tokens += s.tokens.size();
  std::cerr << fmt::format("{}: {} sentences, {} tokens\n", input, sentences.size(), tokens);
  return 0;
}

// Streams a CoNLL-U file through `annotate` to the output; malformed
// sentences are reported and skipped.
int rewrite_conllu(const std::string& input, const std::string& output,
                   const std::function<void(dyad::Sentence&)>& annotate) {
  std::ifstream in(input);
  if (!in) {
    std::cerr << input << ": cannot read\n";
    return 1;
  }
  Output target;
  if (!target.open(output)) return 1;
  dyad::ConlluReader reader(in, input);
  dyad::Sentence s;
  while (reader.next(s)) {
    annotate(s);
    dyad::write_conllu(target.stream(), s);
  }
  for (const auto& e : reader.errors()) std::cerr << e.to_string() << '\n';
  return 0;
}

// What `dyad train` was asked to build, and how.
struct TrainOptions {
  std::vector<std::string> inputs;
  std::string tagger_path, parser_path, lemmatizer_path, metadata, tagged_path, lexicon_dir;
  int epochs = 8, parser_epochs = 10, jackknife = 5, beam = 1, snapshot_from = 0;
  std::uint32_t min_updates = 3;
  bool augment_news = false, root_last = false;
};

int run_train(const TrainOptions& o) {
  const auto& [inputs, tagger_path, parser_path, lemmatizer_path, metadata, tagged_path,
               lexicon_dir, epochs, parser_epochs, jackknife, beam, snapshot_from, min_updates,
               augment_news, root_last] = o;
  if (tagger_path.empty() && parser_path.empty() && lemmatizer_path.empty()) {
    std::cerr << "dyad train: expected --tagger FILE, --parser FILE and/or --lemmatizer FILE\n";
    return 2;
  }
  std::vector<dyad::Sentence> sentences;
  for (const auto& path : inputs) {
    bool ok = false;
    auto part = read_conllu_file(path, &ok);
    if (!ok) return 1;
    for (auto& s : part) sentences.push_back(std::move(s));
  }
  if (sentences.empty()) {
    std::cerr << "dyad train: expected gold CoNLL-U sentences\n";
    return 2;
  }
  if (augment_news) {
    auto variants = dyad::news_variants(sentences);
    std::cerr << fmt::format("news variants: {} sentences added\n", variants.size());
    for (auto& v : variants) sentences.push_back(std::move(v));
  }
  auto save = [](const std::string& path, const auto& model) {
    std::ofstream out(path, std::ios::binary);
    if (!out) {
      std::cerr << path << ": cannot write\n";
      return false;
    }
    model.save(out);
    return true;
  };
  dyad::WordClassLexicon lexicon;
  if (!lexicon_dir.empty()) {
    if (std::string e = lexicon.read_wordnet(lexicon_dir); !e.empty()) {
      std::cerr << "dyad train: " << e << "\n";
      if (lexicon.empty()) return 1;
    }
    std::cerr << fmt::format("lexicon: {} word forms from {}\n", lexicon.size(), lexicon_dir);
  }
  auto start = std::chrono::steady_clock::now();
  auto seconds = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  if (!tagger_path.empty()) {
    dyad::Tagger tagger = dyad::Tagger::train(sentences, epochs, metadata, lexicon);
    if (!save(tagger_path, tagger)) return 1;
    std::cerr << fmt::format(
        "tagger: {} sentences, {} labels, {} features, {} epochs, {:.1f} s -> {}\n",
        sentences.size(), tagger.label_count(), tagger.feature_count(), epochs, seconds(),
        tagger_path);
  }
  if (!lemmatizer_path.empty()) {
    start = std::chrono::steady_clock::now();
    dyad::Lemmatizer lemmatizer = dyad::Lemmatizer::train(sentences, metadata);
    if (!save(lemmatizer_path, lemmatizer)) return 1;
    std::cerr << fmt::format(
        "lemmatizer: {} sentences, {} words, {} suffix rules, {:.1f} s -> {}\n", sentences.size(),
        lemmatizer.word_count(), lemmatizer.rule_count(), seconds(), lemmatizer_path);
  }
  if (!parser_path.empty()) {
    start = std::chrono::steady_clock::now();
    // The parser learns from tags like those it will see: each fifth of the
    // data is tagged by a tagger trained on the other four (jackknifing).
    std::vector<dyad::Sentence> tagged = sentences;
    if (jackknife > 1) {
      for (int fold = 0; fold < jackknife; ++fold) {
        std::vector<dyad::Sentence> rest;
        for (std::size_t i = 0; i < sentences.size(); ++i) {
          if (static_cast<int>(i % static_cast<std::size_t>(jackknife)) != fold) {
            rest.push_back(sentences[i]);
          }
        }
        dyad::Tagger fold_tagger = dyad::Tagger::train(rest, epochs, "", lexicon);
        for (std::size_t i = 0; i < sentences.size(); ++i) {
          if (static_cast<int>(i % static_cast<std::size_t>(jackknife)) == fold) {
            fold_tagger.tag(tagged[i]);
          }
        }
      }
    }
    if (!tagged_path.empty()) {
      std::ofstream out(tagged_path, std::ios::binary);
      for (const auto& s : tagged) dyad::write_conllu(out, s);
      if (!out) {
        std::cerr << tagged_path << ": cannot write\n";
        return 1;
      }
    }
    // Snapshots: the model as after each epoch from `snapshot_from` on.
    auto snapshot = [&](int epoch, const dyad::Parser& p) {
      if (snapshot_from <= 0 || epoch < snapshot_from || epoch == parser_epochs) return;
      const std::string path = fmt::format("{}.epoch{}", parser_path, epoch);
      if (save(path, p))
        std::cerr << fmt::format("parser: epoch {}, {:.1f} s -> {}\n", epoch, seconds(), path);
    };
    dyad::Parser parser = dyad::Parser::train(tagged, parser_epochs, metadata, min_updates,
                                              root_last, beam, snapshot);
    if (!save(parser_path, parser)) return 1;
    std::cerr << fmt::format(
        "parser: {} sentences, {} relations, {} features, {} epochs, beam {}, {:.1f} s -> {}\n",
        sentences.size(), parser.label_count(), parser.feature_count(), parser_epochs,
        parser.beam(), seconds(), parser_path);
  }
  return 0;
}

int run_parse(const dyad::SyntaxModels& models, const std::string& input, const std::string& output,
              bool tokenized, const std::vector<std::string>& name_dictionaries) {
  dyad::SyntaxPipeline pipeline;
  if (std::string e = pipeline.load(models); !e.empty()) {
    std::cerr << "dyad parse: " << e << '\n';
    return 1;
  }
  // With --names, actor names of dyad dictionaries are tagged as names, as
  // `dyad code --text` does.
  std::unique_ptr<dyad::Dictionaries> dict;
  std::unique_ptr<dyad::Coder> coder;
  dyad::SyntaxPipeline::WordFinder finder;
  if (!name_dictionaries.empty()) {
    dict = load_dyad_or_report(name_dictionaries);
    if (dict->actors.phrases().size() == 0 && dict->agents.phrases().size() == 0) {
      std::cerr << "dyad parse: expected actor names or agent nouns in the --names dictionaries\n";
      return 2;
    }
    coder = std::make_unique<dyad::Coder>(*dict);
    finder = [&](const dyad::Sentence& s) { return coder->known_words(s); };
  }
  const dyad::SyntaxPipeline::WordFinder* names = finder ? &finder : nullptr;
  if (tokenized) {
    return rewrite_conllu(input, output, [&](dyad::Sentence& s) { pipeline.annotate(s, names); });
  }
  std::string text;
  if (!read_whole_file(input, text)) return 1;
  Output target;
  if (!target.open(output)) return 1;
  std::ostream& out = target.stream();
  std::string doc = std::filesystem::path(input).stem().string();
  out << "# newdoc id = " << doc << '\n';
  std::size_t words = 0;
  auto sentences = pipeline.parse_text(text, doc, names);
  for (const auto& s : sentences) {
    words += s.size();
    dyad::write_conllu(out, s);
  }
  std::cerr << fmt::format("{}: {} sentences, {} words{}\n", input, sentences.size(), words,
                           sentences.empty() ? " (no text found)" : "");
  return 0;
}

int run_tag(const std::string& model_path, const std::string& input, const std::string& output) {
  std::ifstream model(model_path, std::ios::binary);
  if (!model) {
    std::cerr << model_path << ": cannot read\n";
    return 1;
  }
  dyad::Tagger tagger;
  if (std::string error = tagger.load(model); !error.empty()) {
    std::cerr << model_path << ": " << error << '\n';
    return 1;
  }
  return rewrite_conllu(input, output, [&](dyad::Sentence& s) { tagger.tag(s); });
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"dyad: political event data from news text"};
  app.require_subcommand(1);

  auto* code = app.add_subcommand("code", "code events from CoNLL-U files or suite JSONL records");
  std::vector<std::string> code_inputs;
  DictionaryFiles code_files;
  std::string code_date, code_output;
  bool code_loose = false;
  code->add_option("inputs", code_inputs, "CoNLL-U or JSONL files")->required();
  add_dictionary_flags(code, code_files);
  std::vector<std::string> code_dyad;
  bool code_suite_dicts = false;
  code->add_option("--dictionaries", code_dyad,
                   "dyad dictionary files or folders (default: dyad's own dictionaries)");
  code->add_flag("--suite-dictionaries", code_suite_dicts,
                 "for a suite JSONL, use the PETRARCH dictionaries its suites.json names");
  code->add_option("--date", code_date, "story date (YYYYMMDD) for CoNLL-U input");
  code->add_option("-o,--output", code_output, "write events here instead of standard output");
  code->add_flag("--no-require-dyad", code_loose, "keep events that lack a source or a target");
  bool code_text = false;
  dyad::SyntaxModels code_models;
  code->add_flag("--text", code_text,
                 "inputs are raw UTF-8 text: tokenize, tag and parse them first");
  dyad::cli::add_model_flags(code, code_models);

  auto* eval = app.add_subcommand("eval", "score the coder on a validation suite");
  std::string suite_path, json_path;
  DictionaryFiles eval_files;
  bool show_failures = false;
  eval->add_option("suite", suite_path, "suite JSONL file")->required();
  add_dictionary_flags(eval, eval_files);
  std::vector<std::string> eval_dyad;
  eval->add_option("--dictionaries", eval_dyad,
                   "code with dyad dictionary files or folders instead of the suite's own");
  eval->add_option("--json", json_path, "write the score card as JSON");
  eval->add_flag("--failures", show_failures, "list the records not coded exactly right");
  std::string parses_path;
  eval->add_option("--parses", parses_path,
                   "write the CoNLL-U parses each record was coded from (given or builtin)");
  std::string eval_parser = "given";
  dyad::SyntaxModels eval_models;
  eval->add_option("--parser", eval_parser,
                   "given: the suite's parses; builtin: parse the raw text with dyad's models");
  dyad::cli::add_model_flags(eval, eval_models);

  auto* eval_ud = app.add_subcommand(
      "eval-ud", "score a CoNLL-U file against gold (CoNLL 2018 metrics: tokens to LAS)");
  std::string ud_gold, ud_system, ud_json;
  eval_ud->add_option("gold", ud_gold, "gold CoNLL-U")->required();
  eval_ud->add_option("system", ud_system, "system CoNLL-U")->required();
  eval_ud->add_option("--json", ud_json, "write the F1 scores (percent) as JSON");

  auto* tokenize = app.add_subcommand(
      "tokenize", "split raw text into sentences and tokens, written as CoNLL-U (forms only)");
  std::string tok_input, tok_output;
  tokenize->add_option("input", tok_input, "UTF-8 text file")->required();
  tokenize->add_option("-o,--output", tok_output, "write here instead of standard output");

  auto* train =
      app.add_subcommand("train", "train the tagger, lemmatizer and/or parser from gold CoNLL-U");
  TrainOptions train_opts;
  train->add_option("inputs", train_opts.inputs, "gold CoNLL-U files")->required();
  train->add_option("--tagger", train_opts.tagger_path, "tagger model file to write");
  train->add_option("--parser", train_opts.parser_path, "parser model file to write");
  train->add_option("--lemmatizer", train_opts.lemmatizer_path,
                    "lemmatizer (LEMMA and FEATS) model file to write");
  train->add_option("--epochs", train_opts.epochs, "tagger training passes over the data");
  train->add_option("--parser-epochs", train_opts.parser_epochs, "parser training passes");
  train->add_option("--lexicon", train_opts.lexicon_dir,
                    "tagger: a WordNet dictionary folder (Debian's wordnet-base: "
                    "/usr/share/wordnet) whose word classes become features, kept in the model");
  train->add_flag("--root-last", train_opts.root_last,
                  "parser experiment: the artificial root ends the buffer instead of opening the "
                  "stack (not used by the committed model; see docs/models.md)");
  train->add_flag("--augment-news", train_opts.augment_news,
                  "add variants of wire-news constructions the treebank rarely shows (a "
                  "weekday between subject and verb: 'Israel on Wednesday released')");
  train->add_option("--jackknife", train_opts.jackknife,
                    "train the parser on tags from N-fold jackknifed taggers (1 = gold tags)");
  train->add_option("--beam", train_opts.beam,
                    "parser: keep the K best transition sequences, trained on whole sequences "
                    "(1 = greedy, the default); the model records K");
  train->add_option("--min-updates", train_opts.min_updates,
                    "parser: leave out features updated fewer than N times in training (a "
                    "smaller, faster model)");
  train->add_option("--snapshot-from", train_opts.snapshot_from,
                    "also write the parser as after each epoch from N on (FILE.epochN), to "
                    "choose the number of epochs on held-out data");
  train->add_option("--save-tagged", train_opts.tagged_path,
                    "also write the parser's training sentences, with their jackknifed tags, as "
                    "CoNLL-U (to train parsers again from them with --jackknife 1)");
  train->add_option("--metadata", train_opts.metadata,
                    "text stored in the models (training command, data, licence)");

  auto* parse = app.add_subcommand("parse", "raw text (or --tokenized CoNLL-U) to UD trees");
  std::string parse_input, parse_output;
  dyad::SyntaxModels parse_models;
  bool parse_tokenized = false;
  parse->add_option("input", parse_input, "UTF-8 text, or CoNLL-U with --tokenized")->required();
  dyad::cli::add_model_flags(parse, parse_models);
  parse->add_option("-o,--output", parse_output, "write here instead of standard output");
  parse->add_flag("--tokenized", parse_tokenized,
                  "keep the tokens and sentences of a CoNLL-U input, predict the rest");
  std::vector<std::string> parse_names;
  parse->add_option("--names", parse_names,
                    "dyad dictionary files or folders whose actor names are tagged as names "
                    "(as dyad code --text does)");

  auto* tag = app.add_subcommand("tag", "predict UPOS and XPOS for a tokenized CoNLL-U file");
  std::string tag_model = "models/en-gum.tagger", tag_input, tag_output;
  tag->add_option("input", tag_input, "CoNLL-U file (forms are read, tags replaced)")->required();
  tag->add_option("--model", tag_model, "tagger model file");
  tag->add_option("-o,--output", tag_output, "write here instead of standard output");

  dyad::cli::DictCommand dict;
  dict.add_to(app);
  dyad::cli::RunCommands runs;
  runs.add_to(app);

  CLI11_PARSE(app, argc, argv);
  if (dict.chosen()) return dict.run();
  if (runs.chosen()) return runs.run();
  if (*train) {
    return run_train(train_opts);
  }
  if (*parse) {
    return run_parse(parse_models, parse_input, parse_output, parse_tokenized, parse_names);
  }
  if (*tag) return run_tag(tag_model, tag_input, tag_output);
  if (*tokenize) return run_tokenize(tok_input, tok_output);
  if (*eval_ud) return run_eval_ud(ud_gold, ud_system, ud_json);
  if (*code) {
    if (!code_date.empty()) {  // events carry dates as YYYYMMDD
      std::string iso = dyad::normalise_date(code_date);
      if (iso.empty()) {
        std::cerr << "dyad code: --date: expected a date such as 20240531 or 2024-05-31, found '"
                  << code_date << "'\n";
        return 2;
      }
      std::erase(iso, '-');
      code_date = iso;
    }
    return run_code(code_inputs, code_files, code_dyad, code_suite_dicts, code_date, code_output,
                    code_loose, code_text, code_models);
  }
  if (*eval) {
    return run_eval(suite_path, eval_files, eval_dyad, json_path, show_failures, eval_parser,
                    eval_models, parses_path);
  }
  return 0;
}
