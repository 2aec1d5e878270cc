"""The edition's syntax (``edition/text/syntax.py``) read by Markdown itself, as an extension.

``EditionSyntaxExtension`` (listed under ``markdown_extensions`` in ``mkdocs.yml``) adds:

- a block processor for the directives ``::: guideline``, ``::: provision`` and ``::: instruments``
  on lines of their own at the top level of a page (not inside a list, a quotation or an HTML block);
  a guideline's text, up to the next blank line, is parsed as the page's other Markdown;
- an inline processor for ``[[id]]`` and ``[[id|label]]``; it runs first, so that a label may hold a
  code span, and takes no reference that starts inside a code span or after a backslash (the scan's
  rule, ``reference_matches``): those, and code blocks, are left as written.

What they make comes from a ``PageRenderer`` (``edition/text/render.py``: the language's index,
registry and labels, and the page's URLs), which the hook hands over for each page in the
extension's configuration (``renderer``); without one the extension leaves the page alone. The
edition's HTML is kept in Markdown's own store of raw HTML, which Markdown writes out unparsed; it is
made when Markdown writes the page, so that the previews are numbered in reading order. Every
directive and reference made is listed in ``PageRenderer.made``: the hook compares that list with
what the scan of the page's source found.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from xml.etree import ElementTree as etree

from markdown import Markdown
from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.serializers import to_html_string
from markdown.treeprocessors import InlineProcessor as InlineTreeprocessor

from edition.text.render import PageRenderer
from edition.text.syntax import DIRECTIVE_RE, REF_RE, guideline_block, reference_matches

BODY_STATE = "edition-guideline-body"  # a guideline's text is never read as a directive


class Later:
    """HTML made the first time Markdown writes it out (Markdown keeps raw HTML as ``str(item)``)."""

    def __init__(self, make: Callable[[], str]) -> None:
        self._make = make
        self._html: str | None = None

    def __str__(self) -> str:
        if self._html is None:
            self._html = self._make()
        return self._html


class DirectiveProcessor(BlockProcessor):  # type: ignore[misc] # Markdown ships no type hints
    """The edition's block directives, each in place of its line."""

    def __init__(self, parser: BlockParser, renderer: PageRenderer) -> None:
        super().__init__(parser)
        self.renderer = renderer

    def test(self, parent: etree.Element, block: str) -> bool:
        return (
            parent is self.parser.root
            and not self.parser.state.isstate(BODY_STATE)
            and any(DIRECTIVE_RE.match(line) for line in block.split("\n"))
        )

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        lines = blocks.pop(0).split("\n")
        at = next(i for i, line in enumerate(lines) if DIRECTIVE_RE.match(line))
        if at:  # ordinary Markdown before the directive's line
            self.parser.parseBlocks(parent, ["\n".join(lines[:at])])
        match = DIRECTIVE_RE.match(lines[at])
        assert match is not None
        kind, args = match["kind"], (match["args"] or "").strip()
        renderer = self.renderer
        if kind == "guideline":
            block, _ = guideline_block(args, lines[at + 1 :], line=0, path="")  # phase one reported problems
            if block is None:
                raise ValueError(f"malformed directive '{lines[at]}'")
            renderer.made.append(("guideline", block.number))
            self._raw(parent, Later(lambda: renderer.guideline_head(block.number)))
            self.parser.state.set(BODY_STATE)
            self.parser.parseBlocks(parent, [block.body])
            self.parser.state.reset()
            self._raw(parent, Later(lambda: renderer.guideline_tail(block.number)))
            return
        if kind == "provision":
            renderer.made.append(("provision", args))
            self._raw(parent, Later(lambda: renderer.provision(args)))
        elif kind == "instruments":
            renderer.made.append(("instruments", ""))
            self._raw(parent, Later(renderer.instruments))
        else:
            raise ValueError(f"malformed directive '{lines[at]}'")
        if at + 1 < len(lines):  # ordinary Markdown after it, up to the blank line
            blocks.insert(0, "\n".join(lines[at + 1 :]))

    # Why: a paragraph holding only a placeholder is replaced whole by its block-level HTML.
    def _raw(self, parent: etree.Element, html: Later) -> None:
        etree.SubElement(parent, "p").text = self.parser.md.htmlStash.store(html)


class ReferenceProcessor(InlineProcessor):  # type: ignore[misc] # Markdown ships no type hints
    """``[[id]]`` or ``[[id|label]]``: a link to the id, with its preview."""

    def __init__(self, md: Markdown, renderer: PageRenderer) -> None:
        super().__init__(REF_RE.pattern, md)
        self.renderer = renderer
        self._read: tuple[str, set[int]] = ("", set())  # a text, and where the references it holds start

    def handleMatch(  # noqa: N802 (Markdown's name)
        self, m: re.Match[str], data: str
    ) -> tuple[str, int, int] | tuple[None, None, None]:
        if data != self._read[0]:
            self._read = (data, {match.start() for match in reference_matches(data)})
        if m.start() not in self._read[1]:
            return None, None, None  # in a code span or escaped: Markdown's own processors read it
        target, label = m["target"].strip(), m["label"]
        label_html = None if label is None else self._inline_html(label)
        self.renderer.made.append(("ref", target))
        renderer = self.renderer
        return self.md.htmlStash.store(Later(lambda: renderer.xref(target, label_html))), m.start(0), m.end(0)

    # Why: a label is the page's own Markdown, rendered as the rest of the line would be, inside a link.
    def _inline_html(self, text: str) -> str:
        holder = etree.Element("div")
        link = etree.SubElement(holder, "a")
        link.text = text
        InlineTreeprocessor(self.md).run(holder)
        return str(to_html_string(link))[len("<a>") : -len("</a>")]


class EditionSyntaxExtension(Extension):  # type: ignore[misc] # Markdown ships no type hints
    """The edition's directives and references (see the module's docstring)."""

    def __init__(self, **kwargs: object) -> None:
        # Not None: Markdown would read a None default as a yes/no setting and make the renderer True.
        self.config = {"renderer": ["", "the PageRenderer of the page being converted (set by the hook)"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's name)
        renderer = self.getConfig("renderer")
        if not isinstance(renderer, PageRenderer):
            return
        # Before every block processor of Markdown's but the one for blank blocks (100).
        md.parser.blockprocessors.register(DirectiveProcessor(md.parser, renderer), "edition_directives", 99)
        # First (code spans are 190): a label may hold a code span; one that starts inside a span is left.
        md.inlinePatterns.register(ReferenceProcessor(md, renderer), "edition_references", 195)


# Why: Markdown loads an extension named in mkdocs.yml through this function.
def makeExtension(**kwargs: object) -> EditionSyntaxExtension:  # noqa: N802 (Markdown's name)
    return EditionSyntaxExtension(**kwargs)
