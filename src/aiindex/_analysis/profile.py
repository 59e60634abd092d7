"""`profile`: where one entity stands on every indicator of an edition."""

from __future__ import annotations

from aiindex._model.records import Entity, Profile, ProfileRow
from aiindex._reference.entities import resolve
from aiindex._sources.packaged import catalogue, indicator_ids, load, model_tables
from aiindex.exceptions import EntityKindError, IncompleteRankingError, MissingValueError

__all__ = ["profile"]


def profile(entity: str | Entity, *, edition: int | None = None) -> Profile:
    """The entity's standing on every indicator of ``edition`` (None: the newest) with a value.

    Each row holds the latest year the entity has a value; rank and leader are None where the
    table cannot establish them.

    >>> p = aiindex.profile("South Korea", edition=2024)
    >>> row = p.row("ai_talent_concentration")
    >>> (row.rank, row.leader.entity.name, round(row.gap_magnitude, 2))
    (3, 'Israel', -0.34)
    """
    e = resolve(entity)
    if edition is None:
        edition = max(catalogue())
    rows = []
    # A country or group has no value in a table of models: those are not even read.
    skip = model_tables(edition) if e.kind in ("country", "group") else frozenset()
    for indicator_id in indicator_ids(edition):
        if indicator_id in skip:
            continue
        ind = load(indicator_id, edition)
        try:
            obs = ind.observation(e)
        except (MissingValueError, EntityKindError):
            continue
        try:
            rank: int | None = ind.rank(e, obs.year)
        except (IncompleteRankingError, EntityKindError):
            rank = None
        # An aggregate (World) has no leader to trail: it is not among the ranked entities.
        leader = ind.leader(obs.year) if e.kind == ind.entity_kind else None
        rows.append(ProfileRow(ind, obs, rank, leader))
    return Profile(e, edition, tuple(rows))
