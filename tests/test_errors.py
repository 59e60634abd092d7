"""Every error: its class, the builtin it refines, and a message that names the bad input."""

from __future__ import annotations

import copy
import inspect
import json
from importlib.resources import files
from typing import Any

import pytest

import aiindex
import aiindex.exceptions
from aiindex._io.structure import structure
from aiindex._sources.packaged import assemble
from aiindex._sources.schema import IndicatorFile


def test_every_error_subclasses_aiindexerror() -> None:
    classes = [
        obj
        for _, obj in inspect.getmembers(aiindex.exceptions, inspect.isclass)
        if issubclass(obj, Exception)
        and not issubclass(obj, Warning)
        and obj.__module__ == "aiindex.exceptions"
    ]
    assert len(classes) >= 13
    for cls in classes:
        assert issubclass(cls, aiindex.AIIndexError)
        assert getattr(aiindex, cls.__name__) is cls


# -- lookups ------------------------------------------------------------------------------------


def test_unknown_indicator() -> None:
    with pytest.raises(aiindex.UnknownIndicatorError) as info:
        aiindex.indicator("ai_patent_per_capita", edition=2024)
    e = info.value
    assert isinstance(e, KeyError) and isinstance(e, aiindex.AIIndexError)
    assert e.indicator == "ai_patent_per_capita"
    assert "ai_patents_per_capita" in e.suggestions
    assert "'ai_patent_per_capita'" in str(e)
    assert "ai_patents_per_capita" in str(e)


def test_unknown_indicator_is_a_keyerror_for_naive_callers() -> None:
    try:
        aiindex.indicator("privat_investment", edition=2024)
    except KeyError as e:
        assert "private_investment" in str(e)
    else:
        pytest.fail("no error")


def test_unknown_entity() -> None:
    with pytest.raises(aiindex.UnknownEntityError) as info:
        aiindex.entity("Koreaa")
    e = info.value
    assert isinstance(e, KeyError)
    assert e.text == "Koreaa"
    assert "South Korea" in e.suggestions
    assert "'Koreaa'" in str(e)


def test_unknown_entity_through_an_indicator() -> None:
    with pytest.raises(aiindex.UnknownEntityError) as info:
        aiindex.indicator("private_investment", edition=2024).value("Luxembourgg")
    assert "Luxembourg" in info.value.suggestions
    assert "Luxembourgg" in str(info.value)


def test_unknown_year() -> None:
    with pytest.raises(aiindex.MissingValueError) as info:
        aiindex.indicator("ai_talent_migration", edition=2024).value("KOR", 2021)
    e = info.value
    assert isinstance(e, LookupError)
    message = str(e)
    assert "2021" in message and "2020" in message and "2023" in message


def test_missing_value_is_not_zero() -> None:
    # Japan is not in the talent-migration table: missing, never zero.
    with pytest.raises(aiindex.MissingValueError) as info:
        aiindex.indicator("ai_talent_migration", edition=2024).value("Japan")
    assert "Japan" in str(info.value) and "JPN" in str(info.value)


def test_year_must_be_an_int() -> None:
    with pytest.raises(TypeError, match="2023"):
        aiindex.indicator("private_investment", edition=2024).value("KOR", "2023")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "call",
    [
        lambda: aiindex.indicator("private_investment", edition=1999),
        lambda: aiindex.indicators(1999),
    ],
)
def test_unknown_edition(call: Any) -> None:
    with pytest.raises(aiindex.UnknownEditionError) as info:
        call()
    e = info.value
    assert isinstance(e, LookupError)
    assert e.edition == 1999 and 2024 in e.known
    assert "1999" in str(e) and "2024" in str(e)


def test_model_on_a_country_indicator() -> None:
    with pytest.raises(aiindex.EntityKindError) as info:
        aiindex.indicator("private_investment", edition=2024).value("GPT-4")
    e = info.value
    assert isinstance(e, ValueError)
    assert "GPT-4" in str(e) and "model" in str(e) and "private_investment" in str(e)


def test_country_on_a_model_indicator() -> None:
    with pytest.raises(aiindex.EntityKindError) as info:
        aiindex.indicator("training_cost", edition=2024).rank("KOR")
    assert "South Korea" in str(info.value)


