"""The map's picture to a file: PNG, SVG or PDF, the whole map at print quality."""

from __future__ import annotations

import math
import re
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF, QStandardPaths, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFileDialog, QGraphicsItem, QGraphicsScene, QWidget

from dxplanner.core.estate_style import PNG_MOST_PIXELS, PNG_SCALE
from dxplanner.i18n import _

SUFFIXES = (".png", ".svg", ".pdf")


class ExportError(Exception):
    """The picture could not be written; the message says why, in the user's words."""


def export_picture(scene: QGraphicsScene, path: Path, title: str = "") -> None:
    """Write the whole scene to path, its kind by the suffix; ExportError when it cannot be written."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ExportError(_("A map picture is saved as PNG, SVG or PDF, not {suffix}.").format(suffix=suffix))
    source = scene.sceneRect()
    # The items keep pictures of themselves for the screen: a file gets them drawn afresh, as
    # text and lines (an SVG or PDF of pictures could not be searched or zoomed).
    cached = [(item, item.cacheMode()) for item in scene.items()]
    for item, _mode in cached:
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    try:
        if suffix == ".png":
            _write_png(scene, source, path)
        elif suffix == ".svg":
            _write_svg(scene, source, path, title)
        else:
            _write_pdf(scene, source, path, title)
    finally:
        for item, mode in cached:
            item.setCacheMode(mode)
    if not path.is_file() or path.stat().st_size == 0:
        raise ExportError(_("The picture could not be written to {path}.").format(path=path))


def _write_png(scene: QGraphicsScene, source: QRectF, path: Path) -> None:
    scale = min(PNG_SCALE, math.sqrt(PNG_MOST_PIXELS / max(source.width() * source.height(), 1.0)))
    image = QImage(
        QSize(round(source.width() * scale), round(source.height() * scale)), QImage.Format.Format_RGB32
    )
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(image.rect()), source, Qt.AspectRatioMode.KeepAspectRatio)
    painter.end()
    if not image.save(str(path), "PNG"):  # type: ignore[call-overload]
        raise ExportError(_("The picture could not be written to {path}.").format(path=path))


def _write_svg(scene: QGraphicsScene, source: QRectF, path: Path, title: str) -> None:
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(source.size().toSize())
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle(title)
    painter = QPainter()
    if not painter.begin(generator):
        raise ExportError(_("The picture could not be written to {path}.").format(path=path))
    scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
    painter.end()


def _write_pdf(scene: QGraphicsScene, source: QRectF, path: Path, title: str) -> None:
    # One page the size of the map (in points): printed, it scales to any paper; on screen it zooms.
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("dxplanner")
    writer.setResolution(72)
    page = QPageSize(QSizeF(source.width(), source.height()), QPageSize.Unit.Point, "map")
    writer.setPageLayout(QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportError(_("The picture could not be written to {path}.").format(path=path))
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
    painter.end()


def choose_picture_file(parent: QWidget, name: str) -> Path | None:
    """Ask where to save the map's picture, in the user's documents folder; a name typed without
    a suffix takes the chosen type's."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path, chosen_filter = QFileDialog.getSaveFileName(
        parent,
        _("Export map"),
        str(Path(folder) / name),
        _("PNG picture (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"),
    )
    if not path:
        return None
    chosen = Path(path)
    if not chosen.suffix:
        suffix = re.search(r"\*(\.\w+)", chosen_filter)
        chosen = chosen.with_suffix(suffix.group(1) if suffix else ".png")
    return chosen
