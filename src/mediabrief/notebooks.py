"""Execute a notebook with parameters (papermill's convention), naming the notebook and cell that fails.

The source notebook stays free of outputs; the executed copy is written only when every cell ran, so a failed
run never replaces a good one. A failed run leaves ``<name>.failed.ipynb`` beside it for inspection.

The cells run in this process, in an IPython shell of their own, not in a Jupyter kernel: a kernel costs a second
process, its own start-up and messaging, about two seconds per notebook, which was most of the build's wait for a
small corpus. The outputs are the same ones a kernel gives (IPython formats them either way: its display hook,
its ``display()``, its tracebacks), so the rendered HTML is byte for byte what nbclient and ipykernel produced.
Every notebook still runs top to bottom in JupyterLab's kernel as before. The ``run-notebook`` command runs each
notebook in a fork of the build's warm process (:mod:`mediabrief.watch`), or in a process of its own: either way it
starts from the imports alone, with nothing of another notebook. A caller running several notebooks in one process
shares their imports but not their variables (each gets a fresh namespace), and the global settings a notebook changes
(pandas display options, matplotlib's style) stay changed, as they would in one kernel.
"""

from __future__ import annotations

import io
import json
import os
import sys
import warnings
from contextlib import contextmanager
from pathlib import Path

import nbformat

from .files import atomic_path

PARAMETERS_TAG = "parameters"
INJECTED_TAG = "injected-parameters"
# Set (to anything) by the tests' gallery builds: a warning in any cell fails the build like an exception, so nothing
# Python prints (a UserWarning, a RuntimeWarning, a pandas FutureWarning) can reach a reader's page unnoticed.
# Deprecations inside libraries stay warnings (they are the libraries' business); those our code triggers are errors.
WARNINGS_AS_ERRORS_ENV = "MEDIABRIEF_WARNINGS_AS_ERRORS"
WARNINGS_AS_ERRORS_SOURCE = (
    "import warnings\n"
    "warnings.simplefilter('error')\n"
    "warnings.filterwarnings('default', category=DeprecationWarning)\n"
    "warnings.filterwarnings('default', category=PendingDeprecationWarning)\n"
    # ... except those our own code triggers (pandas' Pandas4Warning is a DeprecationWarning, pointed at the caller).
    "warnings.filterwarnings('error', category=DeprecationWarning, module=r'mediabrief|__main__')"
)


class NotebookError(Exception):
    """A notebook cell failed; the message names the notebook, the cell and the error."""


def inject_parameters(nb: nbformat.NotebookNode, parameters: dict) -> nbformat.NotebookNode:
    """Add a cell setting ``parameters`` right after the cell tagged 'parameters' (or first), as papermill does."""
    lines = [f"{name} = {value!r}" for name, value in parameters.items()]
    if os.environ.get(WARNINGS_AS_ERRORS_ENV):
        lines.append(WARNINGS_AS_ERRORS_SOURCE)
    cell = nbformat.v4.new_code_cell("# Parameters injected by the build\n" + "\n".join(lines))
    cell.metadata["tags"] = [INJECTED_TAG]
    cell.id = INJECTED_TAG  # a fixed id, not a random one: two builds of the same inputs give the same bytes
    tagged = [i for i, c in enumerate(nb.cells) if PARAMETERS_TAG in c.get("metadata", {}).get("tags", [])]
    nb.cells.insert(tagged[0] + 1 if tagged else 0, cell)
    return nb


def _describe(nb: nbformat.NotebookNode, index: int) -> str:
    code_cells = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and INJECTED_TAG not in c.metadata.get("tags", [])]
    injected_before = sum(1 for c in nb.cells[:index] if INJECTED_TAG in c.metadata.get("tags", []))
    source = nb.cells[index].source.strip().splitlines()
    first = source[0] if source else ""
    number = index + 1 - injected_before
    code_number = code_cells.index(index) + 1 if index in code_cells else 0
    return f"cell {number} (code cell {code_number}): {first[:80]}"


def _as_json(value):
    """What a value becomes after a trip through the kernel's JSON messages (tuples become lists, bytes base64)."""
    from jupyter_client.jsonutil import json_default

    return json.loads(json.dumps(value, default=json_default))


class _CellOutputs:
    """The outputs of the cell running now, in the order they happen; text written to a stream joins the last
    output if that is the same stream, as the kernel's buffered streams arrive."""

    def __init__(self) -> None:
        self.outputs: list = []

    def stream(self, name: str, text: str) -> None:
        if not text:
            return
        last = self.outputs[-1] if self.outputs else None
        if last is not None and last.output_type == "stream" and last.name == name:
            last.text += text
        else:
            self.outputs.append(nbformat.v4.new_output("stream", name=name, text=text))

    def add(self, output_type: str, **content) -> None:
        self.outputs.append(nbformat.v4.new_output(output_type, **_as_json(content)))


class _StreamToCell(io.TextIOBase):
    """sys.stdout or sys.stderr while a cell runs: what the cell prints becomes a stream output."""

    def __init__(self, cell: _CellOutputs, name: str) -> None:
        self.cell, self.name = cell, name

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.cell.stream(self.name, text)
        return len(text)


