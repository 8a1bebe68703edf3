"""The output contract: pydantic models of a Document and its records.

Every span is half-open and indexes the decoded text (BOM removed, line endings as they were), so
``text[span.start:span.end]`` is exactly what the record quotes. Numbers are exact decimals inside and are
written as JSON numbers without float noise (384.87万元 -> 3848700).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import Annotated, Literal, TypeVar, cast

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, WithJsonSchema, model_validator

SCHEMA_VERSION = "1.0"


def _plain(d: Decimal) -> int | float:
    return int(d) if d == d.to_integral_value() else float(d)


Number = Annotated[
    Decimal,
    PlainSerializer(_plain, return_type=int | float, when_used="always"),
    WithJsonSchema({"type": "number"}),
]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Span(Model):
    """A half-open character range [start, end) in the decoded text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError("span end before start")
        return self


def span_of(start: int, end: int) -> Span:
    """A span to hand to a record's constructor. The record's validation turns it into a Span, with the same checks,
    inside its own call: building the Span first costs a model construction of its own, and spans are the most
    numerous models (a third of a report's records time went to them)."""
    return cast(Span, {"start": start, "end": end})


Approx = Literal["more_than", "about", "at_most", "at_least"]


class Quantity(Model):
    """One number-with-unit mention."""

    raw: str = Field(description="the mention exactly as written: text[span.start:span.end]")
    span: Span
    number: Number = Field(description="the number as written (low end of a range), before the scale")
    high: Number | None = Field(None, description="the high end of a range, as written")
    unit: str = Field(description="scale and unit as written (億元, 个百分点)")
    base_value: Number = Field(description="number times scale (万 1e4, 亿 1e8) in base_unit")
    base_high: Number | None = None
    base_unit: str = Field(description="unit without scale, simplified: 元, %, 个百分点, 亩, 人 ...")
    approx: Approx | None = Field(None, description="approximation or bound word kept from the text")


class Change(Model):
    direction: Literal["up", "down", "flat"]
    value: Quantity | None = None
    base_year: int | None = Field(None, description="the year compared against (比2018年 -> 2018)")
    base: str | None = Field(None, description="the comparison as written (比2018年, 同比)")


class Rank(Model):
    scope: str | None = Field(None, description="where the rank holds (全县)")
    position: int | None = Field(None, description="1 for first; null for 'among the leaders'")
    raw: str
    span: Span


IndicatorKind = Literal["actual", "cumulative", "ytd"]
Measure = Literal["level", "growth", "share", "change_pp", "rank"]


class Indicator(Model):
    """A quantity in the review part that measures something."""

    name: str = Field(description="what is measured, as written")
    name_simplified: str
    canonical: str | None = Field(None, description="id from the indicator lexicon")
    kind: IndicatorKind = "actual"
    measure: Measure = "level"
    value: Quantity | None = Field(None, description="the level; null when only a change is given")
    year: int | None = None
    period: str | None = Field(None, description="part of a year or several years (1-9月, 上半年, 过去五年)")
    change: Change | None = None
    rank: Rank | None = None
    estimated: bool = Field(False, description="an estimate, not a final figure (预计实现6240亿元, 初步预计)")
    span: Span = Field(description="from the name to the end of the last number")
    sentence: Span


Qualifier = Literal["about", "at_least", "at_most", "range", "exact"]
TargetMeasure = Literal["level", "growth", "share", "change_pp", "rank"]


class Target(Model):
    """One thing a goal commits to: a quantity (or, for a qualitative target, none) and how it is bounded."""

    subject: str | None = Field(None, description="what is counted or measured, as written (家庭農場, 地区生产总值)")
    subject_simplified: str | None = None
    canonical: str | None = Field(None, description="id from the indicator lexicon")
    value: Quantity | None = Field(None, description="null for a qualitative target (居民收入增长和经济增长同步)")
    measure: TargetMeasure = "level"
    qualifier: Qualifier | None = Field(
        None, description="about 左右/约, at_least 以上/不低于, at_most 以内/控制在, range, exact"
    )
    qualifier_raw: str | None = Field(None, description="the qualifying words as written (左右, 以上, 控制在…以内)")
    rank: Rank | None = Field(None, description="for a rank target (进入全县前列, 列全市第一)")
    text: str = Field(description="the target's own words (a clause of the goal)")
    span: Span


GoalKind = Literal["target", "plan_average", "task"]


