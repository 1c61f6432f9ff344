"""The number (STT) each task shows: its own code, or, without one, the number its place gives it.

A plan's numbers are written in documents and quoted ("nhiệm vụ 4 mục I"), so a task's own
code is never changed here. A task without one takes the number after the sibling above
it ("8" -> "9", "II" -> "III", "b" -> "c", "6.2" -> "6.3"); when a sibling below already
has that number, the task is numbered as an insertion, as amended legal texts number an
article put in between ("4" -> "4a", then "4b"). A first child takes the first number of
the style its cousins use ("1", "a", or the parent's number and ".1"), else of its depth.
The numbers are worked out each time from the tree, so they follow a task that moves.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

# The last number of a code: what comes before it, the number, and a closing "." or ")".
_LAST = re.compile(r"(?P<head>.*?)(?P<body>\d+|[a-z]|[A-Z]+)(?P<tail>[.)]*)")
_ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_ROMAN_VALUES = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


@dataclass(frozen=True)
class NumberedTask:
    """What numbering needs of a task: its place in the tree and its own code, if any."""

    id: int
    parent_id: int | None
    position: int
    code: str | None


def task_numbers(tasks: Iterable[NumberedTask]) -> dict[int, str]:
    """Every task's shown number, by id: its own code, else the one its place gives it."""
    by_id = {task.id: task for task in tasks}
    children: dict[int | None, list[NumberedTask]] = {}
    for task in by_id.values():
        children.setdefault(task.parent_id if task.parent_id in by_id else None, []).append(task)
    for below in children.values():
        below.sort(key=lambda task: (task.position, task.id))
    depth_of: dict[int, int] = {}
    order: list[NumberedTask] = []
    stack = [(task, 0) for task in reversed(children.get(None, []))]
    while stack:
        task, depth = stack.pop()
        depth_of[task.id] = depth
        order.append(task)
        stack.extend((child, depth + 1) for child in reversed(children.get(task.id, [])))
    firsts = _first_numbers_by_depth(order, by_id, depth_of, children)
    shown: dict[int, str] = {}
    for parent in [None, *(task.id for task in order)]:
        below = children.get(parent, [])
        if not below:
            continue
        parent_number = shown.get(parent, "") if parent is not None else ""
        depth = 0 if parent is None else depth_of[parent] + 1
        taken = {_own(task) for task in below} - {""}
        previous: str | None = None
        for task in below:
            number = _own(task)
            if not number:
                number = _after(previous, taken) if previous else ""
                if not number:
                    number = _free(firsts(depth, parent_number), taken)
                taken.add(number)
            shown[task.id] = number
            previous = number
    return shown


def _own(task: NumberedTask) -> str:
    return (task.code or "").strip()


def _first_numbers_by_depth(
    order: list[NumberedTask],
    by_id: dict[int, NumberedTask],
    depth_of: dict[int, int],
    children: dict[int | None, list[NumberedTask]],
) -> Callable[[int, str], str]:
    """How a first child at each depth is numbered, learnt from the codes the plan has."""
    styles: dict[int, str] = {}
    for task in order:
        depth, code = depth_of[task.id], _own(task)
        if depth in styles or not code:
            continue
        parent = by_id.get(task.parent_id) if task.parent_id is not None else None
        parent_code = _own(parent) if parent is not None else ""
        if parent_code and code.startswith(parent_code + ".") and code[len(parent_code) + 1 :].isdigit():
            styles[depth] = "dotted"
        elif (found := _LAST.fullmatch(code)) is not None and not found.group("head"):
            styles[depth] = _kind(found.group("body"))
    grouped = any(children.get(task.id) for task in children.get(None, []))

    def first(depth: int, parent_number: str) -> str:
        style = styles.get(depth) or (("roman" if grouped else "arabic") if depth == 0 else "")
        if not style:
            style = "arabic" if depth == 1 or not parent_number else "dotted"
        return {
            "roman": "I",
            "upper": "A",
            "lower": "a",
            "arabic": "1",
            "dotted": f"{parent_number}.1" if parent_number else "1",
        }[style]

    return first


def _kind(body: str) -> str:
    if body.isdigit():
        return "arabic"
    if body.isupper() and _ROMAN.fullmatch(body) and (len(body) > 1 or body in "IVX"):
        return "roman"
    if len(body) == 1:
        return "upper" if body.isupper() else "lower"
    return "other"


def _after(previous: str, taken: set[str]) -> str:
    """The number after previous that no sibling has, else an insertion after it; "" when unknown."""
    found = _LAST.fullmatch(previous)
    if found is None:
        return ""
    head, body, tail = found.group("head"), found.group("body"), found.group("tail")
    following = _next(body)
    if following and head + following + tail not in taken:
        return head + following + tail
    # Put in between two numbers: "4a" after "4", "IIa" after "II", "b1" after "b"; then "4b".
    mark = "1" if body.islower() else "a"
    return _free(previous[: len(previous) - len(tail)] + mark + tail, taken)


def _next(body: str) -> str:
    kind = _kind(body)
    if kind == "arabic":
        return str(int(body) + 1).zfill(len(body))
    if kind == "roman":
        return _roman(_roman_value(body) + 1)
    if kind in ("upper", "lower") and body.lower() != "z":
        return chr(ord(body) + 1)
    return ""


def _free(number: str, taken: set[str]) -> str:
    """number, or the next one in its style that no sibling has."""
    while number in taken:
        following = _after(number, set()) if number else ""
        if not following or following == number:
            return number
        number = following
    return number


def _roman_value(text: str) -> int:
    values = {letter: value for value, letter in _ROMAN_VALUES if len(letter) == 1}
    total = 0
    for here, after in zip(text, [*text[1:], ""], strict=True):
        total += -values[here] if after and values[after] > values[here] else values[here]
    return total


def _roman(value: int) -> str:
    out = []
    for amount, letters in _ROMAN_VALUES:
        count, value = divmod(value, amount)
        out.append(letters * count)
    return "".join(out)
