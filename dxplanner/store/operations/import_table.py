"""Writing a plan table read from Excel into a plan file: one transaction, every task or none."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

import sqlalchemy as sa

from dxplanner.collector import collector_paused
from dxplanner.core import rules
from dxplanner.core.enums import TaskKind, UnitKind, UnitRole
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.models import ActionPlan, BudgetLine, Task, TaskUnit, Unit
from dxplanner.core.name_case import as_listed
from dxplanner.core.plan_table import MatchKind, PlanTable, Problem
from dxplanner.core.text import fold
from dxplanner.core.timeline import dates_for
from dxplanner.core.unit_matching import UnitMatcher, expanded
from dxplanner.i18n import _
from dxplanner.store import queries
from dxplanner.store.bulk import bulk_insert
from dxplanner.store.capture import inserted_in_bulk
from dxplanner.store.changes import Changes, Entity
from dxplanner.store.operations._records import fetch
from dxplanner.store.plan_store import PlanStore
from dxplanner.store.sequences import advance_past_ids

_TASK_COLUMNS = (
    "id",
    "plan_id",
    "parent_id",
    "position",
    "code",
    "name",
    "kind",
    "lead_unit_id",
    "product",
    "timeline_text",
    "planned_start",
    "planned_end",
    "progress",
    "notes",
    "responsible_person",
)
# How many problems a refusal lists; the rest are counted.
LISTED_PROBLEMS = 5
_UNIT_KINDS = (
    ("bo ", UnitKind.MINISTRY),
    ("so ", UnitKind.DEPARTMENT),
    ("ubnd tinh", UnitKind.PROVINCE),
    ("uy ban nhan dan tinh", UnitKind.PROVINCE),
    ("ubnd huyen", UnitKind.DISTRICT),
    ("cuc ", UnitKind.AGENCY),
    ("tong cuc", UnitKind.AGENCY),
    ("phong ", UnitKind.DIVISION),
    ("cong ty", UnitKind.ENTERPRISE),
    ("tap doan", UnitKind.ENTERPRISE),
)


@dataclass(frozen=True)
class NewPlan:
    """The action plan an import makes when it goes into no existing plan."""

    name: str
    owner: str | None = None  # the agency the table names at its top, if any
    today: datetime.date = field(default_factory=datetime.date.today)


@dataclass(frozen=True)
class ImportOutcome:
    """What an import wrote."""

    plan_id: int
    tasks: int
    groups: int
    new_units: int
    changes: Changes


def problems_message(problems: list[Problem]) -> str:
    """The problems that stop an import, as one message: the first few, and how many more."""
    lines = [
        _("Row {row}, column {column}: {message}").format(
            row=problem.row, column=problem.column, message=problem.message
        )
        if problem.column
        else _("Row {row}: {message}").format(row=problem.row, message=problem.message)
        for problem in problems[:LISTED_PROBLEMS]
    ]
    if len(problems) > LISTED_PROBLEMS:
        lines.append(_("… and {count} more.").format(count=len(problems) - LISTED_PROBLEMS))
    head = _("The table has {count} problems; nothing was imported:").format(count=len(problems))
    return "\n".join([head, *lines])


def match_units(store: PlanStore, table: PlanTable) -> None:
    """Find the file's unit for each unit the table names (exactly, by abbreviation, or nearly)."""
    with store.read() as session:
        matcher = UnitMatcher(queries.unit_names(session), f"{table.agency or ''} {table.title or ''}")
    table.units = matcher.match_all(table.unit_texts())
    if table.agency:
        table.owner = table.units.get(table.agency) or matcher.match_all([table.agency])[table.agency]
    for text, match in table.units.items():
        if match.how is MatchKind.FUZZY:
            message = _("“{text}” is taken to be the unit “{unit}”.").format(text=text, unit=match.unit_name)
        elif match.ambiguous:
            message = _("{count} units go by “{text}”; a new unit is made unless you choose one.").format(
                count=len(match.candidates), text=text
            )
        else:
            continue
        row = next(task.row for task in table.tasks if text in (task.lead_unit, *task.cooperating_units))
        table.warnings.append(Problem(row, None, message))


def check_plan_exists(store: PlanStore, plan_id: int) -> None:
    """Refuse, as the import itself would, a plan id the file does not hold."""
    with store.read() as session:
        fetch(session, ActionPlan, plan_id, _("Action plan"))


