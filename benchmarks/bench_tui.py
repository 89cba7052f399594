"""The app on a big archive: start, open a meeting, search people, memory.

    .venv/bin/python benchmarks/bench_tui.py [--meetings 10000] [--people 100000] [--db PATH]

Builds (or reuses, with --db) a database of 10,000 meetings with 40
attendance rows each (400,000 rows), 100,000 people, agenda items, officers,
warnings and a source text per meeting, inserting rows directly (no parsing).
Then, headless with `App.run_test`, it measures:

- start: from spawning a fresh Python process to the first page of meetings
  and the newest meeting's detail on screen, to a first key answered and to the
  engine made, against a minimal Textual app (`bench_start.py`, medians of 7);
  the import time alone; and in this process (SQLAlchemy already imported),
  from creating `ProtokollApp` on an engine to that screen;
- open: from moving the list cursor to the next meeting's detail on screen;
- page: loading a page of 200 meetings deep in the list (keyset pagination);
- search: one people-search keystroke over every name and alias;
- the app's peak memory (VmHWM) in the People-view runs, and this process's own peak.

Aims: spawn to first screen < 0.6 s, open < 100 ms, keystroke < 20 ms.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT))

from bench_start import print_start  # noqa: E402

from store.db import make_engine  # noqa: E402
from store.names import alias_key  # noqa: E402

FIRST = [
    "Anna",
    "Eva",
    "Maria",
    "Karin",
    "Sara",
    "Lena",
    "Emma",
    "Kerstin",
    "Ingrid",
    "Marie",
    "Lars",
    "Anders",
    "Johan",
    "Per",
    "Erik",
    "Karl",
    "Nils",
    "Jan",
    "Mats",
    "Olof",
    "Irén",
    "Siw",
    "Berth",
    "Oscar",
    "Ulla",
    "Linda",
    "Gunilla",
    "Solweig",
    "Thorbjörn",
    "Marlene",
]
SYLLABLES = "berg lund ström gren qvist son dahl holm sjö fors vik mark hag kull näs rud by sten"
SYLLABLES = SYLLABLES.split()
STEMS = "Lej Ek Al Björk Sand Gran Lind Ros Hall Fal Norr Söder Väst Öst Hult Krantz Svahn"
STEMS = STEMS.split()


def _surnames(count: int, rng: random.Random) -> list[str]:
    names: set[str] = set()
    while len(names) < count:
        names.add(rng.choice(STEMS) + "".join(rng.choices(SYLLABLES, k=rng.randint(1, 2))))
    return sorted(names)


def _people(count: int, rng: random.Random) -> list[str]:
    surnames = _surnames(count // 20 + 50, rng)
    names: set[str] = set()
    while len(names) < count:
        names.add(f"{rng.choice(FIRST)} {rng.choice(surnames)}")
    return sorted(names)


def _pairs() -> list[tuple[str, str]]:
    """300 distinct organisation name parts."""
    return [(stem, syllable) for stem in STEMS for syllable in SYLLABLES][:300]


def build(path: Path, meetings: int, people: int, seed: int = 1) -> None:
    """Fill a fresh database with a synthetic archive, fast, with plain inserts."""
    rng = random.Random(seed)
    engine = make_engine(str(path))
    raw = engine.raw_connection()
    cursor = raw.cursor()
    names = _people(people, rng)
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
    cursor.executemany(
        "INSERT INTO body (id, uid, name) VALUES (?, ?, ?)",
        [(i, f"body-{i}", f"Samverkansråd {i}") for i in range(1, 21)],
    )
    orgs = [
        (i, f"org-{i}", f"{stem}{syllable}s kommun")
        for i, (stem, syllable) in enumerate(_pairs(), 1)
    ]
    cursor.executemany("INSERT INTO organization (id, uid, name) VALUES (?, ?, ?)", orgs)
    people_rows = [(i, f"person-{i}", n) for i, n in enumerate(names, 1)]
    cursor.executemany("INSERT INTO person (id, uid, name) VALUES (?, ?, ?)", people_rows)
    aliases = [(i, f"alias-{i}", i, n, alias_key(n)) for i, n in enumerate(names, 1)]
    cursor.executemany(
        "INSERT INTO personalias (id, uid, person_id, spelling, key) VALUES (?, ?, ?, ?, ?)",
        aliases,
    )
    for table, rows in _meeting_rows(meetings, len(names), names, rng, now):
        # Every row has a uid right after its id (see store.models.uid_field).
        rows = [(row[0], f"{table}-{n}", *row[1:]) for n, row in enumerate(rows)]
        marks = ", ".join("?" * len(rows[0]))
        cursor.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
    raw.commit()
    cursor.execute("ANALYZE")
    raw.close()
    engine.dispose()


TABLES = ("sourcedocument", "meeting", "attendance", "officer", "agendaitem", "importwarning")


def _meeting_rows(
    meetings: int, people: int, names: list[str], rng: random.Random, now: str
) -> Iterator[tuple[str, list[tuple]]]:
    """Every table's rows for `meetings` meetings, in the order they must be inserted."""
    tables: dict[str, list[tuple]] = {name: [] for name in TABLES}
    for m in range(1, meetings + 1):
        day = date(2000, 1, 1) + timedelta(days=rng.randrange(9000))
        members = rng.sample(range(1, people + 1), 40)
        for name, rows in _one_meeting(m, day, members, names, rng, now).items():
            tables[name].extend(rows)
    yield from tables.items()


