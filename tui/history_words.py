"""The history's summaries (store/history.py and the changes that write them) as rules.

The store writes each entry's summary in English (`store` must not depend on
the app); every form it builds is recognised here, with its parts: the row
(`attendee Kim Bäckström in the meeting 2022-04-26 Kommunstyrelsen`), the
field, the values. Old entries in a database are told the same way.
"""

from __future__ import annotations

from tui.i18n import has, language, t
from tui.word_rules import TOLD, Rule, rule, say

_TABLES = {
    "agenda item": "agendaitem",
    "attendee": "attendance",
    "council": "body",
    "pair declared different": "distinctpair",
    "warning": "importwarning",
    "meeting": "meeting",
    "officer": "officer",
    "organisation": "organization",
    "spelling of an organisation": "organizationalias",
    "person": "person",
    "spelling of a name": "personalias",
    "source document": "sourcedocument",
}
"""`store.history.TABLE_WORDS` read backwards: the secretary's word for a row, to its table."""
_FIELD_KEYS = {
    "organisation": "organization",
    "organization_id": "organization",
    "body_id": "body",
    "person_id": "person",
    "paragraph_numbers": "paragraphs",
}
"""Fields the catalogue names under another key than the store's word."""


def role(code: str) -> str:
    """`chair` → `ordförande`; an unknown role stays as written."""
    return t(f"role.{code}") if has(f"role.{code}") else code


def table(word: str) -> str:
    """`attendee` → `deltagaren`: a row's kind, definite, as the secretary says it."""
    name = _TABLES.get(word)
    return t(f"table.{name}") if name else word


def field_word(word: str) -> str:
    """`Location` → `Plats` (the store's English is already the English)."""
    name = word.lower().replace(" ", "_")
    key = f"field.{_FIELD_KEYS.get(name, name)}"
    if language() == "en" or not has(key):
        return word
    return t(key)


def value(text: str) -> str:
    """`yes` → `ja`, `(empty)` → `(tomt)`, `'member'` → `'ledamot'`; the rest as written."""
    if text in ("yes", "no"):
        return t(text)
    if text == "(empty)":
        return t("history.empty")
    quoted = text[1:-1] if len(text) > 1 and text[0] == text[-1] == "'" else None
    if quoted and has(f"role.{quoted}"):
        return f"'{role(quoted)}'"
    return text


def label(text: str) -> str:
    """A meeting's label: `undated …` and `… (council not named)` in the user's language."""
    return say(text, _LABELS, label) or text


def thing(text: str) -> str:
    """A row as `store.history._thing` names it."""
    return say(text, _THINGS, thing) or text


def subject(text: str) -> str:
    """A row and its meeting, as `store.history.subject` names them."""
    return say(text, _SUBJECTS, subject) or thing(text)


def rows(count: str) -> str:
    """`3 rows` → `3 rader`."""
    return t("history.rows.one" if count == "1" else "history.rows", count=count)


def renamed(name: str) -> str:
    """`, now called Irén Lejegren` in a merge."""
    return t("history.now_called", name=name)


def verb(word: str) -> str:
    """`undo` → `ångra`."""
    return t(f"history.verb.{word}")


def kinds(word: str) -> str:
    """`people` / `organisations` in a reconcile or a "different" entry."""
    return t(f"history.kind.{word}")


def more(count: str) -> str:
    """`; and 3 more` at the end of a reconcile's merges."""
    return t("history.and_more", count=count)


_DATE = r"\d{4}-\d{2}-\d{2}"
_LABELS = (
    rule(r"meeting (?P<id>\d+)", "history.label.id"),
    rule(r"undated \(council not named\)", "history.label.nothing"),
    rule(r"undated (?P<body>.+)", "history.label.undated"),
    rule(rf"(?P<date>{_DATE}) \(council not named\)", "history.label.no_body"),
    rule(rf"(?P<date>{_DATE}) (?P<body>.+)", "meeting.label"),
)
_THINGS = (
    rule(r"attendee (?P<name>.+)", "history.thing.attendee"),
    rule(r"(?P<role>chair|secretary|adjuster) (?P<name>.+)", "history.thing.officer", role=role),
    rule(r"agenda item (?P<number>\d+) \((?P<title>.*)\)", "history.thing.item"),
    rule(r"the warning on line (?P<line>\d+)", "history.thing.warning_line"),
    rule(r"a warning", "history.thing.warning"),
    rule(
        "(?P<word>" + "|".join(sorted(_TABLES, key=len, reverse=True)) + ")",
        "history.thing",
        word=table,
    ),
)
_SUBJECTS = (
    rule(r"the meeting (?P<label>.+)", "history.subject.meeting", label=label),
    rule(
        r"(?P<thing>.+?) in the meeting (?P<label>.+)",
        "history.subject.in",
        thing=thing,
        label=label,
    ),
)
_MERGED = (
    r"(?P<merged>.+?) into (?P<kept>.+?)(?:, now called (?P<renamed>.+?))?"
    r" \((?P<rows>\d+) rows? moved\)"
)
_ONE_MERGE = (rule(_MERGED, "history.merged_words", renamed=renamed, rows=rows),)


