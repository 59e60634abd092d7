"""Checking the numeric claims of a news text (Korean or English) against the AI Index data.

`check` reads a text sentence by sentence, finds its numbers (values with their units, ranks,
ratios, differences and currency conversions), ties each to an indicator, an entity and a data
year, and grades it against the shipped figures:

- ``"supported"``: equal to the report's figure within the rounding the text itself uses
  ("672억달러" is 67.2 billion, so it supports 67.22);
- ``"contradicted"``: outside that rounding, with the report's figure and its source;
- ``"unsupported rank"``: a rank the table cannot establish (a partial table, no stated rank);
- ``"not found"``: a claim the checker recognises but cannot match to a shipped figure.

Extraction is rule-based and deterministic (regular expressions, the entity names of
``entities.toml`` and pycountry, the keyword table of ``data/claims.toml``): no language model
and no network. It never imports pint: values are compared as plain magnitudes.

Edition: ``edition=None`` means the edition the text names ("AI Index 2024", "AI 인덱스 2024") when
aiindex ships it, else 2024, the edition of the seed article.

>>> from aiindex._check import check
>>> report = check("한국은 2022년 기준 인구 10만명당 AI 특허수가 10.26으로 가장 많았다.")
>>> [(c.kind, c.claimed, c.grade) for c in report.claims]
[('value', 10.26, 'supported'), ('rank', 1.0, 'supported')]
"""

from __future__ import annotations

import datetime as _dt
import functools
import itertools
import json
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

import attrs

from aiindex.exceptions import (
    AIIndexError,
    AmountParseError,
    EntityKindError,
    IncompleteRankingError,
    MissingValueError,
    UnknownEditionError,
)

if TYPE_CHECKING:
    from aiindex._model.indicator import Indicator
    from aiindex._model.records import Entity, Observation

__all__ = [
    "CONVERSION_TOLERANCE",
    "DEFAULT_EDITION",
    "GRADES",
    "Claim",
    "Report",
    "check",
    "run_check_cli",
]

Grade = Literal["supported", "contradicted", "unsupported rank", "not found"]
ClaimKind = Literal["value", "rank", "ratio", "difference", "conversion"]
GRADES: tuple[Grade, ...] = ("supported", "contradicted", "unsupported rank", "not found")

#: The edition used when neither the caller nor the text names one: the seed article's.
DEFAULT_EDITION = 2024

#: Relative slack allowed on the exchange rate of a currency conversion, on top of the text's
#: rounding. Korean newspapers convert at the Seoul market rate of the day, not at the ECB
#: reference rate fixed hours later in Frankfurt; the two differ by a few tenths of a percent.
CONVERSION_TOLERANCE = Decimal("0.003")

# A claim qualified "about" may be this far from the report's figure (relative).
_ABOUT = Decimal("0.05")


# --------------------------------------------------------------------------- records


@attrs.frozen
class Claim:
    """One numeric claim of a text, matched to the data and graded.

    ``span`` is the (start, end) character range of the claim in the original text; ``claimed``
    is the text's number in the indicator's unit (a rank for ranks, a multiple for ratios);
    ``report`` is the report's figure in the same terms, ``report_text`` it as printed.

    >>> from aiindex._check import check
    >>> c = check("AI 민간 투자에서 중국은 72억6천만달러였다.").claims[0]
    >>> (c.entity, c.claimed, c.report, c.grade)
    ('CHN', 7.26, 7.76, 'contradicted')
    """

    sentence: str
    span: tuple[int, int]
    text: str
    kind: ClaimKind
    grade: Grade
    explanation: str
    claimed: float | None = None
    unit: str | None = None
    indicator: str | None = None
    entity: str | None = None
    other_entity: str | None = None
    year: int | None = None
    report: float | None = None
    report_text: str | None = None
    edition: int | None = None
    section: str | None = None
    locator: str | None = None
    rates: tuple[str, ...] = ()

    @property
    def source(self) -> str:
        """The report's edition, section and where the figure was read, as one line."""
        if self.edition is None:
            return ""
        where = f"; {self.locator}" if self.locator else ""
        return f"AI Index {self.edition}, {self.section}{where}"

    def to_dict(self) -> dict[str, Any]:
        """The claim as JSON-ready data."""
        out = attrs.asdict(self)
        out["span"] = list(self.span)
        out["rates"] = list(self.rates)
        out["source"] = self.source
        return out


@attrs.frozen
class Report:
    """The claims `check` found in a text, graded, with counts per grade.

    >>> from aiindex._check import check
    >>> r = check("Korea had 10.26 AI patents per 100,000 inhabitants, 1.5 more than Luxembourg.")
    >>> r.summary["supported"], len(r.contradicted)
    (2, 0)
    """

    claims: tuple[Claim, ...]
    edition: int
    lang: str

    @property
    def summary(self) -> dict[str, int]:
        """How many claims got each grade (every grade present, zero included)."""
        counts: dict[str, int] = dict.fromkeys(GRADES, 0)
        for c in self.claims:
            counts[c.grade] += 1
        return counts

    @property
    def contradicted(self) -> tuple[Claim, ...]:
        """The claims the report's figures contradict."""
        return tuple(c for c in self.claims if c.grade == "contradicted")

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data: edition, language, summary and claims."""
        return {
            "edition": self.edition,
            "lang": self.lang,
            "summary": self.summary,
            "claims": [c.to_dict() for c in self.claims],
        }

    def __str__(self) -> str:
        rows = [("grade", "claim", "report", "source")]
        for c in self.claims:
            who = c.entity or "?"
            if c.other_entity:
                who += f"/{c.other_entity}"
            rows.append(
                (c.grade, f"{c.text} [{who}]", c.report_text or "-", c.source or c.explanation)
            )
        widths = [min(max(len(r[i]) for r in rows), 40) for i in range(3)]
        lines = [
            "  ".join(cell.ljust(w) for cell, w in zip(r[:3], widths, strict=True)) + "  " + r[3]
            for r in rows
        ]
        s = self.summary
        lines.append(
            f"{len(self.claims)} claims (AI Index {self.edition}): "
            + ", ".join(f"{n} {g}" for g, n in s.items())
        )
        return "\n".join(lines)


# --------------------------------------------------------------------------- tables


@attrs.frozen
class _Config:
    keywords: dict[str, tuple[str, ...]]
    requires: dict[str, tuple[str, ...]]
    count_words: tuple[str, ...]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


@functools.cache
def _config() -> _Config:
    from aiindex._io.files import read_toml

    _, raw = read_toml("claims.toml")
    kw: dict[str, tuple[str, ...]] = {}
    req: dict[str, tuple[str, ...]] = {}
    for ind_id, spec in raw.get("indicators", {}).items():
        kw[ind_id] = tuple(_squash(k) for k in spec.get("keywords", ()))
        req[ind_id] = tuple(_squash(k) for k in spec.get("requires", ()))
    units = raw.get("units", {})
    counts = tuple(units.get("count_ko", ())) + tuple(units.get("count_en", ()))
    return _Config(kw, req, counts)


def _publication_day(edition: int) -> _dt.date | None:
    """The edition's publication day, as sourced in editions.toml (None where only the month is).

    Conversions in an article are checked against the ECB fixings of that day and the four
    following (the publication week), so an unsourced day is not guessed.
    """
    from aiindex._reference.editions import edition_info
    from aiindex.exceptions import UnknownEditionError

    try:
        return edition_info(edition).published_date
    except UnknownEditionError:
        return None


@functools.cache
def _indicators(edition: int) -> tuple[tuple[Indicator, tuple[str, ...], tuple[str, ...]], ...]:
    """The edition's indicators, each with its keywords (table, titles, long unit labels)."""
    from aiindex._sources.packaged import indicator_ids, load

    cfg = _config()
    out = []
    for ind_id in indicator_ids(edition):
        ind = load(ind_id, edition)
        words = list(cfg.keywords.get(ind_id, ()))
        for label in (ind.title, ind.title_ko, ind.unit_label, ind.unit_label_ko):
            # Short unit labels ("models", "개") name no indicator in particular.
            if label and (label in (ind.title, ind.title_ko) or len(_squash(label)) >= 9):
                words.append(_squash(label))
        out.append((ind, tuple(dict.fromkeys(words)), cfg.requires.get(ind_id, ())))
    return tuple(out)


