"""The yearly report as a Word document ready to print (A4, the layout of official documents, GB/T 9704)."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONTS = {1: "黑体", 2: "楷体_GB2312"}
BODY_SIZE = Pt(16)  # 三号
TITLE_SIZE = Pt(22)  # 二号
LINE = Pt(28)


def set_font(style_or_run, name: str, size: Pt, *, bold: bool = False) -> None:
    """Latin and East Asian font: Word picks Chinese glyphs from the eastAsia slot."""
    font = style_or_run.font
    font.name = name
    font.size = size
    font.bold = bold
    font.color.rgb = RGBColor(0, 0, 0)
    properties = style_or_run.element.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = properties.makeelement(qn("w:rFonts"), {})
        properties.append(fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(slot), name)


def set_spacing(paragraph_format, *, first_line_indent: bool) -> None:
    paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    paragraph_format.line_spacing = LINE
    paragraph_format.space_before = Pt(0)
    paragraph_format.space_after = Pt(0)
    # Two characters of indentation, as every official paragraph has.
    paragraph_format.first_line_indent = BODY_SIZE * 2 if first_line_indent else None


def prepare(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    styles = document.styles
    set_font(styles["Normal"], BODY_FONT, BODY_SIZE)
    set_spacing(styles["Normal"].paragraph_format, first_line_indent=True)
    set_font(styles["Title"], TITLE_FONT, TITLE_SIZE)
    styles["Title"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    styles["Title"].paragraph_format.space_after = LINE
    for level, font in HEADING_FONTS.items():
        style = styles[f"Heading {level}"]
        set_font(style, font, BODY_SIZE)
        set_spacing(style.paragraph_format, first_line_indent=True)


def build_docx(document: dict, stats: dict) -> bytes:
    """The Word file of a report document; `stats` is the snapshot it was written from."""
    word = Document()
    prepare(word)
    word.core_properties.title = document["title"]
    word.core_properties.author = document.get("signature", "")
    word.core_properties.subject = f"{stats.get('year', '')}年度法治政府建设工作情况报告"
    word.add_paragraph(document["title"], style="Title")
    for part in document["sections"]:
        if part["level"]:
            word.add_heading(part["heading"], level=part["level"])
        for text in part["paragraphs"]:
            word.add_paragraph(text)
    word.add_paragraph("")
    for line in (document.get("signature", ""), document.get("date", "")):
        closing = word.add_paragraph(line)
        closing.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        closing.paragraph_format.first_line_indent = None
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()
