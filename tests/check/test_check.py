"""The claim checker on the seed article, on hand-written articles and on generated claims."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import aiindex
from aiindex._check import Claim, Report, check, run_check_cli

ARTICLES = Path(__file__).parent / "articles"
FLAGGED = ("contradicted", "unsupported rank")


@pytest.fixture(scope="module")
def seed(seed_article: Path) -> Report:
    return check(seed_article.read_text(encoding="utf-8"))


def find(report: Report, text: str, kind: str | None = None, entity: str | None = None) -> Claim:
    hits = [
        c
        for c in report.claims
        if c.text.strip() == text
        and (kind is None or c.kind == kind)
        and (entity is None or c.entity == entity)
    ]
    assert hits, f"no claim {text!r} ({kind}, {entity}) in {[c.text for c in report.claims]}"
    return hits[0]


# -- the seed article ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "entity", "indicator"),
    [
        ("10.26", "value", "KOR", "ai_patents_per_capita"),
        ("가장 많", "rank", "KOR", "ai_patents_per_capita"),
        ("4.23", "value", "USA", "ai_patents_per_capita"),
        ("3위", "rank", "USA", "ai_patents_per_capita"),
        ("2위", "rank", "LUX", "ai_patents_per_capita"),
        ("1.5개", "difference", "KOR", "ai_patents_per_capita"),
        ("0.79%", "value", "KOR", "ai_talent_concentration"),
        ("다음으로", "rank", "KOR", "ai_talent_concentration"),
        ("-0.3", "value", "KOR", "ai_talent_migration"),
        ("0.3", "value", "KOR", "ai_talent_migration"),
        ("13억9천만달러", "value", "KOR", "private_investment"),
        ("9번째", "rank", "KOR", "private_investment"),
        ("672억달러", "value", "USA", "private_investment"),
        ("109개", "value", "USA", "foundation_models_by_country"),
        ("20개", "value", "CHN", "foundation_models_by_country"),
        ("8개", "value", "GBR", "foundation_models_by_country"),
        ("4개", "value", "ARE", "foundation_models_by_country"),
        ("61개", "value", "USA", "notable_models_by_country"),
        ("15개", "value", "CHN", "notable_models_by_country"),
        ("8개", "value", "FRA", "notable_models_by_country"),
        ("3개", "value", "ARE", "notable_models_by_country"),
        ("2개", "value", "EGY", "notable_models_by_country"),
        ("108개", "value", "world", "notable_models_by_country"),
        ("18개", "value", "google", "foundation_models_by_organization"),
        ("1억9천140만 달러", "value", "gemini-ultra", "training_cost"),
        ("7천835만2천34달러", "value", "gpt-4", "training_cost"),
        ("59.40%", "value", "gemini-ultra", "mmmu_accuracy"),
        ("56.80%", "value", "gpt-4", "mmmu_accuracy"),
        ("82.60%", "value", "human-expert-medium", "mmmu_accuracy"),
    ],
)
def test_seed_supported(seed: Report, text: str, kind: str, entity: str, indicator: str) -> None:
    c = find(seed, text, kind, entity)
    assert (c.indicator, c.grade) == (indicator, "supported"), c.explanation
    assert c.edition == 2024 and c.section


def test_seed_china_contradicted(seed: Report) -> None:
    c = find(seed, "72억6천만달러", "value", "CHN")
    assert c.grade == "contradicted"
    assert (c.claimed, c.report) == (7.26, 7.76)
    assert "Chapter 4.3" in c.source
    assert c in seed.contradicted


def test_seed_uae_second_flagged(seed: Report) -> None:
    c = find(seed, "아랍에미리트", "rank", "ARE")
    assert c.indicator == "ai_talent_migration" and c.grade == "contradicted"
    assert "Switzerland" in c.explanation


def test_seed_difference_is_153(seed: Report) -> None:
    c = find(seed, "1.5개", "difference")
    assert (c.entity, c.other_entity, c.report) == ("KOR", "LUX", 1.53)


@pytest.mark.parametrize(("text", "usd"), [("2천669억원", "gemini-ultra"), ("1천92억원", "gpt-4")])
def test_seed_won_conversions(seed: Report, text: str, usd: str) -> None:
    c = find(seed, text, "conversion")
    assert c.grade == "supported" and c.entity == usd
    # The 2024-04-16 fixing (1,392.89 KRW/USD) is the one of the publication week that fits.
    assert c.rates and all("2024-04-16" in r for r in c.rates)


def test_seed_every_body_claim_graded_and_only_two_flagged(seed: Report) -> None:
    assert seed.summary["not found"] == 0
    assert {(c.text, c.kind) for c in seed.contradicted} == {
        ("72억6천만달러", "value"),
        ("아랍에미리트", "rank"),
    }


def test_seed_headline_list_makes_no_claims(seed: Report, seed_article: Path) -> None:
    text = seed_article.read_text(encoding="utf-8")
    cut = text.index("번호 제목 글쓴이 날짜")
    assert all(c.span[1] <= cut for c in seed.claims)
    assert all(text[c.span[0] : c.span[1]] == c.text for c in seed.claims)


def test_headlines_alone_make_no_claims() -> None:
    text = (
        "번호 제목 글쓴이 날짜\n11412 “해병 위험” 보고 랭크뉴스 2024.06.05\n"
        "11402 투자금 5000억 싹쓸이 랭크뉴스 2024.06.05\n"
    )
    assert check(text).claims == ()


# -- test articles -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["ko_faithful.txt", "en_faithful.txt"])
def test_faithful_articles_are_all_supported(name: str) -> None:
    report = check((ARTICLES / name).read_text(encoding="utf-8"))
    assert len(report.claims) >= 20
    bad = [(c.text, c.grade, c.explanation) for c in report.claims if c.grade != "supported"]
    assert bad == []


PLANTED = {
    "ko_errors.txt": {
        ("11.26", "value"),
        ("3위", "rank"),  # Luxembourg is 2nd
        ("72억6천만달러", "value"),
        ("9배", "ratio"),
        ("47억8천만달러", "value"),
        ("5위", "rank"),  # Korea's foundation-model rank: the table cannot say
        ("다음으로", "rank"),  # Korea 2nd after Israel: Singapore is
        ("2천966억원", "conversion"),
        ("9천835만 달러", "value"),
    },
    "en_errors.txt": {
        ("10.62", "value"),
        ("third", "rank"),
        ("9 times", "ratio"),
        ("$7.26 billion", "value"),
        ("7th", "rank"),
        ("5th", "rank"),
        ("6 times", "ratio"),
        ("second", "rank"),
        ("62.4%", "value"),
        ("$63.4 million", "value"),
    },
}


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_planted_errors_are_caught_and_nothing_else(name: str) -> None:
    report = check((ARTICLES / name).read_text(encoding="utf-8"))
    flagged = {(c.text, c.kind) for c in report.claims if c.grade in FLAGGED}
    assert flagged == PLANTED[name]
    others = [c for c in report.claims if (c.text, c.kind) not in PLANTED[name]]
    assert others and all(c.grade == "supported" for c in others)


def test_unsupported_rank_where_table_is_partial() -> None:
    c = check("South Korea was ranked 5th in foundation models in 2023.", edition=2024).claims[0]
    assert (c.kind, c.grade, c.indicator) == (
        "rank",
        "unsupported rank",
        "foundation_models_by_country",
    )


def test_not_found_for_unmatched_numbers() -> None:
    r = check("한국은 AI 특허에서 3.5를 기록했다. 아틀란티스는 42개였다.")
    assert r.claims and {c.grade for c in r.claims} <= {"not found", "contradicted"}
    assert check("The weather was 25 degrees.").summary["not found"] >= 0


# -- report, JSON, CLI ---------------------------------------------------------------------


def test_report_str_and_json(seed: Report) -> None:
    text = str(seed)
    assert "contradicted" in text and text.splitlines()[-1].startswith(f"{len(seed.claims)} claims")
    data = json.loads(json.dumps(seed.to_dict(), ensure_ascii=False))
    assert data["summary"] == seed.summary and data["edition"] == 2024
    assert data["claims"][0]["span"] == list(seed.claims[0].span)


def test_cli_status() -> None:
    text = "중국(72억6천만달러) AI 민간 투자"
    out, status = run_check_cli(text, as_json=True, edition=2024, lang="ko")
    assert status == 1 and json.loads(out)["summary"]["contradicted"] == 1
    text = "중국(77억6천만달러) AI 민간 투자"
    out, status = run_check_cli(text, as_json=False, edition=2024, lang=None)
    assert status == 0 and "supported" in out


# -- editions ------------------------------------------------------------------------------

KOREA_2026 = "South Korea's private AI investment was $1.8 billion in 2025."


def test_without_an_edition_named_the_newest_is_used() -> None:
    report = check(KOREA_2026)
    assert report.edition == max(e.edition for e in aiindex.editions()) == 2026
    assert [c.grade for c in report.claims] == ["supported"]


@pytest.mark.parametrize(
    "named",
    [
        "According to the 2026 AI Index report, ",
        "According to the AI Index 2026, ",
        "According to Stanford HAI's AI Index Report 2026, ",
    ],
)
def test_the_edition_the_text_names_wins(named: str) -> None:
    # Even over the caller's: the article says which report it quotes.
    report = check(named + KOREA_2026, edition=2024)
    assert (report.edition, report.named) == (2026, 2026)
    assert report.claims[-1].grade == "supported"


def test_a_korean_text_names_its_edition() -> None:
    report = check("스탠퍼드대 HAI 'AI 인덱스 2024' 보고서에 따르면 중국(77억6천만달러)이 2위였다.")
    assert report.edition == 2024


def test_an_unshipped_edition_is_said_never_substituted() -> None:
    # An article on an edition aiindex does not ship was graded against an older one: every
    # faithful figure came out contradicted. Now nothing is graded, and the report says why.
    text = "The AI Index 2031 says South Korea's private AI investment was $9.9 billion."
    report = check(text)
    assert (report.edition, report.named) == (None, 2031)
    assert report.claims and all(c.grade == "not found" for c in report.claims)
    assert all("AI Index 2031, which aiindex does not ship" in c.explanation for c in report.claims)
    assert "not shipped: nothing graded" in str(report).splitlines()[-1]
    out, status = run_check_cli(text, as_json=True, edition=None, lang=None)
    assert status == 0 and json.loads(out)["named_edition"] == 2031


def test_bad_arguments() -> None:
    with pytest.raises(aiindex.UnknownEditionError):
        check("x", edition=1999)
    with pytest.raises(ValueError, match="lang"):
        check("x", lang="fr")


# -- properties ----------------------------------------------------------------------------


def _observations() -> list[tuple[str, object]]:
    out = []
    for ind_id in aiindex.indicators(2024):
        ind = aiindex.indicator(ind_id, edition=2024)
        out += [(ind_id, o) for o in ind.observations]
    return out


OBSERVATIONS = _observations()


def _english(ind_id: str, obs: object, printed: str) -> str:
    ind = aiindex.indicator(ind_id, edition=2024)
    e = obs.entity  # type: ignore[attr-defined]
    unit = obs.printed_unit  # type: ignore[attr-defined]
    if "USD" in unit:
        scale = unit.split("*")[0].strip() if "*" in unit else ""
        value = f"${printed} {scale}".strip()
    elif unit == "percent":
        value = f"{printed}%"
    else:
        value = f"{printed} {ind.unit_label}"
    return f"{ind.title} ({obs.year}): {e.name} {value}."  # type: ignore[attr-defined]


def _korean(ind_id: str, obs: object, printed: str) -> str:
    from aiindex._money.amounts import korean_amount

    ind = aiindex.indicator(ind_id, edition=2024)
    e = obs.entity  # type: ignore[attr-defined]
    unit = obs.printed_unit  # type: ignore[attr-defined]
    if "USD" in unit:
        scale = {"billion": 10**9, "million": 10**6}.get(unit.split("*")[0].strip(), 1)
        value = korean_amount(Decimal(printed) * scale, "USD", digits=30)
    elif unit == "percent":
        value = f"{printed}%"
    else:
        value = printed
    return f"{ind.title_ko or ind.title} {obs.year}년: {e.display('ko')} {value}."  # type: ignore[attr-defined]


def _changed(printed: str, steps: int) -> str:
    places = len(printed.split(".")[1]) if "." in printed else 0
    changed = Decimal(printed) + Decimal(steps).scaleb(-places)
    return f"{changed:.{places}f}"


def _value_claim(report: Report, ind_id: str, entity: str) -> Claim:
    hits = [c for c in report.claims if c.kind == "value"]
    assert len(hits) == 1, [(c.text, c.explanation) for c in report.claims]
    assert (hits[0].indicator, hits[0].entity) == (ind_id, entity), hits[0].explanation
    return hits[0]


@given(st.sampled_from(OBSERVATIONS), st.sampled_from(["en", "ko"]))
def test_property_shipped_observation_is_supported(pair: tuple[str, object], lang: str) -> None:
    ind_id, obs = pair
    make = _english if lang == "en" else _korean
    text = make(ind_id, obs, obs.printed)  # type: ignore[attr-defined]
    report = check(text, lang=lang, edition=2024)
    c = _value_claim(report, ind_id, obs.entity.id)  # type: ignore[attr-defined]
    assert c.grade == "supported", (text, c.explanation)


def _text_step(obs: object, printed: str, lang: str) -> Decimal:
    """One unit of the last digit the generated text prints, in the printed unit.

    The English text and the Korean one of a non-money value print ``printed`` as it is. A
    Korean amount is written in 조/억/만 groups (``korean_amount``), which drop trailing zeros:
    10.60 billion dollars is "106억 달러", whose last digit is the 억 (10^8 dollars), 0.1 of
    the billion the figure is printed in.
    """
    unit = obs.printed_unit  # type: ignore[attr-defined]
    places = len(printed.split(".")[1]) if "." in printed else 0
    step = Decimal(1).scaleb(-places)
    if lang == "ko" and "USD" in unit:
        scale = {"billion": 10**9, "million": 10**6}.get(unit.split("*")[0].strip(), 1)
        dollars = (Decimal(printed) * scale).normalize()
        last = max(dollars.as_tuple().exponent, 0)  # type: ignore[arg-type]
        step = max(step, Decimal(10) ** last / scale)
    return step


@given(
    st.sampled_from(OBSERVATIONS),
    st.sampled_from(["en", "ko"]),
    st.integers(1, 50).flatmap(lambda n: st.sampled_from([n, -n])),
)
def test_property_changed_value_is_contradicted(
    pair: tuple[str, object], lang: str, steps: int
) -> None:
    # The rounding rule (aiindex._check.grade): a figure agrees with the report's when they
    # differ by at most half a unit of the coarser last digit, the text's or the report's. A
    # changed value is contradicted where it differs by more; where it does not (Canada
    # 10.56 billion dollars written "106억 달러"), it agrees within rounding and is supported.
    ind_id, obs = pair
    printed = _changed(obs.printed, steps)  # type: ignore[attr-defined]
    if "USD" in obs.printed_unit and Decimal(printed) <= 0:  # type: ignore[attr-defined]
        printed = _changed(obs.printed, abs(steps))  # type: ignore[attr-defined]
    make = _english if lang == "en" else _korean
    text = make(ind_id, obs, printed)
    report = check(text, lang=lang, edition=2024)
    c = _value_claim(report, ind_id, obs.entity.id)  # type: ignore[attr-defined]
    off = abs(Decimal(printed) - Decimal(obs.printed))  # type: ignore[attr-defined]
    half = max(_text_step(obs, printed, lang), _text_step(obs, obs.printed, "en")) / 2  # type: ignore[attr-defined]
    expected = "contradicted" if off > half else "supported"
    assert c.grade == expected, (text, off, half, c.explanation)


def test_a_changed_value_within_the_texts_rounding_is_supported() -> None:
    # The case hypothesis found: Canada's 10.56 billion dollars changed to 10.60 is written
    # "106억 달러" in Korean, which 10.56 rounds to.
    ind_id = "private_investment_cumulative_2013_2023"
    obs = aiindex.indicator(ind_id, edition=2024).observation("CAN")
    assert obs.printed == "10.56"
    text = _korean(ind_id, obs, "10.60")
    assert "106억 달러" in text
    c = _value_claim(check(text, lang="ko", edition=2024), ind_id, "CAN")
    assert c.grade == "supported", c.explanation


def test_conversions_use_only_a_sourced_publication_day() -> None:
    # The 2025 edition's day is not recorded (only its month): no rate is guessed for it.
    text = "AI 인덱스 2025에 따르면 GPT-4 훈련에는 7천856만 달러(1천92억원)가 들었다."
    report = check(text, edition=2025)
    conversions = [c for c in report.claims if c.kind == "conversion"]
    assert conversions and all(c.grade == "not found" for c in conversions)
    assert "publication day" in conversions[0].explanation
