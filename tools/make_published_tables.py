"""Write the published tables under tests/data/excel/published/: each workbook and its expected reading.

Each table is copied cell for cell from its source (named in SOURCES and in the sidecar JSON), laid
out as the agency laid it out: title rows, the heading row, then the body. The expected reading of
every body row is written here by hand, as a careful human reads the row; it is never computed by
the importer. Run after changing a table: python -m tools.make_published_tables
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

FOLDER = Path(__file__).resolve().parents[1] / "tests" / "data" / "excel" / "published"

# The ministries and collectives named again and again in the tables, as the tables write them.
KHCN = "Bộ Khoa học và Công nghệ"
TTTT = "Bộ Thông tin và Truyền thông"
KHDT = "Bộ Kế hoạch và Đầu tư"
BTC = "Bộ Tài chính"
BNV = "Bộ Nội vụ"
BCA = "Bộ Công an"
GDDT = "Bộ Giáo dục và Đào tạo"
CONG_THUONG = "Bộ Công Thương"
ALL = "Các bộ, ngành, địa phương"
ALL_LOWER = "các bộ, ngành, địa phương"
MINISTRIES = "Các bộ, ngành"

Cell = str | None


@dataclass(frozen=True)
class Source:
    """Where a table was published, and the copy of it that was read."""

    title: str
    agency: str
    number: str
    date: str
    url: str
    copied_from: str
    notes: str


@dataclass(frozen=True)
class Body:
    """One body row: its cells from column A on, and the reading a careful human makes of it."""

    cells: tuple[Cell, ...]
    expected: dict[str, object]
    bold_number: bool = False


@dataclass
class Table:
    """A table as published: the sheet, the title rows, the heading row and the body."""

    name: str
    kind: str  # "tasks" or "indicators"
    sheet: str
    source: Source
    titles: tuple[str, ...]
    headings: tuple[str, ...]
    body: list[Body] = field(default_factory=list)


# Nghị quyết 03/NQ-CP, Phụ lục II ----------------------------------------------------------------

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


def _year(year: int) -> dict[str, object]:
    return {"start": f"{year}-01-01", "end": f"{year}-12-31"}


def _month(month: int, year: int) -> dict[str, object]:
    last = {2: 28, 4: 30, 6: 30, 9: 30, 11: 30}.get(month, 31)
    if month == 2 and year % 4 == 0:
        last = 29
    return {"start": f"{year}-{month:02d}-01", "end": f"{year}-{month:02d}-{last:02d}"}


NO_DATES: dict[str, object] = {"start": None, "end": None}
SPAN_2025_2026: dict[str, object] = {"start": "2025-01-01", "end": "2026-12-31"}


def _task(
    number: str,
    name: str,
    lead_cell: Cell,
    cooperating_cell: Cell,
    product: Cell,
    when: Cell,
    *,
    lead: str | None,
    cooperating: list[str],
    dates: dict[str, object],
    parent: str,
) -> Body:
    """A numbered task row of Phụ lục II and its reading (money: none, the table has no money column)."""
    expected: dict[str, object] = {
        "kind": "task",
        "code": number.rstrip("."),
        "parent_code": parent,
        "name": name,
        "lead_unit": lead,
        "cooperating_units": cooperating,
        **dates,
        "budget": [],
    }
    return Body((number, name, lead_cell, cooperating_cell, product, when), expected)


def _group(number: str, name: str, *rest: Cell) -> Body:
    """A group's row: its Roman numeral (bold, as published) and its name; nothing of a task."""
    expected: dict[str, object] = {
        "kind": "group",
        "code": number.rstrip("."),
        "parent_code": None,
        "name": name,
        "lead_unit": None,
        "cooperating_units": [],
        **NO_DATES,
        "budget": [],
    }
    cells: tuple[Cell, ...] = (number, name, *rest)
    return Body(cells, expected, bold_number=True)


