"""The published tables under tests/data are exactly what their copied cells and written readings build."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tools.make_published_tables import FOLDER, TABLES
from tools.published_tables.copied import Skip, Task, pair, read_copy
from tools.published_tables.model import NO_DATES, Table
from tools.published_tables.nq03_group_5 import COPY, readings
from tools.published_tables.workbook import write


def _cells(path: Path) -> list[list[object]]:
    sheet = load_workbook(path).active
    assert sheet is not None
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


@pytest.mark.parametrize("make", TABLES, ids=[make.__name__ for make in TABLES])
def test_each_kept_table_is_what_its_copy_and_reading_build(
    make: Callable[[], Table], tmp_path: Path
) -> None:
    # A sidecar edited by hand, or a copy changed without rebuilding, would measure the importer
    # against a reading nobody wrote down beside its source.
    book, sidecar = write(make(), tmp_path)
    kept = FOLDER / book.name
    assert json.loads(sidecar.read_text("utf-8")) == json.loads((FOLDER / sidecar.name).read_text("utf-8"))
    assert _cells(book) == _cells(kept)


def test_a_reading_out_of_step_with_the_copied_rows_is_refused() -> None:
    copy = read_copy(COPY)
    shifted = [spec for spec in readings() if not isinstance(spec, Skip)]  # the continuations forgotten
    shifted += [Task(None, [], NO_DATES), Task(None, [], NO_DATES)]  # and the count made up
    with pytest.raises(ValueError, match="read as a task but has no number"):
        pair(copy, shifted)
