"""What each cache, memo, pool and second validator of the build buys, at 1,000 fixture comments.

Each layer is timed with and without it, in this process, on a copy of the project given that many
generated fixture comments (scripts/comment_fixtures.py); medians of ``RUNS`` runs, alternated.
Run it alone: ``python scripts/cache_layers.py`` (``CACHE_LAYERS_COMMENTS``, ``CACHE_LAYERS_RUNS``);
``make benchmark`` adds its table to BENCHMARKS.md (``layers``). "Saved per build" is what a build
(three languages, or one `mkdocs serve` rebuild) would spend more without the layer.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import jinja2

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))
from comment_fixtures import write  # noqa: E402

import edition.comments.store as store  # noqa: E402
from edition.comments.views import by_target  # noqa: E402
from edition.shared import schemas  # noqa: E402
from edition.text.registry import load_registry  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
COMMENTS = int(os.environ.get("CACHE_LAYERS_COMMENTS", "1000"))
RUNS = int(os.environ.get("CACHE_LAYERS_RUNS", "3"))
LANGUAGES = 3


def median(make: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        make()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _check(root: Path, *, memo: dict[str, store.Comment] | None = None) -> list[store.Comment]:
    registry = load_registry(root / "data")
    found, problems, _ = store.check_repository(root, registry=registry, reference_docs=root / "docs" / "en", memo=memo)
    assert not problems, problems[:3]
    return found


def comment_layers(root: Path) -> list[tuple[str, float, float, str]]:
    """(layer, seconds without, seconds with, how often per build)."""
    rows = []
    one = median(lambda: _check(root))

    memo: dict[str, store.Comment] = {}
    _check(root, memo=memo)
    text = store.memo_json(memo)
    warm = median(lambda: _check(root, memo=store.memo_from_json(text)))
    rows.append(("memo of checked comments (kept as JSON between builds)", one, warm, "once per change"))

    comments = _check(root, memo=store.memo_from_json(text))

    def unkept() -> None:  # what each language build would do without the checked comments kept in memory
        store.memo_from_json(text)
        _check(root, memo=store.memo_from_json(text))
        by_target(comments)

    again = median(unkept)
    rows.append(("checked comments kept in memory (KeptComments)", again * LANGUAGES, again, "every build"))
    return rows


def converter_layer() -> tuple[str, float, float, str]:
    from edition.comments import text as comment_text

    body = "A comment with a [link](https://example.org) and *emphasis*.\n\nA second paragraph."
    original = comment_text._converter

    def each() -> None:
        for _ in range(COMMENTS):
            original.__wrapped__().reset().convert(body)

    def kept() -> None:
        for _ in range(COMMENTS):
            original().reset().convert(body)

    return ("one Markdown converter for every comment (functools.cache)", median(each), median(kept), "per change")


def schema_layers(root: Path) -> list[tuple[str, float, float, str]]:
    from edition.annexes import later_law
    from edition.shared.problems import EditionError

    provisions = list(load_registry(root / "data").provisions)

    def check() -> None:  # the schema is checked first; the paragraphs (none here) are then refused
        with contextlib.suppress(EditionError):
            later_law.load_later_law(root / "data", paragraphs=[], provisions=provisions, shown="later-law.yml")

    with_inline = median(check)
    later_law.inline_refs = lambda node, defs: node  # type: ignore[assignment]
    try:
        without = median(check)
    finally:
        later_law.inline_refs = schemas.inline_refs
    return [("inline_refs: later-law check", without, with_inline, "once per change")]


def function_caches(root: Path) -> list[tuple[str, float, float, str]]:
    from edition.comments.text import browser_tables, computed_tables
    from edition.shared.safe_html import autoescape_in

    tables = (
        "character tables for the form (kept in a file for this Python)",
        median(lambda: [computed_tables() for _ in range(LANGUAGES)]),
        median(lambda: [browser_tables() for _ in range(LANGUAGES)]),
        "3 languages",
    )
    names = [f"partials/edition/{n}" for n in ("comment-article.html", "xref.html", "missing.html")]
    calls = COMMENTS * LANGUAGES  # at least one render of comment-article.html per comment and language
    kept = autoescape_in(ROOT / "overrides")
    plain = kept.__wrapped__  # type: ignore[attr-defined]
    escape = (
        "autoescape answer per template name (functools.cache)",
        median(lambda: [plain(names[i % 3]) for i in range(calls)]),
        median(lambda: [kept(names[i % 3]) for i in range(calls)]),
        f"{calls:,} renders",
    )
    return [tables, escape, _file_lookups()]


def _file_lookups() -> tuple[str, float, float, str]:
    from types import SimpleNamespace

    from mkdocs.structure.files import File, Files
    from mkdocs_static_i18n.folder import I18nFiles

    from build_state import LanguageBuild

    docs = ROOT / "docs"
    found = [File(p.relative_to(docs).as_posix(), str(docs), "/site", True) for p in docs.rglob("*.md")]
    config = SimpleNamespace(fallback_to_default=True)
    files = I18nFiles(SimpleNamespace(current_language="fr", default_language="en", config=config), Files(found))
    wanted = ["specific-issues/index.md", "international-provisions.md", "practice.md"]
    calls = COMMENTS * LANGUAGES  # at least one address per comment and language
    language = LanguageBuild()
    without = median(lambda: [files.get_file_from_path(wanted[i % 3]) for i in range(calls)])
    with_ = median(lambda: [language.file(files, wanted[i % 3]) for i in range(calls)])
    return ("file lookups kept per language (LanguageBuild.file)", without, with_, f"{calls:,} lookups")


def compiled_templates_layer() -> tuple[str, float, float, str]:
    import material

    folders = [str(ROOT / "overrides"), str(Path(material.__file__).parent / "templates")]
    names = [
        n for n in jinja2.Environment(loader=jinja2.FileSystemLoader(folders)).list_templates() if n.endswith(".html")
    ]

    def compile_all(cache: jinja2.BytecodeCache | None) -> None:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(folders), bytecode_cache=cache)
        env.filters.update({k: (lambda *a, **k: "") for k in ("url", "tojson", "script_tag", "d")})
        for name in names:
            with contextlib.suppress(jinja2.TemplateError):
                env.get_template(name)

    from edition.shared.compiled_templates import CompiledTemplates

    shared = CompiledTemplates()
    compile_all(shared)
    every = median(lambda: [compile_all(None) for _ in range(LANGUAGES)])
    kept = median(lambda: [compile_all(shared) for _ in range(LANGUAGES)])
    return ("compiled templates shared by environments", every, kept, f"{len(names)} templates, 3 environments")


def table() -> list[str]:
    """The section of BENCHMARKS.md: each layer with and without, on a fresh copy of the project."""
    with tempfile.TemporaryDirectory(prefix="cache-layers-") as work:
        root = Path(work) / "project"
        for part in ("data", "docs", "comments"):
            shutil.copytree(ROOT / part, root / part)
        write(COMMENTS, root / "comments")
        rows = [*comment_layers(root), converter_layer(), *schema_layers(root), *function_caches(root)]
        rows.append(compiled_templates_layer())
    lines = [
        f"## What each cache buys ({COMMENTS:,} fixture comments, medians of {RUNS}, `scripts/cache_layers.py`)",
        "",
        "| layer | without (s) | with (s) | saved (s) | counted over |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    lines += [
        f"| {name} | {without:.3f} | {with_:.3f} | {without - with_:+.3f} | {when} |"
        for name, without, with_, when in rows
    ]
    return [*lines, ""]


if __name__ == "__main__":
    print("\n".join(table()))
