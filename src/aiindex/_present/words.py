"""The words of tables, charts and the command line, in English and Korean: one table.

Renderers ask `word` for a heading or a phrase instead of writing it themselves, so a table
and its chart, or the English and Korean forms of one table, cannot drift apart.

>>> word("rank"), word("rank", "ko"), word("editions", "ko")
('rank', '순위', '판')
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from aiindex._present.lang import Lang

__all__ = ["CITE_STYLES", "PRICE_BASIS_KO", "WORDS", "price_basis", "word"]

#: The citation styles `aiindex.cite` writes: for a sentence, with the license, and for
#: reference managers (BibTeX, RIS, CSL-JSON). Here, where the command line reads them without
#: loading the citations themselves.
CITE_STYLES: tuple[str, ...] = ("short", "long", "bibtex", "ris", "csl-json")

#: Each word or phrase by key: its English and its Korean.
WORDS: dict[str, tuple[str, str]] = {
    "rank": ("rank", "순위"),
    "entity": ("entity", "이름"),
    "id": ("id", "코드"),
    "value": ("value", "값"),
    "unit": ("unit", "단위"),
    "year": ("year", "연도"),
    "edition": ("edition", "판"),
    "editions": ("editions", "판"),
    "years": ("years", "연도"),
    "source": ("source", "출처"),
    "indicator": ("indicator", "지표"),
    "title": ("title", "제목"),
    "definition": ("definition", "정의"),
    "note": ("note", "비고"),
    "notes": ("Notes", "주석"),
    "changed": ("definition changed", "정의 변경"),
    "price_basis": ("Price basis", "가격 기준"),
    "converted_at": ("Converted at", "환산 기준"),
    "gap": ("gap", "차이"),
    "ratio": ("ratio", "배율"),
    "change": ("change", "변화"),
    "cagr": ("compound annual growth", "연평균 증가율"),
    "start": ("from", "시작"),
    "end": ("to", "끝"),
    "edition_key": ("Editions", "판 표시"),
    "rows_shown": ("{shown} of {total} rows shown", "{total}개 중 {shown}개 표시"),
    "no_value": ("no value", "값 없음"),
    "figure": ("figure", "그림"),
    "providers": ("data providers", "데이터 제공"),
    "columns": ("Columns", "열"),
    "file": ("File", "파일"),
    "packaged_as": ("packaged as", "패키지 경로"),
}

#: The price bases of money tables, in Korean (an unknown basis is shown as recorded).
PRICE_BASIS_KO: dict[str, str] = {
    "nominal": "명목 달러(물가 미반영)",
    "inflation-adjusted": "물가 반영 달러",
    "inflation-adjusted cloud-compute estimate": "물가 반영 클라우드 컴퓨팅 비용 추정치",
    "not stated by the sources (AI Index estimates, tagged mid/high/low)": (
        "출처에 명시되지 않음(AI 인덱스 추정치, 중간·높음·낮음 구분)"
    ),
}


def word(key: str, lang: Lang = "en") -> str:
    """The word or phrase ``key`` in ``lang``."""
    en, ko = WORDS[key]
    return ko if lang == "ko" else en


def price_basis(basis: str, lang: Lang = "en") -> str:
    """The line under a money table that says in which dollars it is.

    >>> price_basis("nominal"), price_basis("nominal", "ko")
    ('Price basis: nominal.', '가격 기준: 명목 달러(물가 미반영).')
    """
    shown = PRICE_BASIS_KO.get(basis, basis) if lang == "ko" else basis
    return f"{word('price_basis', lang)}: {shown}."
