"""A `Report` in Korean (``aiindex check --lang ko``): the grades, the report's figures with
Korean units, the reasons and the sources, worded for a Korean newsroom.

The claims keep their English explanations (the API and ``--json``); this module words each
from the claim's fields, and the reasons that say what is missing from the English sentence
the grader wrote (`_MISSING`), so a reason it does not know stays readable as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aiindex._check.report import Claim, Report
    from aiindex._model.indicator import Indicator
    from aiindex._model.records import Observation

__all__ = ["GRADES_KO", "explanation_ko", "table_ko"]

#: The grades as the Korean table names them.
GRADES_KO = {
    "supported": "일치",
    "contradicted": "불일치",
    "unsupported rank": "순위 확인 불가",
    "not found": "확인 불가",
}


def _indicator(c: Claim) -> Indicator | None:
    from aiindex._sources.packaged import indicator_ids, load

    if c.indicator is None or c.edition is None or c.indicator not in indicator_ids(c.edition):
        return None
    return load(c.indicator, c.edition)


def _observation(c: Claim) -> tuple[Indicator, Observation] | None:
    from aiindex.exceptions import AIIndexError

    ind = _indicator(c)
    if ind is None or c.entity is None:
        return None
    try:
        return ind, ind.observation(c.entity, c.year)
    except AIIndexError:
        return None


def _name(entity_id: str | None) -> str:
    from aiindex._reference.entities import by_id

    if entity_id is None:
        return "?"
    try:
        return by_id(entity_id).display("ko")
    except LookupError:
        return entity_id


def printed_ko(obs: Observation, ind: Indicator) -> str:
    """The report's figure with its Korean unit: "10.26 인구 10만 명당 AI 특허 수"."""
    if obs.printed_unit == ind.unit and ind.unit_label_ko:
        return f"{obs.printed} {ind.unit_label_ko}"
    from aiindex._check.text import printed

    return printed(obs, ind)


def _number(x: float | None) -> str:
    from aiindex._present.numbers import number

    return "?" if x is None else number(x, grouped=False)


# What is missing, as the grader says it, and in Korean.
_MISSING: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = tuple(
    (re.compile(p), f)
    for p, f in (
        (
            r"^no indicator named in this sentence or the one before$",
            lambda m: "이 문장과 앞 문장에서 어느 지표의 수치인지 찾지 못함",
        ),
        (
            r"^no entity of the indicator's kind named near the number$",
            lambda m: "숫자 가까이에 이 지표의 국가·기관·모델 이름이 없음",
        ),
        (r"^no indicator or entity to rank$", lambda m: "순위를 매길 지표나 대상을 찾지 못함"),
        (r"^no figure for (.+) to rank$", lambda m: f"{m[1]}의 순위를 매길 수치가 없음"),
        (r"^no figure for (.+?) on (.+)$", lambda m: f"{m[1]}의 수치가 보고서 표({m[2]})에 없음"),
        (
            r"^cannot tell which two entities are compared$",
            lambda m: "어느 두 대상을 비교했는지 알 수 없음",
        ),
        (r"^no figures for (.+) and (.+)$", lambda m: f"{m[1]}와(과) {m[2]}의 수치가 없음"),
        (r"^no figures of (.+) to add up$", lambda m: f"합계를 낼 {m[1]}의 수치가 없음"),
        (
            r"^a change between years, but no indicator or entity to grade it by$",
            lambda m: "연도 간 변화율이지만 지표나 대상을 찾지 못함",
        ),
        (
            r"^no figures of (.+) for (\d+) and a later year$",
            lambda m: f"{m[1]}의 {m[2]}년과 이후 연도 수치가 없음",
        ),
        (r"^(.+)'s value is 0: no ratio$", lambda m: f"{m[1]}의 값이 0이라 배수를 낼 수 없음"),
        (
            r"^the (?:text|sentence) (?:is about|quotes) the AI Index (\d+), which aiindex does "
            r"not ship \(it has ([\d, ]+)\)",
            lambda m: (
                f"aiindex에 없는 'AI 인덱스 {m[1]}'의 수치(있는 판: {m[2]}): "
                "다른 판과 대조하지 않음"
            ),
        ),
        (
            r"^the publication day of the (\d+) edition is not recorded",
            lambda m: f"'AI 인덱스 {m[1]}'의 발표일이 기록돼 있지 않아 환율을 정할 수 없음",
        ),
        (
            r"^(.+?): .+; no ECB rate .+ to convert it to (\w+)$",
            lambda m: f"{m[1]}: 발표 주의 ECB 기준환율이 없어 {m[2]} 환산을 확인할 수 없음",
        ),
        (
            r"^no exchange rate for the publication week of the (\d+) edition$",
            lambda m: f"'AI 인덱스 {m[1]}' 발표 주의 환율이 없음",
        ),
    )
)
_UNCERTAIN = (
    (
        r"^the indicator \((.+)\) is named only in an earlier sentence",
        "지표({})가 앞 문장에만 나오고 이 문장은 다른 것을 말함",
    ),
    (r"^the indicator \((.+)\) is named in another clause", "지표({})가 이 문장의 다른 절에 나옴"),
    (r"^the entity \((.+)\) is not named in this sentence", "대상({})이 이 문장에 나오지 않음"),
)


