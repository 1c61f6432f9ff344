"""The argument parser of every command, speaking the user's language in --help and in its errors."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from typing import Any, NoReturn

from dxplanner.i18n import N_, _

# argparse says what is wrong in English (its words go through gettext, which knows no dxplanner
# language): each of its messages, as a pattern, and ours in its place. A message argparse adds
# later is shown as it is: in English, but never lost.
_ARGPARSE_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern + r"\Z", re.DOTALL), ours)
    for pattern, ours in (
        (
            r"the following arguments are required: (?P<names>.+)",
            N_("the following arguments are required: {names}"),
        ),
        (r"unrecognized arguments: (?P<names>.+)", N_("unrecognized arguments: {names}")),
        (r"argument (?P<name>\S+): (?P<message>.+)", N_("argument {name}: {message}")),
        (
            r"invalid choice: (?P<value>.+) \(choose from (?P<choices>.+)\)",
            N_("invalid choice: {value} (choose from {choices})"),
        ),
        (r"expected one argument", N_("expected one argument")),
        (r"expected at least one argument", N_("expected at least one argument")),
        (r"expected at most one argument", N_("expected at most one argument")),
        (r"expected (?P<count>\d+) arguments?", N_("expected {count} arguments")),
        (r"invalid (?P<kind>\S+) value: (?P<value>.+)", N_("invalid value: {value}")),
        (r"not allowed with argument (?P<name>.+)", N_("not allowed with argument {name}")),
        (
            r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)",
            N_("ambiguous option: {option} could match {matches}"),
        ),
        (r"one of the arguments (?P<names>.+) is required", N_("one of the arguments {names} is required")),
        (r"ignored explicit argument (?P<value>.+)", N_("ignored explicit argument {value}")),
    )
)


def translated(message: str) -> str:
    """One of argparse's error messages in the user's language (as it is when not known)."""
    for pattern, ours in _ARGPARSE_MESSAGES:
        found = pattern.match(message)
        if found is not None:
            fields = found.groupdict()
            if "message" in fields:  # "argument --out: expected one argument" holds a second message
                fields["message"] = translated(fields["message"])
            return _(ours).format(**fields)
    return message


class _Formatter(argparse.HelpFormatter):
    """Help text whose "usage:" is in the user's language."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """An argument parser whose help, usage and errors are all in the user's language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False  # added below, with its help in the user's language
        super().__init__(*args, **kwargs)
        # argparse names its two groups in English as it makes them; they are renamed here.
        self._positionals.title = _("positional arguments")
        self._optionals.title = _("options")
        self.add_argument(
            "-h",
            "--help",
            action="help",
            default=argparse.SUPPRESS,
            help=_("show this help message and exit"),
        )

    def error(self, message: str) -> NoReturn:
        """Print the usage and what is wrong, in the user's language, and exit with status 2."""
        self.print_usage(sys.stderr)
        self.exit(2, _("{prog}: error: {message}").format(prog=self.prog, message=translated(message)) + "\n")


def whole_number(text: str) -> int:
    """An argument that must be a whole number (a record's id)."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("not a whole number: {text}").format(text=text)) from None
