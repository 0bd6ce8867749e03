#include "export/export.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "events/cameo.h"

namespace dyad {
namespace {

// The GDELT 2.0 event table columns, in codebook order.
std::vector<std::string> gdelt_columns() {
  std::vector<std::string> columns = {"GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"};
  for (const char* actor : {"Actor1", "Actor2"}) {
    for (const char* field :
         {"Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code"}) {
      columns.push_back(std::string(actor) + field);
    }
  }
  for (const char* field :
       {"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
        "NumMentions", "NumSources", "NumArticles", "AvgTone"}) {
    columns.emplace_back(field);
  }
  for (const char* geo : {"Actor1Geo_", "Actor2Geo_", "ActionGeo_"}) {
    for (const char* field :
         {"Type", "Fullname", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"}) {
      columns.push_back(std::string(geo) + field);
    }
  }
  columns.emplace_back("DATEADDED");
  columns.emplace_back("SOURCEURL");
  return columns;
}

ExportEvent make_event(long long id, std::string date, std::string source, std::string target,
                       std::string code) {
  ExportEvent x;
  x.id = id;
  x.event.doc_id = "doc-" + std::to_string(id);
  x.event.sentence_id = static_cast<int>(id);
  x.event.date = std::move(date);
  x.event.source = std::move(source);
  x.event.target = std::move(target);
  x.event.code = std::move(code);
  x.event.source_text = "source " + std::to_string(id);
  x.event.target_text = "target " + std::to_string(id);
  x.event.verb_text = "verb";
  x.url = "https://example.org/" + std::to_string(id);
  x.outlet = "example.org";
  x.added = "20150219120000";
  return x;
}

// A varied set: awkward texts, an IGO actor, unknown actors, a code with no Goldstein
// weight, a statement (no PLOVER type), dictionary-specific codes.
std::vector<ExportEvent> sample_events() {
  std::vector<ExportEvent> events;

  ExportEvent messy = make_event(1, "20150219", "RUSMIL", "UKR", "190");
  messy.event.source_text = "Russian\ttroops\nnear \"Kyiv\", officials said";
  messy.event.target_text = "Ukraine, \"the\" country\r\n";
  messy.event.verb_text = "attacked,\tthen";
  messy.event.negated = true;
  messy.event.speaker = "UKRGOV";
  messy.url = "https://example.org/a?b=1,2\t";
  messy.outlet = "Example, \"Inc.\"";
  messy.mentions = 7;
  messy.sources = 3;
  messy.articles = 5;
  events.push_back(messy);

  events.push_back(make_event(2, "20200301", "IGOUNO", "SYRGOV", "1122"));
  events.push_back(make_event(3, "20161231", "---", "---", "0874"));
  events.push_back(make_event(4, "20151231", "USAGOV", "IRNGOV", "---"));
  events.push_back(make_event(5, "20000101", "NGORUS", "PSEREBHMS", "010"));
  events.push_back(make_event(6, "20100615", "IGOWSTNAT", "CHNMILGOV", "163"));
  events.push_back(make_event(7, "20100615", "EGYOPP", "EGYGOV", "1451"));
  events.push_back(make_event(8, "20100615", "TURCOP", "TURMED", "174L"));
  events.push_back(make_event(9, "20100615", "FRAGOV", "DEUGOV", "0579"));
  events.push_back(make_event(10, "2010-06-1", "USA", "", "042"));
  return events;
}

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t end = text.find(separator, start);
    parts.emplace_back(text.substr(start, end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out = split(text, '\n');
  EXPECT_TRUE(out.back().empty()) << "output does not end with a newline";
  out.pop_back();
  return out;
}

bool is_integer(std::string_view s) {
  if (!s.empty() && s.front() == '-') s.remove_prefix(1);
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

bool is_number(const std::string& s) {
  if (s.empty()) return false;
  std::size_t used = 0;
  try {
    std::stod(s, &used);
  } catch (...) {
    return false;
  }
  return used == s.size();
}

// Parsed GDELT rows as column name -> value.
std::vector<std::map<std::string, std::string>> gdelt_rows(const std::vector<ExportEvent>& events) {
  std::ostringstream out;
  write_gdelt(out, events);
  std::vector<std::string> columns = gdelt_columns();
  std::vector<std::map<std::string, std::string>> rows;
  for (const std::string& line : lines(out.str())) {
    std::vector<std::string> fields = split(line, '\t');
    EXPECT_EQ(fields.size(), columns.size()) << line;
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < fields.size() && i < columns.size(); ++i) {
      row[columns[i]] = fields[i];
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

TEST(ExportGdelt, CodebookHasSixtyOneColumns) {
  std::vector<std::string> columns = gdelt_columns();
  EXPECT_EQ(columns.size(), 61u);
  EXPECT_EQ(std::set<std::string>(columns.begin(), columns.end()).size(), 61u);
}

TEST(ExportGdelt, OneRowOfSixtyOneFieldsPerEvent) {
  std::vector<ExportEvent> events = sample_events();
  std::ostringstream out;
  write_gdelt(out, events);
  std::vector<std::string> rows = lines(out.str());
  ASSERT_EQ(rows.size(), events.size());
  for (const std::string& row : rows) {
    EXPECT_EQ(row.find('\r'), std::string::npos) << row;
    EXPECT_EQ(split(row, '\t').size(), 61u) << row;
  }
}

TEST(ExportGdelt, NumericColumnsParse) {
  std::vector<ExportEvent> events = sample_events();
  auto rows = gdelt_rows(events);
  ASSERT_EQ(rows.size(), events.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto& row = rows[i];
    SCOPED_TRACE(events[i].event.code);
    EXPECT_EQ(row["GlobalEventID"], std::to_string(events[i].id));
    if (events[i].event.date.size() == 8) {
      EXPECT_EQ(row["Day"].size(), 8u);
      EXPECT_TRUE(is_integer(row["Day"]));
      EXPECT_EQ(row["MonthYear"], row["Day"].substr(0, 6));
      EXPECT_EQ(row["Year"], row["Day"].substr(0, 4));
      ASSERT_TRUE(is_number(row["FractionDate"])) << row["FractionDate"];
      double fraction = std::stod(row["FractionDate"]);
      EXPECT_GE(fraction, std::stod(row["Year"]));
      EXPECT_LT(fraction, std::stod(row["Year"]) + 1);
      EXPECT_EQ(row["FractionDate"].size(), 9u);  // YYYY.FFFF
    }
    EXPECT_TRUE(row["IsRootEvent"] == "0" || row["IsRootEvent"] == "1");
    if (!root_code(events[i].event.code).empty()) {
      ASSERT_EQ(row["QuadClass"].size(), 1u);
      EXPECT_GE(row["QuadClass"][0], '1');
      EXPECT_LE(row["QuadClass"][0], '4');
      EXPECT_TRUE(is_number(row["GoldsteinScale"])) << row["GoldsteinScale"];
      EXPECT_EQ(row["EventRootCode"], row["EventCode"].substr(0, 2));
      EXPECT_EQ(row["EventBaseCode"], row["EventCode"].substr(0, 3));
    } else {
      EXPECT_EQ(row["QuadClass"], "");
      EXPECT_EQ(row["GoldsteinScale"], "");
      EXPECT_EQ(row["EventRootCode"], "");
    }
    for (const char* count : {"NumMentions", "NumSources", "NumArticles"}) {
      EXPECT_TRUE(is_integer(row[count])) << count << ": " << row[count];
    }
    EXPECT_TRUE(row["AvgTone"].empty() || is_number(row["AvgTone"]));
    for (const char* geo : {"Actor1Geo_", "Actor2Geo_", "ActionGeo_"}) {
      EXPECT_EQ(row[std::string(geo) + "Type"], "0");
      EXPECT_EQ(row[std::string(geo) + "Lat"], "");
      EXPECT_EQ(row[std::string(geo) + "Long"], "");
    }
    EXPECT_TRUE(is_integer(row["DATEADDED"]));
    EXPECT_EQ(row["DATEADDED"].size(), 14u);
  }
}

TEST(ExportGdelt, DatesAndCounts) {
  auto rows = gdelt_rows(sample_events());
  ASSERT_GE(rows.size(), 10u);
  EXPECT_EQ(rows[0]["Day"], "20150219");
  EXPECT_EQ(rows[0]["MonthYear"], "201502");
  EXPECT_EQ(rows[0]["Year"], "2015");
  EXPECT_EQ(rows[0]["FractionDate"], "2015.1370");  // day 50 of 365
  EXPECT_EQ(rows[2]["FractionDate"], "2016.9999");  // 31 December stays in its year
  EXPECT_EQ(rows[4]["FractionDate"], "2000.0027");  // 1 January
  EXPECT_EQ(rows[0]["NumMentions"], "7");
  EXPECT_EQ(rows[0]["NumSources"], "3");
  EXPECT_EQ(rows[0]["NumArticles"], "5");
  EXPECT_EQ(rows[0]["IsRootEvent"], "1");
  EXPECT_EQ(rows[1]["IsRootEvent"], "0");
  EXPECT_EQ(rows[0]["DATEADDED"], "20150219120000");
  // A date that is not YYYYMMDD leaves the date columns blank.
  EXPECT_EQ(rows[9]["Day"], "");
  EXPECT_EQ(rows[9]["MonthYear"], "");
  EXPECT_EQ(rows[9]["Year"], "");
  EXPECT_EQ(rows[9]["FractionDate"], "");
}

TEST(ExportGdelt, EventCodes) {
  auto rows = gdelt_rows(sample_events());
  ASSERT_GE(rows.size(), 10u);
  EXPECT_EQ(rows[0]["EventCode"], "190");
  EXPECT_EQ(rows[0]["EventBaseCode"], "190");
  EXPECT_EQ(rows[0]["EventRootCode"], "19");
  EXPECT_EQ(rows[0]["QuadClass"], "4");
  EXPECT_EQ(rows[0]["GoldsteinScale"], "-10");
  EXPECT_EQ(rows[1]["EventCode"], "1122");
  EXPECT_EQ(rows[1]["EventBaseCode"], "112");
  EXPECT_EQ(rows[1]["EventRootCode"], "11");
  EXPECT_EQ(rows[1]["QuadClass"], "3");
  EXPECT_EQ(rows[2]["EventRootCode"], "08");  // leading zero kept
  EXPECT_EQ(rows[2]["QuadClass"], "2");
  EXPECT_EQ(rows[3]["EventCode"], "---");
  EXPECT_EQ(rows[7]["EventBaseCode"], "174");  // dictionary-specific 174L
  EXPECT_EQ(rows[7]["EventRootCode"], "17");
  EXPECT_EQ(rows[9]["EventBaseCode"], "042");
  EXPECT_EQ(rows[9]["QuadClass"], "1");
}

TEST(ExportGdelt, ActorCodesBrokenOut) {
  auto rows = gdelt_rows(sample_events());
  ASSERT_GE(rows.size(), 10u);
  // Domestic actor: country then role.
  EXPECT_EQ(rows[0]["Actor1Code"], "RUSMIL");
  EXPECT_EQ(rows[0]["Actor1CountryCode"], "RUS");
  EXPECT_EQ(rows[0]["Actor1Type1Code"], "MIL");
  EXPECT_EQ(rows[0]["Actor1Type2Code"], "");
  EXPECT_EQ(rows[0]["Actor2CountryCode"], "UKR");
  EXPECT_EQ(rows[0]["Actor2Type1Code"], "");
  // IGO: no country, the generic code is the type, the organisation the known group.
  EXPECT_EQ(rows[1]["Actor1Code"], "IGOUNO");
  EXPECT_EQ(rows[1]["Actor1CountryCode"], "");
  EXPECT_EQ(rows[1]["Actor1KnownGroupCode"], "UNO");
  EXPECT_EQ(rows[1]["Actor1Type1Code"], "IGO");
  EXPECT_EQ(rows[1]["Actor2CountryCode"], "SYR");
  EXPECT_EQ(rows[1]["Actor2Type1Code"], "GOV");
  // Unknown actors are blank, their text kept as the name.
  EXPECT_EQ(rows[2]["Actor1Code"], "");
  EXPECT_EQ(rows[2]["Actor1Name"], "source 3");
  EXPECT_EQ(rows[2]["Actor1CountryCode"], "");
  EXPECT_EQ(rows[2]["Actor1Type1Code"], "");
  // An international code followed by a country ("Russian aid workers").
  EXPECT_EQ(rows[4]["Actor1CountryCode"], "RUS");
  EXPECT_EQ(rows[4]["Actor1Type1Code"], "NGO");
  // Country, role, organisation.
  EXPECT_EQ(rows[4]["Actor2CountryCode"], "PSE");
  EXPECT_EQ(rows[4]["Actor2Type1Code"], "REB");
  EXPECT_EQ(rows[4]["Actor2KnownGroupCode"], "HMS");
  // Region as country; two roles.
  EXPECT_EQ(rows[5]["Actor1CountryCode"], "WST");
  EXPECT_EQ(rows[5]["Actor1Type1Code"], "IGO");
  EXPECT_EQ(rows[5]["Actor1KnownGroupCode"], "NAT");
  EXPECT_EQ(rows[5]["Actor2CountryCode"], "CHN");
  EXPECT_EQ(rows[5]["Actor2Type1Code"], "MIL");
  EXPECT_EQ(rows[5]["Actor2Type2Code"], "GOV");
  // Empty actor.
  EXPECT_EQ(rows[9]["Actor1CountryCode"], "USA");
  EXPECT_EQ(rows[9]["Actor2Code"], "");
}

TEST(ExportGdelt, NoTabOrNewlineInsideAField) {
  auto rows = gdelt_rows(sample_events());
  ASSERT_GE(rows.size(), 1u);
  EXPECT_EQ(rows[0]["Actor1Name"], "Russian troops near \"Kyiv\", officials said");
  EXPECT_EQ(rows[0]["Actor2Name"], "Ukraine, \"the\" country  ");
  EXPECT_EQ(rows[0]["SOURCEURL"], "https://example.org/a?b=1,2 ");
}

TEST(ExportGdelt, NoEventsNoOutput) {
  std::ostringstream out;
  write_gdelt(out, {});
  EXPECT_EQ(out.str(), "");
}

// PLOVER's sixteen event types.
std::set<std::string> plover_types() {
  return {"AGREE",    "CONSULT",  "SUPPORT", "CONCEDE", "COOPERATE", "AID",
          "RETREAT",  "REQUEST",  "ACCUSE",  "REJECT",  "THREATEN",  "PROTEST",
          "SANCTION", "MOBILIZE", "COERCE",  "ASSAULT"};
}

TEST(ExportPlover, ParsesWithPloverFieldNames) {
  std::ostringstream out;
  write_plover(out, sample_events());
  nlohmann::json j = nlohmann::json::parse(out.str());
  ASSERT_TRUE(j.is_array());
  const std::set<std::string> expected_keys = {
      "id",         "date",           "actor", "recipient", "event_type", "mode",  "context",
      "actor_text", "recipient_text", "cameo", "verb",      "url",        "outlet"};
  const std::set<std::string> types = plover_types();
  for (const nlohmann::json& e : j) {
    ASSERT_TRUE(e.is_object());
    std::set<std::string> keys;
    for (const auto& [key, value] : e.items()) keys.insert(key);
    EXPECT_EQ(keys, expected_keys) << e.dump();
    EXPECT_TRUE(e["id"].is_number_integer());
    EXPECT_TRUE(types.count(e["event_type"].get<std::string>()) == 1) << e.dump();
    EXPECT_TRUE(e["mode"].is_string());
    EXPECT_TRUE(e["context"].is_array());
  }
}

TEST(ExportPlover, MapsCameoToPloverTypes) {
  std::ostringstream out;
  write_plover(out, sample_events());
  nlohmann::json j = nlohmann::json::parse(out.str());
  std::map<long long, nlohmann::json> by_id;
  for (const nlohmann::json& e : j) by_id[e["id"].get<long long>()] = e;

  // Event 4 ("---": not a CAMEO code) and 5 (010, a statement) have no PLOVER type.
  EXPECT_EQ(by_id.count(4), 0u);
  EXPECT_EQ(by_id.count(5), 0u);
  EXPECT_EQ(j.size(), 8u);

  ASSERT_EQ(by_id.count(1), 1u);
  EXPECT_EQ(by_id[1]["event_type"], "ASSAULT");
  EXPECT_EQ(by_id[1]["date"], "2015-02-19");
  EXPECT_EQ(by_id[1]["actor"], "RUSMIL");
  EXPECT_EQ(by_id[1]["recipient"], "UKR");
  EXPECT_EQ(by_id[1]["cameo"], "190");
  EXPECT_EQ(by_id[1]["actor_text"], "Russian\ttroops\nnear \"Kyiv\", officials said");
  EXPECT_EQ(by_id[1]["outlet"], "Example, \"Inc.\"");
  EXPECT_EQ(by_id[1]["verb"], "attacked,\tthen");
  EXPECT_EQ(by_id[2]["event_type"], "ACCUSE");
  EXPECT_EQ(by_id[3]["event_type"], "RETREAT");
  EXPECT_EQ(by_id[3]["mode"], "withdraw");
  EXPECT_EQ(by_id[6]["event_type"], "SANCTION");
  EXPECT_EQ(by_id[7]["event_type"], "PROTEST");  // 1451 via 145
  EXPECT_EQ(by_id[7]["mode"], "riot");
  EXPECT_EQ(by_id[8]["event_type"], "COERCE");  // 174L via 174
  EXPECT_EQ(by_id[8]["mode"], "deport");
  EXPECT_EQ(by_id[9]["event_type"], "SUPPORT");  // 0579 via 05
  EXPECT_EQ(by_id[10]["event_type"], "CONSULT");
  EXPECT_EQ(by_id[10]["mode"], "visit");
  EXPECT_EQ(by_id[10]["date"], "");  // not a YYYYMMDD date
}

TEST(ExportPlover, EveryCameoCodeMapsToAPloverTypeOrNone) {
  const std::set<std::string> types = plover_types();
  std::vector<ExportEvent> events;
  long long id = 0;
  for (const CameoEventType& type : event_types()) {
    events.push_back(make_event(++id, "20200101", "USA", "CHN", std::string(type.code)));
  }
  std::ostringstream out;
  write_plover(out, events);
  nlohmann::json j = nlohmann::json::parse(out.str());
  std::map<std::string, std::string> mapped;
  for (const nlohmann::json& e : j) {
    mapped[e["cameo"].get<std::string>()] = e["event_type"].get<std::string>();
    EXPECT_EQ(types.count(e["event_type"].get<std::string>()), 1u) << e.dump();
  }
  // Everything but the 01 statements is coded.
  for (const CameoEventType& type : event_types()) {
    std::string code(type.code);
    EXPECT_EQ(mapped.count(code), root_code(code) == "01" ? 0u : 1u) << code;
  }
  EXPECT_EQ(mapped["0874"], "RETREAT");
  EXPECT_EQ(mapped["163"], "SANCTION");
  EXPECT_EQ(mapped["145"], "PROTEST");
  EXPECT_EQ(mapped["1823"], "ASSAULT");
  EXPECT_EQ(mapped["193"], "ASSAULT");
  EXPECT_EQ(mapped["2042"], "ASSAULT");
  EXPECT_EQ(mapped["154"], "MOBILIZE");
  EXPECT_EQ(mapped["138"], "THREATEN");
  EXPECT_EQ(mapped["125"], "REJECT");
  EXPECT_EQ(mapped["111"], "ACCUSE");
  EXPECT_EQ(mapped["1031"], "REQUEST");
  EXPECT_EQ(mapped["0231"], "REQUEST");
  EXPECT_EQ(mapped["043"], "CONSULT");
  EXPECT_EQ(mapped["061"], "COOPERATE");
  EXPECT_EQ(mapped["073"], "AID");
  EXPECT_EQ(mapped["083"], "CONCEDE");
  EXPECT_EQ(mapped["036"], "AGREE");
  EXPECT_EQ(mapped["092"], "ACCUSE");
}

TEST(ExportPlover, NoEventsIsAnEmptyArray) {
  std::ostringstream out;
  write_plover(out, {});
  nlohmann::json j = nlohmann::json::parse(out.str());
  EXPECT_TRUE(j.is_array());
  EXPECT_TRUE(j.empty());
}

// A small RFC 4180 reader: records of fields, quoted fields may hold commas, quotes
// (doubled) and line breaks; records end with CRLF (a bare LF is accepted too).
std::vector<std::vector<std::string>> parse_csv(std::string_view text, bool* ok) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  *ok = true;
  std::size_t i = 0;
  bool field_started = false;
  auto end_field = [&] {
    record.push_back(std::move(field));
    field.clear();
    field_started = false;
  };
  while (i < text.size()) {
    char c = text[i];
    if (!field_started && c == '"') {
      ++i;
      while (true) {
        if (i >= text.size()) {
          *ok = false;  // unterminated quote
          return records;
        }
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += text[i++];
      }
      field_started = true;
      if (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
        *ok = false;  // text after a closing quote
        return records;
      }
      continue;
    }
    if (c == ',') {
      end_field();
      ++i;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r') {
        if (i + 1 >= text.size() || text[i + 1] != '\n') {
          *ok = false;  // bare CR outside quotes
          return records;
        }
        ++i;
      }
      ++i;
      end_field();
      records.push_back(std::move(record));
      record.clear();
    } else if (c == '"') {
      *ok = false;  // quote inside an unquoted field
      return records;
    } else {
      field += c;
      field_started = true;
      ++i;
    }
  }
  if (field_started || !record.empty()) {
    end_field();
    records.push_back(std::move(record));
  }
  return records;
}

TEST(ExportCsv, TestParserReadsQuotedFields) {
  bool ok = false;
  auto records = parse_csv("a,\"b,\"\"c\"\"\r\nd\",\r\n", &ok);
  ASSERT_TRUE(ok);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0], (std::vector<std::string>{"a", "b,\"c\"\r\nd", ""}));
  parse_csv("a,b\"c\r\n", &ok);
  EXPECT_FALSE(ok);
}

TEST(ExportCsv, HeaderAndFieldsPerRow) {
  std::vector<ExportEvent> events = sample_events();
  std::ostringstream out;
  write_csv(out, events);
  bool ok = false;
  auto records = parse_csv(out.str(), &ok);
  ASSERT_TRUE(ok) << out.str();
  ASSERT_EQ(records.size(), events.size() + 1);
  const std::vector<std::string> header = {
      "id",        "date",        "source",      "target",   "code",    "root",       "quad_class",
      "goldstein", "source_text", "target_text", "verb",     "negated", "speaker",    "url",
      "outlet",    "mentions",    "sources",     "articles", "doc_id",  "sentence_id"};
  EXPECT_EQ(records[0], header);
  for (std::size_t i = 1; i < records.size(); ++i) {
    EXPECT_EQ(records[i].size(), header.size()) << "record " << i;
  }
}

TEST(ExportCsv, QuotedTextsRoundTrip) {
  std::vector<ExportEvent> events = sample_events();
  std::ostringstream out;
  write_csv(out, events);
  bool ok = false;
  auto records = parse_csv(out.str(), &ok);
  ASSERT_TRUE(ok);
  ASSERT_GE(records.size(), 5u);
  const auto& messy = records[1];
  ASSERT_EQ(messy.size(), 20u);
  EXPECT_EQ(messy[0], "1");
  EXPECT_EQ(messy[1], "20150219");
  EXPECT_EQ(messy[2], "RUSMIL");
  EXPECT_EQ(messy[4], "190");
  EXPECT_EQ(messy[5], "19");
  EXPECT_EQ(messy[6], "4");
  EXPECT_EQ(messy[7], "-10");
  EXPECT_EQ(messy[8], events[0].event.source_text);
  EXPECT_EQ(messy[9], events[0].event.target_text);
  EXPECT_EQ(messy[10], events[0].event.verb_text);
  EXPECT_EQ(messy[11], "true");
  EXPECT_EQ(messy[12], "UKRGOV");
  EXPECT_EQ(messy[13], events[0].url);
  EXPECT_EQ(messy[14], events[0].outlet);
  EXPECT_EQ(messy[15], "7");
  EXPECT_EQ(messy[16], "3");
  EXPECT_EQ(messy[17], "5");
  EXPECT_EQ(messy[18], "doc-1");
  EXPECT_EQ(messy[19], "1");
  // No Goldstein weight for a non-CAMEO code: blank.
  EXPECT_EQ(records[4][4], "---");
  EXPECT_EQ(records[4][7], "");
  EXPECT_EQ(records[4][11], "false");
}

TEST(ExportCsv, NoEventsIsTheHeaderOnly) {
  std::ostringstream out;
  write_csv(out, {});
  bool ok = false;
  auto records = parse_csv(out.str(), &ok);
  ASSERT_TRUE(ok);
  EXPECT_EQ(records.size(), 1u);
}

TEST(ExportJsonl, OneParsableObjectPerLine) {
  std::vector<ExportEvent> events = sample_events();
  std::ostringstream out;
  write_jsonl(out, events);
  std::vector<std::string> rows = lines(out.str());
  ASSERT_EQ(rows.size(), events.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    nlohmann::json j = nlohmann::json::parse(rows[i]);
    nlohmann::json expected = to_json(events[i].event);
    for (const auto& [key, value] : expected.items()) {
      EXPECT_EQ(j[key], value) << key;
    }
    EXPECT_EQ(j["id"], events[i].id);
    EXPECT_EQ(j["url"], events[i].url);
    EXPECT_EQ(j["outlet"], events[i].outlet);
    EXPECT_EQ(j["mentions"], events[i].mentions);
    EXPECT_EQ(j["sources"], events[i].sources);
    EXPECT_EQ(j["articles"], events[i].articles);
  }
  nlohmann::json nan_code = nlohmann::json::parse(rows[3]);
  EXPECT_TRUE(nan_code["goldstein"].is_null());
}

TEST(ExportJsonl, InvalidUtf8DoesNotThrow) {
  std::vector<ExportEvent> events = {make_event(1, "20150219", "USA", "CHN", "042")};
  events[0].event.source_text = "bad \xff byte";
  std::ostringstream out;
  EXPECT_NO_THROW(write_jsonl(out, events));
  EXPECT_TRUE(nlohmann::json::accept(lines(out.str()).at(0)));
  std::ostringstream plover;
  EXPECT_NO_THROW(write_plover(plover, events));
  EXPECT_TRUE(nlohmann::json::accept(plover.str()));
}

}  // namespace
}  // namespace dyad
