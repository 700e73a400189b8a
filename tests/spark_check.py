#!/usr/bin/env python3
"""Runs the Spark driver (examples/spark/rasid_spark.py) in local[2] mode
over the seeds and a slice of the ANT corpus, and checks that its mentions,
triples and edges equal those of one plain `rasid extract` on the same input
(rows sorted, cell for cell). Prints documents per second for both.

usage: spark_check.py RASID_BINARY SHARED_DIR [N_ARTICLES]
Exit 0 when equal, 1 when not, 3 when PySpark or Java is missing.
"""
import csv, glob, gzip, json, os, subprocess, sys, tempfile, time

rasid, shared = sys.argv[1], sys.argv[2]
n_articles = int(sys.argv[3]) if len(sys.argv) > 3 else 3000
try:
    import pyspark
    from pyspark.find_spark_home import _find_spark_home
except ImportError as e:
    print(f"missing: {e}")
    sys.exit(3)
if subprocess.run(["sh", "-c", "command -v java"], capture_output=True).returncode != 0:
    print("missing: java")
    sys.exit(3)

here = os.path.dirname(os.path.abspath(__file__))
driver = os.path.join(here, "..", "examples", "spark", "rasid_spark.py")
work = tempfile.mkdtemp(prefix="rasid-spark-")
corpus = os.path.join(work, "input.jsonl")
docs = 0
with open(corpus, "w", encoding="utf-8") as out:
    for path in sorted(glob.glob(os.path.join(shared, "corpus", "seeds", "*.txt"))):
        text = open(path, encoding="utf-8-sig").read()
        out.write(json.dumps({"docno": os.path.basename(path)[:-4], "text": text}, ensure_ascii=False) + "\n")
        docs += 1
    with gzip.open(os.path.join(shared, "corpus", "ant-news-2018.jsonl.gz"), "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= n_articles:
                break
            out.write(line if line.endswith("\n") else line + "\n")
            docs += 1
    out.write('{"docno": "broken", "text": \n')  # a bad record: rejected, never a failed task

def rows(pattern):
    got = []
    for path in sorted(glob.glob(pattern)):
        with open(path, newline="", encoding="utf-8-sig") as f:
            r = csv.reader(f)
            next(r, None)
            got.extend(tuple(x) for x in r)
    return sorted(got)

plain = os.path.join(work, "plain")
t = time.time()
p = subprocess.run([rasid, "extract", corpus, "--id-field", "docno", "--out", plain, "--threads", "2", "-q"])
plain_s = time.time() - t
assert p.returncode == 2, f"plain run exit {p.returncode}"

spark_out = os.path.join(work, "spark")
submit = os.path.join(_find_spark_home(), "bin", "spark-submit")
env = dict(os.environ, PYSPARK_PYTHON=sys.executable, SPARK_LOCAL_IP="127.0.0.1")
t = time.time()
p = subprocess.run([submit, "--master", "local[2]", "--conf", "spark.ui.enabled=false", driver,
                    "--rasid", rasid, "--input", corpus, "--output", spark_out, "--id-field", "docno",
                    "--partitions", "4"], env=env, capture_output=True, text=True)
spark_s = time.time() - t
if p.returncode != 0:
    print(p.stdout[-3000:], p.stderr[-6000:])
    sys.exit(1)

failures = []
for name in ["mentions", "triples", "edges"]:
    a = rows(os.path.join(plain, f"{name}.csv"))
    b = rows(os.path.join(spark_out, name, "part-*.csv"))
    if a != b:
        only_a = [x for x in a if x not in set(b)][:3]
        only_b = [x for x in b if x not in set(a)][:3]
        failures.append(f"{name}: {len(a)} rows plain, {len(b)} rows Spark; plain only {only_a}; Spark only {only_b}")
    else:
        print(f"{name}: {len(a)} rows, equal")
plain_rejects = sum(1 for _ in open(os.path.join(plain, "rejects.jsonl")))
spark_rejects = len(rows(os.path.join(spark_out, "rejects", "part-*.csv")))
if plain_rejects != spark_rejects or plain_rejects == 0:
    failures.append(f"rejects: {plain_rejects} plain, {spark_rejects} Spark")
print(f"documents: {docs}; rasid --threads 2: {docs / plain_s:.0f} docs/s ({plain_s:.1f} s); "
      f"Spark local[2]: {docs / spark_s:.0f} docs/s ({spark_s:.1f} s, JVM start included); pyspark {pyspark.__version__}")
for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
