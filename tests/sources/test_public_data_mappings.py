"""The figure-file mappings are data (data/public_data.toml), validated when read."""

from __future__ import annotations

from typing import Any

import pytest

import aiindex
from aiindex._io import files
from aiindex._sources import public_data


def _indicator(**kw: Any) -> dict[str, Any]:
    return {
        "id": "x",
        "edition": 2025,
        "title": "X",
        "unit": "percent",
        "unit_label": "%",
        "entity_kind": "country",
        "section": "S",
        **kw,
    }


def _figure(**kw: Any) -> dict[str, Any]:
    return {
        "edition": 2025,
        "file": "fig_9.9.9.csv",
        "indicator": "x",
        "entity_column": "Area",
        "value_column": "Value",
        "coverage": "complete",
        "year": 2024,
        **kw,
    }


@pytest.fixture
def mapping_file(monkeypatch: pytest.MonkeyPatch) -> Any:
    def use(
        indicators: list[Any], figures: list[Any], *, elsewhere: dict[str, Any] | None = None
    ) -> None:
        # The first mapping file holds these records; the second `elsewhere`; the rest nothing.
        first, second = public_data.MAPPING_FILES[:2]
        raw = {first: {"indicators": indicators, "figures": figures}, second: elsewhere or {}}
        monkeypatch.setattr(
            files, "read_toml", lambda relative: (f"aiindex/data/{relative}", raw.get(relative, {}))
        )
        public_data.mappings.cache_clear()

    yield use
    public_data.mappings.cache_clear()


def test_a_valid_file_gives_its_mapping(mapping_file: Any) -> None:
    mapping_file([_indicator()], [_figure()])
    (m,) = public_data.mappings().figures[2025, "fig_9.9.9.csv"]
    assert (m.indicator.id, m.year, m.edition, m.figure) == ("x", 2024, 2025, "fig_9.9.9")


@pytest.mark.parametrize(
    ("indicators", "figures", "words"),
    [
        ([_indicator()], [_figure(colour="red")], r"extra fields.*colour"),
        ([_indicator()], [_figure(indicator="y")], r"figures\[0\] \(2025 fig_9.9.9.csv\): no "),
        ([_indicator()], [_figure(year_column="Year")], "exactly one of year and year_column"),
        ([_indicator()], [_figure(value_form="fraction", coverage="all")], "coverage"),
        ([_indicator(), _indicator()], [_figure()], "defined twice"),
        (
            [_indicator(unit="bill")],
            [_figure(value_form="percent")],
            "percent or percentage_point indicator only",
        ),
    ],
)
def test_a_bad_mapping_fails_naming_the_file(
    mapping_file: Any, indicators: list[Any], figures: list[Any], words: str
) -> None:
    mapping_file(indicators, figures)
    with pytest.raises(aiindex.DataError, match=words) as info:
        public_data.mappings()
    assert str(info.value).startswith(f"aiindex/data/{public_data.MAPPING_FILES[0]}: ")


def test_a_figure_may_feed_an_indicator_of_another_file(mapping_file: Any) -> None:
    mapping_file([_indicator()], [], elsewhere={"figures": [_figure()]})
    (m,) = public_data.mappings().figures[2025, "fig_9.9.9.csv"]
    assert m.indicator.id == "x"


def test_a_figure_skipped_twice_fails_naming_the_file(mapping_file: Any) -> None:
    skip = {"edition": 2025, "file": "fig_9.9.9.csv", "reason": "r"}
    mapping_file([], [], elsewhere={"skipped": [skip, skip]})
    with pytest.raises(aiindex.DataError, match="skipped twice") as info:
        public_data.mappings()
    assert str(info.value).startswith(f"aiindex/data/{public_data.MAPPING_FILES[1]}: ")


def test_every_mapping_file_is_listed_and_shipped() -> None:
    folder = files.data_dir().joinpath("public_data")
    shipped = {f"public_data/{p.name}" for p in folder.iterdir() if p.name.endswith(".toml")}
    assert shipped == set(public_data.MAPPING_FILES)


def test_no_figure_file_is_both_mapped_and_skipped() -> None:
    maps = public_data.mappings()
    assert maps.figures and maps.skipped
    assert not set(maps.figures) & set(maps.skipped)


# -- model tables: the mapping options the benchmark figures need ------------------------------


def _read_models(mapping_file: Any, tmp_path: Any, csv_text: str, **figure: Any) -> Any:
    """The indicator a one-file folder gives under a model mapping with ``figure``'s options."""
    mapping_file(
        [_indicator(entity_kind="model", unit="dimensionless")],
        [_figure(**{"entity_column": "Model", "coverage": "selection", **figure})],
    )
    (tmp_path / "fig_9.9.9.csv").write_text(csv_text, encoding="utf-8")
    return public_data.read_public_data(tmp_path, edition=2025).indicators["x"]


