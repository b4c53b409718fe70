"""extract: figures exactly as the text states them, on the seed and on reports written for the tests.

The seed's figures are listed sentence by sentence below, read off the report by hand: each row is
the text of the figure (its span in the file), observation (o) or target (t), the indicator as
written, and every number and note the figure carries. The extractor must give these and nothing
else.
"""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import FIDELITY_REPORTS, FIXTURES

from graph.extract import extract
from graph.extract.quantities import find_quantities
from graph.model import FigureKind
from graph.numerals import chinese_to_int, to_ascii_digits
from graph.read import read_report

FIELDS = ("value", "unit", "ratio", "multiple", "growth_rate", "point_change", "rank", "growth_rank",
          "rank_scope", "rank_note", "share_of_target", "qualifier", "period", "target_year",
          "parent_indicator")

SEED_FIGURES = [
    ('全市地区生产总值完成1815.0亿元，同比增长3.2%，全省排名第8', 'o', '地区生产总值', {'value': '1815.0', 'unit': '亿元', 'growth_rate': '3.2', 'rank': 8, 'rank_scope': '全省', 'period': '2025'}),
    ('一产增加值完成119.7亿元，同比增长3.7%', 'o', '一产增加值', {'value': '119.7', 'unit': '亿元', 'growth_rate': '3.7', 'period': '2025'}),
    ('二产增加值完成569.9亿元，同比增长1.3%', 'o', '二产增加值', {'value': '569.9', 'unit': '亿元', 'growth_rate': '1.3', 'period': '2025'}),
    ('三产增加值完成1125.4亿元，同比增长3.9%', 'o', '三产增加值', {'value': '1125.4', 'unit': '亿元', 'growth_rate': '3.9', 'period': '2025'}),
    ('全市规模以上工业增加值同比增长4.4%，全省排名第7', 'o', '规模以上工业增加值', {'growth_rate': '4.4', 'rank': 7, 'rank_scope': '全省', 'period': '2025'}),
    ('煤炭工业增加值同比增长8.1%', 'o', '煤炭工业增加值', {'growth_rate': '8.1', 'period': '2025', 'parent_indicator': '规模以上工业增加值'}),
    ('装备制造业增加值同比增长22.5%', 'o', '装备制造业增加值', {'growth_rate': '22.5', 'period': '2025', 'parent_indicator': '规模以上工业增加值'}),
    ('全市限额以上社会消费品零售额完成234.8亿元，同比增长3.7%，总量全省排名第6，增速全省排名第5', 'o', '限额以上社会消费品零售额', {'value': '234.8', 'unit': '亿元', 'growth_rate': '3.7', 'rank': 6, 'growth_rank': 5, 'rank_scope': '全省', 'period': '2025'}),
    ('全市固定资产投资完成733.9亿元，同比增长3.3%，增速全省排名第7', 'o', '固定资产投资', {'value': '733.9', 'unit': '亿元', 'growth_rate': '3.3', 'growth_rank': 7, 'rank_scope': '全省', 'period': '2025'}),
    ('基础设施投资同比增长78.6%', 'o', '基础设施投资', {'growth_rate': '78.6', 'period': '2025', 'parent_indicator': '固定资产投资'}),
    ('全市一般公共预算收入175.4亿元，同比下降6.8%，总量全省排名第6，增速全省排名第7', 'o', '一般公共预算收入', {'value': '175.4', 'unit': '亿元', 'growth_rate': '-6.8', 'rank': 6, 'growth_rank': 7, 'rank_scope': '全省', 'period': '2025'}),
    ('全市各项存款余额5248.61亿元，同比增长4.5%', 'o', '各项存款余额', {'value': '5248.61', 'unit': '亿元', 'growth_rate': '4.5', 'period': '2025'}),
    ('各项贷款余额3187.22亿元，同比增长9.2%', 'o', '各项贷款余额', {'value': '3187.22', 'unit': '亿元', 'growth_rate': '9.2', 'period': '2025'}),
    ('全市城镇居民人均可支配收入44454元，同比增长3.6%，增速全省排名第7', 'o', '城镇居民人均可支配收入', {'value': '44454', 'unit': '元', 'growth_rate': '3.6', 'growth_rank': 7, 'rank_scope': '全省', 'period': '2025'}),
    ('农村居民人均可支配收入17291元，同比增长5.9%，增速全省排名第4', 'o', '农村居民人均可支配收入', {'value': '17291', 'unit': '元', 'growth_rate': '5.9', 'growth_rank': 4, 'rank_scope': '全省', 'period': '2025'}),
    ('全市城镇新增就业41825人，完成年度目标的95.06%', 'o', '城镇新增就业', {'value': '41825', 'unit': '人', 'share_of_target': '95.06', 'period': '2025'}),
    ('居民消费价格涨幅0.4%', 'o', '居民消费价格', {'growth_rate': '0.4', 'period': '2025'}),
    ('累计发放补贴8.41亿元', 'o', '发放补贴', {'value': '8.41', 'unit': '亿元', 'period': '2025'}),
    ('直接拉动消费61.3亿元', 'o', '直接拉动消费', {'value': '61.3', 'unit': '亿元', 'period': '2025'}),
    ('杠杆率达到1:7.3', 'o', '杠杆率', {'ratio': '1:7.3', 'period': '2025'}),
    ('1-12月全市网络零售额达55.2亿元，同比增长26.9%，增速居全省前列', 'o', '网络零售额', {'value': '55.2', 'unit': '亿元', 'growth_rate': '26.9', 'rank_note': '增速全省前列', 'period': '2025'}),
    ('全年新增“三晋老字号”3家', 'o', '新增三晋老字号', {'value': '3', 'unit': '家', 'period': '2025'}),
    ('省级重点工程开工复工率、申报入统投资占年度投资比重两项指标均位列全省第一方阵', 'o', '开工复工率、申报入统投资占年度投资比重两项指标', {'rank_note': '全省第一方阵', 'period': '2025'}),
    ('全年完成原煤生产达1.5亿吨以上', 'o', '原煤生产', {'value': '1.5', 'unit': '亿吨', 'qualifier': '以上', 'period': '2025'}),
    ('累计建成智能化煤矿15座', 'o', '建成智能化煤矿', {'value': '15', 'unit': '座', 'period': '2025'}),
    ('智能化产能占比提升至66.7%', 'o', '智能化产能占比', {'value': '66.7', 'unit': '%', 'period': '2025'}),
    ('新能源和可再生能源装机占比达57.7%以上', 'o', '新能源和可再生能源装机占比', {'value': '57.7', 'unit': '%', 'qualifier': '以上', 'period': '2025'}),
    ('7个新型储能项目', 'o', '新型储能项目', {'value': '7', 'unit': '个', 'period': '2025'}),
    ('主体工程及其配套的8个输变电工程', 'o', '输变电工程', {'value': '8', 'unit': '个', 'period': '2025'}),
    ('输变电工程已开工6个', 'o', '输变电工程开工', {'value': '6', 'unit': '个', 'period': '2025'}),
    ('全市算力产业投资总额已超过700亿元', 'o', '算力产业投资总额', {'value': '700', 'unit': '亿元', 'qualifier': '超过', 'period': '2025'}),
    ('建成标准机架超33万架', 'o', '建成标准机架', {'value': '33', 'unit': '万架', 'qualifier': '超', 'period': '2025'}),
    ('投运服务器近75万台', 'o', '投运服务器', {'value': '75', 'unit': '万台', 'qualifier': '近', 'period': '2025'}),
    ('整体上架率超过90%', 'o', '整体上架率', {'value': '90', 'unit': '%', 'qualifier': '超过', 'period': '2025'}),
    ('全市138个数字经济核心企业', 'o', '数字经济核心企业', {'value': '138', 'unit': '个', 'period': '2025'}),
    ('数字经济核心企业营收突破180亿元，同比增长40%以上', 'o', '数字经济核心企业营收', {'value': '180', 'unit': '亿元', 'growth_rate': '40', 'qualifier': '突破', 'period': '2025'}),
    ('实现产值30亿元', 'o', '产值', {'value': '30', 'unit': '亿元', 'period': '2025'}),
    ('已引育企业71家', 'o', '引育企业', {'value': '71', 'unit': '家', 'period': '2025'}),
    ('吸纳从业人员3.3万人次', 'o', '吸纳从业人员', {'value': '3.3', 'unit': '万人次', 'period': '2025'}),
    ('数据标注相关产业营收达9.5亿元', 'o', '数据标注相关产业营收', {'value': '9.5', 'unit': '亿元', 'period': '2025'}),
    ('8家重点监测景区', 'o', '重点监测景区', {'value': '8', 'unit': '家', 'period': '2025'}),
    ('重点监测景区累计接待游客2021.73万人次，同比增长14.67%', 'o', '接待游客', {'value': '2021.73', 'unit': '万人次', 'growth_rate': '14.67', 'period': '2025'}),
    ('实现门票收入74954.65万元，同比增长18.75%', 'o', '门票收入', {'value': '74954.65', 'unit': '万元', 'growth_rate': '18.75', 'period': '2025'}),
    ('云冈、恒山景区年游客接待量分别突破528万人次', 'o', '云冈景区年游客接待量', {'value': '528', 'unit': '万人次', 'qualifier': '突破', 'period': '2025'}),
    ('441万人次', 'o', '恒山景区年游客接待量', {'value': '441', 'unit': '万人次', 'period': '2025'}),
    ('大同古城单日最高游客接待量突破40万人次', 'o', '大同古城单日最高游客接待量', {'value': '40', 'unit': '万人次', 'qualifier': '突破', 'period': '2025'}),
    ('1-12月三大剧目共接待游客59.8万人次', 'o', '接待游客', {'value': '59.8', 'unit': '万人次', 'period': '2025'}),
    ('实现收入4828.47万元', 'o', '收入', {'value': '4828.47', 'unit': '万元', 'period': '2025'}),
    ('星动云中、中华健儿两场演唱会吸引游客5.6万人次', 'o', '吸引游客', {'value': '5.6', 'unit': '万人次', 'period': '2025'}),
    ('门票营收超过1900万元', 'o', '门票营收', {'value': '1900', 'unit': '万元', 'qualifier': '超过', 'period': '2025'}),
    ('文瀛湖冰雪欢乐季等冬季产品营收约913.55万元', 'o', '文瀛湖冰雪欢乐季等冬季产品营收', {'value': '913.55', 'unit': '万元', 'qualifier': '约', 'period': '2025'}),
    ('全年营收约8200万元', 'o', '营收', {'value': '8200', 'unit': '万元', 'qualifier': '约', 'period': '2025'}),
    ('培育基础级智能工厂5家', 'o', '培育基础级智能工厂', {'value': '5', 'unit': '家', 'period': '2025'}),
    ('省级先进级3家', 'o', '培育省级先进级智能工厂', {'value': '3', 'unit': '家', 'period': '2025'}),
    ('经开区医药特色专业镇实现营收92.3亿元，同比增长9.6%', 'o', '经开区医药特色专业镇营收', {'value': '92.3', 'unit': '亿元', 'growth_rate': '9.6', 'period': '2025'}),
    ('展会期间达成合作金额超360亿元', 'o', '达成合作金额', {'value': '360', 'unit': '亿元', 'qualifier': '超', 'period': '2025'}),
    ('实现“十六连丰', 'o', '连丰', {'value': '16', 'period': '2025'}),
    ('实施玉米单产提升工程20万亩', 'o', '实施玉米单产提升工程', {'value': '20', 'unit': '万亩', 'period': '2025'}),
    ('创建“吨良田”13万亩', 'o', '创建吨良田', {'value': '13', 'unit': '万亩', 'period': '2025'}),
    ('有机旱作膜下滴灌推广规模居全国领先', 'o', '有机旱作膜下滴灌推广规模', {'rank_note': '全国领先', 'period': '2025'}),
    ('新建高标准农田3.34万亩', 'o', '新建高标准农田', {'value': '3.34', 'unit': '万亩', 'period': '2025'}),
    ('新发展设施蔬菜2.1万亩', 'o', '新发展设施蔬菜', {'value': '2.1', 'unit': '万亩', 'period': '2025'}),
    ('市属国有企业实现营收38.5亿元、同比增长11.5%', 'o', '市属国有企业营收', {'value': '38.5', 'unit': '亿元', 'growth_rate': '11.5', 'period': '2025'}),
    ('民营企业达25.3万户', 'o', '民营企业', {'value': '25.3', 'unit': '万户', 'period': '2025'}),
    ('新增3270户', 'o', '新增民营企业', {'value': '3270', 'unit': '户', 'period': '2025'}),
    ('走访企业30.7万户次', 'o', '走访企业', {'value': '30.7', 'unit': '万户次', 'period': '2025'}),
    ('发放贷款376亿元', 'o', '发放贷款', {'value': '376', 'unit': '亿元', 'period': '2025'}),
    ('项目平均建设周期缩短超过15%', 'o', '项目平均建设周期', {'growth_rate': '-15', 'qualifier': '超过', 'period': '2025'}),
    ('审批总时限压缩至34个工作日', 'o', '审批总时限', {'value': '34', 'unit': '个工作日', 'period': '2025'}),
    ('推动48项“一件事”服务', 'o', '推动一件事服务', {'value': '48', 'unit': '项', 'period': '2025'}),
    ('新增四条国际和地区直飞航线', 'o', '新增国际和地区直飞航线', {'value': '4', 'unit': '条', 'period': '2025'}),
    ('年出入境吞吐量达5.96万人次', 'o', '年出入境吞吐量', {'value': '5.96', 'unit': '万人次', 'period': '2025'}),
    ('全年累计开行中欧(亚)班列48列', 'o', '开行中欧(亚)班列', {'value': '48', 'unit': '列', 'period': '2025'}),
    ('保税物流中心(B型)进出口7.44亿元，同比增长92.7%', 'o', '保税物流中心(B型)进出口', {'value': '7.44', 'unit': '亿元', 'growth_rate': '92.7', 'period': '2025'}),
    ('培育4个专业化跨境电商园区', 'o', '培育专业化跨境电商园区', {'value': '4', 'unit': '个', 'period': '2025'}),
    ('引导588家跨境电商企业', 'o', '引导跨境电商企业', {'value': '588', 'unit': '家', 'period': '2025'}),
    ('全市进出口总额完成47亿元人民币，同比增长5%', 'o', '进出口总额', {'value': '47', 'unit': '亿元人民币', 'growth_rate': '5', 'period': '2025'}),
    ('挂牌后新增入驻企业73家', 'o', '新增入驻企业', {'value': '73', 'unit': '家', 'period': '2025'}),
    ('总量达109家', 'o', '入驻企业总量', {'value': '109', 'unit': '家', 'period': '2025'}),
    ('核心区厂房使用率72.4%', 'o', '核心区厂房使用率', {'value': '72.4', 'unit': '%', 'period': '2025'}),
    ('全年新增省级新型研发机构2家', 'o', '新增省级新型研发机构', {'value': '2', 'unit': '家', 'period': '2025'}),
    ('培育认定市级创新平台6家', 'o', '培育认定市级创新平台', {'value': '6', 'unit': '家', 'period': '2025'}),
    ('推荐77家企业', 'o', '推荐企业', {'value': '77', 'unit': '家', 'period': '2025'}),
    ('2540户城镇老旧小区改造', 'o', '城镇老旧小区改造', {'value': '2540', 'unit': '户', 'period': '2025'}),
    ('21项城建工程', 'o', '城建工程', {'value': '21', 'unit': '项', 'period': '2025'}),
    ('105个重点项目', 'o', '重点项目', {'value': '105', 'unit': '个', 'period': '2025'}),
    ('建设25个精品示范村', 'o', '建设精品示范村', {'value': '25', 'unit': '个', 'period': '2025'}),
    ('200个提档升级村', 'o', '建设提档升级村', {'value': '200', 'unit': '个', 'period': '2025'}),
    ('实施1291个产业项目', 'o', '实施产业项目', {'value': '1291', 'unit': '个', 'period': '2025'}),
    ('232个帮扶车间', 'o', '帮扶车间', {'value': '232', 'unit': '个', 'period': '2025'}),
    ('帮扶车间吸纳8096人', 'o', '帮扶车间吸纳', {'value': '8096', 'unit': '人', 'period': '2025'}),
    # 三项指标均居全省首位: the three figures before it, each first in the province
    ('全市环境空气质量综合指数3.26', 'o', '环境空气质量综合指数', {'value': '3.26', 'rank': 1, 'rank_scope': '全省', 'period': '2025'}),
    ('PM2.5平均浓度降至23微克/立方米', 'o', 'PM2.5平均浓度', {'value': '23', 'unit': '微克/立方米', 'rank': 1, 'rank_scope': '全省', 'period': '2025'}),
    ('优良天数334天，三项指标均居全省首位', 'o', '优良天数', {'value': '334', 'unit': '天', 'rank': 1, 'rank_scope': '全省', 'period': '2025'}),
    ('8个国考断面', 'o', '国考断面', {'value': '8', 'unit': '个', 'period': '2025'}),
    ('提供就业岗位17.38万个', 'o', '提供就业岗位', {'value': '17.38', 'unit': '万个', 'period': '2025'}),
    ('完成职业技能培训1.52万人', 'o', '职业技能培训', {'value': '1.52', 'unit': '万人', 'period': '2025'}),
    ('全市新增就业4.4万人', 'o', '新增就业', {'value': '4.4', 'unit': '万人', 'period': '2025'}),
    ('建立起1944个基层服务点', 'o', '建立起基层服务点', {'value': '1944', 'unit': '个', 'period': '2025'}),
    ('全年累计业务近70万笔', 'o', '业务', {'value': '70', 'unit': '万笔', 'qualifier': '近', 'period': '2025'}),
    ('为1.3万余名人员', 'o', '人员', {'value': '1.3', 'unit': '万名', 'qualifier': '余', 'period': '2025'}),
    ('脱贫和低收入人口参保率达100%', 'o', '脱贫和低收入人口参保率', {'value': '100', 'unit': '%', 'period': '2025'}),
    ('职工医保筹资标准提至192元/年', 'o', '职工医保筹资标准', {'value': '192', 'unit': '元/年', 'period': '2025'}),
    ('支付限额升至58万元', 'o', '支付限额', {'value': '58', 'unit': '万元', 'period': '2025'}),
    ('改扩建3所公办园', 'o', '改扩建公办园', {'value': '3', 'unit': '所', 'period': '2025'}),
    ('扶持2所普惠性民办园', 'o', '扶持普惠性民办园', {'value': '2', 'unit': '所', 'period': '2025'}),
    ('改扩建5所寄宿制学校', 'o', '改扩建寄宿制学校', {'value': '5', 'unit': '所', 'period': '2025'}),
    ('增加普通高中学位3450个', 'o', '增加普通高中学位', {'value': '3450', 'unit': '个', 'period': '2025'}),
    ('新增综合高中班学位1400个', 'o', '新增综合高中班学位', {'value': '1400', 'unit': '个', 'period': '2025'}),
    ('6所县域高中', 'o', '县域高中', {'value': '6', 'unit': '所', 'period': '2025'}),
    ('新增国家级临床重点专科1个', 'o', '新增国家级临床重点专科', {'value': '1', 'unit': '个', 'period': '2025'}),
    ('省级2个', 'o', '新增省级临床重点专科', {'value': '2', 'unit': '个', 'period': '2025'}),
    ('市级扩增至36个', 'o', '市级临床重点专科', {'value': '36', 'unit': '个', 'period': '2025'}),
    ('累计服务患者137万人次', 'o', '服务患者', {'value': '137', 'unit': '万人次', 'period': '2025'}),
    ('地区生产总值增长5%', 't', '地区生产总值', {'growth_rate': '5', 'period': '2026', 'target_year': 2026}),
    ('固定资产投资增长5%', 't', '固定资产投资', {'growth_rate': '5', 'period': '2026', 'target_year': 2026}),
    ('社会消费品零售总额增长5%', 't', '社会消费品零售总额', {'growth_rate': '5', 'period': '2026', 'target_year': 2026}),
    ('进出口总额增长3%', 't', '进出口总额', {'growth_rate': '3', 'period': '2026', 'target_year': 2026}),
    ('居民消费价格涨幅2%左右', 't', '居民消费价格', {'growth_rate': '2', 'qualifier': '左右', 'period': '2026', 'target_year': 2026}),
    ('城镇新增就业人数4.3万人', 't', '城镇新增就业人数', {'value': '4.3', 'unit': '万人', 'period': '2026', 'target_year': 2026}),
    ('全市城镇新增就业41825人，完成年度目标的95.06%', 't', '城镇新增就业', {'period': '2025', 'target_year': 2025}),
    ('“2025年康养城市排行榜百强”第49名', 'o', '康养城市排行榜百强', {'rank': 49, 'rank_scope': '2025年康养城市排行榜百强', 'period': '2025'}),
    ('共开发7大类75种产品', 'o', '开发产品', {'value': '75', 'unit': '种', 'period': '2025'}),
]


