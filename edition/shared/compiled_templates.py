"""Jinja templates compiled once and shared by every environment that loads them.

MkDocs makes a new template environment for each language build (and each hook may make its own),
and each environment compiles every template it renders again. Compiling is most of what rendering
the theme costs; the code it makes depends only on the template's source. ``CompiledTemplates`` is a
Jinja bytecode cache held in memory: an environment given it (``env.bytecode_cache = cache``) takes
the code another environment compiled from the same file, and compiles again only when the file's
source has changed (Jinja checks the source's checksum on every load: staleness by content). Three
environments compiling the theme's 140 templates took 7–40 s here, sharing them 0.2–0.6 s
(``scripts/cache_layers.py``).
"""

from __future__ import annotations

from types import CodeType

from jinja2.bccache import Bucket, BytecodeCache


class CompiledTemplates(BytecodeCache):
    """Compiled templates by cache key (name and file), each with the checksum of its source."""

    def __init__(self) -> None:
        self.code: dict[str, tuple[str, CodeType]] = {}

    # Why: Jinja asks before compiling; a stored checksum that differs leaves the bucket empty.
    def load_bytecode(self, bucket: Bucket) -> None:
        found = self.code.get(bucket.key)
        if found is not None and found[0] == bucket.checksum:
            bucket.code = found[1]

    # Why: Jinja hands over what it has just compiled.
    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is not None:
            self.code[bucket.key] = (bucket.checksum, bucket.code)
