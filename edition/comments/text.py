"""What a comment's text may hold, and its rendering: bounded, inert, done once.

- ``character_problem``: characters that are refused in any decoded value (controls, invisible and
  format characters such as bidirectional overrides and zero-width joiners, private use).
- ``markup_problems``: the limits that bound rendering cost and depth, each with its line. Python-
  Markdown's link search scans the rest of the text for each ``[`` (9,900 of them cost about 12 s),
  block work grows with the number of lines, and deep quotes or lists nest the HTML; these limits
  keep the worst valid text well under a second (``tests/test_comments_hostile.py`` measures it).
  ``[[id]]`` references are taken out before Markdown sees the text, so they cost nothing.
- ``render_markdown``: Markdown to sanitised HTML, with raw HTML shown as the text it is (nothing
  typed is lost or run), bare web and e-mail addresses linked, a link whose address is refused shown
  as its words (``without_dead_links``), split at each ``[[id]]`` so a page fills in its own links later.
- ``mixed_scripts``: names mixing alphabets ("QUNO Еditоrs"), for the editors' attention.
- ``browser_tables``: what the "Write a comment" form needs to refuse exactly these characters in a
  browser whose Unicode tables are newer than Python's: Python's own tables, as data.
"""

from __future__ import annotations

import functools
import html as html_text
import itertools
import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from html.entities import html5
from pathlib import Path

import markdown
import nh3
from lxml import etree, html

from edition.text.syntax import REF_RE

ALLOWED_TAGS = {"p", "br", "em", "strong", "a", "ul", "ol", "li", "blockquote", "code", "pre", "hr"}
LINK_SCHEMES = ("http://", "https://", "mailto:")
LINK_REL = "nofollow ugc noopener"
MAX_BRACKETS = 20  # "[" per text besides [[id]] references (each costs a scan of the rest of the text)
MAX_LINES = 200
MAX_RUN = 20  # the same markup character this many times in a row
MARKUP = set("[]()<>*_~`!#&\\|")
MAX_QUOTE_DEPTH = 4
MAX_INDENT = 16  # spaces before a line's text: four levels of list
MAX_HTML_DEPTH = 16  # elements inside one another in the rendered text
# Invisible or look-alike blanks that are letters or symbols to Unicode, not format characters.
INVISIBLE = {"\u115f", "\u1160", "\u3164", "\uffa0", "\u2800", "\u180e", "\u034f", "\u17b4", "\u17b5"}
REFUSED_CATEGORIES = {"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"}
# A character that no accepted text contains, marking where a page puts each ``[[id]]`` link.
_MARK = "\ue000"


@dataclass(frozen=True)
class RefSlot:
    """A ``[[id]]`` or ``[[id|label]]`` in a rendered comment, filled in per page and language."""

    target: str
    label: str | None


Rendered = tuple[str | RefSlot, ...]


# Why: a refused character's description, or None; ``multiline`` allows newlines and tabs.
def character_problem(char: str, *, multiline: bool) -> str | None:
    if char in "\n\t" and multiline:
        return None
    category = unicodedata.category(char)
    if category in REFUSED_CATEGORIES or char in INVISIBLE:
        name = unicodedata.name(char, "")
        if category == "Cn":
            return f"character U+{ord(char):04X} is not allowed: it is not in Unicode {unicodedata.unidata_version}"
        kind = "control character" if category == "Cc" else "invisible or format character"
        return f"{kind} U+{ord(char):04X}{f' ({name.lower()})' if name else ''} is not allowed"
    return None


# Why: most lines hold no refused character; one pass in C spares looking at each character.
def plain_line(line: str) -> bool:
    return line.isprintable() and INVISIBLE.isdisjoint(line)  # isprintable is False for every refused category


# Why: the first refused character of a value, described, with the offset of its line in the value.
def first_refused(value: str, *, multiline: bool) -> tuple[int, str] | None:
    for offset, line in enumerate(value.split("\n")):
        if plain_line(line):
            continue
        for char in line:
            problem = character_problem(char, multiline=multiline)
            if problem:
                return offset, problem
    if not multiline and "\n" in value:
        return 0, "a line break is not allowed in this field"
    return None


