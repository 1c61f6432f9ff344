"""Nghị quyết 03/NQ-CP, Phụ lục II, group V (tasks 89 to 116): digital government, defence and security."""

from __future__ import annotations

from tools.published_tables.copied import Group, Skip, Spec, Task, pair, read_copy
from tools.published_tables.model import (
    ALL,
    BCA,
    BQP,
    BTC,
    CONG_THUONG,
    GTVT,
    KHCN,
    KHDT,
    TNMT,
    TTTT,
    VPCP,
    Y_TE,
    Table,
    month,
    onward,
    year,
)
from tools.published_tables.nq03 import nq03_source

COPY = "nq03_pl2_nhom_5.md"
NOTES = (
    "Copied: the title rows and group V (tasks 89-116) of Phụ lục II, from the copy's lines kept in "
    "tools/published_tables/copies/nq03_pl2_nhom_5.md. Two tasks run over a page break: the rows after "
    "108 and 110 have no number and carry on the task's name, so each is joined to the task above. "
    "The row after 108 also repeats, in the cooperating column, the tail of 108's lead cell "
    "(“nghiệp và phát triển nông thôn, Bộ Khoa học và Công nghệ, Bộ Tài chính”), a spill the careful "
    "reader drops. “Bộ Văn hóa, Thể thao và Du lịch” is one ministry. Money: the appendix has no "
    "money column."
)
CULTURE = "Bộ Văn hóa, Thể thao và Du lịch"


def readings() -> list[Spec]:
    """The careful reading of each body row, in the copy's order (the pairing checks each number)."""
    y2025 = year(2025)
    ministries_and_places = [TTTT, "các địa phương"]
    security = [BQP, BCA]
    return [
        Group(),  # V.
        Task(TTTT, [ALL], month(9, 2025)),  # 89
        Task(
            TTTT,
            ["Các cơ quan Đảng", "Quốc hội", "Tòa án nhân dân tối cao", "Viện Kiểm sát nhân dân tối cao"],
            month(9, 2025),
        ),  # 90
        Task(TTTT, [ALL], month(6, 2025)),  # 91
        Task(TTTT, [ALL], month(6, 2025)),  # 92
        Task(ALL, [], y2025),  # 93
        Task(VPCP, [ALL], month(6, 2025)),  # 94
        Task(VPCP, [ALL], month(6, 2025)),  # 95
        Task(ALL, [], y2025),  # 96
        Task(TTTT, [], y2025),  # 97
        Task(CULTURE, [ALL], y2025),  # 98: one ministry, its name holds a comma
        Task(CULTURE, [], y2025),  # 99
        Task(TNMT, ministries_and_places, year(2026)),  # 100
        Task(GTVT, [], y2025),  # 101
        Task(TNMT, ministries_and_places, month(12, 2026)),  # 102
        Task(TTTT, security, month(12, 2025)),  # 103
        Task(TTTT, security, y2025),  # 104
        Task(TTTT, [], year(2026)),  # 105
        Task(BCA, [], y2025),  # 106
        Task(BQP, [], y2025),  # 107
        Task(
            BCA,
            [
                "Bộ Lao động - Thương binh và Xã hội",
                TNMT,
                GTVT,
                "Ngân hàng nhà nước Việt Nam",
                "Bộ Nông nghiệp và Phát triển nông thôn",
                KHCN,
                BTC,
            ],
            y2025,
            joins_next=True,
        ),  # 108: eight bodies lead, the first leads; its list of items (5)-(11) runs on below
        Skip("108 carries on: items (5)-(11), and a spill of 108's lead cell"),
        Task(BCA, [ALL], y2025),  # 109
        Task(Y_TE, [], month(3, 2025), joins_next=True),  # 110: 03/2025, its name runs on below
        Skip("110 carries on: “Kết quả xét nghiệm; …”"),
        Task(
            Y_TE,
            ["Bảo hiểm Xã hội Việt Nam", BCA, "các địa phương Bắc Ninh, Bình Dương, An Giang"],
            y2025,
        ),  # 111: the three provinces are named as one body of localities
        Task(TTTT, [Y_TE], month(6, 2025)),  # 112
        Task(VPCP, [BCA, ALL], y2025),  # 113: “Văn phòng Chính phủ; Bộ Công an”, the first leads
        Task(BCA, [BTC, CONG_THUONG, TTTT, KHDT, "Ngân hàng nhà nước Việt Nam"], onward(2025)),  # 114
        Task("Các tỉnh, thành phố trực thuộc TW", [], onward(2025)),  # 115
        Task(BCA, [], y2025),  # 116
    ]


def nq03_group_5() -> Table:
    """Phụ lục II, group V: digital transformation of the state, defence and security, tasks 89 to 116."""
    copy = read_copy(COPY)
    return Table(
        name="nq03_2025_phu_luc_2_nhom_5",
        kind="tasks",
        sheet="Phụ lục II",
        source=nq03_source(NOTES),
        titles=copy.titles,
        headings=copy.headings,
        body=pair(copy, readings()),
    )
