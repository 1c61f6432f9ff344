"""Write the published tables under tests/data/excel/published/: each workbook and its expected reading.

Each table is copied cell for cell from its source (named in its Source and in the sidecar JSON), laid
out as the agency laid it out: title rows, the heading row, then the body. The expected reading of
every body row is written by hand in tools/published_tables/, as a careful human reads the row; it is
never computed by the importer. Run after changing a table: python -m tools.make_published_tables
"""

from __future__ import annotations

from pathlib import Path

from tools.published_tables.ctr104_lao_cai import chi_tieu as ctr104_chi_tieu
from tools.published_tables.ctr104_lao_cai import nhiem_vu as ctr104_nhiem_vu
from tools.published_tables.cv402 import cv402_phu_luc_1
from tools.published_tables.kh11_khanh_hoa import kh11_nhom_1_3, kh11_nhom_4_10
from tools.published_tables.nq03_group_5 import nq03_group_5
from tools.published_tables.nq03_groups_1_2 import nq03_groups_1_2
from tools.published_tables.nq03_groups_3_4 import nq03_groups_3_4
from tools.published_tables.nq03_groups_6_7 import nq03_groups_6_7
from tools.published_tables.nq03_indicators import nq03_indicators
from tools.published_tables.nq88 import nq88_nhiem_vu
from tools.published_tables.qd836_bxd import qd836_noi_dung_chi_tiet
from tools.published_tables.workbook import write

FOLDER = Path(__file__).resolve().parents[1] / "tests" / "data" / "excel" / "published"

TABLES = (
    nq03_groups_1_2,
    nq03_groups_3_4,
    nq03_group_5,
    nq03_groups_6_7,
    nq03_indicators,
    cv402_phu_luc_1,
    kh11_nhom_1_3,
    kh11_nhom_4_10,
    ctr104_nhiem_vu,
    ctr104_chi_tieu,
    nq88_nhiem_vu,
    qd836_noi_dung_chi_tiet,
)


def main() -> None:
    """Write every table's workbook and sidecar."""
    FOLDER.mkdir(parents=True, exist_ok=True)
    for make in TABLES:
        for path in write(make(), FOLDER):
            print(path.relative_to(FOLDER.parents[3]))


if __name__ == "__main__":
    main()
