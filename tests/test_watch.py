"""`make watch` (mediabrief.watch): build steps handed to a warm process, run in its forks on the step's own terminal,
with the step's exit status; the inputs it watches; and the SVGs written in forks beside a notebook (mediabrief.plotting)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time

import nbformat
import pytest

from mediabrief.config import PROJECT_ROOT
from mediabrief.watch import BUILD_ENV, RUNNER_ENV, WarmRunner, _changed, build_server_path, modification_times, request_run


def _through_runner(runner: WarmRunner, *args: str) -> subprocess.CompletedProcess:
    """`python -m mediabrief ARGS` as make would start it under `make watch`, served by ``runner`` in this process."""
    env = {**os.environ, RUNNER_ENV: str(runner.path)}
    step = subprocess.Popen([sys.executable, "-m", "mediabrief", *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while step.poll() is None and time.monotonic() < deadline:
        runner.serve(0.05)
    out, err = step.communicate(timeout=10)
    return subprocess.CompletedProcess(step.args, step.returncode, out, err)


@pytest.fixture
def runner():
    served = WarmRunner()
    yield served
    served.close()


def _notebook(folder, *sources: str):
    path = folder / "small.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for source in sources]), path)
    return path


def test_without_a_watcher_a_step_runs_itself(monkeypatch, tmp_path):
    monkeypatch.delenv(RUNNER_ENV, raising=False)
    monkeypatch.delenv(BUILD_ENV, raising=False)
    assert request_run(["run-notebook"]) is None
    monkeypatch.setenv(RUNNER_ENV, str(tmp_path / "nobody-listens.sock"))
    assert request_run(["run-notebook"]) is None


def test_a_step_runs_in_the_watcher_and_writes_on_its_own_terminal(runner, tmp_path):
    source = _notebook(tmp_path, "print('from the notebook')", "6 * 7")
    result = _through_runner(runner, "run-notebook", str(source), str(tmp_path / "executed.ipynb"), "--html", str(tmp_path / "page.html"))
    assert result.returncode == 0, result.stderr
    assert f"wrote {tmp_path / 'page.html'}" in result.stdout
    outputs = {cell.source: cell.outputs for cell in nbformat.read(tmp_path / "executed.ipynb", as_version=4).cells}
    assert outputs["print('from the notebook')"][0]["text"] == "from the notebook\n"
    assert outputs["6 * 7"][0]["data"]["text/plain"] == "42"
    assert not runner.children or all(os.waitpid(pid, os.WNOHANG) for pid in runner.children)


def test_a_failing_cell_in_the_watcher_fails_the_step_naming_notebook_and_cell(runner, tmp_path):
    source = _notebook(tmp_path, "x = 1", "1 / 0")
    result = _through_runner(runner, "run-notebook", str(source), str(tmp_path / "executed.ipynb"))
    assert result.returncode == 2
    assert "small.ipynb failed at cell 2 (code cell 2): 1 / 0" in result.stderr and "ZeroDivisionError" in result.stderr
    assert not (tmp_path / "executed.ipynb").exists()


def test_a_step_does_not_see_what_the_previous_one_defined(runner, tmp_path):
    first = _through_runner(runner, "run-notebook", str(_notebook(tmp_path, "leftover = 1")), str(tmp_path / "a.ipynb"))
    second = _through_runner(runner, "run-notebook", str(_notebook(tmp_path, "leftover")), str(tmp_path / "b.ipynb"))
    assert first.returncode == 0 and second.returncode == 2 and "NameError" in second.stderr


def test_the_steps_of_one_build_share_a_process_that_ends_when_the_build_has(tmp_path, monkeypatch):
    monkeypatch.delenv(RUNNER_ENV, raising=False)
    work = tmp_path / "work"
    env = {key: value for key, value in os.environ.items() if key != RUNNER_ENV} | {BUILD_ENV: str(work)}
    steps = [
        [sys.executable, "-m", "mediabrief", "run-notebook", str(_notebook(tmp_path, "print(6 * 7)")), str(tmp_path / f"{name}.ipynb")]
        for name in ("first", "second")
    ]
    results = [subprocess.run(step, env=env, capture_output=True, text=True, timeout=120) for step in steps]
    assert [result.returncode for result in results] == [0, 0], [result.stderr for result in results]
    server = build_server_path(str(work))
    assert server.exists()  # still there for the next step of the build...
    deadline = time.monotonic() + 30
    while server.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not server.exists()  # ... and gone once no step has asked for a while
    assert "42" in (tmp_path / "second.ipynb").read_text()


def test_an_edit_is_seen_and_the_build_outputs_are_not_watched(tmp_path):
    (tmp_path / "codebook").mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "codebook" / "claims.yaml").write_text("claims: {}\n")
    (tmp_path / "out" / "claims.csv").write_text("a\n")
    before = modification_times([tmp_path], outputs=(tmp_path / "out",))
    assert list(before) == [str(tmp_path / "codebook" / "claims.yaml")]
    os.utime(tmp_path / "codebook" / "claims.yaml", ns=(1, before[str(tmp_path / "codebook" / "claims.yaml")] + 1_000_000))
    os.utime(tmp_path / "out" / "claims.csv", ns=(1, 1))
    assert _changed(before, modification_times([tmp_path], outputs=(tmp_path / "out",))) == [str(tmp_path / "codebook" / "claims.yaml")]


def test_under_the_watcher_an_analysis_notebooks_html_is_a_step_of_its_own(tmp_path):
    command = ["make", "-n", "-C", str(PROJECT_ROOT), "briefing", f"OUT={tmp_path / 'out'}"]
    alone = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    watched = subprocess.run(command, capture_output=True, text=True, check=True, env={**os.environ, RUNNER_ENV: "/nowhere"}).stdout
    assert "render html" not in alone and alone.count("--with-code") == 5
    assert watched.count("render html") == 5 and watched.count("run-notebook") == 6


# Run in a fresh interpreter: the test session has threads of its own (the gallery's builds), and a process with other
# threads writes its SVGs inline, not in forks.
FIGURE_SCRIPT = """
import os, sys
from pathlib import Path
import matplotlib.pyplot as plt
from mediabrief import plotting

