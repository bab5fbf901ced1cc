"""The report's text as a structured document, and the plain text the team lead edits.

Document: {"title", "sections": [{"level", "heading", "paragraphs"}], "signature", "date"}.
Level 0 is the opening without a heading, level 1 a heading such as
"一、主要做法和成效", level 2 one such as "（一）加强组织领导". The HTML view,
the Word document and the editor all read this one structure.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

LEVEL_1 = re.compile(r"^[一二三四五六七八九十]+、")
LEVEL_2 = re.compile(r"^（[一二三四五六七八九十]+）")


def section(level: int, heading: str, paragraphs: list[str]) -> dict:
    return {"level": level, "heading": heading, "paragraphs": [p for p in paragraphs if p]}


def document_to_text(document: dict) -> str:
    """The editable text: the title line, then headings and paragraphs one per line."""
    lines = [document.get("title", ""), ""]
    for part in document.get("sections", []):
        if part["heading"]:
            lines.append(part["heading"])
        lines.extend(part["paragraphs"])
    return "\n".join(lines).strip() + "\n"


def text_to_document(text: str, *, signature: str, date: str) -> dict:
    """Read edited text back: the first line is the title; headings are recognised by their numbering."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        raise ValidationError({"text": _("The report text cannot be empty.")})
    title, body = lines[0], lines[1:]
    sections: list[dict] = []
    for line in body:
        level = 1 if LEVEL_1.match(line) else 2 if LEVEL_2.match(line) else None
        if level is not None:
            sections.append(section(level, line, []))
        elif sections:
            sections[-1]["paragraphs"].append(line)
        else:
            sections.append(section(0, "", [line]))
    if not any(part["level"] == 1 for part in sections):
        raise ValidationError({"text": _("The report text needs at least one heading such as “一、主要做法和成效”.")})
    return {"title": title, "sections": sections, "signature": signature, "date": date}


def paragraphs_of(document: dict) -> list[str]:
    return [paragraph for part in document.get("sections", []) for paragraph in part["paragraphs"]]
