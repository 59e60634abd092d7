"""Checking the numeric claims of a news text (Korean or English) against the AI Index data.

`check` (in ``walker``, whose docstring tells the grades) reads the text sentence by sentence:
``editions`` tells which edition the text is about, ``sentences`` splits the body and masks
names and dates, ``entities`` finds the entities it names, ``numbers`` reads its numbers,
``keywords`` finds the indicators it names by the words of their titles and unit labels (and
the few words of ``data/claims.toml``, read by ``words``), ``claims`` turns each number into a
claim and ``ranks`` the ranks said in words, ``grade`` grades a claim against the shipped
figures (and a currency conversion against the ECB rates), ``report`` holds the `Claim` and
`Report` records with their table and JSON (``text`` writes their cells), ``korean`` words the
table in Korean, ``cli`` is the ``aiindex check`` command, and ``evaluate`` measures the
checker on an annotated corpus.
See docs/check.md.
"""

from __future__ import annotations

from aiindex._check.cli import run_check_cli
from aiindex._check.grade import CONVERSION_TOLERANCE
from aiindex._check.report import GRADES, Claim, Report
from aiindex._check.walker import check

__all__ = [
    "CONVERSION_TOLERANCE",
    "GRADES",
    "Claim",
    "Report",
    "check",
    "run_check_cli",
]
