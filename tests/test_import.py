"""``import aiindex`` is cheap and offline: checked in fresh interpreters."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

HEAVY = ("pint", "numpy", "pandas", "cattrs", "attrs", "pycountry", "currency_converter")


def run(script: str) -> dict[str, object]:
    proc = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def test_import_is_lazy_and_ranking_needs_no_pint() -> None:
    result = run(
        f"""
        import json, sys
        heavy = {HEAVY!r}
        import aiindex
        at_import = [m for m in heavy if m in sys.modules]
        ranking = aiindex.indicator("private_investment", edition=2024).ranking()
        ranks = [r.rank for r in ranking]
        after_ranking = [m for m in heavy if m in sys.modules]
        value = aiindex.indicator("private_investment", edition=2024).value("KOR").magnitude
        after_value = "pint" in sys.modules
        print(json.dumps(dict(at_import=at_import, after_ranking=after_ranking, ranks=ranks,
                              value=value, after_value=after_value)))
        """
    )
    assert result["at_import"] == []
    # A packaged table is read from its compiled form and ranked in Python: of the heavy
    # modules only attrs (its records) is loaded, not cattrs, pint, numpy, pandas or pycountry.
    assert result["after_ranking"] == ["attrs"]
    assert result["ranks"][:2] == [1, 2]  # type: ignore[index]
    assert result["value"] == 1.39
    assert result["after_value"] is True  # the check above can see pint when it is loaded


def test_works_without_network() -> None:
    result = run(
        """
        import json, socket

        class NoNetwork(socket.socket):
            def __init__(self, *args, **kwargs):
                raise OSError("network disabled in this test")

        socket.socket = NoNetwork
        socket.create_connection = NoNetwork
        try:
            socket.socket()
        except OSError:
            blocked = True
        else:
            blocked = False

        import aiindex
        p = aiindex.profile("KOR", edition=2024)
        pat = aiindex.indicator("ai_patents_per_capita", edition=2024).value("KOR")
        per_million = pat.to("1 / (million * person)").magnitude
        print(json.dumps(dict(blocked=blocked, rank=p.row("ai_patents_per_capita").rank,
                              per_million=per_million, text=str(p))))
        """
    )
    assert result["blocked"] is True
    assert result["rank"] == 1
    assert abs(result["per_million"] - 102.6) < 1e-9  # type: ignore[operator]
    assert "South Korea" in result["text"]  # type: ignore[operator]


def test_dir_and_unknown_attribute() -> None:
    result = run(
        """
        import json, aiindex
        try:
            aiindex.no_such_name
        except AttributeError as e:
            err = str(e)
        print(json.dumps(dict(names=dir(aiindex), err=err)))
        """
    )
    names = result["names"]
    assert "indicator" in names and "read_csv" in names and "ureg" in names  # type: ignore[operator]
    assert "no_such_name" in result["err"]  # type: ignore[operator]
