"""Properties that hold for any input, checked on texts hypothesis makes up: report-like fragments
(indicators, numbers of any length in ASCII, full-width and Chinese numerals, units, growth and
rank phrases, headings, unbalanced 《 and （, line breaks in mid-sentence) mixed with arbitrary
Unicode. Reading and extraction never fail on them, every number a figure carries is stated in
its passage, every IRI minted from them is a valid IRI, and any text survives the files."""

from __future__ import annotations

import os
import re
import tempfile
import typing
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph as ox
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal, URIRef

from graph.build.serialize import ntriples_lines, to_trig, to_turtle
from graph.errors import InputError
from graph.extract import extract
from graph.iris import slug
from graph.model import ReportResult
from graph.numerals import CHINESE_NUMERAL, chinese_to_int, to_ascii_digits
from graph.rdf import report_graph
from graph.read import parse_document
from graph.read.decode import read_text_file
from graph.resolve import resolve

# PLANKG_EXAMPLES=5000 pytest tests/test_properties.py looks harder (minutes instead of seconds)
PROPERTY = settings(max_examples=int(os.environ.get("PLANKG_EXAMPLES", "150")), deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])

FRAGMENTS = [
    "关于某市2025年国民经济和社会发展计划执行情况的报告\n", "各位代表：\n",
    "一、", "（一）", "二、", "1.", "\n", "\n\n",
    "全市", "地区生产总值", "规模以上工业增加值", "固定资产投资", "城镇居民人均可支配收入", "完成", "实现", "达到",
    "增长", "同比增长", "比上年增长", "下降", "回落", "个百分点", "%", "％", "亿元", "万元", "元", "万人", "户",
    "居全省第", "全省排名第", "位", "首位", "以上", "左右", "近", "超过", "分别", "和", "其中", "预计", "力争",
    "2025年", "1-11月", "上半年", "完成年度目标的", "倍", "连丰", "新增", "《", "》", "〈", "（", "）", "(", ")",
    "“", "”", "。", "，", "；", "、", "：", "——", "(下转第四版)", "图1：", "有限公司", "项目", "开工建设",
]
NUMBERS = st.one_of(
    st.from_regex(r"[0-9]{1,40}(\.[0-9]{1,12})?", fullmatch=True),
    st.from_regex(r"[０-９]{1,6}(．[０-９]{1,3})?", fullmatch=True),
    st.from_regex(r"[一二三四五六七八九十百千万亿两零]{1,6}", fullmatch=True),
)
# A figure-like clause with every part optional, so that most made-up texts hold some figures
CLAUSE = st.tuples(
    st.sampled_from(["全市", "", "2025年，", "1-11月，"]),
    st.sampled_from(["地区生产总值", "规模以上工业增加值", "社会消费品零售总额", "城镇新增就业", "粮食产量"]),
    st.sampled_from(["完成", "实现", "达到", "", "预计增长"]), NUMBERS,
    st.sampled_from(["亿元", "万元", "元", "万人", "万吨", "%", ""]),
    st.sampled_from(["，同比增长", "，比上年增长", "，下降", "，提高", "，增速", ""]), NUMBERS,
    st.sampled_from(["%", "％", "个百分点", ""]),
    st.sampled_from(["，居全省第", "，全省排名第", "，增速全省排名第", "，位居全省首位", ""]), NUMBERS,
    st.sampled_from(["位", "", "左右", "以上"]),
    st.sampled_from(["。", "；", "，", "\n", "", "。\n\n"]),
).map("".join)
TOKENS = st.one_of(CLAUSE, CLAUSE, st.sampled_from(FRAGMENTS), NUMBERS, st.text(max_size=4))
REPORT_TEXT = st.lists(TOKENS, max_size=80).map("".join)
SURROGATES: tuple[typing.Literal["Cs"]] = ("Cs",)  # annotated: mypy takes a bare ("Cs",) for a tuple[str]
ANY_TEXT = st.text(st.characters(blacklist_categories=SURROGATES), max_size=60)


def compile_text(text: str):
    document = parse_document(text, source="made-up.txt", sha256="0" * 64)
    extraction = extract(document)
    return document, extraction, ReportResult(document, extraction, resolve(document, extraction))


