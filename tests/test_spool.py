"""A corpus need not fit in memory: reports' triples wait on disk, are merged from there, and the
files are written piece by piece. Each way of cutting the work must give the same bytes."""

from __future__ import annotations

import io
import random
from pathlib import Path

from conftest import FIXTURES, SEEDS

import graph.build.spool
from graph.build.pipeline import build
from graph.build.serialize import write_trig, write_turtle
from graph.build.spool import Spool, unique_merge


def _lines(graph_ttl: bytes) -> list[bytes]:
    import pyoxigraph as ox

    written = ox.serialize(ox.parse(graph_ttl, format=ox.RdfFormat.TURTLE), format=ox.RdfFormat.N_TRIPLES)
    assert written is not None  # no output given: the bytes are returned
    return sorted({line + b"\n" for line in written.split(b"\n") if line})


def test_the_union_of_sorted_runs_is_each_line_once_in_order(tmp_path, monkeypatch):
    monkeypatch.setattr(graph.build.spool, "FAN_IN", 3)  # three rounds of merging for 20 runs
    rng = random.Random(7)
    runs = [sorted({f"<s{rng.randrange(60)}> <p> \"{rng.randrange(9)}\" .\n".encode() for _ in range(25)})
            for _ in range(20)]
    with Spool(tmp_path / "out") as spool:
        for index, run in enumerate(runs):
            spool.put(str(index), (line.decode().rstrip("\n") for line in run))
        union = list(spool.union([spool.lines(str(index)) for index in range(len(runs))]))
    assert union == sorted(set().union(*runs))
    assert list(unique_merge([[b"a\n", b"b\n"], [b"a\n", b"c\n"], []])) == [b"a\n", b"b\n", b"c\n"]
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())  # the work folder is gone


def test_turtle_written_in_pieces_is_turtle_written_at_once(seed_build):
    whole = (seed_build / "graph.ttl").read_bytes()
    lines = _lines(whole)
    for piece in (1, 2, 17, 500, len(lines) + 1):
        written = io.BytesIO()
        write_turtle(iter(lines), written, piece)
        assert written.getvalue() == whole, piece


def test_trig_written_graph_by_graph_is_one_trig_file(seed_build):
    import pyoxigraph as ox

    lines = _lines((seed_build / "graph.ttl").read_bytes())
    graphs = [("https://w3id.org/plankg/id/a", lines[:300]), ("https://w3id.org/plankg/id/b", lines[300:])]
    written = io.BytesIO()
    write_trig(((name, iter(part)) for name, part in graphs), written)
    quads = set(ox.parse(written.getvalue(), format=ox.RdfFormat.TRIG))
    assert len(quads) == len(lines)
    assert {q.graph_name.value for q in quads} == {name for name, _ in graphs}
    assert written.getvalue().count(b"@prefix") == (seed_build / "graph.trig").read_bytes().count(b"@prefix")


def test_trig_written_in_pieces_is_trig_written_at_once(seed_build):
    whole = (seed_build / "graph.trig").read_bytes()
    report = next(line for line in whole.split(b"\n") if line.endswith(b" {"))[1:-3].decode()
    lines = _lines((seed_build / "graph.ttl").read_bytes())
    for piece in (1, 2, 17, 500, len(lines) + 1):
        written = io.BytesIO()
        write_trig([(report, iter(lines))], written, piece)
        assert written.getvalue() == whole, piece


def test_a_corpus_merged_in_rounds_gives_the_same_files(tmp_path, monkeypatch):
    build([SEEDS, FIXTURES], tmp_path / "at-once", jobs=1, use_cache=False)
    monkeypatch.setattr(graph.build.spool, "FAN_IN", 2)  # 7 reports: merged two by two, in three rounds
    build([SEEDS, FIXTURES], tmp_path / "in-rounds", jobs=1, use_cache=False)
    for name in ("graph.ttl", "graph.trig", "graph.html"):
        assert (tmp_path / "at-once" / name).read_bytes() == (tmp_path / "in-rounds" / name).read_bytes(), name
    written = sorted(p.name for p in (tmp_path / "in-rounds").iterdir())
    assert written == ["build.json", "graph.html", "graph.trig", "graph.ttl"]


def test_the_page_of_a_corpus_read_twice_from_disk_is_the_page_joined_in_memory():
    from graph.build.compile import compile_report
    from graph.page.analyse import join_parts, join_streamed, select
    from graph.page.nodes import NetworkPart

    def network_of(path: Path) -> NetworkPart:
        network = compile_report(path).network
        assert network is not None  # compile_report draws it; only a build's spool takes it away
        return network

    parts = [network_of(path) for path in sorted([*SEEDS.glob("*.txt"), *FIXTURES.glob("*.txt")])]
    for max_nodes in (40, 300, 100_000):  # entities cut, figures only left out, all drawn
        streamed, streamed_notes = join_streamed(lambda: iter(parts), max_nodes=max_nodes)
        joined, notes = select(join_parts(parts), max_nodes=max_nodes)
        assert streamed_notes == notes, max_nodes
        assert sorted(streamed.nodes(data=True)) == sorted(joined.nodes(data=True)), max_nodes  # the page sorts them
        assert sorted(streamed.edges(keys=True)) == sorted(joined.edges(keys=True)), max_nodes
    assert notes == [] and len(joined) == len(streamed) > 300


def test_a_store_loaded_in_small_pieces_holds_what_one_loaded_at_once_holds(tmp_path, monkeypatch):
    import pyoxigraph as ox

    import graph.sparql.oxigraph

    build([SEEDS, FIXTURES], tmp_path / "out-whole", store=f"oxigraph:{tmp_path / 'whole'}", use_cache=False)
    monkeypatch.setattr(graph.sparql.oxigraph, "LOAD_PIECE", 7)
    build([SEEDS, FIXTURES], tmp_path / "out-pieces", store=f"oxigraph:{tmp_path / 'pieces'}", use_cache=False)
    whole, pieces = (ox.Store.read_only(str(tmp_path / name)) for name in ("whole", "pieces"))
    def named(store):  # the ontology's blank nodes (owl:unionOf lists) are new in every store
        return {q for q in store if not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode)}
    assert named(pieces) == named(whole) and len(pieces) == len(whole) > 10_000
    assert {g.value for g in pieces.named_graphs()} == {g.value for g in whole.named_graphs()}
