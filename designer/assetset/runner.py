"""``build``: badge set file → complete asset set, incremental, parallel and atomic.

The steps: load and resolve (fail before touching anything), check the target, clean up after
killed builds, make a staging folder beside the target, reuse unchanged designs' files from the
previous asset set (hard links, same filesystem), render the rest in a process pool, write the
Open Badges JSON, cache state, manifest and contact sheet, then swap the staging folder in. Any
failure — or Ctrl-C — deletes the staging folder and leaves the previous asset set as it was.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import multiprocessing
import os
import shutil
import signal
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import designer
from designer.assetset import staging, uptodate
from designer.assetset.options import BuildOptions, write_file
from designer.assetset.records import FileRecord
from designer.assetset.staging import UNTOUCHED
from designer.base.errors import Location, MedbadgeError
from designer.base.files import write_error

if TYPE_CHECKING:  # the engine is imported only when the asset set is not already up to date
    from designer.assetset.render import RenderJob
    from designer.design import Design

#: ``progress(done, total, slug, status)`` with status ``rendered`` or ``unchanged``.
Progress = Callable[[int, int, str, str], None]


@dataclass(frozen=True)
class BuildResult:
    output: Path
    designs: int
    rendered: int  # designs composed and rasterised in this build
    reused: int  # designs whose files were reused from the previous build
    rasters: int  # PNG renders (CairoSVG calls) in this build
    files: int
    written: int  # files that are new or whose bytes changed
    unchanged: int  # files identical to the previous build
    seconds: float
    findings: int | None = None  # lint findings shown on the contact sheet (None: not linted)
    slugs: tuple[str, ...] = ()  # the designs built, in order
    up_to_date: bool = False  # nothing to do: every input and output as the last build left them


def build(badge_set_path: str | Path, output: str | Path, options: BuildOptions = BuildOptions(),
          progress: Progress | None = None) -> BuildResult:
    """Build the asset set of ``badge_set_path`` into ``output`` (see docs/build.md)."""
    started = time.perf_counter()
    target = Path(output).absolute()
    memo = options.writer is write_file  # a build with a test's writer is never skipped
    staging.recover_and_clean(target)  # what killed builds left beside the target (not an input)
    asked = uptodate.request_digest(Path(badge_set_path).absolute(), target, _request_of(options))
    if memo and (previous := uptodate.check(target, asked)) is not None:
        return _unchanged(previous, target, started, progress)  # nothing parsed, read or written
    with uptodate.recording(target) as inputs:
        result = _build(badge_set_path, target, options, progress, started)
    if memo:
        uptodate.save(target, asked, inputs, _memo_of(result))
    return result


def _build(badge_set_path, target: Path, options: BuildOptions, progress: Progress | None,
           started: float) -> BuildResult:
    from designer.assetset import cache, metadata, sheet

    badge_set = designer.load(badge_set_path)
    paths = badge_set.model.paths
    uptodate.watch(badge_set.resolve_paths([*paths.icons, *paths.templates, *paths.palettes]))
    designs = designer.resolve(badge_set, badges=options.badges, tiers=options.tiers)
    if not designs:
        raise MedbadgeError("the filters select no design", hint="check --badge and --tier")
    staging.check_target(target)
    old_state = cache.load_state(target)
    old_hashes = _previous_hashes(target)
    from designer.share import selection  # share renditions are part of every design's cache key

    request = json.dumps([[str(s) for s in options.sizes], list(options.formats), _png_text(badge_set),
                          selection.request(badge_set)])
    keys = {d.slug: cache.design_cache_key(d, request) for d in designs}

    folder = staging.make_staging(target)
    try:
        entries, counts = _render_all(designs, keys, old_state, target, folder, options, badge_set, progress)
        files = [f for _, records in entries.values() for f in records]
        achievements: dict[str, dict] = {}  # slug -> the OB 3.0 Achievement, for the badge pages
        files += _write_json(designs, badge_set, options, folder, files, achievements)
        if selection.wants(badge_set, "pages"):  # public badge pages (designer.share.pages), after the JSON
            from designer.share.pages import badge_pages

            for design, path, page in badge_pages(designs, files, achievements):
                _write(options, folder / path, page)
                files.append(FileRecord(path, hashlib.sha256(page).hexdigest(), len(page), design.badge_id,
                                        design.tier_id, "page"))
        _write(options, folder / cache.STATE_FILE, cache.state_json(entries), mkdir=True)
        findings = _lint(badge_set, designs) if options.lint else None
        index = sheet.index_html(badge_set.model.issuer.name, designs, files, findings)
        _write(options, folder / "index.html", index)
        files.append(FileRecord("index.html", hashlib.sha256(index).hexdigest(), len(index), None, None, "index"))
        _write(options, folder / "manifest.json", sheet.manifest_json(files, metadata.lint_status(findings)))
        staging.swap_in(folder, target)
    except OSError as error:
        staging.discard(folder)
        raise write_error(error, None, UNTOUCHED) from None
    except BaseException:
        staging.discard(folder)
        raise
    written = sum(1 for f in files if old_hashes.get(f.path) != f.sha256)
    return BuildResult(target, len(designs), counts[0], counts[1], counts[2], len(files), written,
                       len(files) - written, time.perf_counter() - started,
                       None if findings is None else len({id(v) for found in findings.values() for v in found}),
                       tuple(d.slug for d in designs))


def _request_of(options: BuildOptions) -> list:
    """The options that shape the asset set (not how many workers make it)."""
    return [[str(s) for s in options.sizes], list(options.formats), options.badges and sorted(options.badges),
            options.tiers and sorted(options.tiers), options.base_url, options.lint,
            os.environ.get("SOURCE_DATE_EPOCH")]  # the print PDFs' date (designer.share.selection)


def _memo_of(result: BuildResult) -> dict:
    return {"designs": result.designs, "files": result.files, "findings": result.findings,
            "slugs": list(result.slugs)}


def _unchanged(previous: dict, target: Path, started: float, progress: Progress | None) -> BuildResult:
    slugs = tuple(previous["slugs"])
    for done, slug in enumerate(slugs, 1):
        if progress:
            progress(done, len(slugs), slug, "unchanged")
    return BuildResult(target, previous["designs"], 0, previous["designs"], 0, previous["files"], 0,
                       previous["files"], time.perf_counter() - started, previous["findings"], slugs, True)


def _lint(badge_set, designs: list[Design]) -> dict[str, list]:
    """Lint findings by design slug (badge-level findings go to each of the badge's designs)."""
    from designer.lint import lint

    by_slug: dict[str, list] = {d.slug: [] for d in designs}
    from designer.share.checks import card_violations
    from designer.share.selection import wants

    cards = card_violations(badge_set, designs) if wants(badge_set, "card") else []  # the share card, like a badge
    for violation in [*lint(badge_set, designs), *cards]:
        for design in designs:
            if design.badge_id == violation.badge and violation.tier in (None, design.tier_id):
                by_slug[design.slug].append(violation)
    return by_slug


def _render_all(designs, keys, old_state, target, folder, options, badge_set, progress):
    """Reuse or render every design; returns ``slug → (key, files)`` and (rendered, reused, rasters)."""
    from designer.assetset import cache

    entries: dict[str, tuple[str, tuple[FileRecord, ...]]] = {}
    todo: list[Design] = []
    done = 0
    for design in designs:
        reused = cache.reusable_files(target, old_state.get(design.slug), keys[design.slug])
        if reused is None:
            todo.append(design)
            continue
        for record in reused:
            _link(target / record.path, folder / record.path)
        entries[design.slug] = (keys[design.slug], reused)
        done += 1
        if progress:
            progress(done, len(designs), design.slug, "unchanged")
    reused_count = done
    if not todo:  # a no-op rebuild loads no renderer, font engine or rasteriser
        return entries, (0, reused_count, 0)
    from designer.assetset.render import RenderJob

    text = tuple(_png_text(badge_set).items())
    from designer.share.selection import renditions

    jobs = [RenderJob(d, str(folder), options.sizes, "svg" in options.formats, "png" in options.formats, text,
                      options.writer, os.getpid(), renditions(badge_set)) for d in todo]
    rasters = 0
    for result in _run(jobs, options.worker_count):
        if result.error is not None:
            message, where, hint = result.error
            raise MedbadgeError(message, Location(where) if where else None, hint=hint)
        entries[result.slug] = (keys[result.slug], result.files)
        rasters += result.rasters
        done += 1
        if progress:
            progress(done, len(designs), result.slug, "rendered")
    return entries, (len(todo), reused_count, rasters)


def _run(jobs: list[RenderJob], workers: int):
    """Results as they finish: in this process for one worker (or one job), else a fork pool.

    Workers ignore Ctrl-C (the build stops them) and ask the kernel to kill them when the build's
    process dies, however it dies; on any failure the pool is stopped at once, not drained."""
    from designer.assetset.render import render_design

    if workers <= 1 or len(jobs) <= 1:
        yield from map(render_design, jobs)
        return
    context = multiprocessing.get_context("fork")  # workers inherit loaded modules: no re-import cost
    pool = ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=context,
                               initializer=_worker_start, initargs=(os.getpid(),))
    try:
        # Forking runs at-fork hooks (logging's among them), where an exception is printed and
        # dropped: a Ctrl-C raised there would be lost. Held until the workers are forked.
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            futures = [pool.submit(render_design, job) for job in jobs]
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        for future in as_completed(futures):
            yield future.result()
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown(wait=True)


