"""The evaluation corpus (tests/check/corpus/): what it holds, and the measures the checker is
held to on it (issue 11, "Done when").

Each article NAME.txt has its claims annotated in NAME.toml, each with the grade it should get;
planted errors say what was changed. `aiindex._check.evaluate` matches the checker's claims
to the annotations; ``python benchmarks/bench_check.py`` prints the confusion matrix.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import aiindex
from aiindex._check.evaluate import Evaluation, evaluate, read_corpus

CORPUS = Path(__file__).parent / "corpus"
ARTICLES = read_corpus(CORPUS)


@pytest.fixture(scope="module")
def result() -> Evaluation:
    return evaluate(ARTICLES)


def test_the_corpus_covers_both_languages_every_edition_and_style() -> None:
    langs = Counter(a.lang for a in ARTICLES)
    assert langs["ko"] >= 6 and langs["en"] >= 6
    shipped = {e.edition for e in aiindex.editions()}
    graded = [a for a in ARTICLES if a.edition in shipped]
    assert {2024, 2025, 2026} <= {a.edition for a in graded}
    for lang in ("ko", "en"):
        assert {"wire", "newspaper", "blog"} <= {a.style for a in ARTICLES if a.lang == lang}
    # An article about an edition aiindex does not ship: nothing in it may be graded.
    assert any(a.edition not in shipped for a in ARTICLES)


def test_planted_errors_of_every_kind() -> None:
    kinds = Counter(e.planted for a in ARTICLES for e in a.expected if e.planted)
    assert {"value", "rank", "ratio", "entity", "year", "edition"} <= set(kinds)
    assert all(e.expect == "contradicted" for a in ARTICLES for e in a.expected if e.planted)


def test_every_article_has_faithful_claims_and_errors() -> None:
    for a in ARTICLES:
        expects = Counter(e.expect for e in a.expected)
        if a.edition in {e.edition for e in aiindex.editions()}:
            assert expects["supported"] >= 8, a.name
            assert sum(1 for e in a.expected if e.planted) >= 2, a.name


def test_annotations_place_their_words(tmp_path: Path) -> None:
    # A misplaced annotation fails loudly, naming the file and the words.
    (tmp_path / "a.txt").write_text("Korea invested $1.8 billion.", encoding="utf-8")
    (tmp_path / "a.toml").write_text(
        'lang = "en"\nedition = 2026\n[[claims]]\nat = "$9 billion"\nexpect = "supported"\n',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=r"a\.toml: '\$9 billion'"):
        read_corpus(tmp_path)


def test_no_faithful_claim_is_contradicted(result: Evaluation) -> None:
    assert result.false_contradictions == []
    assert result.precision == 1.0


def test_planted_errors_are_caught(result: Evaluation) -> None:
    assert result.recall >= 0.9, result.table()


def test_faithful_claims_are_supported(result: Evaluation) -> None:
    assert result.supported_share >= 0.85, result.table()


def test_an_unshipped_edition_grades_nothing(result: Evaluation) -> None:
    shipped = {e.edition for e in aiindex.editions()}
    unshipped = {a.name for a in ARTICLES if a.edition not in shipped}
    outcomes = [o for o in result.outcomes if o.article in unshipped]
    assert outcomes and all(o.given in ("not found", "missed") for o in outcomes)


def test_the_matrix_counts_every_annotation(result: Evaluation) -> None:
    matrix = result.matrix()
    annotated = sum(n for (expected, _), n in matrix.items() if expected != "not annotated")
    assert annotated == sum(len(a.expected) for a in ARTICLES)
    assert "precision of 'contradicted'" in result.table()
