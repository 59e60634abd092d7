"""Korean presentation: press names, units, ranks and tables."""

from __future__ import annotations

import pytest

import aiindex
from aiindex._present.korean import name_ko, rank_ko, unit_ko, unit_label_ko
from aiindex._present.text import profile_table_ko, ranking_table_ko, width


def test_rank_ko() -> None:
    assert rank_ko(9, tied=True) == "공동 9위"
    assert rank_ko(3) == "3위"
    assert rank_ko(None) == "-"
    for bad in (0, -1, True, 1.5):
        with pytest.raises(ValueError):
            rank_ko(bad)  # type: ignore[arg-type]


def test_press_names() -> None:
    assert [name_ko(x) for x in ("KOR", "USA", "TWN", "ARE")] == [
        "한국",
        "미국",
        "대만",
        "아랍에미리트",
    ]
    with pytest.raises(aiindex.UnknownEntityError):
        name_ko("Koreaa")


def test_units() -> None:
    assert unit_ko("patent / (hundred_thousand * person)") == "인구 10만 명당 건"
    assert unit_ko("billion * USD") == "십억 달러"
    assert unit_ko("percent") == "%"
    ind = aiindex.indicator("ai_patents_per_capita", edition=2024)
    assert unit_label_ko(ind).startswith("인구 10만 명당")


def test_ranking_table_ties_and_alignment() -> None:
    text = ranking_table_ko(aiindex.indicator("private_investment", edition=2024).ranking())
    lines = text.splitlines()
    kor = next(line for line in lines if " KOR " in line)
    assert kor.lstrip().startswith("공동 9위") and "한국" in kor
    # The value column ends at the same terminal column on every row.
    body = lines[1:15]
    ends = {width(line.split("  수치")[0].rstrip()) for line in body}
    assert len(ends) == 1
    (source,) = [line for line in lines if line.startswith("출처: ")]
    assert source.startswith("출처: 스탠퍼드대 HAI 'AI 인덱스 2024'")


def test_profile_table() -> None:
    text = profile_table_ko(aiindex.profile("KOR", edition=2024))
    assert text.splitlines()[0] == "AI 인덱스 2024 속 한국 (KOR)"
    assert "공동 9위" in text and "이스라엘" in text