def nq03_tasks() -> Table:
    """Phụ lục II, groups III and IV (tasks 43 to 88): infrastructure, then people."""
    table = Table(
        name="nq03_2025_phu_luc_2_nhiem_vu",
        kind="tasks",
        sheet="Phụ lục II",
        source=Source(
            **{
                **NQ03.__dict__,
                "notes": (
                    "Copied: the title rows and groups III and IV (tasks 43-88) of Phụ lục II. The copy "
                    "read has the heading row of group IV holding “năm tiếp theo” in the last column, "
                    "a spill of task 76's “2025 và những năm tiếp theo”; it is kept, and read as no "
                    "date of the group's. Task 46's lead cell names “Bộ Khoa học, Công nghệ” as "
                    "published. Money: the appendix has no money column."
                ),
            }
        ),
        titles=(
            "PHỤ LỤC II",
            "DANH MỤC CÁC NHIỆM VỤ TRIỂN KHAI CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ THỰC HIỆN NGHỊ QUYẾT "
            "SỐ 57-NQ/TW NGÀY 22 THÁNG 12 NĂM 2024 CỦA BỘ CHÍNH TRỊ VỀ ĐỘT PHÁT TRIỂN KHOA HỌC, CÔNG "
            "NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ QUỐC GIA",
            "(Kèm theo Chương trình hành động tại Nghị quyết số  /NQ-CP ngày 01 tháng 01 năm 2025 của "
            "Chính phủ)",
        ),
        headings=(
            "TT",
            "Tên nhiệm vụ",
            "Cơ quan chủ trì",
            "Cơ quan phối hợp",
            "Kết quả",
            "Thời gian hoàn thành",
        ),
    )
    qd = "Quyết định của Thủ tướng Chính phủ"
    y2025 = _year(2025)

    def iii(*cells: Cell, **reading: object) -> Body:
        return _task(*cells, parent="III", **reading)  # type: ignore[arg-type]

    def iv(*cells: Cell, **reading: object) -> Body:
        return _task(*cells, parent="IV", **reading)  # type: ignore[arg-type]

    # fmt: off
    table.body = [
        _group(
            "III.",
            "Tăng cường đầu tư, hoàn thiện hạ tầng cho khoa học, công nghệ, đổi mới sáng tạo và chuyển "
            "đổi số quốc gia",
        ),
        iii("43.", "Xây dựng Chương trình Quốc gia phát triển công nghệ và công nghiệp chiến lược bao gồm "
            "Đề án Phát triển hệ thống các trung tâm nghiên cứu, thử nghiệm, các phòng thí nghiệm trọng "
            "điểm Quốc gia, tập trung cho công nghệ chiến lược", f"{KHCN}, {TTTT}", ALL, qd, "2025",
            lead=KHCN, cooperating=[TTTT, ALL], dates=y2025),
        iii("44.", "Xây dựng Danh mục Công nghệ chiến lược", f"{KHCN}, {TTTT}", MINISTRIES, qd, "2025",
            lead=KHCN, cooperating=[TTTT, MINISTRIES], dates=y2025),
        iii("45.", "Xây dựng, trình Thủ tướng Chính phủ thành lập Quỹ Đầu tư phát triển công nghiệp chiến "
            "lược", f"{KHDT}, {CONG_THUONG}", MINISTRIES, qd, "2025",
            lead=KHDT, cooperating=[CONG_THUONG, MINISTRIES], dates=y2025),
        iii("46.", "Phát triển mạng lưới kết nối các trung tâm đổi mới sáng tạo, khởi nghiệp sáng tạo, tập "
            "trung vào các công nghệ chiến lược và chuyển đổi số.",
            f"Bộ Khoa học, Công nghệ, {TTTT}, {KHDT} và các địa phương", f"{KHCN}, {TTTT}, Bộ Ngoại giao",
            "Mạng lưới kết nối", "2030",
            lead="Bộ Khoa học, Công nghệ",
            cooperating=[TTTT, KHDT, "các địa phương", KHCN, "Bộ Ngoại giao"], dates=_year(2030)),
        iii("47.", "Đề án đầu tư năng lực cho các tổ chức nghiên cứu phát triển công lập.", KHCN,
            f"{KHDT}, các bộ, ngành", qd, "2025 - 2026",
            lead=KHCN, cooperating=[KHDT, "các bộ, ngành"], dates=SPAN_2025_2026),
        iii("48.", "Xây dựng các Đề án triển khai cơ chế thử nghiệm chính sách nhằm thúc đẩy nghiên cứu, "
            "phát triển, ứng dụng, chuyển giao công nghệ chiến lược trong các ngành, lĩnh vực", MINISTRIES,
            # The lead is no helper of its own: the same ministries in both cells cooperate with none.
            MINISTRIES, qd, "2025", lead=MINISTRIES, cooperating=[], dates=y2025),
        iii("49.", "Bố trí ít nhất 15% ngân sách nhà nước chi sự nghiệp khoa học và công nghệ phục vụ "
            "nghiên cứu công nghệ chiến lược", BTC, f"{KHCN}, {ALL_LOWER}",
            "Nghị quyết của Quốc hội, Quyết định của Thủ tướng Chính phủ", "Hằng năm",
            lead=BTC, cooperating=[KHCN, ALL_LOWER], dates=NO_DATES),
        iii("50.", "Ban hành cơ chế, chính sách hợp tác công tư để nghiên cứu và phát triển công nghệ chiến "
            "lược; cơ chế, chính sách hợp tác công tư để nghiên cứu và phát triển hạ tầng số mới, dịch vụ "
            "số mới, dữ liệu; cơ chế, chính sách hợp tác công tư để đào tạo nhân lực công nghệ số.", KHDT,
            KHCN, "Nghị quyết của Chính phủ", "2025", lead=KHDT, cooperating=[KHCN], dates=y2025),
        iii("51.", "Rà soát, ban hành mới và tổ chức triển khai hiệu quả các chiến lược đã ban hành về "
            "nghiên cứu, ứng dụng, khai thác không gian biển, không gian ngầm, không gian vũ trụ",
            f"{KHCN}, Bộ Tài nguyên và môi trường",
            f"Bộ Quốc phòng, Viện Hàn lâm Khoa học và Công nghệ và {ALL_LOWER}",
            "Quyết định của Thủ tướng Chính phủ, các Báo cáo thực hiện", "Thường xuyên",
            lead=KHCN, cooperating=["Bộ Tài nguyên và môi trường", "Bộ Quốc phòng",
                                    "Viện Hàn lâm Khoa học và Công nghệ", ALL_LOWER], dates=NO_DATES),
        iii("52.", "Tổ chức triển khai các chiến lược, chương trình, đề án phát triển hạ tầng năng lượng, "
            "đảm bảo an ninh năng lượng, khai thác, sử dụng các nguồn tài nguyên khoáng sản để phát triển "
            "khoa học, công nghệ, đổi mới sáng tạo và các ngành công nghiệp chiến lược",
            f"{CONG_THUONG}, Bộ Tài nguyên và môi trường, Bộ Xây dựng, Bộ Giao thông vận tải",
            f"{KHCN} và {ALL_LOWER}", "Các Báo cáo thực hiện", "Thường xuyên",
            lead=CONG_THUONG, cooperating=["Bộ Tài nguyên và môi trường", "Bộ Xây dựng",
                                           "Bộ Giao thông vận tải", KHCN, ALL_LOWER], dates=NO_DATES),
        iii("53.", "Quản lý chặt chẽ, khai thác, sử dụng có hiệu quả các nguồn tài nguyên khoáng sản của "
            "đất nước, nhất là đất hiếm để phát triển khoa học, công nghệ, đổi mới sáng tạo",
            "Bộ Tài nguyên và Môi trường", ALL, qd, "2026",
            lead="Bộ Tài nguyên và Môi trường", cooperating=[ALL], dates=_year(2026)),
        iii("54.", "Xây dựng cơ chế, chính sách hỗ trợ, khuyến khích các tổ chức, cá nhân, doanh nghiệp đầu "
            "tư, xây dựng các phòng thí nghiệm, trung tâm nghiên cứu và phát triển khoa học, công nghệ",
            KHCN, f"{KHDT} và {ALL_LOWER}", "Nghị quyết của Chính phủ, Quyết định của Thủ tướng Chính phủ",
            "2025", lead=KHCN, cooperating=[KHDT, ALL_LOWER], dates=y2025),
        iii("55.", "Tổ chức ứng dụng trí tuệ nhân tạo dựa trên dữ liệu lớn trong các ngành, lĩnh vực quan "
            "trọng", ALL, None, "Báo cáo thực hiện", "Thường xuyên",
            lead=ALL, cooperating=[], dates=NO_DATES),
        iii("56.", "Rà soát các quy định hiện hành để bảo đảm có quy định về ưu đãi đầu tư, thuế, mua các "
            "sản phẩm, dịch vụ số", KHDT, f"{TTTT}, {BTC}, {ALL_LOWER}", "Văn bản của cấp có thẩm quyền",
            "2025", lead=KHDT, cooperating=[TTTT, BTC, ALL_LOWER], dates=y2025),
        iii("57.", "Xây dựng danh mục, kế hoạch triển khai các nền tảng số quốc gia, nền tảng số dùng chung "
            "của các ngành, lĩnh vực, vùng", TTTT, ALL, "Quyết định của Bộ trưởng", "12/2025",
            lead=TTTT, cooperating=[ALL], dates=_month(12, 2025)),
        iii("58.", "Triển khai các nền tảng số quốc gia, nền tảng số dùng chung của ngành, lĩnh vực, vùng "
            "theo danh mục đã được ban hành bảo đảm hoạt động thống nhất, liên thông của các ngành, lĩnh "
            "vực trên môi trường số", ALL, None, "Hoàn thành các nền tảng số", "12/2028",
            lead=ALL, cooperating=[], dates=_month(12, 2028)),
        iii("59.", "Xây dựng cơ chế cho phép sử dụng ngân sách nhà nước để đầu tư để xây dựng nền tảng số "
            "có quy mô quốc gia, vùng và được sử dụng chung cho nhiều cơ quan, tổ chức", BTC,
            f"{KHCN}, {TTTT}", "Nghị quyết của Chính phủ, Quyết định của Thủ tướng Chính phủ", "12/2025",
            lead=BTC, cooperating=[KHCN, TTTT], dates=_month(12, 2025)),
        iii("60.", "Xây dựng Chương trình phát triển kinh tế số, xã hội số", TTTT, "Địa phương", qd, "9/2025",
            lead=TTTT, cooperating=["Địa phương"], dates=_month(9, 2025)),
        iii("61.", "Xây dựng, ban hành danh mục các chương trình, nhiệm vụ, dự án về hợp tác công tư trong "
            "phát triển hạ tầng số", TTTT, MINISTRIES, None, "hằng năm",
            lead=TTTT, cooperating=[MINISTRIES], dates=NO_DATES),
        iii("62.", "Xây dựng, ban hành Kế hoạch phát triển hạ tầng số", TTTT, ALL, "Quyết định của Bộ",
            "12/2025", lead=TTTT, cooperating=[ALL], dates=_month(12, 2025)),
        iii("63.", "Xây dựng Đề án thí điểm triển khai bản sao số cho một số thành phố lớn thuộc trung ương "
            "để quản lý, phát triển", "Địa phương được lựa chọn", f"{KHCN}, {TTTT}", qd, "12/2026",
            lead="Địa phương được lựa chọn", cooperating=[KHCN, TTTT], dates=_month(12, 2026)),
        iii("64.", "Xây dựng và triển khai các Đề án đô thị thông minh",
            "Các thành phố trực thuộc Trung ương và một số tỉnh đủ điều kiện", f"{TTTT}, Bộ Xây dựng",
            "Đề án được ban hành và hoàn thành triển khai", "12/2028",
            lead="Các thành phố trực thuộc Trung ương và một số tỉnh đủ điều kiện",
            cooperating=[TTTT, "Bộ Xây dựng"], dates=_month(12, 2028)),
        iii("65.", "Xây dựng, triển khai đề án ứng dụng IoT trong một số ngành, lĩnh vực như sản xuất "
            "thương mại, quản lý năng lượng, nông nghiệp thông minh, giao thông thông minh, y tế thông "
            "minh,...", ALL, f"{KHCN}, {TTTT}", qd, "12/2025",
            lead=ALL, cooperating=[KHCN, TTTT], dates=_month(12, 2025)),
        iii("66.", "Xây dựng kế hoạch và triển khai hạ tầng 5G, IoT trong các khu khu công nghiệp, cụm "
            "công nghiệp", "Các địa phương", f"{KHCN}, {TTTT}", "Đề án được ban hành", "12/2025",
            lead="Các địa phương", cooperating=[KHCN, TTTT], dates=_month(12, 2025)),
        iii("67.", "Sửa đổi bổ sung quy hoạch phát triển điện lực quốc gia để đảm bảo đáp ứng nguồn điện "
            "xanh – sạch, đảm bảo dự phòng cho các trung tâm dữ liệu", CONG_THUONG, f"{KHCN}, {TTTT}", qd,
            "9/2025", lead=CONG_THUONG, cooperating=[KHCN, TTTT], dates=_month(9, 2025)),
        iii("68.", "Xây dựng Chương trình phát triển năng lượng xanh đáp ứng nhu cầu Trung tâm dữ liệu "
            "quốc tế tại Việt Nam", CONG_THUONG, f"{KHCN}, {TTTT}", "Chương trình được ban hành", "2025",
            lead=CONG_THUONG, cooperating=[KHCN, TTTT], dates=y2025),
        iii("69.", "Hoàn thành xây dựng Trung tâm dữ liệu quốc gia và đưa vào khai thác, sử dụng, phục vụ "
            "chuyển đổi số quốc gia", "Bộ Công An", None, "Trung tâm dữ liệu quốc gia", "12/2025",
            lead="Bộ Công An", cooperating=[], dates=_month(12, 2025)),
        iii("70.", "Hoàn thiện triển khai xây dựng, đưa vào khai thác sử dụng 114 Cơ sở dữ liệu quốc gia, "
            "Cơ sở dữ liệu chuyên ngành; đồng bộ dữ liệu về Trung tâm dữ liệu quốc gia để xây dựng Cơ sở "
            "dữ liệu tổng hợp quốc gia, phục vụ chuyển đổi số quốc gia",
            f"{ALL} là chủ quản CSDLQG, CSDL chuyên ngành", f"{BCA}, {TTTT}",
            "Cơ sở dữ liệu quốc gia, cơ sở dữ liệu chuyển ngành được xây dựng, đưa vào khai thác, sử dụng",
            "2025", lead=f"{ALL} là chủ quản CSDLQG, CSDL chuyên ngành", cooperating=[BCA, TTTT],
            dates=y2025),
        iii("71.", "Hoàn thành và đưa vào khai thác hiệu quả các cơ sở dữ liệu quốc gia; các cơ sở dữ liệu "
            "dùng chung theo danh mục đã ban hành của bộ, ngành, địa phương để phát triển kinh tế - xã "
            "hội", ALL, None, "Hoàn thành các CSDL quốc gia; Các CSDL dùng chung của các bộ, ngành", "2026",
            lead=ALL, cooperating=[], dates=_year(2026)),
        iii("72.", "Hoàn thành kết nối, khai thác, chia sẻ hiệu quả dữ liệu; triển khai các sáng kiến mở dữ "
            "liệu", ALL, TTTT, "Hoàn thành kết nối", "2025-2026",
            lead=ALL, cooperating=[TTTT], dates=SPAN_2025_2026),
        iii("73.", "Nâng cấp, hoàn thiện hạ tầng công nghệ thông tin đáp ứng yêu cầu tại văn bản số "
            "1552/BTTTT-TTH và 708/BTTTT-CATTT; hoàn thành kết nối giữa Hệ thống thông tin giải quyết TTHC "
            "cấp bộ, cấp tỉnh với Cơ sở dữ liệu quốc gia về dân cư phục vụ giải quyết thủ tục hành chính, "
            "dịch vụ công theo Nghị định số 107/2021/NĐ-CP của Chính phủ", ALL,
            f"{BCA}, {TTTT}, Văn phòng Chính phủ",
            "Khắc phục lỗ hổng bảo mật, hệ thống đảm bảo an ninh, an toàn để kết nối khai thác dữ liệu, cắt "
            "giảm giấy tờ cho người dân, phục vụ công tác quản lý của Bộ chủ quản và không làm ảnh hưởng "
            "đến các Bộ khác có sử dụng thông tin, giấy tờ đó cũng sẽ được cắt giảm", "06/2025",
            lead=ALL, cooperating=[BCA, TTTT, "Văn phòng Chính phủ"], dates=_month(6, 2025)),
        iii("74.", "Ban hành, triển khai các chiến lược, tiêu chuẩn, quy chuẩn kỹ thuật về dữ liệu trong các "
            "ngành, lĩnh vực", MINISTRIES, TTTT, "Tiêu chuẩn, Quy chuẩn", "2025",
            lead=MINISTRIES, cooperating=[TTTT], dates=y2025),
        iii("75.", "Tham mưu Chính phủ thành lập Ủy ban Dữ liệu quốc gia", BCA, None, qd, "3/2025",
            lead=BCA, cooperating=[], dates=_month(3, 2025)),
        iii("76.", "Bảo đảm nguồn lực phục vụ di chuyển hệ thống công nghệ thông tin từ các bộ, ngành, địa "
            "phương lên Trung tâm dữ liệu quốc gia", f"{KHDT}, {BTC}", BCA, None,
            "2025 và những năm tiếp theo",
            lead=KHDT, cooperating=[BTC, BCA], dates={"start": "2025-01-01", "end": None}),
        _group(
            "IV.",
            "Phát triển, trọng dụng nhân lực chất lượng cao, nhân tài đáp ứng yêu cầu phát triển khoa "
            "học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
            None, None, None, "năm tiếp theo",
        ),
        iv("77.", "Xây dựng Đề án phát triển, trọng dụng nhân tài, nhân lực chất lượng cao, nhất là cán bộ "
           "chuyên gia đầu ngành phục vụ phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số "
           "quốc gia để triển khai Chiến lược quốc gia về thu hút, trọng dụng nhân tài đến năm 2030, tầm "
           "nhìn đến 2050", f"{KHCN}, {TTTT}", f"{BNV}, {ALL_LOWER}", qd, "2025",
           lead=KHCN, cooperating=[TTTT, BNV, ALL_LOWER], dates=y2025),
        iv("78.", "Rà soát, đảm bảo có chính sách đặc thù thu hút, tuyển dụng, đãi ngộ và trọng dụng nhân "
           "lực chuyển đổi số làm việc tại các cơ quan nhà nước, đảm bảo đủ về số lượng, chất lượng, phù "
           "hợp theo đặc thù lĩnh vực, vùng, miền", BNV, ALL, "Văn bản của cấp có thẩm quyền", "2025",
           lead=BNV, cooperating=[ALL], dates=y2025),
        iv("79.", "Đề án rà soát, điều chỉnh Quy hoạch các tổ chức khoa học công nghệ công lập; tổ chức đánh "
           "giá, sắp xếp lại các tổ chức khoa học và công nghệ công lập hoạt động không hiệu quả để tập "
           "trung đầu tư có trọng tâm, trọng điểm cho các tổ chức mạnh, kết hợp chặt chẽ giữa nghiên cứu, "
           "ứng dụng và đào tạo.", KHCN, f"{BNV}, {ALL_LOWER}", qd, "2025",
           lead=KHCN, cooperating=[BNV, ALL_LOWER], dates=y2025),
        iv("80.", "Xây dựng cơ chế để nhà khoa học trong các tổ chức khoa học và công nghệ công lập có thể "
           "thành lập, điều hành hoặc tham gia phát triển công nghệ tại các doanh nghiệp trong và ngoài "
           "nước", BNV, f"{KHCN}, các bộ, ngành", "Quy định pháp luật liên quan", "2025",
           lead=BNV, cooperating=[KHCN, "các bộ, ngành"], dates=y2025),
        iv("81.", "Đề án rà soát, sắp xếp hệ thống các viện nghiên cứu trong các cơ sở giáo dục đại học; cơ "
           "sở giáo dục đại học trong viện nghiên cứu; cơ chế đồng biên chế giữa viện nghiên cứu với cơ sở "
           "giáo dục đại học", GDDT, f"{KHCN}, {BNV}", qd, "2025",
           lead=GDDT, cooperating=[KHCN, BNV], dates=y2025),
        iv("82.", "Đề án phát triển các trường đại học trở thành các chủ thể nghiên cứu mạnh, kết hợp chặt "
           "chẽ giữa nghiên cứu, ứng dụng và đào tạo", GDDT, f"{KHCN}, {KHDT}, {BTC}", qd, "2025",
           lead=GDDT, cooperating=[KHCN, KHDT, BTC], dates=y2025),
        iv("83.", "Đề án đầu tư, nâng cấp Viện Hàn lâm Khoa học và Công nghệ Việt Nam, Viện Hàn lâm Khoa "
           "học Xã hội Việt Nam, cùng các cơ sở nghiên cứu khoa học và đổi mới sáng tạo trọng điểm quốc "
           "gia.", "Viện Hàn lâm Khoa học và Công nghệ Việt Nam, Viện Hàn lâm Khoa học Xã hội Việt Nam",
           f"{KHDT}, {KHCN}", qd, "2025",
           lead="Viện Hàn lâm Khoa học và Công nghệ Việt Nam",
           cooperating=["Viện Hàn lâm Khoa học Xã hội Việt Nam", KHDT, KHCN], dates=y2025),
        iv("84.", "Đề án chuyển các cơ sở giáo dục đại học đào tạo đa ngành, đa lĩnh vực về Bộ Giáo dục và "
           "Đào tạo quản lý", GDDT, ALL, qd, "2025", lead=GDDT, cooperating=[ALL], dates=y2025),
        iv("85.", "Xây dựng Nghị định quy định về cơ chế thu, quản lý học phí đối với cơ sở giáo dục thuộc "
           "hệ thống giáo dục quốc dân và chính sách miễn giảm học phí, hỗ trợ chi phí học tập; giá dịch "
           "vụ trong lĩnh vực giáo dục, đào tạo (thay thế Nghị định số 87/2021/NĐ-CP và Nghị định số "
           "97/2023/NĐ-CP)", GDDT, f"{BTC}, bộ, ngành liên quan", "Nghị định của Chính phủ", "2025",
           lead=GDDT, cooperating=[BTC, "bộ, ngành liên quan"], dates=y2025),
        iv("86.", "Xây dựng khung chiến lược giáo dục đại học", GDDT, "Bộ, ngành, địa phương", qd, "2025",
           lead=GDDT, cooperating=["Bộ, ngành, địa phương"], dates=y2025),
        iv("87.", "Sửa đổi hoặc ban hành thay thế Quyết định số 37/2018/QĐ-TTg của Thủ tướng Chính phủ quy "
           "định tiêu chuẩn, thủ tục xét công nhận đạt tiêu chuẩn và bổ nhiệm chức danh giáo sư, phó giáo "
           "sư; thủ tục xét hủy bỏ công nhận chức danh và miễn nhiệm chức danh giáo sư, phó giáo sư", GDDT,
           f"{BNV}, Bộ Khoa học và công nghệ", qd, "2025",
           lead=GDDT, cooperating=[BNV, "Bộ Khoa học và công nghệ"], dates=y2025),
        iv("88.", "Sửa đổi hoặc ban hành thay thế Quyết định số 157/2007/QĐ-TTg, Quyết định số "
           "05/2022/QĐ-TTg của Thủ tướng Chính phủ về tín dụng đối với học sinh, sinh viên", BTC, GDDT, qd,
           "2025", lead=BTC, cooperating=[GDDT], dates=y2025),
    ]
    # fmt: on
    return table


