"""Reading a plan table's cells: clean text, amounts of money, funding sources, unit lists, total rows."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from dxplanner.core.enums import FundingSource
from dxplanner.core.text import fold
from dxplanner.core.unit_lists import read_units
from dxplanner.excel.cell_text import unescaped

_SPACES = re.compile(r"\s+")
# Footnote marks after a name: "Nhiệm vụ X¹", "Nhiệm vụ Y*", "Nhiệm vụ Z (*)", "… (1)", "… [2]".
_FOOTNOTE = re.compile(r"(\s*(\(\*+\)|\*+|\(\d{1,2}\)|\[\d{1,2}\]|[\u00b9\u00b2\u00b3\u2070-\u2079]+))+$")
_MAYBE_TOTAL = re.compile(r"(?i)\s*(t[ổôo]ng|c[ộôo]ng|total|grand|sum|sub)(\s|:|-|$|total)")
# Totals of money however worded, and sums of parts ("I+II+III", "A + B").
_TOTAL_STARTS = (
    "tong kinh phi",
    "tong nhu cau",
    "tong von",
    "tong du toan",
    "tong muc dau tu",
    "tong so tien",
)
_SUM_OF_PARTS = re.compile(r"\b([ivxlc]+|[a-e]|\d{1,2}) ?\+ ?([ivxlc]+|[a-e]|\d{1,2})\b")
# Subtotals: "Cộng mục I", "Cộng phần A", "Tổng nhóm 2", "Cộng II", "Subtotal".
_SUBTOTAL = re.compile(
    r"((tong cong|tong|cong) (muc|phan|nhom|chuong|khoi|linh vuc|giai doan)\b"
    r"|(tong|cong) ([ivxlc]+|[a-e]|\d{1,2})\.?$"
    r"|sub-?\s?totals?\b)"
)
_FOOTNOTE_ENDS = set("*)]\u00b9\u00b2\u00b3\u2070\u2071\u2074\u2075\u2076\u2077\u2078\u2079")
_CELL_UNITS = (
    (re.compile(r"(?<![a-z])(ty|ti|billion|bn)\b"), 1_000_000_000),
    (re.compile(r"(?<![a-z])(trieu|tr|million|mn)\b"), 1_000_000),
    (re.compile(r"(?<![a-z])(nghin|ngan|thousand)\b"), 1_000),
    (re.compile(r"(?<![a-z])(dong|d|vnd)\b"), 1),
)
# A number and the unit after it, in folded text: "2 ty", "500 trieu".
_COMPOUND = re.compile(r"([\d.,]*\d)\s*(ty|ti|trieu|tr|nghin|ngan)(?![a-z])")
_PLAIN_NUMBER = re.compile(r"[\d.,]+")
_DIGITS_AND_MARKS = re.compile(r"[\d.,]*\d[\d.,]*")
_THOUSANDS_BY_COMMA = re.compile(r"\d{1,3}(,\d{3})+")
_THOUSANDS_BY_DOT = re.compile(r"\d{1,3}(\.\d{3})+")
_AROUND_AMOUNT = re.compile(r"[()~≈]|\b(khoang|du kien|uoc tinh|about|approx)\b\.?")
_CURRENCY_ONLY = re.compile(r"[\s,.]*((dong|d|vnd)[\s,.]*)?")
# Money among words: the parts a cell lists ("NSTW: 500; NSĐP: 300", "… + …"), and a number in one,
# with the unit after it; a remark in brackets; years and document numbers, which are no money.
_MONEY_PARTS = re.compile(r"[;\n+]|,\s+(?=\D)|\s(?:va|and)\s")
_MONEY_NUMBER = re.compile(r"(?<![\w/.,])(\d[\d.,]*\d|\d)\s*(ty|ti|trieu|tr|nghin|ngan|dong|d|vnd)?(?![\w/])")
_BRACKETS = re.compile(r"\([^()]*\)")
_NOT_MONEY = re.compile(r"\b(?:nam|giai doan)\s+\d{4}(?:\s*-\s*\d{4})?|\b\d+\s*/\s*[\w/.-]*")
# The state's budget named with no level: public investment, recurrent spending, "NSNN".
_STATE_BUDGET = ("dtpt", "dau tu phat trien", "dau tu cong", "chi thuong xuyen", "su nghiep", "nsnn",
                 "ngan sach nha nuoc", "ngan sach")  # fmt: skip
_UNIT_SIZES = {"ty": 10**9, "ti": 10**9, "trieu": 10**6, "tr": 10**6, "nghin": 10**3, "ngan": 10**3}
_SOURCES = (
    (FundingSource.CENTRAL_BUDGET, ("nstw", "ngan sach tw", "ngan sach trung uong", "trung uong", "central")),
    (
        FundingSource.LOCAL_BUDGET,
        ("nsdp", "ngan sach dp", "ngan sach dia phuong", "ngan sach tinh", "dia phuong", "local"),
    ),
    (FundingSource.ODA, ("oda", "von vay", "loan")),
    (FundingSource.ENTERPRISE, ("doanh nghiep", "enterprise", "private")),
    (FundingSource.OTHER, ("xa hoi hoa", "von khac", "nguon khac", "khac", "other")),
)


def text_of(value: object) -> str:
    """A cell as one line of text: runs of spaces and line breaks made one space."""
    if value is None:
        return ""
    if type(value) is not str:  # most cells are text: the other kinds are looked for only here
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, datetime.datetime):
            value = value.date()
        if isinstance(value, datetime.date):
            return value.strftime("%d/%m/%Y")
        value = str(value)
    text = unescaped(value)  # Excel writes a carriage return in a cell as "_x000D_"
    # Most cells are one clean line: look for runs of spaces only where there can be some.
    if "  " in text or "\n" in text or "\t" in text or "\r" in text or "\xa0" in text:
        text = _SPACES.sub(" ", text)
    return text.strip()


def name_of(value: object) -> str:
    """A task's name: its text without the footnote marks after it."""
    return without_footnote(text_of(value))


