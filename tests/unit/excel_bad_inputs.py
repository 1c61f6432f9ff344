"""Builders of bad files that the Excel importer must refuse with one clear message, quickly."""

from __future__ import annotations

import io
import re
import shutil
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "excel"
"""Files that need LibreOffice or msoffcrypto-tool to make; run this module to remake them."""

HEADERS = ("STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian thực hiện")
TASKS = (
    (1, "Xây dựng kho dữ liệu dùng chung của tỉnh", "Sở Thông tin và Truyền thông", "2025"),
    (2, "Số hóa hồ sơ thủ tục hành chính", "Văn phòng UBND tỉnh", "Quý II/2025"),
    (3, "Đào tạo kỹ năng số cho cán bộ, công chức", "Sở Nội vụ", "2025-2026"),
    (4, "Triển khai chữ ký số chuyên dùng", "Sở Tài chính", "Quý III/2025"),
    (5, "Nâng cấp cổng dịch vụ công", "Sở Thông tin và Truyền thông", "2026"),
)

ZIP_BOMB_SIZE = 1 << 30
"""What the zip bomb's sheet holds uncompressed (1 GiB, about 1 MB compressed, about 2.5 s to build)."""

_ZIP_TIME = (2025, 1, 1, 0, 0, 0)
_SHEET = "xl/worksheets/sheet1.xml"
_MARKER = "ENTITY_GOES_HERE"
_BILLION_LAUGHS = (
    '<!DOCTYPE worksheet [\n<!ENTITY lol0 "lol">\n'
    + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">\n' for i in range(1, 10))
    + "]>\n"
)
_EXTERNAL_ENTITY = '<!DOCTYPE worksheet [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n'


@dataclass(frozen=True)
class BadInput:
    """One bad file on disk."""

    name: str
    path: Path
    why: str


@dataclass(frozen=True)
class Kind:
    """One kind of bad file: known before anything is built, so tests can parametrize over KINDS."""

    name: str
    why: str
    build: Callable[[Path], Path]


# Shared helpers -------------------------------------------------------------------------------------


def _plan_workbook(columns: int = 4, tasks: int = 3) -> Workbook:
    """A normal small action-plan table on the first sheet."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Kế hoạch"
    ws.append(HEADERS[:columns])
    for task in TASKS[:tasks]:
        ws.append(task[:columns])
    return wb


def _members(wb: Workbook) -> dict[str, bytes]:
    """The zip members of a workbook as openpyxl writes it, without the save time in them."""
    buffer = io.BytesIO()
    wb.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members["docProps/core.xml"] = re.sub(
        rb"(<dcterms:(created|modified)[^>]*>)[^<]*",
        rb"\g<1>2025-01-01T00:00:00Z",
        members["docProps/core.xml"],
    )
    return members


def _zip_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def _write_zip(path: Path, members: dict[str, bytes]) -> Path:
    """Write members to a zip with fixed times, so the same members give the same bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(_zip_info(name), data)
    return path


def _write_workbook(
    path: Path, wb: Workbook, member: str = _SHEET, transform: Callable[[str], str] | None = None
) -> Path:
    """Save a workbook deterministically, with one member rewritten by transform."""
    members = _members(wb)
    if transform is not None:
        members[member] = transform(members[member].decode()).encode()
    return _write_zip(path, members)


def _replace_once(pattern: str, replacement: str) -> Callable[[str], str]:
    """A transform replacing exactly one match, so a change in openpyxl's output cannot go unnoticed."""

    def transform(xml: str) -> str:
        new, count = re.subn(pattern, replacement, xml)
        if count != 1:
            raise AssertionError(f"{pattern!r} matched {count} times, not once")
        return new

    return transform


def _with_doctype(doctype: str, entity: str) -> Callable[[str], str]:
    """A transform putting a DOCTYPE before the root and an entity reference in place of the marker."""
    use_entity = _replace_once(_MARKER, f"&{entity};")
    return lambda xml: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + doctype + use_entity(xml)


