#include "export/export.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "events/cameo.h"

namespace dyad {
namespace {

// ---------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------

// Shortest decimal text that reads back as `value` ("3.4", "-10", "0").
std::string format_number(double value) {
  std::array<char, 32> buf{};
  auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), value);
  if (ec != std::errc()) return {};
  return std::string(buf.data(), end);
}

// `value` with exactly `precision` decimals ("2015.1370").
std::string format_fixed(double value, int precision) {
  std::array<char, 32> buf{};
  auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), value,
                                 std::chars_format::fixed, precision);
  if (ec != std::errc()) return {};
  return std::string(buf.data(), end);
}

// Goldstein weight of a code as text; "" when the code has none (NaN).
std::string goldstein_text(std::string_view code) {
  double g = goldstein(code);
  return std::isnan(g) ? std::string() : format_number(g);
}

bool all_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

// A story date YYYYMMDD split into numbers; `valid` is false for anything that is not a
// calendar date.
struct Date {
  bool valid = false;
  int year = 0;
  int month = 0;
  int day = 0;
};

Date parse_date(std::string_view yyyymmdd) {
  Date d;
  if (yyyymmdd.size() != 8 || !all_digits(yyyymmdd)) return d;
  d.year = to_int(yyyymmdd.substr(0, 4));
  d.month = to_int(yyyymmdd.substr(4, 2));
  d.day = to_int(yyyymmdd.substr(6, 2));
  d.valid = d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= days_in_month(d.year, d.month);
  return d;
}

int day_of_year(const Date& d) {
  int n = d.day;
  for (int m = 1; m < d.month; ++m) n += days_in_month(d.year, m);
  return n;
}

// ---------------------------------------------------------------------------
// CAMEO actor codes broken out into GDELT's actor columns
// ---------------------------------------------------------------------------

// Country codes recognised after the first element of an actor code ("NGORUS" -> RUS):
// ISO 3166-1 alpha-3 (Debian iso-codes) plus the codes dyad's countries.dyad uses for
// historic and disputed entities (ROM for Romania, SUN, YUG, SCG, CSK, DDR, YMD, X..).
// Sorted for binary search.
constexpr std::string_view kCountryCodes[] = {
    "ABW", "AFG", "AGO", "AIA", "ALA", "ALB", "AND", "ARE", "ARG", "ARM", "ASM", "ATA", "ATF",
    "ATG", "AUS", "AUT", "AZE", "BDI", "BEL", "BEN", "BES", "BFA", "BGD", "BGR", "BHR", "BHS",
    "BIH", "BLM", "BLR", "BLZ", "BMU", "BOL", "BRA", "BRB", "BRN", "BTN", "BVT", "BWA", "CAF",
    "CAN", "CCK", "CHE", "CHL", "CHN", "CIV", "CMR", "COD", "COG", "COK", "COL", "COM", "CPV",
    "CRI", "CSK", "CUB", "CUW", "CXR", "CYM", "CYP", "CZE", "DDR", "DEU", "DJI", "DMA", "DNK",
    "DOM", "DZA", "ECU", "EGY", "ERI", "ESH", "ESP", "EST", "ETH", "FIN", "FJI", "FLK", "FRA",
    "FRO", "FSM", "GAB", "GBR", "GEO", "GGY", "GHA", "GIB", "GIN", "GLP", "GMB", "GNB", "GNQ",
    "GRC", "GRD", "GRL", "GTM", "GUF", "GUM", "GUY", "HKG", "HMD", "HND", "HRV", "HTI", "HUN",
    "IDN", "IMN", "IND", "IOT", "IRL", "IRN", "IRQ", "ISL", "ISR", "ITA", "JAM", "JEY", "JOR",
    "JPN", "KAZ", "KEN", "KGZ", "KHM", "KIR", "KNA", "KOR", "KWT", "LAO", "LBN", "LBR", "LBY",
    "LCA", "LIE", "LKA", "LSO", "LTU", "LUX", "LVA", "MAC", "MAF", "MAR", "MCO", "MDA", "MDG",
    "MDV", "MEX", "MHL", "MKD", "MLI", "MLT", "MMR", "MNE", "MNG", "MNP", "MOZ", "MRT", "MSR",
    "MTQ", "MUS", "MWI", "MYS", "MYT", "NAM", "NCL", "NER", "NFK", "NGA", "NIC", "NIU", "NLD",
    "NOR", "NPL", "NRU", "NZL", "OMN", "PAK", "PAN", "PCN", "PER", "PHL", "PLW", "PNG", "POL",
    "PRI", "PRK", "PRT", "PRY", "PSE", "PYF", "QAT", "REU", "ROM", "ROU", "RUS", "RWA", "SAU",
    "SCG", "SDN", "SEN", "SGP", "SGS", "SHN", "SJM", "SLB", "SLE", "SLV", "SMR", "SOM", "SPM",
    "SRB", "SSD", "STP", "SUN", "SUR", "SVK", "SVN", "SWE", "SWZ", "SXM", "SYC", "SYR", "TCA",
    "TCD", "TGO", "THA", "TJK", "TKL", "TKM", "TLS", "TON", "TTO", "TUN", "TUR", "TUV", "TWN",
    "TZA", "UGA", "UKR", "UMI", "URY", "USA", "UZB", "VAT", "VCT", "VEN", "VGB", "VIR", "VNM",
    "VUT", "WLF", "WSM", "XAB", "XKX", "XNC", "XNK", "XSL", "XSO", "XTR", "YEM", "YMD", "YUG",
    "ZAF", "ZMB", "ZWE",
};

