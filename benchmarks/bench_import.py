"""Import throughput: synthetic protocols in the three seed layouts, protokoll vs plain sqlite3.

    .venv/bin/python benchmarks/bench_import.py [--sizes 1000 10000] [--seed 1]
        [--documents 60] [--corpus ../shared/corpus]

For each size N it writes N protocols (about 30 attendees and 10 agenda items
each, names drawn from per-council rosters so that they recur as in a real
archive) to a temporary folder, then:

- times `store.loading.import_paths` end to end (find, read, parse, load: what
  `protokoll import` does) into a fresh SQLite file;
- parses every file again and, per file, times protokoll's `load_protocol` and
  a baseline that stores the same rows with plain `sqlite3` (same schema,
  pragmas, one transaction per protocol, alias ids cached in dicts).

Then (`--documents N`) it renders N of those protocols as PDF and as Word files
(as the tests do, with tests/importers/make_documents.py) and times reading and
parsing each format beside the text of the same protocols: files and pages per
second. `--corpus DIR` also times reading every PDF under DIR.

Not part of the test suite.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import importers
from importers.records import ParsedFile
from store.db import make_engine
from store.loading import LookupCache, alias_key, import_paths, load_protocol
from store.parse_pool import default_workers


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST = _words(
    "Anna Eva Maria Karin Sara Lena Emma Kristina Elin Ida Malin Linda Johanna Sofia Ulla Ewa "
    "Solveig Irén Marlene Siw Gunilla Therese Ivonne Birgitta Ingrid Margareta Annika Helena "
    "Lars Anders Johan Per Erik Karl Peter Mikael Jan Hans Thomas Tom Tommy Daniel Fredrik Magnus "
    "Mats Stefan Andreas Jonas Bo Björn Bengt Sven Olof Oscar Gustav Henrik Kenneth Torbjörn Håkan "
    "Göran Åke Örjan Kim Harry Christian Sebastian Rickard Niklas Per-Åke Sven-Erik Ewa-Leena"
)
LAST = _words(
    "Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson "
    "Pettersson Jonsson Jönsson Hansson Bengtsson Magnusson Lindqvist Oscarsson Gunnarsson "
    "Josefsson Lejegren Lunander Hultkrantz Svärd Bäckrud Falk Svahn Jörhag Rudolfsson Dieker "
    "Ahnér Handberg Sörman Åhrlin Edström Niklasson Söderman Järnberg Liljenhed Rymoen Sätterman "
    "Appelqvist Elverskog Larserö Lindberg Hallberg Thorsberg Ladinek Storm Loiske Kuurne"
)
PARTIES = ("S", "M", "V", "C", "L", "KD", "MP", "SD")
PLACES = _words(
    "Askersund Degerfors Hallsberg Hällefors Karlskoga Kumla Laxå Lekeberg Lindesberg "
    "Ljusnarsberg Nora Örebro Arboga Köping Västerås Eskilstuna"
)
MONTHS = "januari februari mars april maj juni juli augusti september oktober november december"
WEEKDAYS = ("Måndag", "Tisdag", "Onsdag", "Torsdag", "Fredag", "Lördag", "Söndag")
TOPICS = (
    "Kompetensförsörjning i länet", "Uppföljning av budget", "Information om vaccinationer",
    "Regional utvecklingsstrategi", "Samverkan kring flyktingmottagande", "Rapport från projektet",
    "Digitalisering av skolan", "Kollektivtrafik och regional planering", "Övriga frågor",
)  # fmt: skip
LAYOUTS = ("paren", "tabs", "single")


@dataclass(frozen=True)
class Member:
    """One roster entry: who sits in a council for which party and organisation."""

    name: str
    party: str
    org: str


@dataclass(frozen=True)
class Council:
    """A body with its roster, officers and the layout its secretary writes in."""

    name: str
    layout: str
    members: tuple[Member, ...]
    others: tuple[Member, ...]
    secretary: str


def make_councils(rng: random.Random, count: int = 24) -> list[Council]:
    """Councils with rosters of about 30 members and a few officials each."""
    councils = []
    for index in range(count):
        kind = ("Regionalt samverkansråd", "Specifikt samverkansråd för vård", "Nämnd")[index % 3]
        name = f"{kind} {PLACES[index % len(PLACES)]} {index // len(PLACES) + 1}"
        members = tuple(_member(rng) for _ in range(rng.randint(26, 32)))
        others = tuple(_member(rng) for _ in range(rng.randint(3, 6)))
        layout = LAYOUTS[index % len(LAYOUTS)]
        councils.append(Council(name, layout, members, others, _person(rng)))
    return councils


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _member(rng: random.Random) -> Member:
    place = rng.choice(PLACES)
    org = "Region Örebro län" if rng.random() < 0.15 else f"{place}{rng.choice(['', 's'])} kommun"
    return Member(_person(rng), rng.choice(PARTIES), org)


def swedish_date(day: date) -> str:
    return f"{day.day} {MONTHS.split()[day.month - 1]} {day.year}"


def items_text(rng: random.Random, layout: str, count: int = 10) -> str:
    """`count` agenda items, some with a decision and an attachment, in the layout's style."""
    parts = []
    for number in range(1, count + 1):
        title = rng.choice(TOPICS)
        heading = f"**{number}. {title}.**" if layout == "tabs" else f"{number}. {title}."
        body = f"{_person(rng)} redovisade ärendet och svarade på frågor om {title.lower()}."
        section = [heading, "", body, ""]
        if rng.random() < 0.5:
            section += ["Beslut", f"Rådet beslutade att godkänna förslaget om {title.lower()}.", ""]
        if rng.random() < 0.3:
            section += ["Bilaga", "Presentationen som visades på mötet.", ""]
        parts.append("\n".join(section))
    return "\n".join(parts)


