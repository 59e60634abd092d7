"""The examples of issue 11 ("Why"): correct figures are never graded contradicted."""

from __future__ import annotations

from pathlib import Path

import pytest

import aiindex
from aiindex._check import check
from aiindex._check.claims import clauses
from aiindex._check.report import Claim, Report


def graded(text: str, **kw: object) -> list[tuple[str, str | None, str | None, str]]:
    return [(c.text, c.indicator, c.entity, c.grade) for c in check(text, **kw).claims]  # type: ignore[arg-type]


def only(text: str, number: str, **kw: object) -> Claim:
    (found,) = [c for c in check(text, **kw).claims if c.text == number]  # type: ignore[arg-type]
    return found


def test_net_inflow_is_talent_migration_not_the_previous_sentences_patents() -> None:
    text = (
        "AI 인덱스 2025에 따르면 한국은 인구 10만명당 AI 특허 수가 17.27건으로 1위였다. "
        "한국의 AI 인재 순유입은 링크트인 회원 1만명당 -0.36명이었다."
    )
    c = only(text, "-0.36명")
    assert (c.indicator, c.entity, c.grade) == ("ai_talent_migration", "KOR", "supported")


def test_a_count_of_people_is_no_figure_of_patents() -> None:
    # Before "순유입" was a keyword, -0.36 people was graded against patents: contradicted.
    text = (
        "AI 인덱스 2025에 따르면 한국은 인구 10만명당 AI 특허 수가 17.27건이었다. "
        "한국은 -0.36명이었다."
    )
    assert only(text, "-0.36명").grade != "contradicted"


def test_n_times_compares_the_sentences_subject() -> None:
    text = (
        "According to the AI Index 2025, U.S. private AI investment reached $109.1 billion, "
        "nearly 12 times China's $9.3 billion and 24 times the U.K.'s $4.5 billion."
    )
    twelve, twenty_four = only(text, "12 times"), only(text, "24 times")
    assert (twelve.entity, twelve.other_entity, twelve.grade) == ("USA", "CHN", "supported")
    assert (twenty_four.entity, twenty_four.other_entity) == ("USA", "GBR")
    assert twenty_four.grade == "supported"


def test_an_amount_invested_in_a_country_is_that_countrys() -> None:
    text = (
        "According to the AI Index 2025, the United States attracted $109.1 billion, roughly "
        "24 times the $4.5 billion invested in the United Kingdom."
    )
    c = only(text, "$4.5 billion")
    assert (c.entity, c.grade) == ("GBR", "supported")


def test_a_superlative_belongs_to_the_indicator_of_its_clause() -> None:
    text = (
        "According to the AI Index 2025, Israel had the highest concentration of AI talent, "
        "while U.S. private AI investment reached $109.1 billion."
    )
    c = only(text, "the highest")
    assert (c.indicator, c.entity, c.grade) == ("ai_talent_concentration", "ISR", "supported")


def test_clauses_split_at_contrastive_connectives_only() -> None:
    text = "Israel led in talent, while investment reached $1 billion and Korea was 12th."
    assert [text[a:b] for a, b in clauses(text)] == [
        "Israel led in talent",
        ", while investment reached $1 billion and Korea was 12th.",
    ]


def test_an_overall_share_is_not_graded_against_a_breakdown() -> None:
    ind = aiindex.indicator("ai_talent_concentration", edition=2025)
    value = ind.value("ISR", 2024).magnitude
    text = f"According to the AI Index 2025, AI talent concentration in Israel was {value:.2f}%."
    c = only(text, f"{value:.2f}%")
    assert (c.indicator, c.grade) == ("ai_talent_concentration", "supported")


def test_a_won_amount_without_a_rate_for_the_day_is_not_contradicted() -> None:
    c = only("AI 인덱스 2025에 따르면 GPT-4 훈련 비용은 1조9천억원 수준이다.", "1조9천억원")
    assert c.grade == "not found" and "no ECB rate" in c.explanation


@pytest.mark.parametrize("korea", ["우리나라", "국내", "한국"])
def test_korea_as_korean_news_names_it_and_a_world_rank(korea: str) -> None:
    text = f"AI 인덱스 2026에 따르면 {korea} AI 민간 투자는 17억8천만달러로 세계 12위다."
    assert graded(text) == [
        ("17억8천만달러", "private_investment", "KOR", "supported"),
        ("12위", "private_investment", "KOR", "supported"),
    ]


def test_a_wrong_world_rank_is_still_caught() -> None:
    c = only("AI 인덱스 2026에 따르면 한국은 AI 민간 투자 세계 5위였다.", "5위")
    assert (c.entity, c.grade) == ("KOR", "contradicted")


def test_a_carried_topic_does_not_contradict() -> None:
    # The second sentence names no entity: a wrong-looking figure is not pinned on Korea.
    text = (
        "AI 인덱스 2026에 따르면 한국의 AI 민간 투자는 17억8천만달러였다. "
        "투자액은 99억달러로 늘었다."
    )
    assert all(c.grade != "contradicted" for c in check(text).claims)


def change_oracle(edition: int, entity: str, year: int, since: int) -> float:
    ind = aiindex.indicator("private_investment", edition=edition)
    new, old = ind.value(entity, year).magnitude, ind.value(entity, since).magnitude
    return (new / old - 1) * 100


