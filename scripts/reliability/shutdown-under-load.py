#!/usr/bin/env python3
"""Graceful shutdown under load drops no request in flight.

16 client threads send requests (`Connection: close`, one per connection, over a mix of routes) as fast as they
can; after --warmup seconds the server gets SIGTERM. Every request whose bytes were written must get a complete
response; after the listener closes, connects are refused (fine). A request written and then answered by a reset or
EOF with no response is a dropped request. Also checks the exit status (0) and time to exit.

    scripts/reliability/shutdown-under-load.py [--rounds 3]
"""
import argparse, os, signal, socket, subprocess, sys, tempfile, threading, time, shutil

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
ROUTES = ["/v1/studies?limit=50", "/v1/search?q=vitamin", "/v1/claims", "/health", "/v1/comments", "/openapi.json"]


def sh(cmd):
    return subprocess.run(["bash", "-c", f"source {HERE}/lib.sh; {cmd}"], check=True, capture_output=True, text=True).stdout.strip()


def client(port, stop, stats, lock, k):
    i = k
    while not stop.is_set():
        route = ROUTES[i % len(ROUTES)]; i += 1
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=10)
        except ConnectionRefusedError:
            with lock: stats["refused"] += 1
            time.sleep(0.01); continue
        except OSError:
            with lock: stats["connect_error"] += 1
            time.sleep(0.01); continue
        try:
            s.sendall(f"GET {route} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        except OSError:
            with lock: stats["send_failed"] += 1
            s.close(); continue
        data = b""
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk: break
                data += chunk
        except OSError:
            pass
        s.close()
        head, _, body = data.partition(b"\r\n\r\n")
        length = None
        for line in head.split(b"\r\n")[1:]:
            n, _, v = line.partition(b":")
            if n.strip().lower() == b"content-length": length = int(v)
        with lock:
            if data.startswith(b"HTTP/1.1 ") and length is not None and len(body) == length:
                stats["ok"] += 1
                code = int(data.split()[1])
                if code >= 500: stats["5xx"] += 1
            elif not data:
                stats["dropped"] += 1
            else:
                stats["truncated"] += 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--warmup", type=float, default=3)
    args = ap.parse_args()
    binary = sh("NO_BUILD=${NO_BUILD:-} evidence_bin")
    work = tempfile.mkdtemp(prefix="evidence-shutdown.")
    env = dict(os.environ, EVIDENCE_HOME=ROOT)
    all_ok = True
    try:
        db = f"{work}/e.sqlite"
        subprocess.run([binary, "ingest", "--db", db, f"{ROOT}/seeds"], check=True, capture_output=True, env=env)
        for r in range(args.rounds):
            port = int(sh("free_port"))
            server = subprocess.Popen([binary, "serve", "--db", db, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
            for _ in range(300):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close(); break
                except OSError:
                    time.sleep(0.1)
            stats = dict(ok=0, refused=0, connect_error=0, send_failed=0, dropped=0, truncated=0, **{"5xx": 0})
            lock, stop = threading.Lock(), threading.Event()
            threads = [threading.Thread(target=client, args=(port, stop, stats, lock, k)) for k in range(16)]
            for t in threads: t.start()
            time.sleep(args.warmup)
            before = stats["ok"]
            t0 = time.time()
            server.send_signal(signal.SIGTERM)
            code = server.wait(timeout=60)
            exit_s = time.time() - t0
            time.sleep(0.5)
            stop.set()
            for t in threads: t.join()
            ok = stats["dropped"] == 0 and stats["truncated"] == 0 and stats["5xx"] == 0 and code == 0
            all_ok &= ok
            print(f"round {r + 1}: {before} answered before SIGTERM, {stats['ok'] - before} after; dropped {stats['dropped']}, "
                  f"truncated {stats['truncated']}, 5xx {stats['5xx']}, refused after close {stats['refused']}, "
                  f"send failed {stats['send_failed']}; exit {code} in {exit_s:.2f} s")
        print("RESULT:", "PASS" if all_ok else "FAIL")
        return 0 if all_ok else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
