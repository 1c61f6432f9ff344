"""What one cell of a plan table says, read by the domain's pure functions: deadlines in words, unit lists."""

from __future__ import annotations

import datetime

import pytest

from dxplanner.core.timeline import TimelineGuess, TimelineKind, parse_timeline, plan_date_in
from dxplanner.core.unit_lists import read_units

D = datetime.date
K = TimelineKind
G = TimelineGuess


# Deadlines in words -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end", "kind", "guesses"),
    [
        # The orientation year is not the task's: "đến năm 2025, định hướng đến năm 2030" ends in 2025.
        ("Đến năm 2025, định hướng đến năm 2030", None, D(2025, 12, 31), K.UNTIL, (G.ORIENTATION,)),
        ("Giai đoạn 2026-2030, tầm nhìn đến năm 2045", D(2026, 1, 1), D(2030, 12, 31), K.YEARS,
         (G.ORIENTATION,)),
        ("2026 - 2030 (tầm nhìn 2050)", D(2026, 1, 1), D(2030, 12, 31), K.YEARS, (G.ORIENTATION,)),
        # A vision alone is no span at all.
        ("Tầm nhìn 2050", None, None, K.ORIENTATION, (G.ORIENTATION,)),
        ("Định hướng đến năm 2030", None, None, K.ORIENTATION, (G.ORIENTATION,)),
        # Several deadlines in one cell: the last is the task's.
        ("Trình UBND tỉnh trước ngày 10/4/2026; ban hành trước 30/04/2026", None, D(2026, 4, 30), K.UNTIL,
         (G.LAST_OF_SEVERAL,)),
        ("Dự thảo: 15/3/2026\nHoàn thành: 30/6/2026", None, D(2026, 6, 30), K.UNTIL, (G.LAST_OF_SEVERAL,)),
        # A document's date in the cell is not when the task starts.
        ("Theo GP 45/GP-UBND ngày 02/3/2026, hoàn thành Quý II/2026", D(2026, 4, 1), D(2026, 6, 30),
         K.QUARTER, (G.DOCUMENT_DATE,)),
        ("Hoàn thành trước 30/9/2026 (theo Nghị quyết 57-NQ/TW ngày 22/12/2024)", None, D(2026, 9, 30),
         K.UNTIL, (G.DOCUMENT_DATE,)),
        ("Quyết định số 123/QĐ-UBND ngày 15 tháng 3 năm 2026; triển khai năm 2026", D(2026, 1, 1),
         D(2026, 12, 31), K.YEAR, (G.DOCUMENT_DATE,)),
        # A date followed by a remark on its own line: a deadline with a note.
        ("15/05/2026\nĐề xuất thực hiện thường xuyên", D(2026, 5, 15), D(2026, 5, 15), K.DAY, (G.REMARK,)),
        ("Quý III/2026\n(tùy theo tiến độ phân bổ vốn)", D(2026, 7, 1), D(2026, 9, 30), K.QUARTER,
         (G.REMARK,)),
    ],
)  # fmt: skip
def test_deadlines_written_in_words(
    text: str,
    start: datetime.date | None,
    end: datetime.date | None,
    kind: TimelineKind,
    guesses: tuple[TimelineGuess, ...],
) -> None:
    reading = parse_timeline(text)
    assert (reading.start, reading.end, reading.kind, reading.guesses) == (start, end, kind, guesses)
    assert reading.ok


@pytest.mark.parametrize(
    ("text", "dated", "remark"),
    [
        ("15/05/2026\nĐề xuất thực hiện thường xuyên", "15/05/2026", "Đề xuất thực hiện thường xuyên"),
        ("Quý III/2026\n(tùy theo tiến độ phân bổ vốn)", "Quý III/2026", "(tùy theo tiến độ phân bổ vốn)"),
    ],
)
def test_a_remark_under_the_date_is_kept_apart(text: str, dated: str, remark: str) -> None:
    reading = parse_timeline(text)
    assert (reading.when, reading.remark) == (dated, remark)


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2026\nvà các năm tiếp theo",  # a line going on with the sentence is no remark
        "Trước ngày\n30/6/2026",
        "Thường xuyên",
    ],
)
def test_lines_that_go_on_with_the_timeline_are_no_remark(text: str) -> None:
    reading = parse_timeline(text)
    assert reading.remark is None
    assert G.REMARK not in reading.guesses


