"""The yearly report as a Word document ready to print, in the format of official documents (GB/T 9704-2012).

Title in 方正小标宋简体 二号, centred; body in 仿宋_GB2312 三号, 28 characters by 22 lines on A4 with the
standard margins; first-level headings in 黑体, second-level in 楷体; page numbers at the bottom as
"— 1 —" in 宋体 四号, odd pages on the right and even pages on the left, one character in from the edge;
a table of the key figures inside the document, from the same statistics as the text.
"""

from __future__ import annotations

import io

from django.conf import settings
from django.utils import translation
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from enforcement.agencies.text import printable
from reports.statistics.figures import AREAS
from reports.statistics.labels import shown

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONTS = {1: "黑体", 2: "楷体_GB2312"}
PAGE_NUMBER_FONT = "宋体"
BODY_SIZE = Pt(16)  # 三号
TITLE_SIZE = Pt(22)  # 二号
SMALL_SIZE = Pt(14)  # 四号: page numbers and table cells
LINE = Pt(28)  # 22 lines in the 225 mm high text block
# A paragraph style of its own: Word's "Title" style draws a blue rule under
# the title, and a heading style would put the title into the outline.
TITLE_STYLE = "Report Title"
TABLE_CAPTION = "表1　%(year)s年度法治政府建设主要数据"

# The figures of the table in the document (the annex has every figure).
THEME_FONT_SLOTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


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
    # A theme font (Word's default headings have them) wins over the named one.
    for slot in THEME_FONT_SLOTS:
        fonts.attrib.pop(qn(slot), None)
    color = properties.find(qn("w:color"))
    for attribute in ("w:themeColor", "w:themeShade", "w:themeTint"):
        color.attrib.pop(qn(attribute), None)


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
    # GB/T 9704 7.1: top margin 37 mm, binding margin 28 mm, text block 156 × 225 mm.
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    # 7.5: the page number's dash line sits 7 mm below the text block.
    section.footer_distance = Mm(35 - 7) - SMALL_SIZE
    styles = document.styles
    set_font(styles["Normal"], BODY_FONT, BODY_SIZE)
    set_spacing(styles["Normal"].paragraph_format, first_line_indent=True)
    title = styles.add_style(TITLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    title.base_style = styles["Normal"]
    title.next_paragraph_style = styles["Normal"]
    title.quick_style = True
    set_font(title, TITLE_FONT, TITLE_SIZE)
    set_spacing(title.paragraph_format, first_line_indent=False)
    title.paragraph_format.line_spacing = Pt(36)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = LINE  # one blank line between title and text
    for level, font in HEADING_FONTS.items():
        style = styles[f"Heading {level}"]
        set_font(style, font, BODY_SIZE)
        set_spacing(style.paragraph_format, first_line_indent=True)
    add_page_numbers(document)


def add_page_field(paragraph) -> None:
    """A PAGE field: Word fills in each page's own number."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == " PAGE ":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)
    set_font(run, PAGE_NUMBER_FONT, SMALL_SIZE)


def page_number(footer, *, alignment: WD_ALIGN_PARAGRAPH) -> None:
    """ "— 1 —", one character in from the outer edge."""
    paragraph = footer.paragraphs[0]
    paragraph.paragraph_format.alignment = alignment
    paragraph.paragraph_format.first_line_indent = None
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    if alignment == WD_ALIGN_PARAGRAPH.RIGHT:
        paragraph.paragraph_format.right_indent = SMALL_SIZE
    else:
        paragraph.paragraph_format.left_indent = SMALL_SIZE
    set_font(paragraph.add_run("— "), PAGE_NUMBER_FONT, SMALL_SIZE)
    add_page_field(paragraph)
    set_font(paragraph.add_run(" —"), PAGE_NUMBER_FONT, SMALL_SIZE)


def add_page_numbers(document) -> None:
    # GB/T 9704 7.5: odd pages right, even pages left, as a printed booklet has them.
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    page_number(section.footer, alignment=WD_ALIGN_PARAGRAPH.RIGHT)
    page_number(section.even_page_footer, alignment=WD_ALIGN_PARAGRAPH.LEFT)


def key_figure_rows(stats: dict) -> list[tuple[str, str, str]]:
    """(area, figure, value as written) of the key figures present in the statistics."""
    # The key figures are those declared `summary` in reports/statistics/figures.py.
    with translation.override(settings.LANGUAGE_CODE):
        return [
            (str(area.label), str(figure.label), shown(stats, area.key, figure.key))
            for area in AREAS
            for figure in area.figures
            if figure.summary and figure.key in (stats.get(area.key) or {})
        ]


def cell_text(cell, text: str, *, font: str = BODY_FONT, alignment=WD_ALIGN_PARAGRAPH.LEFT) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.first_line_indent = None
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    paragraph.paragraph_format.alignment = alignment
    set_font(paragraph.add_run(text), font, SMALL_SIZE)


def add_key_figures(word, stats: dict) -> None:
    rows = key_figure_rows(stats)
    if not rows:
        return
    caption = word.add_paragraph()
    caption.paragraph_format.first_line_indent = None
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_font(caption.add_run(TABLE_CAPTION % {"year": stats.get("year", "")}), HEADING_FONTS[1], SMALL_SIZE)
    table = word.add_table(rows=1, cols=3)
    table.style = word.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, heading in zip(table.rows[0].cells, ("类别", "指标", "数值"), strict=True):
        cell_text(cell, heading, font=HEADING_FONTS[1], alignment=WD_ALIGN_PARAGRAPH.CENTER)
    first_of_area = None
    for area, label, value in rows:
        cells = table.add_row().cells
        if first_of_area is not None and first_of_area.text == area:
            first_of_area.merge(cells[0])  # one cell per area, spanning its rows
        else:
            cell_text(cells[0], area, alignment=WD_ALIGN_PARAGRAPH.CENTER)
            first_of_area = cells[0]
        cell_text(cells[1], label)
        cell_text(cells[2], value, alignment=WD_ALIGN_PARAGRAPH.RIGHT)
    for row in table.rows:
        for cell, width in zip(row.cells, (Mm(30), Mm(90), Mm(36)), strict=True):
            cell.width = width


def _printable(value):
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {key: _printable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_printable(item) for item in value]
    return value


def build_docx(document: dict, stats: dict) -> bytes:
    """The Word file of a report document; `stats` is the snapshot it was written from.

    Texts stored before control characters were refused are written without them.
    """
    document = _printable(document)
    word = Document()
    prepare(word)
    word.core_properties.title = document["title"]
    word.core_properties.author = document.get("signature", "")
    word.core_properties.subject = f"{stats.get('year', '')}年度法治政府建设工作情况报告"
    word.add_paragraph(document["title"], style=TITLE_STYLE)
    # The table closes the part on measures and results, before the problems.
    table_added = False
    level_1_seen = 0
    for part in document["sections"]:
        if part["level"] == 1:
            level_1_seen += 1
            if level_1_seen == 2 and not table_added:
                add_key_figures(word, stats)
                table_added = True
        if part["level"]:
            word.add_heading(part["heading"], level=part["level"])
        for text in part["paragraphs"]:
            word.add_paragraph(text)
    if not table_added:
        add_key_figures(word, stats)
    word.add_paragraph("")
    for line in (document.get("signature", ""), document.get("date", "")):
        closing = word.add_paragraph(line)
        closing.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        closing.paragraph_format.first_line_indent = None
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()
