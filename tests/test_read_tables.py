"""A table of indicators in a Word file, a web page or a PDF: each row's plan a Target and what it
reached an Observation, with the row's numbers, each derived from its row as a passage."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from documents import TABLE_HEAD, TABLE_ROWS, write_table_docx, write_table_page, write_table_pdf

from graph.cli import main
from graph.extract import extract
from graph.model import FigureKind
from graph.read import read_report

WRITERS = {"docx": write_table_docx, "html": write_table_page, "pdf": write_table_pdf}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("tables")
    for kind, write in WRITERS.items():
        write(folder / f"report.{kind}")
    out = folder / "out"
    result = CliRunner().invoke(main, ["build", str(folder), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    return out


def _rows_in_graph(out: Path) -> list[list[str]]:
    query = """SELECT ?file ?kind ?indicator ?value ?unit ?growth ?year ?table ?row ?text WHERE {
        ?figure a ?class ; plan:indicator/rdfs:label ?indicator ; prov:wasDerivedFrom ?passage .
        VALUES (?class ?kind) { (plan:Observation "observation") (plan:Target "target") }
        ?passage plan:tableNumber ?table ; plan:rowNumber ?row ; plan:text ?text ; dcterms:isPartOf+ ?report .
        ?report a plan:Report ; plan:sourceFile ?file .
        OPTIONAL { ?figure plan:value ?value } OPTIONAL { ?figure plan:unit ?unit }
        OPTIONAL { ?figure plan:growthRate ?growth } OPTIONAL { ?figure plan:targetYear ?year }
        FILTER (lang(?indicator) = "zh") }"""
    result = CliRunner().invoke(main, ["query", query, "--data", str(out / "graph.ttl"), "--format", "csv"])
    assert result.exit_code == 0, result.output
    return list(csv.reader(io.StringIO(result.stdout)))[1:]


def test_a_table_of_ten_indicators_gives_ten_targets_and_ten_observations_citing_their_rows(built):
    found = _rows_in_graph(built)
    for kind in WRITERS:
        mine = [row for row in found if row[0] == f"report.{kind}"]
        # numbers compared as numbers: a store may write 1815.0 as 1815
        targets = sorted((row[8], row[2], float(row[3]), row[4], row[6]) for row in mine if row[1] == "target")
        observations = sorted((row[8], row[2], float(row[3]), row[4], float(row[5]))
                              for row in mine if row[1] == "observation")
        assert targets == sorted((str(n), name, float(plan), unit, "2030")
                                 for n, (name, unit, plan, _, _) in enumerate(TABLE_ROWS, start=1)), kind
        assert observations == sorted((str(n), name, float(reached), unit, float(growth))
                                      for n, (name, unit, _, reached, growth) in enumerate(TABLE_ROWS, start=1)), kind
        for row in mine:  # each cites its row: the passage is the row, with the row's cells
            cells = TABLE_ROWS[int(row[8]) - 1]
            assert row[7] == "1" and cells[0] == row[2] and all(cell in row[9] for cell in cells)


def test_the_head_row_is_a_passage_of_the_table_and_states_no_figure(tmp_path):
    document = read_report(write_table_docx(tmp_path / "report.docx"))
    head = next(p for p in document.passages if p.table == 1 and p.row == 0)
    assert all(cell in head.text for cell in TABLE_HEAD)
    figures = extract(document).figures
    assert not [f for f in figures if f.passage == head.index]
    kinds = {f.kind for f in figures if document.passages[f.passage].table}
    assert kinds == {FigureKind.TARGET, FigureKind.OBSERVATION}
    assert document.tables[0].caption == "表1：2030年主要经济指标完成情况"


def _table_figures(document) -> list[tuple]:
    figures = [f for f in extract(document).figures if document.passages[f.passage].table == 1]
    return sorted((f.kind.value, f.indicator, f.value, f.unit, f.growth_rate, f.period) for f in figures)


EXPECTED = sorted([("target", name, plan, unit, None, "2030") for name, unit, plan, _, _ in TABLE_ROWS]
                  + [("observation", name, reached, unit, growth, "2030")
                     for name, unit, _, reached, growth in TABLE_ROWS])


@pytest.mark.parametrize("repeat_head", [False, True], ids=["head-once", "head-on-each-page"])
def test_each_row_of_a_pdfs_table_records_its_page_and_a_table_cut_across_pages_reads_whole(tmp_path, repeat_head):
    """Word prints a long table on two pages, the head once or on each page; the rows of both
    pages are one table, each row's passage on the page it is printed on, a head again no figure."""
    document = read_report(write_table_pdf(tmp_path / "report.pdf", rows_per_page=6, repeat_head=repeat_head))
    rows = [passage for passage in document.passages if passage.table is not None]
    heads = 2 if repeat_head else 1
    assert {passage.table for passage in rows} == {1} and len(rows) == heads + len(TABLE_ROWS)
    assert [document.page_of(passage.start) for passage in rows] == [1] * 7 + [2] * (4 + heads - 1)
    assert _table_figures(document) == EXPECTED