def _rows(document):
    rows = []
    for figure in extract(document).figures:
        fields = {name: getattr(figure, name) for name in FIELDS if getattr(figure, name) is not None}
        text = document.text[figure.start:figure.end].replace("\n", "")
        rows.append((text, figure.kind.value[0], figure.indicator, tuple(sorted(fields.items()))))
    return rows


def _expected(rows):
    return [(text, kind, indicator, tuple(sorted(fields.items()))) for text, kind, indicator, fields in rows]


def test_every_seed_figure_once_as_the_report_states_it(seed_document):
    found = Counter(_rows(seed_document))
    expected = Counter(_expected(SEED_FIGURES))
    assert found - expected == Counter(), "found but not in the report's list"
    assert expected - found == Counter(), "in the report's list but not found"


def _written(number: str) -> set[str]:
    """The ways a number may stand in the text: as written, or in Chinese numerals."""
    forms = {number}
    if number.isdigit():
        forms |= {ch for ch in "一二两三四五六七八九十" if chinese_to_int(ch) == int(number)}
        forms |= {"十六"} if number == "16" else set()
    return forms


@pytest.mark.parametrize("path", [None, *sorted(FIXTURES.glob("*.txt")), *FIDELITY_REPORTS],
                         ids=lambda p: p.name if p else "seed")
