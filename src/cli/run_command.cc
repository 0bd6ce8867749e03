#include "cli/run_command.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include "cli/dict_command.h"
#include "dictionaries/dyad_format.h"
#include "events/cameo.h"
#include "export/export.h"
#include "run/runner.h"
#include "store/store.h"
#include "text/ascii_case.h"

namespace dyad::cli {
namespace {

std::string duration(double seconds) {
  int s = static_cast<int>(seconds + 0.5);
  if (s < 60) return fmt::format("{}s", s);
  if (s < 3600) return fmt::format("{}m{:02}s", s / 60, s % 60);
  return fmt::format("{}h{:02}m", s / 3600, s / 60 % 60);
}

// One line, rewritten in place: done/total, rates and time left.
void show_progress(const RunProgress& p) {
  double secs = std::max(p.seconds, 1e-6);
  double docs = static_cast<double>(p.documents) / secs;
  std::string eta = p.total > p.documents && docs > 0
                        ? " ETA " + duration(static_cast<double>(p.total - p.documents) / docs)
                        : "";
  std::string bar;
  if (p.total > 0) {
    int filled =
        static_cast<int>(20.0 * static_cast<double>(p.documents) / static_cast<double>(p.total));
    bar = "[" + std::string(static_cast<std::size_t>(std::clamp(filled, 0, 20)), '#') +
          std::string(static_cast<std::size_t>(20 - std::clamp(filled, 0, 20)), '.') + "] ";
  }
  std::cerr << fmt::format(
                   "\r{}{}/{} documents  {:.0f} documents/s  {:.0f} sentences/s  {} events{}   ",
                   bar, p.documents, p.total, docs, static_cast<double>(p.sentences) / secs,
                   p.events, eta)
            << std::flush;
}

// A store that must already exist: reading commands do not create one.
std::unique_ptr<Store> open_existing(const std::string& location, std::string* error) {
  bool url = location.find("://") != std::string::npos;
  if (!url && !std::filesystem::exists(location)) {
    *error = location + ": expected an existing dyad database (made by dyad run)";
    return nullptr;
  }
  return Store::open(location, error);
}

}  // namespace

void add_model_flags(CLI::App* command, SyntaxModels& models) {
  command->add_option("--models", models.dir,
                      "folder with en-gum.tagger, en-gum.lemmatizer and en-gum.parser");
  command->add_flag("--accurate", models.accurate,
                    "parse with the beam-search parser (en-gum.beam.parser): about 1.5 points "
                    "more UAS on GUM, about half the speed");
}

void RunCommands::add_to(CLI::App& app) {
  run_ = app.add_subcommand(
      "run", "ingest articles (.txt, .jsonl, .html, folders), code them and store the events");
  run_->add_option("inputs", inputs_, "files or folders")->required();
  run_->add_option("--db", db_, "the SQLite event database (created if missing)");
  run_->add_option("--threads", threads_, "worker threads");
  add_model_flags(run_, models_);
  run_->add_option("--dictionaries", dictionaries_,
                   "dyad dictionary files or folders (default: dyad's own)");
  run_->add_flag("--quiet", quiet_, "no progress line");
  export_ = app.add_subcommand("export", "write the stored events as gdelt, plover, csv or jsonl");
  export_->add_option("--db", db_, "the SQLite event database");
  export_->add_option("--format", format_, "gdelt, plover, csv or jsonl");
  export_->add_option("-o,--output", output_, "write here instead of standard output");
  export_->add_option("--window", window_,
                      "days within which reports of the same dyad and code are one event");
  report_ = app.add_subcommand("report", "a short report from the event database");
  report_->add_option("--db", db_, "the SQLite event database");
  report_->add_option("--window", window_,
                      "days within which reports of the same dyad and code are one event");
  first_ =
      report_->add_subcommand("first", "who reported an event first and how it spread, day by day");
  first_
      ->add_option("query", query_,
                   "actor codes and/or a CAMEO code (ARM IGOCST 125), or words of the actors' "
                   "text")
      ->required();
  first_->add_option("--db", db_, "the SQLite event database");
  first_->add_option("--window", window_,
                     "days within which reports of the same dyad and code are one event");
}

bool RunCommands::chosen() const {
  return (run_ && run_->parsed()) || (export_ && export_->parsed()) ||
         (report_ && report_->parsed());
}

int RunCommands::run() {
  if (run_->parsed()) return run_ingest();
  if (export_->parsed()) return run_export();
  if (first_->parsed()) return run_first();
  return run_report();
}

int RunCommands::run_ingest() {
  std::string error;
  auto store = Store::open(db_, &error);
  if (!store) {
    std::cerr << "dyad run: " << error << '\n';
    return 1;
  }
  SyntaxPipeline syntax;
  if (std::string e = syntax.load(models_); !e.empty()) {
    std::cerr << "dyad run: " << e << '\n';
    return 1;
  }
  auto dict = load_dyad_dictionaries(dictionary_paths(dictionaries_));
  for (const auto& e : dict->errors) std::cerr << e.to_string() << '\n';
  RunOptions options;
  options.threads = threads_;
  const bool terminal = !quiet_ && isatty(STDERR_FILENO);
  RunSummary s = run_articles(inputs_, syntax, *dict, *store, options,
                              terminal ? std::function<void(const RunProgress&)>(show_progress)
                                       : std::function<void(const RunProgress&)>());
  if (terminal) std::cerr << '\n';
  for (const auto& e : s.errors) std::cerr << e << '\n';
  for (const auto& i : s.ignored) std::cerr << i << '\n';
  std::cout << fmt::format(
      "read {} documents in {:.1f} s: {} coded ({} sentences, {} events, {} quotations), {} stored "
      "without coding, {} failed, {} already stored\n",
      s.read, s.seconds, s.coded, s.sentences, s.events, s.quotations, s.stored_skipped, s.failed,
      s.already);
  for (const auto& [reason, n] : s.skip_reasons) {
    std::cout << fmt::format("  not coded: {} ({})\n", reason, n);
  }
  if (s.near_duplicates > 0) {
    std::cout << fmt::format(
        "  {} near-duplicate articles (wire copies) linked to an earlier one\n", s.near_duplicates);
  }
  if (s.repaired_utf8 > 0) {
    std::cout << fmt::format("  {} invalid UTF-8 sequences replaced by U+FFFD\n", s.repaired_utf8);
  }
  if (s.coded > 0) {
    std::cout << fmt::format("  {:.0f} sentences/s with {} thread{}\n",
                             static_cast<double>(s.sentences) / std::max(s.seconds, 1e-6), threads_,
                             threads_ == 1 ? "" : "s");
  }
  if (!s.store_error.empty()) {
    std::cerr << "dyad run: the store failed, run stopped: " << s.store_error << '\n';
    return 1;
  }
  return 0;
}

int RunCommands::run_export() {
  std::string error;
  auto store = open_existing(db_, &error);
  if (!store) {
    std::cerr << "dyad export: " << error << '\n';
    return 1;
  }
  std::ofstream file;
  if (output_ == "-") output_.clear();  // "-o -" is standard output, as in the other commands
  if (!output_.empty()) {
    file.open(output_, std::ios::binary);
    if (!file) {
      std::cerr << output_ << ": cannot write\n";
      return 1;
    }
  }
  std::ostream& out = output_.empty() ? std::cout : file;
  auto events = store->events(window_);
  if (format_ == "gdelt") {
    write_gdelt(out, events);
  } else if (format_ == "plover") {
    write_plover(out, events);
  } else if (format_ == "csv") {
    write_csv(out, events);
  } else if (format_ == "jsonl") {
    write_jsonl(out, events);
  } else {
    std::cerr << "dyad export: expected --format gdelt, plover, csv or jsonl\n";
    return 2;
  }
  std::cerr << fmt::format("{} events written ({})\n", events.size(), format_);
  return 0;
}

int RunCommands::run_report() {
  std::string error;
  auto store = open_existing(db_, &error);
  if (!store) {
    std::cerr << "dyad report: " << error << '\n';
    return 1;
  }
  Store::Counts c = store->counts();
  auto events = store->events(window_);
  std::cout << fmt::format(
      "{}: {} documents ({} coded, {} not coded, {} failed; {} wire copies), {} event "
      "mentions, {} events\n",
      db_, c.documents, c.coded, c.skipped, c.failed, store->near_duplicates(), c.events,
      events.size());
  // Dyads by number of events, with their balance of cooperation and conflict.
  struct Dyad {
    int events = 0, cooperation = 0, conflict = 0;
    double goldstein = 0;
  };
  std::map<std::pair<std::string, std::string>, Dyad> dyads;
  for (const auto& e : events) {
    Dyad& d = dyads[{e.event.source, e.event.target}];
    ++d.events;
    int q = quad_class(e.event.code);
    if (q == 1 || q == 2) ++d.cooperation;
    if (q == 3 || q == 4) ++d.conflict;
    double g = goldstein(e.event.code);
    if (!std::isnan(g)) d.goldstein += g;
  }
  std::vector<std::pair<std::pair<std::string, std::string>, Dyad>> sorted(dyads.begin(),
                                                                           dyads.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second.events > b.second.events; });
  std::cout
      << "\nmost active dyads (source -> target: events, cooperation/conflict, mean Goldstein)\n";
  for (std::size_t i = 0; i < sorted.size() && i < 10; ++i) {
    const auto& [k, d] = sorted[i];
    std::cout << fmt::format("  {:>10} -> {:<10} {:3}  {:2}/{:<2}  {:+.1f}\n", k.first, k.second,
                             d.events, d.cooperation, d.conflict, d.goldstein / d.events);
  }
  std::cout << "\nmost reported events (first report)\n";
  std::vector<const ExportEvent*> by_mentions;
  for (const auto& e : events) by_mentions.push_back(&e);
  std::stable_sort(
      by_mentions.begin(), by_mentions.end(),
      [](const ExportEvent* a, const ExportEvent* b) { return a->mentions > b->mentions; });
  for (std::size_t i = 0; i < by_mentions.size() && i < 5; ++i) {
    const ExportEvent& e = *by_mentions[i];
    std::cout << fmt::format("  {} {} -> {} {}: {} mentions in {} outlets, first {} ({})\n",
                             e.event.date, e.event.source, e.event.target, e.event.code, e.mentions,
                             e.sources, e.outlet.empty() ? "?" : e.outlet, e.url);
  }
  return 0;
}

