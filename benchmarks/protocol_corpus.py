"""Synthetic protocols in the three seed layouts, for the import benchmark.

Names are drawn from per-council rosters, so that they recur as in a real
archive; each protocol has about 30 attendees and 10 agenda items.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path


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
