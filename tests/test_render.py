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
