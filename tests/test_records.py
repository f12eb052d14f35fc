"""``record`` makes the classes ``dataclass`` makes (policycheck/records.py, docs/performance.md#start-up).

Each kind of class is declared twice, once with each decorator, and the two
are held to the same behaviour: repr (also of a value that contains itself),
equality and hashing by the same fields, ordering, the frozen errors, pickling
and copying, the signature, the fields and ``__dataclass_params__``.
"""
from __future__ import annotations

import copy
import dataclasses
import inspect
import operator
import pickle
from collections.abc import Callable
from typing import Any

import pytest

from policycheck import records
from policycheck.records import record

Maker = Callable[..., Any]


def _declare(make: Maker) -> dict[str, type]:
    """The same classes, made by ``make`` (dataclass or record)."""

    @make(frozen=True, slots=True)
    class Point:
        """A frozen class with slots, defaults and a factory."""

        x: int
        y: float = 0.0
        tags: tuple[str, ...] = ()
        extra: dict[str, int] = dataclasses.field(default_factory=dict)

    @make(frozen=True, slots=True)
    class Partial:
        """Fields left out of repr, compare and hash, each on its own."""

        key: str
        note: str = dataclasses.field(default="", repr=False)
        cache: int = dataclasses.field(default=0, compare=False)
        weight: float = dataclasses.field(default=1.0, hash=False)
        label: str = dataclasses.field(default="", compare=False, hash=True)

    @make(slots=True)
    class Mutable:
        """Not frozen: eq without hash, and settable."""

        items: list[int] = dataclasses.field(default_factory=list)
        name: str | None = None

    @make
    class Bare:
        """The decorator without arguments: neither frozen nor slots."""

        a: int
        b: object = None

    @make(frozen=True)
    class Later:
        """A field set in __post_init__, not in __init__."""

        text: str
        size: int = dataclasses.field(init=False, default=0)

        def __post_init__(self) -> None:
            object.__setattr__(self, "size", len(self.text))

    @make(frozen=True, slots=True, order=True)
    class Ordered:
        """Ordered by its fields, as a tuple."""

        year: int
        month: int = 12

    @make(frozen=True, slots=True)
    class Empty:
        """No fields at all."""

    @make(frozen=True, slots=True)
    class One:
        """A single field (compared as a one-element tuple)."""

        value: float

    @make(frozen=True, slots=True)
    class Child(Point):
        """Inherits Point's fields and adds one."""

        z: int = 0

    return {cls.__name__: cls for cls in (Point, Partial, Mutable, Bare, Later, Ordered, Empty, One, Child)}


PLAIN = _declare(dataclasses.dataclass)
FAST = _declare(record)
NAN = float("nan")


def _samples(classes: dict[str, type]) -> dict[str, list[Any]]:
    c = classes
    return {
        "Point": [c["Point"](1), c["Point"](1, 2.5, ("a",), {"k": 1}), c["Point"](x=3, y=NAN)],
        "Partial": [c["Partial"]("k"), c["Partial"]("k", "n", 5, 2.0, "l"), c["Partial"]("k", "other", 9, 3.0, "m")],
        "Mutable": [c["Mutable"](), c["Mutable"]([1, 2], "x")],
        "Bare": [c["Bare"](1), c["Bare"](1, "b")],
        "Later": [c["Later"]("abc"), c["Later"]("")],
        "Ordered": [c["Ordered"](2020), c["Ordered"](2020, 3), c["Ordered"](2019, 12)],
        "Empty": [c["Empty"]()],
        "One": [c["One"](1.0), c["One"](NAN)],
        "Child": [c["Child"](1), c["Child"](1, z=2)],
    }


