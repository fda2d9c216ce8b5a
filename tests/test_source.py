"""Checks on the package's source that a linter does not make."""

import ast
from collections import Counter
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "mediabrief"


@pytest.mark.parametrize("module", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_no_module_level_name_is_bound_twice(module):
    # A second `_PATTERN_RE = …` further down a long module silently replaces the first for every function that uses
    # it (ruff's F811 covers functions and imports, not assignments).
    tree = ast.parse(module.read_text(encoding="utf-8"))
    names = Counter(
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign | ast.AnnAssign)
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name)
    )
    names.update(node.name for node in tree.body if isinstance(node, ast.FunctionDef | ast.ClassDef))
    assert [name for name, count in names.items() if count > 1] == []
