"""medbadge studio: design staff preview and edit a badge set in the browser.

Run with ``medbadge studio badges.yaml``. This script only arranges widgets and calls the public
API (load/resolve/compose, lint, the edit document, baking, the icon importer); every widget has a
``key`` so tests can drive it with Streamlit's AppTest. A badge set that does not load opens in a
text editor with each problem placed (:mod:`designer.studio.repair`), to be fixed, saved and
reloaded from the page.

The file to open comes from ``MEDBADGE_STUDIO_FILE`` (set by ``medbadge studio``), the first
script argument, or the bundled example.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import streamlit as st

import designer
from designer import icon_library
from designer import palettes
from designer import templates
from designer.badgeset.edit import BadgeSetDocument, ConflictError
from designer.base.errors import MedbadgeError
from designer.examples import example_path
from designer.lint import get_rule
from designer.lint.docs import sections as rule_sections
from designer.studio import cached, repair
from designer.studio.exports import baked_png, set_zip
from designer.studio.previews import GREYSCALE, PAGE_CHOICES, PAGE_LABELS, seen_view, tile_size
from designer.studio.uploads import UPLOAD_LIMIT_MB, import_uploaded_icon
from designer.base.perception import VIEWS

VISION_LABELS = {"normal": "Normal vision", "protan": "Protanopia", "deutan": "Deuteranopia",
                 "tritan": "Tritanopia", "greyscale": "Greyscale"}
#: The colour views of the Simulate control; greyscale is a choice of the Page control (as in the diff report).
SIMULATED = tuple(view for view in VIEWS if view != GREYSCALE)
EDITABLE_ROLES = ("primary", "on-primary", "accent", "outline")

st.set_page_config(page_title="medbadge studio", page_icon="🩺", layout="wide")


def badge_set_path() -> Path:
    if "path" not in st.session_state:
        given = os.environ.get("MEDBADGE_STUDIO_FILE") or (sys.argv[1] if len(sys.argv) > 1 else "")
        st.session_state.path = str(Path(given) if given else example_path())
    return Path(st.session_state.path)


def document() -> BadgeSetDocument:
    if "doc" not in st.session_state:
        st.session_state.doc = BadgeSetDocument.open(badge_set_path())
    return st.session_state.doc


def current_badge_set(doc: BadgeSetDocument):
    """The edited set if it is valid, else the last valid one plus the error to show. Validation
    runs only when the text changed (switching badge, tier or vision edits nothing)."""
    text = doc.text()
    if st.session_state.get("checked_text") == text:
        return st.session_state.get("last_good"), st.session_state.get("last_problem")
    try:
        badge_set, problem = doc.load(), None
    except MedbadgeError as error:
        badge_set, problem = st.session_state.get("last_good"), error
    st.session_state.last_good, st.session_state.last_problem = badge_set, problem
    st.session_state.checked_text = text
    return badge_set, problem


def sync_widgets(badge_set, badge_id: str) -> None:
    """Put the selected badge's values into the edit widgets (when the selection changes)."""
    if st.session_state.get("_synced") == (badge_id, st.session_state.get("_generation", 0)):
        return
    index, badge = next((i, b) for i, b in enumerate(badge_set.model.badges) if b.id == badge_id)
    st.session_state.title = badge.title
    st.session_state.subtitle = badge.subtitle or ""
    st.session_state.template = badge_set.model.template_of(index)[0]
    st.session_state.icon = badge.icon
    st.session_state.palette = badge_set.model.brand.palette
    palette = palettes.get(badge_set.model.brand.palette, badge_set.resolve_paths(badge_set.model.paths.palettes))
    for role in EDITABLE_ROLES:
        ref = badge_set.model.brand.roles.get(role, palette.roles[role])
        st.session_state[f"role:{role}"] = palette.color(ref).hex
    for tier in designer.resolve(badge_set, badges=[badge_id]):
        st.session_state[f"tier_label:{tier.tier_id}"] = tier.cue.label
        st.session_state[f"tier_pips:{tier.tier_id}"] = tier.cue.pips
    st.session_state._synced = (badge_id, st.session_state.get("_generation", 0))


