// The event coder: reads Universal Dependencies trees and codes who did what
// to whom in CAMEO, using verb patterns, actor and agent dictionaries.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dictionaries/dictionaries.h"
#include "document/document.h"
#include "events/event.h"
#include "events/quotation.h"

namespace dyad {

// Coder switches (the PETRARCH options that change results).
struct CoderOptions {
  bool require_dyad = true;  // drop events that lack a source or a target
};

// What the coder remembers across the sentences of one story: the date and
// the most recent actor, for pronoun reference ("it", "he", "its").
struct StoryContext {
  std::string doc_id;
  std::string date;  // YYYYMMDD
  int date_value = 0;
  std::string last_actor_code;
  std::string last_actor_text;
  // The most recent person (dictionaries that mark people), for he/she/his/her.
  std::string last_person_code;
  std::string last_person_text;
  // The most recent international organisation, for "the organization",
  // "the alliance", "the bloc".
  std::string last_organisation_code;
  std::string last_organisation_text;
  // The date a past-tense main clause of this paragraph was given ("Putin
  // said on August 29, 2014 ..."): later past-tense events of the same
  // paragraph happened then too. 0 = none; reset at "# newpar".
  int paragraph_date = 0;
  std::string paragraph_precision;
};

// A verb dictionary transformation ("~ a (b . ATTACK) SAY = a b 112"),
// parsed: when an upper verb governs a lower clause, the pair is recoded.
struct Transformation {
  std::string text;
  char lower_source = '.';         // 'a' same as upper source, 'b' bound, '_' absent, '.' any
  char lower_target = '.';         // 'b' bound, '_' absent, '.' any
  std::optional<int> lower_value;  // ontology value of the lower verb; none = any (Q)
  int upper_value = 0;
  std::string code;  // result code, "Q" = the lower clause's code
};

// The coder's answer for one sentence.
struct SentenceCoding {
  std::vector<Event> events;
  const DiscardEntry* discard = nullptr;  // the discard phrase that matched
};

class Coder {
 public:
  // `dictionaries` must outlive the coder; it is only read, so one set can
  // serve many coders on many threads.
  explicit Coder(const Dictionaries& dictionaries, CoderOptions options = {});

  SentenceCoding code(const Sentence& sentence, int sentence_id, StoryContext& story) const;

  // Codes every sentence of a document; a story discard stops the document.
  // With `quotations`, also collects the document's direct quotations with
  // their speakers.
  std::vector<Event> code(const Document& document,
                          std::vector<Quotation>* quotations = nullptr) const;

  // What the dictionaries say of the words of a sentence (tokenized, not yet
  // tagged), for the tagger (SyntaxPipeline::WordFinder): the words of an
  // actor's name written with a capital are names (articles and
  // prepositions inside a name, "the", "of", are not); the last word of a
  // role or sector phrase ("human rights activists") is a noun.
  std::vector<KnownWord> known_words(const Sentence& sentence) const;

 private:
  // Dates each event by a date written in its sentence, by the date of an
  // earlier past-tense main clause of its paragraph, or by the story.
  void date_events(const Sentence& sentence, StoryContext& story, std::vector<Event>& events) const;

  const Dictionaries& dict_;
  CoderOptions options_;
  std::vector<Transformation> transformations_;  // parsed from the verb dictionary
};

// Parses "YYYYMMDD" (or "YYYY-MM-DD") into an integer; 0 when malformed.
int parse_story_date(const std::string& date);

}  // namespace dyad
