"""`protokoll orgs …`: suggest, merge, split and declare different for organisations."""

from __future__ import annotations

import typer

from tui.commands.people import ORGANIZATIONS, make_app


def register(app: typer.Typer) -> None:
    """Add the `orgs` command group to `app`."""
    app.add_typer(
        make_app(ORGANIZATIONS),
        name="orgs",
        help="cli.orgs",
    )
