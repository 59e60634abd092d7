"""Every figure and claim of the seed article (Yonhap on the AI Index 2024), via the public API."""

from __future__ import annotations

import pytest

import aiindex


def ind(indicator_id: str) -> aiindex.Indicator:
    return aiindex.indicator(indicator_id, edition=2024)


def mag(indicator_id: str, entity: str, year: int | None = None) -> float:
    return ind(indicator_id).value(entity, year).magnitude


# -- names the article uses ---------------------------------------------------------------------

KOREAN_NAMES = {
    "한국": "KOR",
    "미국": "USA",
    "일본": "JPN",
    "룩셈부르크": "LUX",
    "이스라엘": "ISR",
    "싱가포르": "SGP",
    "중국": "CHN",
    "영국": "GBR",
    "아랍에미리트": "ARE",
    "UAE": "ARE",
    "이집트": "EGY",
    "프랑스": "FRA",
    "인도": "IND",
    "구글": "google",
    "메타": "meta",
    "마이크로소프트": "microsoft",
    "오픈AI": "openai",
    "제미나이 울트라": "gemini-ultra",
    "GPT-4": "gpt-4",
    "사람 전문가": "human-expert-medium",
}


@pytest.mark.parametrize(("name", "entity_id"), KOREAN_NAMES.items())
def test_every_name_in_the_article_resolves(name: str, entity_id: str) -> None:
    assert aiindex.entity(name).id == entity_id
    assert aiindex.is_entity(name)


# -- patents per 100,000 inhabitants (2022) -----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "value", "rank"),
    [("한국", 10.26, 1), ("룩셈부르크", 8.73, 2), ("미국", 4.23, 3), ("일본", 2.53, 4)],
)
def test_patents_per_capita(name: str, value: float, rank: int) -> None:
    pat = ind("ai_patents_per_capita")
    assert pat.value(name, 2022).magnitude == value
    assert pat.rank(name, 2022) == rank
    assert pat.observation(name).year == 2022


def test_korea_has_1_5_more_patents_than_luxembourg() -> None:
    gap = ind("ai_patents_per_capita").gap("한국", "룩셈부르크")
    assert gap.magnitude == 1.53
    assert round(gap.magnitude, 1) == 1.5  # "1.5개가 더 많았다"


def test_korea_leads_patents_per_capita() -> None:
    leader = ind("ai_patents_per_capita").leader()
    assert leader is not None and leader.entity.id == "KOR"


# -- AI talent concentration (2023) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "percent", "rank"), [("이스라엘", 1.13, 1), ("싱가포르", 0.88, 2), ("한국", 0.79, 3)]
)
def test_talent_concentration(name: str, percent: float, rank: int) -> None:
    tc = ind("ai_talent_concentration")
    assert tc.value(name, 2023).magnitude == percent
    assert str(tc.value(name).units) in ("%", "percent")
    assert tc.rank(name) == rank


def test_talent_concentration_percent_is_dimensionless_fraction() -> None:
    q = ind("ai_talent_concentration").value("KOR").to("dimensionless")
    assert q.magnitude == pytest.approx(0.0079)


def test_korea_after_israel_and_singapore_in_talent_concentration() -> None:
    top = [r.entity.id for r in ind("ai_talent_concentration").ranking(2023)[:3]]
    assert top == ["ISR", "SGP", "KOR"]


# -- foundation models by country (2023) --------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "count"), [("미국", 109), ("중국", 20), ("영국", 8), ("아랍에미리트", 4), ("한국", 0)]
)
def test_foundation_models_by_country(name: str, count: int) -> None:
    assert mag("foundation_models_by_country", name, 2023) == count


def test_foundation_model_order_us_china_uk() -> None:
    fm = ind("foundation_models_by_country")
    assert [fm.rank(c) for c in ("USA", "CHN", "GBR")] == [1, 2, 3]


def test_korea_zero_foundation_models_has_no_rank() -> None:
    fm = ind("foundation_models_by_country")
    obs = fm.observation("KOR", 2023)
    assert obs.magnitude == 0 and obs.outside_chart
    with pytest.raises(aiindex.IncompleteRankingError) as info:
        fm.rank("KOR")
    assert "South Korea" in str(info.value)
    row = next(r for r in fm.ranking(2023) if r.entity.id == "KOR")
    assert row.rank is None


def test_uae_foundation_model_rank_not_claimed() -> None:
    # Below the UK the table is a selection: the UAE's 4 gets no computed rank.
    with pytest.raises(aiindex.IncompleteRankingError):
        ind("foundation_models_by_country").rank("UAE")


# -- notable models by country (2023) -----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "count"),
    [("미국", 61), ("중국", 15), ("프랑스", 8), ("UAE", 3), ("이집트", 2), ("한국", 0)],
)
def test_notable_models(name: str, count: int) -> None:
    assert mag("notable_models_by_country", name, 2023) == count