def _copy_fixture(folder: Path, fixture: str, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copyfile(FIXTURES / fixture, folder / name))


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


# Builders -------------------------------------------------------------------------------------------


def build_old_xls(folder: Path) -> Path:
    """A legacy Excel 97-2003 workbook (BIFF8 in an OLE2 compound file), made by LibreOffice."""
    return _copy_fixture(folder, "plan.xls", "old_xls.xls")


def build_old_xls_renamed(folder: Path) -> Path:
    """The same legacy workbook renamed to .xlsx: OLE2 like an encrypted workbook, but not encrypted."""
    return _copy_fixture(folder, "plan.xls", "old_xls_renamed.xlsx")


def build_csv_renamed(folder: Path) -> Path:
    """CSV text saved with an .xlsx name."""
    lines = [",".join(HEADERS)] + [",".join(f'"{v}"' if "," in str(v) else str(v) for v in t) for t in TASKS]
    path = folder / "csv_renamed.xlsx"
    folder.mkdir(parents=True, exist_ok=True)
    path.write_bytes(("\n".join(lines) + "\n").encode())
    return path


def build_renamed_other(folder: Path) -> Path:
    """A valid 1×1 PNG image saved with an .xlsx name."""
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)  # 1×1, 8-bit RGB
    png = (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
        + _png_chunk(b"IEND", b"")
    )
    path = folder / "renamed_other.xlsx"
    folder.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png)
    return path


def build_password_protected(folder: Path) -> Path:
    """An action plan encrypted with the password "matkhau" (agile encryption, as Excel does it)."""
    return _copy_fixture(folder, "protected.xlsx", "password_protected.xlsx")


