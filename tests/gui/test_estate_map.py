"""The estate map page, driven as a user would: zoom, filter, click, double-click and export."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, QPointF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QImage
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from dxplanner.core.enums import EstateStatus
from dxplanner.ui.estate_map.page import EstateMapPage
from dxplanner.ui.estate_map.scene import BoxItem, two_lines
from tests.gui.estate_map_fakes import FakeSource

pytestmark = pytest.mark.gui
TODAY = datetime.date(2026, 11, 20)


@pytest.fixture
def source() -> FakeSource:
    return FakeSource(320)


@pytest.fixture
def page(qtbot: QtBot, source: FakeSource) -> EstateMapPage:
    shown = EstateMapPage(source, lambda: TODAY)
    qtbot.addWidget(shown)
    shown.resize(1200, 700)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def box_point(page: EstateMapPage, item: BoxItem) -> QPoint:
    """Where a box is on the screen (brought into view first)."""
    page.view.ensureVisible(item, 20, 20)
    return page.view.mapFromScene(item.mapToScene(QPointF(item.box.w / 2, item.box.h - 4)))


def test_the_map_opens_as_it_is_today_with_every_element(page: EstateMapPage, source: FakeSource) -> None:
    assert source.asked[-1].as_of == TODAY
    assert page.scene is not None and len(page.scene.boxes) == 320
    assert "320" in page.summary.text()


def test_zoom_keys_and_ctrl_wheel_zoom_and_fit(page: EstateMapPage, qtbot: QtBot) -> None:
    view = page.view
    view.setFocus()
    start = view.scale_now()
    QTest.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.scale_now() == pytest.approx(start * 1.25)
    QTest.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.scale_now() == pytest.approx(start / 1.25)
    QTest.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(20)
    assert page.scene is not None
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(page.scene.sceneRect().adjusted(1, 1, -1, -1))
    fitted = view.scale_now()
    assert fitted < start
    from PySide6.QtCore import QPoint as Point
    from PySide6.QtGui import QWheelEvent

    middle = QPointF(view.viewport().rect().center())
    wheel = QWheelEvent(middle, view.viewport().mapToGlobal(middle), Point(0, 0), Point(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)  # fmt: skip
    view.wheelEvent(wheel)
    assert view.scale_now() == pytest.approx(fitted * 1.25)


def test_choosing_a_unit_or_a_status_draws_the_map_again_with_only_those(
    page: EstateMapPage, source: FakeSource
) -> None:
    page.unit.setCurrentIndex(page.unit.findData(5))
    assert source.asked[-1].unit_id == 5
    assert page.scene is not None and page.scene.boxes
    assert {item.element.unit_id for item in page.scene.boxes.values()} == {5}
    page.unit.setCurrentIndex(0)
    page.status.setCurrentIndex(page.status.findData(EstateStatus.BUILDING.value))
    assert source.asked[-1].statuses == frozenset({EstateStatus.BUILDING})
    assert {item.element.status for item in page.scene.boxes.values()} == {EstateStatus.BUILDING}
    page.status.setCurrentIndex(page.status.findData("not_retired"))
    assert EstateStatus.RETIRED not in {item.element.status for item in page.scene.boxes.values()}


def test_to_be_draws_the_map_at_the_plans_end_and_says_when_no_plan_is_chosen(
    page: EstateMapPage, source: FakeSource
) -> None:
    scene, asked = page.scene, len(source.asked)
    page.day.setCurrentIndex(page.day.findData("to_be"))
    assert "Choose a plan" in page.problem.text() and page.problem.isVisible()
    assert page.scene is scene and len(source.asked) == asked  # nothing drawn, nothing changed
    page.plan.setCurrentIndex(page.plan.findData(2))
    assert "no end date" in page.problem.text() and page.scene is scene
    page.plan.setCurrentIndex(page.plan.findData(1))
    assert not page.problem.isVisible()
    assert source.asked[-1].as_of == datetime.date(2026, 12, 31) and source.asked[-1].plan_id == 1
    assert page.scene is not scene


def test_a_chosen_date_draws_the_map_on_that_day(page: EstateMapPage, source: FakeSource) -> None:
    assert not page.date.isEnabled()
    page.day.setCurrentIndex(page.day.findData("on_day"))
    assert page.date.isEnabled()
    page.date.setDate(QDate(2027, 6, 30))
    assert source.asked[-1].as_of == datetime.date(2027, 6, 30)


def test_clicking_an_element_selects_it_and_lists_its_tasks(page: EstateMapPage, qtbot: QtBot) -> None:
    assert page.scene is not None
    item = next(item for item in page.scene.boxes.values() if len(item.element.task_ids) >= 2)
    QTest.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=box_point(page, item))
    assert page.selected() == item.element
    assert item.element.name in page.details.text()
    listed = [page.tasks.item(row).text() for row in range(page.tasks.count())]
    assert listed == [f"Nhiệm vụ số {task_id}" for task_id in item.element.task_ids]
    assert page.scene.lines.highlighted == item.element.key


def test_double_clicking_an_element_asks_to_open_its_record(page: EstateMapPage, qtbot: QtBot) -> None:
    assert page.scene is not None
    item = next(iter(page.scene.boxes.values()))
    with qtbot.waitSignal(page.open_record) as opened:
        QTest.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=box_point(page, item))
    assert opened.args == [item.element.table, item.element.record_id]


def test_the_selection_stays_when_the_map_is_drawn_again(page: EstateMapPage) -> None:
    assert page.scene is not None
    key = next(key for key, item in page.scene.boxes.items() if item.element.unit_id == 3)
    page.select(key)
    page.unit.setCurrentIndex(page.unit.findData(3))
    selected = page.selected()
    assert selected is not None and selected.key == key


def test_a_long_name_is_cut_at_the_end_and_whole_in_the_tooltip(page: EstateMapPage) -> None:
    name = "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh kết nối Cổng Dịch vụ công quốc gia"
    font = QFont()
    font.setPointSizeF(7.5)
    first, second = two_lines(name, QFontMetricsF(font), 110)
    assert second.endswith("…") and name.startswith(first)
    assert page.scene is not None
    item = next(item for item in page.scene.boxes.values() if item.lines[1].endswith("…"))
    assert item.element.name in item.toolTip()


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_the_picture_exports_to_a_file_its_reader_opens(
    page: EstateMapPage, tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"map{suffix}"
    assert page.export_to(path)
    data = path.read_bytes()
    assert len(data) > 1000
    if suffix == ".png":
        image = QImage(str(path))
        assert not image.isNull() and image.width() > 1000
    elif suffix == ".svg":
        root = ET.fromstring(data)
        assert root.tag.endswith("svg")
        texts = "".join(root.itertext())
        assert "Cổng Dịch vụ công quốc gia" in texts or "Cổng Dịch vụ công" in texts
    else:
        assert data.startswith(b"%PDF")


def test_a_picture_of_an_unknown_kind_is_refused_in_words(
    page: EstateMapPage, tmp_path: Path, messages: list[str]
) -> None:
    path = tmp_path / "map.jpg"
    assert not page.export_to(path)
    assert messages and "PNG, SVG or PDF" in messages[0]
    assert not path.exists()


def test_a_picture_that_cannot_be_written_is_refused_in_words(
    page: EstateMapPage, tmp_path: Path, messages: list[str]
) -> None:
    assert not page.export_to(tmp_path / "no such folder" / "map.png")
    assert len(messages) == 1


def test_the_band_titles_stay_in_sight_when_the_map_is_scrolled_sideways(page: EstateMapPage) -> None:
    bar = page.view.horizontalScrollBar()
    assert not page.view.titles.isVisible()
    bar.setValue(bar.maximum())
    assert page.view.titles.isVisible()
    assert page.view.titles.geometry().left() == page.view.viewport().geometry().left()
    bar.setValue(bar.minimum())
    assert not page.view.titles.isVisible()


def test_names_are_left_out_when_the_map_is_zoomed_far_out(page: EstateMapPage) -> None:
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtWidgets import QStyleOptionGraphicsItem

    assert page.scene is not None
    item = next(iter(page.scene.boxes.values()))

    def drawn(scale: float, lines: tuple[str, str]) -> QImage:
        image = QImage(200, 60, QImage.Format.Format_RGB32)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        painter.translate(10, 10)
        painter.scale(scale, scale)
        item.lines = lines
        item.paint(painter, QStyleOptionGraphicsItem())
        painter.end()
        return image

    named, blank = item.lines, ("", "")
    assert drawn(1.0, named) != drawn(1.0, blank)  # near: the name is written
    assert drawn(0.3, named) == drawn(0.3, blank)  # far: the same block, named or not
    item.lines = named


def test_a_scene_put_away_with_an_element_selected_goes_quietly(page: EstateMapPage, qtbot: QtBot) -> None:
    # A scene deleted with a box selected signals its selection from its destructor, into Python
    # code whose object is gone: when the window closed, a traceback. Nothing may listen to it.
    import shiboken6

    assert page.scene is not None
    item = next(iter(page.scene.boxes.values()))
    QTest.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=box_point(page, item))
    assert page.selected() == item.element
    shiboken6.delete(page.scene)
    qtbot.wait(10)
