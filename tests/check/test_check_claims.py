"""Claims by the structure of their sentences and of every kind (issue 11, items 3-5): entities
placed by "X ($Y)", "X at Y", "followed by X at Y", lists, "each"; Korean 순유입/순유출, N배,
억/조/만; indicators by unit cues and breakdowns; ratios, differences, totals, qualifiers,
numbers in words. Figures are read from the shipped data, never typed from memory."""

from __future__ import annotations

from decimal import Decimal

import pytest

import aiindex
from aiindex._check import Claim, check


def value(ind: str, entity: str, edition: int, year: int | None = None) -> float:
    return float(aiindex.indicator(ind, edition=edition).value(entity, year).magnitude)


def rank(ind: str, entity: str, edition: int, year: int | None = None) -> int:
    return aiindex.indicator(ind, edition=edition).rank(entity, year)


def claims(text: str, **kw: object) -> list[Claim]:
    return list(check(text, **kw).claims)  # type: ignore[arg-type]


def only(text: str, said: str, kind: str | None = None, **kw: object) -> Claim:
    found = [c for c in claims(text, **kw) if c.text == said and (kind is None or c.kind == kind)]
    assert len(found) == 1, [(c.text, c.kind, c.grade) for c in claims(text, **kw)]
    return found[0]


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# -- entities by the clause's structure --------------------------------------------------


def test_x_then_its_figure_in_parentheses_at_and_followed_by() -> None:
    dc = {e: value("data_centers", e, 2026) for e in ("USA", "DEU", "GBR")}
    text = (
        f"According to the AI Index 2026, the United States had {dc['USA']:,.0f} data centers, "
        f"followed by Germany at {dc['DEU']:.0f} and the United Kingdom ({dc['GBR']:.0f})."
    )
    got = {(c.text, c.kind): (c.entity, c.grade) for c in claims(text)}
    assert got[(f"{dc['USA']:,.0f} data centers", "value")] == ("USA", "supported")
    assert got[(f"{dc['DEU']:.0f}", "value")] == ("DEU", "supported")
    assert got[(f"{dc['GBR']:.0f}", "value")] == ("GBR", "supported")
    assert got[("Germany", "rank")] == ("DEU", "supported")  # followed by: 2nd
    assert got[("United Kingdom", "rank")] == ("GBR", "supported")


def test_a_parallel_list_gives_each_entity_its_figure() -> None:
    n = {e: value("notable_models_by_country", e, 2026) for e in ("USA", "CHN", "KOR")}
    text = (
        "According to the AI Index 2026, notable AI models came from the United States "
        f"{n['USA']:.0f}, China {n['CHN']:.0f} and South Korea {n['KOR']:.0f}, the report said."
    )
    got = [(c.entity, c.grade) for c in claims(text) if c.kind == "value"]
    assert got == [("USA", "supported"), ("CHN", "supported"), ("KOR", "supported")]


def test_a_figure_in_a_country_is_not_the_next_figures() -> None:
    # "73% ..., against 80% in China": China is tied to its own 80%, the 73% is Korea's.
    kor, chn = (value("ai_products_excited_agree", e, 2025) for e in ("KOR", "CHN"))
    text = (
        "According to the AI Index 2025, South Koreans are enthusiastic: "
        f"{kor:.0f}% said products and services using AI make them excited, against "
        f"{chn:.0f}% in China."
    )
    got = [(c.text, c.entity, c.grade) for c in claims(text) if c.kind == "value"]
    assert got == [(f"{kor:.0f}%", "KOR", "supported"), (f"{chn:.0f}%", "CHN", "supported")]


def test_one_figure_said_of_several_entities_is_a_claim_about_each() -> None:
    bel = value("ai_bills_passed", "BEL", 2025)
    assert bel == value("ai_bills_passed", "PRT", 2025)
    words = {5: "five"}[int(bel)]
    text = (
        "According to the AI Index 2025, Russia passed the most AI-related laws in 2024, "
        f"followed by Belgium and Portugal with {words} each."
    )
    each = [(c.entity, c.grade) for c in claims(text) if c.text == words]
    assert each == [("BEL", "supported"), ("PRT", "supported")]


