#!/usr/bin/env python3
"""Sentence boundary F1 on Universal Dependencies text: padan beside pysbd, spaCy's sentencizer
and NLTK's Punkt, on the files of ../shared/data/ud-sentences.

    pip install pysbd spacy nltk
    python3 tools/segment_peers.py [UD_DIR] [PADAN]     (default ../shared/data/ud-sentences,
                                                         target/release/padan)

Each line of NAME.txt is one paragraph (line breaks are given, not scored); a boundary is the
character offset where a gold sentence starts inside its line. Every system splits each line
on its own. pysbd has no Indonesian rules, so it runs with its English ones there; Punkt is
NLTK's unsupervised learner trained on the file's own text (no model download), which is how
Punkt is meant to meet a new language. Prints a Markdown table of precision, recall and F1.
"""

import json
import os
import subprocess
import sys


def gold(path):
    """Per line number, the set of gold boundaries (offsets of sentence starts after the first)."""
    out = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            starts = sorted(s[0] for s in record["sents"])
            out[record["line"]] = set(starts[1:])
    return out


def boundaries(line, sentences):
    """Offsets in `line` where each sentence after the first starts, found in order."""
    found, at = set(), 0
    for k, sentence in enumerate(sentences):
        sentence = sentence.strip()
        if not sentence:
            continue
        position = line.find(sentence, at)
        if position < 0:
            # A system that rewrote the text: skip ahead by its length.
            position = at
        if k > 0 and position > 0:
            found.add(position)
        at = position + len(sentence)
    return found


def padan_split(padan, path, lang):
    """Per line number, padan's sentences of that line (one paragraph a line)."""
    result = subprocess.run(
        [padan, "segment", path, "--lang", lang, "--format", "jsonl", "--paragraphs", "lines"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True,
    )
    per_line = {}
    for row in result.stdout.decode("utf-8").splitlines():
        segment = json.loads(row)
        per_line.setdefault(segment["line"] - 1, []).append(segment["text"])
    return per_line


def score(golds, predicted):
    tp = fp = fn = 0
    for line, gold_set in golds.items():
        guess = predicted.get(line, set())
        tp += len(gold_set & guess)
        fp += len(guess - gold_set)
        fn += len(gold_set - guess)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    ud = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/ud-sentences"
    padan = sys.argv[2] if len(sys.argv) > 2 else "target/release/padan"
    import nltk.tokenize.punkt as punkt
    import pysbd
    import spacy

    print("| file | system | P | R | F1 |")
    print("|---|---|---|---|---|")
    for name in ["id_gsd-dev", "id_csui-train", "en_ewt-dev"]:
        lang = name[:2]
        text_path = os.path.join(ud, name + ".txt")
        golds = gold(os.path.join(ud, name + ".jsonl"))
        with open(text_path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        systems = {}
        by_line = padan_split(padan, text_path, lang)
        systems["padan"] = {n: boundaries(lines[n], by_line.get(n, [])) for n in golds}
        sbd = pysbd.Segmenter(language="en", clean=False)
        systems["pysbd" + (" (English rules)" if lang == "id" else "")] = {
            n: boundaries(lines[n], sbd.segment(lines[n])) for n in golds
        }
        nlp = spacy.blank(lang)
        nlp.add_pipe("sentencizer")
        systems["spaCy sentencizer"] = {
            n: boundaries(lines[n], [s.text for s in nlp(lines[n]).sents]) for n in golds
        }
        trainer = punkt.PunktTrainer()
        trainer.train("\n".join(lines), finalize=True)
        tokenizer = punkt.PunktSentenceTokenizer(trainer.get_params())
        systems["Punkt (trained on the file)"] = {
            n: boundaries(lines[n], tokenizer.tokenize(lines[n])) for n in golds
        }
        for system, predicted in systems.items():
            p, r, f = score(golds, predicted)
            print(f"| {name} | {system} | {p:.3f} | {r:.3f} | {f:.3f} |")


if __name__ == "__main__":
    main()
