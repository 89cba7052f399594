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
from store.ranking import search_people
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
from tui.i18n import plural, t
from tui.store_words import reasons as told_reasons
from tui.store_words import told
from tui.terminal_text import TerminalSafeWriter, echo

FORMATS = ("table", "csv")


@dataclass(frozen=True)
class Words:
    """One kind (people or organisations): its store name, help keys and table."""

    kind: str
    model: type

    def key(self, name: str) -> str:
        """The catalogue key of one help text or message for this kind."""
        return f"cli.{self.kind}.{name}"


PEOPLE = Words("person", Person)
ORGANIZATIONS = Words("organization", Organization)


def register(app: typer.Typer) -> None:
    """Add the `people` command group to `app`."""
    app.add_typer(
        make_app(PEOPLE),
        name="people",
        help="cli.people",
    )


def make_app(words: Words) -> typer.Typer:
    """The search/suggest/merge/split/different/reconcile commands for one kind."""
    app = typer.Typer(no_args_is_help=True, rich_markup_mode=None)
    if words.kind == "person":
        app.command("search", help="cli.search")(search_command)
    for name, factory in (
        ("suggest", _suggest_command),
        ("merge", _merge_command),
        ("split", _split_command),
        ("different", _different_command),
        ("reconcile", _reconcile_command),
    ):
        app.command(name, help=words.key(name))(factory(words))
    return app


def _failing_clearly(command: Callable[..., None]) -> Callable[..., None]:
    """Turn a `MergeError` into a one-line message on stderr and exit status 1."""

    @wraps(command)
    def run(*args: Any, **kwargs: Any) -> None:
        try:
            command(*args, **kwargs)
        except MergeError as error:
            echo(t("cli.error", message=told(str(error))), err=True)
            raise typer.Exit(1) from None

    return run


# --- search --------------------------------------------------------------------


def search_command(
    ctx: typer.Context,
    words: Annotated[
        list[str], typer.Argument(help="cli.search.query", metavar="NAME...", show_default=False)
    ],
    limit: Annotated[int, typer.Option("--limit", "-n", help="cli.search.limit", metavar="N")] = 20,
) -> None:
    """Find people by any spelling of their name, best match first."""
    query = " ".join(words)
    hits = search_people(PeopleIndex.load(state_of(ctx).engine()), query, limit=limit)
    if not hits:
        echo(t("cli.search.none", query=query))
        return
    for hit in hits:
        others = t("cli.search.also", names=", ".join(hit.other_spellings))
        where = ", ".join([*hit.parties, *hit.organizations]) or "-"
        meetings = plural(hit.meetings, "cli.meetings.one", "cli.meetings")
        echo(
            f"{hit.person_id:>6}  {hit.name}{others if hit.other_spellings else ''}  [{where}]  "
            f"{meetings}  {t('cli.search.score', score=f'{hit.score:g}')}"
        )


# --- suggest -------------------------------------------------------------------


def _min_score_option(what: str) -> Any:
    return typer.Option("--min-score", min=0, max=100, help=what, metavar="0-100")


def _suggest_command(words: Words) -> Callable[..., None]:
    def suggest_command(
        ctx: typer.Context,
        min_score: Annotated[
            float, _min_score_option("cli.suggest.min_score")
        ] = DEFAULT_SUGGEST_SCORE,
        output: Annotated[
            str, typer.Option("--format", help="cli.suggest.format", metavar="table|csv")
        ] = "table",
    ) -> None:
        if output not in FORMATS:
            raise typer.BadParameter(
                t("cli.use_one_of", choices=", ".join(FORMATS)), param_hint="--format"
            )
        found = suggestions(state_of(ctx).engine(), words.kind, min_score)
        if output == "csv":
            write_csv(found)
        elif not found:
            echo(t(words.key("none"), score=f"{min_score:g}"))
        for suggestion in found if output == "table" else ():
            echo(suggestion_line(suggestion))

    return suggest_command


