"""Names a table wrote in capitals (a document's heading style) as lists and trees write them."""

from __future__ import annotations

import pytest

from dxplanner.core.name_case import as_listed


@pytest.mark.parametrize(
    ("written", "listed"),
    [
        ("UBND TỈNH BẮC NINH", "UBND tỉnh Bắc Ninh"),
        ("ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", "Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu"),
        ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Sở Thông tin và Truyền thông"),
        ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Sở Văn hóa, Thể thao và Du lịch"),
        ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Sở Lao động - Thương binh và Xã hội"),
        ("SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "Sở Nông nghiệp và Phát triển nông thôn"),
        ("VĂN PHÒNG UBND TỈNH", "Văn phòng UBND tỉnh"),
        ("CÔNG AN THÀNH PHỐ HỒ CHÍ MINH", "Công an thành phố Hồ Chí Minh"),
        ("UBND HUYỆN YÊN PHONG", "UBND huyện Yên Phong"),
        (
            "KẾ HOẠCH CHUYỂN ĐỔI SỐ TỈNH QUẢNG NGÃI NĂM 2025",
            "Kế hoạch chuyển đổi số tỉnh Quảng Ngãi năm 2025",
        ),
        ("BAN CHỈ ĐẠO CĐS TỈNH", "Ban Chỉ đạo CĐS tỉnh"),
        ("TRUNG TÂM CNTT VÀ TT&TT", "Trung tâm CNTT và TT&TT"),
        # Written as a name already, or too short to tell: left as it is.
        ("Sở Thông tin và Truyền thông", "Sở Thông tin và Truyền thông"),
        ("UBND tỉnh Bắc Ninh", "UBND tỉnh Bắc Ninh"),
        ("VNPT", "VNPT"),
        ("", ""),
    ],
)
def test_a_name_in_capitals_is_written_as_lists_write_it(written: str, listed: str) -> None:
    assert as_listed(written) == listed
