"""What `check` returns: each graded `Claim`, and the `Report` of a text as a table or JSON."""

from __future__ import annotations

from typing import Any, Literal

import attrs

__all__ = ["GRADES", "Claim", "ClaimKind", "Grade", "Report"]

Grade = Literal["supported", "contradicted", "unsupported rank", "not found"]
ClaimKind = Literal["value", "rank", "ratio", "difference", "change", "total", "conversion"]
GRADES: tuple[Grade, ...] = ("supported", "contradicted", "unsupported rank", "not found")


@attrs.frozen
class Claim:
    """One numeric claim of a text, matched to the data and graded.

    ``span`` is the (start, end) character range of the claim in the original text; ``claimed``
    is the text's number in the indicator's unit (a rank for ranks, a multiple for ratios);
    ``report`` is the report's figure in the same terms, ``report_text`` it as printed.
    ``citation`` credits the report's figure and its data provider, "via" the press for a
    value aiindex read from a newspaper's copy; ``read_from`` lists every copy aiindex read
    the value from (provenance, not a source to cite).

    >>> from aiindex._check import check
    >>> c = check("AI 인덱스 2024에 따르면 AI 민간 투자에서 중국은 72억6천만달러였다.").claims[0]
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
    citation: str | None = None
    read_from: tuple[str, ...] = ()

    @property
    def source(self) -> str:
        """The report's figure as the table shows it: the data provider, the edition, the
        section and figure, and "via" the newspaper for a value read from the press."""
        if self.edition is None:
            return ""
        if self.citation:
            return self.citation
        return f"AI Index {self.edition}, {self.section}"

    def to_dict(self) -> dict[str, Any]:
        """The claim as JSON-ready data."""
        out = attrs.asdict(self)
        out["span"] = list(self.span)
        out["rates"] = list(self.rates)
        out["read_from"] = list(self.read_from)
        out["source"] = self.source
        return out


@attrs.frozen
class Report:
    """The claims `check` found in a text, graded, with counts per grade.

    ``edition`` is the edition graded against (None when the text is about one aiindex does not
    ship); ``named`` the edition the text names, if any.

    >>> from aiindex._check import check
    >>> text = "Korea had 10.26 AI patents per 100,000 inhabitants, 1.5 more than Luxembourg."
    >>> r = check(text, edition=2024)
    >>> r.summary["supported"], len(r.contradicted)
    (2, 0)
    """

    claims: tuple[Claim, ...]
    edition: int | None
    lang: str
    named: int | None = None

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
            "named_edition": self.named,
            "lang": self.lang,
            "summary": self.summary,
            "claims": [c.to_dict() for c in self.claims],
        }

    def table(self, lang: str = "en") -> str:
        """The report as a table, in English or (``lang="ko"``) Korean: each claim's grade,
        what the text says, the report's figure, and why, with the source."""
        if lang == "ko":
            from aiindex._check.korean import table_ko

            return table_ko(self)
        return str(self)

    def __str__(self) -> str:
        from aiindex._check.text import clip
        from aiindex._present.text import table, width

        rows = []
        for c in self.claims:
            who = c.entity or "?"
            if c.other_entity:
                who += f"/{c.other_entity}"
            said = clip(f"{c.text} [{who}]", 40, width)
            reason = c.explanation + (f" ({c.source})" if c.source else "")
            rows.append((c.grade, said, clip(c.report_text or "-", 30, width), reason))
        lines = [table(("grade", "claim", "report", "why"), rows, (False, False, False, False))]
        s = self.summary
        against = (
            f"AI Index {self.edition}"
            if self.edition is not None
            else f"AI Index {self.named}, not shipped: nothing graded"
        )
        lines.append(
            f"{len(self.claims)} claims ({against}): " + ", ".join(f"{n} {g}" for g, n in s.items())
        )
        return "\n".join(lines)