def _missing_ko(text: str) -> str:
    if text.startswith("uncertain: "):
        why = text.removeprefix("uncertain: ").partition("; ")[0]
        for said, words in _UNCERTAIN:
            m = re.match(said, why)
            if m:
                return f"불확실: {words.format(_name(m[1]) if 'entity' in said else m[1])}"
        return f"불확실: {why}"
    for pattern, make in _MISSING:
        found = pattern.match(text)
        if found:
            return make(found)
    return text


def _with_korean_names(text: str, c: Claim) -> str:
    from aiindex._reference.entities import by_id

    for entity_id in (c.entity, *(c.other_entity or "").split(",")):
        if not entity_id:
            continue
        try:
            e = by_id(entity_id)
        except LookupError:
            continue
        text = text.replace(e.name, e.display("ko"))
    return text


def explanation_ko(c: Claim) -> str:
    """Why ``c`` got its grade, in Korean.

    >>> from aiindex._check import check
    >>> c = check("AI 인덱스 2024에 따르면 중국(72억6천만달러)은 AI 민간 투자 2위였다.").claims[0]
    >>> explanation_ko(c)
    '중국 2023년: 기사는 7.26, 보고서는 7.76 십억 달러'
    """
    if c.grade == "not found":
        return _missing_ko(_with_korean_names(c.explanation, c))
    found = _observation(c) if c.kind in ("value", "rank") else None
    said = _number(c.claimed)
    if found is not None:
        ind, obs = found
        shown = printed_ko(obs, ind)
        who = f"{_name(c.entity)} {obs.year}년"
        if c.kind == "rank":
            title = ind.title_ko or ind.title
            actual = int(c.report) if c.report is not None else None
            if c.grade == "unsupported rank":
                return f"{who}: {title} 표가 일부만 담고 있어 순위를 확정할 수 없음 ({shown})"
            if c.grade == "supported":
                return f"{who}: {title} {actual}위 ({shown})"
            return f"{who}: {title} {actual}위, 기사의 {said}위가 아님 ({shown})"
        if c.grade == "supported":
            return f"{who}: 보고서 수치 {shown}, 기사의 {said}와(과) 반올림 범위 안에서 일치"
        return f"{who}: 기사는 {said}, 보고서는 {shown}"
    what = {
        "ratio": "배수",
        "difference": "차이",
        "change": "변화율",
        "total": "합계",
        "conversion": "환산",
    }.get(c.kind, c.kind)
    pair = "·".join(_name(e) for e in (c.entity, *(c.other_entity or "").split(",")) if e)
    verdict = "일치" if c.grade == "supported" else "불일치"
    if c.kind == "conversion":
        rate = c.report_text or "?"
        return f"{what}: 기사의 {c.text}, 발표 주 ECB 기준환율로 {rate} ({verdict})"
    return (
        f"{pair} {what} {c.year or ''}년: 보고서 {c.report_text or '?'}, 기사의 {said} ({verdict})"
    )


def source_ko(c: Claim) -> str:
    """The source of ``c`` in Korean: the report's figure and its data provider, "재인용:" the
    press for a value read from a newspaper's copy."""
    found = _observation(c)
    if found is None:
        if c.kind == "conversion":
            return "ECB 유로 기준환율" + (f" ({c.locator})" if c.locator else "")
        return ""
    from aiindex._check.words import press
    from aiindex._present.cite import cite, via, via_text

    _, obs = found
    full, read = cite(obs, lang="ko"), via_text(obs, "ko")
    base = full.removesuffix(f", {read}") if read else full
    named = [p for p in via(obs) if p in press()]
    return base + (", 재인용: " + ", ".join(named) if named else "")


def table_ko(report: Report) -> str:
    """The report as a Korean table: 판정, 주장, 보고서 수치, 근거 (with the source)."""
    from aiindex._check.text import clip
    from aiindex._present.text import table, width

    rows = []
    for c in report.claims:
        who = _name(c.entity)
        if c.other_entity:
            who += "/" + "·".join(_name(e) for e in c.other_entity.split(","))
        found = _observation(c) if c.kind in ("value", "rank") else None
        shown = c.report_text or "-"
        if found is not None:
            shown = printed_ko(found[1], found[0])
            if c.kind == "rank" and c.report is not None:
                shown = f"{int(c.report)}위 ({shown})"
        source = source_ko(c)
        reason = explanation_ko(c) + (f" ({source})" if source else "")
        rows.append(
            (
                GRADES_KO[c.grade],
                clip(f"{c.text} [{who}]", 40, width),
                clip(shown, 30, width),
                reason,
            )
        )
    lines = [table(("판정", "주장", "보고서 수치", "근거"), rows, (False, False, False, False))]
    s = report.summary
    against = (
        f"AI 인덱스 {report.edition}"
        if report.edition is not None
        else f"AI 인덱스 {report.named}: aiindex에 없는 판이라 판정하지 않음"
    )
    counts = ", ".join(f"{GRADES_KO[g]} {n}건" for g, n in s.items())
    lines.append(f"주장 {len(report.claims)}건 ({against} 기준): {counts}")
    return "\n".join(lines)
