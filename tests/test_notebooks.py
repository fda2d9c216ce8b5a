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


def _kernel_outputs(nb: nbformat.NotebookNode, folder: Path) -> list:
    """What a real Jupyter kernel gives for ``nb`` (nbclient and ipykernel, as JupyterLab runs it)."""
    from nbclient import NotebookClient

    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
    return [(c.execution_count, c.outputs) for c in nb.cells if c.cell_type == "code"]


def test_cells_run_here_give_the_outputs_a_jupyter_kernel_gives(tmp_path):
    # Results, display() calls, prints around them, a wide table's plain text (pandas formats it for a notebook,
    # not a terminal), an image with metadata and a value hidden by a semicolon: byte for byte as the kernel.
    source = _notebook(
        tmp_path / "outputs.ipynb",
        "import pandas as pd\nfrom IPython.display import HTML, Image, Markdown, display",
        "wide = pd.DataFrame({f'column_{i}': [i * 1000.5] * 3 for i in range(30)})\nwide",
        "print('before'); display(Markdown(f'**{greeting}**')); print('after'); print('again')",
        "import base64\npng = base64.b64decode('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9'\n"
        "    'awAAAABJRU5ErkJggg==')\n"
        "Image(data=png, format='png', metadata={'alt': 'one pixel'}, width=10)",
        "display(HTML('<b>x</b>')); 1 + 1",
        "wide.shape;",
        "import sys; print('to stderr', file=sys.stderr)",
    )
    ours = nbformat.read(str(execute_notebook(source, tmp_path / "out" / "outputs.ipynb", {"greeting": "hi"})), as_version=4)
    theirs = nbformat.read(str(source), as_version=4)
    from mediabrief.notebooks import inject_parameters

    expected = _kernel_outputs(inject_parameters(theirs, {"greeting": "hi"}), tmp_path)
    got = [(c.execution_count, c.outputs) for c in ours.cells if c.cell_type == "code"]
    assert got == expected


def test_a_failing_cell_keeps_its_error_as_an_output_in_the_failed_copy(tmp_path):
    source = _notebook(tmp_path / "broken.ipynb", "print('so far')", "1 / 0")
    with pytest.raises(NotebookError, match="ZeroDivisionError"):
        execute_notebook(source, tmp_path / "out" / "broken.ipynb", {})
    failed = nbformat.read(str(tmp_path / "out" / "broken.failed.ipynb"), as_version=4)
    outputs = [o for c in failed.cells if c.cell_type == "code" for o in c.outputs]
    assert [o.output_type for o in outputs] == ["stream", "error"] and outputs[-1].ename == "ZeroDivisionError"


def test_the_build_skips_rfc3987_syntax_and_notebooks_still_read_and_validate():
    # python -m mediabrief tells Python the optional rfc3987_syntax is absent (its import compiles a grammar: 2 s per
    # build step). Written against jsonschema 4.26.0: this fails if jsonschema (under nbformat) stops treating it as
    # optional, or nbformat or nbconvert starts needing it.
    import subprocess
    import sys

    check = (
        "import sys; sys.modules.setdefault('rfc3987_syntax', None)\n"
        "import nbformat, jsonschema\nfrom nbconvert.exporters import HTMLExporter\n"
        "nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('1')]); nbformat.validate(nb)\n"
        "HTMLExporter().from_notebook_node(nb)\n"
        "assert 'lark' not in sys.modules, 'something else compiles a Lark grammar'\n"
    )
    result = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    main = (NOTEBOOKS_DIR.parent / "src" / "mediabrief" / "__main__.py").read_text()
    assert main.index("rfc3987_syntax") < main.index("from .cli import main")


def test_with_warnings_as_errors_a_warning_fails_the_cell_that_raised_it(tmp_path, monkeypatch):
    from mediabrief.notebooks import WARNINGS_AS_ERRORS_ENV

    source = _notebook(tmp_path / "warns.ipynb", "import warnings", "warnings.warn('a non-positive limit')", "y = 2")
    with pytest.warns(UserWarning, match="a non-positive limit"):  # without the setting, a warning is a warning, not fatal
        execute_notebook(source, tmp_path / "out" / "quiet.ipynb", {})
    monkeypatch.setenv(WARNINGS_AS_ERRORS_ENV, "1")
    with pytest.raises(NotebookError) as failure:
        execute_notebook(source, tmp_path / "out" / "warns.ipynb", {})
    assert "warns.ipynb failed at cell 3 (code cell 3): warnings.warn" in str(failure.value)
    assert "UserWarning: a non-positive limit" in str(failure.value)
