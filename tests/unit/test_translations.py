"""Every message a user can see has a Vietnamese translation with the same placeholders."""

from __future__ import annotations

import ast
import json
import string
from pathlib import Path

import pytest

import dxplanner
from dxplanner.core.errors import InvalidInputError
from dxplanner.core.rules import progress
from dxplanner.i18n import _, set_language, system_language
from dxplanner.resources import bundled_dir

PACKAGE = Path(dxplanner.__file__).parent


def _messages() -> set[str]:
    """The text of every _("...") and N_("...") call in the package."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "N_")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value)
    return found


def _catalog() -> dict[str, str]:
    catalog: dict[str, str] = json.loads(
        (bundled_dir("resources") / "translations" / "vi.json").read_text("utf-8")
    )
    return catalog


def _fields(text: str) -> set[str]:
    return {field for _literal, field, _spec, _conv in string.Formatter().parse(text) if field is not None}


def test_the_package_has_messages_to_translate() -> None:
    assert len(_messages()) > 100


def test_every_message_has_a_vietnamese_translation() -> None:
    missing = sorted(_messages() - _catalog().keys())
    assert missing == []


def test_translations_keep_the_placeholders() -> None:
    catalog = _catalog()
    wrong = [english for english, vietnamese in catalog.items() if _fields(english) != _fields(vietnamese)]
    assert wrong == []


def test_the_catalog_holds_no_stale_messages() -> None:
    assert sorted(_catalog().keys() - _messages()) == []


def test_messages_follow_the_chosen_language() -> None:
    set_language("vi")
    assert _("Progress") != "Progress"
    with pytest.raises(InvalidInputError) as raised:
        progress(150)
    assert "150" in raised.value.message and "Progress" not in raised.value.message
    set_language("en")
    assert _("Progress") == "Progress"


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"LANG": "vi_VN.UTF-8"}, "vi"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "vi_VN.UTF-8", "LANG": "en_US.UTF-8"}, "vi"),
        ({"DXPLANNER_LANG": "en", "LANG": "vi_VN.UTF-8"}, "en"),
        ({"DXPLANNER_LANG": "fr", "LANG": "vi_VN.UTF-8"}, "vi"),
    ],
)
def test_the_language_comes_from_the_users_environment(environment: dict[str, str], expected: str) -> None:
    assert system_language(environment) == expected


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        set_language("fr")
