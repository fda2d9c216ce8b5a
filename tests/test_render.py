import pytest

from mediabrief import render
from mediabrief.render import RenderError, find_browser, render_pdf


def test_the_browser_named_in_the_environment_comes_first(monkeypatch, tmp_path):
    fake = tmp_path / "my-chrome"
    fake.write_text("#!/bin/sh\n")
    monkeypatch.setenv("MEDIABRIEF_BROWSER", str(fake))
    assert find_browser() == str(fake)
    monkeypatch.setenv("MEDIABRIEF_BROWSER", str(tmp_path / "missing"))
    assert find_browser() is None


def test_no_browser_means_a_clear_error_and_no_stale_pdf(monkeypatch, tmp_path):
    stale = tmp_path / "briefing.pdf"
    stale.write_bytes(b"%PDF-1.4 old")
    monkeypatch.setattr(render, "find_browser", lambda: None)
    with pytest.raises(RenderError, match="No Chromium found"):
        render_pdf(tmp_path / "whatever.ipynb", stale)
    assert not stale.exists()


def _link_targets(pdf_path) -> list[str]:
    from pypdf import PdfReader

    reader = PdfReader(pdf_path)
    return [
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object() and "/URI" in annotation.get_object()["/A"]
    ]


@pytest.mark.skipif(find_browser() is None, reason="no Chromium on this machine")
def test_a_relative_link_stays_relative_to_the_pdf_and_two_prints_link_alike(tmp_path):
    # Chromium resolves a link against the temporary page it prints from: without the rewrite the PDF would point into
    # /tmp/mediabrief-pdf-<random>/, a folder gone once printed, and each print would differ.
    page = (
        '<html><body><p><a href="notebooks/01_articles.html">the first notebook</a> and '
        '<a href="https://example.org/story">the story</a></p></body></html>'
    )
    first, second = render.print_pdf(page, tmp_path / "a.pdf"), render.print_pdf(page, tmp_path / "b.pdf")
    assert _link_targets(first) == ["notebooks/01_articles.html", "https://example.org/story"]
    assert _link_targets(second) == _link_targets(first)
    assert b"mediabrief-pdf-" not in first.read_bytes()
