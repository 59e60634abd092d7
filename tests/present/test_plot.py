"""plot(): every shipped indicator renders; highlight, ties, coverage and Korean labels."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pytest

import aiindex
from aiindex._sources.packaged import catalogue, load

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import matplotlib.colors as mcolors  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402

from aiindex._present import plot as _plot  # noqa: E402
from aiindex._present.plot import BAR_COLOR, HIGHLIGHT_COLOR, plot  # noqa: E402
from aiindex.exceptions import HangulFontWarning, MissingExtraError  # noqa: E402

ALL = [(i, e) for e, ids in catalogue().items() for i in ids]


@pytest.fixture(autouse=True)
def _close() -> object:
    yield
    plt.close("all")


def _bar_colour(ax: object, entity_id: str) -> str:
    for patch in ax.patches:  # type: ignore[attr-defined]
        if patch.get_gid() == entity_id:
            return str(mcolors.to_hex(patch.get_facecolor()))
    raise AssertionError(f"no bar for {entity_id}")


@pytest.mark.parametrize(("ind_id", "edition"), ALL)
def test_every_indicator_renders_without_warnings(
    ind_id: str, edition: int, tmp_path: Path
) -> None:
    ind = load(ind_id, edition)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ax = plot(ind)
        ax.figure.savefig(tmp_path / "chart.png")
    assert (tmp_path / "chart.png").stat().st_size > 1000
    assert ax.get_xlabel() == ind.unit_label
    texts = [t.get_text() for t in ax.texts]
    assert any("Stanford HAI, AI Index Report" in t for t in texts)


def test_highlight_ties_and_unranked() -> None:
    ind = aiindex.indicator("private_investment", edition=2024)
    ax = plot(ind)
    assert _bar_colour(ax, "KOR") == HIGHLIGHT_COLOR
    assert _bar_colour(ax, "USA") == BAR_COLOR
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert "=9  South Korea" in labels and "=9  India" in labels
    assert "–  Spain" in labels  # unranked: below the table's complete reach
    spain = next(p for p in ax.patches if p.get_gid() == "ESP")
    assert spain.get_hatch() == "///"
    assert any("ranks marked –" in t.get_text() for t in ax.texts)


def test_top_keeps_highlight_and_ax() -> None:
    ind = aiindex.indicator("private_investment", edition=2024)
    _fig, ax = plt.subplots()
    out = plot(ind, top=3, highlight="한국", ax=ax)
    assert out is ax
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["1  United States", "2  China", "3  United Kingdom", "=9  South Korea"]
    ax2 = plot(ind, top=3, highlight=None)
    assert {_bar_colour(ax2, e) for e in ("USA", "CHN", "GBR")} == {BAR_COLOR}


def test_korean_with_font() -> None:
    font = _plot.hangul_font()
    if font is None:
        pytest.skip("no Hangul font installed (apt-get install fonts-nanum)")
    ind = aiindex.indicator("private_investment", edition=2024)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ax = plot(ind, lang="ko")
        ax.figure.canvas.draw()
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert "공동 9위  한국" in labels
    assert ax.get_xlabel() == "십억 달러"


def test_korean_without_font_warns_and_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_plot, "hangul_font", lambda: None)
    ind = aiindex.indicator("private_investment", edition=2024)
    with pytest.warns(HangulFontWarning):
        ax = plot(ind, lang="ko")
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert "=9  South Korea" in labels
    assert ax.get_xlabel() == "billion US dollars"


def test_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    ind = aiindex.indicator("private_investment", edition=2024)
    with pytest.raises(ValueError, match="lang"):
        plot(ind, lang="fr")  # type: ignore[arg-type]
    for bad in (0, -2, True):
        with pytest.raises(ValueError, match="top"):
            plot(ind, top=bad)
    with pytest.raises(TypeError):
        plot("private_investment")  # type: ignore[arg-type]
    with pytest.raises(aiindex.UnknownEntityError):
        plot(ind, highlight="Koreaa")
    with pytest.raises(aiindex.MissingValueError):
        plot(ind, year=1990)
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(MissingExtraError, match=r"aiindex\[plot\]"):
        plot(ind)
