"""The command line: ``python -m mediabrief analyze CORPUS_DIR --out OUT_DIR`` and the build's steps."""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from pathlib import Path

from .codebook import CodebookError
from .corpus import METADATA_COLUMNS, CorpusError
from .engine import PARTITION_ROWS

CORPUS_FORMAT = f"""
corpus format:
  A corpus is a folder of article files (*.txt, one article each, UTF-8 preferred) with an optional
  metadata.csv beside them. metadata.csv has a header line with at least these columns:
    {",".join(METADATA_COLUMNS)}
  'file' names an article file in the folder; 'published' is YYYY-MM-DD; extra columns are kept.
  Where metadata.csv is silent, the loader uses what the text states (a 'date YYYY-MM-DD' header, a
  "By NAME" byline, a dateline such as "Thu, 06/05/2025 - 14:02", a headline line) and records where
  each value came from. Every file and every metadata problem is listed in ingest_report.csv.
"""


def _tables_help() -> str:
    from .analysis import TABLES

    lines = ["tables written to OUT_DIR:"]
    for name, description in TABLES.items():
        lines.append(textwrap.fill(f"{name}: {description}", 100, initial_indent="  ", subsequent_indent="      "))
    return "\n".join(lines)


def _analyze(args: argparse.Namespace) -> int:
    from .analysis import analyze, write_tables

    tables = analyze(args.corpus, args.codebook, args.workers, args.engine, args.cluster)
    for path in write_tables(tables, args.out):
        print(f"wrote {path} ({len(tables[path.name])} rows)")
    ingest = tables["ingest_report.csv"]
    problems = ingest[ingest["level"].isin(["warning", "error"])]
    for row in problems.itertuples():
        print(f"{row.level}: {row.file}: {row.message}", file=sys.stderr)
    return 0


def _run_notebook(args: argparse.Namespace) -> int:
    from .notebooks import execute_notebook

    parameters = dict(item.split("=", 1) for item in args.parameter)
    early = None
    if args.pdf:  # before the run: a machine without a browser learns it at once, and the browser starts meanwhile
        from .render import early_browser

        early = early_browser()
    try:
        execute_notebook(args.source, args.executed, parameters)
        print(f"executed {args.source} -> {args.executed}")
        if args.html or args.pdf:
            # Rendered here, in the process that ran the notebook: one start-up and one nbconvert set-up for all three files.
            import nbformat

            from .render import notebook_html, print_pdf, write_html

            nb = nbformat.read(str(args.executed), as_version=4)
            page = notebook_html(nb, args.with_code)
            if args.html:
                print(f"wrote {write_html(page, args.html)}")
            if args.pdf:
                print(f"wrote {print_pdf(page if not args.with_code else notebook_html(nb), args.pdf, args.executed.name, early=early)}")
    finally:
        if early is not None:
            early.close()
    if args.snapshot:
        # Here, not in a process of its own: a second start-up (a second and a half) for a copy of some CSV files.
        args.out, args.date, args.clear = args.snapshot, args.snapshot_date, False
        return _history(args)
    return 0


def _render(args: argparse.Namespace) -> int:
    from .render import render_html, render_pdf

    out = render_html(args.notebook, args.out, args.with_code) if args.format == "html" else render_pdf(args.notebook, args.out)
    print(f"wrote {out}")
    return 0


def _browser(args: argparse.Namespace) -> int:
    from .render import find_browser, install_browser

    path = install_browser() if args.install else find_browser()
    if path is None:
        print("no Chromium found; `python -m mediabrief browser --install` installs one", file=sys.stderr)
        return 1
    print(path)
    return 0


def _serve_build(args: argparse.Namespace) -> int:
    from .watch import serve_build

    return serve_build(args.socket)


def _watch(args: argparse.Namespace) -> int:
    from .watch import watch

    return watch(args.variables)


class _Parser(argparse.ArgumentParser):
    """A parser whose epilog may be a function, called only when the help is shown: the list of tables needs every
    analysis module imported, a second and a half that a build step should not spend on parsing its arguments."""

    def format_help(self) -> str:
        if callable(self.epilog):
            self.epilog = self.epilog()
        return super().format_help()


