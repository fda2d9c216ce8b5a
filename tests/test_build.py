"""End to end: `make briefing` of the seeds into a temporary folder, with the network cut off where the OS allows."""

import hashlib
import os
import re
import subprocess
from html.parser import HTMLParser

import pandas as pd
import pytest
from conftest import offline_prefix
from pypdf import PdfReader

from mediabrief.codebook import load_codebook
from mediabrief.config import PROJECT_ROOT, RAW_DIR
from mediabrief.corpus import load_corpus


@pytest.fixture(scope="module")
def seed_build(gallery):
    """The seeds' briefing, built once for the session with the gallery (tests/conftest.py), with the network cut off."""
    return gallery["seeds"], bool(offline_prefix())


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


def test_the_pdf_links_to_the_notebooks_beside_it(seed_build):
    out, _ = seed_build
    reader = PdfReader(out / "briefing.pdf")
    targets = [
        annotation.get_object()["/A"].get("/URI")
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object()
    ]
    local = [target for target in targets if target and not target.startswith("https://")]
    assert local and all(target.startswith("notebooks/") and (out / target).exists() for target in local)


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


class Page(HTMLParser):
    """What a reader sees and what could run: visible text, headings, images, links, scripts and event handlers."""

    def __init__(self):
        super().__init__()
        self.text, self.headings, self.images, self.links, self.scripts, self.handlers = [], [], [], [], 0, []
        self._in = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self._in.append(tag)
        self.scripts += tag == "script"
        self.handlers += [f"{tag}.{name}" for name in attrs if name.lower().startswith("on")]
        if tag == "img":
            self.images.append(attrs)
        if tag == "a":
            self.links.append(attrs.get("href", ""))

    def handle_endtag(self, tag):
        if tag in self._in:
            del self._in[len(self._in) - 1 - self._in[::-1].index(tag) :]

    def handle_data(self, data):
        if not {"style", "script", "title"} & set(self._in):
            self.text.append(data)
        if self._in and self._in[-1] in ("h1", "h2"):
            self.headings.append(data.strip())