def test_korean_each_and_joint_ranks() -> None:
    prt = value("ai_bills_passed_cumulative_2016_2024", "PRT", 2025)
    assert prt == value("ai_bills_passed_cumulative_2016_2024", "RUS", 2025)
    text = (
        "AI 인덱스 2025에 따르면 2016년부터 2024년까지 통과된 AI 관련 법안은 "
        f"포르투갈과 러시아가 각각 {prt:.0f}건으로 공동 2위였다."
    )
    got = sorted((c.kind, c.entity, c.grade) for c in claims(text))
    assert got == [
        ("rank", "PRT", "supported"),
        ("rank", "RUS", "supported"),
        ("value", "PRT", "supported"),
        ("value", "RUS", "supported"),
    ]


def test_tied_entities_listed_one_after_the_other() -> None:
    # Portugal and Russia tie for 2nd: "뒤를 이었다" lists them 2nd and 3rd, within the tie.
    text = (
        "AI 인덱스 2025에 따르면 2016년부터 2024년까지 AI 관련 법안은 미국이 가장 많았고 "
        "포르투갈과 러시아가 뒤를 이었다."
    )
    ranks = {c.entity: c.grade for c in claims(text) if c.kind == "rank"}
    assert ranks == {"USA": "supported", "PRT": "supported", "RUS": "supported"}


def test_ranks_listed_after_as_many_names() -> None:
    isr, sgp = (rank("ai_talent_concentration", e, 2026) for e in ("ISR", "SGP"))
    text = (
        f"AI 인덱스 2026에 따르면 AI 인재 집중도는 이스라엘과 싱가포르가 {isr}, {sgp}위를 차지했다."
    )
    got = [(c.entity, c.claimed, c.grade) for c in claims(text) if c.kind == "rank"]
    assert got == [("ISR", float(isr), "supported"), ("SGP", float(sgp), "supported")]


def test_a_rank_after_a_point_of_comparison_is_the_subjects() -> None:
    nga = value("ai_innovation_over_regulation_priority", "NGA", 2026)
    kor = rank("ai_innovation_over_regulation_priority", "KOR", 2026)
    text = (
        "AI 인덱스 2026에 따르면 한국 응답자는 AI 규제보다 과학·의학 등의 발전을 우선해야 한다는 "
        f"응답에서 나이지리아({nga:.0f}%)에 이어 {kor}위였다."
    )
    (r,) = [c for c in claims(text) if c.kind == "rank"]
    assert (r.entity, r.grade) == ("KOR", "supported")


def test_demonyms_and_headline_hanja_name_countries() -> None:
    kor = value("private_investment", "KOR", 2026)
    text = f"韓 AI 민간투자 {kor * 10:.0f}억달러…AI 인덱스 2026"
    (c,) = [c for c in claims(text) if c.kind == "value"]
    assert (c.entity, c.grade) == ("KOR", "supported")
    assert only("American AI models led in 2025, the AI Index 2026 said.", "led").entity == "USA"


def test_among_the_most_is_no_first_place() -> None:
    text = "According to the AI Index 2025, Koreans are among the most enthusiastic about AI."
    assert [c for c in claims(text) if c.kind == "rank"] == []


# -- Korean amounts, N배, net flows ------------------------------------------------------


@pytest.mark.parametrize(("word", "sign"), [("순유출", -1), ("순유입", 1)])
def test_net_flows_take_the_sign_of_their_word(word: str, sign: int) -> None:
    kor, lux = (value("ai_talent_migration", e, 2025) for e in ("KOR", "LUX"))
    entity, figure = ("KOR", kor) if sign < 0 else ("LUX", lux)
    name = {"KOR": "한국", "LUX": "룩셈부르크"}[entity]
    text = (
        f"AI 인덱스 2025에 따르면 {name}의 AI 인재 {word}은 링크트인 회원 1만명당 "
        f"{abs(figure):.2f}명이었다."
    )
    (c,) = claims(text)
    assert (c.indicator, c.entity, c.claimed, c.grade) == (
        "ai_talent_migration",
        entity,
        figure,
        "supported",
    )