@pytest.mark.parametrize(
    "text",
    [
        "01/3/2024 - 30/6/2024",  # a span, written with a dash
        "Từ 01/6 đến 30/6/2025",
        "từ ngày 01/3/2026 đến ngày 30/6/2026",
        "01/3/2026\n30/6/2026",  # the start above the end, nothing between them
    ],
)
def test_two_days_joined_as_a_span_stay_a_span(text: str) -> None:
    reading = parse_timeline(text)
    assert reading.kind is K.RANGE
    assert reading.guesses == ()


@pytest.mark.parametrize(
    ("text", "plan_date", "end"),
    [
        ("90 ngày kể từ ngày ban hành Kế hoạch", D(2026, 3, 12), D(2026, 6, 10)),
        ("Trong vòng 03 tháng kể từ ngày Kế hoạch được ban hành", D(2026, 1, 31), D(2026, 4, 30)),
        ("Sau 06 tháng kể từ ngày ký ban hành", D(2026, 3, 12), D(2026, 9, 12)),
        ("Trong thời hạn 30 ngày sau khi ban hành Kế hoạch", D(2026, 3, 12), D(2026, 4, 11)),
        ("01 năm kể từ ngày Quyết định có hiệu lực", D(2026, 2, 28), D(2027, 2, 28)),
        ("10 ngày làm việc kể từ ngày ban hành Kế hoạch", D(2026, 6, 5), D(2026, 6, 19)),
    ],
)
def test_a_deadline_counted_from_the_plans_date(
    text: str, plan_date: datetime.date, end: datetime.date
) -> None:
    alone = parse_timeline(text)
    assert (alone.start, alone.end, alone.kind, alone.ok) == (None, None, K.RELATIVE, True)
    dated = parse_timeline(text, plan_date=plan_date)
    assert (dated.start, dated.end, dated.kind, dated.guesses) == (None, end, K.UNTIL, (G.PLAN_DATE,))


def test_a_deadline_counted_from_another_documents_date_is_not_the_plans() -> None:
    reading = parse_timeline("90 ngày kể từ ngày Luật có hiệu lực", plan_date=D(2026, 3, 12))
    assert (reading.end, reading.kind) == (None, K.UNKNOWN)


# Cells of published tables (tests/data/excel/published): each family of wording, read as its README says.


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # Quyết định 836/QĐ-BXD (2019), its time column: months as a span in one year.
        ("10-11/2019", D(2019, 10, 1), D(2019, 11, 30)),
        ("3-12/2020", D(2020, 3, 1), D(2020, 12, 31)),
        ("01-4/2021", D(2021, 1, 1), D(2021, 4, 30)),
        ("02-03/2020", D(2020, 2, 1), D(2020, 3, 31)),
        ("5 - 6/2021", D(2021, 5, 1), D(2021, 6, 30)),
    ],
)
def test_months_written_as_a_span_run_from_the_first_to_the_last(
    text: str, start: datetime.date, end: datetime.date
) -> None:
    reading = parse_timeline(text)
    assert (reading.start, reading.end, reading.kind, reading.guesses) == (start, end, K.RANGE, ())


@pytest.mark.parametrize("text", ["15-3/2025", "11-2/2020"])
def test_two_numbers_that_are_no_span_of_months_are_not_read_as_one(text: str) -> None:
    # The first is no month, or comes after the second: the cell says no span of months.
    assert parse_timeline(text).kind is not K.RANGE


@pytest.mark.parametrize("plan_date", [None, D(2026, 7, 28)])
def test_a_deadline_counted_from_another_bodys_act_has_no_dates(plan_date: datetime.date | None) -> None:
    # Khánh Hòa, 11-KH/BCĐ (2026), tasks 4 and 5: the day Trung ương acts is in no table.
    reading = parse_timeline("30 ngày sau khi Trung ương ban hành", plan_date=plan_date)
    assert (reading.start, reading.end, reading.kind, reading.guesses) == (
        None,
        None,
        K.AFTER_ACT,
        (G.OTHER_ACT,),
    )
    assert reading.ok
    # The plan's own act is still counted from the plan's date.
    own = parse_timeline("30 ngày kể từ ngày UBND tỉnh ban hành Kế hoạch", plan_date=D(2026, 3, 12))
    assert (own.end, own.kind) == (D(2026, 4, 11), K.UNTIL)


