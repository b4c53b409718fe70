"""query: the SPARQL a user asks (inline, a file, a bundled query) and the answer as they see it.

A query is given inline, as a .rq file, or by the name of a bundled query (graph/sparql/queries/NAME.rq,
whose first comment line says what it answers). Results come as an aligned table for people
(labels in place of IRIs), or as CSV, TSV and SPARQL 1.1 JSON for tools; CONSTRUCT and DESCRIBE
results as Turtle. The usual prefixes (plan:, id:, rdfs: …) need not be declared.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from functools import cache
from importlib.resources import files
from pathlib import Path

from rdflib import BNode, Literal, URIRef

from graph.build.serialize import graph_to_turtle
from graph.errors import QueryError
from graph.sparql.answer import Answer
from graph.vocab import ID, PREFIXES, bind_prefixes

FORMATS = ("table", "csv", "tsv", "json", "turtle")
INFERRED_GRAPH = ID["graph/inferred"]  # what RDFS says follows from the data and the ontology
TABLE_CELL_WIDTH = 60  # columns; longer cells are cut with … (csv, tsv and json give them whole)


def bundled_queries() -> dict[str, str]:
    """Name -> the first comment line of each bundled query."""
    result = {}
    for entry in sorted(files("graph.sparql.queries").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            first = entry.read_text(encoding="utf-8").splitlines()[0]
            result[entry.name[:-3]] = first.lstrip("# ").strip()
    return result


def query_text(query: str) -> str:
    """The SPARQL of an inline query, a .rq file, or a bundled query's name."""
    if query.endswith(".rq"):
        path = Path(query)
        if not path.is_file():
            raise QueryError(f"{query}: no such query file")
        return path.read_text(encoding="utf-8")
    if _looks_like_name(query):
        if query not in bundled_queries():
            raise QueryError(f"no bundled query named {query!r}; `plankg query --list` shows them")
        return files("graph.sparql.queries").joinpath(f"{query}.rq").read_text(encoding="utf-8")
    return query


def bind(sparql: str, bindings: dict[str, str]) -> str:
    """Fix variables to values (Chinese literals, or IRIs written <…>) by a VALUES block at the
    start of the WHERE clause, which every SPARQL engine understands."""
    if not bindings:
        return sparql
    match = re.search(r"\bWHERE\s*\{", sparql, re.IGNORECASE)
    if not match:
        raise QueryError("--bind needs a query with a WHERE clause")
    values = " ".join(f"VALUES ?{name} {{ {_term(value)} }}" for name, value in sorted(bindings.items()))
    return sparql[:match.end()] + f"\n  {values}\n" + sparql[match.end():]


def with_prefixes(sparql: str) -> str:
    """The query with plankg's prefixes declared, for engines that know none (Oxigraph, remote)."""
    declared = {m.group(1) for m in re.finditer(r"PREFIX\s+([\w-]*):", sparql, re.IGNORECASE)}
    missing = [f"PREFIX {name}: <{iri}>" for name, iri in PREFIXES.items() if name not in declared]
    return "\n".join(missing + [sparql])


