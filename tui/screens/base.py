"""What every screen that talks to the database shares."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.screen import ModalScreen, Screen
from textual.worker import Worker, WorkerState, get_current_worker

from tui.i18n import t

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


class StoreMixin:
    """Turns worker failures into notifications and hands worker results to the UI thread.

    Database work runs in `@work(thread=True, exit_on_error=False)` methods; a
    failure there lands in `on_worker_state_changed` and becomes a message, so
    the app stays open.
    """

    @property
    def engine(self) -> Engine:
        """The one engine of the app."""
        return self.app.engine  # type: ignore[attr-defined]

    def deliver(self, callback: Callable[..., Any], *args: Any) -> None:
        """From a worker thread: run `callback(*args)` on the UI thread, unless cancelled.

        A cancelled thread worker still runs to its end; its stale result must not win.
        """
        worker = get_current_worker()
        if not worker.is_cancelled:
            self.app.call_from_thread(_unless_cancelled, worker, callback, *args)  # type: ignore[attr-defined]

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Show a database (or any worker) error as a notification."""
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            self.app.notify(  # type: ignore[attr-defined]
                str(event.worker.error) or type(event.worker.error).__name__,
                title=t("error.title"),
                severity="error",
                markup=False,
            )


def _unless_cancelled(worker: Worker, callback: Callable[..., Any], *args: Any) -> None:
    # Checked again on the UI thread, where a newer exclusive worker cancels this
    # one: between the worker's own check and this call, a newer one may have started.
    if not worker.is_cancelled:
        callback(*args)


class StoreScreen(StoreMixin, Screen):
    """A full screen that reads or writes the database."""


class StoreModal(StoreMixin, ModalScreen):
    """A dialog that reads or writes the database."""
