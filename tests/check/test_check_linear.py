"""The checker reads a text in time linear in its length (issue 11): by construction, tested
here without timing anything; ``benchmarks/bench_check.py`` measures the seconds per MB.

Measured before: 100 k characters of prose on one line 10.7 s, 40 k of "1" 18.7 s, of "x. "
25.8 s, 100 k of "억", "만" or "a" 17-28 s: the masks backtracked into runs of digits or
letters from every position, and the sentence splitter searched the whole line before every
full stop.
"""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aiindex._check import check
from aiindex._check.sentences import _MASKS, MAX_SENTENCE, body_spans, lowered, mask

MB = 1_000_000


@given(st.text(alphabet="ab1억. \n", max_size=6000))
def test_no_sentence_is_longer_than_the_bound(text: str) -> None:
    # Every sentence costs at most a bounded time, so the whole costs a time linear in the text.
    spans = body_spans(text)
    assert all(b - a <= MAX_SENTENCE for a, b in spans)
    assert all(a < b for a, b in spans)
    assert spans == sorted(spans) and all(p[1] <= q[0] for p, q in itertools.pairwise(spans))


def test_a_run_without_stops_is_read_in_pieces() -> None:
    spans = body_spans("a" * (5 * MAX_SENTENCE + 3))
    assert len(spans) == 6 and spans[0] == (0, MAX_SENTENCE)


def test_abbreviations_are_judged_on_the_few_characters_before_a_stop() -> None:
    text = "The U.S. led. " + "x" * 5000 + " U.K. second. Then more."
    sentences = [text[a:b] for a, b in body_spans(text)]
    assert sentences[0] == "The U.S. led."
    assert sentences[-1] == "Then more."


def test_every_mask_starts_where_a_run_starts() -> None:
    # A mask that could start inside a run of digits or of non-spaces would be tried again
    # from each of its characters: each alternative forbids that by a lookbehind (or by a
    # word it must start with), so a run is read once.
    for alternative in re.split(r"(?<!\\)\|(?![^()]*\))", _MASKS.pattern):
        starts_guarded = alternative.startswith(("(?<", "(?:인구", "per", "(?:january", r"\["))
        assert starts_guarded, alternative


@pytest.mark.parametrize("unit", ["1", "x. ", "억", "만", "a", "1,", "@a", "1만명", "U.S. "])
def test_a_megabyte_of_a_hostile_shape_is_read(unit: str) -> None:
    text = (unit * (MB // len(unit) + 1))[:MB]
    report = check(text, edition=2026)
    # Whatever was found, no figure of the report is claimed wrong in noise.
    assert report.contradicted == ()


def test_masks_of_long_runs() -> None:
    assert mask("1" * 50_000 + "만명당", ()) == "#" * 50_003
    assert mask("a" * 50_000, ()) == "a" * 50_000
    assert mask("x" * 10 + "@" + "y" * 10, ()) == "#" * 21


def test_lowered_keeps_every_character_in_place() -> None:
    text = "İstanbul Ǆ ß Korea 한국 ÀÉ"
    assert len(lowered(text)) == len(text)
    assert lowered(text) == "İstanbul Ǆ ß korea 한국 ÀÉ"


def test_prose_is_read_sentence_by_sentence() -> None:
    sentence = (
        "According to the AI Index 2026, South Korea's private AI investment was $1.8 billion. "
    )
    report = check(sentence * 2000)
    assert len(report.claims) == 2000
    assert {c.grade for c in report.claims} == {"supported"}
