"""read: metadata, sections, passages with exact offsets, and the newspaper layout repaired."""

from __future__ import annotations

import pytest
from conftest import FIDELITY_REPORTS, FIXTURES, SEED

from graph.extract.clauses import passage_offsets
from graph.read import parse_document, read_report


def _compact(text: str) -> str:
    return "".join(text.split())


def _passage_containing(document, words):
    found = [p for p in document.passages if words in p.text]
    assert len(found) == 1, f"{words!r} is in {len(found)} passages"
    return found[0]


def _assert_passages_true_to_the_file(document):
    """Each character of a passage stands at its offset in the file, in order, within the passage's
    span; what the passage leaves out of its span is layout: whitespace and footnote marks."""
    for passage in document.passages:
        offsets = passage_offsets(passage, document.text)
        assert [document.text[offset] for offset in offsets] == list(passage.text)
        assert offsets == sorted(set(offsets)) and passage.start == offsets[0] and passage.end == offsets[-1] + 1
        left_out = set(range(passage.start, passage.end)) - set(offsets)
        assert all(document.text[i].isspace() or document.text[i] in "[]［］〔〕0123456789０１２３４５６７８９"
                   for i in left_out), passage
        assert "\n" not in passage.text
        assert passage.text == passage.text.strip()


@pytest.mark.parametrize("path", [SEED, *sorted(FIXTURES.glob("*.txt")), *FIDELITY_REPORTS], ids=lambda p: p.name)
def test_every_passage_is_the_file_text_between_its_offsets(path):
    document = read_report(path)
    assert document.passages
    _assert_passages_true_to_the_file(document)
    for passage in document.passages:
        assert _compact(document.text[passage.start:passage.end]) == _compact(passage.text) or \
            any(mark in document.text[passage.start:passage.end] for mark in "[［〔")


def test_spaces_of_pdf_conversion_and_footnote_marks_are_repaired():
    text = ("一、综合\n\n2023 年全县生 产总值 266.67 亿元,比上年增长 4.9 %;林 业总产值 2.99 亿元,下降 19 %。"
            "全市地区生产总值[2]713.12亿元,新增四上单位[1]317家。PM 2.5 浓度为 30,与 2024 2025 两年持平。\n")
    document = parse_document(text, source="pdf.txt")
    texts = [p.text for p in document.passages]
    assert texts == ["2023年全县生产总值266.67亿元,比上年增长4.9%;", "林业总产值2.99亿元,下降19%。",
                     "全市地区生产总值713.12亿元,新增四上单位317家。",
                     "PM 2.5浓度为30,与2024 2025两年持平。"]  # no number made by joining two
    _assert_passages_true_to_the_file(document)


def test_seed_header_gives_the_report_metadata(seed_document):
    meta = seed_document.meta
    assert meta.title.startswith("关于大同市2025年国民经济和社会发展规划执行情况")
    assert meta.title.endswith("(草案)的报告")
    assert meta.meeting == "大同市第十六届人民代表大会第六次会议"
    assert meta.date == "2026-01-20"
    assert meta.presenter == "乔正南"
    assert meta.presenter_office == "大同市发展和改革委员会主任"
    assert meta.city == "大同市"
    assert (meta.review_year, meta.plan_year) == (2025, 2026)


def test_seed_sections_follow_the_headings(seed_document):
    sections = {s.number: s.heading for s in seed_document.sections}
    assert sections["1"] == "2025年国民经济和社会发展规划执行情况"
    assert sections["1.1"] == "经济总体稳中向好"
    assert sections["1.8"] == "风险防控扎实有力"
    assert sections["2"] == "2026年经济社会发展的总体要求和主要目标"
    assert sections["3.1"] == "坚持内需拉动，激发投资消费新动能"
    assert len(sections) == 12
    gdp = _passage_containing(seed_document, "地区生产总值完成")
    assert gdp.section == "1.1"


def test_seed_sentence_broken_across_blank_lines_is_one_passage(seed_document):
    passage = _passage_containing(seed_document, "医药特色专业镇")
    assert passage.text == "经开区医药特色专业镇实现营收92.3亿元，同比增长9.6%。"
    assert "\n" in seed_document.text[passage.start:passage.end]
    other = _passage_containing(seed_document, "实现监管对象动态精准管理")
    assert other.text.startswith("扎实推进土壤污染防治")


def test_seed_captions_are_not_passages(seed_document):
    assert [c.text[:2] for c in seed_document.captions] == ["图1", "图2", "图3", "图4"]
    assert seed_document.captions[0].text == "图1: 2025年全市地区生产总值增速(%)"
    assert not any(p.text.startswith("图") and "增速(%)" in p.text for p in seed_document.passages)


