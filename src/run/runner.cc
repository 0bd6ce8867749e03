#include "run/runner.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_set>

#include "events/coder.h"
#include "ingest/ingest.h"
#include "ingest/language.h"
#include "ingest/near_duplicates.h"

namespace dyad {
namespace {

// A bounded queue between the reading thread and the workers (and back).
template <typename T>
class Channel {
 public:
  explicit Channel(std::size_t capacity) : capacity_(capacity) {}
  void push(T value) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_; });
    items_.push_back(std::move(value));
    not_empty_.notify_one();
  }
  // Blocks until an item arrives or the channel is closed and empty.
  std::optional<T> pop() {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
    return take(lock);
  }
  // Waits at most `wait` for an item.
  std::optional<T> pop_for(std::chrono::milliseconds wait) {
    std::unique_lock lock(mutex_);
    not_empty_.wait_for(lock, wait, [&] { return !items_.empty() || closed_; });
    return take(lock);
  }
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    not_empty_.notify_all();
  }

 private:
  std::optional<T> take(std::unique_lock<std::mutex>&) {
    if (items_.empty()) return std::nullopt;
    T v = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return v;
  }
  std::size_t capacity_;
  std::deque<T> items_;
  bool closed_ = false;
  std::mutex mutex_;
  std::condition_variable not_empty_, not_full_;
};

struct Work {
  IngestItem item;
  std::string hash;
};

std::string compact_date(const std::string& iso) {
  std::string out;
  for (char c : iso) {
    if (c != '-') out.push_back(c);
  }
  return out;
}

StoredDocument process(Work work, const SyntaxPipeline& syntax, const Coder& coder,
                       const RunOptions& options, std::size_t* repaired) {
  StoredDocument d;
  d.article = std::move(work.item.article);
  d.hash = std::move(work.hash);
  if (!work.item.error.empty()) {
    d.status = "failed";
    d.reason = work.item.error;
    return d;
  }
  d.status = "skipped";
  std::string& text = d.article.text;
  if (text.size() > options.max_bytes) {
    d.reason = "too large: " + std::to_string(text.size()) + " bytes (limit " +
               std::to_string(options.max_bytes) + ")";
    text.clear();  // the record is kept, its text is not
    return d;
  }
  *repaired += repair_utf8(text);
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    d.reason = "no text";
    return d;
  }
  d.signature = minhash(text);
  d.has_signature = true;
  LanguageGuess lang = identify_language(text);
  d.language = lang.code;
  if (!lang.code.empty() && std::find(options.languages.begin(), options.languages.end(),
                                      lang.code) == options.languages.end()) {
    d.reason = "language " + lang.code + ": no model";
    return d;
  }
  Document doc;
  doc.id = d.article.id;
  doc.date = compact_date(d.article.date);
  doc.source = d.article.source;
  const SyntaxPipeline::WordFinder known = [&](const Sentence& s) { return coder.known_words(s); };
  doc.sentences = syntax.parse_text(text, doc.id, &known);
  d.sentences = static_cast<int>(doc.sentences.size());
  d.events = coder.code(doc, &d.quotations);
  d.status = "coded";
  d.reason.clear();
  return d;
}

}  // namespace

RunSummary run_articles(const std::vector<std::string>& inputs, const SyntaxPipeline& syntax,
                        const Dictionaries& dictionaries, Store& store, const RunOptions& options,
                        const std::function<void(const RunProgress&)>& progress) {
  RunSummary summary;
  const auto start = std::chrono::steady_clock::now();
  const Coder coder(dictionaries);
  const int threads = std::max(1, options.threads);
  Channel<Work> work(static_cast<std::size_t>(threads) * 8);
  // Unbounded: the reading thread drains it between pushes of work.
  Channel<StoredDocument> done(std::numeric_limits<std::size_t>::max());
  std::mutex repaired_mutex;
  std::vector<std::thread> workers;
  // With one thread the reading thread does the work itself: one core.
  const bool inline_work = threads == 1;
  std::size_t inline_repaired = 0;
  for (int t = 0; t < (inline_work ? 0 : threads); ++t) {
    workers.emplace_back([&] {
      std::size_t repaired = 0;
      while (auto w = work.pop()) {
        done.push(process(std::move(*w), syntax, coder, options, &repaired));
      }
      std::lock_guard lock(repaired_mutex);
      summary.repaired_utf8 += repaired;
    });
  }

  RunProgress p;
  p.total = progress ? count_inputs(inputs) : 0;
  auto last_report = start;
  std::vector<StoredDocument> batch;
  auto flush = [&] {
    if (batch.empty() || !summary.store_error.empty()) {
      batch.clear();
      return;
    }
    std::string error;
    if (store.add(batch, &error) < 0) summary.store_error = error;
    batch.clear();
  };
  NearDuplicateIndex wire_copies;
  for (auto& [hash, signature] : store.signatures()) wire_copies.add(hash, signature);
  auto account = [&](StoredDocument d) {
    ++p.documents;
    if (d.has_signature) {
      d.near_duplicate_of = wire_copies.find(d.signature);
      if (!d.near_duplicate_of.empty()) ++summary.near_duplicates;
      wire_copies.add(d.hash, d.signature);
    }
    p.sentences += static_cast<std::size_t>(d.sentences);
    p.events += d.events.size();
    if (d.status == "coded") {
      ++summary.coded;
      summary.sentences += static_cast<std::size_t>(d.sentences);
      summary.events += d.events.size();
      summary.quotations += d.quotations.size();
    } else if (d.status == "failed") {
      ++summary.failed;
      summary.errors.push_back(d.reason);
    } else {
      ++summary.stored_skipped;
      std::string reason =
          d.reason.rfind("language ", 0) == 0 || d.reason.rfind("too large", 0) == 0
              ? d.reason.substr(0, d.reason.find(':'))
              : d.reason;
      ++summary.skip_reasons[reason];
    }
    batch.push_back(std::move(d));
    if (batch.size() >= options.batch) flush();
  };
  auto report = [&](bool force) {
    if (!progress) return;
    auto now = std::chrono::steady_clock::now();
    if (!force && now - last_report < std::chrono::milliseconds(500)) return;
    last_report = now;
    p.seconds = std::chrono::duration<double>(now - start).count();
    progress(p);
  };
  auto drain = [&](bool wait) {
    while (auto d = wait ? done.pop_for(std::chrono::milliseconds(100)) : done.pop_for({})) {
      account(std::move(*d));
      wait = false;
    }
    report(false);
  };

  std::unordered_set<std::string> seen;
  read_inputs(
      inputs,
      [&](IngestItem item) {
        ++summary.read;
        std::string hash = content_hash(item.error.empty() ? item.article.text : item.raw);
        if (!seen.insert(hash).second || store.has_document(hash)) {
          ++summary.already;
          ++p.documents;
          return;
        }
        if (inline_work) {
          done.push(process({std::move(item), std::move(hash)}, syntax, coder, options,
                            &inline_repaired));
        } else {
          work.push({std::move(item), std::move(hash)});
        }
        drain(false);
      },
      summary.ignored);
  work.close();
  std::size_t expected = summary.read - summary.already;
  while (summary.coded + summary.stored_skipped + summary.failed < expected) drain(true);
  for (auto& w : workers) w.join();
  summary.repaired_utf8 += inline_repaired;
  flush();
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  report(true);
  return summary;
}

}  // namespace dyad
