"""The forms of strategies, socio-economic plans, goals, indicators and units."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from dxplanner.core.enums import (
    Area,
    Comparison,
    Direction,
    Pillar,
    RiskCategory,
    RiskStatus,
    StrategyStatus,
    UnitKind,
)
from dxplanner.core.matching import UnitIndex
from dxplanner.i18n import _
from dxplanner.services import edits, new_records, records
from dxplanner.services.edits import Changes
from dxplanner.services.open_plan import OpenPlan
from dxplanner.services.records import RiskOwner
from dxplanner.ui.estate_forms.risk_treatments import TREATMENT_TABLES, RiskTreatments, treated
from dxplanner.ui.forms.fields import FieldKind, FieldSpec
from dxplanner.ui.forms.measure_entry import MeasureEntry
from dxplanner.ui.forms.record_form import RecordForm
from dxplanner.ui.forms.record_table import ColumnSpec, RecordTable, only_field
from dxplanner.ui.pickers import UnitPicker
from dxplanner.ui.session import PlanSession

K = FieldKind
Units = Callable[[], UnitIndex]


def risk_table(session: PlanSession, owner: RiskOwner, units: Units, date_format: str) -> RecordTable:
    """The risks of a strategy, a plan or a task (owner names the column that links them), each with the
    tasks that treat it."""
    table = RecordTable(
        session,
        _("Risks"),
        [
            ColumnSpec("text", _("Risk")),
            ColumnSpec("category", _("Category"), K.CHOICE, RiskCategory),
            ColumnSpec("likelihood", _("Likelihood (1-5)"), K.WHOLE),
            ColumnSpec("impact", _("Impact (1-5)"), K.WHOLE),
            ColumnSpec("mitigation", _("Mitigation")),
            ColumnSpec("owner_unit_id", _("Owner"), K.UNIT),
            ColumnSpec("status", _("Status"), K.CHOICE, RiskStatus),
            ColumnSpec("treated_by", _("Treated by"), editable=False),
        ],
        rows=lambda plan, owner_id: [
            (risk.id, treated(plan, risk)) for risk in records.risks_of(plan, owner, owner_id)
        ],
        update=lambda plan, key, fields, seen: edits.update_risk(plan, key, seen=seen, **fields),
        delete=lambda plan, key: edits.delete_risk(plan, key),
        add=lambda plan, owner_id: new_records.new_risk(plan, **{owner: owner_id}),
        tables=("risk", "unit", *TREATMENT_TABLES),
        units=units,
        date_format=date_format,
    )
    layout = table.layout()
    if layout is not None:
        layout.addWidget(RiskTreatments(table))
    return table


def strategy_form(
    session: PlanSession,
    units: Units,
    qt_date_format: str,
    date_format: str,
    today: Callable[[], datetime.date] = datetime.date.today,
) -> RecordForm:
    """Name, period, vision, decision and the socio-economic plan a strategy serves; its risks; its chart."""
    form = RecordForm(
        session,
        heading=lambda values: str(values.get("name", "")),
        fields=[
            FieldSpec("name", _("Name")),
            FieldSpec("unit_id", _("Unit"), K.UNIT),
            FieldSpec("start_year", _("Start year"), K.YEAR),
            FieldSpec("end_year", _("End year"), K.YEAR),
            FieldSpec("vision_year", _("Vision year"), K.YEAR),
            FieldSpec("vision", _("Vision"), K.LONG_TEXT),
            FieldSpec("decision_no", _("Decision number")),
            FieldSpec("decision_date", _("Decision date"), K.DATE),
            FieldSpec("status", _("Status"), K.CHOICE, StrategyStatus),
            FieldSpec(
                "sedp_id",
                _("Socio-economic plan"),
                K.RECORD,
                options=lambda: records.sedp_choices(session.store),
            ),
        ],
        read=records.strategy,
        write=lambda plan, record_id, fields, seen: edits.update_strategy(
            plan, record_id, seen=seen, **fields
        ),
        tables=("strategy",),
        units=units,
        qt_date_format=qt_date_format,
    )
    form.add_table(risk_table(session, "strategy_id", units, date_format))
    actions = QWidget()
    row = QHBoxLayout(actions)
    chart = QPushButton(_("Gantt chart of all its plans…"))
    chart.setObjectName("strategy_chart")
    row.addWidget(chart)
    row.addStretch(1)
    form.add_section(actions)

    def show_chart() -> None:
        from dxplanner.ui.gantt.chart_browser import open_strategy_chart

        if form.record_id is not None:
            open_strategy_chart(form, session.store, form.record_id, today, date_format)

    chart.clicked.connect(show_chart)
    return form


def sedp_form(session: PlanSession, units: Units, qt_date_format: str) -> RecordForm:
    """A socio-economic development plan's name, unit and years."""
    return RecordForm(
        session,
        heading=lambda values: str(values.get("name", "")),
        fields=[
            FieldSpec("name", _("Name")),
            FieldSpec("unit_id", _("Unit"), K.UNIT),
            FieldSpec("start_year", _("Start year"), K.YEAR),
            FieldSpec("end_year", _("End year"), K.YEAR),
        ],
        read=records.sedp,
        write=lambda plan, record_id, fields, seen: edits.update_sedp(plan, record_id, seen=seen, **fields),
        tables=("socio_economic_plan",),
        units=units,
        qt_date_format=qt_date_format,
    )


