"""Helper for the hooks (not a hook): where each paragraph and provision of the language being built is.

``crossrefs.py`` publishes its index here in ``on_files`` (``shared_index.current = index``); hooks that
place things next to paragraphs and provisions (``comments.py``) read ``shared_index.current`` instead
of scanning the pages again. The attribute is the build state's ``index`` (``hooks/build_state.py``),
not a global of its own.
"""

from __future__ import annotations

import sys
import types

from edition.crossrefs import CrossIndex

from build_state import STATE

current: CrossIndex | None  # declared for the type checker; held by STATE through _Module below


class _Module(types.ModuleType):
    """This module, whose ``current`` reads and writes ``STATE.index``."""

    @property
    def current(self) -> CrossIndex | None:
        return STATE.index

    @current.setter
    def current(self, index: CrossIndex | None) -> None:
        STATE.index = index


sys.modules[__name__].__class__ = _Module
