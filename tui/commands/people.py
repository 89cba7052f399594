"""`protokoll people …`: search, suggest, merge, split and declare different.

The same commands serve `protokoll orgs …` (see `tui.commands.orgs`): `make_app`
builds them for one kind. People and organisations are named by id or by
name; a name that could mean more than one is an error, never a guess.
"""

# No `from __future__ import annotations`: Typer reads the option help from
# annotations built inside the command factories, which must stay objects.
import csv
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Annotated, Any

import typer
from sqlalchemy.engine import Engine
from sqlmodel import Session

from store import merging
from store.merging import MergeError, MergeResult
from store.models import Organization, Person
from store.reconcile import (
    DEFAULT_AUTO_SCORE,
    DEFAULT_SUGGEST_SCORE,
    SuggestedGroup,
    Suggestion,
    suggested_groups,
    suggestions,
)
from store.search import PeopleIndex
from tui.commands.state import state_of
from tui.terminal_text import TerminalSafeWriter, echo

FORMATS = ("table", "csv")


@dataclass(frozen=True)
class Words:
    """How one kind is called in help and messages."""

    kind: str
    one: str
    many: str
    a_one: str
    model: type


PEOPLE = Words("person", "person", "people", "a person", Person)
ORGANIZATIONS = Words(
    "organization", "organisation", "organisations", "an organisation", Organization
)


def register(app: typer.Typer) -> None:
    """Add the `people` command group to `app`."""
    app.add_typer(
        make_app(PEOPLE),
        name="people",
        help="Find people and reconcile spellings of one person's name.",
    )


def make_app(words: Words) -> typer.Typer:
    """The search/suggest/merge/split/different/reconcile commands for one kind."""
    app = typer.Typer(no_args_is_help=True, rich_markup_mode=None)
    if words.kind == "person":
        app.command("search")(search_command)
    for name, factory in (
        ("suggest", _suggest_command),
        ("merge", _merge_command),
        ("split", _split_command),
        ("different", _different_command),
        ("reconcile", _reconcile_command),
    ):
        app.command(name)(factory(words))
    return app


def _failing_clearly(command: Callable[..., None]) -> Callable[..., None]:
    """Turn a `MergeError` into a one-line message on stderr and exit status 1."""

    @wraps(command)
    def run(*args: Any, **kwargs: Any) -> None:
        try:
            command(*args, **kwargs)
        except MergeError as error:
            echo(f"Error: {error}", err=True)
            raise typer.Exit(1) from None

    return run


# --- search --------------------------------------------------------------------


def search_command(
    ctx: typer.Context,
    query: Annotated[
        str,
        typer.Argument(help="Name or part of it; typos, w/v and é/e are fine.", metavar="QUERY"),
    ],
    limit: Annotated[
        int, typer.Option("--limit", "-n", help="Show at most this many people.")
    ] = 20,
) -> None:
    """Find people by any spelling of their name, best match first."""
    hits = PeopleIndex.load(state_of(ctx).engine()).search(query, limit=limit)
    if not hits:
        echo(f"No one matches {query!r}.")
        return
    for hit in hits:
        others = f" (also {', '.join(hit.other_spellings)})" if hit.other_spellings else ""
        where = ", ".join([*hit.parties, *hit.organizations]) or "-"
        echo(
            f"{hit.person_id:>6}  {hit.name}{others}  [{where}]  "
            f"{hit.meetings} meeting{'' if hit.meetings == 1 else 's'}  score {hit.score:g}"
        )


# --- suggest -------------------------------------------------------------------


def _min_score_option(default: float, what: str) -> Any:
    return typer.Option("--min-score", min=0, max=100, help=f"{what} (0–100, default {default:g}).")


def _suggest_command(words: Words) -> Callable[..., None]:
    def suggest_command(
        ctx: typer.Context,
        min_score: Annotated[
            float, _min_score_option(DEFAULT_SUGGEST_SCORE, "Show pairs scoring at least this")
        ] = DEFAULT_SUGGEST_SCORE,
        output: Annotated[
            str,
            typer.Option(
                "--format", help="`table` for reading, `csv` (name_a,name_b,score,reasons,…)."
            ),
        ] = "table",
    ) -> None:
        if output not in FORMATS:
            raise typer.BadParameter(f"use one of {', '.join(FORMATS)}", param_hint="--format")
        found = suggestions(state_of(ctx).engine(), words.kind, min_score)
        if output == "csv":
            write_csv(found)
        elif not found:
            echo(f"No {words.many} to suggest at score {min_score:g} or above.")
        for suggestion in found if output == "table" else ():
            echo(suggestion_line(suggestion))

    suggest_command.__doc__ = (
        f"List pairs of {words.many} that may be one, best first, with the reasons."
    )
    return suggest_command


def suggestion_line(suggestion: Suggestion) -> str:
    """`100.0  Irén Lejegren (13) ~ Irén Lejgren (29): same party S, …`."""
    a, b = suggestion.a, suggestion.b
    return (
        f"{suggestion.score:5.1f}  {a.name} ({a.id}) ~ {b.name} ({b.id}): "
        f"{', '.join(suggestion.reasons)}"
    )


def write_csv(found: list[Suggestion]) -> None:
    """Suggestions as CSV on stdout: `name_a,name_b,score,reasons,id_a,id_b`."""
    writer = csv.writer(TerminalSafeWriter(sys.stdout), lineterminator="\n")
    writer.writerow(["name_a", "name_b", "score", "reasons", "id_a", "id_b"])
    for s in found:
        writer.writerow([s.a.name, s.b.name, f"{s.score:g}", "; ".join(s.reasons), s.a.id, s.b.id])


