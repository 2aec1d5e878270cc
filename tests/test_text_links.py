"""The one link resolver (``edition/text/links.py``) on made-up data: no build.

Addresses as MkDocs computes them: folders on the website (``iv/``), ``.html`` files in the offline
variant; the default language at the root, the others under ``fr/`` and ``es/``.
"""

from __future__ import annotations

import pytest
from mkdocs.utils import get_relative_url

from edition.text.crossrefs import CrossIndex, GuidelineEntry
from edition.text.ids import anchor_of
from edition.text.links import Links, page_href, relative_url
from edition.text.registry import Instrument, Provision, Registry

CRC = Instrument(
    id="crc",
    listed=True,
    title={"en": "Convention on the Rights of the Child", "fr": "Convention relative aux droits de l'enfant"},
    listed_as={"en": "CRC"},
    short={"en": "CRC", "fr": "CDE"},
    source="A/RES/44/25",
)
CRC_9_1 = Provision(
    id="crc-9-1",
    instrument=CRC,
    unit="article",
    number="9",
    paragraph="1",
    label={"en": "CRC art. 9(1)", "fr": "CDE art. 9(1)"},
    text={"en": "States Parties shall ensure", "fr": "Les États parties veillent"},
    line=1,
)
LABELS = {"quote_open": "“", "quote_close": "”", "source": "Source", "colon": ":"}
REGISTRY = Registry(
    instruments={"crc": CRC},
    provisions={"crc-9-1": CRC_9_1},
    labels={"en": LABELS, "fr": {**LABELS, "quote_open": "« ", "quote_close": " »", "colon": " :"}},
    provisions_path="data/provisions.yml",
    retired={"IV.b.99": "IV.b.17"},
)


def index(lang: str) -> CrossIndex:
    return CrossIndex(
        guidelines={"IV.b.17": GuidelineEntry("IV.b.17", f"{lang}/specific.md", 3, ("crc-9-1",), "Babies stay.")},
        provision_pages={"crc-9-1": f"{lang}/provisions.md"},
        instruments_page=f"{lang}/provisions.md",
    )


WEBSITE = {
    "en": {"en/index.md": "", "en/specific.md": "specific/", "en/provisions.md": "provisions/"},
    "fr": {"fr/index.md": "fr/", "fr/specific.md": "fr/specific/", "fr/provisions.md": "fr/provisions/"},
}
OFFLINE = {
    "en": {"en/index.md": "index.html", "en/specific.md": "specific.html", "en/provisions.md": "provisions.html"},
    "fr": {
        "fr/index.md": "fr/index.html",
        "fr/specific.md": "fr/specific.html",
        "fr/provisions.md": "fr/provisions.html",
    },
}


def links(lang: str, urls: dict[str, dict[str, str]]) -> Links:
    return Links(index(lang), REGISTRY, lang, urls[lang], REGISTRY.retired)


@pytest.mark.parametrize(
    ("lang", "urls", "target", "here", "href"),
    [
        ("en", WEBSITE, "IV.b.17", "", "specific/#iv-b-17"),
        ("en", WEBSITE, "IV.b.17", "specific/", "#iv-b-17"),
        ("en", WEBSITE, "IV.b.17", "provisions/", "../specific/#iv-b-17"),
        ("en", WEBSITE, "crc-9-1", "specific/", "../provisions/#crc-9-1"),
        ("en", WEBSITE, "crc", "specific/", "../provisions/#crc"),
        ("en", WEBSITE, "IV.b.99", "", "specific/#iv-b-17"),  # a retired number leads to its successor
        ("en", WEBSITE, "IV.b.17", "comments/on/iv-b-17.js", "../../specific/#iv-b-17"),  # from a data file
        ("fr", WEBSITE, "IV.b.17", "fr/", "specific/#iv-b-17"),
        ("fr", WEBSITE, "crc-9-1", "fr/specific/", "../provisions/#crc-9-1"),
        ("en", OFFLINE, "IV.b.17", "index.html", "specific.html#iv-b-17"),
        ("en", OFFLINE, "IV.b.17", "specific.html", "#iv-b-17"),
        ("en", OFFLINE, "crc-9-1", "specific.html", "provisions.html#crc-9-1"),
        ("fr", OFFLINE, "crc-9-1", "fr/index.html", "provisions.html#crc-9-1"),
        ("en", WEBSITE, "IV.b.18", "", None),  # on no page
        ("en", WEBSITE, "nowhere", "", None),
    ],
)
def test_an_id_is_linked_from_any_place_in_either_url_style(
    lang: str, urls: dict[str, dict[str, str]], target: str, here: str, href: str | None
) -> None:
    assert links(lang, urls).href(target, here=here) == href


