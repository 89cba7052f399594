"""The reconcile screen: suggested groups of one person's spellings, decided at the keyboard."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Footer, Static

from store import merging
from store.reconcile import Profile, SuggestedGroup, suggested_groups
from tui.i18n import plural, t
from tui.messages import DataChanged
from tui.screens.base import StoreScreen
from tui.screens.fields import check_name
from tui.screens.form import ConfirmScreen, FieldSpec, FormScreen
from tui.store_words import reasons as told_reasons
from tui.terminal_text import safe_text, terminal_safe
from tui.widgets.keyed_table import KeyedTable
from tui.widgets.mode_bar import ModeBar


class ReconcileScreen(StoreScreen):
    """Suggested groups, best first; tick the spellings that are one, keep one, merge.

    | Key | Action |
    | :- | :- |
    | tab | Between the groups and the spellings of a group. |
    | space | Tick or untick the highlighted spelling. |
    | c | Keep the highlighted spelling as the canonical one. |
    | m | Merge the ticked spellings into one. |
    | d | The ticked spellings are different people. |
    | s | Skip this group for now. |
    | o | People or organisations. |
    | r | Look for suggestions again. |
    """

    CSS_PATH = "reconcile.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "tick", "key.tick", tooltip="tip.tick"),
        Binding("c", "keep_spelling", "key.keep", tooltip="tip.keep"),
        Binding("n", "name", "key.name", tooltip="tip.name"),
        Binding("m", "merge", "key.merge", tooltip="tip.merge"),
        Binding("d", "different", "key.different", tooltip="tip.different"),
        Binding("s", "skip", "key.skip", tooltip="tip.skip"),
        Binding("o", "toggle_kind", "key.kind", tooltip="tip.kind"),
        Binding("r", "reload", "key.reload", show=False, tooltip="tip.reload"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.kind = "person"
        self.groups: dict[str, SuggestedGroup] = {}
        """The groups shown, by row key."""
        self.skipped: set[frozenset[int]] = set()
        """Ids of groups skipped in this session, per kind they are not shown again."""
        self.group: SuggestedGroup | None = None
        self.ticked: set[int] = set()
        self.canonical = ""
        self.typed_name = False
        """The canonical name was typed, not one of the group's spellings."""

    def compose(self) -> ComposeResult:
        """Mode bar, status, groups beside the chosen group's spellings, footer."""
        yield ModeBar("reconcile")
        yield Static(Text(t("reconcile.looking"), style="dim"), id="reconcile-status")
        with Horizontal(id="reconcile-main"):
            yield KeyedTable(cursor_type="row", zebra_stripes=True, id="reconcile-groups")
            with Vertical(id="reconcile-detail"):
                yield Static(Text(""), id="reconcile-title")
                yield KeyedTable(cursor_type="row", zebra_stripes=True, id="reconcile-members")
                yield Static(Text(""), id="reconcile-reasons")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Columns, each with a key; start in the list of groups."""
        groups = self.query_one("#reconcile-groups", DataTable)
        groups.add_column(t("col.score"), key="score", width=6)
        groups.add_column(t("col.count"), key="count", width=5)
        groups.add_column(t("col.keep"), key="canonical")
        groups.add_column(t("col.also"), key="others")
        members = self.query_one("#reconcile-members", DataTable)
        for title, key in (
            ("✓", "ticked"),
            (t("col.keep"), "keep"),
            (t("col.spelling"), "spelling"),
            (t("col.meetings_count"), "meetings"),
            (t("col.party"), "parties"),
            (t("col.organization"), "organizations"),
            (t("col.years"), "years"),
        ):
            members.add_column(title, key=key)
        groups.focus()

    def on_screen_resume(self) -> None:
        """Look again whenever the screen is shown: imports and edits change who is who."""
        self.load()

    # --- loading ---------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="reconcile-load")
    def load(self) -> None:
        """Find the suggested groups of the shown kind, best first."""
        kind = self.kind
        self.deliver(self._show_groups, kind, suggested_groups(self.engine, kind))

    def _show_groups(self, kind: str, groups: list[SuggestedGroup]) -> None:
        if kind != self.kind:
            return
        table = self.query_one("#reconcile-groups", DataTable)
        table.clear()
        self.groups = {}
        for group in groups:
            ids = frozenset(m.id for m in group.members)
            if ids not in self.skipped:
                self.groups[group_key(group)] = group
                table.add_row(*group_cells(group), key=group_key(group))
        shown = group_key(self.group) if self.group else ""
        if shown in self.groups:  # still suggested: keep the ticks and the kept spelling
            self.group = self.groups[shown]
            table.move_cursor(row=table.get_row_index(shown))
            self._fill_members()
        else:
            self._show_group(groups_first(self.groups))
        self._status()

    def _status(self, note: str = "") -> None:
        count = len(self.groups)
        text = plural(count, f"reconcile.groups.one.{self.kind}", f"reconcile.groups.{self.kind}")
        if note:
            text += f"  ·  {note}"
        self.query_one("#reconcile-status", Static).update(Text(text, style="dim"))

    @on(DataTable.RowHighlighted, "#reconcile-groups")
    def _group_highlighted(self, event: DataTable.RowHighlighted) -> None:
        key = event.row_key.value
        if key in self.groups and (self.group is None or key != group_key(self.group)):
            self._show_group(self.groups[key])

    def _show_group(self, group: SuggestedGroup | None) -> None:
        """Show a group's spellings side by side, all ticked, the suggested one kept."""
        self.group = group
        self.ticked = {m.id for m in group.members} if group else set()
        self.canonical = group.canonical if group else ""
        self.typed_name = False
        self._fill_members()
        title = (
            t("reconcile.question", score=f"{group.score:g}") if group else t("reconcile.nothing")
        )
        self.query_one("#reconcile-title", Static).update(Text(title, style="bold"))
        reasons = Text()
        for pair in group.pairs if group else ():
            pair_names = terminal_safe(f"{pair.a.name} ~ {pair.b.name}")
            reasons.append(f"{pair_names} ({pair.score:g}): ", style="bold")
            reasons.append(terminal_safe(told_reasons(pair.reasons)) + "\n")
        self.query_one("#reconcile-reasons", Static).update(reasons)

    def _fill_members(self) -> None:
        table = self.query_one("#reconcile-members", DataTable)
        row = table.cursor_row
        table.clear()
        for member in self.group.members if self.group else ():
            table.add_row(*self._member_cells(member), key=str(member.id))
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def _member_cells(self, member: Profile) -> tuple[Text, ...]:
        first_ticked = next((m.id for m in self._ticked_members()), None)
        kept = self.canonical in dict(member.spellings) or (
            self.typed_name and member.id == first_ticked
        )
        spellings = "; ".join(f"{s} ({n})" for s, n in member.spellings)
        years = sorted(member.years)
        span = f"{years[0]}–{years[-1]}" if len(years) > 1 else "".join(map(str, years))
        return (
            Text("✓" if member.id in self.ticked else "·"),
            safe_text("★ " + self.canonical if kept else "", style="bold"),
            safe_text(spellings),
            Text(str(len(member.meetings)), justify="right"),
            safe_text(", ".join(sorted(member.parties))),
            safe_text(", ".join(sorted(member.organizations or member.councils))),
            Text(span),
        )

    def _highlighted_member(self) -> Profile | None:
        table = self.query_one("#reconcile-members", DataTable)
        if self.group is None or not table.row_count:
            return None
        return self.group.members[table.cursor_row]

    # --- deciding --------------------------------------------------------------

    def action_tick(self) -> None:
        """Tick or untick the highlighted spelling."""
        member = self._highlighted_member()
        if member is None:
            return
        self.ticked ^= {member.id}
        self._fill_members()

    def action_keep_spelling(self) -> None:
        """Keep the highlighted spelling (its most used one) as the canonical name."""
        member = self._highlighted_member()
        if member is None:
            return
        self.canonical = member.spellings[0][0]
        self.typed_name = False
        self.ticked.add(member.id)
        self._fill_members()

    def action_merge(self) -> None:
        """Merge the ticked spellings under the kept one."""
        group, chosen = self.group, self._ticked_members()
        if group is None or len(chosen) < 2:
            self.notify(t("reconcile.tick_two"), markup=False)
            return
        keep = next((m for m in chosen if self.canonical in dict(m.spellings)), None)
        if keep is None and self.typed_name:
            keep = chosen[0]
        if keep is None:
            self.notify(t("reconcile.tick_kept"), markup=False)
            return
        others, name = [m.id for m in chosen if m.id != keep.id], self.canonical
        question = t("reconcile.confirm_merge", names=_names(chosen), name=name)

        def merge() -> None:
            self._decided(group, t("reconcile.merging", name=name))
            self.merge(keep.id, others, name)

        self._confirm(question, merge)

    def _confirm(self, question: str, then: Callable[[], None]) -> None:
        self.app.push_screen(ConfirmScreen(question), lambda yes: then() if yes else None)

    def action_name(self) -> None:
        """Type the canonical name, when no spelling in the group is right."""
        if self.group is None:
            return
        spec = FieldSpec("name", t("field.canonical"), self.canonical, check_name)
        self.app.push_screen(FormScreen(t("reconcile.name_title"), [spec]), self._named)

    def _named(self, values: dict[str, str] | None) -> None:
        if values and values["name"].strip() and self.group is not None:
            self.canonical = " ".join(values["name"].split())
            self.typed_name = not any(
                self.canonical in dict(m.spellings) for m in self.group.members
            )
            self._fill_members()

    def action_different(self) -> None:
        """Declare the ticked spellings different people: never suggested together again."""
        group, chosen = self.group, self._ticked_members()
        if group is None or len(chosen) < 2:
            self.notify(t("reconcile.tick_two_different"), markup=False)
            return
        question = t("reconcile.confirm_different", names=_names(chosen))

        def different() -> None:
            self._decided(group, t("reconcile.noting"))
            self.declare_different([m.id for m in chosen])

        self._confirm(question, different)

    def action_skip(self) -> None:
        """Leave this group for now; it is not shown again until the app restarts."""
        if self.group is not None:
            self.skipped.add(frozenset(m.id for m in self.group.members))
            self._decided(self.group, t("reconcile.skipped"))

    def _ticked_members(self) -> list[Profile]:
        return [m for m in self.group.members if m.id in self.ticked] if self.group else []

    def _decided(self, group: SuggestedGroup, note: str) -> None:
        """Take a group off the list at once and show the next one."""
        table = self.query_one("#reconcile-groups", DataTable)
        key = group_key(group)
        del self.groups[key]
        table.remove_row(key)
        following = (
            table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            if table.row_count
            else None
        )
        self._show_group(self.groups.get(following or "") or groups_first(self.groups))
        self._status(note)

    @work(thread=True, exclusive=False, exit_on_error=False, group="reconcile-write")
    def merge(self, keep_id: int, other_ids: list[int], name: str) -> None:
        """Merge in the database (one undoable batch), then look for suggestions again."""
        result = merging.merge(self.engine, keep_id, other_ids, kind=self.kind, name=name)
        self.deliver(
            self._written, t("reconcile.merged", count=len(result.merged_ids) + 1, name=result.name)
        )

    @work(thread=True, exclusive=False, exit_on_error=False, group="reconcile-write")
    def declare_different(self, ids: list[int]) -> None:
        """Declare every pair of `ids` different in the database."""
        for n, first in enumerate(ids):
            for second in ids[n + 1 :]:
                merging.declare_different(self.engine, first, second, kind=self.kind)
        self.deliver(self._written, t("reconcile.noted"))

    def _written(self, note: str) -> None:
        self.notify(note, markup=False)
        self.load()

    def action_toggle_kind(self) -> None:
        """Switch between people and organisations."""
        self.kind = "organization" if self.kind == "person" else "person"
        self.groups = {}
        self.query_one("#reconcile-groups", DataTable).clear()
        self._show_group(None)
        self._status(t("reconcile.looking"))
        self.load()

    def action_reload(self) -> None:
        """Look for suggestions again (skipped groups stay skipped)."""
        self.load()

    @on(DataChanged)
    def _data_changed(self) -> None:
        self.load()

    def palette_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        """This screen's actions for the command palette."""
        return [
            (t("palette.kind"), t("tip.kind"), self.action_toggle_kind),
            (t("palette.reload"), t("tip.reload"), self.action_reload),
        ]


def groups_first(groups: dict[str, SuggestedGroup]) -> SuggestedGroup | None:
    """The first group shown, or None when there is none."""
    return next(iter(groups.values()), None)


def group_key(group: SuggestedGroup) -> str:
    """The row key of a group: its ids, smallest first (`13-29`)."""
    return "-".join(str(i) for i in sorted(m.id for m in group.members))


def group_cells(group: SuggestedGroup) -> tuple[Text, ...]:
    """Score, the spelling to keep, the others: one row of the groups list."""
    others = ", ".join(m.name for m in group.members if m.id != group.keep.id)
    return (
        Text(f"{group.score:g}", justify="right"),
        Text(str(len(group.members)), justify="right"),
        safe_text(group.canonical, style="bold"),
        safe_text(others),
    )


def _names(members: list[Profile]) -> str:
    """`Irén Lejegren, Irén Lejgren`: each member by its most used spelling."""
    return ", ".join(m.spellings[0][0] if m.spellings else m.name for m in members)
