"""The public API: catalogue, records, round trips of the data files, units, profile, entities."""

from __future__ import annotations

import json
import tomllib
from importlib.resources import files
from typing import Any

import pint
import pytest

import aiindex
from aiindex._io.structure import converter, structure
from aiindex._sources.schema import EntitiesFile, IndicatorFile

REQUIRED = {
    "ai_patents_per_capita",
    "ai_talent_concentration",
    "ai_talent_migration",
    "foundation_models_by_country",
    "foundation_models_by_organization",
    "notable_models_by_country",
    "private_investment",
    "training_cost",
    "mmmu_accuracy",
}

DATA = files("aiindex").joinpath("data")
EDITIONS = sorted(int(d.name) for d in DATA.iterdir() if d.is_dir() and d.name.isdigit())
INDICATOR_FILES = {
    e: sorted(f.name for f in DATA.joinpath(str(e)).iterdir() if f.name.endswith(".json"))
    for e in EDITIONS
}
EVERY = [(i, e) for e in EDITIONS for i in (n.removesuffix(".json") for n in INDICATOR_FILES[e])]


def parsed(*parts: str) -> dict[str, Any]:
    node = DATA
    for part in parts:
        node = node.joinpath(part)
    text = node.read_text(encoding="utf-8")
    return json.loads(text) if parts[-1].endswith(".json") else tomllib.loads(text)


# -- catalogue ----------------------------------------------------------------------------------


def test_indicators_sorted_unique_and_complete() -> None:
    ids = aiindex.indicators()
    assert list(ids) == sorted(set(ids))
    assert set(aiindex.indicators(2024)) >= REQUIRED
    for edition, names in INDICATOR_FILES.items():
        assert aiindex.indicators(edition) == tuple(n.removesuffix(".json") for n in names)
    assert set(ids) == {
        n.removesuffix(".json") for names in INDICATOR_FILES.values() for n in names
    }


def test_editions() -> None:
    assert [e.edition for e in aiindex.editions()] == EDITIONS


def test_without_an_edition_the_newest_edition_that_has_the_indicator() -> None:
    for indicator_id, _ in EVERY:
        newest = max(e for i, e in EVERY if i == indicator_id)
        assert aiindex.indicator(indicator_id) is aiindex.indicator(indicator_id, edition=newest)


@pytest.mark.parametrize("indicator_id", sorted(REQUIRED))
def test_indicator_is_cached_and_identifies_itself(indicator_id: str) -> None:
    a = aiindex.indicator(indicator_id, edition=2024)
    assert aiindex.indicator(indicator_id, edition=2024) is a
    assert aiindex.indicator(indicator_id, edition=2024) is a
    assert a.id == indicator_id and a.edition == 2024
    assert a.observations
    assert indicator_id in repr(a)


@pytest.mark.parametrize(("indicator_id", "edition"), EVERY)
def test_every_observation_is_sourced(indicator_id: str, edition: int) -> None:
    ind = aiindex.indicator(indicator_id, edition=edition)
    assert ind.source.edition == edition and ind.source.section
    for obs in ind.observations:
        src = obs.source
        assert src.edition == edition
        assert src.section and src.section == ind.source.section
        assert len(src.locators) >= 1 and all(src.locators)
        assert str(edition) in src.publication
        assert obs.unit == ind.unit
        assert obs.year in ind.years


# -- cattrs round trips -------------------------------------------------------------------------


def _strip_defaults(data: Any) -> Any:
    """Drop keys at their default (None, False, empty): a TOML file omits them."""
    if isinstance(data, dict):
        return {
            k: _strip_defaults(v)
            for k, v in data.items()
            if v is not None and v is not False and v != []
        }
    if isinstance(data, list | tuple):
        return [_strip_defaults(v) for v in data]
    return data


