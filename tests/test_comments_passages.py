"""Passages: a paragraph's text as a reader sees it, each passage found, refused or on earlier wording,
the checker's messages with file and line, hostile passages, the editors' disposition fields.

Every comment written here is a test fixture (its author is named "Fixture …"); none is published.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import yaml

from edition.comments.passages import (
    EARLIER,
    FOUND,
    FOUND_AGAIN,
    THRESHOLD,
    Passage,
    Wording,
    anchor,
    normal,
    reader_text,
    ref_words,
    target_texts,
)
from edition.comments.review import editors_field_problems
from edition.comments.store import Comment, load_comments, memo_from_json, memo_json
from tests.test_comments_hostile import KNOWN, REGISTRY, ROOT, SCHEMA

TEXTS = target_texts(ROOT / "docs", registry=REGISTRY, languages=("en", "fr", "es"))
OLD = TEXTS[("III.a.1", "en")]  # the paragraph as the passages below were taken from it (version 0.9)
# The same paragraph as a later draft might word it (a test's invention, not QUNO's text).
NEW = (
    "Suitable legislation to ensure full compliance with obligations under international human rights law, "
    "including the Convention on the Rights of the Child, should be enacted. The primacy of international human "
    "rights and humanitarian law in case of any conflict, as well as the applicability and legal effect of the "
    "rights of persons deprived of their liberty and of their children, should be ensured."
)


def taken(text: str, words: str, nth: int = 0, *, version: str = "0.9", language: str = "en") -> Passage:
    """A passage as the form would record it from ``text``: the ``nth`` occurrence of ``words``, with context."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    end = start + len(words)
    return Passage(words, text[max(0, start - 32) : start], text[end : end + 32], start, language, version)


def comment_file(
    passage: Passage | None, *, target: str = "III.a.1", extra: str = "", status: str = "open", number: int = 0
) -> str:
    lines = [
        "---",
        f"targets: [{target}]",
        "author:",
        "  name: Fixture Passage Contributor",
        "language: en",
        "date: 2026-11-20",
        "kind: question",
        f"status: {status}",
    ]
    if passage is not None:
        lines += [
            "passage:",
            f"  exact: {json.dumps(passage.exact, ensure_ascii=False)}",
            f"  prefix: {json.dumps(passage.prefix, ensure_ascii=False)}",
            f"  suffix: {json.dumps(passage.suffix, ensure_ascii=False)}",
            *([f"  start: {passage.start}"] if passage.start is not None else []),
            f"  language: {passage.language}",
            f'  version: "{passage.version}"',
        ]
    return "\n".join(
        [*lines, *([extra] if extra else []), "---", "", f"Test fixture: comment {number} on a passage.", ""]
    )


def check(files: dict[str, str], tmp_path: Path, *, wording: Wording) -> tuple[list[Comment], list[str]]:
    folder = tmp_path / "comments"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    comments, problems = load_comments(
        folder,
        schema=SCHEMA,
        known_targets=KNOWN,
        retired=dict(REGISTRY.retired),
        display_root=tmp_path,
        wording=wording,
    )
    return comments, [str(p) for p in problems]


TODAY = Wording("1.0", TEXTS)


# ---------------------------------------------------------------------------------------------
# The text as a reader sees it


def words_en(target: str, label: str | None) -> str:
    return ref_words(REGISTRY, "en")(target, label)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Plain words.", "Plain words."),
        ("the [[crc|Convention on the Rights of the Child]] says", "the Convention on the Rights of the Child says"),
        ("see [[crc-9-1]] and [[IV.b.17]]", "see CRC art. 9(1) and IV.b.17"),
        ("activities free of charge[^iv-b-16] for all", "activities free of charge for all"),
        ("some *emphasis*, **strong** and `code`", "some emphasis, strong and code"),
        ("a [link](https://example.org/) here", "a link here"),
        ("fish &amp; chips", "fish & chips"),
        ("one\nline   and\ttabs", "one line and tabs"),
        ("e\u0301te\u0301", "\u00e9t\u00e9"),  # decomposed accents become the composed characters (NFC)
        ("", ""),
    ],
    ids=[
        "plain",
        "labelled-ref",
        "unlabelled-refs",
        "footnote-mark",
        "emphasis",
        "link",
        "entity",
        "blanks",
        "nfc",
        "empty",
    ],
)
def test_reader_text_is_the_words_a_reader_sees(source: str, expected: str) -> None:
    assert reader_text(source, words=words_en) == expected


