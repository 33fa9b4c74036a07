"""``designer.review``: what a change to a badge set did to its artwork, for a pull request.

``medbadge diff OLD NEW`` compares two built asset sets (or two git revisions of a badge set,
built into a cache) and writes a one-page offline HTML report, a terminal summary and a Markdown
summary::

    from designer.review import diff_asset_sets
    result = diff_asset_sets("dist-before", "dist-after", "diff-report")
    print(result.visual_changes)   # 0: no visual change

Modules, in the order a diff uses them: ``assetsets`` (read a manifest), ``revisions`` (a git
revision → a built asset set), ``changes`` (what differs, from the manifests' hashes alone),
``pixels`` (before/after/difference images of the changed designs), ``report`` (the HTML page),
``summary`` (terminal and Markdown text), ``run`` (the steps).
"""

from designer.base.lazy import lazy_exports

_EXPORTS = {"diff_asset_sets": "designer.review.run", "DiffResult": "designer.review.run",
            "read_asset_set": "designer.review.assetsets", "compare": "designer.review.changes",
            "build_revision": "designer.review.revisions", "parse_range": "designer.review.revisions"}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
