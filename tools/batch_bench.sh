#!/bin/sh
# The padan batch benchmark: pairs per second at --jobs 1 and 2, and peak memory at 1,000 and
# 10,000 article pairs, with and without the corpus glossary.
#
# The corpora are generated from the shared data by examples/batch_corpus.rs (article k is a
# window of 8 to 32 translation units of FLORES-200, TICO-19 and the news pairs, written as
# raw paragraphs), in a scratch folder that is removed afterwards; nothing is committed.
# Peak memory is GNU time's maximum resident set size. Also checks that --jobs 1 and 2 write
# the same bytes.
#
# Usage: tools/batch_bench.sh [DATA_DIR] [SIZES...]   (default ../shared/data, 1000 10000)
set -eu

DATA=${1:-../shared/data}
[ $# -gt 0 ] && shift
SIZES=${*:-1000 10000}
if [ ! -d "$DATA/flores200-devtest" ]; then
    echo "batch_bench: $DATA has no flores200-devtest; give the shared data folder" >&2
    exit 2
fi
if [ ! -x /usr/bin/time ]; then
    echo "batch_bench: needs GNU time (/usr/bin/time) for peak memory" >&2
    exit 2
fi
cargo build --release --quiet --bin padan --example batch_corpus
PADAN=$PWD/target/release/padan
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "| pairs | segments (id + en) | glossary | --jobs | seconds | pairs/s | peak RSS MB |"
echo "|---|---|---|---|---|---|---|"
for n in $SIZES; do
    target/release/examples/batch_corpus "$DATA" "$WORK/c$n" "$n" 2>/dev/null
    for glossary in yes no; do
        flag=""
        [ "$glossary" = no ] && flag="--no-glossary"
        for jobs in 1 2; do
            out="$WORK/out-$n-$glossary-$jobs"
            /usr/bin/time -f "%e %M" -o "$WORK/time" "$PADAN" batch --quiet $flag \
                --source-dir "$WORK/c$n/id" --target-dir "$WORK/c$n/en" \
                --out-dir "$out" --jobs "$jobs"
            read -r seconds kb < "$WORK/time"
            segments=$(awk -F'\t' 'NR > 1 { s += $3 + $4 } END { print s }' "$out/summary.tsv")
            awk -v n="$n" -v seg="$segments" -v g="$glossary" -v j="$jobs" -v s="$seconds" -v kb="$kb" \
                'BEGIN { printf "| %d | %d | %s | %d | %.2f | %.0f | %.0f |\n", n, seg, g, j, s, n / s, kb / 1024 }'
        done
        if ! diff -r "$WORK/out-$n-$glossary-1" "$WORK/out-$n-$glossary-2" > /dev/null; then
            echo "batch_bench: --jobs 1 and --jobs 2 outputs differ for $n pairs" >&2
            exit 1
        fi
        rm -rf "$WORK/out-$n-$glossary-1" "$WORK/out-$n-$glossary-2"
    done
    rm -rf "$WORK/c$n"
done
