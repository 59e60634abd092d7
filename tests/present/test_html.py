"""_repr_html_ bodies: escaped, with the unit and the source line."""

from __future__ import annotations

import html

import attrs
import pytest

import aiindex
from aiindex._present.html import indicator_html, profile_html, ranking_html


def test_unit_source_and_ties() -> None:
    ind = aiindex.indicator("private_investment", edition=2024)
    page = indicator_html(ind)
    assert "value [billion US dollars]" in page
    assert "Source: Stanford HAI, AI Index Report 2024, Chapter 4.3 Investment, via " in page
    assert page.count(">9=<") == 2
    assert "Coverage: top of the chart" in page
    ko = ranking_html(ind.ranking(), lang="ko")
    assert "공동 9위" in ko and "한국" in ko and "십억 달러" in ko and "출처:" in ko


def test_escaping() -> None:
    ind = aiindex.indicator("private_investment", edition=2024)
    obs = ind.observations[0]
    evil_entity = attrs.evolve(obs.entity, name="<script>alert('x')</script> & Co")
    evil = attrs.evolve(
        ind,
        title="A <b>title</b>",
        unit_label="<i>units</i>",
        observations=(attrs.evolve(obs, entity=evil_entity, note='"><img src=x>'),),
    )
    page = indicator_html(evil)
    assert "<script>" not in page and "<b>title" not in page and "<i>units" not in page
    assert "<img" not in page
    assert html.escape("<script>alert('x')</script> & Co") in page
    assert html.escape("<i>units</i>") in page


def test_profile() -> None:
    page = profile_html(aiindex.profile("KOR", edition=2024))
    assert "South Korea (KOR) in the AI Index 2024" in page
    assert "billion US dollars" in page and "Source: Stanford HAI, AI Index Report 2024" in page
    assert "공동 9위" in profile_html(aiindex.profile("KOR", edition=2024), lang="ko")


def test_errors() -> None:
    ind = aiindex.indicator("private_investment", edition=2024)
    with pytest.raises(ValueError, match="lang"):
        ranking_html(ind.ranking(), lang="fr")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="lang"):
        profile_html(aiindex.profile("KOR"), lang="jp")  # type: ignore[arg-type]
    with pytest.raises(aiindex.MissingValueError):
        indicator_html(ind, 1990)