@pytest.mark.parametrize(("indicator_id", "edition"), EVERY)
def test_indicator_file_round_trips(indicator_id: str, edition: int) -> None:
    name = f"{indicator_id}.json"
    raw = parsed(str(edition), name)
    record = structure(raw, IndicatorFile, path=name)
    unstructured = converter().unstructure(record)
    assert converter().structure(unstructured, IndicatorFile) == record
    assert _strip_defaults(unstructured) == _strip_defaults(raw)
    assert len(record.observations) == len(raw["observations"])


def test_entities_file_round_trips() -> None:
    raw = parsed("entities.toml")
    record = structure(raw, EntitiesFile, path="entities.toml")
    unstructured = converter().unstructure(record)
    assert converter().structure(unstructured, EntitiesFile) == record
    assert _strip_defaults(unstructured) == _strip_defaults(raw)
    ids = [e.id for e in record.entities]
    assert len(ids) == len(set(ids))


# -- units --------------------------------------------------------------------------------------


def test_patents_per_capita_converts_to_per_million() -> None:
    q = aiindex.indicator("ai_patents_per_capita", edition=2024).value("KOR")
    assert q.to("1 / (million * person)").magnitude == pytest.approx(102.6)
    assert q.to("1 / person").magnitude == pytest.approx(10.26e-5)
    assert q.to("1 / (million * inhabitants)").magnitude == pytest.approx(102.6)


def test_currencies_are_distinct_dimensions() -> None:
    ureg = aiindex.ureg
    usd = aiindex.indicator("private_investment", edition=2024).value("USA")
    with pytest.raises(pint.DimensionalityError):
        usd + ureg.Quantity(1, "KRW")
    with pytest.raises(pint.DimensionalityError):
        usd.to("EUR")
    assert usd.to("USD").magnitude == pytest.approx(67.22e9)
    assert (usd + ureg.Quantity(1, "million * USD")).to("billion * USD").magnitude == pytest.approx(
        67.221
    )


def test_percent_converts() -> None:
    q = aiindex.indicator("mmmu_accuracy", edition=2024).value("GPT-4")
    assert q.to("dimensionless").magnitude == pytest.approx(0.568)
    assert aiindex.ureg.Quantity(82.6, "percent").to("percentage_point").magnitude == pytest.approx(
        82.6
    )


def test_ureg_is_the_registry_of_returned_quantities() -> None:
    q = aiindex.indicator("private_investment", edition=2024).value("USA")
    assert q._REGISTRY is aiindex.ureg
    assert isinstance(q, aiindex.Quantity)
    # Quantities of the package registry combine with ones the user builds from aiindex.ureg.
    assert (q * aiindex.ureg.Quantity(2, "dimensionless")).magnitude == pytest.approx(134.44)
    assert aiindex.indicator("training_cost", edition=2024).value("GPT-4")._REGISTRY is aiindex.ureg


def test_private_investment_values_printed_in_millions_are_rescaled() -> None:
    obs = aiindex.indicator("private_investment", edition=2024).observation("Spain")
    assert obs.printed == "362" and obs.printed_unit == "million * USD"
    assert obs.magnitude == pytest.approx(0.362)
    assert obs.value.to("USD").magnitude == pytest.approx(362e6)


# -- profile ------------------------------------------------------------------------------------


def test_profile_of_korea() -> None:
    p = aiindex.profile("KOR", edition=2024)
    assert p.entity.id == "KOR" and p.edition == 2024

    pat = p.row("ai_patents_per_capita")
    assert pat.rank == 1
    assert pat.leader is not None and pat.leader.entity.id == "KOR"
    assert pat.gap_magnitude == 0

    tc = p.row("ai_talent_concentration")
    assert tc.rank == 3
    assert tc.leader is not None and tc.leader.entity.id == "ISR"
    assert tc.gap_magnitude == pytest.approx(-0.34)
    assert tc.gap_to_leader is not None
    assert tc.gap_to_leader.to("dimensionless").magnitude == pytest.approx(-0.0034)

    pi = p.row("private_investment")
    assert pi.rank == 9
    assert pi.leader is not None and pi.leader.entity.id == "USA"
    assert pi.gap_magnitude == pytest.approx(1.39 - 67.22)

    fm = p.row("foundation_models_by_country")
    assert fm.rank is None and fm.value.magnitude == 0