# --- merge, split, different ---------------------------------------------------


def _merge_command(words: Words) -> Callable[..., None]:
    @_failing_clearly
    def merge_command(
        ctx: typer.Context,
        keep: Annotated[
            str, typer.Argument(help=f"The {words.one} to keep: id or name.", metavar="KEEP")
        ],
        others: Annotated[
            list[str],
            typer.Argument(
                help=f"The {words.many} to merge into it: ids or names.", metavar="OTHER..."
            ),
        ],
        name: Annotated[
            str | None,
            typer.Option(
                "--name", help="Canonical spelling to keep (default: the kept one's name)."
            ),
        ] = None,
        force: Annotated[
            bool,
            typer.Option(
                "--force", help="Merge even people listed together at one meeting (a wrong list)."
            ),
        ] = False,
    ) -> None:
        engine = state_of(ctx).engine()
        keep_id = merging.find(engine, keep, kind=words.kind)
        other_ids = [merging.find(engine, other, kind=words.kind) for other in others]
        result = merging.merge(engine, keep_id, other_ids, kind=words.kind, name=name, force=force)
        echo(merge_line(result))

    merge_command.__doc__ = (
        f"Merge {words.many} into one; their spellings stay as aliases. Undoable."
    )
    return merge_command


def merge_line(result: MergeResult) -> str:
    """`Merged 29 into Irén Lejegren (13): 2 rows moved.`"""
    merged = ", ".join(str(i) for i in result.merged_ids)
    rows = f"{result.rows_moved} row{'' if result.rows_moved == 1 else 's'}"
    return f"Merged {merged} into {result.name} ({result.keep_id}): {rows} moved."


def _split_command(words: Words) -> Callable[..., None]:
    @_failing_clearly
    def split_command(
        ctx: typer.Context,
        owner: Annotated[
            str, typer.Argument(help=f"The {words.one}: id or name.", metavar=words.one.upper())
        ],
        spelling: Annotated[
            str, typer.Argument(help="The spelling to detach, with its rows.", metavar="SPELLING")
        ],
    ) -> None:
        engine = state_of(ctx).engine()
        owner_id = merging.find(engine, owner, kind=words.kind)
        result = merging.split(engine, owner_id, spelling, kind=words.kind)
        rows = f"{result.rows_moved} row{'' if result.rows_moved == 1 else 's'}"
        echo(f"Split {result.spelling} ({result.new_id}) from {result.from_id}: {rows} moved.")

    split_command.__doc__ = (
        f"Detach one spelling (and its rows) into {words.a_one} of its own. Undoable."
    )
    return split_command


def _different_command(words: Words) -> Callable[..., None]:
    @_failing_clearly
    def different_command(
        ctx: typer.Context,
        first: Annotated[
            str, typer.Argument(help=f"{words.a_one.capitalize()}: id or name.", metavar="A")
        ],
        second: Annotated[
            str, typer.Argument(help=f"Another {words.one}: id or name.", metavar="B")
        ],
    ) -> None:
        engine = state_of(ctx).engine()
        a = merging.find(engine, first, kind=words.kind)
        b = merging.find(engine, second, kind=words.kind)
        batch = merging.declare_different(engine, a, b, kind=words.kind)
        already = "" if batch is not None else " (already declared)"
        pair = f"{_name(engine, words, a)} ({a}) and {_name(engine, words, b)} ({b})"
        echo(f"{pair} are different{already}.")

    different_command.__doc__ = (
        f"Declare two {words.many} different, so they are never suggested again."
    )
    return different_command


def _name(engine: Engine, words: Words, row_id: int) -> str:
    with Session(engine) as session:
        return session.get(words.model, row_id).name


# --- reconcile -----------------------------------------------------------------


def _reconcile_command(words: Words) -> Callable[..., None]:
    @_failing_clearly
    def reconcile_command(
        ctx: typer.Context,
        auto: Annotated[
            bool,
            typer.Option("--auto", help="Merge every suggested group; without it, only show them."),
        ] = False,
        min_score: Annotated[
            float, _min_score_option(DEFAULT_AUTO_SCORE, "Merge groups scoring at least this")
        ] = DEFAULT_AUTO_SCORE,
    ) -> None:
        engine = state_of(ctx).engine()
        groups = suggested_groups(engine, words.kind, min_score)
        if not groups:
            echo(f"Nothing to merge at score {min_score:g} or above.")
        if auto:  # all in one history entry: one undo takes them back
            for group, result in zip(groups, merging.merge_groups(engine, groups), strict=True):
                echo(f"{group_line(group)}: {merge_line(result)}")
        else:
            for group in groups:
                echo(f"Would merge {group_line(group)}")
        if groups and not auto:
            echo("Nothing merged: add --auto to merge these.")

    reconcile_command.__doc__ = (
        f"Merge every group of {words.many} scoring at or above --min-score "
        "(one `protokoll undo` takes them all back). "
        f"The default score is set so no look-alike pair in the seed protocols merges."
    )
    return reconcile_command


def group_line(group: SuggestedGroup) -> str:
    """`100.0  Irén Lejegren ← Irén Lejgren`."""
    others = ", ".join(m.name for m in group.members if m.id != group.keep.id)
    return f"{group.score:5.1f}  {group.canonical} <- {others}"
