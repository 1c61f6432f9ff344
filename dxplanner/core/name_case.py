"""A name a table wrote in capitals, as a document's heading does, written as lists and trees write it."""

from __future__ import annotations

from dxplanner.core.text import fold

# Abbreviations with a vowel, which the rule for those without one does not catch.
_ABBREVIATIONS = frozenset(
    {"ubnd", "hdnd", "ubmttq", "mttq", "tu", "tw", "ubkt", "vnpt", "vneid", "lgsp", "ndxp"}
)
# Words naming a level of local government: lower case, and the place's name after them in title case.
_LEVELS = ("thanh pho", "thi xa", "thi tran", "tinh", "huyen", "quan", "xa", "phuong")
# Words that end a place's name ("tỉnh Quảng Ngãi năm 2025").
_AFTER_PLACE = frozenset(
    {"nam", "giai", "den", "va", "ve", "theo", "tai", "trong", "cua", "tu", "giua", "qua"}
)
# What an agency's name starts with; the field after it is capitalised, and each field joined to it.
_AGENCY_TYPES = (
    "uy ban nhan dan",
    "hoi dong nhan dan",
    "van phong",
    "trung tam",
    "chi cuc",
    "tong cuc",
    "uy ban",
    "hoi dong",
    "ban",
    "so",
    "bo",
    "cuc",
    "vu",
    "phong",
    "vien",
)
# A level's word that begins another word here: "xã hội" (society) is no commune.
_NOT_A_LEVEL = frozenset({("xa", "hoi")})
_VOWELS = set("aeiouy")
_PUNCTUATION = ",;:.()-–"


def as_listed(text: str) -> str:
    """The name in list case ("UBND TỈNH BẮC NINH" -> "UBND tỉnh Bắc Ninh") when all its letters are
    capitals and there are words to tell; otherwise as it is."""
    words = text.split()
    letters = [character for character in text if character.isalpha()]
    if len(words) < 2 or not letters or any(character.islower() for character in letters):
        return text
    keys = [fold(word).strip(_PUNCTUATION) for word in words]
    agency = next((kind for kind in _AGENCY_TYPES if " ".join(keys).startswith(kind + " ")), None)
    field_starts = {len(agency.split())} if agency else set()
    written: list[str] = []
    in_place = False
    for number, (word, key) in enumerate(zip(words, keys, strict=True)):
        level = _level_at(keys, number)
        if not key:  # a dash or a comma standing alone: the words around it decide
            written.append(word)
            continue
        if _abbreviation(word, key):
            written.append(word)
            in_place = False
            continue
        if level:
            written.append(word.lower())
            in_place = level == 1 or in_place
            continue
        if in_place and key not in _AFTER_PLACE:
            written.append(word.capitalize())
            continue
        in_place = False
        joins = number and (keys[number - 1] in ("va", "") or words[number - 1].endswith(","))
        if number == 0 or number in field_starts or (agency and joins):
            written.append(word.capitalize())
        else:
            written.append(word.lower())
    return " ".join(written)


def _level_at(keys: list[str], number: int) -> int:
    """1 when a level's name ends at word number (the place follows), 2 inside a two-word level, else 0."""
    if tuple(keys[number : number + 2]) in _NOT_A_LEVEL:
        return 0
    for level in _LEVELS:
        parts = level.split()
        start = number - len(parts) + 1
        if start >= 0 and keys[start : number + 1] == parts:
            return 1
        if len(parts) == 2 and keys[number : number + 2] == parts:
            return 2
    return 0


def _abbreviation(word: str, key: str) -> bool:
    """Whether a word is an abbreviation kept in capitals: known, with & or a digit, or with no vowel."""
    if not key:
        return False
    if key in _ABBREVIATIONS or "&" in word or any(character.isdigit() for character in word):
        return True
    return not (_VOWELS & set(key))