def _one_meeting(
    m: int, day: date, members: list[int], names: list[str], rng: random.Random, now: str
) -> dict[str, list[tuple]]:
    """The rows of one meeting: source, header, 40 attendees, 3 officers, 10 items."""
    lines = [f"Protokoll till Samverkansråd {m % 20 + 1}", f"Tid: {day} kl 9:00", "Plats: Almen"]
    lines += [f"{names[p - 1]} (S)   Kommun" for p in members] + ["Text."] * 120
    times = ("09:00:00.000000", "12:00:00.000000")
    header = (m, m % 20 + 1, day.isoformat(), *times, "Almen", None, None, None, m, m % 3 == 0, now)
    return {
        "sourcedocument": [
            (m, f"{m:05}.txt", f"/a/{m:05}.txt", f"h{m}", "utf-8", "\n".join(lines), now)
        ],
        "meeting": [header],
        "attendance": [
            # paragraphs and paragraph_numbers None: present at all of them
            (
                None,
                m,
                i,
                p,
                names[p - 1],
                "S",
                rng.randint(1, 300),
                None,
                _role(i),
                True,
                None,
                None,
                4 + i,
            )
            for i, p in enumerate(members)
        ],
        "officer": [
            (None, m, i, role, members[i], names[members[i] - 1], 2)
            for i, role in enumerate(("chair", "secretary", "adjuster"))
        ],
        "agendaitem": [
            (None, m, n, n, f"Punkt {n}", "Text. " * 30, "Beslut.", "", 50 + n * 10, 59 + n * 10)
            for n in range(1, 11)
        ],
        "importwarning": [(None, m, m, 3, "odd line", False)] if m % 5 == 0 else [],
    }


def _role(position: int) -> str:
    return "member" if position < 30 else ("substitute" if position < 36 else "other")


# --- measuring ---------------------------------------------------------------


