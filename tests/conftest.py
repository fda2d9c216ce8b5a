"""Shared fixtures: the seed corpus, gold tables, hand-made corpora, and a network guard."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import pandas as pd
import pytest

from mediabrief.config import RAW_DIR

GOLD_DIR = Path(__file__).parent / "gold"


@pytest.fixture
def gold():
    """Read a gold table by name, all values as text (empty cells as '')."""
    return lambda name: pd.read_csv(GOLD_DIR / name, dtype=str, keep_default_na=False)


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """A copy of the seed corpus, to change without touching data/raw."""
    target = tmp_path / "seeds"
    shutil.copytree(RAW_DIR, target)
    return target


def write_corpus(folder: Path, articles: dict[str, str | bytes], metadata: str | None = None) -> Path:
    """Write a small corpus: file name -> text (or bytes), and an optional metadata.csv text."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in articles.items():
        path = folder / name
        path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content, encoding="utf-8")
    if metadata is not None:
        (folder / "metadata.csv").write_text(metadata, encoding="utf-8")
    return folder


class NetworkAttempt(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    """Fail any attempt to open a network connection or resolve a name in this process (AF_UNIX stays allowed)."""

    def refuse(*args, **kwargs):
        raise NetworkAttempt(f"network access attempted: {args[:2]}")

    real_socket = socket.socket

    class GuardedSocket(real_socket):
        def connect(self, address):
            if self.family == socket.AF_UNIX:
                return super().connect(address)
            refuse(address)

        def connect_ex(self, address):
            if self.family == socket.AF_UNIX:
                return super().connect_ex(address)
            refuse(address)

    monkeypatch.setattr(socket, "socket", GuardedSocket)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    import nltk

    monkeypatch.setattr(nltk, "download", refuse)
    yield


# Figures the tests measure against gold tables, printed at the end of every run (make test) so that a reader of the
# log sees them without -s: agreement, kappa, accuracies on the development corpus and the seeds.
_MEASURED: list[str] = []


@pytest.fixture
def measured():
    """Append a line to the end-of-run report of figures measured against gold tables."""
    return _MEASURED.append


def pytest_terminal_summary(terminalreporter):
    if _MEASURED:
        terminalreporter.section("measured against hand-made gold tables")
        for line in _MEASURED:
            terminalreporter.write_line(line)
