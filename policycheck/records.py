"""``record``: ``dataclasses.dataclass``, with its comparison and repr methods made without compiling.

On Python 3.11 and 3.12, ``dataclass`` compiles every method it adds from
source text, one ``exec`` each, and the ``__repr__`` text holds an f-string
whose every field the compiler parses again; with ``functools.wraps`` around
it, ``__repr__``, ``__eq__`` and ``__hash__`` are about two fifths of what a
frozen class with slots costs to create. A small check creates 57 dataclasses
at import (docs/performance.md#start-up). ``record`` lets ``dataclass`` make
the class with its ``__init__`` (and a frozen class's ``__setattr__`` and
``__delattr__``), asks it for no ``__repr__`` and no ``__eq__``, and gives the
class those (and ``__hash__``, and with ``order`` the four orderings) as
closures over its field names, with no text compiled. The package compiles
no code of its own (docs/security.md): ``dataclass`` does that in the
standard library, as it did.

The classes behave as ``dataclass`` makes them, down to the repr of a value
that contains itself, the tuple comparison (``nan`` fields equal when they
are the same object), which fields repr, compare and hash read, an unhashable
class that is not frozen, an abstract base's ``__repr__`` or ``__eq__`` made
concrete, and ``__dataclass_params__``
(``tests/test_records.py`` compares the two on classes of every kind). A class
that defines one of these methods itself, any option beyond ``frozen``,
``slots`` and ``order``, or another Python than the ones checked goes to
``dataclass`` unchanged. Type checkers see ``dataclass``.
"""
from __future__ import annotations

import abc
import dataclasses
import operator
import sys
from typing import TYPE_CHECKING, Any, cast

__all__ = ["record"]

#: The methods record adds; a class defining one of them itself goes to dataclass.
_ADDED_METHODS = ("__repr__", "__eq__", "__hash__", "__lt__", "__le__", "__gt__", "__ge__")
#: The options record takes (dataclass's defaults for every other).
_TAKEN = frozenset({"frozen", "slots", "order"})
#: The Pythons whose dataclass record is held to: tests/test_records.py is run on 3.11 and 3.12
#: (docs/performance.md#start-up); 3.13 compiles a class's methods in one go.
_CHECKED = sys.version_info[:2] in ((3, 11), (3, 12))
_ORDER = (("__lt__", operator.lt), ("__le__", operator.le), ("__gt__", operator.gt), ("__ge__", operator.ge))


def _record(cls: type, options: dict[str, Any]) -> type:
    if not _CHECKED or set(options) - _TAKEN or any(name in cls.__dict__ for name in _ADDED_METHODS):
        return dataclasses.dataclass(cls, **options)
    frozen = bool(options.get("frozen", False))
    order = bool(options.get("order", False))
    made: Any = dataclasses.dataclass(cls, repr=False, eq=False, frozen=frozen, slots=bool(options.get("slots")))
    fields = dataclasses.fields(made)  # the real fields, inherited ones first, as dataclass's methods read them
    _add(made, _repr([f.name for f in fields if f.repr]))
    compared = [f.name for f in fields if f.compare]
    _add(made, _compare("__eq__", operator.eq, compared))
    if order:
        for name, op in _ORDER:
            _add(made, _compare(name, op, compared))
    if frozen:  # eq and frozen: hashable by the fields hash reads (compare's, unless a field says otherwise)
        _add(made, _hash([f.name for f in fields if (f.compare if f.hash is None else f.hash)]))
    else:
        made.__hash__ = None  # eq without frozen: unhashable, as dataclass makes it
    params = made.__dataclass_params__  # this class's own object, as dataclass would have filled it
    params.repr = params.eq = True
    params.order = order
    # A base's abstract __repr__ or __eq__ is now defined: dataclass recomputes the abstract
    # methods after adding its own, and so must record after adding these.
    abc.update_abstractmethods(made)
    return cast(type, made)


def _add(cls: type, fn: Any) -> None:
    fn.__qualname__ = f"{cls.__qualname__}.{fn.__name__}"
    fn.__module__ = cls.__module__
    setattr(cls, fn.__name__, fn)


def _repr(names: list[str]) -> Any:
    """dataclass's ``__repr__``: ``Name(a=1, b='x')``, and ``...`` for a value that contains itself."""
    import _thread

    running: set[tuple[int, int]] = set()

    def __repr__(self: Any) -> str:
        key = id(self), _thread.get_ident()
        if key in running:
            return "..."
        running.add(key)
        try:
            name: str = self.__class__.__qualname__
            return name + "(" + ", ".join([f"{n}={getattr(self, n)!r}" for n in names]) + ")"
        finally:
            running.discard(key)

    return __repr__


def _values(names: list[str]) -> Any:
    """The fields' values as one tuple, as dataclass's ``(self.a,self.b,)``."""
    if not names:
        return lambda obj: ()
    if len(names) == 1:
        one = operator.attrgetter(names[0])
        return lambda obj: (one(obj),)
    return operator.attrgetter(*names)


def _compare(name: str, op: Any, names: list[str]) -> Any:
    """dataclass's ``__eq__`` (and with ``order``, ``__lt__`` ...): the fields as tuples, for the same class only."""
    values = _values(names)

    def compare(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return op(values(self), values(other))
        return NotImplemented

    compare.__name__ = name
    return compare


def _hash(names: list[str]) -> Any:
    values = _values(names)

    def __hash__(self: Any) -> int:
        return hash(values(self))

    return __hash__


def _decorator(cls: type | None = None, /, **options: Any) -> Any:
    if cls is None:
        return lambda later: _record(later, options)
    return _record(cls, options)


if TYPE_CHECKING:
    from dataclasses import dataclass as record
else:
    record = _decorator