def without_footnote(text: str) -> str:
    """A cell's text without the footnote marks after it ("Nhiệm vụ X (*)" -> "Nhiệm vụ X")."""
    return _FOOTNOTE.sub("", text).strip() if text and text[-1] in _FOOTNOTE_ENDS else text


def is_total(number_text: str, name_text: str) -> bool:
    """Whether a row (the text of its number and name) is a total ("Tổng cộng", "Cộng mục I").

    The total's amount written out in words under it ("(Bằng chữ: …)") counts with it.
    """
    if not number_text and name_text.lstrip("( ").lower().startswith(("bằng chữ", "bang chu", "in words")):
        return True
    for text in (number_text, name_text):
        # Fold only what could be a total (speed: most rows are tasks).
        if not text or not _MAYBE_TOTAL.match(text):
            continue
        key = fold(text[:80]).replace("(", " ").replace(")", " ").strip(" :.")
        key = " ".join(key.split())  # "Cộng (I)" -> "cong i"
        if key in {"tong", "tong cong", "cong", "tong so", "total", "grand total", "sum", "tong kinh phi"}:
            return True
        if key.startswith(_TOTAL_STARTS) or _SUM_OF_PARTS.search(key):
            return True  # "Tổng kinh phí dự kiến", "Tổng nhu cầu kinh phí (I+II+III)", "(A+B)"
        if re.match(r"(tong cong|tong so|grand total|total)\b", key) and len(key) < 40:
            return True
        if _SUBTOTAL.match(key) and len(key) < 60:
            return True
    return False


def amount_of(value: object, factor: int, decimal_comma: bool) -> int | None:
    """Money in đồng from a cell, in the header's unit unless the cell names its own; None if empty.

    Raises ValueError when the cell holds something that is not an amount.
    """
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float):
        if value < 0:
            raise ValueError(value)
        return round(value * factor)
    text = str(value)
    # Most amounts are plain digits and marks: folding (for "tỷ đồng") is for the others.
    folded = " ".join(text.lower().split()) if text.isascii() else fold(text)
    if folded in {"", "-", "0", "x"}:
        return None if folded != "0" else 0
    if _PLAIN_NUMBER.fullmatch(folded):  # most amounts are digits and marks only: no unit to look for
        number = _number(folded, decimal_comma)
        if number < 0:
            raise ValueError(value)
        return round(number * factor)
    parts = _COMPOUND.findall(folded)
    if len(parts) > 1 and _CURRENCY_ONLY.fullmatch(_COMPOUND.sub("", folded)):
        # "2 tỷ 500 triệu (đồng)": each number in the unit written after it.
        return sum(round(_number(number, decimal_comma) * _UNIT_SIZES[unit]) for number, unit in parts)
    # "500 (dự kiến)", "~500", "khoảng 500": the amount without the words around it.
    folded = _AROUND_AMOUNT.sub(" ", folded).strip()
    named = [unit for pattern, unit in _CELL_UNITS if pattern.search(folded)]
    if named:
        factor = max(named)  # "5 tỷ đồng": the tỷ says the size, the đồng only the currency
        for pattern, _unit in _CELL_UNITS:
            folded = pattern.sub(" ", folded)
    number = _number(folded.replace(" ", "").replace("\u00a0", ""), decimal_comma)
    if number < 0:
        raise ValueError(value)
    return round(number * factor)


