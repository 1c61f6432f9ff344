"""What is wrong inside a plan file, in words: lost tables, broken records and references, bad pages."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import sqlite

from dxplanner.core.errors import PlanFileError
from dxplanner.i18n import N_, _
from dxplanner.store.journal import tables
from dxplanner.store.plan_store import PlanStore

# How many records of one table are looked at, and how many problems a message lists.
_ROWS_LOOKED_AT = 10_000
SHOWN = 50

# What a record of each table is called, one and many.
KINDS: dict[str, tuple[str, str]] = {
    "unit": (N_("unit"), N_("units")),
    "socio_economic_plan": (N_("socio-economic plan"), N_("socio-economic plans")),
    "strategy": (N_("strategy"), N_("strategies")),
    "goal": (N_("goal"), N_("goals")),
    "indicator": (N_("indicator"), N_("indicators")),
    "indicator_target": (N_("indicator target"), N_("indicator targets")),
    "indicator_value": (N_("indicator value"), N_("indicator values")),
    "action_plan": (N_("action plan"), N_("plans")),
    "plan_day_off": (N_("plan day off"), N_("plan days off")),
    "task": (N_("task"), N_("tasks")),
    "task_unit": (N_("cooperating unit"), N_("cooperating units")),
    "task_goal": (N_("task goal"), N_("task goals")),
    "dependency": (N_("dependency"), N_("dependencies")),
    "budget_line": (N_("budget line"), N_("budget lines")),
    "staff_line": (N_("staff line"), N_("staff lines")),
    "progress_report": (N_("progress report"), N_("progress reports")),
    "risk": (N_("risk"), N_("risks")),
    "system": (N_("system"), N_("systems")),
    "data_link": (N_("data link"), N_("data links")),
    "open_dataset": (N_("open dataset"), N_("open datasets")),
    "public_service": (N_("public service"), N_("public services")),
    "committee_member": (N_("committee member"), N_("committee members")),
    "task_effect": (N_("task effect"), N_("task effects")),
    "risk_treatment": (N_("risk treatment"), N_("risk treatments")),
    "form_round": (N_("round of progress forms"), N_("rounds of progress forms")),
    "form_round_unit": (N_("unit a round of forms went to"), N_("units rounds of forms went to")),
    "form_receipt": (N_("progress form received"), N_("progress forms received")),
    "login_unit": (N_("reporting unit of a login"), N_("reporting units of logins")),
}

# Each CHECK rule of the schema in words (a rule on the values of a list has one sentence for all).
RULES: dict[str, str] = {
    "not_own_parent": N_("it is its own parent"),
    "year_order": N_("the end year is before the start year"),
    "vision_after_end": N_("the vision year is before the end year"),
    "ck_action_plan_date_order": N_("the plan ends before it starts"),
    "planned_date_order": N_("the planned end is before the planned start"),
    "baseline_date_order": N_("the baseline end is before the baseline start"),
    "actual_date_order": N_("the actual end is before the actual start"),
    "progress_range": N_("the progress is not between 0 and 100"),
    "not_own_sedp_indicator": N_("it stands for itself as a socio-economic plan's indicator"),
    "ck_indicator_one_owner": N_("it belongs to no goal or socio-economic plan, or to both"),
    "ck_risk_one_owner": N_("it does not belong to exactly one strategy, plan or task"),
    "not_negative": N_("an amount is negative"),
    "not_self": N_("a task depends on itself"),
    "likelihood_range": N_("the likelihood is not between 1 and 5"),
    "impact_range": N_("the impact is not between 1 and 5"),
    "range_in_order": N_("the range's upper bound is below its target, or it has a comparison"),
    "says_something": N_("it has neither a figure nor words"),
    "security_level_range": N_("the security level is not between 1 and 5"),
    "not_own_host": N_("it runs on itself"),
    "two_systems": N_("a data link joins a system to itself"),
    "online_share_range": N_("the share of dossiers filed online is not between 0 and 100"),
    "level_old_range": N_("the old level is not between 1 and 4"),
    "one_target": N_("it acts on no element of the estate, or on more than one"),
    "level_with_raise": N_("a raise of level has no level, or another effect has one"),
}

_WORD = re.compile(r"[a-z_]+")
# How SQLAlchemy writes the rule of an enumeration: task.status IN ('not_started', …).
_LISTED = re.compile(r'^"?\w+"?\."?(\w+)"? IN \(')


def refuse_if_damaged(store: PlanStore) -> None:
    """PlanFileError naming the first problem when the file is damaged; nothing when it is sound."""
    with store.read() as session:
        problems = file_problems(session.connection(), thorough=False)
    if not problems:
        return
    if len(problems) == 1:
        message = _("{name} is damaged: {problem}. “dxplanner check {path}” says more.")
    elif len(problems) == 2:
        message = _(
            "{name} is damaged: {problem}; and one more problem. “dxplanner check {path}” lists both."
        )
    else:
        message = _(
            "{name} is damaged: {problem}; and {more} more problems. “dxplanner check {path}” lists them."
        )
    raise PlanFileError(
        message.format(name=store.path.name, path=store.path, problem=problems[0], more=len(problems) - 1)
    )


def file_problems(connection: sa.Connection, *, thorough: bool = True) -> list[str]:
    """Everything found wrong with the file, each in one sentence (empty when it is sound).

    thorough: SQLite's own check of every page and index besides (slow on a large file). The rules
    of each table are checked here rather than left to it: on a file opened read-only, SQLite
    skips them.
    """
    if connection.dialect.name != "sqlite":
        return []
    missing = list(_missing_parts(connection))
    if missing:
        return missing  # the other checks would only stumble on what is not there
    problems: list[str] = []
    if thorough:
        problems += [
            _("the file's inner structure is damaged: {detail}").format(detail=finding)
            for finding in _sqlite_findings(connection)
        ]
    problems += _broken_references(connection)
    for table in tables().sorted_tables:
        problems += _broken_rules(connection, table)
    return problems


def _sqlite_findings(connection: sa.Connection) -> Iterator[str]:
    """What SQLite's own check of every page and index finds, one finding at a time."""
    for (said,) in connection.exec_driver_sql("PRAGMA integrity_check"):
        for finding in str(said).splitlines():  # one row may hold many findings, one a line
            # The rules of the tables are checked with the records named (_broken_rules).
            if finding != "ok" and not finding.startswith(
                ("***", "CHECK constraint failed", "NULL value in")
            ):
                yield finding