def test_every_number_written_is_in_its_sentence(path, seed_document):
    document = seed_document if path is None else read_report(path)
    for figure in extract(document).figures:
        sentence = to_ascii_digits(document.passages[figure.passage].text)  # ２３５０.６ is 2350.6
        for name in ("value", "growth_rate", "point_change", "share_of_target", "multiple", "ratio"):
            number = getattr(figure, name)
            if number is not None:
                bare = number.lstrip("-")
                assert any(form in sentence for form in _written(bare)), (name, number, sentence)


def test_no_figure_from_years_dates_ordinals_or_names():
    for text in ("2025年，全市上下奋力拼搏", "2026年1月20日在第十六届人民代表大会第六次会议上",
                 "成功晋级第三届博览会", "入选国家第二批名单", "两个2×100万千瓦煤电项目",
                 "PM2.5浓度", "T1000级碳纤维", "2025中国算力大会", "紫泥369品牌", "位列全省第一方阵"):
        assert [q.number for q in find_quantities(text)] == [], text


def test_capacity_in_a_name_gives_no_figure(seed_document):
    units = {f.unit for f in extract(seed_document).figures}
    assert "万千瓦" not in units and "千伏" not in units


def test_units_normalise_for_comparison(seed_document):
    figures = {f.indicator: f for f in extract(seed_document).figures if f.kind is FigureKind.OBSERVATION}
    assert (figures["地区生产总值"].normalized_value, figures["地区生产总值"].normalized_unit) == ("181500000000", "yuan")
    assert (figures["门票收入"].normalized_value, figures["门票收入"].normalized_unit) == ("749546500", "yuan")
    assert figures["优良天数"].normalized_unit == "days"
    assert (figures["投运服务器"].normalized_value, figures["投运服务器"].normalized_unit) == ("750000", "machines")
    assert figures["杠杆率"].normalized_value is None  # a ratio has no unit to scale


