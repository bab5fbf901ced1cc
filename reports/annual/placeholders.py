"""Placeholders: the visible gap in a draft where a record is missing (No sentence without a record).

A placeholder is made by one function and found by one pattern, so the
narrative, the admin's list and the refusal to publish agree on what a gap is.
"""

from __future__ import annotations

import re

OPENING = "【待补充："
CLOSING = "】"
PATTERN = re.compile(re.escape(OPENING) + "(.*?)" + re.escape(CLOSING))


def placeholder(missing: str) -> str:
    """The mark that stands where the record of `missing` should be: 【待补充：missing】."""
    return f"{OPENING}{missing}{CLOSING}"


def placeholders_in(document: dict) -> list[str]:
    """What the document still waits for, in reading order, each named once."""
    texts = [document.get("title", "")]
    for part in document.get("sections", []):
        texts.append(part.get("heading", ""))
        texts.extend(part.get("paragraphs", []))
    found: list[str] = []
    for text in texts:
        for missing in PATTERN.findall(text or ""):
            if missing not in found:
                found.append(missing)
    return found
