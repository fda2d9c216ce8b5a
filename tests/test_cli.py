import subprocess
import sys

import pandas as pd
from conftest import write_corpus

from mediabrief.analysis import TABLES
from mediabrief.readability import READABILITY_COLUMNS

ARTICLES_CSV_COLUMNS = ["article_id", "file", "outlet", "url", "published", "title", "author", "n_words", "n_sentences"]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mediabrief", *args], capture_output=True, text=True, timeout=120)


def test_analyze_writes_the_article_table_for_a_corpus(tmp_path):
    corpus = write_corpus(
        tmp_path / "corpus",
        {
            "one.txt": "Allied Shield Plans\nBy Jane Doe\nJune 2, 2025\nJapan may join the shield. Costs are unclear.\n",
            "two.txt": "China objected to the plan on Tuesday. It called it destabilizing.",
        },
        "file,outlet,url,published,title,author,region\ntwo.txt,Daily Two,https://example.org/two,2025-06-03,Two,,Asia\n",
    )
    result = run_cli("analyze", str(corpus), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    articles = pd.read_csv(tmp_path / "out" / "articles.csv", keep_default_na=False)
    assert list(articles.columns) == ARTICLES_CSV_COLUMNS + READABILITY_COLUMNS  # not the text, nor its sentences
    one, two = articles.to_dict("records")
    assert (one["title"], one["author"], one["published"], one["n_sentences"]) == ("Allied Shield Plans", "Jane Doe", "2025-06-02", 2)
    assert (two["outlet"], two["published"], two["n_words"]) == ("Daily Two", "2025-06-03", 11)
    assert "one.txt: no row in metadata.csv" in result.stderr  # the warning reaches the terminal too
    for name in TABLES:
        assert (tmp_path / "out" / name).exists()


def test_help_documents_the_corpus_format_and_every_table():
    result = run_cli("analyze", "--help")
    assert result.returncode == 0
    assert "metadata.csv" in result.stdout and "file,outlet,url,published,title,author" in result.stdout
    for name in TABLES:
        assert name in result.stdout


def test_a_missing_corpus_gives_a_message_not_a_traceback(tmp_path):
    result = run_cli("analyze", str(tmp_path / "absent"), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "absent: no such folder" in result.stderr and "Traceback" not in result.stderr