// CAMEO international region codes (actor codebook Table 3.3); GDELT puts them in the
// CountryCode column like countries. Sorted.
constexpr std::string_view kRegionCodes[] = {
    "AFR", "ASA", "BLK", "CAS", "CAU", "CEU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM",
    "MDT", "MEA", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WST",
};

// Type (role) codes: the generic international codes (Table 3.2), the domestic primary,
// secondary and tertiary role codes (Table 3.1), PTY (3.1.4) and dyad's REL agent. Sorted.
constexpr std::string_view kTypeCodes[] = {
    "AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI",
    "IGO", "IMG", "INS", "INT", "JUD", "LAB", "LEG", "MED", "MIL", "MNC", "MOD", "NGM",
    "NGO", "OPP", "PTY", "RAD", "REB", "REF", "REL", "SEP", "SPY", "UAF", "UIS",
};

// Religion codes of CAMEO's religious classification that are unambiguous here. SUN
// (Sunni) is left out on purpose: dyad codes the Soviet Union as SUN. Sorted.
constexpr std::string_view kReligionCodes[] = {
    "BUD", "CHR", "CTH", "HIN", "JEW", "MOS", "PRO", "SHI", "SIK",
};

static_assert(std::ranges::is_sorted(kCountryCodes));
static_assert(std::ranges::is_sorted(kRegionCodes));
static_assert(std::ranges::is_sorted(kTypeCodes));
static_assert(std::ranges::is_sorted(kReligionCodes));

template <std::size_t N>
bool contains(const std::string_view (&sorted)[N], std::string_view code) {
  return std::binary_search(std::begin(sorted), std::end(sorted), code);
}

bool is_country_or_region(std::string_view e) {
  return contains(kCountryCodes, e) || contains(kRegionCodes, e);
}

// GDELT's ten actor columns after the code and name.
struct ActorParts {
  std::string country;
  std::string known_group;
  std::string ethnic;  // never filled: CAMEO's ethnic codes need the ethnic table
  std::string religion1;
  std::string religion2;
  std::array<std::string, 3> types;
};

// Splits a CAMEO actor code into its three-letter elements. The first element is the
// country unless it is a type or religion code (so a country code missing from the list
// above still lands in CountryCode); later elements are the country only when listed as
// one (and no country was seen yet), types fill Type1..3 in order, religions Religion1..2,
// and the first other element is the known group ("IGOUNO" -> type IGO, group UNO;
// "PSEREBHMS" -> country PSE, type REB, group HMS). Parsing stops at the first element
// that is not three upper-case letters, so "---" and "" give empty parts.
ActorParts split_actor_code(std::string_view code) {
  ActorParts parts;
  std::size_t types = 0;
  for (std::size_t i = 0; i + 3 <= code.size(); i += 3) {
    std::string_view e = code.substr(i, 3);
    if (!std::all_of(e.begin(), e.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) break;
    if (contains(kTypeCodes, e)) {
      if (types < parts.types.size()) parts.types[types++] = e;
    } else if (contains(kReligionCodes, e)) {
      if (parts.religion1.empty()) {
        parts.religion1 = e;
      } else if (parts.religion2.empty()) {
        parts.religion2 = e;
      }
    } else if (i == 0 || (parts.country.empty() && is_country_or_region(e))) {
      parts.country = e;
    } else if (parts.known_group.empty()) {
      parts.known_group = e;
    }
  }
  return parts;
}

// ---------------------------------------------------------------------------
// GDELT 2.0 event table
// ---------------------------------------------------------------------------

constexpr std::size_t kGdeltColumns = 61;

// A field with every control character (tab, newline, carriage return ...) replaced by
// a space, so that a row stays one line of tab-separated fields.
std::string gdelt_field(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) c = ' ';
  }
  return out;
}