def read_page(path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.visible = re.sub(r"\s+", " ", " ".join(page.text))
    return page


SECTIONS = [
    "Bottom line up front",
    "Cost estimates",
    "Stance and voices",
    "Claims and contradictions",
    "Lineage",
    "Readability",
    "Method and limits",
    "Sources",
]


def test_the_briefing_has_its_sections_in_order_and_every_figure_has_alt_text(seed_build):
    out, _ = seed_build
    page = read_page(out / "briefing.html")
    headings = [h for h in page.headings if h in SECTIONS]
    assert headings == SECTIONS
    assert page.images and all(img.get("alt", "").strip() for img in page.images)


def test_every_bottom_line_sentence_has_a_computed_number_and_no_nan_or_none_shows(seed_build):
    out, _ = seed_build
    html = (out / "briefing.html").read_text(encoding="utf-8")
    bluf = html.split('id="Bottom-line-up-front"')[1].split("<h2")[0]
    bullets = re.findall(r"<li>(.*?)</li>", bluf, re.S)
    assert 3 <= len(bullets) <= 5
    assert all(re.search(r"\d", b) for b in bullets)
    visible = read_page(out / "briefing.html").visible
    assert not re.search(r"\b(nan|NaN|None|NaT)\b", visible)


def test_the_pdf_fits_eight_pages(seed_build):
    out, _ = seed_build
    assert len(PdfReader(out / "briefing.pdf").pages) <= 8


def test_raw_data_is_not_modified_by_a_build(seed_build):
    # The seed build has run (fixture); the raw files still match the gold provenance hashes.
    expected = {row.file: row.sha256 for row in pd.read_csv(PROJECT_ROOT / "tests" / "gold" / "seed_sha256.csv").itertuples()}
    for name, digest in expected.items():
        assert hashlib.sha256((RAW_DIR / name).read_bytes()).hexdigest() == digest


@pytest.fixture(scope="module")
def hostile_build(gallery):
    """One article, no money, and text and metadata that try to become code (tests/conftest.py): built in the gallery."""
    return gallery["one_article"]


def test_a_one_article_corpus_without_money_renders_with_one_line_sections(hostile_build):
    page = read_page(hostile_build / "briefing.html")
    assert [h for h in page.headings if h in SECTIONS] == SECTIONS
    assert "No article states a money figure." in page.visible
    assert len(PdfReader(hostile_build / "briefing.pdf").pages) >= 1


def test_article_text_and_metadata_show_as_text_and_never_run(hostile_build):
    page = read_page(hostile_build / "briefing.html")
    assert page.scripts == 0 and page.handlers == []
    assert not [href for href in page.links if not href.startswith(("#", "http://", "https://", "notebooks/"))]
    assert "<b>Evil</b> & Co <script>alert(4)</script>" in page.visible
    assert "<img src=x onerror=alert(6)> *Title* $\\frac{1}{2}$" in page.visible
    assert "&lt;" not in page.visible and "&amp;" not in page.visible  # escaped once, not twice
    pdf_text = " ".join(p.extract_text() for p in PdfReader(hostile_build / "briefing.pdf").pages)
    assert "alert(4)" in pdf_text


def test_no_script_runs_when_chromium_opens_the_briefing(hostile_build):
    from playwright.sync_api import sync_playwright

    from mediabrief.render import BROWSER_ARGS, find_browser

    browser_path = find_browser()
    if browser_path is None:
        pytest.skip("no Chromium on this machine")
    dialogs, requests = [], []
    with sync_playwright() as playwright:
        args = BROWSER_ARGS + (["--no-sandbox"] if os.geteuid() == 0 else [])
        browser = playwright.chromium.launch(executable_path=browser_path, args=args)
        page = browser.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("request", lambda request: requests.append(request.url))
        page.goto((hostile_build / "briefing.html").as_uri())
        page.wait_for_timeout(300)
        browser.close()
    assert dialogs == []
    assert all(url.startswith(("file:", "data:")) for url in requests)


def test_two_runs_of_the_briefing_give_byte_identical_html_and_figures(seed_build, tmp_path):
    from mediabrief.notebooks import execute_notebook
    from mediabrief.render import render_html

    out, _ = seed_build
    rendered = []
    for run in ("first", "second"):
        parameters = {"corpus_dir": str(RAW_DIR), "out_dir": str(out), "figures_dir": str(tmp_path / run), "build_date": "2025-06-30"}
        executed = execute_notebook(PROJECT_ROOT / "notebooks" / "briefing.ipynb", tmp_path / run / "briefing.ipynb", parameters)
        rendered.append(render_html(executed, tmp_path / run / "briefing.html").read_bytes())
    assert rendered[0] == rendered[1]
    figures = sorted(p.name for p in (tmp_path / "first").glob("*.*g"))
    assert figures and all((tmp_path / "first" / f).read_bytes() == (tmp_path / "second" / f).read_bytes() for f in figures)


NOTEBOOK_NAMES = [path.stem for path in sorted((PROJECT_ROOT / "notebooks").glob("*.ipynb"))]


@pytest.mark.parametrize(
    ("edited", "rerun"),
    # Notebook 05 (the story over time) reads the tables of 01-04, so it follows 04.
    [("data/codebook/claims.yaml", ["04_claims_and_lineage", "05_over_time", "briefing"]), ("data/codebook/story.yaml", ["briefing"])],
)
def test_editing_one_codebook_file_reruns_only_the_notebooks_that_read_it(seed_build, edited, rerun):
    out, _ = seed_build
    # make -W: as if the file had just been edited, leaving it alone; -t -n: list the files a build would remake, running
    # nothing (the commands are the clean build's, which the gallery runs; `make -n` alone would not list what follows
    # a grouped target, GNU make 4.3). The build's parameter files are remade by every run and rewritten only when a
    # parameter changes, which a dry run cannot know: -o takes them as they are (that a real run leaves them alone is
    # test_a_second_build_with_nothing_changed_executes_and_renders_nothing).
    work = f"build/{os.path.abspath(out).lstrip('/').replace('/', '_')}"  # the Makefile's WORK, as make prints it
    assert (PROJECT_ROOT / work / "parameters").exists() and (PROJECT_ROOT / work / "compare_with").exists()
    keep = [option for name in ("parameters", "compare_with") for option in ("-o", f"{work}/{name}")]
    command = ["make", "-t", "-n", "-C", str(PROJECT_ROOT), "briefing", f"OUT={out}", f"CORPUS={RAW_DIR}", "-W", edited, *keep]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
    remade = re.findall(r"^touch (.+)$", result.stdout, re.M)
    notebook_of = {f"{work}/{name}.ipynb": name for name in NOTEBOOK_NAMES}
    notebook_of |= {str(out / "notebooks" / f"{name}.html"): name for name in NOTEBOOK_NAMES}
    notebook_of |= {str(out / "briefing.html"): "briefing", str(out / "briefing.pdf"): "briefing"}
    executed = list(dict.fromkeys(notebook_of[path] for path in remade if path in notebook_of))
    assert executed == rerun, result.stdout
    assert f"touch {out}/briefing.html" in result.stdout and f"touch {out}/briefing.pdf" in result.stdout
