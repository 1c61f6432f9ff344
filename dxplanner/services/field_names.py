"""The fields users edit, by table, each named as the user knows it ("Task name", not `name`)."""

from __future__ import annotations

from dxplanner.i18n import N_, _

# What each field is called, by table (the words the forms and the sheet use).
_LABELS: dict[str, dict[str, str]] = {
    "task": {
        "code": N_("Number"),
        "name": N_("Task name"),
        "kind": N_("Kind"),
        "lead_unit_id": N_("Lead unit"),
        "cooperating_unit_ids": N_("Cooperating units"),
        "goal_ids": N_("Goals"),
        "product": N_("Product"),
        "timeline_text": N_("Timeline"),
        "planned_start": N_("Start"),
        "planned_end": N_("End"),
        "baseline_start": N_("Baseline start"),
        "baseline_end": N_("Baseline end"),
        "actual_start": N_("Actual start"),
        "actual_end": N_("Actual end"),
        "progress": N_("Progress"),
        "status": N_("Status"),
        "priority": N_("Priority"),
        "notes": N_("Notes"),
        "responsible_person": N_("Responsible person"),
        "parent_id": N_("Parent task"),
        "position": N_("Place in its group"),
    },
    "budget_line": {
        "source": N_("Funding source"),
        "year": N_("Year"),
        "planned": N_("Planned amount"),
        "allocated": N_("Allocated amount"),
        "disbursed": N_("Disbursed amount"),
    },
    "staff_line": {"unit_id": N_("Unit"), "person_months": N_("Person-months")},
    "progress_report": {
        "as_of": N_("Report date"),
        "progress": N_("Progress"),
        "status": N_("Status"),
        "remark": N_("Remark"),
        "author": N_("Author"),
        "difficulty": N_("Difficulties"),
        "proposal": N_("Proposals"),
    },
    "risk": {
        "text": N_("Risk"),
        "category": N_("Category"),
        "likelihood": N_("Likelihood"),
        "impact": N_("Impact"),
        "mitigation": N_("Mitigation"),
        "owner_unit_id": N_("Owner"),
        "status": N_("Status"),
    },
    "dependency": {"type": N_("Link type"), "lag_days": N_("Lag (days)")},
    "action_plan": {
        "name": N_("Plan name"),
        "strategy_id": N_("Strategy"),
        "unit_id": N_("Unit"),
        "start": N_("Start date"),
        "end": N_("End date"),
        "decision_no": N_("Decision number"),
        "status": N_("Status"),
        "progress_weight": N_("Progress weighting"),
    },
    "socio_economic_plan": {
        "name": N_("Name"),
        "unit_id": N_("Unit"),
        "start_year": N_("Start year"),
        "end_year": N_("End year"),
    },
    "strategy": {
        "name": N_("Name"),
        "unit_id": N_("Unit"),
        "start_year": N_("Start year"),
        "end_year": N_("End year"),
        "vision_year": N_("Vision year"),
        "vision": N_("Vision"),
        "decision_no": N_("Decision number"),
        "decision_date": N_("Decision date"),
        "status": N_("Status"),
        "sedp_id": N_("Socio-economic plan"),
    },
    "goal": {"code": N_("Goal code"), "text": N_("Goal"), "pillar": N_("Pillar"), "area": N_("Area")},
    "indicator": {
        "code": N_("Indicator code"),
        "name": N_("Indicator name"),
        "measure_unit": N_("Unit of measure"),
        "direction": N_("Direction"),
        "baseline_value": N_("Baseline value"),
        "baseline_year": N_("Baseline year"),
        "source": N_("Source"),
        "lead_unit_id": N_("Lead unit"),
        "sedp_indicator_id": N_("Socio-economic plan indicator"),
    },
    "unit": {
        "code": N_("Unit code"),
        "name": N_("Unit name"),
        "short_name": N_("Short name"),
        "kind": N_("Unit kind"),
        "parent_id": N_("Parent unit"),
    },
    # The estate: the words of the fields' own checks.
    "system": {
        "code": N_("System code"),
        "name": N_("System name"),
        "short_name": N_("Short name"),
        "kind": N_("System kind"),
        "owner_unit_id": N_("Owner unit"),
        "level": N_("Level"),
        "hosting": N_("Hosting"),
        "hosted_on_id": N_("Hosted on"),
        "security_level": N_("Security level"),
        "security_plan_approved": N_("Security plan approved"),
        "status": N_("Status"),
        "description": N_("Description"),
    },
    "data_link": {
        "from_system_id": N_("From system"),
        "to_system_id": N_("To system"),
        "via": N_("Through"),
        "data": N_("Data shared"),
        "status": N_("Status"),
    },
    "open_dataset": {
        "name": N_("Dataset name"),
        "publisher_unit_id": N_("Publisher"),
        "system_id": N_("Source system"),
        "published_at": N_("Published at"),
        "data_format": N_("Format"),
        "update_frequency": N_("Updated"),
        "status": N_("Status"),
    },
    "public_service": {
        "code": N_("Procedure code"),
        "name": N_("Procedure name"),
        "field": N_("Field"),
        "unit_id": N_("Handling unit"),
        "system_id": N_("Served through"),
        "level_old": N_("Old level"),
        "level": N_("Level of online service"),
        "on_national_portal": N_("On the national public-service portal"),
        "online_payment": N_("Online payment"),
        "online_share": N_("Share of dossiers filed online"),
    },
    "committee_member": {
        "person": N_("Person"),
        "position": N_("Position"),
        "unit_id": N_("Unit"),
        "role": N_("Role"),
        "position_in_list": N_("Place in the list"),
    },
    "task_effect": {
        "effect": N_("Effect"),
        "system_id": N_("System"),
        "data_link_id": N_("Data link"),
        "service_id": N_("Public service"),
        "service_level": N_("Level of online service"),
    },
}


def field_labels(table: str) -> dict[str, str]:
    """The fields of a table an edit may set, each with its name in the user's language."""
    return {name: _(title) for name, title in _LABELS.get(table, {}).items()}


def field_label(table: str, name: str) -> str:
    """A field as the user knows it (its column's name where it has no label)."""
    title = _LABELS.get(table, {}).get(name)
    return _(title) if title else name
