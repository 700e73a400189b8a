#!/usr/bin/env python3
"""Scores rasid on ANERcorp as issue 5 measures it: learn a gazetteer from
the first 80% of ../shared/eval/anercorp/train.txt, turn the last 20% into
documents (tokens joined by one space, sentences by a newline, 20 sentences
a document), and score lenient mention F1 on PERSON, LOC, ORG for: the
learned gazetteer alone; learned + bundled; the external list alone.

usage: anercorp_eval.py RASID SHARED_DIR   (prints one JSON object)
"""
import json, os, subprocess, sys, tempfile

rasid, shared = sys.argv[1], sys.argv[2]
work = tempfile.mkdtemp(prefix="rasid-aner-")
sents, cur = [], []
for line in open(os.path.join(shared, "eval", "anercorp", "train.txt"), encoding="utf-8"):
    line = line.rstrip("\n")
    if not line.strip():
        if cur:
            sents.append(cur)
            cur = []
        continue
    tok, tag = line.rsplit(" ", 1) if " " in line else (line, "O")
    cur.append((tok, tag))
if cur:
    sents.append(cur)
cut = int(len(sents) * 0.8)
train, test = sents[:cut], sents[cut:]
with open(os.path.join(work, "train.txt"), "w", encoding="utf-8") as f:
    for s in train:
        f.writelines(f"{t} {g}\n" for t, g in s)
        f.write("\n")
docs = os.path.join(work, "docs")
os.makedirs(docs)
TYPES = {"PERS": "PERSON", "LOC": "LOC", "ORG": "ORG"}
with open(os.path.join(work, "gold.jsonl"), "w", encoding="utf-8") as gold:
    for d in range(0, len(test), 20):
        text, spans = "", []
        for s in test[d:d + 20]:
            if text:
                text += "\n"
            span = None
            for i, (tok, tag) in enumerate(s):
                if i:
                    text += " "
                a = len(text)
                text += tok
                if tag.startswith("B-") or (tag.startswith("I-") and (span is None or span[2] != tag[2:])):
                    if span:
                        spans.append(span)
                    span = [a, len(text), tag[2:]]
                elif tag.startswith("I-"):
                    span[1] = len(text)
                elif span:
                    spans.append(span)
                    span = None
            if span:
                spans.append(span)
        doc = f"t{d // 20:05d}"
        open(os.path.join(docs, doc + ".txt"), "w", encoding="utf-8").write(text)
        ms = [{"start": a, "end": b, "type": TYPES[t], "entity": text[a:b], "optional": False} for a, b, t in spans if t in TYPES]
        gold.write(json.dumps({"doc_id": doc, "mentions": ms, "relations": []}, ensure_ascii=False) + "\n")

learned = os.path.join(work, "learned.tsv")
subprocess.run([rasid, "gazetteer", "learn", "--conll", os.path.join(work, "train.txt"), "-o", learned],
               check=True, capture_output=True)
runs = {
    "learned": ["--no-default-gazetteer", "--gazetteer", learned, "--discover"],
    "learned+bundled": ["--gazetteer", learned, "--discover"],
    "external": ["--no-default-gazetteer", "--gazetteer", os.path.join(shared, "gazetteers", "external-combined.tsv")],
}
result = {}
for name, args in runs.items():
    out = os.path.join(work, name)
    subprocess.run([rasid, "extract", docs, "--out", out, "--no-relations", "-q"] + args, check=True)
    s = subprocess.run([sys.executable, os.path.join(shared, "eval", "score.py"), "--gold", os.path.join(work, "gold.jsonl"),
                        "--mentions", os.path.join(out, "mentions.csv"), "--json"], check=True, capture_output=True, text=True)
    lenient = json.loads(s.stdout)["mentions"]["lenient"]
    result[name] = {t: lenient[t]["f1"] for t in ["ALL", "PERSON", "LOC", "ORG"]}
print(json.dumps(result))
