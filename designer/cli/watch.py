"""``--watch`` for ``lint`` and ``build``: run again each time a file the badge set uses is saved.

The folder of the badge set is watched (with watchfiles, which uses the operating system's file
events: inotify, FSEvents, ReadDirectoryChangesW), and so are the icon, template and palette
folders the badge set names, wherever they are. Only input files count (:data:`INPUT_SUFFIXES`);
hidden files and folders — an editor's swap files, the build's own ``.dist.medbadge-build-*``
staging folder — and the output (the asset set, a lint report) are not watched, so a run never
wakes itself up.

Each run ends with one short status line on stderr, ``[14:02:31] lint: 2 findings``; a badge set
that does not load prints its error and the watch goes on, waiting for the fix. Ctrl-C stops the
watch and exits 0: stopping it is how a watch ends, not a failure.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

import typer

from designer.base import interrupt
from designer.base.errors import MedbadgeError, display_path

#: Quiet time after the last change before a run starts: an editor's save is often several writes.
DEBOUNCE_MS = 300
#: What a badge set is made of: the file itself, palettes, templates, icons, fonts. Anything else
#: in the folder — a report the run writes, ``> out.txt``, an editor's temporary file — is not an
#: input, and reacting to it would make a run wake itself up.
INPUT_SUFFIXES = frozenset({".yaml", ".yml", ".toml", ".j2", ".svg", ".ttf", ".otf", ".ttc"})


def watched_folders(badge_sets: Iterable[Path]) -> list[Path]:
    """The folder of each badge set and every search-path folder it names (those that exist)."""
    import designer

    folders: list[Path] = []
    for badge_set in badge_sets:
        folders.append(badge_set.resolve().parent)
        try:
            loaded = designer.load(badge_set)
        except MedbadgeError:
            continue  # a broken file is watched all the same: the next save may fix it
        paths = loaded.model.paths
        for group in (paths.icons, paths.templates, paths.palettes):
            folders += [folder for folder in loaded.resolve_paths(group) if folder.is_dir()]
    unique: list[Path] = []
    for folder in folders:  # a folder inside another watched one adds nothing (the watch is recursive)
        if not any(folder == kept or kept in folder.parents for kept in unique):
            unique = [kept for kept in unique if folder not in kept.parents] + [folder]
    return unique


def _status(verb: str, text: str) -> None:
    typer.echo(f"[{time.strftime('%H:%M:%S')}] {verb}: {text}", err=True)


def _run(verb: str, action: Callable[[], str]) -> None:
    try:
        _status(verb, action())
    except MedbadgeError as error:
        typer.echo(f"error: {error}", err=True)
        _status(verb, "failed; fix it and save to run again")


def watch_badge_set(badge_set: Path, verb: str, action: Callable[[], str], *, extra: Iterable[Path] = (),
                    ignore: Iterable[Path] = ()) -> int:
    """Run ``action`` now and after every change; return 0 when the user presses Ctrl-C."""
    from watchfiles import DefaultFilter, watch

    class _Filter(DefaultFilter):
        def __call__(self, change, path: str) -> bool:
            if not super().__call__(change, path):
                return False
            here = Path(path)
            if here.suffix.lower() not in INPUT_SUFFIXES:
                return False
            if any(here == skip or skip in here.parents for skip in skipped):
                return False
            root = next((folder for folder in folders if folder in here.parents), None)
            inside = here.relative_to(root).parts if root is not None else (here.name,)
            return not any(part.startswith(".") for part in inside)

    skipped = [Path(p).resolve() for p in ignore]
    folders = watched_folders([badge_set, *extra])
    try:
        _run(verb, action)
        typer.echo(f"watching {', '.join(display_path(f) for f in folders)} (Ctrl-C to stop)", err=True)
        for changes in watch(*folders, watch_filter=_Filter(), debounce=DEBOUNCE_MS, raise_interrupt=True):
            names = sorted({display_path(path) for _, path in changes})
            more = f" and {len(names) - 3} more" if len(names) > 3 else ""
            _status(verb, f"changed {', '.join(names[:3])}{more}; running")
            _run(verb, action)
    except (KeyboardInterrupt, interrupt.Interrupted):
        typer.echo("stopped watching", err=True)
    return 0
