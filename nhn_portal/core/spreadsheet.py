"""CSV exports that a spreadsheet opens safely (CSV formula injection).

A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is read by Excel and
LibreOffice as a formula (`=HYPERLINK(...)`, `@SUM(...)`, DDE); such a cell gets a leading `'`,
which spreadsheets show as text and do not display. Every CSV export writes through
`csv_writer`, so no export can forget it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """The value as a spreadsheet may read it: text that would start a formula is prefixed
    with `'`; numbers, dates and None pass as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeCsvWriter:
    """`csv.writer` whose every cell passes `safe_cell`."""

    def __init__(self, stream, **options: Any):
        self._writer = csv.writer(stream, **options)

    def writerow(self, row: Iterable[Any]):
        return self._writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(stream, **options: Any) -> SafeCsvWriter:
    """The one way the portal writes CSV (options as for csv.writer, e.g. delimiter=";")."""
    return SafeCsvWriter(stream, **options)
