"""People named where a table expects a unit ("đ/c Minh", "Đồng chí Lan"): kept as persons, not units."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from dxplanner.core.plan_table import TableTask
from dxplanner.i18n import _

# How a person is named in a plan: "đ/c", "đ.c", "đồng chí", "ông", "bà" before a name. "Ông"
# and "bà" count with their accents only: "Ba Tơ", "Ba Đình" are places.
_PERSON = re.compile(
    r"(?:^|(?<=[,;–-])\s*|(?<=\s)-\s*)((?:đ/c|đ\.c|đ/ c|đồng chí|ông|bà)\s+\w.*)$",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"^[^\W\d_]")
# A name is a few words, each begun with a capital letter ("Nguyễn Văn Minh", "Lan").
_LONGEST_NAME = 6


@functools.lru_cache(maxsize=4096)
def split_person(text: str) -> tuple[str | None, str | None]:
    """A unit's text as (the unit, the person) it names: ("Sở Nội vụ", "đ/c Hùng") from
    "Sở Nội vụ, đ/c Hùng"; (None, "đ/c Minh") from "đ/c Minh"; (text, None) when it names nobody."""
    match = _PERSON.search(text)
    if match is None:
        return text, None
    person = match.group(1).strip(" .,;")
    words = re.sub(r"\(.*?\)", " ", person).split()[1:]
    if words and words[0].lower() == "chí":
        words = words[1:]
    if (
        not words
        or len(words) > _LONGEST_NAME
        or any(mark in person for mark in "-–")  # "Bà Rịa - Vũng Tàu": a province
        or not all(word[0].isupper() for word in words if _NAME_WORD.match(word))
    ):
        return text, None  # "ông bà nhân dân …": words, not a name
    unit = text[: match.start()].strip(" ,;–-") or None
    return unit, person


def separate_persons(tasks: Iterable[TableTask]) -> None:
    """Move the persons a task's unit cells name to its responsible person, saying so among its guesses."""
    for task in tasks:
        persons: list[str] = []
        lead = task.lead_unit
        if lead:
            unit, person = split_person(lead)
            if person is not None:
                task.lead_unit = unit
                persons.append(person)
        if any(split_person(text)[1] for text in task.cooperating_units):
            kept = []
            for text in task.cooperating_units:
                unit, person = split_person(text)
                if person is not None:
                    persons.append(person)
                if unit is not None and unit != task.lead_unit and unit not in kept:
                    kept.append(unit)
            task.cooperating_units = kept
        if not persons:
            continue
        found = list(dict.fromkeys(persons))
        task.responsible_person = "; ".join(found)
        for person in found:
            task.guesses.append(
                _("“{person}” is a person: kept as the responsible person, not made a unit").format(
                    person=person
                )
            )
