"""An icon uploaded in the studio goes through the sanitizing importer into the badge set's own
``icons/`` folder, which is then added to the badge set's icon search path. A hostile file is
refused with the importer's message and nothing is written."""

from __future__ import annotations

import tempfile
from pathlib import Path

from designer.badgeset.edit import BadgeSetDocument
from designer.base.errors import Location, MedbadgeError
from designer.icon_library.importer import ImportReport, import_icon
from designer.icon_library.safe_xml import MAX_MIB

ICON_FOLDER = "icons"
#: What the uploader accepts, in the whole MiB Streamlit counts in: the importer's own limit, so the
#: "Limit … per file" the page shows is the real one (``medbadge studio`` gives the server the same).
UPLOAD_LIMIT_MB = MAX_MIB


def import_uploaded_icon(data: bytes, filename: str, name: str, doc: BadgeSetDocument) -> ImportReport:
    """Import ``data`` (an uploaded SVG) as icon ``name`` next to the badge set of ``doc``."""
    folder = doc.path.parent / ICON_FOLDER
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / (Path(filename).name or "upload.svg")
        source.write_bytes(data)
        try:
            report = import_icon(source, name or Path(filename).stem, folder, licence="unspecified",
                                 notes=f"Uploaded in the studio as {Path(filename).name}.")
        except MedbadgeError as error:
            if error.location is not None and Path(error.location.path).resolve() == source.resolve():
                error.location = Location(Path(filename).name)  # the name the user uploaded, not our scratch copy
            raise
    doc.add_search_path("icons", ICON_FOLDER)
    return report
