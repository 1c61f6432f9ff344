"""The Government Party Committee's draft report of May 2025 on NQ 57, Phụ lục 1: the tasks due March-May."""

from __future__ import annotations

from tools.published_tables.copied import Group, Spec, Task, pair, read_copy
from tools.published_tables.model import (
    ALL,
    BCA,
    BNV,
    BTC,
    GDDT,
    KHCN,
    MINISTRIES,
    VPCP,
    Y_TE,
    Source,
    Table,
    month,
)

COPY = "cv402_2025_phu_luc_1.md"
SOURCE = Source(
    title=(
        "Dự thảo Báo cáo kết quả triển khai thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị, gửi "
        "kèm Công văn xin ý kiến của Văn phòng Đảng ủy Chính phủ; Phụ lục 1 “Danh mục nhiệm vụ thực "
        "hiện Nghị quyết 71/NQ-CP có thời hạn hoàn thành tháng 3-5/2025”"
    ),
    agency="Văn phòng Đảng ủy Chính phủ (dự thảo báo cáo của Ban Thường vụ Đảng ủy Chính phủ)",
    number="402-CV/VPĐU",
    date="2025-05-25",
    url=(
        "No public portal address is known for the dispatch (Công văn số 402-CV/VPĐU ngày 25/5/2025 "
        "của Văn phòng Đảng ủy Chính phủ); the copy read is named below"
    ),
    copied_from=(
        "A Markdown transcription of the dispatch, the draft report and its appendices in the public "
        "GitHub repository thetrungdtt/VNMasterplan (CPbaocaot5.md), read through the project's search "
        "tool; the lines copied are kept in tools/published_tables/copies/cv402_2025_phu_luc_1.md"
    ),
    notes=(
        "Copied: the whole of Phụ lục 1 (groups I-VI, tasks 1-37). It is a draft: its own number and "
        "day are blank (“Kèm theo Văn bản số -CV/ĐU ngày tháng 5 năm 2025”). The copy shortens task 9's "
        "name (“… và các luật có liên quan... (chi tiết các nội dung sửa đổi)”); kept as it is. "
        "“CƠ QUAN THỰC HIỆN” names the body that carries the task out: its lead. “TIẾN ĐỘ” holds a "
        "status (“Hoàn thành”, “Đang thực hiện”, “Quá hạn”) and “KẾT QUẢ HIỆN NAY” a report of what was "
        "done, with the dates of other documents: neither is a date or a unit of the task. A month "
        "(“Tháng 4/2025”) is that month. Money: the appendix has no money column."
    ),
)


def readings() -> list[Spec]:
    """The careful reading of each body row, in the copy's order (the pairing checks each number)."""
    march, april, may = month(3, 2025), month(4, 2025), month(5, 2025)
    return [
        Group(),  # I Nhận thức
        Task(KHCN, [], april),  # 1
        Task(KHCN, [], april),  # 2
        Task(BNV, [], may),  # 3
        Task(ALL, [], march),  # 4
        Task(KHCN, [], march),  # 5
        Task(KHCN, [], april),  # 6
        Task(KHCN, [], march),  # 7
        Task(BTC, [], may),  # 8
        Group(),  # II Thể chế
        Task(KHCN, [], may),  # 9
        Task(BTC, [], may),  # 10
        Task(KHCN, [], may),  # 11
        Task(KHCN, [], may),  # 12
        Task(KHCN, [], may),  # 13
        Task(BTC, [], may),  # 14
        Task(BTC, [], may),  # 15
        Task(BTC, [], may),  # 16
        Task(KHCN, [], may),  # 17
        Task(BTC, [], may),  # 18
        Task(KHCN, [], march),  # 19
        Group(),  # III Hạ tầng
        Task(KHCN, [], may),  # 20
        Task(KHCN, [], may),  # 21
        Task(KHCN, [], may),  # 22
        Task(BTC, [], march),  # 23
        Task(ALL, [], may),  # 24
        Task(BCA, [], march),  # 25: “Quá hạn” is its status, not a date
        Task(KHCN, [], may),  # 26
        Task(KHCN, [], may),  # 27
        Task(KHCN, [], may),  # 28
        Task(KHCN, [], may),  # 29
        Group(),  # IV Nhân lực
        Task(GDDT, [], may),  # 30
        Group(),  # V Chuyển đổi số trong hệ thống chính trị
        Task(KHCN, [], may),  # 31
        Task(KHCN, [], may),  # 32
        Task(VPCP, [], april),  # 33
        Task(Y_TE, [], april),  # 34
        Task(KHCN, [], may),  # 35
        Group(),  # VI Doanh nghiệp
        Task(KHCN, [], may),  # 36
        Task(MINISTRIES, [], may),  # 37
    ]


def cv402_phu_luc_1() -> Table:
    """Phụ lục 1 of the draft report: the tasks of Nghị quyết 71/NQ-CP due from March to May 2025."""
    copy = read_copy(COPY)
    return Table(
        name="dang_uy_cp_2025_bao_cao_57_phu_luc_1",
        kind="tasks",
        sheet="Phụ lục 1",
        source=SOURCE,
        titles=copy.titles,
        headings=copy.headings,
        body=pair(copy, readings()),
    )