def test_rank_of_a_group() -> None:
    nm = aiindex.indicator("notable_models_by_country", edition=2024)
    assert nm.value("world").magnitude == 108  # its value is fine ...
    with pytest.raises(aiindex.EntityKindError) as info:  # ... its rank is not
        nm.rank("world")
    assert "World" in str(info.value)


def test_ratio_by_zero() -> None:
    fm = aiindex.indicator("foundation_models_by_country", edition=2024)
    with pytest.raises(aiindex.UndefinedRatioError) as info:
        fm.ratio("USA", "KOR")
    e = info.value
    assert isinstance(e, ZeroDivisionError)
    assert "South Korea" in str(e)
    assert fm.ratio("KOR", "USA") == 0


def test_incomplete_ranking_names_the_entity_and_the_value() -> None:
    with pytest.raises(aiindex.IncompleteRankingError) as info:
        aiindex.indicator("notable_models_by_country", edition=2024).rank("KOR")
    assert isinstance(info.value, ValueError)
    message = str(info.value)
    assert "South Korea" in message and "notable_models_by_country" in message
    assert "\n" not in message


# -- malformed data files -----------------------------------------------------------------------

PATENTS = json.loads(
    files("aiindex").joinpath("data", "2024", "ai_patents_per_capita.json").read_text("utf-8")
)


def raw() -> dict[str, Any]:
    return copy.deepcopy(PATENTS)


def obs_index(data: dict[str, Any], entity: str) -> int:
    return next(i for i, o in enumerate(data["observations"]) if o["entity"] == entity)


def bad_structure(data: dict[str, Any]) -> str:
    with pytest.raises(aiindex.DataError) as info:
        structure(data, IndicatorFile, path="x.toml")
    assert info.value.path == "x.toml"
    message = str(info.value)
    assert message.startswith("x.toml: ")
    return message


def test_year_as_string() -> None:
    data = raw()
    i = obs_index(data, "KOR")
    data["observations"][i]["year"] = "2023"
    message = bad_structure(data)
    assert f"observations[{i}].year" in message
    assert "'KOR'" in message and "'2023'" in message


def test_year_as_float() -> None:
    data = raw()
    i = obs_index(data, "JPN")
    data["observations"][i]["year"] = 2022.0
    message = bad_structure(data)
    assert f"observations[{i}].year" in message and "'JPN'" in message


def test_extra_key() -> None:
    data = raw()
    i = obs_index(data, "LUX")
    data["observations"][i]["colour"] = "red"
    message = bad_structure(data)
    assert "colour" in message and f"observations[{i}]" in message and "'LUX'" in message


def test_missing_sources() -> None:
    data = raw()
    i = obs_index(data, "USA")
    del data["observations"][i]["sources"]
    message = bad_structure(data)
    assert f"observations[{i}].sources" in message and "'USA'" in message and "2022" in message


def test_bad_entity_kind() -> None:
    data = raw()
    data["entity_kind"] = "planet"
    message = bad_structure(data)
    assert "entity_kind" in message and "planet" in message


def test_outside_chart_must_be_bool() -> None:
    data = raw()
    i = obs_index(data, "CHN")
    data["observations"][i]["outside_chart"] = "yes"
    message = bad_structure(data)
    assert f"observations[{i}].outside_chart" in message and "'CHN'" in message


def test_missing_top_level_key() -> None:
    data = raw()
    del data["unit"]
    message = bad_structure(data)
    assert "unit" in message


def record_with(**changes: Any) -> tuple[IndicatorFile, int]:
    data = raw()
    i = obs_index(data, "JPN")
    data["observations"][i].update(changes)
    return structure(data, IndicatorFile, path="x.toml"), i


def test_assemble_duplicate_entity_year() -> None:
    data = raw()
    data["observations"].append(copy.deepcopy(data["observations"][obs_index(data, "KOR")]))
    record = structure(data, IndicatorFile, path="x.toml")
    with pytest.raises(aiindex.DataError) as info:
        assemble(record, path="x.toml")
    message = str(info.value)
    n = len(data["observations"]) - 1
    assert message.startswith("x.toml: ")
    assert f"observations[{n}]" in message and "'KOR'" in message and "2022" in message