def test_profile_rows_match_the_indicators() -> None:
    p = aiindex.profile("South Korea", edition=2024)
    ids = [r.indicator.id for r in p.rows]
    assert ids == sorted(ids)
    for row in p.rows:
        ind = row.indicator
        assert row.observation is ind.observation("KOR")
    # Every indicator with a Korean value is in the profile; the others are not.
    having = {
        i
        for i in aiindex.indicators(2024)
        if any(o.entity.id == "KOR" for o in aiindex.indicator(i, edition=2024).observations)
    }
    assert set(ids) == having
    with pytest.raises(aiindex.MissingValueError) as info:
        p.row("training_cost")
    assert "training_cost" in str(info.value)


def test_profile_str_is_a_table() -> None:
    text = str(aiindex.profile("KOR", edition=2024))
    lines = text.splitlines()
    assert "South Korea" in lines[0] and "KOR" in lines[0]
    by_id = {line.split()[0]: line for line in lines[2:-1]}
    pat = by_id["ai_patents_per_capita"].split()
    assert "10.26" in pat and "1" in pat and "South Korea" in by_id["ai_patents_per_capita"]
    tc = by_id["ai_talent_concentration"]
    assert "0.79" in tc.split() and "3" in tc.split() and "Israel" in tc and "-0.34" in tc.split()
    pi = by_id["private_investment"]
    assert "1.39" in pi.split() and "9=" in pi.split() and "United States" in pi


def test_profile_of_a_model() -> None:
    p = aiindex.profile("GPT-4", edition=2024)
    assert {r.indicator.id for r in p.rows} >= {"training_cost", "mmmu_accuracy"}
    assert p.row("training_cost").value.magnitude == 78_352_034


# -- entities -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "entity_id"),
    [
        ("KOR", "KOR"),
        ("KR", "KOR"),
        ("South Korea", "KOR"),
        ("Korea, Rep.", "KOR"),
        ("한국", "KOR"),
        ("south  KOREA", "KOR"),
        ("  korea rep ", "KOR"),
        ("Google", "google"),
        ("구글", "google"),
        ("GOOGLE", "google"),
        ("GPT-4", "gpt-4"),
        ("gpt 4", "gpt-4"),
        ("Gemini Ultra", "gemini-ultra"),
        ("Republic of Korea", "KOR"),
        ("Korea, Republic of", "KOR"),
        ("United States of America", "USA"),
        ("world", "world"),
        ("Ethiopia", "ETH"),  # a pycountry-only country
    ],
)
def test_entity_resolves(text: str, entity_id: str) -> None:
    e = aiindex.entity(text)
    assert e.id == entity_id
    assert aiindex.entity(e) is e
    assert aiindex.entity(e.id) == e


def test_entity_names_include_pycountry_names() -> None:
    kor = aiindex.entity("KOR")
    assert {"KOR", "KR", "Korea, Republic of", "South Korea", "한국", "Korea, Rep."} <= set(
        kor.names
    )
    for name in kor.names:
        assert aiindex.entity(name) == kor
    assert kor.display("ko") == "한국" and kor.display() == "South Korea"
    assert "Google" in aiindex.entity("google").names


def test_every_entity_name_resolves_back() -> None:
    # Everywhere, or (for an area that is another one in each chart, and for a US state, whose
    # names "CA" and "Georgia" are scoped) within its own table; a state's ISO code everywhere.
    for i, edition in EVERY:
        ind = aiindex.indicator(i, edition=edition)
        for e in ind.entities:
            if e.kind == "subdivision":
                assert aiindex.entity(e.id) == e
            for name in e.names:
                if not aiindex.is_entity(name) or aiindex.entity(name) != e:
                    assert e.id.startswith("rest-of-world-") or e.kind == "subdivision", (name, e)
                    year = ind.observations_of(e)[-1].year
                    assert ind.observation(name, year).entity == e, (name, e)


