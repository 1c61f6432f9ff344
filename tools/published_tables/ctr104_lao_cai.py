"""Lào Cai Party Committee's programme on the environment (104-CTr/TU, 30/8/2026): its two appendices."""

from __future__ import annotations

from tools.published_tables.copied import Group, Spec, Task, pair, read_copy
from tools.published_tables.model import Body, Reading, Source, Table, deadline, year, years

COPY_INDICATORS = "ctr104_lao_cai_phu_luc_1.md"
COPY_TASKS = "ctr104_lao_cai_phu_luc_2.md"
CRAWL_INDICATORS = "ctr104_lao_cai_pdftotext_phu_luc_1.txt"
CRAWL_TASKS = "ctr104_lao_cai_pdftotext_phu_luc_2.txt"
# Indicator 8 runs over the page break: the crawl gives its name in two runs, this one first.
PAGE_BREAK_SPLIT = (
    "Tỷ lệ hộ dân thuộc khu vực thường xuyên chịu ảnh hưởng của thiên tai có nhà ở bảo đảm an toàn, có "
    "khả năng chống",
)

SOURCE = Source(
    title=(
        "Chương trình hành động của Tỉnh ủy Lào Cai thực hiện Kết luận số 75-KL/TW và Chương trình hành "
        "động số 31-CTr/TW của Bộ Chính trị về bảo vệ môi trường và chủ động ứng phó với biến đổi khí "
        "hậu trong thời kỳ mới"
    ),
    agency="Tỉnh ủy Lào Cai",
    number="104-CTr/TU",
    date="2026-08-30",
    url=(
        "No public portal address is known for the programme (Chương trình hành động số 104-CTr/TU ngày "
        "30/8/2026 của Tỉnh ủy Lào Cai, signed by the Standing Deputy Secretary; the number and date are "
        "those the province's Công văn 9387/UBND-KT of 15/9/2026 cites); the copy read is named below"
    ),
    copied_from=(
        "The text that pdftotext extracts from the signed PDF, kept by the provincial Department of "
        "Industry and Trade in the public GitHub repository Trangsct/skill-sct "
        "(bvmt-sct-vn/skills/bvmt-sct-vn/van-ban-goc/dang/CTr-104-CTr-TU-30-8-2026-TEXT.txt), read through "
        "the project's search tool. The crawl flattens each table into runs of lines, one run a cell; the "
        "runs are kept as extracted in tools/published_tables/copies/ctr104_lao_cai_pdftotext_*.txt and "
        "the table rebuilt from them in tools/published_tables/copies/ctr104_lao_cai_phu_luc_*.md"
    ),
    notes="",
)

REBUILT = (
    "The cells are rebuilt from the crawl: each cell's lines joined with one space and the padding of "
    "justified lines dropped (a test checks that every rebuilt cell is a run of the crawl's words). The "
    "crawl loses type styles, so no row is set in bold. Where the crawl gives the cells of several rows "
    "as one run after their names, they are given to the rows in the order they come"
)
PERSON = (
    "“Cá nhân phụ trách chỉ đạo, kiểm tra, đôn đốc” names the leader who answers for the row "
    "(“Đồng chí Phan Trung Bá - Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh”): a person, not a unit, so no "
    "cooperating unit of the row"
)

PTB = "Đồng chí Phan Trung Bá - Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh"
DANG_UY_UBND = "Đảng ủy UBND tỉnh"
DANG_UY_UY_BAN = "Đảng ủy Ủy ban nhân dân tỉnh"


def _target(value: float, comparison: str | None = None) -> dict[str, object]:
    return {"year": 2030, "value": value, "comparison": comparison, "scope": None, "text": None}


def _indicator(cells: tuple[str | None, ...], unit: str | None, *targets: dict[str, object]) -> Body:
    """An indicator row: its reading, with its targets in 2030, the end of the programme's period."""
    code, name, _, lead, _ = cells
    expected: Reading = {
        "kind": "indicator",
        "code": code,
        "name": name,
        "group": None,  # the appendix has no heading row over its indicators
        "measure_unit": unit,
        "lead_unit": lead,
        "targets": list(targets),
    }
    return Body(cells, expected)


def chi_tieu() -> Table:
    """Phụ lục 1, the programme's 15 main indicators for 2026-2030."""
    copy = read_copy(COPY_INDICATORS)
    units_and_targets: list[tuple[str | None, tuple[dict[str, object], ...]]] = [
        ("%", (_target(2, ">="),)),  # 1: “Tối thiểu 2%”
        ("%", (_target(100),)),  # 2
        ("%", (_target(100),)),  # 3
        ("%", (_target(95),)),  # 4
        ("%", (_target(85),)),  # 5
        ("%", (_target(30, "<"),)),  # 6: “<30%”
        ("%", (_target(60),)),  # 7
        ("%", (_target(70),)),  # 8
        ("%", (_target(80),)),  # 9
        ("%", (_target(10),)),  # 10
        ("khu", (_target(1),)),  # 11: “01 khu”
        ("%", (_target(26.1, ">="),)),  # 12: its name says “đạt tối thiểu”
        ("%", (_target(1.0, ">="), _target(1.5, "<="))),  # 13: a range “1,0-1,5%”
        (None, (_target(25, ">"),)),  # 14: “>25”, no unit written
        ("%", (_target(9),)),  # 15
    ]
    if len(units_and_targets) != len(copy.rows):
        raise ValueError(f"{len(units_and_targets)} readings for {len(copy.rows)} rows")
    notes = (
        f"Copied: the whole of Phụ lục 1 (indicators 1-15). {REBUILT}; in this appendix the leads of "
        "indicators 1-8 and their persons come as such runs. The appendix has no unit column: a unit "
        "written with the target (“100%”, “01 khu”) is its unit, none where none is written (“>25”). "
        "The period is 2026-2030, so each target is for 2030. “Tối thiểu 2%” is at least 2; “<30%” "
        "less than 30; “1,0-1,5%” two targets, at least 1.0 and at most 1.5; indicator 12 is at least "
        f"26.1, as its name says (“… đạt tối thiểu”). {PERSON}."
    )
    return Table(
        name="lao_cai_2026_ctr104_phu_luc_1_chi_tieu",
        kind="indicators",
        sheet="Phụ lục 1",
        source=Source(**{**SOURCE.__dict__, "notes": notes}),
        titles=copy.titles,
        headings=copy.headings,
        body=[
            _indicator(cells, unit, *targets)
            for cells, (unit, targets) in zip(copy.rows, units_and_targets, strict=True)
        ],
    )


