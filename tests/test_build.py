"""End to end: `make briefing` of the seeds into a temporary folder, with the network cut off where the OS allows."""

import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from mediabrief.codebook import load_codebook
from mediabrief.config import PROJECT_ROOT, RAW_DIR
from mediabrief.corpus import load_corpus


def _offline_prefix() -> list[str]:
    """`unshare -rn`: a new network namespace with no interface up, so nothing can reach any network."""
    if shutil.which("unshare") and subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode == 0:
        return ["unshare", "-rn"]
    return []


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("briefing")
    prefix = _offline_prefix()
    command = [*prefix, "make", "-C", str(PROJECT_ROOT), "briefing", f"OUT={out}", f"CORPUS={RAW_DIR}"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out, bool(prefix)


def test_the_build_ran_with_the_network_cut_off(seed_build):
    _, offline = seed_build
    if not offline:
        pytest.skip("unshare -rn is not permitted here, so the build ran with the network available")


def test_html_and_pdf_exist_and_the_pdf_names_the_title_and_every_outlet(seed_build):
    out, _ = seed_build
    assert (out / "briefing.html").stat().st_size > 10_000
    text = " ".join(page.extract_text() for page in PdfReader(out / "briefing.pdf").pages)
    text = re.sub(r"\s+", " ", text)
    assert load_codebook()["story"]["title"] in text
    for outlet in load_corpus(RAW_DIR).articles["outlet"]:
        assert outlet in text


def test_the_html_is_self_contained_with_code_hidden(seed_build):
    out, _ = seed_build
    html = (out / "briefing.html").read_text(encoding="utf-8")
    assert "<script" not in html
    assert not re.search(r"""(?:src|href)=["']?(?!https?://[^"']*["'][^>]*>[^<]*</a>)https?://[^"']*\.(?:js|css)""", html)
    images = re.findall(r"<img [^>]*>", html)
    assert images and all('src="data:image/png;base64,' in img and 'alt="' in img for img in images)
    assert "load_codebook(" not in html and "import pandas" not in html  # code cells are hidden


def test_tables_and_figures_land_in_out(seed_build):
    out, _ = seed_build
    for name in ("articles.csv", "ingest_report.csv", "removed_boilerplate.csv"):
        assert (out / name).exists()
    assert (out / "figures" / "length_readability.png").exists() and (out / "figures" / "length_readability.svg").exists()


def test_a_second_build_with_nothing_changed_executes_and_renders_nothing(seed_build):
    out, _ = seed_build
    command = ["make", "-C", str(PROJECT_ROOT), "briefing", f"OUT={out}", f"CORPUS={RAW_DIR}"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "run-notebook" not in result.stdout and "render" not in result.stdout
