"""Reading what a user points aiindex at, bounded: every input is hostile until read.

- Regular files only: a FIFO would block forever, ``/dev/zero`` or ``/dev/full`` never end.
  A file is opened without blocking (a FIFO opens at once) and refused by its ``fstat``.
- Within a folder, a symbolic link is followed only to a regular file inside the folder: a
  link named ``fig_4.3.8.csv`` that points at ``/etc/passwd`` is refused unread.
- A size limit, checked against the size a file or zip member declares before anything is
  read, and against the bytes actually read while streaming: nothing is read whole first.
- Zip members: stored or deflated only (what ``zipfile`` reads without optional modules; any
  other method, and encryption, is refused by name), never a symbolic link; the number of
  members is read from the archive's end record before ``zipfile`` builds one record each.
- Messages name the file (terminal escape codes in a name made visible) and never quote what
  a refused file holds.
"""

from __future__ import annotations

import errno
import io
import os
import re
import stat
from typing import TYPE_CHECKING

from aiindex.exceptions import DataError, MissingFileError

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, BinaryIO, TextIO

__all__ = [
    "MAX_DEPTH",
    "MAX_MEMBERS",
    "Members",
    "open_members",
    "open_regular",
    "open_text",
    "read_limited",
    "regular_files",
    "size_text",
    "terminal_safe",
    "visible",
]

#: The most files a folder or zip may hold (a release has about 700): each costs a record.
MAX_MEMBERS = 20_000
#: The deepest a folder may nest (a release nests two deep: chapter, file).
MAX_DEPTH = 32
_CHUNK = 1 << 16


def visible(text: str) -> str:
    r"""``text`` with control characters (terminal escape codes) written as escapes.

    >>> visible("fig\x1b[31m.csv"), visible("한국 ok")
    ('fig\\x1b[31m.csv', '한국 ok')
    """
    if text.isprintable():
        return text
    return "".join(
        ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
        for ch in text
    )


_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal_safe(text: str) -> str:
    r"""Output for a terminal: control characters but newline and tab written as escapes.

    >>> terminal_safe("a\tb\n\x1b[2Jc\r")
    'a\tb\n\\x1b[2Jc\\r'
    """
    if not _CONTROLS.search(text):
        return text
    return _CONTROLS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def size_text(n: int) -> str:
    """A byte count as people read it: ``size_text(5 * 2**20)`` is ``'5 MiB'``.

    >>> size_text(5 * 2**20), size_text(1536), size_text(12)
    ('5 MiB', '1.5 KiB', '12 bytes')
    """
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= size:
            return f"{n / size:.4g} {unit}"
    return f"{n} bytes"


