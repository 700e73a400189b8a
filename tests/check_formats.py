#!/usr/bin/env python3
"""Reads rasid's outputs back with independent readers.

usage: check_formats.py OUT_DIR

Checks: rdflib parses graph.nt and graph.ttl into the same graph; networkx
reads graph.graphml with one node an entity and one edge an edge; the Neo4j
files have the import headers and every relationship's ends exist as nodes;
no CSV cell starts with = + - or @. Exit 0 when all hold, 1 when one fails,
3 when a reader is not installed.
"""
import csv, glob, os, sys

out = sys.argv[1]
try:
    import networkx
    import rdflib
    from rdflib.compare import isomorphic
except ImportError as e:
    print(f"missing reader: {e}")
    sys.exit(3)

def rows(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.reader(f))

failures = []
def check(ok, what):
    if not ok:
        failures.append(what)

nt = rdflib.Graph().parse(os.path.join(out, "graph.nt"), format="nt")
ttl = rdflib.Graph().parse(os.path.join(out, "graph.ttl"), format="turtle")
check(len(nt) > 0, "graph.nt is empty")
check(isomorphic(nt, ttl), f"graph.nt ({len(nt)}) and graph.ttl ({len(ttl)}) differ")
labels = [o for o in nt.objects(None, rdflib.RDFS.label)]
check(labels and all(getattr(o, "language", None) == "ar" for o in labels), "labels are not all @ar")

g = networkx.read_graphml(os.path.join(out, "graph.graphml"))
entities = rows(os.path.join(out, "entities.csv"))[1:]
edges = rows(os.path.join(out, "edges.csv"))[1:]
check(g.number_of_nodes() == len(entities), f"graphml nodes {g.number_of_nodes()} != entities {len(entities)}")
check(g.number_of_edges() == len(edges), f"graphml edges {g.number_of_edges()} != edges {len(edges)}")

nodes = rows(os.path.join(out, "neo4j", "nodes.csv"))
rels = rows(os.path.join(out, "neo4j", "relationships.csv"))
check(any(h.endswith(":ID") for h in nodes[0]) and ":LABEL" in nodes[0], f"nodes header {nodes[0]}")
check(rels[0][:3] == [":START_ID", ":END_ID", ":TYPE"], f"relationships header {rels[0]}")
ids = {r[0] for r in nodes[1:]}
missing = [r for r in rels[1:] if r[0] not in ids or r[1] not in ids]
check(not missing, f"relationships with an end that is not a node: {missing[:3]}")
check(len(rels) - 1 == len(edges), "one relationship an edge")

for path in glob.glob(os.path.join(out, "**", "*.csv"), recursive=True):
    for r in rows(path):
        bad = [c for c in r if c[:1] in ("=", "+", "-", "@")]
        check(not bad, f"{path}: cells taken for formulas: {bad[:3]}")

for f in failures:
    print("FAIL:", f)
print(f"checked {out}: {len(nt)} RDF statements, {len(entities)} entities, {len(edges)} edges")
sys.exit(1 if failures else 0)
