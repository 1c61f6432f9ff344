"""Nghị quyết 88/NQ-CP (22/7/2022), the Government's programme for Nghị quyết 10-NQ/TW: its list of tasks."""

from __future__ import annotations

from tools.published_tables.copied import Spec, Task, pair, read_copy
from tools.published_tables.model import (
    BNV,
    BTC,
    CONG_THUONG,
    TNMT,
    Source,
    Table,
    month,
    onward,
    quarter,
    year,
    years,
)

COPY = "nq88_2022_danh_muc_nhiem_vu.txt"
SOURCE = Source(
    title=(
        "Chương trình hành động của Chính phủ triển khai thực hiện Nghị quyết số 10-NQ/TW ngày 10/02/2022 "
        "của Bộ Chính trị về định hướng chiến lược địa chất, khoáng sản và công nghiệp khai khoáng đến "
        "năm 2030, tầm nhìn đến năm 2045; “Danh mục các nhiệm vụ chủ yếu” kèm theo"
    ),
    agency="Chính phủ",
    number="88/NQ-CP",
    date="2022-07-22",
    url="https://vanban.chinhphu.vn/ (Nghị quyết số 88/NQ-CP ngày 22/7/2022)",
    copied_from=(
        "A text extraction of the resolution kept by the Lào Cai Department of Industry and Trade in the "
        "public GitHub repository Trangsct/skill-sct (quy-hoach-ct-vn/skills/quy-hoach-ct-vn/van-ban-goc/"
        "NQ-88-NQ-CP-22-7-2022-chuong-trinh-hanh-dong-thuc-hien-NQ-10-NQ-TW.txt), read through the project's "
        "search tool; it writes the list a row a line, its cells parted by “ | ”, and those lines are kept "
        "unchanged in tools/published_tables/copies/nq88_2022_danh_muc_nhiem_vu.txt"
    ),
    notes=(
        "Copied: the title rows, the heading row and every row of the list the extraction holds (tasks "
        "1-18 and a row with no number between 5 and 6); the extraction ends with task 18. The row with "
        "no number (“Thống kê, kiểm kê nguồn lực tài nguyên khoáng sản…”) has its own product, lead, "
        "helpers and time: a task of its own, whose number the copy leaves out, at the top level with the "
        "others. The list has no groups. “Thời gian trình” is read as the period it names: “Quý III năm "
        "2022” July to September 2022, “Tháng 12, năm 2022” that month, “Năm 2022 - 2025” both years; "
        "“Năm 2022 và hàng năm” and “Năm 2022 và các năm tiếp theo” from 1 January 2022 with no end; two "
        "years as steps (“Năm 2025; Năm 2030”) end with the last, with no start. A year in a task's name "
        "(“thời kỳ 2021 - 2030”) is not its period. Units: “các bộ ngành liên quan”, “Ủy ban nhân dân các "
        "tỉnh, thành phố” and “các tỉnh, thành phố trực thuộc trung ương” are one body each; the lead "
        "cell of task 1 names three collectives, the first leading (the copy writes “cơ quan trữ thuộc "
        "Chính phủ”, kept); task 18's lead cell names two ministries, the first leading. Money: the list "
        "has no money column."
    ),
)

XAY_DUNG = "Bộ Xây dựng"
LIEN_QUAN = "các bộ ngành liên quan"
TINH = "Ủy ban nhân dân các tỉnh, thành phố"
TINH_TW = "các tỉnh, thành phố trực thuộc trung ương"


def readings() -> list[Spec]:
    """The careful reading of each row, in the copy's order."""
    tu_phap = ["Bộ Tư pháp", CONG_THUONG, XAY_DUNG, LIEN_QUAN]
    three = [TNMT, CONG_THUONG, XAY_DUNG]
    q3 = quarter(3, 2022)
    return [
        Task(
            "Các bộ, ngành, cơ quan trữ thuộc Chính phủ có liên quan",
            [
                "các Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương",
                "các tập đoàn kinh tế, tổng công ty nhà nước hoạt động khoáng sản",
            ],
            onward(2022),
        ),  # 1: three collectives lead, the first leads; “Năm 2022 và hàng năm”
        Task(TNMT, tu_phap, q3),  # 2
        Task(TNMT, tu_phap, quarter(4, 2023)),  # 3
        Task(TNMT, tu_phap, onward(2022)),  # 4
        Task(TNMT, [CONG_THUONG, XAY_DUNG, LIEN_QUAN], q3),  # 5: the years in its name are not its period
        Task(
            TNMT, [CONG_THUONG, XAY_DUNG, TINH], {"start": None, "end": "2030-12-31"}, unnumbered=True
        ),  # no number: “Năm 2025; Năm 2030”, the last ends it
        Task(TNMT, [CONG_THUONG, XAY_DUNG, LIEN_QUAN], q3),  # 6
        Task(CONG_THUONG, [TNMT, XAY_DUNG, TINH], q3),  # 7
        Task(XAY_DUNG, [TNMT, CONG_THUONG], month(12, 2022)),  # 8
        Task(CONG_THUONG, [TNMT, XAY_DUNG], quarter(4, 2022)),  # 9
        Task(BTC, three, years(2022, 2025)),  # 10
        Task("Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương", three, year(2022)),  # 11
        Task(BNV, three, onward(2022)),  # 12
        Task(TNMT, [CONG_THUONG, XAY_DUNG, TINH], onward(2025)),  # 13
        Task(TNMT, [CONG_THUONG, XAY_DUNG, TINH], onward(2022)),  # 14
        Task(BNV, [*three, "Ủy ban quản lý vốn nhà nước tại doanh nghiệp"], year(2023)),  # 15
        Task(
            TNMT, [CONG_THUONG, XAY_DUNG, "Bộ Kế hoạch và Đầu tư", BTC, TINH_TW], onward(2022)
        ),  # 16: the dates of the documents in its name are not its period
        Task(TNMT, [CONG_THUONG, XAY_DUNG, TINH_TW], year(2023)),  # 17
        Task(CONG_THUONG, [XAY_DUNG, TNMT], quarter(2, 2023)),  # 18: two ministries lead, the first leads
    ]


def nq88_nhiem_vu() -> Table:
    """The list of main tasks of the Government's programme for Nghị quyết 10-NQ/TW (tasks 1-18)."""
    copy = read_copy(COPY)
    return Table(
        name="nq88_2022_danh_muc_nhiem_vu",
        kind="tasks",
        sheet="Danh mục",
        source=SOURCE,
        titles=copy.titles,
        headings=copy.headings,
        body=pair(copy, readings()),
    )
