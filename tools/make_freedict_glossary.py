#!/usr/bin/env python3
"""Derive glossaries/freedict.id-en.csv from the FreeDict English-Indonesian dictionary.

Usage: tools/make_freedict_glossary.py ../shared/data/freedict-eng-ind/freedict-eng-ind.bestEffort.eng-ind.tsv > glossaries/freedict.id-en.csv

Reverses the pairs to Indonesian -> English and keeps entries whose two sides are words or short
phrases (letters, spaces, hyphens, apostrophes; at most four words), dropping affix entries
(`ation -> asi`) and glosses. Source: FreeDict/WikDict eng-ind 2022.11.18, CC BY-SA 3.0."""
import csv, re, sys
ok = re.compile(r"^[a-zA-Z][a-zA-Z' -]*[a-zA-Z]$")
rows = set()
for line in open(sys.argv[1], encoding="utf-8"):
    parts = line.rstrip("\n").split("\t")
    if len(parts) != 2:
        continue
    en, idn = parts[0].strip(), parts[1].strip()
    if not ok.match(en) or not ok.match(idn):
        continue
    if len(en.split()) > 4 or len(idn.split()) > 4 or len(idn) < 2 or len(en) < 2:
        continue
    rows.add((idn.lower() if not idn.isupper() else idn, en))
w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["source_term", "target_term"])
for r in sorted(rows):
    w.writerow(r)