def attendance_lines(
    rng: random.Random, council: Council, officers: tuple[Member, ...]
) -> tuple[list[str], list[str]]:
    """Member and other-participant lines in the council's layout; some members absent."""
    members, others = [], []
    for m in council.members:
        absent = m not in officers and rng.random() < 0.1
        if council.layout == "paren":
            members.append(f"{m.name} ({m.party})   {m.org} ")
        elif council.layout == "single":
            members.append(f"{m.name} {m.party} {m.org}.")
        elif absent:
            members.append(f"<del>{m.name}</del>\t<del>{m.party}</del>\t<del>{m.org}.</del>")
        else:
            members.append(f"{m.name}\t{m.party}\t{m.org}.")
    separator = "\t" if council.layout == "tabs" else "   "
    others = [f"{o.name}{separator}{o.org}" for o in council.others]
    return members, others


def protocol_text(rng: random.Random, council: Council, day: date) -> str:
    """One protocol of `council` held on `day`."""
    chair, adjuster = rng.sample(council.members, 2)
    members, others = attendance_lines(rng, council, (chair, adjuster))
    make = {"paren": _paren_layout, "tabs": _tabs_layout, "single": _single_layout}
    head = make[council.layout](council, day, chair.name, adjuster.name)
    return head.format(members="\n".join(members), others="\n".join(others)) + items_text(
        rng, council.layout
    )


def _paren_layout(council: Council, day: date, chair: str, adjuster: str) -> str:
    adjusted = day + timedelta(days=10)
    return (
        f" Protokoll från {council.name} \n"
        f"Tid: {WEEKDAYS[day.weekday()]} {swedish_date(day)} kl 13:00 – 16:00 \n"
        "Plats: Via Zoom  \n \nVid protokollet: \n \n"
        f"{council.secretary} \nSekreterare \n\n \nJusterat den:  \n{adjusted.isoformat()} \n \n\n"
        f"{chair}                                             {adjuster} \n"
        "Ordförande              Justerare \n \n"
        "Närvarande ledamöter: \nLedamöter: \n{members}\n \nÖvriga närvarande: \n{others}\n"
    )


def _tabs_layout(council: Council, day: date, chair: str, adjuster: str) -> str:
    adjusted = (day + timedelta(days=11)).strftime("%y%m%d")
    return (
        f"## Protokoll {council.name}\n\n"
        f"Dag och tid: {swedish_date(day)} kl. 9.00–12.00  \n"
        "Plats: Eken, Eklundavägen 1, Örebro\n\n"
        f"{chair}  \nOrdförande\n\nJusterare: {adjuster}  \nJusterat den: {adjusted}\n\n"
        f"{council.secretary}  \nSekreterare\n\n"
        "Närvarande ledamöter:\n\n{members}\n\n**Övriga deltagare**\n\n{others}\n\n"
    )


