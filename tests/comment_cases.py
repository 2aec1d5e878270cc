"""Test fixture: the hostile-input table for comments (not a test module; tests import it).

Every contributor named here is a fixture, not a person. ``REFUSED`` holds files the check must
refuse, each with the exact line and field of the problem; ``INERT`` holds valid files whose
hostile content must render inert and reach both exports unchanged. Each case names its class
(the classes of hostile input: markup and script, links and schemes, CSS and UI forgery, Unicode
tricks, YAML tricks, sizes and nesting, dates, names and paths, CSV cells, editors' fields).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Case:
    """One hostile comment file: its name, class, content, and what the check must say (if refused)."""

    id: str
    kind: str
    content: str | bytes
    line: int = 0
    where: str = ""  # the field as the problem names it ("author.name", "text"), or "" for the file
    expect: str = ""  # words the problem must contain
    fields: dict[str, str] = field(default_factory=dict)  # for INERT: the values as written

    @property
    def file(self) -> str:
        return f"{self.id}.md"


# The line numbers of the base file, used by the cases below.
TARGETS, NAME, ORGANISATION, COUNTRY, LANGUAGE, DATE, KIND, EXTRA = 2, 4, 5, 6, 7, 8, 9, 10
TEXT = "Test fixture: a hostile-input case."


# Why: a valid comment file, with any line replaced; ``extra`` lines go after ``kind`` (line 10).
def make(
    *,
    targets: str = "[IV.a.1]",
    name: str = '"Fixture Hostile Contributor"',
    organisation: str = '"Fixture Organisation"',
    country: str = '"Fixtureland"',
    language: str = "en",
    date: str = "2026-11-01",
    kind: str = "question",
    extra: str = "",
    status: str = "open",
    body: str = TEXT,
) -> str:
    lines = [
        "---",
        f"targets: {targets}",
        "author:",
        f"  name: {name}",
        f"  organisation: {organisation}",
        f"  country: {country}",
        f"language: {language}",
        f"date: {date}",
        f"kind: {kind}",
        *([extra] if extra else []),
        f"status: {status}",
        "---",
        "",
        body,
        "",
    ]
    return "\n".join(lines)


def body_line(extra: str = "") -> int:
    return 13 + (extra.count("\n") + 1 if extra else 0)


B = body_line()

REFUSED: list[Case] = [
    # sizes and nesting
    Case("brackets-9900", "sizes", make(body="[" * 9900), B, "text", "9900 '[' characters"),
    Case("brackets-spaced", "sizes", make(body="[ " * 4000), B, "text", "'[' characters besides"),
    Case("image-brackets", "sizes", make(body="![a" * 3000), B, "text", "'[' characters besides"),
    Case("quote-1000", "sizes", make(body=">" * 1000 + " x"), B, "text", "quotations nested more than 4"),
    Case("quote-spaced", "sizes", make(body="> " * 50 + "x"), B, "text", "quotations nested more than 4"),
    Case("list-indent", "sizes", make(body="- a\n" + " " * 40 + "- b"), B + 1, "text", "indented by 40 spaces"),
    Case("star-run", "sizes", make(body="a" + "*" * 50), B, "text", "50 '*' in a row"),
    Case("backtick-run", "sizes", make(body="`" * 40 + "a"), B, "text", "40 '`' in a row"),
    Case("body-10500", "sizes", make(body="word " * 2100), B, "text", "the limit is 10000"),
    Case("lines-250", "sizes", make(body="a\n" * 250), B + 200, "text", "lines; the limit is 200"),
    Case("name-121", "sizes", make(name="F" * 121), NAME, "author.name", "longer than 120 characters"),
    Case("yaml-nesting", "sizes", make(extra="x: " + "[" * 50 + "]" * 50), 2, "", "nested more than 4 levels"),
    # dates
    Case("date-feb-31", "dates", make(date="2026-02-31"), DATE, "date", "2026-02-31 is not a real date"),
    Case("date-quoted-feb-30", "dates", make(date='"2026-02-30"'), DATE, "date", "2026-02-30 is not a real date"),
    Case("date-month-13", "dates", make(date="2026-13-01"), DATE, "date", "is not a date written YYYY-MM-DD"),
    Case("date-number", "dates", make(date="20261101"), DATE, "date", "20261101 is not of type 'string'"),
    Case("date-time", "dates", make(date="2026-11-01T10:00:00"), DATE, "date", "is not a date written YYYY-MM-DD"),
    # YAML tricks
    Case("duplicate-status", "yaml", make(extra="status: accepted"), 11, "status", "given twice (first at line 10)"),
    Case(
        "duplicate-name",
        "yaml",
        make(organisation='"Fixture Organisation"\n  name: "Fixture Other"'),
        6,
        "author.name",
        "given twice (first at line 4)",
    ),
    Case("merge-key", "yaml", make(extra="<<: {status: accepted}"), EXTRA, "", "merge keys (<<) are not allowed"),
    Case("alias", "yaml", make(kind="&k question", extra="proposed_text: *k"), KIND, "", "anchors and aliases"),
    Case("python-tag", "yaml", make(kind='!!python/object/apply:os.system ["echo"]'), KIND, "kind", "YAML tag"),
    Case("custom-tag", "yaml", make(country="!fixture Fixtureland"), COUNTRY, "author.country", "YAML tag '!fixture'"),
    Case("binary-tag", "yaml", make(name="!!binary Rml4dHVyZQ=="), NAME, "author.name", "YAML tag"),
    Case("set-tag", "yaml", make(extra="proposed_text: !!set {a, b}"), EXTRA, "proposed_text", "YAML tag"),
    Case("unclosed-flow", "yaml", make(targets="[IV.b.17"), TARGETS, "targets", "not valid YAML"),
    Case(
        "colon-unquoted",
        "yaml",
        make(organisation="Fixture Organisation: Branch"),
        ORGANISATION,
        "author.organisation",
        'must be in quotes, e.g. organisation: "Fixture Organisation: Branch"',
    ),
    Case("unknown-field", "yaml", make(extra="rating: 5"), EXTRA, "rating", "not a field of a comment"),
    # Unicode tricks, written directly, as YAML escapes and as HTML entities
    Case("bidi-escape", "unicode", make(extra='proposed_text: "\\u202Ereversed"'), EXTRA, "proposed_text", "U+202E"),
    Case("nul-escape", "unicode", make(name='"Fixture\\0Contributor"'), NAME, "author.name", "U+0000"),
    Case(
        "esc-escape",
        "unicode",
        make(organisation='"Fixture\\eOrganisation"'),
        ORGANISATION,
        "author.organisation",
        "U+001B",
    ),
    Case("nel-escape", "unicode", make(country='"Fixture\\x85land"'), COUNTRY, "author.country", "U+0085"),
    Case("line-separator", "unicode", make(name='"Fixture\\LContributor"'), NAME, "author.name", "U+2028"),
    Case("zero-width-space", "unicode", make(name='"QUNO\u200bFixture"'), NAME, "author.name", "U+200B"),
    Case("zero-width-joiner", "unicode", make(body="Fixture\u200dtext"), B, "text", "U+200D"),
    Case(
        "word-joiner",
        "unicode",
        make(organisation='"Fixture\u2060Organisation"'),
        ORGANISATION,
        "author.organisation",
        "U+2060",
    ),
    Case("bom-inside", "unicode", make(body="Fixture \ufefftext"), B, "text", "U+FEFF"),
    Case("rlm", "unicode", make(name='"Fixture\u200f Contributor"'), NAME, "author.name", "U+200F"),
    Case("arabic-letter-mark", "unicode", make(body="Fixture\u061c text"), B, "text", "U+061C"),
    Case("bidi-entity", "unicode", make(body="Fixture &#x202E;txet"), B, "text", "U+202E"),
    Case("private-use", "unicode", make(body="Fixture \ue000 text"), B, "text", "U+E000"),
    Case("hangul-filler", "unicode", make(name='"\u3164"'), NAME, "author.name", "U+3164"),
    Case("lone-cr", "unicode", make(body="Fixture\rtext"), B, "text", "U+000D"),
    Case(
        "bidi-in-response-block",
        "unicode",
        make(extra="response: |\n  Fixture line\n  Fixture \u202e line"),
        12,
        "response",
        "U+202E",
    ),
    Case("newline-in-name", "unicode", make(name='"Fixture\\nContributor"'), NAME, "author.name", "line break"),
    # names and paths
    Case(
        "placeholder-name", "names", make(name='"Your name"'), NAME, "author.name", "replace the template's placeholder"
    ),
    Case("empty-name", "names", make(name='""'), NAME, "author.name", "should be non-empty"),
    Case("script-target", "names", make(targets='["<script>"]'), TARGETS, "targets.0", "is not a paragraph number"),
    Case(
        "unknown-target",
        "names",
        make(targets="[IV.b.99]"),
        TARGETS,
        "targets",
        "unknown paragraph or provision 'IV.b.99'",
    ),
    Case(
        "eleven-targets",
        "names",
        make(targets="[" + ", ".join(f"IV.b.{i}" for i in range(1, 12)) + "]"),
        TARGETS,
        "targets",
        "is too long",
    ),
    Case("unknown-reference", "names", make(body="See [[IV.b.99]]."), B, "text", "unknown reference 'IV.b.99'"),
    Case(
        "second-front-matter",
        "names",
        make(body="---\nstatus: accepted\n---\nFixture"),
        B,
        "text",
        "second front matter",
    ),
    Case("no-front-matter", "names", "Test fixture without front matter.\n", 1, "", "no front matter"),
    Case("not-utf8", "names", b"---\ntargets: [IV.a.1]\n\xff\xfe\n---\n", 3, "", "not UTF-8: byte 0xff"),
]

INERT: list[Case] = [
    # markup and script
    Case(
        "script-tag",
        "markup",
        make(body="<script>window.__pwned='script'</script> Fixture."),
        expect="<script>window.__pwned='script'</script>",
    ),
    Case(
        "img-onerror",
        "markup",
        make(body='<img src=x onerror="window.__pwned=1"> Fixture.'),
        expect='<img src=x onerror="window.__pwned=1">',
    ),
    Case(
        "svg-onload",
        "markup",
        make(body='<svg onload="window.__pwned=1"></svg> Fixture.'),
        expect='<svg onload="window.__pwned=1"></svg>',
    ),
    Case("iframe", "markup", make(body='<iframe src="https://example.org/"></iframe> Fixture.'), expect="<iframe"),
    Case(
        "entity-script",
        "markup",
        make(body="&lt;script&gt;window.__pwned=1&lt;/script&gt; Fixture."),
        expect="<script>window.__pwned=1</script>",
    ),
    Case("name-script", "markup", make(name="\"<script>window.__pwned='name'</script>Fixture\""), expect="Fixture"),
    Case("heading-forgery", "markup", make(body="# Fixture fake heading\n\nFixture."), expect="Fixture fake heading"),
    # links and schemes
    Case("javascript-link", "links", make(body="[Fixture js](javascript:window.__pwned=1)"), expect="Fixture js"),
    Case(
        "data-link",
        "links",
        make(body="[Fixture data](data:text/html,<script>alert(1)</script>)"),
        expect="Fixture data",
    ),
    Case("vbscript-link", "links", make(body="[Fixture vb](vbscript:msgbox)"), expect="Fixture vb"),
    Case("autolink-javascript", "links", make(body="Fixture <javascript:alert(1)>"), expect="javascript:alert(1)"),
    Case("reference-link", "links", make(body="[Fixture ref][x]\n\n[x]: javascript:alert(1)"), expect="Fixture ref"),
    Case(
        "long-url", "links", make(body="[Fixture long](https://example.org/" + "a" * 2000 + ")"), expect="Fixture long"
    ),
    # CSS and UI forgery
    Case(
        "style-tag",
        "css",
        make(body="<style>.md-header{display:none}</style> Fixture."),
        expect="<style>.md-header{display:none}</style>",
    ),
    Case(
        "fixed-banner",
        "css",
        make(body='<div class="md-header" style="position:fixed;inset:0">Fixture banner</div>'),
        expect="Fixture banner",
    ),
    Case(
        "closing-tags",
        "css",
        make(body="</div></details></article><h1>Fixture closing</h1>"),
        expect="</div></details></article>",
    ),
    Case("long-word", "css", make(body="Fixture" + "w" * 3000), expect="w" * 3000),
    # lost text
    Case("code-comment", "markup", make(body="Fixture `<!-- kept -->` code."), expect="<!-- kept -->"),
    Case("block-tags-words", "markup", make(body="Fixture word<div>other</div>end"), expect="word<div>other</div>end"),
    # CSV cells (the JSON keeps them exact; the CSV neutralises them)
    Case(
        "csv-formulas",
        "csv",
        make(
            name='"=HYPERLINK(\\"https://example.org\\",\\"Fixture\\")"',
            organisation="\"+cmd|' /C calc'!A0\"",
            country='"-1+1"',
            extra='proposed_text: "@SUM(1+1) fixture"',
            body="=1+1 Fixture formula in the text.",
        ),
        fields={
            "name": '=HYPERLINK("https://example.org","Fixture")',
            "organisation": "+cmd|' /C calc'!A0",
            "country": "-1+1",
            "proposed_text": "@SUM(1+1) fixture",
            "comment": "=1+1 Fixture formula in the text.",
        },
        expect="=1+1 Fixture formula",
    ),
    Case(
        "csv-tab",
        "csv",
        make(extra='proposed_text: "\\tFixture tab"', body="Fixture\ttab in the text."),
        fields={"proposed_text": "\tFixture tab", "comment": "Fixture\ttab in the text."},
        expect="Fixture",
    ),
    # Unicode: look-alikes pass (flagged for the editors), a plain French name passes
    Case("mixed-script-name", "unicode", make(name='"QUNO \u0415dit\u043ers (Fixture)"'), expect="QUNO"),
    Case("accented-name", "unicode", make(name='"Fixture Éloïse Müller-Núñez"'), expect="Éloïse"),
    # references and ids
    Case("provision-ref", "markup", make(body="Fixture cites [[crc-18-1]]."), expect="Fixture cites"),
    Case("two-paragraphs-one-page", "markup", make(targets="[IV.a.1, IV.a.2]"), expect=TEXT),
    # sizes at the limits: valid, and cheap
    Case("twenty-brackets", "sizes", make(body="[" * 20 + " " + "Fixture " * 1200), expect="Fixture"),
]


# ---------------------------------------------------------------------------------------------
# The "Write a comment" form and the checker, held to one table: what a reader types in the form,
# and the field whose problem the checker reports (None: valid, "": the file as a whole). The form
# must refuse exactly these (tests/test_comments_form.py, in Chromium) and the checker too
# (tests/test_comments_hostile.py, on the file the form writes, ``form_file``).


@dataclass(frozen=True)
class FormCase:
    """What a reader types in the form's fields, and the field the checker refuses (None: valid)."""

    id: str
    text: str = TEXT
    name: str = "Fixture Form Contributor"
    organisation: str = ""
    country: str = ""
    proposed_text: str = ""
    refused: str | None = None

    @property
    def form_field(self) -> str:
        """The form's field for the checker's: ``author.name`` is ``name``; the whole file, the text."""
        return (self.refused or "text").removeprefix("author.")

    @property
    def typed(self) -> dict[str, str]:
        fields = ("text", "name", "organisation", "country", "proposed_text")
        return {"targets": "IV.a.1", **{field: getattr(self, field) for field in fields}}


