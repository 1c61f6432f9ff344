"""Screenshots of the estate map in the window: the demo's estate, or a generated province map.

Run under Xvfb at the screen's size:
    xvfb-run -s "-screen 0 1366x768x24" python -m tools.estate_map_shots OUT vi [SIZE]
With SIZE, the page is given a generated map of about that many elements instead of the demo's.
"""

from __future__ import annotations

import datetime
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from dxplanner.i18n import set_language
from dxplanner.services.files import open_plan
from dxplanner.store.demo import load_demo
from dxplanner.store.plan_file import create_plan_file
from dxplanner.ui.gui import create_plan
from dxplanner.ui.main_window import MainWindow
from tests.gui.estate_map_fakes import FakeSource


def main() -> None:
    out, language = Path(sys.argv[1]), sys.argv[2]
    size = int(sys.argv[3]) if len(sys.argv) > 3 else None
    app = QApplication([])
    set_language(language)
    screen = QGuiApplication.primaryScreen().geometry()
    folder = Path(tempfile.mkdtemp())
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("language", language)
    window = MainWindow(settings, open_plan, create_plan, today=lambda: datetime.date(2026, 11, 20))
    window.setGeometry(0, 0, screen.width(), screen.height())
    window.show()
    assert window.open_file(create_plan_file(folder / "demo.dxplan", fill=load_demo))
    editor = window.editor
    assert editor is not None
    window.map_action.trigger()
    page = editor.estate_map
    if size is not None:
        page.source = FakeSource(size)
        page.fill_choices()
        page.refresh()
    window.splitter.setSizes([230, screen.width() - 230])

    def shot(name: str) -> None:
        for _ in range(30):
            app.processEvents()
            QTest.qWait(10)
        subprocess.run(["/usr/bin/import", "-window", "root", str(out / name)], check=True)

    width = screen.width()
    # Where the layers meet: the last services, the applications, data, platforms and infrastructure.
    assert page.scene is not None
    apps = page.scene.layout.bands[1]
    page.view.centerOn(page.view.mapToScene(page.view.viewport().rect().center()).x(), apps.y + apps.h / 2)
    page.view.horizontalScrollBar().setValue(page.view.horizontalScrollBar().minimum())
    # An application changed by tasks, among the first columns, selected: its tasks beside the map.
    changing = [
        item
        for item in page.scene.boxes.values()
        if item.element.task_ids and apps.y <= item.box.y < apps.y + apps.h
    ]
    page.select(min(changing, key=lambda item: (item.box.x, item.box.y)).element.key)
    page.view.centerOn(page.view.mapToScene(page.view.viewport().rect().center()).x(), apps.y + apps.h / 2)
    page.view.horizontalScrollBar().setValue(page.view.horizontalScrollBar().minimum())
    shot(f"estate-map-{language}-{width}.png")
    page.view.fit()
    shot(f"estate-map-fit-{language}-{width}.png")
    page.view.set_scale(0.3)
    shot(f"estate-map-far-{language}-{width}.png")
    window.close_file()
    window.close()


if __name__ == "__main__":
    main()