// An actor code as GDELT writes it: blank when dyad could not identify the actor.
std::string gdelt_actor_code(std::string_view code) {
  if (code == "---") return {};
  return gdelt_field(code);
}

void add_actor(std::vector<std::string>& row, std::string_view code, std::string_view name) {
  ActorParts parts = split_actor_code(code);
  row.push_back(gdelt_actor_code(code));
  row.push_back(gdelt_field(name));
  row.push_back(std::move(parts.country));
  row.push_back(std::move(parts.known_group));
  row.push_back(std::move(parts.ethnic));
  row.push_back(std::move(parts.religion1));
  row.push_back(std::move(parts.religion2));
  for (std::string& type : parts.types) row.push_back(std::move(type));
}

// Geography block (Geo_Type, Fullname, CountryCode, ADM1Code, ADM2Code, Lat, Long,
// FeatureID): dyad does not geocode, so Geo_Type 0 (no match) and the rest blank.
void add_empty_geography(std::vector<std::string>& row) {
  row.emplace_back("0");
  for (int i = 0; i < 7; ++i) row.emplace_back();
}

std::vector<std::string> gdelt_row(const ExportEvent& x) {
  const Event& e = x.event;
  std::vector<std::string> row;
  row.reserve(kGdeltColumns);

  // GlobalEventID, Day, MonthYear, Year, FractionDate.
  row.push_back(std::to_string(x.id));
  Date date = parse_date(e.date);
  if (date.valid) {
    row.push_back(e.date);
    row.push_back(e.date.substr(0, 6));
    row.push_back(e.date.substr(0, 4));
    // The codebook describes FFFF as (MONTH * 30 + DAY) / 365, but GDELT's published
    // files use the day of the year over 365 (20150219 -> 2015.1370), which is what is
    // written here. Capped at .9999 so that 31 December stays in its own year.
    double fraction = std::min(day_of_year(date) / 365.0, 0.9999);
    row.push_back(format_fixed(date.year + fraction, 4));
  } else {
    for (int i = 0; i < 4; ++i) row.emplace_back();
  }

  // Actor1 and Actor2: code, name, country, known group, ethnic, religions, types.
  add_actor(row, e.source, e.source_text);
  add_actor(row, e.target, e.target_text);

  // IsRootEvent: GDELT flags events from the lead paragraph; dyad's nearest equivalent is
  // the document's first sentence.
  row.emplace_back(e.sentence_id == 1 ? "1" : "0");

  // EventCode, EventBaseCode, EventRootCode: the code, its first three characters (the
  // code itself at levels one and two), its root. Blank for non-CAMEO codes.
  std::string_view root = root_code(e.code);
  row.push_back(gdelt_field(e.code));
  if (root.empty()) {
    row.emplace_back();
    row.emplace_back();
  } else {
    row.push_back(gdelt_field(std::string_view(e.code).substr(0, 3)));
    row.emplace_back(root);
  }

  // QuadClass (blank for non-CAMEO codes rather than GDELT-invalid 0), GoldsteinScale.
  int quad = quad_class(e.code);
  row.push_back(quad == 0 ? std::string() : std::to_string(quad));
  row.push_back(goldstein_text(e.code));

  // NumMentions, NumSources, NumArticles, AvgTone (dyad scores no tone: blank, not a
  // neutral 0).
  row.push_back(std::to_string(x.mentions));
  row.push_back(std::to_string(x.sources));
  row.push_back(std::to_string(x.articles));
  row.emplace_back();

  // Actor1Geo_*, Actor2Geo_*, ActionGeo_*.
  for (int i = 0; i < 3; ++i) add_empty_geography(row);

  // DATEADDED, SOURCEURL.
  row.push_back(gdelt_field(x.added));
  row.push_back(gdelt_field(x.url));
  return row;
}

// ---------------------------------------------------------------------------
// PLOVER
// ---------------------------------------------------------------------------

