"""`read_csv` builds columns in chunks; it must read exactly what a row-by-row reading reads.

The row-by-row reading (`usercsv._slow`, the reader before columns) is the oracle: for any
file, each columnar reading (plain text split, csv module) either declines (None, and the row
reading then names the bad row) or gives an indicator equal to the row reading's, which must
then not fail; and `read_csv` as a whole gives what the row reading gives, error included.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import aiindex
from aiindex._sources import usercsv

SPELLINGS = {
    "country": ["KOR", "Korea", " Korea ", "한국", "JPN", "Japan", "USA", "US", "CHN", "Koreaa"],
    # Two spellings of one slug ("Org A", "org a") under different names, and a country code.
    "organization": ["Org A", "org a", "Org B", "ETH", "Google", " Mistral ", "x" * 3],
}
YEARS = ["2022", "2023", " 2023 ", "2024", "-5", "20x3", "2_023", "2023.0", ""]
VALUES = ["1", "2", "2", "2.50", " 3 ", "", "", "-0", "1e3", "0.1", "1,234", "nan", "abc", "inf"]
CELLS = ["", "a source", " spaced ", "note, with comma", 'quote "inside"']


GOOD_YEARS = YEARS[:5]
GOOD_VALUES = VALUES[:10]


def entity_id(text: str, kind: str) -> str | None:
    try:
        return usercsv._entity(text.strip(), kind, where="", path="")  # type: ignore[arg-type]
    except aiindex.DataError:
        return None


@st.composite
def csv_files(draw: st.DrawFn) -> tuple[str, str]:
    """The text of a CSV file (sometimes quoted, CRLF, with blank or ragged lines) and a kind.

    Half the files are clean (every cell good, each entity and year once), so that tables,
    not only errors, are compared; the others may have a bad cell or a repeated row anywhere.
    """
    kind = draw(st.sampled_from(sorted(SPELLINGS)))
    clean = draw(st.booleans())
    extra = draw(st.sampled_from([(), ("source",), ("note",), ("note", "source")]))
    header = ["entity", "year", "value", *extra]
    if draw(st.booleans()):
        header = draw(st.permutations(header))
    n = draw(st.integers(0, 30 if clean else 12))
    spellings = [t for t in SPELLINGS[kind] if not clean or entity_id(t, kind) is not None]
    rows = []
    seen: set[tuple[object, str]] = set()
    for _ in range(n):
        cell = {
            "entity": draw(st.sampled_from(spellings)),
            "year": draw(st.sampled_from(GOOD_YEARS if clean else YEARS)),
            "value": draw(st.sampled_from(GOOD_VALUES if clean else VALUES)),
            "source": draw(st.sampled_from(CELLS)),
            "note": draw(st.sampled_from(CELLS)),
        }
        if clean:
            key = (entity_id(cell["entity"], kind), cell["year"].strip())
            if key in seen:
                continue
            seen.add(key)
        row = [cell[c] for c in header]
        if not clean and not draw(st.integers(0, 9)):
            row = row[:-1] if draw(st.booleans()) else [*row, "x"]  # a ragged row
        rows.append(row)
    out = io.StringIO()
    quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))
    writer = csv.writer(out, quoting=quoting, lineterminator="\n")
    writer.writerow(header)
    lines = out.getvalue().splitlines(keepends=True)
    for row in rows:
        out = io.StringIO()
        csv.writer(out, quoting=quoting, lineterminator="\n").writerow(row)
        lines.append(out.getvalue())
        if not draw(st.integers(0, 9)):
            lines.append("\n")  # a blank line: no row
    text = "".join(lines)
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    if draw(st.booleans()):
        text = text.rstrip("\r\n")  # no newline at the end
    return text, kind


def slow(path: Path, kind: str) -> aiindex.Indicator:
    """The row-by-row reading alone."""
    options = usercsv._Options(str(path), "t", "count", kind, True, "t", "complete")  # type: ignore[arg-type]
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        header = usercsv._header(reader, str(path))
        rows = list(reader)
    return usercsv._slow(rows, header, options)


def columnar(path: Path, kind: str, chunks: Any) -> aiindex.Indicator | None:
    options = usercsv._Options(str(path), "t", "count", kind, True, "t", "complete")  # type: ignore[arg-type]
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        header = usercsv._header(reader, str(path))
        return usercsv._Builder(header, options).build(chunks(f, reader, len(header)))


def outcome(fn: Any) -> tuple[str, Any]:
    try:
        ind = fn()
    except aiindex.DataError as exc:
        return "error", str(exc)
    return "table", ind


def same_table(a: aiindex.Indicator, b: aiindex.Indicator) -> None:
    assert a == b
    assert a.observations == b.observations
    # Equal entities can differ in name (two spellings of one slug): compare those too.
    assert [o.entity.name for o in a.observations] == [o.entity.name for o in b.observations]
    assert a.coverage == b.coverage and a.years == b.years
    for y in a.years:
        assert a.ranking(y) == b.ranking(y)


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    # Chunks of a few rows, so that a file of thirty rows crosses several chunk boundaries.
    monkeypatch.setattr(usercsv, "_CHUNK_ROWS", 4)
    monkeypatch.setattr(usercsv, "_CHUNK_CHARS", 40)


@pytest.mark.usefixtures("small_chunks")
@given(csv_files())
def test_columnar_readings_read_what_the_row_reading_reads(
    tmp_path_factory: pytest.TempPathFactory, case: tuple[str, str]
) -> None:
    text, kind = case
    path = tmp_path_factory.mktemp("csv") / "t.csv"
    path.write_bytes(text.encode("utf-8"))
    expected = outcome(lambda: slow(path, kind))
    for chunks in (usercsv._plain_chunks, usercsv._csv_chunks):
        try:
            ind = columnar(path, kind, chunks)
        except usercsv._NotPlain:
            assert chunks is usercsv._plain_chunks
            continue
        if ind is not None:
            assert expected[0] == "table", expected[1]
            same_table(ind, expected[1])
    got = outcome(lambda: aiindex.read_csv(path, id="t", unit="count", entity_kind=kind))  # type: ignore[arg-type]
    assert got[0] == expected[0]
    if got[0] == "error":
        assert got[1] == expected[1]
    else:
        same_table(got[1], expected[1])


def test_a_missing_value_in_a_later_chunk(tmp_path: Path, small_chunks: None) -> None:
    # The first chunks have every value; a later one has none for a row. The rows with a
    # value must keep their entity and year (a bug once shifted them).
    rows = [f"{c},2023,{i}" for i, c in enumerate(["KOR", "JPN", "USA", "CHN", "GBR", "DEU"])]
    rows[5] = "DEU,2023,"
    path = tmp_path / "t.csv"
    path.write_text("entity,year,value\n" + "\n".join(rows) + "\n", encoding="utf-8")
    ind = aiindex.read_csv(path, id="t", unit="count")
    assert [(o.entity.id, o.magnitude) for o in ind.observations] == [
        ("KOR", 0.0),
        ("JPN", 1.0),
        ("USA", 2.0),
        ("CHN", 3.0),
        ("GBR", 4.0),
    ]
    same_table(ind, slow(path, "country"))


def test_plain_files_are_read_without_the_csv_module(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("entity,year,value\r\nKorea,2023,1\r\n\r\nJapan,2023,2\r\n", encoding="utf-8")
    ind = columnar(path, "country", usercsv._plain_chunks)
    assert ind is not None and [o.entity.id for o in ind.observations] == ["KOR", "JPN"]
    # Blank lines are no rows: Japan is row 3, as the csv module counts.
    assert ind.observation("JPN").source.locators == (f"user table {path}, row 3",)


@pytest.mark.parametrize(
    "text",
    [
        'entity,year,value\n"Korea, Rep.",2023,1\n',  # a quote
        "entity,year,value\nKorea,2023,1\rJapan,2023,2\n",  # a lone carriage return
        "entity,year,value\nKorea,2023,1\x00\n",  # NUL, which the csv module refuses
    ],
)
def test_what_only_the_csv_module_reads_is_left_to_it(tmp_path: Path, text: str) -> None:
    path = tmp_path / "t.csv"
    path.write_text(text, encoding="utf-8", newline="")
    with pytest.raises(usercsv._NotPlain):
        columnar(path, "country", usercsv._plain_chunks)
    assert outcome(lambda: aiindex.read_csv(path, id="t", unit="count")) == outcome(
        lambda: slow(path, "country")
    )


def test_a_field_longer_than_the_csv_module_allows(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(f"entity,year,value,note\nKorea,2023,1,{'n' * 200_000}\n", encoding="utf-8")
    limit = csv.field_size_limit()
    try:
        csv.field_size_limit(131072)
        with pytest.raises(aiindex.DataError, match="not a UTF-8 CSV file"):
            aiindex.read_csv(path, id="t", unit="count")
        # The limit is the csv module's, whatever it is set to, above or below its default.
        csv.field_size_limit(300_000)
        ind = aiindex.read_csv(path, id="t", unit="count")
        assert ind.observation("KOR").note == "n" * 200_000
        csv.field_size_limit(1000)
        short = tmp_path / "short.csv"
        short.write_text(f"entity,year,value,note\nKorea,2023,1,{'n' * 5000}\n", encoding="utf-8")
        with pytest.raises(aiindex.DataError, match="not a UTF-8 CSV file"):
            aiindex.read_csv(short, id="t", unit="count")
    finally:
        csv.field_size_limit(limit)


def test_repeated_values_share_one_string(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(
        "entity,year,value\n" + "".join(f"{c},2023,2.50\n" for c in ("KOR", "JPN", "USA")),
        encoding="utf-8",
    )
    ind = aiindex.read_csv(path, id="t", unit="count")
    printed = [o.printed for o in ind.observations]
    assert printed == ["2.50"] * 3
    assert printed[0] is printed[1] is printed[2]  # one string kept, not one a row


@pytest.mark.parametrize("value", [" 3", "3 ", " 3 ", "\t3"])
def test_a_value_is_stripped_even_when_it_is_the_only_one(tmp_path: Path, value: str) -> None:
    # The columns skip stripping where no value has a space; one space at the ends of the
    # column's text once went unnoticed.
    path = tmp_path / "t.csv"
    path.write_text(f"entity,year,value\nKOR,2022,{value}\n", encoding="utf-8")
    assert aiindex.read_csv(path, id="t", unit="count").observation("KOR").printed == "3"