# Nghị quyết 03/NQ-CP, Phụ lục I (indicators) ----------------------------------------------------


def _target(value: float, comparison: str | None = None, scope: str | None = None) -> dict[str, object]:
    return {"value": value, "comparison": comparison, "scope": scope, "text": None}


def _words(text: str) -> dict[str, object]:
    """A qualitative target, kept as the words written."""
    return {"value": None, "comparison": None, "scope": None, "text": text}


def _indicator(
    code: str,
    name: str,
    unit: Cell,
    result: Cell,
    lead_cell: Cell,
    *targets: dict[str, object],
    year: int,
    group: list[str],
    lead: str | None = None,
) -> Body:
    """An indicator row of Phụ lục I: its reading, its targets in the year of the heading above it."""
    expected: dict[str, object] = {
        "kind": "indicator",
        "code": code,
        "name": name,
        "group": group,  # any of these is a right reading of the heading it sits under
        "measure_unit": unit,
        "lead_unit": lead_cell if lead is None else lead,
        "targets": [{"year": year, **target} for target in targets],
    }
    return Body((code, name, unit, result, lead_cell), expected)


def _heading(code: str, name: str) -> Body:
    """A row that heads indicators (a period, or a family of indicators): no indicator of its own."""
    return Body((code, name, None, None, None), {"kind": "group", "code": code, "name": name}, True)


