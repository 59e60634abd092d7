"""`aiindex.read_csv`: a user's table becomes an Indicator, or a DataError naming row and column."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import aiindex


def write(tmp_path: Path, text: str, name: str = "t.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def read(tmp_path: Path, text: str, **kwargs: Any) -> aiindex.Indicator:
    kwargs.setdefault("id", "t")
    kwargs.setdefault("unit", "count")
    return aiindex.read_csv(write(tmp_path, text), **kwargs)


def bad(tmp_path: Path, text: str, **kwargs: Any) -> str:
    path = write(tmp_path, text)
    kwargs.setdefault("id", "t")
    kwargs.setdefault("unit", "count")
    with pytest.raises(aiindex.DataError) as info:
        aiindex.read_csv(path, **kwargs)
    assert info.value.path == str(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ")
    return message


# -- happy paths --------------------------------------------------------------------------------


def test_countries_by_name_and_alias_resolve_to_iso_ids(tmp_path: Path) -> None:
    ind = read(
        tmp_path,
        "entity,year,value,source\n"
        "Korea,2023,3,my survey\n"
        '"Korea, Rep.",2022,2,\n'
        "미국,2023,5,\n"
        "JPN,2023,4,\n"
        "United Kingdom,2023,1.5,\n",
        unit="billion * USD",
    )
    assert {e.id for e in ind.entities} == {"KOR", "USA", "JPN", "GBR"}
    assert ind.years == (2022, 2023)
    assert ind.value("KOR", 2023).magnitude == 3
    assert ind.value("한국", 2022).magnitude == 2
    assert [r.entity.id for r in ind.ranking(2023)] == ["USA", "JPN", "KOR", "GBR"]
    assert ind.rank("Japan") == 2
    assert ind.value("USA").to("USD").magnitude == pytest.approx(5e9)
    assert ind.edition is None and ind.id == "t" and ind.unit == "billion * USD"
    kor = ind.observation("KOR", 2023)
    assert kor.source.locators == ("my survey",)
    assert ind.observation("KOR", 2022).source.locators[0].endswith("row 3")


def test_ascending_table(tmp_path: Path) -> None:
    ind = read(
        tmp_path, "entity,year,value\nKorea,2023,3\nJapan,2023,1\nChina,2023,3\n", descending=False
    )
    assert [(r.rank, r.entity.id) for r in ind.ranking()] == [(1, "JPN"), (2, "CHN"), (2, "KOR")]


def test_empty_cell_is_missing_not_zero(tmp_path: Path) -> None:
    ind = read(tmp_path, "entity,year,value\nKorea,2023,\nJapan,2023,0\n")
    assert ind.value("JPN").magnitude == 0
    with pytest.raises(aiindex.MissingValueError) as info:
        ind.value("KOR")
    assert "South Korea" in str(info.value)
    assert [r.entity.id for r in ind.ranking()] == ["JPN"]


def test_model_table_introduces_slug_entities(tmp_path: Path) -> None:
    ind = read(
        tmp_path,
        "entity,year,value\nGPT-4,2023,78\nNimbus Large 2,2024,20\nClaude (3) Opus,2024,35\n",
        entity_kind="model",
        unit="million * USD",
    )
    ids = {e.id: e for e in ind.entities}
    assert set(ids) == {"gpt-4", "nimbus-large-2", "claude-3-opus"}
    assert ids["gpt-4"] == aiindex.entity("GPT-4")
    assert ids["nimbus-large-2"].kind == "model" and ids["nimbus-large-2"].name == "Nimbus Large 2"
    assert ind.value("Nimbus Large 2").magnitude == 20
    assert ind.value("nimbus large 2").magnitude == 20
    assert ind.value("claude-3-opus").magnitude == 35
    assert ind.rank("Claude (3) Opus") == 1
    # A user's entities do not leak into the package's names.
    assert not aiindex.is_entity("Nimbus Large 2")


def test_organization_table_with_a_name_that_is_also_a_country_code(tmp_path: Path) -> None:
    # "ETH" (ETH Zurich) is also Ethiopia's ISO code; in an organization table it is the
    # table's own entity, and the same text must find it again.
    ind = read(
        tmp_path, "entity,year,value\nETH,2023,5\nMistral,2023,3\n", entity_kind="organization"
    )
    assert {e.id for e in ind.entities} == {"eth", "mistral"}
    assert ind.value("Mistral").magnitude == 3
    assert ind.value("ETH").magnitude == 5
    assert ind.rank("ETH") == 1


def test_bom_and_whitespace(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes("\ufeffentity,year,value\n Korea , 2023 , 1.5 \n".encode())
    ind = aiindex.read_csv(path, id="t", unit="percent")
    assert ind.value("KOR", 2023).to("dimensionless").magnitude == pytest.approx(0.015)


# -- errors -------------------------------------------------------------------------------------


def test_missing_column(tmp_path: Path) -> None:
    message = bad(tmp_path, "entity,year\nKorea,2023\n")
    assert "'value'" in message


def test_unknown_column(tmp_path: Path) -> None:
    message = bad(tmp_path, "entity,year,value,colour\nKorea,2023,1,red\n")
    assert "'colour'" in message


@pytest.mark.parametrize("value", ["abc", "1.2.3", "12%"])
def test_non_number(tmp_path: Path, value: str) -> None:
    message = bad(tmp_path, f"entity,year,value\nJapan,2023,1\nKorea,2023,{value}\n")
    assert "row 3" in message and "'value'" in message and repr(value) in message


@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-inf", "Infinity"])
def test_non_finite(tmp_path: Path, value: str) -> None:
    message = bad(tmp_path, f"entity,year,value\nKorea,2023,{value}\n")
    assert "row 2" in message and "'value'" in message and repr(value) in message


def test_duplicate_entity_year_names_both_rows(tmp_path: Path) -> None:
    message = bad(tmp_path, "entity,year,value\nKorea,2023,1\nJapan,2023,2\nKOR,2023,3\n")
    assert "row 4" in message and "row 2" in message
    assert "South Korea" in message and "2023" in message


def test_duplicate_entity_year_with_an_empty_cell(tmp_path: Path) -> None:
    # Two rows for Korea 2023, one empty: the table contradicts itself.
    message = bad(tmp_path, "entity,year,value\nKorea,2023,1\nKOR,2023,\n")
    assert "row 3" in message and "row 2" in message


@pytest.mark.parametrize(
    ("unit", "words"),
    [
        ("furlongs", "unknown unit 'furlongs'"),
        ("", "unit=''"),
        ("  ", "unit='  '"),
        ("USD ** 1e400", "to the power inf"),
        ("USD ** 0.5", "to the power 0.5"),
        ("person ** 4", "to the power 4"),
        (None, "unit=None"),
    ],
)
def test_a_bad_unit_says_what_is_accepted(tmp_path: Path, unit: object, words: str) -> None:
    path = write(tmp_path, "entity,year,value\nKorea,2023,1\n")
    with pytest.raises(aiindex.ArgumentError) as info:
        aiindex.read_csv(path, id="t", unit=unit)  # type: ignore[arg-type]
    assert words in str(info.value) and "'billion * USD'" in str(info.value)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"entity_kind": "garbage"}, "'country', 'group', 'organization', 'model', 'baseline'"),
        ({"entity_kind": None}, "entity_kind=None"),
        ({"coverage": "garbage"}, "'complete' (the table lists every entity it ranks)"),
        ({"coverage": "top"}, "or 'selection'"),
        ({"id": ""}, "id must be a non-empty str"),
        ({"id": 3}, "id must be a non-empty str"),
        ({"descending": "yes"}, "descending must be True or False"),
        ({"title": 5}, "title must be a str or None"),
    ],
)
def test_a_bad_argument_says_what_is_accepted(
    tmp_path: Path, kwargs: dict[str, Any], words: str
) -> None:
    path = write(tmp_path, "entity,year,value\nKorea,2023,1\n")
    arguments: dict[str, Any] = {"id": "t", "unit": "count", **kwargs}
    with pytest.raises(aiindex.ArgumentError) as info:
        aiindex.read_csv(path, **arguments)
    assert words in str(info.value)


@pytest.mark.parametrize("unit", ["dimensionless", "1 / (hundred_thousand * person)", "USD ** 2"])
def test_units_with_whole_small_powers_are_accepted(tmp_path: Path, unit: str) -> None:
    assert read(tmp_path, "entity,year,value\nKorea,2023,1\n", unit=unit).unit == unit


def test_unknown_country_suggests(tmp_path: Path) -> None:
    message = bad(tmp_path, "entity,year,value\nJapan,2023,1\nKoreaa,2023,1\n")
    assert "row 3" in message and "'entity'" in message and "'Koreaa'" in message
    assert "South Korea" in message


def test_organization_in_a_country_table(tmp_path: Path) -> None:
    message = bad(tmp_path, "entity,year,value\nGoogle,2023,1\n")
    assert "row 2" in message and "'Google'" in message and "organization" in message


def test_empty_entity(tmp_path: Path) -> None:
    message = bad(tmp_path, "entity,year,value\n,2023,1\n")
    assert "row 2" in message and "'entity'" in message


@pytest.mark.parametrize("year", ["2023.5", "2023.0", "twenty", "", "2_023"])
def test_non_integer_year(tmp_path: Path, year: str) -> None:
    message = bad(tmp_path, f"entity,year,value\nKorea,{year},1\n")
    assert "row 2" in message and "'year'" in message and repr(year) in message


@pytest.mark.parametrize("row", ["Korea,2023", "Korea,2023,1,x"])
def test_ragged_row(tmp_path: Path, row: str) -> None:
    message = bad(tmp_path, f"entity,year,value\nJapan,2023,1\n{row}\n")
    assert "row 3" in message


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes("entity,year,value\nCôte d'Ivoire,2023,1\n".encode("latin-1"))
    with pytest.raises(aiindex.DataError) as info:
        aiindex.read_csv(path, id="t", unit="count")
    assert str(path) in str(info.value)


def test_a_missing_file_is_a_file_not_found_error(tmp_path: Path) -> None:
    # As open() and pandas.read_csv: `except FileNotFoundError` works, and so does aiindex's.
    with pytest.raises(FileNotFoundError) as info:
        aiindex.read_csv(tmp_path / "nope.csv", id="t", unit="count")
    assert isinstance(info.value, aiindex.MissingFileError)
    assert isinstance(info.value, aiindex.AIIndexError)
    assert "nope.csv" in str(info.value) and info.value.filename == str(tmp_path / "nope.csv")


@given(st.integers(3, 12), st.sampled_from(["abc", "nan", "inf", "Koreaa-entity", "year"]))
def test_one_bad_row_anywhere_rejects_the_whole_table(
    tmp_path_factory: pytest.TempPathFactory, bad_line: int, kind: str
) -> None:
    countries = ["KOR", "USA", "CHN", "JPN", "GBR", "DEU", "FRA", "ISR", "SGP", "LUX", "ARE", "IND"]
    rows = [f"{c},2023,{i}" for i, c in enumerate(countries)]
    i = bad_line - 2
    c = countries[i]
    rows[i] = {
        "abc": f"{c},2023,abc",
        "nan": f"{c},2023,nan",
        "inf": f"{c},2023,inf",
        "Koreaa-entity": "Koreaa,2023,1",
        "year": f"{c},20x3,1",
    }[kind]
    path = tmp_path_factory.mktemp("bad") / "t.csv"
    path.write_text("entity,year,value\n" + "\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(aiindex.DataError) as info:
        aiindex.read_csv(path, id="t", unit="count")
    assert f"row {bad_line}," in str(info.value)


# -- hostile input -------------------------------------------------------------------------------


def refused(path: Path | str, *words: str, **kwargs: Any) -> str:
    with pytest.raises(aiindex.DataError) as info:
        aiindex.read_csv(path, id="t", unit="count", **kwargs)
    message = str(info.value)
    for w in words:
        assert w in message, message
    return message


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/full"])
def test_a_device_is_refused(device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    refused(device, "a character device, not a regular file")


def test_a_link_to_a_device_is_refused(tmp_path: Path) -> None:
    (tmp_path / "t.csv").symlink_to("/dev/zero")
    refused(tmp_path / "t.csv", "a character device, not a regular file")


def test_a_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "t.csv")
    outcome: list[str] = []
    reader = threading.Thread(
        target=lambda: outcome.append(refused(tmp_path / "t.csv", "a FIFO")), daemon=True
    )
    reader.start()
    reader.join(60)
    assert outcome, "read_csv waited on a FIFO"


def test_a_folder_is_refused(tmp_path: Path) -> None:
    refused(tmp_path, "a folder, not a regular file")


def test_a_file_over_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from aiindex._sources import usercsv

    monkeypatch.setattr(usercsv, "MAX_CSV_BYTES", 100)
    path = write(tmp_path, "entity,year,value\n" + "Korea,2023,1\n" * 20)
    refused(path, "larger than the 100 bytes aiindex reads")


def test_the_limit_holds_while_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    # A file under /proc declares 0 bytes and holds more: the bytes read are counted too.
    if not os.path.exists("/proc/self/maps"):
        pytest.skip("no /proc here")
    from aiindex._sources import usercsv

    monkeypatch.setattr(usercsv, "MAX_CSV_BYTES", 10)
    assert os.stat("/proc/self/maps").st_size == 0
    refused("/proc/self/maps", "larger than the 10 bytes aiindex reads")


@pytest.mark.parametrize("value", ["1e28", "-1e28", "1e999999", "1" + "0" * 28, "1e400"])
def test_an_absurd_value_is_refused_naming_row_and_column(tmp_path: Path, value: str) -> None:
    message = bad(tmp_path, f"entity,year,value\nJapan,2023,1\nKorea,2023,{value}\n")
    assert ("row 3, column 'value'" in message and "below 10^28" in message) or "finite" in message


def test_the_largest_value_allowed_ranks_and_prints(tmp_path: Path) -> None:
    ind = read(tmp_path, "entity,year,value\nJapan,2023,1\nKorea,2023,9.99e27\n")
    assert "9,990,000,000,000,000,000,000,000,000" in str(ind.ranking())
    assert ind.gap("KOR", "JPN").magnitude == pytest.approx(9.99e27)


def test_a_long_cell_is_quoted_short(tmp_path: Path) -> None:
    message = bad(tmp_path, "entity,year,value\nKorea,2023," + "x" * 5000 + "\n")
    assert "'" + "x" * 40 + "'..." in message and len(message) < 300


def test_a_header_is_never_echoed_whole(tmp_path: Path) -> None:
    message = bad(tmp_path, "root:x:0:0:root:/root:/bin/bash\nsecret\n")
    assert "missing column 'entity', 'year', 'value'" in message
    assert "/bin/bash" not in message and "secret" not in message


def test_escape_codes_in_a_cell_are_quoted(tmp_path: Path) -> None:
    message = bad(tmp_path, "entity,year,value\n\x1b[2JKorea,2023,1\n")
    assert "\\x1b[2JKorea" in message and "\x1b" not in message


def test_many_model_names_make_no_suggestions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "Did you mean" is a fuzzy search over every name (1.2 ms a name): made only for an error.
    from aiindex._reference import entities

    def no_suggestions(text: str) -> tuple[str, ...]:
        raise AssertionError(f"a suggestion was computed for {text!r}")

    monkeypatch.setattr(entities, "_suggest", no_suggestions)
    rows = "".join(f"Model {i:05d},2024,{i}\n" for i in range(5000))
    rows += "GPT-4,2024,1\nmistral large 2,2024,2\n"  # known, and new in another spelling
    ind = read(tmp_path, "entity,year,value\n" + rows, entity_kind="model")
    assert len(ind.observations) == 5002 and ind.value("GPT-4").magnitude == 1
    assert ind.value("Model 04999").magnitude == 4999


def test_a_file_name_with_a_nul_byte_is_refused_as_a_data_error() -> None:
    # os.open raises a bare ValueError for it; the bounded reader says what is wrong.
    with pytest.raises(aiindex.DataError, match="NUL byte"):
        aiindex.read_csv("t\x00.csv", id="t", unit="count")
