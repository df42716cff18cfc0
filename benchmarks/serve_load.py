"""Load on `graphbuild serve`: concurrent clients on loopback sending simple queries; requests/s, p50 and
p99 latency, and the server's memory (all its processes) before and after.

    python benchmarks/serve_load.py [--clients 20] [--requests 2000] [--graph seeds|news]
    python benchmarks/serve_load.py --hostile [--graph seeds|news]

--hostile measures instead what issue 25 asked of the server: a normal client's latency while 1,100
half-open connections (or 1,100 bodies that never end) are held against a server limited to 1,024
descriptors (slowloris), and the server's log meanwhile; queries lost
while its query workers are killed under load, and the next query; the 90-byte cross join under
--max-memory 3072.

Traffic goes only to 127.0.0.1, to a server this script starts and stops; the loop is bounded by the
request count and a time limit.
"""

from __future__ import annotations

import argparse
import http.client
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

from corpus import CACHE, ROOT

QUERIES = [
    "ASK { ?x a schema:Person }",
    "SELECT ?l WHERE { ?e rdfs:label ?l } LIMIT 5",
    'SELECT ?n WHERE { ?e rdfs:label "{label}" ; gb:mentionCount ?n }',
]
GRAPHS = {
    "seeds": (ROOT / "exports" / "graph.ttl", "Xizang"),
    "news": (CACHE / "graph-news" / "graph.ttl", "Donald Trump"),
}


def rss_kb(pid: int) -> int:
    """Resident memory of a process and all its children, in kB (from /proc)."""
    total, pids = 0, [pid]
    while pids:
        current = pids.pop()
        try:
            total += int(
                next(
                    line.split()[1]
                    for line in Path(f"/proc/{current}/status").read_text().splitlines()
                    if line.startswith("VmRSS")
                )
            )
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except (OSError, StopIteration):
            continue
        pids += [int(c) for c in children]
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--graph", choices=GRAPHS, default="seeds")
    parser.add_argument("--hostile", action="store_true", help="slowloris, worker deaths, the cross join")
    args = parser.parse_args()
    ttl, label = GRAPHS[args.graph]
    if args.graph == "seeds" and not ttl.exists():
        subprocess.run([sys.executable, "-m", "graphbuild", "build", "-q"], cwd=ROOT, check=True)
    if args.hostile:
        hostile(ttl)
        return
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    started = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "graphbuild", "serve", str(ttl), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        _wait(port)
        ready = time.perf_counter() - started
        before = rss_kb(server.pid)
        paths = [f"/sparql?{urllib.parse.urlencode({'query': q.replace('{label}', label)})}" for q in QUERIES]
        latencies: list[float] = []
        failures = [0]
        lock = threading.Lock()
        per_client = args.requests // args.clients
        deadline = time.perf_counter() + 300

        def run(n: int) -> None:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            for i in range(per_client):
                if time.perf_counter() > deadline:
                    break
                t = time.perf_counter()
                conn.request("GET", paths[(n + i) % len(paths)], headers={"Accept": "application/sparql-results+json"})
                response = conn.getresponse()
                response.read()
                with lock:
                    latencies.append(time.perf_counter() - t)
                    failures[0] += response.status != 200
            conn.close()

        threads = [threading.Thread(target=run, args=(n,)) for n in range(args.clients)]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - t0
        after = rss_kb(server.pid)
        q = statistics.quantiles(latencies, n=100)
        print(
            f"| {args.graph} | {ttl.stat().st_size / 1e6:.1f} MB | {ready:.1f} s | {len(latencies):,} / {args.clients} "
            f"| {failures[0]} | {len(latencies) / elapsed:,.0f} | {q[49] * 1000:.1f} ms | {q[98] * 1000:.1f} ms "
            f"| {before / 1024:.0f} MB -> {after / 1024:.0f} MB |"
        )
    finally:
        server.terminate()
        server.wait(timeout=30)


CROSS_JOIN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?c ?f ?i"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


