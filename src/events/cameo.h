// The CAMEO event-code table: names, Goldstein weights, root codes and GDELT quad classes.
#pragma once

#include <span>
#include <string_view>

namespace dyad {

struct CameoEventType {
  std::string_view code;  // "0231", "190", "11" ... as CAMEO writes it, leading zero kept
  std::string_view name;  // short name, e.g. "Appeal for economic aid"
  double goldstein;       // Goldstein scale weight, -10..+10 (GDELT's CAMEO table)
};

// Lookup of a CAMEO event code (two-digit roots included); nullptr when unknown.
const CameoEventType* find_event_type(std::string_view code);

// All event types, in code order (a root precedes its sub-codes: "02", "020", "021", "0211").
std::span<const CameoEventType> event_types();

// Two-digit root ("0231" -> "02", "1121" -> "11"); "" for codes that are not numeric CAMEO
// codes. A code is accepted when it has 2 to 4 characters, starts with a root 01..20 and
// continues with letters or digits, so dictionary-specific codes keep their root
// ("174L" -> "17"). The view points into static storage, never into `code`.
std::string_view root_code(std::string_view code);

// GDELT quad class: 1 verbal cooperation (roots 01-04), 2 material cooperation (05-08),
// 3 verbal conflict (09-13), 4 material conflict (14-20); 0 when root_code() is "".
int quad_class(std::string_view code);

// Goldstein weight of a code; for a code missing from the table (a dictionary-specific code
// like "174L" or "0579"), falls back to the longest known prefix ("0579" -> "057", then the
// root); NaN when root_code() is "".
double goldstein(std::string_view code);

}  // namespace dyad