def _single_layout(council: Council, day: date, chair: str, adjuster: str) -> str:
    return (
        f"Protokoll {council.name}\n             \n\n"
        f"Dag och tid: {swedish_date(day)} kl. 9.00-11.20 \nPlats: Digitalt via Skype\n\n"
        f"{chair}\nOrdförande\n\nJusterare: {adjuster}\n"
        f"Justerat den: {(day + timedelta(days=9)).isoformat()}\n\n"
        f"{council.secretary}\nSekreterare\n\n"
        "Närvarande ledamöter:\n{members}\n\nÖvriga deltagare\n{others}\n\n"
    )


def write_protocols(folder: Path, count: int, seed: int) -> list[Path]:
    """Write `count` protocols, each council meeting every two weeks from 2010 on."""
    rng = random.Random(seed)
    councils = make_councils(rng)
    paths = []
    for index in range(count):
        council = councils[index % len(councils)]
        day = date(2010, 1, 4) + timedelta(days=14 * (index // len(councils)) + index % 5)
        path = folder / f"{index:06d}_{council.layout}.txt"
        path.write_text(protocol_text(rng, council, day), encoding="utf-8")
        paths.append(path)
    return paths


# -- the baseline: the same rows, plain sqlite3 -----------------------------------------------


_UID = "lower(hex(randomblob(16)))"
"""A random uid per row, made by SQLite itself."""


class RawLoader:
    """Stores parsed files with nothing but `sqlite3`, as fast as a straightforward loader can.

    Every row gets a random uid, as protokoll's do, made by SQLite itself.
    """

    def __init__(self, path: Path) -> None:
        make_engine(str(path)).dispose()  # the same schema and the same pragmas as protokoll
        self.conn = sqlite3.connect(path, isolation_level=None)
        for pragma in ("journal_mode=WAL", "foreign_keys=ON", "synchronous=NORMAL"):
            self.conn.execute(f"PRAGMA {pragma}")
        self.ids: dict[tuple[str, str], int] = {}

    def load(self, parsed: ParsedFile) -> None:
        """One transaction: source, meeting, people and organisations, child rows."""
        c, s = self.conn, parsed.source
        c.execute("BEGIN")
        found = c.execute(
            "SELECT meeting.id FROM meeting JOIN sourcedocument ON meeting.source_id = "
            "sourcedocument.id WHERE content_hash = ?", (s.content_hash,)
        ).fetchone()  # fmt: skip
        if found is None:
            self._insert(parsed)
        c.execute("COMMIT")

    def _insert(self, parsed: ParsedFile) -> None:
        c, p, s = self.conn, parsed.protocol, parsed.source
        now = time.strftime("%Y-%m-%d %H:%M:%S")
        row = (Path(s.path).name, s.path, s.content_hash, s.encoding, s.text, now)
        source = c.execute(
            "INSERT INTO sourcedocument (uid, file_name, path, content_hash, encoding, text, "
            f"imported_at) VALUES ({_UID}, ?, ?, ?, ?, ?, ?)",
            row,
        ).lastrowid
        body = self._id("body", p.body, f"INSERT INTO body (uid, name) VALUES ({_UID}, ?)")
        meeting = c.execute(
            "INSERT INTO meeting (uid, body_id, date, start_time, end_time, location, adjusted_on, "
            "next_meeting, next_meeting_text, source_id, reviewed, imported_at) "
            f"VALUES ({_UID}, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
            (body, _iso(p.date), _iso(p.start), _iso(p.end), p.location, _iso(p.adjusted_on),
             _iso(p.next_meeting), p.next_meeting_text, source, now),
        ).lastrowid  # fmt: skip
        self._children(parsed, meeting, source)

    def _children(self, parsed: ParsedFile, meeting: int, source: int) -> None:
        c, p = self.conn, parsed.protocol
        c.executemany(
            "INSERT INTO attendance (uid, meeting_id, position, person_id, name_as_written, party, "
            "organization_id, organization_as_written, role, present, line) "
            f"VALUES ({_UID}, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(meeting, i, self._person(a.name), a.name, a.party, self._org(a.organization,
              a.organization_canonical), a.organization, a.role, a.present, a.line)
             for i, a in enumerate(p.attendees)],
        )  # fmt: skip
        c.executemany(
            "INSERT INTO officer (uid, meeting_id, position, role, person_id, name_as_written, "
            f"line) VALUES ({_UID}, ?, ?, ?, ?, ?, ?)",
            [(meeting, i, o.role, self._person(o.name), o.name, o.line)
             for i, o in enumerate(p.officers)],
        )  # fmt: skip
        c.executemany(
            "INSERT INTO agendaitem (uid, meeting_id, position, number, title, body, decisions, "
            f"attachments, line, end_line) VALUES ({_UID}, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(meeting, i, t.number, t.title, t.body, "\n".join(t.decisions),
              "\n".join(t.attachments), t.line, t.end_line) for i, t in enumerate(p.items)],
        )  # fmt: skip
        c.executemany(
            "INSERT INTO importwarning (uid, meeting_id, source_id, line, message, resolved) "
            f"VALUES ({_UID}, ?, ?, ?, ?, 0)",
            [(meeting, source, w.line, w.message) for w in p.warnings],
        )  # fmt: skip

    def _id(self, kind: str, name: str | None, sql: str) -> int:
        key = (kind, name or "")
        if key not in self.ids:
            self.ids[key] = self.conn.execute(sql, (name,)).lastrowid
        return self.ids[key]

    def _person(self, name: str) -> int:
        key = ("person", alias_key(name))
        if key not in self.ids:
            person = self.conn.execute(
                f"INSERT INTO person (uid, name) VALUES ({_UID}, ?)", (name,)
            ).lastrowid
            self.conn.execute(
                f"INSERT INTO personalias (uid, person_id, spelling, key) VALUES ({_UID}, ?, ?, ?)",
                (person, name, key[1]),
            )
            self.ids[key] = person
        return self.ids[key]

    def _org(self, written: str | None, canonical: str | None) -> int | None:
        if not written:
            return None
        key = ("org", alias_key(written))
        if key not in self.ids:
            org = self._id(
                "orgname",
                canonical or written,
                f"INSERT INTO organization (uid, name) VALUES ({_UID}, ?)",
            )
            self.conn.execute(
                "INSERT INTO organizationalias (uid, organization_id, spelling, key) "
                f"VALUES ({_UID}, ?, ?, ?)",
                (org, written, key[1]),
            )
            self.ids[key] = org
        return self.ids[key]


