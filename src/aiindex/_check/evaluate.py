"""How well `check` grades an annotated corpus: a confusion matrix of expected and given grades.

A corpus is a folder of articles (``NAME.txt``), each with an annotation file beside it
(``NAME.toml``) that lists the article's claims and the grade each should get::

    lang = "en"
    edition = 2025             # the edition the article quotes

    [[claims]]
    at = "$4.5 billion"        # the claim's words as written
    in = "the U.K.'s $4.5 billion"   # optional: longer words around it, to place it
    kind = "value"             # value, rank, ratio, difference, change, total, conversion
    entity = "GBR"             # optional: whom the claim is about
    expect = "supported"       # supported, contradicted, unsupported rank, not found
    planted = "value"          # for a deliberate error: what was changed

An annotated claim is matched to the checker's claim whose span overlaps its words and whose
entity (when both say one) is the same; a rank said in words ("followed by France") may also
match a rank claim of the same entity in the same sentence. A claim the checker makes that no
annotation matches is counted under "not annotated": graded "contradicted", it is a false
contradiction like any other.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from aiindex._check.report import GRADES, Claim
from aiindex._check.walker import check

__all__ = ["Article", "Evaluation", "Expected", "Outcome", "evaluate", "read_corpus"]

#: What the checker gave an annotated claim it did not find at all.
MISSED = "missed"
_COLUMNS = (*GRADES, MISSED)


@attrs.frozen
class Expected:
    """One annotated claim: where it is in the article and the grade it should get."""

    at: str
    start: int
    end: int
    kind: str
    expect: str
    entity: str | None = None
    planted: str | None = None


@attrs.frozen
class Article:
    """An article of the corpus, its text and its annotated claims."""

    name: str
    text: str
    lang: str
    style: str
    edition: int
    expected: tuple[Expected, ...]


@attrs.frozen
class Outcome:
    """An annotated claim and the grade the checker gave it (`MISSED`: no claim found)."""

    article: str
    expected: Expected
    given: str
    claim: Claim | None = None


@attrs.frozen
class Evaluation:
    """The outcomes of a corpus, the claims no annotation matched, and the measures the
    claim checker is held to."""

    outcomes: tuple[Outcome, ...]
    unannotated: tuple[tuple[str, Claim], ...]

    def matrix(self) -> dict[tuple[str, str], int]:
        """Counts by (expected grade, given grade); unannotated claims under "not annotated"."""
        out: dict[tuple[str, str], int] = {}
        for o in self.outcomes:
            key = (o.expected.expect, o.given)
            out[key] = out.get(key, 0) + 1
        for _, c in self.unannotated:
            key = ("not annotated", c.grade)
            out[key] = out.get(key, 0) + 1
        return out

    @property
    def false_contradictions(self) -> list[tuple[str, Claim]]:
        """Claims graded "contradicted" that are not planted errors."""
        out = [
            (o.article, o.claim)
            for o in self.outcomes
            if o.claim is not None and o.given == "contradicted" and o.expected.planted is None
        ]
        return out + [(a, c) for a, c in self.unannotated if c.grade == "contradicted"]

    @property
    def precision(self) -> float:
        """Of the claims graded "contradicted", the share that are planted errors."""
        caught = sum(1 for o in self.outcomes if o.expected.planted and o.given == "contradicted")
        total = caught + len(self.false_contradictions)
        return caught / total if total else 1.0

    @property
    def recall(self) -> float:
        """Of the planted errors, the share graded "contradicted"."""
        planted = [o for o in self.outcomes if o.expected.planted]
        caught = [o for o in planted if o.given == "contradicted"]
        return len(caught) / len(planted) if planted else 1.0

    @property
    def supported_share(self) -> float:
        """Of the faithful claims the data supports, the share graded "supported"."""
        faithful = [o for o in self.outcomes if o.expected.expect == "supported"]
        hits = [o for o in faithful if o.given == "supported"]
        return len(hits) / len(faithful) if faithful else 1.0

    def table(self) -> str:
        """The confusion matrix as text, rows expected, columns given, and the measures."""
        m = self.matrix()
        rows = [e for e in (*GRADES, "not annotated") if any(k[0] == e for k in m)]
        width = max(len(r) for r in (*rows, "expected \\ given"))
        head = "expected \\ given".ljust(width) + "".join(f"{c:>18}" for c in _COLUMNS)
        lines = [head]
        for r in rows:
            lines.append(r.ljust(width) + "".join(f"{m.get((r, c), 0):>18}" for c in _COLUMNS))
        planted = sum(1 for o in self.outcomes if o.expected.planted)
        faithful = sum(1 for o in self.outcomes if o.expected.expect == "supported")
        lines += [
            "",
            f"precision of 'contradicted': {self.precision:.1%} (false contradictions: "
            f"{len(self.false_contradictions)})",
            f"planted errors caught: {self.recall:.1%} of {planted}",
            f"faithful claims supported: {self.supported_share:.1%} of {faithful}",
        ]
        return "\n".join(lines)


def read_corpus(folder: Path) -> list[Article]:
    """The annotated articles of ``folder``, by name."""
    out = []
    for toml_path in sorted(folder.glob("*.toml")):
        text = toml_path.with_suffix(".txt").read_text(encoding="utf-8")
        spec = tomllib.loads(toml_path.read_text(encoding="utf-8"))
        expected = tuple(_expected(toml_path.name, text, c) for c in spec.get("claims", ()))
        out.append(
            Article(
                toml_path.stem,
                text,
                spec["lang"],
                spec.get("style", ""),
                int(spec["edition"]),
                expected,
            )
        )
    return out


def _expected(where: str, text: str, spec: dict[str, object]) -> Expected:
    at = str(spec["at"])
    around = str(spec.get("in", at))
    nth = int(str(spec.get("nth", 1)))
    pos = -1
    for _ in range(nth):
        pos = text.find(around, pos + 1)
        if pos < 0:
            raise ValueError(f"{where}: {around!r} (occurrence {nth}) is not in the article")
    inner = around.find(at)
    if inner < 0:
        raise ValueError(f"{where}: {at!r} is not inside {around!r}")
    start = pos + inner
    expect = str(spec["expect"])
    if expect not in GRADES:
        raise ValueError(f"{where}: expect = {expect!r}; use one of {', '.join(GRADES)}")
    entity = spec.get("entity")
    planted = spec.get("planted")
    return Expected(
        at,
        start,
        start + len(at),
        str(spec.get("kind", "value")),
        expect,
        str(entity) if entity is not None else None,
        str(planted) if planted is not None else None,
    )


def _same_entity(e: Expected, c: Claim) -> bool:
    return e.entity is None or c.entity is None or e.entity == c.entity


def _kind_fits(e: Expected, c: Claim) -> bool:
    # A total ("of the 149 models") is the world's value; a ratio said in words ("more than
    # half") may come out as a value of a share.
    return c.kind == e.kind or (e.kind == "total" and c.kind == "value")


def _match(article: Article, claims: Sequence[Claim]) -> tuple[list[Outcome], list[Claim]]:
    free = list(claims)
    outcomes = []
    for e in article.expected:
        overlapping = [c for c in free if c.span[0] < e.end and e.start < c.span[1]]
        pick = next((c for c in overlapping if _kind_fits(e, c) and _same_entity(e, c)), None)
        if pick is None:
            pick = next((c for c in overlapping if _same_entity(e, c) and e.entity), None)
        if pick is None and e.kind == "rank" and e.entity:
            pick = next((c for c in free if _in_sentence(c, e, article.text)), None)
        if pick is None:
            outcomes.append(Outcome(article.name, e, MISSED))
            continue
        free.remove(pick)
        outcomes.append(Outcome(article.name, e, pick.grade, pick))
    return outcomes, free


def _in_sentence(c: Claim, e: Expected, text: str) -> bool:
    """Whether ``c`` is a rank claim of ``e``'s entity in the sentence that holds ``e``."""
    if c.kind != "rank" or c.entity != e.entity:
        return False
    start = text.find(c.sentence, max(0, c.span[0] - len(c.sentence)))
    return start >= 0 and start <= e.start < start + len(c.sentence)


def evaluate(articles: Iterable[Article]) -> Evaluation:
    """Check every article (against the edition its text names, else the newest) and match
    the claims found to the annotations."""
    outcomes: list[Outcome] = []
    unannotated: list[tuple[str, Claim]] = []
    for article in articles:
        report = check(article.text, lang=article.lang)
        matched, free = _match(article, report.claims)
        outcomes += matched
        unannotated += [(article.name, c) for c in free]
    return Evaluation(tuple(outcomes), tuple(unannotated))
