"""The roles of a shared plan, enforced by the PostgreSQL server: group roles, grants, row security.

Each database has three NOLOGIN group roles of its own, named after it (`<db>_admin`,
`<db>_planner`, `<db>_reporter`), so that one cluster can hold several committees' plans and a
person's login can belong to several of them. People sign in with their own PostgreSQL logins;
a login gets a role by membership in one group (`server grant`), and a reporter's unit is a row of
`login_unit`. The server then refuses what a role may not do, whatever program the user runs:

- administrator: every record (units, strategies, goals, indicators and targets are theirs alone),
  and who reports for which unit; administrators give and take the other roles;
- planner: reads everything, writes the plan tables (action plans and everything in them);
- unit reporter: reads everything; adds progress reports and risks, and moves a task's progress,
  status and version, only on tasks their unit leads or cooperates on (row-level security).

The tables a reporter writes to have row-level security enabled and forced: a policy covers every
role, the tables' owner included (it is made an administrator), so that only a superuser passes
around them.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass
from hashlib import sha1
from typing import Any

import sqlalchemy as sa

from dxplanner.core.enums import PlanRole
from dxplanner.core.errors import InvalidInputError, NotPermittedError
from dxplanner.i18n import N_, _
from dxplanner.labels import label
from dxplanner.store.capture_postgres import HISTORY_TABLE
from dxplanner.store.journal import tables
from dxplanner.store.sequences import counted_id

# What only an administrator writes: the organisation and its strategies, the structure plans serve.
STRUCTURE_TABLES = frozenset(
    {
        "unit",
        "socio_economic_plan",
        "strategy",
        "goal",
        "indicator",
        "indicator_target",
        "login_unit",
        # Who sits on the steering committee is decided above the plans, as the units are.
        "committee_member",
    }
)
# What planners write too: the action plans and everything in them, and the measured indicator values.
PLAN_TABLES = frozenset(
    {
        "action_plan",
        "plan_day_off",
        "task",
        "task_unit",
        "task_goal",
        "dependency",
        "budget_line",
        "staff_line",
        "indicator_value",
        "progress_report",
        "risk",
        "risk_treatment",
        # The estate the plans change: the secretariat keeps it as the plans move it.
        "system",
        "data_link",
        "open_dataset",
        "public_service",
        "task_effect",
        # The progress forms a plan sent and the replies collected into it.
        "form_round",
        "form_round_unit",
        "form_receipt",
    }
)
# Tables of the server alone, not of the plan: every role reads them, none writes them (the history
# is written by its trigger function, as the tables' owner).
SERVER_TABLES = frozenset({HISTORY_TABLE})
# The records a reporter adds, each on a task of their unit.
REPORTED_TABLES = ("progress_report", "risk")
# The task's columns a progress report moves, which a reporter may therefore update.
REPORTED_TASK_COLUMNS = ("progress", "status", "version")
# The tables whose rows a role may write only some of: row-level security is on for them.
ROW_SECURED = ("task", *REPORTED_TABLES)
# Every policy dxplanner writes is named so, to be found and replaced by the next `server init`.
POLICY_PREFIX = "dx_"
# PostgreSQL keeps 63 bytes of a name.
_NAME_BYTES = 63

# The reporter's unit, and the tasks it leads or cooperates on, as the policies ask for them.
_MY_UNIT = "(SELECT lu.unit_id FROM login_unit lu WHERE lu.login = current_user)"
_OWN_TASKS = (
    f"(SELECT t.id FROM task t WHERE t.lead_unit_id = {_MY_UNIT} "
    f"UNION ALL SELECT tu.task_id FROM task_unit tu WHERE tu.unit_id = {_MY_UNIT})"
)
# On task itself the new row is checked: a reporter cannot move lead_unit_id, so this is the old row too.
_OWN_TASK_ROW = (
    f"(lead_unit_id = {_MY_UNIT} OR EXISTS (SELECT 1 FROM task_unit tu "
    f"WHERE tu.task_id = task.id AND tu.unit_id = {_MY_UNIT}))"
)


@dataclass(frozen=True)
class RoleNames:
    """The names of one database's three group roles."""

    admin: str
    planner: str
    reporter: str

    def of(self, role: PlanRole) -> str:
        """The group role of a plan role."""
        return {PlanRole.ADMIN: self.admin, PlanRole.PLANNER: self.planner, PlanRole.REPORTER: self.reporter}[
            role
        ]

    def all(self) -> tuple[str, str, str]:
        """Every group role, the administrators' first."""
        return self.admin, self.planner, self.reporter