def _iso(value: object) -> str | None:
    return None if value is None else value.isoformat()  # type: ignore[attr-defined]


# -- measuring --------------------------------------------------------------------------------


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def measure(size: int, seed: int, workers: int | None) -> dict[str, float]:
    """Seconds spent on each part of importing `size` synthetic protocols."""
    with tempfile.TemporaryDirectory(prefix="protokoll-bench-") as scratch:
        folder = Path(scratch) / "protocols"
        folder.mkdir()
        paths = write_protocols(folder, size, seed)
        engine = make_engine(str(Path(scratch) / "end_to_end.db"))
        summary = {}
        seconds = {
            "end_to_end": timed(
                lambda: summary.update(s=import_paths(engine, [folder], workers=workers))
            )
        }
        failed = [o for o in summary["s"].outcomes if o.status != "imported"]
        assert not failed, failed[:3]
        seconds.update(split_timings(paths, Path(scratch)))
        engine.dispose()
    return seconds


class Stopwatch:
    """Wall-clock and CPU seconds (of this process) summed per named step.

    CPU seconds are not inflated by other work on a shared machine.
    """

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    @contextmanager
    def timing(self, name: str) -> Iterator[None]:
        """Add the time the `with` block takes to `name` and `name_cpu`."""
        wall, cpu = time.perf_counter(), time.process_time()
        yield
        self.seconds[name] += time.perf_counter() - wall
        self.seconds[f"{name}_cpu"] += time.process_time() - cpu


def split_timings(paths: list[Path], scratch: Path) -> dict[str, float]:
    """Parse, protokoll load and raw sqlite3 load, each summed over the files."""
    engine = make_engine(str(scratch / "load.db"))
    raw = RawLoader(scratch / "raw.db")
    cache = LookupCache()
    watch = Stopwatch()
    for path in paths:
        with watch.timing("parse"):
            parsed = importers.parse_file(path)
        with watch.timing("load"):
            load_protocol(engine, parsed, cache=cache)
        with watch.timing("raw"):
            raw.load(parsed)
    engine.dispose()
    raw.conn.close()
    return dict(watch.seconds)


