"""The docs gallery: charts drawn by aiindex.plot at build time, labelled as the report prints."""

from __future__ import annotations

import docs_build
import pytest


def test_the_gallery_draws_every_chart_it_shows() -> None:
    pytest.importorskip("matplotlib")
    hooks = docs_build.hooks()
    page, images = hooks.gallery()
    assert sorted(images) == sorted(f"gallery/{name}" for name, _, _ in hooks.GALLERY)
    for path, data in images.items():
        assert f"]({path})" in page and data.startswith(b"<?xml")
    # The charts' labels are text (svg.fonttype none): the values as the report prints them.
    bars = images["gallery/private-investment-2026.svg"].decode("utf-8")
    assert "285.88" in bars and "285.875311074" not in bars
    assert "1.78, South Korea" in images["gallery/private-investment-compare.svg"].decode()
    # Drawn the same way twice: the site does not change when the data does not.
    assert hooks.gallery()[1] == images
