#!/usr/bin/env python3
"""Serve while ingesting: a reader never sees a half-written document.

Starts `evidence serve` on a database that holds the seeds, then ingests a generated corpus into the same file
while a reader walks /v1/sources again and again. For every source it sees, the number of claims and comments
the API lists for it (/v1/claims?source=ID, /v1/comments?source=ID, meta.total) must equal the counts the source
itself carries: the source row and its claims are written in one transaction, so any difference is a half
document. /health's document count must never go down. Bounded: stops when the ingest ends or after --seconds.

    scripts/reliability/serve-while-ingesting.py [--docs 400] [--seconds 120]
"""
import argparse, json, os, subprocess, sys, tempfile, time, urllib.request, shutil

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))


def sh(cmd):
    return subprocess.run(["bash", "-c", f"source {HERE}/lib.sh; {cmd}"], check=True, capture_output=True, text=True).stdout.strip()


def get(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as r:
        return json.loads(r.read())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--seconds", type=int, default=120)
    args = ap.parse_args()
    binary = sh("evidence_bin")
    work = tempfile.mkdtemp(prefix="evidence-swi.")
    env = dict(os.environ, EVIDENCE_HOME=ROOT)
    server = ingest = None
    try:
        sh(f"make_corpus {args.docs} {work}/docs")
        db = f"{work}/e.sqlite"
        subprocess.run([binary, "ingest", "--db", db, f"{ROOT}/seeds"], check=True, capture_output=True, env=env)
        port = int(sh("free_port"))
        server = subprocess.Popen([binary, "serve", "--db", db, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        for _ in range(300):
            try:
                get(port, "/health"); break
            except Exception:
                time.sleep(0.1)
        ingest = subprocess.Popen([binary, "ingest", "--db", db, f"{work}/docs"], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL, env=env)
        deadline = time.time() + args.seconds
        checked = passes = half = errors = 0
        last_docs = 0
        while time.time() < deadline:
            running = ingest.poll() is None
            try:
                health = get(port, "/health")
                if health["documents"] < last_docs:
                    print(f"documents went down: {last_docs} -> {health['documents']}"); half += 1
                last_docs = health["documents"]
                cursor = None
                while True:
                    page = get(port, "/v1/sources?limit=100" + (f"&cursor={cursor}" if cursor else ""))
                    for s in page["data"]:
                        claims = get(port, f"/v1/claims?source={s['id']}&limit=1")["meta"]["total"]
                        comments = get(port, f"/v1/comments?source={s['id']}&limit=1")["meta"]["total"]
                        checked += 1
                        if claims != s["counts"]["claims"] or comments != s["counts"]["comments"]:
                            half += 1
                            print(f"HALF: {s['id']} says {s['counts']} but lists {claims} claims, {comments} comments")
                    cursor = page["meta"]["next_cursor"]
                    if not cursor:
                        break
                passes += 1
            except Exception as e:  # a failed request is an error, not a half document
                errors += 1
                print("request error:", e)
            if not running:
                break
        ingest.wait(timeout=600)
        final = get(port, "/health")["documents"]
        print(f"RESULT: {passes} passes over /v1/sources during the ingest, {checked} source checks, "
              f"{half} half documents seen, {errors} request errors; {final} documents at the end")
        return 0 if half == 0 and errors == 0 and passes > 1 else 1
    finally:
        for p in (ingest, server):
            if p and p.poll() is None:
                p.terminate(); p.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
