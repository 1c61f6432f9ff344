"""The estate's operations in one place: systems, links, datasets, services, the committee, effects."""

from __future__ import annotations

from dxplanner.store.operations.estate_catalogue import (
    add_committee_member,
    add_open_dataset,
    add_public_service,
    delete_committee_member,
    delete_open_dataset,
    delete_public_service,
    update_committee_member,
    update_open_dataset,
    update_public_service,
)
from dxplanner.store.operations.estate_effects import (
    add_risk_treatment,
    add_task_effect,
    delete_task_effect,
    remove_risk_treatment,
    update_task_effect,
)
from dxplanner.store.operations.estate_systems import (
    add_data_link,
    add_system,
    delete_data_link,
    delete_system,
    update_data_link,
    update_system,
)

__all__ = [
    "add_committee_member",
    "add_data_link",
    "add_open_dataset",
    "add_public_service",
    "add_risk_treatment",
    "add_system",
    "add_task_effect",
    "delete_committee_member",
    "delete_data_link",
    "delete_open_dataset",
    "delete_public_service",
    "delete_system",
    "delete_task_effect",
    "remove_risk_treatment",
    "update_committee_member",
    "update_data_link",
    "update_open_dataset",
    "update_public_service",
    "update_system",
    "update_task_effect",
]