def nq03_indicators() -> Table:
    """Phụ lục I: the resolution's indicators, to 2030 and to 2045."""
    table = Table(
        name="nq03_2025_phu_luc_1_chi_tieu",
        kind="indicators",
        sheet="Phụ lục I",
        source=Source(
            **{
                **NQ03.__dict__,
                "notes": (
                    "Copied: the whole of Phụ lục I. Ranges (“40 - 50”) are read as two targets, at "
                    "least the first and at most the second; “≥ 3% và tăng dần …” as at least 3. Row 11 "
                    "heads 11.1-11.12 and has no unit or target of its own: a heading, not an indicator."
                ),
            }
        ),
        titles=(
            "PHỤ LỤC I",
            "DANH MỤC CÁC CHỈ TIÊU CỤ THỂ",
            "(Kèm theo Chương trình hành động tại Nghị quyết số /NQ-CP ngày 01 tháng 01 năm 2025 của "
            "Chính phủ)",
        ),
        headings=("TT", "Chỉ tiêu", "Đơn vị", "Kết quả", "Cơ quan chủ trì theo dõi, đánh giá"),
    )
    to2030 = "Đến năm 2030"
    tthc = (
        "Chỉ tiêu về thực hiện thủ tục hành chính, dịch vụ công và chỉ đạo, điều hành, quản trị nội bộ "
        "trên môi trường điện tử"
    )
    vpcp = "Văn phòng Chính phủ"
    nhnn = "Ngân hàng Nhà nước"
    ranks = ("≤ 3 Đông Nam Á; ≤ 50 Thế giới", _target(3, "<=", "Đông Nam Á"), _target(50, "<=", "Thế giới"))

    def a(code: str, name: str, unit: Cell, result: Cell, lead: Cell, *targets: dict[str, object]) -> Body:
        return _indicator(code, name, unit, result, lead, *targets, year=2030, group=[to2030])

    def s11(code: str, name: str, result: str, lead: str, target: dict[str, object]) -> Body:
        return _indicator(code, name, "%", result, lead, target, year=2030, group=[tthc, to2030])

    def s23(code: str, name: str, unit: str, result: str, target: dict[str, object]) -> Body:
        return _indicator(code, name, unit, result, TTTT, target, year=2030, group=["Hạ tầng số", to2030])

    def b(code: str, name: str, unit: str, result: str, lead: str, *targets: dict[str, object]) -> Body:
        return _indicator(code, name, unit, result, lead, *targets, year=2045, group=["Đến năm 2045"])

    # fmt: off
    table.body = [
        _heading("I", to2030),
        a("1", "Tiềm lực, trình độ khoa học, công nghệ và đổi mới sáng tạo", "Thứ bậc",
          "Đạt mức tiên tiến ở nhiều lĩnh vực quan trọng, thuộc nhóm dẫn đầu trong các nước có thu nhập "
          "trung bình cao", KHCN,
          _words("Đạt mức tiên tiến ở nhiều lĩnh vực quan trọng, thuộc nhóm dẫn đầu trong các nước có thu "
                 "nhập trung bình cao")),
        a("2", "Trình độ, năng lực công nghệ, đổi mới sáng tạo của doanh nghiệp", "Thứ bậc",
          "Đạt mức trên trung bình của thế giới", KHCN, _words("Đạt mức trên trung bình của thế giới")),
        a("3", "Lĩnh vực khoa học, công nghệ", "Thứ bậc", "Một số lĩnh vực đạt trình độ quốc tế", KHCN,
          _words("Một số lĩnh vực đạt trình độ quốc tế")),
        a("4", "Xếp hạng năng lực cạnh tranh số", "Thứ bậc", ranks[0], TTTT, ranks[1], ranks[2]),
        a("5", "Xếp hạng chỉ số phát triển Chính phủ điện tử, Chính phủ số", "Thứ bậc", ranks[0], TTTT,
          ranks[1], ranks[2]),
        a("6", "Xếp hạng về nghiên cứu và phát triển trí tuệ nhân tạo, trung tâm phát triển một số ngành, "
          "lĩnh vực công nghiệp công nghệ số mà Việt Nam có lợi thế", "Thứ bậc", "≤ 3 Đông Nam Á", TTTT,
          _target(3, "<=", "Đông Nam Á")),
        a("7", "Số doanh nghiệp công nghệ số ngang tầm các nước tiên tiến", "Doanh nghiệp", "≥ 5", TTTT,
          _target(5, ">=")),
        a("8", "Tỉ lệ đóng góp của năng suất nhân tố tổng hợp (TEP) vào tăng trưởng kinh tế", "%", "≥ 55",
          KHDT, _target(55, ">=")),
        a("9", "Tỉ trọng xuất khẩu sản phẩm công nghệ cao trên tổng giá trị hàng hoá xuất khẩu", "%", "≥ 50",
          KHCN, _target(50, ">=")),
        a("10", "Quy mô kinh tế số", "% GDP", "≥ 30", TTTT, _target(30, ">=")),
        _heading("11", tthc),
        s11("11.1", "Tỉ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp", "≥ 80", TTTT,
            _target(80, ">=")),
        s11("11.2", "Tỉ lệ cung cấp dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có "
            "đủ điều kiện", "90", vpcp, _target(90)),
        s11("11.3", "Tỉ lệ hồ sơ hợp lệ, kết quả giải quyết thủ tục hành chính", "100", vpcp, _target(100)),
        s11("11.4", "Tỉ lệ cấp kết quả giải quyết thủ tục hành chính điện tử", "100", vpcp, _target(100)),
        s11("11.5", "Tỉ lệ khai thác, sử dụng lại thông tin, dữ liệu đã được số hóa trong giải quyết thủ "
            "tục hành chính, dịch vụ công", "80", vpcp, _target(80)),
        s11("11.6", "Tỉ lệ thanh toán trực tuyến trong giải quyết thủ tục hành chính, dịch vụ công", "80",
            vpcp, _target(80)),
        s11("11.7", "Tỉ lệ thủ tục hành chính được tiếp nhận, giải quyết phi địa giới hành chính giữa trung "
            "ương và địa phương, giữa các cấp chính quyền", "70", vpcp, _target(70)),
        s11("11.8", "Tỉ lệ cắt giảm hoặc tự động hóa thủ tục hành chính về cấp phép", ">= 30", vpcp,
            _target(30, ">=")),
        s11("11.9", "Tỉ lệ cắt giảm thủ tục hành chính nội bộ giữa các cơ quan nhà nước trong thực hiện cấp "
            "phép", "50", vpcp, _target(50)),
        s11("11.10", "Tỉ lệ xử lý văn bản, hồ sơ công việc toàn trình trên môi trường điện tử của các cơ "
            "quan hành chính nhà nước", "100", vpcp, _target(100)),
        s11("11.11", "Tỉ lệ nhiệm vụ được theo dõi, quản lý, giám sát của các cơ quan hành chính thực hiện "
            "trên môi trường điện tử", "100", vpcp, _target(100)),
        s11("11.12", "Tỉ lệ các cơ quan nhà nước thực hiện chỉ đạo, điều hành, quản trị nội bộ trên môi "
            "trường điện tử", "100", vpcp, _target(100)),
        a("12", "Tỉ lệ giao dịch không dùng tiền mặt", "%", "≥ 80", nhnn, _target(80, ">=")),
        a("13", "Tỉ lệ doanh nghiệp có hoạt động đổi mới sáng tạo", "%", "≥ 40", KHCN, _target(40, ">=")),
        a("14", "Khoa học, công nghệ và đổi mới sáng tạo góp phần quan trọng trong xây dựng, phát triển giá "
          "trị văn hoá, xã hội, con người Việt Nam duy trì", "Chỉ số phát triển con người (HDI)", "> 0,7",
          KHCN, _target(0.7, ">")),
        a("15", "Kinh phí chi cho nghiên cứu phát triển (R&D)", "% GDP", "2", KHCN, _target(2)),
        a("16", "Tỷ trọng kinh phí từ xã hội trên kinh phí chi cho nghiên cứu phát triển (R&D)", "%", "> 60",
          KHCN, _target(60, ">")),
        a("17", "Chi ngân sách hàng năm cho phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số "
          "quốc gia", "% tổng chi NSNN", "≥ 3% và tăng dần theo yêu cầu phát triển", BTC, _target(3, ">=")),
        a("18", "Nguồn nhân lực nghiên cứu khoa học, phát triển công nghệ, đổi mới sáng tạo",
          "Người/vạn dân", "12", KHCN, _target(12)),
        a("19", "Tổ chức khoa học và công nghệ được xếp hạng khu vực và thế giới", "Tổ chức", "40 - 50", KHCN,
          _target(40, ">="), _target(50, "<=")),
        a("20", "Số lượng công bố khoa học quốc tế tăng trung bình", "%/năm", "10", KHCN, _target(10)),
        a("21", "Số lượng đơn đăng ký sáng chế, văn bằng bảo hộ sáng chế tăng trung bình", "%/năm", "16 - 18",
          KHCN, _target(16, ">="), _target(18, "<=")),
        a("22", "Tỉ lệ đơn đăng ký sáng chế, văn bằng bảo hộ sáng chế khai thác thương mại", "%", "8 - 10",
          KHCN, _target(8, ">="), _target(10, "<=")),
        a("23", "Hạ tầng số", None,
          "Tiên tiến, hiện đại, dung lượng siêu lớn, băng thông siêu rộng ngang tầm các nước tiên tiến", TTTT,
          _words("Tiên tiến, hiện đại, dung lượng siêu lớn, băng thông siêu rộng ngang tầm các nước tiên "
                 "tiến")),
        s23("23.1", "Tỉ lệ người sử dụng có khả năng truy nhập băng rộng cố định với tốc độ trên 1Gb/s.", "%",
            "100%", _target(100)),
        s23("23.2", "Số tuyến cáp quang biển mới đưa vào hoạt động", "Tuyến cáp quang biển", "09",
            _target(9)),
        s23("23.3", "Tổng dung lượng thiết kế cáp quang trên biển", "Tbps", "≥ 350", _target(350, ">=")),
        s23("23.4", "Phủ sóng 5G cho người dân", "% dân số", "99", _target(99)),
        a("24", "Hoàn thành xây dựng đô thị thông minh các thành phố trực thuộc Trung ương và một số tỉnh, "
          "thành phố có đủ điều kiện", "Thành phố, Tỉnh", "≥ 6", TTTT, _target(6, ">=")),
        a("25", "Thu hút thêm tổ chức, doanh nghiệp công nghệ hàng đầu thế giới đặt trụ sở, đầu tư nghiên "
          "cứu, sản xuất tại Việt Nam", "Tổ chức, doanh nghiệp", "≥ 3", KHDT, _target(3, ">=")),
        a("26", "Quản lý nhà nước từ Trung ương đến địa phương trên môi trường số, kết nối và vận hành thông "
          "suốt giữa các cơ quan trong hệ thống chính trị", "%", "100%", TTTT, _target(100)),
        a("27", "Hoàn thành xây dựng, kết nối, chia sẻ đồng bộ cơ sở dữ liệu quốc gia, cơ sở dữ liệu các "
          "ngành", "%", "100", BCA, _target(100)),
        a("28", "Hình thành sàn dữ liệu", "Sàn dữ liệu", "5", BCA, _target(5)),
        _indicator("29", "Hình thành các Trung tâm dữ liệu quốc gia", "Trung tâm dữ liệu quốc gia", "≥ 03",
                   f"{BCA}, {TTTT} và các bộ, ngành", _target(3, ">="), year=2030, group=[to2030], lead=BCA),
        a("30", "Dân số từ 15 tuổi trở lên có tài khoản ngân hàng", "%", "≥ 95", nhnn, _target(95, ">=")),
        a("31", "Tỷ lệ dân số trưởng thành có chữ ký hoặc chữ ký điện tử cá nhân", "%", "≥ 70", TTTT,
          _target(70, ">=")),
        a("32", "Tỷ lệ người dân có hồ sơ sức khỏe điện tử", "%", "≥ 95", "Bộ Y tế", _target(95, ">=")),
        a("33", "Xếp hạng về an toàn thông tin mạng", "Thứ bậc", "≤ 10", TTTT, _target(10, "<=")),
        a("34", "Hoàn thành xây dựng cơ sở nghiên cứu khoa học công nghệ hàng đầu của ngành Công an ngang "
          "tầm các nước tiên tiến để trở thành Trung tâm nghiên cứu, thiết kế, chế tạo, sản xuất, từng bước "
          "làm chủ các công nghệ chiến lược ứng dụng trong công tác Công an", "Cơ sở", "01", BCA, _target(1)),
        a("35", "Tỷ lệ Make in Vietnam trong tổng doanh thu công nghiệp số Việt Nam", "%", "50", TTTT,
          _target(50)),
        _heading("II", "Đến năm 2045"),
        b("36", "Quy mô kinh tế số", "% GDP", "≥ 50", TTTT, _target(50, ">=")),
        b("37", "Chỉ số đổi mới sáng tạo toàn cầu", "Thứ bậc", "≤ 30", KHCN, _target(30, "<=")),
        b("38", "Tỉ lệ doanh nghiệp công nghệ số", "Số doanh nghiệp/1000 dân", "1", TTTT, _target(1)),
        b("39", "Số doanh nghiệp công nghệ số ngang tầm các nước tiên tiến", "Doanh nghiệp", "≥ 10", TTTT,
          _target(10, ">=")),
        b("40", "Thu hút thêm tổ chức, doanh nghiệp công nghệ hàng đầu thế giới đặt trụ sở, đầu tư nghiên "
          "cứu, sản xuất tại Việt Nam", "Tổ chức, doanh nghiệp", "≥ 5", KHDT, _target(5, ">=")),
        b("41", "Làm chủ một số công nghệ chíp và vi mạch bán dẫn, trí tuệ nhân tạo, rô bốt và tự động hóa, "
          "sinh học, hóa học, vật liệu tiên tiến, công nghệ bảo an ứng dụng trong đảm bảo an ninh quốc gia",
          "%", "20% - 50%", BCA, _target(20, ">="), _target(50, "<=")),
    ]
    # fmt: on
    return table


