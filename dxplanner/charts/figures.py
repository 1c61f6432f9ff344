"""The dashboard's charts by name, as `dxplanner chart --kind` and the dashboard ask for them."""

from __future__ import annotations

from matplotlib.figure import Figure

from dxplanner.charts.budget import budget_figure
from dxplanner.charts.indicators import attainment_figure, kpi_figure
from dxplanner.charts.progress import progress_figure
from dxplanner.charts.units import units_figure
from dxplanner.core.dashboard import DashboardData

KINDS = ("progress", "kpi", "attainment", "units", "budget")


def dashboard_figure(kind: str, data: DashboardData) -> Figure:
    """The chart of that kind for the dashboard's data."""
    if kind == "progress":
        return progress_figure(data.progress, data.title)
    if kind == "kpi":
        return kpi_figure(data.indicators)
    if kind == "attainment":
        return attainment_figure(data.indicators)
    if kind == "units":
        return units_figure(data.units)
    if kind == "budget":
        return budget_figure(data.budget)
    raise ValueError(f"no chart of kind {kind!r}")
