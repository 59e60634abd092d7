"""The command-line page of the docs (docs/cli.md) shows what the commands print: every
``$ aiindex ...`` line of its console blocks is run, and its output compared line by line
("..." in an expected line stands for any text, as in doctests)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from aiindex._cli import _COMMANDS, main

PAGE = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def examples() -> list[tuple[str, list[str]]]:
    found: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.S):
        for line in block.splitlines():
            if line.startswith("$ aiindex "):
                found.append((line[2:], []))
            else:
                found[-1][1].append(line)
    return found


def _matches(expected: str, got: str) -> bool:
    pattern = ".*".join(re.escape(part) for part in expected.split("..."))
    return re.fullmatch(pattern, got) is not None


@pytest.mark.parametrize(("command", "expected"), examples(), ids=[c for c, _ in examples()])
def test_the_cli_page_shows_what_the_commands_print(
    command: str, expected: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    main(shlex.split(command)[1:])
    out, err = capsys.readouterr()
    got = (out + err).rstrip("\n").splitlines()
    assert len(got) == len(expected), "\n".join(got)
    for want, line in zip(expected, got, strict=True):
        assert _matches(want, line), (want, line)


def test_the_cli_page_names_every_command() -> None:
    text = PAGE.read_text(encoding="utf-8")
    missing = [c for c in _COMMANDS if f"aiindex {c}" not in text]
    assert not missing, f"docs/cli.md does not mention: {missing}"
