"""The CLI in the user's language, and `--db`/`--lang` wherever they are typed.

Commands, options and arguments carry catalogue keys as their help; the
top-level group translates its whole command tree once the language is known
(`--lang`, `$PROTOKOLL_LANG`, the locale), before click prints any help. Typer's
section headings and click's usage errors are put into the same language here.
"""

from __future__ import annotations

import re
from typing import IO, Any

import typer
import typer.core
from typer._click import core as click_core
from typer._click import exceptions as click_exceptions
from typer._click import formatting
from typer._click.utils import echo

from tui.i18n import choose_language, has, set_language, t

GLOBAL_OPTIONS = ("--db", "--lang")
"""Options of `protokoll` itself, accepted before or after the command."""
_HEADINGS = {
    "Arguments": "cli.heading.arguments",
    "Options": "cli.heading.options",
    "Commands": "cli.heading.commands",
    "required": "cli.required",
    "Aborted!": "cli.aborted",
    "Missing command.": "cli.missing_command",
    "default: {default}": "cli.default",
    "env var: {var}": "cli.envvar",
}
_METAVARS = {
    "[OPTIONS]": "cli.metavar.options",
    "COMMAND [ARGS]...": "cli.metavar.command",
    "FILE|URL": "cli.metavar.file_or_url",
    "FILE|FOLDER": "cli.metavar.file_or_folder",
    "FOLDER": "cli.metavar.folder",
    "PATH": "cli.metavar.path",
    "NAME...": "cli.metavar.names",
    "NAME": "cli.metavar.name",
    "KEEP": "cli.metavar.keep",
    "OTHER...": "cli.metavar.others",
    "OWNER": "cli.metavar.owner",
    "SPELLING": "cli.metavar.spelling",
}
"""The placeholders in usage lines and help, as written in the commands, and their keys."""
_ERRORS = (
    (re.compile(r"^No such option: (?P<name>\S+)"), "cli.error.no_such_option"),
    (re.compile(r"^No such command '(?P<name>[^']+)'"), "cli.error.no_such_command"),
    (re.compile(r"^Missing argument '(?P<name>[^']+)'"), "cli.error.missing_argument"),
    (re.compile(r"^Missing option '(?P<name>[^']+)'"), "cli.error.missing_option"),
    (re.compile(r"^Got unexpected extra arguments? \((?P<name>.*)\)"), "cli.error.extra"),
    (re.compile(r"^Invalid value for (?P<name>[^:]+): (?P<why>.*)", re.S), "cli.error.invalid"),
)


def hoist_global_options(args: list[str]) -> list[str]:
    """`import --db x.db f.txt` -> `--db x.db import f.txt`: global options first."""
    front: list[str] = []
    rest: list[str] = []
    position = 0
    while position < len(args):
        arg = args[position]
        if arg == "--":
            rest.extend(args[position:])
            break
        name = arg.split("=", 1)[0]
        if name in GLOBAL_OPTIONS:
            takes_next = "=" not in arg and position + 1 < len(args)
            front.extend(args[position : position + 1 + takes_next])
            position += 1 + takes_next
            continue
        rest.append(arg)
        position += 1
    return front + rest


def language_of(args: list[str]) -> str:
    """The language asked for by `--lang` in `args`, else by the environment."""
    wanted = None
    for position, arg in enumerate(args):
        if arg == "--lang" and position + 1 < len(args):
            wanted = args[position + 1]
        elif arg.startswith("--lang="):
            wanted = arg.split("=", 1)[1]
    try:
        return choose_language(wanted)
    except ValueError:
        return choose_language(None)  # the --lang option itself reports the bad value


def translate_tree(command: Any) -> None:
    """Look up every help text of `command` and its subcommands that is a catalogue key."""
    for attribute in ("help", "short_help", "epilog"):
        _translate_attribute(command, attribute)
    for attribute in ("options_metavar", "subcommand_metavar"):
        _translate_metavar(command, attribute)
    for param in getattr(command, "params", ()):
        _translate_attribute(param, "help")
        _translate_metavar(param, "metavar")
    for sub in getattr(command, "commands", {}).values():
        translate_tree(sub)


def _translate_attribute(thing: Any, attribute: str) -> None:
    keys = thing.__dict__.setdefault("_help_keys", {})
    key = keys.setdefault(attribute, getattr(thing, attribute, None))
    if isinstance(key, str) and has(key):
        setattr(thing, attribute, t(key))


def _translate_metavar(thing: Any, attribute: str) -> None:
    """A placeholder such as `[OPTIONS]` or `PATH` in the user's language (kept as written else)."""
    keys = thing.__dict__.setdefault("_help_keys", {})
    written = keys.setdefault(attribute, getattr(thing, attribute, None))
    if isinstance(written, str) and written in _METAVARS:
        setattr(thing, attribute, t(_METAVARS[written]))


class LocalizedGroup(typer.core.TyperGroup):
    """The `protokoll` group: global options anywhere, help and errors in the user's language."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Choose the language, translate the help, then parse with the global options first."""
        set_language(language_of(args))
        translate_tree(self)
        return super().parse_args(ctx, hoist_global_options(args))

    def invoke(self, ctx: Any) -> Any:
        """Run the command; its usage errors are told in the user's language."""
        try:
            return super().invoke(ctx)
        except click_exceptions.UsageError as error:
            error.message = translate_error(error.message)
            raise


def translate_error(message: str) -> str:
    """A click usage error in the user's language (the original when not known)."""
    for pattern, key in _ERRORS:
        match = pattern.match(message)
        if match:
            return t(key, **match.groupdict())
    return message


def _show_usage_error(self: click_exceptions.UsageError, file: IO[Any] | None = None) -> None:
    """click's `UsageError.show`, in the user's language."""
    file = file or click_exceptions.get_text_stderr()
    if self.ctx is not None:
        hint = ""
        if self.ctx.command.get_help_option(self.ctx) is not None:
            hint = t("cli.try_help", command=self.ctx.command_path) + "\n"
        echo(f"{self.ctx.get_usage()}\n{hint}", file=file, color=self.ctx.color)
    echo(t("cli.error", message=translate_error(self.format_message())), file=file)


def _heading(text: str) -> str:
    return t(_HEADINGS[text]) if text in _HEADINGS else text


_write_usage = formatting.HelpFormatter.write_usage


def _localized_usage(
    self: formatting.HelpFormatter, prog: str, args: str = "", prefix: str | None = None
) -> None:
    _write_usage(self, prog, args, t("cli.usage") if prefix is None else prefix)


_get_help_option = click_core.Command.get_help_option


def _localized_help_option(self: click_core.Command, ctx: Any) -> Any:
    option = _get_help_option(self, ctx)
    if option is not None:
        option.help = t("cli.help_option")
    return option


def install() -> None:
    """Put click's and Typer's own words (headings, usage, errors) into the catalogue's."""
    click_core.Command.get_help_option = _localized_help_option  # type: ignore[method-assign]
    # An argument's name says what it is: no raw Python type (`<list[Path]>`) beside it.
    typer.core.TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]
    typer.core._ = _heading  # type: ignore[attr-defined]
    click_exceptions.UsageError.show = _show_usage_error  # type: ignore[method-assign]
    formatting.HelpFormatter.write_usage = _localized_usage  # type: ignore[method-assign]
