import ast
import gettext
import re

from django.conf import settings
from django.utils import translation

CATALOGUE = settings.BASE_DIR / "locale" / "zh_Hans" / "LC_MESSAGES"


def po_entries() -> list[tuple[str, str]]:
    text = (CATALOGUE / "django.po").read_text(encoding="utf-8")
    entries = []
    for block in text.split("\n\n")[1:]:
        assert "#, fuzzy" not in block, f"fuzzy translation:\n{block}"
        msgid = "".join(re.findall(r'"(.*)"', block.split("msgid ")[1].split("msgstr")[0].split("msgid_plural")[0]))
        msgstr = "".join(re.findall(r'"(.*)"', block.split("msgstr", 1)[1]))
        entries.append((ast.literal_eval(f'"{msgid}"'), msgstr))
    return entries


def test_every_source_string_has_a_chinese_translation():
    untranslated = [msgid for msgid, msgstr in po_entries() if not msgstr.strip("[0] ")]
    assert untranslated == []


def test_the_compiled_catalogue_holds_every_translation():
    with (CATALOGUE / "django.mo").open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)._catalog
    missing = [msgid for msgid, _ in po_entries() if msgid not in catalogue and (msgid, 0) not in catalogue]
    assert missing == []


def test_the_default_language_is_simplified_chinese():
    assert settings.LANGUAGE_CODE == "zh-hans"
    with translation.override(settings.LANGUAGE_CODE):
        assert translation.gettext("agency") == "机构"
