"""Check a derived palette with the linter: the derivation is checked, not trusted.

Palette derivation (:mod:`designer.palettes.derive`) sits in a data package and may not import
the linter; this module, on the linter's side, composes a badge per template in all four tiers
with the derived palette and runs the contrast and tier rules over them.
"""

from __future__ import annotations

from designer.palettes.derive import DerivedPalette


def lint_derived(derived: DerivedPalette) -> list:
    """Compose one badge per template in all four tiers with ``derived`` and lint it (MB1xx, MB301-303).

    The palette and a small badge set are written to a temporary folder (the loader reads palettes
    from files); returns the violations (``[]`` when the palette passes)."""
    import tempfile
    from pathlib import Path

    import designer
    from designer.lint import lint
    from designer.templates import names as template_names

    with tempfile.TemporaryDirectory(prefix="medbadge-derive-") as folder:
        root = Path(folder)
        (root / "palettes").mkdir()
        (root / "palettes" / f"{derived.name}.toml").write_text(derived.to_toml(), encoding="utf-8")
        badges = "".join(
            f"  - id: check-{template}\n    title: Hand Hygiene\n    subtitle: Infection Control\n"
            f"    icon: stethoscope\n    template: {template}\n"
            f"    description: Cleans hands at the five moments of patient care, every time.\n"
            f"    criteria: Observed audits on the ward by an infection-control nurse.\n"
            for template in template_names())
        (root / "badges.yaml").write_text(
            "version: 1\nissuer:\n  id: https://badges.example/issuer\n  name: Example School of Medicine\n"
            "  url: https://example.org\n  email: badges@example.org\n"
            f"brand:\n  palette: {derived.name}\n  issuer_mark: ESM\ntiers: four-metals\n"
            f"paths:\n  palettes: [palettes]\n"
            f"lint:\n  wcag: {derived.wcag}\n  select: [MB101, MB102, MB103, MB301, MB302, MB303]\n"
            f"badges:\n{badges}", encoding="utf-8")
        return lint(designer.load(root / "badges.yaml"))
