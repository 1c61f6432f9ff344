"""The estate map's speed: the layout, the scene, the first paint and the frames of a scroll.

For generated province maps of 300 and 1,000 elements (1.5 times as many relations), prints
medians over runs: the layout beside a floor (building the same dataclasses with no ordering at
all), the layout with no ordering sweeps, building the scene's items, the first paint of the view
at the reading scale and with the whole map fitted, and the paint of each frame while scrolling
the map a tenth of a view at a time, at the reading scale (mean and worst), beside the budgets.
Run: QT_QPA_PLATFORM=offscreen python -m bench.estate_map [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from bench.estate_sample import sample_map
from dxplanner.core.estate_layout import BOX_HEIGHT, BOX_WIDTH, Band, Box, Line, MapLayout, layout_map
from dxplanner.core.estate_map import EstateMap, MapLayer

BUDGETS = {"layout_s": 0.5, "draw_s": 0.5, "scroll_frame_worst_s": 0.016}


def floor(estate: EstateMap) -> MapLayout:
    """The dataclasses of a layout, built with no thought: what any layout costs at least."""
    boxes = tuple(Box(e, i * 10.0, 0.0, BOX_WIDTH, BOX_HEIGHT, 0, i) for i, e in enumerate(estate.elements))
    at = {box.key: (box.x, box.y) for box in boxes}
    related = [r for r in estate.relations if r.source in at and r.target in at]
    lines = tuple(Line(r, (at[r.source], at[r.target])) for r in related)
    bands = tuple(Band(layer, str(layer), 0, 0, 1, 1) for layer in MapLayer)
    return MapLayout(1.0, 1.0, bands, boxes, lines)


def median(runs: int, job: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        job()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def measure(size: int, runs: int) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from dxplanner.ui.estate_map.page import READABLE_SCALE
    from dxplanner.ui.estate_map.scene import MapScene
    from dxplanner.ui.estate_map.view import MapView

    app = QApplication.instance() or QApplication([])
    estate = sample_map(size)
    figures = {
        "elements": float(len(estate.elements)),
        "relations": float(len(estate.relations)),
        "floor_s": median(runs, lambda: floor(estate)),
        "layout_no_sweeps_s": median(runs, lambda: layout_map(estate, sweeps=0)),
        "layout_s": median(runs, lambda: layout_map(estate)),
    }
    layout = layout_map(estate)
    figures["scene_s"] = median(runs, lambda: MapScene(layout))
    view = MapView()
    view.resize(1366, 700)
    view.show()
    app.processEvents()
    paints, fitted, draws = [], [], []
    for _ in range(runs):
        started = time.perf_counter()
        scene = MapScene(layout_map(estate))
        view.setScene(scene)
        view.resetTransform()
        view.set_scale(READABLE_SCALE)
        view.centerOn(0, 0)
        painting = time.perf_counter()
        view.viewport().repaint()
        ended = time.perf_counter()
        paints.append(ended - painting)
        draws.append(ended - started)
        view.fit()
        started = time.perf_counter()
        view.viewport().repaint()
        fitted.append(time.perf_counter() - started)
    figures["first_paint_s"] = statistics.median(paints)
    figures["draw_s"] = statistics.median(draws)
    figures["fitted_paint_s"] = statistics.median(fitted)
    view.resetTransform()
    view.set_scale(READABLE_SCALE)
    app.processEvents()
    frames, repaints = [], []
    for bar in (view.verticalScrollBar(), view.horizontalScrollBar()):
        step = max(1, bar.pageStep() // 10)
        for value in range(bar.minimum(), bar.maximum() + 1, step):
            # A frame as a user gets it: the view scrolls what it shows and paints the new strip.
            started = time.perf_counter()
            bar.setValue(value)
            app.processEvents()
            frames.append(time.perf_counter() - started)
            # The whole view painted again (after a zoom, or another window uncovering it).
            started = time.perf_counter()
            view.viewport().repaint()
            repaints.append(time.perf_counter() - started)
    figures["scroll_frame_mean_s"] = statistics.fmean(frames)
    figures["scroll_frame_worst_s"] = max(frames)
    figures["full_repaint_mean_s"] = statistics.fmean(repaints)
    figures["full_repaint_worst_s"] = max(repaints)
    figures["scroll_frames"] = float(len(frames))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    arguments = parser.parse_args()
    for size in (300, 1000):
        figures = measure(size, arguments.runs)
        print(f"{size} elements ({figures['relations']:.0f} relations), medians of {arguments.runs}:")
        for name, value in figures.items():
            if name.endswith("_s"):
                budget = BUDGETS.get(name)
                note = f"   budget {budget * 1000:.0f} ms" if budget else ""
                print(f"  {name:24} {value * 1000:8.1f} ms{note}")
        print(f"  scroll frames            {figures['scroll_frames']:8.0f}")


if __name__ == "__main__":
    main()
