#!/usr/bin/env python3
"""Quick structural check of a gazetteer TSV part (see FORMAT.md)."""
import sys, re, collections
HEAD = "id\ttype\tcanonical\taliases\twikidata\tcues\tnote"
PREFIX = {"PERSON": "per.", "ORG": "org.", "BASE": "base.", "LOC": "loc."}
def fold(s):
    s = re.sub("[\u064B-\u065F\u0670\u0640]", "", s.strip().lstrip("?"))
    for a, b in [("أ","ا"),("إ","ا"),("آ","ا"),("ٱ","ا"),("ى","ي"),("ة","ه"),("ؤ","و"),("ئ","ي")]:
        s = s.replace(a, b)
    return " ".join(s.split()).lower()
bad = 0
for path in sys.argv[1:]:
    lines = open(path, encoding="utf-8").read().split("\n")
    if lines[0] != HEAD:
        print(f"{path}:1: header must be: {HEAD!r}"); bad += 1
    ids, aliases = set(), collections.defaultdict(list)
    n = 0
    for i, line in enumerate(lines[1:], 2):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 7:
            print(f"{path}:{i}: {len(cells)} cells, want 7: {line!r}"); bad += 1; continue
        id_, ty, canon, al, wd, cues, note = cells
        n += 1
        if ty not in PREFIX or not id_.startswith(PREFIX[ty]) or not re.fullmatch(r"[a-z]+\.[a-z0-9_]+", id_):
            print(f"{path}:{i}: bad id/type {id_!r} {ty!r}"); bad += 1
        if id_ in ids:
            print(f"{path}:{i}: duplicate id {id_}"); bad += 1
        ids.add(id_)
        if not canon.strip():
            print(f"{path}:{i}: empty canonical"); bad += 1
        if wd and not re.fullmatch(r"Q[0-9]+", wd):
            print(f"{path}:{i}: bad wikidata {wd!r}"); bad += 1
        forms = [canon] + [a for a in al.split("|") if a.strip()] if al else [canon]
        if al and any(not a.strip() for a in al.split("|")):
            print(f"{path}:{i}: empty alias in {al!r}"); bad += 1
        for a in set(fold(f) for f in forms):
            aliases[a].append(id_)
    for a, who in aliases.items():
        if len(set(who)) > 1:
            print(f"{path}: alias {a!r} shared by {sorted(set(who))}"); bad += 1
    print(f"{path}: {n} entities")
sys.exit(1 if bad else 0)
