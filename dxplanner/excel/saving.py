"""Writing a workbook beside its target and moving it into place, so a failure never leaves half a file."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dxplanner.core.errors import InvalidInputError
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
            _("{path} cannot be written: {reason}").format(path=path, reason=error.strerror or error)
        ) from None
    written = Path(temporary)
    try:
        yield written
        if path.exists():
            written.chmod(stat.S_IMODE(path.stat().st_mode))
        written.replace(path)
    except OSError as error:
        raise InvalidInputError(
            _("{path} cannot be written: {reason}").format(path=path, reason=error.strerror or error)
        ) from None
    finally:
        written.unlink(missing_ok=True)


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
