"""A web page (.html/.htm) -> the report's text: its title and main text, the page's furniture left out.

A government portal wraps a report in navigation, breadcrumbs (当前位置：首页 > …), a line of
source and date (来源：某某日报 发表时间：…), font-size switches (字号：大 中 小), share buttons,
scripts and a footer. lxml parses the page (as browsers do, forgiving broken markup); the
furniture is dropped by its tags (nav, footer, script …) and by the names pages give it (class or
id nav, menu, crumb, share, footer …); the main text is the element that holds most Chinese text
outside links, where the paragraphs of the report are; the title is the page's <h1> (else its
<title>). Each block element (p, div, br, li, h1 …) ends a line; a table of data is one line a
row, its cells between bars (graph.read.rows), a cell spanning columns written in each. A page is decoded by the charset
it declares (GB2312 and GBK read as GB18030, which holds both), else as a text file is.
"""

from __future__ import annotations

import re
from pathlib import Path

from graph.errors import InputError
from graph.read.decode import HAN, decode_text
from graph.read.header import is_page_furniture
from graph.read.rows import is_data_table, row_line

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030", "gb_2312-80": "gb18030"}
DROPPED_TAGS = ("script", "style", "noscript", "template", "iframe", "nav", "header", "footer", "aside", "form",
                "button", "select", "input", "textarea", "svg", "object", "head")
# class or id of page furniture: navigation, breadcrumbs, share buttons, footers, side bars
_FURNITURE_NAME = re.compile(r"nav|menu|crumb|share|foot|sidebar|copyright|toolbar|position|location|topbar|"
                             r"related|comment|print|fontsize|zihao", re.I)
BLOCK_TAGS = frozenset(("p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
                        "tr", "td", "th", "table", "tbody", "thead", "section", "article", "main", "center",
                        "blockquote", "pre", "hr", "address", "figure", "figcaption"))
# lines of page furniture inside the main text: share, print and close buttons, previous/next links
_FURNITURE_LINE = re.compile(r"^[【\[]?(?:分享到|打印|关闭|关闭窗口|打印本页|上一篇|下一篇|扫一扫|返回顶部)")
FURNITURE_LINE_MAX = 80  # a line of furniture is short; a sentence of the report may quote 来源:
_TITLE_PARTS = re.compile(r"\s*[-_|｜—–]\s*")  # 标题_站名, 标题 - 站名, 标题|站名
TITLE_MIN_HAN = 6  # a report's title is longer than a site's logo or a column's name (要闻, 通知公告)


def html_text(data: bytes, path: Path) -> str:
    """The title and main text of a web page's bytes, one block a line."""
    try:
        import lxml.html
    except ImportError:
        raise InputError(f"{path}: reading web pages needs lxml: pip install 'plankg[formats]'") from None
    text = _XML_DECLARATION.sub("", _decoded(data, path))
    try:
        root = lxml.html.document_fromstring(text)
    except (ValueError, lxml.etree.ParserError) as error:
        raise InputError(f"{path}: not a web page that can be read ({error})") from None
    title = _title(root)
    _drop_furniture(root)
    main = _main(root)
    lines = _lines(main) if main is not None else []
    if title and not any(title in line for line in lines[:3]):
        lines.insert(0, title)
    kept = [line for line in lines if not _furniture(line)]
    return "".join(f"{line}\n" for line in kept)


def _decoded(data: bytes, path: Path) -> str:
    declared = _CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        try:
            return data.decode(_SUPERSETS.get(name, name))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: read it as a text file is read
    return decode_text(data, path).text


def _title(root) -> str:
    """The report's title: the heading (h1-h3, or what the page calls its title) that its <title>
    names, as portals print the site's name after it (标题_某某市人民政府门户网站); a heading it
    names only there is the site's logo, never the title. Else the first <h1>, else the <title>
    without the site's name."""
    page = _squeezed(" ".join(element.text_content() for element in root.xpath("//title")))
    first, *site = _TITLE_PARTS.split(page)  # the page's own title, then the site's name

    def the_sites(text: str) -> bool:  # the logo: a heading <title> names only after the page's own
        return text not in first and any(text in part for part in site)

    headings = [_squeezed(element.text_content()) for element in
                root.xpath("//h1 | //h2 | //h3 | //*[contains(@class, 'title') or contains(@id, 'title')]")]
    headings = [text for text in headings if len(HAN.findall(text)) >= TITLE_MIN_HAN and not the_sites(text)]
    named = [text for text in headings if text in page]
    if named:
        return max(named, key=len)
    h1 = [_squeezed(element.text_content()) for element in root.xpath("//h1")]
    h1 = [text for text in h1 if len(HAN.findall(text)) >= TITLE_MIN_HAN and not the_sites(text)]
    if h1:
        return h1[0]
    return first if HAN.search(first) else ""