def _number(text: str, decimal_comma: bool) -> float:
    """A number written with a decimal comma and thousand dots (1.250,5) or the English way (1,250.5)."""
    if not _DIGITS_AND_MARKS.fullmatch(text):
        raise ValueError(text)
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
    elif "," in text:
        thousands = _THOUSANDS_BY_COMMA.fullmatch(text)
        decimal = "." if thousands and not decimal_comma else ","
    elif "." in text:
        thousands = _THOUSANDS_BY_DOT.fullmatch(text)
        decimal = "," if thousands and decimal_comma else "."
    else:
        return float(text)
    grouping = "." if decimal == "," else ","
    return float(text.replace(grouping, "").replace(decimal, "."))


@dataclass(frozen=True)
class MoneySaid:
    """Money a cell states in words: from which source (None: not said) and how much (None: not said)."""

    source: FundingSource | None
    amount: int | None
    public: bool = False  # the state's budget, at a level (central or local) the words do not say


def money_in_words(text: str, factor: int, decimal_comma: bool) -> list[MoneySaid] | None:
    """The sources and amounts a money cell names among words, or None when it cannot be read.

    "NSĐP 2.300 triệu đồng (chi thường xuyên: …)" is local budget 2,300 million; "Vốn ĐTPT: 12 tỷ"
    the state's investment budget; "kinh phí đối ứng của doanh nghiệp" enterprises' money, no amount.
    Words in brackets are a remark, read for an amount only when none is outside them.
    """
    folded = fold(text)
    if "trong do" in folded:
        broken = _broken_down(folded, factor, decimal_comma)
        if broken is not None:
            return broken
        folded = folded[: folded.index("trong do")]  # "…, trong đó …" only says more of the same money
    said = _money_parts(_BRACKETS.sub(" ", folded), factor, decimal_comma)
    if said is None:
        return None
    if not any(part.amount is not None for part in said):
        inside = " ; ".join(_BRACKETS.findall(folded))
        more = _money_parts(inside, factor, decimal_comma) if inside else []
        if more is None:
            return None
        if any(part.amount is not None for part in more):
            named = [part for part in said if part.source is not None or part.public]
            said = _with_amount(named or [MoneySaid(None, None)], more)
    return said or None


def _broken_down(folded: str, factor: int, decimal_comma: bool) -> list[MoneySaid] | None:
    """ "2.500 triệu (trong đó: NSTW 1.500; NSĐP 1.000)": the parts by source, if they make up the whole."""
    at = folded.index("trong do")
    whole = _money_parts(_BRACKETS.sub(" ", folded[:at]).replace("(", " "), factor, decimal_comma)
    parts = _money_parts(
        folded[at + len("trong do") :].replace("(", " ").replace(")", " "), factor, decimal_comma
    )
    if not whole or not parts or any(part.source is None or part.amount is None for part in parts):
        return None
    total = sum(part.amount or 0 for part in whole)
    return parts if total == sum(part.amount or 0 for part in parts) else None


def _with_amount(said: list[MoneySaid], more: list[MoneySaid]) -> list[MoneySaid]:
    """The sources named outside the brackets, given the amount said inside ("Lồng ghép (khoảng 500)")."""
    amount = sum(part.amount or 0 for part in more)
    first = said[0]
    source = first.source or next((part.source for part in more if part.source), None)
    return [MoneySaid(source, amount, first.public and source is None), *said[1:]]


def _money_parts(folded: str, factor: int, decimal_comma: bool) -> list[MoneySaid] | None:
    """Each part of the words ("NSTW: 500; NSĐP: 300") with its source and amount; None if one is unclear."""
    said: list[MoneySaid] = []
    for part in _MONEY_PARTS.split(folded):
        if not part.strip(" :.-"):
            continue
        source = source_of(part)
        public = source is None and any(word in part for word in _STATE_BUDGET)
        numbers = _MONEY_NUMBER.findall(_NOT_MONEY.sub(" ", part))
        sized = [(number, unit) for number, unit in numbers if unit in _UNIT_SIZES]
        chosen = sized or numbers
        if len(chosen) > 1:
            return None  # several amounts in one part, none of them the one: not a guess to make
        amount = None
        if chosen:
            number, unit = chosen[0]
            try:
                amount = amount_of(f"{number} {unit}".strip(), factor, decimal_comma)
            except (ValueError, OverflowError):
                return None
        if amount is not None or source is not None or public:
            said.append(MoneySaid(source, amount, public))
    return said


def source_of(value: object) -> FundingSource | None:
    """The funding source a cell names ("NSTW", "Ngân sách địa phương", "ODA"), or None if it names none."""
    key = fold(text_of(value))
    if not key:
        return None
    for source, words in _SOURCES:
        if any(word in key for word in words):
            return source
    return None


def unit_texts(value: object) -> list[str]:
    """Every unit a cell names, those it says lead first (see dxplanner.core.unit_lists.read_units)."""
    if value is None:
        return []
    reading = read_units(str(value), lead=False)
    return [*reading.leads, *reading.cooperating]
