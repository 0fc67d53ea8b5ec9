#!/usr/bin/env python3
"""Black-box checks of the HTTP server against real clients and hostile ones.

Runs the bench server (scripts/http/build-bench-server.sh builds it) on an ephemeral
port and checks the common HTTP server pitfalls (numbered P1-P22 below) that an
in-process Swift test cannot: SIGPIPE, signals, EMFILE, idle CPU, CLOSE-WAIT, curl /
http.client / ab / wrk, strict h11 parsing. Every check ends with the NIO-style
"alive + fd" check: the process is alive and its fd count is back to the start value.

usage: blackbox.py [path/to/bench-server]        (needs: pip install h11; curl, ab, wrk)
Every load is bounded (counts and seconds) and targets 127.0.0.1 only.
"""
import os, re, resource, signal, socket, struct, subprocess, sys, threading, time

import h11

BINARY = sys.argv[1] if len(sys.argv) > 1 else "/tmp/http-bench-pkg/.build/release/bench-server"
FAILURES = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        FAILURES.append(what)


class Server:
    def __init__(self, env=None, port=0, nofile=None):
        full = dict(os.environ, PORT=str(port), ACCESS_LOG="0", HEADER_TIMEOUT="2", IDLE_TIMEOUT="3", THREADS="2")
        full.update(env or {})
        def limits():
            if nofile:
                resource.setrlimit(resource.RLIMIT_NOFILE, (nofile, nofile))
        self.proc = subprocess.Popen([BINARY], env=full, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                     preexec_fn=limits)
        line = self.proc.stderr.readline().decode()
        match = re.search(r"listening on (\d+)", line)
        if not match:
            raise RuntimeError("server did not start: " + line)
        self.port = int(match.group(1))
        self.stderr_lines = []
        threading.Thread(target=self._drain, daemon=True).start()
        time.sleep(0.1)
        self.fd_start = self.fds()

    def _drain(self):
        for line in self.proc.stderr:
            self.stderr_lines.append(line.decode(errors="replace"))

    def fds(self):
        return len(os.listdir(f"/proc/{self.proc.pid}/fd"))

    def rss_kb(self):
        for line in open(f"/proc/{self.proc.pid}/status"):
            if line.startswith("VmRSS"):
                return int(line.split()[1])
        return 0

    def cpu_seconds(self):
        fields = open(f"/proc/{self.proc.pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def alive_and_fds(self, what):
        deadline = time.time() + 3
        while time.time() < deadline and self.fds() != self.fd_start:
            time.sleep(0.05)
        check(self.proc.poll() is None, f"{what}: server alive")
        check(self.fds() == self.fd_start, f"{what}: fd count back to {self.fd_start} (now {self.fds()})")

    def stop(self, sig=signal.SIGTERM, within=3):
        self.proc.send_signal(sig)
        try:
            code = self.proc.wait(within)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            code = "timeout"
        return code


def connect(port, rcvbuf=None):
    s = socket.socket()
    if rcvbuf:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    s.settimeout(5)
    s.connect(("127.0.0.1", port))
    return s


def h11_exchange(port, raw, method=b"GET"):
    """Sends raw bytes, parses the answer strictly with h11; returns (status, headers, body)."""
    s = connect(port)
    s.sendall(raw)
    conn = h11.Connection(our_role=h11.CLIENT)
    # Tell h11 what we "sent" so it knows whether a body follows (HEAD).
    conn.send(h11.Request(method=method, target="/", headers=[("Host", "x")]))
    conn.send(h11.EndOfMessage())
    status, headers, body = None, {}, b""
    while True:
        event = conn.next_event()
        if event is h11.NEED_DATA:
            data = s.recv(65536)
            conn.receive_data(data)
            continue
        if isinstance(event, h11.Response):
            status = event.status_code
            headers = {k.decode().lower(): v.decode() for k, v in event.headers}
        elif isinstance(event, h11.Data):
            body += event.data
        elif isinstance(event, (h11.EndOfMessage, h11.ConnectionClosed)):
            break
    s.close()
    return status, headers, body


def graceful_shutdown(srv, handlers_inline):
    """P21: SIGTERM with a slow request in flight and 20 idle keep-alive connections.
    Inline handlers hold their loop, so idle connections of that loop close only when
    the slow handler returns; with a worker pool they close at once."""
    port = srv.port
    mode = "inline" if handlers_inline else "pool"
    idle = []
    for _ in range(20):
        s = connect(port)
        s.sendall(b"GET /q HTTP/1.1\r\nHost: x\r\n\r\n")
        s.recv(65536)
        idle.append(s)
    slow = connect(port)
    slow.sendall(b"GET /sleep?ms=1500 HTTP/1.1\r\nHost: x\r\n\r\n")
    time.sleep(0.3)
    started = time.time()
    srv.proc.send_signal(signal.SIGTERM)
    closed_fast = True
    for s in idle:
        s.settimeout(2)
        try:
            closed_fast &= s.recv(1) == b""
        except ConnectionResetError:
            pass
        except OSError:
            closed_fast = False
    limit = 1.6 if handlers_inline else 0.3
    check(closed_fast and time.time() - started < limit, f"P21 ({mode}): idle connections closed within {limit} s of SIGTERM")
    answer = b""
    slow.settimeout(5)
    while True:
        chunk = slow.recv(65536)
        if not chunk:
            break
        answer += chunk
    check(answer.startswith(b"HTTP/1.1 200") and b"slept" in answer, f"P21 ({mode}): the in-flight request completed with 200")
    try:
        code = srv.proc.wait(5)
    except subprocess.TimeoutExpired:
        code = "hung"
    check(code == 0, f"P21 ({mode}): exit code 0 after graceful shutdown (got {code})")
    refused = False
    try:
        connect(port)
    except OSError:
        refused = True
    check(refused, f"P21 ({mode}): new connections refused after shutdown")



def main():
    srv = Server()
    port = srv.port
    base = f"http://127.0.0.1:{port}"

    # Strict parsing of normal and error responses (P29).
    for raw, method, want in [
        (b"GET /q HTTP/1.1\r\nHost: x\r\n\r\n", b"GET", 200),
        (b"HEAD /q HTTP/1.1\r\nHost: x\r\n\r\n", b"HEAD", 200),
        (b"GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n", b"GET", 400),
        (b"GET / HTTP/1.1\r\n\r\n", b"GET", 400),
        (b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\n", b"POST", 413),
        (b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", b"GET", 414),
        (b"GET / HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-%d: v\r\n" % i for i in range(120)) + b"\r\n", b"GET", 431),
        (b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", b"GET", 505),
    ]:
        status, headers, body = h11_exchange(port, raw, method)
        check(status == want, f"h11 parses {raw[:20]!r}... -> {status} (want {want})")
        check("date" in headers and "server" in headers and "x-request-id" in headers, f"  Date/Server/X-Request-Id on {want}")
        if method == b"HEAD":
            check(body == b"" and int(headers["content-length"]) > 0, "  HEAD: Content-Length kept, no body")
    srv.alive_and_fds("strict parsing")

    # curl and http.client (real clients), Expect: 100-continue (P31).
    out = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code} %{time_total}", f"{base}/q"],
                         capture_output=True, text=True).stdout.split()
    check(out and out[0] == "200", f"curl GET -> {out}")
    payload = "/tmp/blackbox-2kb.json"
    open(payload, "w").write('{"x":"' + "a" * 2048 + '"}')
    out = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code} %{time_total}", "-H",
                          "Content-Type: application/json", "--data-binary", "@" + payload, f"{base}/q"],
                         capture_output=True, text=True).stdout.split()
    check(out and out[0] == "200" and float(out[1]) < 0.2, f"curl POST 2 KB (Expect: 100-continue) fast: {out}")
    import http.client
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    statuses = []
    for _ in range(5):
        conn.request("GET", "/q?x=1")
        r = conn.getresponse()
        r.read()
        statuses.append(r.status)
    conn.close()
    check(statuses == [200] * 5, "http.client keep-alive x5")
    srv.alive_and_fds("real clients")

    # P1: the client resets while a 20 MB response is being written, 50 times.
    for _ in range(50):
        s = connect(port, rcvbuf=4096)
        s.sendall(b"GET /big?bytes=20000000 HTTP/1.1\r\nHost: x\r\n\r\n")
        s.recv(1024)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        s.close()
    status, _, _ = h11_exchange(port, b"GET /q HTTP/1.1\r\nHost: x\r\n\r\n")
    check(status == 200, "P1: answers after 50 resets mid-response (no SIGPIPE)")
    srv.alive_and_fds("P1")

    # P4: request then half-close; no CLOSE-WAIT left behind, no spinning.
    socks = []
    for _ in range(20):
        s = connect(port)
        s.sendall(b"GET /q HTTP/1.1\r\nHost: x\r\n\r\n")
        s.shutdown(socket.SHUT_WR)
        socks.append(s)
    time.sleep(1)
    ss = subprocess.run(["ss", "-tanH", "state", "close-wait", f"( sport = :{port} )"], capture_output=True, text=True).stdout
    check(ss.strip() == "", "P4: no CLOSE-WAIT on the server port")
    for s in socks:
        s.close()
    srv.alive_and_fds("P4")

    # P5: half a head then RST, 100 times; then the server must be idle (no EPOLLHUP spin).
    for _ in range(100):
        s = connect(port)
        s.sendall(b"GET / HTTP/1.1\r\nHo")
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        s.close()
    time.sleep(0.2)
    before = srv.cpu_seconds()
    time.sleep(3)
    used = srv.cpu_seconds() - before
    check(used < 0.06, f"P5/P6: idle CPU over 3 s after resets = {used:.3f} s")
    srv.alive_and_fds("P5")

    # P7: signals while downloading: every body identical, server alive.
    reference = h11_exchange(port, b"GET /big?bytes=300000 HTTP/1.1\r\nHost: x\r\n\r\n")[2]
    stop = threading.Event()
    def pester():
        while not stop.is_set():
            for sig in (signal.SIGCHLD, signal.SIGURG, signal.SIGWINCH, signal.SIGCONT):
                os.kill(srv.proc.pid, sig)
            time.sleep(0.005)
    t = threading.Thread(target=pester)
    t.start()
    same = all(h11_exchange(port, b"GET /big?bytes=300000 HTTP/1.1\r\nHost: x\r\n\r\n")[2] == reference for _ in range(100))
    stop.set()
    t.join()
    check(same, "P7: 100 downloads byte-identical under a storm of signals")
    srv.alive_and_fds("P7")

    # P20: a client pipelines 3000 requests (30 MB of answers) and never reads: the
    # server stops reading it, so its memory stays bounded; others are still served.
    rss_before = srv.rss_kb()
    hog = connect(port)
    hog.setblocking(False)
    burst = b"GET /big?bytes=10000 HTTP/1.1\r\nHost: x\r\n\r\n" * 3000
    sent = 0
    deadline = time.time() + 3
    while sent < len(burst) and time.time() < deadline:
        try:
            sent += hog.send(burst[sent:sent + 65536])
        except BlockingIOError:
            time.sleep(0.01)
    time.sleep(0.5)
    grown = srv.rss_kb() - rss_before
    check(grown < 8 * 1024, f"P20: RSS grew {grown} kB with 30 MB of unread pipelined answers")
    check(h11_exchange(port, b"GET /q HTTP/1.1\r\nHost: x\r\n\r\n")[0] == 200, "P20: others still served")
    hog.close()
    srv.alive_and_fds("P20")

    # P10: more than 1024 fds (select() would break): 1100 idle connections, then the newest is served.
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 8192), hard))
    many = Server(nofile=4096)
    held = [connect(many.port) for _ in range(1100)]
    newest = held[-1]
    newest.sendall(b"GET /q HTTP/1.1\r\nHost: x\r\n\r\n")
    check(newest.recv(16).startswith(b"HTTP/1.1 200"), "P10: connection 1100 served")
    for s in held:
        s.close()
    many.alive_and_fds("P10")
    check(many.stop() == 0, "P10: clean exit")

    # ab without and with keep-alive (P12, P19); wrk 3 s (no socket errors).
    for args in (["-n", "3000", "-c", "50"], ["-k", "-n", "3000", "-c", "50"]):
        out = subprocess.run(["ab", "-q", *args, f"{base}/q"], capture_output=True, text=True).stdout
        failed = re.search(r"Failed requests:\s+(\d+)", out)
        complete = re.search(r"Complete requests:\s+(\d+)", out)
        check(failed and failed.group(1) == "0" and complete and complete.group(1) == "3000", f"ab {' '.join(args)}: 3000 ok")
    out = subprocess.run(["wrk", "-t1", "-c64", "-d3s", f"{base}/q"], capture_output=True, text=True).stdout
    check("Socket errors" not in out and "Non-2xx" not in out, "wrk -c64 3 s: no socket errors, all 2xx")
    srv.alive_and_fds("ab/wrk")

    graceful_shutdown(srv, handlers_inline=True)
    pooled = Server(env={"HANDLER_THREADS": "2"})
    graceful_shutdown(pooled, handlers_inline=False)

    # P14: restart on the same port right away; P22: SIGTERM/SIGINT right after start.
    again = Server(port=port)
    check(again.port == port, "P14: immediate restart binds the same port")
    check(again.stop(signal.SIGINT) == 0, "P22: SIGINT right after start exits 0")
    hup = Server()
    for _ in range(100):
        hup.proc.send_signal(signal.SIGHUP)
    time.sleep(0.2)
    check(hup.proc.poll() is None and h11_exchange(hup.port, b"GET /q HTTP/1.1\r\nHost: x\r\n\r\n")[0] == 200,
          "P22: 100 SIGHUPs ignored")
    check(hup.stop() == 0, "P22: clean exit after SIGHUPs")
    forced = Server(env={"HANDLER_THREADS": "2"})
    stuck = connect(forced.port)
    stuck.sendall(b"GET /sleep?ms=4000 HTTP/1.1\r\nHost: x\r\n\r\n")
    time.sleep(0.2)
    forced.proc.send_signal(signal.SIGTERM)
    time.sleep(0.2)
    started = time.time()
    code = forced.stop(signal.SIGTERM, within=3)
    check(code == 0 and time.time() - started < 1, f"P21: a second SIGTERM ends the grace period at once (exit {code})")
    for sig in (signal.SIGTERM, signal.SIGINT):
        quick = Server()
        check(quick.stop(sig) == 0, f"P22: {sig.name} right after start exits 0")

    # P8: EMFILE. With RLIMIT_NOFILE 64, hold 100 connections: the server stays up, logs
    # at most about one line a second, and serves again once they close.
    tight = Server(nofile=64)
    held = []
    for _ in range(100):
        try:
            held.append(connect(tight.port))
        except OSError:
            break
    time.sleep(2)
    cpu_before = tight.cpu_seconds()
    time.sleep(1)
    check(tight.cpu_seconds() - cpu_before < 0.1, "P8: no busy loop while out of fds")
    check(tight.proc.poll() is None, "P8: alive while out of fds")
    check(len(tight.stderr_lines) <= 4, f"P8: accept warnings rate-limited ({len(tight.stderr_lines)} lines in ~3 s)")
    for s in held:
        s.close()
    ok = False
    deadline = time.time() + 4
    while time.time() < deadline and not ok:
        try:
            ok = h11_exchange(tight.port, b"GET /q HTTP/1.1\r\nHost: x\r\n\r\n")[0] == 200
        except OSError:
            time.sleep(0.2)
    check(ok, "P8: serves again once connections close")
    check(tight.stop() == 0, "P8: clean exit")

    print(f"\n{len(FAILURES)} failure(s)")
    for f in FAILURES:
        print("  - " + f)
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