def _drop_furniture(root) -> None:
    for element in list(root.iter()):
        if element.getparent() is None:
            continue  # the root, or an element already dropped with its parent
        if not isinstance(element.tag, str):  # a comment or processing instruction
            element.drop_tree()
            continue
        names = f"{element.get('class', '')} {element.get('id', '')}"
        if element.tag in DROPPED_TAGS or _FURNITURE_NAME.search(names):
            element.drop_tree()


def _main(root):
    """The element holding most Chinese text outside links, counted per block as readers do:
    a block's characters count for its parent whole and for its grandparent by half."""
    scores: dict = {}
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag == "a":
            continue
        own = len(HAN.findall(element.text or "")) + sum(
            len(HAN.findall(child.tail or "")) for child in element)
        if not own:
            continue
        parent = element if element.tag not in ("p", "span", "font", "strong", "b", "br") else element.getparent()
        for share, ancestor in ((1.0, parent), (0.5, parent.getparent() if parent is not None else None)):
            if ancestor is not None:
                scores[ancestor] = scores.get(ancestor, 0.0) + share * own
    return max(scores, key=lambda element: scores[element]) if scores else None


def _lines(element) -> list[str]:
    """The element's text, a line for each block, whitespace as a browser shows it."""
    pieces: list[str] = []

    def walk(node) -> None:
        if node.tag == "table":
            rows = _rows(node)
            if rows is not None:
                pieces.extend(f"\n{row_line(row)}\n" for row in rows)
                return
        block = node.tag in BLOCK_TAGS
        if block:
            pieces.append("\n")
        pieces.append(_flowed(node.text))
        for child in node:
            if isinstance(child.tag, str):
                walk(child)
            pieces.append(_flowed(child.tail))
        if block:
            pieces.append("\n")

    walk(element)
    return [line for line in (_squeezed(raw) for raw in "".join(pieces).split("\n")) if line]


def _rows(table) -> list[list[str]] | None:
    """A table's rows of cell texts, if it is a table of data (none nested in it). A cell that
    spans columns or rows stands in each of them, so every column keeps its place (a head of
    two rows: 2030年 over 计划 | 完成, 指标 down both)."""
    if table.xpath(".//table"):
        return None
    rows: list[list[str]] = []
    above: dict[int, tuple[str, int]] = {}  # column -> (text, rows it still spans below)
    for row in table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr"):
        cells: list[str] = []
        given = iter(row.xpath("./td | ./th"))
        while True:
            if len(cells) in above:
                text, left = above.pop(len(cells))
                cells.append(text)
                if left > 1:
                    above[len(cells) - 1] = (text, left - 1)
                continue
            cell = next(given, None)
            if cell is None:
                break
            text = _squeezed(cell.text_content())
            for _ in range(_span(cell, "colspan")):
                if _span(cell, "rowspan") > 1:
                    above[len(cells)] = (text, _span(cell, "rowspan") - 1)
                cells.append(text)
        rows.append(cells)
    return rows if is_data_table(rows) else None


def _span(cell, name: str) -> int:
    value = cell.get(name, "1").strip()
    return int(value) if value.isdigit() and 0 < int(value) < 50 else 1


def _flowed(text: str | None) -> str:
    """Text as it flows in a block: a line break in the page's source is a space."""
    return re.sub(r"\s+", " ", text) if text else ""


def _squeezed(text: str) -> str:
    return re.sub(r"[ \t\r\f\v\u00a0\u3000]+", " ", text).strip()


def _furniture(line: str) -> bool:
    return len(line) <= FURNITURE_LINE_MAX and (is_page_furniture(line) or bool(_FURNITURE_LINE.match(line)))
