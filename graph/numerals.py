"""Numbers as Chinese reports write them: full-width digits and Chinese numerals.

Reports mix 2025 / ２０２５ / 二〇二五, and number their headings 一、 十二、 (十三). These helpers turn
such writing into ASCII digits and integers, and nothing else: they never round or rescale.
"""

from __future__ import annotations

import re

# Full-width digits and the full-width decimal point, percent sign and minus sign
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．％－", "0123456789.%-")

_DIGITS = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_MYRIADS = {"万": 10_000, "亿": 100_000_000}

CHINESE_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_UNITS) + "".join(_MYRIADS)
CHINESE_NUMERAL = re.compile(f"[{CHINESE_NUMERAL_CHARS}]+")


def to_ascii_digits(text: str) -> str:
    """２０２５年 -> 2025年; leaves every other character as it is, so offsets do not move."""
    return text.translate(_FULL_WIDTH)


def chinese_to_int(numeral: str) -> int:
    """Read a Chinese numeral: 十六 -> 16, 二十三 -> 23, 一百零五 -> 105, 二〇二五 -> 2025.

    Raises ValueError for anything that is not a numeral, so callers can tell a word from a number.
    """
    if not numeral or any(ch not in CHINESE_NUMERAL_CHARS for ch in numeral):
        raise ValueError(f"not a Chinese numeral: {numeral!r}")
    if all(ch in _DIGITS for ch in numeral):
        # digit by digit, as years are written: 二〇二五
        if len(numeral) == 1:
            return _DIGITS[numeral]
        return int("".join(str(_DIGITS[ch]) for ch in numeral))
    hundred_millions = ten_thousands = section = digit = 0
    for ch in numeral:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            section += (digit or 1) * _UNITS[ch]
            digit = 0
        elif ch == "万":
            ten_thousands = (section + digit or 1) * _MYRIADS[ch]
            section = digit = 0
        else:  # 亿 closes everything before it
            hundred_millions = (hundred_millions + ten_thousands + section + digit or 1) * _MYRIADS[ch]
            ten_thousands = section = digit = 0
    return hundred_millions + ten_thousands + section + digit


def parse_int(text: str) -> int:
    """An integer written in ASCII, full-width or Chinese numerals."""
    ascii_text = to_ascii_digits(text)
    if ascii_text.isdigit():
        return int(ascii_text)
    return chinese_to_int(text)
