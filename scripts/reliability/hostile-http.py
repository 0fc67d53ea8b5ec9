#!/usr/bin/env python3
"""Hostile HTTP against `evidence serve`, while a well-behaved client measures its latency (p99 < 100 ms).

Phases run at the same time for --seconds (default 30), in separate processes so that the measuring client is
not slowed by the attackers' Python:
  * flood: 2,000 connections opened and held (half idle, half with a partial request line);
  * trickle: 50 connections sending a request one byte every 0.5 s (slowloris);
  * oversized: request lines of 64 KiB, 200 headers, 1 MiB of headers, bodies over the limit, a huge Content-Length;
  * malformed: random bytes, bare LF, bad versions, double Content-Length, bad chunk sizes, NUL in headers;
  * pipeline: 1,000 GET requests written in one go on one connection, all 1,000 responses read back.
The well-behaved client does sequential keep-alive GETs over a mix of routes and reports p50/p99/max.
Afterwards: the server is alive, answers /health, and its open fd count is back near its start value.
Then the fd-exhaustion phase (--fd-phase): a second server started under `ulimit -n 256` gets 600 connections;
once they are closed it must answer again.

    scripts/reliability/hostile-http.py [--seconds 30]
"""
import argparse, multiprocessing as mp, os, random, socket, subprocess, sys, tempfile, time, shutil

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
ROUTES = ["/health", "/v1/studies?limit=5", "/v1/claims?limit=5", "/v1/comments?limit=5",
          "/v1/search?q=vitamin", "/v1/conditions?limit=5", "/v1/studies?condition=CKD"]


def sh(cmd):
    return subprocess.run(["bash", "-c", f"source {HERE}/lib.sh; {cmd}"], check=True, capture_output=True,
                          text=True).stdout.strip()


def read_response(sock, buf=b""):
    """Reads one response (Content-Length framed); returns (status, rest)."""
    while b"\r\n\r\n" not in buf:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed")
        buf += chunk
    head, _, rest = buf.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split()[1])
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(rest) < length:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed mid-body")
        rest += chunk
    return status, rest[length:]