def stated_numbers(text: str) -> set[Decimal]:
    """Every number the text writes: in digits (ASCII or full-width, thousands separated or not)
    or in Chinese numerals, and 首位 as 1."""
    ascii_text = re.sub(r"(?<=\d),(?=\d{3})", "", to_ascii_digits(text))
    numbers = {Decimal(n) for n in re.findall(r"\d+(?:\.\d+)?", ascii_text)}
    for numeral in CHINESE_NUMERAL.findall(text):
        for start in range(len(numeral)):
            for end in range(start + 1, len(numeral) + 1):
                try:
                    numbers.add(Decimal(chinese_to_int(numeral[start:end])))
                except (ValueError, KeyError, InvalidOperation):
                    continue
    if "首位" in text or "第一" in text:
        numbers.add(Decimal(1))
    return numbers


def figure_numbers(figure) -> list[str]:
    numbers = [figure.value, figure.growth_rate, figure.point_change, figure.multiple, figure.share_of_target,
               figure.rank, figure.growth_rank]
    if figure.ratio:
        numbers += figure.ratio.split(":")
    return [str(n) for n in numbers if n is not None]


@PROPERTY
@given(REPORT_TEXT)
def test_reading_and_extraction_never_fail_and_state_only_what_the_text_states(text):
    document, extraction, _ = compile_text(text)
    for passage in document.passages:
        assert re.sub(r"\s", "", document.text[passage.start:passage.end]) == re.sub(r"\s", "", passage.text)
    for figure in extraction.figures:
        passage = document.passages[figure.passage].text
        stated = stated_numbers(passage)
        for number in figure_numbers(figure):
            assert Decimal(number.lstrip("-")) in stated, (number, passage)  # 下降6.8% is -6.8


@PROPERTY
@given(REPORT_TEXT)
def test_every_iri_minted_from_text_is_a_valid_iri(text):
    _, _, result = compile_text(text)
    graph = report_graph(result)
    for term in {t for triple in graph for t in triple if isinstance(t, URIRef)}:
        ox.NamedNode(str(term))  # raises on anything that is not an IRI
    ntriples_lines(graph)  # Oxigraph accepts the whole graph


@PROPERTY
@given(ANY_TEXT)
def test_a_slug_is_a_valid_iri_segment_for_any_label(label):
    ox.NamedNode(f"https://w3id.org/plankg/id/company/{slug(label)}")


@PROPERTY
@given(ANY_TEXT, st.sampled_from([None, "zh", "zh-Latn-pinyin", "en"]))
def test_any_literal_survives_turtle_trig_and_json_ld(text, language):
    subject, predicate = URIRef("https://w3id.org/plankg/id/x"), URIRef("https://w3id.org/plankg/ontology#text")
    literal = Literal(text, lang=language)
    graph = Graph()
    graph.add((subject, predicate, literal))
    lines = ntriples_lines(graph)
    read_turtle = Graph().parse(data=to_turtle(lines).decode("utf-8"), format="turtle")
    assert [str(o) for o in read_turtle.objects(subject, predicate)] == [text]
    read_trig = Dataset().parse(data=to_trig([("https://w3id.org/plankg/id/g", lines)]).decode("utf-8"), format="trig")
    assert [str(o) for _, _, o, _ in read_trig.quads((subject, predicate, None, None))] == [text]
    assert [str(q.object.value) for q in ox.parse(to_turtle(lines), format=ox.RdfFormat.TURTLE)] == [text]
    read_json = Graph().parse(data=graph.serialize(format="json-ld"), format="json-ld")
    objects = list(read_json.objects(subject, predicate))
    assert [str(o) for o in objects] == [text]
    assert isinstance(objects[0], Literal)
    assert (objects[0].language or None) == (language.lower() if language else None) or \
        objects[0].language == language


@settings(max_examples=100, deadline=None, derandomize=True)
@given(st.binary(max_size=400))
def test_any_bytes_are_read_or_refused_in_one_clear_error(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.txt"
        path.write_bytes(data)
        try:
            decoded = read_text_file(path)
        except InputError as error:
            assert str(error).startswith(str(path)) and "\n" not in str(error)
        else:
            assert decoded.text.strip()
            compile_text(decoded.text)
