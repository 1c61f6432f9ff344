"""The ArchiMate exchange file of a large estate map: writing it, and reading it back.

Prints medians of several runs for a map of N elements (1,000 by default, in a province's
proportions): write_exchange (elements, relationships, properties, the layered diagram) and
read_exchange (defusedxml, then the mapping to the imported estate), with the file's size.
Also pyArchimate's reading of the same file, as the figure of another tool. The schema check of
the tests is left out: xmlschema's keyrefs make it take minutes on a file of this size.
Run: python -m bench.archimate_exchange [--elements N] [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from dxplanner.archimate.reader import read_exchange
from dxplanner.archimate.writer import write_exchange
from tests.unit.estate_map_samples import large_map


def _median(runs: int, step: Callable[[], object]) -> float:
    times = []
    for _run in range(runs):
        started = time.perf_counter()
        step()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--elements", type=int, default=1_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--without-pyarchimate", action="store_true", help="skip the other tool's reading")
    options = parser.parse_args()
    estate = large_map(options.elements)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "estate.xml"
        write = _median(options.runs, lambda: write_exchange(estate, path))
        read = _median(options.runs, lambda: read_exchange(path))
        imported = read_exchange(path)
        print(
            f"{len(estate.elements)} elements, {len(estate.relations)} relations; "
            f"file {path.stat().st_size / 1e6:.2f} MB"
        )
        print(f"write_exchange: {write:.3f} s (median of {options.runs})")
        print(
            f"read_exchange:  {read:.3f} s (median of {options.runs}); "
            f"{len(imported.systems) + len(imported.services) + len(imported.datasets)} elements, "
            f"{len(imported.relations())} relations back, {len(imported.skipped)} skipped"
        )
        if not options.without_pyarchimate:
            from pyArchimate import Model

            def other() -> None:
                Model("bench").read(str(path))

            print(f"pyArchimate read: {_median(options.runs, other):.3f} s (median of {options.runs})")


if __name__ == "__main__":
    main()
