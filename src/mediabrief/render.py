"""Render an executed notebook to HTML (code hidden) and to PDF through a system Chromium, with nbconvert.

nbconvert's WebPDFExporter prints its HTML with Playwright's own Chromium, which cannot be downloaded on air-gapped
machines. :class:`SystemChromiumPDFExporter` keeps nbconvert's HTML and its print route, but launches the browser
that :func:`find_browser` finds, and lets it load nothing but the local page.
"""

from __future__ import annotations

import asyncio
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
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


async def _print_page(browser, html: str, render_timeout_ms: int) -> bytes:
    """Print the HTML to PDF (Letter, margins, page numbers) in a new page of ``browser`` that may load only itself."""
    with tempfile.TemporaryDirectory(prefix="mediabrief-pdf-") as folder:
        page_path = Path(folder) / "briefing.html"
        page_path.write_text(html, encoding="utf-8")
        page = await browser.new_page()
        page_url = page_path.as_uri()

        async def only_local(route):
            url = route.request.url
            await (route.continue_() if url == page_url or url.startswith("data:") else route.abort())

        await page.route("**/*", only_local)
        await page.emulate_media(media="print")
        await page.goto(page_url, wait_until="load")
        await page.wait_for_timeout(render_timeout_ms)
        pdf = await page.pdf(
            format="Letter",
            print_background=True,
            margin={"top": "16mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
            display_header_footer=True,
            header_template="<span></span>",
            footer_template=FOOTER,
        )
    return relative_links(pdf, Path(folder).as_uri() + "/")


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
    """A headless Chromium launched in a thread of its own when a build step starts, to print one page when the step has
    it: the browser's start-up (Playwright's driver, then Chromium, half a second) overlaps the notebook's run instead
    of following it. :meth:`print` hands it the page; :meth:`close` ends it unused (the notebook failed)."""

    def __init__(self, executable: str) -> None:
        self.executable = executable
        self._page: queue.Queue[str | None] = queue.Queue(maxsize=1)
        self._result: queue.Queue = queue.Queue(maxsize=1)
        self._thread = threading.Thread(target=self._serve, name="mediabrief-chromium", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        try:
            self._result.put(asyncio.run(self._print_when_asked()))
        except BaseException as error:  # handed to the caller of print(), which raises it there
            self._result.put(error)

    async def _print_when_asked(self) -> bytes | None:
        from playwright.async_api import async_playwright

        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=self.executable, args=_launch_args())
            try:
                html = await asyncio.to_thread(self._page.get)
                return None if html is None else await _print_page(browser, html, PAGE_RENDER_TIMEOUT_MS)
            finally:
                await browser.close()

    def print(self, html: str) -> bytes:
        """The page printed to PDF; raises what launching or printing raised."""
        self._page.put(html)
        result = self._result.get()
        self._thread.join()
        if isinstance(result, BaseException):
            raise result
        return result

    def close(self) -> None:
        """End the browser if it is still waiting for a page."""
        if self._thread.is_alive():
            self._page.put_nowait(None)
            self._thread.join()


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
