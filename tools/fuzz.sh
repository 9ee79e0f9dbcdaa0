#!/bin/sh
# Runs every fuzz target for a fixed time (default 60 s each) with cargo-fuzz (libFuzzer),
# installing cargo-fuzz and the nightly toolchain it needs when they are missing. Seeds come
# from tests/fixtures; a crash is saved under fuzz/artifacts/TARGET/ and the script exits 1.
#
# Usage: tools/fuzz.sh [SECONDS] [TARGET...]
#   targets: read_input segment align glossary_csv glossary_counts manifest
# Reproduce a crash: cargo +nightly fuzz run TARGET fuzz/artifacts/TARGET/crash-...
set -eu

SECONDS_EACH=${1:-60}
[ $# -gt 0 ] && shift
TARGETS=${*:-read_input segment align glossary_csv glossary_counts manifest}

if ! rustup toolchain list | grep -q '^nightly'; then
    rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version > /dev/null 2>&1; then
    cargo install cargo-fuzz --locked
fi

# Seeds: the example texts, its gold files and glossaries, and a counts file of the example.
for target in $TARGETS; do
    mkdir -p "fuzz/corpus/$target"
done
cp tests/fixtures/reykjavik/*.txt tests/fixtures/reykjavik/*.sents fuzz/corpus/read_input/
cp tests/fixtures/reykjavik/*.txt fuzz/corpus/segment/ 2>/dev/null || true
if [ -d fuzz/corpus/align ]; then
    head -c 1500 tests/fixtures/reykjavik/id.txt > fuzz/corpus/align/pair
    printf '\000' >> fuzz/corpus/align/pair
    head -c 1500 tests/fixtures/reykjavik/en.txt >> fuzz/corpus/align/pair
fi
if [ -d fuzz/corpus/glossary_csv ]; then
    # Small seeds: the first rows of each shipped glossary (the full ones are large).
    for g in glossaries/*.csv tests/expected/*.csv; do
        head -n 40 "$g" > "fuzz/corpus/glossary_csv/$(basename "$g")"
    done
fi
if [ -d fuzz/corpus/read_input ]; then
    # The example in every shape: wrapped, a web page, Word documents, Windows-1252.
    cp tests/fixtures/shapes/* fuzz/corpus/read_input/
fi
if [ -d fuzz/corpus/manifest ]; then
    printf 'source,target,name\nid/a.txt,en/a.txt,a\nid/b.txt,en/b.txt,\n' > fuzz/corpus/manifest/pairs.csv
fi
if [ -d fuzz/corpus/glossary_counts ]; then
    cargo run --release --quiet -- glossary tests/fixtures/reykjavik/id.txt \
        tests/fixtures/reykjavik/en.txt --counts-out fuzz/corpus/glossary_counts/reykjavik.counts
fi

status=0
for target in $TARGETS; do
    echo "fuzz: $target for ${SECONDS_EACH}s"
    # Long inputs where a long line is the danger (a text of one line, a line of a megabyte);
    # shorter ones for the aligner, each of whose runs aligns a whole pair.
    case $target in
        read_input|segment) max_len=1048576 ;;
        align) max_len=65536 ;;
        *) max_len=262144 ;;
    esac
    if ! cargo +nightly fuzz run --fuzz-dir fuzz "$target" "fuzz/corpus/$target" -- \
        -max_total_time="$SECONDS_EACH" -max_len="$max_len" -rss_limit_mb=2048 > "fuzz/$target.log" 2>&1; then
        echo "fuzz: $target found a crash; see fuzz/$target.log and fuzz/artifacts/$target/" >&2
        status=1
    else
        grep -E '^Done|stat::number_of_executed_units' "fuzz/$target.log" | tail -1
    fi
done
exit $status
