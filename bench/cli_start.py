"""Start-up of the commands that need no window and no plan file, beside a bare `python -c pass`.

Each case is a fresh process, timed from spawn to exit; the cases alternate within each run, so a
busy moment on the shared machine hits them alike. Prints each case's median beside the floor (a
Python that starts and does nothing) and the budget (0.3 s), in English and in Vietnamese (the
help is translated at start). Bytecode is written and used as in an installed dxplanner (pip
compiles it): PYTHONDONTWRITEBYTECODE is dropped and each case runs once, untimed, first.
Run: python -m bench.cli_start [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

BUDGET_SECONDS = 0.3

CASES: dict[str, list[str]] = {
    "python -c pass (the floor)": ["-c", "pass"],
    "dxplanner --help": ["-m", "dxplanner", "--help"],
    "dxplanner --help (vi)": ["-m", "dxplanner", "--help"],
    "dxplanner --version": ["-m", "dxplanner", "--version"],
    "dxplanner report --help": ["-m", "dxplanner", "report", "--help"],
    "dxplanner timeline 'Quý II/2025'": ["-m", "dxplanner", "timeline", "Quý II/2025"],
}


def time_process(arguments: list[str], environment: dict[str, str]) -> float:
    """Seconds from spawning Python with arguments to its exit (it must succeed)."""
    started = time.perf_counter()
    subprocess.run([sys.executable, *arguments], env=environment, capture_output=True, check=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs

    with tempfile.TemporaryDirectory() as folder:
        english = dict(os.environ, XDG_CONFIG_HOME=folder, XDG_DATA_HOME=folder, DXPLANNER_LANG="en")
        english.pop("PYTHONDONTWRITEBYTECODE", None)
        vietnamese = english | {"DXPLANNER_LANG": "vi"}
        times: dict[str, list[float]] = {name: [] for name in CASES}
        for run in range(runs + 1):
            for name, arguments in CASES.items():
                environment = vietnamese if "(vi)" in name else english
                took = time_process(arguments, environment)
                if run:  # the first run writes the bytecode
                    times[name].append(took)

    medians = {name: statistics.median(values) for name, values in times.items()}
    floor = next(iter(medians.values()))
    print(f"runs: {runs}, median seconds from spawn to exit (budget {BUDGET_SECONDS} s)")
    print(f"  {'case':<36} {'median':>8} {'range':>13} {'over floor':>11}")
    for name, median in medians.items():
        spread = f"{min(times[name]):.3f}-{max(times[name]):.3f}"
        over = "" if median == floor else f"+{median - floor:.3f} s"
        missed = "  MISSED" if median > BUDGET_SECONDS else ""
        print(f"  {name:<36} {median:>7.3f}s {spread:>13} {over:>11}{missed}")


if __name__ == "__main__":
    main()
