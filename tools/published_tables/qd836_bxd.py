"""Quyết định 836/QĐ-BXD (14/10/2019): the Ministry of Construction's plan for drawing up a plan."""

from __future__ import annotations

from tools.published_tables.copied import Group, Spec, Task, merged_cells, pair, read_copy
from tools.published_tables.model import Source, Table, month, months

COPY = "qd836_bxd_2019_noi_dung_chi_tiet.txt"
TIME_COLUMN = 0  # the time cell runs down over the rows of one step

SOURCE = Source(
    title=(
        "Kế hoạch tổ chức lập Quy hoạch thăm dò, khai thác, chế biến và sử dụng các loại khoáng sản làm "
        "vật liệu xây dựng thời kỳ 2021-2030, tầm nhìn đến năm 2050 (ban hành kèm theo Quyết định số "
        "836/QĐ-BXD); its table “Nội dung chi tiết”"
    ),
    agency="Bộ Xây dựng",
    number="836/QĐ-BXD",
    date="2019-10-14",
    url="https://moc.gov.vn/ (Quyết định số 836/QĐ-BXD ngày 14/10/2019 của Bộ trưởng Bộ Xây dựng)",
    copied_from=(
        "A text extraction of the decision's Word file, kept by the Lào Cai Department of Industry and "
        "Trade in the public GitHub repository Trangsct/skill-sct (quy-hoach-ct-vn/skills/quy-hoach-ct-vn/"
        "van-ban-goc/QD-836-QD-BXD-14-10-2019-ke-hoach-lap-quy-hoach-khoang-san-lam-VLXD-2021-2030.txt, "
        "beside the .docx), read through the project's search tool; it writes the table a row a line, its "
        "cells parted by “ | ”, and those lines are kept unchanged in "
        "tools/published_tables/copies/qd836_bxd_2019_noi_dung_chi_tiet.txt"
    ),
    notes=(
        "Copied: the title above the table, its two heading rows and its whole body (three stages I-III; "
        "in I and II the steps 1-3 and 1-2; 24 tasks); the notes under the table are not. The extraction "
        "writes a merged cell once: “Thực hiện” over “Đơn vị chủ trì” and “Đơn vị phối hợp” (the heading "
        "row has four cells, the row under it five, the first three blank), a stage's or step's name run "
        "across the row (a row of two cells), and a time run down over the tasks of one step (the rows "
        "below it leave the time blank); the workbook merges them so. The table has no task numbers: the "
        "first column is the time, and a numeral there marks a stage (“I”) or a step in it (“1”). Tasks "
        "sit in their step, and in stage III, which has no steps, in the stage. Time: “10-11/2019” is "
        "October to November 2019, “12/2019” that month. Units: “Cơ quan chịu trách nhiệm quản lý nhà nước "
        "theo quy định” gives the role the Law on Planning names (“Cơ quan lập quy hoạch”), no unit of the "
        "task, except where the table names nobody else: “Thủ tướng Chính phủ” approves (tasks “Phê duyệt "
        "…”) and leads. “Đơn vị chủ trì” leads; two bodies there (“Vụ Kế hoạch- Tài chính/ Ban Quản lý "
        "quy hoạch.”, “Ban Quản lý quy hoạch /Tư vấn được lựa chọn”): the first leads, the other "
        "cooperates. “Do Chủ tịch Hội đồng thẩm định quyết định (*)” names no lead. Helpers are the items "
        "of the list “- A; - B.”, without dash, semicolon or the closing full stop, spelt as each cell "
        "spells them (“Vụ Kế hoạch -Tài chính” and “Vụ Kế hoạch - Tài chính”). Money: the table has no "
        "money column."
    ),
)

BAN = "Ban Quản lý quy hoạch"
BAN_LOWER = "Ban quản lý quy hoạch"
VLXD = "Vụ Vật liệu xây dựng"
KHTC = "Vụ Kế hoạch -Tài chính"
KHTC_SPACED = "Vụ Kế hoạch - Tài chính"
PHAP_CHE = "Vụ Pháp chế"
TCCB = "Vụ Tổ chức cán bộ"
VAN_PHONG = "Văn phòng Bộ"
KHCN_MT = "Vụ Khoa học Công nghệ và Môi trường"
TU_VAN = "Tư vấn được lựa chọn"
THU_TUONG = "Thủ tướng Chính phủ"


