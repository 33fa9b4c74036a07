"""A public page for one issued credential — opt-in, and without the recipient's name unless asked.

``medbadge issue`` writes it into ``publish/`` (hosted beside the assertions) when the badge set
says ``share: {credential_pages: true}``: the badge, what it recognises, who issued it and when, a
verification section (the credential id, the proof, the revocation status list, the salted
recipient identity and how to check them) and a LinkedIn "Add to profile" link prefilled with the
certification's name, organisation, issue date, URL and id.

The recipient's name is personal data (GDPR Art. 4(1)): a page on the public web with a name on it
tells the world that this person holds this badge. So it is left out unless the badge set says
``recipient_name: true`` — and then the page asks search engines not to index it. Without the
name, the page still proves the award to whoever the recipient shows it to: the credential's
identity is the salted SHA-256 of their e-mail address, which they can confirm and nobody can read.
"""

from __future__ import annotations

import base64
from html import escape
from urllib.parse import urlencode

from designer.design import Design

LINKEDIN_ADD = "https://www.linkedin.com/profile/add"

_STYLE = ("body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;"
          "line-height:1.5}img{max-width:100%;height:auto}dt{font-weight:600}dd{margin:0 0 .6rem 0;"
          "overflow-wrap:anywhere}.linkedin{display:inline-block;padding:.5rem 1rem;border-radius:6px;"
          "background:#0a66c2;color:#fff;text-decoration:none;font-weight:600}")


def linkedin_url(name: str, organisation: str, issued_on: str, page_url: str, credential_id: str) -> str:
    """LinkedIn's "Add to profile" link for a certification, every field prefilled.

    >>> linkedin_url("Suturing — Gold", "Northfield", "2026-06-30T00:00:00Z", "https://x.example/c/1.html", "urn:uuid:1")
    'https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=Suturing+%E2%80%94+Gold&organizationName=Northfield&issueYear=2026&issueMonth=6&certUrl=https%3A%2F%2Fx.example%2Fc%2F1.html&certId=urn%3Auuid%3A1'
    """
    query = {"startTask": "CERTIFICATION_NAME", "name": name, "organizationName": organisation,
             "issueYear": issued_on[:4], "issueMonth": str(int(issued_on[5:7])), "certUrl": page_url,
             "certId": credential_id}
    return f"{LINKEDIN_ADD}?{urlencode(query)}"


def credential_page(design: Design, achievement: dict, record: dict, page_url: str, *,
                    show_name: bool = False, image: bytes | None = None) -> bytes:
    """The page of one issued credential. ``record`` is its entry in ``issued.json`` (name,
    identity, salt, issuedOn, credential or assertion id, proof, statusListIndex); ``image`` the
    badge PNG, inlined as a ``data:`` URL so the page stands alone wherever it is hosted (else the
    Achievement's hosted image is linked)."""
    credential_id = record.get("credential") or record.get("assertion") or page_url
    issued_on = record["issuedOn"]
    name = achievement["name"]
    issuer = achievement.get("creator", {})
    organisation = issuer.get("name", design.issuer_name)
    awarded = f"Awarded to {record['name']}" if show_name else "Awarded to its holder"
    source = (f"data:image/png;base64,{base64.b64encode(image).decode('ascii')}" if image is not None
              else achievement.get("image", {}).get("id"))
    lines = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{escape(name)} — {escape(organisation)}</title>",
             f'<meta name="description" content="{escape(achievement.get("description", ""))}">']
    if show_name:  # a named person's award: shareable by link, but not for search engines to list
        lines.append('<meta name="robots" content="noindex">')
    lines += [f'<meta property="og:title" content="{escape(name)}">',
              f'<meta property="og:url" content="{escape(page_url)}">',
              '<meta property="og:type" content="website">',
              f"<style>{_STYLE}</style>", "</head>", "<body>", "<main>",
              f"<h1>{escape(name)}</h1>", f"<p>{escape(awarded)} by {escape(organisation)} on "
              f'<time datetime="{escape(issued_on)}">{escape(issued_on[:10])}</time>.</p>']
    if source:
        lines.append(f'<img src="{escape(source)}" width="340" height="340" alt="{escape(design.alt_text)}">')
    lines += [f"<p>{escape(design.description)}</p>", "<h2>Criteria</h2>", f"<p>{escape(design.criteria)}</p>",
              "<h2>Add it to your profile</h2>",
              f'<p><a class="linkedin" href="{escape(linkedin_url(name, organisation, issued_on, page_url, credential_id))}">'
              "Add to LinkedIn profile</a></p>", "</main>"]
    lines += ['<section id="verification">', "<h2>Verification</h2>", "<dl>",
              f"<dt>Credential</dt><dd><code>{escape(credential_id)}</code></dd>",
              f'<dt>Issuer</dt><dd><a href="{escape(issuer.get("url", ""))}">{escape(organisation)}</a> '
              f'(<code>{escape(issuer.get("id", ""))}</code>)</dd>',
              f'<dt>Achievement</dt><dd><a href="{escape(achievement["id"])}">{escape(achievement["id"])}</a></dd>',
              f"<dt>Proof</dt><dd>{escape(_proof(record.get('proof'), 'credential' in record))}</dd>"]
    if "statusListIndex" in record:
        lines.append(f"<dt>Revocation</dt><dd>Bitstring status list entry {record['statusListIndex']}: checked by "
                     "every verifier against the issuer's published list.</dd>")
    lines += [f"<dt>Recipient</dt><dd>The salted SHA-256 of the recipient's e-mail address: "
              f"<code>{escape(record['identity'])}</code> (salt <code>{escape(record['salt'])}</code>). "
              "Whoever knows the address can confirm it; nobody can read it back.</dd>", "</dl>",
              "<p>To verify, check the badge image the recipient holds, which carries the signed credential: "
              "<code>medbadge verify FILE.png</code>, or any Open Badges verifier.</p>",
              "</section>", "</body>", "</html>", ""]
    return "\n".join(lines).encode("utf-8")


def _proof(proof: str | None, ob3: bool) -> str:
    if not ob3:
        return "Open Badges 2.0 hosted verification: the assertion is served by the issuer."
    return {"vc-jwt": "Signed: a VC-JWT (Open Badges 3.0 §8.2).",
            "data-integrity": "Signed: an eddsa-rdfc-2022 Data Integrity proof."}.get(
        proof or "", "Unsigned: this credential carries no proof and cannot be verified cryptographically.")