// CAMEO -> PLOVER event type, mode and context. A code takes the entry of its longest
// listed prefix ("1411" -> "141", "0579" -> "05"), so sub-codes are listed only where
// they differ from their parent. Written after the PLOVER manual's category definitions
// and mode tables and the PLOVER project's CAMEO conversion notes; where those disagree
// the manual's definitions win, and the choices are noted below. Modes are left empty
// when none of the type's modes fits. Sorted by code.
struct PloverMapping {
  std::string_view cameo;
  std::string_view type;  // "" = not coded in PLOVER
  std::string_view mode;
  std::string_view context;
};

constexpr PloverMapping kPloverMappings[] = {
    // 01 public statements: PLOVER eliminated CAMEO's comment categories, so these events
    // have no PLOVER type and are left out of the PLOVER export (rather than invent an
    // "OTHER" type that PLOVER readers would not know).
    {"01", "", "", ""},
    // 02 appeals: PLOVER's REQUEST (DEMAND in early drafts) covers requests and demands;
    // modes as for 10 demands.
    {"02", "REQUEST", "", ""},
    {"021", "REQUEST", "assist", ""},
    {"022", "REQUEST", "assist", ""},
    {"023", "REQUEST", "assist", ""},
    {"024", "REQUEST", "change", ""},
    {"025", "REQUEST", "yield", ""},
    {"026", "REQUEST", "meet", ""},
    {"027", "REQUEST", "meet", ""},
    {"028", "REQUEST", "meet", ""},
    // 03 intentions: PLOVER's AGREE is the offer/promise/willingness to cooperate.
    {"03", "AGREE", "", ""},
    // 04 consult: 043 (host a visit) gets no mode: PLOVER's "visit" makes the visitor the
    // source, while CAMEO 043's source is the host.
    {"04", "CONSULT", "", ""},
    {"041", "CONSULT", "phone", ""},
    {"042", "CONSULT", "visit", ""},
    {"044", "CONSULT", "third-party", ""},
    // 05 diplomatic cooperation: PLOVER's SUPPORT (verbal, non-material cooperation: praise,
    // recognition, signing agreements) rather than COOPERATE, which is material. Apologies
    // are CONCEDE in the manual ("expressions of regret or remorse").
    {"05", "SUPPORT", "", ""},
    {"055", "CONCEDE", "", ""},
    // 06 material cooperation.
    {"06", "COOPERATE", "", ""},
    // 07 aid; peacekeeping is military aid with a peacekeeping context.
    {"07", "AID", "", ""},
    {"071", "AID", "economic", ""},
    {"072", "AID", "military", ""},
    {"073", "AID", "humanitarian", ""},
    {"074", "AID", "military", "peacekeeping"},
    {"075", "AID", "asylum", ""},
    // 08 yield: PLOVER splits it into verbal CONCEDE (080-083, including eased curfews and
    // emergencies, 0813/0814, which the manual names under CONCEDE) and material RETREAT
    // (084-087: releases, returns, access, de-escalation).
    {"08", "CONCEDE", "", ""},
    {"084", "RETREAT", "", ""},
    {"0841", "RETREAT", "release", ""},
    {"0842", "RETREAT", "return", ""},
    {"085", "RETREAT", "", ""},
    {"086", "RETREAT", "access", ""},
    {"087", "RETREAT", "", ""},
    {"0871", "RETREAT", "ceasefire", ""},
    {"0872", "RETREAT", "withdraw", ""},  // ease a military blockade
    {"0873", "RETREAT", "disarm", ""},    // demobilize
    {"0874", "RETREAT", "withdraw", ""},  // retreat or surrender militarily
    // 09 investigate: PLOVER merged INVESTIGATE into ACCUSE; the mode keeps it apart.
    {"09", "ACCUSE", "investigate", ""},
    // 10 demands.
    {"10", "REQUEST", "", ""},
    {"101", "REQUEST", "assist", ""},
    {"102", "REQUEST", "assist", ""},
    {"103", "REQUEST", "assist", ""},
    {"104", "REQUEST", "change", ""},
    {"105", "REQUEST", "yield", ""},
    {"106", "REQUEST", "meet", ""},
    {"107", "REQUEST", "meet", ""},
    {"108", "REQUEST", "meet", ""},
    // 11 disapprove; a guilty verdict (116) is SANCTION "convict" in the manual.
    {"11", "ACCUSE", "", ""},
    {"116", "SANCTION", "convict", ""},
    // 12 reject (128 defy norms and 129 veto have no REJECT mode).
    {"12", "REJECT", "", ""},
    {"121", "REJECT", "assist", ""},
    {"122", "REJECT", "assist", ""},
    {"123", "REJECT", "change", ""},
    {"124", "REJECT", "yield", ""},
    {"125", "REJECT", "meet", ""},
    {"126", "REJECT", "meet", ""},
    {"127", "REJECT", "meet", ""},
    // 13 threaten: the mode says what is threatened.
    {"13", "THREATEN", "", ""},
    {"1311", "THREATEN", "relations", ""},  // reduce or stop aid
    {"1312", "THREATEN", "restrict", ""},   // boycott, embargo, sanctions
    {"1313", "THREATEN", "relations", ""},
    {"1322", "THREATEN", "ban", ""},
    {"1323", "THREATEN", "restrict", ""},  // curfew
    {"1324", "THREATEN", "restrict", ""},  // state of emergency, martial law
    {"134", "THREATEN", "relations", ""},  // halt negotiations
    {"135", "THREATEN", "relations", ""},  // halt mediation
    {"136", "THREATEN", "expel", ""},
    {"137", "THREATEN", "violence", ""},  // violent repression
    {"138", "THREATEN", "violence", ""},
    {"1381", "THREATEN", "restrict", ""},  // blockade
    {"1382", "THREATEN", "territory", ""},
    {"1385", "THREATEN", "violence", "cbrn"},
    // 14 protest.
    {"14", "PROTEST", "", ""},
    {"141", "PROTEST", "demo", ""},
    {"142", "PROTEST", "strike-hun", ""},
    {"143", "PROTEST", "boycott", ""},
    {"144", "PROTEST", "obstruct", ""},
    {"145", "PROTEST", "riot", ""},
    // 15 force posture.
    {"15", "MOBILIZE", "", ""},
    {"151", "MOBILIZE", "police", ""},
    {"152", "MOBILIZE", "troops", ""},
    {"153", "MOBILIZE", "police", ""},
    {"154", "MOBILIZE", "troops", ""},
    {"155", "MOBILIZE", "weapons", "cyber"},
    // 16 reduce relations; 163 (embargo, boycott, sanctions) is listed under SANCTION in
    // the manual's definition (the conversion notes put it under COERCE).
    {"16", "SANCTION", "", ""},
    {"161", "SANCTION", "sever", ""},
    {"162", "SANCTION", "withdraw", ""},  // reduce or stop aid
    {"163", "SANCTION", "sever", ""},
    {"164", "SANCTION", "cancel", ""},    // halt negotiations
    {"165", "SANCTION", "withdraw", ""},  // halt mediation
    {"166", "SANCTION", "expel", ""},
    // 17 coerce; destroying property (1712) and violent repression (175) can do physical
    // harm and are ASSAULT in PLOVER; cyber attacks (176) have no PLOVER type of their own
    // and stay COERCE with a cyber context.
    {"17", "COERCE", "", ""},
    {"171", "COERCE", "confiscate", ""},
    {"1712", "ASSAULT", "destroy", ""},
    {"172", "COERCE", "restrict", ""},
    {"1721", "COERCE", "censor", ""},
    {"1722", "COERCE", "ban", ""},
    {"1723", "COERCE", "curfew", ""},
    {"1724", "COERCE", "martial-law", ""},
    {"173", "COERCE", "arrest", ""},
    {"174", "COERCE", "deport", ""},
    {"175", "ASSAULT", "", ""},
    {"176", "COERCE", "", "cyber"},
    // 18 unconventional violence.
    {"18", "ASSAULT", "", ""},
    {"181", "ASSAULT", "abduct", ""},
    {"182", "ASSAULT", "beat", ""},
    {"1821", "ASSAULT", "sexual", ""},
    {"1822", "ASSAULT", "torture", ""},
    {"183", "ASSAULT", "explosives", ""},
    {"1831", "ASSAULT", "suicide-attack", ""},
    {"185", "ASSAULT", "assassinate", ""},
    {"186", "ASSAULT", "assassinate", ""},
    // 19 fight; a blockade (191) restricts movement without violence: COERCE "restrict".
    {"19", "ASSAULT", "", ""},
    {"191", "COERCE", "restrict", ""},
    {"193", "ASSAULT", "firearms", ""},
    {"194", "ASSAULT", "heavy-weapons", ""},
    {"195", "ASSAULT", "heavy-weapons", ""},  // aerial weapons
    // 20 mass violence.
    {"20", "ASSAULT", "", ""},
    {"204", "ASSAULT", "", "cbrn"},
};

