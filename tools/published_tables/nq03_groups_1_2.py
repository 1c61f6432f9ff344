"""Nghị quyết 03/NQ-CP, Phụ lục II, groups I and II (tasks 1 to 42): awareness, then institutions."""

from __future__ import annotations

from tools.published_tables.copied import Group, Spec, Task, pair, read_copy
from tools.published_tables.model import (
    ALL,
    ALL_LOWER,
    BCA,
    BNV,
    BQP,
    BTC,
    GDDT,
    KHCN,
    KHDT,
    NO_DATES,
    TTTT,
    Table,
    month,
    year,
)
from tools.published_tables.nq03 import nq03_source

COPY = "nq03_pl2_nhom_1_2.md"
NOTES = (
    "Copied: the title rows and groups I and II (tasks 1-42) of Phụ lục II, from the copy's lines kept "
    "in tools/published_tables/copies/nq03_pl2_nhom_1_2.md. The copy cuts the names of tasks 3 "
    "(“… kỹ”) and 12 (“… đổi mới sáng tạo,”) and task 3's cooperating cell (“…, Bộ”) short; they are "
    "kept as cut, and the lone “Bộ” names no body. Task 8's lead cell holds two ministries with no "
    "separator (“Bộ Thông tin và Truyền thông Bộ Khoa học và Công nghệ”): the first leads. Money: "
    "the appendix has no money column."
)
# Who cooperates, as the cooperating cells name them.
COUNTRY = "Các bộ, ngành và địa phương"
CONCERNED = "Các bộ, ngành có liên quan"


def readings() -> list[Spec]:
    """The careful reading of each body row, in the copy's order (the pairing checks each number)."""
    y2025 = year(2025)
    law = [COUNTRY]
    return [
        Group(),  # I.
        Task(TTTT, ["Ban Tuyên giáo Trung ương", ALL_LOWER, "VTV", "VOV", "TTXVN"], month(6, 2025)),  # 1
        Task("VTV", ["VOV", "TTXVN", "các địa phương", KHCN, TTTT], NO_DATES),  # 2: Thường xuyên
        Task(ALL, [TTTT, KHCN], NO_DATES),  # 3: the cut-off “Bộ” names no one
        Task(TTTT, [ALL], month(6, 2025)),  # 4
        Task(BNV, [ALL], month(6, 2025)),  # 5
        Task(ALL, [], NO_DATES),  # 6: Thường xuyên
        Task(ALL, [], month(1, 2025)),  # 7: 01/2025
        Task(TTTT, [KHCN], month(3, 2025)),  # 8: two ministries in one cell, the first leads
        Task("Bộ, ngành, địa phương", [], NO_DATES),  # 9: Nhiệm vụ thường xuyên
        Task(BNV, [ALL], month(12, 2025)),  # 10
        Task(TTTT, [ALL], month(6, 2025)),  # 11
        # 12: “Bộ, ngành, địa phương” leads and “Các bộ, ngành, địa phương” cooperate: the same bodies.
        Task("Bộ, ngành, địa phương", [], month(12, 2025)),
        Task(BNV, [ALL], month(12, 2025)),  # 13
        Group(),  # II.
        Task(
            KHCN,
            [
                BCA,
                BNV,
                KHDT,
                BTC,
                "Bộ Lao động - Thương binh và Xã hội",
                "Thanh tra Chính phủ",
                "các bộ, ngành và địa phương",
            ],
            y2025,
        ),  # 14
        Task(KHCN, law, y2025),  # 15
        Task(KHCN, law, month(10, 2025)),  # 16: Tháng 10/2025
        Task(KHCN, law, month(5, 2025)),  # 17: Tháng 5/2025
        Task(BTC, [KHCN], y2025),  # 18
        Task(BTC, [KHCN, TTTT, GDDT], y2025),  # 19
        Task(BNV, [ALL], month(2, 2025)),  # 20
        Task(TTTT, [ALL], month(6, 2025)),  # 21
        Task(GDDT, [ALL], y2025),  # 22
        Task(BQP, [ALL], y2025),  # 23
        Task(KHDT, [ALL], y2025),  # 24
        Task(KHCN, [TTTT, CONCERNED], month(12, 2025)),  # 25
        Task(KHCN, [ALL], y2025),  # 26
        Task(KHCN, [TTTT, KHDT, BTC], year(2026)),  # 27
        Task(KHDT, [BTC, GDDT], month(12, 2025)),  # 28
        Task(BCA, [CONCERNED], month(7, 2025)),  # 29
        Task(KHDT, ["Các bộ, ngành liên quan"], y2025),  # 30
        Task(GDDT, [BNV], year(2027)),  # 31
        Task(GDDT, [KHCN], year(2026)),  # 32
        Task(GDDT, [ALL], y2025),  # 33
        Task(KHDT, [ALL], y2025),  # 34
        Task(BTC, [KHDT], y2025),  # 35
        Task(KHCN, [BTC, "các bộ, ngành"], y2025),  # 36
        Task("Các bộ, ngành", ["Bộ Tư pháp"], month(6, 2025)),  # 37: the ministries lead, not help
        Task("Các bộ, ngành liên quan", [], month(9, 2026)),  # 38: the same bodies in both cells
        Task(TTTT, [CONCERNED], NO_DATES),  # 39: Thường xuyên
        Task("Các bộ, ngành", [TTTT], month(12, 2025)),  # 40
        Task(BCA, [], y2025),  # 41
        Task(BCA, [BQP], NO_DATES),  # 42: no time given
    ]


def nq03_groups_1_2() -> Table:
    """Phụ lục II, groups I and II: awareness and institutions, tasks 1 to 42."""
    copy = read_copy(COPY)
    return Table(
        name="nq03_2025_phu_luc_2_nhom_1_2",
        kind="tasks",
        sheet="Phụ lục II",
        source=nq03_source(NOTES),
        titles=copy.titles,
        headings=copy.headings,
        body=pair(copy, readings()),
    )
