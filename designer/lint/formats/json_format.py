"""JSON: ``{"version", "badge_set", "violations": [...], "summary": {...}}`` for scripts."""

from __future__ import annotations

import json

import designer


def write(violations, report) -> str:
    data = {
        "tool": "medbadge", "version": designer.__version__, "badge_set": report.badge_set_path,
        "violations": [v.to_dict() for v in violations],
        "summary": {s: sum(v.severity == s for v in violations) for s in ("error", "warning", "info")},
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
