"""What deleting a system takes with it and what stays without it: the question asked before the delete."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dxplanner.i18n import _
from dxplanner.services.estate import data_links, effects, open_datasets, public_services, system, systems
from dxplanner.services.open_plan import OpenPlan


@dataclass(frozen=True)
class SystemDeletion:
    """What deleting a system takes with it (its data links, the effects on it and on them) and what
    stays without it (the services served through it, the datasets drawn from it, what runs on it)."""

    name: str
    links: int
    effects: int
    services: int
    datasets: int
    hosted: int

    def question(self) -> str | None:
        """The question to ask before the delete, in the user's language (None: nothing else is touched)."""
        going = [
            text.format(count=count)
            for text, count in (
                (_("{count} data links"), self.links),
                (_("{count} task effects"), self.effects),
            )
            if count
        ]
        staying = [
            text.format(count=count)
            for text, count in (
                (_("{count} public services"), self.services),
                (_("{count} open datasets"), self.datasets),
                (_("{count} systems that run on it"), self.hosted),
            )
            if count
        ]
        if not going and not staying:
            return None
        said = []
        if going:
            said.append(_("Its {things} are deleted with it").format(things=_listed(going)))
        if staying:
            said.append(_("{things} stay, without it").format(things=_listed(staying)))
        return _("Delete “{name}”?").format(name=self.name) + " " + "; ".join(said) + "."


def _listed(parts: Sequence[str]) -> str:
    """ "a, b and c" in the user's language."""
    if len(parts) == 1:
        return parts[0]
    return _("{first} and {last}").format(first=", ".join(parts[:-1]), last=parts[-1])


def what_goes_with_system(plan: OpenPlan, system_id: int) -> SystemDeletion:
    """What deleting the system would delete with it and leave without it, for the question asked first."""
    links = {link.id for link in data_links(plan) if system_id in (link.from_system_id, link.to_system_id)}
    found = system(plan, system_id)
    return SystemDeletion(
        name=found.name if found is not None else f"#{system_id}",
        links=len(links),
        effects=sum(
            effect.system_id == system_id or effect.data_link_id in links for effect in effects(plan)
        ),
        services=sum(service.system_id == system_id for service in public_services(plan)),
        datasets=sum(dataset.system_id == system_id for dataset in open_datasets(plan)),
        hosted=sum(other.hosted_on_id == system_id for other in systems(plan)),
    )
