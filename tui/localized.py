"""Key bindings in the current language: their descriptions and tooltips are catalogue keys.

Textual copies a class's bindings into each widget when it is made, so the
classes are translated once, when the app starts, before any widget exists.
"""

from __future__ import annotations

import dataclasses

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from tui.i18n import has, t


def localized(binding: Binding) -> Binding:
    """`binding` with its description and tooltip looked up, where they are catalogue keys."""
    description = t(binding.description) if has(binding.description) else binding.description
    tooltip = t(binding.tooltip) if binding.tooltip and has(binding.tooltip) else binding.tooltip
    return dataclasses.replace(binding, description=description, tooltip=tooltip)


def localize_bindings() -> None:
    """Translate the bindings of every widget, screen and app class (again, after a switch)."""
    for cls in _subclasses(DOMNode):
        merged = cls._merge_bindings()
        cls._merged_bindings = BindingsMap.from_keys(
            {
                key: [localized(binding) for binding in bindings]
                for key, bindings in merged.key_to_bindings.items()
            }
        )


def _subclasses(root: type) -> list[type]:
    found, todo = [], [root]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found
