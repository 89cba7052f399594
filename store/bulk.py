"""Statements an import runs per file, compiled once and run on the driver's own cursor.

SQLAlchemy's per-statement work (building the execution context, processing
parameters and results) costs more than SQLite's insert itself, and an import
runs about a dozen statements a file. Here a Core statement is compiled once
per dialect, with the dialect's own value processors, so a value is stored
exactly as SQLAlchemy would store it; each execution is then one driver call.
Child rows (tens a file) go in one `executemany` of plain tuples: their values
(str, int, bool, None) are already what the driver takes. The same code runs
on SQLite (`?`) and PostgreSQL (`%s`); a driver error is raised as SQLAlchemy's
(`IntegrityError`, ...), as if SQLAlchemy had run the statement.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Table, insert
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql import Executable

_PLACEHOLDERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}
Processor = Callable[[Any], Any] | None


@dataclass(frozen=True)
class Compiled:
    """A statement as one dialect's driver takes it."""

    sql: str
    names: tuple[str, ...]
    """The parameters, in order for a positional driver."""
    processors: tuple[tuple[int, Callable[[Any], Any]], ...]
    """(position, bind processor) of each parameter that has one; the others go as they are."""
    defaults: tuple[Any, ...]
    """Each parameter's value when the caller gives none (a LIMIT's, say)."""
    results: tuple[Processor, ...]
    """Each selected column's result processor."""
    positional: bool


class Statement:
    """A Core statement compiled once per dialect (build it once, at import time)."""

    def __init__(self, statement: Executable, *, returns_id: Table | None = None) -> None:
        """`returns_id`: an INSERT into that table whose new id is wanted."""
        self.statement = statement
        self.returns_id = returns_id
        self._compiled: dict[tuple[str, str, str], Compiled] = {}

    def compiled(self, dialect: Dialect) -> Compiled:
        """The statement for `dialect` (compiled on first use)."""
        key = (dialect.name, dialect.driver, dialect.paramstyle)
        found = self._compiled.get(key)
        if found is None:
            found = self._compiled[key] = self._compile(dialect)
        return found

    def _compile(self, dialect: Dialect) -> Compiled:
        statement: Any = self.statement
        if self.returns_id is not None and dialect.name != "sqlite":  # SQLite has lastrowid
            statement = statement.returning(self.returns_id.c.id)
        compiled = statement.compile(dialect=dialect)
        names = tuple(compiled.positiontup or ()) if compiled.positional else tuple(compiled.binds)
        binds = compiled.binds
        selected = getattr(self.statement, "selected_columns", ())
        return Compiled(
            sql=compiled.string,
            names=names,
            processors=tuple(
                (i, process)
                for i, process in enumerate(_bind_processor(binds[n].type, dialect) for n in names)
                if process is not None
            ),
            defaults=tuple(binds[n].value for n in names),
            results=tuple(_result_processor(c.type, dialect) for c in selected),
            positional=compiled.positional,
        )


class Driver:
    """The driver cursor of a connection inside the caller's transaction."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.dialect = conn.dialect
        self.cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        self._error = self.dialect.loaded_dbapi.Error

    def execute(self, statement: Statement, params: Mapping[str, Any]) -> Any:
        """Run `statement` with `params` (by name); returns the driver cursor."""
        compiled = statement.compiled(self.dialect)
        given = params.get
        pairs = zip(compiled.names, compiled.defaults, strict=True)
        values = [given(name, default) for name, default in pairs]
        for position, process in compiled.processors:
            values[position] = process(values[position])
        bound = values if compiled.positional else dict(zip(compiled.names, values, strict=True))
        return self._run(self.cursor.execute, compiled.sql, bound)

    def rows(self, statement: Statement, params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        """The rows a SELECT gives, each value as SQLAlchemy would return it."""
        results = statement.compiled(self.dialect).results
        return [
            tuple(v if p is None else p(v) for v, p in zip(row, results, strict=True))
            for row in self.execute(statement, params).fetchall()
        ]

    def scalar(self, statement: Statement, params: Mapping[str, Any]) -> Any:
        """The first column of the first row, or None."""
        found = self.rows(statement, params)
        return found[0][0] if found else None

    def insert(self, statement: Statement, params: Mapping[str, Any]) -> int:
        """Run an INSERT built with `returns_id`; returns the new row's id."""
        cursor = self.execute(statement, params)
        if self.dialect.name == "sqlite":
            return cursor.lastrowid
        return cursor.fetchone()[0]

    def insert_rows(
        self, table: Table, columns: tuple[str, ...], rows: Sequence[tuple[Any, ...]]
    ) -> None:
        """Insert `rows` (tuples of `columns`' values, in order) into `table` in one executemany."""
        placeholder = _PLACEHOLDERS.get(self.dialect.paramstyle)
        if not rows:
            return
        if placeholder is None:  # a driver of another style: SQLAlchemy binds the values
            self.conn.execute(insert(table), [dict(zip(columns, r, strict=True)) for r in rows])
            return
        sql = _insert_sql(self.dialect, table.name, columns, placeholder)
        self._run(self.cursor.executemany, sql, rows)

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """A SAVEPOINT around the block: what it wrote is rolled back when it raises."""
        self._run(self.cursor.execute, "SAVEPOINT protokoll_file", ())
        try:
            yield
        except BaseException:
            self._run(self.cursor.execute, "ROLLBACK TO SAVEPOINT protokoll_file", ())
            self._run(self.cursor.execute, "RELEASE SAVEPOINT protokoll_file", ())
            raise
        self._run(self.cursor.execute, "RELEASE SAVEPOINT protokoll_file", ())

    def close(self) -> None:
        """Close the cursor (the connection stays the caller's)."""
        self.cursor.close()

    def _run(self, method: Callable[..., Any], sql: str, params: Any) -> Any:
        try:
            method(sql, params)
        except self._error as error:
            raise DBAPIError.instance(sql, params, error, self._error) from error
        return self.cursor


@lru_cache(maxsize=64)
def _insert_sql(dialect: Dialect, table: str, columns: tuple[str, ...], placeholder: str) -> str:
    quote = dialect.identifier_preparer.quote
    names = ", ".join(quote(column) for column in columns)
    marks = ", ".join(placeholder for _ in columns)
    return f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})"


def _bind_processor(type_: Any, dialect: Dialect) -> Processor:
    return type_.dialect_impl(dialect).bind_processor(dialect)


def _result_processor(type_: Any, dialect: Dialect) -> Processor:
    return type_.dialect_impl(dialect).result_processor(dialect, None)
