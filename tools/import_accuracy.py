"""How many rows of the published tables the importer reads wholly right, and every misreading.

Each workbook under tests/data/excel/published/ has a sidecar (same name, .expected.json) with the
reading a careful human makes of every body row. The workbook is read as a user reads it,
`dxplanner import X --into FILE --dry-run --json`, in this process through dxplanner.cli.run, and
compared row by row. A row (an item) is wholly right when it is found (or rightly skipped), read as
a group or a task (or an indicator), and its code, parent, name, lead unit, cooperating units, dates
and money (or, for an indicator, its unit of measure, lead unit, group and targets) are all right.

Run: python -m tools.import_accuracy [--json] [FOLDER]
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from dxplanner.cli import run

FOLDER = Path(__file__).resolve().parents[1] / "tests" / "data" / "excel" / "published"
SIDECAR = ".expected.json"
TASK_FIELDS = ("code", "parent_code", "name", "lead_unit", "cooperating_units", "start", "end", "budget")
INDICATOR_FIELDS = ("code", "name", "group", "measure_unit", "lead_unit", "targets")

# The ways a comparison can be spelt; "=" (or none) is a plain target.
_COMPARISONS = {
    "≥": ">=",
    ">=": ">=",
    "=>": ">=",
    "gte": ">=",
    "ge": ">=",
    "at_least": ">=",
    "≤": "<=",
    "<=": "<=",
    "=<": "<=",
    "lte": "<=",
    "le": "<=",
    "at_most": "<=",
    ">": ">",
    "gt": ">",
    "more_than": ">",
    "<": "<",
    "lt": "<",
    "less_than": "<",
    "=": None,
    "==": None,
    "eq": None,
    "equal": None,
    "": None,
}

Json = dict[str, object]


@dataclass(frozen=True)
class Misreading:
    """One field of one row read otherwise than a careful human reads it."""

    row: int
    field: str
    expected: object
    read: object


@dataclass
class WorkbookScore:
    """How one workbook was read: items wholly right out of all, and what was misread."""

    name: str
    kind: str
    found: bool
    right: int = 0
    total: int = 0
    refusal: str | None = None
    misreadings: list[Misreading] = field(default_factory=list)

    @property
    def share(self) -> float:
        """The share of items read wholly right (0 for a workbook with none)."""
        return self.right / self.total if self.total else 0.0


def published_tables(folder: Path = FOLDER) -> list[Path]:
    """Every workbook in folder that has a sidecar, by name."""
    return sorted(path for path in folder.glob("*.xlsx") if sidecar_of(path).exists())


def sidecar_of(workbook: Path) -> Path:
    """The expected reading beside a workbook."""
    return workbook.with_name(workbook.stem + SIDECAR)


def read_with_importer(workbook: Path) -> tuple[Json | None, str]:
    """What `import --dry-run --json` prints for the workbook (None: no JSON), and what it said on stderr."""
    out, err = io.StringIO(), io.StringIO()
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "published.dxplan"
        run(["import", str(workbook), "--into", str(target), "--dry-run", "--json"], out, err)
    printed = out.getvalue().strip()
    if not printed:
        return None, err.getvalue().strip()
    reading = json.loads(printed)
    return (reading if isinstance(reading, dict) else None), err.getvalue().strip()


def _words(value: object) -> str | None:
    """Text with its whitespace collapsed (None and "" alike are nothing)."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _unit(value: object) -> str | None:
    """A unit's name as compared: whitespace collapsed, case ignored ("Các bộ" is "các bộ")."""
    text = _words(value)
    return None if text is None else text.casefold()


def _code(value: object) -> str | None:
    """A number or code as compared: "43." is "43"."""
    text = _words(value)
    return None if text is None else text.rstrip(".").strip() or None


def _units(values: object) -> list[str]:
    """A list of units as compared: each unit once, in no particular order."""
    if not isinstance(values, list):
        return []
    return sorted({unit for value in values if (unit := _unit(value)) is not None})