def report(size: int, seconds: dict[str, float], workers: int) -> None:
    """One size's figures: protocols per second, wall clock (and CPU of this process)."""
    rate = {part: size / spent for part, spent in seconds.items()}
    print(f"{size} protocols")
    print(f"  import_paths end to end ({workers} parsing workers): {rate['end_to_end']:5.0f}/s")
    for name, label in (("parse", "parse only"), ("load", "load only, protokoll"),
                        ("raw", "load only, plain sqlite3")):  # fmt: skip
        print(f"  {label:<26} {rate[name]:5.0f}/s wall, {rate[name + '_cpu']:5.0f}/s CPU")
    print(
        f"  protokoll / plain sqlite3: {seconds['load'] / seconds['raw']:.2f}x wall, "
        f"{seconds['load_cpu'] / seconds['raw_cpu']:.2f}x CPU"
    )


def document_timings(count: int, seed: int) -> None:
    """Read and parse `count` protocols as text, PDF and Word; print files and pages per second."""
    with tempfile.TemporaryDirectory(prefix="protokoll-bench-docs-") as scratch:
        texts = write_protocols(Path(scratch), count, seed)
        pages = write_documents(texts)
        print(f"{count} protocols as documents ({pages} PDF pages, {pages / count:.1f} a file)")
        for suffix in (".txt", ".pdf", ".docx"):
            seconds = read_and_parse([path.with_suffix(suffix) for path in texts])
            read, both = seconds["read"], seconds["read"] + seconds["parse"]
            print(
                f"  {suffix[1:]:<4} read {count / read:6.0f} files/s ({pages / read:6.0f} pages/s)"
                f", read+parse {count / both:5.0f} files/s ({pages / both:5.0f} pages/s), "
                f"CPU {count / (seconds['read_cpu'] + seconds['parse_cpu']):5.0f} files/s"
            )


def write_documents(texts: list[Path]) -> int:
    """A PDF and a .docx beside each text protocol; returns the PDF pages written."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the tests' document maker
    from tests.importers.make_documents import sample_lines, write_docx, write_pdf

    pages = 0
    for path in texts:
        lines = sample_lines(path.read_text(encoding="utf-8"))
        pages += write_pdf(lines, path.with_suffix(".pdf"))
        write_docx(lines, path.with_suffix(".docx"))
    return pages


def read_and_parse(paths: list[Path]) -> dict[str, float]:
    """Seconds (wall and CPU) spent reading and parsing `paths`."""
    from importers.protocol import parse_document
    from importers.reading import read_document

    watch = Stopwatch()
    for path in paths:
        with watch.timing("read"):
            document = read_document(path)
        with watch.timing("parse"):
            parse_document(document)
    return dict(watch.seconds)


def corpus_timings(folder: Path) -> None:
    """Seconds to read each PDF under `folder` (best of three, wall and CPU), with its pages."""
    from importers.reading import read_document

    print(f"PDFs under {folder} (best of 3: wall s, CPU s, CPU ms a page)")
    for path in sorted(folder.rglob("*.pdf")):
        wall = cpu = float("inf")
        for _ in range(3):
            start, start_cpu = time.perf_counter(), time.process_time()
            document = read_document(path)
            wall = min(wall, time.perf_counter() - start)
            cpu = min(cpu, time.process_time() - start_cpu)
        pages = max(line.page or 0 for line in document.lines)
        print(f"  {path.name:<66} {pages:3} pages {wall:6.3f} {cpu:6.3f} {1000 * cpu / pages:5.1f}")


def main() -> None:
    """Run the sizes asked for and print one line each."""
    parser = argparse.ArgumentParser(description="Import throughput, protokoll vs plain sqlite3.")
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--seed", type=int, default=1, help="random seed for the protocols")
    parser.add_argument("--workers", type=int, help="parsing processes (default: automatic)")
    parser.add_argument("--documents", type=int, default=60, help="protocols as PDF/DOCX (0: none)")
    parser.add_argument("--corpus", type=Path, help="also time reading every PDF under this folder")
    args = parser.parse_args()
    sample = importers.parse_text(
        protocol_text(random.Random(0), make_councils(random.Random(0))[0], date(2020, 2, 26))
    )
    print(
        f"each protocol: {len(sample.attendees)} attendees, {len(sample.items)} items, "
        f"{len(sample.officers)} officers (first of three layouts)"
    )
    workers = args.workers or default_workers()
    for size in args.sizes:
        report(size, measure(size, args.seed, workers), workers)
    if args.documents:
        document_timings(args.documents, args.seed)
    if args.corpus:
        corpus_timings(args.corpus)


if __name__ == "__main__":
    main()