def _kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISLNK, "a symbolic link"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def open_regular(
    path: str | os.PathLike[str], *, label: str, limit: int | None = None, extra_flags: int = 0
) -> BinaryIO:
    """``path`` opened for reading in binary, if it is a regular file (of at most ``limit``).

    Raises `MissingFileError` for a file that does not exist and `DataError` for anything
    else that cannot or must not be read.
    """
    # O_NONBLOCK: opening a FIFO would otherwise wait for a writer; fstat then refuses it.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags | extra_flags | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise MissingFileError("no such file", path=label) from None
    except ValueError:  # a NUL byte in the name
        raise DataError("not a file name (it holds a NUL byte)", path=repr(label)) from None
    except OSError as exc:
        if extra_flags and exc.errno == errno.ELOOP:
            raise DataError(
                "became a symbolic link while being read: not read", path=label
            ) from None
        raise DataError(f"cannot read: {exc.strerror or exc}", path=label) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise DataError(f"{_kind(info.st_mode)}, not a regular file: not read", path=label)
        if limit is not None and info.st_size > limit:
            raise DataError(
                f"{size_text(info.st_size)}, larger than the {size_text(limit)} aiindex reads",
                path=label,
            )
        if flags & getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_limited(f: BinaryIO, limit: int, *, label: str) -> bytes:
    """All of ``f``, refused once more than ``limit`` bytes have come (a file may grow)."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = f.read(min(_CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > limit:
            raise DataError(f"larger than the {size_text(limit)} aiindex reads", path=label)
        chunks.append(chunk)


def open_text(
    path: str | os.PathLike[str], *, label: str, limit: int, encoding: str = "utf-8-sig"
) -> TextIO:
    """A regular file of at most ``limit`` bytes, opened as text (``newline=""``, for csv).

    The limit holds while reading as well: a file that grows past it raises `DataError`.
    """
    import io

    raw = open_regular(path, label=label, limit=limit)
    limited = io.BufferedReader(_Limited(raw, limit, label))
    return io.TextIOWrapper(limited, encoding=encoding, newline="")


class _Limited(io.RawIOBase):
    """A binary file that refuses to give more than ``limit`` bytes."""

    def __init__(self, raw: BinaryIO, limit: int, label: str) -> None:
        self._raw = raw
        self._left = limit
        self._limit = limit
        self._label = label

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        # One byte more than is left: getting it means the file is over the limit.
        n = self._raw.readinto(view[: self._left + 1])  # type: ignore[attr-defined]
        if n is None:
            return 0
        if n > self._left:
            raise DataError(
                f"larger than the {size_text(self._limit)} aiindex reads", path=self._label
            )
        self._left -= n
        return int(n)

    def close(self) -> None:
        self._raw.close()
        super().close()


def open_members(
    path: str | os.PathLike[str], accept: Callable[[str], bool], *, member: int, total: int
) -> Members:
    """The files of a folder (any nesting) or a zip that ``accept`` takes, to read bounded.

    ``member`` is the most bytes one file may hold, ``total`` the most all reads may bring.
    """
    label = visible(os.fspath(path))
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise MissingFileError("no such file or folder", path=label) from None
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror or exc}", path=label) from None
    if stat.S_ISDIR(info.st_mode):
        return FolderMembers(os.fspath(path), accept, member=member, total=total)
    if stat.S_ISREG(info.st_mode):
        return ZipMembers(os.fspath(path), accept, member=member, total=total)
    raise DataError(f"{_kind(info.st_mode)}, not a folder or a .zip file: not read", path=label)


class Members:
    """Files of a folder or a zip, each read whole but bounded, one at a time.

    ``members`` are the relative posix paths, sorted; `read` gives one file's bytes. A file
    over the per-file limit, or a read that would take all reads over the total, is refused,
    by the size it declares before reading and by the bytes that come while reading.
    """

    members: tuple[str, ...]

    def __init__(self, label: str, *, member: int, total: int) -> None:
        self.label = label
        self.limit = member
        self.total = total
        self.spent = 0

    def __enter__(self) -> Members:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release what the reader holds open."""

    def read(self, name: str) -> bytes:
        raise NotImplementedError

    def where(self, name: str) -> str:
        return f"{self.label}: {visible(name)}"

    def _declared(self, name: str, size: int) -> None:
        if size > self.limit:
            raise DataError(
                f"declares {size_text(size)}, more than the {size_text(self.limit)} aiindex "
                "reads of a file",
                path=self.where(name),
            )
        self._spend(name, size, declared=True)

    def _spend(self, name: str, size: int, *, declared: bool = False) -> None:
        if self.spent + size > self.total:
            would = " would" if declared else ""
            raise DataError(
                f"the files read{would} exceed the {size_text(self.total)} aiindex reads in all",
                path=self.where(name),
            )
        if not declared:
            self.spent += size

    def _stream(self, name: str, f: BinaryIO) -> bytes:
        chunks = []
        got = 0
        while chunk := f.read(_CHUNK):
            got += len(chunk)
            if got > self.limit:
                raise DataError(
                    f"holds more than the {size_text(self.limit)} aiindex reads of a file",
                    path=self.where(name),
                )
            self._spend(name, len(chunk))
            chunks.append(chunk)
        return b"".join(chunks)


class FolderMembers(Members):
    """The regular files of a folder: see `regular_files` for what is refused."""

    def __init__(
        self, root: str, accept: Callable[[str], bool], *, member: int, total: int
    ) -> None:
        super().__init__(visible(root), member=member, total=total)
        self._paths = dict(regular_files(root, accept))
        self.members = tuple(sorted(self._paths))

    def read(self, name: str) -> bytes:
        full, followed = self._paths[name]
        where = self.where(name)
        # A file that was no link when listed must not be one now (O_NOFOLLOW).
        nofollow = 0 if followed else getattr(os, "O_NOFOLLOW", 0)
        with open_regular(full, label=where, limit=self.limit, extra_flags=nofollow) as f:
            self._declared(name, os.fstat(f.fileno()).st_size)
            return self._stream(name, f)


