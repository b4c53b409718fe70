"""graph/extract/spans.py: the matching the finders share, on small hand-made cases."""

from __future__ import annotations

import re

from graph.extract.spans import (
    Guarded,
    alternation,
    covers,
    file_span,
    inside,
    keep_longest,
    longest_first,
    longest_prefix,
    overlaps,
    scan,
)


def _found(pattern: str, text: str, whole: bool = False) -> str | None:
    match = re.fullmatch(pattern, text) if whole else re.search(pattern, text)
    return match.group() if match else None


def test_longest_first_keeps_the_order_of_equal_lengths():
    words = ["方案", "实施方案", "意见", "指导意见", "办法"]
    assert longest_first(words) == ("实施方案", "指导意见", "方案", "意见", "办法")


def test_alternation_tries_longer_words_first():
    assert _found(alternation(["开工", "开工建设", "建设"]), "项目开工建设") == "开工建设"


def test_alternation_in_order_lets_the_first_listed_win():
    assert _found(alternation(["共", "共计"], in_order=True), "共计") == "共"
    assert _found(alternation(["共", "共计"]), "共计") == "共计"


def test_alternation_escapes_what_a_regex_would_read():
    assert _found(alternation(["元/人", "(试行)"]), "(试行)", whole=True) == "(试行)"


def test_scan_takes_the_longest_name_at_each_place_left_to_right():
    names = {"大同": "a", "大同市": "b", "同市": "c", "山西": "d"}
    assert scan("山西大同市", names, longest=5) == [(0, 2, "d"), (2, 5, "b")]


def test_scan_tries_a_shorter_name_where_skip_refuses_the_longer():
    names = {"能源": "energy", "能源局": "office"}

    def skip(text, start, end, value):
        return value == "office"  # 能源局 names an office: look for the sector inside it
    assert scan("市能源局", names, longest=3, skip=skip) == [(1, 3, "energy")]


def test_scan_looks_no_further_than_longest():
    assert scan("大同市", {"大同市": "b"}, longest=2) == []


def test_keep_longest_drops_names_inside_names():
    candidates = [(2, 6, "某某银行"), (0, 6, "浑源某某银行"), (7, 9, "其他"), (0, 6, "again")]
    assert keep_longest(candidates) == [(0, 6, "浑源某某银行"), (7, 9, "其他")]  # of equal spans, the first


def test_keep_longest_keeps_names_that_only_overlap():
    assert keep_longest([(0, 4, "a"), (2, 6, "b")]) == [(0, 4, "a"), (2, 6, "b")]


def test_inside_and_overlaps():
    assert inside((2, 4), [(0, 4)]) and inside((0, 4), [(0, 4, "with a name")])
    assert not inside((2, 5), [(0, 4)])
    assert overlaps((3, 5), [(0, 4)]) and not overlaps((4, 6), [(0, 4)])
    assert not inside((0, 1), []) and not overlaps((0, 1), [])


def test_covers_a_position_in_half_open_spans():
    assert covers([(2, 4)], 2) and covers([(2, 4)], 3)
    assert not covers([(2, 4)], 4) and not covers([(2, 4)], 1)


def test_file_span_runs_across_a_line_break():
    # the passage text 增长5% stands in the file as 增长\n  5%: offsets 10, 11, 15, 16
    offsets = [10, 11, 15, 16]
    assert file_span(offsets, 0, 4) == (10, 17)
    assert file_span(offsets, 1, 3) == (11, 16)


def test_longest_prefix_takes_the_longest_name_and_not_the_text_itself():
    names = ["某公司", "某公司算力", "某某"]
    assert longest_prefix("某公司算力中心二期", names) == "某公司算力"
    assert longest_prefix("某公司算力", names, besides="某公司算力") == "某公司"
    assert longest_prefix("其他项目", names) is None


def test_guarded_finds_what_its_pattern_finds_and_passes_over_texts_without_its_words():
    pattern = re.compile(r"[\u4e00-\u9fff]+等(?:项目|企业)")
    guarded = Guarded(pattern, "等", and_one_of=("项目", "企业"))
    for text in ("推动甲乙等项目", "推动甲乙等企业和丙丁等项目", "推动甲乙项目", "甲乙等单位", ""):
        assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in pattern.finditer(text)]
        assert bool(guarded.search(text)) == bool(pattern.search(text))
        assert guarded.findall(text) == pattern.findall(text)
    assert list(guarded.finditer("甲乙丙丁")) == []
