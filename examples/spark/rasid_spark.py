#!/usr/bin/env python3
"""Run rasid as a step of a Spark job.

Each partition of JSON lines goes through rasid's streaming filter
(`rasid extract - --format jsonl`) on its executor; the results come back as
mentions, triples, merged edges and rejects, written as CSV (the same rows
and cells as `rasid extract --out DIR`) or Parquet.

    spark-submit --master local[2] examples/spark/rasid_spark.py \\
        --rasid target/release/rasid --input corpus.jsonl.gz --output out/ \\
        --id-field docno

The binary (and any gazetteer or rule file given) is shipped to the
executors with SparkContext.addFile, so it must be built for the executors'
platform. A bad record never fails a task: rasid reports it as a reject and
goes on.
"""
import argparse
import json
import os
import subprocess
import threading

from pyspark import SparkFiles
from pyspark.sql import SparkSession, functions as F, types as T

MENTION_COLUMNS = ["doc_id", "start", "end", "text", "type", "entity_id", "canonical", "origin", "confidence"]
TRIPLE_COLUMNS = ["doc_id", "subject_id", "subject", "subject_type", "predicate", "object_id", "object",
                  "object_type", "rule", "confidence", "evidence_start", "evidence_end", "evidence"]
EDGE_COLUMNS = ["subject_id", "subject", "predicate", "object_id", "object", "documents", "mentions",
                "first_doc", "last_doc", "best_confidence", "best_rule", "best_doc", "best_evidence_start",
                "best_evidence_end", "best_evidence"]


def safe_cell(s):
    """As rasid's CSV writer: a cell that a spreadsheet would take for a formula gets a leading '."""
    if s and s[0] in "=+-@\t\r":
        return "'" + s
    return s