def role_names(database: str) -> RoleNames:
    """The group roles of a database: `<database>_admin` and so on, shortened with a hash when too long."""
    longest = max(len(f"_{role.value}".encode()) for role in PlanRole)
    base = database
    if len(database.encode()) + longest > _NAME_BYTES:
        digest = sha1(database.encode(), usedforsecurity=False).hexdigest()[:10]
        room = _NAME_BYTES - longest - len(digest) - 1
        base = database.encode()[:room].decode(errors="ignore") + "_" + digest
    return RoleNames(*(f"{base}_{role.value}" for role in PlanRole))


@dataclass(frozen=True)
class Who:
    """Who is signed in to a shared plan, and what their role lets them do."""

    login: str
    role: PlanRole | None  # None: no role on this plan
    unit_id: int | None  # the unit a reporter reports for
    superuser: bool = False


@dataclass(frozen=True)
class Member:
    """A login with a role on the plan, and the unit it reports for."""

    login: str
    role: PlanRole
    unit_code: str | None
    unit_name: str | None


def who(connection: sa.Connection) -> Who:
    """The signed-in login, its role on this database's plan (the highest it has) and its unit."""
    names = role_names(_database(connection))
    row = connection.execute(
        sa.text(
            "SELECT current_user, r.rolsuper, "
            + ", ".join(
                f"coalesce(pg_has_role(current_user, (SELECT oid FROM pg_roles WHERE rolname = :{role}), "
                "'USAGE'), false)"
                for role in PlanRole
            )
            + " FROM pg_roles r WHERE r.rolname = current_user"
        ),
        {role.value: names.of(role) for role in PlanRole},
    ).one()
    login, superuser, *holds = row
    role = next((role for role, held in zip(PlanRole, holds, strict=True) if held), None)
    unit_id = None
    if role is PlanRole.REPORTER:
        unit_id = connection.execute(
            sa.text("SELECT unit_id FROM login_unit WHERE login = current_user")
        ).scalar_one_or_none()
    return Who(str(login), role, unit_id, bool(superuser))


def members(connection: sa.Connection) -> list[Member]:
    """The logins given a role on this plan, administrators first, and the units reporters report for."""
    names = role_names(_database(connection))
    rows = connection.execute(
        sa.text(
            "SELECT m.rolname, g.rolname, u.code, u.name FROM pg_auth_members a "
            "JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member "
            "LEFT JOIN login_unit l ON l.login = m.rolname LEFT JOIN unit u ON u.id = l.unit_id "
            "WHERE g.rolname IN (:admin, :planner, :reporter) AND m.rolcanlogin"
        ),
        {role.value: names.of(role) for role in PlanRole},
    ).all()
    role_of = {names.of(role): role for role in PlanRole}
    order = list(PlanRole)
    found = [Member(str(login), role_of[group], code, name) for login, group, code, name in rows]
    return sorted(found, key=lambda member: (order.index(member.role), member.login))


def missing_roles(connection: sa.Connection) -> tuple[str, ...]:
    """The database's group roles that do not exist yet."""
    names = role_names(_database(connection))
    return tuple(name for name in names.all() if _role(connection, name) is None)


def may_create_roles(connection: sa.Connection) -> bool:
    """Whether the signed-in login may create roles (a superuser, or one with CREATEROLE)."""
    return bool(
        connection.execute(
            sa.text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
        ).scalar()
    )


