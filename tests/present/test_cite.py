"""cite() and editions.toml: recorded citations, dates and licenses for every edition."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

import aiindex
from aiindex._present.cite import cite, figures_of, providers, publisher, via
from aiindex._present.rows import source_line
from aiindex._reference.editions import edition_info, known_editions

REPO = Path(__file__).resolve().parents[2]


def test_every_shipped_edition_is_recorded() -> None:
    for shipped in aiindex.editions():
        e = shipped.edition
        info = edition_info(e)
        assert info is shipped
        assert info.license == "CC BY-ND 4.0"
        assert info.license_url == "https://creativecommons.org/licenses/by-nd/4.0/"
        assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", info.published)
        assert info.published.startswith(str(e))
        if e <= 2025:
            assert f"The AI Index {e} Annual Report" in info.citation
        else:
            # No citation text was sourced for 2026: empty, and cited by title and publisher.
            assert info.citation == "" and info.authors == ()
            assert info.url == "https://arxiv.org/abs/2606.15708"
            assert info.reference == f'{info.publisher}, "{info.title}", {info.published}.'
        assert info.sources
    assert {2023, 2024, 2025} <= set(known_editions())
    assert edition_info(2024).published == "2024-04-15"


def test_short() -> None:
    ind = aiindex.indicator("private_investment", edition=2025)
    assert cite(ind) == (
        "Quid; Stanford HAI, AI Index Report 2025, Chapter 4.3 Investment, figs. 4.3.8, 4.3.10"
    )
    # A value names the figure it was read from.
    assert cite(ind.observation("KOR")) == (
        "Quid; Stanford HAI, AI Index Report 2025, Chapter 4.3 Investment, fig. 4.3.8"
    )
    assert cite(ind.observation("KOR"), lang="ko") == (
        "Quid; 스탠퍼드대 HAI 'AI 인덱스 2025' 보고서, Chapter 4.3 Investment, 그림 4.3.8"
    )


def chart_source_lines(edition: int) -> dict[str, str]:
    """Every line each figure's chart prints, by figure.

    A file that holds another chart's data (title-fixes.toml's ``chart``) gets that chart's.
    """
    path = REPO / "reference" / "public-data" / f"{edition}-full" / "chart-text.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    # Every line the chart prints: some text layers run the title into the source line.
    own = {
        r["figure"]: " ".join([*(r.get("lines") or ()), r.get("source_line") or ""])
        for r in map(json.loads, lines)
    }
    fixes = tomllib.loads((REPO / "reference/public-data/title-fixes.toml").read_text("utf-8"))
    charts = {
        f["figure"]: f["chart"] for f in fixes["fix"] if f["edition"] == edition and "chart" in f
    }
    return {figure: own[charts.get(figure, figure)] for figure in own}


def unligatured(text: str) -> str:
    """``text`` as a text layer that drops ligatures prints it ("Arti\\x00cial Analysis")."""
    return re.sub(r"ff|fi|fl|\x00", "", text)


@pytest.mark.parametrize("edition", [2025, 2026])
def test_every_provider_named_is_on_its_charts_source_line(edition: int) -> None:
    lines = chart_source_lines(edition)
    named = 0
    for ind_id in aiindex.indicators(edition):
        ind = aiindex.indicator(ind_id, edition=edition)
        for figure in figures_of(ind):
            obs = next(o for o in ind.observations if o.source.figure == figure)
            for name in providers(obs):
                assert unligatured(name) in unligatured(lines[figure]), (ind.id, figure, name)
                named += 1
            # The report's own analyses are cited as the report, not as a provider.
            assert "AI Index" not in providers(obs)
    assert named > 10


def test_values_read_from_the_press_say_via_whom() -> None:
    # The 2024 edition's values were read from press reports quoting the report: a citation
    # says so, naming the publishers (a value) or the first of them (a table).
    ind = aiindex.indicator("private_investment", edition=2024)
    kor = ind.observation("KOR")
    assert cite(kor) == (
        "Stanford HAI, AI Index Report 2024, Chapter 4.3 Investment, via " + ", ".join(via(kor))
    )
    # The press quotations do not say which partner supplied a figure.
    assert providers(kor) == ()
    assert set(via(kor)) == {publisher(s) for s in kor.source.locators}
    assert cite(ind).startswith("Stanford HAI, AI Index Report 2024, Chapter 4.3 Investment, via ")
    assert cite(ind).endswith(f" and {len(via(ind)) - 3} more")
    assert ", 재인용: " in cite(ind, lang="ko")
    assert "via " in source_line(ind) and "재인용" in source_line(ind, "ko")
    # Values read from the AI Index's own files name no one else.
    assert via(aiindex.indicator("private_investment", edition=2025)) == ()


def test_long_and_bibtex() -> None:
    obs = aiindex.indicator("ai_talent_migration", edition=2024).observation("KOR", 2020)
    long = cite(obs, "long")
    assert long.startswith(edition_info(2024).citation)
    assert "CC BY-ND 4.0" in long and "Yonhap News Agency (연합뉴스), 2024-04-16" in long
    assert "seed article" not in long
    assert "라이선스" not in long and "이용허락" in cite(obs, "long", "ko")
    bib = cite(obs, "bibtex")
    assert bib.startswith("@techreport{aiindex2024,")
    assert "Maslej, Nestor and" in bib and "month = apr" in bib
    assert bib.count("{") == bib.count("}")


def test_errors() -> None:
    ind = aiindex.indicator("private_investment", edition=2024)
    with pytest.raises(ValueError, match="style"):
        cite(ind, "apa")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="lang"):
        cite(ind, lang="fr")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        cite("private_investment")  # type: ignore[arg-type]
    with pytest.raises(aiindex.UnknownEditionError):
        edition_info(1999)


def test_user_table_has_no_edition_to_cite(tmp_path: object) -> None:
    import attrs

    ind = aiindex.indicator("private_investment", edition=2024)
    user = attrs.evolve(ind, edition=None, source=attrs.evolve(ind.source, edition=None))
    with pytest.raises(aiindex.UnknownEditionError, match="user table"):
        cite(user)


def test_a_profile_says_when_some_values_were_read_from_the_press() -> None:
    from aiindex._present.html import profile_html
    from aiindex._present.text import profile_table, profile_table_ko

    press = aiindex.profile("KOR", edition=2024)
    files = aiindex.profile("KOR", edition=2025)
    assert "(some values read via press reports quoting it)" in profile_table(press)
    assert "언론 보도 재인용" in profile_table_ko(press)
    assert "press reports" in profile_html(press)
    assert "press" not in profile_table(files) and "재인용" not in profile_table_ko(files)
