// dyad's own dictionary format (docs/dictionary-format.md): the entries as
// written (countries, organisations, people with dated roles, agents, verb
// patterns by CAMEO code), the reader that reports file:line problems, the
// compiler into the structures the coder matches against, and conversion to
// and from the PETRARCH formats.
#pragma once

#include <istream>
#include <map>
#include <memory>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "conllu/conllu.h"  // InputError
#include "dictionaries/dictionaries.h"

namespace dyad {

// A date range as written. Dates are YYYYMMDD integers; a date given only to
// the month or year covers all its days: `first` is the earliest day the
// range may start, `first_late` the latest; `last` the latest day it may end,
// `last_early` the earliest.
struct DateRange {
  int first = 0;
  int first_late = 0;
  int last = 99991231;
  int last_early = 99991231;
  bool bounded() const { return first != 0 || last != 99991231; }
  bool covers(int date) const { return date >= first && date <= last; }
  std::string text() const;  // "2019-03-20..", "..1991-12-26", "" when unbounded
};

// Days by which two ranges surely overlap (0 when they may not overlap).
int certain_overlap_days(const DateRange& a, const DateRange& b);

// A list item: a name (or code) with an optional date range.
struct DatedItem {
  std::string text;
  DateRange range;
  std::string origin;  // "file:line"
};

struct CountryBlock {
  std::string code;
  std::string iso;  // ISO alpha-3 when it differs from the code
  std::vector<DatedItem> names, adjectives, people, capitals, government, legislature, military;
  // Provinces, states and other subdivisions, coded as the country
  // ("Donetsk", "Idlib", "Alaska"). Generated ones give way to any other
  // entry with the same name.
  std::vector<DatedItem> regions;
  std::string origin;
  bool generated = false;  // built from Debian's iso-codes data
};

struct OrganisationBlock {
  std::string code;
  std::string kind;
  std::string part_of;
  std::vector<DatedItem> names;
  std::vector<DatedItem> members;    // text = member code
  std::vector<DatedItem> suspended;  // text = member code
  std::string origin;
};

// Any other named actor; `codes` are further dated codes for all its names.
struct ActorBlock {
  std::string code;
  std::vector<DatedItem> names;
  std::vector<DatedItem> codes;  // text = code
  std::string origin;
};

// One office a person held.
struct Role {
  std::string actor;   // country or organisation code
  std::string office;  // "head-of-state", ...
  DateRange range;
  std::string code;  // the code it gives (explicit or derived)
  bool acting = false;
  std::string origin;
};

struct PersonBlock {
  std::string name;
  std::vector<DatedItem> aliases;
  std::vector<Role> roles;
  std::string origin;
};

struct AgentNoun {
  std::string noun;
  std::vector<std::string> plurals;  // explicit plurals; empty = generated
  bool no_plural = false;            // "()"
  std::string origin;
};

struct AgentBlock {
  std::string code;
  bool before = false;  // the agent's code goes before the actor's
  std::vector<AgentNoun> nouns;
  std::string origin;
};

// "- VERB: PATTERN" under a code block.
struct PatternLine {
  std::string verb;     // as written: "crack down", "wire +tap"
  std::string pattern;  // "* sanctions (on +)"
  std::string code;
  std::string origin;
};

struct CodeBlock {
  std::string code;
  std::string description;
  std::string negation;
  // The code of the event the other way round, target to source ("met
  // with" 040 both ways; "hosted" 043 and the guest's visit 042); "" for
  // none. PETRARCH writes it as [CODE:REVERSE].
  std::string reverse;
  std::vector<PatternLine> patterns;
  std::string origin;
};

struct VerbForms {
  std::string verb;
  std::vector<std::string> forms;
  std::string origin;
};

struct WordSet {
  std::string name;  // "&C_AID"
  std::vector<std::string> words;
  std::string origin;
};

struct DiscardPhrase {
  std::string phrase;
  bool story = false;
  std::string origin;
};

// A Wikidata position (P39 value) that dyad codes: "position Q11696 USA head-of-state".
struct PositionBlock {
  std::string qid;
  std::string actor;
  std::string office;
  std::string origin;
};

// All entries of a set of dyad dictionary files, as written.
struct DictionarySource {
  std::vector<CountryBlock> countries;
  std::vector<OrganisationBlock> organisations;
  std::vector<ActorBlock> actors;
  std::vector<PersonBlock> people;
  std::vector<AgentBlock> agents;
  std::vector<CodeBlock> codes;
  std::vector<VerbForms> forms;
  std::vector<WordSet> sets;
  std::vector<DiscardPhrase> discards;
  std::vector<PositionBlock> positions;
  std::vector<CombinationRule> combinations;
  std::vector<GoverningVerb> governing_verbs;
  // Places that name no actor though a name is inside them ("South China
  // Sea", "Indian Ocean"): matched as a whole, they keep the shorter name
  // from being read.
  std::vector<DatedItem> places;
  std::vector<InputError> errors;  // problems met while reading
};

// Offices a role may name, and the sector code each gives a country actor
// ("" = the actor's code alone).
const std::map<std::string, std::string, std::less<>>& office_sectors();

// Reads one file (or stream) of the dyad format into `out`; bad lines are
// reported as file:line: expected ... and skipped.
void read_dyad_dictionary(const std::string& path, DictionarySource& out);
void read_dyad_dictionary(std::istream& in, const std::string& name, DictionarySource& out);

// Reads every *.dyad file of the given files and folders (folders in name
// order), marking the country blocks generated from iso-codes.
DictionarySource read_dyad_dictionaries(const std::vector<std::string>& paths);

// The *.dyad files of a folder, sorted by name.
std::vector<std::string> dyad_dictionary_files(const std::string& dir);

// Country blocks for every state in Debian's iso-codes ISO 3166-1 JSON file,
// written in the dyad format to `out`. Returns false (with a message) when
// the file cannot be read.
bool write_iso_countries(const std::string& iso_json_path, std::ostream& out, std::string* error);

// Country blocks listing the first-level subdivisions (`region:`:
// provinces, states, regions, governorates, oblasts, ...) of every state in
// Debian's iso-codes ISO 3166-2 JSON file, the ISO 3166-1 file mapping their
// two-letter prefixes to alpha-3 codes. Names shared by subdivisions of two
// states, short names, compass words and names that are also lower-case
// English words (`common_words`: "Delta", "Plateau", "Rivers") are left out.
bool write_iso_regions(const std::string& iso_3166_1_path, const std::string& iso_3166_2_path,
                       const std::set<std::string, std::less<>>& common_words, std::ostream& out,
                       std::string* error);

// The folders dyad reads its own dictionaries from by default: the source
// tree's dictionaries/ and the build tree's generated ones.
std::vector<std::string> default_dictionary_dirs();

// Compiles the entries into the coder's structures (actors, agents, verbs,
// discards, negations). Problems go to out.errors.
void compile_dictionaries(const DictionarySource& source, Dictionaries& out);

// Reads every file of the given folders/files and compiles them.
std::unique_ptr<Dictionaries> load_dyad_dictionaries(const std::vector<std::string>& paths,
                                                     DictionarySource* source_out = nullptr);

// Writes the entries in the PETRARCH formats.
void write_petrarch_actors(const DictionarySource& source, std::ostream& out);
void write_petrarch_agents(const DictionarySource& source, std::ostream& out);
void write_petrarch_verbs(const DictionarySource& source, std::ostream& out);
void write_petrarch_discards(const DictionarySource& source, std::ostream& out);

// Writes PETRARCH dictionaries (already loaded) in the dyad format.
void write_dyad_actors(const ActorDictionary& actors, std::ostream& out);
void write_dyad_agents(const AgentDictionary& agents, std::ostream& out);
void write_dyad_verbs(const VerbDictionary& verbs, std::ostream& out);

}  // namespace dyad
