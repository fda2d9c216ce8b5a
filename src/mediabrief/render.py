"""Render an executed notebook to HTML (code hidden) and to PDF through a system Chromium, with nbconvert.

nbconvert's WebPDFExporter prints its HTML with Playwright's own Chromium, which cannot be downloaded on air-gapped
machines. :class:`SystemChromiumPDFExporter` keeps nbconvert's HTML and its print route, but launches the browser
that :func:`find_browser` finds, and lets it load nothing but the local page.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
from nbconvert.exporters import HTMLExporter, WebPDFExporter
from traitlets import Unicode

from .config import TEMPLATES_DIR
from .files import atomic_path

BROWSER_ENV = "MEDIABRIEF_BROWSER"
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Chromium's own traffic (updates, metrics, safe browsing) is switched off: rendering needs no network.
BROWSER_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--no-first-run",
    "--disable-gpu",
    "--disable-quic",
]
FOOTER = (
    '<div style="width:100%;font-size:8px;color:#666;padding:0 12mm;display:flex;justify-content:space-between;">'
    '<span class="title"></span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>'
)


class RenderError(Exception):
    """Rendering failed; the message says what to install or fix."""


def find_browser() -> str | None:
    """The Chromium to print with: ``$MEDIABRIEF_BROWSER``, then chromium-like names on PATH, then Playwright's own."""
    if os.environ.get(BROWSER_ENV):
        path = shutil.which(os.environ[BROWSER_ENV]) or os.environ[BROWSER_ENV]
        return path if Path(path).is_file() else None
    for name in BROWSER_NAMES:
        if found := shutil.which(name):
            return found
    return _playwright_browser()


def _playwright_browser() -> str | None:
    """Playwright's downloaded Chromium, if one was ever installed on this machine."""
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            path = playwright.chromium.executable_path
    except Exception:  # no driver, no browser: either way there is none to use
        return None
    return path if path and Path(path).is_file() else None


def install_browser() -> str:
    """Find a browser, or install one (Debian's chromium as root with apt, else Playwright's); say what to do if not."""
    if found := find_browser():
        return found
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        print("No Chromium found: installing Debian's chromium package (apt-get install chromium)...", file=sys.stderr)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=False, env=env)
    else:
        print("No Chromium found: trying Playwright's installer (python -m playwright install chromium)...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"], check=False)
    if found := find_browser():
        return found
    raise RenderError(
        "No Chromium to print the PDF with. Install one and run again: on Debian/Ubuntu `sudo apt-get install chromium`, "
        "on macOS `brew install --cask chromium`, or set MEDIABRIEF_BROWSER=/path/to/chrome."
    )


# The briefing template (templates/briefing): code hidden, images embedded, no scripts.
EXPORTER_SETTINGS = {
    "extra_template_basedirs": [str(TEMPLATES_DIR)],
    "template_name": "briefing",
    "exclude_input": True,
    "exclude_input_prompt": True,
    "exclude_output_prompt": True,
    "embed_images": True,
}


# nbconvert's WebPDFExporter.page_render_timeout (its default): milliseconds to let the page settle before printing.
PAGE_RENDER_TIMEOUT_MS = 100


def _launch_args() -> list[str]:
    args = list(BROWSER_ARGS)
    # Chromium's sandbox cannot start as root in a container; then it prints only this local file, offline.
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")
    return args


