"""Hot queries compiled by the ORM once per process: version stamps of cached HTML, and the
few reads every request makes (its session, the user's roles, the meeting or item it is about).

A cached page asks on every visit what its fragment depends on: one aggregate over the rows it
shows (their number and latest change). The database answers such a query in 0.06–0.2 ms; the
ORM took 0.9 ms to compile it, every time (issue 26, the agenda editor of 10 items: 0.90 ms,
of which 0.06 ms in SQLite); an agenda item with its meeting and body took 0.5 ms to compile,
a third of an htmx partial. These classes compile the queryset once, with stand-in values for
the ids (or keys), and after that only run its SQL with the ids of the visit:

- `StampQuery`: the rows as one short string, for a cache key;
- `RowsQuery`: the rows as the database gives them (`values_list`);
- `ObjectQuery`: model instances, with their `select_related` rows, as the ORM makes them.
"""

import datetime
import hashlib
from collections.abc import Callable

from django.db import connections
from django.db.models import QuerySet
from django.db.models.query import ModelIterable, get_related_populators

# Stand-ins for the ids while compiling (never run): within the range of every integer
# field, since Django compiles an out-of-range value of a lookup to "no rows" and drops it,
# and like no constant of a filter.
_STAND_IN = 1_900_000_001
_STAND_IN_DATE = datetime.date(1903, 2, 3)
# The ids a query is run with: a 64-bit integer (a URL may carry a longer number).
_LOWEST, _HIGHEST = -(2**63), 2**63 - 1


class _Compiled:
    """A queryset of a fixed shape, `build(*ids)`, compiled once per database alias with
    stand-in ids; afterwards only its SQL runs, with the ids of the call in their places.

    The shape must not depend on the ids (they only fill in the SQL's parameters); every other
    parameter is compiled in as it was the first time, so `build` must not read anything that
    changes (the present time, the user): one compiled query per shape."""

    def __init__(self, build: Callable[..., QuerySet]):
        self.build = build
        self._compiled: dict[str, tuple] = {}

    def _compile(self, alias: str, kinds: tuple[type, ...]) -> tuple:
        ops = connections[alias].ops
        stand_ins = [_stand_in(kind, index) for index, kind in enumerate(kinds)]
        # A date reaches the SQL's parameters as the database takes it (text on SQLite).
        spelled = [
            ops.adapt_datefield_value(value) if kind is datetime.date else value
            for kind, value in zip(kinds, stand_ins, strict=True)
        ]
        queryset = self.build(*stand_ins)
        compiler = queryset.query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        params = list(params)
        slots = [
            (position, spelled.index(value))
            for position, value in enumerate(params)
            if isinstance(value, int | str | datetime.date) and value in spelled
        ]
        if sorted({index for _, index in slots}) != list(range(len(kinds))):
            raise ValueError("Every id must be a parameter of the compiled SQL.")
        return sql, params, slots, kinds, queryset, compiler

    def _execute(self, ids: tuple, using: str) -> tuple[list[tuple], tuple]:
        """The rows for `ids`: integers, strings (a key) or dates, as in the first call."""
        compiled = self._compiled.get(using)
        if compiled is None:
            kinds = tuple(_kind_of(value) for value in ids)
            compiled = self._compiled[using] = self._compile(using, kinds)
        sql, params, slots, kinds = compiled[:4]
        if len(ids) != len(kinds):
            raise TypeError(f"The compiled query takes other ids than {ids}.")
        ids = [_checked(kind, value) for kind, value in zip(kinds, ids, strict=True)]
        if any(isinstance(value, int) and not _LOWEST <= value <= _HIGHEST for value in ids):
            return [], compiled  # no row has it (a database would refuse the number)
        ops = connections[using].ops
        params = list(params)
        for position, index in slots:
            value = ids[index]
            params[position] = (
                ops.adapt_datefield_value(value) if isinstance(value, datetime.date) else value
            )
        with connections[using].cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall(), compiled


def _kind_of(value) -> type:
    if isinstance(value, datetime.datetime):
        raise TypeError("A compiled query takes dates, not times.")
    if isinstance(value, datetime.date):
        return datetime.date
    return str if isinstance(value, str) else int


def _checked(kind: type, value):
    """`value` as the compiled query takes it (an integer id may come as text)."""
    if kind is int:
        return int(value)
    if _kind_of(value) is not kind:
        raise TypeError(f"The compiled query takes a {kind.__name__}, not {value!r}.")
    return value


def _stand_in(kind: type, index: int):
    if kind is str:
        return f"\x1fstand-in {index}\x1f"
    if kind is datetime.date:
        return _STAND_IN_DATE + datetime.timedelta(days=index)
    return _STAND_IN + index


class RowsQuery(_Compiled):
    """`build(*ids)` gives a `values_list()` queryset; `rows(*ids)` gives its rows as the
    database gives them, without the ORM's conversions (a time is text on SQLite)."""

    def rows(self, *ids: int, using: str = "default") -> list[tuple]:
        return self._execute(ids, using)[0]


class StampQuery(RowsQuery):
    """`build(*ids)` gives a queryset of a fixed shape whose rows are the stamp (a `values()`
    with aggregates, say); calling the StampQuery with the ids gives those rows as one string.

    Values are as the database gives them (a time as text on SQLite): the stamp only has to
    change when the rows change."""

    def __call__(self, *ids: int, using: str = "default") -> str:
        """The rows as a short string for a cache key (a hash: the database's spelling of a
        time has spaces, which some caches refuse in a key)."""
        rows = "|".join(
            "-".join(str(value) for value in row) for row in self.rows(*ids, using=using)
        )
        return hashlib.blake2b(rows.encode(), digest_size=12).hexdigest()


class ObjectQuery(_Compiled):
    """`build(*ids)` gives a queryset of model instances (`select_related` and `only` allowed,
    no `prefetch_related`, `annotate` or `values`); `all(*ids)` gives its instances as the ORM
    would, made the way Django's ModelIterable makes them from the rows."""

    def _compile(self, alias: str, kinds: tuple[type, ...]) -> tuple:
        sql, params, slots, kinds, queryset, compiler = super()._compile(alias, kinds)
        if (
            queryset._iterable_class is not ModelIterable
            or queryset._prefetch_related_lookups
            or queryset._known_related_objects
            or compiler.annotation_col_map
        ):
            raise ValueError(
                "An ObjectQuery makes model instances without prefetches or annotations."
            )
        klass_info, select = compiler.klass_info, compiler.select
        fields = klass_info["select_fields"]
        start, end = fields[0], fields[-1] + 1
        making = (
            klass_info["model"],
            start,
            end,
            [column[0].target.attname for column in select[start:end]],
            get_related_populators(klass_info, select, alias),
            list(compiler.get_converters([column[0] for column in select]).items()),
        )
        return sql, params, slots, kinds, making

    def all(self, *ids: int, using: str = "default") -> list:
        rows, compiled = self._execute(ids, using)
        model, start, end, attnames, populators, converters = compiled[4]
        connection = connections[using]
        objects = []
        for row in rows:
            if converters:
                row = list(row)
                for position, (functions, expression) in converters:
                    value = row[position]
                    for function in functions:
                        value = function(value, expression, connection)
                    row[position] = value
            instance = model.from_db(using, attnames, row[start:end])
            for populator in populators:
                populator.populate(row, instance)
            objects.append(instance)
        return objects

    def first(self, *ids: int, using: str = "default"):
        """The first instance, or None (the queryset should have at most one row)."""
        objects = self.all(*ids, using=using)
        return objects[0] if objects else None
