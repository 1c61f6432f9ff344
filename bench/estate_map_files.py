"""The demo's estate map written to each kind of file: SVG, PDF and PNG drawn without Qt, beside the
ArchiMate exchange file (.xml) and, as the figure of the window, the Qt scene's own PNG export.

Prints, for each format, the median of several runs of services.estate_exchange.save_map (the
layout, the figure and the file) and the file's size; then the parts of one drawing: the layout,
building the figure, and matplotlib's writing of it.
Run: python -m bench.estate_map_files [--runs N] [--without-window]
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from dxplanner.core.estate_map import EstateMap
from dxplanner.services.estate_exchange import save_map

DAY = datetime.date(2026, 11, 20)


def _median(runs: int, step: Callable[[], object]) -> float:
    times = []
    for _run in range(runs):
        started = time.perf_counter()
        step()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _demo_map(folder: Path) -> EstateMap:
    from dxplanner.services.estate_view import estate_map
    from dxplanner.services.files import open_plan
    from dxplanner.store.demo import load_demo
    from dxplanner.store.plan_file import create_plan_file

    plan = open_plan(create_plan_file(folder / "demo.dxplan", fill=load_demo))
    try:
        return estate_map(plan, DAY)
    finally:
        plan.close()


def _window_png(estate: EstateMap, path: Path) -> Callable[[], object]:
    """The window's export of the same map (Qt, offscreen), to compare with."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from dxplanner.core.estate_layout import layout_map
    from dxplanner.core.estate_words import layer_title
    from dxplanner.ui.estate_map.export import export_picture
    from dxplanner.ui.estate_map.scene import MapScene

    application = QApplication.instance() or QApplication([])

    def step() -> None:
        export_picture(MapScene(layout_map(estate, title=layer_title)), path, "map")

    step.application = application  # type: ignore[attr-defined]  # kept alive while timed
    return step


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--without-window", action="store_true", help="skip the Qt window's PNG export")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        estate = _demo_map(folder)
        print(f"The demo's map on {DAY}: {len(estate.elements)} elements, {len(estate.relations)} relations")
        save_map(estate, folder / "warm.svg")  # matplotlib's first import and font cache, not timed
        for suffix in ("xml", "svg", "pdf", "png"):
            path = folder / f"map.{suffix}"
            median = _median(options.runs, lambda path=path: save_map(estate, path))  # type: ignore[misc]
            size = path.stat().st_size / 1e6
            print(f"save_map .{suffix}: {median:.3f} s (median of {options.runs}); {size:.2f} MB")
        _parts(estate, folder, options.runs)
        if not options.without_window:
            path = folder / "window.png"
            median = _median(options.runs, _window_png(estate, path))
            print(f"the window's PNG export (Qt): {median:.3f} s (median of {options.runs}); "
                  f"{path.stat().st_size / 1e6:.2f} MB")  # fmt: skip


def _parts(estate: EstateMap, folder: Path, runs: int) -> None:
    """Where the time of a picture goes: the layout, the figure, matplotlib's writing."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from dxplanner.charts.estate_map import map_figure
    from dxplanner.charts.estate_map_file import png_dpi
    from dxplanner.core.estate_layout import layout_map
    from dxplanner.core.estate_words import layer_title

    layout = layout_map(estate, title=layer_title)
    print(f"  layout_map: {_median(runs, lambda: layout_map(estate, title=layer_title)):.3f} s")
    print(f"  map_figure: {_median(runs, lambda: map_figure(layout, 'map')):.3f} s")
    for kind in ("svg", "pdf", "png"):
        path = folder / f"figure.{kind}"
        figure = map_figure(layout, "map", text_as_outlines=kind == "png")
        FigureCanvasAgg(figure)

        def write(kind: str = kind, path: Path = path, figure: Figure = figure) -> None:
            with matplotlib.rc_context({"svg.fonttype": "none", "pdf.fonttype": 42}):
                figure.savefig(path, format=kind, dpi=png_dpi(layout) if kind == "png" else 72)

        print(f"  savefig {kind}: {_median(runs, write):.3f} s")


if __name__ == "__main__":
    main()
