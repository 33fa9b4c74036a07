"""What the studio offers for download besides the SVG and PNG: a baked PNG with a sample
credential, and the whole set as a zip. Pure functions of the badge set; nothing is written."""

from __future__ import annotations

import io
import json
import zipfile

import designer
from designer.assetset import metadata
from designer.openbadges.bake import bake_png
from designer.openbadges.credentials import credential
from designer.base.raster import render_png

SAMPLE_RECIPIENT = "sample.learner@example.org"
SAMPLE_DATE = "2026-01-01T00:00:00Z"


def _issuer(badge_set) -> metadata.IssuerInfo:
    issuer = badge_set.model.issuer
    return metadata.IssuerInfo(issuer.id, issuer.name, issuer.url, issuer.email, issuer.description)


def sample_credential(badge_set, design) -> dict:
    """An unsigned OB 3.0 credential of ``design`` for a sample recipient (for trying baking)."""
    issuer = _issuer(badge_set)
    base = metadata.base_url_for(issuer.id)
    stem = f"{design.badge_id}/{design.slug}"
    badge = next(b for b in badge_set.model.badges if b.id == design.badge_id)
    info = metadata.BadgeInfo(badge.criteria_url, badge.achievement_type or badge_set.model.defaults.achievement_type)
    achievement = metadata.achievement(design, issuer, info, id=metadata.asset_url(base, f"{stem}.achievement.json"),
                                       image=metadata.asset_url(base, f"{stem}.svg"))
    return credential(design, issuer, achievement, credential_id=metadata.asset_url(base, f"sample/{design.slug}.json"),
                      email=SAMPLE_RECIPIENT, salt="sample", issued_on=SAMPLE_DATE, name="Sample Learner")


def baked_png(badge_set, design, artwork, size: int = 600) -> bytes:
    payload = json.dumps(sample_credential(badge_set, design), ensure_ascii=False, sort_keys=True)
    return bake_png(render_png(artwork.svg, size), payload, "3.0")


def set_zip(badge_set, size: int = 600) -> bytes:
    """Every badge × tier as SVG master and PNG, in ``<badge>/<badge>-<tier>.*`` like ``dist/``."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for design in designer.resolve(badge_set):
            artwork = designer.compose(design)
            for name, data in ((f"{design.slug}.svg", artwork.svg),
                               (f"{design.slug}-{size}.png", render_png(artwork.svg, size))):
                info = zipfile.ZipInfo(f"{design.badge_id}/{name}", date_time=(2026, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, data)
    return out.getvalue()
