"""The packaged data files, read through the package's loader (never ``__file__``).

Errors name the file: a broken file fails with `DataError` and its package path.

A file is read with the ``get_data`` of the loader that imported aiindex, the protocol that
``importlib.resources`` and ``pkgutil.get_data`` build on, which reads from a folder or a zip
archive alike; ``importlib.resources`` itself is used where a loader has no ``get_data``, and
to list folders (at build time). Importing ``importlib.resources`` costs a cold process about
as much as starting the interpreter (it brings pathlib, tempfile and zipfile), and reading
one table must not.

At run time aiindex reads only ``data/compiled/``, JSON that ``scripts/compile_data.py`` wrote
from the source files after validating them; the source files (TOML and JSON) are read by the
build, by the claim checker, and by tests.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiindex._once import once
from aiindex.exceptions import DataError

if TYPE_CHECKING:
    from collections.abc import Callable
    from importlib.resources.abc import Traversable

__all__ = [
    "COMPILED_FORMAT",
    "catalogue",
    "data_dir",
    "read_bytes",
    "read_compiled",
    "read_json",
    "read_toml",
]

#: The version of the compiled form this aiindex reads; `aiindex._sources.compile` writes it.
COMPILED_FORMAT = 1


@once
def data_dir() -> Traversable:
    from importlib.resources import files

    return files("aiindex").joinpath("data")


@once
def _loader() -> tuple[Callable[[str], bytes], str] | None:
    """The package loader's ``get_data`` and the data folder's path in its terms, if it has one."""
    import os

    # This module's own loader: the one that imported aiindex/_io/files.py imported the
    # whole package, and reads aiindex/data/ beside it.
    spec = __spec__
    get_data = getattr(spec.loader, "get_data", None) if spec is not None else None
    if get_data is None or spec is None or not spec.origin or not spec.has_location:
        return None
    package = os.path.dirname(os.path.dirname(spec.origin))
    return get_data, os.path.join(package, "data")


def _read(relative: str) -> tuple[str, str]:
    return f"aiindex/data/{relative}", read_bytes(relative).decode("utf-8")


def read_bytes(relative: str, *, limit: int | None = None) -> bytes:
    """The bytes of one packaged data file; a `DataError` if there are more than ``limit``.

    Through the loader's ``get_data`` where it has one: ``importlib.resources`` (and the
    pathlib and tempfile it brings) would cost a cold ``aiindex figure`` a sixth of its time.
    """
    found = _loader()
    if found is not None:
        import os

        get_data, folder = found
        path = os.path.join(folder, *relative.split("/"))
        if limit is not None:
            try:
                size = os.stat(path).st_size
            except OSError:
                size = None  # not a plain file (a zip archive's member): get_data reads it
            if size is not None and size > limit:
                raise DataError(
                    f"larger than {limit} bytes: not read", path=f"aiindex/data/{relative}"
                )
        data: bytes = get_data(path)
    else:
        node = data_dir()
        for part in relative.split("/"):
            node = node.joinpath(part)
        with node.open("rb") as f:
            data = f.read() if limit is None else f.read(limit + 1)
    if limit is not None and len(data) > limit:
        raise DataError(f"larger than {limit} bytes: not read", path=f"aiindex/data/{relative}")
    return data


def read_toml(relative: str) -> tuple[str, dict[str, Any]]:
    """Parse one packaged TOML file (the hand-written ones); return its path and contents."""
    import tomllib

    label, text = _read(relative)
    try:
        return label, tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"not valid TOML: {exc}", path=label) from None


def read_json(relative: str) -> tuple[str, dict[str, Any]]:
    """Parse one JSON data file; return its path and contents.

    Data files are JSON because the C parser reads them about fifteen times faster than
    tomllib reads TOML, and a profile reads every table of an edition.
    """
    import json

    try:
        label, text = _read(relative)
    except OSError as exc:
        raise DataError(f"cannot read the file: {exc}", path=f"aiindex/data/{relative}") from None
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise DataError(f"not valid JSON: {exc}", path=label) from None
    if not isinstance(data, dict):
        raise DataError("expected a JSON object at the top level", path=label)
    return label, data


def read_compiled(relative: str) -> tuple[str, dict[str, Any]]:
    """One file of ``data/compiled/``, checked to be of the form this aiindex reads.

    Its contents were validated when it was compiled, so nothing else is checked here.
    """
    label, data = read_json(f"compiled/{relative}")
    if data.get("format") != COMPILED_FORMAT:
        raise DataError(
            f"compiled data of format {data.get('format')!r}; this aiindex reads format "
            f"{COMPILED_FORMAT}. Rebuild it with scripts/compile_data.py",
            path=label,
        )
    return label, data


@once
def catalogue() -> dict[int, tuple[str, ...]]:
    """Indicator ids by shipped edition, oldest first, from the compiled index."""
    path, index = read_compiled("registry/catalogue.json")
    try:
        return {int(e): tuple(ids) for e, ids in index["catalogue"].items()}
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataError(f"damaged compiled index ({exc!r})", path=path) from None


@once
def model_tables() -> dict[int, frozenset[str]]:
    """The ids of each edition's indicators whose entities are models, from the compiled index.

    A country's profile skips them without reading them: a hundred leaderboards name no country.
    """
    path, index = read_compiled("registry/catalogue.json")
    try:
        return {int(e): frozenset(ids) for e, ids in index["model_tables"].items()}
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataError(f"damaged compiled index ({exc!r})", path=path) from None