def test_an_english_net_outflow_is_negative() -> None:
    kor = value("ai_talent_migration", "KOR", 2025)
    text = (
        "According to the AI Index 2025, South Korea lost AI talent, with a net outflow of "
        f"{abs(kor):.2f} per 10,000 LinkedIn members."
    )
    c = only(text, f"{abs(kor):.2f}")
    assert (c.claimed, c.grade) == (kor, "supported")


def test_a_ratio_in_korean_bae() -> None:
    usa, chn = (value("private_investment", e, 2026) for e in ("USA", "CHN"))
    text = f"AI 인덱스 2026에 따르면 미국의 AI 민간 투자는 중국의 약 {usa / chn:.0f}배였다."
    c = only(text, f"{usa / chn:.0f}배", "ratio")
    assert (c.entity, c.other_entity, c.grade) == ("USA", "CHN", "supported")


# -- indicators by unit cues and breakdowns ----------------------------------------------


@pytest.mark.parametrize(
    ("template", "indicator", "entity"),
    [
        ("South Korea had {v:.2f} per 100,000 inhabitants.", "ai_patents_per_capita", "KOR"),
        ("Israel's share was {v:.2f}% of LinkedIn members.", "ai_talent_concentration", "ISR"),
        ("룩셈부르크는 1만명당 {v:.2f}명이었다.", "ai_talent_migration", "LUX"),
    ],
)
def test_unit_cues_find_their_indicator(template: str, indicator: str, entity: str) -> None:
    v = value(indicator, entity, 2025)
    (c,) = claims("AI Index 2025. " + template.format(v=v))
    assert (c.indicator, c.grade) == (indicator, "supported")


@pytest.mark.parametrize(
    ("said", "indicator"),
    [
        ("private AI investment was", "private_investment"),
        ("cumulative private AI investment was", "private_investment_cumulative_2013_2025"),
        ("private AI investment since 2013 was", "private_investment_cumulative_2013_2025"),
        ("private investment in generative AI was", "generative_ai_private_investment"),
    ],
)
def test_the_overall_table_unless_the_breakdown_is_named(said: str, indicator: str) -> None:
    v = value(indicator, "USA", 2026)
    (c,) = claims(f"According to the AI Index 2026, U.S. {said} ${v:.1f} billion.")
    assert (c.indicator, c.grade) == (indicator, "supported")


def test_a_korean_breakdown_by_its_word() -> None:
    v = value("private_investment_cumulative_2013_2025", "KOR", 2026)
    text = f"AI 인덱스 2026에 따르면 한국의 AI 민간 투자는 2013년부터 누적 {v * 10:.0f}억달러였다."
    (c,) = claims(text)
    assert (c.indicator, c.grade) == ("private_investment_cumulative_2013_2025", "supported")


def test_a_change_against_a_table_of_changes() -> None:
    # The report's own growth rate, not one computed from rounded counts.
    g = value("industrial_robot_installations_growth", "KOR", 2025)
    assert g < 0
    text = (
        "According to the AI Index 2025, South Korea installed fewer industrial robots in 2023, "
        f"down {abs(g):.0f}% from a year earlier."
    )
    c = only(text, f"{abs(g):.0f}%")
    assert (c.kind, c.indicator, c.claimed, c.grade) == (
        "change",
        "industrial_robot_installations_growth",
        g,
        "supported",
    )


# -- claim kinds -------------------------------------------------------------------------


def test_a_total_of_several_entities() -> None:
    usa, chn = (value("private_investment", e, 2026) for e in ("USA", "CHN"))
    for total, grade in ((usa + chn, "supported"), (usa + chn + 30, "contradicted")):
        text = (
            "According to the AI Index 2026, the United States and China together drew "
            f"${total:.1f} billion of private AI investment in 2025."
        )
        c = only(text, f"${total:.1f} billion")
        assert (c.kind, c.entity, c.other_entity, c.grade) == ("total", "USA", "CHN", grade)


