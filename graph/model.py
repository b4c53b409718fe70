"""The plain data that flows between the pipeline's stages.

Every stage takes and returns these frozen values, so each stage can be tested alone with a
hand-made input, and nothing downstream can change what an earlier stage found. Every span is a
pair of character offsets into the decoded file text (Unicode code points, end exclusive).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from enum import Enum

from graph.kinds import group_of


@dataclass(frozen=True)
class ReportMeta:
    """What the header lines of a report say about it."""

    title: str
    meeting: str | None = None  # 大同市第十六届人民代表大会第六次会议
    date: str | None = None  # ISO 8601, e.g. "2026-01-20"
    presenter: str | None = None  # 乔正南
    presenter_office: str | None = None  # 大同市发展和改革委员会主任
    city: str | None = None  # the place the report is about: 大同市
    review_year: int | None = None  # the 执行情况 year
    plan_year: int | None = None  # the 计划(草案) year


@dataclass(frozen=True)
class Section:
    """A heading and the part of the report it opens."""

    number: str  # outline position, e.g. "1.3" for (三) under 一、
    level: int  # 1 for 一、, 2 for (一), 3 for 1.
    heading: str  # the heading text without its numbering
    start: int  # span of the heading line
    end: int

    @property
    def parent_number(self) -> str | None:
        return self.number.rsplit(".", 1)[0] if "." in self.number else None


@dataclass(frozen=True)
class Passage:
    """One sentence, layout repaired. `text` is the file's text between start and end, less the
    line breaks inside the sentence, the spaces PDF conversion left inside words and the footnote
    marks glued to words; `offsets` says where each of its characters stands in the file."""

    index: int  # position among the report's passages, from 0
    text: str
    start: int
    end: int
    section: str | None  # number of the innermost section it stands in
    paragraph: int = 0  # position of its paragraph among the report's paragraphs
    # the file offset of each character of `text`: the repaired text leaves out line breaks,
    # spaces a PDF conversion put inside words (全县生 产总值 266.67 亿元) and footnote marks
    offsets: tuple[int, ...] = field(default=(), repr=False, compare=False)
    table: int | None = None  # a row of a table: the table's number in the report (Table.number)
    row: int | None = None  # and the row's, from 0 for its head row


@dataclass(frozen=True)
class Table:
    """A table of data of a Word file or web page: 主要指标完成情况表 (指标 | 单位 | 计划 | 完成 | 增长)."""

    number: int  # from 1, in the order of the report
    caption: str | None  # the line just before it, when that names it (表1: 2025年主要经济指标)
    start: int  # span of its rows
    end: int
    section: str | None


@dataclass(frozen=True)
class Caption:
    """A chart caption such as 图1: 2025年全市地区生产总值增速(%): not a sentence of the report."""

    text: str
    start: int
    end: int
    section: str | None


@dataclass(frozen=True)
class Truncation:
    """A continuation marker such as (下转第四版): the text in the file stops there."""

    note: str  # 下转第四版
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """A report as read: its decoded text and everything located in it."""

    source: str  # file name
    sha256: str  # of the file's bytes
    text: str  # the decoded file text that all offsets point into
    meta: ReportMeta
    sections: tuple[Section, ...]
    passages: tuple[Passage, ...]
    captions: tuple[Caption, ...] = ()
    truncation: Truncation | None = None
    unread: tuple[tuple[int, int], ...] = ()  # file spans of text too long to be a sentence, left out
    # bad bytes of a damaged file, each read as one U+FFFD: (byte offset in the file, offset in text)
    replaced: tuple[tuple[int, int], ...] = ()
    # "pdf", "docx", "html": text is what plankg read from a file of that kind (kept with the output)
    read_from: str | None = None
    tables: tuple[Table, ...] = ()
    pages: tuple[int, ...] = ()  # of a PDF: the offset in text at which each page's text starts

    def page_of(self, offset: int) -> int | None:
        """The page (from 1) of a PDF that the text at `offset` was printed on."""
        return bisect_right(self.pages, offset) if self.pages else None


class FigureKind(str, Enum):
    OBSERVATION = "observation"  # a figure of a past period
    TARGET = "target"  # a goal for a future period


@dataclass(frozen=True)
class Figure:
    """One figure as one clause states it. Numbers are kept as the decimal strings the text
    writes (full-width digits made ASCII, Chinese numerals as digits), so nothing is rounded on
    the way to RDF; normalized_value is the one number computed, from value and unit."""

    kind: FigureKind
    passage: int  # Passage.index
    start: int  # span of the clauses the figure was read from
    end: int
    indicator: str  # the measure as the report writes it: 地区生产总值
    value: str | None = None
    unit: str | None = None  # as written, magnitude included: 亿元
    normalized_value: str | None = None  # value in normalized_unit: 181500000000
    normalized_unit: str | None = None  # yuan
    ratio: str | None = None  # 1:7.3
    multiple: str | None = None  # 3 for 达到…水平的三倍
    growth_rate: str | None = None  # percent, "-6.8" for 下降6.8%
    point_change: str | None = None  # percentage points, "-0.5" for 回落0.5个百分点
    rank: int | None = None  # of the figure itself (总量全省排名第6, or a plain 全省排名第8)
    growth_rank: int | None = None  # of its growth rate (增速全省排名第5)
    rank_scope: str | None = None  # 全省
    rank_note: str | None = None  # 增速全省前列 / 全省第一方阵, where no rank is given
    share_of_target: str | None = None  # 95.06 for 完成年度目标的95.06%
    period: str | None = None  # "2025", "2025-H1", "2025-01/2025-11"
    target_year: int | None = None
    qualifier: str | None = None  # 以上 / 左右 / 近 / 超过 ...
    notes: tuple[str, ...] = ()  # how it was reached: 预计, 按不变价格计算, 同口径 ...
    ref_area: str | None = None  # the place the figure is about, as named
    parent_indicator: str | None = None  # 地区生产总值 for 一产增加值 after 其中


@dataclass(frozen=True)
class Mention:
    """A name of a thing in a passage: an organization, project, policy, sector or place."""

    kind: str  # a kind of graph.kinds: Place, Company, Bank, School, Organization, Project, Policy, Sector
    name: str  # the name to label it by (quotes and layout removed)
    passage: int  # Passage.index
    start: int  # span of the name in the file
    end: int
    code: str | None = None  # a Place's division code (140200), or a Sector's key in the taxonomy
    place_type: str | None = None  # division / zone / region / foreign / locality
    statuses: tuple[str, ...] = ()  # what the text says happened to a project: 开工, 投产 ...
    capacity: str | None = None  # a project's capacity as written: 2×100万千瓦
    document_type: str | None = None  # a policy's kind, from its title's ending: 方案, 办法 ...
    actions: tuple[str, ...] = ()  # what the text does with a policy: 印发, 落实 ...
    valid_period: str | None = None  # a policy's period as its title gives it: 2025-2035
    issuer: str | None = None  # who issued a policy, when the text says
    written: str = ""  # the name as the text writes it, where it differs (大同 for 大同市)


@dataclass(frozen=True)
class Relation:
    """Two mentioned things and how the passage relates them (an ontology property)."""

    subject: tuple[str, str]  # (kind, name) of a Mention
    predicate: str  # involves / inSector / locatedIn / relatedTo
    object: tuple[str, str]
    passage: int
    context: int | None = None  # a second passage it rests on: the paragraph's opening sentence


@dataclass(frozen=True)
class Extraction:
    """Everything extract found in one document."""

    figures: tuple[Figure, ...] = ()
    mentions: tuple[Mention, ...] = ()
    relations: tuple[Relation, ...] = ()
    creator: tuple[str, str] | None = None  # (kind, name) of the body that made the report


@dataclass(frozen=True)
class Entity:
    """One real thing, resolved: every passage that names it, under one stable key."""

    kind: str  # ontology class name: "Indicator", "Place", "Company", ...
    key: str  # stable identifier within its group, used to mint the IRI
    label: str  # the Chinese label
    alt_labels: tuple[str, ...] = ()
    passages: tuple[int, ...] = ()  # Passage.index of every passage that names it
    english: str | None = None
    broader: str | None = None  # key of the entity of the same group this one is part of
    attributes: tuple[tuple[str, str], ...] = ()  # (ontology property, value): status, capacity ...

    @property
    def group(self) -> str:
        """The IRI namespace of the entity: every kind of organization is an organization."""
        return group_of(self.kind)


@dataclass(frozen=True)
class ResolvedRelation:
    """A relation between two entities (group, key), and the passage it rests on; None for what
    the reference lists say (a county lies in its city) rather than the report."""

    subject: tuple[str, str]
    predicate: str
    object: tuple[str, str]
    passage: int | None
    context: int | None = None  # a second passage it rests on (see Relation.context)


@dataclass(frozen=True)
class Resolution:
    """The entities of one document, and how the extraction's names map to them."""

    entities: tuple[Entity, ...]
    indicator_keys: dict[str, str] = field(default_factory=dict)  # indicator name -> entity key
    place_keys: dict[str, str] = field(default_factory=dict)  # place name -> entity key
    relations: tuple[ResolvedRelation, ...] = ()
    creator: tuple[str, str] | None = None  # (group, key) of the body that made the report


@dataclass(frozen=True)
class ReportResult:
    """All a report yields, stage by stage, ready to become RDF."""

    document: Document
    extraction: Extraction
    resolution: Resolution
