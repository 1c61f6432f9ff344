"""Looking at a file before openpyxl parses it: is it a workbook at all, and is it safe to open?"""

from __future__ import annotations

import zipfile
from pathlib import Path

from dxplanner.core.errors import InvalidInputError
from dxplanner.i18n import _

# A real plan workbook is a few megabytes; these limits leave room for fifty times that.
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_UNPACKED_BYTES = 500 * 1024 * 1024
# How much a large part may grow when unpacked: a sheet's XML grows 5 to 30 times. A modest part is
# let grow more: the same long note pasted in every row grows 215 times, and reading it costs what
# its size says, which MAX_UNPACKED_BYTES bounds (the reader counts a sheet's cells before parsing).
MAX_MEMBER_RATIO = 200
MODEST_PART_BYTES = 32 * 1024 * 1024
# Only filler (a run of one byte) grows this much: deflate cannot pack anything above 1,032 times.
MAX_FILLER_RATIO = 500
MAX_MEMBERS = 5_000
# openpyxl holds every shared string in memory (about six times its XML): 64 MB of them is
# far more text than any plan has, and still well under a gigabyte once read.
MAX_SHARED_STRINGS_BYTES = 64 * 1024 * 1024
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"


def check_workbook_file(path: Path) -> None:
    """Refuse, with one message, a file that is not an .xlsx workbook or that would unpack too large."""
    name = path.name
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            head = stream.read(4096)
    except FileNotFoundError:
        raise InvalidInputError(_("There is no file {name}.").format(name=path)) from None
    except OSError as error:
        raise InvalidInputError(
            _("{name} cannot be read: {reason}").format(name=name, reason=error.strerror or error)
        ) from None
    if size == 0:
        raise InvalidInputError(_("{name} is empty.").format(name=name))
    if size > MAX_FILE_BYTES:
        raise InvalidInputError(_("{name} is too large to be a plan workbook.").format(name=name))
    if head.startswith(_OLE2):
        raise InvalidInputError(_ole2_message(path, name))
    if not head.startswith(_ZIP):
        raise InvalidInputError(_not_a_zip_message(head, name))
    _check_members(path, name)


def _ole2_message(path: Path, name: str) -> str:
    # An .xlsx saved with a password is wrapped in the same container as an old .xls file.
    with path.open("rb") as stream:
        body = stream.read(1024 * 1024)
    if "EncryptionInfo".encode("utf-16-le") in body or "EncryptedPackage".encode("utf-16-le") in body:
        return _(
            "{name} is protected with a password. Open it in Excel, remove the password "
            "(File > Info > Protect Workbook), save it, and import it again."
        ).format(name=name)
    return _(
        "{name} is an old Excel 97-2003 workbook (.xls). Open it in Excel or LibreOffice, "
        "save it as an Excel Workbook (.xlsx), and import that."
    ).format(name=name)


def _not_a_zip_message(head: bytes, name: str) -> str:
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        text = ""
    if text and any(mark in text for mark in (",", ";", "\t")) and "\x00" not in text:
        return _(
            "{name} is a text (CSV) file, not an Excel workbook. Open it in Excel or LibreOffice "
            "and save it as an Excel Workbook (.xlsx)."
        ).format(name=name)
    return _("{name} is not an Excel workbook (.xlsx).").format(name=name)


def _check_members(path: Path, name: str) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise InvalidInputError(
            _("{name} is damaged or incomplete (perhaps cut short while copying).").format(name=name)
        ) from None
    names = {member.filename for member in members}
    if "[Content_Types].xml" not in names or not any(item.startswith("xl/workbook") for item in names):
        raise InvalidInputError(_("{name} is not an Excel workbook (.xlsx).").format(name=name))
    if _missing_sheets(path, names):
        raise InvalidInputError(
            _("{name} is damaged: a sheet it lists is missing from the file.").format(name=name)
        )
    too_big = _("{name} would unpack to more data than a plan workbook holds; it was not opened.")
    if len(members) > MAX_MEMBERS or sum(member.file_size for member in members) > MAX_UNPACKED_BYTES:
        raise InvalidInputError(too_big.format(name=name))
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if (member.file_size > MODEST_PART_BYTES and ratio > MAX_MEMBER_RATIO) or (
            member.file_size > 1024 * 1024 and ratio > MAX_FILLER_RATIO
        ):
            raise InvalidInputError(too_big.format(name=name))
        if (
            member.filename.lower().endswith("sharedstrings.xml")
            and member.file_size > MAX_SHARED_STRINGS_BYTES
        ):
            raise InvalidInputError(too_big.format(name=name))


def _missing_sheets(path: Path, names: set[str]) -> bool:
    """Whether the workbook's list of parts names a worksheet the zip does not hold."""
    from defusedxml import ElementTree

    relations = "xl/_rels/workbook.xml.rels"
    if relations not in names:
        return False
    try:
        with zipfile.ZipFile(path) as archive, archive.open(relations) as part:
            if archive.getinfo(relations).file_size > 1024 * 1024:
                return False  # not read here: openpyxl will say what is wrong with it
            root = ElementTree.parse(part).getroot()
    except Exception:  # unreadable or refused XML: the workbook reader gives the message
        return False
    if root is None:
        return False
    for relation in root:
        if str(relation.get("Type", "")).endswith("/worksheet"):
            target = str(relation.get("Target", "")).lstrip("/")
            full = target if target.startswith("xl/") else f"xl/{target}"
            if full not in names:
                return True
    return False
