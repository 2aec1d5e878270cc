"""The published comments as a W3C Web Annotation collection (JSON-LD), for other annotation tools.

One ``AnnotationCollection`` (Web Annotation Data Model, W3C Recommendation 2017, section 5) whose
one embedded ``AnnotationPage`` holds an ``Annotation`` per published comment (hidden ones are left
out), oldest first, motivated by ``commenting``:

- each target is a ``SpecificResource`` whose ``source`` is the page of the paragraph or provision
  in the language of the words commented on, and whose ``FragmentSelector`` is its anchor: together,
  its permanent address (``/specific-issues/#iv-b-17``). A passage refines it with a
  ``TextQuoteSelector`` (the words as written) and, where they are in today's text, a
  ``TextPositionSelector`` (in the paragraph's text as ``edition/comments/passages.py`` defines it);
- the ``state`` is a ``TimeState``: the text as of this edition's version (its date), or, for
  words on earlier wording, the text before this version;
- the bodies are the comment (``commenting``), its proposed wording (``editing``) and the editors'
  response in each language given (``replying``), each a ``TextualBody`` with its language.

Addresses come from ``address``, which the caller builds from its pages (absolute when the site's
address is known). Pure: no MkDocs, no network.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from edition.comments.passages import EARLIER
from edition.comments.store import Comment
from edition.text.ids import anchor_of

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
FRAGMENT_SPEC = "http://tools.ietf.org/rfc/rfc3986"  # what a FragmentSelector conforms to (Recommendation, 4.2.1)
Address = Callable[[str, str], str | None]  # (target, language) -> the address of the page holding it


# Why: the one JSON-LD document of every published comment.
def annotation_collection(
    comments: Sequence[Comment], *, address: Address, collection: str, version_date: dt.date
) -> dict[str, Any]:
    items = [
        _annotation(c, address=address, collection=collection, version_date=version_date)
        for c in sorted(comments, key=lambda c: (c.date, c.file))
        if c.visible
    ]
    return {
        "@context": CONTEXT,
        "id": collection,
        "type": "AnnotationCollection",
        "total": len(items),
        "first": {"id": f"{collection}#page-1", "type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def _annotation(comment: Comment, *, address: Address, collection: str, version_date: dt.date) -> dict[str, Any]:
    bodies = [_text(comment.body, comment.language, "commenting", markdown=True)]
    if comment.proposed_text:
        bodies.append(_text(comment.proposed_text, comment.language, "editing"))
    responses = (("en", comment.response), ("fr", comment.response_fr), ("es", comment.response_es))
    bodies += [_text(value, lang, "replying") for lang, value in responses if value]
    targets = [
        t
        for t in (_target(comment, target, address=address, version_date=version_date) for target in comment.targets)
        if t
    ]
    return {
        "id": f"{collection}#{comment.slug}",
        "type": "Annotation",
        "motivation": "commenting",
        "created": f"{comment.date}T00:00:00Z",
        "creator": {"type": "Person", "name": comment.name},
        "body": bodies,
        "target": targets,
    }


def _text(value: str, lang: str, purpose: str, *, markdown: bool = False) -> dict[str, Any]:
    return {
        "type": "TextualBody",
        "purpose": purpose,
        "value": value,
        "format": "text/markdown" if markdown else "text/plain",
        "language": lang,
    }


# Why: one target: its page and anchor, refined by the passage's selectors when it has one.
def _target(comment: Comment, target: str, *, address: Address, version_date: dt.date) -> dict[str, Any] | None:
    passage, found = comment.passage, comment.anchor
    lang = passage.language if passage is not None else comment.language
    page = address(target, lang)
    if page is None:
        return None
    selector: dict[str, Any] = {"type": "FragmentSelector", "conformsTo": FRAGMENT_SPEC, "value": anchor_of(target)}
    at = version_date.isoformat() + "T00:00:00Z"
    state: dict[str, Any] = {"type": "TimeState", "sourceDate": at}
    if passage is not None and found is not None:
        earlier = found.how == EARLIER
        quote = {"type": "TextQuoteSelector", "exact": passage.exact if earlier else found.words or passage.exact}
        if earlier:
            quote |= {"prefix": passage.prefix, "suffix": passage.suffix}
            state = {"type": "TimeState", "sourceDateEnd": at}
        else:
            quote |= {"prefix": found.before, "suffix": found.after}
        refined: list[dict[str, Any]] = [{k: v for k, v in quote.items() if v != ""}]
        if not earlier:
            refined.append({"type": "TextPositionSelector", "start": found.start, "end": found.end})
        selector["refinedBy"] = refined
    return {"type": "SpecificResource", "source": page, "selector": selector, "state": state, "language": lang}
