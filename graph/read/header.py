"""The header lines of a report -> ReportMeta.

Reports open the same way: the title (on one or two lines), a line saying when and to which
meeting the report was presented, and the presenter with their post:

    关于大同市2025年国民经济和社会发展规划执行情况与2026年国民经济和社会发展规划(草案)的报告
    ——2026年1月20日在大同市第十六届人民代表大会第六次会议上
    大同市发展和改革委员会主任 乔正南
"""

from __future__ import annotations

import re

from graph.lexicons import words
from graph.model import ReportMeta
from graph.numerals import parse_int, to_ascii_digits
from graph.read.layout import Line

_NUMBER = r"[0-9０-９〇零○一二三四五六七八九十]"
_DATE = re.compile(rf"(?P<y>{_NUMBER}{{4}})年(?P<m>{_NUMBER}{{1,2}})月(?P<d>{_NUMBER}{{1,3}})日")
_MEETING = re.compile(r"在(?P<meeting>.+?(?:会议|大会))上")
# a line that is a date alone (a bulletin's, under its title): 2031年3月10日, (2031年3月)
_DATE_LINE = re.compile(rf"[(（]?{_NUMBER}{{4}}年{_NUMBER}{{1,2}}月(?:{_NUMBER}{{1,3}}日)?[)）]?")
_YEAR = re.compile(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})年")
# The place a report is about: the name before its year or 国民经济 in the title (or before 统计局,
# the issuer line that opens a statistical bulletin), or before 第…届 in the meeting.
# Administrative suffixes after GB/T 2260 naming.
_PLACE_SUFFIX = "(?:" + "|".join(map(re.escape, words("division_endings.tsv", "title"))) + ")"
_CITY_IN_TITLE = re.compile(
    rf"(?:^|(?<=年))(?P<city>[\u4e00-\u9fff]{{1,10}}?{_PLACE_SUFFIX})"
    rf"(?=[0-9０-９]{{4}}年|[〇零○一二三四五六七八九]{{4}}年|国民经济|政府工作|人民政府|统计局)")
_CITY_IN_MEETING = re.compile(rf"(?P<city>[\u4e00-\u9fff]{{2,10}}?{_PLACE_SUFFIX})第")
# 大同市发展和改革委员会主任 乔正南 / 市发展改革委主任张三
_PRESENTER_SPACED = re.compile(r"^(?P<office>\S.*\S)\s+(?P<name>[\u4e00-\u9fff·]{2,6})$")
_POSTS = "(?:" + "|".join(map(re.escape, words("presenter_posts.tsv"))) + ")"
_PRESENTER_JOINED = re.compile(rf"^(?P<office>.+{_POSTS})(?P<name>[\u4e00-\u9fff·]{{2,4}})$")


# What a web page prints around a report: its source, dates and counters, font-size switches and
# photo credits (来源:某某日报 ; 发布日期:2023-01-12 浏览次数: ; 小字号 ; 某某网记者 张三摄)
_FURNITURE = re.compile(
    r"(?:来源|稿件来源|发布日期|发布时间|发表时间|新闻时间|浏览次数|点击数|责任编辑|编辑)\s*[:：]"
    r"|^[大中小]?字号|字号[:：]|^文章正文|记者\s*[\u4e00-\u9fff、]{2,12}(?:摄|\s+[\u4e00-\u9fff]{2,6}报道)$"
    r"|^[0-9０-９]{4}[-年][0-9０-９]{1,2}[-月][0-9０-９]{1,2}日?\s*[0-9０-９]{1,2}[:：][0-9０-９]{2}"
    # a newspaper's dateline over its page: 某某日报  2031年1月25日  星期六  第3版
    r"|^[\u4e00-\u9fff]{0,12}报?\s*[0-9０-９]{4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日\s*(?:星期.|周.)?\s*"
    r"第\s*[A-Za-z]?[0-9０-９一二三四五六七八九十]{1,3}\s*版$")


def is_page_furniture(text: str) -> bool:
    """Whether a header line is the web page's, not the report's."""
    return bool(_FURNITURE.search(text))


