import pytest

from graph.numerals import chinese_to_int, parse_int, to_ascii_digits


@pytest.mark.parametrize("numeral, value", [
    ("一", 1), ("十", 10), ("十六", 16), ("二十", 20), ("二十三", 23), ("一百零五", 105),
    ("三千", 3000), ("两万", 20000), ("二〇二五", 2025), ("〇", 0), ("一亿二千万", 120_000_000),
])
def test_chinese_numerals_read_as_written(numeral, value):
    assert chinese_to_int(numeral) == value


def test_a_word_is_not_a_numeral():
    with pytest.raises(ValueError):
        chinese_to_int("项目")


def test_full_width_digits_become_ascii_without_moving_offsets():
    text = "增长５.１％，２３５０亿元"
    converted = to_ascii_digits(text)
    assert converted == "增长5.1%，2350亿元"
    assert len(converted) == len(text)


@pytest.mark.parametrize("written, value", [("8", 8), ("８", 8), ("四", 4), ("12", 12)])
def test_parse_int_reads_any_digits(written, value):
    assert parse_int(written) == value
