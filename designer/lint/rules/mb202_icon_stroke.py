"""Icon strokes thinner than about 1 px at the smallest icon display size.

What
    The icon's thinnest stroke (its root ``stroke-width`` as placed by the template, and every
    stroke inside the icon from :func:`icon_library.checks.thinnest_stroke_px`) is scaled to the
    icon display size (``display_sizes.icon``, default 64 px). Below ``min_stroke_px`` (default
    1 px) the icon is reported.

Why
    A stroke thinner than ~1 screen pixel fades to grey under anti-aliasing (Lucide draws 2 px
    strokes on a 24 px grid for that reason); the icon stops being recognisable at 64 px.

Example
    A hairline icon (stroke-width 0.5 on the 24 grid) in a 120-unit icon box: 0.27 px at 64 px.

Fix
    Use an icon with 1.5-2 unit strokes, or a template with a bigger icon box.
"""

from __future__ import annotations

import sys

from designer.icon_library import checks
from designer.lint.rounding import below

CODE = "MB202"
NAME = "icon-stroke"
SUMMARY = "Icon stroke thinner than the minimum at the smallest icon display size"
SEVERITY = "warning"


def check(context):
    artwork = context.artwork
    if artwork is None:
        return
    display = context.config.icon_display_px
    px_per_unit = display / artwork.canvas
    widths = [artwork.icon.stroke_width * px_per_unit]
    icon = context.design.icon
    icon_px = min(artwork.icon.box.width / icon.view_box[2], artwork.icon.box.height / icon.view_box[3]) \
        * icon.view_box[2] * px_per_unit
    inner = checks.thinnest_stroke_px(icon, icon_px)
    if inner is not None:
        widths.append(inner)
    thinnest = min(widths)
    if thinnest < context.config.min_stroke_px:
        yield context.violation(
            sys.modules[__name__],
            f"icon '{artwork.icon.name}': thinnest stroke {below(thinnest, 2)} px at {display} px display, "
            f"needs {context.config.min_stroke_px:g} px",
            location=context.badge_location("icon"), element="svg/g[@class='icon']")
