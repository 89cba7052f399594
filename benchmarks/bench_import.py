"""Import throughput: synthetic protocols in the three seed layouts, protokoll vs plain sqlite3.

    .venv/bin/python benchmarks/bench_import.py [--sizes 1000 10000] [--repeat 3] [--seed 1]
        [--documents 60] [--corpus ../shared/corpus]

For each size N it writes N protocols (benchmarks/protocol_corpus.py) to a
temporary folder, then, `--repeat` times, each into a fresh SQLite file:

- `store.loading.import_paths` end to end (find, hash, read, parse, load: what
  `protokoll import` does), then the same folder again (all unchanged);
- the baseline (benchmarks/raw_sqlite.py): the same parser in the same worker
  processes, the same rows stored with plain `sqlite3`, then again (unchanged);
- the issue's minimal importer (benchmarks/minimal_importer.py): a few regular
  expressions for these layouts and the baseline's `sqlite3` loader, in this
  process, fresh;
- the load step alone: each file parsed here once, then stored by protokoll's
  `Batch` and by the baseline, each timed (wall and CPU).

It prints medians and the ratio protokoll / baseline of each, from the same run.
Then (`--documents N`) it renders N of those protocols as PDF and as Word files
(as the tests do, with tests/importers/make_documents.py) and times reading and
parsing each format beside the text of the same protocols: files and pages per
second. `--corpus DIR` also times reading every PDF under DIR.

Not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from minimal_importer import import_minimal
from protocol_corpus import make_councils, protocol_text, write_protocols
from raw_sqlite import RawLoader

import importers
from store.db import make_engine
from store.import_run import Batch
from store.loading import import_paths
from store.parse_pool import default_workers

# -- measuring --------------------------------------------------------------------------------


def timed(action: Callable[[], object]) -> float:
    """Wall seconds of `action`, started with no write-back pending from an earlier step.

    A step leaves up to a few hundred MB of dirty pages (its databases); flushed
    during the next step, they would take CPU from it on a 2-core machine.
    """
    os.sync()
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def cpu_seconds() -> tuple[float, float]:
    """CPU seconds used so far by this process and by its ended children (the parse workers)."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def end_to_end(folder: Path, paths: list[Path], scratch: Path, workers: int) -> dict[str, float]:
    """Seconds for protokoll and the baseline: a fresh import, then the same files again.

    For protokoll's fresh import also the CPU seconds of this process (reading,
    hashing, storing) and of its parse workers.
    """
    engine = make_engine(str(scratch / "protokoll.db"))
    runs: list = []
    main_before, workers_before = cpu_seconds()
    seconds = {"fresh": timed(lambda: runs.append(import_paths(engine, [folder], workers=workers)))}
    main_after, workers_after = cpu_seconds()
    seconds["fresh_main_cpu"] = main_after - main_before
    seconds["fresh_workers_cpu"] = workers_after - workers_before
    seconds["unchanged"] = timed(
        lambda: runs.append(import_paths(engine, [folder], workers=workers))
    )
    engine.dispose()
    assert runs[0].count("imported") == len(paths), runs[0].outcomes[:3]
    assert runs[1].count("unchanged") == len(paths), runs[1].outcomes[:3]
    raw = RawLoader(scratch / "raw.db")
    stored: list[int] = []
    seconds["raw_fresh"] = timed(lambda: stored.append(raw.import_files(paths, workers)))
    seconds["raw_unchanged"] = timed(lambda: stored.append(raw.import_files(paths, workers)))
    raw.conn.close()
    assert stored == [len(paths), 0], stored
    minimal = RawLoader(scratch / "minimal.db")
    seconds["minimal"] = timed(lambda: import_minimal(minimal, paths))
    minimal.conn.close()
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
    """Parse, protokoll's batched load and the baseline's load, each summed over the files."""
    engine = make_engine(str(scratch / "load.db"))
    outcomes: list[object] = []
    batch = Batch(engine, False, outcomes.append)
    raw = RawLoader(scratch / "raw_load.db")
    watch = Stopwatch()
    for path in paths:
        with watch.timing("parse"):
            parsed = importers.parse_file(path)
        with watch.timing("load"):
            batch.store(parsed)
        with watch.timing("raw"):
            raw.load(parsed)
    with watch.timing("load"):
        batch.commit()
    with watch.timing("raw"):
        raw.finish()
    batch.close()  # gives the run's connection back
    engine.dispose()
    raw.conn.close()
    assert len(outcomes) == len(paths)
    return dict(watch.seconds)


