"""Reports written as PDF, Word and web pages by the tests themselves, from a report's text.

Each is written as such files come: the PDF with its lines wrapped at a fixed width, mid-sentence
and mid-number, a running header and a page number on every page; the .docx one paragraph per
paragraph of the text; the web page in GBK (declared as GB2312, as old portals do) inside a
portal's navigation, breadcrumbs, source line, font-size switch, share buttons, scripts and footer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

RUNNING_HEADER = "某某日报  2026年1月25日  第3版"
# What the portal page puts around the report (none of it is in the seed's text)
PAGE_FURNITURE = ("首页", "政务公开", "新闻中心", "当前位置", "来源：", "发表时间", "字号：", "分享到", "微博",
                  "版权所有", "ICP备", "9999.9", "统计代码", "打印本页", "关闭窗口", "门户网站")


def paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def write_pdf(text: str, path: Path, per_line: int = 37, lines_per_page: int = 38) -> Path:
    """The text as a PDF with a text layer (reportlab's built-in STSong-Light: no font file)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    width, height = A4
    lines = [paragraph[start:start + per_line] for paragraph in paragraphs(text)
             for start in range(0, len(paragraph), per_line)]
    pages = [lines[start:start + lines_per_page] for start in range(0, len(lines), lines_per_page)]
    sheet = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for number, page in enumerate(pages, start=1):
        sheet.setFont("STSong-Light", 9)
        sheet.drawString(72, height - 40, RUNNING_HEADER)
        sheet.drawCentredString(width / 2, 30, f"- {number} -")
        sheet.setFont("STSong-Light", 12)
        for row, line in enumerate(page):
            sheet.drawString(72, height - 80 - 18 * row, line)
        sheet.showPage()
    sheet.save()
    return path


def write_two_column_pdf(text: str, path: Path, per_line: int = 17, lines_per_column: int = 38) -> Path:
    """The paragraphs of the text in two columns a page, as a newspaper sets them."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    width, height = A4
    lines = [paragraph[start:start + per_line] for paragraph in paragraphs(text)
             for start in range(0, len(paragraph), per_line)]
    sheet = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    page_lines = 2 * lines_per_column
    for number, first in enumerate(range(0, len(lines), page_lines), start=1):
        sheet.setFont("STSong-Light", 9)
        sheet.drawString(72, height - 40, RUNNING_HEADER)
        sheet.drawCentredString(width / 2, 30, f"第{number}页")
        sheet.setFont("STSong-Light", 12)
        for index, line in enumerate(lines[first:first + page_lines]):
            column, row = divmod(index, lines_per_column)
            sheet.drawString(60 + 260 * column, height - 80 - 18 * row, line)
        sheet.showPage()
    sheet.save()
    return path


def write_scanned_pdf(path: Path) -> Path:
    """A PDF of a page with marks on it and no text layer, as a scanner makes."""
    from reportlab.pdfgen import canvas

    sheet = canvas.Canvas(str(path), invariant=1)
    for row in range(40):
        sheet.rect(72, 760 - 18 * row, 300 + (row * 37) % 150, 10, fill=1)
    sheet.showPage()
    sheet.save()
    return path


def write_encrypted_pdf(text: str, path: Path) -> Path:
    """A PDF that opens only with a password."""
    from reportlab.lib import pdfencrypt
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    sheet = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("secret", ownerPassword="owner"))
    sheet.setFont("STSong-Light", 12)
    sheet.drawString(72, 760, paragraphs(text)[0][:30])
    sheet.showPage()
    sheet.save()
    return path


def write_docx(text: str, path: Path) -> Path:
    import docx

    document = docx.Document()
    for paragraph in paragraphs(text):
        document.add_paragraph(paragraph)
    document.save(str(path))
    return path


def write_portal_page(text: str, path: Path) -> Path:
    """The report as a government portal shows it, in GBK."""
    title, *body = paragraphs(text)
    content = "\n".join(f"<p style=\"text-indent:2em\">\u3000\u3000{line}</p>" for line in body)
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{title}_某某市人民政府门户网站</title>
<script type="text/javascript">var 地区生产总值 = "9999.9亿元";</script>
<style>.nav {{ color: red }}</style>
</head><body>
<h1 class="logo"><img src="logo.png" alt="">某某市人民政府门户网站</h1>
<div class="top-nav"><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <a href="/xw">新闻中心</a></div>
<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 规划计划</div>
<table width="960"><tr><td class="main">
<h1>{title}</h1>
<div class="source">来源：某某日报　发表时间：2026-01-25 09:30　字号：<a>大</a> <a>中</a> <a>小</a></div>
<div id="zoom">
{content}
</div>
<div class="bdshare">分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a></div>
<p><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></p>
</td></tr></table>
<div id="footer">版权所有：某某市人民政府办公室　主办单位：某某市人民政府　晋ICP备05000000号</div>
<script>document.write("统计代码");</script>
</body></html>
"""
    path.write_bytes(page.encode("gbk"))
    return path


# A report written for the tests whose main figures are a table of ten indicators: each row's
# plan for the year reviewed and what it reached (indicator, unit, plan, reached, growth)
TABLE_ROWS = [
    ("地区生产总值", "亿元", "2100", "2087.5", "5.1"),
    ("规模以上工业增加值", "亿元", "640", "652.3", "6.2"),
    ("固定资产投资", "亿元", "900", "861.4", "-4.3"),
    ("社会消费品零售总额", "亿元", "1000", "1012.8", "4.8"),
    ("一般公共预算收入", "亿元", "190", "193.4", "2.3"),
    ("进出口总额", "亿元", "150", "163.9", "9.7"),
    ("城镇居民人均可支配收入", "元", "46000", "45871", "4.5"),
    ("农村居民人均可支配收入", "元", "18500", "18622", "6.6"),
    ("城镇新增就业", "万人", "4.5", "4.62", "2.7"),
    ("常住人口城镇化率", "%", "66", "66.3", "0.8"),
]
TABLE_HEAD = ("指标", "单位", "2030年计划", "2030年完成", "比上年增长(%)")
TABLE_BEFORE = ["关于某某市2030年国民经济和社会发展计划执行情况与2031年计划草案的报告",
                "——2031年1月9日在某某市第八届人民代表大会第三次会议上",
                "各位代表：",
                "一、2030年计划执行情况",
                "一年来，全市经济运行总体平稳，主要指标完成情况见下表。",
                "表1：2030年主要经济指标完成情况"]
TABLE_AFTER = ["二、2031年计划安排", "全面完成年度目标任务。"]


def write_table_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    for paragraph in TABLE_BEFORE:
        document.add_paragraph(paragraph)
    table = document.add_table(rows=1 + len(TABLE_ROWS), cols=len(TABLE_HEAD))
    for row, cells in enumerate([TABLE_HEAD, *TABLE_ROWS]):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    for paragraph in TABLE_AFTER:
        document.add_paragraph(paragraph)
    document.save(str(path))
    return path


def write_table_page(path: Path) -> Path:
    """The same report as a portal's page in GBK, its table as Word exports one (a <p> in each cell)."""
    title, *before = TABLE_BEFORE
    head = "".join(f"<td><p><b>{cell}</b></p></td>" for cell in TABLE_HEAD)
    body = "".join("<tr>" + "".join(f"<td><p>{cell}</p></td>" for cell in row) + "</tr>\n" for row in TABLE_ROWS)
    page = f"""<html><head><meta charset="gbk"><title>{title}</title></head><body>
<div class="nav"><a href="/">首页</a> <a>政务公开</a></div>
<h1>{title}</h1><div class="info">来源：某某市发展和改革委员会 发表时间：2031-01-12</div>
<div class="content">{"".join(f"<p>{line}</p>" for line in before)}
<table border="1"><tbody><tr>{head}</tr>
{body}</tbody></table>
{"".join(f"<p>{line}</p>" for line in TABLE_AFTER)}</div>
<div class="footer">版权所有</div></body></html>"""
    path.write_bytes(page.encode("gbk"))
    return path


def write_table_pdf(path: Path, head: Sequence[tuple[str, ...]] | None = None, spans: tuple = (),
                    rows_per_page: int | None = None, name_width: float | None = None,
                    three_line: bool = False, repeat_head: bool = False) -> Path:
    """The same report as a PDF, its table drawn with ruling lines as Word prints one: the head
    given (one row, or two with spans: reportlab's ("SPAN", (col, row), (col, row))), the rows cut
    across pages every rows_per_page rows, the names wrapped in a column name_width points wide,
    a running header and a page number on each page. three_line: ruled as statistics offices
    set a table (三线表), a rule above the head, one below it and one below the last row.
    repeat_head: the head printed again on each page, as Word's "repeat header rows" does."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("body", fontName="STSong-Light", fontSize=12, leading=20, wordWrap="CJK")
    cell_style = ParagraphStyle("cell", fontName="STSong-Light", fontSize=10, leading=12, wordWrap="CJK")
    head = head or [TABLE_HEAD]
    parts = [list(TABLE_ROWS)] if rows_per_page is None else \
        [list(TABLE_ROWS[start:start + rows_per_page]) for start in range(0, len(TABLE_ROWS), rows_per_page)]
    story: list = [Paragraph(line, style) for line in TABLE_BEFORE]
    for number, part in enumerate(parts):
        if number:
            story.append(PageBreak())
        if name_width:
            part = [(Paragraph(name, cell_style), *rest) for name, *rest in part]
        table = Table([*(head if number == 0 or repeat_head else []), *part], colWidths=[name_width] + [None] * 4)
        rules = [("LINEABOVE", (0, 0), (-1, 0), 1, colors.black), ("LINEBELOW", (0, len(head) - 1), (-1, len(head) - 1),
                  0.5, colors.black), ("LINEBELOW", (0, -1), (-1, -1), 1, colors.black)] if three_line \
            else [("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
        commands = [("FONTNAME", (0, 0), (-1, -1), "STSong-Light"), ("FONTSIZE", (0, 0), (-1, -1), 10), *rules]
        table.setStyle(TableStyle(commands + (list(spans) if number == 0 or repeat_head else [])))
        story.append(table)
    story += [Paragraph(line, style) for line in TABLE_AFTER]

    def furniture(sheet, document) -> None:
        width, height = A4
        sheet.setFont("STSong-Light", 9)
        sheet.drawString(72, height - 40, RUNNING_HEADER)
        sheet.drawCentredString(width / 2, 30, f"- {document.page} -")

    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(story, onFirstPage=furniture,
                                                                 onLaterPages=furniture)
    return path


def write_framed_pdf(path: Path) -> Path:
    """A page whose paragraph stands in a box drawn round it: a frame, not a table of data."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    sheet = canvas.Canvas(str(path), invariant=1)
    sheet.setFont("STSong-Light", 12)
    sheet.drawString(72, 780, "关于某某市2030年国民经济和社会发展计划执行情况的报告")
    sheet.rect(60, 640, 470, 110)
    for row, line in enumerate(("一年来，全市经济运行总体平稳。全市地区生产总值完成", "2087.5亿元，同比增长5.1%。")):
        sheet.drawString(72, 720 - 20 * row, line)
    sheet.showPage()
    sheet.save()
    return path


def write_ruled_page_pdf(path: Path, lines: list[str]) -> Path:
    """A page as 公文 print them: a rule under the running header, one under the title and one
    above the footer, all of one width, and the body between them set on a grid of characters
    (spaces left by conversion in it), so a paragraph's words stand one above the other."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    sheet = canvas.Canvas(str(path), invariant=1)
    sheet.setFont("STSong-Light", 9)
    sheet.drawString(72, 800, RUNNING_HEADER)
    for height in (792, 752, 60):
        sheet.line(72, height, 523, height)
    sheet.setFont("STSong-Light", 14)
    sheet.drawString(72, 765, TABLE_BEFORE[0][:30])
    sheet.setFont("STSong-Light", 12)
    for row, line in enumerate(lines):
        left = 72.0
        for piece in re.findall(r"[ -~]+|.", line):  # a Chinese character in each cell of the grid, as Word sets them
            sheet.drawString(left, 720 - 20 * row, piece)
            left += 12 if len(piece) == 1 and not piece.isascii() else pdfmetrics.stringWidth(piece, "STSong-Light", 12)
    sheet.showPage()
    sheet.save()
    return path
