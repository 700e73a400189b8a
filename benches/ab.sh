#!/usr/bin/env bash
# Compares the end-to-end MB/s of two rasid binaries on the same input,
# alternating them so that the machine's drift falls on both, and prints
# the medians and their ratio. On a shared machine whose speed moves from
# run to run, this is how a change is judged.
#
#   benches/ab.sh NEW_BIN OLD_BIN RUNS THREADS CORPUS.jsonl ID_FIELD [extract options...]
#
# e.g. benches/ab.sh target/release/rasid /tmp/rasid.old 5 1 ant.jsonl docno \
#        --no-default-gazetteer --gazetteer ../shared/gazetteers/external-combined.tsv
set -euo pipefail
new=$1 old=$2 runs=$3 threads=$4 corpus=$5 id_field=$6
shift 6
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for _ in $(seq "$runs"); do
    for which in old new; do
        bin=$old
        [ "$which" = new ] && bin=$new
        "$bin" extract "$corpus" --id-field "$id_field" --out "$work/$which" --threads "$threads" -q "$@" || true
        echo "$which $(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['mb_per_s'])" "$work/$which/summary.json")"
    done
done | python3 -c "
import statistics, sys
runs = {}
for line in sys.stdin:
    which, mbps = line.split()
    runs.setdefault(which, []).append(float(mbps))
for which in ('old', 'new'):
    print(f'{which}: median {statistics.median(runs[which]):.1f} MB/s over {runs[which]}')
print(f'new / old: {statistics.median(runs[\"new\"]) / statistics.median(runs[\"old\"]):.3f}')
"
