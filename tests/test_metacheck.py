"""The metadata check (extractor.metacheck): a claimed region and year against what a report's text says.

Rows are (claim <- what the text says): the region up to suffix, script, path and ethnic name; the year a
report is given in. Negatives: names that contain the claim (米易县 holds 易县, 高唐县 holds 唐县) are other places.
"""

from __future__ import annotations

import pytest

from extractor import extract
from extractor.metacheck import check, claimed_year, report_years, same_region
from extractor.models import Meta


def _meta(region: str | None, path: tuple[str, ...] = (), level: str = "county", **kw: object) -> Meta:
    from extractor.normalize import simplified

    return Meta(
        region=region,
        region_simplified=simplified(region) if region else None,
        admin_level=level if region else None,  # type: ignore[arg-type]
        admin_path=list(path),
        **kw,  # type: ignore[arg-type]
    )


SAME = [
    ("清苑", _meta("清苑区", ("河北省", "保定市", "清苑区"))),
    ("清苑区", _meta("清苑县", ("河北省", "保定市"))),
    ("清苑縣", _meta("清苑区", ("河北省", "保定市", "清苑区"))),
    ("保定市清苑区", _meta("清苑县", ("河北省", "保定市"))),
    ("河北省 保定市 易县", _meta("易县", ("河北省", "保定市", "易县"))),
    ("易县", _meta("易县", ("河北省", "保定市", "易县"))),
    ("雄县", _meta("雄县", ("河北省", "保定市", "雄县"))),
    ("香港", _meta("香港特別行政區", (), "other")),
    ("峨边县", _meta("峨边彝族自治县", ("四川省", "乐山市", "峨边彝族自治县"))),
    ("湘西州", _meta("湘西土家族苗族自治州", ("湖南省", "湘西土家族苗族自治州"), "prefecture")),
    ("宁夏", _meta("宁夏回族自治区", ("宁夏回族自治区",), "provincial")),
    ("巴音郭楞", _meta("巴音郭楞蒙古自治州", ("新疆维吾尔自治区", "巴音郭楞蒙古自治州"), "prefecture")),
    ("国务院", _meta("中华人民共和国", (), "national")),
    ("全国", _meta("中华人民共和国", (), "national")),
    ("徐水县", _meta("徐水区", ("河北省", "保定市", "徐水区"))),
]

DIFFERENT = [
    ("易县", _meta("米易县", ("四川省", "攀枝花市", "米易县"))),
    ("唐县", _meta("高唐县", ("山东省", "聊城市", "高唐县"))),
    ("易", _meta("米易县", ("四川省", "攀枝花市", "米易县"))),
    ("河北省易县", _meta("米易县", ("四川省", "攀枝花市", "米易县"))),
    ("保定市", _meta("清苑区", ("河北省", "保定市", "清苑区"))),  # the prefecture is not its county
    ("清苑区", _meta("保定市", ("河北省", "保定市"), "prefecture")),
    ("高唐县", _meta("唐县", ("河北省", "保定市", "唐县"))),
    ("满城区", _meta("清苑区", ("河北省", "保定市", "清苑区"))),
]


@pytest.mark.parametrize(("claim", "meta"), SAME, ids=[c for c, _ in SAME])
def test_same_region(claim: str, meta: Meta) -> None:
    assert same_region(claim, meta)
    assert check(meta, {"region": claim}).warnings == ()


@pytest.mark.parametrize(("claim", "meta"), DIFFERENT, ids=[c for c, _ in DIFFERENT])
def test_different_region(claim: str, meta: Meta) -> None:
    assert not same_region(claim, meta)
    (w,) = check(meta, {"region": claim}).warnings
    assert w.code == "meta_check" and claim in w.message and meta.region in w.message  # type: ignore[operator]


@pytest.mark.xfail(strict=True, reason="中国 is no division name in admin_levels.tsv or the gazetteer")
def test_known_gap_china() -> None:
    assert same_region("中国", _meta("中华人民共和国", (), "national"))


@pytest.mark.parametrize(
    ("value", "year"), [("2019", 2019), ("2019年", 2019), ("2019-03-01", 2019), (" 二〇一九 ", None), ("19", None)]
)
def test_claimed_year(value: str, year: int | None) -> None:
    assert claimed_year(value) == year


YEARS = [
    # a work report is given in the year it plans: that year only
    ("work_report", 2018, 2019, {2019}),
    # a summary with a plan is written at the end of the year it reviews or early in the next
    ("summary_plan", 2019, 2020, {2019, 2020}),
    ("summary", 2019, None, {2019, 2020}),
    ("plan", None, 2022, {2021, 2022}),
    ("policy_address", 2017, 2018, {2017, 2018}),
    # a work report without its planned year: the year reviewed or the next
    ("work_report", 2018, None, {2018, 2019}),
    (None, None, None, set()),
]


@pytest.mark.parametrize(("genre", "reviewed", "planned", "years"), YEARS)
def test_report_years(genre: str | None, reviewed: int | None, planned: int | None, years: set[int]) -> None:
    m = _meta("易县", genre=genre, year_reviewed=reviewed, year_planned=planned)
    assert report_years(m) == years


def test_year_mismatch_names_both() -> None:
    m = _meta("易县", genre="work_report", year_reviewed=2018, year_planned=2019)
    assert check(m, {"year": "2019年"}).warnings == ()
    (w,) = check(m, {"year": "2018"}).warnings
    assert (w.code, w.message) == ("meta_check", "claimed year 2018, but the text reviews 2018 and plans 2019")


def test_no_evidence_is_said_never_guessed() -> None:
    m = _meta(None)
    f = check(m, {"region": "易县", "year": "2019"})
    assert [w.code for w in f.warnings] == ["meta_check_no_evidence", "meta_check_no_evidence"]
    assert f.mismatches == ()
    assert "not checked" in f.warnings[0].message
    (w,) = check(_meta("易县"), {"year": "不详"}).warnings
    assert w.code == "meta_check_claim"
    assert check(_meta("易县"), {"region": "", "year": " "}).warnings == ()  # nothing claimed, nothing checked


def test_on_an_extracted_report() -> None:
    text = (
        "易县2019年政府工作报告\n一、2018年工作回顾\n全县地区生产总值增长6.5%。\n"
        "二、2019年工作安排\n主要预期目标是：地区生产总值增长7%左右。\n"
    )
    doc = extract(text)
    assert (doc.meta.region, doc.meta.year_planned) == ("易县", 2019)
    assert check(doc.meta, {"region": "易县", "year": "2019"}).warnings == ()
    assert [w.code for w in check(doc.meta, {"region": "米易县", "year": "2019"}).warnings] == ["meta_check"]
