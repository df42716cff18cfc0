"""Load on `graphbuild serve`: concurrent clients on loopback sending simple queries; requests/s, p50 and
p99 latency, and the server's memory (all its processes) before and after.

    python benchmarks/serve_load.py [--clients 20] [--requests 2000] [--graph seeds|news]

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
    args = parser.parse_args()
    ttl, label = GRAPHS[args.graph]
    if args.graph == "seeds" and not ttl.exists():
        subprocess.run([sys.executable, "-m", "graphbuild", "build", "-q"], cwd=ROOT, check=True)
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
