#!/usr/bin/env python3
"""A bilingual dictionary derived from eflomal word alignments, for comparison with
`padan glossary` (issue 4). Needs `pip install eflomal`.

Usage: tools/eflomal_dictionary.py SOURCE.id TARGET.en > eflomal.csv

Both sides are lower-cased and split into word tokens (letters and digits); eflomal aligns the
sentence pairs in both directions; links present in both directions (intersection) are counted,
and every (Indonesian word, English word) pair is written as a CSV row, most frequent first
(ties alphabetical), with the columns padan's glossaries use.
"""
import collections, csv, re, sys, tempfile

import eflomal

TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(path):
    with open(path, encoding="utf-8") as f:
        return [TOKEN.findall(line.lower()) for line in f]


def links(path):
    with open(path, encoding="utf-8") as f:
        return [set(tuple(map(int, link.split("-"))) for link in line.split()) for line in f]


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    src, trg = tokens(sys.argv[1]), tokens(sys.argv[2])
    with tempfile.TemporaryDirectory() as tmp:
        fwd, rev = f"{tmp}/fwd", f"{tmp}/rev"
        aligner = eflomal.Aligner()
        aligner.align(
            [" ".join(s) for s in src],
            [" ".join(t) for t in trg],
            links_filename_fwd=fwd,
            links_filename_rev=rev,
            quiet=True,
        )
        forward, backward = links(fwd), links(rev)
    counts = collections.Counter()
    for s, t, f, b in zip(src, trg, forward, backward):
        for i, j in f & b:
            if i < len(s) and j < len(t):
                counts[(s[i], t[j])] += 1
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["source_term", "target_term", "count"])
    for (s, t), c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        out.writerow([s, t, c])


if __name__ == "__main__":
    main()