def test_a_pdf_table_with_a_head_of_two_rows_and_a_name_wrapped_in_its_cell(tmp_path):
    """2030年 spans 计划 | 完成 and 指标 spans both head rows, as in a Word file; a name too long for
    its narrow column wraps inside the cell and is read as one word."""
    head = [("指标", "单位", "2030年", "", "比上年增长(%)"), ("", "", "计划", "完成", "")]
    spans = (("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)), ("SPAN", (2, 0), (3, 0)), ("SPAN", (4, 0), (4, 1)))
    document = read_report(write_table_pdf(tmp_path / "report.pdf", head=head, spans=spans, name_width=60))
    assert "| 指标 | 单位 | 计划 | 完成 | 比上年增长(%) |" in document.text
    assert "| 城镇居民人均可支配收入 | 元 | 46000 | 45871 | 4.5 |" in document.text
    assert _table_figures(document) == EXPECTED


def test_a_three_line_table_in_a_pdf_is_read_by_where_its_words_stand(tmp_path):
    """三线表: rules above the head, below it and below the last row, none between the columns."""
    document = read_report(write_table_pdf(tmp_path / "report.pdf", three_line=True))
    assert "| 城镇新增就业 | 万人 | 4.5 | 4.62 | 2.7 |" in document.text
    assert _table_figures(document) == EXPECTED


@pytest.mark.parametrize("lines", [
    # a paragraph set on a grid of characters, spaces left by conversion round its numbers
    ["一年来，全市经济运行总体平稳。全市地区生产总值完成 2087.5 亿元，",
     "同比增长 5.1% ，规模以上工业增加值 652.3 亿元，增长 6.2% ；固定",
     "资产投资 861.4 亿元，下降 4.3% ；社会消费品零售总额 1012.8 亿元，",
     "增长 4.8% 。一般公共预算收入 193.4 亿元，增长 2.3% 。"],
    # a list, a number to a line
    ["重点项目", "城市快速路改造工程  总投资  12.5  亿元", "滨河公园提升工程  总投资  8.3  亿元",
     "物流园区二期工程  总投资  20.1  亿元", "污水处理厂扩建工程  总投资  6.4  亿元"],
])
def test_a_page_between_a_gongwens_rules_stays_text(tmp_path, lines):
    """A rule under the header, one under the title and one above the footer, of one width, are
    no three-line table: the words of the text between them are read as lines."""
    from documents import write_ruled_page_pdf

    document = read_report(write_ruled_page_pdf(tmp_path / "page.pdf", lines))
    assert not document.tables and "|" not in document.text
    assert all(line in document.text for line in lines)


def test_a_frame_drawn_round_a_pdfs_paragraph_is_no_table(tmp_path):
    from documents import write_framed_pdf

    document = read_report(write_framed_pdf(tmp_path / "framed.pdf"))
    assert not document.tables and "|" not in document.text
    assert any("2087.5亿元" in passage.text for passage in document.passages)


def test_a_page_laid_out_in_a_table_is_read_as_text(tmp_path):
    page = tmp_path / "laid-out.html"
    paragraph = "全市地区生产总值完成2087.5亿元，同比增长5.1%。" * 3
    page.write_bytes(f"""<html><head><meta charset="utf-8"></head><body><table><tr><td>
        <h1>关于某某市2030年国民经济和社会发展计划执行情况的报告</h1><p>{paragraph}</p></td></tr></table>
        </body></html>""".encode())
    document = read_report(page)
    assert not document.tables and "|" not in document.text
    assert any("2087.5亿元" in p.text for p in document.passages)


def test_a_txt_with_its_table_written_a_row_a_line_between_bars_reads_the_same(tmp_path):
    from documents import TABLE_AFTER, TABLE_BEFORE

    from graph.read.rows import row_line

    lines = [*TABLE_BEFORE, row_line(list(TABLE_HEAD)), *(row_line(list(row)) for row in TABLE_ROWS), *TABLE_AFTER]
    report = tmp_path / "report.txt"
    report.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    document = read_report(report)
    figures = [f for f in extract(document).figures if document.passages[f.passage].table == 1]
    assert sorted((f.indicator, f.value) for f in figures if f.kind is FigureKind.TARGET) == \
        sorted((name, plan) for name, _, plan, _, _ in TABLE_ROWS)
    assert sorted((f.indicator, f.value, f.growth_rate) for f in figures if f.kind is FigureKind.OBSERVATION) == \
        sorted((name, reached, growth) for name, _, _, reached, growth in TABLE_ROWS)


def _assert_the_first_three_rows_figures(document) -> None:
    """A table of the first three indicators under a head of two rows (2030年 over 计划 | 完成)."""
    figures = [f for f in extract(document).figures if document.passages[f.passage].table == 1]
    assert sorted((f.kind.value, f.indicator, f.value, f.growth_rate, f.period) for f in figures) == sorted(
        [("target", name, plan, None, "2030") for name, _, plan, _, _ in TABLE_ROWS[:3]]
        + [("observation", name, reached, growth, "2030") for name, _, _, reached, growth in TABLE_ROWS[:3]])


def test_a_head_of_two_rows_with_cells_spanning_rows_and_columns(tmp_path):
    body = "".join(f"<tr><td>{name}</td><td>{unit}</td><td>{plan}</td><td>{reached}</td><td>{growth}</td></tr>"
                   for name, unit, plan, reached, growth in TABLE_ROWS[:3])
    page = tmp_path / "report.html"
    page.write_bytes(f"""<html><head><meta charset="utf-8"><title>关于某某市2030年计划执行情况的报告</title></head>
        <body><div><p>一年来，全市经济运行总体平稳，主要指标完成情况见下表，各项指标好于预期。</p>
        <table><tr><td rowspan="2">指标</td><td rowspan="2">单位</td><td colspan="2">2030年</td>
        <td rowspan="2">增长(%)</td></tr><tr><td>计划</td><td>完成</td></tr>{body}</table></div></body></html>
        """.encode())
    document = read_report(page)
    assert "| 指标 | 单位 | 计划 | 完成 | 增长(%) |" in document.text
    _assert_the_first_three_rows_figures(document)


def test_a_row_of_a_change_gives_the_rate_of_the_measure_as_a_sentence_would(tmp_path):
    """地区生产总值增长 | % | 5.1 | 5.5左右 states GDP's growth, as 地区生产总值增长5.5%左右 does; a fall
    (能耗下降) is a negative rate; 人口自然增长率 (‰) is a rate of its own name."""
    from graph.read.rows import row_line

    rows = [("指标", "单位", "2030年预计", "2031年目标"), ("地区生产总值增长", "%", "5.1", "5.5左右"),
            ("单位地区生产总值能耗比上年下降", "%", "3.2", "3"), ("人口自然增长率", "‰", "1.2", "1.5"),
            ("城镇调查失业率", "%", "5.2", "5.5以内")]
    report = tmp_path / "report.txt"
    report.write_text("\n".join(["关于某某市2030年国民经济和社会发展计划执行情况与2031年计划草案的报告",
                                 "——2031年1月9日在某某市第八届人民代表大会第三次会议上", "各位代表：",
                                 *(row_line(list(row)) for row in rows)]) + "\n", encoding="utf-8")
    document = read_report(report)
    figures = [f for f in extract(document).figures if document.passages[f.passage].table == 1]
    assert sorted((f.kind.value, f.indicator, f.value, f.unit, f.growth_rate, f.qualifier, f.period)
                  for f in figures) == sorted([
        ("observation", "地区生产总值", None, None, "5.1", None, "2030"),
        ("target", "地区生产总值", None, None, "5.5", "左右", "2031"),
        ("observation", "单位地区生产总值能耗", None, None, "-3.2", None, "2030"),
        ("target", "单位地区生产总值能耗", None, None, "-3", None, "2031"),
        ("observation", "人口自然增长率", "1.2", "‰", None, None, "2030"),
        ("target", "人口自然增长率", "1.5", "‰", None, None, "2031"),
        ("observation", "城镇调查失业率", "5.2", "%", None, None, "2030"),
        ("target", "城镇调查失业率", "5.5", "%", None, "以内", "2031")])


def test_a_docx_table_with_a_head_of_two_rows_of_merged_cells(tmp_path):
    """Word merges 2030年 over 计划 | 完成 and 指标 down both head rows; each merged cell stands in
    every column it covers, as on a web page."""
    import docx
    from documents import TABLE_BEFORE

    document = docx.Document()
    for paragraph in TABLE_BEFORE:
        document.add_paragraph(paragraph)
    table = document.add_table(rows=5, cols=5)
    for row, cells in enumerate([("指标", "单位", "2030年", "", "增长(%)"), ("", "", "计划", "完成", ""),
                                 *TABLE_ROWS[:3]]):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    for first, last in (((0, 0), (1, 0)), ((0, 1), (1, 1)), ((0, 2), (0, 3)), ((0, 4), (1, 4))):
        table.cell(*first).merge(table.cell(*last))
    document.save(str(tmp_path / "report.docx"))
    report = read_report(tmp_path / "report.docx")
    assert "| 指标 | 单位 | 计划 | 完成 | 增长(%) |" in report.text
    _assert_the_first_three_rows_figures(report)


def test_a_txt_with_its_table_flattened_a_cell_a_line_reads_the_same(tmp_path):
    """指标 | / 单位 | / … / 101.8 |: the row breaks are lost; the columns are counted from the head's
    words and the first row's words and numbers, and each row is one passage whose characters
    stand where its cells' lines are."""
    from documents import TABLE_AFTER, TABLE_BEFORE

    cells = [*TABLE_HEAD, *(cell for row in TABLE_ROWS for cell in row)]
    report = tmp_path / "report.txt"
    report.write_text("\n".join([*TABLE_BEFORE, *(f"{cell} |" for cell in cells), "", *TABLE_AFTER]) + "\n",
                      encoding="utf-8")
    document = read_report(report)
    rows = [passage for passage in document.passages if passage.table == 1]
    assert len(rows) == 1 + len(TABLE_ROWS)
    assert all("".join(document.text[at] for at in row.offsets) == row.text for row in rows)
    figures = [f for f in extract(document).figures if document.passages[f.passage].table == 1]
    assert sorted((f.indicator, f.value) for f in figures if f.kind is FigureKind.TARGET) == \
        sorted((name, plan) for name, _, plan, _, _ in TABLE_ROWS)
    assert sorted((f.indicator, f.value, f.growth_rate) for f in figures if f.kind is FigureKind.OBSERVATION) == \
        sorted((name, reached, growth) for name, _, _, reached, growth in TABLE_ROWS)


@pytest.mark.parametrize("lines", [
    ["甲方 |", "乙方 |", "丙方 |"],  # words only: no row of numbers
    ["指标 |", "完成 |", "地区生产总值 |", "1200 |", "88 |"],  # three words and two numbers make no whole row
    ["指标 |", "完成 |", "甲 |", "5 |", "乙 |", "6 |", "7 |", "丙 |"],  # the third row would open with a number
])
def test_lines_ending_in_bars_that_make_no_table_stay_text(tmp_path, lines):
    report = tmp_path / "report.txt"
    report.write_text("某某市2030年国民经济和社会发展统计公报\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    assert not [passage for passage in read_report(report).passages if passage.table is not None]