AUTHOR = ("name", "organisation", "country")


# Why: the file the form writes for a case (comment-form.js, commentFile), to check it without a browser.
def form_file(case: FormCase, *, date: str, language: str = "en", kind: str = "suggested-wording") -> str:
    def quoted(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)

    lines = ["---", f"targets: [{quoted('IV.a.1')}]", "author:"]
    lines += [f"  {key}: {quoted(value)}" for key, value in case.typed.items() if key in AUTHOR and value]
    lines += [f"language: {language}", f"date: {date}", f"kind: {kind}"]
    if "\n" in case.proposed_text:
        block = "\n".join(f"  {line}" if line else "" for line in case.proposed_text.split("\n"))
        lines.append(f"proposed_text: |-\n{block}")
    elif case.proposed_text:
        lines.append(f"proposed_text: {quoted(case.proposed_text)}")
    return "\n".join([*lines, "status: open", "---", "", case.text, ""])


FORM: list[FormCase] = [
    FormCase("plain"),
    FormCase("emoji-of-unicode-6", text="Fixture \U0001f600 smiling."),
    FormCase("harmless-entities", text="Fixture &amp; &lt;b&gt; &copy; &#233; &eacute &notanentity; text."),
    FormCase("entities-python-drops", text="Fixture &#1; &#xFDD0; text."),
    FormCase("quote-four-deep", text="> > > > Fixture quoted four deep."),
    FormCase("quote-four-deep-with-arrows", text="> > > >  Fixture: x >> y -> z."),
    FormCase("proposed-text-has-no-markup-limits", proposed_text="Fixture " + "[" * 30),
    FormCase("twenty-brackets", text="[" * 20 + " Fixture."),
    FormCase("hyphens-then-words", text="--- Fixture: three hyphens, then words."),
    FormCase("multi-byte-under-the-file-limit", text="\u20ac" * 9_000),
    FormCase("proposed-text-on-lines", proposed_text="Fixture line one,\n  line two indented."),
    # characters newer than the checker's Unicode (14.0): a browser's own tables know them
    FormCase("emoji-of-unicode-15-in-text", text="Fixture \U0001fa77 pink heart.", refused="text"),
    FormCase("emoji-of-unicode-15-in-name", name="Fixture \U0001fae8", refused="author.name"),
    FormCase("emoji-of-unicode-15-proposed", proposed_text="Fixture \U0001f6dc", refused="proposed_text"),
    # character references, decoded as a reader's browser (and Python's html.unescape) decodes them
    FormCase("bidi-entity", text="Fixture &#x202E;txet", refused="text"),
    FormCase("bidi-entity-decimal", text="Fixture &#8238;txet", refused="text"),
    FormCase("zero-width-named-entity", text="Fixture&ZeroWidthSpace;text", refused="text"),
    FormCase("soft-hyphen-without-semicolon", text="Fixture &shyword", refused="text"),
    FormCase("carriage-return-reference", text="Fixture &#13; text", refused="text"),
    FormCase("unassigned-reference", text="Fixture &#x1FA77; text", refused="text"),
    # the limits on the text's markup
    FormCase("quote-five-deep", text="> > > > > Fixture", refused="text"),
    FormCase("front-matter-only", text="---", refused="text"),
    FormCase("front-matter-block", text="---\nstatus: accepted\n---\nFixture", refused="text"),
    FormCase("twenty-one-brackets", text="[" * 21 + " Fixture.", refused="text"),
    FormCase("unknown-reference", text="See [[IV.b.99]].", refused="text"),
    FormCase("zero-width-space-in-name", name="QUNO\u200bFixture", refused="author.name"),
    # the file's size in bytes, which several-byte characters reach before the text's length
    FormCase("multi-byte-over-the-file-limit", text="\U0001f600" * 8_000, refused=""),
    # the template's words left in place, in any language
    FormCase("placeholder-name", name="Your name", refused="author.name"),
    FormCase("placeholder-text-in-french", text="Rédigez votre observation ici.", refused="text"),
]