def import_table(
    store: PlanStore,
    table: PlanTable,
    *,
    plan_id: int | None = None,
    new_plan: NewPlan | None = None,
    unit_choices: Mapping[str, int | None] | None = None,
) -> ImportOutcome:
    """Write the table's tasks into a plan (an existing one, or a new one), all or nothing.

    unit_choices says which unit each unit text of the table is (None: make a new unit); texts it
    does not name follow the table's own matches.
    """
    if table.errors:
        raise InvalidInputError(problems_message(table.errors))
    if not table.tasks:
        raise InvalidInputError(_("The table has no tasks to import."))
    with collector_paused(), store.write() as session:
        connection = session.connection()
        changes = Changes()
        units = _UnitMaker(connection, changes)
        chosen = {text: match.unit_id for text, match in table.units.items()}
        chosen.update(unit_choices or {})
        plan = fetch(session, ActionPlan, plan_id, _("Action plan")) if plan_id is not None else None
        # The plan's agency first: the units the table names and the file lacks go under it.
        if plan is not None:
            units.parent = plan.unit_id
        elif owner_text := (new_plan.owner if new_plan else None) or table.agency:
            units.parent = units.unit_for(owner_text, (chosen | _owner_choice(table, chosen)).get(owner_text))
        unit_ids = {text: units.unit_for(text, chosen.get(text)) for text in table.unit_texts()}
        if plan is not None and plan_id is not None:
            plan_start, plan_end = plan.start, plan.end
        else:
            plan_start, plan_end = _period(table, new_plan or NewPlan(plan_name_of(table)))
            plan_id = _create_plan(
                connection,
                changes,
                units,
                table,
                new_plan,
                unit_ids | _owner_choice(table, chosen),
                plan_start,
                plan_end,
            )
        written = _TaskWriter(connection, plan_id, plan_start, plan_end, unit_ids).write(table)
        for entity, ids in written.items():
            for record_id in ids:
                changes.create(entity, record_id)
    groups = sum(task.kind is TaskKind.GROUP for task in table.tasks)
    return ImportOutcome(plan_id, len(table.tasks) - groups, groups, units.made, changes)


def _period(table: PlanTable, new_plan: NewPlan) -> tuple[datetime.date, datetime.date]:
    """A new plan runs from its first task's start to its last task's end (a calendar year if undated)."""
    starts = [day for task in table.tasks for day in (task.start, task.end) if day]
    if not starts:
        year = new_plan.today.year
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return datetime.date(min(starts).year, 1, 1), datetime.date(max(starts).year, 12, 31)


def _create_plan(
    connection: sa.Connection,
    changes: Changes,
    units: _UnitMaker,
    table: PlanTable,
    new_plan: NewPlan | None,
    unit_ids: dict[str, int],
    start: datetime.date,
    end: datetime.date,
) -> int:
    asked = new_plan or NewPlan(plan_name_of(table))
    owner_text = asked.owner or table.agency
    if owner_text:
        owner = units.unit_for(owner_text, unit_ids.get(owner_text))
    else:
        leads = Counter(unit_ids[task.lead_unit] for task in table.tasks if task.lead_unit)
        owner = leads.most_common(1)[0][0] if leads else units.unit_for(_("My agency"), None)
    name = rules.required_text(asked.name, _("Plan name"))
    plan_id = _inserted_id(
        connection.execute(
            sa.insert(queries.table(ActionPlan)).values(unit_id=owner, name=name, start=start, end=end)
        )
    )
    changes.create(Entity.PLAN, plan_id)
    return plan_id


def plan_name_of(table: PlanTable) -> str:
    """The name a new plan takes from its table: the title as lists write it, else the sheet's name."""
    return as_listed(table.title) if table.title else table.sheet


def _owner_choice(table: PlanTable, chosen: Mapping[str, int | None]) -> dict[str, int]:
    """The file's unit the table's agency is, when it was matched or chosen (else a new unit is made)."""
    if not table.agency:
        return {}
    unit_id = chosen.get(table.agency, table.owner.unit_id if table.owner else None)
    return {table.agency: unit_id} if unit_id is not None else {}


def _inserted_id(result: sa.CursorResult[object]) -> int:
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


class _UnitMaker:
    """The file's unit for each text, making new units (with a code of their own) where asked."""

    def __init__(self, connection: sa.Connection, changes: Changes) -> None:
        self.connection = connection
        self.changes = changes
        unit = queries.table(Unit)
        rows = connection.execute(sa.select(unit.c.id, unit.c.code)).all()
        self.codes = {code for _id, code in rows}
        self.ids = {unit_id for unit_id, _code in rows}
        # Only the units this import makes: a text the user (or the matcher) sent to a new unit
        # must never land on an existing unit of the same name.
        self.new_by_name: dict[str, int] = {}
        self.made = 0
        # The unit new units go under (the plan's agency), once it is known.
        self.parent: int | None = None

    def unit_for(self, text: str, chosen: int | None) -> int:
        """The chosen unit, or a new unit called `text` (one per name, however often it is named)."""
        if chosen is not None:
            if chosen not in self.ids:
                raise InvalidInputError(_("There is no unit with id {id}.").format(id=chosen))
            return chosen
        # "Sở TT&TT", "Sở TTTT" and "Sở Thông tin và Truyền thông" in one table are one new unit.
        made = self.new_by_name.get(expanded(text))
        if made is not None:
            return made
        # A heading's capitals ("UBND TỈNH BẮC NINH") are no way to list a unit.
        name = as_listed(rules.required_text(text, _("Unit name")))
        kind = _kind_of(name)
        # The central government's bodies and the provinces named in a table are nobody's units.
        top = kind in (UnitKind.MINISTRY, UnitKind.PROVINCE) or _central(name)
        parent = None if top else self.parent
        unit_id = _inserted_id(
            self.connection.execute(
                sa.insert(queries.table(Unit)).values(
                    code=self._code(name), name=name, kind=kind, parent_id=parent
                )
            )
        )
        self.new_by_name[expanded(name)] = unit_id
        self.ids.add(unit_id)
        self.changes.create(Entity.UNIT, unit_id)
        self.made += 1
        return unit_id

    def _code(self, name: str) -> str:
        """Initials, as agencies abbreviate ("Sở Nội vụ" -> "SNV"), made unique."""
        words = re.findall(r"\w+", fold(name))
        base = "".join(word[0] for word in words if not word.isdigit()).upper()[:10] or "DV"
        code, number = base, 1
        while code in self.codes:
            number += 1
            code = f"{base}-{number}"
        self.codes.add(code)
        return code