def readings() -> list[Spec]:
    """The careful reading of each row, in the copy's order."""
    lap = months(10, 11, 2019)
    tham_dinh = months(11, 12, 2019)
    lap_qh = months(3, 12, 2020)
    y_kien = months(1, 4, 2021)
    hoi_dong = months(5, 6, 2021)
    trinh_hd = months(7, 8, 2021)
    cong_bo = months(11, 12, 2021)
    return [
        Group(),  # I: stage 1
        Group("I"),  # 1: a step in it
        Task(BAN, [VLXD, KHTC], lap),
        Task(BAN, [VLXD, KHTC, PHAP_CHE, TCCB, VAN_PHONG], lap),  # the time cell above runs down
        Task(VLXD, [KHTC, PHAP_CHE, VAN_PHONG, BAN_LOWER], lap),
        Task(BAN, [VLXD, KHTC_SPACED], lap),
        Group("I"),  # 2
        Task(VLXD, [KHTC, PHAP_CHE, VAN_PHONG, BAN_LOWER], tham_dinh),
        Task(BAN, [VLXD, KHTC, VAN_PHONG], tham_dinh),
        Task(BAN, [VLXD, KHTC_SPACED], tham_dinh),
        Group("I"),  # 3
        Task(VLXD, [KHTC, PHAP_CHE, VAN_PHONG, BAN_LOWER], month(12, 2019)),
        Task(THU_TUONG, [], month(1, 2020)),  # “Phê duyệt …”: nobody but the Prime Minister is named
        Group(),  # II: stage 2
        Group("II"),  # 1: its other cells blank
        Task("Vụ Kế hoạch- Tài chính", [BAN, VLXD, PHAP_CHE, TCCB, VAN_PHONG], months(2, 3, 2020)),
        Task(BAN, [TU_VAN, VLXD, KHTC, PHAP_CHE, VAN_PHONG], lap_qh),
        Task(BAN, [TU_VAN, VLXD, KHTC, KHCN_MT, VAN_PHONG], lap_qh),
        Task(VLXD, [KHTC, VAN_PHONG, BAN_LOWER], y_kien),
        Task(BAN, [TU_VAN, VLXD, KHTC, PHAP_CHE, KHCN_MT], y_kien),
        Group("II"),  # 2
        Task(VLXD, [BAN_LOWER, KHTC, PHAP_CHE, VAN_PHONG], hoi_dong),
        Task(BAN, [VLXD, KHTC, PHAP_CHE], hoi_dong),
        Task(None, [VLXD, KHTC, KHCN_MT, BAN_LOWER], hoi_dong),  # lead left to the council's chair
        Task(VLXD, [BAN_LOWER, KHTC, PHAP_CHE, VAN_PHONG], trinh_hd),
        Task(BAN, [VLXD, KHTC, PHAP_CHE, KHCN_MT], trinh_hd),
        Task(VLXD, [BAN_LOWER, KHTC, PHAP_CHE], months(9, 10, 2021)),
        Task(THU_TUONG, [], month(10, 2021)),
        Group(),  # III: stage 3, with no steps
        Task(BAN, [VLXD, KHTC, VAN_PHONG], cong_bo),
        Task(BAN, [VLXD, KHTC, VAN_PHONG], cong_bo),
        Task(BAN, [VLXD, KHTC, VAN_PHONG], cong_bo),
    ]


def qd836_noi_dung_chi_tiet() -> Table:
    """The table of the Ministry of Construction's plan for its mineral-materials planning (2019-2021)."""
    copy = read_copy(COPY, heading_lines=2)
    width = len(copy.sub_headings)
    return Table(
        name="bxd_2019_qd836_ke_hoach_lap_quy_hoach",
        kind="tasks",
        sheet="Nội dung chi tiết",
        source=SOURCE,
        titles=copy.titles,
        headings=copy.headings,
        body=pair(copy, readings(), numbered=False),
        sub_headings=copy.sub_headings,
        merges=merged_cells(copy, width, down=TIME_COLUMN),
    )
