"""The one escaping rule: every template the edition renders escapes what it is given, and this module
is the only place that marks a value as HTML to pass through unescaped (``markupsafe.Markup``).

What it marks is HTML the edition made itself: rendered from its own templates (which escape every
value), cleaned by nh3, or text it escaped here. Data files, pages and comments arrive by pull
request: their strings reach a template as plain ``str`` and are escaped there.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from pathlib import Path

from markupsafe import Markup, escape


# Why: HTML the edition rendered from its own (escaping) templates, or cleaned with nh3, goes into
# another template as it is.
def edition_html(markup: str) -> Markup:
    return Markup(markup)


# Why: a list of such HTML (links joined by a template).
def edition_htmls(items: Iterable[str]) -> list[Markup]:
    return [edition_html(item) for item in items]


# Why: a page's own Markdown (a reference's label) as Markdown rendered it, inside the edition's HTML.
def page_markdown(text: str) -> Markup:
    return Markup(text)


# Why: text inside a CSS string of a <style> element (the PDF's page footer): HTML escaping would show
# "&amp;" there; CSS escapes keep every character literal, and none can close the string or the element.
def css_string(text: str) -> Markup:
    return Markup("".join(c if c.isalnum() or c in " .,:;-" else f"\\{ord(c):06x}" for c in text))


# Why: text in parts, each escaped here, with a line break allowed between them (``<wbr>``); in one
# call rather than a template loop, which at 1,000 comments in three languages cost ~0.4 s a build.
def breakable(parts: Iterable[str]) -> Markup:
    return Markup("<wbr>").join(parts)  # Markup.join escapes each part


# Why: text escaped for HTML, for output written without a template (a size filled into a page).
def escaped(text: str) -> str:
    return str(escape(text))


# Why: which templates escape: every template of the edition's own folders (``overrides/``, ``pdf/``);
# Material's own templates keep their own rule (they escape what they need, and print the page's HTML).
# Asked at every render, so each name's answer is kept (an environment lives for one build): 3,000 renders of
# comments at 1,000 comments ask 0.08 s of file checks (scripts/cache_layers.py).
def autoescape_in(folder: Path) -> Callable[[str | None], bool]:
    @functools.cache
    def autoescape(name: str | None) -> bool:
        return name is not None and (folder / name).is_file()

    return autoescape
