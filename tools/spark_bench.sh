#!/bin/sh
# The Spark job (tools/spark/align_corpus.py) beside padan batch on one machine: corpora of
# article pairs generated from the shared data (examples/batch_corpus.rs), the job on local[2]
# with 2 and 8 partitions, padan batch with --jobs 2; wall time of one run each, and a check
# that the job's glossary and summary are the batch's byte for byte.
#
# Usage: tools/spark_bench.sh [DATA_DIR] [SIZES...]   (default ../shared/data, 1000 10000;
# needs Java and PySpark)
set -eu

DATA=${1:-../shared/data}
[ $# -gt 0 ] && shift
SIZES=${*:-1000 10000}
python3 -c "import pyspark" 2>/dev/null || { echo "spark_bench: pip install pyspark" >&2; exit 2; }
cargo build --release --quiet --bin padan --example batch_corpus
PADAN=$PWD/target/release/padan
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
seconds() { /usr/bin/time -f "%e" -o "$WORK/time" "$@" > /dev/null 2>&1 || true; cat "$WORK/time"; }

echo "| pairs | run | seconds | pairs/s |"
echo "|---|---|---|---|"
for n in $SIZES; do
    target/release/examples/batch_corpus "$DATA" "$WORK/c$n" "$n" 2>/dev/null
    (cd "$WORK/c$n" && { echo "source,target"; ls id | sed 's|.*|id/&,en/&|'; } > manifest.csv)
    s=$(seconds "$PADAN" batch --quiet --manifest "$WORK/c$n/manifest.csv" --out-dir "$WORK/b$n" --jobs 2)
    awk -v n="$n" -v s="$s" 'BEGIN { printf "| %d | padan batch --jobs 2 | %.2f | %.0f |\n", n, s, n / s }'
    for p in 2 8; do
        s=$(seconds python3 tools/spark/align_corpus.py --manifest "$WORK/c$n/manifest.csv" \
            --out-dir "$WORK/s$n-$p" --partitions "$p" --padan "$PADAN" --master "local[2]")
        awk -v n="$n" -v s="$s" -v p="$p" \
            'BEGIN { printf "| %d | Spark job, local[2], %d partitions | %.2f | %.0f |\n", n, p, s, n / s }'
        for f in glossary.csv summary.tsv; do
            cmp -s "$WORK/b$n/$f" "$WORK/s$n-$p/$f" ||
                { echo "spark_bench: $f differs from padan batch's ($n pairs, $p partitions)" >&2; exit 1; }
        done
    done
    rm -rf "$WORK/c$n" "$WORK/b$n" "$WORK/s$n"-*
done
