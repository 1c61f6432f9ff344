"""Khánh Hòa's 100-day plan on the blockages of digital transformation (11-KH/BCĐ, 2026): its appendix."""

from __future__ import annotations

from tools.published_tables.copied import Group, Spec, Task, pair, read_copy
from tools.published_tables.model import NO_DATES, Source, Table, deadline

SOURCE = Source(
    title=(
        "Kế hoạch triển khai Kế hoạch hành động 100 ngày xử lý các điểm nghẽn về chuyển đổi số trong hệ "
        "thống chính trị trên địa bàn tỉnh Khánh Hòa; Phụ lục “Danh mục nhiệm vụ trọng tâm triển khai "
        "trong 100 ngày”"
    ),
    agency=(
        "Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh Khánh Hòa "
        "(Tỉnh ủy Khánh Hòa)"
    ),
    number="11-KH/BCĐ",
    date="2026-07-28",
    url=(
        "No public portal address is known for the plan (Kế hoạch số 11-KH/BCĐ ngày 28/7/2026 của Ban "
        "Chỉ đạo tỉnh Khánh Hòa, signed by the Secretary of the provincial Party Committee as head of the "
        "Steering Committee); the copy read is named below"
    ),
    copied_from=(
        "A Markdown transcription of the whole plan and its appendix, kept beside the signed PDF by a "
        "commune's steering committee in the public GitHub repository hoangvietconghai/100day_dashboard "
        "(“Văn bản chỉ đạo/Kế hoạch 100 ngày làm việc của cấp tỉnh.md”), read through the project's "
        "search tool; the lines copied are kept in tools/published_tables/copies/kh11_khanh_hoa_*.md"
    ),
    notes="",
)

KHCN = "Sở Khoa học và Công nghệ"
CONG_AN = "Công an tỉnh"
VP_TINH_UY = "Văn phòng Tỉnh ủy"
VP_UBND = "Văn phòng UBND tỉnh"
NOI_VU = "Sở Nội vụ"
TAI_CHINH = "Sở Tài chính"
CONG_THUONG = "Sở Công Thương"
TO_CHUC = "Ban Tổ chức Tỉnh ủy"
MTTQ = "Ủy ban MTTQ Việt Nam tỉnh"
GDDT = "Sở Giáo dục và Đào tạo"
SO_NGANH = "các sở, ban, ngành"
XA_PHUONG = "UBND xã, phường"
LIEN_QUAN = "Các cơ quan, đơn vị liên quan"
DANG_UY = "các đảng ủy trực thuộc"
FACILITIES = "Các cơ quan nhà nước, cơ sở đào tạo và cơ sở y tế công lập trên địa bàn tỉnh"

COMMON_NOTES = (
    "The appendix numbers its tasks 1-53 straight through ten groups (I-X, a bold numeral and a name "
    "in capitals on a row of their own). The last column, “NV theo KH 05-KH/BCĐTW”, names the task "
    "of the Central Steering Committee's plan each row carries out (“NV 2”, “KH 38-KH/TU”): a "
    "reference, not the row's own code, and the date of a document in it (“Kế hoạch số 06-KH/BCĐ ngày "
    "27/01/2026”) is not the task's. “Thời hạn” is a deadline: a day there is the task's end, with no "
    "start of its own (“30/11/2026”, “Hoàn thành trước ngày 30/9/2026 và duy trì liên tục”). A "
    "deadline counted from another body's act (“30 ngày sau khi Trung ương ban hành”), one set by "
    "someone else (“Theo thời gian yêu cầu của Bộ Công an”, “Theo đề nghị của cơ quan cấp trên”), an "
    "event (“Khi có nhiệm vụ chậm muộn”), a step (“Xây dựng kế hoạch và triển khai…”) and "
    "“Thường xuyên” give no dates. A lead cell naming several bodies: the first leads, the others "
    "cooperate (“Sở Khoa học và Công nghệ, Sở Nội vụ”, “Các sở, ban, ngành và UBND xã, phường”). "
    "Collectives whose names hold commas stay whole (“các sở, ban, ngành”, “UBND xã, phường”, "
    "“Các cơ quan nhà nước, cơ sở đào tạo và cơ sở y tế công lập trên địa bàn tỉnh”, “Doanh nghiệp "
    "viễn thông, điện lực”, “doanh nghiệp, viện, trường”). The copy marks a line break in a cell with "
    "“<br>” (task 23), kept as a line break. Money: the appendix has no money column."
)