PEOPLE_VIEW = """
import asyncio, json, resource, sys, time
from store.db import make_engine
from tui.app import ProtokollApp
from tui.screens.people import PeopleScreen
from tui.widgets.meeting_table import MeetingTable
from textual.widgets import Input

shown = []  # (query, when) for every result list put on screen
_show = PeopleScreen._show_hits

def _recording(self, text, hits):
    _show(self, text, hits)
    shown.append((text, time.perf_counter()))

PeopleScreen._show_hits = _recording

def rss_mb():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20

def peak_mb():
    # VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec, so a child of a big
    # process (this benchmark after building its database) would report the parent's.
    with open("/proc/self/status") as status:
        line = next(x for x in status if x.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024

async def until(condition):
    while True:
        try:
            if condition():
                return
        except Exception:
            pass
        await asyncio.sleep(0.001)

async def main():
    app = ProtokollApp(engine=make_engine(sys.argv[1]))
    figures = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await until(lambda: app.screen.query_one(MeetingTable).row_count and app.screen.detail)
        await asyncio.sleep(float(sys.argv[2]))  # idle on the meetings list first
        figures["rss before"] = rss_mb()
        began = time.perf_counter()
        await pilot.press("2")
        await until(lambda: shown and shown[-1][0] == "")
        figures["searchable"] = shown[-1][1] - began
        keystrokes = []
        for name in ("lejgren", "anna lindberg", "siw lunandr", "karl"):
            field = app.screen.query_one("#people-search", Input)
            field.value = ""
            await until(lambda: shown[-1][0] == "")
            for end in range(1, len(name) + 1):
                began = time.perf_counter()
                await pilot.press("space" if name[end - 1] == " " else name[end - 1])
                await until(lambda: shown[-1][0] == name[:end])
                keystrokes.append(shown[-1][1] - began)
        figures["keystroke median"] = sorted(keystrokes)[len(keystrokes) // 2]
        figures["keystroke max"] = max(keystrokes)
        figures["rss after"] = rss_mb()
    figures["peak rss"] = peak_mb()
    print(json.dumps(figures), flush=True)

asyncio.run(main())
"""