def goal_form(session: PlanSession, units: Units, qt_date_format: str) -> RecordForm:
    """A goal's code, text, pillar and area."""
    return RecordForm(
        session,
        heading=lambda values: f"{values.get('code', '')}. {values.get('text', '')}",
        fields=[
            FieldSpec("code", _("Goal code")),
            FieldSpec("text", _("Goal"), K.LONG_TEXT),
            FieldSpec("pillar", _("Pillar"), K.CHOICE, Pillar),
            FieldSpec("area", _("Area"), K.CHOICE, Area),
        ],
        read=records.goal,
        write=lambda plan, record_id, fields, seen: edits.update_goal(plan, record_id, seen=seen, **fields),
        tables=("goal",),
        units=units,
        qt_date_format=qt_date_format,
    )


def indicator_form(
    session: PlanSession,
    units: Units,
    qt_date_format: str,
    date_format: str,
    today: Callable[[], datetime.date] = datetime.date.today,
) -> RecordForm:
    """An indicator's definition, its targets by year and its measured values (new ones dated `today`)."""

    def sedp_indicators() -> Sequence[tuple[int, str]]:
        return records.sedp_indicator_choices(session.store)

    form = RecordForm(
        session,
        heading=lambda values: f"{values.get('code', '')} {values.get('name', '')}",
        fields=[
            FieldSpec("code", _("Indicator code")),
            FieldSpec("name", _("Indicator name"), K.LONG_TEXT),
            FieldSpec("measure_unit", _("Unit of measure")),
            FieldSpec("direction", _("Direction"), K.CHOICE, Direction),
            FieldSpec("baseline_value", _("Baseline value"), K.NUMBER),
            FieldSpec("baseline_year", _("Baseline year"), K.YEAR),
            FieldSpec("source", _("Source"), K.LONG_TEXT),
            FieldSpec("lead_unit_id", _("Lead unit"), K.UNIT),
            FieldSpec(
                "sedp_indicator_id", _("Socio-economic plan indicator"), K.RECORD, options=sedp_indicators
            ),
        ],
        read=records.indicator,
        write=lambda plan, record_id, fields, seen: edits.update_indicator(
            plan, record_id, seen=seen, **fields
        ),
        tables=("indicator",),
        units=units,
        qt_date_format=qt_date_format,
    )
    targets = RecordTable(
        session,
        _("Targets by year"),
        [
            ColumnSpec("year", _("Year"), K.YEAR),
            ColumnSpec("scope", _("Scope")),
            ColumnSpec("comparison", _("Comparison"), K.CHOICE, Comparison),
            ColumnSpec("value", _("Target"), K.NUMBER),
            # "40 – 50": the target is the low figure, this the high one.
            ColumnSpec("upper", _("Upper bound"), K.NUMBER),
            # A target such as "Đạt mức khá của khu vực" is words, not a number.
            ColumnSpec("text", _("Target in words")),
        ],
        rows=lambda plan, owner: [
            ((owner, target.year, target.scope), target) for target in records.targets_of(plan, owner)
        ],
        update=lambda plan, key, fields, _seen: edits.update_target(
            plan, key[0], key[1], key[2], *only_field(fields)
        ),
        delete=lambda plan, key: edits.delete_indicator_target(plan, *key),
        add=edits.add_next_target,
        tables=("indicator_target",),
        units=units,
        date_format=date_format,
    )
    values = RecordTable(
        session,
        _("Measured values"),
        [
            ColumnSpec("as_of", _("Date"), K.DATE),
            ColumnSpec("value", _("Value"), K.NUMBER),
            ColumnSpec("source", _("Source")),
        ],
        rows=lambda plan, owner: [((owner, value.as_of), value) for value in records.values_of(plan, owner)],
        update=lambda plan, key, fields, _seen: edits.update_indicator_value(
            plan, key[0], key[1], *only_field(fields)
        ),
        delete=lambda plan, key: edits.record_indicator_value(plan, key[0], key[1], None),
        tables=("indicator_value",),
        units=units,
        date_format=date_format,
    )
    form.add_table(targets)
    form.add_table(values)
    # A measurement is typed whole (date, value, source) rather than added as a blank row:
    # a placeholder value would count as measured in every report until corrected.
    form.add_section(MeasureEntry(session, lambda: form.record_id, qt_date_format, today))
    return form