@pytest.mark.parametrize(
    ("text", "end"),
    [
        # Khánh Hòa, 11-KH/BCĐ (2026), tasks 28 and 48: a deadline, then work that goes on.
        ("Hoàn thành trước ngày 30/9/2026 và duy trì liên tục", D(2026, 9, 30)),
        ("Báo cáo đầu tiên trước ngày 25/7/2026; cập nhật hằng tháng", D(2026, 7, 25)),
        ("Đến năm 2025 và duy trì thường xuyên", D(2025, 12, 31)),
    ],
)
def test_a_deadline_then_ongoing_work_ends_on_the_deadline(text: str, end: datetime.date) -> None:
    reading = parse_timeline(text)
    assert (reading.start, reading.end, reading.kind, reading.guesses) == (
        None,
        end,
        K.UNTIL,
        (G.THEN_ONGOING,),
    )


@pytest.mark.parametrize(
    ("text", "start"),
    [
        # Nghị quyết 88/NQ-CP (2022), tasks 1, 4, 12 and 16: a year, then every year.
        ("Năm 2022 và hàng năm", D(2022, 1, 1)),
        ("Năm 2022 và hằng năm", D(2022, 1, 1)),
        ("Quý IV/2025 và hằng quý", D(2025, 10, 1)),
    ],
)
def test_a_period_and_every_one_after_has_no_end(text: str, start: datetime.date) -> None:
    reading = parse_timeline(text)
    assert (reading.start, reading.end, reading.kind) == (start, None, K.RECURRING)


@pytest.mark.parametrize(
    ("text", "end"),
    [
        # Nghị quyết 88/NQ-CP (2022), the task with no number: two years as steps.
        ("Năm 2025; Năm 2030", D(2030, 12, 31)),
        ("Quý II/2026; Quý IV/2026", D(2026, 12, 31)),
    ],
)
def test_periods_given_as_steps_end_with_the_last(text: str, end: datetime.date) -> None:
    reading = parse_timeline(text)
    assert (reading.start, reading.end, reading.kind, reading.guesses) == (
        None,
        end,
        K.UNTIL,
        (G.LAST_OF_SEVERAL,),
    )


@pytest.mark.parametrize("text", ["Năm 2023, 2024", "2021-2025; 2026-2030"])
def test_a_list_of_years_or_of_spans_is_no_steps(text: str) -> None:
    reading = parse_timeline(text)
    assert reading.start is not None
    assert G.LAST_OF_SEVERAL not in reading.guesses


