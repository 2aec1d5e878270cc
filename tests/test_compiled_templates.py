"""The shared cache of compiled templates: compiled once across environments, again on a change."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from edition.shared.compiled_templates import CompiledTemplates


def _environment(folder: Path, cache: CompiledTemplates, compiled: list[str]) -> jinja2.Environment:
    class Counting(jinja2.Environment):
        def _compile(self, source: str, filename: str) -> object:  # every real compilation passes here
            compiled.append(filename)
            return super()._compile(source, filename)

    env = Counting(loader=jinja2.FileSystemLoader(str(folder)), autoescape=True)
    env.bytecode_cache = cache
    return env


@pytest.mark.parametrize(
    ("second_source", "expected_compilations", "expected_output"),
    [
        ("Hello {{ name }}!", 1, "Hello &lt;b&gt;!"),  # same source: the second environment reuses the code
        ("Bye {{ name }}.", 2, "Bye &lt;b&gt;."),  # changed source: compiled again, the new text shown
    ],
)
def test_compiled_once_across_environments(
    tmp_path: Path, second_source: str, expected_compilations: int, expected_output: str
) -> None:
    (tmp_path / "t.html").write_text("Hello {{ name }}!", encoding="utf-8")
    cache, compiled = CompiledTemplates(), []
    first = _environment(tmp_path, cache, compiled).get_template("t.html").render(name="<b>")
    assert first == "Hello &lt;b&gt;!"
    (tmp_path / "t.html").write_text(second_source, encoding="utf-8")
    second = _environment(tmp_path, cache, compiled).get_template("t.html").render(name="<b>")
    assert len(compiled) == expected_compilations
    assert second == expected_output