def _central(name: str) -> bool:
    key = fold(name)
    return key.startswith(("chinh phu", "van phong chinh phu", "thu tuong")) or "trung uong" in key


def _kind_of(name: str) -> UnitKind:
    key = fold(name) + " "
    return next((kind for start, kind in _UNIT_KINDS if key.startswith(start)), UnitKind.OTHER)


class _TaskWriter:
    """Inserts the tasks with ids given here, so that children can name their parents in one pass."""

    def __init__(
        self,
        connection: sa.Connection,
        plan_id: int,
        plan_start: datetime.date,
        plan_end: datetime.date,
        unit_ids: dict[str, int],
    ) -> None:
        self.connection = connection
        self.plan_id = plan_id
        self.plan_start, self.plan_end = plan_start, plan_end
        self.unit_ids = unit_ids
        self.starts: dict[str, datetime.date | None] = {}

    def _start_of(self, timeline: str) -> datetime.date | None:
        """Where a deadline's task starts in this plan (read once per timeline text)."""
        if timeline not in self.starts:
            self.starts[timeline] = (dates_for(timeline, self.plan_start, self.plan_end) or (None, None))[0]
        return self.starts[timeline]

    def write(self, table: PlanTable) -> dict[Entity, list[int]]:
        task = queries.table(Task)
        # The write transaction holds the file's write lock: no other writer can take these ids.
        next_id = (
            int(self.connection.execute(sa.select(sa.func.coalesce(sa.func.max(task.c.id), 0))).scalar_one())
            + 1
        )
        top_count = self.connection.execute(
            sa.select(sa.func.count()).where(task.c.plan_id == self.plan_id, task.c.parent_id.is_(None))
        ).scalar_one()
        ids: dict[int, int] = {}
        positions: Counter[int | None] = Counter({None: int(top_count)})
        tasks: list[tuple[object, ...]] = []
        cooperating: list[tuple[object, ...]] = []
        budget: list[tuple[object, ...]] = []
        task_ids: list[int] = []
        for number, item in enumerate(table.tasks):
            task_id = next_id + number
            ids[item.row] = task_id
            task_ids.append(task_id)
            parent_id = ids[item.parent_row] if item.parent_row is not None else None
            start, end = item.start, item.end
            if item.timeline_text and start is None and end is not None:
                start = self._start_of(item.timeline_text)
            if start is not None and end is not None and start > end:
                start = None  # a deadline before the plan begins: the task keeps its end only
            lead = self.unit_ids[item.lead_unit] if item.lead_unit else None
            tasks.append(
                (
                    task_id,
                    self.plan_id,
                    parent_id,
                    positions[parent_id],
                    item.code,
                    item.name,
                    item.kind,
                    lead,
                    item.product,
                    item.timeline_text,
                    start,
                    end,
                    item.progress or 0.0,
                    item.notes,
                    item.responsible_person,
                )
            )
            positions[parent_id] += 1
            if item.cooperating_units:
                helpers = {self.unit_ids[text] for text in item.cooperating_units} - {lead}
                cooperating.extend((task_id, unit_id, UnitRole.COOPERATING) for unit_id in sorted(helpers))
            year = (start or end or self.plan_start).year
            budget.extend(
                (task_id, amount.source, amount.year or year, amount.amount) for amount in item.budget
            )
        for target, columns, rows in (
            (task, _TASK_COLUMNS, tasks),
            (queries.table(TaskUnit), ("task_id", "unit_id", "role"), cooperating),
            (queries.table(BudgetLine), ("task_id", "source", "year", "planned"), budget),
        ):
            # Logged as one range for undo, not row by row: a third of the write's time otherwise.
            with inserted_in_bulk(self.connection, target) as log:
                log.add(bulk_insert(self.connection, target, columns, rows))
        advance_past_ids(self.connection, [task])
        return {Entity.TASK: task_ids}
