"""extract: figures as the text states them, on the seed and on reports written for the tests."""

from __future__ import annotations

from graph.extract import extract
from graph.model import FigureKind
from graph.read import read_report

from conftest import FIXTURES


def _figures(document):
    return extract(document).figures


def _one(figures, indicator, kind=FigureKind.OBSERVATION):
    found = [f for f in figures if f.indicator == indicator and f.kind is kind]
    assert len(found) == 1, f"{indicator}: {len(found)} {kind.value}s"
    return found[0]


def _numbers(figure):
    return (figure.value, figure.unit, figure.growth_rate, figure.rank, figure.growth_rank,
            figure.rank_scope, figure.qualifier, figure.period)


def test_seed_headline_figures(seed_document):
    figures = _figures(seed_document)
    expected = {
        "地区生产总值": ("1815.0", "亿元", "3.2", 8, None, "全省", None, "2025"),
        "一产增加值": ("119.7", "亿元", "3.7", None, None, None, None, "2025"),
        "三产增加值": ("1125.4", "亿元", "3.9", None, None, None, None, "2025"),
        "规模以上工业增加值": (None, None, "4.4", 7, None, "全省", None, "2025"),
        "限额以上社会消费品零售额": ("234.8", "亿元", "3.7", 6, 5, "全省", None, "2025"),
        "固定资产投资": ("733.9", "亿元", "3.3", None, 7, "全省", None, "2025"),
        "一般公共预算收入": ("175.4", "亿元", "-6.8", 6, 7, "全省", None, "2025"),
        "各项贷款余额": ("3187.22", "亿元", "9.2", None, None, None, None, "2025"),
        "农村居民人均可支配收入": ("17291", "元", "5.9", None, 4, "全省", None, "2025"),
        "新能源和可再生能源装机占比": ("57.7", "%", None, None, None, None, "以上", "2025"),
        "算力产业投资总额": ("700", "亿元", None, None, None, None, "超过", "2025"),
        "PM2.5平均浓度": ("23", "微克/立方米", None, None, None, None, None, "2025"),
    }
    for indicator, numbers in expected.items():
        assert _numbers(_one(figures, indicator)) == numbers, indicator


def test_seed_targets_of_the_coming_year(seed_document):
    figures = _figures(seed_document)
    targets = {f.indicator: f for f in figures if f.kind is FigureKind.TARGET}
    assert set(targets) == {"地区生产总值", "固定资产投资", "社会消费品零售总额", "进出口总额",
                            "居民消费价格", "城镇新增就业人数"}
    assert {f.target_year for f in targets.values()} == {2026}
    assert (targets["地区生产总值"].growth_rate, targets["地区生产总值"].value) == ("5", None)
    assert (targets["居民消费价格"].growth_rate, targets["居民消费价格"].qualifier) == ("2", "左右")
    assert (targets["城镇新增就业人数"].value, targets["城镇新增就业人数"].unit) == ("4.3", "万人")


def test_no_figure_from_names_counts_or_ordinals(seed_document):
    figures = _figures(seed_document)
    units = {f.unit for f in figures}
    assert "万千瓦" not in units  # 2×100万千瓦 is the capacity in two projects' names
    assert "千伏" not in units  # 1000千伏特高压 names a power line
    assert not any(f.indicator in ("", "第三届") for f in figures)
    for figure in figures:
        clause = seed_document.text[figure.start:figure.end]
        for number in (figure.value, figure.growth_rate):
            if number is not None:
                assert number.lstrip("-") in clause, (number, clause)


def test_changzhi_phrasing():
    document = read_report(FIXTURES / "changzhi-plan-report.txt")
    figures = _figures(document)
    # full-width digits, 比上年增长, 居全省第4位
    assert _numbers(_one(figures, "地区生产总值")) == ("2350.6", "亿元", "5.1", 4, None, "全省", None, "2024")
    # 增速位列全省第二: a Chinese-numeral rank of the growth rate
    assert _numbers(_one(figures, "规模以上工业增加值")) == (None, None, "6.2", None, 2, "全省", None, "2024")
    # a sentence broken over three lines, and 下降 as a negative growth
    assert _numbers(_one(figures, "一般公共预算收入")) == ("268.3", "亿元", "-2.5", None, None, None, None, "2024")
    assert _one(figures, "社会消费品零售总额").qualifier == "突破"
    assert _one(figures, "城镇居民人均可支配收入").qualifier == "左右"
    target = _one(figures, "规模以上工业增加值", FigureKind.TARGET)
    assert (target.growth_rate, target.qualifier, target.target_year) == ("6", "以上", 2025)
    jobs = _one(figures, "城镇新增就业", FigureKind.TARGET)
    assert (jobs.value, jobs.unit, jobs.qualifier) == ("3.5", "万人", "以上")
    # 新开工项目126个 counts projects: not an indicator this extractor can name
    assert not any(f.value == "126" for f in figures)


def test_linxian_phrasing():
    document = read_report(FIXTURES / "linxian-work-report.txt")
    figures = _figures(document)
    # 完成158.2亿元、同比增长4.3%: the growth after 、 belongs to the same figure
    assert _numbers(_one(figures, "生产总值")) == ("158.2", "亿元", "4.3", None, None, None, None, "2024")
    assert _numbers(_one(figures, "固定资产投资")) == (None, None, "-3.1", None, 1, "全市", None, "2024")
    assert _one(figures, "优良天数").qualifier == "以上"
    target = _one(figures, "农村居民人均可支配收入", FigureKind.TARGET)
    assert (target.growth_rate, target.target_year) == ("7", 2025)
    assert _one(figures, "生产总值", FigureKind.TARGET).qualifier == "左右"
