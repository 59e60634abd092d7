"""The claim checker against the whole report (issue 11 merged with every indicator of 2025 and
2026): tables of US states, of models and of organizations share words with the tables of
countries ("job postings", "over time" and "23 times", "Humanity's Last Exam" and "last
year's"), breakdowns of change share the words of their overall tables, and tables of one
definition come in pairs (the two halves of a year). Each test failed on the merged checker
before its fix; figures are read from the shipped data, never typed from memory."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import aiindex
from aiindex._check import Claim, check
from aiindex._check.claims import names_in
from aiindex._check.entities import _names, mentions, table_kinds
from aiindex._check.keywords import candidates, ids
from aiindex._check.numbers import tokens


def value(ind: str, entity: str, edition: int, year: int | None = None) -> float:
    return float(aiindex.indicator(ind, edition=edition).value(entity, year).magnitude)


def claims(text: str, **kw: object) -> list[Claim]:
    return list(check(text, **kw).claims)  # type: ignore[arg-type]


def by_text(text: str) -> dict[str, Claim]:
    found = claims(text)
    out = {c.text: c for c in found}
    assert len(out) == len(found), [(c.text, c.kind) for c in found]
    return out


# -- the entity kind a sentence names rules out tables of other kinds ----------------------


def test_a_sentence_naming_countries_is_not_read_against_a_table_of_us_states() -> None:
    # "Number of AI job postings in the United States by state" shares every word with "AI job
    # postings as a share of all job postings"; its title names the United States, which then
    # could not be the figure's entity, and the U.S. figure was graded as Singapore's.
    sgp = value("ai_job_postings_share", "SGP", 2026, 2024)
    usa = value("ai_job_postings_share", "USA", 2026, 2024)
    text = (
        f"AI Index 2026: AI job postings were {sgp:.2f}% of all job postings in Singapore in "
        f"2024, versus {usa:.2f}% in the US. In the United States, AI job postings made up "
        f"{usa:.2f}% of all job postings in 2024."
    )
    got = [(c.text, c.indicator, c.entity, c.grade) for c in claims(text)]
    assert got == [
        (f"{sgp:.2f}%", "ai_job_postings_share", "SGP", "supported"),
        (f"{usa:.2f}%", "ai_job_postings_share", "USA", "supported"),
        (f"{usa:.2f}%", "ai_job_postings_share", "USA", "supported"),
    ]


def test_n_times_countries_is_not_read_against_a_model_table_over_time() -> None:
    # "23 times" said "time", a word of "GAIA: score of the top agent over time" and of
    # "MathArena: accuracy of the top model over time": the sentence, and the next one that
    # carried its indicator over, were read against tables of models.
    pi = {e: value("private_investment", e, 2026) for e in ("USA", "CHN", "GBR")}
    before = value("private_investment", "USA", 2026, 2024)
    text = (
        f"According to the AI Index 2026, U.S. private AI investment reached ${pi['USA']:.1f} "
        f"billion in 2025. The U.S. total was up {100 * (pi['USA'] / before - 1):.0f}% from "
        f"2024, about {pi['USA'] / pi['CHN']:.0f} times China's. The United Kingdom ranked "
        f"third with ${pi['GBR']:.1f} billion."
    )
    got = {(c.text, c.kind): (c.indicator, c.entity, c.grade) for c in claims(text)}
    change = f"{100 * (pi['USA'] / before - 1):.0f}%"
    assert got[(change, "change")] == ("private_investment", "USA", "supported")
    assert got[(f"{pi['USA'] / pi['CHN']:.0f} times", "ratio")][2] == "supported"
    assert got[("third", "rank")] == ("private_investment", "GBR", "supported")
    assert got[(f"${pi['GBR']:.1f} billion", "value")] == ("private_investment", "GBR", "supported")


def test_a_word_common_among_tables_of_models_still_names_a_table_of_countries() -> None:
    # "models" is a word of some sixty tables of models: among all the edition's indicators it
    # named none, among the tables of countries (the kind "American" names) it names one.
    kinds = table_kinds([m.entity for m in names_in("American AI models led")], 2026)
    assert kinds == frozenset({"country"})
    assert ids(candidates("American AI models led", 2026, kinds)) >= {"notable_models_by_country"}
    assert candidates("American AI models led", 2026) == []


def test_a_sentence_naming_nobody_is_about_its_topic_kind() -> None:
    # The topic (the United States) is a country: "23 times as much" names no table of models.
    usa = value("private_investment", "USA", 2026)
    before = value("private_investment", "USA", 2026, 2024)
    change = f"{100 * (usa / before - 1):.0f}%"
    text = (
        f"According to the AI Index 2026, U.S. private AI investment reached ${usa:.1f} billion "
        f"in 2025. The total was up {change} from 2024, about 23 times as much."
    )
    c = by_text(text)[change]
    assert (c.kind, c.indicator, c.entity, c.grade) == (
        "change",
        "private_investment",
        "USA",
        "supported",
    )


def test_the_reports_maker_beside_its_name_is_no_entity() -> None:
    # "스탠퍼드대 'AI 인덱스 2026'": Stanford University is in tables of organizations, so the
    # headline was read as about organizations and its figures graded on one.
    v = value("ai_diffusion_h2", "KOR", 2026)
    r = aiindex.indicator("ai_diffusion_h2", edition=2026).rank("KOR")
    text = f"스탠퍼드대 'AI 인덱스 2026'…AI 확산율은 {v}%로 {r}위\n\n한국의 AI 확산율은 {v}%였다."
    assert names_in(text.split("\n")[0]) == []
    got = [(c.text, c.indicator, c.grade) for c in claims(text)]
    assert got[:2] == [
        (f"{v}%", "ai_diffusion_h2", "supported"),
        (f"{r}위", "ai_diffusion_h2", "supported"),
    ]
    # Named for what it did, Stanford is still an entity.
    found = names_in("Stanford produced more notable models than MIT in 2014-2025.")
    assert [m.entity.id for m in found] == ["stanford-university", "mit"]


def test_the_reports_name_names_no_indicator() -> None:
    # The "Index" of "AI Index 2026" named the "AI Skills Diffusion Index" tables.
    text = "According to the AI Index 2026, South Korea's AI diffusion was 40% in 2025."
    (c,) = claims(text)
    assert c.indicator is None and c.grade == "not found"


# -- breakdowns, durations and Korean compounds ------------------------------------------------


def test_a_word_of_the_overall_table_does_not_name_its_change() -> None:
    # "will profoundly change" is the overall table's own words ("Agree: 'Products and services
    # using AI will profoundly change my daily life...'"), not a change between years: the
    # table of its change (2022 vs. 2024) won, and the ranks were unsupported.
    v = value("ai_will_change_daily_life_agree", "KOR", 2025)
    r = aiindex.indicator("ai_will_change_daily_life_agree", edition=2025).rank("KOR")
    assert r == 3
    text = (
        f"The AI Index 2025: {v:.0f}% of South Koreans said products and services using AI will "
        "profoundly change their daily life in the next three to five years, third among the "
        "countries surveyed."
    )
    got = by_text(text)
    assert (got[f"{v:.0f}%"].indicator, got[f"{v:.0f}%"].grade) == (
        "ai_will_change_daily_life_agree",
        "supported",
    )
    assert (got["third"].indicator, got["third"].grade) == (
        "ai_will_change_daily_life_agree",
        "supported",
    )


def test_a_range_of_durations_is_no_figure() -> None:
    # "향후 3~5년 내": the "3" was graded, and contradicted, against a table of changes.
    for said in (
        "향후 3~5년 내",
        "지난 3~5년간",
        "in the next three to five years",
        "over 3-5 years",
    ):
        assert tokens(said) == [], said
    assert [t.text for t in tokens("3 to 5 models")] == ["3", "5 models"]
    text = (
        "AI 인덱스 2025에 따르면 'AI 제품·서비스가 향후 3~5년 내 내 일상을 크게 바꿀 것'이라는 "
        f"한국인 응답은 {value('ai_will_change_daily_life_agree', 'KOR', 2025):.0f}%였다."
    )
    assert [c.grade for c in claims(text)] == ["supported"]


def test_a_korean_word_inside_a_longer_one_names_nothing_else() -> None:
    # "데이터센터" holds "데이터", a word of "AI 데이터 보호·프라이버시 평가 점수".
    usa, deu = value("data_centers", "USA", 2026), value("data_centers", "DEU", 2026)
    text = f"미국의 데이터센터는 {usa:,.0f}곳으로 독일({deu:.0f}곳)의 12배가 넘었다."
    kinds = table_kinds([m.entity for m in names_in(text)], 2026)
    first = next(iter(candidates(text, 2026, kinds)))
    assert [i.id for i in first] == ["data_centers"]
    ratio = [c for c in claims("AI 인덱스 2026. " + text) if c.kind == "ratio"]
    assert [(c.grade, c.report) for c in ratio] == [("contradicted", pytest.approx(usa / deu))]


# -- equally named tables of different figures ------------------------------------------------


def test_equally_named_tables_of_different_figures_make_a_claim_uncertain() -> None:
    # "AI 확산율" names the first and the second half of 2025 alike: a figure that is neither
    # was contradicted against the first; the sentence does not say which it quotes.
    h1, h2 = value("ai_diffusion_h1", "KOR", 2026), value("ai_diffusion_h2", "KOR", 2026)
    wrong = max(h1, h2) + 9
    (c,) = claims(f"AI 인덱스 2026에 따르면 한국의 AI 확산율은 {wrong:.1f}%였다.")
    assert c.grade == "not found" and c.explanation.startswith("uncertain: ")
    assert "ai_diffusion_h1" in c.explanation and "ai_diffusion_h2" in c.explanation
    for v in (h1, h2):
        (c,) = claims(f"AI 인덱스 2026에 따르면 한국의 AI 확산율은 {v}%였다.")
        assert c.grade == "supported"
    # Named, the half decides.
    (c,) = claims(f"AI 인덱스 2026에 따르면 한국의 하반기 AI 확산율은 {wrong:.1f}%였다.")
    assert (c.indicator, c.grade) == ("ai_diffusion_h2", "contradicted")


def test_the_second_term_of_a_ratio_is_not_the_subject_of_a_change() -> None:
    # "up 161% from 2024, about 23 times as much as China's": the change is the topic's (the
    # United States'), not China's, whose name follows the figure only as the ratio's term.
    usa = value("private_investment", "USA", 2026)
    chn = value("private_investment", "CHN", 2026)
    before = value("private_investment", "USA", 2026, 2024)
    change = f"{100 * (usa / before - 1):.0f}%"
    text = (
        f"According to the AI Index 2026, U.S. private AI investment reached ${usa:.1f} billion "
        f"in 2025. The total was up {change} from 2024, about {usa / chn:.0f} times as much as "
        "China's."
    )
    got = by_text(text)
    assert (got[change].entity, got[change].grade) == ("USA", "supported")
    ratio = got[f"{usa / chn:.0f} times"]
    assert (ratio.entity, ratio.other_entity, ratio.grade) == ("USA", "CHN", "supported")


# -- names found in one walk of a tree ----------------------------------------------------------


def _oracle(sentence: str) -> list[tuple[int, int, str]]:
    """The names of a sentence as the checker once found them: at each word start, every
    name tried, longest first, a space of a name matching one whitespace or none."""
    import re

    names = sorted(_names().items(), key=lambda pair: len(pair[0]), reverse=True)
    out, reached = [], 0
    for word in re.finditer(r"[A-Za-z0-9]+|[\uac00-\ud7a3]+|[^\sA-Za-z0-9\uac00-\ud7a3]", sentence):
        start = word.start()
        if start < reached:
            continue
        for name, entity in names:
            i = start
            for ch in name:
                if ch == " ":
                    i += 1 if i < len(sentence) and sentence[i].isspace() else 0
                    continue
                if i >= len(sentence) or sentence[i] != ch:
                    break
                i += 1
            else:
                nxt = sentence[i] if i < len(sentence) else ""
                if name[-1].isascii() and name[-1].isalnum() and nxt.isascii() and nxt.isalnum():
                    continue
                out.append((start, i, entity.id))
                reached = i
                break
    return out


_NAMES = sorted(_names())
_GLUE = [" ", "", ", ", " and ", "은 ", "의 ", "s ", "3 ", "Pro ", " 2", ".", "-"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_NAMES), st.sampled_from(_GLUE)), max_size=5), st.randoms()
)
def test_property_names_are_found_as_trying_every_name_finds_them(
    parts: list[tuple[str, str]], rnd: random.Random
) -> None:
    # Names run together, squashed ("SouthKorea"), glued to particles and digits.
    sentence = "".join(
        (name.replace(" ", "") if rnd.random() < 0.3 else name) + glue for name, glue in parts
    )
    assert [(m.start, m.end, m.entity.id) for m in mentions(sentence)] == _oracle(sentence)