def _make_shell(cell: _CellOutputs):
    """An IPython shell whose results, displays and tracebacks become outputs of ``cell``, as ipykernel's do."""
    from IPython.core.displayhook import DisplayHook
    from IPython.core.displaypub import DisplayPublisher
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets import Type
    from traitlets.config import Config

    class CellDisplayHook(DisplayHook):
        """A cell's last value: an ``execute_result`` (ipykernel's ZMQShellDisplayHook, without the socket)."""

        def start_displayhook(self):
            self.format_data = None

        def write_output_prompt(self):
            pass

        def write_format_data(self, format_dict, md_dict=None):
            self.format_data = (format_dict, md_dict or {})

        def finish_displayhook(self):
            if self.format_data is not None:
                data, metadata = self.format_data
                cell.add("execute_result", data=data, metadata=metadata, execution_count=self.prompt_count)
            self.format_data = None

    class CellDisplayPublisher(DisplayPublisher):
        """``display(...)``: a ``display_data`` output (ipykernel's ZMQDisplayPublisher, without the socket)."""

        def publish(self, data, metadata=None, source=None, *, transient=None, update=False, **kwargs):
            cell.add("display_data", data=data, metadata=metadata or {})

        def clear_output(self, wait=False):
            cell.outputs.clear()

    class CellShell(InteractiveShell):
        """IPython without a terminal: tracebacks become ``error`` outputs, as in ipykernel's ZMQInteractiveShell."""

        error = None

        displayhook_class = Type(CellDisplayHook)
        display_pub_class = Type(CellDisplayPublisher)

        def _showtraceback(self, etype, evalue, stb):
            self.error = (etype.__name__, str(evalue))
            cell.add("error", ename=etype.__name__, evalue=str(evalue), traceback=stb)

    # No history file in the user's ~/.ipython: a build leaves nothing behind outside its folders.
    config = Config({"HistoryManager": {"hist_file": ":memory:"}, "InteractiveShell": {"colors": "nocolor"}})
    CellShell.clear_instance()
    return CellShell.instance(config=config)


# pandas picks this default when it is imported inside a Jupyter kernel ("display.max_columns: 0 in a terminal,
# 20 otherwise", pandas' options reference): tables print as they do in JupyterLab, not cut to a terminal's width.
KERNEL_PANDAS_OPTIONS = {"display.max_columns": 20}


@contextmanager
def _running_in(folder: Path, cell: _CellOutputs):
    """Run in ``folder`` (as a kernel started for the notebook does) with the cell's streams and a kernel's pandas
    defaults; restore all three after."""
    import pandas as pd

    saved = os.getcwd(), sys.stdout, sys.stderr, sys.displayhook
    os.chdir(folder)
    sys.stdout, sys.stderr = _StreamToCell(cell, "stdout"), _StreamToCell(cell, "stderr")
    try:
        # The notebook's warning filters (the gallery's warnings-as-errors) end with it, as a kernel's would.
        with warnings.catch_warnings(), pd.option_context(*(item for pair in KERNEL_PANDAS_OPTIONS.items() for item in pair)):
            yield
    finally:
        os.chdir(saved[0])
        sys.stdout, sys.stderr, sys.displayhook = saved[1:]


def run_cells(nb: nbformat.NotebookNode, folder: Path, name: str) -> nbformat.NotebookNode:
    """Run the code cells of ``nb`` in order in a fresh IPython namespace, filling in their outputs.

    Raises :class:`NotebookError` naming ``name`` and the failing cell; ``nb`` then holds the outputs up to it.
    """
    cell_outputs = _CellOutputs()
    with _running_in(folder, cell_outputs):
        shell = _make_shell(cell_outputs)
        try:
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                cell_outputs.outputs = cell.outputs = []
                if not cell.source.strip():  # nbclient does not send an empty cell to the kernel either
                    cell.execution_count = None
                    continue
                shell.error = None
                result = shell.run_cell(cell.source, store_history=True)
                cell.execution_count = result.execution_count
                if not result.success:
                    ename, evalue = shell.error or ("Error", str(result.error_before_exec or result.error_in_exec))
                    raise NotebookError(f"{name} failed at {_describe(nb, index)}\n  {ename}: {evalue}")
        finally:
            shell.clear_instance()
    return nb


def execute_notebook(source: str | Path, executed: str | Path, parameters: dict | None = None) -> Path:
    """Run ``source`` top to bottom with ``parameters`` in a fresh namespace; write the executed copy to ``executed``."""
    source, executed = Path(source), Path(executed)
    nb = execute(source, parameters, executed)
    with atomic_path(executed) as partial:
        nbformat.write(nb, str(partial))
    return executed


def execute(source: str | Path, parameters: dict | None = None, executed: str | Path | None = None) -> nbformat.NotebookNode:
    """The executed notebook of ``source`` with ``parameters``, in memory; a failure leaves ``<executed>.failed.ipynb``."""
    source = Path(source)
    nb = inject_parameters(nbformat.read(str(source), as_version=4), parameters or {})
    failed = Path(executed).with_suffix(".failed.ipynb") if executed else None
    from .plotting import svgs_written_alongside

    try:
        with svgs_written_alongside():
            run_cells(nb, source.parent.resolve(), source.name)
    except NotebookError as error:
        if failed is None:
            raise
        failed.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, str(failed))
        raise NotebookError(f"{error}\n  The executed copy up to the error is in {failed}") from None
    if failed is not None:
        failed.unlink(missing_ok=True)
    return nb
