"""Dates typed outside the sheet's cells (dialogs, dashboard, measurements, date window) are saved."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QCalendarWidget, QFileDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlmodel import col, select

from dxplanner.core.models import IndicatorValue, ProgressReport, Task
from dxplanner.core.rollup import has_own_work
from dxplanner.store.plan_file import open_plan_file
from dxplanner.ui.forms.measure_entry import MeasureEntry
from dxplanner.ui.gui import create_plan
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.navigator import NodeKey, NodeKind
from dxplanner.ui.progress_dialog import ProgressDialog
from dxplanner.ui.report_action import ReportDialog
from dxplanner.ui.task_sheet import TaskSheet
from tests.conftest import snapshot
from tests.gui.conftest import TODAY, Answers
from tests.gui.keys import type_text

pytestmark = pytest.mark.gui

D = datetime.date
AT_85 = 350  # in the 2026 plan: in progress, 85%
DIGITAL_ECONOMY_SHARE = 1  # an indicator with values measured up to 30/06/2026
DASHBOARD_OF_STRATEGY = 1


def _retype(qtbot: QtBot, widget: QWidget, text: str, finish: Qt.Key | None = Qt.Key.Key_Return) -> None:
    """Select all, type text (or empty the field) and press finish, as a person does."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        type_text(widget, text)
    else:
        qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    if finish is not None:
        qtbot.keyClick(widget, finish)
    QApplication.processEvents()


def _window(qtbot: QtBot, settings: QSettings, answers: Answers, date_format: str) -> MainWindow:
    """The window with its real dialogs (the test still answers its questions), in a date format."""
    settings.setValue("date_format", date_format)
    window = MainWindow(
        settings, open_plan_file, create_plan, today=lambda: TODAY, confirm=answers.ask_confirm
    )
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def real_dialogs(
    qtbot: QtBot, settings: QSettings, answers: Answers, messages: list[str]
) -> Iterator[MainWindow]:
    window = _window(qtbot, settings, answers, "dd/MM/yyyy")
    yield window
    if window.store is not None:
        window.store.close()


@pytest.fixture
def dotted_dates(
    qtbot: QtBot, settings: QSettings, answers: Answers, messages: list[str]
) -> Iterator[MainWindow]:
    window = _window(qtbot, settings, answers, "dd.MM.yyyy")
    yield window
    if window.store is not None:
        window.store.close()