def _table(path):
    return {(f.kind.value[0], f.indicator): f for f in extract(read_report(FIXTURES / path)).figures}


def test_changzhi_plan_report():
    figures = _table("changzhi-plan-report.txt")
    gdp = figures["o", "地区生产总值"]  # full-width digits, 比上年增长, 居全省第4位
    assert (gdp.value, gdp.unit, gdp.growth_rate, gdp.rank, gdp.rank_scope, gdp.period) == (
        "2350.6", "亿元", "5.1", 4, "全省", "2024")
    industry = figures["o", "规模以上工业增加值"]  # 增速位列全省第二: a Chinese-numeral rank of growth
    assert (industry.growth_rate, industry.growth_rank, industry.rank) == ("6.2", 2, None)
    revenue = figures["o", "一般公共预算收入"]  # broken over three lines; 下降 is negative
    assert (revenue.value, revenue.growth_rate) == ("268.3", "-2.5")
    assert figures["o", "社会消费品零售总额"].qualifier == "突破"
    assert figures["o", "城镇居民人均可支配收入"].qualifier == "左右"
    assert figures["o", "新开工项目完成投资"].qualifier == "约"  # 新开工项目126个，完成投资约320亿元: theirs
    target = figures["t", "规模以上工业增加值"]
    assert (target.growth_rate, target.qualifier, target.target_year) == ("6", "以上", 2025)
    jobs = figures["t", "城镇新增就业"]
    assert (jobs.value, jobs.unit, jobs.qualifier) == ("3.5", "万人", "以上")
    assert figures["o", "新开工项目"].value == "126"  # 全年新开工项目126个: a verb and its object


def test_linxian_work_report():
    figures = _table("linxian-work-report.txt")
    output = figures["o", "生产总值"]  # 完成158.2亿元、同比增长4.3%
    assert (output.value, output.growth_rate, output.period) == ("158.2", "4.3", "2024")
    investment = figures["o", "固定资产投资"]
    assert (investment.growth_rate, investment.growth_rank, investment.rank_scope) == ("-3.1", 1, "全市")
    assert figures["o", "优良天数"].qualifier == "以上"
    assert (figures["t", "农村居民人均可支配收入"].growth_rate, figures["t", "生产总值"].qualifier) == ("7", "左右")


def test_yulin_plan_report():
    figures = _table("yulin-plan-report.txt")
    output = figures["o", "生产总值"]  # 总量居全省第二位，增速位居全省首位
    assert (output.rank, output.growth_rank, output.rank_scope) == (2, 1, "全省")
    industry = figures["o", "规模以上工业增加值"]  # 前三季度 … 提高0.8个百分点
    assert (industry.growth_rate, industry.point_change, industry.period) == ("7.3", "0.8", "2023-Q1/2023-Q3")
    unemployment = figures["o", "城镇调查失业率"]  # a rate, and a fall in points
    assert (unemployment.value, unemployment.unit, unemployment.point_change) == ("4.9", "%", "-0.5")
    retail = figures["o", "社会消费品零售总额"]  # 1-11月, full-width ％, 增速居全省前列
    assert (retail.period, retail.growth_rate, retail.rank_note) == ("2023-01/2023-11", "5.6", "增速全省前列")
    assert figures["o", "金融机构各项贷款余额"].period == "2023-01/2023-11"  # 截至11月底
    assert figures["o", "外贸进出口总额"].multiple == "2"  # 是上年的两倍
    assert figures["o", "新增国家级专精特新小巨人企业"].value == "2"  # 新增两家
    assert figures["o", "新认定高新技术企业"].value == "158"
    assert "万千瓦" not in {f.unit for k, f in figures.items() if f.value == "35"}  # 2×35万千瓦 names a unit
    assert not any(f.value == "10" for f in figures.values())  # 第十届
    assert (figures["t", "城镇调查失业率"].value, figures["t", "城镇调查失业率"].qualifier) == ("5.5", "以内")
    assert figures["t", "新开工亿元以上项目"].value == "300"  # 力争 in the tasks: a target
    assert (figures["t", "固定资产投资"].growth_rate, figures["t", "固定资产投资"].qualifier) == ("8", "以上")