def _kind(table: str, many: bool = False) -> str:
    one, plural = KINDS.get(table, (table, table))
    return _(plural if many else one)


def _missing_parts(connection: sa.Connection) -> Iterator[str]:
    for table in tables().sorted_tables:
        present = {row[1] for row in connection.exec_driver_sql(f'PRAGMA table_info("{table.name}")')}
        if not present:
            yield _("the table of {kind} is missing").format(kind=_kind(table.name, many=True))
            continue
        for column in table.columns:
            if column.name not in present:
                yield _("the table of {kind} has no column {column}").format(
                    kind=_kind(table.name, many=True), column=column.name
                )


def _record(connection: sa.Connection, table: sa.Table, rowid: int) -> tuple[str, dict[str, Any]]:
    """How a user would know the record ("task #5 “Name”"), and its values as stored."""
    # Raw SQL: the table's types would turn a bad date or an unknown status into an exception.
    cursor = connection.exec_driver_sql(f'SELECT * FROM "{table.name}" WHERE rowid = ?', (rowid,))
    found = cursor.first()
    values = dict(zip(cursor.keys(), found, strict=True)) if found is not None else {}
    return _describe(table, values, rowid), values


def _describe(table: sa.Table, values: dict[str, Any], rowid: int) -> str:
    keys = [column.name for column in table.primary_key.columns]
    if keys == ["id"]:
        said = f"{_kind(table.name)} #{values.get('id', rowid)}"
    else:
        said = f"{_kind(table.name)} (" + ", ".join(f"{key} = {values.get(key)}" for key in keys) + ")"
    name = values.get("name", values.get("text"))
    if isinstance(name, str) and name.strip():
        name = name.strip()
        said += f" “{name}”" if len(name) <= 40 else f" “{name[:40].rstrip()}…”"
    return said


