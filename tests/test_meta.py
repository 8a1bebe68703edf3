"""Region metadata from titles and sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor import extract

BODY = "\n一、2019年工作回顾\n全镇完成生产总值3亿元。"


@pytest.mark.parametrize(
    ("title", "region", "level"),
    [
        # Township names are not in GB/T 2260; characters that mark a sentence elsewhere may be part of them.
        ("和平镇2019年工作总结及2020年工作计划", "和平镇", "township"),
        ("上塘镇人民政府工作报告", "上塘镇", "township"),
        ("洪山镇2019年工作总结", "洪山镇", "township"),
    ],
)
def test_region_from_the_title(title: str, region: str, level: str) -> None:
    meta = extract(title + BODY).meta
    assert (meta.region, meta.admin_level) == (region, level)


def test_a_sentence_word_is_no_region() -> None:
    # 在本县第十届人民代表大会: 本县 is "this county", not a county's name.
    text = "政府工作报告\n2020年1月5日在本县第十届人民代表大会第三次会议上\n各位代表：" + BODY
    assert extract(text).meta.region is None



@pytest.mark.parametrize("eol", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_a_crlf_report_reads_its_congress_date_as_an_lf_one(eol: str) -> None:
    # A CRLF text's \r ends a line for the title, head and year patterns too: with it left in, the congress date below
    # the speaker's line (——在金碧镇第十四届人民代表大会第七次会议上 / 镇长王 鹏 / 2025年1月3日) was missed and the
    # reviewed year taken as 2023.
    path = Path(__file__).parent / "data" / "townships" / "texts" / "r10t09_jinbi_2024.txt"
    text = path.read_text(encoding="utf-8").replace("\n", eol)
    meta = extract(text).meta
    assert (meta.region, meta.year_reviewed, meta.year_planned) == ("金碧镇", 2024, 2025)


@pytest.mark.parametrize("stem", ["s86t05_changshoulu_2018", "s91t05_longshan_2011", "s99t07_jiyuanlu_2017"])
def test_a_bom_left_on_the_text_changes_nothing_but_offsets(stem: str) -> None:
    # extract() on text read with encoding="utf-8" keeps its BOM; 70 of 2,144 excerpts then lost or changed their
    # region or years (长寿路街道 became 普陀区), 6 gained a figure.
    path = Path(__file__).parent / "data" / "townships" / "texts" / f"{stem}.txt"
    text = path.read_text(encoding="utf-8")
    plain, bom = extract(text), extract("\ufeff" + text)
    assert bom.meta.model_dump(exclude={"title_span"}) == plain.meta.model_dump(exclude={"title_span"})
    assert [(q.raw, q.span.start + 1) for q in plain.quantities] == [(q.raw, q.span.start) for q in bom.quantities]


@pytest.mark.parametrize(
    ("stem", "region", "years"),
    [("s158t03_zhaiwu_2015", "宅梧镇", None), ("s110t06_xijiang_2024", "西江镇", (2024, 2025))],
)
def test_blank_lines_between_a_pages_lines_leave_its_head_as_long(
    stem: str, region: str, years: tuple[int, int] | None
) -> None:
    # The head is the first fifteen lines that are not blank: counted with the blank ones, a page that sets one
    # between its lines (most web copies) had half the head, and its township's name or its date fell outside it.
    path = Path(__file__).parent / "data" / "townships" / "texts" / f"{stem}.txt"
    text = path.read_text(encoding="utf-8")
    for page in (text, text.replace("\n", "\n\n")):
        meta = extract(page).meta
        assert meta.region == region
        if years:
            assert (meta.year_reviewed, meta.year_planned) == years