_BOUNDARY_BEFORE = {
    "ascii": r"(?<![A-Za-z0-9])",
    "hangul": r"(?<![\uac00-\ud7a3])",  # "한국은" names 한국; "대한민국" does not name 민국
    "": "",
}
_BOUNDARY_AFTER = {"ascii": r"(?![A-Za-z0-9])", "": ""}


def _edges(name: str) -> tuple[str, str]:
    first, last = name[0], name[-1]
    if first.isascii() and first.isalnum():
        start = "ascii"
    elif "\uac00" <= first <= "\ud7a3":
        start = "hangul"
    else:
        start = ""
    return start, "ascii" if last.isascii() and last.isalnum() else ""


@functools.cache
def _entity_matcher() -> tuple[tuple[re.Pattern[str], ...], dict[str, Entity]]:
    """Regexes of every entity name (our aliases and pycountry's), longest first.

    Names are grouped by the word boundaries they need, so that each group states its
    boundaries once: one lookbehind per name made compiling the pattern cost a third of a
    second, more than the rest of a check.
    """
    from aiindex._reference.entities import _countries, _own

    names: dict[str, Entity] = {}
    for entity, aliases in _countries().values():
        for name in aliases:
            # ISO codes as bare words ("IN", "IT", "NO") are ordinary English; keep only ours.
            if len(name) <= 3 and name.isupper():
                continue
            names.setdefault(name, entity)
    for entity, aliases in _own().values():
        for name in aliases:
            names[name] = entity
    groups: dict[tuple[str, str], list[str]] = {}
    for name in sorted(names, key=len, reverse=True):
        groups.setdefault(_edges(name), []).append(re.escape(name).replace(r"\ ", r"\s?"))
    patterns = tuple(
        re.compile(_BOUNDARY_BEFORE[start] + "(?:" + "|".join(parts) + ")" + _BOUNDARY_AFTER[end])
        for (start, end), parts in groups.items()
    )
    return patterns, names


def _entity_at(matched: str) -> Entity:
    _, names = _entity_matcher()
    found = names.get(matched)
    if found is not None:
        return found
    squashed = re.sub(r"\s", "", matched)
    for name, entity in names.items():
        if re.sub(r"\s", "", name) == squashed:
            return entity
    raise AssertionError(f"matched {matched!r} but it names no entity")  # pragma: no cover


# --------------------------------------------------------------------------- patterns

