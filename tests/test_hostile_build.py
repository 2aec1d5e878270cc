"""What a pull request adds cannot leave the build machine: real builds of hostile copies of the project.

The PDF refuses attachment links, named where they are written; symbolic links in the folders a
build reads stop it; a tampered product cache changes nothing that is published.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import lxml.html

from edition.shared.symlinks import symbolic_links
from tests.conftest import ROOT, BuildResult, copy_project, run_build

Build = Callable[..., BuildResult]
SECRET = "pdfsym-secret-8b2d61f0"  # in the build's environment only
DATA_PAYLOAD = "<a rel='attachment' href='file:///proc/self/environ'>x</a>"
REASON = '"Later global research on children living in prison with their primary caregivers.'
PAGE_PAYLOAD = '<p>See <a rel="attachment" href="file:///etc/passwd">the list</a>.</p>'


def _line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), start=1) if needle in line)


# Why: a payload in a data file may be escaped by its template (then it is text, not a link, and harmless).
def _is_link(site: Path, href: str) -> bool:
    for page in site.rglob("*.html"):
        links = lxml.html.fromstring(page.read_bytes()).xpath("//a[@href=$href]", href=href)
        if any("attachment" in str(link.get("rel", "")).lower().split() for link in links):
            return True
    return False


def test_attachment_links_in_data_and_pages_stop_the_build_named_where_written(build_copy: Build) -> None:
    data = (ROOT / "data" / "later-law.yml").read_text(encoding="utf-8").replace(REASON, f"{REASON} {DATA_PAYLOAD}")
    page = (ROOT / "docs" / "en" / "contact.md").read_text(encoding="utf-8") + f"\n{PAGE_PAYLOAD}\n"
    result = build_copy(
        {"data/later-law.yml": lambda _: data, "docs/en/contact.md": lambda _: page},
        environ={"PDFSYM_TEST_SECRET": SECRET},
    )
    assert result.returncode == 1, result.log
    assert "Aborted with a BuildError" in result.log and "Traceback" not in result.log
    why = "an attachment link to {!r}, refused: the PDF embeds no file"
    at_page = f"PDF (en): docs/en/contact.md:{_line_of(page, PAGE_PAYLOAD)}: " + why.format("file:///etc/passwd")
    assert at_page in result.log
    if _is_link(result.site, "file:///proc/self/environ"):
        at_data = f"PDF (en): data/later-law.yml:{_line_of(data, DATA_PAYLOAD)}: "
        assert at_data + why.format("file:///proc/self/environ") in result.log
    published = [p for p in result.site.rglob("*") if p.is_file() and SECRET.encode() in p.read_bytes()]
    assert published == [] and SECRET not in result.log
    assert not list(result.site.rglob("*.pdf")), "no PDF is written when one is refused"


# A link in each folder a build reads (one pointing at a folder, one at nothing), as a pull request could add.
LINKS = {
    "docs/en/env.txt": "/proc/self/environ",
    "overrides/assets/leak.txt": "/etc/passwd",
    "data/leak.yml": "/etc/hostname",
    "comments/dangling.md": "/nonexistent/comment.md",
    "pdf/fonts/leak.woff": "/etc/passwd",
    "sources/machine": "/",
}


def test_symbolic_links_in_every_folder_read_stop_the_build_all_named(tmp_path: Path) -> None:
    project = tmp_path / "project"
    copy_project(project)
    for link, target in LINKS.items():
        (project / link).symlink_to(target)
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 1, result.log
    assert "Aborted with a BuildError" in result.log and "Traceback" not in result.log
    assert f"{len(LINKS)} problem(s)" in result.log
    for link in LINKS:
        assert f"  {link}: is a symbolic link\n" in result.log + "\n"
    assert not (tmp_path / "site" / "env.txt").exists()


def test_the_comment_check_names_a_dangling_link(tmp_path: Path) -> None:
    project = tmp_path / "project"
    for part in ("data", "docs", "comments"):
        shutil.copytree(ROOT / part, project / part)
    (project / "comments" / "dangling.md").symlink_to("/nonexistent/comment.md")
    command = [sys.executable, str(ROOT / "scripts" / "check_comments.py"), str(project)]
    checked = subprocess.run(command, capture_output=True, text=True, check=False)
    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    assert "  comments/dangling.md: is a symbolic link\n" in checked.stdout


def test_symbolic_links_are_found_without_being_followed(tmp_path: Path) -> None:
    (tmp_path / "docs" / "en").mkdir(parents=True)
    (tmp_path / "docs" / "en" / "page.md").write_text("text", encoding="utf-8")
    (tmp_path / "docs" / "en" / "loop").symlink_to(tmp_path / "docs")
    (tmp_path / "outside").mkdir()
    (tmp_path / "data").symlink_to(tmp_path / "outside")
    found = [str(problem) for problem in symbolic_links(tmp_path)]
    assert found == ["data: is a symbolic link", "docs/en/loop: is a symbolic link"]
    assert symbolic_links(tmp_path, ["overrides"]) == [], "a folder that is not there has no link"


COMMENT = ROOT / "tests" / "fixtures" / "comments" / "valid" / "iv-b-17-2026-11-01-en.md"
MARK = "pdfsym-tampered"


# Why: what an edit of the cache would do, the seal line kept: comment HTML that runs, or bytes added to a product.
def _tamper(entry: Path) -> None:
    head, _, data = entry.read_bytes().partition(b"\n")
    if entry.name.startswith("checked-comments.json."):
        changed = data.replace(b"<p>", f"<p><script>alert('{MARK}')</script>".encode(), 1)
    else:
        changed = data + MARK.encode()
    assert changed != data
    entry.write_bytes(head + b"\n" + changed)


def test_a_tampered_cache_changes_nothing_that_is_published(tmp_path: Path) -> None:
    project = tmp_path / "project"
    copy_project(project)
    shutil.copy2(COMMENT, project / "comments" / COMMENT.name)
    cache = tmp_path / "cache"
    environ = {"SOURCE_DATE_EPOCH": "1764000000", "EDITION_CACHE": str(cache)}
    clean = run_build(project, tmp_path / "clean", environ=environ)
    assert clean.returncode == 0, clean.log
    entries = sorted(cache.iterdir())
    kinds = {entry.name.rsplit(".", 1)[0] for entry in entries}
    assert kinds == {"checked-comments.json", "offline-inputs"} | {
        f"{lang}{kind}" for lang in ("en", "fr", "es") for kind in (".pdf", "-offline.zip")
    }
    for entry in entries:
        _tamper(entry)
    again = run_build(project, tmp_path / "again", environ=environ)
    assert again.returncode == 0, again.log
    files = sorted(p.relative_to(clean.site) for p in clean.site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again.site) for p in again.site.rglob("*") if p.is_file())
    assert [f for f in files if (clean.site / f).read_bytes() != (again.site / f).read_bytes()] == []
    assert not [f for f in files if MARK.encode() in (again.site / f).read_bytes()]
