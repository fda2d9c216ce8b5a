"""Read a corpus folder into one row per article, and say what happened to every file.

A corpus is a folder of article files (``*.txt``, UTF-8 preferred) with an optional ``metadata.csv`` beside them
(columns at least ``file,outlet,url,published,title,author``; extra columns are kept). Where the metadata is silent,
what the text states (a ``date YYYY-MM-DD`` header, a byline, a dateline, a headline line) is used, and each value's
origin is recorded. Nothing is dropped silently: every file and every metadata row appears in the ingest report.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import os
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from .cleaning import clean_article
from .htmltext import html_to_text, looks_like_html
from .language import detect_languages, is_english
from .textutils import SENTENCES_COLUMN, count_words, split_sentences

METADATA_FILE = "metadata.csv"
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
# Larger than any article: a file this big is a dump of many, which would distort every per-article measure.
MAX_ARTICLE_BYTES = 5_000_000
# Below this many files, starting worker processes costs more than reading the files in this one.
PARALLEL_READ_MIN_FILES = 500
PARALLEL_READ_CHUNK = 50
METADATA_COLUMNS = ["file", "outlet", "url", "published", "title", "author"]
# Values of the *_origin columns.
FROM_METADATA, FROM_TEXT, FROM_FILE_NAME, FROM_URL, UNKNOWN = "metadata", "text", "file name", "url", "unknown"
# A date a site writes into its page's address: ".../2026/05/12/trumps-golden-dome-…".
_URL_DATE_RE = re.compile(r"/((?:19|20)\d\d)/(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])/")
# Outcomes in the ingest report, from best to worst.
PROCESSED, WARNED, SKIPPED = "processed", "processed with warning", "skipped"
MISSING, NOT_ARTICLE, METADATA = "missing file", "not an article", "metadata"


class CorpusError(Exception):
    """The corpus cannot be read at all; the message names the file and says what to do."""


class Corpus(NamedTuple):
    """What :func:`load_corpus` returns: the articles, the ingest report and the removed boilerplate."""

    articles: pd.DataFrame
    ingest: pd.DataFrame
    removed: pd.DataFrame


class Decoded(NamedTuple):
    text: str | None
    encoding: str
    problem: str | None  # why the file was skipped, or None
    warning: str | None  # what the reader should know, or None


def decode_bytes(data: bytes) -> Decoded:
    """Decode an article file: BOMs first, then UTF-8, then Windows-1252 (with a warning).

    >>> decode_bytes("café".encode("cp1252")).text, decode_bytes(b"").problem
    ('café', 'empty file')
    """
    if not data:
        return Decoded(None, "", "empty file", None)
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _check_text(data.decode(encoding), encoding, None)
            except UnicodeDecodeError:
                return Decoded(None, encoding, f"starts with a {encoding} byte-order mark but does not decode as {encoding}", None)
    if b"\x00" in data:
        return Decoded(None, "", "binary file (contains NUL bytes): not a text article", None)
    try:
        return _check_text(data.decode("utf-8"), "utf-8", None)
    except UnicodeDecodeError as error:
        where = f"byte {error.start}"
    try:
        text = data.decode("cp1252")
        encoding = "cp1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        encoding = "latin-1"
    warning = f"not valid UTF-8 (at {where}); decoded as {encoding}. Save the file as UTF-8 to be sure of its characters"
    return _check_text(text, encoding, warning)


def _check_text(text: str, encoding: str, warning: str | None) -> Decoded:
    if not text.strip():
        return Decoded(None, encoding, "contains only white space", warning)
    return Decoded(text, encoding, None, warning)


def article_id_for(file_name: str) -> str:
    """A stable id from a file name: its stem in lower case, other characters as '-'.

    >>> article_id_for("000_A41965288185174e.txt")
    '000_a41965288185174e'
    """
    return re.sub(r"[^a-z0-9_]+", "-", Path(file_name).stem.lower()).strip("-") or "article"


def read_metadata(corpus_dir: Path) -> tuple[pd.DataFrame, list[dict]]:
    """Read ``metadata.csv`` (all columns as text) and list its problems; an empty frame if there is none."""
    path = corpus_dir / METADATA_FILE
    issues: list[dict] = []
    if not path.exists():
        issues.append(
            _issue(METADATA_FILE, "info", "no metadata", "no metadata.csv: outlet, title and dates come from the texts and file names")
        )
        return pd.DataFrame(columns=METADATA_COLUMNS), issues
    decoded = decode_bytes(path.read_bytes())
    if decoded.text is None:
        raise CorpusError(f"{path}: {decoded.problem}. Write a CSV with the header {','.join(METADATA_COLUMNS)}, or delete the file.")
    _check_row_lengths(path, decoded.text)
    try:
        meta = pd.read_csv(io.StringIO(decoded.text), dtype=str, keep_default_na=False, skipinitialspace=True).fillna("")
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise CorpusError(f"{path}: not a readable CSV ({error}). Fix the quoting, or compare with data/raw/metadata.csv.") from error
    meta.columns = [str(c).strip().lower() for c in meta.columns]
    if "file" not in meta.columns:
        raise CorpusError(
            f"{path}: no 'file' column (found: {', '.join(meta.columns) or 'none'}). "
            f"The first line must be a header such as {','.join(METADATA_COLUMNS)}."
        )
    for column in METADATA_COLUMNS:
        if column not in meta.columns:
            issues.append(
                _issue(
                    METADATA_FILE,
                    "warning",
                    "missing column",
                    f"metadata.csv has no '{column}' column: it is taken from the texts or left unknown",
                )
            )
            meta[column] = ""
    extra = [c for c in meta.columns if c not in METADATA_COLUMNS]
    if extra:
        issues.append(_issue(METADATA_FILE, "info", "extra columns", f"extra columns kept as they are: {', '.join(extra)}"))
    meta = meta.map(lambda v: v.strip() if isinstance(v, str) else v)
    meta["_row"] = meta.index + 2  # the line number in the file, header being line 1
    duplicated = meta["file"].duplicated(keep="first") & meta["file"].ne("")
    for _, row in meta[duplicated].iterrows():
        issues.append(
            _issue(
                row["file"],
                "warning",
                "duplicate metadata row",
                f"metadata.csv line {row['_row']} repeats this file; the first row is used. Remove the repeated row",
            )
        )
    for _, row in meta[meta["file"].eq("")].iterrows():
        issues.append(
            _issue(
                METADATA_FILE,
                "warning",
                "row without file",
                f"metadata.csv line {row['_row']} names no file and is ignored. Fill in its 'file' column or remove it",
            )
        )
    return meta[~duplicated & meta["file"].ne("")].reset_index(drop=True), issues


def _check_row_lengths(path: Path, text: str) -> None:
    """Refuse a metadata row with more cells than the header: pandas would silently shift its values into an index."""
    rows = csv.reader(io.StringIO(text))
    try:
        header = next(rows, [])
        for line, row in enumerate(rows, start=2):
            if len(row) > len(header):
                raise CorpusError(
                    f"{path}: line {line} has {len(row)} cells but the header has {len(header)}. "
                    "Put values that contain commas in double quotes, or remove the extra cells."
                )
    except csv.Error as error:
        raise CorpusError(f"{path}: not a readable CSV ({error}). Fix the quoting, or compare with data/raw/metadata.csv.") from None


def _issue(file: str, level: str, kind: str, message: str) -> dict:
    return {"file": file, "level": level, "kind": kind, "message": message}


def _shorten(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _parse_iso_date(value: str) -> pd.Timestamp | None:
    """A metadata date, which must be YYYY-MM-DD; None if it is not."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return pd.Timestamp(value)
    except ValueError:
        return None


