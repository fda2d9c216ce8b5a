"""The codebook: the story's title and subject (and, as analyses arrive, its cues, actors and claims), from YAML."""

from __future__ import annotations

from pathlib import Path

import yaml

from .config import CODEBOOK_PATH


class CodebookError(Exception):
    """The codebook cannot be used; the message names the file and the fix."""


def load_codebook(path: str | Path | None = None) -> dict:
    """Read a codebook YAML file (the project's by default) and check the parts every briefing needs."""
    source = Path(path) if path else CODEBOOK_PATH
    try:
        codebook = yaml.safe_load(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CodebookError(f"{source}: no such codebook. Copy data/codebook.yaml and adapt it.") from None
    except yaml.YAMLError as error:
        raise CodebookError(f"{source}: not valid YAML ({error}). Compare with data/codebook.yaml.") from None
    if not isinstance(codebook, dict) or not isinstance(codebook.get("story"), dict):
        raise CodebookError(f"{source}: needs a 'story:' section with 'title' and 'subject'. See data/codebook.yaml.")
    story = codebook["story"]
    for key in ("title", "subject"):
        if not str(story.get(key) or "").strip():
            raise CodebookError(f"{source}: story.{key} is empty. Give the briefing's {key} there.")
    return codebook
