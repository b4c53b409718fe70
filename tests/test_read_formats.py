"""Reports as people have them: the seed written as a PDF, a .docx and a portal's web page reads
to the same figures as its .txt, and the furniture of each format never reaches a passage."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEED
from documents import PAGE_FURNITURE, RUNNING_HEADER, write_docx, write_pdf, write_portal_page, write_two_column_pdf

from graph.cli import main
from graph.read import read_report
from graph.read.formats import sniff

SEED_TEXT = SEED.read_text(encoding="utf-8")
WRITERS = {"pdf": write_pdf, "docx": write_docx, "html": write_portal_page}


@pytest.fixture(scope="module")
def formats(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("formats")
    return {kind: write(SEED_TEXT, folder / f"seed.{kind}") for kind, write in WRITERS.items()}


@pytest.fixture(scope="module")
def built(formats, tmp_path_factory) -> Path:
    """One build of a folder holding the seed as .txt, .pdf, .docx and .html."""
    folder = tmp_path_factory.mktemp("reports")
    shutil.copy(SEED, folder / "seed.txt")
    for path in formats.values():
        shutil.copy(path, folder / path.name)
    out = folder / "out"
    result = CliRunner().invoke(main, ["build", str(folder), "-o", str(out), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    return out


def _figures(out: Path) -> dict[str, list[tuple]]:
    """Each report's observations and targets as (kind, indicator, value, unit, growth, rank, scope,
    period, target year), read from the built graph."""
    query = """SELECT ?report ?kind ?indicator ?value ?unit ?growth ?rank ?scope ?period ?year WHERE {
        ?figure a ?class ; prov:wasDerivedFrom/dcterms:isPartOf+ ?report ; plan:indicator/rdfs:label ?indicator .
        ?report a plan:Report .
        VALUES (?class ?kind) { (plan:Observation "observation") (plan:Target "target") }
        OPTIONAL { ?figure plan:value ?value } OPTIONAL { ?figure plan:unit ?unit }
        OPTIONAL { ?figure plan:growthRate ?growth } OPTIONAL { ?figure plan:rank ?rank }
        OPTIONAL { ?figure plan:rankScope ?scope } OPTIONAL { ?figure plan:period ?period }
        OPTIONAL { ?figure plan:targetYear ?year } FILTER (lang(?indicator) = "zh") }"""
    result = CliRunner().invoke(main, ["query", query, "--data", str(out / "graph.ttl"), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))[1:]
    titles = {report["iri"]: Path(report["source"]).suffix for report in _build_json(out)["reports"]}
    by_report: dict[str, list[tuple]] = {}
    for report, *figure in rows:
        by_report.setdefault(titles[report], []).append(tuple(figure))
    return {suffix: sorted(figures) for suffix, figures in by_report.items()}


def _build_json(out: Path) -> dict:
    return json.loads((out / "build.json").read_text(encoding="utf-8"))


def test_the_seed_as_pdf_docx_and_html_gives_the_figures_of_the_txt(built):
    figures = _figures(built)
    assert set(figures) == {".txt", ".pdf", ".docx", ".html"}
    assert len(figures[".txt"]) > 100 and any(kind == "target" for kind, *_ in figures[".txt"])
    gdp = [f for f in figures[".txt"] if f[:2] == ("observation", "地区生产总值") and f[3] == "亿元"]
    assert [(float(f[2]), float(f[4]), f[5:]) for f in gdp] == [(1815.0, 3.2, ("8", "全省", "2025", ""))]
    for suffix in (".pdf", ".docx", ".html"):
        assert figures[suffix] == figures[".txt"], suffix


def test_the_text_read_is_kept_with_the_output_and_offsets_point_into_it(built, formats):
    reports = {Path(report["source"]).suffix: report for report in _build_json(built)["reports"]}
    assert "text" not in reports[".txt"]  # a .txt is its own text
    assert not any(name.startswith("text/") for name in _build_json(built)["files"][:4])
    graph = (built / "graph.ttl").read_text(encoding="utf-8")
    for kind, path in formats.items():
        entry = reports[f".{kind}"]
        assert entry["read_from"] == kind and entry["text"] in _build_json(built)["files"]
        kept = (built / entry["text"]).read_text(encoding="utf-8")
        document = read_report(path)
        assert kept == document.text
        assert entry["iri"].endswith(Path(entry["text"]).stem)
        for passage in document.passages:
            joined = "".join(kept[passage.start:passage.end].split())
            assert passage.text.replace(" ", "") in joined or passage.text == joined, passage
        assert document.passages[0].text in graph


def test_a_pdfs_running_header_and_page_numbers_are_set_apart(formats):
    document = read_report(formats["pdf"])
    assert RUNNING_HEADER.split()[0] not in document.text
    assert "- 1 -" not in document.text and "- 2 -" not in document.text
    assert len(document.text.splitlines()) > 2 * len(SEED_TEXT.split("\n\n"))  # wrapped: lines, not paragraphs
    # a sentence wrapped over lines, and one over a page break, are each one passage
    txt = read_report(SEED)
    # (reportlab's STSong-Light writes no · into the text layer: 中国·大同 reads 中国大同)
    assert [p.text for p in document.passages] == [p.text.replace("·", "") for p in txt.passages]
    assert document.meta == txt.meta


def test_a_two_column_pdf_is_read_one_column_after_the_other(tmp_path):
    body = [line for line in SEED_TEXT.splitlines() if len(line) > 60 and line.endswith("。")][:12]
    document = read_report(write_two_column_pdf("\n".join(body), tmp_path / "columns.pdf"))
    assert "第1页" not in document.text and RUNNING_HEADER.split()[0] not in document.text
    assert "".join(p.text for p in document.passages) == "".join(body).replace("·", "").replace(" ", "")


def test_a_portal_page_gives_its_title_and_main_text_only(formats):
    document = read_report(formats["html"])
    txt = read_report(SEED)
    assert document.meta == txt.meta  # title from <h1>, the dateline and presenter from the body: decoded from GBK
    for passage in document.passages:
        assert not any(word in passage.text for word in PAGE_FURNITURE), passage.text
    assert not any(word in document.text for word in PAGE_FURNITURE)
    assert [p.text for p in document.passages] == [p.text for p in txt.passages]


def test_a_docx_reads_its_paragraphs(formats):
    document = read_report(formats["docx"])
    txt = read_report(SEED)
    assert document.meta == txt.meta
    assert [p.text for p in document.passages] == [p.text for p in txt.passages]


def test_a_file_without_a_known_suffix_is_read_by_its_first_bytes(formats, tmp_path):
    for kind, path in formats.items():
        unnamed = tmp_path / f"download-{kind}"
        shutil.copy(path, unnamed)
        assert sniff(unnamed.read_bytes()) == kind
        assert read_report(unnamed).read_from == kind
    assert sniff(SEED.read_bytes()) == "text"


def test_a_rebuild_from_the_cache_writes_the_same_texts_and_drops_a_removed_reports(formats, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for path in formats.values():
        shutil.copy(path, folder / path.name)
    out = tmp_path / "out"

    def files() -> dict[str, bytes]:
        return {str(p.relative_to(out)): p.read_bytes() for p in (out / "text").iterdir()}
    assert CliRunner().invoke(main, ["build", str(folder), "-o", str(out), "--jobs", "1"]).exit_code == 0
    first = files()
    assert len(first) == 3
    result = CliRunner().invoke(main, ["build", str(folder), "-o", str(out), "--jobs", "1"])
    assert "3 unchanged report(s)" in result.stdout and files() == first
    (folder / "seed.pdf").unlink()
    assert CliRunner().invoke(main, ["build", str(folder), "-o", str(out), "--jobs", "1"]).exit_code == 0
    named = {entry for entry in _build_json(out)["files"] if entry.startswith("text/")}
    assert set(files()) == named and len(named) == 2 and named < set(first)  # the PDF's text is gone


def test_each_passage_of_a_pdf_records_its_page(formats, built):
    document = read_report(formats["pdf"])
    pages = [document.page_of(passage.start) or 0 for passage in document.passages]
    assert pages[0] == 1 and pages[-1] == len(document.pages) > 1 and pages == sorted(pages)
    assert read_report(SEED).page_of(0) is None
    query = """SELECT ?file (COUNT(?passage) AS ?passages) (COUNT(?page) AS ?paged) (MAX(?page) AS ?last) WHERE {
        ?passage a plan:Passage ; dcterms:isPartOf+ ?report . ?report a plan:Report ; plan:sourceFile ?file .
        OPTIONAL { ?passage plan:page ?page } } GROUP BY ?file ORDER BY ?file"""
    result = CliRunner().invoke(main, ["query", query, "--data", str(built / "graph.ttl"), "--format", "csv"])
    counts = {row[0]: row[1:] for row in list(csv.reader(io.StringIO(result.stdout)))[1:]}
    assert counts["seed.pdf"] == [str(len(pages)), str(len(pages)), str(len(document.pages))]
    assert counts["seed.txt"][1] == counts["seed.docx"][1] == "0"


def test_furniture_inside_the_main_text_and_a_page_with_no_declared_charset(tmp_path):
    from graph.read.html import html_text

    sentence = "全市地区生产总值完成2087.5亿元，同比增长5.1%，总量稳步扩大，质量效益持续提升。"
    page = f"""<html><head><title>某某市2030年计划执行情况的报告</title></head><body><div id="main">
        <p>来源：某某日报　发布时间：2031-01-12 10:00　浏览次数：128</p><p>【字号：大 中 小】</p>
        {"".join(f"<p>{sentence}</p>" for _ in range(4))}
        <p>【打印本页】【关闭窗口】</p><p>分享到：微信 微博</p></div></body></html>"""
    for encoding in ("gb18030", "utf-8"):
        text = html_text(page.encode(encoding), tmp_path / "page.html")
        assert text.splitlines() == ["某某市2030年计划执行情况的报告", *[sentence] * 4], encoding


def test_a_pdf_whose_fonts_map_no_characters_to_unicode_is_refused_in_one_line(monkeypatch, tmp_path):
    import graph.read.pdf
    from graph.errors import InputError

    line = graph.read.pdf.PdfLine("(cid:4721)(cid:1093)(cid:88)", 100.0, 700.0, 842.0)
    monkeypatch.setattr(graph.read.pdf, "_pages", lambda data, path: [[line]])
    with pytest.raises(InputError, match="fonts map no characters to Unicode"):
        graph.read.pdf.pdf_text(b"%PDF-1.7", tmp_path / "x.pdf")


SHORT_TITLED = ("某某市统计局\n某某市2030年国民经济和社会发展统计公报\n"
                "2030年，全市地区生产总值2087.5亿元，比上年增长5.1%。\n")


@pytest.mark.parametrize("text", [SHORT_TITLED, "各位代表：\n" + SHORT_TITLED.split("\n", 2)[2]],
                         ids=["short-title", "no-title"])
def test_a_portals_logo_in_an_h1_is_not_taken_for_a_short_title(tmp_path, text):
    """<title>某某市统计局_某某市人民政府门户网站</title>: the site's logo (an <h1> too, and longer)
    comes after the page's own title there, so the report's heading is the title; a page whose
    own title is too short to be a report's (各位代表：) has no title taken from its logo either."""
    report = tmp_path / "report.txt"
    report.write_text(text, encoding="utf-8")
    document = read_report(write_portal_page(text, tmp_path / "report.html"))
    assert document.meta.title == read_report(report).meta.title
    assert "门户网站" not in document.text


