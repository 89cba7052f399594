"""Parsing in worker processes gives what parsing here gives, in the same order."""

from __future__ import annotations

import threading
from pathlib import Path

from store import parse_pool
from store.parse_pool import ParseFailure, parse_all, parse_or_failure

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "protocols"


def files_with_bad_ones(tmp_path: Path) -> list[Path]:
    """The seeds three times over, with an empty and a binary file among them."""
    empty, binary = tmp_path / "empty.txt", tmp_path / "binary.txt"
    empty.write_text("")
    binary.write_bytes(bytes(range(256)))
    seeds = sorted(SAMPLES.iterdir())
    return [*seeds, empty, *seeds, binary, *seeds]


def test_pooled_results_match_parsing_here(tmp_path: Path) -> None:
    paths = files_with_bad_ones(tmp_path)
    here = list(parse_all(paths, workers=1))
    pooled = list(parse_all(paths, workers=2, min_files=0))
    assert pooled == here
    failures = [r for r in pooled if isinstance(r, ParseFailure)]
    assert [f.path for f in failures] == [str(tmp_path / "empty.txt"), str(tmp_path / "binary.txt")]


def test_more_chunks_than_are_kept_in_flight_all_come_back(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(parse_pool, "CHUNK", 2)
    monkeypatch.setattr(parse_pool, "AHEAD", 2)
    paths = files_with_bad_ones(tmp_path)
    pooled = list(parse_all(paths, workers=2, min_files=0))
    assert [getattr(r, "source", r).path for r in pooled] == [str(p) for p in paths]


def test_a_missing_file_is_a_failure_not_an_exception(tmp_path: Path) -> None:
    result = parse_or_failure(tmp_path / "gone.txt")
    assert isinstance(result, ParseFailure)
    assert result.message.startswith(str(tmp_path / "gone.txt"))


def test_workers_are_spawned_not_forked_while_other_threads_run() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert parse_pool._start_method() == "spawn"
    finally:
        stop.set()
        thread.join()


def test_ready_says_whether_the_next_result_comes_without_waiting(tmp_path: Path) -> None:
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(b"%PDF-1.4 not really")
    seeds = sorted(SAMPLES.iterdir())
    here = parse_all([seeds[0], pdf], workers=1)
    assert here.ready(), "a text file parses here in milliseconds"
    next(here)
    assert not here.ready(), "a PDF parsed here may take seconds"
    next(here)
    assert not here.ready() and next(here, None) is None
    pooled = parse_all(seeds * 4, workers=2, min_files=0)
    try:
        while not pooled.ready():  # the first chunk is being parsed in a worker
            threading.Event().wait(0.01)
        assert [r.source.path for r in pooled] == [str(p) for p in seeds * 4]
    finally:
        pooled.close()
    assert not pooled.ready()