def _worker_start(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:  # Linux: the kernel sends SIGKILL to this worker when the process that forked it dies
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # elsewhere render_design's orphan check stops a worker at its next job
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def _stop(pool: ProcessPoolExecutor) -> None:
    """Cancel what has not started and kill the workers (their half-written files are in the
    staging folder, which the caller deletes)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.kill()
    for process in processes:
        process.join(timeout=5)


def _write_json(designs, badge_set, options, folder, files, achievements: dict | None = None) -> list[FileRecord]:
    from designer.assetset import metadata

    if "json" not in options.formats:
        return []
    model = badge_set.model
    issuer = metadata.IssuerInfo(model.issuer.id, model.issuer.name, model.issuer.url, model.issuer.email,
                                 model.issuer.description)
    base = options.base_url or metadata.base_url_for(model.issuer.id)
    badges = {b.id: metadata.BadgeInfo(b.criteria_url, b.achievement_type or model.defaults.achievement_type)
              for b in model.badges}
    images = _image_paths(files)
    records = []
    for design in designs:
        image_path = images.get(design.slug, f"{design.badge_id}/{design.slug}.svg")
        image = metadata.asset_url(base, image_path)
        for kind, builder in (("badgeclass", metadata.badgeclass), ("achievement", metadata.achievement)):
            path = f"{design.badge_id}/{design.slug}.{kind}.json"
            data = builder(design, issuer, badges[design.badge_id], id=metadata.asset_url(base, path), image=image)
            if achievements is not None and kind == "achievement":
                achievements[design.slug] = data
            blob = (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
            (folder / design.badge_id).mkdir(exist_ok=True)
            _write(options, folder / path, blob)
            records.append(FileRecord(path, hashlib.sha256(blob).hexdigest(), len(blob), design.badge_id,
                                      design.tier_id, kind))
    return records


def _image_paths(files: list[FileRecord]) -> dict[str, str]:
    """The image an Open Badges file points at: the largest PNG (upload master), else the SVG."""
    best: dict[str, tuple[int, str]] = {}
    for record in files:
        slug = f"{record.badge}-{record.tier}"
        rank = record.pixels if record.kind == "png" else (0 if record.kind == "svg" else -1)
        if rank >= 0 and rank >= best.get(slug, (-1, ""))[0]:
            best[slug] = (rank, record.path)
    return {slug: path for slug, (_, path) in best.items()}


def _png_text(badge_set) -> dict[str, str]:
    name = badge_set.model.issuer.name
    return {"Author": name, "Copyright": f"© {name}", "Software": f"medbadge {designer.__version__}"}


def _link(source: Path, dest: Path) -> None:
    dest.parent.mkdir(exist_ok=True)
    try:
        os.link(source, dest)
    except OSError:
        shutil.copyfile(source, dest)


def _write(options: BuildOptions, path: Path, data: bytes, mkdir: bool = False) -> None:
    if mkdir:
        path.parent.mkdir(exist_ok=True)
    options.writer(path, data)


def _previous_hashes(target: Path) -> dict[str, str]:
    try:
        data = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
        return {item["path"]: item["sha256"] for item in data["files"]}
    except (OSError, ValueError, KeyError, TypeError):
        return {}