def test_a_one_page_pdfs_newspaper_dateline_is_set_apart(tmp_path):
    """One page shows no line repeated at its edge; the dateline is known by its words."""
    document = read_report(write_pdf(SHORT_TITLED, tmp_path / "report.pdf"))
    assert RUNNING_HEADER not in document.text and "- 1 -" not in document.text
    assert document.meta.title == "某某市统计局某某市2030年国民经济和社会发展统计公报"


def test_a_pdfs_first_paragraph_wrapped_without_a_comma_in_its_first_line_is_body(tmp_path):
    """A paragraph printed in lines of one width whose first line has no comma: that line is the
    paragraph's, not the title's, so the title stays the title and the sentence stays whole."""
    text = ("关于某某市2030年国民经济和社会发展计划执行情况与2031年计划草案的报告\n"
            "2031年全市经济社会发展的主要预期目标是:地区生产总值增长5.5%左右,城镇新增就业4.5万人。\n")
    document = read_report(write_pdf(text, tmp_path / "report.pdf", per_line=30))
    assert document.meta.title == "关于某某市2030年国民经济和社会发展计划执行情况与2031年计划草案的报告"
    assert document.passages[0].text.startswith("2031年全市经济社会发展的主要预期目标是:地区生产总值增长5.5%左右")
