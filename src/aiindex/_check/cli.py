"""The ``aiindex check`` command, as `aiindex._cli` calls it."""

from __future__ import annotations

import json

from aiindex._check.walker import check

__all__ = ["run_check_cli"]


def run_check_cli(
    text: str, *, as_json: bool, edition: int | None, lang: str | None
) -> tuple[str, int]:
    """The ``aiindex check`` command: the report as a table or JSON, and the exit status.

    ``lang`` is the language of the table (``--lang ko``: Korean); the text's own language
    is told from its script. The status is 0 when no claim is contradicted and 1 otherwise.

    >>> from aiindex._check import run_check_cli
    >>> out, status = run_check_cli("한국(13억9천만달러)은 AI 민간 투자 9번째였다.", as_json=False,
    ...                             edition=2024, lang=None)
    >>> status, out.splitlines()[-1]
    (0, '2 claims (AI Index 2024): 2 supported, 0 contradicted, 0 unsupported rank, 0 not found')
    """
    report = check(text, edition=edition)
    if as_json:
        out = json.dumps(report.to_dict(), ensure_ascii=False, indent=2)
    else:
        out = report.table(lang or "en")
    return out, 1 if report.contradicted else 0
