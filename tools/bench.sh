#!/bin/bash
# Whole-process benchmarks, as users run padan: one article per process, the dev sets' articles
# one process each, one long text (tico-long), the long text x10, and the glossary of the news
# set x6. hyperfine (Debian package `hyperfine`) alternates padan with hunalign when HUNALIGN
# names its binary (built from its public source; it is in no registry), so both are timed in
# the same minutes. Peak memory from GNU time, one run each.
#
# The table replaces the part of docs/performance.md between its bench markers.
#
# Usage: tools/bench.sh [SHARED_DIR] [RUNS]        (default ../shared, 10)
#        HUNALIGN=/path/to/hunalign tools/bench.sh ../shared
set -euo pipefail

SHARED=${1:-../shared}
RUNS=${2:-10}
EVAL=$SHARED/eval
NEWS=$SHARED/data/guntara2020-news
DOC=docs/performance.md
for need in "$EVAL/tico-long/000.id" "$NEWS/news.valid.id" "$DOC"; do
    [ -e "$need" ] || { echo "bench: $need is missing (run from the checkout, give the shared folder)" >&2; exit 2; }
done
command -v hyperfine >/dev/null || { echo "bench: hyperfine is needed (apt-get install hyperfine)" >&2; exit 2; }
cargo build --release --quiet --bin padan
PADAN=$PWD/target/release/padan
HUNALIGN=${HUNALIGN:-}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
: > "$WORK/empty.dic"

# Inputs: the example's first 15 sentences (one short news article), the dev sets' articles,
# tico-long, tico-long x10, the news set x6.
E=tests/fixtures/reykjavik
head -15 "$E/id.sents" > "$WORK/a15.id"
head -16 "$E/en.sents" > "$WORK/a15.en"
ls "$EVAL"/{flores-hard,tico-hard,tico-noisy}/*.id > "$WORK/articles"
articles=$(wc -l < "$WORK/articles")
for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$EVAL/tico-long/000.id"; done > "$WORK/x10.id"
for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$EVAL/tico-long/000.en"; done > "$WORK/x10.en"
for _ in 1 2 3 4 5 6; do cat "$NEWS/news.valid.id" "$NEWS/news.test.id"; done > "$WORK/news6.id"
for _ in 1 2 3 4 5 6; do cat "$NEWS/news.valid.en" "$NEWS/news.test.en"; done > "$WORK/news6.en"

padan_all="while read -r f; do $PADAN align --presegmented \$f \${f%.id}.en > /dev/null; done < $WORK/articles"
hun_all="while read -r f; do $HUNALIGN -text $WORK/empty.dic \$f \${f%.id}.en > /dev/null; done < $WORK/articles"

# name | padan command | hunalign command (or empty)
cases=(
    "one article, 15 x 16 segments|$PADAN align --presegmented $WORK/a15.id $WORK/a15.en|$HUNALIGN -text $WORK/empty.dic $WORK/a15.id $WORK/a15.en"
    "same, --no-seed-glossary|$PADAN align --presegmented --no-seed-glossary $WORK/a15.id $WORK/a15.en|"
    "$articles dev-set articles, one process each|$padan_all|$hun_all"
    "tico-long, 1,855 x 1,903 segments|$PADAN align --presegmented $EVAL/tico-long/000.id $EVAL/tico-long/000.en|$HUNALIGN -text $WORK/empty.dic $EVAL/tico-long/000.id $EVAL/tico-long/000.en"
    "tico-long x10, 18,550 x 19,030 segments|$PADAN align --presegmented $WORK/x10.id $WORK/x10.en|$HUNALIGN -text $WORK/empty.dic $WORK/x10.id $WORK/x10.en"
    "glossary of the news set x6, 23,442 pairs|$PADAN glossary --parallel $WORK/news6.id $WORK/news6.en -o $WORK/g.csv|"
)

median() { # hyperfine JSON, result index -> median in seconds
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][int(sys.argv[2])]["median"])' "$1" "$2"
}
peak_mb() { # command -> peak resident memory of one run, MB
    /usr/bin/time -f "%M" -o "$WORK/rss" sh -c "$1" > /dev/null 2>&1
    awk '{ printf "%.0f", $1 / 1024 }' "$WORK/rss"
}
human() { awk -v s="$1" 'BEGIN { if (s < 1) printf "%.1f ms", s * 1000; else printf "%.2f s", s }'; }

{
    echo "| work | padan median | padan peak RSS | hunalign median | hunalign peak RSS | padan / hunalign |"
    echo "|---|---|---|---|---|---|"
} > "$WORK/table"
for case in "${cases[@]}"; do
    IFS='|' read -r name padan hun <<< "$case"
    runs=$RUNS
    # Slow peers get fewer runs: hunalign takes most of a minute on tico-long x10.
    case $name in *x10*) runs=3 ;; esac
    # Single commands run without a shell (-N), so its start-up is not in the figure; the
    # one-process-per-article loop needs one.
    shell=-N
    case $padan in while*) shell= ;; esac
    if [ -n "$HUNALIGN" ] && [ -n "$hun" ]; then
        hyperfine $shell -w 1 -r "$runs" --export-json "$WORK/h.json" "$padan" "$hun" > /dev/null
        p=$(median "$WORK/h.json" 0); h=$(median "$WORK/h.json" 1)
        ratio=$(awk -v p="$p" -v h="$h" 'BEGIN { printf "%.3f", p / h }')
        printf '| %s | %s | %s MB | %s | %s MB | %s |\n' "$name" "$(human "$p")" "$(peak_mb "$padan")" \
            "$(human "$h")" "$(peak_mb "$hun")" "$ratio" >> "$WORK/table"
    else
        hyperfine $shell -w 1 -r "$runs" --export-json "$WORK/h.json" "$padan" > /dev/null
        p=$(median "$WORK/h.json" 0)
        printf '| %s | %s | %s MB | | | |\n' "$name" "$(human "$p")" "$(peak_mb "$padan")" >> "$WORK/table"
    fi
    echo "bench: $name done" >&2
done
{
    echo
    echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $RUNS runs a case (3 for x10), \`tools/bench.sh\`$([ -n "$HUNALIGN" ] && echo ' with HUNALIGN set')."
} >> "$WORK/table"

# Replace the block between the markers; everything else in the document stays.
python3 - "$DOC" "$WORK/table" <<'EOF'
import sys
doc, table = sys.argv[1], open(sys.argv[2]).read()
text = open(doc).read()
start, end = "<!-- bench:start -->\n", "<!-- bench:end -->"
a, b = text.index(start) + len(start), text.index(end)
tmp = doc + ".tmp"
open(tmp, "w").write(text[:a] + table + text[b:])
import os; os.replace(tmp, doc)
EOF
cat "$WORK/table"
