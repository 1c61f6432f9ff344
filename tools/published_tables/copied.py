"""Tables kept as the Markdown lines of the copy that was read, paired row by row with a hand-written reading.

The copy under copies/ is the source's own text, line for line, so that anyone can set it beside the
copy it came from; only the reading of each row is written here, by hand, in the modules that use it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tools.published_tables.model import SKIPPED, Body, Cell, Reading, group_reading, task_reading

COPIES = Path(__file__).resolve().parent / "copies"


@dataclass(frozen=True)
class CopiedTable:
    """What a copy holds: the title lines above the table, its headings and its body rows."""

    titles: tuple[str, ...]
    headings: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    bold: tuple[bool, ...]  # whether the copy sets a row's number in bold (a group's row)
    sub_headings: tuple[Cell, ...] = ()  # a second heading row, under headings that split in two


def _cells(line: str) -> list[str]:
    # A copy marks a line break inside a cell with "<br>": the cell holds two lines.
    return [cell.strip().replace("<br>", "\n") for cell in line.strip().strip("|").split("|")]


def _plain(text: str) -> tuple[str, bool]:
    """A cell's text without the copy's bold marks, and whether it was bold."""
    bold = text.startswith("**") and text.endswith("**") and len(text) > 4
    return (text[2:-2].strip() if bold else text), bold


def read_copy(file_name: str, heading_lines: int = 1) -> CopiedTable:
    """The title lines, headings and body rows of a copied Markdown table (empty cells are None).

    A text copy may give its headings on two lines (`heading_lines=2`): the headings, then the
    sub-headings of those that split in two, blank under those that do not.
    """
    lines = (COPIES / file_name).read_text(encoding="utf-8").splitlines()
    if file_name.endswith(".txt"):
        return _read_text_rows(lines, heading_lines)
    titles = tuple(
        line.strip().lstrip("#").strip().strip("*").strip()
        for line in lines
        if line.strip() and not line.lstrip().startswith("|")
    )
    table = [line for line in lines if line.lstrip().startswith("|")]
    headings = tuple(_plain(cell)[0] for cell in _cells(table[0]))
    rows, bold = [], []
    for line in table[2:]:  # past the heading and the |---| line
        plain = [_plain(cell) for cell in _cells(line)]
        rows.append(tuple(text or None for text, _ in plain))
        bold.append(plain[0][1])
    return CopiedTable(titles, headings, tuple(rows), tuple(bold))


def _read_text_rows(lines: list[str], heading_lines: int = 1) -> CopiedTable:
    """A text extraction that writes a table a row a line, its cells parted by " | " and no outer bars.

    The lines before the first such line are the titles; that line is the headings (and the next
    the sub-headings, with two heading lines). No style survives. Such an extraction writes a cell
    merged across columns once (a row shorter than the table) and leaves blank the rows a cell
    merged down the column covers below its first.
    """
    first = next(index for index, line in enumerate(lines) if " | " in line)
    titles = tuple(line.strip() for line in lines[:first] if line.strip())
    headings = tuple(cell.strip() for cell in lines[first].split("|"))
    sub_headings: tuple[Cell, ...] = ()
    if heading_lines == 2:
        sub_headings = tuple(cell.strip() or None for cell in lines[first + 1].split("|"))
    rows = tuple(
        tuple(cell.strip() or None for cell in line.split("|"))
        for line in lines[first + heading_lines :]
        if line.strip()
    )
    return CopiedTable(titles, headings, rows, tuple(False for _ in rows), sub_headings)


Span = tuple[int, int, int, int]
"""A merged range of the body: first row, first column, last row, last column (rows from 0, columns 1)."""


def merged_cells(copy: CopiedTable, width: int, down: int | None = None) -> tuple[Span, ...]:
    """The body's merged cells, as a text extraction that writes each merged cell once shows them.

    A row shorter than the table has its last cell run to the last column. With `down` (a column,
    from 0), a full row's cell there runs down over the full rows below that leave it blank.
    """
    spans: list[Span] = [
        (index, len(row), index, width) for index, row in enumerate(copy.rows) if 1 < len(row) < width
    ]
    if down is not None:
        for index, row in enumerate(copy.rows):
            if len(row) < width or row[down] is None:
                continue
            last = index
            while (
                last + 1 < len(copy.rows)
                and len(copy.rows[last + 1]) == width
                and copy.rows[last + 1][down] is None
            ):
                last += 1
            if last > index:
                spans.append((index, down + 1, last, down + 1))
    return tuple(sorted(spans))


@dataclass(frozen=True)
class Group:
    """A careful reading of a group's row: it heads the tasks below it, and may sit in a group itself."""

    parent: str | None = None  # "II" for the sub-group "II.1"


