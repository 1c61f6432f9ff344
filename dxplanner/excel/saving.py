"""Writing a workbook beside its target and moving it into place, so a failure never leaves half a file."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from dxplanner.core.errors import InvalidInputError
from dxplanner.file_access import write_failure
from dxplanner.i18n import _
from dxplanner.temporary_files import temporary_beside


@contextmanager
def saving_to(path: Path) -> Iterator[Path]:
    """A temporary path in the target's folder; moved onto the target when the block ends well.

    A failed or cancelled write removes the temporary file and leaves the target as it was. A file
    that is not a workbook (a plan file named by mistake) is never replaced. The new file gets
    the old one's permissions, or the usual ones for a new file (the umask's, not private).
    """
    _refuse_to_replace_a_non_workbook(path)
    try:
        # Not mkstemp: its files are private (0600); os.open with 0o666 lets the umask decide.
        temporary = temporary_beside(path, ".xlsx")
        os.close(os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
    except OSError as error:
        raise InvalidInputError(
            _("{path} cannot be written: {reason}.").format(path=path, reason=write_failure(error, path))
        ) from None
    written = Path(temporary)
    try:
        yield written
        if path.exists():
            written.chmod(stat.S_IMODE(path.stat().st_mode))
        written.replace(path)
    except Exception as error:
        failure = error if isinstance(error, OSError) else _lxml_write_failure(error)
        if failure is None:
            raise
        raise InvalidInputError(
            _("{path} cannot be written: {reason}.").format(path=path, reason=write_failure(failure, path))
        ) from None
    finally:
        written.unlink(missing_ok=True)


def _lxml_write_failure(error: Exception) -> OSError | None:
    """The operating system's error behind lxml's SerialisationError("IO_EFBIG"), or None for another.

    openpyxl writes through lxml whenever lxml is installed, and lxml reports a failed write (a
    full disk) by the name of its errno, not as an OSError.
    """
    text = str(error)
    if type(error).__name__ != "SerialisationError" or not text.startswith("IO_"):
        return None
    number = getattr(errno, text.removeprefix("IO_"), errno.EIO)
    return OSError(number, os.strerror(number))


@contextmanager
def write_only_book() -> Iterator[Any]:
    """An openpyxl write-only workbook whose sheets are let go of at once if the writing fails.

    Each sheet streams its rows into a temporary file through a generator; left to the garbage
    collector after a failed write (a full disk), closing it fails again and Python prints that
    second error, with its traceback, to the user's terminal.
    """
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    try:
        yield book
    except BaseException:
        _let_go(book)
        raise


def _let_go(book: Any) -> None:
    for sheet in book.worksheets:
        # openpyxl keeps these two generators private; whichever exists is closed here, and the
        # error closing it raises (the disk is still full) is the one already being reported.
        for stream in (getattr(sheet, "_rows", None), getattr(getattr(sheet, "_writer", None), "xf", None)):
            if stream is not None:
                with suppress(Exception):
                    stream.close()
        with suppress(AttributeError, OSError):
            Path(sheet._writer.out).unlink()


def _refuse_to_replace_a_non_workbook(path: Path) -> None:
    try:
        with path.open("rb") as stream:
            head = stream.read(4)
    except FileNotFoundError:
        return
    except OSError:
        return  # unreadable: the write will say why it cannot be done
    if head and head != b"PK\x03\x04":
        raise InvalidInputError(
            _(
                "{path} is not an Excel workbook; it is not replaced. Choose another name for the workbook."
            ).format(path=path)
        )
