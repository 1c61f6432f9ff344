"""Reading timelines as written in Vietnamese (and English) plans."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dxplanner.core.text import fold
from dxplanner.core.timeline import TimelineKind, parse_timeline

D = datetime.date
K = TimelineKind

EXAMPLES = [
    # month
    ("6/2025", D(2025, 6, 1), D(2025, 6, 30), K.MONTH),
    ("06/2025", D(2025, 6, 1), D(2025, 6, 30), K.MONTH),
    ("Tháng 10/2025", D(2025, 10, 1), D(2025, 10, 31), K.MONTH),
    ("tháng 12 năm 2021", D(2021, 12, 1), D(2021, 12, 31), K.MONTH),
    ("Tháng 2/2024", D(2024, 2, 1), D(2024, 2, 29), K.MONTH),
    ("T6/2023", D(2023, 6, 1), D(2023, 6, 30), K.MONTH),
    # quarter
    ("Quý II/2025", D(2025, 4, 1), D(2025, 6, 30), K.QUARTER),
    ("quý 2/2025", D(2025, 4, 1), D(2025, 6, 30), K.QUARTER),
    ("Quý III năm 2019", D(2019, 7, 1), D(2019, 9, 30), K.QUARTER),
    ("Q2/2025", D(2025, 4, 1), D(2025, 6, 30), K.QUARTER),
    ("QUÝ  IV - 2024", D(2024, 10, 1), D(2024, 12, 31), K.QUARTER),
    # half year
    ("6 tháng đầu năm 2023", D(2023, 1, 1), D(2023, 6, 30), K.HALF_YEAR),
    ("6 tháng cuối năm 2023", D(2023, 7, 1), D(2023, 12, 31), K.HALF_YEAR),
    # year
    ("2025", D(2025, 1, 1), D(2025, 12, 31), K.YEAR),
    ("Năm 2022", D(2022, 1, 1), D(2022, 12, 31), K.YEAR),
    ("trong năm 2020", D(2020, 1, 1), D(2020, 12, 31), K.YEAR),
    ("Đến năm 2025", None, D(2025, 12, 31), K.UNTIL),
    # years
    ("2021-2025", D(2021, 1, 1), D(2025, 12, 31), K.YEARS),
    ("giai đoạn 2021 - 2025", D(2021, 1, 1), D(2025, 12, 31), K.YEARS),
    ("2025 – 2026", D(2025, 1, 1), D(2026, 12, 31), K.YEARS),
    ("Từ năm 2021 đến năm 2025", D(2021, 1, 1), D(2025, 12, 31), K.YEARS),
    # day
    ("30/6/2025", D(2025, 6, 30), D(2025, 6, 30), K.DAY),
    ("ngày 15/3/2024", D(2024, 3, 15), D(2024, 3, 15), K.DAY),
    ("01.06.2022", D(2022, 6, 1), D(2022, 6, 1), K.DAY),
    ("ngày 2 tháng 9 năm 2025", D(2025, 9, 2), D(2025, 9, 2), K.DAY),
    ("trước ngày 25/02/2025", None, D(2025, 2, 25), K.UNTIL),
    ("đến ngày 30/6/2025", None, D(2025, 6, 30), K.UNTIL),
    ("từ ngày 01/6/2022", D(2022, 6, 1), None, K.FROM),
    # recurring and continuous
    ("Hằng năm", None, None, K.RECURRING),
    ("hàng năm", None, None, K.RECURRING),
    ("annually", None, None, K.RECURRING),
    ("Hằng năm (2021-2025)", D(2021, 1, 1), D(2025, 12, 31), K.RECURRING),
    ("Thường xuyên", None, None, K.CONTINUOUS),
    ("ongoing", None, None, K.CONTINUOUS),
    # English
    ("June 2022", D(2022, 6, 1), D(2022, 6, 30), K.MONTH),
    ("Q3 2024", D(2024, 7, 1), D(2024, 9, 30), K.QUARTER),
    ("by 30 June 2025", None, D(2025, 6, 30), K.UNTIL),
    ("end of 2023", None, D(2023, 12, 31), K.UNTIL),
    ("first half of 2024", D(2024, 1, 1), D(2024, 6, 30), K.HALF_YEAR),
    ("from March 2024", D(2024, 3, 1), None, K.FROM),
    # several periods: from the earliest start to the latest end
    ("Quý IV/2024 - Quý I/2025", D(2024, 10, 1), D(2025, 3, 31), K.RANGE),
    ("Quý II - III/2025", D(2025, 4, 1), D(2025, 9, 30), K.RANGE),
    ("Quý I, II/2025", D(2025, 1, 1), D(2025, 6, 30), K.RANGE),
    ("từ tháng 3 đến tháng 6/2024", D(2024, 3, 1), D(2024, 6, 30), K.RANGE),
    ("Tháng 3-6/2024", D(2024, 3, 1), D(2024, 6, 30), K.RANGE),
    ("01/3/2024 - 30/6/2024", D(2024, 3, 1), D(2024, 6, 30), K.RANGE),
    # leading words
    ("Hoàn thành trong Quý IV/2024", D(2024, 10, 1), D(2024, 12, 31), K.QUARTER),
    ("Dự kiến vào tháng 9/2025", D(2025, 9, 1), D(2025, 9, 30), K.MONTH),
    # cells from real plans
    ("Từ 01/6 đến 30/6/2025", D(2025, 6, 1), D(2025, 6, 30), K.RANGE),
    ("01/6 - 30/6/2025", D(2025, 6, 1), D(2025, 6, 30), K.RANGE),
    ("2025-06-30", D(2025, 6, 30), D(2025, 6, 30), K.DAY),
    ("Quí 3/2025", D(2025, 7, 1), D(2025, 9, 30), K.QUARTER),
    ("T1-T3/2025", D(2025, 1, 1), D(2025, 3, 31), K.RANGE),
    ("Tháng 01 - 03/2024", D(2024, 1, 1), D(2024, 3, 31), K.RANGE),
    ("Jan-Mar 2024", D(2024, 1, 1), D(2024, 3, 31), K.RANGE),
    ("January to March 2024", D(2024, 1, 1), D(2024, 3, 31), K.RANGE),
    ("Nửa đầu năm 2025", D(2025, 1, 1), D(2025, 6, 30), K.HALF_YEAR),
    ("Sau 30/6/2025", D(2025, 7, 1), None, K.FROM),
    ("Sau năm 2025", D(2026, 1, 1), None, K.FROM),
    ("Năm 2024 và các năm tiếp theo", D(2024, 1, 1), None, K.FROM),
    ("2024 trở đi", D(2024, 1, 1), None, K.FROM),
    ("Từ Quý II/2024", D(2024, 4, 1), None, K.FROM),
    ("Không quá 30/6/2025", None, D(2025, 6, 30), K.UNTIL),
    ("Hết Quý III/2024", None, D(2024, 9, 30), K.UNTIL),
    ("Cuối năm 2025", None, D(2025, 12, 31), K.UNTIL),
    ("Trước Quý III/2025", None, D(2025, 6, 30), K.UNTIL),  # before the quarter begins
    ("before 2026", None, D(2025, 12, 31), K.UNTIL),
    ("Hằng năm, từ năm 2022", D(2022, 1, 1), None, K.RECURRING),
    ("2024-25", D(2024, 1, 1), D(2025, 12, 31), K.YEARS),
    ("Năm 2023, 2024", D(2023, 1, 1), D(2024, 12, 31), K.YEARS),
    ("Đầu tư năm 2025", D(2025, 1, 1), D(2025, 12, 31), K.YEAR),  # "tư" is not "từ"
    ("Quyết định 942/QĐ-TTg năm 2021", D(2021, 1, 1), D(2021, 12, 31), K.YEAR),
    # Excel serial numbers, as numbers or as text
    (45839, D(2025, 7, 1), D(2025, 7, 1), K.DAY),
    ("45839", D(2025, 7, 1), D(2025, 7, 1), K.DAY),
    (45839.0, D(2025, 7, 1), D(2025, 7, 1), K.DAY),
]


@pytest.mark.parametrize(("text", "start", "end", "kind"), EXAMPLES, ids=[str(row[0]) for row in EXAMPLES])
def test_the_families_of_timelines(
    text: object, start: datetime.date | None, end: datetime.date | None, kind: TimelineKind
) -> None:
    timeline = parse_timeline(text)
    assert (timeline.start, timeline.end, timeline.kind) == (start, end, kind)
    assert timeline.ok


@pytest.mark.parametrize(
    "text",
    [
        "Theo tiến độ dự án",
        "Sau khi có hướng dẫn",
        "31/2/2025",
        "13/2025",
        "Nghị định 47/2020",
        "",
        "   ",
        "1/1/1800",
    ],
)
def test_what_cannot_be_read_comes_back_unparsed_with_its_text(text: str) -> None:
    timeline = parse_timeline(text)
    assert (timeline.start, timeline.end, timeline.kind, timeline.ok) == (None, None, K.UNKNOWN, False)
    assert timeline.text == text


def test_date_cells_are_that_day() -> None:
    assert parse_timeline(D(2025, 6, 30)).start == D(2025, 6, 30)
    moment = parse_timeline(datetime.datetime(2025, 6, 30, 14, 0))
    assert (moment.start, moment.end, moment.kind) == (D(2025, 6, 30), D(2025, 6, 30), K.DAY)
    assert parse_timeline(True).kind is K.UNKNOWN
    assert parse_timeline(float("nan")).kind is K.UNKNOWN
    assert parse_timeline(-3).kind is K.UNKNOWN
    assert parse_timeline(10**400).kind is K.UNKNOWN
    assert parse_timeline(2958465).kind is K.UNKNOWN  # 31/12/9999: beyond any plan


def test_an_object_that_cannot_be_written_as_text_is_unknown() -> None:
    class Broken:
        def __str__(self) -> str:
            raise RuntimeError("no text")

    assert parse_timeline(Broken()).kind is K.UNKNOWN


@given(st.one_of(st.text(), st.integers(), st.floats(), st.none(), st.dates()))
def test_any_input_gives_a_timeline_and_never_raises(value: object) -> None:
    timeline = parse_timeline(value)
    assert timeline.start is None or timeline.end is None or timeline.start <= timeline.end
    if isinstance(value, str):
        assert timeline.text == value


# Writing the same period the ways plans do.

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
ENGLISH_MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
LEAD_WORDS = ["", "trong ", "hoàn thành ", "vào ", "dự kiến ", "Hoàn thành trong "]
SEPARATORS = ["/", "-", ".", " / ", " - "]


def _dress(text: str, data: st.DataObject) -> str:
    """The text with the variations real tables have: case, accents, spacing, a leading word."""
    text = data.draw(st.sampled_from(LEAD_WORDS), label="lead") + text
    if data.draw(st.booleans(), label="without accents"):
        text = fold(text)
    case = data.draw(st.sampled_from(["as is", "upper", "lower", "title"]), label="case")
    text = {"as is": text, "upper": text.upper(), "lower": text.lower(), "title": text.title()}[case]
    if data.draw(st.booleans(), label="extra spaces"):
        text = "  " + text.replace(" ", "   ") + " "
    return text


def _last_day(year: int, month: int) -> datetime.date:
    following = D(year + month // 12, month % 12 + 1, 1)
    return following - datetime.timedelta(days=1)


years = st.integers(min_value=1990, max_value=2100)


@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2100, 12, 31)), st.data())
def test_any_day_written_any_way_reads_back_as_itself(day: datetime.date, data: st.DataObject) -> None:
    separator = data.draw(st.sampled_from(["/", "-", "."]), label="separator")
    day_text = data.draw(st.sampled_from([str(day.day), f"{day.day:02d}"]), label="day")
    month_text = data.draw(st.sampled_from([str(day.month), f"{day.month:02d}"]), label="month")
    written = data.draw(
        st.sampled_from(
            [
                f"{day_text}{separator}{month_text}{separator}{day.year}",
                f"ngày {day_text}{separator}{month_text}{separator}{day.year}",
                f"ngày {day.day} tháng {day.month} năm {day.year}",
                f"{day.day} {ENGLISH_MONTHS[day.month - 1]} {day.year}",
                f"{ENGLISH_MONTHS[day.month - 1]} {day.day}, {day.year}",
            ]
        ),
        label="form",
    )
    timeline = parse_timeline(_dress(written, data))
    assert (timeline.start, timeline.end, timeline.kind) == (day, day, K.DAY)


@given(years, st.integers(min_value=1, max_value=12), st.data())
def test_any_month_written_any_way_reads_back_as_itself(year: int, month: int, data: st.DataObject) -> None:
    separator = data.draw(st.sampled_from(SEPARATORS), label="separator")
    written = data.draw(
        st.sampled_from(
            [
                f"{month}{separator}{year}",
                f"{month:02d}{separator}{year}",
                f"Tháng {month}{separator}{year}",
                f"tháng {month} năm {year}",
                f"T{month}/{year}",
                f"{ENGLISH_MONTHS[month - 1]} {year}",
            ]
        ),
        label="form",
    )
    timeline = parse_timeline(_dress(written, data))
    assert (timeline.start, timeline.end, timeline.kind) == (
        D(year, month, 1),
        _last_day(year, month),
        K.MONTH,
    )


@given(years, st.integers(min_value=1, max_value=4), st.data())
def test_any_quarter_written_any_way_reads_back_as_itself(
    year: int, quarter: int, data: st.DataObject
) -> None:
    separator = data.draw(st.sampled_from(SEPARATORS), label="separator")
    number = data.draw(st.sampled_from([ROMAN[quarter], str(quarter)]), label="number")
    written = data.draw(
        st.sampled_from(
            [
                f"Quý {number}{separator}{year}",
                f"Quý {number} năm {year}",
                f"Q{quarter}{separator}{year}",
                f"Q{quarter} {year}",
            ]
        ),
        label="form",
    )
    timeline = parse_timeline(_dress(written, data))
    first_month = 3 * quarter - 2
    expected = (D(year, first_month, 1), _last_day(year, first_month + 2), K.QUARTER)
    assert (timeline.start, timeline.end, timeline.kind) == expected


@given(years, st.integers(min_value=0, max_value=10), st.data())
def test_any_year_or_span_of_years_reads_back_as_itself(year: int, length: int, data: st.DataObject) -> None:
    last = year + length
    if length == 0:
        written = data.draw(st.sampled_from([f"{year}", f"Năm {year}", f"năm {year}"]), label="form")
        kind = K.YEAR
    else:
        dash = data.draw(st.sampled_from(["-", " - ", "–", " – ", " đến "]), label="dash")
        written = data.draw(
            st.sampled_from([f"{year}{dash}{last}", f"giai đoạn {year}{dash}{last}"]), label="form"
        )
        kind = K.YEARS
    timeline = parse_timeline(_dress(written, data))
    assert (timeline.start, timeline.end, timeline.kind) == (D(year, 1, 1), D(last, 12, 31), kind)


@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2100, 12, 31)), st.data())
def test_deadlines_give_only_an_end_and_starts_only_a_start(day: datetime.date, data: st.DataObject) -> None:
    written = f"{day.day}/{day.month}/{day.year}"
    deadline = data.draw(st.sampled_from(["trước ngày ", "đến ngày ", "chậm nhất ", "by ", "before "]))
    timeline = parse_timeline(_dress(deadline + written, data))
    assert (timeline.start, timeline.end, timeline.kind) == (None, day, K.UNTIL)
    start = data.draw(st.sampled_from(["từ ngày ", "Từ ", "from "]))
    timeline = parse_timeline(start + written)
    assert (timeline.start, timeline.end, timeline.kind) == (day, None, K.FROM)
