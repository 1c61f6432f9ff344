"""The estate map drawn to SVG, PDF and PNG without Qt: the demo's map in each, opened as its reader would."""

from __future__ import annotations

import dataclasses
import datetime
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from dxplanner.core.enums import EstateStatus
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.estate_map import EstateMap, MapLayer
from dxplanner.core.estate_style import BAND_FILL, LAYER_FILL
from dxplanner.i18n import set_language
from dxplanner.services.estate_exchange import save_map
from dxplanner.services.estate_view import estate_map
from dxplanner.services.files import open_plan
from tests.unit.estate_map_samples import province_map

DAY = datetime.date(2026, 11, 20)
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def demo_map(demo_template: Path) -> EstateMap:
    """The demo's estate as it stands on a day: 322 elements, a few of them late."""
    plan = open_plan(demo_template)
    try:
        return estate_map(plan, DAY)
    finally:
        plan.close()


@pytest.fixture(scope="module")
def pictures(demo_map: EstateMap, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The demo's map saved once in each format (drawing 322 elements takes a moment)."""
    folder = tmp_path_factory.mktemp("pictures")
    saved = {}
    for suffix in ("svg", "pdf", "png"):
        saved[suffix] = folder / f"bản đồ.{suffix}"
        save_map(demo_map, saved[suffix])
    return saved


def _svg_size(path: Path) -> tuple[float, float]:
    root = ET.parse(path).getroot()
    return float(root.attrib["width"].removesuffix("pt")), float(root.attrib["height"].removesuffix("pt"))


def _texts(root: ET.Element, tag: str) -> list[str]:
    return ["".join(node.itertext()) for node in root.iter(f"{SVG}{tag}")]


def test_the_demo_map_is_large_enough_to_test_readability(demo_map: EstateMap) -> None:
    assert len(demo_map.elements) > 300
    assert any(element.late for element in demo_map.elements)


def test_the_svg_names_every_element_in_text_that_can_be_searched(
    demo_map: EstateMap, pictures: dict[str, Path]
) -> None:
    root = ET.parse(pictures["svg"]).getroot()
    shown = _texts(root, "text")
    tips = _texts(root, "title")
    # Every element's whole name, as the window's tooltip says it, on its box.
    named = {tip.split("\n")[0] for tip in tips}
    assert {element.name for element in demo_map.elements} <= named
    # On the box, the name in words (cut at the end with "…" when longer than two lines hold).
    shown_set = set(shown)
    for element in demo_map.elements:
        assert any(line in shown_set for line in _first_words(element.name)), element.name
    assert "Bản đồ kiến trúc" not in " ".join(shown)  # the test runs in English
    assert f"Estate map on {DAY:%d/%m/%Y}" in shown
    assert {"Applications", "Data", "Security"} <= shown_set  # the bands' titles
    assert {"Running", "late", "shares data with (LGSP)"} <= shown_set  # the legend


def _first_words(name: str) -> list[str]:
    """What the first line of a box could say: the name's first words, or its start cut with "…"."""
    words = name.split()
    return [" ".join(words[:n]) for n in range(1, len(words) + 1)] + [
        name[:n] + "…" for n in range(1, len(name))
    ]


def test_the_svg_colours_the_boxes_by_layer_and_marks_the_late(
    demo_map: EstateMap, pictures: dict[str, Path]
) -> None:
    text = pictures["svg"].read_text("utf-8").lower()
    for layer in (MapLayer.SERVICES, MapLayer.APPLICATIONS, MapLayer.DATA, MapLayer.INFRASTRUCTURE):
        assert LAYER_FILL[layer] in text and BAND_FILL[layer] in text
    assert "#c62828" in text  # the late marks' red
    assert any(element.status is EstateStatus.BUILDING for element in demo_map.elements)
    assert "#e65100" in text  # the orange outline of what is being built


def test_the_pdf_is_one_page_the_size_of_the_map_with_its_names_as_text(pictures: dict[str, Path]) -> None:
    data = pictures["pdf"].read_bytes()
    assert data.startswith(b"%PDF-")
    width, height = _svg_size(pictures["svg"])
    if shutil.which("pdfinfo") is None:
        assert len(re.findall(rb"/Type\s*/Page\b", data)) == 1
        return
    info = subprocess.run(
        ["pdfinfo", str(pictures["pdf"])], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M)
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    assert size is not None
    assert (float(size[1]), float(size[2])) == pytest.approx((width, height), abs=1)
    if shutil.which("pdftotext"):
        words = subprocess.run(
            ["pdftotext", str(pictures["pdf"]), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Estate map on 20/11/2026" in words and "Đăng ký tạm trú" in words


def test_the_pdf_opens_in_a_reader(pictures: dict[str, Path], tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "20", "-singlefile", str(pictures["pdf"]), str(tmp_path / "page")],
        check=True,
    )
    with Image.open(tmp_path / "page.png") as page:
        assert page.width > 400 and len(page.convert("RGB").getcolors(1 << 24) or ()) > 50


def test_the_png_is_sharp_enough_to_read_the_names(pictures: dict[str, Path]) -> None:
    width, height = _svg_size(pictures["svg"])
    with Image.open(pictures["png"]) as image:
        assert image.format == "PNG"
        # 1.5 pixels to the layout's point: a box's 7.5-point name stands 15 pixels high, as on a
        # screen at 150 %; within the pixels that keep the file quick to write.
        assert image.size == (round(width * 1.5), round(height * 1.5))
        assert image.width * image.height <= 12_000_000
        counted = image.convert("RGB").getcolors(1 << 24) or []
        colours = {
            "#" + "".join(f"{int(part):02x}" for part in colour)
            for _count, colour in counted
            if isinstance(colour, tuple)
        }
    assert {LAYER_FILL[MapLayer.SERVICES], BAND_FILL[MapLayer.SERVICES], "#ffffff"} <= colours


def test_a_vietnamese_user_gets_the_picture_in_vietnamese(demo_map: EstateMap, tmp_path: Path) -> None:
    set_language("vi")
    save_map(demo_map, tmp_path / "map.svg")

    shown = set(_texts(ET.parse(tmp_path / "map.svg").getroot(), "text"))
    assert {"Bản đồ kiến trúc ngày 20/11/2026", "Dịch vụ công", "Đang vận hành"} <= shown


def test_a_suffix_the_map_cannot_be_saved_as_is_refused_naming_the_formats(
    demo_map: EstateMap, tmp_path: Path
) -> None:
    with pytest.raises(InvalidInputError) as refused:
        save_map(demo_map, tmp_path / "map.docx")

    assert refused.value.message == (
        "A map can be saved as .svg, .pdf or .png (a picture) or as .xml (an ArchiMate exchange file),"
        " not as “.docx”."
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("suffix", ["svg", "pdf", "png"])
def test_a_picture_that_cannot_be_written_is_refused_and_leaves_nothing(tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"map.{suffix}"
    target.mkdir()  # a folder where the file should go

    with pytest.raises(InvalidInputError) as refused:
        save_map(province_map(), target)

    assert refused.value.message.startswith(f"The map could not be written to {target}: ")
    assert [path.name for path in tmp_path.iterdir()] == [target.name]
    assert list(target.iterdir()) == []


def test_an_empty_estate_is_a_picture_that_says_so(tmp_path: Path) -> None:
    save_map(EstateMap(DAY, (), ()), tmp_path / "map.svg")

    shown = set(_texts(ET.parse(tmp_path / "map.svg").getroot(), "text"))
    assert {"Estate map on 20/11/2026", "Public", "services", "Security"} <= shown  # a title wraps


@pytest.mark.parametrize("suffix", ["svg", "pdf", "png"])
def test_names_with_dollars_markup_or_letters_the_font_lacks_are_drawn_as_written(
    tmp_path: Path, suffix: str
) -> None:
    names = ["Giá $x_ và 100$ <b>&amp;</b>", "漢字 システム", "Tab\there\nnewline", "A" * 80]
    estate = province_map()
    elements = tuple(
        dataclasses.replace(element, name=names[index]) if index < len(names) else element
        for index, element in enumerate(estate.elements)
    )

    save_map(dataclasses.replace(estate, elements=elements), tmp_path / f"map.{suffix}")  # no warning either

    if suffix == "svg":
        root = ET.parse(tmp_path / "map.svg").getroot()
        assert {tip.split("\n")[0] for tip in _texts(root, "title")} >= {
            "Giá $x_ và 100$ <b>&amp;</b>",
            "A" * 80,
        }
        assert "Giá $x_ và 100$" in _texts(root, "text")  # as written, not read as a formula
