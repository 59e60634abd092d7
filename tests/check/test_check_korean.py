"""The report in Korean (``aiindex check --lang ko``): grades, figures with Korean units,
reasons and sources, aligned."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from aiindex._check import check, run_check_cli
from aiindex._check.korean import GRADES_KO, explanation_ko
from aiindex._present.text import width

CORPUS = Path(__file__).parent / "corpus"
# The words of the English reasons: none may be left in a Korean one.
_ENGLISH = re.compile(
    r"the report prints|the text says|agrees within|no figure|no indicator|no entity|"
    r"uncertain|cannot tell|is named|not shipped|does not ship"
)


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_every_reason_is_worded_in_korean(path: Path) -> None:
    report = check(path.read_text(encoding="utf-8"))
    for c in report.claims:
        reason = explanation_ko(c)
        assert reason and not _ENGLISH.search(reason), (c.explanation, reason)


def test_the_korean_table_is_aligned_and_says_the_grade_in_korean() -> None:
    text = (
        "AI 인덱스 2024에 따르면 한국은 인구 10만명당 AI 특허 수가 10.26건으로 1위였다. "
        "중국(72억6천만달러)은 AI 민간 투자 2위였다."
    )
    out, status = run_check_cli(text, as_json=False, edition=None, lang="ko")
    head, *rows, summary = out.splitlines()
    assert head.split() == ["판정", "주장", "보고서", "수치", "근거"]
    columns = [width(head[: head.index(name)]) for name in ("주장", "보고서 수치", "근거")]
    report = check(text)
    for row, c in zip(rows, report.claims, strict=True):
        assert row.startswith(GRADES_KO[c.grade])
        cells = [c.text, row.split("  ")[-1].strip()[:6]]
        starts = [width(row[: row.index(cells[0])]), width(row[: row.rindex(cells[1])])]
        assert starts == [columns[0], columns[2]], row
    assert "7.76 십억 달러" in rows[2] and "재인용: etnews.com" in rows[2]
    assert (
        summary
        == "주장 4건 (AI 인덱스 2024 기준): 일치 3건, 불일치 1건, 순위 확인 불가 0건, 확인 불가 0건"
    )
    assert status == 1


def test_lang_is_the_table_s_language_the_text_s_is_told_from_its_script() -> None:
    text = "According to the AI Index 2026, South Korea's private AI investment was $1.8 billion."
    out, _ = run_check_cli(text, as_json=False, edition=None, lang="ko")
    assert out.splitlines()[1].startswith("일치") and "[한국]" in out
    english, _ = run_check_cli(text, as_json=False, edition=None, lang=None)
    assert english.splitlines()[1].startswith("supported")


def test_an_unshipped_edition_is_said_in_korean() -> None:
    out, _ = run_check_cli(
        "The AI Index 2031 says Korea invested $9.9 billion.",
        as_json=False,
        edition=None,
        lang="ko",
    )
    assert "aiindex에 없는 'AI 인덱스 2031'" in out
    assert out.splitlines()[-1].startswith("주장 1건 (AI 인덱스 2031: aiindex에 없는 판")