def build_truncated(folder: Path) -> Path:
    """A valid workbook cut to 60% of its bytes: no zip central directory at the end."""
    whole = _write_workbook(folder / "truncated.xlsx", _plan_workbook(tasks=5))
    content = whole.read_bytes()
    whole.write_bytes(content[: len(content) * 6 // 10])
    return whole


def build_empty_sheet(folder: Path) -> Path:
    """A valid workbook whose only sheet has no cells."""
    wb = Workbook()
    assert wb.active is not None
    wb.active.title = "Kế hoạch"
    return _write_workbook(folder / "empty_sheet.xlsx", wb)


def build_no_header(folder: Path) -> Path:
    """A valid workbook holding a letter and a column of numbers, but no table header."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Công văn"
    for line in (
        "ỦY BAN NHÂN DÂN TỈNH",
        "Kính gửi: Bộ Thông tin và Truyền thông",
        "Căn cứ các văn bản hướng dẫn của Bộ, Ủy ban nhân dân tỉnh báo cáo kết quả năm 2024 như sau.",
        "Tỉnh đã hoàn thành phần lớn các chỉ tiêu đề ra, một số chỉ tiêu còn chậm so với kế hoạch.",
        "Số liệu cụ thể theo từng quý:",
    ):
        ws.append([line])
    for number in (120, 245, 310, 415):
        ws.append([None, number])
    ws.append(["Trân trọng./."])
    return _write_workbook(folder / "no_header.xlsx", wb)


def build_zip_bomb(folder: Path, *, size: int = ZIP_BOMB_SIZE) -> Path:
    """A valid workbook whose sheet XML is `size` bytes (mostly spaces) uncompressed, ~1/1000 of that zipped.

    The parts are those openpyxl writes; the sheet is streamed in 1 MiB chunks, so little memory is used.
    """
    members = _members(_plan_workbook(tasks=1))
    head, tail = members.pop(_SHEET).decode().split("</sheetData>")
    start, end = head.encode(), ("</sheetData>" + tail).encode()
    path = _write_zip(folder / "zip_bomb.xlsx", members)
    chunk = b" " * (1 << 20)
    padding = max(0, size - len(start) - len(end))
    with (
        zipfile.ZipFile(path, "a") as archive,
        archive.open(_zip_info(_SHEET), "w", force_zip64=True) as sheet,
    ):
        sheet.write(start)
        for _ in range(padding // len(chunk)):
            sheet.write(chunk)
        sheet.write(chunk[: padding % len(chunk)])
        sheet.write(end)
    return path


def build_entity_attack(folder: Path) -> Path:
    """A workbook whose sheet XML declares a "billion laughs" entity (3 GB expanded) and uses it in a cell."""
    wb = _plan_workbook()
    assert wb.active is not None
    wb.active["B5"] = _MARKER
    return _write_workbook(
        folder / "entity_attack.xlsx", wb, transform=_with_doctype(_BILLION_LAUGHS, "lol9")
    )


def build_external_entity(folder: Path) -> Path:
    """A workbook whose sheet XML declares an external entity (file:///etc/passwd) and uses it in a cell."""
    wb = _plan_workbook()
    assert wb.active is not None
    wb.active["B5"] = _MARKER
    return _write_workbook(
        folder / "external_entity.xlsx", wb, transform=_with_doctype(_EXTERNAL_ENTITY, "xxe")
    )


def build_lying_dimensions(folder: Path) -> Path:
    """A 4×4 action plan whose sheet declares the whole grid, A1:XFD1048576, as its dimension."""
    lie = _replace_once(r'<dimension ref="A1:D4" ?/>', '<dimension ref="A1:XFD1048576"/>')
    return _write_workbook(folder / "lying_dimensions.xlsx", _plan_workbook(), transform=lie)


def build_lying_dimensions_small(folder: Path) -> Path:
    """A 3-column × 6-row action plan whose sheet declares A1:B2: all of it must still be read."""
    lie = _replace_once(r'<dimension ref="A1:C6" ?/>', '<dimension ref="A1:B2"/>')
    return _write_workbook(folder / "lying_dimensions_small.xlsx", _plan_workbook(3, 5), transform=lie)


KINDS = (
    Kind("old_xls", "legacy .xls (BIFF8)", build_old_xls),
    Kind("old_xls_renamed", "legacy .xls named .xlsx", build_old_xls_renamed),
    Kind("csv_renamed", "CSV named .xlsx", build_csv_renamed),
    Kind("renamed_other", "PNG named .xlsx", build_renamed_other),
    Kind("password_protected", "encrypted workbook", build_password_protected),
    Kind("truncated", "zip cut at 60%", build_truncated),
    Kind("empty_sheet", "only sheet empty", build_empty_sheet),
    Kind("no_header", "no table header", build_no_header),
    Kind("zip_bomb", "1 GiB sheet in 1 MB zip", build_zip_bomb),
    Kind("entity_attack", "billion laughs DOCTYPE", build_entity_attack),
    Kind("external_entity", "external entity DOCTYPE", build_external_entity),
    Kind("lying_dimensions", "dimension A1:XFD1048576", build_lying_dimensions),
    Kind("lying_dimensions_small", "dimension A1:B2 on 3×6", build_lying_dimensions_small),
)


def build_bad_inputs(folder: Path) -> list[BadInput]:
    """Every kind of bad file, built in folder."""
    return [BadInput(kind.name, kind.build(folder), kind.why) for kind in KINDS]


def remake_fixtures() -> None:
    """Remake the files in FIXTURES; needs LibreOffice (soffice) and msoffcrypto-tool."""
    import importlib
    import subprocess
    import tempfile

    # Only for remaking the fixtures, by hand: the test runs do not install msoffcrypto-tool.
    ooxml = importlib.import_module("msoffcrypto.format.ooxml")

    FIXTURES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temp:
        source = _write_workbook(Path(temp) / "plan.xlsx", _plan_workbook())
        subprocess.run(
            [
                *("soffice", f"-env:UserInstallation=file://{temp}/lo", "--headless"),
                *("--convert-to", "xls", "--outdir", str(FIXTURES), str(source)),
            ],
            check=True,
            capture_output=True,
        )
        with source.open("rb") as plain, (FIXTURES / "protected.xlsx").open("wb") as encrypted:
            ooxml.OOXMLFile(plain).encrypt("matkhau", encrypted)


if __name__ == "__main__":
    remake_fixtures()