def people_view(path: Path, idle: float = 0.0) -> dict[str, float]:
    """A fresh app on `path`, `idle` s after its first screen: key 2 to a list, keystrokes."""
    out = subprocess.run(
        [sys.executable, "-c", PEOPLE_VIEW, str(path), str(idle)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def import_time() -> float:
    """Seconds to import what the first screen needs, in a fresh interpreter."""
    code = (
        "import time; t = time.perf_counter(); import tui.cli, tui.app; "
        "print(time.perf_counter() - t)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return float(out.stdout)


async def measure_app(path: Path) -> dict[str, float]:
    """Start the app headless and time the first screen and opening meetings."""
    from tui.app import ProtokollApp
    from tui.widgets.meeting_table import MeetingTable

    began = time.perf_counter()
    app = ProtokollApp(engine=make_engine(str(path)))
    figures: dict[str, float] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        table = await _until(pilot, lambda: app.screen.query_one(MeetingTable))
        await _until(pilot, lambda: table.row_count and app.screen.detail)
        figures["start"] = time.perf_counter() - began
        figures["open"] = statistics.median(
            [await _open_next(pilot, app, table) for _ in range(15)]
        )
        figures["rows"] = table.row_count
    return figures


async def _open_next(pilot, app, table) -> float:
    shown = app.screen.detail.id
    began = time.perf_counter()
    table.action_cursor_down()
    await _until(pilot, lambda: app.screen.detail.id != shown)
    return time.perf_counter() - began


async def _until(pilot, condition):
    while True:
        try:
            found = condition()
        except Exception:
            found = None
        if found:
            return found
        await asyncio.sleep(0.001)
    raise TimeoutError("the app did not show what was waited for")


def measure_page(path: Path) -> float:
    """Seconds for one page of 200 meetings far down the list."""
    from store import queries

    engine = make_engine(str(path))
    page = queries.meeting_page(engine)
    for _ in range(30):
        page = queries.meeting_page(engine, after=page.next_cursor)
    began = time.perf_counter()
    queries.meeting_page(engine, after=page.next_cursor)
    return time.perf_counter() - began


def measure_list(path: Path) -> dict[str, float]:
    """Seconds for a sorted or faceted page (first, and 5,000 deep) and for the facet counts."""
    from store.meeting_list import ListFilter, ListSort, facet_counts, sorted_page

    engine = make_engine(str(path))
    found = {}
    for name, wanted, sort in (
        ("by council", ListFilter(), ListSort("body", False)),
        ("by attendees", ListFilter(), ListSort("attendees", True)),
        ("unreviewed", ListFilter(reviewed=False), ListSort()),
    ):
        for offset in (0, 5000):
            began = time.perf_counter()
            sorted_page(engine, wanted, sort, offset=offset)
            found[f"{name}, from {offset}"] = time.perf_counter() - began
    began = time.perf_counter()
    facet_counts(engine, ListFilter())
    found["facet counts"] = time.perf_counter() - began
    return found


def measure_search(path: Path) -> dict[str, float]:
    """Index build time, and per-keystroke times while typing names (some with typos)."""
    from store.search import PeopleIndex

    engine = make_engine(str(path))
    began = time.perf_counter()
    index = PeopleIndex.load(engine)
    built = time.perf_counter() - began
    times = []
    for name in ("lejgren", "anna lindberg", "siw lunandr", "eva sandström", "karl"):
        for end in range(1, len(name) + 1):
            began = time.perf_counter()
            index.search(name[:end], limit=50)
            times.append(time.perf_counter() - began)
    return {
        "build": built,
        "median": statistics.median(times),
        "max": max(times),
        "names": len(index),
    }


def main() -> None:
    """Build or reuse the database, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=10_000)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="reuse (or build once into) this file")
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp()) / "bench.db"
    if not path.exists() or path.stat().st_size < 1_000_000:
        began = time.perf_counter()
        build(path, args.meetings, args.people)
        took = time.perf_counter() - began
        print(f"built {args.meetings} meetings, {args.people} people in {took:.1f} s: {path}")
    print(f"import tui.cli, tui.app    {import_time() * 1000:7.0f} ms")
    print_start(path)
    app = asyncio.run(measure_app(path))
    start, rows = app["start"] * 1000, app["rows"]
    print(f"app on an engine to screen {start:7.0f} ms   ({rows:.0f} rows loaded, in this process)")
    print(f"open a meeting (median)    {app['open'] * 1000:7.1f} ms   (aim < 100)")
    print(f"page of 200, 30 pages deep {measure_page(path) * 1000:7.1f} ms")
    for name, seconds in measure_list(path).items():
        print(f"{'list ' + name:<27}{seconds * 1000:7.1f} ms")
    search = measure_search(path)
    print(
        f"people index build         {search['build'] * 1000:7.0f} ms   ({search['names']} people)"
    )
    print(f"search keystroke median    {search['median'] * 1000:7.2f} ms   (aim < 20)")
    print(f"search keystroke max       {search['max'] * 1000:7.2f} ms")
    _print_people_view(path)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"this benchmark's peak RSS  {peak:7.0f} MB   (building the database included)")


def _print_people_view(path: Path) -> None:
    """Key 2 at once after start (the index built then), and after 3 s (built in the background)."""
    for label, idle in (("at once", 0.0), ("after 3 s", 3.0)):
        runs = [people_view(path, idle) for _ in range(3)]
        median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
        searchable = median["searchable"] * 1000
        print(f"people searchable {label:<9}{searchable:7.0f} ms   (aim < 1000, key 2 to list)")
        print(
            f"  keystroke median / max   {median['keystroke median'] * 1000:7.1f} / "
            f"{median['keystroke max'] * 1000:.1f} ms   (typed in the app)"
        )
        before, after, peak = median["rss before"], median["rss after"], median["peak rss"]
        print(
            f"  app RSS before/after/peak{before:5.0f} / {after:.0f} / {peak:.0f} MB   (aim < 250)"
        )


if __name__ == "__main__":
    main()
