#!/usr/bin/env bash
# Trains the default models from GUM's train split (../shared/ud/gum, the
# documents whose text licence allows redistribution and commercial use).
# Deterministic: the same data gives the same bytes.
#   scripts/train-models.sh              tagger, parser and lemmatizer
#   scripts/train-models.sh lemmatizer   the lemmatizer only (under a second)
#   scripts/train-models.sh beam         the beam-search parser only (about 8
#                                        minutes, 5 GB of memory)
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-all}
case "$which" in all | lemmatizer | beam) ;; *) echo "train-models: expected 'all', 'lemmatizer' or 'beam'"; exit 2 ;; esac
gum=${GUM_DIR:-../shared/ud/gum}
[ -f "$gum/splits.tsv" ] || { echo "train-models: $gum/splits.tsv is absent"; exit 1; }
files=$(awk -F'\t' -v d="$gum" '$2=="train" {print d "/" $1 ".conllu"}' "$gum/splits.tsv")
credit="on the GUM V11.1.0 train split, permissive-licence documents only. GUM: Zeldes, A. (2017) The GUM Corpus, Language Resources and Evaluation 51(3); annotations CC BY 4.0, texts under their own CC BY / CC BY-SA licences (see GUM-LICENSE.txt)."
wordnet=${WORDNET_DIR:-/usr/share/wordnet}
if [ "$which" = beam ]; then
  # Width 4 and 14 epochs, chosen on GUM dev (docs/models.md). For trials:
  # BEAM_MIN_UPDATES=N prunes harder (a smaller model), BEAM_OUT=FILE writes
  # elsewhere.
  [ -f "$wordnet/index.verb" ] || { echo "train-models: $wordnet/index.verb is absent (Debian package wordnet-base)"; exit 1; }
  out=${BEAM_OUT:-models/en-gum.beam.parser}
  prune=${BEAM_MIN_UPDATES:+--min-updates $BEAM_MIN_UPDATES}
  meta="dyad parser, beam search of width 4 (arc-eager, averaged perceptron, global training with max-violation updates over static-oracle gold sequences, 5-fold jackknifed tags; used by --accurate). Trained by: scripts/train-models.sh beam (dyad train --parser models/en-gum.beam.parser --beam 4 --parser-epochs 14${prune:+ $prune} --epochs 8 --jackknife 5 --lexicon $wordnet) $credit"
  ./build/dyad train $files --parser "$out" --beam 4 --parser-epochs 14 $prune \
    --epochs 8 --jackknife 5 --lexicon "$wordnet" --metadata "$meta"
  exit 0
fi
if [ "$which" = all ]; then
  [ -f "$wordnet/index.verb" ] || { echo "train-models: $wordnet/index.verb is absent (Debian package wordnet-base)"; exit 1; }
  wordnet_credit="The tagger model holds the word classes of WordNet 3.0 (Debian wordnet-base, $wordnet): WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Used under the WordNet 3.0 licence, which permits use, copying, modification and distribution with this notice (see /usr/share/doc/wordnet-base/copyright)."
  meta="dyad tagger (averaged perceptron, UPOS+XPOS, WordNet word classes as features) and parser (arc-eager, averaged perceptron, dynamic oracle with error exploration, 5-fold jackknifed tags). Trained by: scripts/train-models.sh (dyad train --epochs 8 --parser-epochs 10 --jackknife 5 --lexicon $wordnet) $credit $wordnet_credit"
  ./build/dyad train $files --tagger models/en-gum.tagger --parser models/en-gum.parser \
    --epochs 8 --parser-epochs 10 --jackknife 5 --lexicon "$wordnet" --metadata "$meta"
fi
meta="dyad lemmatizer (LEMMA and FEATS: lexicon of form + UPOS|XPOS, suffix edit rules for unseen words; Voice, agreement, verb forms and pronoun features read from the parse). Trained by: scripts/train-models.sh (dyad train --lemmatizer) $credit"
./build/dyad train $files --lemmatizer models/en-gum.lemmatizer --metadata "$meta"
