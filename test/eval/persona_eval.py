#!/usr/bin/python3
"""test/eval/persona_eval.py: accuracy of sum.title_persona on test/data/titles.csv.

Run against a database where the extension is installed, e.g.

    bash tools/cluster.sh sh -c 'psql -Xq -c "CREATE EXTENSION sum" && \\
        /usr/bin/python3 test/eval/persona_eval.py'

Prints accuracy of function and seniority per split (train, holdout, all)
and per language, the seniority confusion matrix (neighbouring ranks are
the cells next to the diagonal), how many seniority errors are one rank
off, and the most frequent function confusions.  --errors lists the
misclassified train titles; holdout titles are listed only with
--show-holdout, so that the holdout stays unseen while rules are tuned.
Connection settings come from the usual PG* environment variables.
"""
import argparse
import collections
import csv
import os
import subprocess
import sys

SEN = "unknown intern entry senior manager director vp c_level owner".split()
FUN = ("unknown general_management marketing sales customer_success engineering "
       "it product design data operations finance hr legal other").split()
ABBR = {"unknown": "unk", "intern": "int", "entry": "ent", "senior": "sen",
        "manager": "mgr", "director": "dir", "vp": "vp", "c_level": "c",
        "owner": "own"}


def classify(titles, psql):
    """Return (function, seniority) for each title, through psql."""
    sql = ("CREATE TEMP TABLE eval_titles (n int, title text);\n"
           "COPY eval_titles FROM STDIN WITH (FORMAT csv);\n")
    buf = []
    w = csv.writer(_Lines(buf), lineterminator="\n")
    for i, t in enumerate(titles):
        w.writerow([i, t])
    sql += "".join(buf) + "\\.\n"
    sql += ("SELECT n, (p).function, (p).seniority FROM "
            "(SELECT n, sum.title_persona(title) AS p FROM eval_titles) s ORDER BY n;\n")
    out = subprocess.run([psql, "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1"],
                         input=sql, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("psql failed:\n" + out.stderr)
    result = [None] * len(titles)
    for line in out.stdout.splitlines():
        n, f, s = line.split("\t")
        result[int(n)] = (f, s)
    return result


class _Lines:
    def __init__(self, buf):
        self.buf = buf

    def write(self, s):
        self.buf.append(s)


def pct(a, b):
    return f"{100.0 * a / b:5.1f} %" if b else "    -  "


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "data", "titles.csv"))
    ap.add_argument("--psql", default="psql")
    ap.add_argument("--errors", action="store_true", help="list misclassified train titles")
    ap.add_argument("--show-holdout", action="store_true", help="also list misclassified holdout titles")
    args = ap.parse_args()

    with open(args.data, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    got = classify([r["title"] for r in rows], args.psql)

    tally = collections.defaultdict(lambda: [0, 0, 0])    # n, function ok, seniority ok
    conf = collections.Counter()
    fconf = collections.Counter()
    off_by_one = far = 0
    errors = []
    for r, (f, s) in zip(rows, got):
        fok = f == r["function"]
        sok = s == r["seniority"]
        for key in (r["split"], "all", "lang " + r["lang"]):
            t = tally[key]
            t[0] += 1
            t[1] += fok
            t[2] += sok
        conf[(r["seniority"], s)] += 1
        if not sok:
            if abs(SEN.index(s) - SEN.index(r["seniority"])) == 1:
                off_by_one += 1
            else:
                far += 1
        if not fok:
            fconf[(r["function"], f)] += 1
        if (not fok or not sok) and (r["split"] == "train" or args.show_holdout):
            errors.append((r, f, s))

    print("accuracy          titles   function   seniority")
    for key in ["train", "holdout", "all"] + sorted(k for k in tally if k.startswith("lang ")):
        n, fo, so = tally[key]
        print(f"  {key:<14} {n:>7}   {pct(fo, n)}   {pct(so, n)}")
    print()
    print("seniority confusion (rows: expected, columns: got)")
    print("        " + "".join(f"{ABBR[s]:>5}" for s in SEN))
    for e in SEN:
        print(f"  {ABBR[e]:<5} " + "".join(f"{conf[(e, g)] or '.':>5}" for g in SEN))
    print(f"  seniority errors one rank off: {off_by_one}, further off: {far}")
    print()
    print("most frequent function confusions (expected -> got)")
    for (e, g), c in fconf.most_common(12):
        print(f"  {c:>4}  {e} -> {g}")
    if args.errors:
        print()
        print("misclassified" + (" (train and holdout)" if args.show_holdout else " train titles"))
        for r, f, s in errors:
            mark = lambda ok: " " if ok else "*"
            print(f"  [{r['lang']}] {r['title']!r}: expected {r['function']}/{r['seniority']},"
                  f" got {mark(f == r['function'])}{f}/{mark(s == r['seniority'])}{s}")


if __name__ == "__main__":
    main()
