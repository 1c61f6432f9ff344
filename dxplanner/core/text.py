"""Text folded for matching: lower case, no Vietnamese accents, one kind of dash, single spaces."""

from __future__ import annotations

import re
import unicodedata

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower case without Vietnamese accents, one kind of dash, single spaces ("Đổi  MỚI" -> "doi moi")."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SPACES.sub(" ", _DASHES.sub("-", plain.lower())).strip()
