"""Export the shipped data as a Frictionless data package: CSVs, ``datapackage.json``, README.

One CSV per indicator and edition, with the unit in words in the value column's header
(``value [billion US dollars]``) and as a ``unit`` property of that field (the pint
expression); the descriptor records field types, the primary key (entity, year), the edition's
citation and license, and where each value was read. Values are written exactly (shortest
decimal text of the stored value), with the printed text beside them, so the package reads back
to the same numbers.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from aiindex._model.indicator import Indicator

__all__ = ["export_datapackage", "value_header"]


def value_header(unit_label: str) -> str:
    """The value column's header: ``value [<unit in words>]``.

    >>> value_header("billion US dollars")
    'value [billion US dollars]'
    """
    return f"value [{unit_label}]"


def _fields(ind: Indicator) -> list[dict[str, Any]]:
    from aiindex._model.records import ENTITY_KINDS

    return [
        {
            "name": "entity",
            "type": "string",
            "description": "entity id (ISO 3166-1 alpha-3 for countries)",
        },
        {"name": "entity_name", "type": "string"},
        {
            "name": "entity_kind",
            "type": "string",
            "constraints": {"enum": list(ENTITY_KINDS)},
        },
        {"name": "year", "type": "integer", "description": "data year"},
        {
            "name": value_header(ind.unit_label),
            "type": "number",
            "unit": ind.unit,
            "description": f"value in {ind.unit_label}",
        },
        {"name": "printed", "type": "string", "description": "the value as the source printed it"},
        {
            "name": "printed_unit",
            "type": "string",
            "description": "the unit the printed value is in",
        },
        {"name": "period", "type": "string", "description": "the period a cumulative value covers"},
        {
            "name": "stated_rank",
            "type": "integer",
            "description": "a rank the source states in words",
        },
        {"name": "note", "type": "string"},
        {
            "name": "sources",
            "type": "string",
            "description": "where the value was read, separated by ' ; '",
        },
    ]


# The CSV columns after the value's: observation_fields names, written as text ("" for none).
_AFTER_VALUE = ("printed", "printed_unit", "period", "stated_rank", "note")


def _rows(ind: Indicator) -> list[list[str]]:
    from aiindex._present.numbers import number
    from aiindex._present.rows import observation_fields

    rows = []
    for obs in sorted(ind.observations, key=lambda o: (o.year, o.entity.id)):
        f = observation_fields(obs)
        rows.append(
            [
                f["entity"],
                f["entity_name"],
                f["entity_kind"],
                str(f["year"]),
                # Exact: the shortest decimal text of the stored float, with no separators.
                number(f["value"], grouped=False),
                *("" if f[k] is None else str(f[k]) for k in _AFTER_VALUE),
                " ; ".join(f["sources"]),
            ]
        )
    return rows


def _resource(ind: Indicator, path: str) -> dict[str, Any]:
    return {
        "name": f"{ind.id}-{ind.edition}",
        "path": path,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "title": ind.title,
        "description": (
            f"{ind.title} ({ind.unit_label}); AI Index {ind.edition}, {ind.source.section}"
        ),
        "sources": [{"title": str(ind.source)}],
        "coverage": [
            {"year": c.year, "kind": c.kind, "complete_down_to": c.complete_down_to, "note": c.note}
            for c in ind.coverage
        ],
        "notes": list(ind.notes),
        "schema": {
            "fields": _fields(ind),
            "primaryKey": ["entity", "year"],
            "missingValues": [""],
        },
    }


def export_datapackage(directory: str | Path, *, edition: int | None = None) -> Path:
    """Write the shipped indicators of ``edition`` (None: every edition) to ``directory``.

    Writes ``data/<edition>/<indicator>.csv``, ``datapackage.json`` and ``README.md`` (the
    directory is created; existing files of the same names are replaced). Returns the path of
    ``datapackage.json``.

    >>> import json, tempfile
    >>> from aiindex._present.datapackage import export_datapackage
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     pkg = json.loads(export_datapackage(tmp, edition=2024).read_text())
    >>> [f for f in pkg["resources"] if f["name"] == "private_investment-2024"][0]["path"]
    'data/2024/private_investment.csv'
    """
    from aiindex._reference.editions import edition_info
    from aiindex._sources.packaged import catalogue, load
    from aiindex.exceptions import UnknownEditionError

    cat = catalogue()
    if edition is not None and edition not in cat:
        raise UnknownEditionError(edition, tuple(cat))
    root = Path(directory)
    if root.exists() and not root.is_dir():
        raise NotADirectoryError(f"{root} exists and is not a directory")
    editions = list(cat) if edition is None else [edition]
    resources = []
    for e in editions:
        (root / "data" / str(e)).mkdir(parents=True, exist_ok=True)
        for ind_id in cat[e]:
            ind = load(ind_id, e)
            rel = f"data/{e}/{ind_id}.csv"
            with open(root / rel, "w", encoding="utf-8", newline="") as f:
                writer = csv.writer(f, lineterminator="\n")
                writer.writerow([field["name"] for field in _fields(ind)])
                writer.writerows(_rows(ind))
            resources.append(_resource(ind, rel))
    infos = [edition_info(e) for e in editions]
    licenses = {
        i.license: {
            "name": i.license.replace(" ", "-"),
            "path": i.license_url,
            "title": i.license_title,
        }
        for i in infos
    }
    descriptor = {
        "profile": "tabular-data-package",
        "name": "aiindex" if edition is None else f"aiindex-{edition}",
        "title": "Stanford HAI AI Index figures"
        + ("" if edition is None else f", {edition} edition"),
        "description": (
            "Figures of the Stanford HAI AI Index report as printed, with units and sources, "
            "exported by the aiindex Python package. Ranks, gaps and conversions are not "
            "stored: they are computed on request."
        ),
        "version": _version(),
        "licenses": list(licenses.values()),
        "sources": [{"title": i.reference, **({"path": i.url} if i.url else {})} for i in infos],
        "resources": resources,
    }
    out = root / "datapackage.json"
    out.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (root / "README.md").write_text(_readme(descriptor, infos), encoding="utf-8")
    return out


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("aiindex")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0.0.0"


def _readme(descriptor: dict[str, Any], infos: list[Any]) -> str:
    lines = [
        f"# {descriptor['title']}",
        "",
        str(descriptor["description"]),
        "",
        "Each CSV holds one indicator of one edition: one row per entity and data year. The value",
        "column's header carries its unit in words (`value [billion US dollars]`; the field's",
        "`unit` property in datapackage.json is the pint expression, `billion * USD`);",
        "`printed` and `printed_unit` keep the value exactly as the source printed it, and",
        "`sources` says where it was read. `datapackage.json` describes every field.",
        "",
        "## Editions, citation and license",
        "",
    ]
    for i in infos:
        lines += [
            f"- **{i.edition}** (published {i.published}): {i.reference}",
            f"  Data license: {i.license_title} ({i.license}), {i.license_url}. {i.url}".rstrip(),
        ]
    lines += [
        "",
        "The figures are the AI Index's, redistributed unchanged and attributed to their edition;",
        "do not present values derived from them as the report's own.",
        "",
        "## Resources",
        "",
        "| resource | unit | file |",
        "|---|---|---|",
    ]
    for r in descriptor["resources"]:
        unit = r["schema"]["fields"][4]["unit"]
        lines.append(f"| {r['name']} | `{unit}` | `{r['path']}` |")
    return "\n".join(lines) + "\n"
