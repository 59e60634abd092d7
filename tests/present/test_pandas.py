"""to_pandas: a tidy frame that keeps values, units and sources; pandas stays optional."""

from __future__ import annotations

import subprocess
import sys

import pytest

import aiindex
from aiindex._present.frames import COLUMNS, source_text, to_pandas, to_pandas_many
from aiindex._sources.packaged import catalogue, load
from aiindex.exceptions import MissingExtraError

pd = pytest.importorskip("pandas")

ALL = [(i, e) for e, ids in catalogue().items() for i in ids]


@pytest.mark.parametrize(("ind_id", "edition"), ALL)
def test_round_trip(ind_id: str, edition: int) -> None:
    ind = load(ind_id, edition)
    df = to_pandas(ind)
    assert tuple(df.columns) == COLUMNS
    assert len(df) == len(ind.observations)
    assert not df.duplicated(["indicator", "edition", "entity", "year"]).any()
    assert df["value"].dtype == "float64"
    for row in df.itertuples(index=False):
        obs = ind.observation(row.entity, row.year)
        assert row.value == obs.magnitude
        assert row.unit == ind.unit == obs.unit
        assert row.source == source_text(obs)
        assert row.edition == edition
        assert row.entity_name == obs.entity.name
        assert (row.note if isinstance(row.note, str) else None) == obs.note


def test_pint_column_uses_the_package_registry() -> None:
    pytest.importorskip("pint_pandas")
    ind = aiindex.indicator("private_investment", edition=2024)
    df = to_pandas(ind, units="pint")
    q = df["value"].pint.quantity
    assert q._REGISTRY is aiindex.ureg
    millions = df["value"].pint.to("million * USD")
    kor = df.index[df["entity"] == "KOR"][0]
    assert millions.pint.magnitude[kor] == pytest.approx(1390.0)
    assert to_pandas(ind)["value"].tolist() == list(q.magnitude)


def test_many() -> None:
    df = to_pandas_many()
    assert len(df) == sum(len(load(i, e).observations) for i, e in ALL)
    assert not df.duplicated(["indicator", "edition", "entity", "year"]).any()
    one = to_pandas_many(["ai_patents_per_capita"], edition=2024)
    assert set(one["indicator"]) == {"ai_patents_per_capita"}
    assert len(to_pandas_many([], edition=2024)) == 0


def test_errors() -> None:
    ind = aiindex.indicator("private_investment", edition=2024)
    with pytest.raises(ValueError, match="units="):
        to_pandas(ind, units="quantity")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        to_pandas("private_investment")  # type: ignore[arg-type]
    with pytest.raises(aiindex.UnknownIndicatorError):
        to_pandas_many(["no_such_indicator"])
    with pytest.raises(aiindex.UnknownEditionError):
        to_pandas_many(edition=1999)
    with pytest.raises(TypeError):
        to_pandas_many("private_investment")


def test_missing_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    # A None entry in sys.modules makes the import fail as if the package were absent.
    monkeypatch.setitem(sys.modules, "pandas", None)
    ind = aiindex.indicator("private_investment", edition=2024)
    with pytest.raises(MissingExtraError, match=r'pip install "aiindex\[pandas\]"') as err:
        to_pandas(ind)
    assert isinstance(err.value, ImportError) and isinstance(err.value, aiindex.AIIndexError)
    monkeypatch.setitem(sys.modules, "pint_pandas", None)
    with pytest.raises(MissingExtraError):
        to_pandas(ind, units="pint")


def test_import_aiindex_does_not_import_pandas_or_matplotlib() -> None:
    code = (
        "import sys, aiindex; aiindex.indicator('private_investment', edition=2025).rank('KOR');"
        "import aiindex._present.frames, aiindex._present.plot, aiindex._present.html,"
        " aiindex._present.cite, aiindex._present.datapackage, aiindex._present.korean;"
        "print(sorted(m for m in ('pandas', 'matplotlib', 'pint_pandas') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
