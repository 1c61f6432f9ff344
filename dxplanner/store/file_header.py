"""What the first bytes of a file say: is it SQLite, is it ours, which schema."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from dxplanner.core.errors import PlanFileError
from dxplanner.i18n import _

# PRAGMA application_id of every plan file: "DXPL" in ASCII.
APPLICATION_ID = 0x4458504C
# PRAGMA user_version: raised by one with every migration.
SCHEMA_VERSION = 9

_SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100
_USER_VERSION_OFFSET = 60
_APPLICATION_ID_OFFSET = 68


class SchemaAge(enum.StrEnum):
    """How a file's schema compares with the one this version writes."""

    OLDER = "older"
    CURRENT = "current"
    NEWER = "newer"


@dataclass(frozen=True)
class PlanFileHeader:
    """The identity fields of a plan file's header."""

    application_id: int
    schema_version: int

    @property
    def age(self) -> SchemaAge:
        """Whether the file needs migrating, is current, or comes from a newer dxplanner."""
        if self.schema_version < SCHEMA_VERSION:
            return SchemaAge.OLDER
        if self.schema_version > SCHEMA_VERSION:
            return SchemaAge.NEWER
        return SchemaAge.CURRENT


def read_header(path: Path) -> PlanFileHeader:
    """The header of the plan file at path, or PlanFileError saying why it is not one."""
    # Reading the header bytes ourselves never modifies the file, whatever it is.
    if not path.exists():
        raise PlanFileError(_("The file {path} does not exist.").format(path=path))
    if path.is_dir():
        raise PlanFileError(_("{path} is a folder, not a plan file.").format(path=path))
    try:
        with path.open("rb") as handle:
            header = handle.read(_HEADER_SIZE)
    except OSError as error:
        raise PlanFileError(
            _("Cannot read {path}: {reason}").format(path=path, reason=error.strerror or error)
        ) from error
    if len(header) < _HEADER_SIZE or not header.startswith(_SQLITE_MAGIC):
        raise PlanFileError(
            _("{name} is not a dxplanner plan file (it is not an SQLite database).").format(name=path.name)
        )
    application_id = int.from_bytes(header[_APPLICATION_ID_OFFSET : _APPLICATION_ID_OFFSET + 4], "big")
    schema_version = int.from_bytes(header[_USER_VERSION_OFFSET : _USER_VERSION_OFFSET + 4], "big")
    if application_id != APPLICATION_ID:
        raise PlanFileError(
            _("{name} is an SQLite database of another program, not a dxplanner plan file.").format(
                name=path.name
            )
        )
    return PlanFileHeader(application_id=application_id, schema_version=schema_version)


_CHANGE_COUNTER_OFFSET = 24


def written_state(path: Path) -> tuple[int, int, int] | None:
    """What moves whenever a file is written: SQLite's change counter, the size and the time (ns)."""
    try:
        with path.open("rb") as handle:
            header = handle.read(_HEADER_SIZE)
        status = path.stat()
    except OSError:
        return None
    counter = int.from_bytes(header[_CHANGE_COUNTER_OFFSET : _CHANGE_COUNTER_OFFSET + 4], "big")
    return counter, status.st_size, status.st_mtime_ns
