"""Parity of the language editions: edition/text/parity.py on small trees, table-driven."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.text.parity import parity_problems, registry_parity, scan_languages
from edition.text.registry import load_registry

ROOT = Path(__file__).resolve().parent.parent

EN = (
    "# T { #t }\n\n::: guideline IV.b.1 [crc-9-1]\nText [[crc-3-1|x]].\n\n"
    "::: guideline IV.b.2\nMore.\n\n::: provision crc-9-1\n"
)


def tree(tmp_path: Path, pages: dict[str, dict[str, str]]) -> Path:
    for lang, files in pages.items():
        for name, text in files.items():
            path = tmp_path / "docs" / lang / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return tmp_path / "docs"


@pytest.mark.parametrize(
    ("fr", "expected"),
    [
        ({"p.md": EN.replace("# T", "# T fr")}, []),
        ({}, ["docs/fr/p.md:1: page missing in 'fr' (present in 'en')"]),
        (
            {"p.md": EN, "extra.md": "# X { #x }"},
            ["docs/fr/extra.md:1: page not in 'en': every edition has the same pages"],
        ),
        (
            {"p.md": EN.replace("::: guideline IV.b.2\nMore.\n", "")},
            ["docs/fr/p.md:1: paragraph 'IV.b.2' missing in 'fr' (present in docs/en/p.md)"],
        ),
        (
            {"p.md": EN + "\n::: guideline IV.b.3\nNew.\n"},
            ["docs/fr/p.md:11: paragraph 'IV.b.3' not in 'en' (docs/en/p.md)"],
        ),
        (
            {"p.md": EN.replace("::: provision crc-9-1", "::: provision crc-9-2")},
            [
                "docs/fr/p.md:1: provision 'crc-9-1' missing in 'fr' (present in docs/en/p.md)",
                "docs/fr/p.md:9: provision 'crc-9-2' not in 'en' (docs/en/p.md)",
            ],
        ),
        (
            {"p.md": EN.replace("[crc-9-1]", "[crc-9-2]")},
            [
                "docs/fr/p.md:1: citation 'IV.b.1→crc-9-1' missing in 'fr' (present in docs/en/p.md)",
                "docs/fr/p.md:1: citation 'IV.b.1→crc-9-2' not in 'en' (docs/en/p.md)",
            ],
        ),
        (
            {"p.md": EN.replace("[[crc-3-1|x]]", "x")},
            ["docs/fr/p.md:1: reference 'crc-3-1' missing in 'fr' (present in docs/en/p.md)"],
        ),
    ],
)
def test_parity_names_language_file_and_id(tmp_path: Path, fr: dict[str, str], expected: list[str]) -> None:
    docs = tree(tmp_path, {"en": {"p.md": EN}, "fr": fr, "es": {"p.md": EN}})
    scanned = scan_languages(docs, ["en", "fr", "es"], root=tmp_path)
    assert sorted(map(str, parity_problems(scanned, reference="en"))) == sorted(expected)


def test_paragraphs_in_another_order_are_reported(tmp_path: Path) -> None:
    swapped = (
        "# T { #t }\n\n::: guideline IV.b.2\nMore.\n\n"
        "::: guideline IV.b.1 [crc-9-1]\nText [[crc-3-1|x]].\n\n::: provision crc-9-1\n"
    )
    docs = tree(tmp_path, {"en": {"p.md": EN}, "fr": {"p.md": swapped}})
    scanned = scan_languages(docs, ["en", "fr"], root=tmp_path)
    assert [p.message for p in parity_problems(scanned, reference="en")] == [
        "paragraphs in another order than in docs/en/p.md"
    ]


def test_the_registry_must_speak_every_language() -> None:
    registry = load_registry(ROOT / "data")
    problems = registry_parity(registry, ["en", "xx"])
    messages = [p.message for p in problems]
    assert "provision 'crc-9-1' has no text in 'xx'" in messages
    assert "instrument 'crc' has no title in 'xx'" in messages
    assert "label 'cited_by' missing in 'xx'" in messages
    assert registry_parity(registry, ["en"]) == []
