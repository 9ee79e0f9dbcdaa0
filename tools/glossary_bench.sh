#!/bin/sh
# The padan glossary benchmark: the 3,907 news sentence pairs (median of 9 runs), and the same
# corpus repeated to about one million pairs (one run), wall time and peak memory (GNU time).
# The repeated corpus is written to a scratch folder and removed afterwards.
#
# Usage: tools/glossary_bench.sh [DATA_DIR] [REPEATS]   (default ../shared/data, 256)
set -eu

DATA=${1:-../shared/data}
REPEATS=${2:-256}
NEWS=$DATA/guntara2020-news
if [ ! -f "$NEWS/news.valid.id" ]; then
    echo "glossary_bench: $NEWS has no news.valid.id; give the shared data folder" >&2
    exit 2
fi
cargo build --release --quiet --bin padan
PADAN=$PWD/target/release/padan
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cat "$NEWS/news.valid.id" "$NEWS/news.test.id" > "$WORK/news.id"
cat "$NEWS/news.valid.en" "$NEWS/news.test.en" > "$WORK/news.en"

for k in 1 2 3 4 5 6 7 8 9; do
    /usr/bin/time -f "%e %M" -a -o "$WORK/small" "$PADAN" glossary --parallel \
        "$WORK/news.id" "$WORK/news.en" -o "$WORK/small.csv"
done
pairs=$(wc -l < "$WORK/news.id")
sort -n "$WORK/small" | sed -n 5p | awk -v p="$pairs" \
    '{ printf "| %d pairs | median of 9 | %.2f s | %.0f MB |\n", p, $1, $2 / 1024 }'

: > "$WORK/big.id"
: > "$WORK/big.en"
k=0
while [ $k -lt "$REPEATS" ]; do
    cat "$WORK/news.id" >> "$WORK/big.id"
    cat "$WORK/news.en" >> "$WORK/big.en"
    k=$((k + 1))
done
pairs=$(wc -l < "$WORK/big.id")
/usr/bin/time -f "%e %M" -o "$WORK/big" "$PADAN" glossary --parallel \
    "$WORK/big.id" "$WORK/big.en" -o "$WORK/big.csv"
awk -v p="$pairs" '{ printf "| %d pairs | one run | %.1f s | %.0f MB |\n", p, $1, $2 / 1024 }' "$WORK/big"
