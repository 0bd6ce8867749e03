// The event store: an embedded SQLite database (dyad.db) holding every
// ingested document (coded, skipped or failed, with the reason) and its
// events. Versioned schema with migrations, WAL, transactional batches, and
// idempotent re-runs: a document already stored (same content hash) is
// skipped.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "events/event.h"
#include "events/quotation.h"
#include "export/export.h"
#include "ingest/article.h"
#include "ingest/near_duplicates.h"

namespace dyad {

// Content hash of a text (128 bits as 32 hex digits; two FNV-1a variants).
std::string content_hash(std::string_view text);

// The current UTC time as YYYYMMDDHHMMSS: when a document was stored.
std::string utc_timestamp();

// Fills a stored event's story date (from its document's date, YYYY-MM-DD)
// and where its date came from; rows stored before schema 4 say "story".
void set_date_origin(Event& e, std::string_view document_date, std::string_view source,
                     std::string_view precision);

// What happened to one document.
struct StoredDocument {
  Article article;
  std::string hash;      // content_hash(article.text)
  std::string language;  // ISO 639-1 code, "" when unknown
  std::string status;    // "coded", "skipped" or "failed"
  std::string reason;    // why skipped or failed
  int sentences = 0;
  std::vector<Event> events;
  bool has_signature = false;  // signature holds the text's MinHash
  MinHash signature{};
  std::string near_duplicate_of;  // content hash of an earlier, nearly identical article
  std::vector<Quotation> quotations;
};

// A quotation and every article that carried it, earliest first.
struct StoredQuotation {
  Quotation quotation;
  std::vector<EventReport> reports;
};

// One event mention as stored, before merging across articles.
struct EventRow {
  long long id = 0;
  long long document = 0;
  Event event;
  std::string url, outlet, added;
};

// One quotation as stored, with the article that carried it.
struct QuotationRow {
  Quotation quotation;
  EventReport report;
};

// The event store. SQLite by default (a file path); PostgreSQL for teams
// sharing one database (a postgresql:// or postgres:// URL).
class Store {
 public:
  // Opens (creating and migrating as needed) the database at `location`.
  // Returns nullptr with `error` set when it cannot.
  static std::unique_ptr<Store> open(const std::string& location, std::string* error);
  virtual ~Store() = default;

  static constexpr int kSchemaVersion = 4;
  virtual int schema_version() const = 0;

  // True when a document with this content hash is already stored.
  virtual bool has_document(const std::string& hash) const = 0;

  // Stores documents and their events in one transaction; documents whose
  // hash is already stored are left alone. Returns how many were new, or -1
  // (with `error`) when the transaction failed and was rolled back.
  virtual int add(const std::vector<StoredDocument>& documents, std::string* error) = 0;

  // Counts for reports.
  struct Counts {
    long long documents = 0, coded = 0, skipped = 0, failed = 0, events = 0;
  };
  virtual Counts counts() const = 0;
  virtual long long near_duplicates() const = 0;  // documents linked to an earlier wire copy

  // Content hashes and MinHash signatures of the stored documents, to find
  // wire copies of them in later runs.
  virtual std::vector<std::pair<std::string, MinHash>> signatures() const = 0;

  // Every event with its first report (earliest document date, then
  // insertion order), merged across documents: the same source, target and
  // code within `window_days` of the first mention form one event.
  std::vector<ExportEvent> events(int window_days = 1) const;

  // Quotations whose text contains `words` (any case; "" = all), merged
  // across articles by their text.
  std::vector<StoredQuotation> quotations(const std::string& words = "") const;

 protected:
  // Event mentions ordered by date, insertion time and id.
  virtual std::vector<EventRow> event_rows() const = 0;
  // Quotations containing `words` (any case), ordered by article date.
  virtual std::vector<QuotationRow> quotation_rows(const std::string& words) const = 0;
};

// The PostgreSQL store (store/postgres.cc); nullptr with `error` when the
// server cannot be reached or the schema cannot be brought up to date.
std::unique_ptr<Store> open_postgres_store(const std::string& url, std::string* error);

}  // namespace dyad