def run_partition(index, lines, binary_name, argv):
    """Pipes one partition's JSON lines through rasid; yields (kind, ordinal, record).

    `argv` holds (flag, value, shipped): a shipped value is a file name that
    SparkFiles resolves on the executor."""
    binary = SparkFiles.get(binary_name)
    os.chmod(binary, 0o755)
    args = [binary, "extract", "-", "--format", "jsonl", "--quiet"]
    for flag, value, shipped in argv:
        args.append(flag)
        if value is not None:
            args.append(SparkFiles.get(value) if shipped else value)
    proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)

    def feed():
        try:
            for line in lines:
                proc.stdin.write(line.encode("utf-8") + b"\n")
        except BrokenPipeError:
            pass
        finally:
            proc.stdin.close()

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    for n, out in enumerate(proc.stdout):
        ordinal = (index << 32) + n
        rec = json.loads(out)
        if "rejected" in rec:
            r = rec["rejected"]
            yield ("reject", ordinal, (index, r.get("line"), r.get("id"), r.get("reason")))
        else:
            yield ("doc", ordinal, rec)
    writer.join()
    proc.wait()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rasid", required=True, help="the rasid binary, built for the executors' platform")
    ap.add_argument("--input", required=True, help="JSON lines: any path Spark reads (local, HDFS, S3), .gz too")
    ap.add_argument("--output", required=True, help="output folder (mentions/, triples/, edges/, rejects/)")
    ap.add_argument("--format", choices=["csv", "parquet"], default="csv")
    ap.add_argument("--id-field", default="id")
    ap.add_argument("--text-field", default="text")
    ap.add_argument("--title-field")
    ap.add_argument("--gazetteer", action="append", default=[], help="a gazetteer file to ship and add")
    ap.add_argument("--rules", action="append", default=[], help="a rule file to ship and add")
    ap.add_argument("--no-default-gazetteer", action="store_true")
    ap.add_argument("--partitions", type=int, help="at least this many partitions of the input")
    a = ap.parse_args()

    spark = SparkSession.builder.appName("rasid").getOrCreate()
    sc = spark.sparkContext
    # ship the binary and the data files; executors find them by name
    sc.addFile(os.path.abspath(a.rasid))
    binary_name = os.path.basename(a.rasid)
    argv = [("--id-field", a.id_field, False), ("--text-field", a.text_field, False)]
    if a.title_field:
        argv.append(("--title-field", a.title_field, False))
    for flag, paths in [("--gazetteer", a.gazetteer), ("--rules", a.rules)]:
        for path in paths:
            sc.addFile(os.path.abspath(path))
            argv.append((flag, os.path.basename(path), True))
    if a.no_default_gazetteer:
        argv.append(("--no-default-gazetteer", None, False))

    # (minPartitions, not repartition: the partitions keep the input order,
    # which first_doc and last_doc of the edges follow)
    lines = sc.textFile(a.input, minPartitions=a.partitions) if a.partitions else sc.textFile(a.input)
    results = lines.mapPartitionsWithIndex(lambda i, it: run_partition(i, it, binary_name, argv)).persist()

    docs = results.filter(lambda r: r[0] == "doc")
    csv_cells = a.format == "csv"
    cell = safe_cell if csv_cells else (lambda s: s)

    def mention_rows(r):
        rec = r[2]
        for m in rec["mentions"]:
            yield (cell(rec["id"]), m["start"], m["end"], cell(m["text"]), m["type"], cell(m["entity_id"]),
                   cell(m["canonical"]), m["origin"], float(m["confidence"]))

    def triple_rows(r):
        rec, ordinal = r[2], r[1]
        for k, t in enumerate(rec["triples"]):
            yield (ordinal, k, cell(rec["id"]), cell(t["subject_id"]), cell(t["subject"]), t["subject_type"],
                   t["predicate"], cell(t["object_id"]), cell(t["object"]), t["object_type"], cell(t["rule"]),
                   float(t["confidence"]), t["evidence_start"], t["evidence_end"], cell(t["evidence"]))

    s, i, d = T.StringType(), T.LongType(), T.DoubleType()
    mention_schema = T.StructType([T.StructField(n, t) for n, t in zip(MENTION_COLUMNS, [s, i, i, s, s, s, s, s, d])])
    triple_schema = T.StructType([T.StructField("ordinal", i), T.StructField("k", i)] + [
        T.StructField(n, t) for n, t in zip(TRIPLE_COLUMNS, [s, s, s, s, s, s, s, s, s, d, i, i, s])])
    reject_schema = T.StructType([T.StructField("partition", i), T.StructField("line", i),
                                  T.StructField("id", s), T.StructField("reason", s)])
    mentions = spark.createDataFrame(docs.flatMap(mention_rows), mention_schema)
    triples = spark.createDataFrame(docs.flatMap(triple_rows), triple_schema)
    rejects = spark.createDataFrame(results.filter(lambda r: r[0] == "reject").map(lambda r: r[2]), reject_schema)

    # edges: triples summed across documents and partitions, as rasid merges them in one process
    # (the names of the ends as the first triple writes them: a discovered
    # entity is spelled as each document spells it)
    edges = triples.groupBy("subject_id", "predicate", "object_id").agg(
        F.min_by("subject", F.struct("ordinal", "k")).alias("subject"),
        F.min_by("object", F.struct("ordinal", "k")).alias("object"),
        F.countDistinct("doc_id").alias("documents"),
        F.count(F.lit(1)).alias("mentions"),
        F.min_by("doc_id", "ordinal").alias("first_doc"),
        F.max_by("doc_id", "ordinal").alias("last_doc"),
        # the surest evidence, then the first
        F.max_by(F.struct("confidence", "rule", "doc_id", "evidence_start", "evidence_end", "evidence"),
                 F.struct("confidence", (-F.col("ordinal")).alias("o"), (-F.col("k")).alias("kk"))).alias("best"),
    ).select("subject_id", "subject", "predicate", "object_id", "object", "documents", "mentions",
             "first_doc", "last_doc", F.col("best.confidence").alias("best_confidence"),
             F.col("best.rule").alias("best_rule"), F.col("best.doc_id").alias("best_doc"),
             F.col("best.evidence_start").alias("best_evidence_start"),
             F.col("best.evidence_end").alias("best_evidence_end"), F.col("best.evidence").alias("best_evidence"))
    triples = triples.drop("ordinal", "k")
    if csv_cells:
        mentions = mentions.withColumn("confidence", F.format_number("confidence", 2))
        triples = triples.withColumn("confidence", F.format_number("confidence", 2))
        edges = edges.withColumn("best_confidence", F.format_number("best_confidence", 2))

    for name, df in [("mentions", mentions), ("triples", triples), ("edges", edges), ("rejects", rejects)]:
        path = os.path.join(a.output, name)
        if a.format == "parquet":
            df.write.mode("overwrite").parquet(path)
        else:
            df.write.mode("overwrite").option("header", True).option("escape", '"').option("emptyValue", "") \
                .option("ignoreLeadingWhiteSpace", False).option("ignoreTrailingWhiteSpace", False) \
                .csv(path)
    counts = {"documents": docs.count(), "rejected": rejects.count()}
    print(json.dumps(counts))
    spark.stop()


if __name__ == "__main__":
    main()