def test_share_of_target_records_the_implied_target():
    figures = extract(read_report(FIXTURES / "changzhi-2025-review.txt")).figures
    observed = next(f for f in figures if f.kind is FigureKind.OBSERVATION and f.indicator == "规模以上工业增加值")
    assert (observed.growth_rate, observed.share_of_target) == ("6.4", "106.7")
    implied = next(f for f in figures if f.kind is FigureKind.TARGET and f.indicator == "规模以上工业增加值")
    assert (implied.target_year, implied.value, implied.growth_rate) == (2025, None, None)


def test_shaoguan_work_report():
    """Written after the extractor, to see how it does on phrasing it had not met."""
    figures = _table("shaoguan-work-report.txt")
    gdp = figures["o", "地区生产总值"]  # 增速排全省第6位
    assert (gdp.value, gdp.growth_rate, gdp.growth_rank) == ("1614.2", "4.6", 6)
    retail = figures["o", "社会消费品零售总额"]  # 增长5.9%，达到823.5亿元: the value after the growth
    assert (retail.growth_rate, retail.value, retail.unit) == ("5.9", "823.5", "亿元")
    assert figures["o", "一般公共预算收入"].growth_rate == "4.1"  # 同口径增长
    # 城乡居民人均可支配收入分别增长4.2%和6.8%: urban and rural, each its own rate
    assert figures["o", "城镇居民人均可支配收入"].growth_rate == "4.2"
    assert figures["o", "农村居民人均可支配收入"].growth_rate == "6.8"
    # 接待游客3240万人次、旅游总收入280亿元，分别增长35%和40%
    assert (figures["o", "接待游客"].value, figures["o", "接待游客"].growth_rate) == ("3240", "35")
    assert (figures["o", "旅游总收入"].value, figures["o", "旅游总收入"].growth_rate) == ("280", "40")
    assert figures["o", "森林覆盖率"].value == "74.4"  # 保持在
    assert figures["t", "规上工业增加值"].growth_rate == "7"


@pytest.mark.parametrize("path", [None, *sorted(FIXTURES.glob("*.txt")), *FIDELITY_REPORTS],
                         ids=lambda p: p.name if p else "seed")
def test_every_figure_has_a_span_of_its_own(path, seed_document):
    """Two figures with one span would be one node in the graph."""
    document = seed_document if path is None else read_report(path)
    spans = Counter((f.kind, f.start, f.end) for f in extract(document).figures)
    assert [span for span, count in spans.items() if count > 1] == []


def _figures_of(text: str, source: str = "report.txt"):
    from graph.read import parse_document

    return extract(parse_document(text, source=source)).figures


def _by_indicator(figures, kind):
    return {f.indicator: f for f in figures if f.kind is kind}


def test_goals_after_a_goal_cue_are_targets_through_the_whole_sentence():
    """主要预期目标是: … ; … ; … : every clause of the sentence, cut at ; into passages, is a goal."""
    figures = _figures_of(
        "2023年某市政府工作报告\n\n"
        "经济社会发展主要预期目标是:地区生产总值增长7%以上;一般公共预算收入增长8%左右;"
        "城乡居民人均可支配收入分别增长6.5%左右和7%以上;居民消费价格涨幅控制在2.5%左右;"
        "城镇调查失业率控制在4.5%以内。\n")
    targets = _by_indicator(figures, FigureKind.TARGET)
    assert not [f for f in figures if f.kind is FigureKind.OBSERVATION]
    assert (targets["地区生产总值"].growth_rate, targets["地区生产总值"].qualifier) == ("7", "以上")
    assert (targets["一般公共预算收入"].growth_rate, targets["一般公共预算收入"].qualifier) == ("8", "左右")
    assert (targets["城镇居民人均可支配收入"].growth_rate, targets["城镇居民人均可支配收入"].qualifier) == ("6.5", "左右")
    assert (targets["农村居民人均可支配收入"].growth_rate, targets["农村居民人均可支配收入"].qualifier) == ("7", "以上")
    assert (targets["居民消费价格"].growth_rate, targets["居民消费价格"].qualifier) == ("2.5", "左右")
    assert (targets["城镇调查失业率"].value, targets["城镇调查失业率"].qualifier) == ("4.5", "以内")
    assert {f.target_year for f in targets.values()} == {2023}


def test_a_goal_stated_in_news_takes_its_year_from_the_sentence():
    figures = _figures_of(
        "某市人代会开幕\n\n会上,市长作政府工作报告。\n\n"
        "报告提出,2024年全市经济社会发展主要预期目标是规模以上工业增加值增长8.5%,地区生产总值增长6.5%以上。\n")
    targets = _by_indicator(figures, FigureKind.TARGET)
    assert set(targets) == {"地区生产总值", "规模以上工业增加值"}  # the words naming the goal are not its name
    assert {f.target_year for f in targets.values()} == {2024}


def test_a_goal_of_a_named_city_is_about_that_city():
    targets = _by_indicator(_figures_of(
        "某地新闻\n\n政府工作报告提出,在发展目标方面,2025年忻州市GDP增长6%左右,物价涨幅控制在2%左右。\n"),
        FigureKind.TARGET)
    assert (targets["GDP"].growth_rate, targets["GDP"].ref_area, targets["GDP"].target_year) == ("6", "忻州市", 2025)
    assert targets["物价"].growth_rate == "2"


def test_an_estimate_of_the_year_past_is_an_observation_and_a_goal_without_a_year_is_left_out():
    figures = _figures_of("某市工作报告\n\n一、过去一年工作回顾\n\n预计全年实现地区生产总值3860亿元左右。\n\n"
                          "力争地区生产总值增长6%。\n")
    assert [(f.kind, f.indicator, f.value) for f in figures] == [(FigureKind.OBSERVATION, "地区生产总值", "3860")]