def unit_form(
    session: PlanSession, units: Units, qt_date_format: str, select_unit: Callable[[int], None]
) -> RecordForm:
    """A unit's names, kind and place in the tree; add a sub-unit, delete it, or merge it into another."""
    form = RecordForm(
        session,
        heading=lambda values: str(values.get("name", "")),
        fields=[
            FieldSpec("code", _("Unit code")),
            FieldSpec("name", _("Unit name")),
            FieldSpec("short_name", _("Short name")),
            FieldSpec("kind", _("Unit kind"), K.CHOICE, UnitKind),
            FieldSpec("parent_id", _("Parent unit"), K.UNIT),
        ],
        read=records.unit,
        write=units_update,
        tables=("unit",),
        units=units,
        qt_date_format=qt_date_format,
    )
    actions = QWidget()
    row = QHBoxLayout(actions)
    add = QPushButton(_("Add a sub-unit"))
    remove = QPushButton(_("Delete this unit"))
    merge_target = UnitPicker(units())
    merge_target.setObjectName("merge_target")
    merge = QPushButton(_("Merge units"))
    row.addWidget(add)
    row.addWidget(remove)
    row.addStretch(1)
    row.addWidget(QLabel(_("Fold this unit into:")))
    row.addWidget(merge_target)
    row.addWidget(merge)
    form.add_section(actions)
    form.body.addStretch(1)

    def add_sub_unit() -> None:
        parent = form.record_id
        changes = session.run(_("Add unit"), lambda plan: new_records.new_unit(plan, parent))
        if changes is not None and changes.id is not None:
            select_unit(changes.id)

    def delete_unit() -> None:
        record_id = form.record_id
        if record_id is not None:
            session.run(_("Delete unit"), lambda plan: edits.delete_unit(plan, record_id))

    def merge_units() -> None:
        merged = form.record_id
        keep = merge_target.unit()
        if not (merged is not None and isinstance(keep, int)):
            return
        if session.run(_("Merge units"), lambda plan: edits.merge_units(plan, keep, merged)) is not None:
            select_unit(keep)

    add.clicked.connect(add_sub_unit)
    remove.clicked.connect(delete_unit)
    merge.clicked.connect(merge_units)
    session.changed.connect(
        lambda change: merge_target.use_units(units()) if change.touches("unit") else None
    )
    return form


def units_update(plan: OpenPlan, unit_id: int, fields: dict[str, Any], seen: int | None) -> Changes:
    """Change fields of a unit (a typed parent that names no unit is refused by the operation)."""
    return edits.update_unit(plan, unit_id, seen=seen, **fields)
