"""The lexicons of graph/lexicons: each says what it holds, has rows of one shape, lists each word
once and no empty word, and tags its words only with the tags its header explains."""

from __future__ import annotations

from pathlib import Path

import pytest

import graph.lexicons
from graph.kinds import ORGANIZATION_KINDS
from graph.lexicons import rows, tags, words

FOLDER = Path(graph.lexicons.__file__).parent
LEXICONS = sorted(FOLDER.glob("*.tsv"))

# The tags a tagged word list may give its words (its second column)
TAGS = {
    "bound_words.tsv": {"before", "within", "after-unit", "after-rate"},
    "division_endings.tsv": {"short", "title"},
    "zone_endings.tsv": {"specific"},
    "locality_endings.tsv": {"ending", "generic"},
    "region_endings.tsv": {"ending", "region-ending", "modifier"},
    "abbreviation_contexts.tsv": {"before", "after", "not-after"},
    "growth_words.tsv": {"rising", "falling"},
    "issuing_bodies.tsv": {"whole", "ending"},
    "name_breaks.tsv": {"project", "organization"},
    "project_kind_words.tsv": {"before", "start"},
    "project_endings.tsv": {"short"},
    "words_before_numbers.tsv": {"measure", "held"},
    "comparison_words.tsv": {"above", "below"},
    "table_heads.tsv": {"indicator", "unit", "target", "observation", "growth", "rank"},
    "rank_words.tsv": {"before-scope", "after-scope", "note", "standing", "ranking", "quoted-list", "named-list"},
}
# Lexicons whose rows give other names for what they name (comma-separated, or -): every name
# must name one row only, or a lookup by name would pick one of two at random
OTHER_NAMES = {"indicators.tsv": 2, "sectors.tsv": 3, "sectors_gbt4754.tsv": 4, "sectors_strategic.tsv": 4}


def problems(path: Path, tagged: set[str] | None = None, other_names: int | None = None) -> list[str]:
    """What is wrong with a lexicon file, one line a problem; none for a good file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found = []
    if not lines or not lines[0].startswith("#"):
        found.append("no header comment saying what the file holds")
    table = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    if not table:
        found.append("no rows")
    widths = {len(row) for row in table}
    if len(widths) > 1:
        found.append(f"rows of different numbers of columns: {sorted(widths)}")
    seen: set[str] = set()
    for row in table:
        if row[0] in seen:
            found.append(f"{row[0]!r} twice")
        seen.add(row[0])
        for cell in row:
            if any(not part.strip() or part != part.strip() for part in cell.split(",")):
                found.append(f"an empty word or stray blank in {cell!r} (row {row[0]!r})")
        if tagged is not None:
            row_tags = tags(tuple(row))
            unknown = set(row_tags) - tagged
            if unknown or len(set(row_tags)) != len(row_tags):
                found.append(f"{row[0]!r}: tags {row_tags} (known: {sorted(tagged)})")
    if other_names is not None:
        names = [row[0] for row in table]
        names += [name for row in table for name in row[other_names].split(",") if name != "-"]
        found += [f"{name!r} names two rows" for name in sorted({n for n in names if names.count(n) > 1})]
    return found


def test_every_lexicon_is_checked():
    assert len(LEXICONS) >= 30
    assert {path.name for path in LEXICONS} >= set(TAGS) | set(OTHER_NAMES)


@pytest.mark.parametrize("path", LEXICONS, ids=lambda path: path.name)
def test_lexicon_is_well_formed(path):
    assert problems(path, TAGS.get(path.name), OTHER_NAMES.get(path.name)) == []


def test_a_broken_lexicon_is_caught(tmp_path):
    broken = tmp_path / "broken.tsv"
    broken.write_text("以上\tafter\n左右\tafter-rate\textra\n左右\tafter-rate\n \tbefore\n约\tbefore,nowhere\n",
                      encoding="utf-8")
    found = problems(broken, TAGS["bound_words.tsv"])
    assert "no header comment saying what the file holds" in found
    assert "rows of different numbers of columns: [2, 3]" in found
    assert "'左右' twice" in found
    assert any("an empty word" in problem for problem in found)
    assert any(problem.startswith("'约': tags") for problem in found)
    assert any(problem.startswith("'以上': tags") for problem in found)


def test_a_name_given_to_two_rows_is_caught(tmp_path):
    twice = tmp_path / "twice.tsv"
    twice.write_text("# names\n工业\t-\tindustry\t制造\n制造业\t工业\tmanufacturing\t制造\n", encoding="utf-8")
    assert problems(twice, other_names=3) == ["'制造' names two rows"]


def test_organization_endings_make_organization_kinds():
    assert {cls for _, cls in rows("organization_suffixes.tsv")} <= set(ORGANIZATION_KINDS)


def test_words_of_a_tag_keep_the_file_order():
    assert words("bound_words.tsv", "after-rate") == ("以上", "左右", "以下", "以内")
    assert words("bound_words.tsv", "within") == ("余", "多")
    assert "多" in words("bound_words.tsv", "after-unit")
    assert words("growth_words.tsv", "falling")[0] == "下降"
