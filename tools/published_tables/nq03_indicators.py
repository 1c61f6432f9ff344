"""Nghị quyết 03/NQ-CP, Phụ lục I: the indicators to 2030 and 2045, cells written here as copied."""

from __future__ import annotations

from tools.published_tables.model import BCA, BTC, KHCN, KHDT, TTTT, Body, Cell, Table
from tools.published_tables.nq03 import nq03_source


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
        source=nq03_source(
            "Copied: the whole of Phụ lục I. Ranges (“40 - 50”) are read as two targets, at "
            "least the first and at most the second; “≥ 3% và tăng dần …” as at least 3. Row 11 "
            "heads 11.1-11.12 and has no unit or target of its own: a heading, not an indicator."
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
