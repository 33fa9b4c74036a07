"""GitHub Actions workflow commands: ``::error file=..,line=..,col=..,title=CODE::message``.

Values are escaped as the runner expects: ``%``, CR and LF in messages; also ``:`` and ``,`` in
properties.
"""

from __future__ import annotations

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def write(violations, report) -> str:
    lines = []
    for v in violations:
        props = []
        loc = v.location
        if loc is not None:
            props.append(f"file={_prop(loc.path)}")
            if loc.line:
                props.append(f"line={loc.line}")
            if loc.column:
                props.append(f"col={loc.column}")
        props.append(f"title={_prop(v.code)}")
        scope = "/".join(p for p in (v.badge, v.tier) if p)
        message = f"{v.name}: {v.message}" + (f" [{scope}]" if scope else "")
        lines.append(f"::{LEVELS[v.severity]} {','.join(props)}::{_data(message)}")
    return "".join(line + "\n" for line in lines)
