#!/usr/bin/env bash
# The bundled example: codes a few hand-parsed sentences about the CSTO states
# with the small demo dictionaries in examples/dictionaries/.
set -euo pipefail
cd "$(dirname "$0")/.."
d=examples/dictionaries
echo "== dyad code examples/csto.conllu --date 20240601"
./build/dyad code examples/csto.conllu --date 20240601 \
  --verbs $d/demo.verbs.txt --actors $d/demo.actors.txt \
  --agents $d/demo.agents.txt --discards $d/demo.discards.txt