def test_a_change_against_a_base_is_a_figure_of_its_own():
    """较一季度提高0.8个百分点, 高于全国0.6个百分点, 比上年减少2816亩: each a stated number, named by what
    changed and against what; the figure it changes keeps its own numbers (and its pointChange)."""
    figures = _figures_of(
        "某市2023年国民经济和社会发展统计公报\n\n"
        "上半年实现地区生产总值2386.4亿元,增长6.3%,较一季度提高0.8个百分点,高于全国0.6个百分点。"
        "粮食播种面积62.47万亩,比上年减少2816亩。全市实现劳务收入94.2亿元,比上年增加5.31亿元,增长5.9%。"
        "常住人口城镇化率为52.6%,比上年提高0.93个百分点;自然增长率比上年下降0.86个千分点。"
        "第二产业比重较上年下降0.7个百分点。居民消费价格总水平上涨2.3%,低于控价目标1.2个百分点。\n")
    found = {f.indicator: f for f in figures}
    assert (found["地区生产总值"].value, found["地区生产总值"].growth_rate) == ("2386.4", "6.3")
    assert (found["地区生产总值增速较一季度提高"].value, found["地区生产总值增速较一季度提高"].unit) == ("0.8", "个百分点")
    assert found["地区生产总值增速高于全国"].value == "0.6"
    assert (found["粮食播种面积比上年减少"].value, found["粮食播种面积比上年减少"].unit) == ("2816", "亩")
    assert (found["劳务收入"].growth_rate, found["劳务收入比上年增加"].value) == ("5.9", "5.31")  # the growth is the income's
    assert found["常住人口城镇化率比上年提高"].value == "0.93"  # a rate's change is its own, not its growth's
    assert (found["自然增长率比上年下降"].value, found["自然增长率比上年下降"].unit) == ("0.86", "个千分点")
    assert found["第二产业比重较上年下降"].value == "0.7" and "第二产业比重" not in found  # no share is stated
    assert found["居民消费价格总水平增速低于控价目标"].value == "1.2"


def test_a_note_in_brackets_after_a_measure():
    figures = {f.indicator: f for f in _figures_of(
        "某市2023年统计公报\n\n固定资产投资(不含农户)下降3.4%。城镇常住人口186.3万人,"
        "占总人口比重(常住人口城镇化率)为56.0%。年末全市户籍总户数98.73万户,户籍人口316.52万人。\n")}
    assert figures["固定资产投资(不含农户)"].growth_rate == "-3.4"
    assert figures["常住人口城镇化率"].value == "56.0"
    assert (figures["年末户籍总户数"].value, figures["户籍人口"].value) == ("98.73", "316.52")


def test_a_list_of_amounts_shares_the_unit_the_last_one_writes():
    """第一、二、三产业增加值分别为86.35、214.7、297.62亿元，分别比上年增长4.1%、8.3%、5.6%."""
    figures = _figures_of("某市2022年统计公报\n\n第一、二、三产业增加值分别为86.35、214.7、297.62亿元,"
                          "分别比上年增长4.1%、8.3%、5.6%。\n")
    assert [(f.indicator, f.value, f.unit, f.growth_rate) for f in figures] == [
        ("第一产业增加值", "86.35", "亿元", "4.1"), ("第二产业增加值", "214.7", "亿元", "8.3"),
        ("第三产业增加值", "297.62", "亿元", "5.6")]
    assert len({(f.start, f.end) for f in figures}) == 3  # three figures, three nodes


def test_figures_listed_with_their_own_growth_and_a_verb_they_share():
    figures = [(f.indicator, f.value, f.growth_rate) for f in _figures_of(
        "某市政府工作报告\n\n全年地区生产总值增长5.7%、规模以上工业增加值增长8.6%、全体居民人均可支配收入增长4.7%。"
        "新增国家科技型中小企业264户、高新技术企业58户、专精特新“小巨人”企业4户。\n")]
    assert figures == [("地区生产总值", None, "5.7"), ("规模以上工业增加值", None, "8.6"),
                       ("全体居民人均可支配收入", None, "4.7"), ("新增国家科技型中小企业", "264", None),
                       ("新增高新技术企业", "58", None), ("新增专精特新小巨人企业", "4", None)]


def test_the_structure_of_three_industries_gives_their_shares():
    figures = [(f.indicator, f.value, f.unit, f.period) for f in _figures_of(
        "某市2019年国民经济和社会发展统计公报\n\n三次产业比例由上年的12.0:45.3:42.7调整为11.3:46.0:42.7。"
        "乡村人口87.42万人,占常住人口的比重为38.5%。\n")]
    assert figures[:6] == [
        ("第一产业占地区生产总值比重", "11.3", None, "2019"), ("第二产业占地区生产总值比重", "46.0", None, "2019"),
        ("第三产业占地区生产总值比重", "42.7", None, "2019"), ("第一产业占地区生产总值比重", "12.0", None, "2018"),
        ("第二产业占地区生产总值比重", "45.3", None, "2018"), ("第三产业占地区生产总值比重", "42.7", None, "2018")]
    assert ("乡村人口占常住人口的比重", "38.5", "%", "2019") in figures  # the share is the figure before's


def test_rates_shared_out_to_names_listed_whole():
    growth = {f.indicator: f.growth_rate for f in _figures_of(
        "某市2023年政府工作报告\n\n一般公共预算总收入、地方一般公共预算收入同口径分别增长3.7%和5.2%。\n")}
    assert growth == {"一般公共预算总收入": "3.7", "地方一般公共预算收入": "5.2"}


def test_places_in_rankings_named_without_quotes():
    ranks = {f.indicator: (f.rank, f.qualifier) for f in _figures_of(
        "某市2023年政府工作报告\n\n位列中国某某城市指数前十强、某某现代化指数第9位、全国数字经济城市第21位。"
        "某市跃居全国工业百强城市第八位。\n")}
    assert ranks == {"中国某某城市指数": (10, "前"), "某某现代化指数": (9, None), "全国数字经济城市": (21, None),
                     "全国工业百强城市": (8, None)}


def test_a_count_ends_where_a_measure_of_what_it_counts_begins():
    figures = [(f.indicator, f.value, f.unit) for f in _figures_of(
        "某市2023年计划\n\n一、2022年执行情况\n\n1836家重点监测企业正常生产率保持92%以上。\n")]
    assert figures == [("重点监测企业", "1836", "家"), ("重点监测企业正常生产率", "92", "%")]


def test_a_threshold_is_part_of_what_is_counted_and_what_the_counted_did_is_theirs():
    figures = [(f.indicator, f.value, f.unit) for f in _figures_of(
        "某区2024年计划执行情况\n\n新开工3亿元以上项目58个,完成年度投资146.3亿元。\n")]
    assert figures == [("新开工3亿元以上项目", "58", "个"), ("新开工3亿元以上项目完成年度投资", "146.3", "亿元")]


def test_notes_quotes_and_counts_of_enterprises_in_a_figures_name():
    figures = {f.indicator: f for f in _figures_of(
        "某区2024年计划执行情况\n\n预计(下同)全年规模以上工业增加值同比(下同)增长8.3%。新增“四上”单位245家。"
        "规模以上工业企业总数突破800家。列入省级重大项目7个。\n")}
    assert figures["规模以上工业增加值"].growth_rate == "8.3"
    assert figures["新增四上单位"].value == "245"  # quotes are not part of a measure's name
    assert (figures["规模以上工业企业总数"].value, figures["规模以上工业企业总数"].qualifier) == ("800", "突破")
    assert figures["列入省级重大项目"].value == "7"


