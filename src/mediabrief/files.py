"""Writing outputs atomically: a reader never sees half a table, figure, notebook or report."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """A temporary path beside ``target`` to write to; renamed onto ``target`` if the block succeeds, removed if not.

    >>> import tempfile; folder = Path(tempfile.mkdtemp())
    >>> with atomic_path(folder / "t.csv") as partial:
    ...     _ = partial.write_text("a,b")
    >>> (folder / "t.csv").read_text(), [p.name for p in folder.iterdir()]
    ('a,b', ['t.csv'])
    """
    final = Path(target)
    final.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=final.parent, prefix=f".{final.name}.", suffix=".partial")
    os.close(handle)
    try:
        yield Path(temporary)
        os.replace(temporary, final)
    finally:
        Path(temporary).unlink(missing_ok=True)