def merges(text: str) -> str:
    """The merges a reconcile names, `; `-separated, with `; and N more` at the end."""
    head, sep, count = text.rpartition("; and ")
    tail = more(count.removesuffix(" more")) if sep and count.endswith(" more") else ""
    listed = head if tail else text
    told = (say(one, _ONE_MERGE, merges) or one for one in listed.split("; "))
    return "; ".join(told) + tail


def _cannot(ending: str, key: str, **parts: object) -> Rule:
    start = r"Cannot (?P<verb>undo|redo) “(?P<summary>.+)”: "
    return rule(start + ending, key, verb=verb, summary=TOLD, **parts)  # type: ignore[arg-type]


RULES: tuple[Rule, ...] = (
    rule(r"Undid: (?P<what>.+)", "history.undid", what=TOLD),
    rule(r"Redid: (?P<what>.+)", "history.redid", what=TOLD),
    rule(r"Marked (?P<subject>.+) not reviewed", "history.marked_unreviewed", subject=subject),
    rule(r"Marked (?P<subject>.+) reviewed", "history.marked_reviewed", subject=subject),
    rule(r"Added (?P<subject>.+)", "history.added", subject=subject),
    rule(r"Deleted (?P<subject>.+)", "history.deleted", subject=subject),
    rule(r"Moved the meeting (?P<label>.+?) to (?P<body>.+)", "history.moved", label=label),
    rule(r"Merged " + _MERGED, "history.merged", renamed=renamed, rows=rows),
    rule(
        r"Reconciled (?P<kind>people|organisations) automatically: merged (?P<merges>.+)",
        "history.reconciled",
        kind=kinds,
        merges=merges,
    ),
    rule(
        r"Split (?P<spelling>.+?) from (?P<owner>.+) \((?P<rows>\d+) rows? moved\)",
        "history.split",
        rows=rows,
    ),
    rule(
        r"Declared (?P<first>.+?) and (?P<second>.+) different (?P<kind>people|organisations)",
        "history.different",
        kind=kinds,
    ),
    rule(r"Imported (?P<file>.+?): the meeting (?P<label>.+)", "history.imported", label=label),
    rule(
        r"Re-imported (?P<file>.+?) over the meeting (?P<label>.+) \(imported (?P<at>[\d :-]+)\)",
        "history.reimported",
        label=label,
    ),
    _cannot(
        r"the (?P<field>.+) it changed has been changed since, outside this history\.",
        "history.cannot.changed",
        field=field_word,
    ),
    _cannot(
        r"the (?P<what>.+) it would put back is there already\.",
        "history.cannot.present",
        what=table,
    ),
    _cannot(
        r"the (?P<what>.+?) it changed was replaced by a re-import"
        r" \((?P<by>.+), (?P<at>[\d :-]+)\); nothing was changed\.",
        "history.cannot.replaced",
        what=table,
        by=TOLD,
    ),
    _cannot(
        r"the (?P<what>.+) it changed is no longer there; nothing was changed\.",
        "history.cannot.gone",
        what=table,
    ),
    rule(
        r"Body of (?P<subject>agenda item .+?): (?P<old>.*) → (?P<new>.*)",
        "history.changed_text",
        subject=subject,
        old=value,
        new=value,
    ),
    rule(
        r"(?P<field>[A-Z][a-z ]*?) of (?P<subject>.+?): (?P<old>.*) → (?P<new>.*)",
        "history.changed",
        field=field_word,
        subject=subject,
        old=value,
        new=value,
    ),
)
"""Every summary `store` writes, and what undo and redo say about one."""
