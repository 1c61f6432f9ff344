"""Nghị quyết 03/NQ-CP, Phụ lục II, groups VI and VII (tasks 117 to 140): enterprises, then cooperation."""

from __future__ import annotations

from tools.published_tables.copied import Group, Skip, Spec, Task, pair, read_copy
from tools.published_tables.model import (
    ALL,
    BCA,
    BQP,
    GDDT,
    KHCN,
    KHDT,
    MINISTRIES,
    NGOAI_GIAO,
    NO_DATES,
    TTTT,
    Table,
    month,
    quarter,
    year,
)
from tools.published_tables.nq03 import nq03_source

COPY = "nq03_pl2_nhom_6_7.md"
NOTES = (
    "Copied: the title rows and groups VI and VII (tasks 117-140) of Phụ lục II, from the copy's lines "
    "kept in tools/published_tables/copies/nq03_pl2_nhom_6_7.md. The row after task 128 has no number "
    "and repeats the end of 128's name (“trưc tuyến và định kỳ tổ chức đánh giá, công bố kết quả.”): "
    "a spill over the page break that the careful reader drops, 128's name being whole already. "
    "“Tập đoàn, doanh nghiệp công nghệ số” is one collective. Money: the appendix has no money column."
)
ABROAD = "các cơ quan đại diện Việt Nam ở nước ngoài"


def readings() -> list[Spec]:
    """The careful reading of each body row, in the copy's order (the pairing checks each number)."""
    y2025 = year(2025)
    return [
        Group(),  # VI.
        Task(BCA, [KHCN], y2025),  # 117
        Task(TTTT, [ALL], y2025),  # 118
        Task(TTTT, [GDDT, BQP, KHDT], y2025),  # 119: three ministries lead, the first leads
        Task(TTTT, [ALL], month(9, 2025)),  # 120
        Task(ALL, [], month(3, 2026)),  # 121
        Task(TTTT, [ALL], month(9, 2026)),  # 122
        Task(TTTT, [], quarter(2, 2025)),  # 123: Quý II/2025
        Task(ALL, [], NO_DATES),  # 124: Hằng năm
        Task(TTTT, [ALL], y2025),  # 125
        Task(TTTT, [ALL], y2025),  # 126
        Task(ALL, [], year(2028)),  # 127: the period “2021-2030” in its name is the plan's, not the task's
        Task(TTTT, [], y2025),  # 128
        Skip("a spill repeating the end of 128's name"),
        Task(ALL, [], month(9, 2026)),  # 129
        Task(MINISTRIES, [], month(6, 2025)),  # 130
        Task(KHDT, [ALL], NO_DATES),  # 131: Thường xuyên
        Group(),  # VII.
        Task(KHCN, [], y2025),  # 132
        Task(NGOAI_GIAO, [], y2025),  # 133
        Task(NGOAI_GIAO, [ALL], NO_DATES),  # 134
        Task(NGOAI_GIAO, [ALL, "doanh nghiệp liên quan", ABROAD], y2025),  # 135
        Task(NGOAI_GIAO, ["Các bộ, ngành, địa phương liên quan", ABROAD], NO_DATES),  # 136
        Task(TTTT, [ALL], month(12, 2026)),  # 137
        Task("Tập đoàn, doanh nghiệp công nghệ số", [KHCN, TTTT], year(2030)),  # 138
        Task(KHCN, [ALL, "doanh nghiệp liên quan", ABROAD], NO_DATES),  # 139
        Task(KHCN, [TTTT], NO_DATES),  # 140
    ]


def nq03_groups_6_7() -> Table:
    """Phụ lục II, groups VI and VII: enterprises and international cooperation, tasks 117 to 140."""
    copy = read_copy(COPY)
    return Table(
        name="nq03_2025_phu_luc_2_nhom_6_7",
        kind="tasks",
        sheet="Phụ lục II",
        source=nq03_source(NOTES),
        titles=copy.titles,
        headings=copy.headings,
        body=pair(copy, readings()),
    )
