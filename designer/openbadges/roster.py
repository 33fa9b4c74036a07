"""Read a roster: the CSV of recipients that ``medbadge issue`` awards badges to.

Format (UTF-8, a byte-order mark tolerated, any line ending)::

    name,email,badge,tier,issued_on
    Amira Haddad,amira.haddad@students.example,history-taking,proficient,2025-06-30
    李明,li.ming@students.example,clinical-reasoning,foundation,

``name``, ``email``, ``badge`` and ``tier`` are required (header names are matched without regard
to case or surrounding spaces; other columns are ignored); ``issued_on`` is optional (an ISO 8601
date or date-time; empty means the run's ``--issued-on``), and so is ``subject_id``: the learner's
DID (``did:key:...``, ``did:web:...``) or another absolute URI, which becomes
``credentialSubject.id`` and the VC-JWT ``sub`` claim so a wallet can bind the credential to its
holder (a ``mailto:`` URI is refused: the e-mail is only ever published hashed). Names may be in any script; they are
kept as written (NFC-normalised). Every problem is a :class:`~designer.base.errors.MedbadgeError` that
names the file and the line, so the caller can refuse the whole roster before writing anything.

>>> rows = parse_roster(b"name,email,badge,tier\\nAda,ada@example.org,suturing,foundation\\n", "r.csv")
>>> rows[0].row, rows[0].email, rows[0].issued_on
(2, 'ada@example.org', None)
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from designer.base.errors import BadgeSetError, Location, MedbadgeError, display_path

REQUIRED_COLUMNS = ("name", "email", "badge", "tier")
OPTIONAL_COLUMNS = ("issued_on", "subject_id")
# An absolute URI (RFC 3986 §3: scheme ":" ...): a DID such as did:key:z6Mk... or did:web:..., or an
# https URL. It becomes credentialSubject.id and the VC-JWT "sub" claim (OB 3.0 §8.2.4.1).
_SUBJECT_ID = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]+")
_BOM = b"\xef\xbb\xbf"
#: At most this many row problems are reported at once: enough to fix a spreadsheet in one pass,
#: not a wall of text for a file in the wrong format.
MAX_ROW_PROBLEMS = 20


class RosterError(BadgeSetError):
    """Every problem found in a roster's rows (up to :data:`MAX_ROW_PROBLEMS`), each at its line."""

    def __init__(self, problems: list[MedbadgeError], more: int = 0):
        if more:
            problems = [*problems, MedbadgeError(f"... and {more} more row problem{'s' if more != 1 else ''}",
                                                 hint="fix these and run again")]
        super().__init__(problems)
# One "@", no spaces or separators in the local part, a domain of dot-separated labels with a
# top-level label (letters, digits, hyphens; internationalised domains in Unicode are accepted).
_EMAIL = re.compile(r"[^@\s<>()\[\],;:\"]+@(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,}")


@dataclass(frozen=True)
class RosterEntry:
    """One recipient × badge × tier; ``row`` is the line number in the CSV file (header = line 1)."""

    row: int
    name: str
    email: str
    badge: str
    tier: str
    issued_on: str | None = None  # normalised to ``YYYY-MM-DDTHH:MM:SSZ``; None: the run's default
    subject_id: str | None = None  # a DID or other URI of the learner: credentialSubject.id and JWT sub

    @property
    def email_key(self) -> str:
        """The e-mail as it is hashed (OB identity hashes use the lower-cased address)."""
        return self.email.strip().lower()


def read_roster(path: str | Path) -> list[RosterEntry]:
    """Read and check the roster file at ``path`` (see the module docstring for the format)."""
    path = Path(path)
    from designer.openbadges.limits import MAX_JSON_BYTES, read_limited

    data = read_limited(path, MAX_JSON_BYTES, "roster")
    return parse_roster(data, display_path(path))


