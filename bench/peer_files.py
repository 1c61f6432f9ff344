"""Write the synthetic plan for the desktop peers: a TaskJuggler project and a GNOME Planner file.

Run: python -m bench.peer_files OUT_DIR, then time `tj3 OUT_DIR/plan.tjp` and opening
OUT_DIR/plan.planner in GNOME Planner (bench/peers.sh does both).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path
from xml.sax.saxutils import quoteattr

from bench.synthetic_plan import START, SyntheticPlan, synthetic_plan
from dxplanner.core.enums import DependencyType


def write_taskjuggler(plan: SyntheticPlan, path: Path) -> None:
    """The plan as a .tjp project: tasks without links start on their date, the rest follow their links."""
    parent = {node.id: node.parent_id for node in plan.nodes}
    predecessors: dict[int, list[tuple[int, int, bool]]] = defaultdict(list)
    for link in plan.links:
        # TaskJuggler links a start to the predecessor's end, or (onstart) to its start;
        # finish-to-finish and start-to-finish have no exact twin and are written as those.
        from_start = link.type in (DependencyType.SS, DependencyType.SF)
        predecessors[link.successor].append((link.predecessor, max(link.lag, 0), from_start))

    def path_of(task_id: int) -> str:
        group = parent[task_id]
        return f"g{group}.t{task_id}" if group is not None else f"g{task_id}"

    lines = [f'project dx "Synthetic plan" {START.isoformat()} +30y {{', '  timezone "Asia/Ho_Chi_Minh"', "}"]
    children: dict[int | None, list[int]] = defaultdict(list)
    for node in plan.nodes:
        children[node.parent_id].append(node.id)
    by_id = {node.id: node for node in plan.nodes}
    for group in children[None]:
        lines.append(f'task g{group} "Group {group}" {{')
        for task_id in children[group]:
            node = by_id[task_id]
            assert node.planned_start is not None and node.planned_end is not None
            days = max(1, (node.planned_end - node.planned_start).days + 1)
            lines.append(f'  task t{task_id} "Task {task_id}" {{')
            if predecessors[task_id]:
                links = ", ".join(
                    path_of(before) + _tj_options(gap, from_start)
                    for before, gap, from_start in predecessors[task_id]
                )
                lines.append(f"    depends {links}")
            else:
                lines.append(f"    start {node.planned_start.isoformat()}")
            lines.append(f"    duration {days}d")
            lines.append("  }")
        lines.append("}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _tj_options(gap: int, from_start: bool) -> str:
    options = ([f"gapduration {gap}d"] if gap else []) + (["onstart"] if from_start else [])
    return f" {{ {' '.join(options)} }}" if options else ""


def write_planner(plan: SyntheticPlan, path: Path) -> None:
    """The plan as a GNOME Planner (MrProject) XML file with the same tasks and finish-to-start links."""
    by_id = {node.id: node for node in plan.nodes}
    children: dict[int | None, list[int]] = defaultdict(list)
    for node in plan.nodes:
        children[node.parent_id].append(node.id)
    predecessors: dict[int, list[int]] = defaultdict(list)
    for link in plan.links:
        predecessors[link.successor].append(link.predecessor)

    def stamp(day: object) -> str:
        return f"{day:%Y%m%d}T000000Z"

    lines = [
        '<?xml version="1.0"?>',
        f'<project name="Synthetic plan" company="" manager="" phase="" project-start="{stamp(START)}" '
        'mrproject-version="2" calendar="1">',
        "  <tasks>",
    ]
    for group in children[None]:
        members = [by_id[task_id] for task_id in children[group]]
        first = min(member.planned_start for member in members if member.planned_start)
        last = max(member.planned_end for member in members if member.planned_end)
        lines.append(
            f'    <task id="{group}" name={quoteattr(f"Group {group}")} note="" work="0" '
            f'start="{stamp(first)}" end="{stamp(last)}" work-start="{stamp(first)}" '
            'percent-complete="0" priority="0" type="normal" scheduling="fixed-work">'
        )
        for member in members:
            assert member.planned_start is not None and member.planned_end is not None
            seconds = max(1, (member.planned_end - member.planned_start).days + 1) * 8 * 3600
            lines.append(
                f'      <task id="{member.id}" name="Task {member.id}" note="" work="{seconds}" '
                f'start="{stamp(member.planned_start)}" end="{stamp(member.planned_end)}" '
                f'work-start="{stamp(member.planned_start)}" percent-complete="{int(member.progress)}" '
                'priority="0" type="normal" scheduling="fixed-work">'
            )
            if predecessors[member.id]:
                lines.append("        <predecessors>")
                for number, before in enumerate(predecessors[member.id]):
                    lines.append(
                        f'          <predecessor id="{number + 1}" predecessor-id="{before}" type="FS"/>'
                    )
                lines.append("        </predecessors>")
            lines.append("      </task>")
        lines.append("    </task>")
    lines += ["  </tasks>", "  <resource-groups/>", "  <resources/>", "  <allocations/>", "</project>"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "peer-files")
    out.mkdir(parents=True, exist_ok=True)
    plan = synthetic_plan()
    write_taskjuggler(plan, out / "plan.tjp")
    write_planner(plan, out / "plan.planner")
    print(f"wrote {out / 'plan.tjp'} and {out / 'plan.planner'}")


if __name__ == "__main__":
    main()
