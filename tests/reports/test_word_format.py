"""The Word report in the official-document format (GB/T 9704-2012), read back from the real .docx file."""

import datetime
import io

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from reports.annual.docx import build_docx
from reports.annual.narrative import build_document
from tests.reports.fixtures import township_stats

TITLE = "南鲁山镇人民政府关于2021年度法治政府建设工作情况的报告"


def word_file():
    stats = township_stats()
    return docx.Document(io.BytesIO(build_docx(build_document(stats, dated=datetime.date(2022, 2, 20)), stats)))


def style_chain(style):
    while style is not None:
        yield style
        style = style.base_style


def effective(paragraph, attribute: str):
    """The East Asian font ("eastAsia") or the size ("size") a paragraph's text is set in."""
    for element in [run.element for run in paragraph.runs] + [s.element for s in style_chain(paragraph.style)]:
        properties = element.rPr
        if properties is None:
            continue
        if attribute == "eastAsia" and properties.rFonts is not None and properties.rFonts.get(qn("w:eastAsia")):
            return properties.rFonts.get(qn("w:eastAsia"))
        if attribute == "size" and properties.sz_val is not None:
            return properties.sz_val
    return None


def paragraph_of(word, text: str):
    return next(p for p in word.paragraphs if p.text == text)


def test_the_title_is_centred_in_fangzheng_xiaobiaosong_22pt_without_a_heading_style_or_a_rule_under_it():
    word = word_file()
    title = paragraph_of(word, TITLE)
    assert effective(title, "eastAsia") == "方正小标宋简体"
    assert effective(title, "size") == Pt(22)
    assert title.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert not any(s.name == "Title" or s.name.startswith("Heading") for s in style_chain(title.style))
    for style in style_chain(title.style):
        assert style.element.find(f"{qn('w:pPr')}/{qn('w:pBdr')}") is None
    assert title.style.font.color.rgb == (0, 0, 0)


def test_the_body_is_fangsong_16pt_and_the_headings_heiti_and_kaiti_in_black_without_theme_fonts():
    word = word_file()
    body = next(p for p in word.paragraphs if p.text.startswith("2021年"))
    assert (effective(body, "eastAsia"), effective(body, "size")) == ("仿宋_GB2312", Pt(16))
    first = paragraph_of(word, "一、主要做法和成效")
    assert (effective(first, "eastAsia"), effective(first, "size")) == ("黑体", Pt(16))
    second = next(p for p in word.paragraphs if p.text.startswith("（一）"))
    assert effective(second, "eastAsia").startswith("楷体")
    for style in (first.style, second.style):
        assert style.font.bold is False
        assert style.font.color.rgb == (0, 0, 0)
        fonts = style.element.rPr.rFonts
        assert fonts.get(qn("w:eastAsiaTheme")) is None and fonts.get(qn("w:asciiTheme")) is None


def test_the_page_is_a4_with_the_margins_of_the_standard():
    section = word_file().sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
    assert [round(margin.mm) for margin in margins] == [37, 35, 28, 26]


def test_every_page_is_numbered_at_the_bottom_as_dash_number_dash_odd_right_even_left():
    word = word_file()
    assert word.settings.odd_and_even_pages_header_footer
    section = word.sections[0]
    for footer, alignment in ((section.footer, "right"), (section.even_page_footer, "left")):
        paragraph = footer.paragraphs[0]
        instructions = [node.text.strip() for node in paragraph._p.iter(qn("w:instrText"))]
        assert instructions == ["PAGE"]
        assert paragraph.text == "— 1 —"  # the field's placeholder, as Word shows it before updating
        assert paragraph.alignment == getattr(WD_ALIGN_PARAGRAPH, alignment.upper())
        assert effective(paragraph, "size") == Pt(14)


def test_the_document_holds_a_table_of_the_key_figures_from_the_statistics():
    stats = township_stats()
    word = word_file()
    assert len(word.tables) == 1
    rows = [[cell.text for cell in row.cells] for row in word.tables[0].rows]
    assert rows[0] == ["类别", "指标", "数值"]
    figures = {label: value for _area, label, value in rows[1:]}
    assert figures["持证率"] == "91.7%"
    assert figures["行政执法人员（人）"] == str(stats["officers"]["enforcement_officers"])
    assert figures["收到申请（件）"] == str(stats["reconsideration"]["received"])
    assert {area for area, _label, _value in rows[1:]} == {
        "执法人员",
        "学法培训",
        "学法考试",
        "法治宣传",
        "行政复议",
        "行政处罚案件",
        "依法行政台账",
    }
    caption = word.tables[0]._tbl.getprevious()
    assert "2021年度法治政府建设主要数据" in "".join(caption.itertext())


def test_the_key_figures_table_comes_before_the_problems():
    word = word_file()
    body = word.element.body
    table = body.index(word.tables[0]._tbl)
    problems = body.index(paragraph_of(word, "二、存在问题及下一步工作计划")._p)
    first = body.index(paragraph_of(word, "一、主要做法和成效")._p)
    assert first < table < problems