#: Slowloris: requests that never end (headers, or a body: 3 bytes of 100), and the pause between two
#: connections (a body's headers must reach the server before the next connection comes).
HALF_BODY = (
    b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
    b"Content-Length: 100\r\n\r\nASK"
)
SLOWLORIS = [
    ("slowloris, half-open headers", b"GET /sparql?query=ASK HTTP/1.1\r\nHost: 127.0.0.1\r\n", 0.0),
    ("slowloris, bodies that never end", HALF_BODY, 0.003),
]


def _server(ttl: Path, *args: str, descriptors: int | None = None) -> tuple[subprocess.Popen, int]:
    """`graphbuild serve` on a free loopback port (``descriptors``: its RLIMIT_NOFILE), once it answers."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    limit = f"import resource; resource.setrlimit(resource.RLIMIT_NOFILE, ({descriptors}, {descriptors})); "
    code = (limit if descriptors else "") + "import sys; from graphbuild.__main__ import run; run()"
    server = subprocess.Popen(
        [sys.executable, "-c", code, "serve", str(ttl), "--port", str(port), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _wait(port)
    return server, port


def _ask(port: int, query: str) -> tuple[int, float]:
    """Status and seconds of one query."""
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    conn.request("GET", f"/sparql?{urllib.parse.urlencode({'query': query})}")
    response = conn.getresponse()
    response.read()
    conn.close()
    return response.status, time.perf_counter() - started


def _children(pid: int) -> list[int]:
    found = []
    for proc in Path("/proc").iterdir():
        try:
            parent = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1]) if proc.name.isdigit() else 0
            if parent == pid and b"multiprocessing.spawn" in (proc / "cmdline").read_bytes():
                found.append(int(proc.name))
        except (OSError, ValueError):
            continue
    return found


def hostile(ttl: Path) -> None:
    """The three hostile measurements, one row each."""
    import os
    import resource
    import signal

    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(4096, hard), hard))
    print("| case | measured |\n|---|---|")
    for case, request, pause in SLOWLORIS:
        server, port = _server(ttl, descriptors=1024)
        held = []
        try:
            for _ in range(1100):
                connection = socket.create_connection(("127.0.0.1", port), timeout=5)
                connection.sendall(request)
                held.append(connection)
                time.sleep(pause)
            answers = [_ask(port, COUNT) for _ in range(10)]
            worst = max(seconds for _, seconds in answers)
            answered = sum(status == 200 for status, _ in answers)
            print(f"| {case}: 1,100 at 1,024 descriptors | {answered} of 10 answered, slowest {worst * 1000:.0f} ms |")
        finally:
            for connection in held:
                connection.close()
            server.terminate()
            log = server.stderr.read() if server.stderr else b""
            server.wait(timeout=30)
        print(f"| its log over the run | {len(log):,} bytes |")
    server, port = _server(ttl)
    try:
        statuses: list[int] = []
        stop = time.perf_counter() + 10

        def load() -> None:
            while time.perf_counter() < stop:
                try:
                    statuses.append(_ask(port, COUNT)[0])
                except (OSError, http.client.HTTPException):  # no answer at all counts as a failure
                    statuses.append(0)

        threads = [threading.Thread(target=load) for _ in range(4)]
        for thread in threads:
            thread.start()
        kills = 0
        while time.perf_counter() < stop - 2:
            for worker in _children(server.pid):
                os.kill(worker, signal.SIGKILL)
                kills += 1
            time.sleep(1)
        for thread in threads:
            thread.join()
        after = [_ask(port, COUNT)[0] for _ in range(5)]
        failed = sum(status != 200 for status in statuses)
        print(
            f"| worker deaths under load: {kills} kill -9 in 8 s, 4 clients | {failed} of {len(statuses):,} queries failed ({sorted(set(statuses) - {200})}); the next 5: {after} |"
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    server, port = _server(ttl, "--max-memory", "3072", "--timeout", "60")
    try:
        status, seconds = _ask(port, CROSS_JOIN)
        print(
            f"| the cross join under --max-memory 3072 | {status} after {seconds:.1f} s; the next query: {_ask(port, COUNT)[0]} |"
        )
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait(port: int) -> None:
    for _ in range(600):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the server did not start")


if __name__ == "__main__":
    main()
