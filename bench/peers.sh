#!/usr/bin/env bash
# The desktop peers on the same 10,000-task plan as bench/engine.py:
# TaskJuggler scheduling it (tj3) and GNOME Planner opening it (planner, under Xvfb).
# Needs: apt-get install -y tj3 planner xvfb xdotool. Run from the repository root.
set -euo pipefail

open_planner() {
  local started pid busy_before busy_after
  started=$(date +%s.%N)
  planner "$1" >/dev/null 2>&1 &
  pid=$!
  xdotool search --sync --onlyvisible --name "plan" >/dev/null 2>&1
  # Planner lays the plan out after its window maps: wait until it stops using the CPU.
  while :; do
    busy_before=$(awk '{print $14+$15}' "/proc/$pid/stat"); sleep 0.2
    busy_after=$(awk '{print $14+$15}' "/proc/$pid/stat")
    [ "$busy_before" = "$busy_after" ] && break
  done
  echo "planner: opened in $(echo "$(date +%s.%N) - $started - 0.2" | bc) s, peak $(awk '/VmHWM/ {print $2}' "/proc/$pid/status") KB"
  kill "$pid"
}

# Called again inside xvfb-run, which passes no shell functions along.
if [ "${1:-}" = "--open-planner" ]; then
  open_planner "$2"
  exit 0
fi

python=${PYTHON:-.venv/bin/python}
out=$(mktemp -d)
"$python" -m bench.peer_files "$out" >/dev/null

if command -v tj3 >/dev/null; then
  for run in 1 2 3; do
    /usr/bin/time -f "tj3 run $run: %e s, peak %M KB" tj3 --no-reports "$out/plan.tjp" >/dev/null 2>"$out/tj3.err" || true
    { grep -h "Error" "$out/tj3.err" || true; } | head -3
    tail -1 "$out/tj3.err"
  done
else
  echo "tj3 is not installed (apt-get install tj3)"
fi


if command -v planner >/dev/null && command -v xdotool >/dev/null; then
  for run in 1 2 3; do
    if [ -n "${DISPLAY:-}" ]; then open_planner "$out/plan.planner"
    else xvfb-run -a -s "-screen 0 1440x900x24" bash "$0" --open-planner "$out/plan.planner"; fi
  done
else
  echo "planner or xdotool is not installed (apt-get install planner xdotool)"
fi
rm -rf "$out"
