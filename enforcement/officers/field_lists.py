"""The enforcement fields (执法领域) that officers and certificates list as free text, such as "城乡规划、市容环境"."""

from __future__ import annotations

import re

# How the lists separate their names: 、 , ， ; ； / or white space.
SEPARATORS = r"、,，;；/\s"
FIELD_SEPARATORS = re.compile(f"[{SEPARATORS}]+")


def field_names(text: str) -> list[str]:
    """The names in a free-text list such as "城乡规划、市容环境"."""
    return [name for name in FIELD_SEPARATORS.split(text or "") if name]


def listing_pattern(name: str) -> str:
    """A regular expression for a database `regex` lookup: the list names `name` exactly, as `field_names` reads it.

    The syntax is the part Python's `re` (SQLite) and PostgreSQL share: a
    shorthand class inside brackets, anchors, and escapes of punctuation only.
    """
    return f"(^|[{SEPARATORS}]){re.escape(name)}($|[{SEPARATORS}])"