static_assert(std::ranges::is_sorted(kPloverMappings, {}, &PloverMapping::cameo));

const PloverMapping* find_plover_mapping(std::string_view code) {
  if (root_code(code).empty()) return nullptr;
  for (std::size_t n = std::min<std::size_t>(code.size(), 4); n >= 2; --n) {
    std::string_view prefix = code.substr(0, n);
    auto it = std::ranges::lower_bound(kPloverMappings, prefix, {}, &PloverMapping::cameo);
    if (it != std::end(kPloverMappings) && it->cameo == prefix) return &*it;
  }
  return nullptr;
}

// YYYYMMDD -> YYYY-MM-DD (ISO 8601, as PLOVER asks); "" for anything else.
std::string iso_date(std::string_view yyyymmdd) {
  if (!parse_date(yyyymmdd).valid) return {};
  std::string out;
  out.reserve(10);
  out.append(yyyymmdd.substr(0, 4)).append("-");
  out.append(yyyymmdd.substr(4, 2)).append("-");
  out.append(yyyymmdd.substr(6, 2));
  return out;
}

// JSON text that never throws on invalid UTF-8 in article text (replaced by U+FFFD).
std::string dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// ---------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------

// RFC 4180: a field containing a comma, a double quote, CR or LF is enclosed in double
// quotes, with each double quote inside doubled.
void write_csv_field(std::ostream& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out << field;
    return;
  }
  out << '"';
  for (char c : field) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

