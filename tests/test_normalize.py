from __future__ import annotations

from extractor.normalize import detect_script, make_view, to_simplified


def test_view_has_the_same_length_and_maps_script_width_and_spaces() -> None:
    text = "當前頁麵:\u00a0首頁\u3000２０１９年增長５．１％，達到１２３萬元"
    view = make_view(text)
    assert len(view) == len(text)
    assert view == "当前页面: 首页 2019年增长5.1%,达到123万元"


def test_view_keeps_length_when_opencc_would_change_it() -> None:
    text = "乾隆年間" * 50 + "\r\n" + "測試"
    assert len(make_view(text)) == len(text)


def test_script_detection(sample_text: str) -> None:
    assert detect_script(sample_text) == "traditional"
    assert detect_script(make_view(sample_text)) == "simplified"
    assert detect_script("全镇完成工农业总产值" + "工農業總產值") == "mixed"
    assert detect_script("2019 GDP 5%") == "simplified"


def test_script_detection_with_the_simplified_text_agrees_with_counting(sample_text: str) -> None:
    # The short cut (OpenCC left the text unchanged) must give what counting characters gives.
    for text in [sample_text, make_view(sample_text), "全镇完成工农业总产值" + "工農業總產值", "2019 GDP 5%", ""]:
        assert detect_script(text, to_simplified(text)) == detect_script(text)
