"""Execute a notebook with parameters (papermill's convention), naming the notebook and cell that fails.

The source notebook stays free of outputs; the executed copy is written only when every cell ran, so a failed
run never replaces a good one. A failed run leaves ``<name>.failed.ipynb`` beside it for inspection.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import nbformat
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from .files import atomic_path

PARAMETERS_TAG = "parameters"
INJECTED_TAG = "injected-parameters"
CELL_TIMEOUT_S = 900
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


def execute_notebook(source: str | Path, executed: str | Path, parameters: dict | None = None) -> Path:
    """Run ``source`` top to bottom in a fresh kernel with ``parameters``; write the executed copy to ``executed``."""
    source, executed = Path(source), Path(executed)
    nb = inject_parameters(nbformat.read(str(source), as_version=4), parameters or {})
    # The kernel talks to us over local IPC sockets, not TCP: no port is opened, not even on loopback.
    # Their paths start with `ip`, which must be absolute: the kernel runs in the notebook's folder.
    ipc_dir = Path(tempfile.mkdtemp(prefix="mediabrief-kernel-"))
    kernel = KernelManager(kernel_name="python3", transport="ipc", ip=str(ipc_dir / "kernel"))
    client = NotebookClient(
        nb,
        km=kernel,
        timeout=CELL_TIMEOUT_S,
        kernel_name="python3",
        resources={"metadata": {"path": str(source.parent)}},
    )
    failed = executed.with_suffix(".failed.ipynb")
    try:
        with client.setup_kernel():
            for index, cell in enumerate(nb.cells):
                try:
                    client.execute_cell(cell, index)
                except CellExecutionError as error:
                    executed.parent.mkdir(parents=True, exist_ok=True)
                    nbformat.write(nb, str(failed))
                    raise NotebookError(
                        f"{source.name} failed at {_describe(nb, index)}\n  {error.ename}: {error.evalue}\n"
                        f"  The executed copy up to the error is in {failed}"
                    ) from None
    finally:
        # nbclient leaves a kernel manager it did not create running; stop the kernel here.
        if kernel.has_kernel:
            kernel.shutdown_kernel(now=True)
        shutil.rmtree(ipc_dir, ignore_errors=True)
    failed.unlink(missing_ok=True)
    with atomic_path(executed) as partial:
        nbformat.write(nb, str(partial))
    return executed
