"""Helper for the hooks (not a hook), kept only for ``hooks/comments.py``: ``shared_index.current``
reads and writes ``STATE.index`` (``hooks/build_state.py``), the index of the language being built.

Every other hook reads the build state directly (``STATE.language(lang).index``). Delete this module
once ``hooks/comments.py`` does too.
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