# Why: the limits that bound the cost of rendering one text, each as (line offset, message).
def markup_problems(text: str) -> list[tuple[int, str]]:
    problems: list[tuple[int, str]] = []
    bare = REF_RE.sub(lambda m: "\n" * m[0].count("\n"), text)
    brackets = bare.count("[")
    if brackets > MAX_BRACKETS:
        offset = bare[: _nth(bare, "[", MAX_BRACKETS + 1)].count("\n")
        problems.append((offset, f"{brackets} '[' characters besides [[…]] references; the limit is {MAX_BRACKETS}"))
    lines = text.count("\n") + 1
    if lines > MAX_LINES:
        problems.append((MAX_LINES, f"{lines} lines; the limit is {MAX_LINES}"))
    for offset, line in enumerate(text.split("\n")):
        run = _longest_run(line)
        if run and len(run) > MAX_RUN:
            problems.append((offset, f"{len(run)} '{run[0]}' in a row; the limit is {MAX_RUN}"))
        stripped = line.lstrip(" ")
        if len(line) - len(stripped) > MAX_INDENT:
            problems.append((offset, f"indented by {len(line) - len(stripped)} spaces; the limit is {MAX_INDENT}"))
        depth = len(stripped) - len(stripped.lstrip("> "))
        if stripped[:depth].count(">") > MAX_QUOTE_DEPTH:
            problems.append((offset, f"quotations nested more than {MAX_QUOTE_DEPTH} deep"))
    return problems


def _nth(text: str, char: str, n: int) -> int:
    index = -1
    for _ in range(n):
        index = text.index(char, index + 1)
    return index


# Why: the longest run of one markup character (the first of the longest), looked for only where one occurs.
def _longest_run(line: str) -> str:
    longest, start = "", len(line)
    for char in MARKUP.intersection(line):
        for run in re.finditer(re.escape(char) + "+", line):
            size = run.end() - run.start()
            if size > len(longest) or (size == len(longest) and run.start() < start):
                longest, start = run.group(), run.start()
    return longest


# Why: one Markdown converter, reset before each comment: 1,000 comments in 1.0 s, not 2.3 (scripts/cache_layers.py).
@functools.cache
def _converter() -> markdown.Markdown:
    # MagicLink links bare addresses ("https://…", "www.…", "name@host"), as the form's hint promises.
    converter = markdown.Markdown(output_format="html", extensions=["pymdownx.magiclink"])
    converter.preprocessors.deregister("html_block")  # raw HTML is shown as typed, not run or dropped
    converter.inlinePatterns.deregister("html")
    return converter


# Why: contributor Markdown to sanitised HTML, split at each reference; raw HTML stays visible text.
def render_markdown(text: str) -> Rendered:
    found: list[re.Match[str]] = []

    def hold(match: re.Match[str]) -> str:
        found.append(match)
        return f"{_MARK}{len(found) - 1}{_MARK}"

    text = REF_RE.sub(hold, text)
    clean = nh3.clean(
        _converter().reset().convert(text),
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}, "*": set()},
        url_schemes={"http", "https", "mailto"},
        link_rel=LINK_REL,
        attribute_filter=_safe_href,
        strip_comments=True,
    )
    return _split_refs(without_dead_links(clean), found)


# Why: a link whose address was refused (javascript:, a scheme not allowed) keeps its words, not an
# underlined <a> that leads nowhere.
def without_dead_links(clean: str) -> str:
    if "<a" not in clean:
        return clean
    root = html.fragment_fromstring(clean, create_parent="div")
    dead = [a for a in root.iter("a") if not a.get("href")]
    if not dead:
        return clean
    for anchor in dead:
        anchor.drop_tag()
    wrapped = str(etree.tostring(root, encoding="unicode", method="html"))
    return wrapped[len("<div>") : -len("</div>")]


