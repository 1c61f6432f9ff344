"""The services' door to the exchange file: saving a map by its file's suffix, reading an estate back."""

from __future__ import annotations

from pathlib import Path

import pytest

from dxplanner.core.errors import InvalidInputError
from dxplanner.services.estate_exchange import MAP_FORMATS, read_estate_file, save_map
from tests.unit.estate_map_samples import province_map


@pytest.mark.parametrize("name", ["map.xml", "MAP.XML"])
def test_a_map_saved_as_xml_is_an_exchange_file_that_reads_back(tmp_path: Path, name: str) -> None:
    estate = province_map()

    save_map(estate, tmp_path / name)

    imported = read_estate_file(tmp_path / name)
    assert {system.key for system in imported.systems} == {
        element.key for element in estate.elements if element.table == "system"
    }


def test_another_suffix_is_refused_naming_the_formats(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError) as refused:
        save_map(province_map(), tmp_path / "map.docx")

    assert refused.value.message == (
        "A map can be saved as .svg, .pdf or .png (a picture) or as .xml (an ArchiMate exchange file),"
        " not as “.docx”."
    )
    assert MAP_FORMATS == ("svg", "pdf", "png", "xml")
    assert list(tmp_path.iterdir()) == []
