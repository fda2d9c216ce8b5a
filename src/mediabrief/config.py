"""Where things are. Paths come from here, never from ``../data`` strings that work from one folder only."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
# src/mediabrief/config.py -> the repository root, for an editable install (the only supported one).
PROJECT_ROOT = PACKAGE_DIR.parents[1]
DATA_DIR = PROJECT_ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
CODEBOOK_DIR = DATA_DIR / "codebook"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
FIGURES_DIR = PROJECT_ROOT / "figures"
REPORTS_DIR = PROJECT_ROOT / "reports"
TEMPLATES_DIR = PACKAGE_DIR / "templates"


def resolve_dir(value: str | os.PathLike | None, default: Path) -> Path:
    """Turn a notebook parameter into an absolute folder: ``None`` or ``""`` means the project default.

    >>> resolve_dir(None, RAW_DIR) == RAW_DIR
    True
    """
    if value is None or str(value).strip() == "":
        return default
    return Path(value).expanduser().resolve()
