// Dependency parser: arc-eager transitions scored by an averaged perceptron
// over word, tag and partial-tree features, producing UD heads and
// relations. Greedy (trained from gold trees with a dynamic oracle and
// error exploration) or, as an experiment, a beam search over transition
// sequences (trained globally, Zhang and Nivre 2011, with max-violation
// updates, Huang et al. 2012); saved to a versioned binary file and loaded
// read-only.
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "document/document.h"
#include "syntax/perceptron.h"

namespace dyad {

class Parser {
 public:
  // Trains on `sentences` (UPOS, XPOS and tree columns; non-projective
  // trees are lifted to projective ones); deterministic.
  // Features updated fewer than `min_updates` times are left out of the
  // model (rare features are mostly noise; a smaller model is faster).
  // With `root_last` the artificial root ends the buffer instead of
  // opening the stack (no word becomes the root before the sentence is
  // read; an experiment, not the default); models say which in their
  // format version. With `beam` > 1 the parser keeps the `beam` best
  // transition sequences instead of one and is trained on whole sequences
  // (the static oracle's gold sequence); the model records the width.
  // `after_epoch`, if given, sees the model as it would be finished after
  // each epoch (to choose the number of epochs on held-out data).
  static Parser train(const std::vector<Sentence>& sentences, int epochs, std::string metadata,
                      std::uint32_t min_updates = 3, bool root_last = false, int beam = 1,
                      const std::function<void(int epoch, const Parser&)>& after_epoch = {});

  // Fills HEAD and DEPREL of every word (UPOS must be set), then rebuilds
  // the sentence's tree index.
  void parse(Sentence& sentence) const;

  // parse()'s last step: a noun made the root with a finite verb after it
  // as a bare `dep` ("The United States on Thursday fired ...") becomes the
  // verb's subject, the verb the root. HEAD and DEPREL only; the caller
  // rebuilds the tree.
  static void reroot_finite_verb(Sentence& sentence);

  // Also parse()'s: "A report released in Kigali alleged that ...", parsed
  // with "released" as the main verb, gets "alleged" as the root, "report"
  // its subject and "released" a clause of "report" (acl).
  static void reattach_reduced_relative(Sentence& sentence);
  // And: "an attack by Hamas militants" split after the name is one
  // phrase ("Hamas" a compound of "militants"), and so is "US and British
  // activists" with "activists" a conjunct of "US", and so is "The Malaysia
  // Airlines flight" with "Airlines" the subject of "flight" (a noun that
  // is an argument takes no subject); "The leaders of France,
  // Germany and Italy" with "Germany and Italy" a second subject is one
  // coordination of names.
  static void join_name_to_its_noun(Sentence& sentence);
  static void join_list_of_names(Sentence& sentence);
  // And: a bare `dep` with a preposition is an oblique or a nominal
  // modifier; an adjective right before a noun, attached past it as
  // `advmod`, is the noun's `amod`.
  static void label_stray_dependents(Sentence& sentence);
  // And: "came as Israel announced", parsed with "as Israel" a prepositional
  // phrase, gets "as" as the marker of "announced" and "Israel" its subject.
  static void subject_after_subordinator(Sentence& sentence);
  // And: "..., defense and military officials said." gets "officials" as
  // the subject of "said", and "said" as parataxis of the main verb.
  static void attach_closing_attribution(Sentence& sentence);
  // And: "The Malaysia Airlines Boeing 777 flight MH17 was blown up" with
  // an active and a passive subject of one verb: one passive subject.
  static void join_split_subject(Sentence& sentence);
  // And: in "A and Foreign Minister B", a title taken for a conjunct, or A
  // taken for a compound of B, is mended: the title is B's, A and B are
  // coordinated.
  static void join_titled_names(Sentence& sentence);
  // And: "to expel exiled leaders" with "exiled" a verb taking "leaders"
  // gets "leaders" as the object of "expel", "exiled" its amod.
  static void participle_before_object(Sentence& sentence);
  // And: the full stop (question or exclamation mark) that ends a sentence
  // hangs from the root.
  static void attach_final_punctuation(Sentence& sentence);

  void save(std::ostream& out) const;
  std::string load(std::istream& in);  // "" or what was expected

  const std::string& metadata() const { return metadata_; }
  std::size_t feature_count() const { return model_.feature_count(); }
  std::size_t label_count() const { return labels_.size(); }
  int beam() const { return beam_; }

 private:
  struct Words;
  struct State;
  struct BeamTrace;
  void features(const State& st, std::vector<std::uint64_t>& out) const;
  // The best final configuration of a beam search of width `width`; with a
  // trace, records every step's items and feature vectors for training.
  State beam_search(const Words& words, int width, BeamTrace* trace) const;

  std::vector<std::string> labels_;  // dependency relations as written ("nsubj:pass")
  bool root_last_ = false;
  int beam_ = 1;       // 1: greedy
  int dep_label_ = 0;  // the index of "dep"
  Perceptron model_;
  std::string metadata_;
};

}  // namespace dyad
