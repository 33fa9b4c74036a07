"""Plan and write a starter badge set: check the answers, derive the palette, place every file.

``plan(options)`` does the work and returns the files as bytes, each checked: the palette is
derived and linted as ``medbadge palettes derive`` does, and the badge set is loaded and linted
with every rule by the same code ``lint`` and ``build`` use, in a scratch folder, before anything
is written (a badge the rules find crowded on its template is moved to the next one that holds
its texts, and whatever is left is reported).
``write(starter)`` then creates every file exclusively and atomically: an existing file is never
replaced, and a failure leaves nothing half-written.
"""

from __future__ import annotations

import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from designer.base.errors import Location, MedbadgeError, did_you_mean, display_path, unknown_name
from designer.frameworks import Framework, framework_from_data, slug

MIXED = "mixed"  # one template after another, so a set shows every shape
DEFAULT_TEMPLATE = "seal"
DEFAULT_PALETTE = "harbour"
PALETTE_FOLDER = "palettes"
MAX_PLACING_ROUNDS = 4  # place, lint, move the badges lint finds problems with; then report what is left
MAX_SCHOOL_CHARS = 100
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_SMALL_WORDS = {"of", "the", "and", "for", "at", "in", "de", "la", "du", "des", "&"}

#: The starter without a framework: three badges every school can reword.
BASIC = {
    "title": "Starter badges",
    "items": [
        {"code": "1", "name": "Clinical skills", "title": "Clinical Skills", "icon_terms": ["stethoscope", "clinical skills"],
         "description": "Gathers a history and examines patients accurately and with respect.",
         "criteria": "Directly observed encounters rated on the school's clinical skills rubric."},
        {"code": "2", "name": "Teamwork", "title": "Teamwork", "icon_terms": ["teamwork", "interprofessional"],
         "description": "Works as a reliable member of the clinical team.",
         "criteria": "Multi-source feedback from the team across placements."},
        {"code": "3", "name": "Professionalism", "title": "Professionalism", "icon_terms": ["professionalism", "ethics"],
         "description": "Shows integrity, reliability and respect in every clinical and academic setting.",
         "criteria": "Professionalism reviews across all placements with no unresolved concerns."},
    ],
}


@dataclass(frozen=True)
class StarterOptions:
    """The answers ``medbadge init`` collects (from prompts or flags)."""

    directory: Path
    school: str
    url: str
    email: str | None = None
    brand_colour: str | None = None  # None: the built-in harbour palette
    framework: str | None = None  # a built-in name, a .csv/.yaml path, or None for three basic badges
    template: str = DEFAULT_TEMPLATE  # a template name or "mixed"


@dataclass(frozen=True)
class Starter:
    """What ``write`` will create: every file as bytes, and what to tell the user."""

    directory: Path
    files: tuple[tuple[Path, bytes], ...]
    badge_count: int
    framework: Framework
    notes: tuple[str, ...] = field(default=())

    @property
    def badge_set(self) -> Path:
        return self.directory / "badges.yaml"


def template_choices() -> list[str]:
    from designer import templates

    return [*templates.names(), MIXED]


def load_framework(ref: str | None) -> tuple[Framework, bool]:
    """The framework ``ref`` names and whether badges align to it (not for the basic starter)."""
    from designer import frameworks

    if ref is None or ref == "none":
        return framework_from_data("starter", BASIC, lambda keys: Location("designer/starter/create.py")), False
    known = frameworks.names()
    if ref in known:
        return frameworks.get(ref), True
    if Path(ref).suffix.lower() in (".csv", ".yaml", ".yml"):
        from designer.starter.school_list import read_school_list

        return read_school_list(ref), True
    raise MedbadgeError(f"unknown framework '{ref}'",
                        hint=did_you_mean(ref, [*known, "none"])
                        or f"choose {', '.join(known)}, none, or a .csv or .yaml file of your own list")


def issuer_mark(school: str) -> str:
    """Initials of the school's main words, for templates with an issuer-mark slot.

    >>> issuer_mark("Northfield School of Medicine"), issuer_mark("Université de Montréal")
    ('NSM', 'UM')
    """
    words = [w for w in re.findall(r"[^\W\d_]+", school) if w.lower() not in _SMALL_WORDS]
    return "".join(w[0].upper() for w in words)[:6] or "MB"


