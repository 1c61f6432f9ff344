"""Writing a table of indicators read from Excel into a strategy: goals, indicators, targets, all or none."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

import sqlalchemy as sa

from dxplanner.core import rules
from dxplanner.core.enums import Area, Pillar
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.indicator_table import IndicatorTable, TableGoal
from dxplanner.core.models import Goal, Indicator, IndicatorTarget, IndicatorValue, Strategy
from dxplanner.core.plan_table import MatchKind, Problem
from dxplanner.core.text import fold
from dxplanner.core.unit_matching import UnitMatcher
from dxplanner.i18n import _
from dxplanner.store import queries
from dxplanner.store.changes import Changes, Entity
from dxplanner.store.operations._records import fetch
from dxplanner.store.operations.import_table import _UnitMaker, problems_message
from dxplanner.store.plan_store import PlanStore

# Words of a group's heading that say which pillar and area its goal belongs to (folded).
_PILLARS = (
    (("kinh te so", "digital economy"), Pillar.DIGITAL_ECONOMY),
    (("xa hoi so", "digital society"), Pillar.DIGITAL_SOCIETY),
)
_AREAS = (
    (("dich vu cong", "thu tuc hanh chinh", "ho so truc tuyen"), Area.ONLINE_SERVICES),
    (("du lieu", "data"), Area.DATA),
    (("ha tang", "dien toan dam may", "infrastructure"), Area.INFRASTRUCTURE),
    (("nen tang", "platform"), Area.PLATFORMS),
    (("an toan thong tin", "an ninh mang", "security"), Area.SECURITY),
    (("nhan luc", "ky nang so", "dao tao"), Area.HUMAN_RESOURCES),
)


@dataclass(frozen=True)
class NewStrategy:
    """The strategy an import of indicators makes when it goes into no existing one."""

    name: str
    owner: str | None = None  # the agency the table names at its top, if any
    today: datetime.date = field(default_factory=datetime.date.today)


@dataclass(frozen=True)
class IndicatorImportOutcome:
    """What an import of indicators wrote."""

    strategy_id: int
    goals: int
    indicators: int
    targets: int
    new_units: int
    changes: Changes


def match_indicator_units(store: PlanStore, table: IndicatorTable) -> None:
    """Find the file's unit for each unit that follows an indicator, and for the agency at the top."""
    with store.read() as session:
        matcher = UnitMatcher(queries.unit_names(session), f"{table.agency or ''} {table.title or ''}")
    table.units = matcher.match_all(table.unit_texts())
    if table.agency:
        table.owner = table.units.get(table.agency) or matcher.match_all([table.agency])[table.agency]
    for text, match in table.units.items():
        if match.how is not MatchKind.FUZZY:
            continue
        row = next(item.row for item in table.indicators if item.lead_unit == text)
        table.warnings.append(
            Problem(
                row,
                None,
                _("“{text}” is taken to be the unit “{unit}”.").format(text=text, unit=match.unit_name),
            )
        )


def check_strategy_exists(store: PlanStore, strategy_id: int) -> None:
    """Refuse, as the import itself would, a strategy id the file does not hold."""
    with store.read() as session:
        fetch(session, Strategy, strategy_id, _("Strategy"))


def import_indicators(
    store: PlanStore,
    table: IndicatorTable,
    *,
    strategy_id: int | None = None,
    new_strategy: NewStrategy | None = None,
    unit_choices: Mapping[str, int | None] | None = None,
) -> IndicatorImportOutcome:
    """Write the table's groups as goals and its indicators with their targets into a strategy, all or none.

    An existing strategy keeps its goals and indicators; one that already has an indicator of a
    code the table uses refuses the import rather than hold the indicator twice.
    """
    if table.errors:
        raise InvalidInputError(problems_message(table.errors))
    if not table.indicators:
        raise InvalidInputError(_("The table has no indicators to import."))
    asked = new_strategy or NewStrategy(table.title or table.sheet)
    with store.write() as session:
        connection = session.connection()
        changes = Changes()
        units = _UnitMaker(connection, changes)
        chosen = {text: match.unit_id for text, match in table.units.items()}
        chosen.update(unit_choices or {})
        unit_ids = {text: units.unit_for(text, chosen.get(text)) for text in table.unit_texts()}
        if strategy_id is not None:
            fetch(session, Strategy, strategy_id, _("Strategy"))
            _refuse_codes_taken(connection, strategy_id, table)
        else:
            strategy_id = _create_strategy(connection, changes, units, table, asked, unit_ids, chosen)
        goal_ids = _write_goals(connection, changes, strategy_id, table)
        targets = _write_indicators(connection, changes, strategy_id, table, goal_ids, unit_ids)
    return IndicatorImportOutcome(
        strategy_id, len(goal_ids), len(table.indicators), targets, units.made, changes
    )


def _refuse_codes_taken(connection: sa.Connection, strategy_id: int, table: IndicatorTable) -> None:
    goal, indicator = queries.table(Goal), queries.table(Indicator)
    taken = set(
        connection.execute(
            sa.select(indicator.c.code)
            .select_from(indicator.join(goal, goal.c.id == indicator.c.goal_id))
            .where(goal.c.strategy_id == strategy_id)
        ).scalars()
    )
    clashes = [item.code for item in table.indicators if item.code in taken]
    if clashes:
        raise InvalidInputError(
            _(
                "The strategy already has indicators with the codes {codes}; nothing was imported. "
                "Import into a new strategy, or give the indicators other codes in the workbook."
            ).format(codes=", ".join(str(code) for code in clashes[:10]))
        )


