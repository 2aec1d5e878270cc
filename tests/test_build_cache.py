"""The cache of PDFs and ZIPs: a product is found again only for exactly the inputs it was made from."""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

import pytest

from edition.downloads.build_cache import ProductCache
from edition.downloads.pdf_jobs import PdfJobs
from edition.shared.digests import digest, tree


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pdf").mkdir()
    (tmp_path / "pdf" / "print.css").write_text("body { margin: 0 }", encoding="utf-8")
    (tmp_path / "pdf" / "__pycache__").mkdir()
    (tmp_path / "pdf" / "__pycache__" / "x.pyc").write_bytes(b"ignored")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("change", "same"),
    [
        (lambda root: None, True),
        (lambda root: (root / "pdf" / "print.css").write_text("body { margin: 1mm }", encoding="utf-8"), False),
        (lambda root: (root / "pdf" / "new.css").write_text("", encoding="utf-8"), False),
        (lambda root: (root / "pdf" / "print.css").rename(root / "pdf" / "other.css"), False),
        (lambda root: (root / "pdf" / "__pycache__" / "x.pyc").write_bytes(b"changed"), True),
    ],
    ids=["nothing", "content", "new file", "renamed", "bytecode"],
)
def test_the_digest_changes_with_the_inputs_only(project: Path, change: object, same: bool) -> None:
    before = digest(files=tree(project, ["pdf", "mkdocs.yml"]), root=project, settings=["a"])
    change(project)  # type: ignore[operator]
    after = digest(files=tree(project, ["pdf", "mkdocs.yml"]), root=project, settings=["a"])
    assert (before == after) is same


def test_the_digest_changes_with_a_setting(project: Path) -> None:
    files = tree(project, ["pdf"])
    assert digest(files=files, root=project, settings=["a"]) != digest(files=files, root=project, settings=["b"])


def test_the_cache_finds_a_product_by_its_key_and_keeps_the_latest(tmp_path: Path) -> None:
    cache = ProductCache(tmp_path / "cache")
    assert cache.get("en.pdf", "k1") is None and cache.latest("en.pdf") is None
    cache.put("en.pdf", "k1", b"one")
    cache.put("en.pdf", "k2", b"two")
    assert cache.get("en.pdf", "k1") is None, "one product per name"
    assert cache.get("en.pdf", "k2") == b"two" and cache.latest("en.pdf") == b"two"
    assert ProductCache(None).get("en.pdf", "k2") is None


# Why: two builds may share a cache (make serve beside make build, tests side by side): while both
# write, a read finds a whole entry or none, and neither build fails on a file the other removed.
def test_builds_writing_one_cache_at_once_never_read_half_an_entry(tmp_path: Path) -> None:
    products = {f"k{i}": bytes([65 + i]) * 400_000 for i in range(4)}
    problems: list[BaseException] = []
    found: set[bytes | None] = set()

    def write(keys: list[str]) -> None:
        cache = ProductCache(tmp_path / "cache")
        try:
            for _ in range(30):
                for key in keys:
                    cache.put("en.pdf", key, products[key])
        except Exception as problem:  # reported by the assertion below
            problems.append(problem)

    def read() -> None:
        cache = ProductCache(tmp_path / "cache")
        try:
            for _ in range(300):
                found.update(cache.get("en.pdf", key) for key in products)
                found.add(cache.latest("en.pdf"))
        except Exception as problem:  # reported by the assertion below
            problems.append(problem)

    threads = [
        threading.Thread(target=write, args=(["k0", "k1"],)),
        threading.Thread(target=write, args=(["k2", "k3"],)),
    ]
    threads += [threading.Thread(target=read) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert problems == []
    assert found <= {None, *products.values()}
    assert len(found) > 2, "the readers saw the writers' entries"
    assert [path.name for path in (tmp_path / "cache").iterdir() if not path.name.startswith("en.pdf.")] == []


def test_under_serve_the_latest_pdf_stands_in_without_rendering(project: Path) -> None:
    cache = ProductCache(project / "cache")
    cache.put("en.pdf", "old", b"%PDF-last")
    jobs = PdfJobs(cache, workers=0, stale_ok=True)
    assert jobs.take_latest("en"), "the edition's HTML need not be assembled"
    assert not jobs.take_latest("fr"), "no French PDF was made before: it must be assembled and rendered"
    result = jobs.results()["en"]
    assert (result.pdf, result.source, result.render_s) == (b"%PDF-last", "stale", 0.0)
    assert not PdfJobs(cache, workers=0, stale_ok=False).take_latest("en"), "a build never takes a stale PDF"


def test_a_build_uses_a_cached_pdf_only_for_the_same_html(project: Path) -> None:
    cache = ProductCache(project / "cache")
    cache.put("en.pdf", "old", b"%PDF-other-html")
    jobs = PdfJobs(cache, workers=0, stale_ok=False)
    css = project / "pdf" / "print.css"
    jobs.submit("en", "<html lang='en'><p>Text</p></html>", stylesheet=css, base_dir=project / "pdf")
    first = jobs.results()["en"]
    assert first.source == "rendered" and first.pdf.startswith(b"%PDF") and first.pdf != b"%PDF-other-html"
    again = PdfJobs(cache, workers=0, stale_ok=False)
    again.submit("en", "<html lang='en'><p>Text</p></html>", stylesheet=css, base_dir=project / "pdf")
    assert again.results()["en"] == type(first)(first.pdf, (), 0.0, "cached")


TAMPERED = [
    ("content changed", lambda path: path.write_bytes(path.read_bytes().replace(b"one", b"evil"))),
    ("unsealed", lambda path: path.write_bytes(b"one")),
    ("seal only", lambda path: path.write_bytes(path.read_bytes().split(b"\n")[0])),
    ("another entry's", lambda path: path.write_bytes((path.parent / "fr.pdf.k1").read_bytes())),
    ("a link", lambda path: (path.unlink(), path.symlink_to(path.parent / "fr.pdf.k1"))),
]


@pytest.mark.parametrize("tamper", [case[1] for case in TAMPERED], ids=[case[0] for case in TAMPERED])
def test_an_entry_changed_after_it_was_stored_is_a_miss(
    tmp_path: Path, tamper: Any, caplog: pytest.LogCaptureFixture
) -> None:
    cache = ProductCache(tmp_path / "cache")
    cache.put("en.pdf", "k1", b"one")
    cache.put("fr.pdf", "k1", b"one")
    assert cache.get("en.pdf", "k1") == b"one"
    tamper(tmp_path / "cache" / "en.pdf.k1")
    with caplog.at_level(logging.INFO, logger="mkdocs.edition.cache"):
        assert cache.get("en.pdf", "k1") is None
    assert [r.getMessage() for r in caplog.records] == [
        f"{tmp_path / 'cache' / 'en.pdf.k1'}: not as it was stored; made again"
    ]
    assert cache.get("en.pdf", "k1") is None, "still a miss when read again"
    assert all(record.levelno < logging.WARNING for record in caplog.records), "a WARNING would fail --strict"
    assert cache.latest("en.pdf") == b"one" and cache.get("fr.pdf", "k1") == b"one", "the others are untouched"
    cache.put("en.pdf", "k2", b"two")
    assert cache.get("en.pdf", "k2") == b"two", "made again, it is kept again"
