"""The exports of passages and dispositions: CSV (formula-safe) and JSON, and the W3C Web Annotation
collection, expanded by PyLD against the repository's copy of the W3C context with no network.

Every comment here is a test fixture (its author is named "Fixture …"); none is published.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld

from edition.comments.annotations import CONTEXT, annotation_collection
from edition.comments.data import read_script
from edition.comments.export import csv_text, export_rows, json_text
from edition.comments.passages import Wording
from edition.comments.store import Comment
from tests.conftest import BuildResult
from tests.test_comments_passages import NEW, OLD, TEXTS, check, comment_file, taken

ANNO = Path(__file__).resolve().parent / "fixtures" / "w3c" / "anno.jsonld"
OA, DCTYPES = "http://www.w3.org/ns/oa#", "http://purl.org/dc/dcmitype/"
SITE = "https://example.org/edition/"  # a fixture address
IV_B_17 = TEXTS[("IV.b.17", "en")]
DECIDED = 'response: "Fixture response."\nresponse_fr: "Réponse fictive."\nresolved_in: editors\ncommenter_agreed: true'


def comments(tmp_path: Path) -> list[Comment]:
    """Fixture comments: a passage found, found again, on earlier wording; none; hidden; decided."""
    files = {
        "a-found.md": comment_file(
            taken(IV_B_17, "-skills training", version="1.0"), target="IV.b.17", extra=DECIDED, status="accepted"
        ),
        "b-again.md": comment_file(taken(OLD, "should be adopted"), number=1),
        "c-earlier.md": comment_file(taken(OLD, "realization of the rights"), number=2),
        "d-none.md": comment_file(None, number=3, extra='response: "=HYPERLINK(\\"https://example.org\\")"'),
        "e-hidden.md": comment_file(None, number=4, status="hidden"),
    }
    found, problems = check(files, tmp_path, wording=Wording("1.0", {**TEXTS, ("III.a.1", "en"): NEW}))
    assert problems == []
    return found


# ---------------------------------------------------------------------------------------------
# CSV and JSON


def test_the_exports_carry_the_passage_and_the_disposition_and_the_csv_stays_formula_safe(tmp_path: Path) -> None:
    rows = export_rows(comments(tmp_path))
    by_file = {row["file"]: row for row in json.loads(json_text(rows))}
    found = by_file["comments/a-found.md"]
    assert (found["passage"], found["passage_found"], found["passage_language"]) == ("-skills training", "exact", "en")
    assert IV_B_17[int(found["passage_start"]) : int(found["passage_end"])] == "-skills training"
    assert (found["status"], found["response_fr"], found["resolved_in"], found["commenter_agreed"]) == (
        "accepted",
        "Réponse fictive.",
        "editors",
        "true",
    )
    again = by_file["comments/b-again.md"]
    assert (again["passage"], again["passage_found"], again["passage_words"]) == (
        "should be adopted",
        "fuzzy",
        "should be enacted",
    )
    earlier = by_file["comments/c-earlier.md"]
    assert (earlier["passage_found"], earlier["passage_start"], earlier["passage_words"]) == ("earlier", "", "")
    assert by_file["comments/d-none.md"]["passage"] == "" and by_file["comments/e-hidden.md"]["status"] == "hidden"
    cells = {row["file"]: row for row in csv.DictReader(io.StringIO(csv_text(rows)))}
    assert cells["comments/a-found.md"]["passage"] == "'-skills training"  # a leading "-" is a formula sign
    assert cells["comments/d-none.md"]["response"] == '\'=HYPERLINK("https://example.org")'
    assert by_file["comments/d-none.md"]["response"] == '=HYPERLINK("https://example.org")'  # JSON: exact


# ---------------------------------------------------------------------------------------------
# The Web Annotation collection


def address(target: str, lang: str) -> str:
    page = "general-issues/" if target.startswith("III") else "specific-issues/"
    return f"{SITE}{'' if lang == 'en' else lang + '/'}{page}"


def collection(tmp_path: Path) -> dict[str, Any]:
    return annotation_collection(
        comments(tmp_path), address=address, collection=f"{SITE}comments.jsonld", version_date=dt.date(2026, 12, 6)
    )


# Why: PyLD may read the W3C context only, from the repository's copy: any other address fails.
def local_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    if url.rstrip("/") not in (CONTEXT, CONTEXT.replace("http:", "https:")):
        raise jsonld.JsonLdError(f"no network in the tests: {url}", "loading document failed")
    return {"contextUrl": None, "documentUrl": url, "document": json.loads(ANNO.read_text(encoding="utf-8"))}


TERMS = set(json.loads(ANNO.read_text(encoding="utf-8"))["@context"])
# The vocabularies the W3C context names (oa:, dctypes:, as:…): every type must be in one of them.
VOCABULARIES = tuple(
    value
    for value in json.loads(ANNO.read_text(encoding="utf-8"))["@context"].values()
    if isinstance(value, str) and value.endswith(("#", "/"))
)


# Why: every key a document uses that the W3C context does not define (expansion would drop it silently),
# and every key or type left after expansion that is not an absolute address.
def unexpanded(document: Any, expanded: Any) -> list[str]:
    found: list[str] = []

    def keys(node: Any) -> None:
        if isinstance(node, dict):
            found.extend(k for k in node if k != "@context" and k not in TERMS)
            for value in node.values():
                keys(value)
        elif isinstance(node, list):
            for value in node:
                keys(value)

    def absolute(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if not key.startswith(("@", "http://", "https://")):
                    found.append(key)
                if key == "@type":  # a list on a node, one address on a typed value
                    types = value if isinstance(value, list) else [value]
                    found.extend(t.rsplit("/", 1)[-1] for t in types if not t.startswith(VOCABULARIES))
                absolute(value)
        elif isinstance(node, list):
            for value in node:
                absolute(value)

    keys(document)
    absolute(expanded)
    return found


def expand(document: dict[str, Any]) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = jsonld.expand(document, {"documentLoader": local_loader})
    return result


def test_the_collection_expands_against_the_w3c_context_with_every_term_defined(tmp_path: Path) -> None:
    document = collection(tmp_path)
    expanded = expand(document)
    assert unexpanded(document, expanded) == []
    assert expanded[0]["@type"] == ["http://www.w3.org/ns/activitystreams#OrderedCollection"]
    items = expanded[0]["http://www.w3.org/ns/activitystreams#first"][0]["http://www.w3.org/ns/activitystreams#items"]
    annotations = items[0]["@list"]
    assert len(annotations) == 4  # the hidden comment is left out
    for annotation in annotations:
        assert annotation["@type"] == [f"{OA}Annotation"]
        assert annotation[f"{OA}motivatedBy"] == [{"@id": f"{OA}commenting"}]


def test_an_undefined_term_or_type_is_caught(tmp_path: Path) -> None:
    document = collection(tmp_path)
    document["first"]["items"][0]["status"] = "accepted"  # not a W3C term: expansion drops it
    document["first"]["items"][1]["type"] = "Remark"
    assert sorted(unexpanded(document, expand(document))) == ["Remark", "status"]


def test_no_other_document_is_loaded() -> None:
    with pytest.raises(jsonld.JsonLdError):
        expand({"@context": "https://example.org/other.jsonld", "id": f"{SITE}x"})


def test_each_target_is_the_paragraph_s_address_with_its_passage_selectors_and_time_state(tmp_path: Path) -> None:
    items = {item["id"].rsplit("#", 1)[1]: item for item in collection(tmp_path)["first"]["items"]}
    found = items["a-found"]
    (target,) = found["target"]
    assert target["source"] == f"{SITE}specific-issues/" and target["language"] == "en"
    fragment = target["selector"]
    assert (fragment["type"], fragment["value"]) == ("FragmentSelector", "iv-b-17")
    quote, position = fragment["refinedBy"]
    assert quote == {
        "type": "TextQuoteSelector",
        "exact": "-skills training",
        "prefix": IV_B_17[67 - 32 : 67],
        "suffix": ", should be provided.",
    }
    assert IV_B_17[position["start"] : position["end"]] == "-skills training"
    assert target["state"] == {"type": "TimeState", "sourceDate": "2026-12-06T00:00:00Z"}
    replies = [(b["language"], b["value"]) for b in found["body"] if b["purpose"] == "replying"]
    assert replies == [("en", "Fixture response."), ("fr", "Réponse fictive.")]
    again = items["b-again"]["target"][0]["selector"]["refinedBy"]
    assert again[0]["exact"] == "should be enacted" and NEW[again[1]["start"] : again[1]["end"]] == "should be enacted"
    earlier = items["c-earlier"]["target"][0]
    assert [s["type"] for s in earlier["selector"]["refinedBy"]] == ["TextQuoteSelector"]  # no position today
    assert earlier["selector"]["refinedBy"][0]["exact"] == "realization of the rights"
    assert earlier["state"] == {"type": "TimeState", "sourceDateEnd": "2026-12-06T00:00:00Z"}
    assert "refinedBy" not in items["d-none"]["target"][0]["selector"]


def test_a_build_publishes_the_collection_with_the_paragraphs_addresses(
    build_copy: Callable[..., BuildResult], tmp_path: Path
) -> None:
    """A real build with one fixture comment on a passage, deferred with a French response."""
    fixture = tmp_path / "fixture-passage-2026-11-20-en.md"
    extra = 'response: "Fixture response."\nresponse_fr: "Réponse fictive."\nresolved_in: editors'
    passage = taken(IV_B_17, "parenting-skills training", version="1.0")
    fixture.write_text(comment_file(passage, target="IV.b.17", extra=extra, status="deferred"), encoding="utf-8")
    result = build_copy({}, add={f"comments/{fixture.name}": fixture}, environ={"SITE_URL": SITE})
    assert result.returncode == 0, result.log
    document = json.loads((result.site / "comments.jsonld").read_text(encoding="utf-8"))
    assert unexpanded(document, expand(document)) == []
    (annotation,) = document["first"]["items"]
    assert annotation["id"] == f"{SITE}comments.jsonld#fixture-passage-2026-11-20-en"
    target = annotation["target"][0]
    assert (target["source"], target["selector"]["value"]) == (f"{SITE}specific-issues/", "iv-b-17")
    assert target["selector"]["refinedBy"][1] == {"type": "TextPositionSelector", "start": 58, "end": 83}
    panel = read_script((result.site / "fr" / "comments" / "on" / "iv-b-17.js").read_text(encoding="utf-8"))
    article = panel["comments"][0]["html"]
    assert "Reportée" in article and 'lang="fr">Réponse fictive.' in article
    rows = json.loads((result.site / "comments.json").read_text(encoding="utf-8"))
    assert rows[0]["passage"] == "parenting-skills training" and rows[0]["status"] == "deferred"
