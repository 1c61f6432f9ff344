"""The estate's pages: systems added, named and chosen by keys, refusals in words, deletes asked first."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from dxplanner.core.enums import DataLinkVia, Hosting, PlanRole, SystemKind
from dxplanner.services import estate
from dxplanner.services.permissions import Permissions
from dxplanner.services.undo import DataChange
from dxplanner.ui.estate_forms.page import EstatePage
from dxplanner.ui.estate_forms.table_model import EstateTableModel, Row
from dxplanner.ui.main_window import MainWindow
from dxplanner.ui.navigator import NodeKey, NodeKind
from tests.conftest import snapshot, without_estate
from tests.gui.conftest import Answers
from tests.gui.keys import type_text

pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def demo_path(demo_path: Path) -> Path:
    """The demo plan without its estate: these tests build theirs record by record."""
    return without_estate(demo_path)


def _page(window: MainWindow, key: NodeKey) -> EstatePage:
    window.select(key)
    assert window.editor is not None
    page = window.editor.estate_page(key.kind)
    assert window.editor.stack.currentWidget() is page
    return page


def _retype(qtbot: QtBot, line: QLineEdit, text: str) -> None:
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_A, CTRL)
    type_text(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def _choose_by_keys(qtbot: QtBot, combo: QComboBox, wanted: object) -> None:
    """Go down the closed list with the arrow key, as a user does, until the wanted value shows."""
    combo.setFocus()
    for _step in range(combo.count()):
        if combo.currentData() == wanted:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == wanted


def _cells(page: EstatePage, column: int) -> list[str]:
    return [page.model.index(row, column).data() for row in range(page.model.rowCount())]


def test_a_system_added_named_and_chosen_by_keys_comes_and_goes_with_undo(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    assert window.open_file(demo_path)
    before = snapshot(window.store, versions=False)  # type: ignore[arg-type]
    page = _page(window, NodeKey(NodeKind.ESTATE_SYSTEMS))
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    name = page.form.fields["name"].widget
    assert isinstance(name, QLineEdit) and QApplication.focusWidget() is name and name.selectedText()
    assert window.edit_menu.actions()[0].text() == "&Undo Add system"
    type_text(name, "Hệ thống thông tin giải quyết TTHC tỉnh")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    kind = page.form.fields["kind"].widget
    hosting = page.form.fields["hosting"].widget
    assert isinstance(kind, QComboBox) and isinstance(hosting, QComboBox)
    _choose_by_keys(qtbot, kind, SystemKind.PORTAL.value)
    _choose_by_keys(qtbot, hosting, Hosting.PROVINCIAL_DATA_CENTRE.value)

    [system] = [  # the demo has an estate of its own
        found
        for found in estate.systems(window.store)  # type: ignore[arg-type]
        if found.name == "Hệ thống thông tin giải quyết TTHC tỉnh"
    ]
    assert (system.name, system.kind, system.hosting) == (
        "Hệ thống thông tin giải quyết TTHC tỉnh",
        SystemKind.PORTAL,
        Hosting.PROVINCIAL_DATA_CENTRE,
    )
    assert _cells(page, 0) == ["Hệ thống thông tin giải quyết TTHC tỉnh"]
    assert _cells(page, 1) == ["Portal"]
    assert _cells(page, 4) == ["Provincial data centre"]
    portals = window.navigator_model.find(NodeKey(NodeKind.ESTATE_SYSTEMS, group=SystemKind.PORTAL.value))
    assert portals.data() == "Portal (1)"
    assert messages == []

    stack = window.session.undo_stack  # type: ignore[union-attr]
    # Added, named, made a portal, hosted in its own room on the way down the list, then in the data centre.
    assert stack.count() == 5
    page.view.setFocus()
    for _step in range(5):
        qtbot.keyClick(page.view, Qt.Key.Key_Z, CTRL)
    assert estate.systems(window.store) == []  # type: ignore[arg-type]
    assert _cells(page, 0) == []
    assert snapshot(window.store, versions=False) == before  # type: ignore[arg-type]


def test_a_security_level_out_of_range_is_refused_in_words_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    assert window.open_file(demo_path)
    estate.add_system(window.store, name="Cổng thông tin điện tử tỉnh", kind=SystemKind.PORTAL)  # type: ignore[arg-type]
    page = _page(window, NodeKey(NodeKind.ESTATE_SYSTEMS))
    before = snapshot(window.store)  # type: ignore[arg-type]
    level = page.form.fields["security_level"].widget
    assert isinstance(level, QLineEdit)
    _retype(qtbot, level, "7")
    assert messages == ["Security level must be between 1 and 5, not 7."]
    assert snapshot(window.store) == before  # type: ignore[arg-type]
    assert level.text() == ""  # the field shows what is stored again
    _retype(qtbot, level, "ba")
    assert messages[1:] == ["Security level (1-5): 'ba' is not a number."]
    _retype(qtbot, level, "3")
    assert estate.systems(window.store)[0].security_level == 3  # type: ignore[arg-type]
    approved = page.form.fields["security_plan_approved"].widget
    assert isinstance(approved, QCheckBox)
    approved.setFocus()
    qtbot.keyClick(approved, Qt.Key.Key_Space)
    assert estate.systems(window.store)[0].security_plan_approved is True  # type: ignore[arg-type]
    assert _cells(page, 5) == ["3"] and _cells(page, 6) == ["yes"]
    assert len(messages) == 2


def test_deleting_a_system_says_first_what_goes_with_it_and_undo_brings_it_back(
    qtbot: QtBot, window: MainWindow, demo_path: Path, answers: Answers, messages: list[str]
) -> None:
    assert window.open_file(demo_path)
    store = window.store
    assert store is not None
    igate = estate.add_system(store, name="Hệ thống một cửa điện tử", kind=SystemKind.APPLICATION).id
    lgsp = estate.add_system(store, name="LGSP tỉnh", kind=SystemKind.PLATFORM).id
    estate.add_data_link(store, from_system_id=igate, to_system_id=lgsp, via=DataLinkVia.DIRECT)
    estate.add_public_service(store, name="Đăng ký khai sinh", system_id=igate)
    page = _page(window, NodeKey(NodeKind.ESTATE_SYSTEMS))
    assert _cells(page, 0) == ["Hệ thống một cửa điện tử", "LGSP tỉnh"]
    before = snapshot(store, versions=False)

    answers.confirm = False
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Home)
    assert page.form.record_id == igate
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert answers.questions == [
        "Delete “Hệ thống một cửa điện tử”? Its 1 data links are deleted with it; "
        "1 public services stay, without it."
    ]
    assert snapshot(store, versions=False) == before

    answers.confirm = True
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert [each.name for each in estate.systems(store)] == ["LGSP tỉnh"]
    assert estate.data_links(store) == []
    assert _cells(page, 0) == ["LGSP tỉnh"]
    assert page.form.record_id is None or page.form.record_id == lgsp

    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Z, CTRL)
    assert snapshot(store, versions=False) == before
    assert _cells(page, 0) == ["Hệ thống một cửa điện tử", "LGSP tỉnh"]
    assert messages == []


def test_a_plain_record_is_deleted_after_a_plain_question(
    qtbot: QtBot, window: MainWindow, demo_path: Path, answers: Answers
) -> None:
    assert window.open_file(demo_path)
    estate.add_committee_member(window.store, person="Nguyễn Văn A", position="Chủ tịch UBND tỉnh")  # type: ignore[arg-type]
    page = _page(window, NodeKey(NodeKind.ESTATE_COMMITTEE))
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert answers.questions == ["Delete “Nguyễn Văn A”?"]
    assert estate.committee(window.store) == []  # type: ignore[arg-type]


def test_public_services_are_listed_by_field_and_a_service_added_there_takes_its_field(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    assert window.open_file(demo_path)
    store = window.store
    assert store is not None
    for name, field in (("Đăng ký khai sinh", "Hộ tịch"), ("Cấp giấy phép xây dựng", "Xây dựng")):
        estate.add_public_service(store, name=name, field=field)
    # Another user's services come through the session as theirs do on a server.
    window.session.apply_remote(DataChange(frozenset({"public_service"})))  # type: ignore[union-attr]
    civil = NodeKey(NodeKind.ESTATE_SERVICES, group="Hộ tịch")
    assert window.navigator_model.find(civil).data() == "Hộ tịch (1)"
    page = _page(window, civil)
    assert _cells(page, 1) == ["Đăng ký khai sinh"]
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert [(each.name, each.field) for each in estate.public_services(store)][-1] == (
        "New public service",
        "Hộ tịch",
    )
    assert _cells(page, 1) == ["Đăng ký khai sinh", "New public service"]
    assert window.navigator_model.find(civil).data() == "Hộ tịch (2)"

    everything = _page(window, NodeKey(NodeKind.ESTATE_SERVICES))
    assert everything is page and len(_cells(page, 1)) == 3
    estate.add_public_service(store, name="Đăng ký kết hôn", field="Hộ tịch")
    window.session.apply_remote(DataChange(frozenset({"public_service"})))  # type: ignore[union-attr]
    assert len(_cells(page, 1)) == 4


def test_the_estate_table_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = EstateTableModel(["Name", "Kind"])
    model.set_rows([Row(1, 1, ("LGSP tỉnh", "Platform")), Row(2, 3, ("Cổng DVC", "Portal"))])
    qtmodeltester.check(model, force_py=True)
    assert model.row_of(2) == 1 and model.record(5) is None


def test_renaming_a_system_someone_renamed_meanwhile_meets_the_conflict_dialog(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    assert window.open_file(demo_path)
    store = window.store
    assert store is not None
    system_id = estate.add_system(store, name="Trung tâm dữ liệu tỉnh", kind=SystemKind.INFRASTRUCTURE).id
    assert system_id is not None
    page = _page(window, NodeKey(NodeKind.ESTATE_SYSTEMS))
    assert page.form.record_id == system_id
    estate.update_system(store, system_id, name="Trung tâm tích hợp dữ liệu tỉnh")  # another user, unseen
    asked: list[list[str]] = []

    def keep_theirs(_parent, _conflict, shown):  # type: ignore[no-untyped-def]
        asked.append([difference.label for record in shown for difference in record.fields])
        return

    window.session._ask_what_to_keep = keep_theirs  # type: ignore[union-attr]
    name = page.form.fields["name"].widget
    assert isinstance(name, QLineEdit)
    _retype(qtbot, name, "Trung tâm dữ liệu dùng chung tỉnh")
    assert asked == [["System name"]]
    assert [each.name for each in estate.systems(store)] == ["Trung tâm tích hợp dữ liệu tỉnh"]
    assert name.text() == "Trung tâm tích hợp dữ liệu tỉnh"
    assert _cells(page, 0) == ["Trung tâm tích hợp dữ liệu tỉnh"]
    assert messages == []


def test_an_estate_record_opens_in_its_page_by_its_table_and_id(window: MainWindow, demo_path: Path) -> None:
    assert window.open_file(demo_path)
    store = window.store
    assert store is not None
    estate.add_system(store, name="VNeID", kind=SystemKind.APPLICATION, level="national")
    service = estate.add_public_service(store, name="Đăng ký thường trú", field="Cư trú").id
    window.session.apply_remote(DataChange(frozenset({"system", "public_service"})))  # type: ignore[union-attr]
    assert window.editor is not None
    assert window.editor.open_estate_record("public_service", service)  # type: ignore[arg-type]
    page = window.editor.estate_page(NodeKind.ESTATE_SERVICES)
    assert window.editor.stack.currentWidget() is page and page.form.record_id == service
    assert window.current_key() == NodeKey(NodeKind.ESTATE_SERVICES)
    assert not window.editor.open_estate_record("task", 1)


def test_a_service_moved_out_of_the_last_of_its_field_stays_chosen_among_all_services(
    qtbot: QtBot, window: MainWindow, demo_path: Path, messages: list[str]
) -> None:
    assert window.open_file(demo_path)
    store = window.store
    assert store is not None
    service = estate.add_public_service(store, name="Đăng ký khai sinh", field="Hộ tịch").id
    window.session.apply_remote(DataChange(frozenset({"public_service"})))  # type: ignore[union-attr]
    page = _page(window, NodeKey(NodeKind.ESTATE_SERVICES, group="Hộ tịch"))
    assert page.form.record_id == service
    field = page.form.fields["field"].widget
    assert isinstance(field, QLineEdit)
    _retype(qtbot, field, "Tư pháp - Hộ tịch")
    assert estate.public_services(store)[0].field == "Tư pháp - Hộ tịch"
    assert window.current_key() == NodeKey(NodeKind.ESTATE_SERVICES)
    assert window.editor is not None and window.editor.stack.currentWidget() is page
    assert page.form.record_id == service and _cells(page, 1) == ["Đăng ký khai sinh"]
    assert messages == []


def test_insert_and_delete_keys_in_the_table_add_and_delete_records(
    qtbot: QtBot, window: MainWindow, demo_path: Path, answers: Answers
) -> None:
    assert window.open_file(demo_path)
    page = _page(window, NodeKey(NodeKind.ESTATE_DATASETS))
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Insert)
    name = page.form.fields["name"].widget
    assert isinstance(name, QLineEdit) and QApplication.focusWidget() is name
    type_text(name, "Danh mục thủ tục hành chính")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert [each.name for each in estate.open_datasets(window.store)] == ["Danh mục thủ tục hành chính"]  # type: ignore[arg-type]
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert answers.questions == ["Delete “Danh mục thủ tục hành chính”?"]
    assert estate.open_datasets(window.store) == []  # type: ignore[arg-type]


def test_a_reporter_on_a_server_is_offered_no_add_or_delete(window: MainWindow, demo_path: Path) -> None:
    assert window.open_file(demo_path)
    estate.add_system(window.store, name="LGSP tỉnh", kind=SystemKind.PLATFORM)  # type: ignore[arg-type]
    page = _page(window, NodeKey(NodeKind.ESTATE_SYSTEMS))
    assert page.add_button.isEnabled() and page.delete_button.isEnabled()
    session = window.session
    assert session is not None
    session.permissions = Permissions(role=PlanRole.REPORTER, login="reporter")
    session.permissions_changed.emit()
    assert not page.add_button.isEnabled() and not page.delete_button.isEnabled()
    session.permissions = Permissions(role=PlanRole.PLANNER, login="planner")
    session.permissions_changed.emit()
    assert page.add_button.isEnabled() and page.delete_button.isEnabled()
    committee = _page(window, NodeKey(NodeKind.ESTATE_COMMITTEE))
    assert not committee.add_button.isEnabled()  # the committee is the administrator's, as units are