def test_every_paragraph_and_provision_has_its_text_in_every_language() -> None:
    numbers = {number for number, lang in TEXTS if lang == "en" and "." in number}
    for lang in ("en", "fr", "es"):
        for target in [*numbers, *REGISTRY.provisions]:
            text = TEXTS[(target, lang)]
            assert text and text == text.strip() and "  " not in text, (target, lang)
            assert not any(mark in text for mark in ("[[", "]]", "[^", "**")), (target, lang, text)
    assert TEXTS[("IV.b.16", "fr")].startswith("Des activités gratuites d’éducation physique")  # footnote mark gone


# ---------------------------------------------------------------------------------------------
# A passage of this version's text: there exactly, once, or refused

IV_B_17 = TEXTS[("IV.b.17", "en")]
TWICE = "A child should be heard. A child should be seen."


def mine(exact: str, prefix: str = "", suffix: str = "", *, language: str = "en", version: str = "1.0") -> Passage:
    """A passage of this version's text (1.0) as a contributor might write it."""
    return Passage(exact, prefix, suffix, None, language, version)


@pytest.mark.parametrize(
    ("passage", "text", "expected"),
    [
        (mine("parenting-skills training"), IV_B_17, (FOUND, 58, 83)),
        (taken(IV_B_17, "parenting-skills training", version="1.0"), IV_B_17, (FOUND, 58, 83)),
        (Passage(IV_B_17, "", "", 0, "en", "1.0"), IV_B_17, (FOUND, 0, len(IV_B_17))),
        (mine("child should be", "A ", " heard"), TWICE, (FOUND, 2, 17)),
        (mine("child should be", "A ", " seen"), TWICE, (FOUND, 27, 42)),
        (
            mine("child should be", "A "),
            TWICE,
            "passage: the words occur 2 times in X and prefix and suffix do not tell which:"
            " give the 32 characters before and after them",
        ),
        (
            mine("child should be", "The "),
            TWICE,
            "passage: the words occur 2 times in X, none with this prefix and suffix",
        ),
        (
            mine("parenting skills training"),
            IV_B_17,
            "passage.exact: these words are not in X; the closest words there are 'parenting-skills training'",
        ),
        (
            mine("parenting-skills training", "as well as the "),
            IV_B_17,
            "passage.prefix: the words before these in X are 'arents and children, as well as '",
        ),
        (
            mine("parenting-skills training", "", " should"),
            IV_B_17,
            "passage.suffix: the words after these in X are ', should be provided.'",
        ),
    ],
    ids=[
        "exact-without-context",
        "exact-with-context",
        "the-whole-paragraph",
        "twice-told-apart-by-suffix-first",
        "twice-told-apart-by-suffix-second",
        "twice-not-told-apart",
        "twice-context-matches-neither",
        "not-there-closest-shown",
        "wrong-prefix",
        "wrong-suffix",
    ],
)
def test_a_passage_of_this_version_is_there_exactly_once_or_refused(
    passage: Passage, text: str, expected: tuple[str, int, int] | str
) -> None:
    found, refused = anchor(passage, text, current=True, where="X")
    if isinstance(expected, str):
        assert (found, refused) == (None, expected)
    else:
        assert refused is None and found is not None
        assert (found.how, found.start, found.end) == expected
        assert text[found.start : found.end] == normal(passage.exact)


# ---------------------------------------------------------------------------------------------
# Twenty passages taken from version 0.9's text, after the paragraph changed

# (words in the old text, which occurrence) -> (outcome, the words today and which occurrence of them)
TWENTY: list[tuple[tuple[str, int], tuple[str, str | None, int]]] = [
    (("full compliance", 0), (FOUND, "full compliance", 0)),
    (("the Convention on the Rights of the Child", 0), (FOUND, "the Convention on the Rights of the Child", 0)),
    (("in case of any conflict", 0), (FOUND, "in case of any conflict", 0)),
    (
        ("obligations under international human rights law", 0),
        (FOUND, "obligations under international human rights law", 0),
    ),
    (("should be ensured", 0), (FOUND, "should be ensured", 0)),  # its words before changed a little
    (("persons deprived of their liberty", 0), (FOUND, "persons deprived of their liberty", 0)),
    (("should be", 0), (FOUND, "should be", 0)),  # twice today: the context tells the first
    (("international human rights", 1), (FOUND, "international human rights", 1)),  # twice: the second
    ((",", 1), (FOUND, ",", 1)),  # one comma of many, told by its context
    (("should be adopted", 0), (FOUND_AGAIN, "should be enacted", 0)),
    (("their liberty and children", 0), (FOUND_AGAIN, "their liberty and of their children", 0)),
    (
        ("Appropriate legislation to ensure full compliance", 0),
        (FOUND_AGAIN, "Suitable legislation to ensure full compliance", 0),
    ),
    (
        ("The supremacy of international human rights and humanitarian law", 0),
        (FOUND_AGAIN, "The primacy of international human rights and humanitarian law", 0),
    ),
    (("The supremacy", -1), (FOUND_AGAIN, "The primacy", -1)),  # -1: from these words to the end (a long passage)
    (("", -2), (FOUND_AGAIN, "", -2)),  # -2: the whole paragraph
    (("Appropriate legislation", 0), (EARLIER, None, 0)),  # half its words replaced
    (("supremacy", 0), (EARLIER, None, 0)),  # one word, a third of it changed: not sure enough
    (("legal effect and realization", 0), (EARLIER, None, 0)),
    (("realization of the rights", 0), (EARLIER, None, 0)),  # gone from the text
    (("applicability, legal effect", 0), (EARLIER, None, 0)),
]


