"""``--rev A..B``: a badge set file at two git revisions, each built into a cache.

Each revision's tree is exported with ``git archive`` (the badge set may name icons, palettes,
templates or fonts anywhere in the repository, so the whole tree is taken, never a guessed
subset) into ``<cache>/<repository>/<commit>/src``, once, and built with ``--lint`` into
``.../dist`` beside it. A commit's tree never changes, so a second diff reuses both; the build is
incremental besides. ``A..`` (no ``B``) compares ``A`` with the working tree, built into
``.../worktree/dist``. The cache lives in ``$XDG_CACHE_HOME/medbadge/diff`` (default
``~/.cache/medbadge/diff``) unless ``--cache-dir`` says otherwise.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

from designer.base.errors import Location, MedbadgeError, display_path

GIT_TIMEOUT = 120


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "medbadge" / "diff"


def parse_range(text: str) -> tuple[str, str | None]:
    """``"A..B"`` → ``("A", "B")``; ``"A.."`` → ``("A", None)`` (the working tree).

    >>> parse_range("main..HEAD"), parse_range("v1..")
    (('main', 'HEAD'), ('v1', None))
    """
    old, sep, new = text.partition("..")
    if not sep or not old or new.startswith("."):
        raise MedbadgeError(f"--rev '{text}' is not a range",
                            hint="give two revisions as A..B (e.g. main..HEAD), or A.. for A against the working tree")
    return old, new or None


def _git(repo: Path, *args: str, binary: bool = False) -> bytes | str:
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, timeout=GIT_TIMEOUT,
                              check=False)
    except FileNotFoundError:
        raise MedbadgeError("git is not installed", hint="install git, or diff two built folders instead") from None
    except subprocess.TimeoutExpired:
        raise MedbadgeError(f"git {args[0]} took longer than {GIT_TIMEOUT} s", hint="check the repository") from None
    if done.returncode:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise MedbadgeError(f"git {args[0]}: {message[-1] if message else 'failed'}", Location(display_path(repo)),
                            hint="check the revision names (git log --oneline) and that the file is in the repository")
    return done.stdout if binary else done.stdout.decode("utf-8", "replace").strip()


def repository_of(badge_set: Path) -> tuple[Path, str]:
    """The repository's top folder and the badge set's path inside it (with ``/``)."""
    if not badge_set.is_file():
        raise MedbadgeError("no such badge set file", Location(display_path(badge_set)),
                            hint="give the badges.yaml to compare across revisions")
    top = Path(_git(badge_set.resolve().parent, "rev-parse", "--show-toplevel"))
    return top, badge_set.resolve().relative_to(top.resolve()).as_posix()


def commit_of(repo: Path, revision: str, inside: str) -> str:
    try:
        commit = _git(repo, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
    except MedbadgeError:
        raise MedbadgeError(f"unknown revision '{revision}'", Location(display_path(repo)),
                            hint="name a commit, branch or tag (git log --oneline)") from None
    try:
        kind = _git(repo, "cat-file", "-t", f"{commit}:{inside}")
    except MedbadgeError:
        kind = None
    if kind != "blob":
        raise MedbadgeError(f"revision '{revision}' has no file {inside}", Location(display_path(repo)),
                            hint="pick revisions in which the badge set exists")
    return commit


def export_tree(repo: Path, commit: str, target: Path) -> Path:
    """The tree of ``commit`` under ``target`` (made once: a folder that exists is complete)."""
    if target.is_dir():
        return target
    data = _git(repo, "archive", "--format=tar", commit, binary=True)
    partial = target.with_name(target.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    try:
        with tarfile.open(fileobj=io.BytesIO(data)) as archive:
            archive.extractall(partial, filter="data")  # no absolute paths, no links out, no devices
        os.replace(partial, target)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return target


def build_revision(badge_set: Path, revision: str | None, cache: Path, jobs: int = 0) -> Path:
    """The asset set of ``badge_set`` at ``revision`` (``None``: the working tree), built if missing.

    An error in a revision's files names them as git does, ``REV:path`` (not the cache copy)."""
    from designer.assetset import BuildOptions, build

    repo, inside = repository_of(badge_set)
    where = cache / hashlib.sha256(str(repo.resolve()).encode()).hexdigest()[:16]
    if revision is None:
        source, dist, tree = badge_set, where / "worktree" / "dist", None
    else:
        commit = commit_of(repo, revision, inside)
        tree = export_tree(repo, commit, where / commit / "src")
        source, dist = tree / inside, where / commit / "dist"
    dist.parent.mkdir(parents=True, exist_ok=True)
    try:
        build(source, dist, BuildOptions(lint=True, jobs=jobs))
    except MedbadgeError as error:
        if tree is None:
            raise
        raise _in_revision(error, tree, revision) from None
    return dist


def _in_revision(error: MedbadgeError, tree: Path, revision: str) -> MedbadgeError:
    """``error`` with places in the exported ``tree`` written ``REV:path``, every problem kept."""
    from dataclasses import replace

    from designer.base.errors import BadgeSetError

    def relabel(one: MedbadgeError) -> MedbadgeError:
        where = one.location
        try:
            inside = Path(where.path).resolve().relative_to(tree.resolve()).as_posix()
        except (AttributeError, TypeError, ValueError):  # no place, or a place outside the tree
            return one
        return MedbadgeError(one.message, replace(where, path=f"{revision}:{inside}"), hint=one.hint)

    if isinstance(error, BadgeSetError):
        return BadgeSetError([relabel(problem) for problem in error.problems])
    return relabel(error)
