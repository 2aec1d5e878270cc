"""The edition's Markdown syntax, read from page sources (never from HTML).

Block directives, each on a line of its own:

- ``::: guideline IV.b.17 [crc-18-1 smr-23-1]`` then the paragraph on the following lines up to a
  blank line: a numbered guideline paragraph; the bracket list names the provisions it rests on
  without naming them in its text (optional).
- ``::: provision crc-9-1``: the registry's record for that provision, quoted in place.
- ``::: instruments``: the list of instruments, each linked to its provisions.

Inline, anywhere in running text: ``[[crc-9-1]]``, ``[[IV.b.17]]``, ``[[crc]]`` (an instrument), or
``[[crc-9-1|the words of the text]]`` to keep the text's own words as the link. A reference inside
code (a code span, a fenced or indented block) or after a backslash is no reference.

Markdown renders the syntax through the extension ``edition/text/markdown_syntax.py``; ``scan`` reads
the same syntax from a page's source, with line numbers, for phase one (``edition/text/crossrefs.py``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from xml.etree import ElementTree as etree

from markdown import Markdown
from markdown.inlinepatterns import BACKTICK_RE, BacktickInlineProcessor

from edition.shared.problems import Problem
from edition.text.ids import is_registry_id, parse_guideline_number

DIRECTIVE_RE = re.compile(r"^::: ?(?P<kind>\S+)(?: +(?P<args>.*?))?\s*$")
GUIDELINE_ARGS_RE = re.compile(r"^(?P<number>\S+)(?: +\[(?P<cites>[^\]]*)\])?$")
REF_RE = re.compile(r"\[\[(?P<target>[^\[\]|]*)(?:\|(?P<label>[^\[\]]*))?\]\]")
FENCE_RE = re.compile(r"^\s*(```|~~~)")
INDENTED_RE = re.compile(r"^(?: {4}|\t)")
LIST_START_RE = re.compile(r"^ {0,3}(?:[*+-]|\d+\.)[ \t]+|^ {0,3}\[\^[^\]]+\]:")  # a list item, a footnote
ESCAPE_RE = re.compile(r"\\[" + re.escape("".join(Markdown().ESCAPED_CHARS)) + "]")  # what Markdown escapes
_BACKTICKS = BacktickInlineProcessor(BACKTICK_RE)  # Markdown's own, so spans are found as it finds them


@dataclass(frozen=True)
class Ref:
    """An inline reference ``[[target|label]]`` and where it stands."""

    target: str
    label: str | None
    line: int


@dataclass(frozen=True)
class Text:
    """A line of ordinary Markdown (it may hold inline references)."""

    line: int
    text: str
    code: bool = False


@dataclass(frozen=True)
class GuidelineBlock:
    """A numbered guideline paragraph: its number, explicit citations and Markdown body."""

    number: str
    cites: tuple[str, ...]
    body: str
    line: int
    refs: tuple[Ref, ...] = ()


@dataclass(frozen=True)
class ProvisionBlock:
    """The place where a provision's record is quoted."""

    id: str
    line: int


@dataclass(frozen=True)
class InstrumentsBlock:
    """The place where the list of instruments goes."""

    line: int


Segment = Text | GuidelineBlock | ProvisionBlock | InstrumentsBlock


@dataclass
class ScannedPage:
    """A page's source cut into segments, with its references and syntax problems."""

    path: str
    segments: list[Segment] = field(default_factory=list)
    refs: list[Ref] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def guidelines(self) -> list[GuidelineBlock]:
        return [s for s in self.segments if isinstance(s, GuidelineBlock)]

    @property
    def provision_blocks(self) -> list[ProvisionBlock]:
        return [s for s in self.segments if isinstance(s, ProvisionBlock)]


