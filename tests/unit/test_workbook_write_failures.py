"""A workbook write that fails through lxml (which openpyxl writes with when it is installed) says why."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml.etree import SerialisationError

from dxplanner.core.errors import InvalidInputError
from dxplanner.excel.saving import saving_to


def test_a_full_disk_met_by_lxml_is_one_message_and_leaves_nothing(tmp_path: Path) -> None:
    # lxml reports a failed write as SerialisationError("IO_EFBIG"), not as an OSError.
    target = tmp_path / "out.xlsx"

    with pytest.raises(InvalidInputError) as refused, saving_to(target) as temporary:
        temporary.write_bytes(b"PK\x03\x04 part of a workbook")
        raise SerialisationError("IO_EFBIG")

    assert (
        refused.value.message
        == f"{target} cannot be written: the file would be larger than the system allows."
    )
    assert list(tmp_path.iterdir()) == []


def test_another_lxml_error_is_not_taken_for_a_disk_error(tmp_path: Path) -> None:
    with pytest.raises(SerialisationError), saving_to(tmp_path / "out.xlsx"):
        raise SerialisationError("not an I/O error")
