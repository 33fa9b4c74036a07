"""``medbadge lint --statistics``: how many findings each rule made, most first (like ``ruff --statistics``).

::

    12  MB101  error    text-contrast
     3  MB501  warning  caduceus
    15 findings (12 errors, 3 warnings)
"""

from __future__ import annotations

from collections import Counter

from designer.lint.formats.text import summary


def write(violations, report) -> str:
    counts = Counter(v.code for v in violations)
    if not counts:
        return "" if report.quiet else f"{report.badge_set_path}: no findings\n"
    first = {}
    for v in violations:
        first.setdefault(v.code, v)
    width = len(str(max(counts.values())))
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    severity_width = max(len(first[code].severity) for code, _ in rows)
    lines = [f"{count:>{width}}  {code}  {first[code].severity:<{severity_width}}  {first[code].name}"
             for code, count in rows]
    if not report.quiet:
        lines.append(summary(violations))
    return "".join(line + "\n" for line in lines)
