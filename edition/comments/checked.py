"""The comments of ``comments/`` as a build takes them: checked once (``store.check_repository``), with
what checking them depended on, and the files checked before kept aside in the product cache.

A file checked before in the same context (``check_context``: the data, every language's pages, the
ids comments may target, the code) is not checked again: the website, its offline variant, the next
build and ``mkdocs serve`` share the memo. Pure: no MkDocs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import edition
from edition.comments.store import Comment, check_repository, known_targets, load_schema, memo_from_json, memo_json
from edition.comments.views import by_target
from edition.downloads.build_cache import ProductCache
from edition.shared.digests import Kept, digest
from edition.shared.problems import EditionError
from edition.text.registry import Registry

CHECKED = "checked-comments.json"  # the memo's name in the product cache


@dataclass
class KeptComments:
    """The checked comments (kept in the build's loaded data with the digest of what they were checked against)."""

    comments: tuple[Comment, ...] = ()
    retired: dict[str, str] = field(default_factory=dict)
    schema: dict[str, Any] = field(default_factory=dict)  # the comment schema, for the form
    by_target: Mapping[str, list[Comment]] = field(default_factory=dict)  # the visible ones, oldest first


# Why: what checking a comment file depends on besides its bytes: the data, the pages, the ids, the code.
def check_context(root: Path, *, registry: Registry, reference_docs: Path) -> str:
    code = Path(edition.__file__).parent
    code_version = digest(files=code.rglob("*.py"), root=code)
    targets = sorted(known_targets(registry, reference_docs))
    # Every language's pages too: a comment's passage is found in the text of its language.
    inputs = [*(root / "data").rglob("*.yml"), *(root / "docs").rglob("*.md")]
    return digest(files=inputs, root=root, settings=[code_version, *targets])


# Why: 1,000 comments checked afresh took 2–9 s here, with the memo 0.3–0.6 s (scripts/cache_layers.py); the
# offline variant and the next build (or `mkdocs serve`) check only files not checked before in the same context.
def checked_comments(
    root: Path, *, registry: Registry, reference_docs: Path, context: str, cache: ProductCache
) -> KeptComments:
    kept = cache.get(CHECKED, context)
    memo = memo_from_json(kept.decode("utf-8")) if kept is not None else {}
    before = set(memo)
    found, problems, retired = check_repository(root, registry=registry, reference_docs=reference_docs, memo=memo)
    if problems:
        raise EditionError(problems)
    if set(memo) != before:
        cache.put(CHECKED, context, memo_json(memo).encode("utf-8"))
    comments = tuple(found)
    return KeptComments(comments, retired, load_schema(root / "data"), by_target(comments))


# Why: the comments as the build keeps them: checked again only when their files' bytes or the context change.
def read_comments(
    root: Path, *, registry: Registry, reference_docs: Path, cache: ProductCache, kept: Kept[KeptComments]
) -> KeptComments:
    context = check_context(root, registry=registry, reference_docs=reference_docs)
    key = digest(files=(root / "comments").glob("*"), root=root, settings=[context])
    return kept.get(
        key,
        lambda: checked_comments(root, registry=registry, reference_docs=reference_docs, context=context, cache=cache),
    )