def prepare_roles(connection: sa.Connection) -> tuple[str, ...]:
    """Create the database's group roles if missing, and write their grants and policies afresh.

    Idempotent: run by every `server init`, inside its transaction. Returns the roles created.
    """
    names = role_names(_database(connection))
    quote = connection.dialect.identifier_preparer.quote_identifier
    created = []
    comments = {
        PlanRole.ADMIN: "administrators",
        PlanRole.PLANNER: "planners",
        PlanRole.REPORTER: "unit reporters",
    }
    for role in PlanRole:
        name = names.of(role)
        if _role(connection, name) is None:
            # Administrators hold their own rights only: they give the other roles, not use them.
            inherit = "NOINHERIT" if role is PlanRole.ADMIN else "INHERIT"
            connection.exec_driver_sql(f"CREATE ROLE {quote(name)} NOLOGIN {inherit}")
            comment = f"dxplanner: {comments[role]} of the plan in database {_database(connection)}"
            connection.exec_driver_sql(f"COMMENT ON ROLE {quote(name)} IS {_literal(comment)}")
            created.append(name)
    for role in (PlanRole.PLANNER, PlanRole.REPORTER):
        if not _is_direct_member(connection, names.admin, names.of(role), admin_option=True):
            connection.exec_driver_sql(
                f"GRANT {quote(names.of(role))} TO {quote(names.admin)} WITH ADMIN OPTION"
            )
    owner = _tables_owner(connection)
    # FORCE puts the owner under the policies too: it acts as an administrator, visibly.
    if (
        owner is not None
        and not _is_superuser(connection, owner)
        and not _is_direct_member(connection, owner, names.admin, admin_option=True)
    ):
        connection.exec_driver_sql(f"GRANT {quote(names.admin)} TO {quote(owner)} WITH ADMIN OPTION")
    _grant_tables(connection, names)
    _write_policies(connection, names)
    return tuple(created)


