// Event exports in the formats the field already reads: GDELT 2.0 event
// table layout (tab-separated), PLOVER JSON, CSV and JSON Lines.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "events/event.h"

namespace dyad {

// One article's report of an event.
struct EventReport {
  std::string date;  // the article's date, YYYYMMDD
  std::string outlet;
  std::string url;
  std::string doc_id;
};

// An event with what the store knows about it across articles.
struct ExportEvent {
  long long id = 0;                  // the store's event id (GDELT GlobalEventID)
  Event event;                       // date is YYYYMMDD
  std::string url;                   // the first report's URL
  std::string outlet;                // the first report's outlet
  std::string added;                 // when dyad stored it, YYYYMMDDHHMMSS (GDELT DATEADDED)
  int mentions = 1;                  // mentions of this event across articles
  int sources = 1;                   // distinct outlets
  int articles = 1;                  // distinct articles
  std::vector<EventReport> reports;  // every report, earliest first
};

// GDELT 2.0 event table: one tab-separated row per event with the 61
// columns of the GDELT 2.0 event codebook, in its order, no header row.
void write_gdelt(std::ostream& out, const std::vector<ExportEvent>& events);

// PLOVER JSON: a JSON array of event objects with PLOVER's field names
// (id, date, actor/recipient, event type and mode mapped from CAMEO, ...).
void write_plover(std::ostream& out, const std::vector<ExportEvent>& events);

// CSV with a header row (RFC 4180 quoting).
void write_csv(std::ostream& out, const std::vector<ExportEvent>& events);

// JSON Lines: dyad's event JSON (to_json) plus id, url, outlet, mentions,
// sources, articles.
void write_jsonl(std::ostream& out, const std::vector<ExportEvent>& events);

}  // namespace dyad
