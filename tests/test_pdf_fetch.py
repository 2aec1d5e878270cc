"""The PDF step reads only the project's pdf/ folder and data: addresses, and embeds no file.

The fetcher's decision is a table; a render of a hostile document runs in a process of its own,
started with a secret in its environment, so that ``/proc/self/environ`` would hold it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject, StreamObject

from edition.downloads.pdf_fetch import allowed_url, attachment_links, take_attachments

ROOT = Path(__file__).resolve().parent.parent
SECRET = "pdfsym-secret-4f1c9e27"  # in the render's environment only


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    pdf = tmp_path / "project" / "pdf"
    (pdf / "fonts").mkdir(parents=True)
    (pdf / "print.css").write_text("body { margin: 0 }", encoding="utf-8")
    (pdf / "fonts" / "a font.woff").write_bytes(b"wOFF")
    (pdf / "outside.txt").symlink_to("/etc/passwd")
    (tmp_path / "project" / "data.yml").write_text("secret: x", encoding="utf-8")
    return pdf


CASES: list[tuple[str, Callable[[Path], str], Callable[[Path], str | None]]] = [
    ("the stylesheet", lambda f: (f / "print.css").as_uri(), lambda f: (f / "print.css").as_uri()),
    ("a font, encoded", lambda f: (f / "fonts" / "a font.woff").as_uri(), lambda f: (f / "fonts/a font.woff").as_uri()),
    ("with query and fragment", lambda f: (f / "print.css").as_uri() + "?v=1#x", lambda f: (f / "print.css").as_uri()),
    ("localhost", lambda f: "file://localhost" + str(f / "print.css"), lambda f: (f / "print.css").as_uri()),
    ("inline data", lambda f: "data:text/css,body{}", lambda f: "data:text/css,body{}"),
    ("the environment", lambda f: "file:///proc/self/environ", lambda f: None),
    ("the accounts", lambda f: "FILE:///etc/passwd", lambda f: None),
    ("a sibling folder", lambda f: (f.parent / "data.yml").as_uri(), lambda f: None),
    ("dot-dot", lambda f: (f / "..").as_uri() + "/data.yml", lambda f: None),
    ("encoded dot-dot", lambda f: f.as_uri() + "/%2e%2e/data.yml", lambda f: None),
    ("a symbolic link out", lambda f: (f / "outside.txt").as_uri(), lambda f: None),
    ("a missing file", lambda f: (f / "missing.css").as_uri(), lambda f: None),
    ("the folder itself", lambda f: f.as_uri(), lambda f: None),
    ("another host", lambda f: "file://example.org" + str(f / "print.css"), lambda f: None),
    ("relative", lambda f: "file:print.css", lambda f: None),
    ("http", lambda f: "http://127.0.0.1/print.css", lambda f: None),
    ("https", lambda f: "https://example.org/font.woff", lambda f: None),
    ("ftp", lambda f: "ftp://example.org/x", lambda f: None),
    ("no scheme", lambda f: "print.css", lambda f: None),
]


@pytest.mark.parametrize(("url", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_only_files_in_pdf_and_data_addresses_are_read(
    folder: Path, url: Callable[[Path], str], expected: Callable[[Path], str | None]
) -> None:
    assert allowed_url(url(folder), folder=folder) == expected(folder)


def test_the_fetcher_refuses_a_file_outside_pdf_and_names_it(folder: Path) -> None:
    from edition.downloads.pdf_fetch import FolderFetcher

    fetcher = FolderFetcher(folder)
    with pytest.raises(PermissionError, match="refused"):
        fetcher.fetch("file:///proc/self/environ")
    assert fetcher.fetch((folder / "print.css").as_uri()).read() == b"body { margin: 0 }"
    refused = "file:///proc/self/environ: refused: the PDF reads only files in pdf/ and data: addresses"
    assert fetcher.problems == [refused]


ATTACHMENTS = [
    ('<a rel="attachment" href="file:///proc/self/environ">x</a>', ["file:///proc/self/environ"]),
    ('<link rel="attachment" href="file:///etc/passwd">', ["file:///etc/passwd"]),
    ('<A REL="nofollow Attachment" HREF="fonts/OFL.txt">x</A>', ["fonts/OFL.txt"]),
    ('<svg><a rel="attachment" href="x.txt"><text>x</text></a></svg>', ["x.txt"]),
    ('<a rel="attachment">no address</a>', [""]),
    ('<a rel="attachments" href="x">x</a><a href="file:///etc/passwd">a link</a>', []),
    ('<p rel="attachment" href="x">not a link</p>', []),
]


@pytest.mark.parametrize(("markup", "expected"), ATTACHMENTS)
def test_attachment_links_are_taken_out_as_weasyprint_reads_them(markup: str, expected: list[str]) -> None:
    import tinyhtml5
    from weasyprint.html import element_has_link_type

    assert attachment_links(f"<p>{markup}</p>") == expected
    root = tinyhtml5.parse(f"<p>{markup}</p>", namespace_html_elements=False)
    assert take_attachments(root) == expected
    links = [e for e in root.iter() if isinstance(e.tag, str) and e.tag.rsplit("}", 1)[-1] in ("a", "link")]
    assert not [e for e in links if element_has_link_type(e, "attachment")]


# What slips past the page checks: attachment links and addresses of machine files, all in one document.
HOSTILE = """<html lang="en"><head><title>T</title>
<link rel="attachment" href="file:///etc/passwd" title="accounts">
<link rel="stylesheet" href="file:///proc/self/environ">
<style>body { background: url(file:///proc/self/environ) } h1::after { content: url("file:///etc/passwd") }
@import url("../mkdocs.yml");</style></head>
<body><h1>Title</h1><p>Text <a rel="attachment" href="file:///proc/self/environ">environment</a>
<a rel="attachment" href="fonts/OFL.txt">licence</a> <img src="file:///etc/passwd" alt="x">
<img src="../../../../../../proc/self/environ" alt="y"> <object data="file:///proc/self/environ"></object>
<svg width="10" height="10"><image href="file:///etc/passwd" width="10" height="10"/></svg></p></body></html>"""
RENDER = """
import json, sys
from pathlib import Path
from edition.downloads.pdf_render import render_pdf
root = Path(sys.argv[1])
rendered = render_pdf(sys.stdin.read(), stylesheet=root / "pdf" / "print.css", base_dir=root / "pdf")
Path(sys.argv[2]).write_bytes(rendered.pdf)
print(json.dumps({"problems": rendered.problems, "attachments": rendered.attachments}))
"""


def test_a_hostile_document_renders_without_a_file_of_the_machine(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    environment = {**os.environ, "PDFSYM_TEST_SECRET": SECRET}
    proc = subprocess.run(
        [sys.executable, "-c", RENDER, str(ROOT), str(target)],
        input=HOSTILE,
        env=environment,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    report = json.loads(proc.stdout)
    assert report["attachments"] == ["file:///etc/passwd", "file:///proc/self/environ", "fonts/OFL.txt"]
    refused = " ".join(report["problems"])
    for url in ("file:///proc/self/environ", "file:///etc/passwd", "/proc/self/environ"):
        assert url in refused
    assert "refused" in refused and SECRET not in refused
    reader = PdfReader(target)
    assert reader.attachments == {}
    assert "/Names" not in reader.trailer["/Root"] or "/EmbeddedFiles" not in reader.trailer["/Root"]["/Names"]
    annotations = [a.get_object() for page in reader.pages for a in page.get("/Annots", [])]
    assert [a for a in annotations if a.get("/Subtype") == "/FileAttachment"] == []
    everything = target.read_bytes() + b"".join(_streams(reader))
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    for leaked in (SECRET, "root:x:0:0", "PDFSYM_TEST_SECRET", "PERMISSION & CONDITIONS"):
        assert leaked.encode() not in everything and leaked not in text
    assert "Title" in text and "environment" in text, "the document itself is rendered"


# Why: every stream of the PDF, decoded (decompressed), so nothing hides in a compressed one.
def _streams(reader: PdfReader) -> list[bytes]:
    numbers = {(n, g) for g, entries in reader.xref.items() for n in entries} | {(n, 0) for n in reader.xref_objStm}
    objects = [reader.get_object(IndirectObject(n, g, reader)) for n, g in sorted(numbers)]
    return [item.get_data() for item in objects if isinstance(item, StreamObject)]