def _create_strategy(
    connection: sa.Connection,
    changes: Changes,
    units: _UnitMaker,
    table: IndicatorTable,
    asked: NewStrategy,
    unit_ids: dict[str, int],
    chosen: Mapping[str, int | None],
) -> int:
    """A new strategy over the years of the targets, owned by the agency at the top (else the usual lead)."""
    years = [target.year for item in table.indicators for target in item.targets]
    years += [goal.year for goal in table.goals if goal.year is not None]
    first, last = (min(years), max(years)) if years else (asked.today.year, asked.today.year)
    owner_text = asked.owner or table.agency
    if owner_text:
        known = chosen.get(owner_text, table.owner.unit_id if table.owner else None)
        owner = units.unit_for(owner_text, unit_ids.get(owner_text, known))
    else:
        leads = Counter(unit_ids[item.lead_unit] for item in table.indicators if item.lead_unit)
        owner = leads.most_common(1)[0][0] if leads else units.unit_for(_("My agency"), None)
    result = connection.execute(
        sa.insert(queries.table(Strategy)).values(
            name=rules.required_text(asked.name, _("Strategy name")),
            unit_id=owner,
            start_year=rules.year(first, _("Start year")),
            end_year=rules.year(last, _("End year")),
        )
    )
    strategy_id = _inserted_id(result)
    changes.create(Entity.STRATEGY, strategy_id)
    return strategy_id


def _write_goals(
    connection: sa.Connection, changes: Changes, strategy_id: int, table: IndicatorTable
) -> dict[int | None, int]:
    """A goal per group row, nested as the groups are; indicators under no group go under one goal more."""
    goal = queries.table(Goal)
    existing = connection.execute(sa.select(goal.c.code).where(goal.c.strategy_id == strategy_id)).scalars()
    taken = set(existing)
    positions: Counter[int | None] = Counter()
    for parent_id, count in connection.execute(
        sa.select(goal.c.parent_id, sa.func.count())
        .where(goal.c.strategy_id == strategy_id)
        .group_by(goal.c.parent_id)
    ):
        positions[parent_id] = int(count)
    ids: dict[int | None, int] = {}
    groups: list[TableGoal] = list(table.goals)
    if any(item.group_row is None for item in table.indicators):
        # Indicators under no group row still need a goal of the strategy to belong to.
        groups.insert(0, TableGoal(row=0, code=None, name=table.title or table.sheet))
    for number, group in enumerate(groups, 1):
        parent_id = ids.get(group.parent_row) if group.parent_row is not None else None
        code = group.code or f"M{number}"
        while code in taken:
            code += "'"
        taken.add(code)
        pillar, area = _pillar_and_area(group, table)
        goal_id = _inserted_id(
            connection.execute(
                sa.insert(goal).values(
                    strategy_id=strategy_id,
                    parent_id=parent_id,
                    position=positions[parent_id],
                    code=code,
                    text=rules.required_text(group.name, _("Goal")),
                    pillar=pillar,
                    area=area,
                )
            )
        )
        positions[parent_id] += 1
        ids[group.row if group.row else None] = goal_id
        changes.create(Entity.GOAL, goal_id)
    return ids


def _pillar_and_area(group: TableGoal, table: IndicatorTable) -> tuple[Pillar, Area]:
    """The pillar and area a group's words (or those of the groups over it) name; else government, other."""
    by_row = {goal.row: goal for goal in table.goals}
    words = ""
    current: TableGoal | None = group
    while current is not None:
        words += " " + fold(current.name)
        current = by_row.get(current.parent_row) if current.parent_row is not None else None
    pillar = next((found for keys, found in _PILLARS if any(key in words for key in keys)), None)
    area = next((found for keys, found in _AREAS if any(key in words for key in keys)), Area.OTHER)
    return pillar or Pillar.DIGITAL_GOVERNMENT, area


def _write_indicators(
    connection: sa.Connection,
    changes: Changes,
    strategy_id: int,
    table: IndicatorTable,
    goal_ids: dict[int | None, int],
    unit_ids: dict[str, int],
) -> int:
    """Each indicator under its group's goal, with its targets and the results the table reports."""
    indicator, target, value = (
        queries.table(Indicator),
        queries.table(IndicatorTarget),
        queries.table(IndicatorValue),
    )
    targets: list[dict[str, object]] = []
    results: list[dict[str, object]] = []
    source = table.title or table.sheet
    for item in table.indicators:
        indicator_id = _inserted_id(
            connection.execute(
                sa.insert(indicator).values(
                    goal_id=goal_ids[item.group_row],
                    code=rules.required_text(item.code, _("Indicator code")),
                    name=rules.required_text(item.name, _("Indicator name")),
                    measure_unit=item.measure_unit,
                    direction=item.direction,
                    lead_unit_id=unit_ids[item.lead_unit] if item.lead_unit else None,
                    source=source,
                )
            )
        )
        changes.create(Entity.INDICATOR, indicator_id)
        for said in item.targets:
            targets.append(
                {
                    "indicator_id": indicator_id,
                    "year": rules.year(said.year, _("Year")),
                    "scope": said.scope or "",
                    "value": said.value,
                    "comparison": said.comparison,
                    "upper": said.upper,
                    # A target that is no number is its words; a number keeps only the words after it.
                    "text": said.text if said.value is None else said.note,
                }
            )
        for reached in item.results:
            results.append(
                {
                    "indicator_id": indicator_id,
                    "as_of": datetime.date(rules.year(reached.year, _("Year")), 12, 31),
                    "value": reached.value,
                    "source": source,
                }
            )
    if targets:
        connection.execute(sa.insert(target), targets)
    if results:
        connection.execute(sa.insert(value), results)
    return len(targets)


def _inserted_id(result: sa.CursorResult[object]) -> int:
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])