def query_form(sparql: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first keyword after the prologue."""
    body = re.sub(r"(?m)(^|\s)#[^\n]*", r"\1", sparql)  # comments, not the # inside <IRIs>
    body = re.sub(r"(?is)^\s*(?:(?:PREFIX\s+[\w-]*:\s*<[^>]*>|BASE\s+<[^>]*>)\s*)*", "", body)
    keyword = re.match(r"\s*(\w+)", body)
    form = keyword.group(1).upper() if keyword else ""
    if form not in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
        raise QueryError("only SELECT, ASK, CONSTRUCT and DESCRIBE queries can be run; the graph is read-only")
    return form


def format_answer(answer: Answer, output_format: str, label=None) -> str:
    """Render an answer; `label(term)` gives a term's Chinese label for the table, if known."""
    if answer.kind == "graph":
        if output_format not in ("turtle", "table"):
            raise QueryError("a CONSTRUCT or DESCRIBE query gives a graph: use --format turtle")
        graph = answer.graph
        assert graph is not None  # an answer of kind "graph" always carries its graph (graph.sparql.stores)
        bind_prefixes(graph)
        return graph_to_turtle(graph).decode("utf-8")
    if answer.kind == "boolean":
        if output_format == "json":
            return json.dumps({"head": {}, "boolean": answer.boolean}) + "\n"
        return ("true" if answer.boolean else "false") + "\n"
    writers = {"json": results_json, "csv": _csv, "tsv": _tsv}
    if output_format in writers:
        return writers[output_format](answer)
    if output_format == "table":
        return _table(answer, label)
    raise QueryError("a SELECT query gives rows: use --format table, csv, tsv or json")


def results_json(answer: Answer) -> str:
    """SPARQL 1.1 Query Results JSON Format."""
    bindings = [{name: _json_term(term) for name, term in zip(answer.variables, row) if term is not None}
                for row in answer.rows]
    return json.dumps({"head": {"vars": answer.variables}, "results": {"bindings": bindings}},
                      ensure_ascii=False, indent=1) + "\n"


def _json_term(term) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    value = {"type": "literal", "value": str(term)}
    if term.language:
        value["xml:lang"] = term.language
    elif term.datatype:
        value["datatype"] = str(term.datatype)
    return value


def _csv(answer: Answer) -> str:
    """SPARQL 1.1 CSV: a header of variable names, then each term's plain text."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(answer.variables)
    for row in answer.rows:
        writer.writerow(["" if term is None else f"_:{term}" if isinstance(term, BNode) else str(term)
                         for term in row])
    return stream.getvalue()


def _tsv(answer: Answer) -> str:
    """SPARQL 1.1 TSV: a header of ?variables, then terms in Turtle syntax."""
    lines = ["\t".join(f"?{v}" for v in answer.variables)]
    for row in answer.rows:
        lines.append("\t".join("" if term is None else term.n3() for term in row))
    return "\n".join(lines) + "\n"


def _table(answer: Answer, label) -> str:
    header = list(answer.variables)
    rows = [[_cut(_display(term, label)) for term in row] for row in answer.rows]
    widths = [max([_width(cell) for cell in column] or [0]) for column in zip(header, *rows)]
    lines = [_aligned(header, widths), "  ".join("-" * w for w in widths)]
    lines += [_aligned(row, widths) for row in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _display(term, label=None) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        named = label(term) if label else None
        if named:
            return named
        for prefix, namespace in PREFIXES.items():
            if str(term).startswith(namespace):
                return f"{prefix}:{str(term)[len(namespace):]}"
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        return str(term).replace("\n", " ")
    return str(term)


def _cut(text: str) -> str:
    """The text, or as much of it as fits a cell with "…" after it."""
    if len(text) <= TABLE_CELL_WIDTH // 2 or _width(text) <= TABLE_CELL_WIDTH:
        return text
    used = 0
    for end, character in enumerate(text):
        used += _char_width(character)
        if used > TABLE_CELL_WIDTH - 1:
            return text[:end] + "…"
    return text


def _width(text: str) -> int:
    """Display width in a terminal: wide (CJK) characters take two columns."""
    return len(text) if text.isascii() else sum(map(_char_width, text))


@cache  # a table of a thousand reports' sentences asks for the same few thousand characters
def _char_width(character: str) -> int:
    return 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1


def _aligned(cells: list[str], widths: list[int]) -> str:
    return "  ".join(cell + " " * (width - _width(cell)) for cell, width in zip(cells, widths))


def _term(value: str) -> str:
    if value.startswith("<") and value.endswith(">"):
        return value
    if re.fullmatch(r"-?[0-9]+(?:\.[0-9]+)?", value):
        return json.dumps(value)
    return json.dumps(value, ensure_ascii=False) + "@zh"


def _looks_like_name(query: str) -> bool:
    return query.replace("-", "").replace("_", "").isalnum() and query.isascii()


def first_line(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]