def suggestion_line(suggestion: Suggestion) -> str:
    """`100.0  Irén Lejegren ~ Irén Lejgren: samma parti S, …`."""
    a, b = suggestion.a, suggestion.b
    return f"{suggestion.score:5.1f}  {a.name} ~ {b.name}: {told_reasons(suggestion.reasons)}"


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
        keep: Annotated[str, typer.Argument(help=words.key("merge.keep"), metavar="KEEP")],
        others: Annotated[
            list[str],
            typer.Argument(help=words.key("merge.others"), metavar="OTHER...", show_default=False),
        ],
        name: Annotated[
            str | None, typer.Option("--name", help="cli.merge.name", metavar="NAME")
        ] = None,
        force: Annotated[bool, typer.Option("--force", help="cli.merge.force")] = False,
    ) -> None:
        engine = state_of(ctx).engine()
        keep_id = merging.find(engine, keep, kind=words.kind)
        other_ids = [merging.find(engine, other, kind=words.kind) for other in others]
        merged = [_name(engine, words, i) for i in other_ids]
        result = merging.merge(engine, keep_id, other_ids, kind=words.kind, name=name, force=force)
        echo(merge_line(result, merged))

    return merge_command


def merge_line(result: MergeResult, merged: list[str]) -> str:
    """`Slog ihop Irén Lejgren med Irén Lejegren: 2 rader flyttade.`"""
    rows = plural(result.rows_moved, "cli.rows_moved.one", "cli.rows_moved")
    return t("cli.merged", names=", ".join(merged), name=result.name, rows=rows)


def _split_command(words: Words) -> Callable[..., None]:
    @_failing_clearly
    def split_command(
        ctx: typer.Context,
        owner: Annotated[str, typer.Argument(help=words.key("split.owner"), metavar="OWNER")],
        spelling: Annotated[str, typer.Argument(help="cli.split.spelling", metavar="SPELLING")],
    ) -> None:
        engine = state_of(ctx).engine()
        owner_id = merging.find(engine, owner, kind=words.kind)
        result = merging.split(engine, owner_id, spelling, kind=words.kind)
        rows = plural(result.rows_moved, "cli.rows_moved.one", "cli.rows_moved")
        owner_name = _name(engine, words, result.from_id)
        echo(t("cli.split", spelling=result.spelling, owner=owner_name, rows=rows))

    return split_command


def _different_command(words: Words) -> Callable[..., None]:
    @_failing_clearly
    def different_command(
        ctx: typer.Context,
        first: Annotated[str, typer.Argument(help=words.key("different.a"), metavar="A")],
        second: Annotated[str, typer.Argument(help=words.key("different.b"), metavar="B")],
    ) -> None:
        engine = state_of(ctx).engine()
        a = merging.find(engine, first, kind=words.kind)
        b = merging.find(engine, second, kind=words.kind)
        batch = merging.declare_different(engine, a, b, kind=words.kind)
        key = "cli.different" if batch is not None else "cli.different.already"
        echo(t(key, a=_name(engine, words, a), b=_name(engine, words, b)))

    return different_command


def _name(engine: Engine, words: Words, row_id: int) -> str:
    with Session(engine) as session:
        return session.get(words.model, row_id).name


# --- reconcile -----------------------------------------------------------------


def _reconcile_command(words: Words) -> Callable[..., None]:
    @_failing_clearly
    def reconcile_command(
        ctx: typer.Context,
        auto: Annotated[bool, typer.Option("--auto", help="cli.reconcile.auto")] = False,
        min_score: Annotated[
            float, _min_score_option("cli.reconcile.min_score")
        ] = DEFAULT_AUTO_SCORE,
    ) -> None:
        engine = state_of(ctx).engine()
        groups = suggested_groups(engine, words.kind, min_score)
        if not groups:
            echo(t("cli.reconcile.nothing", score=f"{min_score:g}"))
        if auto:  # all in one history entry: one undo takes them back
            merged = [[m.name for m in g.members if m.id != g.keep.id] for g in groups]
            results = merging.merge_groups(engine, groups)
            for group, result, names in zip(groups, results, merged, strict=True):
                echo(f"{group_line(group)}: {merge_line(result, names)}")
        else:
            for group in groups:
                echo(t("cli.reconcile.would", group=group_line(group)))
        if groups and not auto:
            echo(t("cli.reconcile.dry"))

    return reconcile_command


def group_line(group: SuggestedGroup) -> str:
    """`100.0  Irén Lejegren ← Irén Lejgren`."""
    others = ", ".join(m.name for m in group.members if m.id != group.keep.id)
    return f"{group.score:5.1f}  {group.canonical} <- {others}"