@dataclass(frozen=True)
class SchemaCase:
    """A comment's front matter as data, and the schema's errors in it: (keyword, where) pairs, where
    is the "/"-joined path of the value, or of the object for "required" and "additionalProperties"."""

    id: str
    front: object
    errors: frozenset[tuple[str, str]] = frozenset()


def front(**changes: object) -> dict[str, object]:
    """A valid front matter with ``changes``; a change to None removes the field."""
    base: dict[str, object] = {
        "targets": ["IV.a.1", "crc-9-1"],
        "author": {"name": "Fixture Contributor", "organisation": "Fixture Organisation", "country": "Fixtureland"},
        "language": "en",
        "date": "2026-11-01",
        "kind": "question",
        "status": "open",
    }
    merged = base | changes
    return {key: value for key, value in merged.items() if value is not None}


def author(**changes: object) -> dict[str, object]:
    return front(author={"name": "Fixture Contributor"} | changes)


def errors(*pairs: tuple[str, str]) -> frozenset[tuple[str, str]]:
    return frozenset(pairs)


# The comment schema's keywords, each kept and broken: the form's validator (comment-form.js) and the
# build's (jsonschema) must find the same errors in each (tests/test_comments_form.py, test_comments.py).
PASSAGE = {"exact": "Fixture words", "language": "en", "version": "1.0", "start": 0}

