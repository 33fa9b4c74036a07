"""Roster parsing (names in any script, BOM, line endings, dates) and the parse-once SVG baker."""

from __future__ import annotations

import json

import pytest

from designer.base.errors import MedbadgeError
from designer.openbadges import bake_svg, unbake_all
from designer.openbadges.bake import prepare_svg
from designer.openbadges.issue import derived_token, recipient_slug
from designer.openbadges.roster import parse_roster

from .conftest import BADGE_SVG, assertion_json, credential

NAMES = ["فاطمة الزهراء", "陈静", "Zoë Ångström-Núñez", "Nguyễn Văn An", "Дмитрий"]


def test_names_in_any_script_with_bom_and_crlf_round_trip():
    lines = ["Name , EMAIL,badge,Tier,Issued On"] + [f'"{n}",p{i}@students.example,suturing,foundation,2025-06-2{i % 2}'
                                                   for i, n in enumerate(NAMES)]
    data = b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8") + b"\r\n\r\n"
    rows = parse_roster(data, "r.csv")
    assert [r.name for r in rows] == NAMES
    assert [r.row for r in rows] == [2, 3, 4, 5, 6]
    assert [r.issued_on for r in rows[:2]] == ["2025-06-20T00:00:00Z", "2025-06-21T00:00:00Z"]


def test_error_names_the_row_and_value():
    with pytest.raises(MedbadgeError) as caught:
        parse_roster(b"name,email,badge,tier\n\nA,a@x.org,b,t\nB,b@x,b,t\n", "r.csv")
    assert caught.value.location.line == 4 and "'b@x'" in caught.value.message


def test_non_utf8_after_a_bom_names_the_file_offset():
    with pytest.raises(MedbadgeError) as caught:
        parse_roster(b"\xef\xbb\xbfname,email,badge,tier\nJ\xe9r\xf4me,j@x.org,b,t\n", "r.csv")
    assert "byte 26" in caught.value.message


def test_recipient_slugs_and_tokens_never_hold_the_email():
    token = derived_token(b"k", "file", "https://x/issuer", "b", "t", "someone@x.org")
    assert len(token) == 64 and "someone" not in recipient_slug("someone@x.org", token).split("-")[-1]
    assert recipient_slug("فاطمة", token) == f"recipient-{token[:8]}"


@pytest.mark.parametrize("svg", [
    BADGE_SVG,
    b'<svg xmlns="http://www.w3.org/2000/svg"/>',
    bake_svg(BADGE_SVG, assertion_json(), "2.0"),  # the other version's element stays, its prefix is bound
    bake_svg(BADGE_SVG, json.dumps(credential()), "3.0"),  # re-baking replaces
])
@pytest.mark.parametrize("version", ["2.0", "3.0"])
def test_prepare_svg_equals_bake_svg(svg, version):
    payloads = [assertion_json(), json.dumps({**json.loads(assertion_json()), "id": "https://b.example/a/2"})]
    bake_one = prepare_svg(svg, version)
    for payload in payloads:
        baked = bake_one(payload)
        assert baked == bake_svg(svg, payload, version)
        assert sum(p.version == version for p in unbake_all(baked)) == 1


def test_subject_id_is_optional_and_must_be_a_uri_but_not_mailto():
    rows = parse_roster(b"name,email,badge,tier,subject_id\n"
                        b"Ada,ada@x.org,b,t,did:key:z6MkfisK7xTTpWkMhCEDgxxoCZkwxkrCtJf55mEcxrqmk6Sq\n"
                        b"Bo,bo@x.org,b,t,\n", "r.csv")
    assert rows[0].subject_id.startswith("did:key:z6Mk") and rows[1].subject_id is None
    for bad, fragment in ((b"not a uri", "not a URI"), (b"mailto:ada@x.org", "mailto:")):
        with pytest.raises(MedbadgeError, match=fragment) as error:
            parse_roster(b"name,email,badge,tier,subject_id\nAda,ada@x.org,b,t," + bad + b"\n", "r.csv")
        assert error.value.location.line == 2
