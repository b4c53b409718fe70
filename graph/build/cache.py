"""The build cache: each report compiled once, reused while its text and plankg stay the same.

An entry is keyed by the report's bytes, its file name and a fingerprint of plankg itself (its
version and every file of the package: code, lexicons, ontology, queries, template), so a report
is compiled again when it or anything that reads it changes. Entries are JSON, not pickles: a cache
folder is data, and loading it runs no code. An entry that cannot be read is compiled anew.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from functools import cache
from importlib.resources import files
from pathlib import Path

from graph.build.compile import CompiledReport
from graph.build.files import write_all_atomically
from graph.build.validate import ValidationResult
from graph.page.nodes import part_from_json, part_to_json
from graph.read.decode import read_report_bytes
from graph.version import __version__
from graph.vocab import ontology_file

CACHE_DIR = ".plankg-cache"


class BuildCache:
    def __init__(self, out_dir: Path):
        self.directory = out_dir / CACHE_DIR

    def key(self, path: Path) -> str:
        digest = hashlib.sha256(code_fingerprint().encode())
        digest.update(path.name.encode("utf-8") + b"\0")
        digest.update(read_report_bytes(path))  # never opens a FIFO, which would hang
        return digest.hexdigest()

    def get(self, key: str) -> CompiledReport | None:
        try:
            with gzip.open(self.directory / f"{key}.json.gz", "rt", encoding="utf-8") as stream:
                return from_json(json.load(stream))
        except (OSError, ValueError, KeyError, TypeError, EOFError):
            return None

    def put(self, key: str, report: CompiledReport) -> None:
        """Keep a newly compiled report (at once: a build stopped halfway keeps what it did)."""
        write_all_atomically({self.directory / f"{key}.json.gz": _packed(report)}, durable=False)

    def keep_only(self, keys) -> None:
        """Drop every entry but those of `keys` (this build's), so the cache holds one build."""
        wanted = {f"{key}.json.gz" for key in keys}
        if self.directory.is_dir():
            for stale in self.directory.iterdir():
                if stale.name not in wanted and stale.name.endswith(".json.gz"):
                    stale.unlink()


@cache
def code_fingerprint() -> str:
    """A digest of plankg's version and of every file in its package."""
    digest = hashlib.sha256(__version__.encode())
    root = Path(str(files("graph")))
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    for name in ("plan.ttl", "shapes.ttl"):
        digest.update(ontology_file(name).read_bytes())
    return digest.hexdigest()


def _packed(report: CompiledReport) -> bytes:
    return gzip.compress(json.dumps(to_json(report), ensure_ascii=False).encode("utf-8"), compresslevel=1, mtime=0)


def to_json(report: CompiledReport) -> dict:
    validation = report.validation
    assert report.network is not None  # cached as compiled, before the build moves its part of the page to the spool
    return {
        "source": report.source, "sha256": report.sha256, "iri": report.iri, "title": report.title,
        "entry": report.entry, "lines": list(report.lines),
        "figures": [[kind, list(key), node] for kind, key, node in report.figures],
        **part_to_json(report.network),
        "validation": validation and [validation.conforms, validation.violations, validation.report],
        "text": report.text,
    }


def from_json(data: dict) -> CompiledReport:
    validation = data["validation"]
    return CompiledReport(
        source=data["source"], sha256=data["sha256"], iri=data["iri"], title=data["title"],
        entry=data["entry"], lines=tuple(data["lines"]),
        figures=tuple((kind, tuple(key), node) for kind, key, node in data["figures"]),
        network=part_from_json(data),
        validation=ValidationResult(*validation) if validation else None, text=data.get("text"))
