"""Parse many protocol files on other cores while this process stores them.

Parsing costs more than storing, so a big import parses in worker processes,
a few chunks ahead of the loader, and gets the results back in file order.
Small imports parse here: starting workers would cost more than it saves.
A failure to parse is a value (`ParseFailure`), never an exception, so one bad
file cannot break the pool, and a pool that breaks (a worker killed) falls
back to parsing here.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, wait
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

import importers
from importers.reading import TEXT_SUFFIXES
from importers.records import ParsedFile, ProtocolError

try:
    import fcntl
except ImportError:  # not on a Unix
    fcntl = None  # type: ignore[assignment]

CHUNK = 16
"""Files per task: fewer round trips than one file at a time, still smooth progress."""
AHEAD = 8
"""Chunks in flight at once, so memory stays bounded however many files there are."""
MAX_WORKERS = 4
PR_SET_PDEATHSIG = 1
"""prctl(2) option: the signal this process gets when its parent ends."""
RESULT_PIPE_BYTES = 1 << 20
"""The result pipe's size asked for: room for several chunks' results (`_widen_result_pipe`)."""
WORKER_NICENESS = 5
"""How much lower a worker's CPU priority is than the importing process's. The importer
is the one stage that cannot be spread over cores: at an equal share of two cores
beside two workers it fell behind, the workers filled their queue and waited, and
the cores were 7–9 % idle (3–4 % with this). Inside the app, the screen stays quick."""
WATCHDOG_SECONDS = 0.5
"""How often a worker checks that its parent still lives (the fallback to PR_SET_PDEATHSIG)."""


@dataclass(frozen=True)
class ParseFailure:
    """A file that could not be read or parsed, and why (naming file and line when known)."""

    path: str
    message: str


def parse_or_failure(path: Path) -> ParsedFile | ParseFailure:
    """Parse one file; whatever goes wrong becomes a `ParseFailure`."""
    try:
        return importers.parse_file(path)
    except ProtocolError as error:
        return ParseFailure(str(path), str(error))
    except Exception as error:  # one bad file must never stop a run
        return ParseFailure(str(path), f"{path}: could not be read: {error!r}")


def default_workers() -> int:
    """Worker processes for a big import: the cores this process may use, at most 4."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_WORKERS))


def parse_all(
    paths: Sequence[Path], *, workers: int | None = None, min_files: int | None = None
) -> ParsedStream:
    """Parse `paths`, yielding results in the same order, in worker processes when it pays.

    `workers=1` parses here. `min_files` is the smallest import worth a pool
    (by default it depends on how cheaply this process can start workers).
    """
    workers = default_workers() if workers is None else workers
    context = _start_method()
    if min_files is None:
        min_files = 64 if context == "fork" else 500
    pooled = workers > 1 and len(paths) >= min_files
    return ParsedStream(paths, workers if pooled else 0, context)


def _start_method() -> str:
    """Fork when it is safe (Linux, one thread): instant. Otherwise spawn, which is slow."""
    if sys.platform == "linux" and threading.active_count() == 1:
        return "fork"
    return "spawn"


