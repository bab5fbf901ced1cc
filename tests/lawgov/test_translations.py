import ast
import gettext
import re

from django.conf import settings
from django.utils import translation

CATALOGUE = settings.BASE_DIR / "locale" / "zh_Hans" / "LC_MESSAGES"


def po_entries() -> list[tuple[str, str]]:
    """(catalogue key, translation) of every entry; a key with context is "context\x04msgid"."""
    entries = []
    for block in (CATALOGUE / "django.po").read_text(encoding="utf-8").split("\n\n")[1:]:
        assert "#, fuzzy" not in block, f"fuzzy translation:\n{block}"
        fields: dict[str, str] = {}
        current = None
        for line in block.splitlines():
            keyword = re.match(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[0\])?) ", line)
            if keyword:
                current = keyword.group(1)
                fields[current] = ""
            if current and not line.startswith("#"):
                fields[current] += "".join(re.findall(r'"(.*)"', line))
        msgid = ast.literal_eval(f'"{fields["msgid"]}"')
        if "msgctxt" in fields:
            msgid = ast.literal_eval(f'"{fields["msgctxt"]}"') + "\x04" + msgid
        entries.append((msgid, fields.get("msgstr", "") or fields.get("msgstr[0]", "")))
    return entries


def test_every_source_string_has_a_chinese_translation():
    untranslated = [msgid for msgid, msgstr in po_entries() if not msgstr]
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