def regular_files(root: str, accept: Callable[[str], bool]) -> list[tuple[str, tuple[str, bool]]]:
    """The files under folder ``root`` whose relative path ``accept`` takes, sorted.

    Each as (relative posix path, (the path to open, whether it is a link's target)). Refuses,
    naming it, an accepted entry that is not a regular file (a FIFO, a device) or a symbolic
    link that leaves the folder or points at anything but a regular file; folders that are
    links are not entered.
    """
    real_root = os.path.realpath(root)
    label = visible(root)
    out: list[tuple[str, tuple[str, bool]]] = []
    seen = 0
    for folder, dirs, names in os.walk(root):
        seen += len(names) + len(dirs)
        if seen > MAX_MEMBERS:
            raise DataError(
                f"more than {MAX_MEMBERS:,} files and folders: not an AI Index release", path=label
            )
        if dirs and os.path.relpath(folder, root).count(os.sep) >= MAX_DEPTH - 1:
            # os.walk recurses: a folder a thousand deep would end in a RecursionError.
            raise DataError(
                f"folders nested more than {MAX_DEPTH} deep: not an AI Index release", path=label
            )
        for name in names:
            full = os.path.join(folder, name)
            rel = os.path.relpath(full, root).replace(os.sep, "/")
            if not accept(rel):
                continue
            shown = visible(rel)
            try:
                info = os.lstat(full)
            except OSError as exc:
                raise DataError(f"cannot read {shown}: {exc.strerror}", path=label) from None
            followed = stat.S_ISLNK(info.st_mode)
            if followed:
                target = os.path.realpath(full)
                if os.path.commonpath([real_root, target]) != real_root:
                    raise DataError(
                        f"{shown} is a symbolic link to a file outside the folder: not read",
                        path=label,
                    )
                try:
                    info = os.stat(target)
                except OSError:
                    raise DataError(f"{shown} is a symbolic link to nothing", path=label) from None
                full = target
            if not stat.S_ISREG(info.st_mode):
                raise DataError(
                    f"{shown} is {_kind(info.st_mode)}, not a regular file: not read", path=label
                )
            out.append((rel, (full, followed)))
    return sorted(out)


# Zip compression methods zipfile reads with the standard library alone.
_METHODS = {0: "stored", 8: "deflate"}
_METHOD_NAMES = {
    1: "shrink",
    6: "implode",
    9: "deflate64",
    12: "bzip2",
    14: "LZMA",
    93: "Zstandard",
    95: "XZ",
    98: "PPMd",
    99: "AES encryption",
}


class ZipMembers(Members):
    """The members of a zip archive: stored or deflated, unencrypted, no links, bounded."""

    def __init__(
        self, path: str, accept: Callable[[str], bool], *, member: int, total: int
    ) -> None:
        import zipfile

        super().__init__(visible(path), member=member, total=total)
        f = open_regular(path, label=self.label)
        try:
            count = _zip_entries(f)
            if count is None:
                raise DataError("not a folder or a .zip file of figure files", path=self.label)
            if count > MAX_MEMBERS:
                raise DataError(
                    f"a zip of {count:,} members, more than the {MAX_MEMBERS:,} aiindex reads",
                    path=self.label,
                )
            self._zip = zipfile.ZipFile(f)
        except zipfile.BadZipFile as exc:
            f.close()
            raise DataError(
                f"not a readable zip file: {visible(str(exc))}", path=self.label
            ) from None
        except BaseException:
            f.close()
            raise
        self._file = f
        self._infos = {
            info.filename: info
            for info in self._zip.infolist()
            if not info.is_dir() and accept(info.filename)
        }
        self.members = tuple(sorted(self._infos))

    def close(self) -> None:
        self._zip.close()
        self._file.close()

    def read(self, name: str) -> bytes:
        import zipfile
        import zlib

        info = self._infos[name]
        where = self.where(name)
        if info.flag_bits & 0x1:
            raise DataError("an encrypted zip member: not read", path=where)
        if info.compress_type not in _METHODS:
            method = _METHOD_NAMES.get(info.compress_type, f"method {info.compress_type}")
            raise DataError(
                f"compressed with {method}; aiindex reads zip members stored or compressed "
                "with deflate (re-create the zip with a standard tool)",
                path=where,
            )
        if stat.S_ISLNK(info.external_attr >> 16):
            raise DataError("a symbolic link stored in the zip: not read", path=where)
        self._declared(name, info.file_size)
        try:
            with self._zip.open(info) as member:
                return self._stream(name, member)  # type: ignore[arg-type]
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
            raise DataError(f"damaged zip member: {visible(str(exc))}", path=where) from None


def _zip_entries(f: BinaryIO) -> int | None:
    """The number of entries a zip's end record declares; None if ``f`` is not a zip.

    Read before `zipfile.ZipFile`, which makes a record of every entry the directory lists.
    """
    import struct

    f.seek(0, os.SEEK_END)
    size = f.tell()
    tail_size = min(size, 22 + 0xFFFF)
    f.seek(size - tail_size)
    tail = f.read(tail_size)
    f.seek(0)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        return None
    (entries,) = struct.unpack_from("<H", tail, at + 10)
    if entries == 0xFFFF and at >= 20 and tail[at - 20 : at - 16] == b"PK\x06\x07":
        # Zip64: the locator before the end record points at the zip64 end record.
        (offset,) = struct.unpack_from("<Q", tail, at - 20 + 8)
        f.seek(offset)
        record = f.read(56)
        f.seek(0)
        if len(record) == 56 and record[:4] == b"PK\x06\x06":
            (entries,) = struct.unpack_from("<Q", record, 32)
    return int(entries)