_HEADLINE_HEADER = re.compile(r"^\s*번호\s+제목\s+글쓴이\s+날짜\s*$", re.M)
_HEADLINE_LINE = re.compile(r"^\s*\d+\s+\S.*\s\d{4}[./-]\d{1,2}[./-]\d{1,2}\.?\s*$")
_EDITION = re.compile(r"AI\s?(?:Index|인덱스)(?:\s?Report)?\s?(?P<ed>(?:19|20)\d{2})", re.I)
_MASKS = re.compile(
    r"(?:19|20)\d{2}\s?[-–~]\s?(?:19|20)?\d{2}"  # a period, 2019-2023
    r"|\d{4}[./]\d{1,2}[./]\d{1,2}"  # a date
    r"|(?:인구\s?)?\d[\d,]*\s?만\s?명\s?당"  # per 10,000 / 100,000 people
    r"|per\s\d[\d,]*(?:\s(?:inhabitants|people|members|LinkedIn members))?"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\s\d{1,2}(?:,\s\d{4})?"
    r"|\S+@\S+"
    r"|\[email[^\]]*\]",
    re.I,
)
_CURRENCY_WORD = r"달러|원|엔|위안|유로|파운드|(?:US\s)?dollars?(?![A-Za-z])"
_NUMBER = re.compile(
    r"(?P<pre>US\$|\$|€|£|₩)?\s?"
    r"(?<![\w.,\-])(?P<num>-?\d[\d,]*(?:\.\d+)?(?:[조억만천백십]+(?:\s?\d[\d,]*(?:\.\d+)?)?)*)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn)(?![A-Za-z]))?"
    r"(?P<unit>\s?(?:" + _CURRENCY_WORD + r")"
    r"|\s?%p|\s?%\s?포인트|\s?%|\s?퍼센트|\s(?:percentage\spoints?|per\s?cent|percent)(?![A-Za-z])"
    r"|\s?배|\s?(?:times|fold)(?![A-Za-z])|-fold|x(?![A-Za-z])"
    r"|\s?위|\s?번째|(?:st|nd|rd|th)(?![A-Za-z])"
    r"|\s?년|\s?월(?![가-힣])|\s?일(?![가-힣])|\s?(?:개사|개국|개|건|곳|명|회|편)"
    r"|\s?대(?=[을를이가는와과의로에도\s.,)]|$)"
    r"|\s(?:models?|bills?|compan(?:y|ies)|patents?|mentions?|units?|robots?|installations"
    r"|startups)(?![A-Za-z]))?"
)
_WORD_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "첫": 1,
    "두": 2,
    "세": 3,
    "네": 4,
    "다섯": 5,
    "여섯": 6,
    "일곱": 7,
    "여덟": 8,
    "아홉": 9,
    "열": 10,
}
_ORDINAL_WORD = re.compile(
    r"(?<![가-힣])(?P<ko>첫|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s?번째"
    r"|(?<![A-Za-z])(?:ranked|ranks|ranking|was|is|came|comes|placed|in)\s(?:the\s)?"
    r"(?P<en>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)(?![A-Za-z])"
    r"(?!\s(?:time|half|quarter|year))",
    re.I,
)
_QUAL_BEFORE = re.compile(
    r"(?P<q>more than|over|above|at least|upwards of|nearly|almost|about|around|approximately"
    r"|roughly|some|less than|under|below|fewer than|약|무려|거의)\s*$",
    re.I,
)
_QUAL_AFTER = re.compile(r"^\s*(?P<q>이상|넘게|넘는|넘어|넘|초과|가까이|가량|정도|이하|미만|남짓)")
_QUALIFIERS = {
    "more than": ">",
    "over": ">",
    "above": ">",
    "upwards of": ">",
    "넘게": ">",
    "넘는": ">",
    "넘어": ">",
    "넘": ">",
    "초과": ">",
    "at least": ">=",
    "이상": ">=",
    "less than": "<",
    "under": "<",
    "below": "<",
    "fewer than": "<",
    "미만": "<",
    "이하": "<=",
}
_DIFF_AFTER = re.compile(
    r"^\s*(?:가|이)?\s*(?:도)?\s*더\s*(?P<ko>많|높|크|적|낮|작)"
    r"|^\s*(?:[a-z]+\s)?(?P<en>more|higher|greater|larger|fewer|lower|less|smaller)\s+than",
    re.I,
)
_TOTAL_AFTER = re.compile(r"^\s*(?:개|건)?\s*(?:중|가운데)")
_TOTAL_BEFORE = re.compile(r"(?:out of|of the|total of|in total,?)\s*$", re.I)
_RANK1 = re.compile(
    r"가장\s?(?:많|높|크|앞)|최다|(?<![A-Za-z])(?:the most|the highest|the largest|the biggest"
    r"|led|leads|leading|topped|tops)(?![A-Za-z])",
    re.I,
)
_NOT_RANK1 = re.compile(r"유출|outflow|최저|lowest|fewest|least|smallest", re.I)
_FOLLOWED = re.compile(r"뒤를\s?이|(?<![A-Za-z])followed by(?![A-Za-z])", re.I)
_ORDER = re.compile(r"(?<=[\s)])순(?=으로|이었|이다|이며|이고|서로)")
_AFTER = re.compile(r"다음으로|에 이어|(?<![A-Za-z])(?:behind|trailing|after)(?![A-Za-z])", re.I)
_FROM = re.compile(r"\s(?:(?:came|come|comes|was|were|models?)\s){0,2}(?:from|in)\s(?:the\s)?")
_RESPECTIVELY = re.compile(r"각각|respectively", re.I)
_LAST_YEAR = re.compile(r"지난해|작년|last year", re.I)
_THAN_KO = re.compile(r"^\s*(?:\([^)]*\))?\s*(?:의|보다|대비|에 비해|와 비교|과 비교)")
_TOPIC_KO = re.compile(r"^\s*(?:\([^)]*\))?\s*(?P<p>은|는|이|가)(?![가-힣])")
_PRONOUN_START = re.compile(r"^\s*(?:It|Its|This|That|The country|Both|They)\b")
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_SCALE_WORDS = {"bn": "billion", "mn": "million"}


# --------------------------------------------------------------------------- tokens


@attrs.frozen
class _Token:
    start: int  # in the sentence
    end: int
    text: str
    kind: Literal["money", "percent", "count", "bare", "ratio", "rank", "diff", "year"]
    value: Decimal  # base units for money and scaled counts, else as written
    precision: Decimal  # one unit of the last written digit, same terms as value
    scaled: bool = False  # value carries its own scale (a currency, a scale word, 만/억)
    currency: str | None = None
    qualifier: str | None = None  # ">", ">=", "<", "<=", "~" or None
    total: bool = False
    direction: int = 1  # for differences: +1 "more", -1 "fewer"


def _precision(num: str, scale: int) -> Decimal:
    """One unit of the last digit written: '72억6천만' -> 10^7, '67.22' -> 0.01."""
    runs = list(re.finditer(r"\d[\d,]*(?:\.(\d+))?", num))
    last = runs[-1]
    step = Decimal(1).scaleb(-len(last.group(1) or ""))
    for ch in num[last.end() :]:
        if ch in "천백십":
            step *= {"천": 1000, "백": 100, "십": 10}[ch]
        elif ch in "조억만":
            step *= {"조": 10**12, "억": 10**8, "만": 10**4}[ch]
            break
    return step * scale


def _korean_value(num: str) -> Decimal:
    from aiindex._money.amounts import parse_parts

    # parse_parts reads every Korean and English number form; the currency is a carrier only.
    return parse_parts(num + "원")[0]


def _tokens(masked: str) -> list[_Token]:
    out: list[_Token] = []
    for m in _NUMBER.finditer(masked):
        num = m.group("num")
        unit = (m.group("unit") or "").strip()
        pre = m.group("pre") or ""
        scale_word = m.group("scale")
        scale_word = _SCALE_WORDS.get(scale_word or "", scale_word)
        scale = _SCALES.get(scale_word or "", 1)
        start = m.start() if pre else m.start("num")
        try:
            raw = _korean_value(num)
        except AmountParseError:
            continue
        korean_units = any(ch in num for ch in "조억만천백십")
        precision = _precision(num, scale)
        plain_int = re.fullmatch(r"\d{4}", num) is not None
        kind: Any
        currency = None
        value = raw * scale
        scaled = korean_units or scale != 1
        if unit in ("년",) or (
            not unit and not pre and not scale_word and plain_int and 1990 <= int(num) <= 2100
        ):
            kind = "year"
        elif unit in ("월", "일"):
            continue
        elif pre or re.fullmatch(_CURRENCY_WORD, unit, re.I):
            from aiindex._money.amounts import parse_parts

            text = pre + num + (" " + scale_word if scale_word else "") + (" " + unit)
            try:
                value, currency = parse_parts(text.strip())
            except AmountParseError:
                continue
            kind, scaled = "money", True
        elif unit in ("위", "번째", "st", "nd", "rd", "th"):
            kind = "rank"
        elif unit in ("배", "times", "fold", "-fold", "x"):
            kind = "ratio"
        elif (unit.startswith("%") and unit.endswith(("p", "포인트"))) or "point" in unit:
            kind = "diff"
        elif unit in ("%", "퍼센트") or "cent" in unit:
            kind = "percent"
        elif unit:
            kind = "count"
        else:
            kind = "bare"
        end = m.end() if unit or scale_word else m.end("num")
        before, after = masked[max(0, start - 25) : start], masked[end:]
        qualifier = None
        qb, qa = _QUAL_BEFORE.search(before), _QUAL_AFTER.search(after)
        for q in (qb, qa):
            if q:
                word = q.group("q").lower()
                qualifier = _QUALIFIERS.get(word, "~")
        direction = 1
        if kind in ("count", "bare", "percent", "money", "diff"):
            d = _DIFF_AFTER.search(after)
            if d:
                word = (d.group("ko") or d.group("en")).lower()
                direction = (
                    -1 if word in ("적", "낮", "작", "fewer", "lower", "less", "smaller") else 1
                )
                kind = "diff"
        total = bool(_TOTAL_AFTER.search(after) or _TOTAL_BEFORE.search(before))
        out.append(
            _Token(
                start,
                end,
                masked[start:end],
                kind,
                value,
                precision,
                scaled,
                currency,
                qualifier,
                total,
                direction,
            )
        )
    for m in _ORDINAL_WORD.finditer(masked):
        word = (m.group("ko") or m.group("en")).lower()
        s, e = (m.start("en"), m.end("en")) if m.group("en") else (m.start(), m.end())
        if any(t.start <= s < t.end for t in out):
            continue
        out.append(_Token(s, e, masked[s:e], "rank", Decimal(_WORD_ORDINALS[word]), Decimal(1)))
    out.sort(key=lambda t: t.start)
    return out