def _safe_href(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href":
        return value if value.lower().startswith(LINK_SCHEMES) else None
    return value


# Why: each ``[[id]]`` in text becomes a slot a page fills in; in code or a link's words it stays as typed.
def _split_refs(clean: str, found: list[re.Match[str]]) -> Rendered:
    if not found:
        return (clean,) if clean else ()
    root = html.fragment_fromstring(clean, create_parent="div")
    for element in root.iter():
        if _in_code_or_link(element):
            element.text = _literal(element.text, found)
            for child in element:
                child.tail = _literal(child.tail, found)
    wrapped = etree.tostring(root, encoding="unicode", method="html")
    pieces = wrapped[len("<div>") : -len("</div>")].split(_MARK)
    result: list[str | RefSlot] = []
    for i, piece in enumerate(pieces):
        if i % 2 == 0:
            result.append(piece)
        else:
            match = found[int(piece)]
            result.append(RefSlot(match["target"].strip(), match["label"]))
    return tuple(p for p in result if p != "")


def _in_code_or_link(element: html.HtmlElement) -> bool:
    return any(e.tag in ("code", "pre", "a") for e in (element, *element.iterancestors()))


def _literal(text: str | None, found: list[re.Match[str]]) -> str | None:
    if not text or _MARK not in text:
        return text
    pieces = text.split(_MARK)
    return "".join(found[int(p)][0] if i % 2 else p for i, p in enumerate(pieces))


# Why: the deepest nesting of elements in rendered HTML (lxml parses it without recursion).
def html_depth(rendered: Rendered) -> int:
    source = "".join(p for p in rendered if isinstance(p, str))
    if not source:
        return 0
    root = html.fragment_fromstring(source, create_parent="div")
    return max(sum(1 for _ in e.iterancestors()) for e in root.iter())


# Why: the alphabets the letters of a name are written in, when there is more than one.
def mixed_scripts(value: str) -> list[str]:
    scripts = {unicodedata.name(c, "UNKNOWN").split()[0] for c in value if c.isalpha()}
    return sorted(scripts) if len(scripts) > 1 else []


KEPT_TABLES = Path(__file__).with_name("character_tables.json")  # written by scripts/character_tables.py


# Why: the characters ``character_problem`` refuses and how ``html.unescape`` decodes entities, as
# data for the form's script: a browser's own Unicode tables are newer than Python's (an emoji added
# since is unassigned here), so the script must use these. Computing them asks for the category of
# every code point (0.25–0.5 s a build here), so they are kept in a file beside this module, for this
# Python's Unicode and ``html`` module; another Python computes them (tests/test_comments_text.py).
def browser_tables() -> dict[str, object]:
    kept = kept_tables(KEPT_TABLES.read_text(encoding="utf-8")) if KEPT_TABLES.is_file() else None
    return kept if kept is not None else computed_tables()


# Why: the file's tables, if they were computed by a Python with the same tables as this one.
def kept_tables(text: str) -> dict[str, object] | None:
    kept = json.loads(text)
    same = isinstance(kept, dict) and kept.get("python") == tables_version() and isinstance(kept.get("tables"), dict)
    return kept["tables"] if same else None


# Why: the file ``browser_tables`` reads (scripts/character_tables.py writes it).
def tables_file_text() -> str:
    return json.dumps({"python": tables_version(), "tables": computed_tables()}, ensure_ascii=False, indent=0) + "\n"


# Why: what the tables depend on besides this code: Python's Unicode version and its ``html`` module.
def tables_version() -> str:
    return f"{unicodedata.unidata_version} {sys.version_info.major}.{sys.version_info.minor}"


def computed_tables() -> dict[str, object]:
    unassigned: list[int] = []
    refused: list[int] = []
    start = 0
    for category, run in itertools.groupby(map(unicodedata.category, map(chr, range(0x110000)))):
        end = start + sum(1 for _ in run)
        if category == "Cn":
            unassigned += [start, end - 1]
        elif category in REFUSED_CATEGORIES:
            refused += [start, end - 1]
        start = end
    refused += [point for char in sorted(INVISIBLE) for point in (ord(char), ord(char))]
    internals = vars(html_text)  # html.unescape's own tables (not public names)
    entities = {name: value for name, value in html5.items() if first_refused(value, multiline=True)}
    return {
        "unicode": unicodedata.unidata_version,
        "unassigned": unassigned,
        "refused": refused,
        "entities": entities,
        "legacy_entities": sorted(name for name in html5 if not name.endswith(";")),
        "charrefs": {str(number): value for number, value in internals["_invalid_charrefs"].items()},
        "dropped": sorted(internals["_invalid_codepoints"]),
    }
