"""``designer.assetset``: the asset-set builder behind ``medbadge build``.

One badge set file in, one folder out: SVG masters, PNGs at every configured size (with iTXt
metadata), OB 2.0 BadgeClass and OB 3.0 Achievement JSON, ``manifest.json`` and an ``index.html``
contact sheet. Deterministic, incremental, parallel and atomic — see docs/build.md::

    from designer.assetset import BuildOptions, build
    result = build("badges.yaml", "dist", BuildOptions(badges=("history-taking",)))
    print(result.rendered, result.reused)

Modules, in the order a build uses them: ``options`` (parse the request), ``uptodate`` (is there
anything to do at all), ``cache`` (what can be
reused), ``staging`` (the atomic swap), ``render`` (one design → files, run in a pool),
``metadata`` (Open Badges JSON), ``sheet`` (manifest and contact
sheet), ``runner`` (the steps).
"""

from designer.base.lazy import lazy_exports

_EXPORTS = {name: "designer.assetset.options" for name in
            ("BuildOptions", "PngSize", "parse_formats", "parse_ids", "parse_sizes")}
_EXPORTS |= {"BuildResult": "designer.assetset.runner", "build": "designer.assetset.runner"}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
