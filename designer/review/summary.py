"""The diff as text: a terminal summary and a Markdown summary for a pull-request comment or a
GitHub job summary (``$GITHUB_STEP_SUMMARY``). Both list every visual change with its lint
status on both sides; the Markdown points at the HTML report for the pictures."""

from __future__ import annotations

from designer.review.changes import DesignChange


def lint_text(design, linted: bool) -> str:
    """A design's lint status in words: ``clean``, ``warning (MB501)``, ``not linted``; ``—`` for no design."""
    if design is None:
        return "—"
    if design.lint is None:
        return "not linted" if not linted else "no status"
    codes = sorted({str(f.get("code", "?")) for f in design.lint.get("findings", [])})
    return design.lint["status"] + (f" ({', '.join(codes)})" if codes else "")


def headline(changes: list[DesignChange], unchanged: int) -> str:
    counts = {s: sum(1 for c in changes if c.status == s) for s in ("changed", "added", "removed", "metadata")}
    if not any(counts[s] for s in ("changed", "added", "removed")):
        lead = "no visual change"
    else:
        lead = f"{counts['changed']} changed, {counts['added']} added, {counts['removed']} removed"
    return f"{lead}; {counts['metadata']} with metadata changes only, {unchanged} unchanged"


def _pixels(change: DesignChange, pixels: dict[str, float]) -> str:
    fraction = pixels.get(change.slug)
    return "" if fraction is None else f"{100 * fraction:.2f} %"


def terminal(changes: list[DesignChange], unchanged: int, pixels: dict[str, float], linted: tuple[bool, bool],
             report: str | None) -> str:
    """Plain lines (no colour codes: it is read in CI logs as often as on a terminal)."""
    lines = [f"medbadge diff: {headline(changes, unchanged)}"]
    visual = [c for c in changes if c.visual]
    width = max((len(c.slug) for c in visual), default=0)
    for change in visual:
        share = _pixels(change, pixels)
        lines.append(f"  {change.status:<8} {change.slug:<{width}}  {share:>8}  lint: "
                     f"{lint_text(change.before, linted[0])} -> {lint_text(change.after, linted[1])}")
    if report:
        lines.append(f"report: {report}")
    return "\n".join(lines) + "\n"


def markdown(changes: list[DesignChange], unchanged: int, pixels: dict[str, float], linted: tuple[bool, bool],
             report: str | None) -> str:
    """A table a pull-request comment or job summary shows as is (cells escaped for ``|``)."""
    out = ["## medbadge diff", "", f"**{headline(changes, unchanged)}**", ""]
    visual = [c for c in changes if c.visual]
    if visual:
        out += ["| design | change | pixels changed | lint before | lint after |", "|---|---|---|---|---|"]
        for change in visual:
            cells = [f"`{change.slug}`", change.status, _pixels(change, pixels) or "—",
                     lint_text(change.before, linted[0]), lint_text(change.after, linted[1])]
            out.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
        out.append("")
    metadata = [c.slug for c in changes if not c.visual]
    if metadata:
        out += [f"Metadata changes only: {', '.join(f'`{slug}`' for slug in metadata)}", ""]
    if report:
        out += [f"Before, after and pixel-difference images: `{report}` (open it in a browser).", ""]
    return "\n".join(out)