def _money(lines: object) -> dict[str, int]:
    """Money by source, whatever the years it is split into."""
    total: Counter[str] = Counter()
    if isinstance(lines, list):
        for line in lines:
            if isinstance(line, dict):
                total[str(line.get("source"))] += int(line.get("amount") or 0)
    return {source: amount for source, amount in sorted(total.items()) if amount}


def _kind(value: object) -> str:
    # A project or a milestone is still a task row, not a group.
    return "group" if value == "group" else "task"


def _number(value: object) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, int | float):
        return round(float(value), 6)
    try:
        return round(float(str(value).replace(",", ".")), 6)
    except ValueError:
        return None


def _comparison(value: object) -> object:
    if value is None:
        return None
    key = str(value).strip().casefold()
    return _COMPARISONS.get(key, key)


def _targets(values: object) -> list[tuple[object, ...]]:
    """Targets as compared: year, value, comparison, scope, and the words only of a target with no value."""
    if not isinstance(values, list):
        return []
    found = []
    for target in values:
        if not isinstance(target, dict):
            continue
        value = _number(target.get("value"))
        words = _words(target.get("text")) if value is None else None
        scope = _unit(target.get("scope"))
        found.append((target.get("year"), value, _comparison(target.get("comparison")), scope, words))
    return sorted(found, key=repr)


def _task_fields(task: Json) -> dict[str, object]:
    return {
        "code": _code(task.get("code")),
        "parent_code": _code(task.get("parent_code")),
        "name": _words(task.get("name")),
        "lead_unit": _unit(task.get("lead_unit")),
        "cooperating_units": _units(task.get("cooperating_units")),
        "start": task.get("start"),
        "end": task.get("end"),
        "budget": _money(task.get("budget")),
    }


def _indicator_fields(indicator: Json) -> dict[str, object]:
    return {
        "code": _code(indicator.get("code")),
        "name": _words(indicator.get("name")),
        "measure_unit": _words(indicator.get("measure_unit")),
        "lead_unit": _unit(indicator.get("lead_unit")),
        "targets": _targets(indicator.get("targets")),
    }


def _by_row(items: object) -> dict[int, Json]:
    if not isinstance(items, list):
        return {}
    return {int(item["row"]): item for item in items if isinstance(item, dict) and "row" in item}


def _score_tasks(score: WorkbookScore, expected_rows: list[Json], reading: Json) -> None:
    read = _by_row(reading.get("tasks"))
    for expected in expected_rows:
        row = int(str(expected["row"]))
        wrong = _task_misreadings(row, expected, read.pop(row, None))
        score.total += 1
        score.right += not wrong
        score.misreadings.extend(wrong)
    for row, task in sorted(read.items()):  # a task read where a careful human reads none
        score.total += 1
        score.misreadings.append(Misreading(row, "found", "no row of the table", _words(task.get("name"))))


def _task_misreadings(row: int, expected: Json, task: Json | None) -> list[Misreading]:
    kind = str(expected["kind"])
    if kind == "skip":
        return [] if task is None else [Misreading(row, "found", "skipped", _words(task.get("name")))]
    if task is None:
        return [Misreading(row, "found", kind, "not read")]
    wrong = []
    if _kind(task.get("kind")) != kind:
        wrong.append(Misreading(row, "kind", kind, task.get("kind")))
    want, got = _task_fields(expected), _task_fields(task)
    wrong.extend(
        Misreading(row, name, want[name], got[name]) for name in TASK_FIELDS if want[name] != got[name]
    )
    return wrong


def _score_indicators(score: WorkbookScore, expected_rows: list[Json], reading: Json) -> None:
    read = _by_row(reading.get("indicators"))
    as_tasks = _by_row(reading.get("tasks"))
    for expected in expected_rows:
        row = int(str(expected["row"]))
        indicator = read.pop(row, None)
        if expected["kind"] != "indicator":
            wrong = [] if indicator is None else [Misreading(row, "found", "a heading", "an indicator")]
        elif indicator is None:
            said = "read as a task" if row in as_tasks else "not read"
            wrong = [Misreading(row, "found", "indicator", said)]
        else:
            wrong = _indicator_misreadings(row, expected, indicator)
        score.total += 1
        score.right += not wrong
        score.misreadings.extend(wrong)
    for row, indicator in sorted(read.items()):
        score.total += 1
        score.misreadings.append(
            Misreading(row, "found", "no row of the table", _words(indicator.get("name")))
        )