def test_a_difference() -> None:
    kor, lux = (value("ai_patents_per_capita", e, 2025) for e in ("KOR", "LUX"))
    text = (
        f"According to the AI Index 2025, South Korea had {kor:.2f} AI patents per 100,000 "
        f"inhabitants, {kor - lux:.2f} more than Luxembourg."
    )
    c = only(text, f"{kor - lux:.2f}")
    assert (c.kind, c.entity, c.other_entity, c.grade) == ("difference", "KOR", "LUX", "supported")


@pytest.mark.parametrize(
    ("qualifier", "factor", "grade"),
    [
        ("more than", 0.9, "supported"),
        ("more than", 1.1, "contradicted"),
        ("nearly", 1.04, "supported"),  # "nearly", "about": within 5%
        ("about", 0.96, "supported"),
        ("about", 1.2, "contradicted"),
    ],
)
def test_qualifiers_and_their_tolerance(qualifier: str, factor: float, grade: str) -> None:
    usa = value("private_investment", "USA", 2026)
    said = f"${usa * factor:.0f} billion"
    text = f"According to the AI Index 2026, U.S. private AI investment was {qualifier} {said}."
    assert only(text, said).grade == grade


def test_numbers_in_words() -> None:
    n = int(value("foundation_models_by_country", "CHN", 2024))
    words = {20: "twenty"}[n]
    text = f"The AI Index 2024 counts {words} foundation models from China in 2023."
    assert only(text, words).grade == "supported"
    spent = value("training_cost", "gpt-4", 2024) / 1e6
    text = f"The AI Index 2024 estimates GPT-4's training cost at ${spent:.1f} million."
    assert only(text, f"${spent:.1f} million").grade == "supported"


def test_korean_numerals() -> None:
    robots = value("industrial_robot_installations", "KOR", 2024) * 1000  # thousand units
    man, rest = divmod(int(robots), 10_000)
    said = (
        f"{man}만{rest // 1000}천{rest % 1000}대" if rest % 1000 else f"{man}만{rest // 1000}천대"
    )
    text = f"AI 인덱스 2024에 따르면 2022년 한국의 산업용 로봇 설치 대수는 {said}였다."
    assert only(text, said).grade == "supported"


def test_ratios_in_words() -> None:
    chn, usa = (value("responsible_ai_papers", e, 2026) for e in ("CHN", "USA"))
    assert 2 < chn / usa < 3
    text = (
        f"According to the AI Index 2026, China had {chn:.0f} responsible AI papers accepted "
        f"at select AI conferences in 2025, more than double the United States' {usa:.0f}."
    )
    c = only(text, "double", "ratio")
    assert (c.entity, c.other_entity, c.grade) == ("CHN", "USA", "supported")
    text = text.replace("more than double", "more than triple")
    assert only(text, "triple", "ratio").grade == "contradicted"


def test_a_share_said_as_people_in_ten() -> None:
    kor = value("ai_innovation_over_regulation_priority", "KOR", 2026)
    text = (
        f"AI 인덱스 2026에 따르면 한국인 10명 중 {round(kor / 10)}명은 AI 규제보다 과학·의학 등의 "
        "발전을 우선해야 한다고 답했다."
    )
    (c,) = claims(text)
    assert (c.entity, c.grade) == ("KOR", "supported")
    assert Decimal(str(c.claimed)) == Decimal(round(kor / 10) * 10)


# -- years and editions ------------------------------------------------------------------


def test_a_year_right_after_a_figure_is_its_year() -> None:
    now, then = (
        value("university_students_used_genai_share", "KOR", 2026, y) for y in (2025, 2023)
    )
    text = (
        f"According to the AI Index 2026, {now:.0f}% of South Korean university students used "
        f"generative AI for their studies in 2025, up from {then:.0f}% in 2023."
    )
    got = [(c.text, c.year, c.grade) for c in claims(text) if c.kind == "value"]
    assert got == [(f"{now:.0f}%", 2025, "supported"), (f"{then:.0f}%", 2023, "supported")]


