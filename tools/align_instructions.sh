#!/bin/sh
# Instructions per alignment of tico-long (1,855 x 1,903 segments, pre-segmented): callgrind
# counts examples/align_once with two alignments and with one, and prints the difference, so
# the once-per-process lexicon load drops out. Unlike wall time on a shared machine, the
# count is the same from run to run; compare builds with it.
#
# Usage: tools/align_instructions.sh [EVAL_DIR]   (default ../shared/eval; needs valgrind)
set -eu

EVAL=${1:-../shared/eval}
SOURCE=$EVAL/tico-long/000.id
TARGET=$EVAL/tico-long/000.en
if [ ! -f "$SOURCE" ]; then
    echo "align_instructions: $SOURCE is absent; give the shared eval folder" >&2
    exit 2
fi
command -v valgrind >/dev/null || { echo "align_instructions: valgrind is required" >&2; exit 2; }
cargo build --release --quiet --example align_once
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
count() {
    RUNS=$1 valgrind --tool=callgrind --callgrind-out-file="$SCRATCH/out.$1" \
        target/release/examples/align_once "$SOURCE" "$TARGET" 2>&1 |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
ONE=$(count 1)
TWO=$(count 2)
echo "tico-long: $(( (TWO - ONE) / 1000000 )) M instructions per alignment"
