"""The leaf layer: value types, errors and the byte-level primitives every other layer shares.

Nothing here imports anything of the project (import-linter checks it): colour and its
perception (:mod:`~designer.base.color`, :mod:`~designer.base.perception`), geometry and the one
number formatter for SVG (:mod:`~designer.base.geometry`), user-facing errors
(:mod:`~designer.base.errors`), the one atomic file writer (:mod:`~designer.base.files`), the one
rasteriser (:mod:`~designer.base.raster`), the PNG chunk layer (:mod:`~designer.base.png`) and the
pages badges are previewed on (:mod:`~designer.base.pages`).
The data packages (icons, palettes, templates) import only this layer.
"""
