#!/usr/bin/env bash
# Trains the default models from GUM's train split (../shared/ud/gum, the
# documents whose text licence allows redistribution and commercial use).
# Deterministic: the same data gives the same bytes.
#   scripts/train-models.sh              tagger, parser and lemmatizer
#   scripts/train-models.sh lemmatizer   the lemmatizer only (under a second)
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-all}
case "$which" in all | lemmatizer) ;; *) echo "train-models: expected 'all' or 'lemmatizer'"; exit 2 ;; esac
gum=${GUM_DIR:-../shared/ud/gum}
[ -f "$gum/splits.tsv" ] || { echo "train-models: $gum/splits.tsv is absent"; exit 1; }
files=$(awk -F'\t' -v d="$gum" '$2=="train" {print d "/" $1 ".conllu"}' "$gum/splits.tsv")
credit="on the GUM V11.1.0 train split, permissive-licence documents only. GUM: Zeldes, A. (2017) The GUM Corpus, Language Resources and Evaluation 51(3); annotations CC BY 4.0, texts under their own CC BY / CC BY-SA licences (see GUM-LICENSE.txt)."
if [ "$which" = all ]; then
  meta="dyad tagger (averaged perceptron, UPOS+XPOS) and parser (arc-eager, averaged perceptron, dynamic oracle with error exploration, 5-fold jackknifed tags). Trained by: scripts/train-models.sh (dyad train --epochs 8 --parser-epochs 10 --jackknife 5) $credit"
  ./build/dyad train $files --tagger models/en-gum.tagger --parser models/en-gum.parser \
    --epochs 8 --parser-epochs 10 --jackknife 5 --metadata "$meta"
fi
meta="dyad lemmatizer (LEMMA and FEATS: lexicon of form + UPOS|XPOS, suffix edit rules for unseen words; Voice, agreement, verb forms and pronoun features read from the parse). Trained by: scripts/train-models.sh (dyad train --lemmatizer) $credit"
./build/dyad train $files --lemmatizer models/en-gum.lemmatizer --metadata "$meta"
