"""A Word document (.docx) -> the report's text: its body paragraphs in order, one a line.

python-docx reads the document's body; page headers, footers and footnotes are parts of their own
in a .docx, so they never mix into the body. A line break inside a paragraph (Shift+Enter) is a
line of the text too; graph.read.layout joins a sentence broken there, as in a .txt. A table of
data is one line a row, its cells between bars (graph.read.rows); a page laid out in a table is
read as its paragraphs. A file that is no ZIP, is cut off, or lacks its document part is refused
in one line.
"""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

from graph.errors import InputError
from graph.read.rows import is_data_table, row_line


def docx_text(data: bytes, path: Path) -> str:
    """The body text of a .docx's bytes."""
    document = _open(data, path)
    lines: list[str] = []
    for block in document.iter_inner_content():
        lines += _table_lines(block) if hasattr(block, "rows") else block.text.splitlines()
    return "".join(f"{line.strip()}\n" for line in lines if line.strip())


def _table_lines(table) -> list[str]:
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    if is_data_table(rows):
        return [row_line(row) for row in rows]
    return [line for row in rows for cell in dict.fromkeys(row) for line in cell.splitlines()]


def _open(data: bytes, path: Path):
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
        from lxml.etree import XMLSyntaxError
    except ImportError:
        raise InputError(f"{path}: reading Word files needs python-docx: pip install 'plankg[formats]'") from None
    try:
        return docx.Document(BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, XMLSyntaxError, KeyError, ValueError, EOFError) as error:
        # a .docx is a ZIP of XML parts: cut off, its directory is gone; damaged, a part will not parse
        raise InputError(f"{path}: a damaged or cut-off .docx, it cannot be read ({type(error).__name__})") from None
