"""The README's table of bad inputs, run row by row: each row's input gets what the table says,
one line on stderr and never a traceback, and the output folder is never left half-written."""

from __future__ import annotations

import codecs
import errno
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, SEED
from documents import write_docx, write_encrypted_pdf, write_pdf, write_scanned_pdf

from graph.build.cache import BuildCache
from graph.cli import main

SEED_TEXT = SEED.read_text(encoding="utf-8")


@dataclass
class Outcome:
    exit_code: int
    stderr: str
    stdout: str = ""


def table_rows() -> dict[str, tuple[str, int]]:
    """README's bad-input table: input -> (what plankg says or does, exit status)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Bad input, and what each gets", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[2].isdigit():
            rows[cells[0]] = (cells[1], int(cells[2]))
    return rows


def plankg(*args) -> Outcome:
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return Outcome(result.exit_code, result.stderr, result.stdout)


def build_file(tmp_path: Path, content: bytes, name: str = "report.txt") -> Outcome:
    report = tmp_path / name
    report.write_bytes(content)
    return plankg("build", report, "-o", tmp_path / "out", "--jobs", "1")


def generated_corpus(folder: Path, count: int = 150) -> Path:
    """Reports made by the benchmark's generator: enough for a build that takes a while."""
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), str(count), str(folder)], check=True)
    return folder


