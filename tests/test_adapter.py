"""The one adapter (hooks/build.py): the only hook, its events at the priorities it states, no feature a hook."""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from mkdocs.plugins import PluginCollection

ROOT = Path(__file__).resolve().parent.parent
HOOKS = ROOT / "hooks"
ADAPTER = HOOKS / "build.py"


def _adapter() -> ModuleType:
    spec = importlib.util.spec_from_file_location("edition_adapter_under_test", ADAPTER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(HOOKS))  # as MkDocs does while it loads a hook: the features import each other
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(HOOKS))
    return module


def _hooks_listed() -> list[str]:
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_constructor("!ENV", lambda _loader, _node: None)
    hooks = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=loader)["hooks"]
    return [str(hook) for hook in hooks]


def test_mkdocs_lists_one_hook_the_adapter() -> None:
    assert _hooks_listed() == ["hooks/build.py"]


# Why: MkDocs takes every top-level on_* of a listed hook as an event; a feature defining one would be
# an event again the day someone lists it, and an order outside the adapter.
@pytest.mark.parametrize("path", sorted(p for p in HOOKS.glob("*.py") if p != ADAPTER), ids=lambda p: p.name)
def test_no_feature_is_a_hook_or_keeps_a_module_level_state(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    events = [n.name for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.startswith("on_")]
    decorated = [
        n.name
        for n in ast.walk(tree)
        if isinstance(n, ast.FunctionDef) and any("event_priority" in ast.unparse(d) for d in n.decorator_list)
    ]
    states = [
        ast.unparse(n)
        for n in tree.body
        if isinstance(n, ast.Assign) and isinstance(n.value, ast.Call) and ast.unparse(n.value.func) == "BuildState"
    ]
    assert (events, decorated, states) == ([], [], [])


# Why: the adapter holds the language being built and hands it to the features; a feature reading it from the
# theme again would act for whichever language mkdocs-static-i18n set last.
def test_only_the_adapter_asks_which_language_is_being_built() -> None:
    callers = set()
    for path in HOOKS.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and ast.unparse(n.func) == "current_language"]
        if calls:
            callers.add(path.name)
    assert callers == {"build.py"}


# Priorities only where another plugin forces them: mkdocs-static-i18n's on_files and on_post_build (-100),
# Material's search on_page_context (0).
@pytest.mark.parametrize(
    ("event", "priorities"),
    [
        ("config", [0]),
        ("pre_build", [0]),
        ("files", [-200]),
        ("nav", [0]),
        ("page_markdown", [0]),
        ("page_content", [0]),
        ("env", [0]),
        ("page_context", [-50]),
        ("post_template", [0]),
        ("post_build", [0, -200]),
        ("startup", [0]),
        ("serve", [0]),
        ("build_error", [0]),
    ],
)
def test_the_adapters_events_run_at_the_priorities_it_states(event: str, priorities: list[int]) -> None:
    plugins = PluginCollection()
    plugins["hooks/build.py"] = _adapter()  # type: ignore[assignment]  # a hook module, as MkDocs registers it
    found = [getattr(method, "mkdocs_priority", 0) for method in plugins.events[event]]
    assert found == priorities
