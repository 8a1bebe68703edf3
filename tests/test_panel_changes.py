"""The panel's growth actual is a growth rate: an absolute change (比上年增加8亿元) is not one."""

from __future__ import annotations

from extractor import panel as P


def _indicator(raw: str, number: float, base_value: float, base_unit: str, start: int) -> dict:
    value = {
        "raw": raw,
        "span": {"start": start, "end": start + len(raw)},
        "number": number,
        "high": None,
        "unit": raw.lstrip("0123456789."),
        "base_value": base_value,
        "base_high": None,
        "base_unit": base_unit,
        "approx": None,
    }
    return {
        "name": "地区生产总值",
        "name_simplified": "地区生产总值",
        "canonical": "gdp",
        "kind": "actual",
        "measure": "growth",
        "value": None,
        "year": 2019,
        "change": {"direction": "up", "value": value, "base_year": None, "base": "比上年"},
        "span": {"start": 0, "end": start + len(raw)},
        "sentence": {"start": 0, "end": 40},
    }


def test_an_absolute_change_is_not_the_growth_actual() -> None:
    doc = {
        "source": {"sha256": "x", "path": "hailar_2020.txt"},
        "meta": {"region": "海拉尔区", "admin_level": "county", "admin_code": "150702", "year_reviewed": 2019},
        "indicators": [
            _indicator("8亿元", 8, 800000000, "元", 12),
            _indicator("6.5%", 6.5, 6.5, "%", 20),
            _indicator("0.5个百分点", 0.5, 0.5, "个百分点", 30),
        ],
        "goals": [],
    }
    rows, _ = P.build([doc])
    by_measure = {r["measure"]: r for r in rows if r["indicator"] == "gdp"}
    assert by_measure["growth"]["actual_value"] == 6.5 and by_measure["growth"]["actual_unit"] == "%"
    assert by_measure["change_pp"]["actual_value"] == 0.5
    assert not any(r["actual_unit"] == "元" for r in rows if r["measure"] != "level")
