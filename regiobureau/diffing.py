"""The difference between two saved versions of an annotation, as rows for a table.

Compared as plain text lines (tags stripped), so the reader sees what was written, not markup.
"""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import strip_tags
from django.utils.text import capfirst

from regiobureau.constants import ANNOTATION_FIELDS
from regiobureau.models.annotations import Annotation

_BREAKS = re.compile(r"(</p>|<br\s*/?>|</li>)", re.IGNORECASE)


@dataclass
class DiffLine:
    kind: str  # "same", "added", "removed", "changed"
    old: str
    new: str


@dataclass
class FieldDiff:
    name: str
    label: str
    lines: list[DiffLine]

    @property
    def changed(self) -> bool:
        return any(line.kind != "same" for line in self.lines)


def _lines(html: str) -> list[str]:
    text = strip_tags(_BREAKS.sub("\n", html or ""))
    return [line.strip() for line in text.splitlines() if line.strip()]


def diff_lines(old: str, new: str) -> list[DiffLine]:
    a, b = _lines(old), _lines(new)
    rows: list[DiffLine] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b).get_opcodes():
        if tag == "equal":
            rows.extend(DiffLine("same", line, line) for line in a[i1:i2])
        elif tag == "delete":
            rows.extend(DiffLine("removed", line, "") for line in a[i1:i2])
        elif tag == "insert":
            rows.extend(DiffLine("added", "", line) for line in b[j1:j2])
        else:
            old_part, new_part = a[i1:i2], b[j1:j2]
            for index in range(max(len(old_part), len(new_part))):
                rows.append(
                    DiffLine(
                        "changed",
                        old_part[index] if index < len(old_part) else "",
                        new_part[index] if index < len(new_part) else "",
                    )
                )
    return rows


def annotation_diff(old: dict, new: dict) -> list[FieldDiff]:
    """Per structured field, the line-by-line difference between two version contents."""
    return [
        FieldDiff(
            name,
            capfirst(Annotation._meta.get_field(name).verbose_name),
            diff_lines(old.get(name, ""), new.get(name, "")),
        )
        for name in ANNOTATION_FIELDS
    ]