def test_assemble_non_number() -> None:
    record, i = record_with(value="2.5x")
    with pytest.raises(aiindex.DataError) as info:
        assemble(record, path="x.toml")
    message = str(info.value)
    assert "x.toml" in message and f"observations[{i}]" in message
    assert "'JPN'" in message and "'2.5x'" in message


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-inf", ""])
def test_assemble_non_finite(value: str) -> None:
    record, i = record_with(value=value)
    with pytest.raises(aiindex.DataError) as info:
        assemble(record, path="x.toml")
    assert f"observations[{i}]" in str(info.value) and repr(value) in str(info.value)


def test_assemble_unit_differing_by_more_than_a_counting_word() -> None:
    record, i = record_with(unit="patent / (hundred_thousand * company)")
    with pytest.raises(aiindex.DataError) as info:
        assemble(record, path="x.toml")
    message = str(info.value)
    assert f"observations[{i}]" in message and "'JPN'" in message
    assert "patent / (hundred_thousand * company)" in message


def test_assemble_accepts_a_counting_word() -> None:
    # million * USD inside a billion * USD table is rescaled, not rejected.
    data = json.loads(
        files("aiindex").joinpath("data", "2024", "private_investment.json").read_text("utf-8")
    )
    record = structure(data, IndicatorFile, path="x.toml")
    ind = assemble(record, path="x.toml")
    assert ind.value("ITA").magnitude == pytest.approx(0.0589)


def test_assemble_unknown_entity_id() -> None:
    record, i = record_with(entity="XXX")
    with pytest.raises(aiindex.DataError) as info:
        assemble(record, path="x.toml")
    assert "'XXX'" in str(info.value) and f"observations[{i}]" in str(info.value)


def test_assemble_stated_rank_zero() -> None:
    record, i = record_with(stated_rank=0)
    with pytest.raises(aiindex.DataError) as info:
        assemble(record, path="x.toml")
    assert "stated_rank" in str(info.value) and f"observations[{i}]" in str(info.value)


def test_assemble_empty_sources() -> None:
    record, _ = record_with(sources=[])
    with pytest.raises(aiindex.DataError) as info:
        assemble(record, path="x.toml")
    assert "source" in str(info.value) and "'JPN'" in str(info.value)


# -- data files that are not what the loader expects -----------------------------------------


@pytest.mark.parametrize(("text", "words"), [("{not json", "not valid JSON"), ("[1, 2]", "object")])
def test_a_broken_json_data_file_names_the_file(
    monkeypatch: pytest.MonkeyPatch, text: str, words: str
) -> None:
    from aiindex._io import files as _load

    monkeypatch.setattr(_load, "_read", lambda relative: (f"aiindex/data/{relative}", text))
    with pytest.raises(aiindex.DataError) as info:
        _load.read_json("2024/x.json")
    assert str(info.value).startswith("aiindex/data/2024/x.json: ") and words in str(info.value)


def test_a_broken_toml_data_file_names_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    from aiindex._io import files as _load

    monkeypatch.setattr(_load, "_read", lambda relative: (f"aiindex/data/{relative}", "a = "))
    with pytest.raises(aiindex.DataError, match=r"^aiindex/data/entities.toml: not valid TOML"):
        _load.read_toml("entities.toml")


def _edition_table(edition: int, published: str) -> dict[str, object]:
    return {
        "edition": edition,
        "published": published,
        "title": "t",
        "publisher": "p",
        "authors": [],
        "citation": "c",
        "license": "l",
        "license_title": "lt",
        "license_url": "u",
        "url": "u",
        "sources": ["s"],
    }


@pytest.mark.parametrize(
    ("tables", "words"),
    [
        ([_edition_table(2024, "2024-04-15"), _edition_table(2024, "2024-04")], "twice"),
        ([_edition_table(2024, "2024-13-40")], "bad date"),
    ],
)
def test_a_bad_editions_file_is_refused(
    monkeypatch: pytest.MonkeyPatch, tables: list[dict[str, object]], words: str
) -> None:
    # editions.toml is checked when the data is compiled; aiindex reads the compiled form.
    from aiindex._io import files as _load
    from aiindex._sources import compile

    monkeypatch.setattr(_load, "read_toml", lambda relative: (relative, {"editions": tables}))
    with pytest.raises(aiindex.DataError, match=words) as info:
        compile.editions()
    assert str(info.value).startswith("editions.toml: ")