# --------------------------------------------------------------------------- sentences


def _body_spans(text: str) -> list[tuple[int, int]]:
    """Sentences of the text as (start, end), leaving out a list of headlines under it."""
    header = _HEADLINE_HEADER.search(text)
    end_of_body = header.start() if header else len(text)
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text[:end_of_body].splitlines(keepends=True):
        line_start, pos = pos, pos + len(line)
        # A list of other articles' headlines with dates: "11412 제목 ... 2024.06.05".
        if _HEADLINE_LINE.match(line):
            continue
        cut = line_start
        for m in re.finditer(r"(?<=[.!?])\s+(?=\S)", line):
            before = line[: m.start()]
            if re.search(r"(?:\b[A-Z]\.)+$|\b(?:e\.g|i\.e|vs|Mr|Dr|No)\.$", before):
                continue  # an abbreviation (U.S.), not the end of a sentence
            spans.append((cut, line_start + m.start()))
            cut = line_start + m.end()
        spans.append((cut, line_start + len(line.rstrip())))
    return [(a, b) for a, b in spans if text[a:b].strip()]


@attrs.frozen
class _Mention:
    start: int
    end: int
    entity: Entity


def _mentions(sentence: str) -> list[_Mention]:
    patterns, _ = _entity_matcher()
    # Leftmost first and, where two names start at the same place, the longer one.
    found = sorted((m.start(), -m.end(), m.group()) for p in patterns for m in p.finditer(sentence))
    out: list[_Mention] = []
    reached = 0
    for start, neg_end, text in found:
        if start >= reached:
            out.append(_Mention(start, -neg_end, _entity_at(text)))
            reached = -neg_end
    return out


def _mask(sentence: str, mentions: Sequence[_Mention]) -> str:
    chars = list(sentence)
    spans = [(m.start, m.end) for m in mentions]
    spans += [(m.start(), m.end()) for m in _EDITION.finditer(sentence)]
    spans += [(m.start(), m.end()) for m in _MASKS.finditer(sentence)]
    for a, b in spans:
        chars[a:b] = "#" * (b - a)
    return "".join(chars)


def _candidates(sentence: str, edition: int) -> list[list[Indicator]]:
    """Indicators the sentence names, in groups of equal keyword score, best first."""
    squashed = _squash(sentence)
    scored: dict[int, list[Indicator]] = {}
    for ind, words, requires in _indicators(edition):
        if requires and not any(r in squashed for r in requires):
            continue
        score = sum(len(w) for w in words if w in squashed)
        if score:
            scored.setdefault(score, []).append(ind)
    return [scored[s] for s in sorted(scored, reverse=True)]


# --------------------------------------------------------------------------- grading


def _unit_scale(unit: str) -> int:
    head = unit.split("*")[0].strip() if "*" in unit else ""
    return _SCALES.get(head, 1)


def _currency_of(unit: str) -> str | None:
    code = unit.split("*")[-1].strip()
    return code if re.fullmatch(r"[A-Z]{3}", code) else None


def _decimals(printed: str) -> int:
    return len(printed.split(".")[1]) if "." in printed else 0


def _report_precision(obs: Observation) -> Decimal:
    """One unit of the report's last printed digit, in the indicator's unit."""
    step = Decimal(1).scaleb(-_decimals(obs.printed))
    return step * _unit_scale(obs.printed_unit) / _unit_scale(obs.unit)