def old_passage(words: str, nth: int) -> Passage:
    if nth == -2:
        return Passage(OLD, "", "", 0, "en", "0.9")
    if nth == -1:
        start = OLD.index(words)
        return Passage(OLD[start:], OLD[start - 32 : start], "", start, "en", "0.9")
    return taken(OLD, words, nth)


def new_place(words: str | None, nth: int) -> tuple[int, int] | None:
    if words is None:
        return None
    if nth == -2:
        return 0, len(NEW)
    if nth == -1:
        return NEW.index(words), len(NEW)
    start = -1
    for _ in range(nth + 1):
        start = NEW.index(words, start + 1)
    return start, start + len(words)


def test_twenty_passages_on_a_changed_paragraph_are_each_found_found_again_or_on_earlier_wording(
    tmp_path: Path,
) -> None:
    assert len(TWENTY) == 20
    files = {
        f"fixture-passage-{i:02d}.md": comment_file(old_passage(words, nth))
        for i, ((words, nth), _) in enumerate(TWENTY)
    }
    wording = Wording("1.0", {**TEXTS, ("III.a.1", "en"): NEW})
    comments, problems = check(files, tmp_path, wording=wording)
    assert problems == []  # a passage of an earlier version is never refused for not being found
    by_file = {c.file: c for c in comments}
    for i, (_, (how, words, nth)) in enumerate(TWENTY):
        found = by_file[f"fixture-passage-{i:02d}.md"].anchor
        assert found is not None
        place = new_place(words, nth)
        got = (found.how, (found.start, found.end) if found.start is not None else None)
        assert got == (how, place), (i, TWENTY[i], found)
        if how == EARLIER:
            assert found.words is None and found.score < THRESHOLD
        else:
            assert found.score >= THRESHOLD and found.words == NEW[found.start : found.end]


def test_the_same_passages_on_the_unchanged_paragraph_are_all_found_where_they_were(tmp_path: Path) -> None:
    files = {
        f"fixture-passage-{i:02d}.md": comment_file(old_passage(words, nth))
        for i, ((words, nth), _) in enumerate(TWENTY)
    }
    comments, problems = check(files, tmp_path, wording=TODAY)
    assert problems == []
    for comment in comments:
        assert comment.passage is not None and comment.anchor is not None
        assert comment.anchor.how == FOUND and comment.anchor.start == comment.passage.start


def test_words_twice_in_changed_text_and_not_told_apart_are_attached_to_neither() -> None:
    passage = Passage("child should be", "A ", " heard", None, "en", "0.9")
    found, refused = anchor(passage, TWICE.replace("heard", "listened to"), current=False, where="X")
    assert refused is None and found is not None and found.how == EARLIER and found.start is None


# ---------------------------------------------------------------------------------------------
# The checker: file, line and field; hostile passages