def test_seed_continuation_marker_records_the_truncation(seed_document):
    truncation = seed_document.truncation
    assert truncation.note == "下转第四版"
    assert seed_document.text[truncation.start:truncation.end] == "(下转第四版)"
    assert not any("下转" in p.text for p in seed_document.passages)
    assert seed_document.passages[-1].text.startswith("深入推进建设")


def test_seed_semicolon_splits_clauses_that_stand_alone(seed_document):
    first = _passage_containing(seed_document, "一产增加值")
    assert first.text == "其中，一产增加值完成119.7亿元，同比增长3.7%；"
    assert _passage_containing(seed_document, "二产增加值").text == "二产增加值完成569.9亿元，同比增长1.3%；"


def test_salutation_is_not_a_passage(seed_document):
    assert not any(p.text.startswith("各位代表") for p in seed_document.passages)
    assert seed_document.passages[0].text.startswith("受市人民政府委托")


def test_two_line_title_and_full_width_layout():
    document = read_report(FIXTURES / "changzhi-plan-report.txt")
    meta = document.meta
    assert meta.title == "关于长治市2024年国民经济和社会发展计划执行情况与2025年国民经济和社会发展计划草案的报告"
    assert (meta.city, meta.date, meta.presenter) == ("长治市", "2025-01-15", "王建华")
    assert (meta.review_year, meta.plan_year) == (2024, 2025)
    assert [s.number for s in document.sections] == ["1", "1.1", "1.2", "2"]
    broken = _passage_containing(document, "同比下降2.5%")
    assert broken.text == "全市一般公共预算收入完成268.3亿元，同比下降2.5%；"
    assert document.text[broken.start:broken.end].count("\n") == 3
    assert document.captions[0].text.startswith("图1：")
    assert document.truncation is not None
    assert document.truncation.note == "下转第二版"


def test_work_report_header_and_run_in_headings():
    document = read_report(FIXTURES / "linxian-work-report.txt")
    meta = document.meta
    assert (meta.city, meta.presenter, meta.presenter_office) == ("临县", "李明", "临县人民政府县长")
    assert meta.plan_year == 2025
    run_in = [s for s in document.sections if s.level == 3]
    assert [(s.number, s.heading) for s in run_in] == [("1.1", "产业转型步伐加快")]
    # the rest of the heading's line is a sentence of its own; a ； list stays whole
    assert _passage_containing(document, "红枣").text == "推进红枣、小杂粮；光伏、储能；文旅、康养。"
    # a full stop inside a quotation does not end the sentence
    assert _passage_containing(document, "日子越过越好").text == "群众说：“日子越过越好。今年更有奔头。”"
    # (上接第一版) in mid-report is layout, not text and not a truncation
    assert document.truncation is None
    assert not any("上接" in p.text for p in document.passages)


def test_text_without_header_still_reads():
    document = parse_document("2025年，全市地区生产总值完成100亿元。\n", source="bare.txt")
    assert document.meta.title == "bare"
    assert [p.text for p in document.passages] == ["2025年，全市地区生产总值完成100亿元。"]


def test_unbalanced_bracket_does_not_swallow_the_report():
    text = "标题\n\n一、回顾\n\n推进《某某方案建设。" + "全市工业增加值增长5%。" * 30 + "\n"
    document = parse_document(text, source="broken.txt")
    assert len(document.passages) > 20


def test_an_enumeration_of_numerals_opens_no_section():
    """一、二、三次产业分别拉动… lists the industries; it is a sentence, not the heading 一、"""
    text = "某区2022年统计公报\n\n一、综合\n\n一、二、三次产业分别拉动GDP增长0.1、1.8、7.4个百分点。\n"
    document = parse_document(text, source="list.txt")
    assert [s.heading for s in document.sections] == ["综合"]
    assert document.passages[0].text.startswith("一、二、三次产业")


@pytest.mark.parametrize("dateline", ["某某日报  2031年1月25日  第3版", "2031年1月25日 星期六 第A03版"])
def test_a_newspapers_dateline_over_its_page_is_no_part_of_the_title(dateline):
    """A report printed in a newspaper and read from its page (a PDF of one page keeps the
    dateline, which no second page shows to be repeated)."""
    text = (f"{dateline}\n关于某某市2030年国民经济和社会发展计划执行情况与2031年计划草案的报告\n"
            "——2031年1月9日在某某市第八届人民代表大会第三次会议上\n各位代表：\n全面完成年度目标任务。\n")
    meta = parse_document(text, source="paper.txt").meta
    assert meta.title == "关于某某市2030年国民经济和社会发展计划执行情况与2031年计划草案的报告"


