"""``designer.assetset``: the asset-set builder behind ``medbadge build``.

One badge set file in, one folder out: SVG masters, PNGs at every configured size (with iTXt
metadata), OB 2.0 BadgeClass and OB 3.0 Achievement JSON, ``manifest.json`` and an ``index.html``
contact sheet. Deterministic, incremental, parallel and atomic — see docs/build.md::

    from designer.assetset import BuildOptions, build
    result = build("badges.yaml", "dist", BuildOptions(badges=("history-taking",)))
    print(result.rendered, result.reused)

Modules, in the order a build uses them: ``options`` (parse the request), ``cache`` (what can be
reused), ``staging`` (the atomic swap), ``render`` (one design → files, run in a pool),
``metadata`` (Open Badges JSON), ``sheet`` (manifest and contact
sheet), ``runner`` (the steps).
"""

from designer.assetset.options import BuildOptions, PngSize, parse_formats, parse_ids, parse_sizes
from designer.assetset.runner import BuildResult, build

__all__ = ["BuildOptions", "BuildResult", "PngSize", "build", "parse_formats", "parse_ids", "parse_sizes"]
