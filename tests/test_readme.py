"""The README's commands and examples are tested, so they never go stale."""

from __future__ import annotations

import re

from click.testing import CliRunner
from conftest import ROOT, SEEDS
from rdflib import Graph

from graph.cli import main
from graph.vocab import PREFIXES

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands():
    return [line.strip() for line in README.splitlines() if line.startswith("    ") and line.strip()]


def test_the_readme_starts_with_the_build_and_the_test_command():
    build, tests = _commands()[:2]
    assert build.startswith("python3 -m venv .venv") and build.endswith("plankg build")
    assert tests.startswith("python3 -m venv .venv") and "'.[test]'" in tests and tests.endswith("pytest")


def test_ci_runs_the_readmes_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert _commands()[1] in ci.splitlines()


def test_the_build_example_prints_what_a_build_prints(tmp_path):
    shown = README.split("    $ plankg build\n", 1)[1].split("\n\n", 1)[0]
    expected = [line.strip() for line in shown.splitlines()]
    result = CliRunner().invoke(main, ["build", str(SEEDS), "-o", str(tmp_path)])
    printed = [line.replace(str(tmp_path), "output") for line in result.stdout.splitlines()]
    assert printed == expected


def test_the_turtle_example_is_in_the_seed_graph(seed_graph):
    found = re.search(r"```turtle\n(.*?)```", README, re.S)
    assert found is not None, "no ```turtle block in the README"
    block = found.group(1)
    prefixes = "".join(f"@prefix {name}: <{iri}> .\n" for name, iri in PREFIXES.items())
    example = Graph().parse(data=prefixes + block, format="turtle")
    assert len(example) == 14
    for triple in example:
        assert triple in seed_graph, triple


def test_every_export_example_runs_and_writes_its_file(tmp_path, monkeypatch):
    """The Exporting section's examples, run from the checkout (output/ is the data), each
    writing into a folder of the test; one example of each kind of export."""
    import importlib.util
    import shlex

    from graph.export import NETWORK_FORMATS, RDF_FORMATS, TABLE_FORMATS

    section = README.split("## Exporting\n", 1)[1].split("\n## ", 1)[0]
    examples = [shlex.split(line.split("#", 1)[0]) for line in section.splitlines()
                if line.startswith("    plankg export ")]
    formats = {words[words.index("--format") + 1] for words in examples}
    assert formats & set(RDF_FORMATS) and formats & set(TABLE_FORMATS) and formats & set(NETWORK_FORMATS)
    monkeypatch.chdir(ROOT)
    for words in examples:
        if "parquet" in words and importlib.util.find_spec("pyarrow") is None:
            continue
        out = tmp_path / words[words.index("-o") + 1]
        args = [*words[1:words.index("-o")], "-o", str(out), *words[words.index("-o") + 2:]]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, (words, result.stderr)
        assert out.exists() and (out.is_dir() or out.stat().st_size > 0), words
