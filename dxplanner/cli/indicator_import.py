"""`dxplanner import` of a table of indicators: into a strategy (a new one unless --strategy says which)."""

from __future__ import annotations

import argparse
import contextlib
import json
from typing import TextIO

from dxplanner.cli.opening import open_for_command
from dxplanner.core.errors import InvalidInputError, NotFoundError
from dxplanner.core.indicator_table import IndicatorTable
from dxplanner.i18n import _
from dxplanner.store.plan_file import create_plan_file
from dxplanner.store.plan_store import PlanStore
from dxplanner.store.soundness import refuse_if_damaged

EXIT_OK, EXIT_USER_ERROR = 0, 1


class _NothingToWriteError(Exception):
    """The table cannot be imported: the new file it was going into is not made."""


def import_indicator_table(
    arguments: argparse.Namespace, table: IndicatorTable, out: TextIO, err: TextIO
) -> int:
    """Write (or with --dry-run only show) a table of indicators; the same exits as a task import."""
    from dxplanner.store.operations.import_indicators import (
        IndicatorImportOutcome,
        NewStrategy,
        check_strategy_exists,
        import_indicators,
        match_indicator_units,
    )
    from dxplanner.store.operations.import_table import problems_message

    if arguments.plan is not None:
        raise InvalidInputError(
            _(
                "{name} holds a table of indicators: they go into a strategy (--strategy ID, "
                "or a new one), not into an action plan."
            ).format(name=arguments.workbook.name)
        )
    target = arguments.into
    strategy_id = arguments.strategy
    if strategy_id is not None and not target.exists():
        raise NotFoundError(_("There is no strategy with id {id}.").format(id=strategy_id))
    imported: list[IndicatorImportOutcome] = []

    def bring_in(store: PlanStore) -> None:
        match_indicator_units(store, table)
        if strategy_id is not None:
            check_strategy_exists(store, strategy_id)  # a dry run must not promise what will fail
        if table.errors and not target.exists():
            raise _NothingToWriteError
        if not arguments.dry_run and not table.errors:
            imported.append(
                import_indicators(
                    store,
                    table,
                    strategy_id=strategy_id,
                    new_strategy=NewStrategy(table.title or arguments.workbook.stem),
                )
            )

    if target.exists():
        store = open_for_command(target, err, read_only=arguments.dry_run, to_write=not arguments.dry_run)
        try:
            refuse_if_damaged(store)
            bring_in(store)
        finally:
            store.close()
    elif not arguments.dry_run and not table.errors:
        with contextlib.suppress(_NothingToWriteError):
            create_plan_file(target, fill=bring_in)
    if arguments.json:
        out.write(json.dumps(table.as_json(), ensure_ascii=False, indent=1) + "\n")
    if table.errors:
        if not arguments.json:
            raise InvalidInputError(problems_message(table.errors))
        return EXIT_USER_ERROR
    if not arguments.json:
        for problem in table.warnings:
            out.write(
                _("Warning, row {row}: {message}").format(row=problem.row, message=problem.message) + "\n"
            )
    if arguments.dry_run:
        if not arguments.json:
            out.write(
                _(
                    "Would import {indicators} indicators with {targets} targets in {groups} groups "
                    "from the sheet “{sheet}”; nothing was written."
                ).format(
                    indicators=len(table.indicators),
                    targets=sum(len(item.targets) for item in table.indicators),
                    groups=len(table.goals),
                    sheet=table.sheet,
                )
                + "\n"
            )
        return EXIT_OK
    outcome = imported[0]
    if not arguments.json:
        out.write(
            _(
                "Imported {indicators} indicators with {targets} targets in {goals} goals into strategy "
                "{strategy} of {path} ({units} new units)."
            ).format(
                indicators=outcome.indicators,
                targets=outcome.targets,
                goals=outcome.goals,
                strategy=outcome.strategy_id,
                path=target,
                units=outcome.new_units,
            )
            + "\n"
        )
    return EXIT_OK