def interrupted(tmp_path: Path, signal_number: int) -> Outcome:
    """A build of a corpus stopped by a signal while its reports compile."""
    corpus = generated_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    assert plankg("build", SEED, "-o", out).exit_code == 0
    before = _output_files(out)
    process = subprocess.Popen([sys.executable, "-m", "graph", "build", str(corpus), "-o", str(out), "--jobs", "2"],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(2.0)
    assert process.poll() is None, "the build ended before it could be interrupted"
    process.send_signal(signal_number)
    stdout, stderr = process.communicate(timeout=60)
    assert _output_files(out) == before
    assert [p.name for p in out.iterdir() if p.name.startswith(".plankg-work")] == []
    cache = BuildCache(out)
    for entry in (out / ".plankg-cache").iterdir():  # what it compiled is kept, each entry whole
        assert cache.get(entry.name.removesuffix(".json.gz")) is not None, entry
    return Outcome(process.returncode, stderr, stdout)


def _output_files(out: Path) -> dict[Path, bytes]:
    return {p.relative_to(out): p.read_bytes() for p in out.rglob("*")
            if p.is_file() and ".plankg-cache" not in p.parts}


def failing_report(tmp_path: Path, monkeypatch) -> Outcome:
    import graph.build.compile

    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(SEED, folder / "a-good.txt")
    (folder / "b-trouble.txt").write_text(SEED_TEXT.replace("大同", "晋中"), encoding="utf-8")
    original = graph.build.compile.extract

    def extract(document):
        if document.source == "b-trouble.txt":
            raise ValueError("a fault of plankg's own")
        return original(document)
    monkeypatch.setattr(graph.build.compile, "extract", extract)
    outcome = plankg("build", folder, "-o", tmp_path / "out", "--jobs", "1")
    assert "b-trouble.txt" in outcome.stderr and "a fault of plankg's own" in outcome.stderr
    return outcome


def one_empty_among_good(tmp_path: Path) -> Outcome:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(SEED, folder / "a-good.txt")
    (folder / "b-empty.txt").write_bytes(b"")
    outcome = plankg("build", folder, "-o", tmp_path / "out")
    assert "b-empty.txt" in outcome.stderr and "1 report(s)" in outcome.stdout
    return outcome


def hostile_name(tmp_path: Path) -> Outcome:
    text = ("关于某市2025年计划执行情况的报告\n\n"
            "推动<script>alert(1)</script>有限公司、华夏新能源有限公司等重点企业扩产。\n")
    outcome = build_file(tmp_path, text.encode("utf-8"))
    page = (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page and "\\u003cscript>alert(1)" in page  # shown, as text
    return outcome


def builds(content: bytes):
    def case(tmp_path: Path) -> Outcome:
        outcome = build_file(tmp_path, content)
        graph = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
        assert "1815.0" in graph and "地区生产总值" in graph  # decoded right: the figures are there
        return outcome
    return case


def cut_off(tmp_path: Path) -> Outcome:
    cut = SEED_TEXT[: SEED_TEXT.index("同比增长3.2%") + len("同比增长3.2%，全省排")]
    outcome = build_file(tmp_path, cut.encode("utf-8"))
    graph = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert "全省排" in graph and "3.2" in graph
    return outcome


def build_written(write):
    """A build of the file `write` makes in the test's folder."""
    def case(tmp_path: Path) -> Outcome:
        return plankg("build", write(tmp_path), "-o", tmp_path / "out", "--jobs", "1")
    return case


def cut_in_half(write, name: str):
    """The file `write` makes of the seed, its second half lost (a download broken off)."""
    def cut(tmp_path: Path) -> Path:
        whole = write(SEED_TEXT, tmp_path / f"whole-{name}")
        data = whole.read_bytes()
        whole.unlink()
        (tmp_path / name).write_bytes(data[:len(data) // 2])
        return tmp_path / name
    return cut


def query_data(tmp_path: Path, *args) -> Outcome:
    built = tmp_path / "built"
    assert plankg("build", SEED, "-o", built).exit_code == 0
    return plankg("query", *args, "--data", built / "graph.ttl")


def not_a_store(tmp_path: Path) -> Outcome:
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    outcome = plankg("build", SEED, "-o", tmp_path / "out", "--store", f"oxigraph:{folder}")
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]  # left alone
    return outcome


def broken_rdf(tmp_path: Path) -> Outcome:
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .", encoding="utf-8")
    return plankg("query", "figures", "--data", broken)


def big_file(tmp_path: Path) -> Outcome:
    report = tmp_path / "dump.txt"
    with report.open("wb") as stream:
        stream.truncate(60 * 1024 * 1024)  # sparse: no 60 MB written to disk
    return plankg("build", report, "-o", tmp_path / "out")


def big_document(tmp_path: Path) -> Outcome:
    report = tmp_path / "scan.pdf"
    with report.open("wb") as stream:
        stream.write(b"%PDF-1.7\n")
        stream.truncate(60 * 1024 * 1024)  # sparse, and refused before any PDF library reads it
    return plankg("build", report, "-o", tmp_path / "out")


def fifo_named(tmp_path: Path) -> Outcome:
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    signal.alarm(60)  # a build that opened it would wait for a writer for ever
    try:
        return plankg("build", fifo, "-o", tmp_path / "out")
    finally:
        signal.alarm(0)


def fifo_among_good(tmp_path: Path) -> Outcome:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(SEED, folder / "a-good.txt")
    os.mkfifo(folder / "b-fifo.txt")
    signal.alarm(60)
    try:
        outcome = plankg("build", folder, "-o", tmp_path / "out")
    finally:
        signal.alarm(0)
    assert "b-fifo.txt" in outcome.stderr and "1 report(s)" in outcome.stdout
    return outcome


def one_bad_byte(encoding: str):
    def case(tmp_path: Path) -> Outcome:
        data = SEED_TEXT.encode(encoding)
        at = data.index("地区生产总值".encode(encoding))  # a character boundary: one byte lost there
        outcome = build_file(tmp_path, data[:at] + b"\xff" + data[at:])
        assert "1 bad byte(s) replaced" in outcome.stderr, outcome.stderr
        entry = json.loads((tmp_path / "out" / "build.json").read_text(encoding="utf-8"))["reports"][0]
        text = data[:at].decode(encoding)
        assert entry["replaced"] == {"count": 1, "byte_offsets": [at], "text_offsets": [len(text)]}
        graph = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
        assert "1815.0" in graph and "\ufffd地区生产总值" in graph  # the passage's text, offsets as decoded
        return outcome
    return case


def environment_error(number: int, where: str):
    """The machine refuses a write: the error injected where it shows (root may write anywhere, so
    a read-only folder is made one and the refusal injected as well)."""
    def case(tmp_path: Path, monkeypatch) -> Outcome:
        import graph.build.pipeline
        import graph.build.spool

        out = tmp_path / "out"
        def refuse(*args, **kwargs):
            raise OSError(number, os.strerror(number), str(out))
        if number == errno.EACCES:
            out.mkdir()
            out.chmod(0o555)
        if where == "work folder":
            monkeypatch.setattr(graph.build.spool.tempfile, "mkdtemp", refuse)
        else:
            monkeypatch.setattr(graph.build.pipeline, "write_turtle", refuse)
        try:
            return plankg("build", SEED, "-o", out)
        finally:
            if out.exists():
                out.chmod(0o755)
    return case


def export_seed(tmp_path: Path, *args) -> Outcome:
    """plankg export of the committed output/ (graph.trig for --report)."""
    data = ROOT / "output" / ("graph.trig" if "--report" in args else "graph.ttl")
    return plankg("export", *args, "--data", data)


def export_no_such_report(tmp_path: Path) -> Outcome:
    outcome = export_seed(tmp_path, "--format", "trig", "--report", "elsewhere-2030.txt", "-o", tmp_path / "x.trig")
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no file, no temporary one
    return outcome


def export_onto_folder(tmp_path: Path) -> Outcome:
    folder = tmp_path / "out"
    folder.mkdir()
    outcome = export_seed(tmp_path, "--format", "turtle", "-o", folder)
    assert folder.is_dir() and not any(folder.iterdir())
    return outcome


CASES = {
    "a report file that does not exist": lambda t: plankg("build", t / "nowhere.txt", "-o", t / "out"),
    "a folder with no report files in it": lambda t: plankg("build", t, "-o", t / "out"),
    "an empty file, or one of blanks only": lambda t: build_file(t, b" \n\r\n\t "),
    "a PDF renamed to `.txt`": lambda t: build_file(t, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
    "a `.docx` renamed to `.txt`": lambda t: build_file(t, b"PK\x03\x04\x14\x00\x06\x00word/document.xml"),
    "a PDF with no text layer (a scan)": build_written(lambda t: write_scanned_pdf(t / "scan.pdf")),
    "an encrypted PDF": build_written(lambda t: write_encrypted_pdf(SEED_TEXT, t / "locked.pdf")),
    "a broken PDF (cut off)": build_written(cut_in_half(write_pdf, "report.pdf")),
    "a `.docx` cut off": build_written(cut_in_half(write_docx, "report.docx")),
    "a PNG image renamed to `.txt`": lambda t: build_file(t, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    "random bytes": lambda t: build_file(t, bytes(range(256)) * 16),
    "text in English only": lambda t: build_file(t, b"Report on the plan for 2026, in English only.\n"),
    "text in Latin-1": lambda t: build_file(t, "Rapport annuel: résumé, café, déjà vu.\n".encode("latin-1")),
    "a file over 3 MB (the longest real reports are under 500 KB)": big_file,
    "a PDF, .docx or web page over 50 MB (or whose text is over 3 MB)": big_document,
    "a report in UTF-8 with a byte-order mark": builds(codecs.BOM_UTF8 + SEED_TEXT.encode("utf-8")),
    "a report in UTF-16 with a byte-order mark": builds(SEED_TEXT.encode("utf-16")),
    "a report in UTF-16 without a byte-order mark": builds(SEED_TEXT.encode("utf-16-le")),
    "a report in GBK": builds(SEED_TEXT.encode("gbk")),
    "a report in GB18030": builds(SEED_TEXT.encode("gb18030")),
    "a report cut off in mid-sentence": cut_off,
    "a report in UTF-8 with one bad byte": one_bad_byte("utf-8"),
    "a report in GB18030 with one bad byte": one_bad_byte("gb18030"),
    "a FIFO (or a device) named as a report": fifo_named,
    "a FIFO among the reports of a folder": fifo_among_good,
    "an output folder that cannot be written": environment_error(errno.EACCES, "work folder"),
    "a read-only file system": environment_error(errno.EROFS, "work folder"),
    "a full disk": environment_error(errno.ENOSPC, "graph.ttl"),
    "one empty file in a folder of good reports": one_empty_among_good,
    "a report plankg itself fails on": "monkeypatch",
    "`<script>` in a company's name": hostile_name,
    "Ctrl-C during a build": lambda t: interrupted(t, signal.SIGINT),
    "SIGTERM during a build": lambda t: interrupted(t, signal.SIGTERM),
    "an unknown store for `build --store`": lambda t: plankg("build", SEED, "-o", t / "out", "--store", "neo4j:x"),
    "`build --store oxigraph:DIR` where DIR holds other files": lambda t: not_a_store(t),
    "a SPARQL query with a syntax error": lambda t: query_data(t, "SELECT ?x WHERE { ?x ?y }"),
    "a SPARQL update given to `query`": lambda t: query_data(t, "DROP ALL"),
    "a query naming outside data: `FROM <file:…>`, `FROM`/`FROM NAMED` a graph not in the store, `SERVICE`":
        lambda t: query_data(t, "SELECT ?o FROM <file:///etc/hostname> WHERE { ?s ?p ?o }"),
    "a query name that is not bundled": lambda t: query_data(t, "no-such-query"),
    "`--data` naming a file that does not exist": lambda t: plankg("query", "figures", "--data", t / "none.ttl"),
    "`--data` naming a file that is not RDF": broken_rdf,
    "`--engine rdflib` with `--store oxigraph:DIR` or `--endpoint`":
        lambda t: plankg("query", "figures", "--engine", "rdflib", "--endpoint", "http://127.0.0.1:9/sparql"),
    "`export --format` naming a format plankg does not write": lambda t: export_seed(t, "--format", "excel"),
    "`export --class` naming a class the ontology does not have":
        lambda t: export_seed(t, "--format", "turtle", "--class", "Spaceship"),
    "`export --focus` naming no entity of the graph": lambda t: export_seed(t, "--format", "nt", "--focus", "无此实体"),
    "`export --report` naming no report of the graph": export_no_such_report,
    "`export -o` into a folder that does not exist":
        lambda t: export_seed(t, "--format", "turtle", "-o", t / "out" / "missing" / "graph.ttl"),
    "`export -o` naming a folder": export_onto_folder,
}


WITH_MONKEYPATCH = {"an output folder that cannot be written", "a read-only file system", "a full disk"}


def test_every_row_of_the_table_has_a_case():
    assert set(table_rows()) == set(CASES)


@pytest.mark.parametrize("row", sorted(CASES))
def test_each_bad_input_gets_what_the_table_says(row, tmp_path, monkeypatch):
    says, status = table_rows()[row]
    case = CASES[row]
    if case == "monkeypatch":
        outcome = failing_report(tmp_path, monkeypatch)
    elif row in WITH_MONKEYPATCH:
        outcome = case(tmp_path, monkeypatch)
    else:
        outcome = case(tmp_path)
    assert outcome.exit_code == status, (outcome.stderr, outcome.stdout)
    assert "Traceback" not in outcome.stderr + outcome.stdout
    quoted = re.findall(r"`([^`]+)`", says)
    if status == 2:  # one line, and nothing written
        lines = outcome.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("plankg: error: "), outcome.stderr
        assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    for text in quoted if status != 0 else []:
        assert text in outcome.stderr, (text, outcome.stderr)
    if status == 130:
        assert len(outcome.stderr.strip().splitlines()) == 1, outcome.stderr


def test_killed_build_leaves_the_previous_output(tmp_path):
    """SIGKILL cannot be caught: the files are still whole, either the old ones or the new."""
    corpus = generated_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    assert plankg("build", SEED, "-o", out).exit_code == 0
    before = {name: (out / name).read_bytes() for name in ("graph.ttl", "graph.trig", "graph.html", "build.json")}
    process = subprocess.Popen([sys.executable, "-m", "graph", "build", str(corpus), "-o", str(out)], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(2.0)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert {name: (out / name).read_bytes() for name in before} == before
