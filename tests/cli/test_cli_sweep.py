"""The command line's contract under attack: for any arguments, one line on stderr and exit 2
(1 only for check's contradictions), or a result and 0; never a traceback, never an escape
code reaching the terminal raw.

A seeded sweep of generated invocations runs in-process (every subcommand, hostile values,
with standard output closed or full and standard input undecodable or closed in a share of
them); every subcommand runs again as a real process with its standard output closed and
full, and the cases the issue reported run as real processes too.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import random
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from aiindex._cli import main

HOSTILE = [
    "", " ", "-", "--", "x", "\x1b[31mred\x1b[0m", "é", "한국", "1e400", "-1e400", "nan",
    "inf", "-0", "0", "1", "99999999999999999999", "2024", "0001-01-07", "2024/04/16",
    "2024-4-16", "today", "9999-12-31", "../..", "/dev/null", "KOR", "USA", "world", "WLD",
    "private_investment", "training_cost", "gpt-4", "4.2.8", "fig_4.2.8.csv", "99.99.99",
    "KRW", "won", "원", "EUR", "XXX", "$191.4 million", "1억9천140만 달러", "%s", "{}", "\x00",
    "\udce9",  # a byte of argv that is not UTF-8, as Python hands it over
    "/dev/full", "/dev/zero", ".", "notes.csv", "x.png", "\u202eevil", "1e28", "2025",
]  # fmt: skip
COMMANDS = {
    "list": [[], ["--search", "{v}"]],
    "show": [["{v}"], ["private_investment", "--year", "{v}"], ["{v}", "--cite", "{v}"],
             ["private_investment", "--currency", "{v}", "--on", "{v}"],
             ["private_investment", "--plot", "{v}"], ["training_cost", "--lang", "{v}"]],
    "rank": [["{v}", "{v}"], ["private_investment", "{v}", "--year", "{v}"]],
    "gap": [["{v}", "{v}", "{v}"], ["private_investment", "USA", "{v}"]],
    "ratio": [["{v}", "{v}", "{v}"], ["private_investment", "USA", "{v}"]],
    "compare": [["{v}", "--indicator", "{v}"], ["KOR", "{v}", "--indicator", "private_investment"],
                ["KOR", "--indicator", "private_investment", "--plot", "{v}"]],
    "growth": [["{v}", "{v}", "{v}", "{v}"], ["private_investment", "USA", "{v}", "2025"]],
    "composite": [["--weights", "{v}"], ["--countries", "{v}", "--missing", "impute"],
                  ["--uncertainty", "{v}", "--missing", "impute"], ["--year", "{v}"],
                  ["--plot", "{v}", "--missing", "skip"]],
    "profile": [["{v}"], ["{v}", "--edition", "{v}"]],
    "series": [["{v}", "{v}"], ["private_investment", "KOR", "--vintage", "{v}"]],
    "revisions": [["{v}", "{v}", "{v}"], ["private_investment", "KOR", "{v}"]],
    "convert": [["{v}", "{v}", "--on", "{v}"], ["{v}", "USD", "KRW", "--on", "2024"],
                ["1", "USD", "{v}", "--on", "{v}"]],
    "figures": [["--edition", "{v}"], ["--chapter", "{v}"], ["--search", "{v}"]],
    "figure": [["{v}"], ["{v}", "--csv"], ["{v}", "--edition", "{v}"]],
    "check": [["{v}"], ["-"], ["/dev/null", "--edition", "{v}"]],
    "import-public-data": [["{v}", "--edition", "{v}"], ["{v}", "--edition", "2025"]],
    "export": [["{v}", "--edition", "{v}"], ["{v}", "--force", "--edition", "2024"]],
    "bogus": [["{v}"]],
}  # fmt: skip
SWEEP = 1000


def test_the_sweep_covers_every_command() -> None:
    from aiindex._cli import _COMMANDS

    assert set(COMMANDS) - {"bogus"} == set(_COMMANDS)


STDOUT = ["pipe"] * 8 + ["closed", "full"]
STDIN = ["text"] * 4 + ["contradicted"] * 4 + ["undecodable", "closed"]


class FullStream(io.TextIOBase):
    """A standard output on a full disk: every write fails as /dev/full does."""

    def write(self, s: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    def flush(self) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    def fileno(self) -> int:
        raise io.UnsupportedOperation("fileno")


def invocations(n: int, seed: int = 12) -> list[tuple[list[str], str, str]]:
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
        out.append((argv, rng.choice(STDOUT), rng.choice(STDIN)))
    return out


def run(argv: list[str], stdout: str = "pipe", stdin: str = "text") -> tuple[int, str, str]:
    out: io.TextIOBase | None = {"pipe": io.StringIO(), "closed": None, "full": FullStream()}[
        stdout
    ]
    inp: io.TextIOBase | None = {
        "text": io.StringIO("미국은 AI 민간 투자 1위였다."),
        "contradicted": io.StringIO("한국의 AI 민간 투자는 13.9억 달러로 9위였다."),
        "undecodable": io.TextIOWrapper(io.BytesIO(b"caf\xe9"), encoding="utf-8"),
        "closed": None,
    }[stdin]
    err = io.StringIO()
    saved = sys.stdout, sys.stdin
    sys.stdout, sys.stdin = out, inp  # type: ignore[assignment]
    try:
        with contextlib.redirect_stderr(err):
            try:
                status = main(argv)
            except SystemExit as exc:  # argparse: --help exits 0, a usage error 2
                status = exc.code if isinstance(exc.code, int) else 2
    finally:
        sys.stdout, sys.stdin = saved
    text = out.getvalue() if isinstance(out, io.StringIO) else ""
    return status, text, err.getvalue()


def broken_contract(
    argv: list[str], status: int, out: str, err: str, *, full: bool = False
) -> str | None:
    """What is wrong with one invocation's outcome, or None."""
    if status not in (0, 1, 2) or (status == 1 and argv[0] != "check"):
        return f"exit {status}"
    if status == 2 and err.count("\n") != 1 and not err.startswith("usage:"):
        return f"stderr of {err.count(chr(10))} lines: {err!r}"
    if full and status == 0 and "-h" not in argv and "--help" not in argv:
        return "a full standard output was not reported"
    if "\x1b" in err or "\x1b" in out:
        return "an escape code reached the terminal"
    if "Traceback" in err or "Traceback" in out:
        return "a traceback"
    return None