namespace {

bool is_code_word(const std::string& w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// Every query word must name the event: an actor code (source or target), a
// CAMEO code (the event's code or a prefix of it), or a word of the actors'
// or the verb's text (any case).
bool matches(const ExportEvent& e, const std::vector<std::string>& query) {
  for (const std::string& q : query) {
    bool digits = std::all_of(q.begin(), q.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits ? e.event.code.rfind(q, 0) == 0
               : (is_code_word(q) && (e.event.source == q || e.event.target == q))) {
      continue;
    }
    std::string text = dyad::to_lower_ascii(e.event.source_text + " " + e.event.target_text + " " +
                                            e.event.verb_text);
    if (!is_code_word(q) && text.find(dyad::to_lower_ascii(q)) != std::string::npos) continue;
    return false;
  }
  return true;
}

std::string dashed(const std::string& yyyymmdd) {
  if (yyyymmdd.size() != 8) return yyyymmdd.empty() ? "(no date)" : yyyymmdd;
  return yyyymmdd.substr(0, 4) + "-" + yyyymmdd.substr(4, 2) + "-" + yyyymmdd.substr(6, 2);
}

// The first report and the day-by-day spread of an event or quotation.
void print_spread(const std::vector<EventReport>& reports) {
  if (reports.empty()) return;
  const EventReport& first = reports.front();
  std::cout << fmt::format("  first reported {} by {} ({})\n", dashed(first.date),
                           first.outlet.empty() ? "an unnamed outlet" : first.outlet, first.url);
  std::map<std::string, std::vector<const EventReport*>> by_day;
  for (const EventReport& r : reports) by_day[r.date].push_back(&r);
  std::vector<std::string> seen;
  for (const auto& [day, list] : by_day) {
    std::string outlets;
    for (const EventReport* r : list) {
      std::string name = r->outlet.empty() ? "?" : r->outlet;
      bool fresh = std::find(seen.begin(), seen.end(), name) == seen.end();
      if (fresh) seen.push_back(name);
      outlets += (outlets.empty() ? "" : ", ") + name + (fresh ? "" : " (again)");
    }
    std::cout << fmt::format("  {}: {} report{}: {}\n", dashed(day), list.size(),
                             list.size() == 1 ? "" : "s", outlets);
  }
}

}  // namespace

int RunCommands::run_first() {
  std::string error;
  auto store = open_existing(db_, &error);
  if (!store) {
    std::cerr << "dyad report first: " << error << '\n';
    return 1;
  }
  int shown = 0;
  for (const ExportEvent& e : store->events(window_)) {
    if (!matches(e, query_)) continue;
    ++shown;
    const CameoEventType* type = find_event_type(e.event.code);
    std::cout << fmt::format("{} -> {} {} ({}): \"{}\" {} \"{}\"\n", e.event.source, e.event.target,
                             e.event.code, type ? type->name : "?", e.event.source_text,
                             e.event.verb_text, e.event.target_text);
    print_spread(e.reports);
  }
  // Quotations carrying the query's words.
  std::string phrase;
  for (const auto& q : query_) phrase += (phrase.empty() ? "" : " ") + q;
  for (const StoredQuotation& q : store->quotations(phrase)) {
    ++shown;
    std::cout << fmt::format("\u201C{}\u201D {} {}{}\n", q.quotation.text,
                             q.quotation.verb.empty() ? "(unattributed)" : q.quotation.verb,
                             q.quotation.speaker_text,
                             q.quotation.speaker.empty() ? "" : " [" + q.quotation.speaker + "]");
    print_spread(q.reports);
  }
  if (shown == 0) {
    std::cout << "no stored event or quotation matches";
    for (const auto& q : query_) std::cout << ' ' << q;
    std::cout << '\n';
  }
  return 0;
}

}  // namespace dyad::cli