def nhiem_vu_readings() -> list[Spec]:
    """The careful reading of each row of Phụ lục 2, in the copy's order."""
    span = years(2026, 2030)
    hdnd = ("Đảng ủy HĐND tỉnh", ["Đảng uỷ UBND tỉnh"])  # two lead, the first leads
    return [
        Group(),  # I Các nhiệm vụ cần làm ngay trong năm 2026
        Task("Các cấp ủy, tổ chức đảng", [], deadline(15, 10, 2026)),  # 1: the heads named are persons
        Task(DANG_UY_UY_BAN, [], deadline(15, 10, 2026)),  # 2
        Task(DANG_UY_UY_BAN, [], deadline(31, 12, 2026)),  # 3
        Group(),  # II Nhiệm vụ thực hiện theo lộ trình đến năm 2030
        Group("II"),  # II.1 Hoàn thiện thể chế…
        Task(DANG_UY_UBND, [], span),  # 1
        Task(DANG_UY_UBND, [], years(2029, 2030)),  # 2: the years in its name are not its period
        Task(DANG_UY_UBND, [], years(2026, 2027)),  # 3
        Task(DANG_UY_UBND, [], year(2030)),  # 4
        Task(DANG_UY_UBND, [], years(2026, 2027)),  # 5
        Task(DANG_UY_UBND, [], years(2029, 2030)),  # 6
        Task(DANG_UY_UBND, [], years(2029, 2030)),  # 7
        Group("II"),  # II.2 Huy động… nguồn lực
        Task(hdnd[0], hdnd[1], years(2026, 2027)),  # 8
        Task(hdnd[0], hdnd[1], years(2027, 2030)),  # 9
        Task(DANG_UY_UBND, [], span),  # 10
        Group("II"),  # II.3 Giải quyết các vấn đề bức xúc về môi trường…
        Task(DANG_UY_UBND, [], span),  # 11: “2026 – 2030 (Ngay sau khi …)”, the words a remark
        Task(DANG_UY_UBND, [], span),  # 12
        Task(DANG_UY_UBND, [], span),  # 13
        Group("II"),  # II.4 Bảo vệ tài nguyên…
        Task(DANG_UY_UBND, [], span),  # 14
        Task(DANG_UY_UBND, [], years(2027, 2030)),  # 15
        Group("II"),  # II.5 Thích ứng với biến đổi khí hậu…
        Task(DANG_UY_UBND, [], years(2028, 2030)),  # 16
        Task(DANG_UY_UBND, [], years(2029, 2030)),  # 17
        Group("II"),  # II.6 Chuyển đổi xanh…
        Task(DANG_UY_UBND, [], span),  # 18
        Task(DANG_UY_UBND, [], span),  # 19
        Task(DANG_UY_UBND, [], span),  # 20
        Task(DANG_UY_UBND, [], year(2030)),  # 21
        Group("II"),  # II.7 Phát triển khoa học, công nghệ, chuyển đổi số
        Task(DANG_UY_UBND, [], span),  # 22
        Task(DANG_UY_UBND, [], span),  # 23
        Task(DANG_UY_UBND, [], span),  # 24: the stray words at the end of its name are its name's
    ]


def nhiem_vu() -> Table:
    """Phụ lục 2, the programme's important tasks for 2026-2030: groups I and II (II.1-II.7)."""
    copy = read_copy(COPY_TASKS)
    notes = (
        "Copied: the whole of Phụ lục 2 (group I, tasks 1-3; group II with sub-groups II.1-II.7, tasks "
        f"1-24, numbered afresh after group I). {REBUILT}; in this appendix the persons and deadlines of "
        "tasks II.1 1-5, 14-15, 16-17 and 20-23 come as such runs, and the order they give matches the "
        "subjects (the Vice-Chairman for agriculture on biodiversity and forests, the one for natural "
        "resources on water). The crawl's name of task 24 ends with words that look like cells of "
        "another table (“… Sở Tài chính Các sở, ban, ngành và địa phương liên quan 2026-2030 Chương "
        "trình Ngân sách.”); kept, as the crawl gives them inside the name's run. “Thời hạn thực hiện” "
        "is a period: “2026 - 2030” both years, “2030” that year, “Trước ngày 15/10/2026” a deadline "
        "with no start. A lead cell naming two bodies (“Đảng ủy HĐND tỉnh; Đảng uỷ UBND tỉnh”): the "
        f"first leads, the other cooperates. {PERSON}. Money: the appendix has no money column."
    )
    return Table(
        name="lao_cai_2026_ctr104_phu_luc_2_nhiem_vu",
        kind="tasks",
        sheet="Phụ lục 2",
        source=Source(**{**SOURCE.__dict__, "notes": notes}),
        titles=copy.titles,
        headings=copy.headings,
        body=pair(copy, nhiem_vu_readings()),
    )