def _grant_tables(connection: sa.Connection, names: RoleNames) -> None:
    """Take every right on the schema's tables from the three roles, then give each what it may do."""
    quote = connection.dialect.identifier_preparer.quote_identifier
    schema_name = str(connection.execute(sa.text("SELECT current_schema()")).scalar_one())
    schema = quote(schema_name)
    groups = ", ".join(quote(name) for name in names.all())
    admin, planner, reporter = (quote(name) for name in names.all())
    # PUBLIC holds these unless the DBA took them away; then the three roles get them of their own.
    for function, on, target, privilege in (
        ("has_schema_privilege", "SCHEMA", schema_name, "USAGE"),
        ("has_database_privilege", "DATABASE", _database(connection), "CONNECT"),
    ):
        for name in names.all():
            held = connection.execute(
                sa.text(f"SELECT {function}(:role, :target, :privilege)"),
                {"role": name, "target": target, "privilege": privilege},
            ).scalar()
            if not held:
                connection.exec_driver_sql(f"GRANT {privilege} ON {on} {quote(target)} TO {quote(name)}")
    connection.exec_driver_sql(f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {groups}")
    connection.exec_driver_sql(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {groups}")
    present = set(
        connection.execute(
            sa.text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        ).scalars()
    )
    for table in sorted(present):
        connection.exec_driver_sql(f"GRANT SELECT ON {quote(table)} TO {groups}")
        if table == "alembic_version" or table in SERVER_TABLES:
            continue  # the schema's revision (only `server init` moves it), the server's history
        # Not TRUNCATE: it would pass around row security and the history the database keeps.
        connection.exec_driver_sql(f"GRANT INSERT, UPDATE, DELETE ON {quote(table)} TO {admin}")
        if table in PLAN_TABLES:
            connection.exec_driver_sql(f"GRANT INSERT, UPDATE, DELETE ON {quote(table)} TO {planner}")
    # UPDATE: a copy or restore moves a sequence past the ids it wrote (setval).
    connection.exec_driver_sql(f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {schema} TO {admin}")
    for table in sorted(PLAN_TABLES & present):
        sequence = _sequence_of(connection, table)
        if sequence is not None:
            connection.exec_driver_sql(f"GRANT USAGE, SELECT ON SEQUENCE {sequence} TO {planner}")
    for table in REPORTED_TABLES:
        # DELETE to take back (undo) what they added: the policy lets them delete only that.
        connection.exec_driver_sql(f"GRANT INSERT, DELETE ON {quote(table)} TO {reporter}")
        sequence = _sequence_of(connection, table)
        if sequence is not None:
            connection.exec_driver_sql(f"GRANT USAGE ON SEQUENCE {sequence} TO {reporter}")
    columns = ", ".join(quote(column) for column in REPORTED_TASK_COLUMNS)
    connection.exec_driver_sql(f"GRANT UPDATE ({columns}) ON task TO {reporter}")


def _write_policies(connection: sa.Connection, names: RoleNames) -> None:
    """Row security on the tables a reporter writes to: everyone reads, reporters write their unit's rows."""
    quote = connection.dialect.identifier_preparer.quote_identifier
    editors = f"{quote(names.admin)}, {quote(names.planner)}"
    reporter = quote(names.reporter)
    for table in ROW_SECURED:
        for (policy,) in connection.execute(
            sa.text(
                "SELECT policyname FROM pg_policies WHERE schemaname = current_schema() "
                "AND tablename = :table AND starts_with(policyname, :prefix)"
            ),
            {"table": table, "prefix": POLICY_PREFIX},
        ).all():
            connection.exec_driver_sql(f"DROP POLICY {quote(policy)} ON {quote(table)}")
        connection.exec_driver_sql(f"ALTER TABLE {quote(table)} ENABLE ROW LEVEL SECURITY")
        connection.exec_driver_sql(f"ALTER TABLE {quote(table)} FORCE ROW LEVEL SECURITY")
        connection.exec_driver_sql(
            f"CREATE POLICY {POLICY_PREFIX}edit ON {quote(table)} FOR ALL TO {editors} "
            "USING (true) WITH CHECK (true)"
        )
        connection.exec_driver_sql(
            f"CREATE POLICY {POLICY_PREFIX}read ON {quote(table)} FOR SELECT TO {reporter} USING (true)"
        )
    # USING (true): an update of another unit's task is refused aloud by the check, not skipped in silence.
    connection.exec_driver_sql(
        f"CREATE POLICY {POLICY_PREFIX}report ON task FOR UPDATE TO {reporter} "
        f"USING (true) WITH CHECK {_OWN_TASK_ROW}"
    )
    for table in REPORTED_TABLES:
        connection.exec_driver_sql(
            f"CREATE POLICY {POLICY_PREFIX}report ON {quote(table)} FOR INSERT TO {reporter} "
            f"WITH CHECK (task_id IN {_OWN_TASKS})"
        )


def let_reporters_take_back(connection: sa.Connection) -> None:
    """Let a reporter delete the reports and risks they added themselves: what their undo does.

    Whoever added a row is read in the server's history (its last insert's line, by the login signed in),
    so it is made after the history, by every `server init`; until then no reporter deletes a row.
    """
    quote = connection.dialect.identifier_preparer.quote_identifier
    reporter = quote(role_names(_database(connection)).reporter)
    for table in REPORTED_TABLES:
        # The row's last insert, not any: an id added and taken back once, ahead of the sequence,
        # must not let its login delete the report another is given that id later.
        added_by_me = (
            f"(SELECT h.who FROM {HISTORY_TABLE} h WHERE h.table_name = {_literal(table)} "
            f"AND h.key ->> 'id' = {quote(table)}.id::text AND h.op = 'i' "
            "ORDER BY h.id DESC LIMIT 1) = session_user"
        )
        connection.exec_driver_sql(
            f"CREATE POLICY {POLICY_PREFIX}take_back ON {quote(table)} FOR DELETE TO {reporter} "
            f"USING (task_id IN {_OWN_TASKS} AND {added_by_me})"
        )


def grant_role(connection: sa.Connection, login: str, role: PlanRole, unit_code: str | None) -> Member:
    """Give a login one role on the plan (in place of any other it had), and a reporter its unit."""
    names = role_names(_database(connection))
    quote = connection.dialect.identifier_preparer.quote_identifier
    found = _login(connection, login)
    if role is PlanRole.REPORTER and not unit_code:
        raise InvalidInputError(
            _("A unit reporter reports for one unit: name it with --unit CODE. Nothing was changed.")
        )
    if role is not PlanRole.REPORTER and unit_code:
        raise InvalidInputError(
            _(
                "Only a unit reporter reports for a unit: leave out --unit for the role {role}. "
                "Nothing was changed."
            ).format(role=label(role))
        )
    if role is not PlanRole.ADMIN and found == _tables_owner(connection):
        raise InvalidInputError(
            _("{login} owns the plan's tables, so it stays an administrator. Nothing was changed.").format(
                login=found
            )
        )
    unit: tuple[int, str, str] | None = None
    if unit_code:
        row = connection.execute(
            sa.text("SELECT id, code, name FROM unit WHERE code = :code"), {"code": unit_code}
        ).first()
        if row is None:
            raise InvalidInputError(
                _("No unit of this plan has the code {code}. Nothing was changed.").format(code=unit_code)
            )
        unit = (int(row[0]), str(row[1]), str(row[2]))
    for other in PlanRole:
        if other is not role and _is_direct_member(connection, found, names.of(other)):
            connection.exec_driver_sql(f"REVOKE {quote(names.of(other))} FROM {quote(found)}")
    # An administrator may give the roles in turn, administrators' included.
    admin_option = " WITH ADMIN OPTION" if role is PlanRole.ADMIN else ""
    if not _is_direct_member(connection, found, names.of(role), admin_option=role is PlanRole.ADMIN):
        connection.exec_driver_sql(f"GRANT {quote(names.of(role))} TO {quote(found)}{admin_option}")
    connection.execute(sa.text("DELETE FROM login_unit WHERE login = :login"), {"login": found})
    if unit is not None:
        connection.execute(
            sa.text("INSERT INTO login_unit (login, unit_id) VALUES (:login, :unit)"),
            {"login": found, "unit": unit[0]},
        )
    _check_took(connection, found, names)
    return Member(found, role, unit[1] if unit else None, unit[2] if unit else None)


def revoke_roles(connection: sa.Connection, login: str) -> tuple[PlanRole, ...]:
    """Take every role on the plan from a login, and its unit; the login itself stays the DBA's."""
    names = role_names(_database(connection))
    quote = connection.dialect.identifier_preparer.quote_identifier
    found = _login(connection, login)
    held = tuple(role for role in PlanRole if _is_direct_member(connection, found, names.of(role)))
    if not held:
        raise InvalidInputError(
            _("{login} has no role on this plan. Nothing was changed.").format(login=found)
        )
    if found == _tables_owner(connection):
        raise InvalidInputError(
            _("{login} owns the plan's tables, so it stays an administrator. Nothing was changed.").format(
                login=found
            )
        )
    for role in held:
        connection.exec_driver_sql(f"REVOKE {quote(names.of(role))} FROM {quote(found)}")
    connection.execute(sa.text("DELETE FROM login_unit WHERE login = :login"), {"login": found})
    if any(_is_direct_member(connection, found, names.of(role)) for role in held):
        # PostgreSQL 16 takes back only a grant made by the one revoking it (or a superuser).
        raise NotPermittedError(
            _(
                "The server kept {login}'s role: it was given by someone else, who (or a superuser) "
                "must take it back. Nothing was changed."
            ).format(login=found)
        )
    return held


def _check_took(connection: sa.Connection, login: str, names: RoleNames) -> None:
    """PostgreSQL 16 leaves a grant made by another in place: say so rather than report success."""
    kept = [role for role in PlanRole if _is_direct_member(connection, login, names.of(role))]
    if len(kept) > 1:
        raise NotPermittedError(
            _(
                "The server kept {login}'s other role: it was given by someone else, who (or a "
                "superuser) must take it back. Nothing was changed."
            ).format(login=login)
        )


def _login(connection: sa.Connection, login: str) -> str:
    """The name of an existing login (as typed, or as PostgreSQL folds an unquoted name), else why not."""
    for name in dict.fromkeys((login, login.lower())):
        row = connection.execute(
            sa.text("SELECT rolname, rolcanlogin, rolsuper FROM pg_roles WHERE rolname = :name"),
            {"name": name},
        ).first()
        if row is None:
            continue
        if not row[1]:
            raise InvalidInputError(
                _(
                    "{login} is a group role, not a login: give roles to the logins people sign in with. "
                    "Nothing was changed."
                ).format(login=name)
            )
        if row[2]:
            raise InvalidInputError(
                _(
                    "{login} is a superuser: the server lets it do everything, whatever its role. "
                    "Nothing was changed."
                ).format(login=name)
            )
        return str(row[0])
    raise InvalidInputError(
        _(
            "The server knows no login {login}. The database's administrator creates it first, with "
            "its own password: CREATE ROLE {login} LOGIN PASSWORD '…'; (in psql: \\password {login}). "
            "Nothing was changed."
        ).format(login=login)
    )


def _database(connection: sa.Connection) -> str:
    return str(connection.execute(sa.text("SELECT current_database()")).scalar_one())


def _role(connection: sa.Connection, name: str) -> int | None:
    found = connection.execute(sa.text("SELECT oid FROM pg_roles WHERE rolname = :name"), {"name": name})
    oid = found.scalar_one_or_none()
    return None if oid is None else int(oid)


def _is_superuser(connection: sa.Connection, name: str) -> bool:
    return bool(
        connection.execute(
            sa.text("SELECT rolsuper FROM pg_roles WHERE rolname = :name"), {"name": name}
        ).scalar()
    )


def _is_direct_member(
    connection: sa.Connection, member: str, group: str, *, admin_option: bool = False
) -> bool:
    """Whether member was granted group itself (with the admin option, when asked)."""
    return (
        connection.execute(
            sa.text(
                "SELECT 1 FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid "
                "JOIN pg_roles m ON m.oid = a.member WHERE g.rolname = :group AND m.rolname = :member "
                "AND (a.admin_option OR NOT :admin_option)"
            ),
            {"group": group, "member": member, "admin_option": admin_option},
        ).first()
        is not None
    )


def _tables_owner(connection: sa.Connection) -> str | None:
    """The role owning the plan's tables (the one that ran `server init` first)."""
    found = connection.execute(
        sa.text("SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'task'")
    ).scalar_one_or_none()
    return None if found is None else str(found)


def _sequence_of(connection: sa.Connection, table: str) -> str | None:
    """The sequence a table's id is counted from, as SQL names it (None for a table keyed otherwise)."""
    model = tables().tables.get(table)
    column = counted_id(model) if model is not None else None
    if column is None:
        return None
    quote = connection.dialect.identifier_preparer.quote_identifier
    found = connection.execute(
        sa.text("SELECT pg_get_serial_sequence(:table, :column)"),
        {"table": quote(table), "column": column.name},
    ).scalar()
    return None if found is None else str(found)


def _literal(text: str) -> str:
    """A string constant for a statement that takes no parameters (COMMENT)."""
    return "'" + text.replace("'", "''") + "'"


# What a refused change was about, in words: the tables in the plural, and a task's fields.
_RECORDS = {
    "unit": N_("units"),
    "socio_economic_plan": N_("socio-economic plans"),
    "strategy": N_("strategies"),
    "goal": N_("goals"),
    "indicator": N_("indicators"),
    "indicator_target": N_("indicator targets"),
    "indicator_value": N_("measured values of indicators"),
    "action_plan": N_("action plans"),
    "plan_day_off": N_("a plan's days off"),
    "task": N_("tasks"),
    "task_unit": N_("the cooperating units of tasks"),
    "task_goal": N_("the goals tasks serve"),
    "dependency": N_("links between tasks"),
    "budget_line": N_("budget lines"),
    "staff_line": N_("staff lines"),
    "progress_report": N_("progress reports"),
    "risk": N_("risks"),
    "login_unit": N_("who reports for which unit"),
    "system": N_("systems"),
    "data_link": N_("data links"),
    "open_dataset": N_("open datasets"),
    "public_service": N_("public services"),
    "committee_member": N_("committee members"),
    "task_effect": N_("what tasks do to the estate"),
    "risk_treatment": N_("the tasks that treat risks"),
    "form_round": N_("rounds of progress forms"),
    "form_round_unit": N_("the units a round of forms went to"),
    "form_receipt": N_("progress forms received"),
}
_TASK_FIELDS = {
    "name": N_("a task's name"),
    "code": N_("a task's number"),
    "kind": N_("a task's kind"),
    "lead_unit_id": N_("a task's lead unit"),
    "product": N_("a task's product"),
    "timeline_text": N_("a task's timeline"),
    "planned_start": N_("a task's dates"),
    "planned_end": N_("a task's dates"),
    "baseline_start": N_("a task's baseline"),
    "baseline_end": N_("a task's baseline"),
    "actual_start": N_("a task's actual dates"),
    "actual_end": N_("a task's actual dates"),
    "progress": N_("a task's progress"),
    "status": N_("a task's status"),
    "priority": N_("a task's priority"),
    "notes": N_("a task's notes"),
    "responsible_person": N_("a task's responsible person"),
    "plan_id": N_("a task's place in the plan"),
    "parent_id": N_("a task's place in the plan"),
    "position": N_("a task's place in the plan"),
}
_VERB = re.compile(r"\s*(INSERT\s+INTO|UPDATE|DELETE\s+FROM|SELECT)\s", re.IGNORECASE)
_TABLE = re.compile(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)
_SET_COLUMNS = re.compile(r'(?:^|,)\s*"?(\w+)"?\s*=')
_NAMED_TABLE = re.compile(r'(?:table|relation) "?(\w+)"?')


def task_field_words(column: str) -> str:
    """What a task's column is called when a change of it is refused ("a task's name")."""
    return _(_TASK_FIELDS.get(column, N_("tasks")))


class Change(enum.StrEnum):
    """What a refused change would have done to records."""

    ADD = "add"
    CHANGE = "change"
    DELETE = "delete"


_CHANGE_OF_VERB = {"INSERT": Change.ADD, "UPDATE": Change.CHANGE, "DELETE": Change.DELETE}


def refusal(message: str, statement: str | None, person: Who | None) -> str:
    """Why the server refused a statement, in the user's words: what their role may not do."""
    text = " ".join(message.split())
    lowered = text.lower()
    login = person.login if person is not None else _("this login")
    if any(
        words in lowered
        for words in ("admin option", "permission denied to create role", "permission denied to grant role")
    ):
        return _(
            "Only an administrator of this plan, or the database's administrator, may give and take "
            "roles; {login} is neither. Nothing was changed."
        ).format(login=login)
    if "must be owner of" in lowered:
        return _(
            "Only the owner of the plan's tables, or a superuser, may prepare them; {login} is neither. "
            "Nothing was changed."
        ).format(login=login)
    if person is None:
        return _("The server refused this; nothing was changed. It said: {reason}").format(reason=text)
    if person.role is None:
        return no_role(login)
    if "row-level security" in lowered:
        if person.role is PlanRole.REPORTER and person.unit_id is None:
            return no_unit(login)
        return only_own_unit(person.role)
    verb_found = _VERB.match(statement or "")
    verb = verb_found.group(1).split()[0].upper() if verb_found else ""
    table_found = _TABLE.match(statement or "") or _NAMED_TABLE.search(text)
    table = table_found.group(1) if table_found else ""
    if verb == "UPDATE" and table == "task":
        return may_not(
            person.role, Change.CHANGE, task_field_words(_refused_column(statement or "", person.role))
        )
    if table in _RECORDS and verb in _CHANGE_OF_VERB:
        return may_not(person.role, _CHANGE_OF_VERB[verb], records_words(table))
    return _(
        "Your role on this plan ({role}) does not allow this; nothing was changed. The server said: {reason}"
    ).format(role=label(person.role), reason=text)


def may_not(role: PlanRole, change: Change, what: str) -> str:
    """What the role may not do, said the same way whether the window or the server refused it."""
    said = {
        Change.ADD: _("Your role on this plan ({role}) may not add {what}; nothing was changed."),
        Change.CHANGE: _("Your role on this plan ({role}) may not change {what}; nothing was changed."),
        Change.DELETE: _("Your role on this plan ({role}) may not delete {what}; nothing was changed."),
    }[change]
    return said.format(role=label(role), what=what)


def only_own_unit(role: PlanRole) -> str:
    """Why a reporter may not report on a task: their unit neither leads nor cooperates on it."""
    return _(
        "Your role on this plan ({role}) lets you report only on the tasks your unit leads or "
        "cooperates on; nothing was changed."
    ).format(role=label(role))


def no_role(login: str) -> str:
    """Why a login with no role on the plan may change nothing."""
    return _(
        "Your login {login} has no role on this plan. Its administrator gives one with "
        "“dxplanner server grant”. Nothing was changed."
    ).format(login=login)


def no_unit(login: str) -> str:
    """Why a reporter with no unit may report on nothing."""
    return _(
        "Your login {login} reports for no unit on this plan, so it may report on no task. "
        "Its administrator names the unit with “dxplanner server grant … --role reporter "
        "--unit CODE”. Nothing was changed."
    ).format(login=login)


def records_words(table: str) -> str:
    """A table's records in words, in the plural ("progress reports")."""
    return _(_RECORDS.get(table, N_("records")))


def _refused_column(statement: str, role: PlanRole) -> str:
    """The first column an UPDATE of a task sets that the role may not set (the server names none)."""
    set_clause = re.split(r"\sSET\s", statement, maxsplit=1, flags=re.IGNORECASE)[-1]
    set_clause = re.split(r"\sWHERE\s", set_clause, maxsplit=1, flags=re.IGNORECASE)[0]
    columns = _SET_COLUMNS.findall(set_clause)
    allowed: Iterable[str] = REPORTED_TASK_COLUMNS if role is PlanRole.REPORTER else ("version",)
    return next((column for column in columns if column not in allowed), columns[0] if columns else "")


def refused_by_role(error: Any) -> bool:
    """Whether a driver's error is the server refusing a privilege (SQLSTATE 42501), row security included."""
    return getattr(error, "sqlstate", None) == "42501"
