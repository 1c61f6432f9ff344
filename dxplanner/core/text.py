"""Text folded for matching: lower case, no Vietnamese accents, one kind of dash, single spaces."""

from __future__ import annotations

import re
import unicodedata

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_SPACES = re.compile(r"\s+")
# Combining marks (Vietnamese tones and vowel marks among them), removed after decomposition.
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Lower case without Vietnamese accents, one kind of dash, single spaces ("Đổi  MỚI" -> "doi moi")."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = _MARKS.sub("", decomposed)
    return _SPACES.sub(" ", _DASHES.sub("-", plain.lower())).strip()