def _history(args: argparse.Namespace) -> int:
    from .timeline import clear_history, history_dir, snapshots, write_snapshot

    if args.clear:
        print(f"removed {clear_history(args.out)} snapshot(s) from {history_dir(args.out)}")
    elif args.snapshot:
        try:
            kept = write_snapshot(args.out, args.date)
        except (FileNotFoundError, ValueError) as error:  # no tables yet, or a date that is not YYYY-MM-DD
            print(f"error: {error}", file=sys.stderr)
            return 2
        print(f"snapshot: {'wrote' if kept.written else 'tables unchanged since'} {kept.path}")
    else:
        for snapshot in snapshots(args.out):
            print(snapshot.path)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m mediabrief", description="Measure a folder of news articles on one story.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    analyze = commands.add_parser(
        "analyze",
        help="write the analysis tables of a corpus as CSV",
        description="Read a corpus folder and write the analysis tables as CSV into OUT_DIR, rendering nothing.",
        epilog=lambda: CORPUS_FORMAT + "\n" + _tables_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    analyze.add_argument("corpus", type=Path, metavar="CORPUS_DIR", help="folder of *.txt articles (and metadata.csv)")
    analyze.add_argument("--out", type=Path, required=True, metavar="OUT_DIR", help="folder for the CSV tables (created)")
    analyze.add_argument("--codebook", type=Path, default=None, help="codebook folder or YAML file (default: data/codebook/)")
    analyze.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        metavar="N",
        help=f"worker processes for the per-article stages (default: every core, {os.cpu_count()} here; "
        f"a corpus of one partition, {PARTITION_ROWS} articles or fewer, runs in this process)",
    )
    analyze.add_argument(
        "--engine", choices=["local", "dask"], default="local", help="local processes (default) or Dask (a LocalCluster unless --cluster)"
    )
    analyze.add_argument("--cluster", default=None, metavar="ADDRESS", help="a Dask scheduler address, e.g. tcp://10.0.0.5:8786")
    analyze.set_defaults(func=_analyze)

    run = commands.add_parser("run-notebook", help="execute a notebook with parameters (used by the Makefile)")
    run.add_argument("source", type=Path)
    run.add_argument("executed", type=Path)
    run.add_argument("-p", "--parameter", action="append", default=[], metavar="NAME=VALUE", help="a string parameter")
    run.add_argument("--html", type=Path, default=None, metavar="PATH", help="also render the executed notebook to HTML")
    run.add_argument("--with-code", action="store_true", help="show the code cells in the HTML (for the analysis notebooks)")
    run.add_argument("--pdf", type=Path, default=None, metavar="PATH", help="also print it to PDF (code hidden) through Chromium")
    run.add_argument(
        "--snapshot",
        type=Path,
        default=None,
        metavar="OUT_DIR",
        help="then keep OUT_DIR's tables in OUT_DIR/history/ (as `history --snapshot`)",
    )
    run.add_argument("--snapshot-date", default=None, metavar="YYYY-MM-DD", help="the snapshot's date (default: today)")
    run.set_defaults(func=_run_notebook)

    render = commands.add_parser("render", help="render an executed notebook to HTML or PDF with code hidden")
    render.add_argument("format", choices=["html", "pdf"])
    render.add_argument("notebook", type=Path)
    render.add_argument("out", type=Path)
    render.add_argument("--with-code", action="store_true", help="show the code cells (HTML only; for the analysis notebooks)")
    render.set_defaults(func=_render)

    history = commands.add_parser(
        "history",
        help="list, take or clear the snapshots of an output folder's tables (OUT_DIR/history/)",
        description="Each `make briefing` keeps a dated copy of OUT_DIR's analysis tables in OUT_DIR/history/<YYYY-MM-DD>[-N]/; "
        "the next build compares with the latest. With no option, list the snapshots.",
    )
    history.add_argument("out", type=Path, metavar="OUT_DIR", help="the output folder (reports/ for the seeds)")
    action = history.add_mutually_exclusive_group()
    action.add_argument("--snapshot", action="store_true", help="keep the tables now (nothing is written if they equal the latest)")
    action.add_argument("--clear", action="store_true", help="remove every snapshot: the next build has nothing to compare with")
    history.add_argument("--date", default=None, metavar="YYYY-MM-DD", help="the snapshot's date (default: today)")
    history.set_defaults(func=_history)

    watch = commands.add_parser(
        "watch",
        help="build the briefing, then rebuild it whenever an input changes, keeping the imports warm (make watch)",
        description="Run `make briefing VARIABLE=value ...` now and after every change to the corpus, the codebook, the "
        "notebooks, data/ or the package, until Ctrl-C. Each build step runs in a fork of this process, which has "
        "already imported what a step needs: a codebook edit is rebuilt in a few seconds.",
    )
    watch.add_argument("variables", nargs="*", metavar="VARIABLE=value", help="make variables: CORPUS, OUT, CODEBOOK, ...")
    watch.set_defaults(func=_watch)

    serve = commands.add_parser("serve-build", help="serve the steps of one build from a warm process (started by the first step)")
    serve.add_argument("socket", type=Path)
    serve.set_defaults(func=_serve_build)

    browser = commands.add_parser("browser", help="print the Chromium used for PDF; --install installs one if none")
    browser.add_argument("--install", action="store_true")
    browser.set_defaults(func=_browser)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from .notebooks import NotebookError
    from .render import RenderError

    try:
        return args.func(args)
    except (CorpusError, CodebookError, NotebookError, RenderError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