def _fmt(x: Decimal | float) -> str:
    d = Decimal(repr(x)) if isinstance(x, float) else x
    s = format(d.normalize(), "f") if d == d.to_integral_value() else format(d, "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def _within(claimed: Decimal, actual: Decimal, tol: Decimal, qualifier: str | None) -> bool:
    # A bound ("9배 이상", "more than 9 times") is not a rounded figure: no slack.
    if qualifier in (">", ">="):
        return actual >= claimed
    if qualifier in ("<", "<="):
        return actual <= claimed
    if qualifier == "~":
        tol = max(tol, abs(claimed) * _ABOUT)
    return abs(claimed - actual) <= tol


_QUAL_WORDS = {">": "more than", ">=": "at least", "<": "less than", "<=": "at most", "~": "about"}


@attrs.frozen
class _Context:
    edition: int
    sentence: str
    offset: int  # of the sentence in the text
    publication: _dt.date | None


def _source_fields(ind: Indicator, obs: Observation | None) -> dict[str, Any]:
    src = obs.source if obs is not None else ind.source
    locs = [loc for loc in src.locators if loc]
    return {
        "edition": src.edition,
        "section": src.section,
        "locator": "; ".join(locs[:2]) if locs else (src.figure or None),
    }


def _claim(
    ctx: _Context, tok_span: tuple[int, int], kind: ClaimKind, grade: Grade, why: str, **fields: Any
) -> Claim:
    a, b = tok_span
    return Claim(
        sentence=ctx.sentence.strip(),
        span=(ctx.offset + a, ctx.offset + b),
        text=ctx.sentence[a:b],
        kind=kind,
        grade=grade,
        explanation=why,
        **fields,
    )


def _observation(ind: Indicator, entity: Entity, year: int | None, relative: bool) -> Observation:
    try:
        return ind.observation(entity, year)
    except MissingValueError:
        if year is None or not relative:
            raise
        # "지난해" (last year) is loose: patents data lag a year behind the edition.
        return ind.observation(entity, None)


def _grade_value(
    ctx: _Context, tok: _Token, ind: Indicator, entity: Entity, year: int | None, relative: bool
) -> Claim | None:
    obs = _observation(ind, entity, year, relative)
    code = _currency_of(ind.unit)
    if tok.kind == "money" and code is None:
        return None
    if tok.kind == "percent" and ind.unit != "percent":
        return None
    if tok.kind == "count" and (code is not None or ind.unit == "percent"):
        return None
    actual = Decimal(repr(obs.magnitude))
    report_text = f"{obs.printed} {obs.printed_unit}"
    common = {
        "indicator": ind.id,
        "entity": entity.id,
        "year": obs.year,
        "report": obs.magnitude,
        "report_text": report_text,
        **_source_fields(ind, obs),
    }
    scale = Decimal(_unit_scale(ind.unit))
    if tok.kind == "money" and tok.currency != code:
        return _grade_foreign_money(ctx, tok, ind, obs, code or "", common)
    claimed = tok.value / scale if tok.scaled else tok.value
    tol = max(tok.precision / (scale if tok.scaled else 1), _report_precision(obs)) / 2
    ok = _within(claimed, actual, tol, tok.qualifier)
    qual = _QUAL_WORDS.get(tok.qualifier or "", "")
    label = f"{qual + ' ' if qual else ''}{_fmt(claimed)}"
    who = f"{entity.name} {obs.year}"
    if ok:
        why = (
            f"{who}: the report prints {report_text}; the text's {label} agrees within its rounding"
        )
    else:
        why = f"{who}: the text says {label}, the report prints {report_text}"
        if obs.note:
            why += f" (note: {obs.note.split(';')[0][:120]})"
    return _claim(
        ctx,
        (tok.start, tok.end),
        "value",
        "supported" if ok else "contradicted",
        why,
        claimed=float(claimed),
        unit=ind.unit,
        **common,
    )


def _week(ctx: _Context) -> list[_dt.date]:
    if ctx.publication is None:
        return []
    return [ctx.publication + _dt.timedelta(days=i) for i in range(5)]


def _money_text(value: Decimal, code: str, precision: Decimal) -> str:
    """An amount rounded to the text's precision, written the Korean way for won."""
    rounded = (value / precision).to_integral_value() * precision
    if code == "KRW":
        from aiindex._money.amounts import korean_amount

        return korean_amount(rounded, code, digits=30)
    return f"{rounded:,f} {code}"


def _rates_matching(
    amount: Decimal, src: str, claimed: Decimal, dst: str, precision: Decimal, ctx: _Context
) -> tuple[list[str], Decimal | None, str]:
    """Fixings of the publication week that make ``claimed`` right, the nearest result, and a
    line on the nearest fixing (what it gives and how far off the text is)."""
    from aiindex._money.rates import convert_amount

    good: list[str] = []
    best: tuple[Decimal, Decimal, str] | None = None
    for day in _week(ctx):
        try:
            value, used = convert_amount(float(amount), src, dst, on=day)
        except AIIndexError:
            continue
        if used.fixing_date != day:
            continue  # a holiday falls back to a fixing already tried
        got = Decimal(repr(value))
        off = abs(claimed - got) / abs(got) if got else Decimal(0)
        line = f"{used} gives {_money_text(got, dst, precision)} ({_fmt(round(off * 100, 2))}% off)"
        if best is None or off < best[0]:
            best = (off, got, line)
        if abs(claimed - got) <= precision / 2 + abs(got) * CONVERSION_TOLERANCE:
            good.append(line)
    if best is None:
        return good, None, "no rate available"
    return good, best[1], best[2]


def _grade_foreign_money(
    ctx: _Context, tok: _Token, ind: Indicator, obs: Observation, code: str, common: dict[str, Any]
) -> Claim:
    amount = Decimal(repr(obs.magnitude)) * _unit_scale(ind.unit)
    good, _, best = _rates_matching(amount, code, tok.value, tok.currency or "", tok.precision, ctx)
    grade: Grade = "supported" if good else "contradicted"
    why = (
        f"{obs.entity.name}: {obs.printed} {obs.printed_unit} in {tok.currency} at the ECB rate "
        f"of the publication week: " + ("; ".join(good) if good else f"nearest {best}")
    )
    return _claim(
        ctx,
        (tok.start, tok.end),
        "value",
        grade,
        why,
        claimed=float(tok.value),
        unit=tok.currency,
        rates=tuple(good),
        **common,
    )


def _grade_conversion(ctx: _Context, first: _Token, second: _Token) -> Claim:
    """'1억9천140만 달러(2천669억원)': is the second amount the first at the week's rate?

    A fixing makes it right when the converted amount is within the text's rounding plus
    `CONVERSION_TOLERANCE`; the explanation gives the implied rate so the reader can judge.
    """
    src, dst = first.currency or "", second.currency or ""
    good, nearest, best = _rates_matching(
        first.value, src, second.value, dst, second.precision, ctx
    )
    week = _week(ctx)
    where = f"ECB fixings of {week[0]} to {week[-1]}" if week else ""
    implied = second.value / first.value if first.value else Decimal(0)
    said = f"{second.text} for {first.value:,f} {src} implies {implied:,.2f} {dst}/{src}"
    if good:
        why = f"{said}; right at " + "; ".join(good)
        grade: Grade = "supported"
    elif nearest is not None:
        why = f"{said}; no fixing of the publication week fits: nearest {best}"
        grade = "contradicted"
    else:
        why = (
            f"the publication day of the {ctx.edition} edition is not recorded (editions.toml "
            "holds only its month), so there is no publication week to take a rate from"
            if ctx.publication is None
            else f"no exchange rate for the publication week of the {ctx.edition} edition"
        )
        grade = "not found"
    return _claim(
        ctx,
        (second.start, second.end),
        "conversion",
        grade,
        why,
        claimed=float(second.value),
        unit=dst,
        rates=tuple(good),
        report=float(nearest) if nearest is not None else None,
        report_text=f"{nearest:,.0f} {dst}" if nearest is not None else None,
        edition=ctx.edition,
        section="ECB euro foreign exchange reference rates",
        locator=where or None,
    )


def _grade_rank(
    ctx: _Context,
    span: tuple[int, int],
    rank: int,
    ind: Indicator,
    entity: Entity,
    year: int | None,
    relative: bool,
) -> Claim:
    obs = _observation(ind, entity, year, relative)
    common = {
        "indicator": ind.id,
        "entity": entity.id,
        "year": obs.year,
        "claimed": float(rank),
        "unit": "rank",
        **_source_fields(ind, obs),
    }
    try:
        actual = ind.rank(entity, obs.year)
    except IncompleteRankingError as e:
        return _claim(
            ctx, span, "rank", "unsupported rank", f"rank {rank} of {entity.name}: {e}", **common
        )
    ranking = ind.ranking(obs.year)
    above = [r for r in ranking if r.rank == rank and r.entity.id != entity.id]
    report_text = f"rank {actual} ({obs.printed} {obs.printed_unit})"
    if actual == rank:
        grade: Grade = "supported"
        why = f"{entity.name} is {_ordinal(actual)} on {ind.id} in {obs.year}"
    else:
        grade = "contradicted"
        why = f"{entity.name} is {_ordinal(actual)}, not {_ordinal(rank)}, in {obs.year}"
        if above:
            holder = above[0]
            why += f"; {_ordinal(rank)} is {holder.entity.name} ({holder.observation.printed})"
    return _claim(
        ctx, span, "rank", grade, why, report=float(actual), report_text=report_text, **common
    )


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _grade_pair(
    ctx: _Context,
    tok: _Token,
    ind: Indicator,
    a: Entity,
    b: Entity,
    year: int | None,
    relative: bool,
) -> Claim | None:
    """A ratio ('8.7 times', '9배 이상') or a difference ('1.5개 더 많았다') of a over b."""
    oa = _observation(ind, a, year, relative)
    ob = _observation(ind, b, oa.year, False)
    va, vb = Decimal(repr(oa.magnitude)), Decimal(repr(ob.magnitude))
    kind: ClaimKind
    if tok.kind == "ratio":
        kind = "ratio"
        if vb == 0:
            return _claim(
                ctx,
                (tok.start, tok.end),
                kind,
                "not found",
                f"{b.name}'s value is 0: no ratio",
                indicator=ind.id,
                entity=a.id,
                other_entity=b.id,
            )
        actual = va / vb
        claimed = tok.value
        sym = "/"
    else:
        kind = "difference"
        actual = (va - vb) * tok.direction
        scale = Decimal(_unit_scale(ind.unit)) if tok.scaled else Decimal(1)
        claimed = tok.value / scale
        sym = "-" if tok.direction > 0 else "vs"
    tol = tok.precision / 2
    ok = _within(claimed, actual, tol, tok.qualifier)
    shown = f"{oa.printed} {sym} {ob.printed} = {_fmt(round(actual, 4))}"
    qual = _QUAL_WORDS.get(tok.qualifier or "", "")
    label = f"{qual + ' ' if qual else ''}{_fmt(claimed)}"
    why = f"{a.name} vs {b.name} ({oa.year}): {shown}; the text's {label} " + (
        "agrees within its rounding" if ok else "does not"
    )
    return _claim(
        ctx,
        (tok.start, tok.end),
        kind,
        "supported" if ok else "contradicted",
        why,
        claimed=float(claimed),
        unit=kind,
        indicator=ind.id,
        entity=a.id,
        other_entity=b.id,
        year=oa.year,
        report=float(round(actual, 6)),
        report_text=shown,
        **_source_fields(ind, oa),
    )


# --------------------------------------------------------------------------- the walk


def _kinds(ind: Indicator) -> set[str]:
    return {ind.entity_kind} | {o.entity.id for o in ind.observations}


def _fits(entity: Entity, groups: Sequence[Sequence[Indicator]]) -> bool:
    for group in groups:
        for ind in group:
            k = _kinds(ind)
            if entity.kind in k or entity.id in k:
                return True
    return False


def _uniq(mentions: Iterable[_Mention]) -> list[_Mention]:
    seen: set[str] = set()
    out = []
    for m in mentions:
        if m.entity.id not in seen:
            seen.add(m.entity.id)
            out.append(m)
    return out


class _Walker:
    """Reads sentences in order, carrying the indicator and the topic entity across them."""

    def __init__(self, text: str, edition: int, lang: str) -> None:
        self.text = text
        self.edition = edition
        self.lang = lang
        self.publication = _publication_day(edition)
        self.groups: list[list[Indicator]] = []
        self.topic: Entity | None = None
        self.last_rank: int | None = None
        self.claims: list[Claim] = []

    # -- choosing ----------------------------------------------------------------------------

    def _try(
        self, fn: Any, groups: Sequence[Sequence[Indicator]], entity: Entity | None, *args: Any
    ) -> Claim | None:
        """The first group's claims; within a group, one the data supports if any."""
        for group in groups:
            results: list[Claim] = []
            for ind in group:
                if entity is not None and not ({entity.kind, entity.id} & _kinds(ind)):
                    continue
                try:
                    got = fn(ind, *args)
                except (MissingValueError, EntityKindError):
                    continue
                if got is not None:
                    results.append(got)
            if results:
                for c in results:
                    if c.grade == "supported":
                        return c
                return results[0]
        return None

    def _entity_for(
        self,
        tok_start: int,
        mentions: Sequence[_Mention],
        sentence: str,
        groups: Sequence[Sequence[Indicator]],
        tok_end: int | None = None,
    ) -> Entity | None:
        fitting = [m for m in mentions if _fits(m.entity, groups)]
        if self.lang == "en":
            # "61 came from the United States, 15 from China": the entity the figure is from.
            for m in fitting:
                if (
                    tok_end is not None
                    and m.start > tok_end
                    and _FROM.fullmatch(sentence[tok_end : m.start])
                ):
                    return m.entity
        before = [m for m in fitting if m.end <= tok_start]
        if before:
            return before[-1].entity
        after = [m for m in fitting if m.start >= tok_start]
        # English puts the figure first at times: "with 109 models, the United States led".
        if after and self.lang == "en" and not _TOPIC_FIRST(sentence, tok_start):
            return after[0].entity
        if self.topic is not None and _fits(self.topic, groups):
            return self.topic
        return None

    # -- one sentence ------------------------------------------------------------------------

    def sentence(self, start: int, end: int) -> None:
        sentence = self.text[start:end]
        ctx = _Context(self.edition, sentence, start, self.publication)
        mentions = _mentions(sentence)
        masked = _mask(sentence, mentions)
        tokens = _tokens(masked)
        named = _candidates(sentence, self.edition)
        if named:
            if self.groups and named[0] != self.groups[0]:
                self.last_rank = None
            self.groups = named
        groups = self.groups
        prev_rank = self.last_rank
        years = [t for t in tokens if t.kind == "year"]
        relative_year = _LAST_YEAR.search(sentence)
        claims: list[Claim] = []

        def year_at(pos: int) -> tuple[int | None, bool]:
            before = [y for y in years if y.end <= pos]
            if before:
                return int(before[-1].value), False
            if relative_year and relative_year.start() < pos:
                return self.edition - 1, True
            return None, False

        respectively = _RESPECTIVELY.search(sentence)
        values = [t for t in tokens if t.kind in ("money", "percent", "count", "bare")]
        paired: dict[int, Entity] = {}
        if respectively:
            run = [t for t in values if (t.start > respectively.start()) == (self.lang == "ko")]
            if self.lang != "ko":
                run = [t for t in run if t.end <= respectively.start()]
            if run:
                fitting = [m for m in mentions if _fits(m.entity, groups) and m.end <= run[0].start]
                fitting = _uniq(reversed(fitting))[: len(run)][::-1]
                if len(fitting) == len(run):
                    paired = {t.start: m.entity for t, m in zip(run, fitting, strict=True)}

        # -- conversions: an amount in parentheses right after an amount in another currency
        converted: set[int] = set()
        for first, second in itertools.pairwise(tokens):
            if first.kind == second.kind == "money" and first.currency != second.currency:
                gap = masked[first.end : second.start]
                if re.fullmatch(r"\s*\(\s*", gap):
                    claims.append(_grade_conversion(ctx, first, second))
                    converted.add(second.start)

        # -- values, ratios, differences, explicit ranks
        for tok in tokens:
            if tok.kind == "year" or tok.start in converted:
                continue
            year, relative = year_at(tok.start)
            if tok.kind in ("ratio", "diff"):
                claims.append(self._pair(ctx, tok, mentions, masked, groups, year, relative))
                continue
            if tok.kind == "rank":
                rank = int(tok.value)
                ent = self._rank_entity(tok, mentions, sentence, groups)
                claims.append(
                    self._rank(ctx, (tok.start, tok.end), rank, ent, groups, year, relative)
                )
                continue
            ent = paired.get(tok.start)
            if ent is None and tok.total:
                ent = _world()
            if ent is None:
                ent = self._entity_for(tok.start, mentions, sentence, groups, tok.end)
            claims.append(self._value(ctx, tok, ent, groups, year, relative))

        # -- zero claims without digits: "하나도 개발하지 못했다", "한국은 없었다"
        for m in re.finditer(r"(?P<z>하나도)|(?<=[은는])\s?(?P<n>없었다)", masked):
            a, b = m.span("z") if m.group("z") else m.span("n")
            ent = self._entity_for(a, mentions, sentence, groups)
            zero = _Token(a, b, masked[a:b], "count", Decimal(0), Decimal(1))
            year, relative = year_at(m.start())
            claims.append(self._value(ctx, zero, ent, groups, year, relative))

        claims.extend(
            self._implicit_ranks(ctx, sentence, mentions, tokens, groups, year_at, prev_rank)
        )
        claims = [self._attach(c, claims) for c in claims]
        claims.sort(key=lambda c: c.span)
        self.claims.extend(claims)
        self._update_topic(sentence, mentions)

    @staticmethod
    def _attach(claim: Claim, claims: Sequence[Claim]) -> Claim:
        """A conversion is about the figure it converts: give it that claim's subject."""
        if claim.kind != "conversion":
            return claim
        before = [c for c in claims if c.kind == "value" and c.span[1] <= claim.span[0]]
        if not before:
            return claim
        v = before[-1]
        return attrs.evolve(claim, indicator=v.indicator, entity=v.entity, year=v.year)

    def _rank_entity(
        self,
        tok: _Token,
        mentions: Sequence[_Mention],
        sentence: str,
        groups: Sequence[Sequence[Indicator]],
    ) -> Entity | None:
        # "3위 미국": a Korean rank written before its entity.
        for m in mentions:
            if 0 <= m.start - tok.end <= 1 and _fits(m.entity, groups):
                return m.entity
        return self._entity_for(tok.start, mentions, sentence, groups)

    def _value(
        self,
        ctx: _Context,
        tok: _Token,
        ent: Entity | None,
        groups: Sequence[Sequence[Indicator]],
        year: int | None,
        relative: bool,
    ) -> Claim:
        span = (tok.start, tok.end)
        if not groups:
            return _claim(
                ctx,
                span,
                "value",
                "not found",
                "no indicator named in this sentence or the one before",
                claimed=float(tok.value),
                entity=ent.id if ent else None,
            )
        if ent is None:
            return _claim(
                ctx,
                span,
                "value",
                "not found",
                "no entity of the indicator's kind named near the number",
                claimed=float(tok.value),
                indicator=groups[0][0].id,
            )
        got = self._try(lambda ind: _grade_value(ctx, tok, ind, ent, year, relative), groups, ent)
        if got is None:
            return _claim(
                ctx,
                span,
                "value",
                "not found",
                f"no figure for {ent.name} on " + ", ".join(i.id for i in groups[0]),
                claimed=float(tok.value),
                indicator=groups[0][0].id,
                entity=ent.id,
                year=year,
            )
        return got

    def _rank(
        self,
        ctx: _Context,
        span: tuple[int, int],
        rank: int,
        ent: Entity | None,
        groups: Sequence[Sequence[Indicator]],
        year: int | None,
        relative: bool,
    ) -> Claim:
        if ent is None or not groups:
            return _claim(
                ctx,
                span,
                "rank",
                "not found",
                "no indicator or entity to rank",
                claimed=float(rank),
                unit="rank",
            )
        got = self._try(
            lambda ind: _grade_rank(ctx, span, rank, ind, ent, year, relative), groups, ent
        )
        if got is None:
            return _claim(
                ctx,
                span,
                "rank",
                "not found",
                f"no figure for {ent.name} to rank",
                claimed=float(rank),
                unit="rank",
                entity=ent.id,
            )
        return got

    def _pair(
        self,
        ctx: _Context,
        tok: _Token,
        mentions: Sequence[_Mention],
        masked: str,
        groups: Sequence[Sequence[Indicator]],
        year: int | None,
        relative: bool,
    ) -> Claim:
        span = (tok.start, tok.end)
        fitting = [m for m in mentions if _fits(m.entity, groups)]
        b: Entity | None = None
        if self.lang == "ko":
            for m in reversed([m for m in fitting if m.end <= tok.start]):
                if _THAN_KO.match(masked[m.end :]):
                    b = m.entity
                    break
        else:
            after = [m for m in fitting if m.start >= tok.end]
            b = after[0].entity if after else None
        others = [m.entity for m in fitting if m.end <= tok.start and b and m.entity.id != b.id]
        a = others[-1] if others else self.topic
        if a is None or b is None or a.id == b.id:
            return _claim(
                ctx,
                span,
                "ratio" if tok.kind == "ratio" else "difference",
                "not found",
                "cannot tell which two entities are compared",
                claimed=float(tok.value),
            )
        aa, bb = a, b
        got = self._try(lambda ind: _grade_pair(ctx, tok, ind, aa, bb, year, relative), groups, a)
        if got is None:
            return _claim(
                ctx,
                span,
                "ratio" if tok.kind == "ratio" else "difference",
                "not found",
                f"no figures for {a.name} and {b.name}",
                claimed=float(tok.value),
                entity=a.id,
                other_entity=b.id,
            )
        return got

    def _implicit_ranks(
        self,
        ctx: _Context,
        sentence: str,
        mentions: Sequence[_Mention],
        tokens: Sequence[_Token],
        groups: Sequence[Sequence[Indicator]],
        year_at: Any,
        prev_rank: int | None,
    ) -> list[Claim]:
        """Ranks said in words: 가장 많았다 / the most, 뒤를 이었다 / followed by, 순으로, 다음으로.

        A list continues from the last rank said before it, in this sentence or the one before
        ("가장 많은 ... 구글. 메타와 마이크로소프트 순이었다" makes Meta 2nd).
        """
        out: list[Claim] = []
        if not groups:
            return out
        fitting = [m for m in mentions if _fits(m.entity, groups)]
        events: list[tuple[int, int, str, int]] = [
            (t.start, t.end, "stated", int(t.value)) for t in tokens if t.kind == "rank"
        ]
        if not _NOT_RANK1.search(sentence):
            events += [(m.start(), m.end(), "first", 1) for m in _RANK1.finditer(sentence)]
        events += [(m.start(), m.end(), "followed", 0) for m in _FOLLOWED.finditer(sentence)]
        events += [(m.start(), m.end(), "order", 0) for m in _ORDER.finditer(sentence)]
        events += [(m.start(), m.end(), "after", 0) for m in _AFTER.finditer(sentence)]
        events.sort()
        stated = [e for e in events if e[2] == "stated"]
        current, seg_start = prev_rank, 0
        for a, b, what, value in events:
            year, relative = year_at(a)
            seg = [m for m in fitting if seg_start <= m.start < a]
            if what == "stated":
                current, seg_start = value, b
                continue
            if what == "first":
                # "압도적인 1위", "ranked 1st, the most": the stated rank already said it.
                if any(abs(e[0] - a) <= 20 and e[3] == 1 for e in stated):
                    continue
                ent = seg[-1].entity if seg else self._entity_for(a, mentions, sentence, groups)
                if ent is not None:
                    out.append(self._rank(ctx, (a, b), 1, ent, groups, year, relative))
                    current = 1
            elif what in ("followed", "order"):
                if what == "followed" and self.lang != "ko":
                    seg = [m for m in fitting if m.start >= b]
                start = (current or (1 if what == "followed" else 0)) + 1
                for i, m in enumerate(_uniq(seg)):
                    out.append(
                        self._rank(
                            ctx, (m.start, m.end), start + i, m.entity, groups, year, relative
                        )
                    )
                    current = start + i
            else:
                if any(seg_start <= e[0] <= b + 20 for e in stated):
                    continue
                if self.lang == "ko":
                    # "한국은 0.79%로 이스라엘 다음으로": the subject is not in the list.
                    subj = [m for m in seg if _TOPIC_KO.match(sentence[m.end :])]
                    listed = _uniq(m for m in seg if not subj or m.start > subj[0].start)
                    if subj:
                        listed = [m for m in listed if m.entity.id != subj[0].entity.id]
                else:
                    listed = _uniq([m for m in fitting if m.start >= b])
                ids = {m.entity.id for m in listed}
                subject = (
                    next(
                        (m.entity for m in fitting if m.entity.id not in ids and m.start < a), None
                    )
                    or self.topic
                )
                if subject is not None and listed and _fits(subject, groups):
                    out.append(
                        self._rank(ctx, (a, b), len(listed) + 1, subject, groups, year, relative)
                    )
                    current = len(listed) + 1
            seg_start = b
        self.last_rank = current
        return out

    def _update_topic(self, sentence: str, mentions: Sequence[_Mention]) -> None:
        if not mentions:
            return
        if self.lang == "ko":
            topical = [
                m
                for m in mentions
                if (t := _TOPIC_KO.match(sentence[m.end :])) and t.group("p") in "은는"
            ]
            subject = [m for m in mentions if _TOPIC_KO.match(sentence[m.end :])]
            pick = topical[-1] if topical else (subject[0] if subject else None)
            if pick is not None:
                self.topic = pick.entity
        elif not _PRONOUN_START.match(sentence):
            self.topic = mentions[0].entity


def _TOPIC_FIRST(sentence: str, pos: int) -> bool:
    """Whether a pronoun subject ("It ...") precedes ``pos``: the figure is the topic's."""
    return bool(_PRONOUN_START.match(sentence[:pos]))


@functools.cache
def _world() -> Entity:
    from aiindex._reference.entities import by_id

    return by_id("world")


# --------------------------------------------------------------------------- public API


def _detect_lang(text: str) -> str:
    hangul = len(re.findall(r"[\uac00-\ud7a3]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return "ko" if hangul >= latin / 3 else "en"


def _edition_for(text: str, edition: int | None) -> int:
    from aiindex._sources.packaged import editions

    shipped = editions()
    if edition is not None:
        if isinstance(edition, bool) or not isinstance(edition, int):
            raise TypeError(f"edition must be an int such as 2024, not {edition!r}")
        if edition not in shipped:
            raise UnknownEditionError(edition, shipped)
        return edition
    for m in _EDITION.finditer(text):
        named = int(m.group("ed"))
        if named in shipped:
            return named
    if DEFAULT_EDITION not in shipped:  # pragma: no cover - the seed's edition always ships
        raise UnknownEditionError(DEFAULT_EDITION, shipped)
    return DEFAULT_EDITION


def check(text: str, *, edition: int | None = None, lang: str | None = None) -> Report:
    """Find the numeric claims of ``text`` about the AI Index and grade each against the data.

    ``edition`` is the report edition to check against (None: the edition the text names, else
    2024); ``lang`` is ``"ko"`` or ``"en"`` (None: detected from the script). Raises
    `UnknownEditionError` for an edition aiindex does not ship.

    >>> from aiindex._check import check
    >>> r = check("The US invested $67.2 billion, more than 9 times China's $7.76 billion.")
    >>> [(c.kind, c.grade) for c in r.claims]
    [('value', 'supported'), ('ratio', 'contradicted'), ('value', 'supported')]
    >>> r.claims[1].report
    8.662371
    """
    if not isinstance(text, str):
        raise TypeError(f"check() takes the text as a str, not {type(text).__name__}")
    if lang is None:
        lang = _detect_lang(text)
    elif lang not in ("ko", "en"):
        raise ValueError(f"lang={lang!r}: use 'ko', 'en' or None (detect)")
    ed = _edition_for(text, edition)
    walker = _Walker(text, ed, lang)
    for start, end in _body_spans(text):
        walker.sentence(start, end)
    return Report(tuple(walker.claims), ed, lang)


def run_check_cli(
    text: str, *, as_json: bool, edition: int | None, lang: str | None
) -> tuple[str, int]:
    """The ``aiindex check`` command: the report as a table or JSON, and the exit status.

    The status is 0 when no claim is contradicted and 1 otherwise.

    >>> from aiindex._check import run_check_cli
    >>> out, status = run_check_cli("한국(13억9천만달러)은 AI 민간 투자 9번째였다.", as_json=False,
    ...                             edition=None, lang=None)
    >>> status, out.splitlines()[-1]
    (0, '2 claims (AI Index 2024): 2 supported, 0 contradicted, 0 unsupported rank, 0 not found')
    """
    report = check(text, edition=edition, lang=lang)
    out = json.dumps(report.to_dict(), ensure_ascii=False, indent=2) if as_json else str(report)
    return out, 1 if report.contradicted else 0