def _broken_references(connection: sa.Connection) -> list[str]:
    """Records that point at one that is not there, one sentence per table, column and target."""
    found: dict[tuple[str, int], list[int]] = {}
    for table, rowid, _target, key in connection.exec_driver_sql("PRAGMA foreign_key_check"):
        found.setdefault((table, key), []).append(rowid)
    problems = []
    for (name, key), rowids in found.items():
        table = tables().tables.get(name)
        links = {
            row[0]: (row[2], row[3])
            for row in connection.exec_driver_sql(f'PRAGMA foreign_key_list("{name}")')
        }
        target, column = links.get(key, ("?", "?"))
        if table is None:
            continue
        record, values = _record(connection, table, rowids[0])
        fields = {
            "record": record,
            "target": _kind(target),
            "column": column,
            "value": values.get(column),
            "count": len(rowids),
            "kind": _kind(name, many=True),
        }
        if len(rowids) == 1:
            problems.append(
                _("{record} refers to a {target} that does not exist ({column} = {value})").format(**fields)
            )
        else:
            problems.append(
                _(
                    "{count} {kind} refer to a {target} that does not exist, "
                    "among them {record} ({column} = {value})"
                ).format(**fields)
            )
    return problems


def _broken_rules(connection: sa.Connection, table: sa.Table) -> list[str]:
    """Records of one table that break its CHECK rules, hold no value where one is needed, or hold
    a value their column cannot hold (text in a date or a number)."""
    tests = list(_tests(table))
    if not tests:
        return []
    flags = ", ".join(f"CASE WHEN {condition} THEN 1 ELSE 0 END" for condition, _say in tests)
    anywhere = " OR ".join(f"({condition})" for condition, _say in tests)
    query = f'SELECT rowid, {flags} FROM "{table.name}" WHERE {anywhere} LIMIT {_ROWS_LOOKED_AT}'
    problems = []
    for rowid, *broken in connection.exec_driver_sql(query):
        record, values = _record(connection, table, rowid)
        for (_condition, say), hit in zip(tests, broken, strict=True):
            if hit:
                problems.append(f"{record}: {say(values)}")
    return problems


def _tests(table: sa.Table) -> Iterator[tuple[str, Any]]:
    """(SQL that is true for a bad record, what to say about it) for every rule of the table."""
    for constraint in table.constraints:
        if isinstance(constraint, sa.CheckConstraint):
            yield _check_test(table, constraint)
    for column in table.columns:
        quoted = f'"{column.name}"'
        if not column.nullable and not column.primary_key:
            yield f"{quoted} IS NULL", _saying(N_("{column} is empty"), column.name)
        kind = column.type
        if isinstance(kind, sa.Date):
            yield (
                f"{quoted} IS NOT NULL AND (typeof({quoted}) <> 'text' OR date({quoted}) IS NOT {quoted})",
                _saying(N_("{column} is not a date: “{value}”"), column.name),
            )
        elif isinstance(kind, sa.Integer | sa.Float | sa.Numeric):
            wanted = "('integer', 'null')" if isinstance(kind, sa.Integer) else "('integer', 'real', 'null')"
            yield (
                f"typeof({quoted}) NOT IN {wanted}",
                _saying(N_("{column} is not a number: “{value}”"), column.name),
            )


def _saying(message: str, column: str) -> Any:
    return lambda values: _(message).format(column=column, value=values.get(column))


def _check_test(table: sa.Table, constraint: sa.CheckConstraint) -> tuple[str, Any]:
    rule = str(constraint.sqltext.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))
    name = str(constraint.name or "")
    listed = _LISTED.match(rule)
    if listed is not None:  # a rule on the values of a list (an enumeration)
        return f"NOT ({rule})", _saying(N_("{column} “{value}” is not one of the allowed values"), listed[1])
    short = name.removeprefix(f"ck_{table.name}_")
    words = RULES.get(name) or RULES.get(short)
    columns = [word for word in dict.fromkeys(_WORD.findall(rule)) if word in table.columns]

    def say(values: dict[str, Any]) -> str:
        text = _(words) if words else _("it breaks the rule {rule}").format(rule=rule)
        shown = ", ".join(f"{column} = {values.get(column)}" for column in columns)
        return f"{text} ({shown})" if shown and words and not _only_keys(table, columns) else text

    return f"NOT ({rule})", say


def _only_keys(table: sa.Table, columns: Sequence[str]) -> bool:
    """Whether the rule is about which record points where (its values say nothing to a user)."""
    return all(column.endswith("id") for column in columns)