def test_a_period_start_is_no_data_year() -> None:
    v = value("notable_models_by_country_cumulative_2003_2025", "USA", 2026)
    c = only(
        f"The AI Index 2026: the US has produced {v:.0f} notable models since 2003.", f"{v:.0f}"
    )
    assert (c.year, c.grade) == (2025, "supported")


def test_a_sentence_naming_another_edition_is_graded_against_it() -> None:
    old = value("ai_patents_per_capita", "KOR", 2025)
    text = (
        "According to the 2026 AI Index report, South Korea leads in AI patents per 100,000 "
        f"inhabitants. Last year's edition, the AI Index 2025, had put Korea's 2023 figure at "
        f"{old:.2f}."
    )
    c = only(text, f"{old:.2f}")
    assert (c.edition, c.grade) == (2025, "supported")


def test_a_sentence_naming_an_unshipped_edition_is_not_graded() -> None:
    text = (
        "According to the AI Index 2026, South Korea's private AI investment was $1.8 billion. "
        "The AI Index 2031 will put it at $9.9 billion."
    )
    grades = [c.grade for c in claims(text)]
    assert grades == ["supported", "not found"]


# -- found on the held-out articles: each failed before its fix ----------------------------


def test_n_times_is_a_count_unless_it_compares() -> None:
    esp = value("ai_legislative_mentions", "ESP", 2025)
    text = (
        f"According to the AI Index 2025, Spain's parliament mentioned AI {esp:.0f} times in 2024."
    )
    c = only(text, f"{esp:.0f} times")
    assert (c.kind, c.indicator, c.grade) == ("value", "ai_legislative_mentions", "supported")


def test_times_the_global_average_is_against_the_world() -> None:
    usa = value("ai_skill_penetration_relative", "USA", 2025)
    ind = value("ai_skill_penetration_relative", "IND", 2025)
    text = (
        "According to the AI Index 2025, the US had the highest relative AI skill penetration "
        f"rate in 2024, {usa:.2f} times the global average, followed by India ({ind:.2f})."
    )
    c = only(text, f"{usa:.2f} times")
    assert (c.entity, c.other_entity, c.grade) == ("USA", "world", "supported")


def test_a_share_for_a_country() -> None:
    usa, ind = (value("ai_publications_cs_share", e, 2026) for e in ("USA", "IND"))
    text = (
        "According to the AI Index 2026, China produced the most AI publications in computer "
        f"science in 2024, against {usa:.2f}% for the United States and {ind:.2f}% for India."
    )
    got = [(c.entity, c.grade) for c in claims(text) if c.kind == "value"]
    assert got == [("USA", "supported"), ("IND", "supported")]


def test_a_duration_is_no_year() -> None:
    kor = value("ai_will_change_daily_life_agree", "KOR", 2025)
    text = (
        "AI 인덱스 2025에 따르면 'AI 제품·서비스가 향후 3~5년 내 내 일상을 크게 바꿀 것'이라는 "
        f"한국인 응답은 {kor:.0f}%였다."
    )
    c = only(text, f"{kor:.0f}%")
    assert (c.year, c.grade) == (2024, "supported")


def test_a_rank_by_its_superlative_and_first_places_beside_among_the() -> None:
    kor = rank("trust_united_states_to_regulate_ai", "KOR", 2026)
    words = {5: "fifth"}[kor]
    text = (
        "According to the AI Index 2026, 58% of South Koreans trust the United States to "
        f"regulate AI, the {words}-highest share among the countries surveyed."
    )
    c = only(text, words, "rank")
    # The United States is what the measure is about, not whom the figure is about.
    assert (c.entity, c.grade) == ("KOR", "supported")
    text = (
        "According to the AI Index 2025, 79% of South Koreans said products and services using "
        "AI will profoundly change their daily life, third among the countries surveyed; China "
        "topped the list at 86%."
    )
    assert only(text, "topped").entity == "CHN"
