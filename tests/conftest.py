"""Shared fixtures: the seed corpus, gold tables, hand-made corpora, and a network guard."""

from __future__ import annotations

import shutil
import socket
import subprocess
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from mediabrief.config import PROJECT_ROOT, RAW_DIR

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


def offline_prefix() -> list[str]:
    """`unshare -rn`: a new network namespace with no interface up, so nothing can reach any network."""
    if shutil.which("unshare") and subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode == 0:
        return ["unshare", "-rn"]
    return []


@pytest.fixture(scope="session")
def build_briefing(tmp_path_factory) -> Callable[..., Path]:
    """``build_briefing(corpus, codebook=None)``: the OUT folder of `make -j2 briefing` for that corpus, built offline
    (where the OS allows) once per test session: tests that read the same corpus's briefing share one build.

    A clean build of a small corpus takes seconds (executing notebooks in one process each, rendering in the same);
    tests that need a build of their own (one that changes a file) should use a corpus folder of their own.
    """
    built: dict[tuple[str, str], Path] = {}

    def build(corpus: Path, codebook: Path | None = None) -> Path:
        key = (str(Path(corpus).resolve()), str(Path(codebook).resolve()) if codebook else "")
        if key not in built:
            out = tmp_path_factory.mktemp(f"briefing_{Path(corpus).name}")
            variables = [f"OUT={out}", f"CORPUS={Path(corpus).resolve()}"] + ([f"CODEBOOK={Path(codebook).resolve()}"] if codebook else [])
            command = [*offline_prefix(), "make", "-j2", "-C", str(PROJECT_ROOT), "briefing", *variables]
            result = subprocess.run(command, capture_output=True, text=True, timeout=900)
            assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
            built[key] = out
        return built[key]

    build.offline = bool(offline_prefix())
    return build


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