@pytest.mark.parametrize(
    ("passage", "extra_targets", "expected"),
    [
        (
            mine("parenting skills training"),
            "",
            "comments/x.md:10: passage.exact: these words are not in IV.b.17 (en);"
            " the closest words there are 'parenting-skills training'",
        ),
        (
            mine("<b>parenting-skills</b> training"),
            "",
            "comments/x.md:10: passage.exact: these words are not in IV.b.17 (en)",
        ),
        (
            mine("parenting-skills training", language="fr"),
            "",
            "comments/x.md:10: passage.exact: these words are not in IV.b.17 (fr)",
        ),
        (
            mine("parenting-skills training", "as well as the "),
            "",
            "comments/x.md:11: passage.prefix: the words before these in IV.b.17 (en)"
            " are 'arents and children, as well as '",
        ),
        (
            mine("parenting-skills training", version="1.1"),
            "",
            "comments/x.md:14: passage.version: 1.1 is later than this edition's version, 1.0",
        ),
        (
            mine("parenting-skills training"),
            ", crc-18-1",
            "comments/x.md:2: passage: a passage is in one paragraph or provision; this comment names 2",
        ),
        (
            mine("parenting\u202e-skills training"),
            "",
            "comments/x.md:10: passage.exact: invisible or format character U+202E (right-to-left override)",
        ),
        (
            mine("parenting\u200b-skills training"),
            "",
            "comments/x.md:10: passage.exact: invisible or format character U+200B (zero width space) is not allowed",
        ),
        (
            mine("parenting-skills training", "as well as\u2066 "),
            "",
            "comments/x.md:11: passage.prefix: invisible or format character U+2066 (left-to-right isolate)",
        ),
        (
            mine("x" * 2001),
            "",
            "comments/x.md:10: passage.exact: longer than 2000 characters",
        ),
        (
            mine("parenting-skills training", "a" * 33),
            "",
            "comments/x.md:11: passage.prefix: longer than 32 characters",
        ),
    ],
    ids=[
        "not-there",
        "markup",
        "words-of-another-language",
        "wrong-prefix",
        "later-version",
        "two-targets",
        "bidi-override",
        "zero-width-space",
        "bidi-isolate-in-prefix",
        "too-long",
        "prefix-too-long",
    ],
)
def test_a_refused_passage_is_named_with_file_line_and_field(
    tmp_path: Path, passage: Passage, extra_targets: str, expected: str
) -> None:
    text = comment_file(passage, target=f"IV.b.17{extra_targets}")
    comments, problems = check({"x.md": text}, tmp_path, wording=TODAY)
    assert comments == []
    assert any(p.startswith(expected) for p in problems), problems


def test_a_provision_without_text_in_a_language_refuses_a_passage_in_that_language(tmp_path: Path) -> None:
    texts = {key: value for key, value in TEXTS.items() if key != ("crc-18-1", "fr")}
    passage = Passage("parents", "", "", None, "fr", "1.0")
    _, problems = check({"x.md": comment_file(passage, target="crc-18-1")}, tmp_path, wording=Wording("1.0", texts))
    assert problems == ["comments/x.md:13: passage.language: crc-18-1 has no text in 'fr' here"]


def test_a_passage_in_french_is_found_in_the_french_text_and_kept_through_the_memo(tmp_path: Path) -> None:
    passage = taken(TEXTS[("IV.b.17", "fr")], "formation aux compétences parentales", version="1.0", language="fr")
    comments, problems = check({"x.md": comment_file(passage, target="IV.b.17")}, tmp_path, wording=TODAY)
    assert problems == [] and comments[0].anchor is not None and comments[0].anchor.how == FOUND
    memo = memo_from_json(memo_json({"key": comments[0]}))
    assert memo["key"] == comments[0]


def test_five_thousand_overlapping_passages_on_one_paragraph_are_each_found_or_refused_and_bounded() -> None:
    """Passages of every start and length in III.a.1: this version's (each found, or refused where its
    words occur twice with the same context) and an earlier one's with a letter changed (each found
    again where it was, or on earlier wording); the time is measured (shown with -s), not asserted."""
    outcomes: dict[str, int] = {}
    began = time.perf_counter()
    for i in range(5000):
        start, size = (i * 7) % (len(OLD) - 1), 1 + (i * 13) % 300
        passage = taken(OLD, OLD[start : start + size], version="1.0")
        earlier = bool(i % 2)
        if earlier:
            changed = passage.exact[:-1] + ("#" if passage.exact[-1] != "#" else "%")
            passage = Passage(changed, passage.prefix, passage.suffix, passage.start, "en", "0.9")
        found, refused = anchor(passage, OLD, current=not earlier, where="III.a.1 (en)")
        if refused is not None:
            assert not earlier and refused.startswith("passage: the words occur"), (i, refused)
            outcomes["refused"] = outcomes.get("refused", 0) + 1
            continue
        assert found is not None
        outcomes[found.how] = outcomes.get(found.how, 0) + 1
        if found.how == EARLIER:
            assert earlier and found.start is None
        else:
            assert found.start is not None and found.end is not None
            assert found.start == passage.start and found.words == OLD[found.start : found.end], (i, found)
    elapsed = time.perf_counter() - began
    print(f"5,000 passages anchored in {elapsed:.2f} s: {outcomes}")
    assert outcomes[FOUND] + outcomes.get("refused", 0) >= 2500 and outcomes[FOUND_AGAIN] > 0