def _when_shown(kind: type[QWidget], act: Callable[[QWidget], None], seen: list[str]) -> None:
    """Run act on the modal dialog of this kind once it is shown; a dialog left open is noted and closed."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind) or not dialog.isVisible():
            QTimer.singleShot(20, look)
            return
        act(dialog)
        if dialog.isVisible():  # never leave a test waiting on a dialog nobody closes
            seen.append("left open")
            dialog.reject()  # type: ignore[attr-defined]

    QTimer.singleShot(0, look)


# Report progress…


def _reports(window: MainWindow) -> list[tuple[int, datetime.date, float]]:
    with window.store.read() as session:  # type: ignore[union-attr]
        rows = session.exec(
            select(ProgressReport).where(ProgressReport.task_id == AT_85).order_by(col(ProgressReport.id))
        ).all()
        return [(row.task_id, row.as_of, row.progress) for row in rows]


def _report_progress(qtbot: QtBot, window: MainWindow, demo_path: Path, typed: list[str]) -> list[str]:
    """Report progress on one task, typing each text into the report date and pressing Enter."""
    if window.store is None:
        assert window.open_file(demo_path)
    assert window.editor is not None
    sheet = window.editor.sheet
    sheet.select_task(AT_85)
    seen: list[str] = []

    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, ProgressDialog)
        seen.append(f"shown {dialog.as_of.text()}")
        for text in typed:
            _retype(qtbot, dialog.as_of, text)

    _when_shown(ProgressDialog, act, seen)
    sheet.actions_by_name["report"].trigger()
    return seen


def test_the_report_date_typed_is_the_date_reported(
    qtbot: QtBot, real_dialogs: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    assert real_dialogs.open_file(demo_path)
    before = _reports(real_dialogs)
    seen = _report_progress(qtbot, real_dialogs, demo_path, ["15/02/2026"])
    assert seen == ["shown 20/11/2026"]
    assert messages == []
    assert _reports(real_dialogs) == [*before, (AT_85, D(2026, 2, 15), 85.0)]


def test_a_report_date_that_is_no_date_is_refused_and_the_dialog_stays_open(
    qtbot: QtBot, real_dialogs: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    assert real_dialogs.open_file(demo_path)
    before = snapshot(real_dialogs.store)  # type: ignore[arg-type]
    seen = _report_progress(qtbot, real_dialogs, demo_path, ["31/02/2026"])
    assert seen == ["shown 20/11/2026", "left open"]
    assert messages == [
        "Report date: “31/02/2026” is not a date. Write it as dd/mm/yyyy, for example 20/11/2026."
    ]
    assert snapshot(real_dialogs.store) == before  # type: ignore[arg-type]

    messages.clear()
    seen = _report_progress(qtbot, real_dialogs, demo_path, [""])
    assert seen == ["shown 20/11/2026", "left open"]
    assert messages == ["Report date: no date was given. Write it as dd/mm/yyyy, for example 20/11/2026."]
    assert snapshot(real_dialogs.store) == before  # type: ignore[arg-type]

    # Corrected in the dialog still open, the date is taken.
    messages.clear()
    seen = _report_progress(qtbot, real_dialogs, demo_path, ["mai", "15/02/2026"])
    assert seen == ["shown 20/11/2026"]
    assert len(messages) == 1 and "“mai” is not a date" in messages[0]
    assert _reports(real_dialogs)[-1] == (AT_85, D(2026, 2, 15), 85.0)


# File > Progress report


def _ask_for_a_report(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, typed: list[str]
) -> tuple[list[str], list[str]]:
    """Open File > Progress report, type each text into its date and press Enter; what was seen, and
    the file name the save dialog proposed (the save dialog is then cancelled)."""
    proposed: list[str] = []

    def save_as(_parent: QWidget, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        proposed.append(Path(suggested).name)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    seen: list[str] = []

    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, ReportDialog)
        seen.append(f"shown {dialog.as_of.text()}")
        for text in typed:
            _retype(qtbot, dialog.as_of, text)

    _when_shown(ReportDialog, act, seen)
    (action,) = [action for action in window.findChildren(QAction) if action.text() == "Progress &report…"]
    action.trigger()
    return seen, proposed


def test_the_report_day_is_typed_in_the_window_s_date_format(
    qtbot: QtBot,
    dotted_dates: MainWindow,
    demo_path: Path,
    messages: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert dotted_dates.open_file(demo_path)
    seen, proposed = _ask_for_a_report(qtbot, dotted_dates, monkeypatch, ["15.02.2026"])
    assert seen == ["shown 20.11.2026"]
    assert messages == []
    assert proposed == ["bao-cao-2026-02-15.xlsx"]


def test_a_report_day_that_is_no_date_is_refused_and_the_dialog_stays_open(
    qtbot: QtBot,
    dotted_dates: MainWindow,
    demo_path: Path,
    messages: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert dotted_dates.open_file(demo_path)
    seen, proposed = _ask_for_a_report(qtbot, dotted_dates, monkeypatch, ["15.02"])
    assert seen == ["shown 20.11.2026", "left open"] and proposed == []
    assert messages == [
        "Figures as of: “15.02” is not a date. Write it as dd.mm.yyyy, for example 20.11.2026."
    ]

    messages.clear()
    seen, proposed = _ask_for_a_report(qtbot, dotted_dates, monkeypatch, [""])
    assert seen == ["shown 20.11.2026", "left open"] and proposed == []
    assert messages == ["Figures as of: no date was given. Write it as dd.mm.yyyy, for example 20.11.2026."]


# The dashboard


def test_the_dashboard_looks_from_the_day_typed(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    assert window.open_file(demo_path)
    window.select(NodeKey(NodeKind.DASHBOARD, DASHBOARD_OF_STRATEGY))
    assert window.editor is not None
    dashboard = window.editor.dashboard
    assert dashboard.data is not None and dashboard.data.filter.as_of == TODAY
    _retype(qtbot, dashboard.as_of, "15/02/2026")
    assert messages == []
    assert dashboard.data.filter.as_of == D(2026, 2, 15)

    for typed, message in (
        ("30/02/2026", "As of: “30/02/2026” is not a date. Write it as dd/mm/yyyy, for example 20/11/2026."),
        ("", "As of: no date was given. Write it as dd/mm/yyyy, for example 20/11/2026."),
    ):
        messages.clear()
        _retype(qtbot, dashboard.as_of, typed)
        assert messages == [message]
        # Nothing changed: the charts are still of the day before, and the field says which.
        assert dashboard.data.filter.as_of == D(2026, 2, 15)
        assert dashboard.as_of.text() == "15/02/2026"


def test_a_day_picked_in_the_dashboard_s_calendar_is_the_day_looked_from(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    assert window.open_file(demo_path)
    window.select(NodeKey(NodeKind.DASHBOARD, DASHBOARD_OF_STRATEGY))
    assert window.editor is not None
    dashboard = window.editor.dashboard
    dashboard.as_of.setFocus()
    qtbot.keyClick(dashboard.as_of, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QCalendarWidget))
    # The keys go where the keyboard sends them: the calendar's table of days, open on the day in force.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dashboard.as_of.text() == "21/11/2026")
    assert dashboard.data is not None and dashboard.data.filter.as_of == D(2026, 11, 21)
    assert messages == []


# An indicator's measured values


def _measured(window: MainWindow) -> dict[datetime.date, float]:
    with window.store.read() as session:  # type: ignore[union-attr]
        rows = session.exec(
            select(IndicatorValue).where(IndicatorValue.indicator_id == DIGITAL_ECONOMY_SHARE)
        ).all()
    return {row.as_of: row.value for row in rows}


def _measure_entry(window: MainWindow, demo_path: Path) -> MeasureEntry:
    assert window.open_file(demo_path)
    key = NodeKey(NodeKind.INDICATOR, DIGITAL_ECONOMY_SHARE)
    window.select(key)
    assert window.editor is not None
    form = window.editor.form(key.kind)
    assert form is not None
    entry = form.findChild(MeasureEntry)
    assert entry is not None
    return entry


def test_a_measured_value_is_recorded_on_the_day_typed(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    entry = _measure_entry(window, demo_path)
    assert entry.as_of.text() == "20/11/2026"
    _retype(qtbot, entry.as_of, "15/02/2026", finish=Qt.Key.Key_Tab)
    _retype(qtbot, entry.value, "19,8")
    assert messages == []
    assert _measured(window)[D(2026, 2, 15)] == 19.8


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("15/02/26", "Date: “15/02/26” is not a date. Write it as dd/mm/yyyy, for example 20/11/2026."),
        ("", "Date: no date was given. Write it as dd/mm/yyyy, for example 20/11/2026."),
    ],
)
def test_a_measurement_on_no_date_is_refused_and_kept_to_correct(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str], typed: str, message: str
) -> None:
    entry = _measure_entry(window, demo_path)
    before = snapshot(window.store)  # type: ignore[arg-type]
    _retype(qtbot, entry.as_of, typed, finish=Qt.Key.Key_Tab)
    _retype(qtbot, entry.value, "19,8")
    assert messages == [message]
    assert snapshot(window.store) == before  # type: ignore[arg-type]
    assert (entry.as_of.text(), entry.value.text()) == (typed, "19,8")


# The date window above the sheet


def _shown_tasks(sheet: TaskSheet) -> set[int]:
    """The tasks the sheet shows now: not plain groups, but groups with work of their own."""
    model = sheet.model
    return {
        task_id
        for task_id in model.reading_order()
        if model.index_of(task_id).isValid()
        and (not model.has_children(task_id) or has_own_work(model.node(task_id)))  # type: ignore[arg-type]
    }


def _overlapping(window: MainWindow, shown: set[int], start: D | None, end: D | None) -> set[int]:
    with window.store.read() as session:  # type: ignore[union-attr]
        tasks = session.exec(select(Task).where(col(Task.id).in_(shown))).all()
    return {
        task.id
        for task in tasks
        if task.id is not None
        and (start is None or (task.planned_end is not None and task.planned_end >= start))
        and (end is None or (task.planned_start is not None and task.planned_start <= end))
    }


def test_the_sheet_s_date_window_is_the_days_typed_and_blank_is_no_bound(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    assert window.open_file(demo_path)
    assert window.editor is not None
    sheet = window.editor.sheet
    everything = _shown_tasks(sheet)
    _retype(qtbot, sheet.window_from, "15/02/2026")
    _retype(qtbot, sheet.window_to, "20/03/2026")
    window_of_march = _overlapping(window, everything, D(2026, 2, 15), D(2026, 3, 20))
    assert window_of_march and window_of_march != everything
    assert _shown_tasks(sheet) == window_of_march
    assert messages == []

    # Blank is no bound on that side.
    _retype(qtbot, sheet.window_from, "")
    assert _shown_tasks(sheet) == _overlapping(window, everything, None, D(2026, 3, 20))
    _retype(qtbot, sheet.window_to, "")
    assert _shown_tasks(sheet) == everything
    assert messages == []


def test_a_date_window_edge_that_is_no_date_is_refused_and_the_window_stays(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    assert window.open_file(demo_path)
    assert window.editor is not None
    sheet = window.editor.sheet
    everything = _shown_tasks(sheet)
    _retype(qtbot, sheet.window_from, "15/02/2026")
    shown = _shown_tasks(sheet)
    assert shown == _overlapping(window, everything, D(2026, 2, 15), None)
    _retype(qtbot, sheet.window_from, "15/13/2026")
    assert messages == [
        "From date: “15/13/2026” is not a date. Write it as dd/mm/yyyy, for example 20/11/2026."
    ]
    assert _shown_tasks(sheet) == shown and sheet.window_from.text() == "15/02/2026"


@pytest.mark.parametrize("finish", [Qt.Key.Key_Return, Qt.Key.Key_Tab])
def test_a_refused_edge_says_so_once_in_a_real_box_whether_enter_or_leaving_the_line(
    qtbot: QtBot, window: MainWindow, demo_path: Path, boxes: list[str], finish: Qt.Key
) -> None:
    assert window.open_file(demo_path)
    assert window.editor is not None
    sheet = window.editor.sheet
    everything = _shown_tasks(sheet)
    _retype(qtbot, sheet.window_to, "mai", finish=finish)
    qtbot.keyClick(sheet.window_to, Qt.Key.Key_Tab)  # and then away from it
    QApplication.processEvents()
    assert boxes == ["To date: “mai” is not a date. Write it as dd/mm/yyyy, for example 20/11/2026."]
    assert sheet.window_to.text() == "" and _shown_tasks(sheet) == everything
