"""cite() and editions.toml: recorded citations, dates and licenses for every edition."""

from __future__ import annotations

import re

import pytest

import aiindex
from aiindex._present.cite import cite
from aiindex._reference.editions import edition_info, known_editions


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
            assert info.citation == "" and info.authors == () and info.url == ""
            assert info.reference == f'{info.publisher}, "{info.title}", {info.published}.'
        assert info.sources
    assert {2023, 2024, 2025} <= set(known_editions())
    assert edition_info(2024).published == "2024-04-15"


def test_short() -> None:
    ind = aiindex.indicator("private_investment", edition=2024)
    assert cite(ind) == "Stanford HAI AI Index Report 2024, Chapter 4.3 Investment"
    assert cite(ind.observation("KOR")) == cite(ind)
    assert cite(ind, lang="ko") == "스탠퍼드대 HAI 'AI 인덱스 2024' 보고서, Chapter 4.3 Investment"


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