class Stated(NamedTuple):
    """What a file states about itself before cleaning (an HTML page's meta tags)."""

    title: str | None = None
    author: str | None = None
    published: str | None = None


def _article_row(path: Path, data: bytes, text: str, meta: dict | None, stated: Stated, issues: list[dict]) -> tuple[dict, list[dict]]:
    """One article's row, from its decoded text and its metadata row (or None)."""
    name = path.name
    meta = meta or {}
    cleaned = clean_article(text, known_title=meta.get("title") or stated.title or None)
    row: dict = {"file": name}

    def note(level: str, kind: str, message: str) -> None:
        issues.append(_issue(name, level, kind, message))

    def pick(column: str, inferred: str | None, fallback: str = "", fallback_origin: str = UNKNOWN) -> tuple[str, str]:
        """A value and its origin: metadata first, then what the text states, then the fallback."""
        given = meta.get(column, "")
        if given:
            return given, FROM_METADATA
        if inferred:
            return inferred, FROM_TEXT
        return fallback, (fallback_origin if fallback else UNKNOWN)

    row["outlet"], row["outlet_origin"] = pick("outlet", None, Path(name).stem, FROM_FILE_NAME)
    row["url"], row["url_origin"] = pick("url", None)
    row["title"], row["title_origin"] = pick("title", stated.title or cleaned.title)
    row["author"], row["author_origin"] = pick("author", stated.author or cleaned.author)

    page_date = _parse_iso_date((stated.published or "")[:10])
    stated_date = page_date if page_date is not None else (pd.Timestamp(cleaned.published) if cleaned.published else None)
    how = "page's meta tags" if page_date is not None else cleaned.published_how
    given_date = meta.get("published", "")
    parsed = _parse_iso_date(given_date) if given_date else None
    if given_date and parsed is None:
        note(
            "warning",
            "malformed date",
            f"metadata.csv gives published='{given_date}', not a YYYY-MM-DD date; it is ignored. Write it as 2025-06-05",
        )
    if parsed is not None:
        row["published"], row["published_origin"] = parsed, FROM_METADATA
        if stated_date is not None and stated_date != parsed:
            disagreement = f"metadata.csv says {parsed:%Y-%m-%d} but the text's {how} says {stated_date:%Y-%m-%d}"
            note("warning", "date disagrees", disagreement + "; metadata is used")
    elif stated_date is not None:
        row["published"], row["published_origin"] = stated_date, FROM_TEXT
        note("info", "date from text", f"published {stated_date:%Y-%m-%d}, from the text's {how}")
    elif (dated := _URL_DATE_RE.search(row["url"] or "")) is not None:
        # (the metadata and the text silent, the address's date: a site's own record of when it published the page)
        row["published"], row["published_origin"] = pd.Timestamp("-".join(dated.groups())), FROM_URL
        note("info", "date from url", f"published {row['published']:%Y-%m-%d}, from the page's address")
    else:
        row["published"], row["published_origin"] = pd.NaT, UNKNOWN
    for column in ("title", "author"):
        if row[f"{column}_origin"] == FROM_TEXT:
            note("info", f"{column} from text", f"{column} '{row[column]}' from the text")
    for piece in cleaned.removed:
        note("info", "cleaned", f"removed {piece['kind']}: {_shorten(piece['text'])}")
    for key, value in meta.items():
        if key not in row and key not in METADATA_COLUMNS and not key.startswith("_"):
            row[key] = value
    row["sha256"] = hashlib.sha256(data).hexdigest()
    row["raw_text"] = text
    row["text"] = cleaned.text
    row["removed"] = cleaned.removed
    row["n_words"] = count_words(cleaned.text)
    # Split once here: every analysis stage reads these sentences (textutils.article_sentences) instead of splitting again.
    row[SENTENCES_COLUMN] = split_sentences(cleaned.text)
    row["n_sentences"] = len(row[SENTENCES_COLUMN])
    return row, cleaned.removed


