"""Nghị quyết 03/NQ-CP, Phụ lục II, groups III and IV (tasks 43 to 88), cells written here as copied."""

from __future__ import annotations

from tools.published_tables.model import (
    ALL,
    ALL_LOWER,
    BCA,
    BNV,
    BTC,
    CONG_THUONG,
    GDDT,
    KHCN,
    KHDT,
    MINISTRIES,
    NO_DATES,
    SPAN_2025_2026,
    TTTT,
    Body,
    Cell,
    Reading,
    Table,
    group_reading,
    task_reading,
)
from tools.published_tables.model import month as _month
from tools.published_tables.model import year as _year
from tools.published_tables.nq03 import PL2_HEADINGS, PL2_TITLES, nq03_source


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
    dates: Reading,
    parent: str,
) -> Body:
    """A numbered task row of Phụ lục II and its reading (money: none, the table has no money column)."""
    expected = task_reading(number, parent, name, lead, cooperating, dates)
    return Body((number, name, lead_cell, cooperating_cell, product, when), expected)


def _group(number: str, name: str, *rest: Cell) -> Body:
    """A group's row: its Roman numeral (bold, as published) and its name; nothing of a task."""
    cells: tuple[Cell, ...] = (number, name, *rest)
    return Body(cells, group_reading(number, name), bold_number=True)


def nq03_groups_3_4() -> Table:
    """Phụ lục II, groups III and IV (tasks 43 to 88): infrastructure, then people."""
    table = Table(
        name="nq03_2025_phu_luc_2_nhiem_vu",
        kind="tasks",
        sheet="Phụ lục II",
        source=nq03_source(
            "Copied: the title rows and groups III and IV (tasks 43-88) of Phụ lục II. The copy "
            "read has the heading row of group IV holding “năm tiếp theo” in the last column, "
            "a spill of task 76's “2025 và những năm tiếp theo”; it is kept, and read as no "
            "date of the group's. Task 46's lead cell names “Bộ Khoa học, Công nghệ” as "
            "published. Money: the appendix has no money column."
        ),
        titles=PL2_TITLES,
        headings=PL2_HEADINGS,
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
