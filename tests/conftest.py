"""Shared fixtures: the seed corpus, gold tables, hand-made corpora, and a network guard."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
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
    if _GALLERY_TIMES:
        terminalreporter.section("gallery builds (tests/test_gallery.py)")
        for line in _GALLERY_TIMES:
            terminalreporter.write_line(line)


# --- The gallery: the briefing built for four corpora, once per session -------------------------------------------------

_GALLERY_TIMES: list[str] = []
DEV_CORPUS = Path(__file__).parent / "dev_corpus"


# One article whose text and metadata try to become code (script tags, HTML, Markdown, LaTeX), with no money: the
# briefing must still render every section, and show them as text.
HOSTILE_TEXT = (
    "<script>alert(1)</script> The council met on Tuesday to discuss the harbour. <img src=x onerror=alert(2)> "
    "Members argued about *bold* plans, __underscores__, $$x^2$$, \\textbf{LaTeX} & {braces} # and a hash.\n"
    "[Click here](javascript:alert(3)) to read <b>more</b>. The meeting ended late, and nobody agreed on anything at all.\n"
)
HOSTILE_METADATA = (
    "file,outlet,url,published,title,author\n"
    "hostile.txt,<b>Evil</b> & Co <script>alert(4)</script>,javascript:alert(5),2025-06-05,"
    '"<img src=x onerror=alert(6)> *Title* $\\frac{1}{2}$",Jane <i>Doe</i>\n'
)


def gallery_corpora(folder: Path) -> dict[str, Path]:
    """The gallery's corpora: the seeds; one hostile article (HOSTILE_TEXT); the development corpus (128 articles);
    50 articles generated from the seeds (benchmarks/generate_corpus.py)."""
    one = folder / "one_article"
    one.mkdir(parents=True)
    (one / "hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (one / "metadata.csv").write_text(HOSTILE_METADATA, encoding="utf-8")
    sys.path.insert(0, str(PROJECT_ROOT / "benchmarks"))
    try:
        from generate_corpus import generate
    finally:
        sys.path.pop(0)
    return {"seeds": RAW_DIR, "one_article": one, "dev_corpus": DEV_CORPUS, "generated_50": generate(folder / "generated_50", 50)}


def pytest_collection_modifyitems(items):
    """The tests that read the gallery run last: its builds start with the session (`gallery_builds`) and run while the
    other tests do, so by the time these tests need them they are done or nearly."""
    items.sort(key=lambda item: "gallery" in getattr(item, "fixturenames", ()))  # a stable sort keeps each group's order


@pytest.fixture(scope="session", autouse=True)
def gallery_builds(request, tmp_path_factory) -> Iterator[dict | None]:
    """Start building each gallery corpus (`make briefing`, side by side), with warnings as errors and every figure
    checked for overlapping text, if any selected test reads the gallery; None if none does. Started before the first
    test, not waited for: `gallery` waits."""
    if not any("gallery" in getattr(item, "fixturenames", ()) for item in request.session.items):
        yield None
        return
    corpora = gallery_corpora(tmp_path_factory.mktemp("gallery_corpora"))
    env = {**os.environ, "MEDIABRIEF_WARNINGS_AS_ERRORS": "1", "MEDIABRIEF_CHECK_FIGURES": "1"}
    logs = tmp_path_factory.mktemp("gallery_logs")
    builds = {}
    for name, corpus in corpora.items():
        out = tmp_path_factory.mktemp(f"gallery_{name}")
        command = [*offline_prefix(), "make", "-j2", "-C", str(PROJECT_ROOT), "briefing", f"OUT={out}", f"CORPUS={corpus}"]
        log_path = logs / f"{name}.log"
        log = log_path.open("w")  # a file, not a pipe: a full pipe would stall a build nobody reads yet
        builds[name] = (
            out,
            log,
            log_path,
            subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True),
        )
    finished: dict[str, float] = {}  # name -> seconds from the start to the build's end, noted by a thread per build

    def note_end(name: str, process: subprocess.Popen) -> None:
        process.wait()
        finished[name] = time.perf_counter() - started

    started = time.perf_counter()
    for name, (_, _, _, process) in builds.items():
        threading.Thread(target=note_end, args=(name, process), daemon=True).start()
    yield {"started": started, "builds": builds, "finished": finished}
    for _, log, _, process in builds.values():  # a run stopped early (-x, Ctrl-C) leaves no build behind
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)  # the build's own session: make and the notebooks it runs
            process.wait()
        log.close()


@pytest.fixture(scope="session")
def gallery(gallery_builds) -> dict[str, Path]:
    """Each gallery corpus built once (started by `gallery_builds`), waited for here; the output folder of each by name.
    The builds' wall time is printed at the end of the run."""
    started, builds, finished = gallery_builds["started"], gallery_builds["builds"], gallery_builds["finished"]
    while len(finished) < len(builds):
        time.sleep(0.5)
        if time.perf_counter() - started > 1800:
            pytest.fail(f"gallery builds still running after 30 minutes: {sorted(set(builds) - set(finished))}")
    outs, failures = {}, []
    for name, (out, log, log_path, process) in builds.items():
        log.close()
        _GALLERY_TIMES.append(f"{name}: built in {finished[name]:.0f} s (side by side with the others and the other tests)")
        if process.returncode != 0:
            failures.append(f"{name}:\n{log_path.read_text(encoding='utf-8')[-3000:]}")
        outs[name] = out
    _GALLERY_TIMES.append(f"all {len(builds)} corpora: {max(finished.values()):.0f} s wall time")
    assert not failures, "\n\n".join(failures)
    return outs
