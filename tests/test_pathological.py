"""Odd but small inputs build without stalling: a clause longer than any report writes is left
out and said so in build.json, never scanned by every finder (bench/pathological.py times them)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from bench.pathological import INPUTS
from graph.read import parse_document
from graph.read.decode import MAX_REPORT_BYTES

STALL_SECONDS = 60  # a generous bound: each builds in about a second; a stall took minutes


@pytest.mark.parametrize("name", list(INPUTS))
def test_a_pathological_input_builds_and_says_what_it_left_out(name, tmp_path):
    """Or, past the size of any report (graph.read.decode.MAX_REPORT_BYTES), is refused in one line."""
    report = tmp_path / "report.txt"
    report.write_text(INPUTS[name], encoding="utf-8")
    ran = subprocess.run([sys.executable, "-m", "graph", "build", "--no-cache", "-o", str(tmp_path / "out"),
                          str(report)], capture_output=True, text=True, timeout=STALL_SECONDS)
    if report.stat().st_size > MAX_REPORT_BYTES:
        assert ran.returncode == 2 and "bytes is more than a report" in ran.stderr, ran.stderr
        assert len(ran.stderr.strip().splitlines()) == 1 and not (tmp_path / "out").exists()
        return
    assert ran.returncode == 0, ran.stderr
    entry = json.loads((tmp_path / "out" / "build.json").read_text(encoding="utf-8"))["reports"][0]
    assert entry["unread"], entry


def test_real_sentences_are_read_whole_and_a_long_one_in_pieces_at_clause_ends():
    clauses = "，".join(f"第{i}项工作稳步推进" for i in range(300))
    document = parse_document(f"某市2030年统计公报\n\n地区生产总值增长5%。{clauses}。\n", source="long.txt")
    assert document.passages[0].text == "地区生产总值增长5%。"
    pieces = document.passages[1:]
    assert len(pieces) > 1 and all(len(p.text) <= 1200 for p in pieces) and not document.unread
    assert "".join(p.text for p in pieces) == clauses + "。"
    for passage in pieces:
        assert document.text[passage.start:passage.end] == passage.text