def _indicator_misreadings(row: int, expected: Json, indicator: Json) -> list[Misreading]:
    want, got = _indicator_fields(expected), _indicator_fields(indicator)
    wrong = [
        Misreading(row, name, want[name], got[name])
        for name in INDICATOR_FIELDS
        if name != "group" and want[name] != got[name]
    ]
    groups = expected.get("group")
    accepted = {_unit(group) for group in (groups if isinstance(groups, list) else [groups])}
    if _unit(indicator.get("group")) not in accepted:
        wrong.append(Misreading(row, "group", sorted(g for g in accepted if g), indicator.get("group")))
    return wrong


def score_workbook(workbook: Path) -> WorkbookScore:
    """Read one workbook with the importer and compare it with its sidecar, row by row."""
    expected = json.loads(sidecar_of(workbook).read_text(encoding="utf-8"))
    kind = str(expected["kind"])
    rows: list[Json] = expected["rows"]
    reading, said = read_with_importer(workbook)
    has_items = reading is not None and bool(reading.get("tasks") or reading.get("indicators"))
    score = WorkbookScore(name=workbook.name, kind=kind, found=has_items)
    if reading is None or not has_items:
        score.refusal = said or "nothing was read"
        score.total = len(rows)
        score.right = sum(row["kind"] == "skip" for row in rows)  # a refused table gets no other row right
        score.misreadings = [
            Misreading(int(str(row["row"])), "found", row["kind"], "not read")
            for row in rows
            if row["kind"] != "skip"
        ]
        return score
    if kind == "indicators":
        _score_indicators(score, rows, reading)
    else:
        _score_tasks(score, rows, reading)
    return score


def score_all(folder: Path = FOLDER) -> list[WorkbookScore]:
    """Every published workbook's score, by name."""
    return [score_workbook(path) for path in published_tables(folder)]


def overall(scores: Sequence[WorkbookScore]) -> float:
    """The share of all items, over every workbook, read wholly right."""
    total = sum(score.total for score in scores)
    return sum(score.right for score in scores) / total if total else 0.0


def report(scores: Sequence[WorkbookScore]) -> str:
    """The figures and every misreading, as the script prints them."""
    lines = []
    for score in scores:
        lines.append(
            f"{score.name} ({score.kind}): {score.right}/{score.total} wholly right ({score.share:.0%})"
        )
        if score.refusal:
            lines.append(f"  refused: {score.refusal}")
        for wrong in score.misreadings:
            lines.append(
                f"  row {wrong.row}, {wrong.field}: expected {wrong.expected!r}, read {wrong.read!r}"
            )
    fields = Counter(wrong.field for score in scores for wrong in score.misreadings)
    right = sum(score.right for score in scores)
    total = sum(score.total for score in scores)
    lines.append(
        "Misreadings by field: " + (", ".join(f"{k} {n}" for k, n in fields.most_common()) or "none")
    )
    lines.append(f"Overall: {right}/{total} items read wholly right ({overall(scores):.3f})")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the figure per workbook and overall; 0 whatever the figure (the tests hold the bar)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("folder", nargs="?", type=Path, default=FOLDER)
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    arguments = parser.parse_args(argv)
    scores = score_all(arguments.folder)
    if arguments.json:
        said = {
            "workbooks": [{**asdict(score), "share": score.share} for score in scores],
            "right": sum(score.right for score in scores),
            "total": sum(score.total for score in scores),
            "overall": overall(scores),
        }
        sys.stdout.write(json.dumps(said, ensure_ascii=False, indent=1, default=str) + "\n")
    else:
        sys.stdout.write(report(scores) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
