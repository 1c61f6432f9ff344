"""The user guide: both languages have the same pages and anchors, and every link and picture resolves."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from dxplanner.resources import guide_dir

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("vi", "en")
# [text](target) and ![alt](target); a target has no spaces in this guide.
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
ANCHOR = re.compile(r'<a (?:id|name)="([^"]+)"></a>')
PAGES_A_SECRETARIAT_NEEDS = {
    "index.md",
    "units.md",
    "import.md",
    "progress.md",
    "report.md",
    "dashboard.md",
    "estate.md",
    "shortcuts.md",
}


def _pages(language: str) -> dict[str, str]:
    return {page.name: page.read_text(encoding="utf-8") for page in (guide_dir() / language).glob("*.md")}


def test_the_guide_is_found_in_the_source_checkout() -> None:
    assert guide_dir() == ROOT / "docs" / "guide"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_the_pages_of_a_secretariats_daily_work(language: str) -> None:
    assert set(_pages(language)) >= PAGES_A_SECRETARIAT_NEEDS


def test_both_languages_have_the_same_pages_and_anchors() -> None:
    vi, en = _pages("vi"), _pages("en")
    assert set(vi) == set(en)
    for name in vi:
        assert ANCHOR.findall(vi[name]) == ANCHOR.findall(en[name]), name


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_link_and_picture_resolves(language: str) -> None:
    pages = _pages(language)
    folder = guide_dir() / language
    checked = 0
    for name, text in pages.items():
        for target in LINK.findall(text):
            if target.startswith(("http://", "https://", "mailto:")):
                continue
            path, _sep, anchor = target.partition("#")
            where = (folder / path).resolve() if path else folder / name
            assert where.is_file(), f"{language}/{name}: {target} does not exist"
            if anchor:
                assert anchor in ANCHOR.findall(where.read_text(encoding="utf-8")), (
                    f"{language}/{name}: {target} has no such anchor"
                )
            checked += 1
    assert checked > 15  # the links were found: a broken pattern would pass with none


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_anchor_names_a_heading_once(language: str) -> None:
    for name, text in _pages(language).items():
        anchors = ANCHOR.findall(text)
        assert len(anchors) == len(set(anchors)), name
        for line in text.splitlines():
            if ANCHOR.search(line):
                assert line.startswith("#"), f"{name}: an anchor off a heading: {line}"


def test_pictures_are_small_enough_to_bundle() -> None:
    pictures = list((guide_dir() / "images").glob("*.png"))
    assert pictures
    for picture in pictures:
        assert picture.stat().st_size < 200_000, picture.name


def test_the_wheel_carries_the_guide() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    included = project["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert included["docs/guide"] == "dxplanner/_bundled/guide"
