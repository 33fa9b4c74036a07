"""A school's own competency list, from a CSV or a YAML file, validated like the built-in frameworks.

CSV: a header row and one row per competency, with the columns ``code``, ``name``, ``title``,
``description``, ``criteria`` and optionally ``icon_terms`` (search terms separated by ``;``) and
``id``. The list's title is the file name ("graduate-outcomes.csv" → "Graduate Outcomes").

YAML: the keys of a framework file (``title``, optional ``alignment_name``, ``url``, ``levels`` …)
and ``items``, a list of mappings with the same keys as the CSV columns.

Every problem is reported at once, each at its line (and column for YAML), through the badge set's
bounded reader (size, depth, tags and characters are checked before anything is validated)::

    outcomes.csv:4: column 'title': 'title' is missing or empty (add title: a short text)
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from designer.base.errors import BadgeSetError, Location, MedbadgeError, display_path
from designer.badgeset.load import location_of, parse_yaml, read_text
from designer.frameworks import Framework, framework_from_data

CSV_COLUMNS = ("code", "name", "title", "description", "criteria", "icon_terms", "id")
REQUIRED_COLUMNS = ("code", "name", "title", "description", "criteria")


def read_school_list(path: str | Path) -> Framework:
    """The competency list at ``path`` (``.csv``, ``.yaml`` or ``.yml``) as a :class:`Framework`."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".yaml", ".yml"):
        raise MedbadgeError("a competency list must be a .csv or .yaml file", Location(display_path(path)),
                            hint="or name a built-in framework: aamc-core-epas, acgme-core-competencies, canmeds-2015")
    text = read_text(path)  # missing, unreadable, too large, not UTF-8: one clear message
    name = path.stem.lower()
    if suffix == ".csv":
        return _from_csv(text, display_path(path), name)
    return _from_yaml(text, display_path(path), name)


def _from_yaml(text: str, shown: str, name: str) -> Framework:
    data, positions = parse_yaml(text, shown)
    return framework_from_data(name, data, lambda keys: location_of(shown, positions, tuple(keys)))


def _from_csv(text: str, shown: str, name: str) -> Framework:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise MedbadgeError("the file is empty", Location(shown, 1),
                                hint=f"start with a header row: {','.join(REQUIRED_COLUMNS)}")
        columns = [c.strip().lower() for c in header]
        problems = [MedbadgeError(f"unknown column '{c}'", Location(shown, 1, index + 1),
                                  hint=f"the columns are {', '.join(CSV_COLUMNS)}")
                    for index, c in enumerate(columns) if c not in CSV_COLUMNS]
        missing = [c for c in REQUIRED_COLUMNS if c not in columns]
        if missing:
            problems.append(MedbadgeError(f"the header has no column {', '.join(repr(c) for c in missing)}",
                                          Location(shown, 1), hint=f"the header needs {','.join(REQUIRED_COLUMNS)}"))
        if problems:
            raise BadgeSetError(problems)
        items, lines, raw = [], [], text.splitlines()
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue  # blank lines between rows are harmless
            line = reader.line_num
            if len(row) > len(columns):  # fewer cells: the missing ones at the end are empty
                problems.append(MedbadgeError(f"the row has {len(row)} cells; the header has {len(columns)}",
                                              Location(shown, line),
                                              hint="quote cells that hold commas: \"like, this\""))
                continue
            items.append(dict(zip(columns, row)))
            lines.append(line)
    except csv.Error as error:
        raise MedbadgeError(f"not valid CSV: {error}", Location(shown, reader.line_num)) from None
    if problems:
        raise BadgeSetError(problems)

    def locate(keys: tuple) -> Location:
        if len(keys) >= 2 and keys[0] == "items" and isinstance(keys[1], int) and keys[1] < len(lines):
            line = lines[keys[1]]
            column = _column_of(raw[line - 1] if line <= len(raw) else "", columns, keys[2] if len(keys) > 2 else None)
            return Location(shown, line, column)
        return Location(shown, 1)

    title = name.replace("-", " ").replace("_", " ").title()
    return framework_from_data(name, {"title": title, "items": items}, locate)


def _column_of(line: str, columns: list[str], key: object) -> int | None:
    """The character column where cell ``key`` starts in an unquoted CSV line (None if quoted)."""
    if key not in columns or '"' in line:
        return None
    cells = line.split(",")
    index = columns.index(key)
    return sum(len(cell) + 1 for cell in cells[:index]) + 1 if index < len(cells) else len(line) + 1