def _read_article(path: Path, meta: dict | None, issues: list[dict]) -> tuple[dict, list[dict]] | str:
    """Read one article file into its row and removed pieces; or return why it is skipped."""
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        return (
            f"{size / 1e6:.1f} MB is more than one article ({MAX_ARTICLE_BYTES / 1e6:.0f} MB at most): split it into one file per article"
        )
    data = path.read_bytes()
    decoded = decode_bytes(data)
    if decoded.warning:
        issues.append(_issue(path.name, "warning", "encoding", decoded.warning))
    if decoded.text is None:
        return f"{decoded.problem}. Replace it with the article's text or remove it"
    text, stated = decoded.text, Stated()
    if path.suffix.lower() in HTML_SUFFIXES or looks_like_html(text):
        page = html_to_text(text)
        text, stated = page.text, Stated(page.title, page.author, page.published)
        dropped = f"; dropped {', '.join(page.dropped)}" if page.dropped else ""
        issues.append(_issue(path.name, "info", "HTML page", f"an HTML page: its article text was extracted{dropped}"))
    row, removed = _article_row(path, data, text, meta, stated, issues)
    row["encoding"] = decoded.encoding
    if row["n_words"] == 0:
        return "nothing but boilerplate is left after cleaning. Check that the file holds the article"
    return row, removed