@dataclass(frozen=True)
class Task:
    """A careful reading of a task's row: who leads, who helps, when; its name unless said otherwise."""

    lead: str | None
    cooperating: Sequence[str]
    dates: Reading
    joins_next: bool = False  # the next row carries on this task's name (a page break in the source)
    unnumbered: bool = False  # a task of its own whose number the source left out


@dataclass(frozen=True)
class Skip:
    """A row with no item of its own: a continuation the careful reader joins to the row above, or drops."""

    why: str


Spec = Group | Task | Skip

_ROMAN = re.compile(r"[IVXLC]+(?:\.\d+)*\.?")
_NUMERAL = re.compile(r"(?:[IVXLC]+|\d+)(?:\.\d+)*\.?")


def cells_missing_from_crawl(copy_name: str, crawl_name: str, split: Sequence[str] = ()) -> list[str]:
    """The cells of a copy rebuilt from a text crawl whose words the crawl does not hold in that order.

    A crawl that flattened a table gives each cell as a run of lines; the rebuilt copy joins them.
    Whitespace is compared collapsed (the crawl pads justified lines); a cell the page break cut in
    two is named in `split`, and is then looked for as two runs, each part in its place.
    """
    crawl = " ".join((COPIES / crawl_name).read_text(encoding="utf-8").split())
    copy = read_copy(copy_name)
    missing = []
    for text in (*copy.titles, *copy.headings, *(cell for row in copy.rows for cell in row if cell)):
        words = " ".join(text.split())
        if words in crawl:
            continue
        parts = next((part for part in split if words.startswith(" ".join(part.split()))), None)
        rest = words[len(" ".join(parts.split())) :].strip() if parts else None
        if parts is None or not rest or " ".join(parts.split()) not in crawl or rest not in crawl:
            missing.append(words)
    return missing


def _is_group_row(cells: tuple[Cell, ...], bold: bool, numbered: bool, name_column: int) -> bool:
    number, name = cells[0], cells[name_column]
    if not (number and name):
        return False
    if numbered:
        # A copy that kept type styles marks a group's numeral in bold; a text crawl that lost
        # them still numbers groups with Roman numerals ("II", "II.1").
        return bold or bool(_ROMAN.fullmatch(number))
    # In a table whose first column is no number (a time), only groups have a numeral there, and
    # nothing past their name.
    return bool(_NUMERAL.fullmatch(number)) and not any(cells[name_column + 1 :])


def pair(
    copy: CopiedTable, readings: Sequence[Spec], name_column: int = 1, numbered: bool = True
) -> list[Body]:
    """Each copied row with its reading; the readings must follow the rows one for one.

    `numbered=False`: the first column holds no task numbers (it holds the time, say); tasks have
    no code, and a numeral there marks a group's row ("I", and "1" for a group inside it).
    """
    if len(readings) != len(copy.rows):
        raise ValueError(f"{len(readings)} readings for {len(copy.rows)} rows")
    bodies, parent = [], ""
    for index, (cells, bold, spec) in enumerate(zip(copy.rows, copy.bold, readings, strict=True)):
        number, name = cells[0], cells[name_column] if len(cells) > name_column else None
        if isinstance(spec, Group):
            if not _is_group_row(cells, bold, numbered, name_column):
                raise ValueError(f"row {index + 1} ({number}) is read as a group but is not one")
            assert number is not None and name is not None
            parent = number.rstrip(".")
            bodies.append(Body(cells, group_reading(number, name, spec.parent), bold_number=bold))
        elif isinstance(spec, Task):
            if not numbered:
                if not name or (number and _NUMERAL.fullmatch(number)):
                    raise ValueError(f"row {index + 1} ({number}) is read as a task but is a group's")
                number = None
            elif not name or bool(number) == spec.unnumbered:
                said = "has a number" if number else "has no number"
                raise ValueError(f"row {index + 1} ({number}) is read as a task but {said}")
            if spec.joins_next:
                name = f"{name} {copy.rows[index + 1][name_column]}"
            expected = task_reading(
                number, parent or None, name, spec.lead, list(spec.cooperating), spec.dates
            )
            bodies.append(Body(cells, expected))
        else:
            if number:
                raise ValueError(f"row {index + 1} ({number}) has its own number and cannot be skipped")
            bodies.append(Body(cells, dict(SKIPPED)))
    return bodies