def test_page_furniture_of_a_web_page_is_no_part_of_the_title():
    """A report copied from a web page brings its source line, time stamps, counters, font-size
    switches and photo credits, and the title printed twice: none of it is the report's."""
    text = ("朔州市政府工作报告(2031年1月9日 王五)\n\n朔州市政府工作报告(2031年1月9日 王五)\n"
            "2031年01月12日 09:30 | 来源:某某日报-时政频道\n小字号\n发布日期:2031-01-12  浏览次数:  字号:〖默认 大〗\n"
            "会场。 某某网记者 赵六摄\n\n——2031年1月9日在朔州市第八届人民代表大会第三次会议上\n\n"
            "市长 王五\n\n各位代表：\n\n现在，我代表市人民政府向大会报告工作。\n")
    meta = parse_document(text, source="web.txt").meta
    assert meta.title == "朔州市政府工作报告(2031年1月9日 王五)"
    assert (meta.city, meta.meeting, meta.presenter) == ("朔州市", "朔州市第八届人民代表大会第三次会议", "王五")


def test_a_half_width_comma_ends_the_header_as_a_full_width_one_does():
    """Reports copied from the web write half-width punctuation: 各区县人民政府,市政府各部门: is
    the notice's body, not more of its title."""
    text = ("某某市人民政府\n关于印发某某市2031年国民经济和社会发展计划的通知\n某政字〔2031〕3号\n"
            "各区县人民政府,市政府各部门,各有关单\n位:\n现印发给你们,请认真组织实施。\n")
    meta = parse_document(text, source="notice.txt").meta
    assert meta.title == "某某市人民政府关于印发某某市2031年国民经济和社会发展计划的通知某政字〔2031〕3号"
    assert meta.plan_year == 2031


def test_a_heading_broken_by_a_narrow_column_is_one_heading():
    """A newspaper's column breaks a heading as it breaks a sentence: the heading's line is as
    wide as the column, and its short last part opens no paragraph of its own."""
    text = ("某某市2030年国民经济和社会发展计划执行情况的报告\n各位代表：\n一、2030年国民经济和社会发\n展计划执行情况\n"
            "2030年,全市经济运行总体平\n稳,地区生产总值增长5.1%。\n")
    document = parse_document(text, source="column.txt")
    assert [section.heading for section in document.sections] == ["2030年国民经济和社会发展计划执行情况"]
    assert document.passages[0].text == "2030年,全市经济运行总体平稳,地区生产总值增长5.1%。"


def test_a_heading_shorter_than_the_paragraph_after_it_stands_alone():
    """In a .txt a paragraph is one long line: a short line after a heading is no part of it."""
    text = ("某某市2030年国民经济和社会发展计划执行情况的报告\n各位代表：\n一、主要预期目标\n地区生产总值增长5.5%左右\n"
            "全市上下坚持稳中求进工作总基调,推动经济运行持续回升向好,城镇新增就业4.5万人。\n")
    document = parse_document(text, source="plain.txt")
    assert [section.heading for section in document.sections] == ["主要预期目标"]
    assert document.passages[0].text.startswith("地区生产总值增长5.5%左右")


def test_a_header_printed_in_a_narrow_column_gives_the_reports_metadata():
    """A newspaper's column prints the header's few lines as many short ones: the title in three,
    printed again broken another way, the meeting line in three (届 alone on one)."""
    text = ("关于某某市2030年国民经济和社会\n发展计划执行情况与2031年国民经\n济和社会发展计划草案的报告\n"
            "发布时间:2031-01-20 0\n9:30  稿件来源:\n"
            "关于某某市2030年国民经济和社会\n发展\n计划执行情况与2031年国民经济和\n"
            "社会发展计划草案的报告\n——2031年1月9日在某某市第八\n届\n人民代表大会第三次会议上\n某某市发展和改革委员会\n"
            "各位代表:\n受市政府委托,现将计划草案提请审议。\n")
    meta = parse_document(text, source="column.txt").meta
    assert meta.title == "关于某某市2030年国民经济和社会发展计划执行情况与2031年国民经济和社会发展计划草案的报告"
    assert (meta.meeting, meta.date, meta.presenter_office) == (
        "某某市第八届人民代表大会第三次会议", "2031-01-09", "某某市发展和改革委员会")
    assert (meta.city, meta.review_year, meta.plan_year) == ("某某市", 2030, 2031)


def test_a_bulletins_office_and_date_lines_are_no_part_of_its_title():
    """某县2030年国民经济和社会发展统计公报 / 某县统计局 / 2031年3月10日: who issues it and when."""
    text = "某县2030年国民经济和社会发展统计公报\n某县统计局\n2031年3月10日\n一、综合\n全年全县生产总值286.45亿元。\n"
    meta = parse_document(text, source="bulletin.txt").meta
    assert (meta.title, meta.presenter_office, meta.date) == (
        "某县2030年国民经济和社会发展统计公报", "某县统计局", "2031-03-10")
    assert (meta.city, meta.review_year) == ("某县", 2030)
    undated = parse_document("某县统计局\n2031年3月\n一、综合\n全年全县生产总值286.45亿元。\n", source="b.txt").meta
    assert undated.title == "某县统计局"  # an office alone opens the page: it is all the title there is
