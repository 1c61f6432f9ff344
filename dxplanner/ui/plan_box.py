"""The action plan a report or a round of forms is about: every plan listed, the one running today chosen."""

from __future__ import annotations

import datetime

from PySide6.QtWidgets import QComboBox

from dxplanner.services.open_plan import OpenPlan
from dxplanner.services.reports import report_plans, running_choice


def plan_box(plan: OpenPlan, today: datetime.date) -> QComboBox:
    """A list of the file's action plans (their ids as data), with the last one running today chosen."""
    box = QComboBox()
    choices = report_plans(plan)
    for choice in choices:
        box.addItem(choice.name, choice.id)
    running = running_choice(choices, today)
    if running is not None:
        box.setCurrentIndex(choices.index(running))
    return box
