"""Many small, distinct protocol files, and `protokoll` run as a real process, for the
concurrency and kill tests.

Each file is a protocol in the layout of the seed `001_…` (council title, `Tid:` with
a Swedish date, attendance with party and kommun, numbered items), of its own
council and date, so no two files are the same meeting under any replacement rule.
"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

MONTHS = "januari februari mars april maj juni juli augusti september oktober november december"
WEEKDAYS = ("Måndag", "Tisdag", "Onsdag", "Torsdag", "Fredag", "Lördag", "Söndag")
FIRST = ("Anna", "Eva", "Karin", "Lars", "Johan", "Per", "Irén", "Solveig", "Tommy", "Åke")
LAST = ("Andersson", "Lejegren", "Oscarsson", "Svahn", "Larserö", "Rymoén", "Falk", "Söderman")
PARTIES = ("S", "M", "V", "C", "L", "KD", "MP", "SD")
PLACES = ("Askersunds", "Degerfors", "Hallsbergs", "Kumla", "Laxå", "Nora", "Örebro")
TOPICS = ("Uppföljning av budget", "Kompetensförsörjning i länet", "Rapport från projektet")

PROTOKOLL = (sys.executable, "-c", "from tui.cli import main; main()")
"""The `protokoll` command, run by this Python (no installed script needed)."""


def swedish_date(day: date) -> str:
    """`26 februari 2020`."""
    return f"{day.day} {MONTHS.split()[day.month - 1]} {day.year}"


def protocol_text(index: int, *, attendees: int = 12, items: int = 4) -> str:
    """Protocol number `index`: its own council (one of ten) and its own date."""
    rng = random.Random(index)
    day = date(2010, 1, 4) + timedelta(days=index // 10)
    names = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(attendees)]
    members = "\n".join(
        f"{name} ({rng.choice(PARTIES)})   {rng.choice(PLACES)} kommun " for name in names
    )
    agenda = "\n".join(
        f"{number}. {rng.choice(TOPICS)}.\n\n{names[number % attendees]} redovisade ärendet.\n"
        for number in range(1, items + 1)
    )
    return (
        f" Protokoll från Samverkansråd {index % 10 + 1} \n"
        f"Tid: {WEEKDAYS[day.weekday()]} {swedish_date(day)} kl 13:00 – 16:00 \n"
        "Plats: Via Zoom  \n \nVid protokollet: \n \nAnna Elverskog \nSekreterare \n\n \n"
        f"Justerat den:  \n{(day + timedelta(days=10)).isoformat()} \n \n\n"
        f"{names[0]}                                             {names[1]} \n"
        "Ordförande              Justerare \n \n"
        f"Närvarande ledamöter: \nLedamöter: \n{members}\n \n{agenda}"
    )


def write_protocols(folder: Path, count: int, **sizes: int) -> list[Path]:
    """Write `count` distinct protocols into `folder` (made if missing); returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"{index:05d}.txt"
        path.write_text(protocol_text(index, **sizes), encoding="utf-8")
        paths.append(path)
    return paths


def start_import(database: str, *paths: Path, **options: object) -> subprocess.Popen[str]:
    """`protokoll --db DATABASE import PATHS…` as a real process, output captured."""
    settings: dict[str, object] = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    settings.update(options)
    return subprocess.Popen(  # type: ignore[call-overload]
        [*PROTOKOLL, "--db", database, "import", *map(str, paths)],
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        **settings,
    )


def read_only(path: Path) -> sqlite3.Connection:
    """A connection that reads an SQLite file (and its WAL) without writing to it."""
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def reset_postgres(url: str) -> None:
    """Empty the PostgreSQL test database completely (tables, types, `alembic_version`)."""
    from sqlalchemy import create_engine

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
