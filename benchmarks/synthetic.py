"""Synthetic Swedish people with known truth, for the reconciliation benchmark.

Each person gets a name, a party, an organisation, a council and a few
meetings. Some get spelling variants made by the rules protokoll must see
through (é/e, w/v, qv/kv, hyphen/space, word order, dropped second surname,
one-letter typos); each variant becomes a separate record, as it would after
importing protocols that spell the name differently.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

FIRST = [
    "Anna",
    "Eva",
    "Maria",
    "Karin",
    "Sara",
    "Lena",
    "Emma",
    "Kristina",
    "Elin",
    "Ida",
    "Malin",
    "Linda",
    "Johanna",
    "Sofia",
    "Ulla",
    "Ewa",
    "Solweig",
    "Solveig",
    "Irén",
    "Marlene",
    "Siw",
    "Gunilla",
    "Therese",
    "Teresa",
    "Ivonne",
    "Ivonny",
    "Birgitta",
    "Ingrid",
    "Margareta",
    "Annika",
    "Helena",
    "Camilla",
    "Susanne",
    "Jenny",
    "Carina",
    "Caroline",
    "Charlotta",
    "Christina",
    "Kristine",
    "Lars",
    "Anders",
    "Johan",
    "Per",
    "Erik",
    "Karl",
    "Peter",
    "Petter",
    "Mikael",
    "Jan",
    "Hans",
    "Thomas",
    "Tom",
    "Tommy",
    "Daniel",
    "Fredrik",
    "Magnus",
    "Mats",
    "Stefan",
    "Andreas",
    "Jonas",
    "Bo",
    "Björn",
    "Bengt",
    "Sven",
    "Olof",
    "Ola",
    "Oscar",
    "Gustav",
    "Henrik",
    "Kenneth",
    "Torbjörn",
    "Thorbjörn",
    "Håkan",
    "Göran",
    "Åke",
    "Örjan",
    "Jörgen",
    "Kim",
    "Harry",
    "Christian",
    "Sebastian",
    "Rickard",
    "Niklas",
    "Behcet",
    "Émile",
    "René",
    "André",
    "José",
    "Zoé",
    "Agnès",
    "Noémi",
    "Hélène",
]
DOUBLE_FIRST = (
    "Sven-Erik",
    "Per-Åke",
    "Pär-Ove",
    "Ewa-Leena",
    "Karl-Johan",
    "Lars-Göran",
    "Anna-Karin",
    "Eva-Lena",
    "Jan-Olof",
    "Ann-Christin",
)
STEMS = [
    "Lind",
    "Berg",
    "Holm",
    "Ny",
    "Sjö",
    "Ek",
    "Dahl",
    "Ström",
    "Sand",
    "Lund",
    "Wall",
    "Hag",
    "Fors",
    "Öst",
    "Väst",
    "Nord",
    "Söder",
    "Björk",
    "Al",
    "Asp",
    "Rosen",
    "Lilje",
    "Gran",
    "Stjern",
    "Bäck",
    "Kvarn",
    "Malm",
    "Hammar",
    "Ahl",
    "Åhr",
    "Falk",
    "Svahn",
    "Örn",
    "Hall",
    "Kil",
    "Rym",
    "Appel",
    "Berge",
    "Thor",
    "Kalander",
    "Lejeg",
    "Elver",
    "Svärd",
    "Löv",
    "Hed",
    "Mo",
    "Ring",
    "Sten",
    "Ros",
    "Gull",
    "Silver",
    "Stål",
    "Lundé",
    "Rydé",
    "Bergé",
]
ENDINGS = [
    "qvist",
    "kvist",
    "gren",
    "berg",
    "ström",
    "son",
    "sson",
    "man",
    "lund",
    "holm",
    "dahl",
    "blad",
    "löf",
    "ler",
    "én",
    "er",
    "ius",
    "gård",
    "by",
    "stedt",
    "mark",
    "vall",
    "hag",
    "fors",
    "bäck",
    "ek",
    "borg",
    "sten",
    "lin",
    "wall",
]
PATRONYMS = [
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Jönsson",
    "Jansson",
    "Hansson",
    "Bengtsson",
    "Jakobsson",
    "Magnusson",
    "Lindqvist",
    "Lindkvist",
    "Oscarsson",
    "Gunnarsson",
    "Josefsson",
    "Mattsson",
    "Olofsson",
    "Axelsson",
    "Fredriksson",
    "Henriksson",
    "Lundqvist",
]
PARTIES = ("S", "M", "V", "C", "L", "KD", "MP", "SD")
ORGS = (
    *tuple(
        f"{place} kommun"
        for place in [
            "Askersunds",
            "Degerfors",
            "Hallsbergs",
            "Hällefors",
            "Karlskoga",
            "Kumla",
            "Laxå",
            "Lekebergs",
            "Lindesbergs",
            "Ljusnarsbergs",
            "Nora",
            "Örebro",
            "Arboga",
            "Köpings",
            "Västerås",
            "Eskilstuna",
            "Uppsala",
            "Gävle",
            "Falu",
            "Borlänge",
        ]
    ),
    "Region Örebro län",
    "Region Västmanland",
    "Länsstyrelsen",
)
PLACE_ENDINGS = ("köping", "by", "berg", "fors", "sund", "å", "hult", "näs", "vik", "stad")
ORGS = (
    *ORGS,
    *[f"{stem}{end}s kommun" for end in PLACE_ENDINGS for stem in STEMS][: 290 - len(ORGS)],
    *(f"Region {stem}land" for stem in STEMS[:21]),
)
"""About as many organisations as Sweden has kommuner and regions (290 + 21)."""
COUNCILS = 200
YEARS = range(2010, 2025)


@dataclass(frozen=True)
class Record:
    """One spelling as a separate person record, before reconciliation."""

    record_id: int
    truth: int
    name: str
    party: str | None
    organization: str
    council: int
    years: frozenset[int]
    meetings: frozenset[int]


def surname(rng: random.Random) -> str:
    """A Swedish-looking surname, now and then a double one."""
    base = rng.choice(PATRONYMS) if rng.random() < 0.5 else rng.choice(STEMS) + rng.choice(ENDINGS)
    if rng.random() < 0.12:
        second = (
            rng.choice(PATRONYMS) if rng.random() < 0.5 else rng.choice(STEMS) + rng.choice(ENDINGS)
        )
        base = f"{base} {second}"
    return base


def given(rng: random.Random) -> str:
    """A first name, sometimes a double one (`Sven-Erik`)."""
    return rng.choice(DOUBLE_FIRST) if rng.random() < 0.08 else rng.choice(FIRST)


def unique_people(n: int, rng: random.Random) -> list[str]:
    """`n` names, no two with the same import key (as the importer would keep them apart)."""
    names: dict[str, str] = {}
    while len(names) < n:
        name = f"{given(rng)} {surname(rng)}"
        names.setdefault(" ".join(name.split()).casefold(), name)
    return list(names.values())


def _typo(word: str, rng: random.Random) -> str:
    """One letter deleted, doubled, swapped with the next or replaced (never the first)."""
    if len(word) < 4:
        return word + word[-1]
    i = rng.randrange(1, len(word) - 1)
    how = rng.choice(("delete", "double", "swap", "replace"))
    if how == "delete":
        return word[:i] + word[i + 1 :]
    if how == "double":
        return word[:i] + word[i] + word[i:]
    if how == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + rng.choice("aeiounrst") + word[i + 1 :]


def variant(name: str, rng: random.Random) -> str:
    """Another spelling of `name` by one rule protokoll must see through."""
    given_name, _, family = name.partition(" ")
    rules = ["typo", "order"]
    if "é" in name:
        rules.append("accent")
    if "w" in name.casefold() or "v" in name.casefold():
        rules.append("w/v")
    if "qv" in name or "kv" in name:
        rules.append("qv/kv")
    if "-" in name or " " in family:
        rules += ["hyphen", "dropped"] if " " in family else ["hyphen"]
    rule = rng.choice(rules)
    if rule == "accent":
        return name.replace("é", "e")
    if rule == "w/v":
        return name.replace("w", "v") if "w" in name.casefold() else name.replace("v", "w", 1)
    if rule == "qv/kv":
        return name.replace("qv", "kv") if "qv" in name else name.replace("kv", "qv")
    if rule == "hyphen":
        return name.replace("-", " ") if "-" in name else f"{given_name} {family.replace(' ', '-')}"
    if rule == "dropped":
        return f"{given_name} {family.split()[0]}"
    if rule == "order":
        return f"{family}, {given_name}"
    words = family.split()
    words[-1] = _typo(words[-1], rng)
    return f"{given_name} {' '.join(words)}"


def records(n: int, seed: int = 1, variant_share: float = 0.3) -> list[Record]:
    """`n` people as person records; a share of them also under a variant spelling."""
    rng = random.Random(seed)
    out: list[Record] = []
    taken: set[str] = set()
    for truth, name in enumerate(unique_people(n, rng)):
        taken.add(" ".join(name.split()).casefold())
        spellings = [name]
        while rng.random() < (variant_share if len(spellings) == 1 else 0.15):
            other = variant(name, rng)
            key = " ".join(other.split()).casefold()
            if key in taken:
                break
            taken.add(key)
            spellings.append(other)
        out += _records_of(truth, spellings, rng, len(out))
        relative = (
            _relative(out[-1], n + len(out), rng, taken) if rng.random() < RELATIVES else None
        )
        if relative is not None:
            out.append(relative)
    return out


RELATIVES = 0.03
"""Share of people with a relative in the same council: same surname, another person."""


def _relative(person: Record, truth: int, rng: random.Random, taken: set[str]) -> Record | None:
    """Another person with the same surname at the same council (Berth and Ivonny Falk)."""
    family = person.name.partition(" ")[2] if "," not in person.name else person.name.split(",")[0]
    names = (f"{given(rng)} {family}" for _ in range(20))
    name = next((n for n in names if " ".join(n.split()).casefold() not in taken), None)
    if name is None:  # every first name with this surname is somebody already
        return None
    taken.add(" ".join(name.split()).casefold())
    shared = sorted(person.meetings)[:1] if rng.random() < 0.5 else []
    return Record(
        record_id=person.record_id + 1,
        truth=truth,
        name=name,
        party=rng.choice(PARTIES),
        organization=person.organization,
        council=person.council,
        years=person.years,
        meetings=frozenset(shared) | {person.council * 10_000 + 9_000 + truth % 997},
    )


def _records_of(
    truth: int, spellings: list[str], rng: random.Random, first_id: int
) -> list[Record]:
    """One record per spelling, sharing the person's party, organisation and council."""
    party = rng.choice(PARTIES) if rng.random() < 0.85 else None
    organization, council = rng.choice(ORGS), rng.randrange(COUNCILS)
    start = rng.choice(YEARS[:-3])
    years = range(start, start + rng.randint(1, 4))
    pool = [council * 10_000 + (y - YEARS[0]) * 8 + k for y in years for k in range(8)]
    meetings = rng.sample(pool, min(len(pool), rng.randint(len(spellings), 8)))
    out = []
    for n, spelling in enumerate(spellings):
        mine = meetings[n :: len(spellings)]
        out.append(
            Record(
                record_id=first_id + n,
                truth=truth,
                name=spelling,
                party=party if n == 0 or rng.random() < 0.9 else None,
                organization=organization,
                council=council,
                years=frozenset(2010 + (m % 10_000) // 8 for m in mine),
                meetings=frozenset(mine),
            )
        )
    return out