def _read_with_issues(path: Path, meta: dict | None) -> tuple[tuple[dict, list[dict]] | str, list[dict]]:
    """:func:`_read_article` with the messages it writes returned beside its result, so a worker process can run it."""
    issues: list[dict] = []
    return _read_article(path, meta, issues), issues


def read_articles(paths: list[Path], meta_by_file: dict[str, dict], workers: int = 1) -> list:
    """Read every file (in worker processes when there are many), in order: each result with its messages."""
    metas = [meta_by_file.get(p.name) for p in paths]
    if not _reads_in_processes(paths, workers):
        return [_read_with_issues(p, m) for p, m in zip(paths, metas, strict=True)]
    with ProcessPoolExecutor(max_workers=min(workers, os.cpu_count() or 1)) as pool:
        return list(pool.map(_read_with_issues, paths, metas, chunksize=PARALLEL_READ_CHUNK))


def _reads_in_processes(paths: list[Path], workers: int) -> bool:
    """Whether :func:`read_articles` reads the files in worker processes."""
    return workers > 1 and len(paths) >= PARALLEL_READ_MIN_FILES


def _content_key(text: str) -> str:
    """The same article under two names: the same words, whatever the spacing and case."""
    return hashlib.sha256(" ".join(text.lower().split()).encode("utf-8")).hexdigest()