def test_a_sweep_of_hostile_invocations_keeps_the_contract(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # whatever an export or a plot would write lands here
    broken = []
    counts = {"pipe": 0, "closed": 0, "full": 0, "undecodable": 0, "text": 0, "contradicted": 0}
    statuses = {0: 0, 1: 0, 2: 0}
    cases = invocations(SWEEP)
    assert len(cases) >= 1000 and {c[0][0] for c in cases} == set(COMMANDS)
    for argv, stdout, stdin in cases:
        counts[stdout] += 1
        counts[stdin] += argv[:2] == ["check", "-"]
        try:
            status, out, err = run(argv, stdout, stdin)
        except BaseException as exc:  # the contract: nothing escapes main()
            broken.append((argv, stdout, stdin, f"raised {type(exc).__name__}: {exc}"))
            continue
        wrong = broken_contract(argv, status, out, err, full=stdout == "full")
        if wrong:
            broken.append((argv, stdout, stdin, wrong))
        else:
            statuses[status] += 1
    assert not broken, broken[:10]
    assert counts["closed"] > 50 and counts["full"] > 50 and counts["undecodable"] > 0
    assert statuses[1] > 0 and statuses[0] > 100  # contradictions and results among them


def test_undecodable_standard_input_is_one_line() -> None:
    status, _, err = run(["check", "-"], stdin="undecodable")
    assert status == 2 and err == (
        "aiindex: standard input is not UTF-8 text (byte 4 cannot be read); save the article "
        "as UTF-8\n"
    )


@pytest.mark.parametrize("path", ["/dev/full", "/dev/zero"])
def test_an_endless_file_to_check_ends_with_one_line(path: str) -> None:
    if not os.path.exists(path):
        pytest.skip(f"no {path} here")
    status, _, err = run(["check", path])
    assert status == 2 and err == f"aiindex: '{path}': larger than the 2 MiB aiindex reads\n"


def test_an_unreadable_amount_is_one_line() -> None:
    status, out, err = run(["convert", "xyz", "KRW", "--on", "2024"])
    assert (status, out) == (2, "") and err.count("\n") == 1 and "'xyz'" in err


@pytest.mark.parametrize(
    "argv",
    [["export", ""], ["export", " "], ["import-public-data", "", "--edition", "2025"]],
)
def test_an_empty_path_never_means_the_current_folder(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    status, out, err = run(argv)
    assert (status, out) == (2, "") and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_export_refuses_a_foreign_folder_without_force(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    status, _, err = run(["export", str(tmp_path), "--edition", "2024"])
    assert status == 2 and "--force" in err and err.count("\n") == 1
    status, out, _ = run(["export", str(tmp_path), "--edition", "2024", "--force"])
    assert status == 0 and "Data package written" in out
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_escape_codes_in_a_result_are_made_visible(tmp_path: Path) -> None:
    release = tmp_path / "release"
    release.mkdir()
    (release / "fig_\x1b[2J.csv").write_text("a,b\n1,2\n")
    status, out, _ = run(["import-public-data", str(release), "--edition", "2025"])
    assert status == 0 and "fig_\\x1b[2J.csv" in out and "\x1b" not in out


# -- real processes -------------------------------------------------------------------------


def cli(args: list[str], **kw: object) -> subprocess.CompletedProcess[bytes]:
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **kw}
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "aiindex", *args], timeout=120, **streams
    )


