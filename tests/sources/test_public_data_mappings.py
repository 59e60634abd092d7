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