def parse_header(lines: list[Line]) -> ReportMeta:
    """Read the header lines (those before the salutation or the first heading)."""
    title_parts: list[str] = []
    meeting = date = presenter = office = None
    dated: str | None = None  # the line of the date and meeting, once it has begun
    for line in lines:
        text = line.text
        if is_page_furniture(text) or (title_parts and text in "".join(title_parts) and dated is None):
            continue  # 来源:某某日报 ; 字号 ; a time stamp ; the title printed again
        if dated is not None and meeting is None and (_MEETING.search(dated + text)
                                                      or _presenter(text) == (None, None)):
            dated += text  # ——2031年1月9日在某市第八 / 届 / 人民代表大会第三次会议上: one line, broken
            meeting, date = _meeting_and_date(dated)
        elif _MEETING.search(text) or text.startswith(("——", "--", "—")):
            dated = text
            meeting, date = _meeting_and_date(text)
        elif title_parts and dated is None and _DATE_LINE.fullmatch(text):
            dated = text  # 2031年3月10日 under a bulletin's title and office: its date, no meeting
            date = _meeting_and_date(text)[1]
        elif title_parts and dated is None and office is None and _OFFICE_ONLY.fullmatch(text):
            office = text  # 某县统计局 under the title: who issues it, no more of the title
        elif dated is None and meeting is None and date is None and office is None:
            title_parts.append(text)
        elif presenter is None:
            office, presenter = _presenter(text)
    title = "".join(title_parts)
    review_year, plan_year = _years(title)
    return ReportMeta(
        title=title,
        meeting=meeting,
        date=date,
        presenter=presenter,
        presenter_office=office,
        city=_city(title, meeting),
        review_year=review_year,
        plan_year=plan_year,
    )


def _meeting_and_date(text: str) -> tuple[str | None, str | None]:
    meeting_match = _MEETING.search(text)
    date_match = _DATE.search(text)
    date = None
    if date_match:
        try:
            year, month, day = (parse_int(date_match.group(k)) for k in "ymd")
            date = f"{year:04d}-{month:02d}-{day:02d}"
        except ValueError:
            date = None
    return (meeting_match.group("meeting") if meeting_match else None), date


_OFFICE_ONLY = re.compile(r"[\u4e00-\u9fff]{2,16}(?:委员会|人民政府|政府|局|办公室)")


def _presenter(text: str) -> tuple[str | None, str | None]:
    for pattern in (_PRESENTER_SPACED, _PRESENTER_JOINED):
        match = pattern.match(text)
        if match:
            return match.group("office").strip(), match.group("name")
    if _OFFICE_ONLY.fullmatch(text):
        return text, None  # 某市发展和改革委员会: the office presents, no name given
    return None, None


def _years(title: str) -> tuple[int | None, int | None]:
    """执行情况 follows the year reviewed; 计划/规划 (草案) after it the year planned."""
    years = [(m.start(), int(m.group("y"))) for m in _YEAR.finditer(to_ascii_digits(title))]
    if not years:
        return None, None
    review = plan = None
    execution = title.find("执行情况")
    if execution >= 0:
        before = [year for position, year in years if position < execution]
        after = [year for position, year in years if position > execution]
        review = before[-1] if before else None
        plan = after[0] if after else None
    elif "公报" in title:
        review = years[0][1]  # 2023年国民经济和社会发展统计公报: the year it reports on
    elif "政府工作报告" in title:
        plan = years[-1][1]  # 2025年政府工作报告: the year it plans for, after the year it reviews
        review = plan - 1
    elif any(word in title for word in ("草案", "计划")):
        plan = years[-1][1]
    return review, plan


def _city(title: str, meeting: str | None) -> str | None:
    body = title[2:] if title.startswith("关于") else title
    match = _CITY_IN_TITLE.search(body)
    if match:
        return match.group("city")
    if meeting:
        match = _CITY_IN_MEETING.search(meeting)
        if match:
            return match.group("city")
    return None