class _PrintPage:
    """A page of ``browser`` that may load only the local page it will print, made ready before that page exists."""

    def __init__(self, folder: Path) -> None:
        self.page_path = folder / "briefing.html"
        self.page_url = self.page_path.as_uri()
        self.page = None

    async def open(self, browser) -> None:
        self.page = await browser.new_page()

        async def only_local(route):
            url = route.request.url
            await (route.continue_() if url == self.page_url or url.startswith("data:") else route.abort())

        await self.page.route("**/*", only_local)
        await self.page.emulate_media(media="print")

    async def print(self, html: str, render_timeout_ms: int) -> bytes:
        """Print the HTML to PDF (Letter, margins, page numbers), its links into the page's folder made relative."""
        self.page_path.write_text(html, encoding="utf-8")
        await self.page.goto(self.page_url, wait_until="load")
        await self.page.wait_for_timeout(render_timeout_ms)
        pdf = await self.page.pdf(
            format="Letter",
            print_background=True,
            margin={"top": "16mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
            display_header_footer=True,
            header_template="<span></span>",
            footer_template=FOOTER,
        )
        return relative_links(pdf, self.page_path.parent.as_uri() + "/")


async def _print_page(browser, html: str, render_timeout_ms: int) -> bytes:
    """Print the HTML to PDF (Letter, margins, page numbers) in a new page of ``browser`` that may load only itself."""
    with tempfile.TemporaryDirectory(prefix="mediabrief-pdf-") as folder:
        page = _PrintPage(Path(folder))
        await page.open(browser)
        return await page.print(html, render_timeout_ms)


def relative_links(pdf: bytes, page_folder_uri: str) -> bytes:
    """The PDF with its links into ``page_folder_uri`` (the temporary folder Chromium printed from) made relative to
    the PDF: a link to ``notebooks/01_articles.html`` then opens the file beside the PDF, wherever OUT is copied, and
    two builds give the same link bytes. Chromium writes every link as an absolute URL (``/URI (file:///tmp/...)``, in
    annotation objects it does not compress); each shortened string is followed by as many spaces as it lost, so every
    object keeps its byte offset and the cross-reference table stays right.

    >>> relative_links(b"/URI (file:///tmp/p/notebooks/a.html)>>", "file:///tmp/p/")
    b'/URI (notebooks/a.html)              >>'
    """
    prefix = re.escape(page_folder_uri.encode("ascii"))
    return re.sub(rb"/URI \(" + prefix + rb"((?:[^()\\]|\\.)*)\)", lambda m: (b"/URI (" + m[1] + b")").ljust(len(m[0])), pdf)


class SystemChromiumPDFExporter(WebPDFExporter):
    """nbconvert's web-PDF exporter, printing with a system Chromium that may load only the local page."""

    executable_path = Unicode("", help="Chromium to launch").tag(config=True)

    def run_playwright(self, html: str) -> bytes:
        """Print the HTML to PDF (Letter, margins, page numbers) in a headless Chromium that has no network."""
        from playwright.async_api import async_playwright

        async def main() -> bytes:
            async with async_playwright() as playwright:
                browser = await playwright.chromium.launch(executable_path=self.executable_path, args=_launch_args())
                try:
                    return await _print_page(browser, html, self.page_render_timeout)
                finally:
                    await browser.close()

        return asyncio.run(main())


class EarlyBrowser:
    """A headless Chromium launched when a build step starts, in a process of its own, to print one page when the step
    has it: the browser's start-up (Playwright's driver, then Chromium) and a blank page ready to print overlap the
    notebook's run instead of following it. A process, not a thread: the step stays single-threaded, so it may fork
    to save figures side by side (:func:`mediabrief.plotting.save_figure`). :meth:`print` hands it the page;
    :meth:`close` ends it unused (the notebook failed)."""

    def __init__(self, executable: str) -> None:
        import multiprocessing

        self.executable = executable
        self._owner = os.getpid()  # only the process that started it may wait for it; a fork of that one prints through it
        context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
        self._connection, theirs = context.Pipe()
        self._process = context.Process(target=_serve_early_browser, args=(executable, theirs), name="mediabrief-chromium", daemon=True)
        self._process.start()
        theirs.close()

    def used(self) -> bool:
        """Whether the browser has ended (it printed its page, or failed): its end of the pipe is then closed, or holds
        its answer. A browser waiting for its page has sent nothing."""
        return self._connection.poll()

    def print(self, html: str) -> bytes:
        """The page printed to PDF; raises what launching or printing raised."""
        self._connection.send(html)
        try:
            result = self._connection.recv()
        except EOFError:
            result = RenderError("the browser's process ended without a PDF")
        if os.getpid() == self._owner:
            self._process.join()
        if isinstance(result, BaseException):
            raise result
        return result

    def close(self) -> None:
        """End the browser if it is still waiting for a page."""
        if os.getpid() != self._owner or self._process.is_alive():
            with contextlib.suppress(OSError):  # it printed, or ended, meanwhile
                self._connection.send(None)
        if os.getpid() == self._owner:
            self._process.join()
        self._connection.close()


# A browser launched by `make watch` (mediabrief.watch) before it forks a build step: the step prints through it.
_LAUNCHED_BEFOREHAND: EarlyBrowser | None = None


def launch_beforehand(executable: str | None) -> None:
    """Launch (or, with None, end) the browser the next build step forked from this process will print with."""
    global _LAUNCHED_BEFOREHAND
    if _LAUNCHED_BEFOREHAND is not None:
        _LAUNCHED_BEFOREHAND.close()
    _LAUNCHED_BEFOREHAND = EarlyBrowser(executable) if executable else None


def early_browser() -> EarlyBrowser:
    """The browser to print this step's PDF with: one launched beforehand (at most once), else one launched now."""
    global _LAUNCHED_BEFOREHAND
    ready, _LAUNCHED_BEFOREHAND = _LAUNCHED_BEFOREHAND, None
    if ready is not None and ready.used():  # printed for an earlier step forked from the same watcher
        ready = None
    return ready or EarlyBrowser(install_browser())


def _serve_early_browser(executable: str, connection) -> None:
    """In the browser's process: launch, open a page, wait for the HTML (None: stop), send back the PDF or the error."""

    async def print_when_asked() -> bytes | None:
        from playwright.async_api import async_playwright

        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=executable, args=_launch_args())
            try:
                with tempfile.TemporaryDirectory(prefix="mediabrief-pdf-") as folder:
                    page = _PrintPage(Path(folder))
                    await page.open(browser)
                    html = await asyncio.to_thread(connection.recv)
                    return None if html is None else await page.print(html, PAGE_RENDER_TIMEOUT_MS)
            finally:
                await browser.close()

    try:
        result = asyncio.run(print_when_asked())
    except BaseException as error:  # handed to the step, which raises it in print()
        result = RenderError(f"{type(error).__name__}: {error}")
    if result is not None:
        connection.send(result)
    connection.close()