void write_csv_record(std::ostream& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out << ',';
    write_csv_field(out, fields[i]);
  }
  out << "\r\n";  // RFC 4180 line break
}

}  // namespace

void write_gdelt(std::ostream& out, const std::vector<ExportEvent>& events) {
  for (const ExportEvent& x : events) {
    std::vector<std::string> row = gdelt_row(x);
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out << '\t';
      out << row[i];
    }
    out << '\n';
  }
}

void write_plover(std::ostream& out, const std::vector<ExportEvent>& events) {
  // One object per line inside the array: valid JSON that is still easy to grep.
  out << '[';
  bool first = true;
  for (const ExportEvent& x : events) {
    const Event& e = x.event;
    const PloverMapping* mapping = find_plover_mapping(e.code);
    if (mapping == nullptr || mapping->type.empty()) continue;  // no PLOVER event type
    nlohmann::json context = nlohmann::json::array();
    if (!mapping->context.empty()) context.push_back(mapping->context);
    nlohmann::json j = {
        {"id", x.id},
        {"date", iso_date(e.date)},
        {"actor", e.source},
        {"recipient", e.target},
        {"event_type", mapping->type},
        {"mode", mapping->mode},
        {"context", std::move(context)},
        {"actor_text", e.source_text},
        {"recipient_text", e.target_text},
        {"cameo", e.code},
        {"verb", e.verb_text},
        {"url", x.url},
        {"outlet", x.outlet},
    };
    out << (first ? "\n" : ",\n") << dump(j);
    first = false;
  }
  out << (first ? "]\n" : "\n]\n");
}

void write_csv(std::ostream& out, const std::vector<ExportEvent>& events) {
  write_csv_record(out, {"id",       "date",       "source",    "target",      "code",
                         "root",     "quad_class", "goldstein", "source_text", "target_text",
                         "verb",     "negated",    "speaker",   "url",         "outlet",
                         "mentions", "sources",    "articles",  "doc_id",      "sentence_id"});
  for (const ExportEvent& x : events) {
    const Event& e = x.event;
    write_csv_record(out, {std::to_string(x.id),
                           e.date,
                           e.source,
                           e.target,
                           e.code,
                           std::string(root_code(e.code)),
                           std::to_string(quad_class(e.code)),
                           goldstein_text(e.code),
                           e.source_text,
                           e.target_text,
                           e.verb_text,
                           e.negated ? "true" : "false",
                           e.speaker,
                           x.url,
                           x.outlet,
                           std::to_string(x.mentions),
                           std::to_string(x.sources),
                           std::to_string(x.articles),
                           e.doc_id,
                           std::to_string(e.sentence_id)});
  }
}

void write_jsonl(std::ostream& out, const std::vector<ExportEvent>& events) {
  for (const ExportEvent& x : events) {
    nlohmann::json j = to_json(x.event);
    j["id"] = x.id;
    j["url"] = x.url;
    j["outlet"] = x.outlet;
    j["mentions"] = x.mentions;
    j["sources"] = x.sources;
    j["articles"] = x.articles;
    out << dump(j) << '\n';
  }
}

}  // namespace dyad
