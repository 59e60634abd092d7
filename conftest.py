"""Doctests in src/ and README.md see `aiindex` without importing it themselves."""

import pytest


@pytest.fixture(autouse=True)
def _doctest_namespace(doctest_namespace: dict[str, object]) -> None:
    import aiindex

    doctest_namespace["aiindex"] = aiindex