def figure():
    plotting.apply_style()  # the project's style fixes the SVG's ids (svg.hashsalt), as for every chart of the build
    fig, axes = plt.subplots()
    axes.bar(["a", "b"], [1, 2])
    axes.set_title("Two bars")
    return fig

folder = Path(sys.argv[1])
plotting.save_figure(figure(), "inline", folder)
if sys.argv[2] == "unwritable":
    (folder / "ok.svg").mkdir()
try:
    with plotting.svgs_written_alongside():
        plotting.save_figure(figure(), "ok" if sys.argv[2] == "unwritable" else "forked", folder)
        print("forked" if plotting._SVG_WRITERS else "inline")
except OSError as error:
    print(error)
"""


def _save_figures(folder, case: str) -> str:
    result = subprocess.run([sys.executable, "-c", FIGURE_SCRIPT, str(folder), case], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_svgs_written_in_forks_are_the_svgs_written_inline(tmp_path):
    assert _save_figures(tmp_path, "forked").strip() == ("forked" if hasattr(os, "fork") else "inline")
    assert (tmp_path / "forked.svg").read_bytes() == (tmp_path / "inline.svg").read_bytes()
    assert (tmp_path / "forked.png").read_bytes() == (tmp_path / "inline.png").read_bytes()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="SVGs are written in forks only where os.fork exists")
def test_an_svg_that_cannot_be_written_in_its_fork_fails_the_run_naming_it(tmp_path):
    assert re.search(r"could not write .*ok\.svg", _save_figures(tmp_path, "unwritable"))