def test_a_word_of_goals_that_opens_a_count_is_what_was_done():
    names = [f.indicator for f in _figures_of(
        "某市政府工作报告\n\n争取增发国债项目43个,获得国债资金58.6亿元。全社会研发投入强度首次超过2.5%。\n")]
    assert names == ["争取增发国债项目", "获得国债资金", "全社会研发投入强度"]


def test_a_running_total_after_what_was_added_is_its_own_figure():
    figures = [(f.indicator, f.value, f.rank) for f in _figures_of(
        "某市2023年上半年计划执行情况的报告\n\n新增4家省级现代服务业集聚区,累计达19家,居全省第2。"
        "全市新增上市公司7家、累计达63家。\n")]
    assert figures == [("新增省级现代服务业集聚区", "4", None), ("省级现代服务业集聚区累计", "19", 2),
                       ("新增上市公司", "7", None), ("上市公司累计", "63", None)]


def test_a_minus_sign_after_wei_is_a_negative_figure():
    figures = [(f.indicator, f.value, f.unit) for f in _figures_of(
        "某市2022年统计公报\n\n自然增长率为-1.26‰。1-11月工业增加值增长5%。\n")]
    assert figures[0] == ("自然增长率", "-1.26", "‰")
    assert all(not (value or "").startswith("-") for _, value, _ in figures[1:])


def test_deposits_and_loans_written_together_are_two_figures():
    figures = [(f.indicator, f.value, f.growth_rate) for f in _figures_of(
        "某市2023年政府工作报告\n\n金融机构本外币存贷款余额分别为27524亿元、19981亿元,增长15.7%、9.6%。"
        "工业用电量和金融机构存、贷款余额分别增长9.6%、11.7%、12.3%。\n")]
    assert figures == [("金融机构本外币存款余额", "27524", "15.7"), ("金融机构本外币贷款余额", "19981", "9.6"),
                       ("工业用电量", None, "9.6"), ("金融机构存款余额", None, "11.7"),
                       ("金融机构贷款余额", None, "12.3")]


def test_the_three_industries_listed_share_out_rates_and_contributions():
    figures = [(f.indicator, f.value, f.unit, f.growth_rate) for f in _figures_of(
        "某区2022年统计公报\n\n第一、二、三产业分别增长3.1%、4.2%、5.0%。"
        "一、二、三次产业分别拉动GDP增长0.3、-0.9、6.2个百分点。\n")]
    assert figures == [("第一产业", None, None, "3.1"), ("第二产业", None, None, "4.2"), ("第三产业", None, None, "5.0"),
                       ("第一产业拉动GDP增长", "0.3", "个百分点", None), ("第二产业拉动GDP增长", "-0.9", "个百分点", None),
                       ("第三产业拉动GDP增长", "6.2", "个百分点", None)]


def test_estimates_and_bases_are_kept_as_notes_of_the_figure():
    figures = {f.indicator: f for f in _figures_of(
        "某市2023年政府工作报告\n\n预计全年实现地区生产总值4275亿元左右,按不变价格计算增长5.5%左右;"
        "一般公共预算收入286.4亿元,扣除留抵退税因素后增长3.2%。\n")}
    gdp, revenue = figures["地区生产总值"], figures["一般公共预算收入"]
    assert (gdp.qualifier, gdp.notes) == ("左右", ("预计", "按不变价格计算"))
    assert (revenue.growth_rate, revenue.notes) == ("3.2", ("扣除留抵退税因素后",))


def test_one_rank_for_several_figures():
    """增速均居全省第一 ranks the growth of each figure of the sentence; after a list (A、B分别达到…，
    均保持全省第三) it ranks those the list names."""
    figures = {f.indicator: f for f in _figures_of(
        "某市2024年政府工作报告\n\n地区生产总值完成2871.6亿元、增长6.8%,规上工业增加值增长10.2%,增速均居全省第一。"
        "全市实现社会消费品零售总额1150亿元、增长5.7%,财政总收入、一般公共预算收入分别达到486.3亿元和271亿元,均保持全省第三。\n")}
    assert figures["地区生产总值"].growth_rank == 1 and figures["规上工业增加值"].growth_rank == 1
    assert figures["财政总收入"].rank == 3 and figures["一般公共预算收入"].rank == 3
    assert figures["社会消费品零售总额"].rank is None


def _named(text):
    return {f.indicator: f for f in _figures_of(text)}


def test_amounts_in_chinese_numerals_and_counts_written_with_a_magnitude_alone():
    figures = _named("某市2023年政府工作报告\n\n全市工业总产值突破三万亿元,人才总量达到120万,"
                     "成为常住人口超过900万的城市。\n")
    assert (figures["工业总产值"].value, figures["工业总产值"].unit, figures["工业总产值"].qualifier) == ("3", "万亿元", "突破")
    assert (figures["人才总量"].value, figures["人才总量"].unit) == ("120", "万")
    assert (figures["常住人口"].value, figures["常住人口"].unit, figures["常住人口"].qualifier) == ("900", "万", "超过")


def test_a_figure_stated_before_a_comma_of_a_list_is_no_part_of_the_next_name():
    figures = _named("某市2023年政府工作报告\n\n某市成为中部城市中面积第二、户籍人口超过700万的大城市。\n")
    assert "户籍人口" in figures and figures["户籍人口"].value == "700"


def test_parts_after_qizhong_are_named_by_plain_nouns():
    """其中，交通和通信上涨…: the categories of a price index, each a figure; a list of industries
    shared out 分别增长 is named by its items."""
    figures = _named("某县2023年统计公报\n\n全年居民消费价格上涨0.9%。其中,交通和通信下降1.6%,其他用品和服务上涨2.7%,"
                     "衣着下降0.4%。规上工业增加值增长6%,其中纺织服装、专用设备和有色金属分别增长11.2%、7.1%、-2.4%。"
                     "全年兑现惠企资金超80亿元,其中减税降费35亿元。\n")
    assert figures["交通和通信"].growth_rate == "-1.6" and figures["其他用品和服务"].growth_rate == "2.7"
    assert figures["衣着"].growth_rate == "-0.4"
    assert [figures[n].growth_rate for n in ("纺织服装", "专用设备", "有色金属")] == ["11.2", "7.1", "-2.4"]
    assert (figures["减税降费"].value, figures["减税降费"].unit) == ("35", "亿元")


def test_parts_listed_after_qizhong_each_name_the_wholes_measure():
    """其中城镇居民46210元、农村居民24105元，分别增长…: each part listed after 其中 is a figure, and
    a part that ends with the words its whole begins with is named with the whole's measure."""
    figures = _named("某市2030年统计公报\n\n全体居民人均可支配收入38516元，增长5.6%，其中城镇居民46210元、"
                     "农村居民24105元，分别增长4.8%和7.1%。工业增加值1200亿元，其中规模以上工业1100亿元。\n")
    assert (figures["城镇居民人均可支配收入"].value, figures["城镇居民人均可支配收入"].growth_rate) == ("46210", "4.8")
    assert (figures["农村居民人均可支配收入"].value, figures["农村居民人均可支配收入"].growth_rate) == ("24105", "7.1")
    assert figures["规模以上工业增加值"].value == "1100"