# Why: every well-formed reference Markdown reads in a paragraph (its first line ``line``), plus a
# problem for each malformed one, at its line.
def find_refs(text: str, *, line: int, path: str) -> tuple[list[Ref], list[Problem]]:
    refs: list[Ref] = []
    problems: list[Problem] = []
    matches = reference_matches(text)
    for match in matches:
        target, label = match["target"].strip(), match["label"]
        at = line + text.count("\n", 0, match.start())
        if not (is_registry_id(target) or parse_guideline_number(target)):
            problems.append(Problem(path, at, f"malformed reference '{match[0]}': '{target}' is no id"))
        elif label is not None and not label.strip():
            problems.append(Problem(path, at, f"malformed reference '{match[0]}': empty label"))
        else:
            refs.append(Ref(target, label, at))
    for offset, rest in enumerate(_unread(text, matches).split("\n")):
        if "[[" in rest or "]]" in rest:
            problems.append(Problem(path, line + offset, "malformed reference: unbalanced '[[' or ']]'"))
    return refs, problems


# Why: the references Markdown reads in a paragraph: the extension's inline processor comes first, and
# takes none that starts inside a code span (found as Markdown finds them) or after an escaping backslash.
def reference_matches(text: str) -> list[re.Match[str]]:
    if "[[" not in text:
        return []
    spans = code_spans(text) if "`" in text else []
    return [
        match
        for match in REF_RE.finditer(text)
        if not any(start <= match.start() < end for start, end in spans) and not _escaped(text, match.start())
    ]


# Why: an odd number of backslashes before a character escapes it (an even number are escaped backslashes).
def _escaped(text: str, at: int) -> bool:
    before = text[:at]
    return (len(before) - len(before.rstrip("\\"))) % 2 == 1


# Why: what is left of a paragraph for Markdown's own reading: references, code spans and escapes blanked.
def _unread(text: str, matches: list[re.Match[str]]) -> str:
    chars = list(text)
    blanked = [(m.start(), m.end()) for m in matches] + (code_spans(text) if "`" in text else [])
    blanked += [(m.start(), m.end()) for m in ESCAPE_RE.finditer(text)]
    for start, end in blanked:
        chars[start:end] = [c if c == "\n" else " " for c in text[start:end]]
    return "".join(chars)


# Why: replaces each reference by what ``render`` returns for it, leaving the rest untouched.
def replace_refs(text: str, render: Callable[[str, str | None], str]) -> str:
    return REF_RE.sub(lambda m: render(m["target"].strip(), m["label"]), text)


# Why: where Markdown's own code-span processor finds spans in a paragraph, scanning as Markdown does.
def code_spans(paragraph: str) -> list[tuple[int, int]]:
    spans = []
    at = 0
    while (match := _BACKTICKS.compiled_re.search(paragraph, at)) is not None:
        node, start, end = _BACKTICKS.handleMatch(match, paragraph)
        if start is None or end is None:
            at = match.end()
            continue
        if isinstance(node, etree.Element):  # a span, not escaped backslashes or lone backticks
            spans.append((start, end))
        at = max(end, at + 1)
    return spans


# Why: the lines of indented code blocks at the top level, as Markdown reads them: an indented block
# is code unless it continues a list or a footnote (fenced blocks are the scan's own concern).
def indented_code(lines: list[str]) -> set[int]:
    code: set[int] = set()
    continues = False  # the block before was a list or a footnote, which an indented block continues
    in_fence = False
    i = 0
    while i < len(lines):
        if FENCE_RE.match(lines[i]):
            in_fence, continues = not in_fence, False
        elif in_fence or not lines[i].strip():
            pass
        elif INDENTED_RE.match(lines[i]) and not continues:
            while i < len(lines) and INDENTED_RE.match(lines[i]):
                code.add(i)
                i += 1
            continue
        else:
            continues = bool(LIST_START_RE.match(lines[i])) or (continues and bool(INDENTED_RE.match(lines[i])))
            while i + 1 < len(lines) and lines[i + 1].strip() and not FENCE_RE.match(lines[i + 1]):
                i += 1
        i += 1
    return code


