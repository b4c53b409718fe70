"""tables: the figures, or the entities, one row each, for spreadsheets and data frames.

    figures    one row per plan:Observation and plan:Target: where it was reported, its
               indicator in Chinese, pinyin and English, its numbers as the text states them,
               the place it is about, and the sentence with its offsets
    entities   one row per entity: its class, its labels, the reports that mention it

Asked with SPARQL of the Oxigraph store (graph.sparql.stores.open_store), the store every query
reads. CSV is UTF-8 (with a byte-order mark for Excel, --excel, which else reads it as the
local code page); Parquet, typed columns, needs pyarrow (`pip install 'plankg[parquet]'`).
Oxigraph gives numbers in their canonical form: 1815.0亿元 is 1815 in a row, the same value.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import BinaryIO

from graph.errors import PlankgError
from graph.kinds import KINDS, PAGE_ORDER

TABLES = ("figures", "entities")

# column -> its type in Parquet ("str", "float", "int"); the CSV writes each as the graph does
FIGURE_COLUMNS = {
    "figure": "str", "kind": "str", "report": "str", "city": "str", "section_number": "str", "section": "str",
    "indicator": "str", "indicator_pinyin": "str", "indicator_en": "str", "value": "float", "unit": "str",
    "normalized_value": "float", "normalized_unit": "str", "growth_rate": "float", "point_change": "float",
    "rank": "int", "growth_rank": "int", "rank_scope": "str", "period": "str", "target_year": "str",
    "qualifier": "str", "ref_area": "str", "ref_area_code": "str", "start_offset": "int", "end_offset": "int",
    "sentence": "str", "sentence_start": "int", "sentence_end": "int",
}

FIGURES = """
SELECT ?figure ?kind ?report ?city ?section_number ?section ?indicator ?indicator_pinyin ?indicator_en
       ?value ?unit ?normalized_value ?normalized_unit ?growth_rate ?point_change ?rank ?growth_rank
       ?rank_scope ?period ?target_year ?qualifier ?ref_area ?ref_area_code ?start_offset ?end_offset
       ?sentence ?sentence_start ?sentence_end