def test_a_dash_is_a_missing_value(mapping_file: Any, tmp_path: Any) -> None:
    # PlanBench (2025 fig_2.7.9) writes "-" where a model has no score: never zero, no error.
    ind = _read_models(mapping_file, tmp_path, "Model,Value\nModel A,54.8\nModel B,-\n")
    assert [o.entity.name for o in ind.observations] == ["Model A"]


def test_a_suffix_column_tells_sizes_of_one_model_apart(mapping_file: Any, tmp_path: Any) -> None:
    text = "Model,Size,Value\nESM-2,150M,0.387\nESM-2,3B,0.406\n"
    ind = _read_models(mapping_file, tmp_path, text, name_suffix_column="Size")
    assert sorted(o.entity.name for o in ind.observations) == ["ESM-2 (150M)", "ESM-2 (3B)"]
    assert ind.value("ESM-2 (3B)").magnitude == 0.406
    with pytest.raises(aiindex.DataError, match=r"row 3.*appears again \(first at row 2\)"):
        _read_models(mapping_file, tmp_path, text)


def test_a_release_date_gives_its_year_only_when_asked(mapping_file: Any, tmp_path: Any) -> None:
    text = "Model,Date,Value\nProGen,3/8/20,1.2\nESM3,6/25/24,98\n"
    dated = {"year": None, "year_column": "Date"}
    ind = _read_models(mapping_file, tmp_path, text, **dated, dated=True)
    assert ind.years == (2020, 2024)
    assert ind.observation("ProGen", 2020).note == "dated 3/8/20 in the file"
    # Without it, a day other than 1/1 is taken for a sub-yearly series and refused.
    with pytest.raises(aiindex.DataError, match=r"a date that is not yearly"):
        _read_models(mapping_file, tmp_path, text, **dated)


def test_dates_need_a_year_column(mapping_file: Any) -> None:
    mapping_file([_indicator()], [_figure(dated=True)])
    with pytest.raises(aiindex.DataError, match="dated needs a year_column"):
        public_data.mappings()


def test_a_repeat_with_the_same_value_is_read_once_when_allowed(
    mapping_file: Any, tmp_path: Any
) -> None:
    # 2026 fig_2.5.1 lists "GPT-5-2 Codex" and "GPT 5.2 Codex", both at 0.728.
    text = "Model,Value\nGPT-5-2 Codex,0.728\nOther,0.5\nGPT 5.2 Codex,0.728\n"
    with pytest.raises(aiindex.DataError, match="appears again"):
        _read_models(mapping_file, tmp_path, text)
    ind = _read_models(mapping_file, tmp_path, text, repeats_agree=True)
    assert len(ind.observations) == 2
    obs = ind.observation("GPT 5.2 Codex")
    assert obs.printed == "0.728" and obs.source.locators == (
        "AI Index 2025 public data, fig_9.9.9.csv",
    )
    assert obs.note == "listed again at row 4 as 'GPT 5.2 Codex', with the same value"
    other = "Model,Value\nGPT-5-2 Codex,0.7\nOther,0.5\nGPT 5.2 Codex,0.728\n"
    with pytest.raises(aiindex.DataError, match=r"row 4.*appears again \(first at row 2\)"):
        _read_models(mapping_file, tmp_path, other, repeats_agree=True)


def test_a_human_baseline_in_a_model_table_is_shown_unranked(
    mapping_file: Any, tmp_path: Any
) -> None:
    text = "Model,Value\nHuman expert,0.331\nGPT-4o,0.156\nGemini 1.5 Pro,0.087\n"
    ind = _read_models(mapping_file, tmp_path, text, coverage="complete")
    human = ind.observation("Human expert").entity
    assert human == aiindex.entity("human-expert-medium") and human.kind == "baseline"
    # Before baselines were read in model tables, the name made a model of its own, ranked.
    assert ind.rank("GPT-4o") == 1 and ind.rank("Gemini 1.5 Pro") == 2


def test_a_misspelt_model_name_is_mended_and_noted(mapping_file: Any, tmp_path: Any) -> None:
    # 2025 fig_2.7.8 (HLE) writes "Clause 3.5 Sonnet".
    ind = _read_models(mapping_file, tmp_path, "Model,Value\nClause 3.5 Sonnet,4.8\n")
    obs = ind.observation("Claude 3.5 Sonnet")
    assert obs.entity.name == "Claude 3.5 Sonnet"
    assert obs.note == "spelled 'Clause 3.5 Sonnet' in the file"