# --- edit callbacks: each applies one widget's value to the document ---------------------------
def edit_badge(key: str, field: str) -> None:
    document().set_badge(st.session_state.badge, field, st.session_state[key])


def edit_palette() -> None:
    document().set_brand("palette", st.session_state.palette)
    st.session_state._generation = st.session_state.get("_generation", 0) + 1  # roles follow the palette


def edit_role(role: str) -> None:
    document().set_role(role, st.session_state[f"role:{role}"])


def edit_tier_label(tier_id: str) -> None:
    document().set_tier(tier_id, label=st.session_state[f"tier_label:{tier_id}"])


def edit_tier_pips(tier_id: str) -> None:
    document().set_tier(tier_id, pips=int(st.session_state[f"tier_pips:{tier_id}"]))


def reload_from_disk() -> None:
    for key in ("doc", "last_good", "last_problem", "checked_text", "_synced", "repair_source", "repair_text",
                "repair_message"):
        st.session_state.pop(key, None)


def save_repair() -> None:
    try:
        repair.save(st.session_state.repair_source, st.session_state.repair_text)
    except MedbadgeError as error:
        st.session_state.repair_message = str(error)
        return
    reload_from_disk()
    st.session_state.repair_message = None
    st.session_state.repaired = True


def revert_repair() -> None:
    try:
        st.session_state.repair_source = repair.Source.read(badge_set_path())  # as it is on disk now
    except MedbadgeError as error:
        st.session_state.repair_message = str(error)
        return
    st.session_state.repair_text = st.session_state.repair_source.text
    st.session_state.repair_message = None


def repair_page() -> None:
    """The badge set does not load: show its text in an editor with every problem placed."""
    path = badge_set_path()
    st.title("medbadge studio")
    try:
        if "repair_source" not in st.session_state:
            st.session_state.repair_source = repair.Source.read(path)
            st.session_state.repair_text = st.session_state.repair_source.text
    except MedbadgeError as unreadable:  # missing, not UTF-8, too large: nothing to edit here
        st.error(f"Cannot open the badge set: {unreadable}")
        return
    st.subheader(f"Fix {path.name} to open it")
    st.caption(f"{path} — the studio opens it once it loads; saving writes the file atomically, and only "
               "if nobody changed it on disk meanwhile.")
    text = st.text_area("Badge set (YAML)", key="repair_text", height=520)
    found = repair.problems(text, path)
    if found:
        for problem in found[:10]:
            place = problem.location
            st.error(str(problem))
            if place is not None and place.line:
                st.code(repair.excerpt(text, place.line, place.column), language="text")
        if len(found) > 10:
            st.caption(f"… and {len(found) - 10} more")
    else:
        st.success("This text loads. Save it to open the studio.")
    if st.session_state.get("repair_message"):
        st.error(st.session_state.repair_message)
    left, right = st.columns(2)
    left.button("Save and reload", key="repair_save", type="primary", disabled=bool(found), on_click=save_repair)
    right.button("Discard my changes", key="repair_revert", on_click=revert_repair,
                 disabled=text == st.session_state.repair_source.text)


# --- page ------------------------------------------------------------------------------------
try:
    doc = document()
except MedbadgeError:  # not even YAML (or unreadable)
    repair_page()
    st.stop()

badge_set, problem = current_badge_set(doc)
if badge_set is None:  # YAML, but not a badge set that loads
    repair_page()
    st.stop()
if st.session_state.pop("repaired", False):
    st.toast(f"Saved {badge_set_path().name}; it loads.")

model = badge_set.model
badge_ids = [b.id for b in model.badges]
titles = {b.id: b.title for b in model.badges}
icon_paths = tuple(str(p) for p in badge_set.resolve_paths(model.paths.icons))