def every_command(tmp: Path) -> dict[str, list[str]]:
    """One working invocation of each subcommand, each printing something."""
    release = tmp / "release"
    release.mkdir(exist_ok=True)
    (release / "notes.csv").write_text("a,b\n1,2\n")
    article = tmp / "article.txt"
    article.write_text("미국은 AI 민간 투자 1위였다.", encoding="utf-8")
    return {
        "list": ["list"],
        "show": ["show", "private_investment"],
        "rank": ["rank", "private_investment", "KOR"],
        "gap": ["gap", "private_investment", "USA", "KOR"],
        "ratio": ["ratio", "private_investment", "USA", "KOR"],
        "compare": ["compare", "KOR", "JPN", "--indicator", "private_investment"],
        "growth": ["growth", "private_investment", "USA", "2013", "2025"],
        "composite": ["composite", "--missing", "impute", "--countries", "KOR,JPN,USA,CHN,DEU"],
        "profile": ["profile", "KOR"],
        "export": ["export", str(tmp / "pkg"), "--edition", "2024"],
        "import-public-data": ["import-public-data", str(release), "--edition", "2025"],
        "check": ["check", str(article)],
        "revisions": ["revisions", "private_investment", "KOR", "2023"],
        "series": ["series", "private_investment", "KOR"],
        "convert": ["convert", "1", "USD", "KRW", "--on", "2024"],
        "figures": ["figures"],
        "figure": ["figure", "4.2.8", "--csv"],
    }


def test_every_command_in_a_real_process_with_stdout_closed_or_full(tmp_path: Path) -> None:
    from aiindex._cli import _COMMANDS

    commands = every_command(tmp_path)
    assert set(commands) == set(_COMMANDS)

    def closed(args: list[str]) -> subprocess.CompletedProcess[bytes]:
        line = " ".join(map(repr, [sys.executable, "-m", "aiindex", *args]))
        return subprocess.run(  # the shell closes the descriptor: `aiindex list >&-`
            f"{line} >&-", shell=True, capture_output=True, timeout=120, check=False
        )

    def full(args: list[str]) -> subprocess.CompletedProcess[bytes]:
        with open("/dev/full", "wb") as sink:
            return cli(args, stdout=sink)

    runs = [(name, "closed", closed) for name in commands]
    if os.path.exists("/dev/full"):
        runs += [(name, "full", full) for name in commands]
    with ThreadPoolExecutor(2) as pool:
        done = list(pool.map(lambda r: (r[0], r[1], r[2](commands[r[0]])), runs))
    broken = [
        (name, how, p.returncode, p.stderr)
        for name, how, p in done
        if p.returncode != 2 or p.stderr.count(b"\n") != 1 or b"Traceback" in p.stderr
    ]
    assert not broken, broken


@pytest.mark.parametrize(
    "args",
    [
        ["convert", "1e400", "USD", "KRW", "--on", "2024"],
        ["convert", "1e400", "USD", "EUR", "--on", "2024"],
        ["convert", "1", "USD", "KRW", "--on", "0001-01-07"],
        ["convert", "xyz", "KRW", "--on", "2024"],
        ["show", "private_investment", "--plot", "x.xyz"],
        ["show", "private_investment", "--plot", ""],
        ["show", "private_investment", "--currency", "KRW", "--on", "today"],
        ["check", "/dev/zero"],
    ],
)
def test_hostile_arguments_in_a_real_process(args: list[str]) -> None:
    done = cli(args)
    assert done.returncode == 2 and done.stderr.count(b"\n") == 1, done.stderr


def test_undecodable_stdin_under_strict_io_encoding_in_a_real_process() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}
    done = cli(["check", "-"], input=b"caf\xe9", env=env, stdin=None)
    assert done.returncode == 2 and b"not UTF-8 text" in done.stderr
    assert done.stderr.count(b"\n") == 1


def test_csv_bytes_to_a_text_only_stdout_is_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by the sweep: an embedding program's StringIO has no .buffer for the file's bytes.
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert main(["figure", "4.2.8", "--csv"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--csv writes the file's own bytes" in err
