"""The app's words: Swedish by default, English on request.

Every label, message and help text the user sees is looked up here by key:
`t("meetings.filter")`, `t("saved", field="plats")`. The tables are plain
Python modules (`tui.texts_sv`, `tui.texts_en`), one per language, with the
same keys. No Textual or Typer here, so the CLI and the app share it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from tui import texts_en, texts_sv

LANG_ENV_VAR = "PROTOKOLL_LANG"
LANGUAGES: dict[str, Mapping[str, str]] = {"sv": texts_sv.TEXTS, "en": texts_en.TEXTS}
DEFAULT = "sv"
_current = DEFAULT


def choose_language(option: str | None = None, env: Mapping[str, str] | None = None) -> str:
    """`--lang` if given, else `$PROTOKOLL_LANG`, else the locale if it is English, else Swedish."""
    env = os.environ if env is None else env
    for wanted in (option, env.get(LANG_ENV_VAR)):
        if wanted:
            code = wanted.strip().lower()[:2]
            if code not in LANGUAGES:
                raise ValueError(t("cli.bad_lang", lang=wanted, known=", ".join(LANGUAGES)))
            return code
    return "en" if _locale_language(env) == "en" else DEFAULT


def _locale_language(env: Mapping[str, str]) -> str:
    # The environment, not locale.getlocale(): Python reports C.UTF-8 as en_US.
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if env.get(name):
            return env[name][:2].lower()
    return ""


def set_language(code: str) -> None:
    """Speak `code` (`sv` or `en`) from now on."""
    global _current
    if code not in LANGUAGES:
        raise ValueError(t("cli.bad_lang", lang=code, known=", ".join(LANGUAGES)))
    _current = code


def language() -> str:
    """The language spoken now."""
    return _current


def has(key: str) -> bool:
    """Whether `key` is in the catalogue."""
    return key in LANGUAGES[_current]


def t(key: str, /, **values: object) -> str:
    """The text for `key` in the current language, with `{names}` filled in."""
    text = LANGUAGES[_current].get(key)
    if text is None:
        text = LANGUAGES[DEFAULT].get(key, key)
    return text.format(**values) if values else text


def plural(count: int, one: str, many: str, /, **values: object) -> str:
    """`t(one)` when `count` is 1, else `t(many)`, both given `count`."""
    return t(one if count == 1 else many, count=count, **values)


def meeting_label(day: object, body: str) -> str:
    """A meeting as the user knows it: `2022-09-29 Regionalt samverkansråd`."""
    shown = day.isoformat() if hasattr(day, "isoformat") else t("meeting.undated")
    return t("meeting.label", date=shown, body=body)