def test_two_hundred_overlapping_passages_go_through_the_whole_check(tmp_path: Path) -> None:
    files = {}
    for i in range(200):
        start, size = (i * 7) % (len(OLD) - 1), 1 + (i * 13) % 300
        files[f"fixture-overlap-{i:03d}.md"] = comment_file(
            taken(OLD, OLD[start : start + size], version="1.0"), number=i
        )
    comments, problems = check(files, tmp_path, wording=TODAY)
    assert all("passage: the words occur" in p for p in problems), problems[:3]
    assert len(comments) + len(problems) == 200
    assert all(c.anchor is not None and c.anchor.how == FOUND for c in comments)


def test_the_text_a_reader_sees_is_the_text_the_edition_publishes(built_site: Path) -> None:
    """The passages' texts are the words each language's edition data gives (read from the built pages)."""
    for lang in ("en", "fr", "es"):
        document = json.loads((built_site / "data" / f"edition-{lang}.json").read_text(encoding="utf-8"))
        for paragraph in document["paragraphs"]:
            assert TEXTS[(paragraph["id"], lang)] == paragraph["text"], (lang, paragraph["id"])
        for provision in document["provisions"]:
            assert TEXTS[(provision["id"], lang)] == normal(provision["text"]).strip(), (lang, provision["id"])


# ---------------------------------------------------------------------------------------------
# The editors' disposition


@pytest.mark.parametrize(
    ("status", "extra", "expected"),
    [
        ("accepted", 'response: "Fixture response."', None),
        ("partly-accepted", 'response: "Fixture response."\nresponse_fr: "Réponse fictive."', None),
        ("deferred", 'response: "Fixture response."\nresolved_in: editors', None),
        ("out-of-scope", 'response: "Fixture response."\nresolved_in: "https://example.org/minutes#fixture"', None),
        ("withdrawn", 'response: "Fixture response."\ncommenter_agreed: true', None),
        ("declined", "", "comments/x.md:8: response: a comment declined needs the editors' response in English"),
        (
            "open",
            "commenter_agreed: false",
            "comments/x.md:9: commenter_agreed: said of a decision only; this comment is open",
        ),
        (
            "accepted",
            'response: "Fixture."\nresolved_in: "javascript:alert(1)"',
            "comments/x.md:10: resolved_in: contains characters",
        ),
        ("hidden", "", None),
        ("rejected", "", "comments/x.md:8: status: 'rejected' is not one of"),
    ],
    ids=[
        "accepted",
        "partly-accepted",
        "deferred",
        "out-of-scope",
        "withdrawn",
        "no-response",
        "agreed-while-open",
        "bad-link",
        "hidden",
        "unknown",
    ],
)
def test_the_disposition_fields(tmp_path: Path, status: str, extra: str, expected: str | None) -> None:
    comments, problems = check({"x.md": comment_file(None, extra=extra, status=status)}, tmp_path, wording=TODAY)
    if expected is None:
        assert problems == [] and comments[0].status == status
    else:
        assert any(p.startswith(expected) for p in problems), problems


NEW_OPEN = comment_file(None)


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (
            None,
            comment_file(None, extra='response_fr: "Fixture."'),
            "comments/x.md:9: response_fr: only the editors set response_fr; delete this field",
        ),
        (
            None,
            comment_file(None, extra="resolved_in: editors"),
            "comments/x.md:9: resolved_in: only the editors set resolved_in; delete this field",
        ),
        (
            None,
            comment_file(None, extra="commenter_agreed: true"),
            "comments/x.md:9: commenter_agreed: only the editors set commenter_agreed; delete this field",
        ),
        (
            NEW_OPEN,
            comment_file(None, extra="commenter_agreed: true"),
            "comments/x.md:9: commenter_agreed: changed; only the editors change commenter_agreed",
        ),
    ],
    ids=["new-response-fr", "new-resolved-in", "new-agreed", "agreed-added"],
)
def test_contributors_cannot_set_the_disposition(before: str | None, after: str, expected: str) -> None:
    assert [str(p) for p in editors_field_problems("comments/x.md", before=before, after=after)] == [expected]


def test_a_contributor_may_add_a_passage() -> None:
    after = comment_file(taken(IV_B_17, "parenting-skills training", version="1.0"), target="IV.b.17")
    assert editors_field_problems("comments/x.md", before=None, after=after) == []


def test_the_edition_data_schema_allows_every_published_status() -> None:
    data_schema = yaml.safe_load((ROOT / "data" / "schemas" / "edition-data.schema.yml").read_text(encoding="utf-8"))
    published = data_schema["properties"]["comments"]["items"]["properties"]["status"]["enum"]
    assert sorted(published) == sorted(set(SCHEMA["properties"]["status"]["enum"]) - {"hidden"})
