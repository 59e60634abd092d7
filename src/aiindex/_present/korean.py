"""Korean words: press-style names, units and ranks (the Korean text tables are in `text`).

Names come from ``entities.toml`` (``name_ko``, the names Korean newspapers print: 한국, 미국,
대만, 아랍에미리트); an entity without one keeps its English name.

>>> from aiindex._present.korean import rank_ko
>>> from aiindex._present.text import ranking_table_ko
>>> rank_ko(9, tied=True)
'공동 9위'
>>> print(ranking_table_ko(aiindex.indicator("ai_patents_per_capita", edition=2024).ranking()))
인구 10만 명당 AI 특허 수 (AI 인덱스 2024, 2022년), 단위: 인구 10만 명당 AI 특허 수
순위  이름        코드     값
 1위  한국        KOR   10.26
 2위  룩셈부르크  LUX    8.73
 3위  미국        USA    4.23
 4위  일본        JPN    2.53
 5위  중국        CHN    2.51
범위: 차트 상위 항목만(2.51 이상은 빠짐없음). 순위 '-'는 이 표로 정할 수 없음.
출처: 스탠퍼드대 HAI 'AI 인덱스 2024' 보고서, Chapter 1.2 Patents, 재인용: news.zum.com, ...
"""

from __future__ import annotations

# Not `from typing import TYPE_CHECKING`: `aiindex show --lang ko` loads this module.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from aiindex._model.indicator import Indicator
    from aiindex._model.records import Entity

__all__ = [
    "name_ko",
    "rank_ko",
    "title_ko",
    "unit_ko",
    "unit_label_ko",
]


def rank_ko(rank: int | None, tied: bool = False) -> str:
    """A rank as Korean newspapers write it: ``9위``, ``공동 9위``; ``-`` where there is none.

    >>> rank_ko(1), rank_ko(9, True), rank_ko(None)
    ('1위', '공동 9위', '-')
    """
    if rank is None:
        return "-"
    if isinstance(rank, bool) or not isinstance(rank, int) or rank < 1:
        raise ValueError(f"rank must be a positive int or None, not {rank!r}")
    return f"공동 {rank}위" if tied else f"{rank}위"


def name_ko(entity: Entity | str) -> str:
    """The Korean press name of an entity (its English name where none is recorded).

    >>> name_ko("TWN"), name_ko("United Arab Emirates"), name_ko("openai")
    ('대만', '아랍에미리트', '오픈AI')
    """
    from aiindex._reference.entities import resolve

    return resolve(entity).display("ko")


def title_ko(indicator: Indicator) -> str:
    """The indicator's Korean title, or its English one where none is recorded."""
    return indicator.title_ko or indicator.title


# The Korean counting word of each base unit of data/units.txt.
_BASE_KO = {
    "percent": "%",
    "percentage_point": "%p",
    "dimensionless": "배",
    "count": "개",
    "model": "개",
    "patent": "건",
    "company": "개사",
    "bill": "건",
    "mention": "회",
    "regulation": "건",
    "unit": "대",
    "publication": "편",
    "citation": "회",
    "paper": "편",
    "project": "개",
    "star": "개",
    "robot": "대",
    "data_center": "곳",
    "author": "명",
    "trial": "건",
    "contract": "건",
    "student": "명",
    "graduate": "명",
    "download": "회",
    "job_posting": "건",
    "cohort": "개",
    "parameter": "개",
    "token": "개",
}
_PER_KO = {"person": "인구", "inhabitant": "인구", "member": "회원"}


def _scaled_ko(names: list[str]) -> str:
    from aiindex._model.scale import SCALE_KO
    from aiindex._model.units import CURRENCY_KO

    words = [SCALE_KO[p] for p in names if p in SCALE_KO]
    named = {**CURRENCY_KO, **_BASE_KO, **_PER_KO}
    base = " ".join(named.get(b, b.replace("_", " ")) for b in names if b not in SCALE_KO)
    return " ".join([*words, base]).strip()


def unit_ko(unit: str) -> str:
    """A pint unit expression in Korean words: ``billion * USD`` -> ``십억 달러``.

    A per-capita denominator becomes ``… 명당``.

    >>> unit_ko("billion * USD"), unit_ko("patent / (hundred_thousand * person)")
    ('십억 달러', '인구 10만 명당 건')
    >>> unit_ko("1 / (ten_thousand * member)")
    '회원 1만 명당'
    """
    from aiindex._model.units import unit_parts

    num, den = unit_parts(unit)
    numerator = _scaled_ko(num)
    if not den:
        return numerator
    who = next((_PER_KO[p] for p in den if p in _PER_KO), "")
    scale = _scaled_ko([p for p in den if p not in _PER_KO])
    per = " ".join(x for x in (who, scale) if x) + " 명당" if who else f"{scale}당"
    return f"{per} {numerator}".strip()


def unit_label_ko(indicator: Indicator | str) -> str:
    """The unit as a Korean reader expects it: the data's own Korean label, else `unit_ko`.

    >>> unit_label_ko(aiindex.indicator("ai_patents_per_capita", edition=2024))
    '인구 10만 명당 AI 특허 수'
    >>> unit_label_ko("thousand * unit")
    '천 대'
    """
    if isinstance(indicator, str):
        return unit_ko(indicator)
    return indicator.unit_label_ko or unit_ko(indicator.unit)