WHERE {
  VALUES (?type ?kind) { (plan:Observation "Observation") (plan:Target "Target") }
  ?figure a ?type ; prov:wasDerivedFrom ?passage .
  ?passage dcterms:isPartOf+ ?report . ?report a plan:Report .
  REPORTS
  OPTIONAL { ?report dcterms:spatial/rdfs:label ?city FILTER (lang(?city) = "zh") }
  OPTIONAL { ?passage dcterms:isPartOf ?part . ?part a plan:Section .
             OPTIONAL { ?part plan:sectionNumber ?section_number } OPTIONAL { ?part dcterms:title ?section } }
  OPTIONAL { ?passage plan:text ?sentence }
  OPTIONAL { ?passage plan:startOffset ?sentence_start }
  OPTIONAL { ?passage plan:endOffset ?sentence_end }
  OPTIONAL { ?figure plan:indicator ?i .
             OPTIONAL { ?i rdfs:label ?indicator FILTER (lang(?indicator) = "zh") }
             OPTIONAL { ?i rdfs:label ?indicator_pinyin FILTER (lcase(lang(?indicator_pinyin)) = "zh-latn-pinyin") }
             OPTIONAL { ?i rdfs:label ?indicator_en FILTER (lang(?indicator_en) = "en") } }
  OPTIONAL { ?figure plan:value ?value }            OPTIONAL { ?figure plan:unit ?unit }
  OPTIONAL { ?figure plan:normalizedValue ?normalized_value }
  OPTIONAL { ?figure plan:normalizedUnit ?normalized_unit }
  OPTIONAL { ?figure plan:growthRate ?growth_rate }  OPTIONAL { ?figure plan:pointChange ?point_change }
  OPTIONAL { ?figure plan:rank ?rank }               OPTIONAL { ?figure plan:growthRank ?growth_rank }
  OPTIONAL { ?figure plan:rankScope ?rank_scope }    OPTIONAL { ?figure plan:period ?period }
  OPTIONAL { ?figure plan:targetYear ?target_year }  OPTIONAL { ?figure plan:qualifier ?qualifier }
  OPTIONAL { ?figure plan:refArea ?area .
             OPTIONAL { ?area rdfs:label ?ref_area FILTER (lang(?ref_area) = "zh") }
             OPTIONAL { ?area plan:divisionCode ?ref_area_code } }
  OPTIONAL { ?figure plan:startOffset ?start_offset } OPTIONAL { ?figure plan:endOffset ?end_offset }
}
ORDER BY ?report ?sentence_start ?start_offset ?figure
"""

ENTITY_COLUMNS = {"entity": "str", "class": "str", "label_zh": "str", "label_pinyin": "str", "label_en": "str",
                  "alt_labels": "str", "reports": "str", "report_count": "int"}
ENTITY_CLASSES = tuple(kind.name for kind in KINDS if not kind.figure)

ENTITIES = """
SELECT ?entity ?class ?label_zh ?label_pinyin ?label_en ?alt_label ?report
WHERE {
  VALUES ?type { CLASSES }
  ?entity a ?type .
  BIND (strafter(str(?type), str(plan:)) AS ?class)
  OPTIONAL { ?entity rdfs:label ?label_zh FILTER (lang(?label_zh) = "zh") }
  OPTIONAL { ?entity rdfs:label ?label_pinyin FILTER (lcase(lang(?label_pinyin)) = "zh-latn-pinyin") }
  OPTIONAL { ?entity rdfs:label ?label_en FILTER (lang(?label_en) = "en") }
  OPTIONAL { ?entity skos:altLabel ?alt_label }
  OPTIONAL { ?entity plan:mentionedIn/dcterms:isPartOf+ ?report . ?report a plan:Report }
  REPORTS
}
ORDER BY ?entity
"""


def figure_rows(store, report: str | None) -> list[dict[str, str]]:
    """One row per figure (the first the query gives, should a figure have two labels)."""
    answer = store.query(FIGURES.replace("REPORTS", _only(report)))
    rows: dict[str, dict[str, str]] = {}
    for row in answer.rows:
        named = {name: "" if term is None else str(term) for name, term in zip(answer.variables, row)}
        rows.setdefault(named["figure"], named)
    return list(rows.values())


def entity_rows(store, report: str | None) -> list[dict[str, str]]:
    """One row per entity: its most specific class (a Bank, not the Organization it also is)."""
    classes = " ".join(f"plan:{name}" for name in ENTITY_CLASSES)
    answer = store.query(ENTITIES.replace("CLASSES", classes).replace("REPORTS", _only(report)))
    found: dict[str, dict] = {}
    for row in answer.rows:
        value = {name: "" if term is None else str(term) for name, term in zip(answer.variables, row)}
        entity = found.setdefault(value["entity"], {"classes": set(), "alt": set(), "reports": set(), **value})
        entity["classes"].add(value["class"])
        entity["alt"].update([value["alt_label"]] if value["alt_label"] else [])
        entity["reports"].update([value["report"]] if value["report"] else [])
    rows = []
    for iri in sorted(found):
        entity = found[iri]
        cls = next(name for name in PAGE_ORDER if name in entity["classes"])
        rows.append({"entity": iri, "class": cls, "label_zh": entity["label_zh"],
                     "label_pinyin": entity["label_pinyin"], "label_en": entity["label_en"],
                     "alt_labels": " | ".join(sorted(entity["alt"])), "reports": " ".join(sorted(entity["reports"])),
                     "report_count": str(len(entity["reports"]))})
    return rows


def report_iri(store, report: str) -> str:
    """The report an IRI or a file name (as plan:sourceFile holds it) names; one line if none."""
    from pathlib import Path

    if "://" in report:
        found = store.query(f"ASK {{ <{report}> a plan:Report }}").boolean and report
    else:
        name = Path(report).name.replace("\\", "\\\\").replace('"', '\\"')
        rows = store.query(f'SELECT ?r WHERE {{ ?r a plan:Report ; plan:sourceFile "{name}" }} ORDER BY ?r').rows
        found = str(rows[0][0]) if rows else None
    if not found:
        raise PlankgError(f"no report {report!r} in the graph (give its IRI or its file's name)")
    return found


def _only(report: str | None) -> str:
    return f"VALUES ?report {{ <{report}> }}" if report else ""


def columns_of(table: str) -> dict[str, str]:
    if table not in TABLES:
        raise PlankgError(f"unknown table {table!r}; tables are {', '.join(TABLES)}")
    return FIGURE_COLUMNS if table == "figures" else ENTITY_COLUMNS


def write_csv(rows: Iterable[dict[str, str]], columns: dict[str, str], stream: BinaryIO, excel: bool) -> None:
    text = io.TextIOWrapper(stream, encoding="utf-8-sig" if excel else "utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=list(columns), lineterminator="\r\n" if excel else "\n")
    writer.writeheader()
    writer.writerows(rows)
    text.flush()
    text.detach()  # the stream is the caller's to close


def write_parquet(rows: list[dict[str, str]], columns: dict[str, str], stream: BinaryIO) -> None:
    """Typed columns: numbers as numbers (empty where the graph states none)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise PlankgError("--format parquet needs pyarrow: pip install 'plankg[parquet]'") from None
    types = {"str": pa.string(), "float": pa.float64(), "int": pa.int64()}
    convert = {"str": str, "float": float, "int": int}
    arrays = {name: pa.array([convert[kind](row[name]) if row[name] != "" else None for row in rows],
                             type=types[kind]) for name, kind in columns.items()}
    pq.write_table(pa.table(arrays), stream)
