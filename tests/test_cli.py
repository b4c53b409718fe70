"""The `plankg` command as users run it: exit statuses, one-line errors, nothing half-written."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, ROOT, SEED

from graph.cli import main


@pytest.fixture()
def run():
    def invoke(*args):
        return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return invoke


def _assert_one_line_error(result, *words):
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("plankg: error: ")
    assert "Traceback" not in result.output
    for word in words:
        assert word in lines[0]


def test_build_writes_the_four_files_and_says_where_the_page_is(run, tmp_path):
    result = run("build", SEED, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "SHACL: conforms" in result.stdout
    assert "graph.html" in result.stdout
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if p.is_file()) == [
        "build.json", "graph.html", "graph.trig", "graph.ttl"]


# Bad reports, one by one: tests/test_bad_input.py runs the README's table of them.


def test_a_failed_build_leaves_the_previous_output_as_it_was(run, tmp_path):
    out = tmp_path / "out"
    assert run("build", SEED, "-o", out).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (tmp_path / "empty.txt").write_bytes(b"")
    assert run("build", tmp_path / "empty.txt", "-o", out).exit_code == 2
    assert {p.name: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_one_bad_report_in_a_folder_is_skipped_and_said(run, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a-good.txt").write_bytes(SEED.read_bytes())
    (folder / "b-empty.txt").write_bytes(b"")
    result = run("build", folder, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "skipped" in result.stderr and "b-empty.txt" in result.stderr
    built = json.loads((tmp_path / "out" / "build.json").read_text())
    assert [r["source"] for r in built["reports"]] == ["a-good.txt"]
    assert built["skipped"][0]["path"].endswith("b-empty.txt")


def test_parallel_build_gives_the_same_files(run, tmp_path):
    assert run("build", SEED, FIXTURES, "-o", tmp_path / "one", "--jobs", "1").exit_code == 0
    assert run("build", SEED, FIXTURES, "-o", tmp_path / "two", "--jobs", "2").exit_code == 0
    for name in ("graph.ttl", "graph.trig", "graph.html"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    out = tmp_path_factory.mktemp("query")
    CliRunner().invoke(main, ["build", str(SEED), "-o", str(out)], catch_exceptions=False)
    return out / "graph.ttl"


GDP_QUERY = """
PREFIX plan: <https://w3id.org/plankg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?value ?unit ?growth WHERE {
  ?f a plan:Observation ; plan:indicator/rdfs:label "地区生产总值"@zh ;
     plan:value ?value ; plan:unit ?unit ; plan:growthRate ?growth .
}"""


# The figure as each engine writes it: Oxigraph in the canonical form of its value, rdflib as the
# graph (and the report) wrote it
WRITTEN = {"oxigraph": "1815", "rdflib": "1815.0"}
ENGINES = sorted(WRITTEN)


@pytest.mark.parametrize("engine", ENGINES)
def test_query_inline_as_table(run, data, engine):
    result = run("query", GDP_QUERY, "--data", data, "--engine", engine)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["value", "unit", "growth"]
    assert lines[2].split() == [WRITTEN[engine], "亿元", "3.2"]
    assert lines[-1] == "(1 row)"


@pytest.mark.parametrize("engine", ENGINES)
def test_query_as_csv_and_json(run, data, engine):
    csv_out = run("query", GDP_QUERY, "--data", data, "--format", "csv", "--engine", engine).stdout
    assert csv_out.splitlines() == ["value,unit,growth", f"{WRITTEN[engine]},亿元,3.2"]
    parsed = json.loads(run("query", GDP_QUERY, "--data", data, "--format", "json", "--engine", engine).stdout)
    assert parsed["head"]["vars"] == ["value", "unit", "growth"]
    binding = parsed["results"]["bindings"][0]
    assert binding["value"] == {"type": "literal", "value": WRITTEN[engine],
                                "datatype": "http://www.w3.org/2001/XMLSchema#decimal"}


@pytest.mark.parametrize("engine", ENGINES)
def test_query_as_tsv(run, data, engine):
    lines = run("query", GDP_QUERY, "--data", data, "--format", "tsv", "--engine", engine).stdout.splitlines()
    assert lines[0] == "?value\t?unit\t?growth"
    assert lines[1].startswith((f"{WRITTEN[engine]}\t", f'"{WRITTEN[engine]}"^^'))


@pytest.mark.parametrize("engine", ENGINES)
def test_query_from_a_file_and_by_name(run, data, tmp_path, engine):
    query_file = tmp_path / "gdp.rq"
    query_file.write_text(GDP_QUERY, encoding="utf-8")
    assert WRITTEN[engine] in run("query", query_file, "--data", data, "--engine", engine).stdout
    figures = run("query", "figures", "--data", data, "--format", "csv", "--engine", engine).stdout
    assert f"地区生产总值,{WRITTEN[engine]},亿元,3.2,8" in figures
    targets = run("query", "targets", "--data", data, "--format", "csv", "--engine", engine).stdout
    assert "大同市,地区生产总值,2026,,,5,,,,," in targets
    assert "大同市,城镇新增就业,2025,,,,,41825,人,,95.06" in targets


def test_query_list_names_every_bundled_query(run):
    result = run("query", "--list")
    names = [line.split()[0] for line in result.stdout.splitlines()]
    assert {"figures", "targets", "reports"} <= set(names)


def test_construct_gives_turtle(run, data):
    result = run("query", "CONSTRUCT { ?s a <https://w3id.org/plankg/ontology#Report> } "
                 "WHERE { ?s a <https://w3id.org/plankg/ontology#Report> }", "--data", data,
                 "--format", "turtle")
    assert result.exit_code == 0 and "plan:Report" in result.stdout


def test_the_ontology_is_queryable_with_the_data(run, data):
    result = run("query", "SELECT ?label WHERE { <https://w3id.org/plankg/ontology#Observation> "
                 "<http://www.w3.org/2000/01/rdf-schema#label> ?label FILTER(lang(?label)='en') }",
                 "--data", data, "--format", "csv")
    assert result.stdout.splitlines() == ["label", "observation"]


@pytest.mark.parametrize("args, words", [
    (["SELECT ?x WHERE { ?x ?y }"], ["syntax error", "line"]),
    (["no-such-query"], ["no bundled query", "no-such-query"]),
    (["missing.rq"], ["missing.rq", "no such query file"]),
])
def test_query_errors_are_one_line(run, data, args, words):
    _assert_one_line_error(run("query", *args, "--data", data), *words)


def test_query_on_missing_or_broken_data_is_one_line(run, tmp_path):
    _assert_one_line_error(run("query", "figures", "--data", tmp_path / "none.ttl"), "no such file")
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .", encoding="utf-8")
    _assert_one_line_error(run("query", "figures", "--data", broken), "not valid turtle")


def test_validate_passes_the_seed_and_fails_a_broken_graph(run, data, tmp_path):
    result = run("validate", "--data", data)
    assert result.exit_code == 0 and "conforms" in result.stdout
    broken = tmp_path / "broken.ttl"
    broken.write_text(data.read_text(encoding="utf-8").replace('"地区生产总值"@zh', '"地区生产总值"@en', 1),
                      encoding="utf-8")
    result = run("validate", "--data", broken)
    assert result.exit_code == 1
    assert "exactly one rdfs:label in Chinese" in result.stdout


def test_usage_errors_exit_2(run):
    assert run("build", "--jobs", "0").exit_code == 2
    assert run("query").exit_code == 2
    assert run("frobnicate").exit_code == 2


def test_python_dash_m_graph_is_the_command():
    result = subprocess.run([sys.executable, "-m", "graph", "query", "--list"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0 and "figures" in result.stdout


def test_a_progress_bar_shows_on_a_terminal_and_not_in_a_pipe(tmp_path):
    import os
    import pty

    command = [sys.executable, "-m", "graph", "build", str(FIXTURES), "--no-cache", "-o"]
    piped = subprocess.run([*command, str(tmp_path / "piped")], cwd=ROOT, capture_output=True, text=True)
    assert piped.returncode == 0 and "compiling reports" not in piped.stderr + piped.stdout
    leader, follower = pty.openpty()
    with subprocess.Popen([*command, str(tmp_path / "tty")], cwd=ROOT, stdout=subprocess.DEVNULL,
                          stderr=follower) as process:
        os.close(follower)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal closed: the build is over
                break
            if not chunk:
                break
            shown += chunk
    os.close(leader)
    assert process.returncode == 0
    assert b"compiling reports" in shown and b"6/6" in shown
