"""The demo speaks Vietnamese: no English glosses in the free text a secretariat reads."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dxplanner.store.demo import demo_plan_path
from dxplanner.store.demo_estate import demo_estate_path

# The keys whose values people read as prose (task notes, products, progress remarks, indicator
# sources, risks, estate descriptions, committee positions) and the names of everything.
# "about" is left out on purpose: the loader never reads it, it tells maintainers where the facts
# come from, in both languages.
FREE_TEXT = {
    "name",
    "short_name",
    "notes",
    "product",
    "timeline",
    "remark",
    "author",
    "source",
    "text",
    "mitigation",
    "vision",
    "measure_unit",
    "description",
    "position",
    "person",
    "data",
    "field",
    "published_at",
}

# Common English words that are not Vietnamese syllables, so two of them in a row mean an English
# phrase ("Decree on electronic identification", "National Land Database", "phase 1").
_ENGLISH_WORDS = """the of and for on with to in from by via into at is are under after all new first next mid
    term annual real time up out one stop shop phase system systems national data database databases
    digital government public service services online platform platforms portal app law decree
    review plan strategy centre center programme pilot project electronic identification
    authentication security information citizen citizens identity records record certificates
    officials civil servants framework architecture version provincial ministry local rules support
    scheme cloud network day year index committee transformation development land finance
    population document documents management monitoring reporting signing payment dossiers results
    procedures administrative paperwork registration birth residence health insurance medical
    hospitals vehicle criminal accounts organisations children computers waves meeting paperless
    community technology teams generation campaign fraud commercial roll bank market product
    traceability aggregated lists core important driven engineering dashboard personal protection
    amending revising implementing cleaning upgrades tied illustrative transcription unofficial same
    figures appear"""
ENGLISH = frozenset(_ENGLISH_WORDS.split())

# Addresses and file names are written as they are, whatever their language.
ADDRESS = re.compile(r"https?://\S+|\S+\.[a-z]{2,4}\b")
WORD = re.compile(r"[^\W\d_]+")


def _strings(node: Any, path: str) -> Iterator[tuple[str, str, str]]:
    """Every string value under node, with the key it sits under and where it is."""
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, str):
                yield key, value, f"{path}.{key}"
            else:
                yield from _strings(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _strings(item, f"{path}[{index}]")


def english_run(text: str) -> str | None:
    """The first run of two or more common English words in text, or None."""
    run: list[str] = []
    for word in WORD.findall(ADDRESS.sub(" ", text)):
        if word.lower() in ENGLISH:
            run.append(word)
        else:
            if len(run) >= 2:
                return " ".join(run)
            run = []
    return " ".join(run) if len(run) >= 2 else None


@pytest.mark.parametrize(
    "text",
    [
        "Decree on electronic identification and authentication",
        "National Land Database",
        "Electronic medical records",
        "Mid-term review of Decision 942/QĐ-TTg",
        "Quyết định 749/QĐ-TTg: bản chép (unofficial transcription of Resolution 03/NQ-CP)",
    ],
)
def test_the_check_sees_english_glosses(text: str) -> None:
    assert english_run(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Nghị định về định danh và xác thực điện tử",
        "Cổng dữ liệu quốc gia data.gov.vn",
        'Phát triển, sử dụng sản phẩm an toàn thông tin "Make in Vietnam" trong cơ quan nhà nước',
        "Quyết định 942/QĐ-TTg: https://dig.watch/updates/vietnam-issues-first-e-government-development",
        "Cấp giấy phép hoạt động in",
    ],
)
def test_the_check_leaves_vietnamese_names_and_addresses_alone(text: str) -> None:
    assert english_run(text) is None


@pytest.mark.parametrize("path", [demo_plan_path(), demo_estate_path()], ids=["plan", "estate"])
def test_the_demo_free_text_is_vietnamese(path: Path) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    english = [
        f"{where}: {value!r}"
        for key, value, where in _strings(document, "")
        if key in FREE_TEXT and english_run(value) is not None
    ]
    assert english == [], f"{len(english)} English texts in {path.name}:\n" + "\n".join(english[:20])


@pytest.mark.parametrize(
    ("path", "indent"), [(demo_plan_path(), 2), (demo_estate_path(), 1)], ids=["plan", "estate"]
)
def test_the_demo_files_keep_their_layout(path: Path, indent: int) -> None:
    # Edits to the demo's texts are made by loading and dumping the file; they stay one-line diffs
    # only while the file is written exactly as json.dump writes it.
    text = path.read_text(encoding="utf-8")
    assert json.dumps(json.loads(text), ensure_ascii=False, indent=indent) + "\n" == text