def parse_roster(data: bytes, source: str) -> list[RosterEntry]:
    """The entries of a roster given as bytes; ``source`` names it in error messages."""
    body = data[len(_BOM):] if data.startswith(_BOM) else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        offset = error.start + (len(data) - len(body))
        raise MedbadgeError(
            f"the roster is not UTF-8 text: byte {offset} (0x{data[offset]:02x}) is not valid UTF-8",
            Location(source), hint="save the CSV as UTF-8 (in Excel: 'CSV UTF-8 (comma delimited)')",
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        while header is not None and not any(cell.strip() for cell in header):
            header = next(reader, None)
        if header is None:
            raise MedbadgeError("the roster is empty", Location(source),
                                hint="add a header line 'name,email,badge,tier' and one line per recipient")
        columns = _columns(header, source, reader.line_num)
        entries, problems = [], []
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue  # blank lines are allowed anywhere
            try:
                entries.append(_entry(cells, columns, Location(source, reader.line_num)))
            except MedbadgeError as problem:  # keep reading: every bad row is reported in one run
                problems.append(problem)
    except csv.Error as error:
        raise MedbadgeError(f"the roster is not valid CSV ({error})", Location(source, reader.line_num)) from None
    if not entries and not problems:
        raise MedbadgeError("the roster lists no recipients (only a header)", Location(source),
                            hint="add one line per recipient × badge × tier")
    problems += _duplicates(entries, source)
    if problems:
        problems.sort(key=lambda problem: (problem.location.line or 0) if problem.location else 0)
        raise RosterError(problems[:MAX_ROW_PROBLEMS], more=max(0, len(problems) - MAX_ROW_PROBLEMS))
    return entries


def _columns(header: list[str], source: str, line: int) -> dict[str, int]:
    names = [unicodedata.normalize("NFC", cell).strip().lower().replace(" ", "_").replace("-", "_") for cell in header]
    missing = [column for column in REQUIRED_COLUMNS if column not in names]
    if missing:
        raise MedbadgeError(
            f"the roster lacks the column{'s' if len(missing) > 1 else ''} {', '.join(missing)}",
            Location(source, line),
            hint=f"the header must name {', '.join(REQUIRED_COLUMNS)} (and optionally issued_on); "
                 f"it has {', '.join(repr(cell) for cell in header) or 'nothing'}",
        )
    return {column: names.index(column) for column in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS) if column in names}


def _entry(cells: list[str], columns: dict[str, int], where: Location) -> RosterEntry:
    def cell(column: str) -> str:
        index = columns.get(column)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    values = {column: cell(column) for column in REQUIRED_COLUMNS}
    empty = [column for column, value in values.items() if not value]
    if empty:
        raise MedbadgeError(f"row {where.line} has no {', '.join(empty)}", where, hint="fill in every required column")
    email = values["email"]
    if not _EMAIL.fullmatch(email):
        raise MedbadgeError(f"row {where.line}: malformed e-mail address {email!r}", where,
                            hint="write it as name@domain.tld")
    name = unicodedata.normalize("NFC", values["name"])
    issued = cell("issued_on")
    subject_id = cell("subject_id") or None
    if subject_id is not None:
        if not _SUBJECT_ID.fullmatch(subject_id):
            raise MedbadgeError(f"row {where.line}: subject_id {subject_id!r} is not a URI", where,
                                hint="give the learner's DID (did:key:..., did:web:...) or another absolute URI, or leave it empty")
        if subject_id.lower().startswith("mailto:"):
            raise MedbadgeError(f"row {where.line}: subject_id is a mailto: URI", where,
                                hint="the e-mail column is hashed; a mailto: subject_id would publish the plain address")
    return RosterEntry(where.line or 0, name, email, values["badge"], values["tier"],
                       normalise_issued_on(issued, where) if issued else None, subject_id)


def normalise_issued_on(value: str, where: Location | None = None) -> str:
    """An ISO 8601 date or date-time as the UTC date-time the credentials carry.

    >>> normalise_issued_on("2025-06-30"), normalise_issued_on("2025-06-30T09:30:00+02:00")
    ('2025-06-30T00:00:00Z', '2025-06-30T07:30:00Z')
    """
    text = value.strip()
    try:
        if len(text) == 10:
            moment = datetime.combine(date.fromisoformat(text), datetime.min.time(), timezone.utc)
        else:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=timezone.utc)
    except ValueError:
        row = f"row {where.line}: " if where is not None and where.line else ""
        raise MedbadgeError(f"{row}issued_on {value!r} is not an ISO 8601 date", where,
                            hint="write it as YYYY-MM-DD") from None
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _duplicates(entries: list[RosterEntry], source: str) -> list[MedbadgeError]:
    seen: dict[tuple[str, str, str], int] = {}
    found = []
    for entry in entries:
        key = (entry.email_key, entry.badge, entry.tier)
        if key in seen:
            found.append(MedbadgeError(
                f"row {entry.row} awards {entry.badge} / {entry.tier} to the same e-mail as row {seen[key]}",
                Location(source, entry.row), hint="remove the duplicate line"))
        else:
            seen[key] = entry.row
    return found


__all__ = ["MAX_ROW_PROBLEMS", "OPTIONAL_COLUMNS", "REQUIRED_COLUMNS", "RosterEntry", "RosterError", "normalise_issued_on", "parse_roster", "read_roster"]
