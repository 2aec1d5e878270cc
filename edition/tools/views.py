"""What the tools' templates and script get: the citation data of one language, "Cite this edition"
on a home page, and a paragraph's or provision's tools. Plain dicts from plain data, no MkDocs."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from edition.tools.citation import Work, bibtex, csl_json, part_key, ris, templates

# The edition's citation files for reference managers, in its folder: path and media type.
FILES = {
    "csl": ("cite/edition.json", "application/vnd.citationstyles.csl+json"),
    "bibtex": ("cite/edition.bib", "application/x-bibtex"),
    "ris": ("cite/edition.ris", "application/x-research-info-systems"),
}
FORMAT_NAMES = {"csl": "CSL-JSON", "bibtex": "BibTeX", "ris": "RIS"}
WRITERS: Mapping[str, Callable[..., str]] = {"csl": csl_json, "bibtex": bibtex, "ris": ris}
# The words the page's script needs, from data/labels.yml.
SCRIPT_WORDS = (
    "cite_copied",
    "cite_copy_failed",
    "cite_locator_paragraph",
    "cite_in_text_paragraph",
    "cite_locator_provision",
    "tools_cite_paragraph",
    "tools_cite_provision",
    "cite_this_edition",
)


# Why: each citation file's text; without a published address (``home``) the files give none.
def citation_files(work: Work, *, home: str | None) -> dict[str, str]:
    return {path: WRITERS[name](work, key=work.key, locator=None, url=home) for name, (path, _) in FILES.items()}


# Why: what the browser needs to cite a part or the whole, once per language (a cached script).
def script_data(work: Work, labels: Mapping[str, str], *, base: str) -> dict[str, Any]:
    def compact(found: Mapping[str, str]) -> dict[str, str]:
        return {name: json.dumps(json.loads(text)) if name == "csl" else text for name, text in found.items()}

    return {
        "part": compact(templates(work, pattern=labels["cite_format"])),
        "work": compact(templates(work, pattern=labels["cite_format"], part=False)),
        "key": part_key(work, None),
        "base": base,
        "months": [m.strip() for m in labels["months"].split(",")],
        "date_format": labels["date_format"],
        "words": {name: labels[name] for name in SCRIPT_WORDS},
    }


# Why: the script that hands ``script_data`` to the pages' script (``tools.js`` reads ``window.editionCite``).
def citation_script(data: Mapping[str, Any]) -> str:
    return f"window.editionCite = {json.dumps(data, ensure_ascii=False)};\n"


# Why: "Cite this edition" on a home page, with the files for reference managers (``href`` of a path).
def edition_cite(labels: Mapping[str, str], *, href: Callable[[str], str]) -> dict[str, Any]:
    return {
        "label": labels["cite_this_edition"],
        "how": labels["cite_edition_how"],
        "formats": labels["cite_formats"],
        "colon": labels["colon"],
        "items": [
            {"href": href(path), "type": media_type, "name": FORMAT_NAMES[name]}
            for name, (path, media_type) in FILES.items()
        ],
    }


# Why: the words of a paragraph's or provision's "Compare languages" link.
def compare_label(target: str, labels: Mapping[str, str], *, provision_label: str | None) -> str:
    if provision_label is None:
        return labels["tools_compare_paragraph"].format(number=target)
    return labels["tools_compare_provision"].format(label=provision_label)
