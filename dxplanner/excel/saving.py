"""Writing a workbook beside its target and moving it into place, so a failure never leaves half a file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dxplanner.core.errors import InvalidInputError
from dxplanner.i18n import _


@contextmanager
def saving_to(path: Path) -> Iterator[Path]:
    """A temporary path in the target's folder; moved onto the target when the block ends well.

    A failed or cancelled write removes the temporary file and leaves the target as it was.
    """
    try:
        handle, temporary = tempfile.mkstemp(suffix=".xlsx", prefix=".dxplanner-", dir=path.parent)
    except OSError as error:
        raise InvalidInputError(
            _("{path} cannot be written: {reason}").format(path=path, reason=error.strerror or error)
        ) from None
    os.close(handle)
    written = Path(temporary)
    try:
        yield written
        written.replace(path)
    except OSError as error:
        raise InvalidInputError(
            _("{path} cannot be written: {reason}").format(path=path, reason=error.strerror or error)
        ) from None
    finally:
        written.unlink(missing_ok=True)