def check_options(options: StarterOptions) -> list[MedbadgeError]:
    """Every problem with the answers at once (each names the option to fix)."""
    problems = []
    school = " ".join(options.school.split())
    if not school:
        problems.append(MedbadgeError("the school name is empty", hint="pass --school \"Name of the school\""))
    elif any(unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn") for char in school):
        problems.append(MedbadgeError("the school name holds a control or unassigned character",
                                      hint="type the name as plain text"))
    elif len(school) > MAX_SCHOOL_CHARS:
        problems.append(MedbadgeError(f"the school name has {len(school)} characters; keep it to {MAX_SCHOOL_CHARS}"))
    parts = urlsplit(options.url.strip())
    if parts.scheme != "https" or not parts.hostname or " " in options.url.strip():
        problems.append(MedbadgeError(f"issuer URL '{options.url}' is not an https address",
                                      hint="pass --url https://your-school.example (Open Badges issuers are https)"))
    if options.email is not None and not _EMAIL.match(options.email):
        problems.append(MedbadgeError(f"'{options.email}' is not an e-mail address", hint="pass --email name@school.example"))
    if options.template not in template_choices():
        problems.append(unknown_name("template", options.template, template_choices()))
    return problems


def plan(options: StarterOptions) -> Starter:
    """Check the answers and build every file in memory; raise one error listing every problem."""
    from designer.base.errors import BadgeSetError
    from designer.starter.badgeset_text import StarterBadge, StarterText, render
    from designer.starter.icons import FITTING_SCORE, choose
    from designer.starter.tiers import tier_specs

    problems = check_options(options)
    if problems:
        raise BadgeSetError(problems)
    directory = options.directory
    target = directory / "badges.yaml"
    if target.exists() or target.is_symlink():
        raise MedbadgeError(f"{display_path(target)} exists", hint="init never replaces a file: choose another folder")
    framework, aligned = load_framework(options.framework)
    school = " ".join(options.school.split())
    url = options.url.strip().rstrip("/")
    email = options.email or f"badges@{urlsplit(url).hostname}"
    files: list[tuple[Path, bytes]] = []
    notes: list[str] = []
    if options.brand_colour:
        palette = slug(school)[:40].rstrip("-") or "brand"
        palette_file = directory / PALETTE_FOLDER / f"{palette}.toml"
        if palette_file.exists() or palette_file.is_symlink():  # before the work of deriving
            raise MedbadgeError(f"{display_path(palette_file)} exists",
                                hint="init never replaces a file: choose another folder, or remove it")
        toml, note = _derived_palette(options.brand_colour, palette, school)
        files.append((directory / PALETTE_FOLDER / f"{palette}.toml", toml))
        palette_note = f"{PALETTE_FOLDER}/{palette}.toml, derived from {options.brand_colour} by `medbadge palettes derive`"
        notes.extend(note)
        folder = PALETTE_FOLDER
    else:
        palette, palette_note, folder = DEFAULT_PALETTE, "a built-in palette: deep teal, sand keyline, four metals", None
    tiers = tier_specs(framework) if aligned else None
    placing = _TemplatePlacer(options.template, [tier["label"] for tier, _ in tiers or ()])
    icons, used = [], set()
    for item in framework.items:
        best, rest = choose(item, used=frozenset(used))
        used.add(best.name)
        icons.append((best, tuple(rest)))
        if best.score < FITTING_SCORE:
            notes.append(f"no icon fits '{item.title}' well, so it has '{best.name}'; "
                         f"find a better one with `medbadge icons search WORD`")
    # Place, write, lint; a badge with findings on its template moves to the next template that
    # holds its texts, until the set is clean (the fitting above cannot foresee crowding or edge
    # rules, which measure the composed drawing) or no badge can move.
    avoid: dict[str, set[str]] = {}
    for _ in range(MAX_PLACING_ROUNDS):
        badges, moved = [], []
        for index, item in enumerate(framework.items):
            template, why = placing.template_for(index, item, aligned, avoid.get(item.id, set()))
            if why:
                moved.append(why)
            badges.append(StarterBadge(item, *icons[index], template, why))
        text = render(StarterText(
            school=school, issuer_id=f"{url}/badges/issuer", url=url, email=email, issuer_mark=issuer_mark(school),
            palette=palette, palette_note=palette_note, palette_folder=folder,
            default_template=DEFAULT_TEMPLATE if options.template == MIXED else options.template,
            framework=framework, aligned=aligned, tiers=tiers, badges=badges))
        candidate = [(target, text.encode("utf-8")), *files]
        findings = _check_loads(candidate, directory)
        shown = {b.item.id: b.template or options.template for b in badges}
        movable = {v.badge for v in findings if v.badge in shown and placing.can_move(
            framework.item(v.badge), aligned, avoid.get(v.badge, set()) | {shown[v.badge]})}
        if not movable:
            break
        for badge_id in movable:
            avoid.setdefault(badge_id, set()).add(shown[badge_id])
    notes.extend(moved)
    if findings:
        notes.append(f"lint still finds {len(findings)} problem(s) in the starter set (run the lint command "
                     f"below): " + "; ".join(f"{v.code} {v.message}" for v in findings[:2]))
    return Starter(directory, tuple(candidate), len(badges), framework, tuple(notes))


class _TemplatePlacer:
    """Which template each badge gets: the chosen one, or with ``mixed`` each template in turn,
    skipping a template whose slots cannot hold the badge's title (or subtitle, or the tier
    labels) so that every badge init writes composes; the reason is kept for the YAML comment."""

    def __init__(self, choice: str, labels: list[str]):
        from designer.starter.fit import misfits

        self.choice = choice
        self.names = template_choices()[:-1]
        refused = {name for label in labels for name, _ in misfits(label, "tier_label")}
        self.usable = [name for name in self.names if name not in refused]
        if not self.usable or (choice != MIXED and choice in refused):
            where = f"the {choice} template" if choice != MIXED else "any template"
            raise MedbadgeError(f"the tier labels {', '.join(repr(l) for l in labels)} do not all fit {where}",
                                hint="shorten the level labels of the framework, or choose another template")

    def _order(self, index: int) -> list[str]:
        if self.choice == MIXED:
            start = index % len(self.usable)
            return self.usable[start:] + self.usable[:start]
        return [self.choice] + [name for name in self.usable if name != self.choice]

    def _holds(self, name: str, item, aligned: bool) -> bool:
        from designer.starter.badgeset_text import subtitle_for
        from designer.starter.fit import misfits

        subtitle = subtitle_for(item, aligned)
        return not (misfits(item.title, "title", (name,)) or (subtitle and misfits(subtitle, "subtitle", (name,))))

    def can_move(self, item, aligned: bool, avoid: set[str]) -> bool:
        """Whether a template outside ``avoid`` holds the item's texts."""
        return any(name not in avoid and self._holds(name, item, aligned) for name in self.usable)

    def template_for(self, index: int, item, aligned: bool, avoid: set[str] = frozenset()) -> tuple[str | None, str]:
        """``(template or None for the set's default, why the choice was moved)``; ``avoid`` holds
        templates on which lint found problems with this badge."""
        order = self._order(index)
        wanted = order[0]
        for name in order:
            if name in avoid or not self._holds(name, item, aligned):
                continue
            if name == wanted:
                return (None if self.choice != MIXED else name), ""
            reason = ("lint finds its texts crowded there" if wanted in avoid and self._holds(wanted, item, aligned)
                      else "its title does not fit that template's title slot")
            return name, f"'{item.title}' is set on the {name}, not the {wanted}: {reason}"
        raise MedbadgeError(f"the title '{item.title}' ({item.code}) fits no template",
                            hint="shorten it: the official wording stays in 'name'")


def _derived_palette(colour: str, name: str, school: str) -> tuple[bytes, list[str]]:
    """A palette from the brand colour, derived and linted exactly as ``medbadge palettes derive`` does."""
    from designer.base.color import Color, ColorParseError
    from designer.lint.derived_palette import lint_derived
    from designer.palettes.derive import DerivationError, derive

    try:
        key = Color.parse(colour)
    except ColorParseError as error:
        raise MedbadgeError(str(error), hint="pass --brand-colour as #rrggbb, e.g. #0b5563") from None
    if not key.opaque:
        raise MedbadgeError("the brand colour must be opaque (no alpha)", hint="pass --brand-colour as #rrggbb")
    derived = derive([key], name=name, title=school)
    violations = lint_derived(derived)
    if violations:
        raise DerivationError(f"the palette derived from {colour} fails {len(violations)} lint check(s): "
                              + "; ".join(f"{v.code} {v.message}" for v in violations[:3]),
                              hint="try a darker or more saturated brand colour")
    checked = (f"palette '{name}' derived from {colour}: the contrast and tier rules pass on every template "
               "in all four tiers")
    return derived.to_toml().encode("utf-8"), [checked, *derived.notes]


def _check_loads(files: list[tuple[Path, bytes]], directory: Path) -> list:
    """Load the badge set from a scratch copy with the reader lint and build use (a bug here must
    not reach a school as a file that does not load), and lint it with every rule."""
    from designer.badgeset.load import load
    from designer.lint import lint

    with tempfile.TemporaryDirectory(prefix="medbadge-init-") as scratch:
        for path, data in files:
            copy = Path(scratch) / path.relative_to(directory)
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_bytes(data)
        try:
            badge_set = load(Path(scratch) / "badges.yaml")
        except MedbadgeError as error:  # the answers passed check_options, so this is init's fault
            raise MedbadgeError(f"init made a badge set that does not load, so it wrote nothing: {error}",
                                hint="please report this with the command you ran") from None
        return lint(badge_set)


def write(starter: Starter) -> list[Path]:
    """Create the folder (if needed) and every file, exclusively; return the paths written."""
    from designer.base.files import write_all_atomic, write_error

    directory = starter.directory
    created = not directory.exists()
    try:
        for folder in sorted({path.parent for path, _ in starter.files}):
            folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise write_error(error, directory, "nothing was written") from None
    try:
        write_all_atomic(list(starter.files), exclusive=True)
    except BaseException:
        if created:
            _remove_empty(directory)
        raise
    return [path for path, _ in starter.files]


def _remove_empty(directory: Path) -> None:
    for folder in (directory / PALETTE_FOLDER, directory):
        try:
            folder.rmdir()  # only when empty: nothing of the user's is removed
        except OSError:
            pass
