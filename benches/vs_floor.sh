#!/usr/bin/env bash
# End-to-end MB/s of rasid against the floor (../shared/bench/ac-floor: the
# bare aho-corasick scan of the same text for the same aliases), in one run,
# and their ratio. Both read the text fields of the same JSON lines.
#
#   benches/vs_floor.sh [CORPUS.jsonl[.gz]] [ID_FIELD]
#
# Default corpus: ../shared/corpus/ant-news-2018.jsonl.gz (ids in `docno`).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
corpus=${1:-$shared/corpus/ant-news-2018.jsonl.gz}
id_field=${2:-docno}
external=$shared/gazetteers/external-combined.tsv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release -q
CARGO_TARGET_DIR=$PWD/target/ac-floor cargo build --release -q --manifest-path "$shared/bench/ac-floor/Cargo.toml"
floor=$PWD/target/ac-floor/release/ac-floor

# the same text for both: the text fields, and the same JSON lines unpacked
python3 - "$corpus" "$work" <<'PY'
import gzip, json, sys
src, work = sys.argv[1], sys.argv[2]
op = gzip.open if src.endswith(".gz") else open
with op(src, "rt", encoding="utf-8") as f, open(f"{work}/text.txt", "w", encoding="utf-8") as t, \
     open(f"{work}/corpus.jsonl", "w", encoding="utf-8") as j:
    for line in f:
        j.write(line)
        t.write((json.loads(line).get("text") or "") + "\n")
PY
# the bundled aliases as one list (first column), for the floor
python3 - "$work/bundled.tsv" gazetteers/persons.tsv gazetteers/organizations.tsv gazetteers/bases.tsv gazetteers/places.tsv <<'PY'
import sys
out = open(sys.argv[1], "w", encoding="utf-8")
for path in sys.argv[2:]:
    for row in open(path, encoding="utf-8").read().split("\n")[1:]:
        c = row.split("\t")
        if len(c) < 4:
            continue
        for a in [c[2]] + [x for x in c[3].split("|") if x]:
            out.write(a.lstrip("?") + "\tX\n")
PY

floor_mbps() { "$floor" "$1" "$work/text.txt" | sed -n 's/.*ac_MBps=\([0-9.]*\).*/\1/p'; }
rasid_mbps() {
    local threads=$1; shift
    target/release/rasid extract "$work/corpus.jsonl" --id-field "$id_field" --out "$work/out" --threads "$threads" -q "$@" || true
    python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['mb_per_s'])" "$work/out/summary.json"
}
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "$1" "$2"; }

printf '%-44s %10s %10s %8s\n' "run" "rasid MB/s" "floor MB/s" "ratio"
for gaz in external bundled; do
    if [ "$gaz" = external ]; then
        [ -f "$external" ] || continue
        f=$(floor_mbps "$external"); args=(--no-default-gazetteer --gazetteer "$external")
    else
        f=$(floor_mbps "$work/bundled.tsv"); args=()
    fi
    one=$(rasid_mbps 1 "${args[@]}")
    two=$(rasid_mbps 2 "${args[@]}")
    printf '%-44s %10s %10s %8s\n' "$gaz gazetteer, 1 thread" "$one" "$f" "$(ratio "$one" "$f")"
    printf '%-44s %10s %10s %8s\n' "$gaz gazetteer, 2 threads" "$two" "$f" "$(ratio "$two" "$f")"
    printf '%-44s %10s\n' "$gaz gazetteer, 2 threads / 1 thread" "$(ratio "$two" "$one")"
done
