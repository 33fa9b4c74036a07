"""Credential pages from `medbadge issue`: opt-in, no recipient name by default, verification, LinkedIn link."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest

from designer.openbadges import new_key, write_key_files
from designer.openbadges.issue import IssueOptions, issue
from tests.conftest import EXAMPLE
from tests.share.test_pages import strict_parse

ROSTER = EXAMPLE.parent / "roster.csv"


@pytest.fixture(scope="module")
def key(tmp_path_factory):
    return write_key_files(new_key("EdDSA"), tmp_path_factory.mktemp("keys"), name="issuer").private


def _issue(tmp_path, key, **options):
    """Issue the example roster; the example leaves credential pages off (opt-in), so they are asked for."""
    from designer.openbadges.keyring import load_signing_key

    out = tmp_path / "issued"
    options.setdefault("credential_pages", True)
    issue(EXAMPLE, ROSTER, out, IssueOptions(issued_on="2025-07-01", signing_key=load_signing_key(key), **options))
    manifest = json.loads((out / "issued.json").read_text(encoding="utf-8"))
    return out, manifest


def _page(out, record):
    path = next(f["path"] for f in record["files"] if f["kind"] == "page")
    return (out / path).read_bytes()


def test_pages_are_written_without_the_recipients_name(tmp_path, key):
    out, manifest = _issue(tmp_path, key)
    records = manifest["issued"]
    assert records and all("page" in r for r in records)
    for record in records:
        page = _page(out, record)
        tree = strict_parse(page)
        text = page.decode("utf-8")
        assert record["name"] not in text  # personal data stays off the public web
        assert b'name="robots"' not in page
        verification = tree.find("body/section")
        assert verification.get("id") == "verification"
        body = "".join(verification.itertext())
        assert record["credential"] in body and record["identity"] in body and record["salt"] in body
        assert "VC-JWT" in body and f"entry {record['statusListIndex']}" in body
        assert urlsplit(record["page"]).path.endswith(".html")


def test_linkedin_link_is_prefilled(tmp_path, key):
    out, manifest = _issue(tmp_path, key)
    record = next(r for r in manifest["issued"] if r["badge"] == "history-taking" and r["tier"] == "proficient")
    tree = strict_parse(_page(out, record))
    link = next(a.get("href") for a in tree.iter("a") if a.get("class") == "linkedin")
    url = urlsplit(link)
    assert (url.scheme, url.netloc, url.path) == ("https", "www.linkedin.com", "/profile/add")
    query = {k: v[0] for k, v in parse_qs(url.query).items()}
    assert query == {"startTask": "CERTIFICATION_NAME", "name": "History Taking — Proficient",
                     "organizationName": "Northfield School of Medicine", "issueYear": "2025", "issueMonth": "6",
                     "certUrl": record["page"], "certId": record["credential"]}


def test_the_name_only_when_asked_and_then_not_indexed(tmp_path, key):
    out, manifest = _issue(tmp_path, key, recipient_name=True)
    record = manifest["issued"][1]  # an Arabic name: escaped and shown as written
    page = _page(out, record)
    strict_parse(page)
    assert f"Awarded to {record['name']} by".encode() in page and b'<meta name="robots" content="noindex">' in page


def test_no_pages_unless_the_badge_set_or_the_options_ask(tmp_path, key):
    out, manifest = _issue(tmp_path, key, credential_pages=None)  # None: as the badge set says (off)
    assert not any("page" in r for r in manifest["issued"])
    assert not list(out.rglob("*.html"))
    source = tmp_path / "badges.yaml"
    source.write_text(EXAMPLE.read_text(encoding="utf-8").replace("pages: true}", "pages: true, credential_pages: true}"),
                      encoding="utf-8")
    from designer.openbadges.keyring import load_signing_key

    issue(source, ROSTER, tmp_path / "on", IssueOptions(issued_on="2025-07-01", signing_key=load_signing_key(key)))
    assert len(list((tmp_path / "on").rglob("*.html"))) == sum(1 for _ in ROSTER.open(encoding="utf-8")) - 1
