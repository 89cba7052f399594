"""What a careful reader finds in the five seed protocols.

Every value here was written by reading `samples/protocols/*.txt` line by line,
applying docs/conventions.md, never by running the parser. Where the conventions
leave a seed open, the reading chosen is noted beside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

# Official names of the organisations as they appear in these protocols.
# Kommun names take the genitive -s unless the place name ends in a vowel or -s.
CANONICAL_ORGANIZATION = {
    "Askersund kommun": "Askersunds kommun",
    "Askersunds kommun": "Askersunds kommun",
    "Degerfors kommun": "Degerfors kommun",
    "Hallsberg kommun": "Hallsbergs kommun",
    "Hallsbergs kommun": "Hallsbergs kommun",
    "Hällefors kommun": "Hällefors kommun",
    "Karlskoga kommun": "Karlskoga kommun",
    "Kumla kommun": "Kumla kommun",
    "Laxå kommun": "Laxå kommun",
    "Lekeberg kommun": "Lekebergs kommun",
    "Lekebergs kommun": "Lekebergs kommun",
    "Lindesberg kommun": "Lindesbergs kommun",
    "Lindesbergs kommun": "Lindesbergs kommun",
    "Ljusnarsberg kommun": "Ljusnarsbergs kommun",
    "Ljusnarsbergs kommun": "Ljusnarsbergs kommun",
    "Nora kommun": "Nora kommun",
    "Örebro kommun": "Örebro kommun",
    "Region Örebro län": "Region Örebro län",
    "Region Örebro": "Region Örebro län",
    "Länsstyrelsen": "Länsstyrelsen",
}

# (name, party, organization, organization_canonical, role, present)
AttendeeRow = tuple[str, str | None, str, str, str, bool]


def member(name: str, party: str, org: str, present: bool = True) -> AttendeeRow:
    """A ledamot row."""
    return (name, party, org, CANONICAL_ORGANIZATION[org], "member", present)


def substitute(name: str, party: str, org: str) -> AttendeeRow:
    """An ersättare row."""
    return (name, party, org, CANONICAL_ORGANIZATION[org], "substitute", True)


def other(name: str, org: str, present: bool = True) -> AttendeeRow:
    """An Övriga närvarande/deltagare row (no party is written for them)."""
    return (name, None, org, CANONICAL_ORGANIZATION[org], "other", present)


@dataclass(frozen=True)
class Item:
    """One agenda item as read from the document."""

    number: int
    title: str
    decisions: tuple[str, ...] = ()
    attachments: tuple[str, ...] = ()
    body: str | None = None
    """The whole body, exactly, where it is short and unambiguous."""
    starts: str | None = None
    """How the body begins (after a title that ended mid-line)."""
    has: tuple[str, ...] = ()
    """Phrases found in the body once whitespace is collapsed."""
    lacks: tuple[str, ...] = ()
    """Text that must not be in the body."""


@dataclass(frozen=True)
class Seed:
    """One seed protocol as read from the document."""

    file: str
    body: str
    date: date
    start: time
    end: time
    location: str
    chair: tuple[str, ...]
    secretary: tuple[str, ...]
    adjusters: tuple[str, ...]
    adjusted_on: date | None
    next_meeting: date
    next_meeting_text: str
    attendees: tuple[AttendeeRow, ...]
    items: tuple[Item, ...]
    not_in_bodies: tuple[str, ...] = field(default=())
    """Letterhead, page-number and URL text that no agenda body may contain."""


SKOLRADET = "Specifikt samverkansråd för skola, utbildning och kompetensförsörjning"
REGIONRADET = "Regionalt samverkansråd"

SEED_000 = Seed(
    file="000_40086cb381e27565.txt",
    body=SKOLRADET,
    date=date(2020, 2, 26),
    start=time(9, 0),
    end=time(12, 0),
    location="Konferenslokal Almen, Eklundavägen 2, Örebro",
    chair=("Irén Lejegren",),
    secretary=("Anna Elverskog",),
    adjusters=("Siw Lunander",),
    adjusted_on=date(2020, 3, 13),
    next_meeting=date(2020, 4, 27),
    next_meeting_text="Den 27 april kl 9-12 i konferenslokal Nittälven, Eklundavägen 1 i Örebro.",
    attendees=(
        member("Johanna Martin", "M", "Askersund kommun"),
        member("Anna Nordqvist", "M", "Degerfors kommun"),
        member("Siw Lunander", "S", "Hallsbergs kommun"),
        member("Gunilla Josefsson", "V", "Hällefors kommun"),
        member("Lars Hultkrantz", "L", "Karlskoga kommun"),
        member("Oscar Svärd", "M", "Kumla kommun"),
        member("Thorbjörn Bäckrud", "KD", "Laxå kommun"),
        member("Berth Falk", "S", "Lekeberg kommun"),
        member("Linda Svahn", "S", "Lindesberg kommun"),
        member("Ulla Kalander Karlsson", "S", "Ljusnarsberg kommun"),
        member("Solweig Oscarsson", "S", "Nora kommun"),
        member("Marlene Jörhag", "KD", "Örebro kommun"),
        member("Irén Lejegren", "S", "Region Örebro län"),
        other("Ewa Lindberg", "Region Örebro län"),
        other("Anita Thorsberg Ladinek", "Region Örebro län"),
        other("Eva Sund", "Region Örebro län"),
        other("Maria Svensson Hallberg", "Region Örebro län"),
    ),
    not_in_bodies=(
        "4 (6)",
        "Tjänsteställe",
        "Regional utveckling Anna Elverskog",
        "701 16",
        "orebroll.se",
        "regionorebrolan.se",
    ),
    items=(
        Item(1, "Mötet öppnades", body="Irén Lejegren hälsade alla välkomna"),
        Item(2, "Justerare utöver Irén Lejegren", body="Siw Lunander valdes till justerare"),
        Item(3, "Dagordningen godkändes", body=""),
        Item(
            4,
            # "angående" carries the heading on; "överenskom-" is hyphen-broken; "avtal." ends it.
            "Aktuell lägesrapport från de närvarande ledamöterna angående hur respektive kommun "
            "arbetar med regionala överenskommelser och avtal",
            starts="Bakgrunden till detta är att Lars Hultkrantz",
            has=(
                "Bakgrunden till detta är att Lars Hultkrantz, Karlskoga kommun, lyft att han sett "
                "brister i implementeringen av överenskommelser och avtal",
                "ansvar att känna till dessa dokument och att hitta dem.",
                "Ta gärna med frågan till hemkommunen och se över att detta fungerar.",
                "Det har funnits en samverkansform, Barn- och ungagruppen, som nu är under",
                "gemensamma frågeställningar att diskutera och byta erfarenheter kring",
                "Specialkost/önskekost",
                "Integration på förskolor",
                "Eva Sund ställer en fråga om uppdatering av gymnasiesamverkansavtalet.",
                "Ledamöterna på dagens möte godkänner förfarandet.",
            ),
            lacks=("överenskom-", "Valfard--folkhalsa"),
        ),
        Item(
            5,
            # "samverkansrådet" is followed by a line starting lowercase ("för skola ...").
            "Uppföljning av närvaron på möten i Specifika samverkansrådet för skola, utbildning "
            "och kompetensförsörjning",
            starts="En enkät har skickats",
            has=(
                "En enkät har skickats till samtliga ledamöter i Specifika samverkansrådet där en "
                "fråga ställdes:",
                "underlätta närvaron för dig gällande mötena med Specifika samverkansrådet för "
                "skola, utbildning och kompetensförsörjning?",
                "Samtliga förbättringsförslag går att genomföra eller har redan genomförts förutom "
                "förslaget om arvoden.",
                "uppdraget för ledamoten att delta kommer från den egna kommunen.",
                "Det är kommunernas ansvar att informera nya ledamöter om uppdraget.",
                "ta fram ett kortfattat material om uppdraget.",
                "Ett dokument om uppdraget i Specifika samverkansrådet finns i reglementet",
                "Region Örebro läns kommunikatörer.",
                "Ewa tar också med diskussionen till Tjänstemannastödet.",
                "Hon kommer också att lyfta frågan",
                "erbjuda Skypemöte",
            ),
        ),
        Item(
            6,
            # The heading's last line "ning. Maria S Hallberg och Eva Sund. Se bifogad PP."
            # ends the title at "ning."; the presenters begin the body.
            "Genomgång av Uppföljning 2019 och VP 2020 för Specifika samverkansrådet för skola, "
            "utbildning och kompetensförsörjning",
            starts="Maria S Hallberg och Eva Sund. Se bifogad PP.",
            has=(
                "lyft frågan om VP 2020 i Tjänstemannastödet för skola, utbildning och "
                "kompetensförsörjning. Ledamöterna i Specifika samverkansrådet har också fått "
                "möjlighet till inspel",
                "Den frågan kommer att behandlas senare under mötet.",
                "kommer att finnas kvar i Specifika samverkansrådet.",
                "sprida resultaten från #jagmed har genomförts med medel från aktivitetsplanen.",
                "Laila Berglund bjuds in till nästa möte",
            ),
            lacks=("Elverskog", "Region Örebro län och länets kommuner"),
        ),
        Item(
            7,
            "Förslag till uppdrag att revidera ”Överenskommelse om samverkansansorganisationer "
            "/…/” gällande frågor kopplade till regionala handlingsplanen för kompetensförsörjning",
            starts="Förlag finns i VP 2020",
            has=(
                "Förlag finns i VP 2020 om revidering samt organisatorisk översyn av "
                "överenskommelsen för samverkan utifrån vilka områden/insatser som ska beredas",
                "Irén har diskuterat frågan med Andreas Svan som är ordförande",
                "ställer sig bakom förslaget att frågor gällande kompetensförsörjning",
            ),
        ),
        Item(
            8,
            # "region-"/"under-" are hyphen-broken, "mellan kommunerna." starts lowercase and
            # ends the title; "Eva Sund" after it is the presenter.
            "Information om GySam (Gymnasiesamverkan) om ett regiongemensamt inköp av ett "
            "digitalt system för bland annat underlätta hanteringen av elevbidrag och "
            "interkommunal ersättning mellan kommunerna",
            starts="Eva Sund",
            has=(
                "Det finns ett system för detta: IST.",
                "När arbetet inleddes trodde man att IST var det enda "
                "ekonomihanteringssystemet för elever",
                "Nu har det visats sig att finns ytterligare minst 3 aktörer.",
                "Det förs samtal med Värmland som använder IST.",
            ),
        ),
        Item(
            9,
            "Information om Valideringsdelegationens slutbetänkande samt nuläge i Örebro län",
            starts="Maria S Hallberg",
            has=(
                "Läs om betänkandet i bifogade PP.",
                "Slutbetänkandet fokuserar på den kommunala vuxenutbildningen. Prioriteringar "
                "har tagits fram.",
                "en regional samordning av validering.",
                "Vad händer i vår region?",
                "påbörjat arbetet med en webbportal för alla kommuner i länet som nu tas vidare i "
                "fortsättningsprojektet.",
                "alla vuxenutbildningens delar",
                "ligga under regionens webb",
                "för att jobba med validering framöver.",
            ),
        ),
        Item(
            10,
            # Ambiguity (see report): the first line ends with "från" and the second is
            # hyphen-broken ("upp-"), so the heading runs to "arbetsgrupp."; the mid-line
            # "regiondirektör). Ett" is not on the heading's last line, so it stays in the title.
            "”Skolresultaten i länet har förbättrats” är ett uppdrag från KC/RD (kommunchefer "
            "och regiondirektör). Ett förslag på upplägg att arbeta utifrån är framtaget av en "
            "arbetsgrupp",
            starts="Ewa Lindberg",
            has=(
                "kommunchefernas särskilda fokusområden varav ett har målet",
                "den regionala utvecklingsstrategin (RUS).",
                "Regional utvecklings förvaltningsdirektör, Petter Arneback",
                "Hur kan vi som kommunchefer hjälpa till med detta?",
                "engagemanget i gruppen är stort.",
                "starta med en halvdag tillsammans med skolchefer, politiker i Specifika "
                "samverkansrådet och kommuncheferna",
                "Planen är att sedan fortsätta",
                "samverkansdokument Kunskapslyft barn och unga 2016-2022",
                "rapportera vad som händer i frågan.",
            ),
        ),
        Item(
            11,
            "Övriga frågor",
            body="Irén berättar att Urban Haglind, verksamhetsutvecklare för Regionalt "
            "utvecklingscentrum (RUC) fått Örebro universitets och Region Örebro läns stipendium "
            "för utveckling av samarbete.",
        ),
        Item(12, "Mötet avslutades", body=""),
        Item(
            13,
            "Nästa möte",
            body="Den 27 april kl 9-12 i konferenslokal Nittälven, Eklundavägen 1 i Örebro.",
        ),
    ),
)

SEED_001 = Seed(
    file="001_3dc68634fd4f02c8.txt",
    body=SKOLRADET,
    date=date(2021, 11, 18),
    start=time(13, 0),
    end=time(16, 0),
    location="Via Zoom",
    chair=("Irén Lejegren",),
    secretary=("Anna Elverskog",),
    adjusters=("Marlene Jörhag",),
    adjusted_on=date(2021, 11, 27),
    next_meeting=date(2022, 2, 16),
    # Ambiguity (see report): the two meeting times sit on adjacent lines with no blank
    # line between them; each line is one meeting, so the text is that line alone.
    next_meeting_text="Onsdag 16 februari kl 13:00-16:00",
    attendees=(
        member("Johanna Martin", "M", "Askersund kommun"),
        member("Anna Nordqvist", "M", "Degerfors kommun"),
        member("Siw Lunander", "S", "Hallsbergs kommun"),
        member("Maja Loiske", "V", "Hällefors kommun"),
        member("Lars Hultkrantz", "L", "Karlskoga kommun"),
        member("Oscar Svärd", "M", "Kumla kommun"),
        member("Ivonny Falk", "KD", "Laxå kommun"),
        member("Berth Falk", "S", "Lekeberg kommun"),
        member("Magnus Storm", "C", "Lindesberg kommun"),
        member("Ulla Kalander Karlsson", "S", "Ljusnarsberg kommun"),
        member("Solweig Oscarsson", "S", "Nora kommun"),
        member("Marlene Jörhag", "KD", "Örebro kommun"),
        member("Irén Lejegren", "S", "Region Örebro län"),
        other("Ewa Lindberg", "Region Örebro län"),
        other("Anita Thorsberg", "Region Örebro län"),
        other("Eva Sund", "Region Örebro län"),
        other("Maria Svensson Hallberg", "Region Örebro län"),
    ),
    items=(
        Item(
            1,
            "Mötet öppnades",
            body="Marlene Jörhag valdes till justerare. Dagordningen godkändes. Ivonny Falk, ny "
            "ledamot från Laxå kommun hälsades välkommen. Anna Nordqvist, Askersunds kommun, "
            "meddelade att hon var med för sista gången. Ny ledamot meddelas till Anna "
            "Elverskog, Region Örebro län.",
        ),
        Item(
            2,
            "Rapport från möten med Region Örebro läns smittskydd och länets skolchefer samt "
            "information om samverkan vid vaccinering i grundskolan",
            starts="Ewa Lindberg",
            has=(
                "Dialog mellan Region Örebro läns smittskydd och länets skolchefer har pågått "
                "under snart 1 års tid.",
                "behov av information från smittskydd",
                "Tjänstemannastödet för skola, utbildning och kompetensförsörjning även framöver.",
                "vaccination mot covid-19 för ungdomar.",
                "planeringsarbetet av vaccination på gymnasieskolorna.",
                "från kommunernas sida",
                "också inom vuxenutbildningen",
                "Utmaningarna bestod av att hantera samtycke",
                "sekretess, kommunikation, säkerhetsfrågor",
                "Det krävdes fyra möten innan lösningar hittades som fungerade tillfredsställande",
                "Nu rullar vaccinationerna på i alla kommuner",
                "vad som kunde gjorts annorlunda.",
            ),
        ),
        Item(
            3,
            "Information om upphandling av elevstödsprogrammet IST",
            starts="Eva Sund, Region Örebro län",
            has=(
                "en gemensam upphandling av ett gemensamt elevstödsprogram i länet",
                "anställt en administratör som är en förmedlande länk",
                "Det håller ordning på varje ungdom",
                "Uppdatering görs varje dag.",
                "Betalningsfiler kommer nu enkelt att kunna skickas mellan skolor. Kostnaden för "
                "systemet",
            ),
        ),
        Item(
            4,
            # Ambiguity (see report): the first line "... Första linjen. Ett arbete i" ends with
            # "i", so the heading runs on to "oavsett organisation." and keeps both sentences.
            "Information om projekten En väg in och Första linjen. Ett arbete i Region Örebro "
            "län med syfte att skapa en gemensam ingång med sammanhållen bedömning och "
            "rådgivning för barn och unga med psykisk ohälsa, oavsett organisation",
            starts="Camilla Eklöv och Eva Eriksson, Region Örebro län.",
            has=(
                "omställningsarbete inom hälso- och sjukvården.",
                "En väg in har nu bytt namn till Första kontakten – psykisk ohälsa barn och unga.",
                "Mer information och kontaktuppgifter finns i bifogade PPT.",
            ),
        ),
        Item(
            5,
            "Rapport från den digitala gymnasiemässan 2021",
            starts="Eva Sund, Region Örebro län",
            has=(
                "inklusive de fristående gymnasieskolorna, var med.",
                "kunde sedan gå runt på mässan digitalt",
                "förberedelser inför mässan blir mer likvärdiga på skolorna",
                "Samtliga skolor kompletterar den digitala mässan",
            ),
        ),
        Item(
            6,
            "Presentation av det kommande projektet #vägled kompetens",
            starts="Laila Berglund, Region Örebro län",
            has=(
                "inte har en fullföljd utbildning.",
                "#Guidance – digital tools and methods.",
                "Projektet avslutas i december 2021.",
                "som kommer att starta 1 januari 2022",
                "de fem regionerna i Östra mellansverige",
                "Ett 30-tal kommuner har anslutit sig",
                "De kommuner som deltar är med",
                "tid som personal deltar i olika seminarier",
                "skrivit på ett samverkansavtal",
                "Det finns fortfarande möjlighet",
                "Se mer i bifogad PPT.",
            ),
        ),
        # "Beslut om ..." is the title; no line is exactly "Beslut", so no decision.
        Item(
            7,
            "Beslut om tider för vårens möten",
            has=("Onsdag 16 februari kl 13:00-16:00", "Tisdag 26 april kl 13:00-16:00"),
        ),
        Item(
            8,
            "Skolresultaten i regionen har förbättrats – att leda och styra en komplex "
            "organisation",
            starts="Anita Thorsberg, Region Örebro län",
            has=(
                "Påminnelse om gemensam digital workshop/analysseminarium den 26 november kl "
                "13:00-16:00. Se mer i bifogad PPT.",
            ),
        ),
        Item(9, "Mötet avslutades", body=""),
    ),
)

_HEADER_002 = (
    "Tjänsteställe",
    "Förv. Regional utveckling",
    "Sekreterare",
    "Region Örebro län och länets kommuner",
)

SEED_002 = Seed(
    file="002_51c692209e7ef6f5.txt",
    body=SKOLRADET,
    date=date(2022, 4, 26),
    start=time(13, 0),
    end=time(16, 0),
    location="Via Zoom",
    chair=("Irén Lejgren",),
    secretary=("Anna Elverskog",),
    adjusters=("Oscar Svärd",),
    adjusted_on=date(2022, 5, 4),
    next_meeting=date(2022, 9, 21),
    next_meeting_text="Onsdag 21/9 kl 13-16",
    attendees=(
        member("Johanna Martin", "M", "Askersund kommun"),
        member("Kim Bäckström", "V", "Degerfors kommun"),
        member("Siw Lunander", "S", "Hallsbergs kommun"),
        substitute("Christina Kuurne", "S", "Hällefors kommun"),
        member("Lars Hultkrantz", "L", "Karlskoga kommun"),
        member("Oscar Svärd", "M", "Kumla kommun"),
        member("Ivonne Falk", "KD", "Laxå kommun"),
        member("Berth Falk", "S", "Lekeberg kommun"),
        member("Kristine Andersson", "S", "Lindesberg kommun"),
        member("Ulla Kalander Karlsson", "S", "Ljusnarsberg kommun"),
        member("Solveig Oscarsson", "S", "Nora kommun"),
        member("Susanne Lindholm", "KD", "Örebro kommun"),
        member("Irén Lejgren", "S", "Region Örebro län"),
        other("Ewa Lindberg", "Region Örebro län"),
        other("Maria Svensson Hallberg", "Region Örebro län"),
    ),
    not_in_bodies=_HEADER_002,
    items=(
        Item(
            1,
            "Mötet öppnades",
            body="Oscar Svärd, Kumla kommun, valdes till justerare. Dagordningen godkändes.",
        ),
        Item(
            2,
            "Projekt Tillsammans för alla barns bästa (TABB)",
            body="Daniel Berglund, projektledare, berättade om projektet som har sin bakgrund i "
            "den skotska modellen GIRFEC, Getting It Right For Every Child. Syftet med projektet "
            "som är att visa på olika arbetssätt för samverkan mellan skola, socialtjänst och "
            "hälso- och sjukvård. På grund av pandemin har arbetet i projektet tagit längre tid "
            "än beräknat och man har därför ansökt och fått beviljat en förlängning av "
            "projektet. Förlängningen kunde lösas inom befintlig budget.\n\n"
            "I projektet finns fyra delprojekt i Askersund, Degerfors, Nora och Örebro. "
            "Projektledare och projektmedarbetare, Sara Maxe, arbetar nära de fyra "
            "delprojekten. De deltar också i ett antal nätverk tillsammans med andra regioner "
            "som driver liknande projekt för att kunna samla kunskap och dela erfarenheter. Till "
            "hjälp i projektet finns också ett antal följeforskare. Projektet kommer att "
            "avslutas sista juni 2023. Förhoppningen är att de kunskaper som projektet kommit "
            "fram till ska kunna användas efter att projektet avslutats. Läs mer i bifogade PDF.",
        ),
        Item(
            3,
            "Förstudie om barnfattigdom",
            body="På område Välfärd och folkhälsa på Region Örebro län har en kartläggning av "
            "barnfattigdom i Örebro län gjorts. Utifrån kartläggningen har en rapport tagits "
            "fram. Under 2019 levde 8884 barn mellan 0-17 år i Örebro län i ett ekonomiskt "
            "utsatt hushåll. Det finns stora skillnader mellan grupper i samhället men också "
            "mellan olika kommuner i länet. Att leva i ekonomisk utsatthet påverkar barn "
            "negativt på flera sätt. Studier visar att skolan har en viktig roll och också kan "
            "vara en skyddande faktor. Rekommendationer som gör skillnad för barnen har tagits "
            "fram. Det pågår också olika arbeten bland annat för att ta fram material och en "
            "utbildning om barnfattigdom. Läs mer i bifogade PDF.",
        ),
        Item(
            4,
            "Projekt Skolresultaten i regionen har förbättrats – att leda och styra en komplex "
            "organisation",
            starts="Presentation av forskningsrapporten och information om ett nytt uppdrag",
            has=(
                "Projektet har haft forskningsdel som har tittat på orsaker till låg "
                "måluppfyllelse i vårt län.",
                "Ann Öhman Sandberg, Örebro universitet, är en av de forskare",
                "En diskussion förs nu om hur resultaten ska kunna användas",
            ),
            lacks=("Anna Elverskog",),
        ),
        Item(
            5,
            "Projekt #vägled och projekt #vägled kompetens",
            starts="Laila Berglund, Region Örebro län har varit projektledare för #vägled",
            has=(
                "Båda projekten har genomförts i samverkan med ÖMS (Östra Mellansveriges "
                "regioner).",
                "Material och tips som togs fram under projektet finns samlade här:",
                "Resultat och inspiration från #vägled",
                "37 samverkanspartners finns i hela ÖMS i dagsläget.",
                "välkomna att kontakta Laila Berglund",
            ),
            lacks=("\\(",),
        ),
        Item(
            6,
            "Ukrainakrisen",
            starts="Kort information om länssamordning av flyktingfrågan.",
            has=(
                "Ewa Lindberg, Region Örebro län, berättade att Per-Olov Mörn från "
                "Länsstyrelsen deltog",
                "Det är kvinnor och barn som har kommit och det är främst några kommuner i länet "
                "som har haft ett mottagande av flyktingar.",
                "men att frågan behöver följas upp regionalt.",
            ),
            lacks=("kommu-", "Anna Elverskog"),
        ),
        Item(
            7,
            "Vaccinationer av barn och unga i skolorna",
            body="Information om eventuell vaccination mot covid-19 av elever på grundskola och "
            "gymnasieskola hösten 2022.\n\n"
            "Ewa Lindberg, berättade att det kommit en förfrågan från Hälso- och sjukvården om "
            "att samordna ett möte med kommunerna då det eventuellt kommer planeras för "
            "vaccinationer av elever under hösten.\n\n"
            "Hälso- och sjukvården vill gärna hitta ett gott samarbete med kommunerna och vill "
            "börja planera i tid. De vaccinationer som genomfördes på skolor under 2021 fungerade "
            "bra på gymnasiet och i vuxenutbildningen. Det var svårare i grundskolan där eleverna "
            "behövde vårdnadshavares godkännande. Förhoppningen inför hösten är att kunna hitta "
            "lösningar som fungerar bra för kommunerna.\n\n"
            "Efter detta möte har Hälso- och sjukvården beslutat om tid för ett gemensamt "
            "informationsmöte den 20 maj dit länets kommuner kommer att bjudas in.",
        ),
        Item(
            8,
            "Förslag på tider för höstens möten",
            body="Onsdag 21/9 kl 13-16\n\nTorsdag 24/11 kl 9-12\n\nMötetiderna beslutas. Det "
            "bestämdes också att mötena kommer att fortsätta att vara digitala.",
        ),
        Item(
            9,
            "Framtida gemensamt möte med Tjänstemannastödet",
            starts="Information från Ewa Lindberg, Region Örebro län",
            has=(
                "Det planerade gemensamma mötet den 13 maj är inställt",
                "forskningsrapporten från projekt Skolresultaten i regionen har förbättrats – att "
                "leda och styra en komplex organisation och att diskutera hur vi jobbar vidare",
            ),
        ),
        Item(10, "Mötet avslutades", body=""),
    ),
)

SEED_003 = Seed(
    file="003_44158b9f6cb25cbd.txt",
    body=REGIONRADET,
    date=date(2022, 9, 29),
    start=time(9, 0),
    end=time(12, 0),
    location="Eken, Eklundavägen 1, Örebro",
    chair=("Andreas Svahn",),
    secretary=("Tommy Larserö",),
    adjusters=("Tom Rymoén",),
    adjusted_on=date(2022, 10, 10),
    next_meeting=date(2022, 12, 22),
    next_meeting_text="Torsdag 22 december kl. 09.00.",
    attendees=(
        member("Caroline Dieker", "M", "Askersunds kommun"),
        member("Anna Ahnér", "S", "Askersunds kommun"),
        member("John Johansson", "S", "Örebro kommun", present=False),
        member("Jimmy Nordengren", "C", "Örebro kommun", present=False),
        member("Anders Åhrlin", "M", "Örebro kommun", present=False),
        member("Tony Ring", "M", "Karlskoga kommun", present=False),
        member("Ida Edström", "S", "Karlskoga kommun", present=False),
        member("Bengt Storbacka", "S", "Lindesbergs kommun", present=False),
        member("Pär-Ove Lindqvist", "M", "Lindesbergs kommun", present=False),
        member("Johan Niklasson", "C", "Lekebergs kommun", present=False),
        member("Caroline Elfors", "M", "Lekebergs kommun", present=False),
        member("Annalena Järnberg", "S", "Hällefors kommun", present=False),
        member("Vivianne Pettersson", "M", "Hällefors kommun", present=False),
        member("Andreas Brorson", "S", "Kumla kommun", present=False),
        member("Christian Liljenhed", "L", "Kumla kommun", present=False),
        member("Ewa-Leena Johansson", "S", "Ljusnarsbergs kommun", present=False),
        member("Lena Berglund", "S", "Ljusnarsbergs kommun", present=False),
        member("Magnus Andersson", "S", "Hallsbergs kommun", present=False),
        member("Ulrika Björklund", "M", "Hallsbergs kommun", present=False),
        member("Anneli Mylly", "V", "Degerfors kommun", present=False),
        member("Anna Nordkvist", "M", "Degerfors kommun", present=False),
        member("Bo Rudolfsson", "KD", "Laxå kommun", present=False),
        member("Therese Magnusson", "S", "Laxå kommun", present=False),
        member("Tom Rymoén", "M", "Nora kommun", present=False),
        member("Solveig Oscarsson", "S", "Nora kommun", present=False),
        # The list resumes after the page header on lines 56-59.
        member("Andreas Svahn", "S", "Region Örebro län"),
        member("Nina Höijer", "S", "Region Örebro län"),
        member("Karin Sundin", "S", "Region Örebro län", present=False),
        member("Behcet Barsom", "KD", "Region Örebro län"),
        member("Charlotta Englund", "C", "Region Örebro län"),
        member("Sebastian Sehlin", "M", "Region Örebro län", present=False),
        member("Mats Gunnarsson", "MP", "Region Örebro län"),
        member("Sven Erik Kilsten", "SD", "Region Örebro län", present=False),
        other("Marie Hillman", "Askersunds kommun"),
        other("Björn Johansson", "Degerfors kommun"),
        other("Lena Fagerlund", "Hallsberg kommun", present=False),
        other("Hans Åhnberg", "Hällefors kommun"),
        other("Christian Vestas", "Karlskoga kommun", present=False),
        other("Daniel Jansson Hammargren", "Kumla kommun"),
        other("Harry Lundin", "Laxå kommun"),
        other("Gustav Olofsson", "Lekebergs kommun", present=False),
        other("Henrik Arenvang", "Lindesbergs kommun", present=False),
        other("Berit Westergren", "Ljusnarsbergs kommun", present=False),
        other("Christina Landoff", "Nora kommun", present=False),
        other("Peter Larsson", "Örebro kommun", present=False),
        other("Mats Brantsberg", "Örebro kommun"),
        other("Anna Olofsson", "Länsstyrelsen"),
        other("Tommy Larserö", "Region Örebro län"),
        other("Petter Arneback", "Region Örebro län"),
        other("Rickard Simonsson", "Region Örebro län", present=False),
    ),
    not_in_bodies=("Tjänsteställe", "Regionkansliet"),
    items=(
        Item(1, "Mötet öppnas", body="Ordförande Andreas Svahn hälsade alla ledamöter välkomna."),
        Item(
            2,
            "Val av justerare utöver ordförande",
            body="Tom Rymoén valdes att jämte ordförande justera dagens protokoll.",
        ),
        Item(3, "Godkännande av dagordning", body="Inga övriga frågor anmäldes."),
        Item(
            4,
            "Kompetensförsörjningsplan för Nära vård",
            attachments=("Presentationen som visades på mötet.",),
            body="Sara Noren, Anna Bergemalm, RÖL, Johan Mejman, Laxå redovisar uppdraget ”En "
            "länsgemensam kompetensförsörjningsplan – Nära vård”.\n\n"
            "Metod, arbetssätt och resultat och förslag på fortsatt arbete presenterades.\n\n"
            "Arbetet har genomförts med medel utifrån överenskommelsen kring Nära vård och letts "
            "av en styrgrupp.\n\n"
            "Förslaget om ”En länsgemensam kompetensförsörjningsplan – Nära vård” har beretts "
            "och godkänts i KC/RD gruppen.\n\n"
            "Personalchefsgruppen för länets kommuner och regionen har även fått uppdrag från "
            "KC/RD gruppen att ta fram förslag på att arbeta med samma arbetsmodell för andra "
            "yrkeskategorier inom kommunerna och regionen.",
        ),
        Item(
            5,
            "Genomförande av RUS och uppföljning av Lokadagarna",
            attachments=("Presentationen som visades på mötet.",),
            starts="Susanne Rosendahl, RÖL redovisade resultaten från utvärderingen av "
            "Lokadagarna.",
            has=(
                "Det finns på hemsidan",
                "möjlighet att ta del av dokumentation och filmer från Lokadagarna.",
                "Principerna är;",
                "Vi har helhetssyn.",
                "Vi lär och följer upp.",
                "Hur kan vi arbeta med länets utmaningar som identifierats i RUS-uppföljningen?",
                "Stärka barn och ungas möjlighet att möta sin framtid.",
                "Lokadagarna för 2023 blir 31 augusti – 1 september.",
            ),
            lacks=("Presentationen som visades", "[utveckling"),
        ),
        Item(
            6,
            "Kalendarium för 2023",
            # "Beslut på mötestider ..." is the paragraph under "Bilaga", not a Beslut section.
            attachments=("Beslut på mötestider för 2023.",),
            body="Förslag på mötestider för 2023 inklusive förslag på att genomföra en "
            "studie/utvecklingsresa har varit utsänt.\n\n"
            "Ordförande föreslog att en studieresa skulle planeras in 9-10 februari med syfte att "
            "diskutera viktiga utvecklingsfrågor och fortsatt utveckling mellan länets kommuner "
            "och Region Örebro län. Dessutom bidra till inspiration och lära känna varandra i "
            "samband med ny mandatperiod.\n\n"
            "Förslaget är att resa till Karlstad och utbyta erfarenheter med Värmlands län.\n\n"
            "Regionala samverkansrådet godkände efter revideringar i utsänt förslag mötestider "
            "för 2023 inklusive förslag på studieresa.",
        ),
        Item(
            7,
            "Nästa möte",
            body="Torsdag 22 december kl. 09.00.\n\n"
            "Ordförande påminner ledamöterna att skicka in förslag på frågeställningar till "
            "sekreteraren i god tid innan nästa möte.",
        ),
        Item(8, "Mötet avslutas", body="Ordförande avslutar mötet."),
    ),
)

SEED_004 = Seed(
    file="004_9c6807935cccb602.txt",
    body=REGIONRADET,
    date=date(2020, 9, 25),
    start=time(9, 0),
    end=time(11, 20),
    location="Digitalt via Skype",
    chair=("Andreas Svahn",),
    secretary=("Tommy Larserö",),
    adjusters=("Bo Rudolfsson",),
    adjusted_on=None,
    next_meeting=date(2020, 12, 11),
    next_meeting_text="11 december kl. 09.00",
    attendees=(
        member("Caroline Dieker", "M", "Askersunds kommun"),
        member("Anna Ahnér", "S", "Askersunds kommun"),
        member("Kenneth Handberg", "S", "Örebro kommun"),
        member("Per-Åke Sörman", "C", "Örebro kommun"),
        member("Anders Åhrlin", "M", "Örebro kommun"),
        member("Tony Ring", "M", "Karlskoga kommun"),
        member("Ida Edström", "S", "Karlskoga kommun"),
        member("Irja Gustavsson", "S", "Lindesbergs kommun"),
        member("Pär-Ove Lindqvist", "M", "Lindesbergs kommun"),
        member("Johan Niklasson", "C", "Lekebergs kommun"),
        member("Håkan Söderman", "M", "Lekebergs kommun"),
        member("Annalena Järnberg", "S", "Hällefors kommun"),
        member("Vivianne Pettersson", "M", "Hällefors kommun"),
        member("Katarina Hansson", "S", "Kumla kommun"),
        member("Christian Liljenhed", "L", "Kumla kommun"),
        member("Ewa-Leena Johansson", "S", "Ljusnarsbergs kommun"),
        member("Ulla Kalander-Karlsson", "S", "Ljusnarsbergs kommun"),
        member("Magnus Andersson", "S", "Hallsbergs kommun"),
        member("Torbjörn Appelqvist", "M", "Hallsbergs kommun"),
        member("Carina Sätterman", "S", "Degerfors kommun"),
        member("Kim Bäckström", "V", "Degerfors kommun"),
        member("Bo Rudolfsson", "KD", "Laxå kommun"),
        member("Therese Magnusson", "S", "Laxå kommun"),
        member("Tom Rymoen", "M", "Nora kommun"),
        member("Solveig Oscarsson", "S", "Nora kommun"),
        member("Andreas Svahn", "S", "Region Örebro"),
        # The list resumes after the bare URL on line 60.
        member("Nina Höijer", "S", "Region Örebro"),
        member("Karin Sundin", "S", "Region Örebro"),
        member("Ewa Sundkvist", "KD", "Region Örebro"),
        member("Torbjörn Ahlin", "C", "Region Örebro"),
        member("Ola Karlsson", "M", "Region Örebro"),
        member("Mats Gunnarsson", "MP", "Region Örebro"),
        member("Sven-Erik Kilsten", "SD", "Region Örebro"),
        other("Marie Hillman", "Askersunds kommun"),
        other("Teresa Zetterblad", "Degerfors kommun"),
        other("Lena Fagerlund", "Hallsberg kommun"),
        other("Tommy Henningsson", "Hällefors kommun"),
        other("Johan Harryson", "Karlskoga kommun"),
        other("Daniel Jansson Hammargren", "Kumla kommun"),
        other("Harry Lundin", "Laxå kommun"),
        other("Gustav Olofsson", "Lekebergs kommun"),
        other("Henrik Arenvang", "Lindesbergs kommun"),
        other("Berit Westergren", "Ljusnarsbergs kommun"),
        other("Isabell Landström", "Nora kommun"),
        other("Anne Andersson", "Örebro kommun"),
        other("Mats Brantsberg", "Örebro kommun"),
        other("Anna Olofsson", "Länsstyrelsen"),
        other("Tommy Larserö", "Region Örebro län"),
        other("Petter Arneback", "Region Örebro län"),
        other("Rickard Simonsson", "Region Örebro län"),
    ),
    not_in_bodies=("Tjänsteställe", "POSTADRESS", "019-602 70 00", "orebroll.se"),
    items=(
        Item(1, "Mötet öppnas", body="Ordförande Andreas Svahn hälsade alla ledamöter välkomna."),
        Item(
            2,
            "Val av justerare utöver ordförande",
            body="Bo Rudolfsson valdes att jämte ordförande justera dagens protokoll.",
        ),
        Item(3, "Godkännande av dagordning", body="Inga övriga frågor anmäldes."),
        Item(
            4,
            "Utredning kring samverkan om fysiska planeringsfrågor med regional bärighet",
            # The "1." under Beslut is not item 1 again: it is decision text, kept as written.
            decisions=(
                "1. Kommunchef/Regiondirektörsgruppen får i uppdrag att genomföra förslagen i "
                "utredningen ”Slutrapport angående informell samverkan kring fysiska "
                "planeringsfrågor med regional bäring i Örebro län enligt uppdraget från "
                "Regionala samverkansrådet”.",
            ),
            attachments=("Power Point bilder från föredragningen.",),
            starts="Regionala samverkansrådet har 19 september 2019 uppdraget till KC/RD gruppen",
            has=(
                "informell regional samverkan avseende fysiska planeringsfrågor med regional "
                "bäring.",
                "En arbetsgrupp med representanter från kommunerna och regionen har utrett",
                "Forum för fysisk planering i Örebro län (FÖL).",
                "Ärendet har beretts i Kommunchef/Regiondirektörs gruppen.",
            ),
            lacks=("Power Point", "genomföra förslagen", "Slutrapport"),
        ),
        Item(
            5,
            "Rapport kring Finsamförbunden",
            decisions=(
                "Kommunchef/Regiondirektörsgruppen får i uppdrag att tillsammans med "
                "Arbetsförmedling, Försäkringskassan och förbundsledningarna arbeta vidare med "
                "förslag i enlighet med rapporten med fokus på samordning, analys och "
                "uppföljning.",
            ),
            attachments=("Power Point bilder som visades på föredragningen.",),
            starts="Enligt lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser",
            has=(
                "Inom Örebro län finns fyra samordningsförbund, ett i varje länsdel.",
                "mer effektiv genom samordning av vissa delar.",
                "en utvecklings- och förbättringspotential gällande uppföljning",
                "Försäkringskassan Linda Matstoms deltog på mötet och redovisade sina synpunkter.",
            ),
            lacks=("Power Point", "förbundsledningarna"),
        ),
        Item(
            6,
            "Regionala samverkansrådets mötestider för 2021",
            decisions=("Förslaget till mötestider för 2021 godkänns.",),
            attachments=("Beslutade mötestider för Regionala samverkansrådets möten för 2021.",),
            body="Förslag på mötestider 2021 för Regionala samverkansrådet har varit utsänt till "
            "alla ledamöten.",
        ),
        Item(7, "Nästa möte", body="11 december kl. 09.00"),
        Item(
            8,
            "Förslag på frågor till nästa möte",
            body="Ledamöten ombeds att skicka in förslag på ärenden till nästa Regionala "
            "samverkansråd till sekreteraren.",
        ),
        Item(
            9,
            "Mötet avslutas",
            body="Ordförande avslutar mötet och tackar alla för ett bra engagemang i frågorna.",
        ),
    ),
)

SEEDS = (SEED_000, SEED_001, SEED_002, SEED_003, SEED_004)