def measure(size: int, seed: int, workers: int, repeat: int) -> dict[str, float]:
    """Median seconds of each part over `repeat` runs on the same `size` protocols."""
    with tempfile.TemporaryDirectory(prefix="protokoll-bench-") as scratch:
        folder = Path(scratch) / "protocols"
        folder.mkdir()
        paths = write_protocols(folder, size, seed)
        runs = []
        for run in range(repeat):
            here = Path(scratch) / f"run{run}"
            here.mkdir()
            runs.append({**end_to_end(folder, paths, here, workers), **split_timings(paths, here)})
    medians = {part: statistics.median(r[part] for r in runs) for part in runs[0]}
    fresh = [r["fresh"] for r in runs]
    return {**medians, "fresh_fastest": min(fresh), "fresh_slowest": max(fresh)}


def report(size: int, seconds: dict[str, float], workers: int, repeat: int) -> None:
    """One size's figures: protocols per second, seconds, and protokoll / baseline ratios."""
    rate = {part: size / spent for part, spent in seconds.items()}
    print(f"{size} protocols ({workers} parsing workers; medians of {repeat} runs)")
    print(
        f"  fresh import, end to end:   protokoll {rate['fresh']:5.0f}/s, "
        f"plain sqlite3 {rate['raw_fresh']:5.0f}/s, "
        f"ratio {seconds['fresh'] / seconds['raw_fresh']:.2f}x "
        f"(protokoll's runs {rate['fresh_slowest']:.0f}–{rate['fresh_fastest']:.0f}/s)"
    )
    main_ms, workers_ms = (1000 * seconds[f"fresh_{p}_cpu"] / size for p in ("main", "workers"))
    print(
        f"  CPU a protocol, fresh:      this process {main_ms:.2f} ms (find, hash, store), "
        f"parse workers {workers_ms:.2f} ms"
    )
    print(
        f"  minimal importer (a few regexes + sqlite3, one process): {rate['minimal']:5.0f}/s; "
        f"protokoll's fresh import {seconds['fresh'] / seconds['minimal']:.2f}x as long"
    )
    print(
        f"  re-import, all unchanged:   protokoll {seconds['unchanged']:5.2f} s, "
        f"plain sqlite3 {seconds['raw_unchanged']:5.2f} s, "
        f"ratio {seconds['unchanged'] / seconds['raw_unchanged']:.2f}x"
    )
    print(
        f"  parse only (this process):  {rate['parse']:5.0f}/s wall, {rate['parse_cpu']:5.0f}/s CPU"
    )
    print(
        f"  load only (parsed rows):    protokoll {rate['load']:5.0f}/s, plain sqlite3 "
        f"{rate['raw']:5.0f}/s, ratio {seconds['load'] / seconds['raw']:.2f}x wall, "
        f"{seconds['load_cpu'] / seconds['raw_cpu']:.2f}x CPU "
        f"({1000 * seconds['load_cpu'] / size:.2f} vs {1000 * seconds['raw_cpu'] / size:.2f} ms "
        "CPU a protocol)"
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
    parser.add_argument("--repeat", type=int, default=3, help="runs of each size (medians)")
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
        report(size, measure(size, args.seed, workers, args.repeat), workers, args.repeat)
    if args.documents:
        document_timings(args.documents, args.seed)
    if args.corpus:
        corpus_timings(args.corpus)


if __name__ == "__main__":
    main()