def test_the_rest_of_the_world_is_another_area_in_each_chart() -> None:
    # 2024: the world minus China, the US, the EU and UK, and India; 2025 and 2026: minus
    # Europe instead of the EU and UK. Within a table its own name and the generic id find it.
    ids = {
        e: aiindex.indicator("granted_ai_patents_share", edition=e)
        .observation("rest-of-world", year)
        .entity.id
        for e, year in ((2024, 2022), (2025, 2023), (2026, 2023))
    }
    assert ids[2024] == "rest-of-world-ex-chn-usa-euuk-ind"
    assert ids[2025] == ids[2026] == "rest-of-world-ex-chn-usa-europe-ind"
    by_region = aiindex.indicator("granted_ai_patents_share_by_region", edition=2025)
    assert by_region.observation("Rest of the world", 2023).entity.id != ids[2025]
    assert aiindex.entity("Rest of the world").id == "rest-of-world"


def test_is_entity() -> None:
    assert aiindex.is_entity("구글")
    assert aiindex.is_entity("south korea")
    assert not aiindex.is_entity("Atlantis")
    assert not aiindex.is_entity("")


def test_is_entity_does_not_compute_suggestions(monkeypatch: pytest.MonkeyPatch) -> None:
    # A "did you mean" search over every name is thrown away by a yes/no question.
    from aiindex._reference import entities

    def fail(text: str) -> tuple[str, ...]:
        raise AssertionError(f"suggestions computed for {text!r}")

    monkeypatch.setattr(entities, "_suggest", fail)
    assert not aiindex.is_entity("Atlantis")


def test_entity_rejects_non_strings() -> None:
    with pytest.raises(TypeError):
        aiindex.entity(410)  # type: ignore[arg-type]


def test_ranking_behaves_like_a_tuple() -> None:
    r = aiindex.indicator("ai_talent_concentration", edition=2024).ranking()
    rows = tuple(r)
    assert len(r) == len(rows) == 5
    assert r[0] == rows[0] and r[-1] == rows[-1] and r[1:3] == rows[1:3]
    assert r == rows and r == aiindex.indicator("ai_talent_concentration", edition=2024).ranking(
        2023
    )
    assert r.ranks == (1, 2, 3, 4, 5)
    assert "Israel" in str(r).splitlines()[2]


def test_iso3166_read_from_pycountrys_files_agrees_with_pycountry() -> None:
    # aiindex reads pycountry's database directly (importing pycountry costs ~70 ms).
    import pycountry

    from aiindex._reference.entities import _iso3166, _korean_country_names

    ours = {r["alpha_3"]: r for r in _iso3166()}
    assert set(ours) == {c.alpha_3 for c in pycountry.countries}
    for c in pycountry.countries:
        assert ours[c.alpha_3]["alpha_2"] == c.alpha_2 and ours[c.alpha_3]["name"] == c.name
    assert _korean_country_names()["KOR"] == "대한민국"


def test_loading_shipped_tables_does_not_import_pycountry() -> None:
    import subprocess
    import sys

    code = (
        "import sys, aiindex\n"
        "for e in aiindex.editions():\n"
        "    for i in aiindex.indicators(e.edition):\n"
        "        str(aiindex.indicator(i, edition=e.edition).ranking())\n"
        "assert 'pycountry' not in sys.modules\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr


def test_every_indicator_has_korean_words_for_its_title_and_unit() -> None:
    for edition in aiindex.editions():
        for ind_id in aiindex.indicators(edition.edition):
            ind = aiindex.indicator(ind_id, edition=edition.edition)
            assert ind.title_ko and ind.unit_label_ko, (ind_id, edition.edition)
            assert any("\uac00" <= ch <= "\ud7a3" for ch in ind.title_ko), ind.title_ko
