"""Helper for the hooks (not a hook): where each paragraph and provision of the language being built is.

``crossrefs.py`` publishes its index here in ``on_files``; hooks that place things next to
paragraphs and provisions (``comments.py``) read it instead of scanning the pages again.
"""

from __future__ import annotations

from edition.crossrefs import CrossIndex

current: CrossIndex | None = None
