"""The open plan the front ends hold: a handle they pass to the services, never a database session."""

from __future__ import annotations

from dxplanner.store.plan_store import PlanStore

# The front ends keep the handle, show its path, read-only state and notice, and pass it to the
# services; only the services open its transactions (`read()`, `write()`).
OpenPlan = PlanStore

__all__ = ["OpenPlan"]
