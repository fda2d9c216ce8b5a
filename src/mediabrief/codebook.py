"""The codebook: what the engine knows about one story, as YAML files in one folder (``data/codebook/``).

Each file holds one or more top-level sections (``story``, ``money``, …); :func:`load_codebook` merges them.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .config import CODEBOOK_DIR

# libyaml's loader where PyYAML was built with it (the wheels are): the same documents, read ten times faster, which is
# 0.2 s of every build step that reads the codebook. tests/test_codebook.py checks both read the codebook alike.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class CodebookError(Exception):
    """The codebook cannot be used; the message names the file and the fix."""


def _read_yaml(path: Path) -> dict:
    try:
        content = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as error:
        raise CodebookError(f"{path}: not valid YAML ({error}). Compare with the same file in data/codebook/.") from None
    if content is None:
        return {}
    if not isinstance(content, dict):
        raise CodebookError(f"{path}: must hold named sections (e.g. 'story:'), not a {type(content).__name__}.")
    return content


def load_codebook(path: str | Path | None = None) -> dict:
    """Read a codebook folder (the project's by default), or a single YAML file, into one dict of sections."""
    source = Path(path) if path else CODEBOOK_DIR
    if source.is_dir():
        files = sorted(source.glob("*.yaml"))
    elif source.is_file():
        files = [source]
    else:
        raise CodebookError(f"{source}: no such codebook folder or file. Copy data/codebook/ and adapt it.")
    codebook: dict = {}
    origin: dict[str, Path] = {}
    for file in files:
        for section, content in _read_yaml(file).items():
            if section in codebook:
                raise CodebookError(f"{file}: section '{section}' is already defined in {origin[section]}. Keep one of them.")
            codebook[section], origin[section] = content, file
    story = codebook.get("story")
    if not isinstance(story, dict):
        raise CodebookError(f"{source}: needs a 'story:' section with 'title' and 'subject' (see data/codebook/story.yaml).")
    for key in ("title", "subject"):
        if not str(story.get(key) or "").strip():
            raise CodebookError(f"{origin['story']}: story.{key} is empty. Give the briefing's {key} there.")
    return codebook
