"""The numbers tasks show: their own codes kept, and numbers for the tasks that have none."""

from __future__ import annotations

from dxplanner.core.task_numbers import NumberedTask, task_numbers


def _plan(*rows: tuple[int, int | None, str | None]) -> list[NumberedTask]:
    """Tasks as (id, parent, code), in position order among their siblings."""
    places: dict[int | None, int] = {}
    tasks = []
    for task_id, parent, code in rows:
        places[parent] = places.get(parent, -1) + 1
        tasks.append(NumberedTask(task_id, parent, places[parent], code))
    return tasks


def test_imported_codes_are_kept_as_they_are() -> None:
    tasks = _plan((1, None, "I."), (2, 1, "1."), (3, 1, "a)"), (4, None, "II"), (5, 4, "1"))
    assert task_numbers(tasks) == {1: "I.", 2: "1.", 3: "a)", 4: "II", 5: "1"}


def test_a_task_added_last_takes_the_next_number_in_its_siblings_style() -> None:
    tasks = _plan(
        (1, None, "I"), (2, 1, "1"), (3, 1, "2"), (4, 1, None),
        (5, None, None),
        (6, 2, "a)"), (7, 2, None),
        (8, 3, "2.1"), (9, 3, None),
    )  # fmt: skip
    numbers = task_numbers(tasks)
    assert (numbers[4], numbers[5], numbers[7], numbers[9]) == ("3", "II", "b)", "2.2")


def test_a_task_put_between_two_numbers_is_numbered_as_an_insertion() -> None:
    tasks = _plan((1, None, "I"), (2, 1, "1"), (3, 1, None), (4, 1, None), (5, 1, "2"), (6, 1, "3"))
    numbers = task_numbers(tasks)
    assert [numbers[task] for task in (2, 3, 4, 5, 6)] == ["1", "1a", "1b", "2", "3"]


def test_a_first_child_numbers_like_its_cousins_or_by_its_depth() -> None:
    tasks = _plan(
        (1, None, "I"), (2, 1, "1"), (3, 2, "1.1"),
        (4, None, "II"), (5, 4, None), (6, 5, None),
    )  # fmt: skip
    numbers = task_numbers(tasks)
    assert (numbers[5], numbers[6]) == ("1", "1.1")
    # A plan typed from scratch: groups I, II; tasks 1, 2; below them 1.1.
    fresh = task_numbers(_plan((1, None, None), (2, 1, None), (3, 1, None), (4, 3, None), (5, None, None)))
    assert fresh == {1: "I", 2: "1", 3: "2", 4: "2.1", 5: "II"}
    # A flat list of tasks is numbered 1, 2, 3.
    assert task_numbers(_plan((1, None, None), (2, None, None))) == {1: "1", 2: "2"}


def test_numbers_follow_a_task_that_moves() -> None:
    before = _plan((1, None, "I"), (2, 1, "1"), (3, 1, "2"), (4, 1, None))
    assert task_numbers(before)[4] == "3"
    moved = [*before[:3], NumberedTask(4, 2, 0, None)]  # indented under task "1"
    assert task_numbers(moved)[4] == "1.1"


def test_roman_numerals_and_letters_count_on() -> None:
    tasks = _plan((1, None, "III"), (2, None, None), (3, None, "VIII"), (4, None, None), (5, None, "C"))
    tasks += _plan((6, 5, "b"), (7, 5, None))
    numbers = task_numbers(tasks)
    assert (numbers[2], numbers[4], numbers[7]) == ("IV", "IX", "c")
