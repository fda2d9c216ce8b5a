"""The story over time and what changed since the last briefing: small dated corpora written for these tests, the
seeds against their gold metadata, and a year of the development corpus against its gold money table."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import GOLD_DIR, write_corpus

from mediabrief import timeline as tl
from mediabrief.analysis import TABLES, analyze, write_tables
from mediabrief.briefing import since_last_briefing
from mediabrief.codebook import load_codebook
from mediabrief.config import PROJECT_ROOT, RAW_DIR
from mediabrief.corpus import load_corpus
from mediabrief.money import format_usd
from mediabrief.reporting import format_date

DEV_DIR = Path(__file__).parent / "dev_corpus"

# --- Bins and undated articles ------------------------------------------------------------------------------------


def _articles(dates: list[str | None], outlets: list[str] | None = None) -> pd.DataFrame:
    outlets = outlets or [f"Outlet {i}" for i in range(len(dates))]
    return pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(len(dates))],
            "file": [f"a{i}.txt" for i in range(len(dates))],
            "outlet": outlets,
            "title": [f"Story {i}" for i in range(len(dates))],
            "published": pd.to_datetime(dates),
        }
    )


@pytest.mark.parametrize(
    ("first", "last", "unit"),
    [("2025-06-01", "2025-06-01", "day"), ("2025-06-01", "2025-07-01", "day"), ("2025-06-01", "2025-07-02", "week"),
     ("2025-06-01", "2025-11-29", "week"), ("2025-06-01", "2025-11-30", "month"), ("2025-05-20", "2026-05-20", "month")],
)  # fmt: skip
def test_the_bin_follows_the_span_of_the_dates(first, last, unit):
    # 1 Jun to 1 Jul is 31 days counted inclusively (the last day binned by day); 26 weeks are 182 days (1 Jun-29 Nov).
    assert tl.time_bin(pd.Series(pd.to_datetime([first, last, None]))) == unit


def test_weekly_bins_start_on_monday_and_count_each_article_once():
    # Mon 2 Jun and Sun 8 Jun 2025 fall in one week; Mon 9 Jun starts the next; 40 days in all, so weeks.
    articles = _articles(["2025-06-02", "2025-06-08", "2025-06-09", "2025-07-11"], ["A", "B", "A", "A"])
    coverage = tl.coverage_over_time(articles)
    assert set(coverage["unit"]) == {"week"}
    by_week = coverage.groupby("period")["n_articles"].sum()
    assert by_week.to_dict() == {pd.Timestamp("2025-06-02"): 2, pd.Timestamp("2025-06-09"): 1, pd.Timestamp("2025-07-07"): 1}


def test_monthly_bins_start_on_the_first():
    coverage = tl.coverage_over_time(_articles(["2025-05-20", "2025-05-31", "2026-02-14"]))
    assert coverage.groupby("period")["n_articles"].sum().to_dict() == {pd.Timestamp("2025-05-01"): 2, pd.Timestamp("2026-02-01"): 1}


def test_undated_articles_are_counted_and_listed_apart_never_dropped(tmp_path):
    corpus = write_corpus(
        tmp_path / "corpus",
        {
            "one.txt": "The council met on Tuesday to discuss the harbour and its new sea wall.\n",
            "two.txt": "The council met again to discuss the harbour, and this time it agreed on the wall.\n",
            "three.txt": "Nobody knows when this piece about the harbour wall was written or by whom.\n",
        },
        "file,outlet,url,published,title,author\n"
        "one.txt,Harbour News,,2025-06-03,Council meets,\n"
        "two.txt,Harbour News,,2025-06-05,Council agrees,\n"
        "three.txt,Quay Weekly,,,Undated piece,\n",
    )
    articles = load_corpus(corpus).articles
    coverage = tl.coverage_over_time(articles)
    assert coverage["n_articles"].sum() == 3
    undated_rows = coverage[coverage["period"].isna()]
    assert undated_rows[["outlet", "n_articles"]].to_dict("records") == [{"outlet": "Quay Weekly", "n_articles": 1}]
    assert tl.undated_articles(articles)["title"].tolist() == ["Undated piece"]
    assert tl.coverage_title(articles) == "2 dated articles over 3 days, 3 Jun 2025 to 5 Jun 2025; 1 undated"
    fig = tl.coverage_chart(articles, {}, "Source: test.")
    notes = " ".join(t.get_text() for t in fig.texts)
    assert "Not on the axis: 1 undated article (Quay Weekly)." in notes


def test_span_words_say_days_weeks_or_months():
    assert tl.span_words(pd.Series(pd.to_datetime(["2025-06-03"]))) == "1 day"
    assert tl.span_words(pd.Series(pd.to_datetime(["2025-06-01", "2025-07-15"]))) == "7 weeks"  # 45 days
    assert tl.span_words(pd.Series(pd.to_datetime(["2025-05-20", "2026-05-19"]))) == "12 months"  # 365 days


# --- Estimates over time ------------------------------------------------------------------------------------------


def _money(rows: list[tuple[str, float, str]]) -> pd.DataFrame:
    """Money mentions: (article_id, amount in USD, who gives it), all programme totals and points."""
    return pd.DataFrame(
        {
            "article_id": [r[0] for r in rows],
            "amount_low_usd": [r[1] for r in rows],
            "amount_high_usd": [r[1] for r in rows],
            "is_range": False,
            "is_vague": False,
            "referent": "program total",
            "attributed_to": [r[2] for r in rows],
            "sentence": [f"It costs {format_usd(r[1])}." for r in rows],
        }
    )


def test_repeated_reports_of_one_figure_by_one_source_are_one_mark_with_a_count():
    articles = _articles(["2025-05-20", "2025-05-21", "2025-06-02", None], ["A", "B", "A", "C"])
    money = _money([("a0", 175e9, "White House"), ("a1", 175e9, "White House"), ("a2", 175e9, "White House"), ("a3", 175e9, "CBO")])
    estimates = tl.program_estimates(money, articles, "program total")
    white_house = estimates[estimates["attributed_to"].eq("White House")].iloc[0]
    assert (white_house["n_reports"], white_house["n_outlets"]) == (3, 2)
    assert (white_house["first_published"], white_house["last_published"]) == (pd.Timestamp("2025-05-20"), pd.Timestamp("2025-06-02"))
    cbo = estimates[estimates["attributed_to"].eq("CBO")].iloc[0]
    assert pd.isna(cbo["first_published"])  # an undated article's figure is kept, not placed


def test_a_single_outlets_misreading_does_not_make_a_source_grow():
    articles = _articles(["2025-05-20", "2025-05-21", "2026-01-10"], ["A", "B", "C"])
    money = _money([("a0", 175e9, "White House"), ("a1", 175e9, "White House"), ("a2", 1.2e12, "White House")])
    growth = tl.estimate_growth(tl.program_estimates(money, articles, "program total"))
    assert not growth["grew"].any()
    assert tl.growth_phrases(tl.program_estimates(money, articles, "program total")) == []


# --- The seeds ----------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_tables():
    return analyze(RAW_DIR)


def test_on_the_seeds_the_time_sentence_is_short_and_true(seed_tables, gold):
    articles = gold("seed_articles.csv")
    dates = pd.to_datetime(articles["published"].replace("", None))
    known = dates.dropna()
    days = (known.max() - known.min()).days + 1
    # Read by hand (tests/gold/README.md, seed_citations.csv): Integrity Times quotes Japan Today quoting "the Nikkei
    # reported", and Benzinga writes "Reuters reported, citing Nikkei": two articles relay one report, the Nikkei's.
    expected = (
        f"The {len(known)} dated articles span {days} days, {format_date(known.min())} to {format_date(known.max())} "
        f"({len(dates) - len(known)} undated); 2 articles relay one report, Nikkei’s."
    )
    sentence = tl.time_axis_sentence(seed_tables, load_codebook()["money"]["program_total"])
    assert sentence == expected
    assert len(sentence.split()) <= 30


def test_on_the_seeds_the_briefing_shows_coverage_not_a_growth_that_is_not_there(seed_tables):
    name, fig, alt = tl.telling_chart(seed_tables, {}, "Source: seeds.", load_codebook()["money"]["program_total"])
    assert name == "briefing_coverage_over_time" and alt


# --- A year of the development corpus -----------------------------------------------------------------------------


def _year_corpus(folder: Path) -> Path:
    """Every fifth article of the development corpus (1, 6, 11, ... 101) with its metadata row: 21 articles, May 2025
    to June 2026."""
    metadata = pd.read_csv(DEV_DIR / "metadata.csv", dtype=str, keep_default_na=False)
    picked = metadata[metadata["file"].map(lambda f: int(re.match(r"\d+", f)[0]) % 5 == 1)]
    folder.mkdir(parents=True)
    for name in picked["file"]:
        shutil.copyfile(DEV_DIR / name, folder / name)
    picked.to_csv(folder / "metadata.csv", index=False)
    return folder


def _gold_shift(files: list[str]) -> tuple[float, float]:
    """From the hand-made gold money table: the middle of the articles' highest point programme totals, in the first
    quarter of the dated articles that give one and in the last quarter."""
    gold = pd.read_csv(GOLD_DIR / "dev_money.csv")
    dates = pd.read_csv(DEV_DIR / "metadata.csv", parse_dates=["published"])[["file", "published"]]
    points = gold[gold["file"].isin(files) & gold["referent"].eq("program total") & gold["amount_low_usd"].eq(gold["amount_high_usd"])]
    per_article = points.merge(dates, on="file").sort_values(["published", "file", "amount_high_usd"]).groupby("file", sort=False).tail(1)
    window = -(-len(per_article) // 4)
    middle = lambda rows: rows["amount_high_usd"].quantile(0.5, interpolation="lower")  # noqa: E731
    return middle(per_article.head(window)), middle(per_article.tail(window))


def test_on_a_year_of_coverage_the_chart_shows_the_estimates_growing(tmp_path):
    corpus = _year_corpus(tmp_path / "year")
    tables = analyze(corpus)
    program_total = load_codebook()["money"]["program_total"]
    early, late = _gold_shift(sorted(p.name for p in corpus.glob("*.txt")))
    assert late > early  # the gold itself shows the growth
    shift = tl.figure_shift(tables["money.csv"], tables["articles.csv"], program_total)
    assert (shift["early"], shift["late"], shift["grew"]) == (early, late, True)
    name, fig, _ = tl.telling_chart(tables, {}, "Source: 21 articles of the development corpus.", program_total)
    assert name == "briefing_estimates_over_time"
    title = fig.axes[0].get_title(loc="left").replace("\n", " ")
    assert f"rose from {format_usd(early)}" in title and f"to {format_usd(late)}" in title
    fig.savefig(tmp_path / "estimates_over_time.png")  # looked at by eye while writing this test
    assert "rose from" in tl.time_axis_sentence(tables, program_total)


# --- What changed since the last briefing -------------------------------------------------------------------------

FIRST_BUILD = {
    "a1.txt": "The Golden Dome is long overdue. Congress should fund it this year, and the White House says the shield will "
    "cost $175 billion.\n\nA strong missile shield is a wise investment in the nation's safety. The Golden Dome deserves "
    "full support.\n",
    "a2.txt": "President Donald Trump said the Golden Dome would cost $175 billion. He said the shield would be fully "
    "operational by 2029. Officials met on Tuesday to discuss the schedule.\n",
}
LATER_ARTICLES = {
    "a3.txt": "The Golden Dome is a boondoggle. It is wasteful, unworkable and a reckless gamble with public money.\n\n"
    "The Congressional Budget Office estimated that the total cost could reach $1.2 trillion over 20 years. The shield is "
    "a costly folly that Congress should reject.\n",
    "a4.txt": "Pentagon planners now expect the Golden Dome to be fully operational in 2035, several years later than the "
    "White House has promised. The planners met in Colorado.\n",
}
METADATA = (
    "file,outlet,url,published,title,author\n"
    "a1.txt,Harbor Ledger,,2025-06-02,The shield is long overdue,\n"
    "a2.txt,Valley Wire,,2025-06-03,Officials describe the plan,\n"
)
LATER_METADATA = "a3.txt,Harbor Ledger,,2026-05-14,The Golden Dome is a boondoggle,\na4.txt,Prairie Post,,,Planners see a later finish,\n"


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    """An output folder built from two articles and kept as a snapshot, then rebuilt with two more articles: the
    same outlet turning critical with a new, higher figure from a new source, and a new outlet, undated, stating
    another completion year."""
    root = tmp_path_factory.mktemp("two_builds")
    out = root / "out"
    write_tables(analyze(write_corpus(root / "first", FIRST_BUILD, METADATA)), out)
    first = tl.write_snapshot(out, "2026-11-28")
    write_tables(analyze(write_corpus(root / "second", FIRST_BUILD | LATER_ARTICLES, METADATA + LATER_METADATA)), out)
    return out, first


def _changes(out: Path, kind: str) -> pd.DataFrame:
    changes = tl.changes_since(out, None, load_codebook())
    return changes[changes["kind"].eq(kind)]


def test_a_build_with_no_earlier_snapshot_has_nothing_to_compare(tmp_path):
    out = tmp_path / "out"
    write_tables(analyze(write_corpus(tmp_path / "first", FIRST_BUILD, METADATA)), out)
    changes = tl.changes_since(out, None, load_codebook())
    assert changes["kind"].tolist() == [tl.NO_SNAPSHOT]
    text, rows = since_last_briefing({"changes.csv": changes})
    assert text.startswith("## Since the last briefing") and "nothing to compare yet" in text and rows.empty


def test_the_comparison_names_the_snapshot_it_compares_with(two_builds):
    out, first = two_builds
    assert first.written and first.path.name == "2026-11-28"
    changes = tl.changes_since(out, None, load_codebook())
    assert set(changes["since"]) == {"2026-11-28"}
    text, rows = since_last_briefing({"changes.csv": changes})
    assert text.startswith("## Since the last briefing\n\n**Since 28 Nov 2026**") and rows["Change"].tolist() == tl.EVIDENCED


def test_new_articles_and_outlets_are_listed(two_builds):
    out, _ = two_builds
    new = _changes(out, "new article")
    assert new[["outlet", "what"]].to_dict("records") == [
        {"outlet": "Harbor Ledger", "what": "The Golden Dome is a boondoggle"},
        {"outlet": "Prairie Post", "what": "Planners see a later finish"},
    ]
    assert _changes(out, "new outlet")["outlet"].tolist() == ["Prairie Post"]


def test_a_figure_that_appears_in_a_later_build_is_new_with_who_gives_it_and_its_sentence(two_builds):
    out, _ = two_builds
    figures = _changes(out, "new figure")
    assert figures[["what", "after", "outlet"]].to_dict("records") == [
        {"what": "$1.2 trillion (program total)", "after": "Congressional Budget Office", "outlet": "Harbor Ledger"}
    ]
    assert figures["evidence"].iloc[0].startswith("The Congressional Budget Office estimated that the total cost could reach $1.2 trillion")


def test_a_new_claim_value_and_the_contradiction_it_opens_are_listed_with_both_sentences(two_builds):
    out, _ = two_builds
    claims = _changes(out, "new claim")
    assert claims[["outlet", "after"]].to_dict("records") == [{"outlet": "Prairie Post", "after": "2035"}]
    contradiction = _changes(out, "new contradiction").iloc[0]
    assert {contradiction["before"], contradiction["after"]} == {"Valley Wire: 2029", "Prairie Post: 2035"}
    assert "fully operational in 2035" in contradiction["evidence"] and "fully operational by 2029" in contradiction["evidence"]


def test_a_stance_label_that_flips_is_listed_with_the_sentence_that_decides_it(two_builds):
    out, _ = two_builds
    moved = _changes(out, "stance moved")
    assert moved[["outlet", "what", "before", "after"]].to_dict("records") == [
        {"outlet": "Harbor Ledger", "what": "the Golden Dome", "before": "supportive", "after": "critical"}
    ]
    assert "boondoggle" in moved["evidence"].iloc[0] or "folly" in moved["evidence"].iloc[0]
    over_time = tl.stance_over_time(tl.read_tables(out)["stance.csv"], tl.read_tables(out)["articles.csv"], "golden_dome")
    assert over_time[["outlet", "label", "moved"]].to_dict("records") == [
        {"outlet": "Harbor Ledger", "label": "supportive", "moved": False},
        {"outlet": "Harbor Ledger", "label": "critical", "moved": True},
    ]


def test_nothing_changed_says_so(two_builds, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(two_builds[0], out, ignore=shutil.ignore_patterns("history"))
    tl.write_snapshot(out, "2026-12-05")
    changes = tl.changes_since(out, None, load_codebook())
    assert changes[["since", "kind"]].to_dict("records") == [{"since": "2026-12-05", "kind": tl.NO_CHANGE}]


# --- Snapshots: small, atomic, chosen, cleared --------------------------------------------------------------------


def _out_with_tables(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for name in TABLES:
        (folder / name).write_text("a,b\n1,2\n", encoding="utf-8")
    (folder / "changes.csv").write_text("kind\nno change\n", encoding="utf-8")  # the timeline's own table: not kept
    (folder / "briefing.html").write_text("<p>not a table</p>", encoding="utf-8")
    return folder


def test_a_snapshot_keeps_the_analysis_tables_only_and_a_same_day_build_gets_a_number(tmp_path):
    out = _out_with_tables(tmp_path / "out")
    first = tl.write_snapshot(out, "2026-12-05")
    assert sorted(p.name for p in first.path.iterdir()) == sorted(TABLES)
    again = tl.write_snapshot(out, "2026-12-05")
    assert again == (first.path, False)  # the same tables are not kept twice
    (out / "money.csv").write_text("a,b\n3,4\n", encoding="utf-8")
    second = tl.write_snapshot(out, "2026-12-05")
    assert second.written and second.path.name == "2026-12-05-2"
    assert [s.name for s in tl.snapshots(out)] == ["2026-12-05", "2026-12-05-2"]


def test_a_snapshot_that_fails_halfway_leaves_nothing_behind(tmp_path, monkeypatch):
    out = _out_with_tables(tmp_path / "out")
    copied = []

    def copy_then_fail(source, target):
        if copied:
            raise OSError("disk full")
        copied.append(Path(target).write_bytes(Path(source).read_bytes()))

    monkeypatch.setattr(tl.shutil, "copyfile", copy_then_fail)
    with pytest.raises(OSError, match="disk full"):
        tl.write_snapshot(out, "2026-12-05")
    assert copied and tl.snapshots(out) == []
    assert list(tl.history_dir(out).iterdir()) == []  # no partial folder left either


def test_a_snapshot_is_chosen_by_name_or_date_and_a_wrong_choice_names_those_kept(tmp_path):
    out = _out_with_tables(tmp_path / "out")
    tl.write_snapshot(out, "2026-11-28")
    (out / "money.csv").write_text("a,b\n3,4\n", encoding="utf-8")
    tl.write_snapshot(out, "2026-12-05")
    assert tl.find_snapshot(out).name == "2026-12-05"
    assert tl.find_snapshot(out, "2026-11-28").name == "2026-11-28"
    assert tl.find_snapshot(out, "2026-12-01").name == "2026-11-28"  # the latest on or before a date
    with pytest.raises(ValueError, match="kept: 2026-11-28, 2026-12-05"):
        tl.find_snapshot(out, "2026-01-01")


def test_the_history_is_cleared_with_one_command_and_nothing_else_goes(tmp_path):
    out = _out_with_tables(tmp_path / "out")
    tl.write_snapshot(out, "2026-11-28")
    result = subprocess.run([sys.executable, "-m", "mediabrief", "history", str(out), "--clear"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "removed 1 snapshot" in result.stdout
    assert not tl.history_dir(out).exists() and (out / "money.csv").exists() and (out / "briefing.html").exists()
    assert tl.changes_since(out)["kind"].tolist() == [tl.NO_SNAPSHOT]


def test_make_clear_history_runs_the_same_command(tmp_path):
    out = _out_with_tables(tmp_path / "out")
    tl.write_snapshot(out, "2026-11-28")
    result = subprocess.run(["make", "-C", str(PROJECT_ROOT), "clear-history", f"OUT={out}"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert tl.snapshots(out) == []


def test_a_snapshot_of_a_folder_without_tables_says_what_to_do(tmp_path):
    result = subprocess.run([sys.executable, "-m", "mediabrief", "history", str(tmp_path), "--snapshot"], capture_output=True, text=True)
    assert result.returncode == 2 and "no analysis table to keep" in result.stderr and "make briefing" in result.stderr


def test_the_briefing_section_reads_changes_csv_back_without_showing_nan(two_builds, tmp_path):
    write_tables({"changes.csv": tl.changes_since(two_builds[0], None, load_codebook())}, tmp_path)
    text, rows = since_last_briefing(tl.read_tables(tmp_path))
    shown = text + rows.to_string()
    assert not re.search(r"\bnan\b", shown, re.I) and "new article" in shown


def test_the_figure_shift_names_whoever_most_articles_give_a_figure_to():
    # In the first weeks one article quotes a senator repeating Trump's $175 billion; most articles give it to Trump.
    money = pd.DataFrame(
        {
            "article_id": list("abcdef"),
            "amount_low_usd": [175e9, 175e9, 175e9, 175e9, 1.2e12, 1.2e12],
            "amount_high_usd": [175e9, 175e9, 175e9, 175e9, 1.2e12, 1.2e12],
            "is_range": False,
            "is_vague": False,
            "referent": "program total",
            "attributed_to": ["Jack Reed", "White House", "White House", "White House", "CBO", "CBO"],
        }
    )
    dates = ["2025-05-20", "2025-05-21", "2025-09-01", "2025-10-01", "2026-05-13", "2026-05-20"]
    articles = pd.DataFrame({"article_id": list("abcdef"), "published": pd.to_datetime(dates)})
    shift = tl.figure_shift(money, articles, "program total")
    assert (shift["early"], shift["early_owner"]) == (175e9, "White House")


def test_the_coverage_note_names_a_few_undated_articles_and_counts_the_rest():
    articles = pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(12)],
            "outlet": ["Harbour News", *[f"Outlet {i}" for i in range(11)]],
            "published": [pd.Timestamp("2025-06-03"), *[pd.NaT] * 11],
            "title": [f"Piece {i}" for i in range(12)],
        }
    )
    fig = tl.coverage_chart(articles, {}, "Source: test.")
    notes = " ".join(" ".join(t.get_text().split()) for t in fig.texts)
    assert (
        "Not on the axis: 11 undated articles (Outlet 0, Outlet 1, Outlet 2, Outlet 3, Outlet 4, Outlet 5, Outlet 6, Outlet 7 and 3 more)."
        in notes
    )


def test_evidence_that_opens_with_a_quotation_is_nested_not_doubled():
    from mediabrief.timeline import changes_for_print

    changes = pd.DataFrame(
        {
            "since": ["2026-12-06"],
            "kind": ["new figure"],
            "outlet": ["A"],
            "what": ["$3.6 trillion (program total)"],
            "before": [""],
            "after": ["Gabe Murphy"],
            "evidence": ['"Even if we spent $3.6 trillion, it would fail," he said.'],
            "article_id": ["a"],
        }
    )
    assert changes_for_print(changes)["Evidence"].tolist() == ["“‘Even if we spent $3.6 trillion, it would fail,’ he said.”"]


def test_a_count_never_prints_over_a_dot_its_own_or_another():
    # eight reports of one figure (a large dot with "×8") beside another source's dot two days on, at the same height
    dates = ["2025-05-20"] * 8 + ["2025-05-22", "2025-09-01", "2025-09-01"]
    outlets = [f"Outlet {i}" for i in range(len(dates))]
    money = _money([(f"a{i}", 175e9, "White House") for i in range(8)] + [("a8", 175e9, "unattributed")])
    money = pd.concat([money, _money([("a9", 1.2e12, "CBO"), ("a10", 1.2e12, "CBO")])], ignore_index=True)
    fig = tl.estimates_chart(tl.program_estimates(money, _articles(dates, outlets), "program total"), "Source: test.")
    ax = fig.axes[0]
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    dots = []
    for collection in ax.collections:
        for (x, y), size in zip(collection.get_offsets(), collection.get_sizes(), strict=False):
            cx, cy = ax.transData.transform((x, y))
            r = (size**0.5) / 2 * fig.dpi / 72
            dots.append((cx - r, cy - r, cx + r, cy + r))
    counts = [t for t in ax.texts if t.get_text().strip().startswith("×")]
    for text in counts:
        box = text.get_window_extent(renderer)
        assert not any(min(box.x1, d[2]) - max(box.x0, d[0]) > 1 and min(box.y1, d[3]) - max(box.y0, d[1]) > 1 for d in dots)
    assert [t.get_text() for t in counts if t.get_text().endswith("2")], "the CBO's count, with room, is kept"


def test_an_articles_figure_is_the_one_it_gives_most_not_a_higher_one_it_names_once():
    # a story on a $185 billion baseline that names a dismissed $1 trillion estimate once is about the $185 billion
    money = pd.DataFrame(
        {
            "article_id": ["a", "b", "b", "b", "b"],
            "amount_low_usd": [175e9, 185e9, 185e9, 1e12, 185e9],
            "amount_high_usd": [175e9, 185e9, 185e9, 1e12, 185e9],
            "is_range": [False] * 5,
            "is_vague": [False] * 5,
            "referent": ["program total"] * 5,
            "attributed_to": ["White House", "unattributed", "Programme office", "outside estimates", "Programme office"],
        }
    )
    articles = pd.DataFrame({"article_id": ["a", "b"], "published": pd.to_datetime(["2025-05-20", "2026-03-17"])})
    given = tl.article_figures(money, articles, "program total")
    assert given[["amount_usd", "attributed_to"]].values.tolist() == [[175e9, "White House"], [185e9, "Programme office"]]
    assert tl.shift_phrase(tl.figure_shift(money, articles, "program total")).endswith("to $185 billion (Programme office, from Mar 2026)")


def _programme_totals(amounts: list[float], owners: list[str], dates: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One programme-total figure per article, with its owner and the article's date: money and articles tables."""
    ids = [f"a{k:02d}" for k in range(len(amounts))]
    money = pd.DataFrame(
        {
            "article_id": ids,
            "amount_low_usd": amounts,
            "amount_high_usd": amounts,
            "is_range": False,
            "is_vague": False,
            "referent": "program total",
            "attributed_to": owners,
        }
    )
    return money, pd.DataFrame({"article_id": ids, "published": pd.to_datetime(dates)})