def _outcome(action: Callable[..., Any], *args: Any) -> tuple[str, Any]:
    """What ``action(*args)`` gives: its value, or the type and message of what it raises."""
    try:
        return ("value", action(*args))
    except Exception as exc:  # the same exception, with the same words, is what is compared
        return ("raises", (type(exc).__name__, str(exc)))


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_record_behaves_as_dataclass(name: str) -> None:
    plain, fast = _samples(PLAIN)[name], _samples(FAST)[name]
    for left, right in zip(plain, fast, strict=True):
        assert repr(right) == repr(left)
        assert dataclasses.astuple(right) == dataclasses.astuple(left)
        assert _outcome(hash, right) == _outcome(hash, left)
        for field in [f.name for f in dataclasses.fields(left)] + ["unknown"]:
            assert _outcome(setattr, right, field, 1) == _outcome(setattr, left, field, 1)
            assert _outcome(delattr, right, field) == _outcome(delattr, left, field)
    # Equality and ordering between every pair.
    for left_a, right_a in zip(plain, fast, strict=True):
        for left_b, right_b in zip(plain, fast, strict=True):
            for op in ("__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"):
                assert _outcome(getattr(right_a, op), right_b) == _outcome(getattr(left_a, op), left_b), op
        assert _outcome(operator.lt, right_a, right_a) == _outcome(operator.lt, left_a, left_a)
        assert (right_a == left_a) is False  # another class: NotImplemented both ways, then identity


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_record_classes_look_like_dataclass_classes(name: str) -> None:
    left, right = PLAIN[name], FAST[name]
    assert str(inspect.signature(right)) == str(inspect.signature(left))
    assert right.__doc__ == left.__doc__
    assert [(f.name, f.type, f.default, f.init, f.repr, f.compare, f.hash) for f in dataclasses.fields(right)] == \
        [(f.name, f.type, f.default, f.init, f.repr, f.compare, f.hash) for f in dataclasses.fields(left)]
    assert repr(right.__dataclass_params__) == repr(left.__dataclass_params__)  # type: ignore[attr-defined]
    assert getattr(right, "__match_args__", None) == getattr(left, "__match_args__", None)
    assert getattr(right, "__slots__", None) == getattr(left, "__slots__", None)
    assert (right.__hash__ is None) == (left.__hash__ is None)
    for method in ("__repr__", "__eq__", "__hash__", "__lt__"):
        fn = right.__dict__.get(method)
        if fn is not None:
            assert fn.__qualname__ == f"{right.__qualname__}.{method}"


def _at_module_level(classes: dict[str, type], prefix: str) -> dict[str, type]:
    """``classes`` named as attributes of this module (``PickledPlainPoint`` ...), where pickle finds a class."""
    for name, cls in classes.items():
        cls.__qualname__ = cls.__name__ = f"{prefix}{name}"
        globals()[cls.__qualname__] = cls
    return classes


#: Another copy of each kind, declared at module level so that its instances pickle.
PICKLED_PLAIN = _at_module_level(_declare(dataclasses.dataclass), "PickledPlain")
PICKLED_FAST = _at_module_level(_declare(record), "PickledFast")


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_record_instances_copy_and_pickle_alike(name: str) -> None:
    for left, right in zip(_samples(PLAIN)[name], _samples(FAST)[name], strict=True):
        for way in (copy.copy, copy.deepcopy):
            assert repr(way(right)) == repr(way(left))
        if hasattr(left, "__getstate__") and hasattr(left, "__slots__"):  # a frozen class with slots
            assert repr(right.__getstate__()) == repr(left.__getstate__())
    for left, right in zip(_samples(PICKLED_PLAIN)[name], _samples(PICKLED_FAST)[name], strict=True):
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            plain_bytes, fast_bytes = _outcome(pickle.dumps, left, protocol), _outcome(pickle.dumps, right, protocol)
            assert fast_bytes[0] == plain_bytes[0]  # (protocols 0 and 1 refuse a mutable class with slots)
            if fast_bytes[0] == "raises":
                assert fast_bytes == plain_bytes
                continue
            plain_again, fast_again = pickle.loads(plain_bytes[1]), pickle.loads(fast_bytes[1])
            assert type(fast_again) is type(right) and fast_again is not right
            assert repr(fast_again) == repr(right) == repr(plain_again).replace("PickledPlain", "PickledFast")
            assert _outcome(operator.eq, fast_again, right) == _outcome(operator.eq, plain_again, left)
            assert _outcome(hash, fast_again)[0] == _outcome(hash, plain_again)[0]
            if "nan" not in repr(right):  # (a nan's hash is its object's, and unpickling makes another)
                assert _outcome(hash, fast_again) == _outcome(hash, right)


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_replace_gives_the_same_instances(name: str) -> None:
    for left, right in zip(_samples(PLAIN)[name], _samples(FAST)[name], strict=True):
        changes = {f.name: getattr(left, f.name) for f in dataclasses.fields(left)[:1] if f.init}
        assert repr(dataclasses.replace(right, **changes)) == repr(dataclasses.replace(left, **changes))
        assert (dataclasses.replace(right) == right) == (dataclasses.replace(left) == left)
        unknown = _outcome(lambda value: dataclasses.replace(value, unknown=1), right)
        assert unknown[0] == "raises"
        assert unknown == _outcome(lambda value: dataclasses.replace(value, unknown=1), left)


