"""spool: the reports' triples on disk while a build runs, read back in order.

A corpus need not fit in memory: each report's graph, as compiled (sorted canonical N-Triples
lines), and its part of the page go to files in a work folder inside the output folder the moment
they arrive, and the build keeps only what is small (titles, figure keys). graph.trig, graph.ttl
and the store are then written by reading the files back: a report's graph is its file, the union
of all of them a merge of sorted files, each line once; the page is drawn from the parts, read
twice (graph.page.analyse.join_streamed).

Lines stay bytes, each with its "\\n": UTF-8 sorts as the strings do, and nothing is decoded.
"""

from __future__ import annotations

import heapq
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

FAN_IN = 200  # files merged at once: a corpus of any size stays under the limit of open files


class Spool:
    """A work folder of named runs of sorted lines; removed when the block ends. Its name holds
    the build's process id, so that the next build knows a killed build's folder and removes it."""

    def __init__(self, out_dir: Path):
        out_dir.mkdir(parents=True, exist_ok=True)
        self.directory = Path(tempfile.mkdtemp(prefix=f".plankg-work-{os.getpid()}-", dir=out_dir))

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc: object) -> Literal[False]:
        shutil.rmtree(self.directory, ignore_errors=True)
        return False

    def path(self, name: str) -> Path:
        return self.directory / name

    def put(self, name: str, lines: Iterable[str]) -> None:
        """Keep these lines (sorted, each once) as the run `name`."""
        with open(self.path(name), "wb") as stream:
            stream.writelines(f"{line}\n".encode() for line in lines)

    def put_data(self, name: str, data) -> None:
        """Keep JSON data (a report's part of the page) under `name`."""
        self.path(name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    def data(self, name: str):
        return json.loads(self.path(name).read_text(encoding="utf-8"))

    def lines(self, name: str) -> Iterator[bytes]:
        """The run `name`, line by line."""
        with open(self.path(name), "rb") as stream:
            yield from stream

    def union(self, runs: list[Iterable[bytes]]) -> Iterator[bytes]:
        """The lines of all the sorted runs, sorted, each once. Beyond FAN_IN runs, groups of
        them are merged into files of this folder first."""
        round_number = 0
        while len(runs) > FAN_IN:
            merged: list[Iterable[bytes]] = []
            for start in range(0, len(runs), FAN_IN):
                name = f"merge-{round_number}-{start}"
                with open(self.path(name), "wb") as stream:
                    stream.writelines(unique_merge(runs[start:start + FAN_IN]))
                merged.append(self.lines(name))
            runs, round_number = merged, round_number + 1
        return unique_merge(runs)


def unique_merge(runs: Iterable[Iterable[bytes]]) -> Iterator[bytes]:
    """Sorted runs -> one sorted run, each line once."""
    previous = None
    for line in heapq.merge(*runs):
        if line != previous:
            yield line
            previous = line