class Deadline(Model):
    """When a goal is due, as its words say (6月底前, 年底前, 到2025年, 三年内)."""

    date: str = Field(description="ISO year (2025), year-month (2025-06) or date (2025-06-30)")
    raw: str = Field(description="the phrase as written: text[span.start:span.end]")
    span: Span


class LeadUnit(Model):
    """The unit that leads a task (由县发改局牵头, 县交通局负责, 牵头单位：…)."""

    name: str = Field(description="the unit as written: text[span.start:span.end]")
    span: Span


class Goal(Model):
    """A commitment in the plan part: an enumerated item or a sentence with a commitment verb."""

    text: str
    span: Span
    sentence: Span
    year: int | None = Field(None, description="the planned year")
    theme: str | None = Field(None, description="the heading the goal sits under")
    kind: GoalKind = Field("task", description="target (has targets), plan_average (年均), task (no target)")
    strength: Literal["hard", "soft"] | None = Field(None, description="hard 确保/必须/坚决, soft 力争/争取/努力")
    deadline: Deadline | None = Field(None, description="when it is due, from its own words; null when they are silent")
    lead_unit: LeadUnit | None = Field(None, description="who leads it, from its own words; null when they are silent")
    targets: list[Target] = Field(default_factory=list)


ProjectStatus = Literal["planned", "started", "in_progress", "completed", "operating", "signed"]
ProjectEvidence = Literal["head", "verb", "list", "quoted"]
ProjectLevel = Literal["national", "provincial", "prefecture", "county"]


class Project(Model):
    """A named project or works item."""

    name: str
    span: Span
    sentence: Span
    evidence: ProjectEvidence = Field(
        "head",
        description="how it was recognised: head (its name ends with 项目, 工程, 公路 …), verb (a works verb in its "
        "clause and a weak head, road code or capacity: 建成新六路), list (an item of a list closed by 等…项目), "
        "quoted (its name opens with a quotation mark)",
    )
    category: str | None = Field(None, description="transport, water, energy, agriculture, industry, housing, ...")
    locations: list[str] = Field(default_factory=list, description="villages, groups, towns, rivers named with it")
    quantities: list[Quantity] = Field(default_factory=list, description="sizes: 公里, 亩, 平方米, 座, 户 ...")
    investment: Quantity | None = Field(None, description="money tied to it (总投资, 资金投入, 完成投资)")
    status: ProjectStatus | None = None
    level: ProjectLevel | None = Field(None, description="the level of a key-project list it is on (省重点)")
    year: int | None = None


class Heading(Model):
    text: str
    span: Span
    level: int = Field(description="1 for a part heading (一、), 2 for (一), 3 for 1. or ——")


SectionKind = Literal["preamble", "review", "problems", "plan", "appendix"]


class Section(Model):
    kind: SectionKind
    heading: str | None = None
    heading_span: Span | None = None
    span: Span
    headings: list[Heading] = Field(default_factory=list, description="sub-headings inside this part")


AdminLevel = Literal["national", "provincial", "prefecture", "county", "township", "other"]


Genre = Literal["work_report", "summary_plan", "summary", "plan", "policy_address", "other"]


class Meta(Model):
    title: str | None = None
    genre: Genre | None = Field(
        None,
        description="work_report (政府工作报告), summary_plan (工作总结及规划), summary (工作总结, review only), "
        "plan (工作要点, 工作计划, 规划纲要, 行动方案, 实施方案), policy_address (施政报告), other; from the title "
        "and the structure",
    )
    region: str | None = Field(None, description="the smallest region the report is about, as written")
    region_simplified: str | None = None
    admin_level: AdminLevel | None = None
    admin_code: str | None = Field(
        None,
        description="the most specific division code the evidence supports: the 9-digit statistical code of a "
        "township, the 6-digit GB/T 2260 code of a county or above",
    )
    admin_path: list[str] = Field(
        default_factory=list, description="province, prefecture and county names down to the region's county"
    )
    admin_candidates: list[str] = Field(
        default_factory=list, description="the codes the region's name may stand for, when the text does not decide"
    )
    year_reviewed: int | None = None
    year_planned: int | None = None


class Row(Model):
    """The spreadsheet or CSV row a document was read from (``govreport batch dataset.xlsx``)."""

    sheet: str | None = Field(None, description="the worksheet's name; null for a CSV or TSV file")
    number: int = Field(ge=1, description="the row's number as a spreadsheet shows it: the header is row 1")
    fields: dict[str, str] = Field(
        default_factory=dict, description="the row's other cells by column name, as text ('' for an empty cell)"
    )


