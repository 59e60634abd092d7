"""Fuzzing the command line: any argv gives exit 0, 1 (check only) or 2, one line on stderr.

In-process through ``aiindex._cli.main`` for most examples; a few as real processes. The
sweep of tests/cli/test_cli_sweep.py draws from fixed hostile values; here hypothesis draws
any text as well.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aiindex._cli import _COMMANDS

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))
from test_cli_sweep import HOSTILE, broken_contract, run

OPTIONS = ["--json", "--lang", "ko", "--edition", "--year", "--on", "--currency", "--plot",
           "--cite", "--search", "--chapter", "--csv", "--vintage", "--force", "-h"]  # fmt: skip
words = st.one_of(
    st.sampled_from(HOSTILE),
    st.sampled_from(OPTIONS),
    st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=10),
    st.integers(-5, 3000).map(str),
)
argvs = st.tuples(
    st.sampled_from([*sorted(_COMMANDS), "--edition", "--json", "bogus"]),
    st.lists(words, max_size=6),
).map(lambda t: [t[0], *t[1]])
modes = st.sampled_from(["pipe", "pipe", "pipe", "closed", "full"])


@settings(max_examples=250)
@given(argvs, modes)
def test_any_argv_keeps_the_contract(
    tmp_path_factory: pytest.TempPathFactory, argv: list[str], stdout: str
) -> None:
    import os

    here = os.getcwd()
    os.chdir(tmp_path_factory.mktemp("cwd"))  # an export or a plot lands in a fresh folder
    try:
        status, out, err = run(argv, stdout)
    finally:
        os.chdir(here)
    assert broken_contract(argv, status, out, err, full=stdout == "full") is None, (
        argv,
        status,
        err,
    )


@settings(max_examples=6)
@given(argvs)
def test_any_argv_in_a_real_process(tmp_path_factory: Any, argv: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "aiindex", *argv],
        capture_output=True,
        timeout=120,
        cwd=tmp_path_factory.mktemp("cwd"),
        check=False,
    )
    out = done.stdout.decode("utf-8", "replace")
    err = done.stderr.decode("utf-8", "replace")
    assert broken_contract(argv, done.returncode, out, err) is None, (argv, done.returncode, err)
