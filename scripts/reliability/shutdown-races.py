#!/usr/bin/env python3
"""Pins down where shutdown-under-load.py loses requests (deterministic, ~10 s).

A. Established idle connections whose requests arrive just before SIGTERM: each must get its answer.
B. Connections still in the kernel's accept backlog at SIGTERM (the server is SIGSTOPped while 20 clients connect
   and write a request, then gets SIGTERM + SIGCONT): each must get its answer or, at worst, a refused connect.
   A reset after the connect succeeded and the request was written is a dropped request.

    scripts/reliability/shutdown-races.py
"""
import os, signal, socket, subprocess, sys, tempfile, time, shutil

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))


def sh(cmd):
    return subprocess.run(["bash", "-c", f"source {HERE}/lib.sh; {cmd}"], check=True, capture_output=True, text=True).stdout.strip()


def start(binary, db, env):
    port = int(sh("free_port"))
    p = subprocess.Popen([binary, "serve", "--db", db, "--port", str(port)], stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, env=env)
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close(); break
        except OSError:
            time.sleep(0.1)
    return p, port


def collect(socks):
    res = {"ok": 0, "eof": 0, "reset": 0}
    for s in socks:
        s.settimeout(10); data = b""
        try:
            while True:
                c = s.recv(65536)
                if not c: break
                data += c
        except (ConnectionResetError, socket.timeout):
            res["reset"] += 1; continue
        res["ok" if data.startswith(b"HTTP/1.1 200") else "eof"] += 1
    return res


def main():
    binary = sh("NO_BUILD=${NO_BUILD:-} evidence_bin")
    work = tempfile.mkdtemp(prefix="evidence-races.")
    env = dict(os.environ, EVIDENCE_HOME=ROOT)
    req = b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    try:
        db = f"{work}/e.sqlite"
        subprocess.run([binary, "ingest", "--db", db, f"{ROOT}/seeds"], check=True, capture_output=True, env=env)
        total_a = {"ok": 0, "eof": 0, "reset": 0}
        for _ in range(3):
            p, port = start(binary, db, env)
            socks = [socket.create_connection(("127.0.0.1", port)) for _ in range(50)]
            time.sleep(0.5)
            for s in socks: s.sendall(req)
            p.send_signal(signal.SIGTERM)
            for k, v in collect(socks).items(): total_a[k] += v
            p.wait()
        print(f"A. 150 established connections, request written just before SIGTERM: {total_a}")
        total_b = {"ok": 0, "eof": 0, "reset": 0}
        for _ in range(3):
            p, port = start(binary, db, env)
            time.sleep(0.3)
            p.send_signal(signal.SIGSTOP)
            socks = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(20)]
            for s in socks: s.sendall(req)
            p.send_signal(signal.SIGTERM); p.send_signal(signal.SIGCONT)
            for k, v in collect(socks).items(): total_b[k] += v
            p.wait()
        print(f"B. 60 connections in the accept backlog at SIGTERM, request written: {total_b}")
        ok = total_a["ok"] == 150 and total_b["reset"] == 0 and total_b["eof"] == 0
        print("RESULT:", "PASS" if ok else "FAIL")
        return 0 if ok else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