SCHEMA: list[SchemaCase] = [
    SchemaCase("valid", front()),
    SchemaCase("valid-passage", front(targets=["IV.a.1"], passage=PASSAGE)),
    SchemaCase("passage-start-negative", front(passage=PASSAGE | {"start": -1}), errors(("minimum", "passage/start"))),
    SchemaCase("passage-start-huge", front(passage=PASSAGE | {"start": 100001}), errors(("maximum", "passage/start"))),
    SchemaCase("passage-start-text", front(passage=PASSAGE | {"start": "3"}), errors(("type", "passage/start"))),
    SchemaCase("passage-start-fraction", front(passage=PASSAGE | {"start": 1.5}), errors(("type", "passage/start"))),
    SchemaCase("passage-start-boolean", front(passage=PASSAGE | {"start": True}), errors(("type", "passage/start"))),
    SchemaCase("agreed-text", front(commenter_agreed="yes"), errors(("type", "commenter_agreed"))),
    SchemaCase("agreed-number", front(commenter_agreed=1), errors(("type", "commenter_agreed"))),
    SchemaCase("valid-every-field", front(proposed_text="Fixture wording.", response="Fixture answer.")),
    SchemaCase("not-an-object", ["IV.a.1"], errors(("type", ""))),
    SchemaCase("missing-fields", {}, errors(("required", ""))),
    SchemaCase("unknown-field", front(rating=5), errors(("additionalProperties", ""))),
    SchemaCase("targets-empty", front(targets=[]), errors(("minItems", "targets"))),
    SchemaCase("targets-eleven", front(targets=[f"IV.a.{i}" for i in range(1, 12)]), errors(("maxItems", "targets"))),
    SchemaCase("targets-twice", front(targets=["IV.a.1", "IV.a.1"]), errors(("uniqueItems", "targets"))),
    SchemaCase("targets-a-string", front(targets="IV.a.1"), errors(("type", "targets"))),
    SchemaCase("target-lower-case", front(targets=["iv.a.1"]), errors(("pattern", "targets/0"))),
    SchemaCase("target-part-ii", front(targets=["crc-9-1", "II.a.1"]), errors(("pattern", "targets/1"))),
    SchemaCase("target-zero", front(targets=["IV.a.0"]), errors(("pattern", "targets/0"))),
    SchemaCase("target-number", front(targets=[17]), errors(("type", "targets/0"))),
    SchemaCase("author-missing", front(author=None), errors(("required", ""))),
    SchemaCase("author-a-string", front(author="Fixture"), errors(("type", "author"))),
    SchemaCase("author-name-missing", front(author={"country": "Fixtureland"}), errors(("required", "author"))),
    SchemaCase("author-email", author(email="x@example.invalid"), errors(("additionalProperties", "author"))),
    SchemaCase("name-empty", author(name=""), errors(("minLength", "author/name"), ("pattern", "author/name"))),
    SchemaCase("name-120", author(name="F" * 120)),
    SchemaCase("name-121", author(name="F" * 121), errors(("maxLength", "author/name"))),
    # lengths count characters (code points), not UTF-16 units: 120 emoji are 240 units
    SchemaCase("name-120-emoji", author(name="\U0001f600" * 120)),
    SchemaCase("name-121-emoji", author(name="\U0001f600" * 121), errors(("maxLength", "author/name"))),
    SchemaCase("name-a-number", author(name=5), errors(("type", "author/name"))),
    SchemaCase("name-line-break", author(name="Fixture\nContributor"), errors(("pattern", "author/name"))),
    SchemaCase("name-c1-control", author(name="Fixture\x85"), errors(("pattern", "author/name"))),
    SchemaCase("name-bidi", author(name="Fixture\u202e"), errors(("pattern", "author/name"))),
    SchemaCase("name-isolate", author(name="\u2066Fixture"), errors(("pattern", "author/name"))),
    SchemaCase("organisation-201", author(organisation="O" * 201), errors(("maxLength", "author/organisation"))),
    SchemaCase("country-81", author(country="C" * 81), errors(("maxLength", "author/country"))),
    SchemaCase("language-de", front(language="de"), errors(("enum", "language"))),
    SchemaCase("language-a-list", front(language=[]), errors(("enum", "language"))),
    SchemaCase("date-month-13", front(date="2026-13-01"), errors(("pattern", "date"))),
    SchemaCase("date-1999", front(date="1999-01-01"), errors(("pattern", "date"))),
    SchemaCase("date-with-time", front(date="2026-11-01T10:00"), errors(("pattern", "date"))),
    SchemaCase("date-a-number", front(date=20261101), errors(("type", "date"))),
    SchemaCase("kind-capital", front(kind="Question"), errors(("enum", "kind"))),
    SchemaCase("status-closed", front(status="closed"), errors(("enum", "status"))),
    SchemaCase("proposed-text-empty", front(proposed_text=""), errors(("minLength", "proposed_text"))),
    SchemaCase("proposed-text-5001", front(proposed_text="p" * 5001), errors(("maxLength", "proposed_text"))),
    SchemaCase("response-empty", front(response=""), errors(("minLength", "response"))),
    SchemaCase(
        "many-at-once",
        front(targets=["x", "x"], language="xx", extra=1),
        errors(("uniqueItems", "targets"), ("enum", "language"), ("additionalProperties", "")),
    ),
]