class Source(Model):
    path: str | None = None
    sha256: str = Field(
        description="the file's sha256; for a row of a dataset, the sha256 of its text, sheet and row number"
    )
    encoding: str
    format: str = "txt"
    script: Literal["simplified", "traditional", "mixed"]
    chars: int
    text: str | None = Field(None, description="the decoded text, when asked for (--include-text)")
    row: Row | None = Field(None, description="the dataset row the text was read from; null for a file")


NoiseKind = Literal[
    "breadcrumb",
    "toolbar",
    "qr_code",
    "related",
    "footer",
    "metadata",
    "share",
    "placeholder",
    "watermark",
    "markup",
    "spam",
]


class Noise(Model):
    kind: NoiseKind
    span: Span
    text: str


class Warning(Model):
    code: str = Field(description="placeholder, noise, encoding_guess, no_sections, ...")
    message: str
    span: Span | None = None


class Document(Model):
    schema_version: str = SCHEMA_VERSION
    source: Source
    meta: Meta
    sections: list[Section] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list, description="every quantity mention outside noise")
    indicators: list[Indicator] = Field(default_factory=list)
    projects: list[Project] = Field(default_factory=list)
    goals: list[Goal] = Field(default_factory=list)
    noise: list[Noise] = Field(default_factory=list)
    warnings: list[Warning] = Field(default_factory=list)


_M = TypeVar("_M", bound=BaseModel)


# Set (to anything but empty) to have every record made by ``builder`` validated in strict mode instead: the test
# suite reads its texts so and compares the output with the default's.
CHECK_RECORDS_ENV = "GOVREPORT_CHECK_RECORDS"


def builder(model: type[_M]) -> Callable[[dict[str, object]], _M]:
    """How the record builders make the records they make per figure, goal or name (quantities, spans, indicators,
    changes, targets, goals, projects): ``model`` from a dict that holds every field, in the model's order, each value
    already of its field's type (a nested record as a model, never as a dict).

    The values are the package's own readings, typed where they are made, so validation would only repeat what
    the types say, and it is most of a record's cost: a dense text has a figure every two characters. Validation
    also gives every instance its own set of the fields given (728 bytes for nine fields), a third of a figure's
    memory. The instance is made as pydantic's own ``model_construct`` and ``__copy__`` make one, in the four slots
    of ``BaseModel``, and every instance of a model shares one set of all its field names: all of them are given,
    so an assignment adds nothing to it, and a copy gets its own.

    With ``GOVREPORT_CHECK_RECORDS`` set, each dict is validated in strict mode instead, and it must already be
    what validation makes of it (every field, in order, nothing converted), else a ``ValueError`` names the
    field. The environment is read when the builder is asked for, once per text.
    """
    return _checked(model) if os.environ.get(CHECK_RECORDS_ENV) else _trusted(model)


def _slot_setter(model: type[BaseModel], name: str) -> Callable[[object, object], None]:
    """The setter of the slot ``name`` where the class that declares it keeps it: a third faster than
    ``object.__setattr__``, which looks the name up along the classes first."""
    owner = next(k for k in model.__mro__ if name in vars(k))
    return cast(Callable[[object, object], None], vars(owner)[name].__set__)


@cache
def _trusted(model: type[_M]) -> Callable[[dict[str, object]], _M]:
    if model.__private_attributes__ or model.__pydantic_post_init__ or model.model_config.get("extra") == "allow":
        # Such a model keeps state beyond its fields, which the four slots below would leave unset.
        raise TypeError(f"{model.__name__}: private attributes, a post-init hook or extra fields; validate it")
    fields_set = set(model.model_fields)
    new = model.__new__
    put_dict, put_set, put_extra, put_private = (
        _slot_setter(model, name)
        for name in ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__")
    )

    def build(values: dict[str, object]) -> _M:
        m = new(model)
        put_dict(m, values)
        put_set(m, fields_set)
        put_extra(m, None)
        put_private(m, None)
        return m

    return build


@cache
def _checked(model: type[_M]) -> Callable[[dict[str, object]], _M]:
    names = list(model.model_fields)
    validate = model.__pydantic_validator__.validate_python

    def build(values: dict[str, object]) -> _M:
        if list(values) != names:
            raise ValueError(f"{model.__name__}: fields {list(values)}, not {names}")
        m = cast(_M, validate(values, strict=True))
        for name in names:
            if type(m.__dict__[name]) is not type(values[name]):
                given, made = type(values[name]).__name__, type(m.__dict__[name]).__name__
                raise ValueError(f"{model.__name__}.{name}: given a {given}, validated into a {made}")
        return m

    return build
