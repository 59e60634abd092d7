"""Fuzzing read_csv: any file, any arguments give an Indicator or an AIIndexError, nothing else.

Where a table is read, it holds only finite values below 10**28; the column-by-column reading
(with many new names resolved at once) gives what the row-by-row reading gives.
"""

from __future__ import annotations

import contextlib
import csv
import io
import math
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import aiindex
from aiindex._reference.entities import _lookup, resolve_many, slug
from aiindex._sources.usercsv import _header, _Options, _slow

CELLS = [
    "", " ", "1", "-0", "2.5", "1,234", "1e27", "1e28", "-1e28", "1e999999", "nan", "inf",
    "-inf", "0x10", "1_000", "١٢", "Korea", "KOR", "Koreaa", "GPT-4", "gpt 4", "Google",
    "ETH", "\x1b[31mred", "\x00", "\r", '"', '"a,b"', "é", "한국", "2023", "20x3", "9999",
    "-1", "x" * 200,
]  # fmt: skip
HEADERS = [
    ["entity", "year", "value"], ["entity", "year", "value", "source", "note"],
    ["entity", "year"], ["entity", "year", "value", "colour"], ["\ufeffentity", "year", "value"],
    ["value", "entity", "year"], [],
]  # fmt: skip
KINDS = ["country", "organization", "model", "group", "baseline", "garbage", "", None]
UNITS = ["count", "billion * USD", "percent", "", "USD ** 1e400", "furlongs", "1 / person"]

cells = st.one_of(st.sampled_from(CELLS), st.text(max_size=12))
tables = st.tuples(
    st.sampled_from(HEADERS),
    st.lists(st.lists(cells, min_size=0, max_size=6), max_size=12),
    st.sampled_from(["\n", "\r\n", "\r"]),
)
arguments = st.fixed_dictionaries(
    {
        "unit": st.sampled_from(UNITS),
        "entity_kind": st.sampled_from(KINDS),
        "coverage": st.sampled_from(["complete", "selection", "top"]),
    }
)


def write(text: str | bytes) -> Path:
    path = Path(tempfile.mkdtemp()) / "t.csv"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8", newline="")
    else:
        path.write_bytes(text)
    return path


def text_of(header: list[str], rows: list[list[str]], end: str) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator=end).writerows([header, *rows])
    return out.getvalue()


def holds(result: object) -> None:
    """What any table read must hold: finite values below 10**28."""
    assert isinstance(result, aiindex.Indicator)
    for obs in result.observations:
        assert math.isfinite(obs.magnitude) and abs(obs.magnitude) < 1e28


@settings(max_examples=150)
@given(tables, arguments)
def test_any_table_gives_an_indicator_or_an_aiindex_error(table: Any, kwargs: Any) -> None:
    path = write(text_of(*table))
    try:
        result = aiindex.read_csv(path, id="t", **kwargs)
    except aiindex.AIIndexError as exc:
        assert "\x1b" not in str(exc)  # escape codes are quoted (repr), never raw
    else:
        holds(result)


@settings(max_examples=60)
@given(st.binary(max_size=200))
def test_any_bytes_give_an_indicator_or_an_aiindex_error(data: bytes) -> None:
    path = write(b"entity,year,value\n" + data)
    with contextlib.suppress(aiindex.AIIndexError):
        holds(aiindex.read_csv(path, id="t", unit="count"))


# Names of many kinds: known models and organizations, countries, new names with punctuation
# or none, non-ASCII, and spellings that slug or normalize to one id.
NAMES = [
    "GPT-4", "gpt 4", "GPT 4", "Gemini Ultra", "Google", "google", "OpenAI", "ETH", "Korea",
    "KOR", "한국", "Llama (2)", "llama-2", "Mistral Large 2", "Claude 3 Opus", "Ünïcode Model",
    "模型", "x", "X", "a.b", "a_b", "A B",
]  # fmt: skip
names = st.one_of(
    st.sampled_from(NAMES),
    st.builds("Model {} v{}".format, st.integers(0, 10**6), st.integers(0, 9)),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1, max_size=8),
)


@settings(max_examples=40)
@given(st.lists(names, min_size=64, max_size=300), st.sampled_from(["model", "organization"]))
def test_many_new_names_read_as_row_by_row(texts: list[str], kind: Any) -> None:
    # 64 new names or more are resolved at once (resolve_many): the entities, their ids and
    # names must be those the row-by-row reading makes.
    rows = [[t, str(2000 + i % 20), str(i)] for i, t in enumerate(texts)]
    path = write(text_of(["entity", "year", "value"], rows, "\n"))
    try:
        fast = aiindex.read_csv(path, id="t", unit="count", entity_kind=kind)
    except aiindex.DataError as exc:
        fast_error: str | None = str(exc)
    else:
        fast_error = None
    options = _Options(str(path), "t", "count", kind, True, "t", "complete")
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        try:
            slow = _slow(reader, _header(reader, str(path)), options)
        except aiindex.DataError as exc:
            assert fast_error is not None and fast_error == str(exc)
            return
    assert fast_error is None
    assert [(o.entity, o.year, o.magnitude) for o in fast.observations] == [
        (o.entity, o.year, o.magnitude) for o in slow.observations
    ]


@settings(max_examples=100)
@given(st.lists(names, min_size=1, max_size=30))
def test_resolve_many_is_resolve_and_slug_of_each(texts: list[str]) -> None:
    found, slugs = resolve_many(texts)
    assert found == [_lookup(t) for t in texts]
    expected = []
    for t in texts:
        try:
            expected.append(slug(t))
        except ValueError:
            expected.append("")
    assert slugs == expected
