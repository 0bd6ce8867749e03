#!/usr/bin/env bash
# The bundled example: `dyad run` on a small news corpus written for dyad
# (examples/corpus/news.jsonl: CSTO states and their neighbours, with wire
# copies, a duplicate, a Russian item and quotations), stored in SQLite, then
# a short report, a provenance query and the first rows of a GDELT export.
set -euo pipefail
cd "$(dirname "$0")/.."
db=build/demo.db
rm -f "$db" "$db-wal" "$db-shm"
echo "== dyad run examples/corpus/news.jsonl --db $db"
./build/dyad run examples/corpus/news.jsonl --db "$db" --threads 2 --quiet
echo
echo "== dyad run again (idempotent: nothing is stored twice)"
./build/dyad run examples/corpus/news.jsonl --db "$db" --quiet
echo
echo "== dyad report --db $db"
./build/dyad report --db "$db"
echo
echo "== dyad report first ARM IGOCST --db $db"
./build/dyad report first ARM IGOCST --db "$db"
echo
echo "== dyad export --format gdelt --db $db -o build/demo.gdelt.tsv (first 3 rows, 61 columns each)"
./build/dyad export --format gdelt --db "$db" -o build/demo.gdelt.tsv
head -3 build/demo.gdelt.tsv