@pytest.mark.parametrize(
    "template",
    [
        "According to the AI Index 2026, U.S. private AI investment rose {p}% from 2024.",
        "The AI Index 2026 says U.S. private AI investment was up {p}% from a year earlier.",
        "AI 인덱스 2026에 따르면 미국의 AI 민간 투자는 2024년 대비 {p}% 증가했다.",
        "AI 인덱스 2026에 따르면 미국의 AI 민간 투자는 전년 대비 {p}% 늘었다.",
    ],
)
def test_a_percent_change_between_years_is_graded_as_one(template: str) -> None:
    right = change_oracle(2026, "USA", 2025, 2024)
    for p, grade in ((f"{right:.0f}", "supported"), (f"{right + 20:.0f}", "contradicted")):
        (c,) = check(template.format(p=p)).claims
        assert (c.kind, c.entity, c.grade) == ("change", "USA", grade), c.explanation


def test_a_fall_is_a_negative_change() -> None:
    ind = aiindex.indicator("private_investment", edition=2026)
    china = {y: ind.value("CHN", y).magnitude for y in ind.years}
    year = max(y for y in china if y - 1 in china and china[y] < china[y - 1])
    fall = -change_oracle(2026, "CHN", year, year - 1)
    text = (
        f"According to the AI Index 2026, China's private AI investment in {year} fell "
        f"{fall:.0f}% from {year - 1}."
    )
    (c,) = [c for c in check(text).claims if c.kind == "change"]
    assert c.grade == "supported", c.explanation


# -- "The sources printed are circular or internal: 'seed article', blogs, GitHub summaries" --

_NOT_A_SOURCE = ("seed", "github", "blog", "tingwei", "theogbrand", "courseon", "elegantlavender")


def _sources(report: Report) -> list[str]:
    return [c.source for c in report.claims if c.source]


def test_sources_are_the_report_and_the_press_never_summaries_or_blogs(seed_article: Path) -> None:
    report = check(seed_article.read_text(encoding="utf-8"))
    sources = _sources(report)
    assert sources and all("AI Index" in s or s.startswith("ECB ") for s in sources)
    assert not [s for s in sources if any(w in s.casefold() for w in _NOT_A_SOURCE)]
    # The figures the article quoted from Yonhap's copy say so.
    assert any("via Yonhap News Agency" in s for s in sources)
    text = str(report)
    assert not any(w in text.casefold() for w in ("seed article", "github", "tingwei"))


def test_a_value_of_the_public_data_cites_its_figure_and_provider() -> None:
    c = check(
        "According to the AI Index 2026, South Korea's private AI investment was $1.8 billion."
    )
    # The release names its chapter folder, not the section: no section title is invented.
    assert c.claims[0].source.startswith("Quid; Stanford HAI, AI Index Report 2026, Chapter 4 ")
    assert "fig. 4.2.8" in c.claims[0].source and "via" not in c.claims[0].source


def test_every_copy_read_stays_in_json_as_provenance() -> None:
    # A value read from a chart's summary on GitHub: the table does not cite it, --json says
    # where aiindex read the value.
    ind = aiindex.indicator("foundation_models_by_organization", edition=2024)
    n = ind.value("google").magnitude
    (c,) = [
        c for c in check(f"AI 인덱스 2024에 따르면 구글의 파운데이션 모델은 {n:.0f}개였다.").claims
    ]
    assert "github" not in c.source
    assert any("github.com" in p for p in c.to_dict()["read_from"]) or c.read_from == ()


# -- "The text table has no reason column (only --json explains), and Hangul columns are
# misaligned" -----------------------------------------------------------------------------


def test_the_table_gives_each_grade_its_reason_and_aligns_hangul() -> None:
    from aiindex._present.text import width

    report = check(
        "AI 인덱스 2024에 따르면 한국은 인구 10만명당 AI 특허 수가 10.26건으로 1위였다. "
        "중국(72억6천만달러)은 AI 민간 투자 2위였다."
    )
    head, *rows, summary = str(report).splitlines()
    assert head.split() == ["grade", "claim", "report", "why"]
    columns = [width(head[: head.index(name)]) for name in ("claim", "report", "why")]
    for row, c in zip(rows, report.claims, strict=True):
        starts = [
            width(row[: row.index(part)])
            for part in (c.text, (c.report_text or "-")[:10], c.explanation[:20])
        ]
        assert starts == columns, row
        # The reason: the report's figure in words and the cited source.
        assert c.explanation in row and c.source in row
    assert "the report prints 7.76 billion US dollars" in rows[2]
    assert summary.startswith("4 claims (AI Index 2024)")


def test_a_clause_that_may_be_about_a_sibling_indicator_is_not_contradicted() -> None:
    # "only 21% trust China": after a clause on trust in the United States, the figure may be
    # trust in China: "Trust in China to regulate AI" says a word the first does not have.
    text = (
        "According to the AI Index 2026, 58% of South Koreans trust the United States to "
        "regulate AI, while only 21% trust China to do so."
    )
    assert [c.grade for c in check(text).claims if c.kind == "value"] == [
        "supported",
        "not found",
    ]
