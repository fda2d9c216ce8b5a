"""Render an executed notebook to HTML (code hidden) and to PDF through a system Chromium, with nbconvert.

nbconvert's WebPDFExporter prints its HTML with Playwright's own Chromium, which cannot be downloaded on air-gapped
machines. :class:`SystemChromiumPDFExporter` keeps nbconvert's HTML and its print route, but launches the browser
that :func:`find_browser` finds, and lets it load nothing but the local page.
"""

from __future__ import annotations

import asyncio
import os
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


class SystemChromiumPDFExporter(WebPDFExporter):
    """nbconvert's web-PDF exporter, printing with a system Chromium that may load only the local page."""

    executable_path = Unicode("", help="Chromium to launch").tag(config=True)

    def run_playwright(self, html: str) -> bytes:
        """Print the HTML to PDF (Letter, margins, page numbers) in a headless Chromium that has no network."""
        from playwright.async_api import async_playwright

        async def main(page_path: Path) -> bytes:
            args = list(BROWSER_ARGS)
            # Chromium's sandbox cannot start as root in a container; then it prints only this local file, offline.
            if hasattr(os, "geteuid") and os.geteuid() == 0:
                args.append("--no-sandbox")
            async with async_playwright() as playwright:
                browser = await playwright.chromium.launch(executable_path=self.executable_path, args=args)
                try:
                    page = await browser.new_page()
                    page_url = page_path.as_uri()

                    async def only_local(route):
                        url = route.request.url
                        await (route.continue_() if url == page_url or url.startswith("data:") else route.abort())

                    await page.route("**/*", only_local)
                    await page.emulate_media(media="print")
                    await page.goto(page_url, wait_until="load")
                    await page.wait_for_timeout(self.page_render_timeout)
                    return await page.pdf(
                        format="Letter",
                        print_background=True,
                        margin={"top": "16mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
                        display_header_footer=True,
                        header_template="<span></span>",
                        footer_template=FOOTER,
                    )
                finally:
                    await browser.close()

        with tempfile.TemporaryDirectory(prefix="mediabrief-pdf-") as folder:
            page_path = Path(folder) / "briefing.html"
            page_path.write_text(html, encoding="utf-8")
            return asyncio.run(main(page_path))


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


def print_pdf(html: str, out_path: str | Path, name: str = "the briefing", browser: str | None = None) -> Path:
    """Print a page made by :func:`notebook_html` (code hidden) to PDF through Chromium. A failed print leaves no PDF
    behind, stale or partial."""
    out = Path(out_path)
    out.unlink(missing_ok=True)
    executable = browser or find_browser()
    if executable is None:
        raise RenderError("No Chromium found to print the PDF. Run `make briefing` (it installs one) or set MEDIABRIEF_BROWSER.")
    exporter = SystemChromiumPDFExporter(executable_path=executable, **EXPORTER_SETTINGS)
    try:
        pdf = exporter.run_playwright(html)
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
