"""Export the shipped data as a Frictionless data package: CSVs, ``datapackage.json``, README.

One CSV per indicator and edition, with the unit in words in the value column's header
(``value [billion US dollars]``) and as a ``unit`` property of that field (the pint
expression); the descriptor records field types, the primary key (entity, year), the edition's
citation and license, and where each value was read. Values are written exactly (shortest
decimal text of the stored value), with the printed text beside them, so the package reads back
to the same numbers.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import os
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from aiindex._model.indicator import Indicator

__all__ = ["MANIFEST", "export_datapackage", "value_header"]


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


#: The file, in an exported folder, that lists what the export wrote and each file's digest.
MANIFEST = ".aiindex-export.json"
# The only paths an export writes (what a manifest may list: never a path outside the folder).
_OURS = re.compile(r"(?:datapackage\.json|README\.md|data/[0-9]{4}/[a-z0-9_]+\.csv)")


def export_datapackage(
    directory: str | os.PathLike[str], *, edition: int | None = None, overwrite: bool = False
) -> Path:
    """Write the shipped indicators of ``edition`` (None: every edition) to ``directory``.

    Writes ``data/<edition>/<indicator>.csv``, ``datapackage.json``, ``README.md`` and
    ``.aiindex-export.json``, the manifest of what it wrote. Returns the path of
    ``datapackage.json``.

    The package is built in a temporary folder beside ``directory`` and moved into place: a
    new folder by one rename; into an existing folder file by file, every file it replaces
    kept aside until all are in place, and put back if anything fails, so an interrupted
    export leaves the folder as it was. It never writes through a symbolic link, and never
    replaces or deletes a file it did not write: an earlier export's manifest (with each
    file's digest) says which files are its own, and those it no longer writes are removed.
    A folder holding other files is refused unless ``overwrite=True`` (CLI: ``--force``), which
    lets it replace files of the names it writes and leaves every other file alone.

    >>> import json, tempfile
    >>> from aiindex._present.datapackage import export_datapackage
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     pkg = json.loads(export_datapackage(tmp, edition=2024).read_text())
    >>> [f for f in pkg["resources"] if f["name"] == "private_investment-2024"][0]["path"]
    'data/2024/private_investment.csv'
    """
    from aiindex._sources.packaged import catalogue
    from aiindex.exceptions import ArgumentError, UnknownEditionError, WriteRefusedError

    cat = catalogue()
    if edition is not None and (isinstance(edition, bool) or edition not in cat):
        raise UnknownEditionError(edition, tuple(cat))
    if not isinstance(overwrite, bool):
        raise ArgumentError(f"overwrite must be True or False, not {overwrite!r}")
    if not os.fspath(directory).strip():
        raise ArgumentError("directory is empty: name the folder to write the package to")
    root = Path(os.path.abspath(directory))
    if root.is_symlink():
        raise WriteRefusedError(
            f"{root} is a symbolic link: give the folder it points to, aiindex never writes "
            "through a link",
            path=str(root),
        )
    if root.exists() and not root.is_dir():
        raise WriteRefusedError(f"{root} exists and is not a folder", path=str(root))
    try:
        root.parent.mkdir(parents=True, exist_ok=True)
        stage = _fresh_folder(root, "new")
    except OSError as exc:  # name the folder asked for, not the one beside it
        raise OSError(exc.errno, exc.strerror, str(root)) from None
    try:
        digests = _write_package(stage, edition)
        if not root.exists():
            os.rename(stage, root)  # the whole package appears at once
        else:
            _Transaction(root, stage, digests, overwrite).run()
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return root / "datapackage.json"


def _fresh_folder(root: Path, what: str) -> Path:
    """A new, empty folder on ``root``'s file system, so that renames between them hold:
    beside ``root``, or inside it where ``root`` is a mount point (a disk's top folder)."""
    import secrets

    inside = root.is_dir() and not _same_device(root, root.parent)
    while True:
        name = f"{_STAGING}{what}-{secrets.token_hex(4)}"
        folder = root / name if inside else root.parent / f".{root.name}{name}"
        try:
            folder.mkdir()  # mode 0o777 less the umask, as a folder the user makes
        except FileExistsError:
            continue
        return folder


# What the name of a folder an export works in contains (and the export leaves none).
_STAGING = ".aiindex-"


def _same_device(a: Path, b: Path) -> bool:
    return os.stat(a).st_dev == os.stat(b).st_dev


def _write_package(stage: Path, edition: int | None) -> dict[str, str]:
    """Write the package into ``stage``; return each file's sha256 by relative path."""
    from aiindex._reference.editions import edition_info
    from aiindex._sources.packaged import catalogue, load

    cat = catalogue()
    editions = list(cat) if edition is None else [edition]
    digests: dict[str, str] = {}

    def put(rel: str, text: str) -> None:
        data = text.encode("utf-8")
        target = stage.joinpath(*rel.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        digests[rel] = hashlib.sha256(data).hexdigest()

    resources = []
    for e in editions:
        for ind_id in cat[e]:
            ind = load(ind_id, e)
            rel = f"data/{e}/{ind_id}.csv"
            out = io.StringIO()
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow([field["name"] for field in _fields(ind)])
            writer.writerows(_rows(ind))
            put(rel, out.getvalue())
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
    put("datapackage.json", json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n")
    put("README.md", _readme(descriptor, infos))
    manifest = {"format": 1, "written_by": f"aiindex {_version()}", "files": digests}
    (stage / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return digests


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 16):
            h.update(chunk)
    return h.hexdigest()


class _Transaction:
    """Moving a staged package into an existing folder, all of it or none.

    Every check is made before the first move; each move is recorded, and undone in reverse
    order if a later one fails. A file replaced or removed is kept aside (beside the folder)
    until the whole package is in place.
    """

    def __init__(self, root: Path, stage: Path, digests: dict[str, str], overwrite: bool) -> None:
        self.root = root
        self.stage = stage
        self.new = [*digests, MANIFEST]  # the manifest last: it says the rest is in place
        self.overwrite = overwrite
        self.done: list[tuple[str, str]] = []  # ("placed" | "kept" | "made", relative path)
        self.aside: Path | None = None

    def run(self) -> None:
        ours = self._ours()
        self._check(ours)
        old = [rel for rel in ours or () if rel not in self.new]
        try:
            for rel in self.new:
                self._place(rel)
            for rel in old:  # what an earlier export wrote that this one does not
                self._set_aside(rel)
        except BaseException:
            self._undo()
            raise
        self._remove_empty_folders(old)
        if self.aside is not None:
            shutil.rmtree(self.aside, ignore_errors=True)

    def _ours(self) -> dict[str, str] | None:
        """The files an earlier export wrote here and nobody changed since, with their digest;
        None where the folder has no manifest an export wrote."""
        manifest = self.root / MANIFEST
        if manifest.is_symlink() or not manifest.is_file():
            return None
        try:
            files = json.loads(manifest.read_text(encoding="utf-8"))["files"]
            listed = {
                rel: digest
                for rel, digest in files.items()
                if isinstance(rel, str) and isinstance(digest, str) and _OURS.fullmatch(rel)
            }
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # not a manifest aiindex wrote: nothing here is known to be ours
        out = {MANIFEST: ""}
        for rel, digest in listed.items():
            path = self.root / rel
            plain = self._no_link_on_the_way(rel) and path.is_file() and not path.is_symlink()
            if plain and _digest(path) == digest:
                out[rel] = digest
        return out

    def _no_link_on_the_way(self, rel: str) -> bool:
        node = self.root
        for part in rel.split("/")[:-1]:
            node = node / part
            if node.is_symlink() or not node.is_dir():
                return False
        return True

    def _check(self, ours: dict[str, str] | None) -> None:
        from aiindex.exceptions import WriteRefusedError

        for rel in self.new:  # first: a link on the way is refused, forced or not
            node = self.root
            for part in rel.split("/"):
                node = node / part
                if node.is_symlink():
                    raise WriteRefusedError(
                        f"{node} is a symbolic link: aiindex never writes through one",
                        path=str(node),
                    )
        with os.scandir(self.root) as entries:
            # The export's own working folders (inside a mount point) do not count.
            empty = not any(not e.name.startswith(_STAGING) for e in entries)
        if ours is None and not self.overwrite and not empty:
            raise WriteRefusedError(
                f"{self.root} is not empty and holds no earlier aiindex export: give an empty "
                "or new folder, or overwrite=True (--force) to write the package beside its "
                "files (files of the names the package has are then replaced, no other file "
                "is touched)",
                path=str(self.root),
            )
        for rel in self.new:
            node = self.root
            for part in rel.split("/")[:-1]:
                node = node / part
                if node.exists() and not node.is_dir():
                    raise WriteRefusedError(f"{node} is in the way: not a folder", path=str(node))
            target = self.root / rel
            if not target.exists():
                continue
            if not target.is_file():
                raise WriteRefusedError(
                    f"{target} is in the way: not a regular file", path=str(target)
                )
            if rel not in (ours or {}) and not self.overwrite:
                raise WriteRefusedError(
                    f"{target} was not written by an aiindex export, or was changed since: "
                    "pass overwrite=True (--force) to replace it",
                    path=str(target),
                )

    def _set_aside(self, rel: str) -> None:
        if self.aside is None:
            self.aside = _fresh_folder(self.root, "old")
        kept = self.aside.joinpath(*rel.split("/"))
        kept.parent.mkdir(parents=True, exist_ok=True)
        os.rename(self.root / rel, kept)
        self.done.append(("kept", rel))

    def _place(self, rel: str) -> None:
        folder = self.root
        for part in rel.split("/")[:-1]:
            folder = folder / part
            if not folder.exists():
                folder.mkdir()
                self.done.append(("made", folder.relative_to(self.root).as_posix()))
        if (self.root / rel).exists():
            self._set_aside(rel)
        os.rename(self.stage / rel, self.root / rel)
        self.done.append(("placed", rel))

    def _remove_empty_folders(self, removed: list[str]) -> None:
        folders = {Path(rel).parent.as_posix() for rel in removed} - {"."}
        for folder in sorted(folders, key=len, reverse=True):
            with contextlib.suppress(OSError):  # not empty: someone else's files are in it
                (self.root / folder).rmdir()

    def _undo(self) -> None:
        failed = []
        for what, rel in reversed(self.done):
            try:
                if what == "placed":
                    os.unlink(self.root / rel)
                elif what == "kept" and self.aside is not None:
                    os.rename(self.aside.joinpath(*rel.split("/")), self.root / rel)
                elif what == "made":
                    (self.root / rel).rmdir()
            except OSError:
                failed.append(rel)
        if self.aside is not None and not failed:
            shutil.rmtree(self.aside, ignore_errors=True)
        elif failed:
            import warnings

            warnings.warn(
                f"the export failed and {len(failed)} files could not be put back; the files it "
                f"had replaced are kept in {self.aside}",
                RuntimeWarning,
                stacklevel=4,
            )


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
        f"`{MANIFEST}` lists the files the export wrote, with their digests: a later export",
        "replaces exactly those, and leaves any other file alone.",
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
