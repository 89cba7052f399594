"""Parsing in worker processes gives what parsing here gives, in the same order."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
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
        assert pooled.ready(within=60), "waits for the worker parsing the first chunk"
        assert [r.source.path for r in pooled] == [str(p) for p in seeds * 4]
    finally:
        pooled.close()
    assert not pooled.ready()


APP_LIKE_IMPORT = """
import sys, threading
from pathlib import Path
from store.parse_pool import ParseFailure, parse_all

class StandIn:  # what Textual puts in place of stderr while the app runs
    def write(self, text): return len(text)
    def flush(self): pass
    def fileno(self): return -1

def run(paths, found):
    stream = parse_all(paths, workers=2, min_files=0)
    found.append(stream._pool is not None)
    found.extend(r for r in stream)

if __name__ == "__main__":
    paths = sorted(Path(sys.argv[1]).iterdir()) * 2
    sys.stderr, found = StandIn(), []
    thread = threading.Thread(target=run, args=(paths, found))  # the app imports in a thread
    thread.start(); thread.join()
    pooled, results = found[0], found[1:]
    parsed = [r for r in results if not isinstance(r, ParseFailure)]
    print(pooled, len(results), len(parsed), sys.stderr is not sys.__stderr__)
"""


def test_spawned_workers_start_inside_the_app_where_stderr_has_no_descriptor(tmp_path) -> None:
    """Inside the app a big import found no workers: Textual's stderr has `fileno()` -1.

    A fresh interpreter, as the app is, with multiprocessing's resource tracker not
    yet running: the pool must start, parse every file, and give stderr back.
    """
    script = tmp_path / "app_like_import.py"
    script.write_text(APP_LIKE_IMPORT)
    done = subprocess.run(
        [sys.executable, str(script), str(SAMPLES)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr
    count = 2 * len(list(SAMPLES.iterdir()))
    assert done.stdout.split() == ["True", str(count), str(count), "True"]


def test_a_pool_that_cannot_start_parses_here(tmp_path: Path, monkeypatch) -> None:
    def refuse(workers: int, context: str) -> None:
        raise OSError(28, "No space left on device")  # no room for its semaphores, say

    monkeypatch.setattr(parse_pool, "_start_pool", refuse)
    paths = files_with_bad_ones(tmp_path)
    assert list(parse_all(paths, workers=2, min_files=0)) == list(parse_all(paths, workers=1))


def test_workers_parse_at_a_lower_priority_than_the_importing_process() -> None:
    pool = parse_pool._start_pool(2, "fork")
    try:
        niceness = pool.submit(os.nice, 0).result()
    finally:
        pool.shutdown()
    assert niceness == min(19, os.nice(0) + parse_pool.WORKER_NICENESS)


def test_the_result_pipe_holds_several_chunks_of_results() -> None:
    pool = parse_pool._start_pool(2, "fork")
    try:
        reader = pool._result_queue._reader  # type: ignore[attr-defined]
        size = fcntl.fcntl(reader.fileno(), fcntl.F_GETPIPE_SZ)
    finally:
        pool.shutdown()
    allowed = int(Path("/proc/sys/fs/pipe-max-size").read_text())
    assert size >= min(parse_pool.RESULT_PIPE_BYTES, allowed) > 64 * 1024
