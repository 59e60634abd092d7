"""`once`: a cache for one-time loads that is safe across threads.

``functools.cache`` lets two threads that miss together both run the function and return two
different results: two pint registries whose quantities cannot be added, two `Indicator`
objects for one id and edition, two readers of the same compressed rate history. A function
decorated with `once` runs at most once per arguments, whatever the threads: the first caller
runs it under a lock, the others wait for its result. A call that raises is not cached.

One lock serves every loader: loaders call each other (an indicator needs the entities, the
entities need the compiled registry), and a single re-entrant lock cannot deadlock where one
lock per loader could. After the first call the result is read without taking the lock.

This module imports nothing of aiindex, so that every layer can use it.

>>> calls = []
>>> @once
... def load(name: str) -> list[str]:
...     calls.append(name)
...     return [name]
>>> load("a") is load("a"), calls
(True, ['a'])
>>> load.cache_clear(); _ = load("a"); calls
['a', 'a']
"""

from __future__ import annotations

import _thread
import functools

# Not `from typing import TYPE_CHECKING`: loaders run in every command, typing costs each.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, Generic, ParamSpec, TypeVar

    P = ParamSpec("P")
    R = TypeVar("R")

    class Once(Generic[P, R]):
        """What `once` returns: the function, cached, with ``cache_clear``."""

        __wrapped__: Callable[P, R]

        def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R: ...
        def cache_clear(self) -> None: ...


__all__ = ["LOCK", "once"]

#: The lock every one-time load runs under (re-entrant: loaders call loaders).
LOCK = _thread.RLock()
_MISSING = object()


def once(fn: Callable[P, R]) -> Once[P, R]:
    """``fn``, run at most once per (hashable) arguments across threads; see the module."""
    cache: dict[Any, Any] = {}

    def cached(*args: Any, **kwargs: Any) -> Any:
        key = (args, tuple(sorted(kwargs.items()))) if kwargs else args
        found = cache.get(key, _MISSING)
        if found is not _MISSING:
            return found
        with LOCK:
            found = cache.get(key, _MISSING)
            if found is _MISSING:
                found = cache[key] = fn(*args, **kwargs)
        return found

    def cache_clear() -> None:
        with LOCK:
            cache.clear()

    functools.update_wrapper(cached, fn)
    cached.cache_clear = cache_clear  # type: ignore[attr-defined]
    return cached  # type: ignore[return-value]