def test_the_figure_shift_gives_the_figure_most_of_the_last_articles_give_and_when_they_began():
    # The last quarter holds one older $400 billion, one $175 billion and three $1.1 trillion: most gave $1.1 trillion.
    money, articles = _programme_totals(
        [175e9] * 12 + [400e9, 175e9, 1.1e12, 1.1e12, 1.1e12],
        ["White House"] * 12 + ["Budget Office", "White House", "Budget Office", "Budget Office", "Budget Office"],
        [f"2025-05-{k + 10:02d}" for k in range(12)] + ["2025-07-08", "2026-02-01", "2026-05-12", "2026-05-13", "2026-05-14"],
    )
    shift = tl.figure_shift(money, articles, "program total")
    assert (shift["late"], shift["late_owner"], f"{shift['late_from']:%Y-%m-%d}") == (1.1e12, "Budget Office", "2026-05-12")


def test_the_figure_shift_takes_the_latest_figure_where_the_last_articles_all_differ():
    money, articles = _programme_totals(
        [175e9] * 6 + [542e9, 175e9, 1.2e12],
        ["White House"] * 6 + ["Budget Office", "White House", "Budget Office"],
        [f"2025-05-{k + 20:02d}" for k in range(6)] + ["2025-07-08", "2026-03-07", "2026-05-12"],
    )
    shift = tl.figure_shift(money, articles, "program total")
    assert (shift["late"], f"{shift['late_from']:%Y-%m-%d}") == (1.2e12, "2026-05-12")
