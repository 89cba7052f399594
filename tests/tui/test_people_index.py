"""The app's shared people index: built once per change of the data, ready before the view asks."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pilot_helpers import wait_for
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from store.db import make_engine
from store.models import Person, PersonAlias
from store.names import alias_key
from tui.app import ProtokollApp
from tui.people_index import WARM_SECONDS, SharedPeopleIndex
from tui.screens.people import PeopleScreen


def _add_person(engine: Engine, name: str) -> None:
    with Session(engine) as session:
        person = Person(name=name)
        session.add(person)
        session.flush()
        session.add(PersonAlias(person_id=person.id, spelling=name, key=alias_key(name)))
        session.commit()


def test_the_index_is_built_once_until_the_data_moves(sample_copy: Engine) -> None:
    shared = SharedPeopleIndex(lambda: sample_copy)
    first, version = shared.get()
    assert shared.get()[0] is first
    _add_person(sample_copy, "Quintus Zebrafors")
    again, newer = shared.get()
    assert again is not first and newer != version
    assert again.search("zebrafors")[0].name == "Quintus Zebrafors"
    assert first.search("zebrafors") == []


def test_two_threads_asking_at_once_share_one_build(sample_copy: Engine) -> None:
    shared = SharedPeopleIndex(lambda: sample_copy)
    found: list[object] = []
    threads = [threading.Thread(target=lambda: found.append(shared.get()[0])) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(found) == 4 and all(index is found[0] for index in found)


async def test_the_app_builds_the_index_before_the_people_view_is_opened(
    sample_copy: Engine,
) -> None:
    app = ProtokollApp(engine=sample_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(WARM_SECONDS)
        await wait_for(pilot, lambda: app.people_index._built is not None)
        warmed = app.people_index._built[0]
        await pilot.press("2")
        await wait_for(pilot, lambda: isinstance(app.screen, PeopleScreen) and app.screen.index)
        assert app.screen.index is warmed  # taken, not built again


def test_a_failed_background_build_is_left_for_the_view_to_report(tmp_path: Path) -> None:
    shared = SharedPeopleIndex(lambda: make_engine(str(tmp_path / "empty.db"), create=False))
    shared.warm()  # no tables: nothing raised in the background
    with pytest.raises(OperationalError, match="no such table"):
        shared.get()
