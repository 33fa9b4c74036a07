"""Shared inputs for the Open Badges tests: small real PNGs (Pillow), a real SVG, sample payloads."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

# The published OB 3.0 schemas, vendored with their notice (schemas/NOTICE.md): the tests never
# read files outside the repository, so the schema tests always run.
SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"
CREDENTIAL_SCHEMA = SCHEMA_DIR / "ob_v3p0_achievementcredential_schema.json"
PROFILE_SCHEMA = SCHEMA_DIR / "ob_v3p0_profile_schema.json"
if not CREDENTIAL_SCHEMA.is_file():
    raise RuntimeError(f"the vendored OB 3.0 schema is missing: {CREDENTIAL_SCHEMA}")

BADGE_SVG = b"""<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120" viewBox="0 0 120 120" role="img">
  <title>Suturing - proficient</title>
  <circle cx="60" cy="60" r="56" fill="#0b5563" stroke="#c0c0c0" stroke-width="6"/>
  <path d="M40 60 L55 75 L82 45" fill="none" stroke="#ffffff" stroke-width="8"/>
</svg>
"""


def make_png(size: int = 48, mode: str = "RGBA") -> bytes:
    """A small badge-like PNG: a filled disc with a ring and a check mark."""
    image = Image.new(mode, (size, size), (0, 0, 0, 0) if mode == "RGBA" else (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.ellipse((2, 2, size - 3, size - 3), fill=(11, 85, 99), outline=(192, 192, 192), width=3)
    draw.line((size * 0.3, size * 0.5, size * 0.45, size * 0.65, size * 0.7, size * 0.35), fill=(255, 255, 255), width=4)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def assertion_json() -> str:
    """A minimal hosted OB 2.0 Assertion (FACTS.md §1)."""
    return json.dumps({
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Assertion",
        "id": "https://badges.example-med.edu/assertions/123",
        "recipient": {"type": "email", "hashed": True, "salt": "s4lt",
                      "identity": "sha256$" + "0" * 64},
        "badge": "https://badges.example-med.edu/badges/suturing-proficient",
        "verification": {"type": "hosted"},
        "issuedOn": "2024-06-01T00:00:00Z",
    })


def credential() -> dict:
    """A minimal OB 3.0 OpenBadgeCredential that validates against the published schema."""
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": "urn:uuid:9f3b9a0e-6c1e-4c2b-9d6c-0d6f3a1b2c3d",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": "https://badges.example-med.edu/issuer", "type": ["Profile"], "name": "Example School of Medicine"},
        "validFrom": "2024-06-01T00:00:00Z",
        "name": "Suturing - proficient",
        "credentialSubject": {
            "id": "mailto:student@example-med.edu",
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "https://badges.example-med.edu/achievements/suturing-proficient",
                "type": ["Achievement"],
                "name": "Suturing - proficient",
                "description": "Closes simple lacerations with interrupted sutures under indirect supervision.",
                "criteria": {"narrative": "Ten supervised closures rated competent."},
                "image": {"id": "https://badges.example-med.edu/img/suturing-proficient.png", "type": "Image",
                          "caption": "Teal disc with a silver ring and a white check mark"},
            },
        },
    }


@pytest.fixture
def png() -> bytes:
    return make_png()


@pytest.fixture
def svg() -> bytes:
    return BADGE_SVG