def _subclasses(make: Maker) -> list[tuple[str, Any]]:
    """Subclassing across the two decorators: what each gives, as (what, outcome) pairs."""

    @make(frozen=True, slots=True)
    class Parent:
        """A record (or dataclass) parent."""

        a: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class PlainChild(Parent):
        """A plain dataclass child of it."""

        b: int = 0

    @dataclasses.dataclass(frozen=True)
    class PlainParent:
        """A plain dataclass parent."""

        a: int

    @make(frozen=True)
    class Child(PlainParent):
        """A record (or dataclass) child of it."""

        b: int = 0

    class Undecorated(Parent):
        """A subclass without a decorator: Parent's methods, its own class."""

    def local(text: str) -> str:
        return text.replace("_subclasses.<locals>.", "")

    return [
        ("plain child", (local(repr(PlainChild(1, 2))), PlainChild(1, 2) == PlainChild(1, 2),
                         PlainChild(1, 2) == PlainChild(1, 3), hash(PlainChild(1, 2)) == hash((1, 2)),
                         Parent(1) == PlainChild(1), PlainChild(1) == Parent(1))),
        ("record child", (local(repr(Child(1, 2))), Child(1, 2) == Child(1, 2), Child(1, 2) == Child(1, 3),
                          hash(Child(1, 2)) == hash((1, 2)), PlainParent(1) == Child(1))),
        ("undecorated", (local(repr(Undecorated(1))), Undecorated(1) == Undecorated(1),
                         Undecorated(1) == Undecorated(2), Undecorated(1) == Parent(1), Parent(1) == Undecorated(1),
                         hash(Undecorated(1)) == hash((1,)))),
    ]


def test_subclasses_across_the_two_decorators() -> None:
    assert _subclasses(record) == _subclasses(dataclasses.dataclass)
    assert _subclasses(record)[2] == ("undecorated", ("Undecorated(a=1)", True, False, False, False, True))


def _abstract(make: Maker) -> list[tuple[str, Any]]:
    """A class whose abstract base declares __repr__ and __eq__: the decorator defines both."""
    import abc

    class Base(abc.ABC):
        @abc.abstractmethod
        def __repr__(self) -> str: ...

        @abc.abstractmethod
        def __eq__(self, other: object) -> bool: ...

    @make(frozen=True)
    class Made(Base):
        """Both abstract methods made."""

        a: int

    return [("abstract", sorted(Made.__abstractmethods__)), ("repr", _outcome(repr, Made(1))),
            ("eq", _outcome(operator.eq, Made(1), Made(1)))]


def test_abstract_methods_a_record_defines_are_no_longer_abstract() -> None:
    assert _abstract(record) == _abstract(dataclasses.dataclass)
    assert _abstract(record)[0] == ("abstract", [])


def test_repr_of_a_value_that_contains_itself() -> None:
    for classes in (PLAIN, FAST):
        box = classes["Mutable"]()
        box.items.append(box)
        assert repr(box) == "_declare.<locals>.Mutable(items=[...], name=None)"


def test_package_classes_pickle_and_copy() -> None:
    from policycheck.model import Location, Unit

    for value in (Location("plan.yaml", 3, 5), Unit("c01", "太仓", None, "县级")):
        again = pickle.loads(pickle.dumps(value))
        assert (again, hash(again), repr(again)) == (value, hash(value), repr(value))
        assert copy.deepcopy(value) == value
        first = dataclasses.fields(value)[0].name
        with pytest.raises(dataclasses.FrozenInstanceError, match=f"cannot assign to field '{first}'"):
            setattr(value, first, "x")


def test_a_class_that_defines_a_method_itself_is_left_to_dataclass() -> None:
    @record(frozen=True)
    class Own:
        """Its own repr."""

        a: int

        def __repr__(self) -> str:
            return "own"

    assert repr(Own(1)) == "own"
    assert Own(1) == Own(1) and hash(Own(1)) == hash(Own(1))
    assert dataclasses.is_dataclass(Own)


def test_options_record_does_not_take_go_to_dataclass() -> None:
    @record(frozen=True, unsafe_hash=True)
    class Hashed:
        """unsafe_hash."""

        a: int

    assert Hashed.__dataclass_params__.unsafe_hash  # type: ignore[attr-defined]
    assert hash(Hashed(1)) == hash((1,))


def test_the_package_classes_are_made_by_record_on_this_python() -> None:
    from policycheck.model import Plan, Result, Target

    for cls in (Plan, Target, Result):
        assert cls.__dict__["__repr__"].__code__.co_filename.endswith("records.py") is records._CHECKED