# Why: one pass over a page that both the collect and the render phase share.
def scan(markdown: str, *, path: str) -> ScannedPage:
    page = ScannedPage(path)
    lines = markdown.split("\n")
    indented = indented_code(lines)
    paragraph: list[Text] = []  # the lines of the paragraph being read (a code span may cross them)
    in_fence = False
    i = 0
    while i < len(lines):
        text, number = lines[i], i + 1
        if FENCE_RE.match(text):
            in_fence = not in_fence
        code = in_fence or i in indented
        directive = None if code else DIRECTIVE_RE.match(text)
        if directive is None and not code and text.strip():
            paragraph.append(Text(number, text))
            page.segments.append(paragraph[-1])
            i += 1
            continue
        _read_refs(page, paragraph)  # a paragraph ends at a blank line, code or a directive
        paragraph = []
        if directive is None:
            page.segments.append(Text(number, text, code=code))
            i += 1
            continue
        kind, args = directive["kind"], (directive["args"] or "").strip()
        if kind == "guideline":
            body_lines = []
            j = i + 1
            while j < len(lines) and lines[j].strip():
                body_lines.append(lines[j])
                j += 1
            block, problems = guideline_block(args, body_lines, line=number, path=path)
            page.problems += problems
            if block is not None:
                page.segments.append(block)
                page.refs += block.refs
            i = j
            continue
        if kind == "provision" and is_registry_id(args):
            page.segments.append(ProvisionBlock(args, number))
        elif kind == "instruments" and not args:
            page.segments.append(InstrumentsBlock(number))
        else:
            page.problems.append(Problem(path, number, f"malformed directive '{text.strip()}'"))
        i += 1
    _read_refs(page, paragraph)
    return page


# Why: a paragraph's references, read as Markdown reads the paragraph, kept on the page.
def _read_refs(page: ScannedPage, paragraph: list[Text]) -> None:
    if paragraph:
        refs, problems = find_refs("\n".join(t.text for t in paragraph), line=paragraph[0].line, path=page.path)
        page.refs += refs
        page.problems += problems


# Why: reads one guideline directive and its body, reporting what is wrong with either.
def guideline_block(
    args: str, body_lines: list[str], *, line: int, path: str
) -> tuple[GuidelineBlock | None, list[Problem]]:
    match = GUIDELINE_ARGS_RE.match(args)
    if match is None or parse_guideline_number(match["number"]) is None:
        return None, [Problem(path, line, f"malformed guideline number in '::: guideline {args}'")]
    problems: list[Problem] = []
    cites = tuple((match["cites"] or "").split())
    for cite in cites:
        if not is_registry_id(cite):
            problems.append(Problem(path, line, f"malformed provision id '{cite}' in {match['number']}"))
    if not body_lines:
        problems.append(Problem(path, line, f"guideline {match['number']} has no text"))
    refs, found_problems = find_refs("\n".join(body_lines), line=line + 1, path=path)
    problems += found_problems
    block = GuidelineBlock(match["number"], cites, "\n".join(body_lines), line, tuple(refs))
    return block, problems


# Why: phase one indexed what the scan found; each directive and reference Markdown did not read alike
# (inside an HTML block, a list or a quotation) would be in the index and not on the page, or the reverse.
def made_by_scan(page: ScannedPage, made: list[tuple[str, str]]) -> list[Problem]:
    found: list[tuple[tuple[str, str], int]] = []
    for segment in page.segments:
        if isinstance(segment, GuidelineBlock):
            found.append((("guideline", segment.number), segment.line))
        elif isinstance(segment, ProvisionBlock):
            found.append((("provision", segment.id), segment.line))
        elif isinstance(segment, InstrumentsBlock):
            found.append((("instruments", ""), segment.line))
    found += [(("ref", ref.target), ref.line) for ref in page.refs]
    left = Counter(made)
    problems = []
    for item, line in found:
        if left[item]:
            left[item] -= 1
        else:
            problems.append(Problem(page.path, line, f"Markdown did not read the {item[0]} '{item[1]}' here"))
    for (kind, target), count in left.items():
        if count:
            problems.append(Problem(page.path, 0, f"Markdown read a {kind} '{target}' that the page's scan did not"))
    return problems