def nhom_1_3() -> list[Spec]:
    """The careful reading of groups I-III (tasks 1-27), in the copy's order."""
    return [
        Group(),  # I Thể chế, chỉ đạo, điều hành
        Task(KHCN, [NOI_VU, "Các cơ quan liên quan"], deadline(30, 11, 2026)),  # 1: two lead, the first leads
        Task(KHCN, ["Các cơ quan liên quan"], deadline(30, 11, 2026)),  # 2
        Task("Sở Tư pháp", [KHCN, SO_NGANH, XA_PHUONG], deadline(30, 9, 2026)),  # 3
        Group(),  # II Hạ tầng số
        Task(VP_TINH_UY, [CONG_AN, KHCN, DANG_UY], NO_DATES),  # 4: 30 days after the Centre acts
        Task(
            VP_TINH_UY, ["HĐND tỉnh", "UBND tỉnh", MTTQ, CONG_AN, KHCN, DANG_UY], NO_DATES
        ),  # 5: four lead, the first leads
        Task(KHCN, ["Doanh nghiệp viễn thông", XA_PHUONG, "các cơ sở liên quan"], deadline(5, 8, 2026)),  # 6
        Task(CONG_THUONG, [FACILITIES], deadline(5, 8, 2026)),  # 7
        Task(CONG_THUONG, [FACILITIES], deadline(30, 11, 2026)),  # 8
        Task(
            KHCN, [CONG_THUONG, "Doanh nghiệp viễn thông, điện lực", XA_PHUONG], deadline(30, 11, 2026)
        ),  # 9
        Task(KHCN, ["Doanh nghiệp viễn thông", XA_PHUONG], deadline(30, 11, 2026)),  # 10
        Task(
            CONG_THUONG, ["Sở KHCN", TAI_CHINH, CONG_AN, "Công ty Điện lực"], deadline(30, 10, 2026)
        ),  # 11: the year 2030 in its name is not its period
        Task(
            "Các cơ quan, đơn vị thuộc 04 khối (Đảng, HĐND, UBND, UBM TTQ Việt Nam)",
            [XA_PHUONG, KHCN, TAI_CHINH],
            deadline(30, 7, 2026),
        ),  # 12: “… và UBND xã, phường” joins a second body
        Task(KHCN, [TAI_CHINH, "các cơ quan, đơn vị, địa phương"], deadline(30, 7, 2026)),  # 13
        Task("Các sở, ban, ngành", [XA_PHUONG, TAI_CHINH, KHCN], deadline(30, 11, 2026)),  # 14
        Task(KHCN, [CONG_AN, TAI_CHINH, VP_TINH_UY, "các cơ quan chủ quản"], deadline(30, 10, 2026)),  # 15
        Task(CONG_AN, ["các cơ quan chủ quản hệ thống", KHCN], deadline(30, 9, 2026)),  # 16
        Task(
            CONG_AN,
            [
                "Đơn vị vận hành hệ thống (Sở KH&CN, Văn phòng UB tỉnh,...)",
                KHCN,
                "Các cơ quan chủ quản hệ thống",
            ],
            deadline(30, 11, 2026),
        ),  # 17: the bodies in brackets are examples of the one body
        Task(
            "Bộ Công an", [CONG_AN, VP_TINH_UY, KHCN, "các cơ quan liên quan"], NO_DATES
        ),  # 18: dated by the Ministry's own plan
        Task("Bộ Công an", [CONG_AN, "Các cơ quan 4 khối cấp tỉnh"], NO_DATES),  # 19
        Group(),  # III Dữ liệu số
        Task(KHCN, [CONG_AN, SO_NGANH, VP_TINH_UY], deadline(15, 11, 2026)),  # 20
        Task(
            "Các sở, ban, ngành",
            [XA_PHUONG, CONG_AN, VP_TINH_UY, "Sở KHCN", "Sở Tư pháp"],
            deadline(30, 11, 2026),
        ),  # 21
        Task(
            "Các sở, ban, ngành",
            ["UBND xã, phường chủ quản CSDL", CONG_AN, VP_TINH_UY, "Sở KHCN", "Sở Tư pháp"],
            deadline(30, 11, 2026),
        ),  # 22
        Task(TO_CHUC, [VP_TINH_UY, CONG_AN, DANG_UY], deadline(30, 11, 2026)),  # 23: two lines in its name
        Task(NOI_VU, [CONG_AN, "các cơ quan, đơn vị"], deadline(30, 11, 2026)),  # 24
        Task(KHCN, [LIEN_QUAN], deadline(30, 11, 2026)),  # 25
        Task(
            MTTQ, ["Các tổ chức chính trị - xã hội tỉnh", VP_TINH_UY, CONG_AN], deadline(30, 11, 2026)
        ),  # 26
        Task(
            "Các cơ quan tham mưu, giúp việc Tỉnh ủy",
            [DANG_UY, VP_TINH_UY, TO_CHUC, "Ủy ban Kiểm tra Tỉnh ủy"],
            deadline(30, 11, 2026),
        ),  # 27
    ]