TABLES = (nq03_tasks, nq03_indicators)
HEADING_ROW = 5  # the title rows, a blank row, then the heading row


def write(table: Table, folder: Path) -> tuple[Path, Path]:
    """Save the table's workbook and its sidecar (same name, .expected.json); return both paths."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = table.sheet
    width = len(table.headings)
    last = chr(ord("A") + width - 1)
    for row, text in enumerate(table.titles, start=1):
        sheet.cell(row=row, column=1, value=text).font = Font(bold=row < len(table.titles))
        sheet.merge_cells(f"A{row}:{last}{row}")
    for column, heading in enumerate(table.headings, start=1):
        cell = sheet.cell(row=HEADING_ROW, column=column, value=heading)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, horizontal="center")
    rows: list[dict[str, object]] = []
    for row, body in enumerate(table.body, start=HEADING_ROW + 1):
        for column, value in enumerate(body.cells, start=1):
            if value is None:
                continue
            cell = sheet.cell(row=row, column=column, value=value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if column <= 2 and body.bold_number:
                cell.font = Font(bold=True)
        rows.append({"row": row, **body.expected})
    book_path = folder / f"{table.name}.xlsx"
    book.save(book_path)
    expected = {
        "source": table.source.__dict__,
        "kind": table.kind,
        "sheet": table.sheet,
        "heading_row": HEADING_ROW,
        "rows": rows,
    }
    json_path = folder / f"{table.name}.expected.json"
    json_path.write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return book_path, json_path


def main() -> None:
    """Write every table's workbook and sidecar."""
    FOLDER.mkdir(parents=True, exist_ok=True)
    for make in TABLES:
        for path in write(make(), FOLDER):
            print(path.relative_to(FOLDER.parents[3]))


if __name__ == "__main__":
    main()
