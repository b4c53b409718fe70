"""Load `plankg serve` on 127.0.0.1 and say how it holds (issue 17). Standard library only.

    python bench/load.py                          # the seed's graph (output/graph.ttl)
    python bench/load.py --data out/graph.ttl --requests 3000 --clients 32 --burst 128

Three rounds against one server started with its defaults:

- steady: `--requests` queries (the bundled ones in turn, by GET) from `--clients` threads, each
  request on a connection of its own;
- burst: `--burst` clients connect at the same moment and each asks one query;
- greedy: four cross products sorted by ORDER BY at once, while another client asks a small
  query every half second; the server's memory with its query processes (PSS, Linux) is read
  every 0.2 s.

Prints, for each round, the throughput, the p50 and p99 latency, the answers by status and the
connections that were reset or failed otherwise. A benchmark, never a test: the numbers depend
on the machine.
"""

from __future__ import annotations

import argparse
import http.client
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CROSS_PRODUCT = "SELECT ?a ?b ?c WHERE { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z } ORDER BY ?a ?b ?c"
SMALL_QUERY = "ASK { ?s a ?class }"


@dataclass
class Round:
    """What one round of requests got back."""

    name: str
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    outcomes: Counter = field(default_factory=Counter)  # "200", "503", "reset", "timeout", "error: …"
    peak_mb: float | None = None

    def lines(self) -> list[str]:
        count = sum(self.outcomes.values())
        ordered = sorted(self.latencies)
        p50 = statistics.median(ordered) if ordered else float("nan")
        p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))] if ordered else float("nan")
        outcomes = ", ".join(f"{key}: {value}" for key, value in sorted(self.outcomes.items()))
        lines = [f"{self.name}: {count} requests in {self.seconds:.1f} s ({count / self.seconds:.1f}/s), "
                 f"p50 {p50 * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms; {outcomes}; "
                 f"resets {self.outcomes.get('reset', 0)}"]
        if self.peak_mb is not None:
            lines.append(f"{self.name}: the server and its query processes peaked at {self.peak_mb:.0f} MB (PSS)")
        return lines


class Server:
    """`plankg serve` in a process of its own on a free port of 127.0.0.1."""

    def __init__(self, data: Path):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "graph", "serve", "--port", "0", "--data", str(data)], cwd=ROOT,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=dict(os.environ, PYTHONUNBUFFERED="1"))
        assert self.process.stdout is not None  # PIPE
        line = self.process.stdout.readline()
        if not line.startswith("SPARQL endpoint: "):
            raise SystemExit(f"the server did not start: {line!r}")
        self.address = urllib.parse.urlsplit(line.split()[2])

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)

    def memory_mb(self) -> float:
        """The PSS of the server and its children: shared pages counted once, not once a process."""
        pids = [self.process.pid] + _children(self.process.pid)
        return sum(_pss_kb(pid) for pid in pids) / 1024


def ask(address, query: str, timeout: float = 120.0) -> tuple[str, float]:
    """One query on a connection of its own: (its outcome, seconds to the whole answer)."""
    started = time.monotonic()
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=timeout)
    try:
        connection.request("GET", "/sparql?" + urllib.parse.urlencode({"query": query}),
                           headers={"Accept": "application/sparql-results+json"})
        response = connection.getresponse()
        response.read()
        outcome = str(response.status)
    except ConnectionResetError:
        outcome = "reset"
    except TimeoutError:
        outcome = "timeout"
    except (OSError, http.client.HTTPException) as error:
        outcome = f"error: {type(error).__name__}"
    finally:
        connection.close()
    return outcome, time.monotonic() - started


def steady(address, queries: list[str], requests: int, clients: int) -> Round:
    result = Round(f"steady ({requests} at {clients} concurrent)")
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        for outcome, seconds in pool.map(lambda i: ask(address, queries[i % len(queries)]), range(requests)):
            result.outcomes[outcome] += 1
            result.latencies.append(seconds)
    result.seconds = time.monotonic() - started
    return result


def burst(address, queries: list[str], clients: int) -> Round:
    """Every client connects at the same moment: what the listen backlog and the accept loop take."""
    result = Round(f"burst ({clients} simultaneous connects)")
    barrier = threading.Barrier(clients)

    def one(index: int) -> tuple[str, float]:
        barrier.wait()
        return ask(address, queries[index % len(queries)])

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        for outcome, seconds in pool.map(one, range(clients)):
            result.outcomes[outcome] += 1
            result.latencies.append(seconds)
    result.seconds = time.monotonic() - started
    return result


def greedy(server: Server, greedy_queries: int = 4) -> tuple[Round, Round]:
    """Cross products at once, and a small query every half second while they run."""
    crosses, others = Round(f"greedy ({greedy_queries} cross products at once)"), Round("others meanwhile")
    peak = server.memory_mb()
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=greedy_queries) as pool:
        futures = [pool.submit(ask, server.address, CROSS_PRODUCT) for _ in range(greedy_queries)]
        next_small = time.monotonic() + 0.5
        while not all(future.done() for future in futures):
            peak = max(peak, server.memory_mb())
            if time.monotonic() >= next_small:
                outcome, seconds = ask(server.address, SMALL_QUERY)
                others.outcomes[outcome] += 1
                others.latencies.append(seconds)
                next_small = time.monotonic() + 0.5
            time.sleep(0.2)
        for future in futures:
            outcome, seconds = future.result()
            crosses.outcomes[outcome] += 1
            crosses.latencies.append(seconds)
    crosses.seconds = others.seconds = time.monotonic() - started
    crosses.peak_mb = peak
    return crosses, others


def run_load(data: Path, requests: int = 3000, clients: int = 32, burst_clients: int = 128) -> list[Round]:
    """The three rounds against one server on `data`."""
    from graph.sparql.query import bundled_queries, query_text, with_prefixes

    queries = [with_prefixes(query_text(name)) for name in sorted(bundled_queries())]
    server = Server(data)
    try:
        rounds = [steady(server.address, queries, requests, clients), burst(server.address, queries, burst_clients)]
        if sys.platform.startswith("linux"):
            rounds += greedy(server)
        return rounds
    finally:
        server.stop()


def _children(pid: int) -> list[int]:
    """A process's children: those forked by any of its threads (the query processes)."""
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as children:
                found += [int(child) for child in children.read().split()]
    except OSError:
        pass  # a thread or the process that ended while it was read
    return found


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            return sum(int(line.split()[1]) for line in rollup if line.startswith("Pss:"))
    except OSError:
        return 0  # a query process that ended while it was read


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "output" / "graph.ttl")
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--burst", type=int, default=128)
    args = parser.parse_args()
    for result in run_load(args.data, args.requests, args.clients, args.burst):
        print("\n".join(result.lines()), flush=True)


if __name__ == "__main__":
    main()
