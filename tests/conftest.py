"""Hypothesis profiles, and the one way tests reach the seed article.

Hypothesis: "ci" (derandomized, no example database, ~100 examples: the same examples every
run, so a CI failure is repeatable) when $CI is set or ``--hypothesis-profile=ci`` is given, as
``.ci/run`` does; "dev" otherwise. The fuzz suite (``tests/fuzz/``) sets its own example counts,
small enough that the suite stays quick.

The seed article (the Yonhap news text on the AI Index 2024) is not redistributed, so it is not in
the repository: tests read it from ``../shared/seed/`` beside the checkout when that folder is
there. A test gets it through the ``seed_article`` fixture, which marks the test ``seed``; every
``seed`` test skips without the article, and fails instead when $AIINDEX_REQUIRE_SEED is set (CI
sets it where the article exists, so a broken lookup cannot pass as a skip).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=100,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "dev",
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

SEED_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "seed"
SEED_ARTICLE = SEED_DIR / "000_f5eb8cb4c92484e9.txt"
SEED_ABSENT = (
    "the seed article (news text, not redistributed) is read from ../shared/seed/ when present"
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Derived from the fixture, so `-m seed` cannot miss a test that reads the article.
    for item in items:
        if "seed_article" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.seed)


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("seed") is None or SEED_ARTICLE.is_file():
        return
    if os.environ.get("AIINDEX_REQUIRE_SEED"):
        pytest.fail(f"AIINDEX_REQUIRE_SEED is set but {SEED_ARTICLE} is not a file")
    pytest.skip(SEED_ABSENT)


@pytest.fixture(scope="session")
def seed_article() -> Path:
    """The seed article's path; tests using it are marked ``seed`` and skip without it."""
    return SEED_ARTICLE