@pytest.mark.parametrize("sentence, measure, level, points", [
    ("全市常住人口城镇化率提高1.2个百分点，达到66.3%。", "常住人口城镇化率", "66.3", "1.2"),
    ("城镇调查失业率比上年下降0.2个百分点，为5.1%。", "城镇调查失业率", "5.1", "-0.2"),
])
def test_the_level_a_change_in_points_reached_is_the_measures_figure(sentence, measure, level, points):
    """城镇化率提高1.2个百分点，达到66.3%: the 66.3% the change reached is the rate's own figure,
    its change in points beside it; before, the level was lost."""
    figures = _named("某市2030年统计公报\n\n" + sentence + "\n")
    assert (figures[measure].value, figures[measure].unit, figures[measure].point_change) == (level, "%", points)


def test_a_stretch_rate_after_a_growth_target_is_not_the_measures_value():
    """地区生产总值增长5.5%左右，力争实现6%: the 6% is a rate aimed at, not GDP's value."""
    figures = _named("关于某市2030年国民经济和社会发展计划执行情况与2031年计划草案的报告\n\n"
                     "2031年主要预期目标是：地区生产总值增长5.5%左右，力争实现6%；固定资产投资增长8%。\n")
    gdp = figures["地区生产总值"]
    assert (gdp.kind, gdp.growth_rate, gdp.qualifier, gdp.value) == (FigureKind.TARGET, "5.5", "左右", None)


def test_a_growth_after_a_change_in_points_is_not_the_changes():
    figures = _figures_of("某市2030年统计公报\n\n第三产业比重提高1.5个百分点，增长5%。\n")
    assert not [f for f in figures if f.growth_rate == "5"]


def test_a_rate_that_moved_gives_where_it_was_and_where_it_got():
    figures = _figures_of("某市2023年统计公报\n\n规上工业增加值增长3.5%,但当月增速由5月的0.6%持续回升至7.2%。"
                          "城镇调查失业率由5.6%下降至5.3%。\n")
    moved = [(f.indicator, f.growth_rate, f.value) for f in figures if "由" in f.indicator or "率" in f.indicator
             or "当月" in f.indicator]
    assert moved == [("规上工业增加值当月增速", "0.6", None), ("规上工业增加值当月增速", "7.2", None),
                     ("城镇调查失业率", None, "5.6"), ("城镇调查失业率", None, "5.3")]


def test_a_tally_of_rises_and_falls_gives_two_counts():
    figures = _named("某市2023年统计公报\n\n全市十二个重点行业“九正三负”。\n")
    assert figures["十二个重点行业正增长"].value == "9" and figures["十二个重点行业负增长"].value == "3"


def test_counts_after_a_chain_of_verbs_and_the_next_count_of_the_same_verb():
    figures = _named("某市2023年政府工作报告\n\n研究制定86项稳增长政策和41项配套措施。精心打造6条夜间消费街区和“某某夜市”。"
                     "全市净增经营主体2.1万户。市场主体净增1.2万户,总量达到30.5万户。"
                     "列入国家级重点项目3个、省级重点项目19个。\n")
    assert figures["制定稳增长政策"].value == "86" and figures["制定配套措施"].value == "41"
    assert figures["打造夜间消费街区"].value == "6" and figures["净增经营主体"].value == "2.1"
    assert figures["市场主体净增"].value == "1.2" and figures["市场主体总量"].value == "30.5"
    assert figures["列入国家级重点项目"].value == "3" and figures["列入省级重点项目"].value == "19"


def test_an_investment_stated_before_the_project_it_is_of():
    figures = _named("某市2024年政府工作报告\n\n总投资86.5亿元的某某化工新材料一体化项目开工建设。\n")
    assert figures["某某化工新材料一体化项目总投资"].value == "86.5"


def test_a_policy_numbered_by_its_articles_is_no_count_and_a_milestone_is_no_name():
    figures = _named("某市2024年政府工作报告\n\n出台“惠企强链”15条,印发促进消费十条。"
                     "一般公共预算收入突破千亿、达到1023.4亿元。\n")
    assert not any(f.unit == "条" for f in figures.values())
    assert figures["一般公共预算收入"].value == "1023.4"


def test_a_growth_ranked_in_a_province_or_region_named():
    figures = _named("某市2023年政府工作报告\n\n地区生产总值增长5.8%,增速居江苏第二、居长三角第五。\n")
    assert (figures["地区生产总值"].growth_rank, figures["地区生产总值"].rank_scope) == (2, "江苏")
    assert figures["地区生产总值"].rank is None


def test_a_relation_listed_after_the_three_industries_is_each_industrys():
    figures = _named("某区2022年统计公报\n\n三次产业结构比为6.4:44.2:49.4,对经济增长的贡献率分别为4.2%、46.0%、49.8%。\n")
    assert [figures[f"第{n}产业对经济增长的贡献率"].value for n in "一二三"] == ["4.2", "46.0", "49.8"]


def test_an_estimate_between_a_name_and_its_growth():
    figures = _named("某市2022年计划执行情况\n\n单位生产总值能耗预计下降2.8%。\n")
    assert figures["单位生产总值能耗"].growth_rate == "-2.8"


def test_emissions_and_foreign_capital_are_measures_of_their_own():
    """二氧化碳排放下降3% after 研发经费投入强度达到3.2%: the fall is the emissions', not the R&D
    intensity's; 实际使用外资5.8亿美元 is a figure."""
    figures = _named("关于某市2030年国民经济和社会发展计划执行情况与2031年计划草案的报告\n\n"
                     "2030年，实际使用外资5.8亿美元，增长3.2%。2031年主要预期目标是：研发经费投入强度达到3.2%，"
                     "单位地区生产总值二氧化碳排放下降3%。\n")
    assert (figures["实际使用外资"].value, figures["实际使用外资"].unit) == ("5.8", "亿美元")
    assert (figures["研发经费投入强度"].value, figures["研发经费投入强度"].growth_rate) == ("3.2", None)
    assert figures["单位地区生产总值二氧化碳排放"].growth_rate == "-3"


def test_the_value_reached_after_the_mark_it_passed_is_the_figures():
    """突破5000亿元大关，达到5126.8亿元，增长5.4%，总量继续保持全省第二: the exact value, its growth
    and its rank; before, all but the mark passed was lost."""
    figures = _named("某市2030年统计公报\n\n全市地区生产总值突破5000亿元大关，达到5126.8亿元，增长5.4%，"
                     "总量继续保持全省第二。\n")
    gdp = figures["地区生产总值"]
    assert (gdp.value, gdp.unit, gdp.qualifier, gdp.growth_rate, gdp.rank, gdp.rank_scope) == (
        "5126.8", "亿元", None, "5.4", 2, "全省")


def test_a_net_change_against_last_year_is_the_change_of_the_figure_before():
    figures = _named("某市2030年统计公报\n\n高新技术企业总数达到3200家，比上年净增420家。\n")
    assert figures["高新技术企业总数比上年净增"].value == "420" and "比上年净增" not in figures
