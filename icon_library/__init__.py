"""medbadge's medical icon library: SVG icons on a 24-unit grid, a catalog, a loader and an importer.

The public API::

    from designer import icon_library

    icon = icon_library.get("stethoscope")          # an Icon (frozen, hashable)
    icon.view_box, icon.root_attributes, icon.body  # the parts the engine places on a badge
    icon_library.search("pediatrics")               # ranked by name, title, keywords
    icon_library.search(category="anatomy")
    icon_library.names(), icon_library.all_icons()
    icon_library.get("my-icon", search_paths=["brand/icons"])   # user folders after the built-ins

    from designer.icon_library.importer import import_icon  # sanitize + normalise a licensed SVG
    from designer.icon_library import checks                # stroke width / detail size / colour / emblem
    from designer.icon_library.sheet import write_png_sheet, write_html_sheet

Modules, one job each: ``model`` (the Icon value and the vocabulary), ``catalog`` (TOML entries),
``safe_xml`` (bounded, entity-free parsing), ``sanitize`` (allow-list), ``markup`` (prefix-free
serialising), ``loader`` (search path and caches), ``ranking`` (search scoring), ``importer``,
``raster`` (rendering helpers), ``files`` (atomic writes), ``checks``, ``sheet``. See ``docs/icons.md``.
"""

from __future__ import annotations

from designer.base.lazy import lazy_exports
_MODEL = ("CATEGORIES", "EMBLEMS", "GRID_SIZE", "STANDARD_ROOT_ATTRIBUTES", "Icon")
_LOADER = ("all_icons", "clear_cache", "entry_for", "get", "names", "search")
__all__ = [*_MODEL, *_LOADER]
# The model and the loader (which brings the parser and sanitiser) are imported on first use, so a
# command that only mounts the icon commands (`medbadge --help`) loads neither.
__getattr__, __dir__ = lazy_exports(__name__, {**dict.fromkeys(_MODEL, "designer.icon_library.model"),
                                               **dict.fromkeys(_LOADER, "designer.icon_library.loader")})