def test_notable_models_world_total_is_a_group() -> None:
    nm = ind("notable_models_by_country")
    world = nm.observation("world", 2023)
    assert world.magnitude == 108
    assert world.entity.kind == "group"
    assert "world" not in [r.entity.id for r in nm.ranking(2023)]
    assert [nm.rank(c) for c in ("USA", "CHN", "FRA")] == [1, 2, 3]


# -- net AI talent migration --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("한국", -0.30),
        ("룩셈부르크", 3.67),
        ("아랍에미리트", 1.48),
        ("인도", -0.76),
        ("이스라엘", -0.57),
        ("미국", 0.40),
    ],
)
def test_talent_migration_2023(name: str, value: float) -> None:
    assert mag("ai_talent_migration", name, 2023) == value


def test_korea_talent_migration_fell_from_0_3_to_minus_0_3() -> None:
    tm = ind("ai_talent_migration")
    assert tm.value("KOR", 2020).magnitude == 0.3
    assert tm.value("KOR").magnitude == -0.3  # latest year
    assert tm.observation("KOR").year == 2023
    assert tm.change("KOR", 2020, 2023).magnitude == -0.6


def test_uae_is_third_not_second_in_talent_migration() -> None:
    tm = ind("ai_talent_migration")
    assert tm.rank("LUX") == 1
    assert tm.rank("CHE") == 2
    assert tm.value("CHE").magnitude == 1.60
    assert tm.rank("UAE") == 3


def test_korea_net_outflow_has_no_rank() -> None:
    with pytest.raises(aiindex.IncompleteRankingError):
        ind("ai_talent_migration").rank("KOR")


# -- private investment (2023) ------------------------------------------------------------------


def test_us_private_investment_matches_the_article_rounding() -> None:
    pi = ind("private_investment")
    us = pi.value("미국", 2023)
    assert us.magnitude == 67.22
    assert round(us.to("USD").magnitude / 1e8) == 672  # 672억달러
    assert pi.rank("USA") == 1


def test_china_private_investment_keeps_the_articles_figure_in_a_note() -> None:
    obs = ind("private_investment").observation("중국", 2023)
    assert obs.magnitude == 7.76
    assert obs.printed == "7.76"
    assert obs.note is not None and "7.26" in obs.note
    assert ind("private_investment").rank("CHN") == 2


def test_korea_private_investment_ninth_tied_with_india() -> None:
    pi = ind("private_investment")
    assert pi.value("한국").magnitude == 1.39
    assert round(pi.value("한국").to("USD").magnitude / 1e7) == 139  # 13억9천만달러
    assert pi.rank("한국") == 9
    assert pi.rank("인도") == 9
    tied = [r.entity.id for r in pi.ranking() if r.rank == 9]
    assert sorted(tied) == ["IND", "KOR"]


def test_us_china_ratio_is_about_8_7_not_more_than_9() -> None:
    ratio = ind("private_investment").ratio("USA", "CHN")
    assert ratio == pytest.approx(8.66, abs=0.005)
    assert round(ratio, 1) == 8.7
    assert ratio < 9


# -- foundation models by organization (2023) ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "count", "rank"),
    [("구글", 18, 1), ("메타", 11, 2), ("마이크로소프트", 9, 3), ("오픈AI", 7, 4)],
)
def test_foundation_models_by_organization(name: str, count: int, rank: int) -> None:
    fo = ind("foundation_models_by_organization")
    assert fo.value(name, 2023).magnitude == count
    assert fo.rank(name) == rank


# -- training cost ------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "usd"), [("제미나이 울트라", 191_400_000), ("GPT-4", 78_352_034)])
def test_training_cost(name: str, usd: int) -> None:
    tc = ind("training_cost")
    q = tc.value(name, 2023)
    assert q.magnitude == usd
    assert str(q.units) in ("USD", "$")
    assert tc.observation(name).year == 2023


def test_gemini_ultra_cost_more_than_gpt4() -> None:
    assert ind("training_cost").gap("Gemini Ultra", "GPT-4").magnitude == 191_400_000 - 78_352_034


# -- MMMU ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "percent"), [("제미나이 울트라", 59.4), ("GPT-4", 56.8), ("사람 전문가", 82.6)]
)
def test_mmmu_accuracy(name: str, percent: float) -> None:
    assert mag("mmmu_accuracy", name, 2023) == percent


def test_human_expert_is_a_baseline_not_ranked() -> None:
    mmmu = ind("mmmu_accuracy")
    assert aiindex.entity("사람 전문가").kind == "baseline"
    with pytest.raises(aiindex.EntityKindError):
        mmmu.rank("사람 전문가")
    rows = {r.entity.id: r.rank for r in mmmu.ranking(2023)}
    assert rows["human-expert-medium"] is None
    assert rows["gemini-ultra"] == 1
    # Both models fall short of the human expert.
    assert mmmu.gap("GPT-4", "사람 전문가").magnitude < 0
    assert mmmu.gap("제미나이 울트라", "사람 전문가").magnitude == pytest.approx(-23.2)
