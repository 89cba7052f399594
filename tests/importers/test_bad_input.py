"""Files that are not clean UTF-8 protocols: each is read correctly or refused clearly."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import importers
from importers.records import ParsedFile, Protocol, ProtocolError

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "protocols"
SEED_FILES = sorted(p.name for p in SAMPLES.glob("*.txt"))
# 000 holds U+F0B7 (a PDF bullet) that Windows-1252 cannot encode.
CP1252_SEEDS = [name for name in SEED_FILES if not name.startswith("000")]
FIVE_MB = 5 * 1024 * 1024


def seed_text(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def refused(path: Path) -> ProtocolError:
    """Parse `path`, expecting a ProtocolError that names the file."""
    with pytest.raises(ProtocolError) as caught:
        importers.parse_file(path)
    err = caught.value
    assert path.name in str(err)
    assert err.message
    return err


def without_warnings(protocol: Protocol) -> Protocol:
    # Warning texts may name the file; the rest must not depend on the encoding.
    return dataclasses.replace(protocol, warnings=())


# --- files that are refused ------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"   \n\n \r\n\t\n"], ids=["empty", "blank"])
def test_empty_file_is_refused(tmp_path: Path, content: bytes) -> None:
    refused(write(tmp_path / "tomt.txt", content))


def test_binary_file_is_refused(tmp_path: Path) -> None:
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 64
    refused(write(tmp_path / "bild.txt", data))


def test_pdf_renamed_txt_is_refused_as_pdf(tmp_path: Path) -> None:
    data = (
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        b"2 0 obj\n<< /Length 44 >>\nstream\n" + bytes(range(128, 256)) * 8 + b"\nendstream\n"
        b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )
    err = refused(write(tmp_path / "protokoll.txt", data))
    assert "pdf" in err.message.lower()


def test_text_without_protocol_header_is_refused(tmp_path: Path) -> None:
    text = (
        "Inköpslista inför helgen\n\n"
        "Mjölk och bröd från affären.\n"
        "Ägg, smör och ost.\n\n"
        "Kom ihåg att ringa mormor på söndag.\n"
    )
    refused(write(tmp_path / "lista.txt", text.encode("utf-8")))


def test_missing_file_is_refused(tmp_path: Path) -> None:
    refused(tmp_path / "finns-inte.txt")


@pytest.mark.parametrize(
    ("name", "real", "impossible", "day", "month"),
    [
        ("000_40086cb381e27565.txt", "26 februari 2020", "30 februari 2020", "30", "februari"),
        ("002_51c692209e7ef6f5.txt", "26 april 2022", "31 april 2022", "31", "april"),
        ("004_9c6807935cccb602.txt", "25 september 2020", "31 september 2020", "31", "september"),
    ],
)
def test_impossible_meeting_date_is_refused_at_its_line(
    tmp_path: Path, name: str, real: str, impossible: str, day: str, month: str
) -> None:
    text = seed_text(name)
    assert real in text
    path = write(tmp_path / name, text.replace(real, impossible, 1).encode("utf-8"))
    date_line = next(n for n, line in enumerate(text.split("\n"), start=1) if real in line)

    err = refused(path)

    assert err.line == date_line
    assert f"{path.name}:{date_line}" in str(err)
    assert day in err.message and month in err.message.lower()


# --- a very large file -----------------------------------------------------------------------


def test_five_megabytes_without_header_is_refused(tmp_path: Path) -> None:
    line = "Detta är ingen protokolltext utan bara utfyllnad som upprepas om och om igen.\n"
    data = (line * (FIVE_MB // len(line) + 1)).encode("utf-8")
    path = write(tmp_path / "stor.txt", data)
    refused(path)


def test_five_megabyte_protocol_is_parsed_and_its_bulk_flagged(tmp_path: Path) -> None:
    """A real protocol padded to 5 MB: parsed right, the padding flagged, nothing dropped."""
    name = "004_9c6807935cccb602.txt"
    text = seed_text(name).rstrip("\n") + "\n"
    filler = "Ordet lämnades fritt och diskussionen fortsatte en god stund till.\n"
    text += filler * (FIVE_MB // len(filler) + 1)
    path = write(tmp_path / name, text.encode("utf-8"))
    protocol = importers.parse_file(path).protocol
    assert protocol.date == importers.parse_file(SAMPLES / name).protocol.date
    assert [i.number for i in protocol.items] == list(range(1, 10))
    assert len(protocol.items[-1].body) > FIVE_MB // 2
    flagged = [w for w in protocol.warnings if "more than one protocol" in w.message]
    assert [w.line for w in flagged] == [protocol.items[-1].line]


# --- other encodings -------------------------------------------------------------------------


def assert_same_protocol(copy: ParsedFile, original: ParsedFile) -> None:
    assert copy.source.text == original.source.text
    assert copy.source.content_hash == original.source.content_hash
    assert without_warnings(copy.protocol) == without_warnings(original.protocol)
    assert [w.line for w in copy.protocol.warnings] == [w.line for w in original.protocol.warnings]


@pytest.mark.parametrize("name", CP1252_SEEDS)
def test_windows_1252_copy_parses_the_same(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, seed_text(name).encode("cp1252"))
    copy = importers.parse_file(path)
    assert copy.source.encoding == "cp1252"
    assert_same_protocol(copy, importers.parse_file(SAMPLES / name))


@pytest.mark.parametrize(
    ("encoding", "recorded"),
    [("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("utf-16-be", "utf-16")],
)
@pytest.mark.parametrize("name", SEED_FILES)
def test_bom_copy_parses_the_same(tmp_path: Path, name: str, encoding: str, recorded: str) -> None:
    text = seed_text(name)
    # Python's "utf-16" codec writes its own BOM; big-endian needs one written by hand.
    data = ("\ufeff" + text).encode(encoding) if encoding == "utf-16-be" else text.encode(encoding)
    copy = importers.parse_file(write(tmp_path / name, data))
    assert copy.source.encoding == recorded
    assert_same_protocol(copy, importers.parse_file(SAMPLES / name))


# --- document text is data -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "row", "marked_row", "marked_name"),
    [
        (
            "000_40086cb381e27565.txt",
            "Johanna Martin (M)",
            "[bold]Johanna[/x] Martin (M)",
            "[bold]Johanna[/x] Martin",
        ),
        (
            "002_51c692209e7ef6f5.txt",
            "Johanna Martin (M)\t",
            "[bold]Johanna[/x] Martin (M)\t",
            "[bold]Johanna[/x] Martin",
        ),
        (
            "003_44158b9f6cb25cbd.txt",
            "Caroline Dieker\tM",
            "[/x]Caroline [bold]Dieker\tM",
            "[/x]Caroline [bold]Dieker",
        ),
    ],
)
def test_name_that_looks_like_markup_is_kept_literally(
    tmp_path: Path, name: str, row: str, marked_row: str, marked_name: str
) -> None:
    text = seed_text(name)
    assert row in text
    path = write(tmp_path / name, text.replace(row, marked_row, 1).encode("utf-8"))
    first = importers.parse_file(path).protocol.attendees[0]
    original = importers.parse_file(SAMPLES / name).protocol.attendees[0]
    assert first.name == marked_name
    assert (first.party, first.organization, first.role) == (
        original.party,
        original.organization,
        original.role,
    )


# --- finding files ---------------------------------------------------------------------------


def make_tree(root: Path) -> list[Path]:
    """A folder tree with protocol files and things to skip; returns the protocol files."""
    wanted = [root / "a.txt", root / "b.md", root / "sub" / "c.txt", root / "sub" / "deep" / "d.md",
              root / "notes.pdf", root / "sub" / "g.docx"]  # fmt: skip
    unwanted = [
        root / ".hidden.txt",
        root / ".git" / "e.txt",
        root / "sub" / ".cache" / "f.md",
        root / ".cache" / "h.pdf",
        root / "readme.rst",
        root / "sub" / "old.doc",
        root / "sub" / "txt",
    ]
    for path in (*wanted, *unwanted):
        write(path, b"Protokoll\n")
    return wanted


def resolved(paths: list[Path]) -> list[Path]:
    return [Path(p).resolve() for p in paths]


def test_find_protocol_files_walks_a_folder(tmp_path: Path) -> None:
    wanted = make_tree(tmp_path / "tree")
    found = importers.find_protocol_files([tmp_path / "tree"])
    assert resolved(found) == sorted(resolved(wanted))


def test_find_protocol_files_sorts_across_arguments(tmp_path: Path) -> None:
    wanted = make_tree(tmp_path / "tree")
    loose = write(tmp_path / "loose" / "x.txt", b"Protokoll\n")
    found = importers.find_protocol_files([tmp_path / "tree", loose])
    assert resolved(found) == sorted(resolved([*wanted, loose]))


def test_find_protocol_files_takes_a_single_file(tmp_path: Path) -> None:
    path = write(tmp_path / "ett.md", b"Protokoll\n")
    assert [Path(p).resolve() for p in importers.find_protocol_files([path])] == [path.resolve()]


def test_find_protocol_files_on_empty_folder(tmp_path: Path) -> None:
    assert list(importers.find_protocol_files([tmp_path])) == []


def test_find_protocol_files_follows_file_links_but_not_folder_links(tmp_path: Path) -> None:
    root = tmp_path / ".archive"  # hidden itself: named explicitly, so it is searched
    kept = [write(root / "UPPER.TXT", b"Protokoll\n"), write(root / "2024.txt" / "in.md", b"P\n")]
    outside = write(tmp_path / "elsewhere" / "linked.txt", b"Protokoll\n")
    (root / "link.txt").symlink_to(outside)
    (root / "folder-link").symlink_to(outside.parent, target_is_directory=True)
    (root / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    found = importers.find_protocol_files([root])
    assert found == sorted([*kept, root / "link.txt"])