with st.sidebar:
    st.title("medbadge studio")
    st.caption(str(badge_set_path()))
    st.selectbox("Badge", badge_ids, format_func=lambda b: f"{titles[b]} ({b})", key="badge")
    sync_widgets(badge_set, st.session_state.badge)
    designs = designer.resolve(badge_set, badges=[st.session_state.badge])
    tier_ids = [d.tier_id for d in designs]
    if st.session_state.get("tier") not in tier_ids:
        st.session_state.tier = tier_ids[-1]
    st.selectbox("Tier", tier_ids, format_func=lambda t: next(d.cue.label for d in designs if d.tier_id == t),
                 key="tier")
    st.radio("Page", PAGE_CHOICES, format_func=PAGE_LABELS.get, key="page",
             help="The page every preview is shown on — a badge is seen on all of them — or greyscale, "
                  "where the tiers must read by lightness and cue alone.")
    if st.session_state.get("vision") not in SIMULATED:
        st.session_state.vision = "normal"
    st.radio("Simulate", SIMULATED, format_func=VISION_LABELS.get, key="vision",
             disabled=st.session_state.page == GREYSCALE,
             help="See every preview as a person with a colour-vision deficiency would (off in greyscale: "
                  "greyscale keeps lightness only).")

if problem is not None:
    st.error(f"This edit is not valid yet — the preview shows the last valid design.\n\n{problem}")

design = next(d for d in designs if d.tier_id == st.session_state.tier)
page = st.session_state.page
vision = seen_view(page, st.session_state.vision)
started = time.perf_counter()
try:
    artwork = cached.compose(design)
    compose_error = None
except MedbadgeError as error:
    artwork, compose_error = None, error
big = cached.preview(artwork.svg, 600, vision, page) if artwork else None
render_ms = (time.perf_counter() - started) * 1000

preview_col, edit_col = st.columns([3, 2], gap="large")

with preview_col:
    st.subheader(f"{design.title} — {design.cue.label}")
    if compose_error is not None:
        st.error(str(compose_error))
    else:
        big_col, small_col = st.columns([3, 1])
        # each tile is the badge with a margin of page around it; the display sizes are shown at
        # their own pixels. PNG: Streamlit would send an opaque image as JPEG, shifting the page's colour
        big_col.image(big, caption=f"600 px · {VISION_LABELS[vision]}", width=420, output_format="PNG")
        for size in (96, 64):  # the drawings the build ships at these sizes, not the master scaled
            try:
                drawn = cached.compose(design, size)
            except MedbadgeError as error:  # e.g. a title that fits the master but not the thumbnail
                small_col.error(f"{size} px: {error.message}")
                continue
            small_col.image(cached.preview(drawn.svg, size, vision, page), caption=f"{size} px",
                            width=tile_size(size), output_format="PNG")
        st.caption(f"rendered in {render_ms:.0f} ms")
    st.markdown("**All tiers**")
    strip = st.columns(len(designs))
    for column, tier_design in zip(strip, designs):
        try:
            column.image(cached.preview(cached.compose(tier_design).svg, 150, vision, page),
                         caption=tier_design.cue.label, width=150, output_format="PNG")
        except MedbadgeError as error:
            column.error(f"{tier_design.cue.label}: {error.message}")