def load_corpus(corpus_dir: str | Path, workers: int = 1) -> Corpus:
    """Load every article file of a corpus folder, with its metadata, cleaned text, its sentences and counts.

    The ``sentences`` column holds each text split into sentences once, for the analysis stages to share; it is for
    reading, never for a table (articles.csv takes :data:`mediabrief.analysis.ARTICLE_COLUMNS`).

    ``workers`` processes read and clean the files when the corpus is large; the result is the same.

    Returns the articles (one row each, sorted by file name), the ingest report (every file and every metadata
    problem, with its outcome) and the removed boilerplate (one row per removed piece).
    Raises :class:`CorpusError` only when nothing sensible can be built: no folder, no article, unreadable metadata.
    """
    folder = Path(corpus_dir).expanduser().resolve()
    if not folder.is_dir():
        raise CorpusError(
            f"{folder}: no such folder. Give the folder that holds the article .txt files "
            f"(and optionally metadata.csv), e.g. make briefing CORPUS=data/raw"
        )
    files = sorted((p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")), key=lambda p: p.name)
    articles_files = [p for p in files if p.suffix.lower() in ARTICLE_SUFFIXES]
    if not articles_files:
        raise CorpusError(f"{folder}: no article files (*.txt or *.html). Put one article per .txt file in this folder.")
    meta, issues = read_metadata(folder)
    meta_by_file = {row["file"]: row for row in meta.to_dict("records")}

    names = {p.name for p in articles_files}
    for path in files:
        if path.name not in names and path.name != METADATA_FILE:
            issues.append(_issue(path.name, "info", "not an article", "not read: only *.txt and *.html files are articles"))
    for name, row in meta_by_file.items():
        if name not in names:
            message = f"metadata.csv line {row['_row']} names this file, which is not in {folder.name}/. "
            issues.append(_issue(name, "warning", "missing file", message + "Fix the name in metadata.csv or add the file"))

    meta_lower = {n.lower() for n in meta_by_file}
    reads = read_articles(articles_files, meta_by_file, workers)
    read_rows = [result[0] for result, _ in reads if not isinstance(result, str)]
    # Here rather than in the readers: the language model loads once, in this process.
    for row, language in zip(read_rows, detect_languages([row["text"] for row in read_rows]), strict=True):
        row["language"] = language
    rows, removed_rows, skipped, seen = [], [], set(), {}
    for path, (result, read_issues) in zip(articles_files, reads, strict=True):
        if path.name not in meta_by_file and not meta.empty:
            other_case = path.name.lower() in meta_lower
            hint = " (metadata.csv has it in another letter case)" if other_case else ""
            message = f"no row in metadata.csv{hint}: outlet is the file name, other fields come from the text. Add a row for it"
            issues.append(_issue(path.name, "warning", "no metadata row", message))
        issues.extend(read_issues)
        if isinstance(result, str):
            issues.append(_issue(path.name, "error", "unreadable", f"skipped: {result}"))
            skipped.add(path.name)
            continue
        row, removed = result
        if not is_english(row["language"]):
            message = f"language detected: {row['language']}. Analyses that assume English skip this article"
            issues.append(_issue(path.name, "warning", "not English", message))
        key = _content_key(row["text"])
        if key in seen:
            message = f"skipped: the same text as {seen[key]}, which is kept, so the article counts once. Remove one of them"
            issues.append(_issue(path.name, "warning", "duplicate", message))
            skipped.add(path.name)
            continue
        seen[key] = path.name
        rows.append(row)
        removed_rows.extend({"file": path.name, **r} for r in removed)

    articles = _articles_frame(rows)
    ids = dict(zip(articles["file"], articles["article_id"], strict=True))
    removed = pd.DataFrame(removed_rows, columns=["file", "kind", "text"])
    removed.insert(0, "article_id", removed["file"].map(ids))
    ingest = ingest_report(issues, [p.name for p in articles_files], skipped)
    return Corpus(articles, ingest, removed)


def _articles_frame(rows: list[dict]) -> pd.DataFrame:
    articles = pd.DataFrame(rows)
    if articles.empty:
        articles = pd.DataFrame(columns=["file", *METADATA_COLUMNS[1:], "text", SENTENCES_COLUMN, "n_words", "n_sentences", "language"])
    ids = articles["file"].map(article_id_for)
    # Two files whose names differ only in case or punctuation get numbered ids, still stable.
    ids = ids.where(~ids.duplicated(keep=False), ids + "-" + ids.groupby(ids).cumcount().add(1).astype(str))
    articles.insert(0, "article_id", ids)
    articles["published"] = pd.to_datetime(articles["published"])
    return articles.sort_values("file", ignore_index=True)


def ingest_report(issues: list[dict], article_files: list[str], skipped: set[str]) -> pd.DataFrame:
    """One row per message, plus one 'processed' row for each article file that had none; each with its outcome."""
    report = pd.DataFrame(issues, columns=["file", "level", "kind", "message"])
    quiet = [f for f in article_files if f not in set(report["file"])]
    report = pd.concat(
        [report, pd.DataFrame({"file": quiet, "level": "info", "kind": "ok", "message": "read; no boilerplate found"})], ignore_index=True
    )
    warned = set(report.loc[report["level"].eq("warning"), "file"])

    missing = set(report.loc[report["kind"].eq("missing file"), "file"])

    def outcome(file: str) -> str:
        if file in skipped:
            return SKIPPED
        if file in article_files:
            return WARNED if file in warned else PROCESSED
        return MISSING if file in missing else METADATA if file == METADATA_FILE else NOT_ARTICLE

    report.insert(1, "outcome", report["file"].map(outcome))
    level_order = {"error": 0, "warning": 1, "info": 2}
    return (
        report.assign(_level=report["level"].map(level_order))
        .sort_values(["file", "_level"], kind="stable")
        .drop(columns="_level")
        .reset_index(drop=True)
    )