@pytest.mark.parametrize(
    ("lines", "day"),
    [
        (["UBND TỈNH X", "PHỤ LỤC", "(Kèm theo Kế hoạch số 45/KH-UBND ngày 12/3/2026 của UBND tỉnh)"],
         D(2026, 3, 12)),
        (["(Ban hành kèm theo Quyết định số 123/QĐ-UBND ngày 05 tháng 01 năm 2026)"], D(2026, 1, 5)),
        (["ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "Số: 12/KH-UBND", "Quảng Ngãi, ngày 20 tháng 02 năm 2026"],
         D(2026, 2, 20)),
        # A draft: the number and the day left blank to be filled in when signed.
        (["(Kèm theo Kế hoạch số      /KH-UBND ngày     /    /2026 của UBND tỉnh)"], None),
        (["KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2026"], None),
    ],
)  # fmt: skip
def test_the_plans_date_is_read_from_its_title_rows(lines: list[str], day: datetime.date | None) -> None:
    assert plan_date_in(lines) == day


# Units in one cell --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("Sở Y tế, Sở Giáo dục và Đào tạo, Công an tỉnh, các địa phương",
         ["Sở Y tế", "Sở Giáo dục và Đào tạo", "Công an tỉnh", "các địa phương"]),
        ("Bộ Tài chính\nBộ Nội vụ", ["Bộ Tài chính", "Bộ Nội vụ"]),
        ("Các tỉnh, thành phố trực thuộc Trung ương", ["Các tỉnh, thành phố trực thuộc Trung ương"]),
        ("Tập đoàn, doanh nghiệp công nghệ số", ["Tập đoàn, doanh nghiệp công nghệ số"]),
        ("Sở, ban, ngành", ["Sở, ban, ngành"]),
        ("Sở Giao thông vận tải/các doanh nghiệp vận tải hành khách",
         ["Sở Giao thông vận tải", "các doanh nghiệp vận tải hành khách"]),
        ("Sở Lao động - Thương binh\nvà Xã hội", ["Sở Lao động - Thương binh và Xã hội"]),
        ("UBND xã/phường", ["UBND xã/phường"]),
        # Nghị quyết 03/NQ-CP (2025), Phụ lục II: a body, then "và" the others in general.
        ("Bộ Kế hoạch và Đầu tư và các bộ, ngành, địa phương",
         ["Bộ Kế hoạch và Đầu tư", "các bộ, ngành, địa phương"]),
        ("Viện Hàn lâm Khoa học và Công nghệ và các địa phương",
         ["Viện Hàn lâm Khoa học và Công nghệ", "các địa phương"]),
        ("Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp",
         ["Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp"]),
        # Nghị quyết 03/NQ-CP (2025), Phụ lục II, row 50: a body, then the others in general in lower case.
        ("Bộ Tài chính, bộ, ngành liên quan", ["Bộ Tài chính", "bộ, ngành liên quan"]),
        ("Sở Y tế, sở, ngành, địa phương", ["Sở Y tế", "sở, ngành, địa phương"]),
        # A kind named alone with nothing after it is no list of bodies: "UBND tỉnh, huyện" stays one.
        ("UBND tỉnh, huyện", ["UBND tỉnh, huyện"]),
        ("Các bộ, ngành, địa phương", ["Các bộ, ngành, địa phương"]),
    ],
)  # fmt: skip
def test_a_cell_is_split_into_the_bodies_it_names(text: str, units: list[str]) -> None:
    reading = read_units(text, lead=False)
    assert (list(reading.leads), list(reading.cooperating)) == ([], units)


@pytest.mark.parametrize(
    ("text", "unit", "trimmed"),
    [
        ("UBND các xã, phường thực hiện tại địa phương", "UBND các xã, phường", "thực hiện tại địa phương"),
        ("Các sở, ban, ngành theo chức năng, nhiệm vụ được giao", "Các sở, ban, ngành",
         "theo chức năng, nhiệm vụ được giao"),
        ("Đề nghị phối hợp: các cơ quan liên quan", "các cơ quan liên quan", "Đề nghị phối hợp:"),
        ("Sở Tài chính (phối hợp)", "Sở Tài chính", "(phối hợp)"),
    ],
)  # fmt: skip
def test_role_words_are_trimmed_from_the_name(text: str, unit: str, trimmed: str) -> None:
    reading = read_units(text, lead=False)
    assert list(reading.cooperating) == [unit]
    assert list(reading.trimmed) == [trimmed]


def test_a_cell_naming_each_role_gives_the_lead_and_those_who_cooperate() -> None:
    reading = read_units("Chủ trì: Sở Công Thương; Phối hợp: Sở Tài chính, Sở Xây dựng", lead=True)
    assert list(reading.leads) == ["Sở Công Thương"]
    assert list(reading.cooperating) == ["Sở Tài chính", "Sở Xây dựng"]
    assert list(reading.trimmed) == ["Chủ trì:", "Phối hợp:"]


def test_the_unit_marked_as_leading_leads_wherever_it_is_written() -> None:
    reading = read_units("Sở Nội vụ (chủ trì), Sở Tài chính", lead=False)
    assert (list(reading.leads), list(reading.cooperating)) == (["Sở Nội vụ"], ["Sở Tài chính"])


@pytest.mark.parametrize("text", ["đ/c Minh", "Đồng chí Lan", "Ban Chỉ đạo thực hiện Nghị quyết 57"])
def test_names_with_no_list_in_them_are_left_whole(text: str) -> None:
    reading = read_units(text, lead=True)
    assert (list(reading.leads), list(reading.cooperating), list(reading.trimmed)) == ([text], [], [])