def nhom_4_10() -> list[Spec]:
    """The careful reading of groups IV-X (tasks 28-53), in the copy's order."""
    vp_cong_an_noi_vu = [VP_UBND, CONG_AN, NOI_VU]
    return [
        Group(),  # IV Nền tảng số
        Task(
            VP_UBND, ["Các sở, ban, ngành liên quan", CONG_AN, SO_NGANH, XA_PHUONG], deadline(30, 9, 2026)
        ),  # 28: done by 30/9/2026, kept up after
        Task(VP_UBND, [KHCN, CONG_AN, SO_NGANH, XA_PHUONG], NO_DATES),  # 29: when the Ministry asks
        Task(KHCN, ["Các cơ quan, đơn vị"], deadline(15, 10, 2026)),  # 30
        Task(KHCN, [CONG_AN, SO_NGANH, XA_PHUONG], deadline(30, 9, 2026)),  # 31
        Task(
            VP_TINH_UY,
            ["Các cơ quan, đơn vị sử dụng hệ thống", "đơn vị cung cấp dịch vụ"],
            deadline(30, 9, 2026),
        ),  # 32
        Group(),  # V Dịch vụ công trực tuyến
        Task(VP_UBND, [CONG_AN, SO_NGANH, XA_PHUONG], NO_DATES),  # 33: “Thường xuyên”
        Task(
            "Các cơ quan, đơn vị liên quan đến 80 TTHC còn lại Nghị quyết số 66.7/2025/NQ-CP",
            [VP_UBND],
            NO_DATES,
        ),  # 34: the copy repeats the lead cell in “Thời hạn”; the role in brackets is no unit
        Task("Các sở, ban, ngành", [VP_UBND, CONG_AN, KHCN], deadline(30, 8, 2026)),  # 35
        Task(VP_TINH_UY, [TO_CHUC, "Các ban đảng", DANG_UY], deadline(30, 11, 2026)),  # 36
        Group(),  # VI Kinh tế số
        Task(CONG_THUONG, [CONG_AN, KHCN, "Thuế tỉnh", "Hải quan"], deadline(30, 9, 2026)),  # 37
        Task(
            KHCN,
            [CONG_AN, "Các sở, ban, ngành chủ quản dữ liệu", "doanh nghiệp, viện, trường"],
            deadline(30, 11, 2026),
        ),  # 38
        Group(),  # VII Xã hội số
        Task(GDDT, [CONG_AN, XA_PHUONG, "các cơ sở giáo dục"], deadline(30, 10, 2026)),  # 39
        Task("Sở Y tế", ["Bảo hiểm xã hội tỉnh", CONG_AN, "các cơ sở y tế"], deadline(30, 11, 2026)),  # 40
        Task(
            MTTQ,
            ["Các tổ chức chính trị - xã hội", XA_PHUONG, "Ban Tuyên giáo Tỉnh ủy"],
            deadline(30, 11, 2026),
        ),  # 41
        Group(),  # VIII Nguồn nhân lực
        Task(
            "Bộ Công an",
            [
                "Ban Tuyên giáo và Dân vận Trung ương",
                CONG_AN,
                VP_TINH_UY,
                KHCN,
                "các cơ quan thuộc 04 khối",
                "địa phương",
            ],
            deadline(30, 10, 2026),
        ),  # 42: “… và các cơ quan thuộc 04 khối” joins a second body
        Task(
            "Các sở, ban, ngành",
            ["các đảng ủy trực thuộc Tỉnh ủy", XA_PHUONG, TO_CHUC, NOI_VU, KHCN, TAI_CHINH],
            deadline(15, 8, 2026),
        ),  # 43: a collective, then other bodies, each
        Task(TO_CHUC, [NOI_VU, TAI_CHINH, "các cơ quan, đơn vị liên quan"], deadline(31, 8, 2026)),  # 44
        Task(GDDT, [LIEN_QUAN], deadline(31, 12, 2026)),  # 45: the plan's date in the last column is not its
        Group(),  # IX Tài chính, giải ngân
        Task(KHCN, [TAI_CHINH, "các cơ quan, đơn vị, địa phương"], deadline(15, 8, 2026)),  # 46
        Task(TAI_CHINH, [KHCN, "các cơ quan, đơn vị, địa phương"], deadline(15, 8, 2026)),  # 47
        Group(),  # X Kỷ luật thực thi
        Task(
            VP_TINH_UY,
            ["các cơ quan Thường trực Ban Chỉ đạo", "Các cơ quan, địa phương"],
            deadline(25, 7, 2026),
        ),  # 48: its first report is due 25/7/2026, monthly updates after
        Task(KHCN, [LIEN_QUAN], NO_DATES),  # 49: when the higher body asks
        Task(KHCN, vp_cong_an_noi_vu, NO_DATES),  # 50: whenever a task is late
        Task(KHCN, vp_cong_an_noi_vu, deadline(30, 11, 2026)),  # 51
        Task(TO_CHUC, [NOI_VU, "Các cơ quan, địa phương"], deadline(30, 9, 2026)),  # 52
        Task(
            "Ủy ban Kiểm tra Tỉnh ủy",
            [VP_TINH_UY, TO_CHUC, "các đảng ủy trực thuộc Tỉnh ủy"],
            deadline(30, 11, 2026),
        ),  # 53
    ]


def _table(name: str, copy_name: str, readings: list[Spec], what: str) -> Table:
    copy = read_copy(copy_name)
    notes = f"Copied: the appendix's title rows, heading row and {what}. {COMMON_NOTES}"
    return Table(
        name=name,
        kind="tasks",
        sheet="Phụ lục",
        source=Source(**{**SOURCE.__dict__, "notes": notes}),
        titles=copy.titles,
        headings=copy.headings,
        body=pair(copy, readings),
    )


def kh11_nhom_1_3() -> Table:
    """Groups I-III of the appendix: institutions, digital infrastructure, data (tasks 1-27)."""
    return _table(
        "khanh_hoa_2026_kh11_phu_luc_nhom_1_3",
        "kh11_khanh_hoa_nhom_1_3.md",
        nhom_1_3(),
        "groups I-III (tasks 1-27)",
    )


def kh11_nhom_4_10() -> Table:
    """Groups IV-X of the appendix: platforms to enforcement (tasks 28-53)."""
    return _table(
        "khanh_hoa_2026_kh11_phu_luc_nhom_4_10",
        "kh11_khanh_hoa_nhom_4_10.md",
        nhom_4_10(),
        "groups IV-X (tasks 28-53)",
    )