# An export read away from the site (the W3C annotations): the page from the site's root, after the
# published address and the edition's folder; the anchor is the export's to add.
@pytest.mark.parametrize(
    ("lang", "urls", "target", "root", "address"),
    [
        ("en", WEBSITE, "IV.b.17", "", "specific/"),
        ("en", WEBSITE, "crc-9-1", "", "provisions/"),
        ("en", WEBSITE, "IV.b.17", "https://example.org/", "https://example.org/specific/"),
        ("en", WEBSITE, "IV.b.17", "https://example.org/fr/", "https://example.org/fr/specific/"),
        ("en", WEBSITE, "IV.b.99", "", "specific/"),  # a retired number: its successor's page
        ("fr", WEBSITE, "IV.b.17", "https://example.org/", "https://example.org/fr/specific/"),
        ("en", OFFLINE, "IV.b.17", "", "specific.html"),
        ("en", WEBSITE, "IV.b.18", "https://example.org/", None),  # on no page
        ("en", WEBSITE, "nowhere", "", None),
    ],
)
def test_an_id_s_page_is_addressed_from_the_site_s_root_after_a_given_root(
    lang: str, urls: dict[str, dict[str, str]], target: str, root: str, address: str | None
) -> None:
    assert links(lang, urls).address(target, root=root) == address


@pytest.mark.parametrize(
    ("lang", "target", "label", "preview_label", "preview"),
    [
        ("en", "IV.b.17", "IV.b.17", "IV.b.17", "Babies stay."),
        ("en", "IV.b.99", "IV.b.17", "IV.b.17", "Babies stay."),
        ("en", "crc-9-1", "CRC art. 9(1)", "CRC art. 9(1)", "“States Parties shall ensure”"),
        ("fr", "crc-9-1", "CDE art. 9(1)", "CDE art. 9(1)", "« Les États parties veillent »"),
        ("en", "crc", "CRC", "Convention on the Rights of the Child", "Source: A/RES/44/25"),
        ("fr", "crc", "CDE", "Convention relative aux droits de l'enfant", "Source : A/RES/44/25"),
    ],
)
def test_a_link_shows_its_label_and_previews_its_words_in_the_language(
    lang: str, target: str, label: str, preview_label: str, preview: str
) -> None:
    resolver = links(lang, WEBSITE)
    assert (resolver.label(target), resolver.preview_label(target), resolver.preview(target)) == (
        label,
        preview_label,
        preview,
    )


@pytest.mark.parametrize(
    ("target", "page", "anchor", "kind"),
    [
        ("IV.b.17", "en/specific.md", "iv-b-17", "guideline"),
        ("crc-9-1", "en/provisions.md", "crc-9-1", "provision"),
        ("crc", "en/provisions.md", "crc", "instrument"),
    ],
)
def test_an_id_names_its_page_anchor_and_kind(target: str, page: str, anchor: str, kind: str) -> None:
    found = links("en", WEBSITE).target(target)
    assert found is not None
    assert (found.page, found.anchor, found.kind) == (page, anchor, kind)
    assert anchor_of(target) == anchor


@pytest.mark.parametrize(
    ("name", "lang", "found"),
    [("specific.md", "en", "en/specific.md"), ("specific.md", "fr", "fr/specific.md"), ("compare.md", "en", None)],
)
def test_a_page_is_found_by_its_file_name_in_its_language_folder(name: str, lang: str, found: str | None) -> None:
    assert links(lang, WEBSITE).find(name) == found


def test_a_page_not_in_the_build_is_an_error_not_a_dead_link() -> None:
    with pytest.raises(KeyError, match="compare.md"):
        links("en", WEBSITE).page("en/compare.md", here="")


@pytest.mark.parametrize(
    ("url", "here", "anchor", "href"),
    [
        ("law/", "law/", "", "./"),
        ("law/", "law/", "x", "#x"),
        ("law.html", "law.html", "", "law.html"),
        ("law/", "", "", "law/"),
        ("fr/law/", "fr/", "", "law/"),
    ],
)
def test_a_page_links_to_itself_by_fragment_or_by_its_own_address(url: str, here: str, anchor: str, href: str) -> None:
    assert page_href(url, here=here, anchor=anchor) == href


# The same answers as MkDocs' own rule, which the hooks used before.
@pytest.mark.parametrize(
    ("url", "here"),
    [
        ("", ""),
        ("a/", ""),
        ("", "a/"),
        ("a/b/", "a/c/"),
        ("a/b.html", "a/c.html"),
        ("a/b.html", "c.html"),
        ("fr/", "fr/specific/"),
        ("comments.csv", "fr/comments/"),
        ("a/../b/", "c/./d/"),
        ("/a/b/", "/a/"),
        ("data/edition-en.json", "index.html"),
        ("x.v1/", "y.v2/z"),
    ],
)
def test_relative_addresses_follow_mkdocs_rule(url: str, here: str) -> None:
    assert relative_url(url, here) == get_relative_url(url, here)
