"""Icons uploaded in the studio go through the sanitizing importer."""

from __future__ import annotations

import shutil

import pytest

import designer
from designer.badgeset.edit import BadgeSetDocument
from designer.base.errors import UnsafeSVGError
from designer.studio.uploads import import_uploaded_icon
from tests.conftest import EXAMPLE

BENIGN = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><circle cx="24" cy="24" r="18" fill="#c00"/></svg>'
HOSTILE = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" onload="alert(1)"><script>alert(1)</script></svg>'


@pytest.fixture
def doc(tmp_path):
    path = tmp_path / "badges.yaml"
    shutil.copyfile(EXAMPLE, path)
    return BadgeSetDocument.open(path)


def test_benign_upload_is_imported_and_usable(doc):
    report = import_uploaded_icon(BENIGN, "crest.svg", "school-crest", doc)
    assert report.icon.name == "school-crest"
    doc.set_badge("global-health", "icon", "school-crest")
    badge_set = doc.load()  # the new icons/ folder is on the path
    design = designer.resolve(badge_set, badges=["global-health"], tiers=["advanced"])[0]
    assert b"#c00" not in designer.compose(design).svg


def test_hostile_upload_is_refused_and_nothing_written(doc):
    with pytest.raises(UnsafeSVGError) as caught:
        import_uploaded_icon(HOSTILE, "evil.svg", "evil", doc)
    assert str(caught.value).startswith("evil.svg: ")  # the uploaded name, not a temporary path
    assert not (doc.path.parent / "icons" / "evil.svg").exists()
    assert not doc.changed
