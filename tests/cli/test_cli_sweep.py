"""The command line's contract under attack: for any arguments, one line on stderr and exit 2
(1 only for check's contradictions), or a result and 0; never a traceback.

A seeded sweep of generated invocations runs in-process (every subcommand, hostile values);
a sample runs as subprocesses where the process itself is attacked (closed or full stdout,
undecodable stdin).
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from aiindex._cli import main

HOSTILE = [
    "", " ", "-", "--", "x", "\x1b[31mred\x1b[0m", "é", "한국", "1e400", "-1e400", "nan",
    "inf", "-0", "0", "1", "99999999999999999999", "2024", "0001-01-07", "2024/04/16",
    "2024-4-16", "today", "9999-12-31", "../..", "/dev/null", "KOR", "USA", "world", "WLD",
    "private_investment", "training_cost", "gpt-4", "4.2.8", "fig_4.2.8.csv", "99.99.99",
    "KRW", "won", "원", "EUR", "XXX", "$191.4 million", "1억9천140만 달러", "%s", "{}", "\x00",
]  # fmt: skip
COMMANDS = {
    "list": [[], ["--search", "{v}"]],
    "show": [["{v}"], ["private_investment", "--year", "{v}"], ["{v}", "--cite", "{v}"],
             ["private_investment", "--currency", "{v}", "--on", "{v}"],
             ["private_investment", "--plot", "{v}"], ["training_cost", "--lang", "{v}"]],
    "rank": [["{v}", "{v}"], ["private_investment", "{v}", "--year", "{v}"]],
    "gap": [["{v}", "{v}", "{v}"], ["private_investment", "USA", "{v}"]],
    "profile": [["{v}"], ["{v}", "--edition", "{v}"]],
    "series": [["{v}", "{v}"], ["private_investment", "KOR", "--vintage", "{v}"]],
    "revisions": [["{v}", "{v}", "{v}"], ["private_investment", "KOR", "{v}"]],
    "convert": [["{v}", "{v}", "--on", "{v}"], ["{v}", "USD", "KRW", "--on", "2024"],
                ["1", "USD", "{v}", "--on", "{v}"]],
    "figures": [["--edition", "{v}"], ["--chapter", "{v}"], ["--search", "{v}"]],
    "figure": [["{v}"], ["{v}", "--csv"], ["{v}", "--edition", "{v}"]],
    "check": [["{v}"], ["/dev/null", "--edition", "{v}"]],
    "import-public-data": [["{v}", "--edition", "{v}"]],
    "export": [["{v}", "--edition", "{v}"]],
    "bogus": [["{v}"]],
}  # fmt: skip
SWEEP = 1000


def invocations(n: int, seed: int = 12) -> list[list[str]]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        command = rng.choice(sorted(COMMANDS))
        shape = rng.choice(COMMANDS[command])
        argv = [command, *(a.format(v=rng.choice(HOSTILE)) for a in shape)]
        if rng.random() < 0.2:
            argv.append(rng.choice(["--json", "--lang", "--edition", "--bogus", "-h"]))
        if rng.random() < 0.1:
            argv.append(rng.choice(HOSTILE))
        out.append(argv)
    return out


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(argv)
        except SystemExit as exc:  # argparse: --help exits 0, a usage error 2
            status = exc.code if isinstance(exc.code, int) else 2
    return status, out.getvalue(), err.getvalue()


def test_a_sweep_of_hostile_invocations_keeps_the_contract(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # whatever an export or a plot would write lands here
    monkeypatch.setattr(sys, "stdin", io.StringIO("미국은 AI 민간 투자 1위였다."))
    broken = []
    for argv in invocations(SWEEP):
        try:
            status, out, err = run(argv)
        except BaseException as exc:  # the contract: nothing escapes main()
            broken.append((argv, f"raised {type(exc).__name__}: {exc}"))
            continue
        if status not in (0, 1, 2) or (status == 1 and argv[0] != "check"):
            broken.append((argv, f"exit {status}"))
        elif status == 2 and err.count("\n") != 1 and not err.startswith("usage:"):
            broken.append((argv, f"stderr of {err.count(chr(10))} lines: {err!r}"))
        elif "\x1b" in err:
            broken.append((argv, "an escape code reached the terminal"))
        elif "Traceback" in err or "Traceback" in out:
            broken.append((argv, "a traceback"))
    assert not broken, broken[:10]


def cli(args: list[str], **kw: object) -> subprocess.CompletedProcess[bytes]:
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **kw}
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "aiindex", *args], timeout=60, **streams
    )


def test_a_closed_stdout_exits_quietly_with_status_2() -> None:
    done = subprocess.run(
        f"{sys.executable} -m aiindex list >&-", shell=True, capture_output=True, timeout=60
    )
    assert done.returncode == 2 and b"Traceback" not in done.stderr
    assert done.stderr.count(b"\n") == 1


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_a_full_stdout_exits_with_status_2_and_one_line() -> None:
    with open("/dev/full", "wb") as full:
        done = cli(["list"], stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 2 and b"No space left" in done.stderr
    assert done.stderr.count(b"\n") == 1


@pytest.mark.parametrize(
    "args",
    [
        ["convert", "1e400", "USD", "KRW", "--on", "2024"],
        ["convert", "1", "USD", "KRW", "--on", "0001-01-07"],
        ["show", "private_investment", "--plot", "x.xyz"],
        ["show", "private_investment", "--currency", "KRW", "--on", "today"],
    ],
)
def test_hostile_arguments_in_a_real_process(args: list[str]) -> None:
    done = cli(args)
    assert done.returncode == 2 and done.stderr.count(b"\n") == 1, done.stderr
