"""The writes the kill -9 test runs in a child process that no command line runs alone.

python -m tools.kill_child upgrade FILE            open an older plan file for writing (which upgrades it)
python -m tools.kill_child edits FILE SEED COUNT   make COUNT seeded edits, printing each one's number
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from dxplanner.store.plan_file import open_plan_file
from tools.kill_edits import run_edits


def _done(step: int) -> None:
    # Flushed at once: the parent compares the last number printed with the state of the file.
    print(step, flush=True)


def main(argv: Sequence[str]) -> int:
    """Run the write argv names; exit status 2 on arguments it does not know."""
    match list(argv):
        case ["upgrade", file]:
            open_plan_file(Path(file)).close()
        case ["edits", file, seed, count]:
            store = open_plan_file(Path(file))
            try:
                run_edits(store, int(seed), int(count), _done)
            finally:
                store.close()
        case _:
            print(__doc__, file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
