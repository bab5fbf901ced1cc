"""What the admin tests share: the signed version a change form carries."""

import re


def signed_version(client, url: str) -> str:
    """The optimistic-locking version the change form at `url` was rendered with."""
    page = client.get(url).content.decode()
    match = re.search(r'name="version" value="([^"]*)"', page)
    assert match, "the change form carries no version"
    return match.group(1)