def _atomic_write(path: Path, data: bytes) -> None:
    with atomic_path(path) as partial:
        partial.write_bytes(data)


def notebook_html(nb: nbformat.NotebookNode, with_code: bool = False) -> str:
    """An executed notebook as one self-contained HTML page, code hidden (the briefing) or shown (the appendix)."""
    settings = EXPORTER_SETTINGS | {"exclude_input": not with_code}
    body, _ = HTMLExporter(**settings).from_notebook_node(nb)
    return body


def write_html(page: str, out_path: str | Path) -> Path:
    """Write a page made by :func:`notebook_html` to ``out_path``, atomically."""
    out = Path(out_path)
    _atomic_write(out, page.encode("utf-8"))
    return out


def render_html(notebook: str | Path, out_path: str | Path, with_code: bool = False) -> Path:
    """Render an executed notebook file to a self-contained HTML file, code hidden (the briefing) or shown (the appendix)."""
    return write_html(notebook_html(nbformat.read(str(notebook), as_version=4), with_code), out_path)


def print_pdf(
    html: str, out_path: str | Path, name: str = "the briefing", browser: str | None = None, early: EarlyBrowser | None = None
) -> Path:
    """Print a page made by :func:`notebook_html` (code hidden) to PDF through Chromium (``early``'s, if given, else one
    launched now). A failed print leaves no PDF behind, stale or partial."""
    out = Path(out_path)
    out.unlink(missing_ok=True)
    executable = early.executable if early is not None else browser or find_browser()
    if executable is None:
        raise RenderError("No Chromium found to print the PDF. Run `make briefing` (it installs one) or set MEDIABRIEF_BROWSER.")
    try:
        pdf = (
            early.print(html)
            if early is not None
            else SystemChromiumPDFExporter(executable_path=executable, **EXPORTER_SETTINGS).run_playwright(html)
        )
    except Exception as error:
        raise RenderError(f"printing {name} to PDF with {executable} failed: {error}") from error
    _atomic_write(out, pdf)
    return out


def render_pdf(notebook: str | Path, out_path: str | Path, browser: str | None = None) -> Path:
    """Render an executed notebook file to PDF through Chromium. A failed render leaves no PDF behind, stale or partial."""
    out = Path(out_path)
    out.unlink(missing_ok=True)
    executable = browser or find_browser()
    if executable is None:
        raise RenderError("No Chromium found to print the PDF. Run `make briefing` (it installs one) or set MEDIABRIEF_BROWSER.")
    html = notebook_html(nbformat.read(str(notebook), as_version=4))
    return print_pdf(html, out, Path(notebook).name, executable)
