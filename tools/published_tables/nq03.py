"""Nghị quyết 03/NQ-CP (09/01/2025), the Government's programme for Nghị quyết 57-NQ/TW: source, layout."""

from __future__ import annotations

from tools.published_tables.model import Source

NQ03 = Source(
    title=(
        "Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 "
        "của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi "
        "số quốc gia"
    ),
    agency="Chính phủ",
    number="03/NQ-CP",
    date="2025-01-09",
    url="https://vanban.chinhphu.vn/ (Nghị quyết số 03/NQ-CP ngày 09/01/2025)",
    copied_from=(
        "A Markdown transcription of the resolution's appendices in the public GitHub repository "
        "thetrungdtt/VNMasterplan (NQCP03/NQ03 PL1.md and NQCP03/NQ03 PL2.md), read through the "
        "project's search tool"
    ),
    notes="",
)


def nq03_source(notes: str) -> Source:
    """The resolution as the source of one table, with what was copied of it and how it reads."""
    return Source(**{**NQ03.__dict__, "notes": notes})


# Phụ lục II as the copy lays it out: three title rows, then the heading row.
PL2_TITLES = (
    "PHỤ LỤC II",
    "DANH MỤC CÁC NHIỆM VỤ TRIỂN KHAI CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ THỰC HIỆN NGHỊ QUYẾT "
    "SỐ 57-NQ/TW NGÀY 22 THÁNG 12 NĂM 2024 CỦA BỘ CHÍNH TRỊ VỀ ĐỘT PHÁT TRIỂN KHOA HỌC, CÔNG "
    "NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ QUỐC GIA",
    "(Kèm theo Chương trình hành động tại Nghị quyết số  /NQ-CP ngày 01 tháng 01 năm 2025 của Chính phủ)",
)
PL2_HEADINGS = (
    "TT",
    "Tên nhiệm vụ",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Kết quả",
    "Thời gian hoàn thành",
)
