"""Shared fixtures: the seed and the test reports, and one build of each reused by many tests."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import NoReturn

import pytest
from rdflib import Dataset, Graph

from graph.build.pipeline import build
from graph.numerals import CHINESE_NUMERAL, chinese_to_int, to_ascii_digits
from graph.read import read_report

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = SEEDS / "datong-2025-execution-2026-plan.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
IN_CI = os.environ.get("CI", "").lower() == "true"
# Real published reports with gold annotations, beside the project (not copied into it)
FIDELITY = ROOT.parent / "shared" / "fidelity"
FIDELITY_REPORTS = sorted((FIDELITY / "reports").glob("*.txt"))


def states(sentence: str, number: str) -> bool:
    """Whether a sentence writes the number: in digits (full-width too) or in Chinese numerals,
    alone or before their magnitude (两万亿元 writes 2, in 万亿元)."""
    if number in to_ascii_digits(sentence):
        return True
    if not number.isdigit():
        return False
    for numeral in CHINESE_NUMERAL.findall(sentence):
        bare = numeral.rstrip("万亿")
        if chinese_to_int(numeral) == int(number) or (bare and chinese_to_int(bare) == int(number)):
            return True
    return False


def require_fidelity() -> Path:
    """../shared/fidelity: skips the test when it is not beside the project, fails in CI."""
    if not FIDELITY_REPORTS:
        _missing(f"{FIDELITY} holds no reports; CI lays shared/ beside the clone")
    return FIDELITY


def require_program(name: str, why: str) -> str:
    """The path of a real outside program: skips the test when it is missing, fails in CI."""
    found = shutil.which(name)
    if not found:
        _missing(f"{name} is not installed; it is needed {why} (.ci/run installs it)")
    return found


def _missing(message: str) -> NoReturn:
    """A real part a test needs is not here: skip locally, fail in CI."""
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def seed_document():
    return read_report(SEED)


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory) -> Path:
    """output/ as `plankg build` writes it for seeds/, in a folder of its own."""
    out = tmp_path_factory.mktemp("seed-build")
    build([SEEDS], out)
    return out


@pytest.fixture(scope="session")
def seed_graph(seed_build) -> Graph:
    graph = Graph()
    graph.parse(seed_build / "graph.ttl", format="turtle")
    return graph


@pytest.fixture(scope="session")
def seed_dataset(seed_build) -> Dataset:
    dataset = Dataset()
    dataset.parse(seed_build / "graph.trig", format="trig")
    return dataset


@pytest.fixture(scope="session")
def fixture_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("fixture-build")
    build([FIXTURES], out)
    return out


def comparable(answer) -> list[tuple]:
    """An answer's rows as values to compare across engines: a number by its value (one store
    writes 1815.0 where another writes 1815), a list joined by ", " as a set, and rows as a sorted
    list (rows that tie under ORDER BY may come in either order)."""
    from decimal import Decimal, InvalidOperation

    from rdflib import Literal

    def value(term):
        if term is None:
            return ""
        if isinstance(term, Literal) and term.datatype and str(term.datatype).startswith(
                "http://www.w3.org/2001/XMLSchema#") and str(term.datatype)[33:] in (
                "decimal", "integer", "int", "long", "double", "float", "nonNegativeInteger"):
            try:
                return format(Decimal(str(term)).normalize(), "f")
            except InvalidOperation:
                return str(term)
        text = str(term)
        return ", ".join(sorted(text.split(", "))) if ", " in text and len(text) < 200 else text

    return sorted(tuple(value(term) for term in row) for row in answer.rows)
