import json
from pathlib import Path

import nbformat
import pytest

from mediabrief.config import NOTEBOOKS_DIR
from mediabrief.notebooks import NotebookError, execute_notebook

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))


def test_there_are_notebooks():
    assert {p.name for p in NOTEBOOKS} >= {"01_articles.ipynb", "briefing.ipynb"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_are_committed_without_outputs(path):
    for cell in json.loads(path.read_text())["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_take_the_corpus_and_output_folders_as_parameters(path):
    nb = nbformat.read(str(path), as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    assert "corpus_dir = None" in tagged[0].source and "out_dir = None" in tagged[0].source


def _notebook(path: Path, *sources: str) -> Path:
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell("greeting = 'default'")
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, *(nbformat.v4.new_code_cell(s) for s in sources)]
    nbformat.write(nb, str(path))
    return path


def test_parameters_are_injected_after_the_parameters_cell(tmp_path):
    source = _notebook(tmp_path / "hello.ipynb", "print(greeting)")
    executed = execute_notebook(source, tmp_path / "out" / "hello.ipynb", {"greeting": "from the build"})
    outputs = nbformat.read(str(executed), as_version=4).cells[-1].outputs
    assert outputs[0]["text"].strip() == "from the build"


def test_a_failing_cell_names_the_notebook_and_the_cell_and_keeps_no_executed_copy(tmp_path):
    source = _notebook(tmp_path / "broken.ipynb", "x = 1", "raise ValueError('bad corpus value')", "y = 2")
    with pytest.raises(NotebookError) as failure:
        execute_notebook(source, tmp_path / "out" / "broken.ipynb", {})
    message = str(failure.value)
    assert "broken.ipynb failed at cell 3 (code cell 3): raise ValueError" in message
    assert "ValueError: bad corpus value" in message
    assert not (tmp_path / "out" / "broken.ipynb").exists()
    assert (tmp_path / "out" / "broken.failed.ipynb").exists()


def test_with_warnings_as_errors_a_warning_fails_the_cell_that_raised_it(tmp_path, monkeypatch):
    from mediabrief.notebooks import WARNINGS_AS_ERRORS_ENV

    source = _notebook(tmp_path / "warns.ipynb", "import warnings", "warnings.warn('a non-positive limit')", "y = 2")
    execute_notebook(source, tmp_path / "out" / "quiet.ipynb", {})  # without the setting, a warning is printed, not fatal
    monkeypatch.setenv(WARNINGS_AS_ERRORS_ENV, "1")
    with pytest.raises(NotebookError) as failure:
        execute_notebook(source, tmp_path / "out" / "warns.ipynb", {})
    assert "warns.ipynb failed at cell 3 (code cell 3): warnings.warn" in str(failure.value)
    assert "UserWarning: a non-positive limit" in str(failure.value)