with edit_col:
    edit_tab, lint_tab, save_tab, export_tab = st.tabs(["Edit", "Lint", "Save", "Export"])

    with edit_tab:
        st.text_input("Title", key="title", on_change=edit_badge, args=("title", "title"))
        st.text_input("Subtitle", key="subtitle", on_change=edit_badge, args=("subtitle", "subtitle"),
                      help="Shown by the rounded-square template; always in the metadata.")
        badge_domain = next(b.domain for b in model.badges if b.id == st.session_state.badge)
        st.selectbox("Template", templates.names(badge_set.resolve_paths(model.paths.templates)), key="template",
                     on_change=edit_badge, args=("template", "template"), disabled=badge_domain is not None,
                     help=(f"Set by the domain '{badge_domain}': its badges share one silhouette. Change it under "
                           "domains: in the badge set file." if badge_domain else None))
        query = st.text_input("Find an icon", key="icon_query", placeholder="e.g. heart, paediatrics, lab")
        found = [i.name for i in icon_library.search(query, search_paths=icon_paths)] if query else icon_library.names(icon_paths)
        if st.session_state.icon not in found:
            found = [st.session_state.icon, *found]
        st.selectbox("Icon", found, key="icon", on_change=edit_badge, args=("icon", "icon"))
        shown = found[:16]
        grid = st.columns(4)
        for index, name in enumerate(shown):
            grid[index % 4].image(cached.icon_png(name, icon_paths), caption=name, width=96)
        st.selectbox("Palette", palettes.names(badge_set.resolve_paths(model.paths.palettes)), key="palette",
                     on_change=edit_palette)
        role_cols = st.columns(len(EDITABLE_ROLES))
        for column, role in zip(role_cols, EDITABLE_ROLES):
            column.color_picker(role, key=f"role:{role}", on_change=edit_role, args=(role,))
        st.markdown("**Tier scheme** (label and stars of each tier; the scheme is shared by every badge)")
        for tier_design in designs:
            label_col, pips_col = st.columns([3, 1])
            label_col.text_input(f"Tier {tier_design.cue.rank}", key=f"tier_label:{tier_design.tier_id}",
                                 on_change=edit_tier_label, args=(tier_design.tier_id,))
            pips_col.number_input("Stars", min_value=0, max_value=5, step=1, key=f"tier_pips:{tier_design.tier_id}",
                                  on_change=edit_tier_pips, args=(tier_design.tier_id,))
        st.markdown("**Upload an icon**")
        upload = st.file_uploader("SVG file", type=["svg"], key="icon_upload", max_upload_size=UPLOAD_LIMIT_MB)
        st.text_input("Name for the icon", key="icon_upload_name", placeholder="e.g. school-crest")
        if st.button("Import icon", key="icon_import", disabled=upload is None):
            try:
                report = import_uploaded_icon(upload.getvalue(), upload.name, st.session_state.icon_upload_name, doc)
            except MedbadgeError as error:
                st.error(str(error))
            else:
                st.success(f"Imported '{report.icon.name}'; pick it in the icon list (saved with the badge set).")

    with lint_tab:
        violations = None
        if problem is not None:
            st.error(str(problem))
        else:
            try:
                violations = cached.lint_badge(doc.text(), badge_set, st.session_state.badge)
            except MedbadgeError as error:
                st.error(str(error))
        if violations == []:
            st.success("No findings: this badge is legible, distinguishable and on-brand in every tier.")
        for violation in violations or []:
            where = f" · {violation.tier}" if violation.tier else ""
            with st.expander(f"{violation.severity.upper()} {violation.code} {violation.message}{where}"):
                sections = rule_sections(get_rule(violation.code))
                st.markdown(f"**{violation.name}** — {sections.get('What', '')}")
                st.markdown(f"**Fix:** {sections.get('Fix', '')}")
                st.markdown(f"**Why:** {sections.get('Why', '')}")

    with save_tab:
        if doc.changed:
            st.code(doc.diff(), language="diff")
            if st.button("Save to file", key="save", type="primary"):
                try:
                    doc.save()
                except ConflictError as error:
                    st.session_state.conflict = str(error)
                else:
                    st.session_state.pop("conflict", None)
                    st.success(f"Saved {badge_set_path().name}.")
                    st.rerun()
        else:
            st.info("No unsaved changes.")
        if st.session_state.get("conflict"):
            st.error(st.session_state.conflict)
            left, right = st.columns(2)
            if left.button("Overwrite anyway", key="save_force"):
                doc.save(force=True)
                st.session_state.pop("conflict", None)
                st.rerun()
            left.caption("Replaces the file on disk with your version.")
            right.button("Reload from disk (drops your edits)", key="reload", on_click=reload_from_disk)

    with export_tab:
        if artwork is not None:
            st.download_button("SVG master", artwork.svg, f"{design.slug}.svg", "image/svg+xml",
                               key="download_svg")
            st.download_button("PNG 600 px", cached.export_png(artwork.svg, 600), f"{design.slug}.png",
                               "image/png", key="download_png")
            st.download_button("Baked PNG (sample credential)", baked_png(badge_set, design, artwork),
                               f"{design.slug}-baked.png", "image/png", key="download_baked",
                               help="An OB 3.0 credential for a sample recipient baked into the PNG.")
        if st.button("Prepare the whole set as a zip", key="zip_prepare"):
            st.session_state.zip = set_zip(badge_set)
        if st.session_state.get("zip"):
            st.download_button("Download the set (zip)", st.session_state.zip, "badges.zip", "application/zip",
                               key="download_zip")