def well_behaved(port, seconds, queue):
    times, errors = [], 0
    deadline = time.time() + seconds
    sock = None
    i = 0
    while time.time() < deadline:
        route = ROUTES[i % len(ROUTES)]; i += 1
        t = time.perf_counter()
        try:
            if sock is None:
                sock = socket.create_connection(("127.0.0.1", port), timeout=5)
            sock.sendall(f"GET {route} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
            status, _ = read_response(sock)
            if status != 200:
                errors += 1
        except Exception as e:
            errors += 1
            print(f"client error after {(time.perf_counter() - t) * 1000:.0f} ms on {route}: {e!r}", flush=True)
            sock = None
            continue
        times.append((time.perf_counter() - t) * 1000)
        time.sleep(0.01)
    queue.put(("client", times, errors))


def flood(port, seconds, queue, n=2000):
    socks, refused = [], 0
    for k in range(n):
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            if k % 2:
                s.sendall(b"GET /v1/studies?li")
            socks.append(s)
        except OSError:
            refused += 1
    opened = len(socks)
    time.sleep(max(0, seconds - 2))
    for s in socks:
        s.close()
    queue.put(("flood", opened, refused))


def trickle(port, seconds, queue, n=50):
    req = b"GET /v1/studies?limit=1 HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 200 + b"\r\n\r\n"
    socks = []
    for _ in range(n):
        try:
            socks.append(socket.create_connection(("127.0.0.1", port), timeout=5))
        except OSError:
            pass
    deadline = time.time() + seconds - 2
    pos, closed_by_server = 0, 0
    while time.time() < deadline and pos < len(req) and socks:
        alive = []
        for s in socks:
            try:
                s.send(req[pos:pos + 1]); alive.append(s)
            except OSError:
                closed_by_server += 1
        socks = alive
        pos += 1
        time.sleep(0.5)
    for s in socks:
        s.close()
    queue.put(("trickle", n, closed_by_server))


def one_shot(port, payload, read=True):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        try:
            s.sendall(payload)
        except OSError:
            pass  # the server may close before reading everything: that is an answer too
        if not read:
            s.close(); return None
        try:
            data = s.recv(4096)
        except OSError:
            data = b""
        s.close()
        return int(data.split()[1]) if data.startswith(b"HTTP/1.1 ") else 0
    except OSError:
        return -1


OVERSIZED = [
    b"GET /" + b"a" * 65536 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET / HTTP/1.1\r\n" + b"".join(b"X-%d: y\r\n" % i for i in range(200)) + b"\r\n",
    b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * (1 << 20) + b"\r\n\r\n",
    b"POST /v1/studies HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\n" + b"c" * 70000,
    b"POST /v1/studies HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999\r\n\r\n",
    b"POST /v1/studies HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFF\r\n",
]
MALFORMED = [
    b"GET / HTTP/1.1\nHost: x\n\n", b"GET / HTTP/9.9\r\nHost: x\r\n\r\n", b"GET\r\n\r\n", b"\x00\x01\x02\r\n\r\n",
    b"GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
    b"GET / HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n", b"GET / HTTP/1.1\r\nHost: x\x00y\r\n\r\n",
    b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n",
    b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", b"GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET http://[::1 HTTP/1.1\r\nHost: x\r\n\r\n", b" GET / HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: x\r\n Folded: y\r\n\r\n", b"GET /v1/studies?limit=%FF%FE HTTP/1.1\r\nHost: x\r\n\r\n",
]


def hostile(port, seconds, queue):
    rnd = random.Random(7)
    deadline = time.time() + seconds - 2
    statuses, sent = {}, 0
    while time.time() < deadline:
        for payload in OVERSIZED + MALFORMED + [bytes(rnd.getrandbits(8) for _ in range(rnd.randint(1, 2000)))]:
            st = one_shot(port, payload)
            statuses[st] = statuses.get(st, 0) + 1
            sent += 1
        time.sleep(0.05)
    queue.put(("hostile", sent, statuses))


def pipeline(port, seconds, queue, n=1000):
    rounds, ok, bad = 0, 0, 0
    deadline = time.time() + seconds - 3
    while time.time() < deadline:
        s = socket.create_connection(("127.0.0.1", port), timeout=30)
        reqs = b"".join(f"GET {ROUTES[i % len(ROUTES)]} HTTP/1.1\r\nHost: x\r\n\r\n".encode() for i in range(n))
        # Write and read at the same time, as a client must when the server answers while the rest is in flight.
        import threading
        t = threading.Thread(target=s.sendall, args=(reqs,)); t.start()
        buf = b""
        got = 0
        try:
            for _ in range(n):
                st, buf = read_response(s, buf)
                got += 1
                ok += st == 200
        except Exception:
            pass
        t.join()
        bad += n - got
        s.close()
        rounds += 1
    queue.put(("pipeline", rounds, ok, bad))


def fd_phase(binary, db, env):
    port = int(sh("free_port"))
    log = open(os.path.join(os.path.dirname(db), "fd.log"), "w")
    server = subprocess.Popen(["bash", "-c", f"ulimit -n 256; exec {binary} serve --db {db} --port {port}"],
                              stdout=subprocess.DEVNULL, stderr=log, env=env)
    try:
        for _ in range(300):
            if one_shot(port, b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n") == 200:
                break
            time.sleep(0.1)
        base = len(os.listdir(f"/proc/{server.pid}/fd"))
        socks = []
        for _ in range(600):
            try:
                socks.append(socket.create_connection(("127.0.0.1", port), timeout=2))
            except OSError:
                break
        time.sleep(1)
        during = one_shot(port, b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        peak = len(os.listdir(f"/proc/{server.pid}/fd"))
        for s in socks:
            s.close()
        recovered, t0 = None, time.time()
        while time.time() - t0 < 15:
            st = one_shot(port, b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
            if st == 200:
                recovered = time.time() - t0; break
            time.sleep(0.2)
        time.sleep(1)
        after = len(os.listdir(f"/proc/{server.pid}/fd"))
        alive = server.poll() is None
        print(f"fd exhaustion (ulimit -n 256): {len(socks)} connections opened, server fds {base} -> {peak} -> {after}, "
              f"/health while exhausted: {during}, recovered after {recovered if recovered is None else round(recovered, 2)} s, alive: {alive}")
        return recovered is not None and alive and after <= base + 4
    finally:
        server.terminate(); server.wait()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=int, default=30)
    ap.add_argument("--no-fd-phase", action="store_true")
    ap.add_argument("--only", choices=["flood", "trickle", "hostile", "pipeline"], help="one attacker alone, to attribute latency")
    args = ap.parse_args()
    binary = sh("NO_BUILD=${NO_BUILD:-} evidence_bin")
    work = tempfile.mkdtemp(prefix="evidence-hostile.")
    env = dict(os.environ, EVIDENCE_HOME=ROOT)
    server = None
    try:
        db = f"{work}/e.sqlite"
        subprocess.run([binary, "ingest", "--db", db, f"{ROOT}/seeds"], check=True, capture_output=True, env=env)
        port = int(sh("free_port"))
        server = subprocess.Popen([binary, "serve", "--db", db, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        for _ in range(300):
            if one_shot(port, b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n") == 200:
                break
            time.sleep(0.1)
        fd0 = len(os.listdir(f"/proc/{server.pid}/fd"))
        rss0 = int([l for l in open(f"/proc/{server.pid}/status") if l.startswith("VmRSS")][0].split()[1])
        # Baseline latency without attackers, 5 s.
        q = mp.Queue()
        base = mp.Process(target=well_behaved, args=(port, 5, q)); base.start(); base.join()
        _, btimes, berr = q.get()
        attackers = {"flood": flood, "trickle": trickle, "hostile": hostile, "pipeline": pipeline}
        chosen = [attackers[args.only]] if args.only else list(attackers.values())
        procs = [mp.Process(target=f, args=(port, args.seconds, q)) for f in [well_behaved] + chosen]
        for p in procs:
            p.start()
        peak_fd = 0
        t0 = time.time()
        while any(p.is_alive() for p in procs) and time.time() - t0 < args.seconds + 60:
            try:
                peak_fd = max(peak_fd, len(os.listdir(f"/proc/{server.pid}/fd")))
            except FileNotFoundError:
                break
            time.sleep(0.5)
        for p in procs:
            p.join(timeout=30)
        results = {}
        while not q.empty():
            r = q.get(); results[r[0]] = r[1:]
        times, errors = results.get("client", ([], 0))
        times.sort()
        pct = lambda xs, p: xs[min(len(xs) - 1, int(len(xs) * p))] if xs else float("nan")
        btimes.sort()
        time.sleep(2)
        alive = server.poll() is None
        health = one_shot(port, b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        fd1 = len(os.listdir(f"/proc/{server.pid}/fd")) if alive else -1
        rss1 = int([l for l in open(f"/proc/{server.pid}/status") if l.startswith("VmRSS")][0].split()[1]) if alive else -1
        print(f"baseline client (no attack, 5 s): {len(btimes)} requests, p50 {pct(btimes, .5):.2f} ms, p99 {pct(btimes, .99):.2f} ms, errors {berr}")
        print(f"under attack ({args.seconds} s): {len(times)} requests, p50 {pct(times, .5):.2f} ms, p99 {pct(times, .99):.2f} ms, "
              f"max {times[-1] if times else float('nan'):.2f} ms, errors {errors}")
        print(f"flood: opened {results.get('flood', ('?',))[0]} connections, refused {results.get('flood', (0, '?'))[1]}")
        print(f"trickle: {results.get('trickle', ('?', '?'))[0]} connections, closed by the server {results.get('trickle', ('?', '?'))[1]}")
        print(f"oversized+malformed: {results.get('hostile', ('?', {}))[0]} requests, statuses {results.get('hostile', ('?', {}))[1]}")
        print(f"pipeline: {results.get('pipeline', ('?',))[0]} rounds of 1,000, {results.get('pipeline', (0, '?', '?'))[1]} OK answers, {results.get('pipeline', (0, 0, '?'))[2]} missing")
        print(f"server: alive {alive}, /health {health}, fds {fd0} -> peak {peak_fd} -> {fd1}, RSS {rss0} kB -> {rss1} kB")
        p99 = pct(times, .99)
        pipe = results.get("pipeline", (0, 0, 1))
        ok = alive and health == 200 and p99 < 100 and errors == 0 and (args.only or pipe[2] == 0) and fd1 <= fd0 + 4
        if not args.no_fd_phase:
            server.terminate(); server.wait(); server = None
            ok = fd_phase(binary, db, env) and ok
        print("RESULT:", "PASS" if ok else "FAIL")
        return 0 if ok else 1
    finally:
        if server and server.poll() is None:
            server.terminate(); server.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
