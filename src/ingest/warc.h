// WARC archives (plain or gzip-compressed, as web crawls store pages):
// reads the records one at a time, in constant memory.
#pragma once

#include <functional>
#include <string>

namespace dyad {

struct WarcRecord {
  std::string type;          // WARC-Type: "response", "resource", "request", "warcinfo", ...
  std::string uri;           // WARC-Target-URI
  std::string date;          // WARC-Date
  std::string content_type;  // of the payload: from the HTTP response headers, else the record's
  std::string payload;       // the document itself (HTTP headers removed)
  std::size_t offset = 0;    // byte offset of the record in the uncompressed stream
};

// Calls `take` for every record of a .warc or .warc.gz file. Returns "" at
// a clean end, else what went wrong ("file: record at byte N: expected ...");
// the records before the problem have been handed over.
std::string read_warc(const std::string& path, const std::function<void(WarcRecord)>& take);

}  // namespace dyad