class ParsedStream(Iterator[ParsedFile | ParseFailure]):
    """The parsed files in path order; `ready()` says whether the next one comes without waiting.

    With `workers=0` each file is parsed here when asked for. Call `close()`
    (or let the loop end) to stop the workers.
    """

    def __init__(self, paths: Sequence[Path], workers: int, context: str) -> None:
        self._paths = deque(paths)
        self._pool: ProcessPoolExecutor | None = None
        self._pending: deque[tuple[list[Path], Future | None]] = deque()
        self._ready: deque[ParsedFile | ParseFailure] = deque()
        if workers:
            try:
                self._pool = _start_pool(workers, context)
            except Exception:  # a pool that cannot start at all: parse here, as when one breaks
                self._pool = None
            while self._pool is not None and len(self._pending) < AHEAD and self._paths:
                self._submit_next()

    def __next__(self) -> ParsedFile | ParseFailure:
        if self._ready:
            return self._ready.popleft()
        if self._pool is None:
            if not self._paths:
                raise StopIteration
            return parse_or_failure(self._paths.popleft())
        if not self._pending:
            self.close()
            raise StopIteration
        chunk, future = self._pending.popleft()
        self._submit_next()
        self._ready.extend(_results(chunk, future))
        return self._ready.popleft()

    def ready(self, within: float = 0.0) -> bool:
        """True when the next result is at hand (or cheap to make: a text file parsed here).

        `within` seconds > 0: wait up to that long for a worker to bring it.
        """
        if self._ready:
            return True
        if self._pool is None:
            return bool(self._paths) and self._paths[0].suffix.lower() in TEXT_SUFFIXES
        if not self._pending:
            return False
        future = self._pending[0][1]
        if future is None or future.done():
            return True
        return within > 0 and not wait([future], timeout=within).not_done

    def close(self) -> None:
        """Stop the workers now, not when garbage collected."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
            self._paths.clear()
            self._pending.clear()

    def _submit_next(self) -> None:
        if not self._paths or self._pool is None:
            return
        chunk = [self._paths.popleft() for _ in range(min(CHUNK, len(self._paths)))]
        self._pending.append((chunk, _submit(self._pool, chunk)))


def _start_pool(workers: int, context: str) -> ProcessPoolExecutor:
    """The worker pool; with `spawn`, multiprocessing's resource tracker started first.

    The tracker's process is given `sys.stderr`'s file descriptor. Inside the app,
    Textual's stand-in for stderr has none (`fileno()` is -1) and the start fails
    ("bad value(s) in fds_to_keep"), so the real stderr is lent for that moment.
    """
    if context != "fork":
        from multiprocessing import resource_tracker

        stand_in = sys.stderr
        try:
            if _fileno(stand_in) < 0 and sys.__stderr__ is not None:
                sys.stderr = sys.__stderr__
            resource_tracker.ensure_running()
        finally:
            sys.stderr = stand_in
    pool = ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context(context),
        initializer=_start_worker,
        initargs=(os.getpid(),),
    )
    _widen_result_pipe(pool)
    return pool


def _widen_result_pipe(pool: ProcessPoolExecutor) -> None:
    """Let the pipe that brings results back hold `RESULT_PIPE_BYTES`, where Linux's holds 64 KiB.

    A chunk's results (about 115 KiB of pickled records) did not fit: the worker
    that sent them waited until this process's result thread got the interpreter
    lock to read them, while the loader held it, and the cores were 2 % more idle.
    The pipe is the executor's own (a private attribute), so this is best effort.
    """
    set_size = getattr(fcntl, "F_SETPIPE_SZ", None) if fcntl is not None else None
    reader = getattr(getattr(pool, "_result_queue", None), "_reader", None)
    if set_size is None or reader is None:
        return
    with suppress(OSError, ValueError):  # above the system's pipe-max-size: the default stays
        fcntl.fcntl(reader.fileno(), set_size, RESULT_PIPE_BYTES)


def _fileno(stream: object) -> int:
    try:
        return stream.fileno()  # type: ignore[attr-defined]
    except Exception:  # no descriptor at all (io.StringIO, a closed stream)
        return -1


def _submit(pool: ProcessPoolExecutor, chunk: list[Path]) -> Future | None:
    try:
        return pool.submit(_parse_chunk, chunk)
    except RuntimeError:  # BrokenProcessPool, or shut down: parse this chunk here
        return None


def _results(chunk: list[Path], future: Future | None) -> list[ParsedFile | ParseFailure]:
    if future is not None:
        try:
            return future.result()
        except Exception:  # a worker died (killed, out of memory): parse this chunk here
            pass
    return [parse_or_failure(path) for path in chunk]


def _parse_chunk(chunk: list[Path]) -> list[ParsedFile | ParseFailure]:
    """Parse a worker's chunk with the cycle collector paused.

    Parsing makes many short-lived objects and no cycles that must go before the
    chunk ends: collecting every 700 allocations cost 3–7 % of a worker's time.
    """
    gc.disable()
    try:
        return [parse_or_failure(path) for path in chunk]
    finally:
        gc.enable()


def _start_worker(parent: int) -> None:
    """Set a worker up: a lower priority, and to die with its parent, however it ends.

    Ctrl-C is for the importing process (workers finish their chunk and go).
    If the parent is killed (SIGKILL, SIGTERM, SIGHUP), a worker left behind
    would keep running and hold the terminal's output open: Linux kills it
    (PR_SET_PDEATHSIG); elsewhere, and as a fallback, a watchdog thread ends it
    once its parent is gone.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _lower_priority()
    gc.freeze()  # what the fork inherited is never scanned, nor its pages copied by the collector
    _die_with_parent()
    if os.getppid() != parent:  # the parent died before we asked to be told
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _lower_priority() -> None:
    """Give this worker `WORKER_NICENESS` less CPU priority than its parent."""
    with suppress(OSError, AttributeError):  # no nice (Windows): an equal share, only slower
        os.nice(WORKER_NICENESS)


def _die_with_parent() -> None:
    """Ask Linux to SIGKILL this process when the process that started it ends."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # no prctl: the watchdog still ends the worker
        pass


def _watch_parent(parent: int) -> None:
    """End this worker once its parent is gone (it is then adopted: another parent pid)."""
    while os.getppid() == parent:
        time.sleep(WATCHDOG_SECONDS)
    os._exit(1)
