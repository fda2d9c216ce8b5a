"""One chart style for every notebook: a colour-blind-safe palette with one fixed colour per outlet,
titles that state the finding, a source note under each figure, and figures saved as PNG and SVG."""

from __future__ import annotations

import io
import os
import sys
import textwrap
import traceback
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # rendering happens without a screen; notebooks show the saved PNG
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from .files import atomic_path  # noqa: E402

# Okabe & Ito (2008), distinguishable with every common colour-vision deficiency; black is kept for text.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999"]
TEXT_COLOR = "#222222"
NOTE_COLOR = "#555555"
PAGE_WIDTH_IN = 7.0  # fits a Letter or A4 page inside its margins

STYLE = {
    "figure.figsize": (PAGE_WIDTH_IN, 3.4),
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "font.size": 9.5,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelcolor": TEXT_COLOR,
    "axes.edgecolor": "#888888",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "x",
    "grid.color": "#DDDDDD",
    "xtick.color": TEXT_COLOR,
    "ytick.color": TEXT_COLOR,
    # Article text is full of "$": never read it as mathtext.
    "text.parse_math": False,
    # Reproducible SVGs: fixed ids and no date stamp.
    "svg.hashsalt": "mediabrief",
    "svg.fonttype": "none",
}


def short_label(text: object, width: int) -> str:
    """A label cut to ``width`` characters at a word's end, with "…"; a first word longer than that (a web address as
    an outlet's name) is cut inside, where a cut at words would leave the mark alone.

    >>> short_label("Zythi World Analysis (blog)", 24), short_label("main.d358xbzettaslu.amplifyapp.com", 24)
    ('Zythi World Analysis…', 'main.d358xbzettaslu.amp…')
    """
    flat = " ".join(str(text).split())
    if len(flat) <= width:
        return flat
    cut = textwrap.shorten(flat, width, placeholder="…")
    return cut if cut != "…" else flat[: width - 1] + "…"


def apply_style() -> None:
    """Set the project's matplotlib style (idempotent)."""
    plt.rcParams.update(STYLE)


def outlet_colors(outlets: Iterable[str]) -> dict[str, str]:
    """One colour per outlet, fixed by the outlets' sorted order, so every chart of a corpus agrees.

    >>> outlet_colors(["TIME", "Benzinga", "TIME"])
    {'Benzinga': '#0072B2', 'TIME': '#E69F00'}
    """
    names = sorted({str(o) for o in outlets})
    extra = [matplotlib.colors.to_hex(c) for c in plt.get_cmap("tab20").colors]
    palette = OKABE_ITO + [c for c in extra if c not in OKABE_ITO]
    return {name: palette[i % len(palette)] for i, name in enumerate(names)}


SOURCE_NOTE_GID = "source-note"


def readable_text_color(face: str) -> str:
    """Black or white, whichever reads better on ``face`` (by its relative luminance, as WCAG computes it).

    >>> readable_text_color("#F0E442"), readable_text_color("#0072B2")
    ('#222222', 'white')
    """

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in matplotlib.colors.to_rgb(face))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return TEXT_COLOR if luminance > 0.179 else "white"


# A legend of more entries than this (one per outlet) is taller than most charts: the colours are the outlets' own,
# the same in every chart and named in the charts that show few outlets.
LEGEND_MAX_ENTRIES = 15


def without_crowded_legend(draw: Callable[[], Figure], max_entries: int = LEGEND_MAX_ENTRIES) -> Figure:
    """Draw a chart whose legend has one entry per outlet (``draw()``), drop a legend longer than ``max_entries`` and lay
    the figure out again. matplotlib's "Tight layout not applied" while drawing is about that legend, which is then
    gone (a figure that still cannot be laid out warns again here); "No artists with labels" is an empty legend.
    """
    import warnings

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Tight layout not applied", UserWarning)
        # A chart with nothing to label (no outlet has a point) asks for an empty legend: nothing to show, nothing lost.
        warnings.filterwarnings("ignore", "No artists with labels found to put in legend", UserWarning)
        fig = draw()
    for ax in fig.axes:
        legend = ax.get_legend()
        if legend is not None and len(legend.get_texts()) > max_entries:
            legend.remove()
    fig.tight_layout()
    return fig


def add_source_note(fig: Figure, note: str) -> None:
    """Write a source note under the figure, wrapped to its width (placed under everything else when it is saved)."""
    fig.text(0.0, -0.02, textwrap.fill(note, 120), ha="left", va="top", fontsize=7.5, color=NOTE_COLOR, gid=SOURCE_NOTE_GID)


def clear_figure_labels(fig: Figure, pad_px: float = 4.0) -> None:
    """Keep a figure's title (suptitle) above its panels and its shared x label (supxlabel) below them: with many rows
    or a wrapped title, tight_layout can leave them drawn over panel titles or tick labels. Moves the panels, not the
    labels.
    """
    sup = [t for t in fig.texts if fig.get_suptitle() and t.get_text() == fig.get_suptitle()]
    supx = [t for t in fig.texts if fig.get_supxlabel() and t.get_text() == fig.get_supxlabel()]
    if not fig.axes or not (sup or supx):
        return
    renderer = fig.canvas.get_renderer()  # boxes measured with the renderer, not drawn: a draw costs as much as a save
    height = fig.bbox.height
    params = fig.subplotpars
    panels = [ax.get_tightbbox(renderer) for ax in fig.axes if ax.get_visible()]
    top, bottom = params.top, params.bottom
    if sup:
        overlap = max(b.y1 for b in panels) - sup[0].get_window_extent(renderer).y0 + pad_px
        if overlap > 0:
            top = params.top - overlap / height
    if supx:
        overlap = supx[0].get_window_extent(renderer).y1 - min(b.y0 for b in panels) + pad_px
        if overlap > 0:
            bottom = params.bottom + overlap / height
    if (top, bottom) != (params.top, params.bottom) and top > bottom + 0.1:
        fig.subplots_adjust(top=top, bottom=bottom)


def place_source_notes(fig: Figure) -> None:
    """Move the source note just under the lowest thing drawn (rotated tick labels, an axis title), so that it never
    runs into them, whatever the chart's size."""
    clear_figure_labels(fig)
    notes = [t for t in fig.texts if t.get_gid() == SOURCE_NOTE_GID]
    if not notes:
        return
    for note in notes:
        note.set_in_layout(False)
    # Measured with the renderer, not drawn (a draw costs as much as saving the figure): the same boxes.
    bottom = fig.get_tightbbox(fig.canvas.get_renderer()).y0  # inches from the figure's bottom edge
    for note in notes:
        note.set_y((bottom - 0.08) / fig.get_figheight())
        note.set_in_layout(True)


# Set by the tests' gallery builds: every saved figure is checked for overlapping text. A figure of the briefing
# ("briefing_*") with any stops the build, naming the figure and the texts; an analysis notebook's figure has them
# written to OVERLAPS_FILE beside it, for the gallery test to read.
CHECK_FIGURES_ENV = "MEDIABRIEF_CHECK_FIGURES"
OVERLAPS_SUFFIX = ".overlaps.txt"
# Boxes closer than this (pixels at the figure's dpi) do not count as overlapping: glyph boxes include some padding.
OVERLAP_TOLERANCE_PX = 1.0


class FigureLayoutError(Exception):
    """A figure has texts drawn over each other; the message names the figure and the texts."""


def _drawn_texts(fig: Figure) -> list[Text]:
    """Every non-empty, visible text of a drawn figure; tick labels only where their axis is drawn and their tick is
    inside the axis's view (matplotlib keeps labels for ticks it does not draw)."""
    hidden: set[int] = set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            ticks = axis.get_major_ticks() + axis.get_minor_ticks()
            low, high = sorted(axis.get_view_interval())
            slack = 1e-9 * max(1.0, abs(low), abs(high))
            shown = ax.axison and axis.get_visible()
            for tick in ticks:
                if not shown or not low - slack <= tick.get_loc() <= high + slack:
                    hidden.update({id(tick.label1), id(tick.label2)})
    return [t for t in fig.findobj(Text) if id(t) not in hidden and t.get_visible() and t.get_text().strip()]


def text_overlaps(fig: Figure) -> list[tuple[str, str]]:
    """The pairs of texts drawn over each other in a figure (each text's box after drawing, its frame if it has one).

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _ = ax.text(0.5, 0.5, "one label"), ax.text(0.5, 0.5, "another label")
    >>> text_overlaps(fig)
    [('one label', 'another label')]
    >>> plt.close(fig)
    """
    place_source_notes(fig)  # as it is saved
    return _overlaps_as_placed(fig)


def _overlaps_as_placed(fig: Figure) -> list[tuple[str, str]]:
    """:func:`text_overlaps` of a figure whose source notes are already placed (placing them again moves nothing)."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    texts = _drawn_texts(fig)
    boxes = []
    for text in texts:
        patch = text.get_bbox_patch()
        box = patch.get_window_extent(renderer) if patch is not None else text.get_window_extent(renderer)
        boxes.append(box)
    found = []
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            if _boxes_overlap(boxes[i], boxes[j], OVERLAP_TOLERANCE_PX):
                found.append((texts[i].get_text(), texts[j].get_text()))
    return found


def _boxes_overlap(a, b, tolerance: float = 0.0) -> bool:
    """Whether two drawn boxes share more than ``tolerance`` pixels both across and down."""
    return min(a.x1, b.x1) - max(a.x0, b.x0) > tolerance and min(a.y1, b.y1) - max(a.y0, b.y0) > tolerance


def drop_overlapping(texts: list, fig: Figure, marks: list | None = None) -> int:
    """Remove each text (in the order given: the first are kept first) that would print over one already kept, or over
    one of ``marks`` (functions giving a drawn mark's box on the final layout); how many were removed. For labels that
    may crowd (counts beside close marks), not for titles or axes.

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> drop_overlapping([ax.text(0.5, 0.5, "kept"), ax.text(0.5, 0.5, "dropped")], fig), [t.get_text() for t in ax.texts]
    (1, ['kept'])
    >>> plt.close(fig)
    """
    if not texts:
        return 0
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    kept, removed = [], 0
    obstacles = [mark() for mark in marks or []]
    for text in texts:
        box = text.get_window_extent(renderer)
        if any(_boxes_overlap(box, k) for k in kept) or any(_boxes_overlap(box, o, OVERLAP_TOLERANCE_PX) for o in obstacles):
            text.remove()
            removed += 1
        else:
            kept.append(box)
    return removed


def check_text_layout(fig: Figure, name: str, placed: bool = False) -> None:
    """Raise :class:`FigureLayoutError` if any two texts of the figure overlap (``placed``: its source notes are already
    placed, see :func:`place_source_notes`)."""
    found = _overlaps_as_placed(fig) if placed else text_overlaps(fig)
    if found:
        shown = "; ".join(f"{a!r} over {b!r}" for a, b in found[:8])
        raise FigureLayoutError(f"figure {name}: {len(found)} pair(s) of texts overlap: {shown}")


def save_figure(fig: Figure, name: str, figures_dir: str | Path) -> dict[str, Path]:
    """Save a figure as ``name.png`` and ``name.svg`` in ``figures_dir``; return both paths.

    With ``MEDIABRIEF_CHECK_FIGURES`` set (the tests' gallery builds), a briefing figure whose texts overlap is not
    saved: :class:`FigureLayoutError` names it and the texts; another figure's overlaps go to ``name.overlaps.txt``."""
    place_source_notes(fig)
    folder = Path(figures_dir)
    if os.environ.get(CHECK_FIGURES_ENV):  # the notes are placed: checked as drawn, without placing them a second time
        if name.startswith("briefing_"):
            check_text_layout(fig, name, placed=True)
        elif found := _overlaps_as_placed(fig):
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{name}{OVERLAPS_SUFFIX}").write_text("".join(f"{a!r} over {b!r}\n" for a, b in found), encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    paths = {"png": folder / f"{name}.png", "svg": folder / f"{name}.svg"}
    with atomic_path(paths["png"]) as partial:
        fig.savefig(partial, format="png", metadata=SAVE_METADATA["png"])
    if not _save_in_a_fork(fig, paths["svg"]):
        _save_svg(fig, paths["svg"])
    return paths


SAVE_METADATA = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None}}
# Figures whose SVG a forked copy of this process is writing: {process id: the SVG's path}; forking only inside
# svgs_written_alongside(), which waits for them.
_SVG_WRITERS: dict[int, Path] = {}
_FORK_SVGS = False


def _save_svg(fig: Figure, path: Path) -> None:
    with atomic_path(path) as partial:
        fig.savefig(partial, format="svg", metadata=SAVE_METADATA["svg"])


def _save_in_a_fork(fig: Figure, path: Path) -> bool:
    """Write the figure's SVG in a forked copy of this process, while this one goes on (the SVG is drawn a second
    time, from the same figure, and nothing of the build reads it: the pages embed the PNG); False where fork is not
    safe (no ``os.fork``, or other threads, which a fork would copy stopped mid-work). :func:`wait_for_figures` waits for
    the copies and raises if one failed."""
    import threading

    if not _FORK_SVGS or not hasattr(os, "fork") or threading.active_count() > 1:
        return False
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    pid = os.fork()
    if pid == 0:
        status = 1
        try:
            _save_svg(fig, path)
            status = 0
        except BaseException:  # told on the real stderr: this copy's sys.stderr may be a notebook cell's
            os.write(2, f"writing {path} failed:\n{traceback.format_exc()}".encode())
        finally:
            os._exit(status)
    _SVG_WRITERS[pid] = path
    return True


@contextmanager
def svgs_written_alongside():
    """Within this block (a build step's notebook run), :func:`save_figure` writes each SVG in a forked copy of the
    process while the notebook goes on; on leaving, wait for them all and raise naming any that failed. On a 2-core
    machine the SVGs of a step then cost almost nothing of its time.

    >>> with svgs_written_alongside():
    ...     pass
    """
    global _FORK_SVGS
    _FORK_SVGS = True
    try:
        yield
    except BaseException:
        _FORK_SVGS = False
        wait_for_figures(raise_on_failure=False)  # the error in flight says more than a missing SVG
        raise
    _FORK_SVGS = False
    wait_for_figures()


def wait_for_figures(raise_on_failure: bool = True) -> None:
    """Wait for the SVGs being written in forked copies (:func:`save_figure`); raise naming those that failed."""
    failed = []
    while _SVG_WRITERS:
        pid, path = _SVG_WRITERS.popitem()
        _, status = os.waitpid(pid, 0)
        if status != 0:
            failed.append(str(path))
    if failed and raise_on_failure:
        raise OSError(f"could not write {', '.join(failed)} (the reason is printed above)")


def figure_png(fig: Figure) -> bytes:
    """The figure as PNG bytes, as saved."""
    place_source_notes(fig)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def show_figure(fig: Figure, name: str, figures_dir: str | Path, alt: str):
    """Save a figure, close it, and return it as an image with alt text for the notebook and the rendered HTML."""
    from IPython.display import Image

    # The PNG saved is the PNG shown (figure_png's bytes): read back, not drawn a third time.
    png = save_figure(fig, name, figures_dir)["png"].read_bytes()
    plt.close(fig)
    return Image(data=png, format="png", metadata={"alt": alt}, width=int(PAGE_WIDTH_IN * 96))


# Beyond this many articles, one bar per article makes a chart taller than a page: a scatter takes its place.
BARS_MAX_ARTICLES = 15


def length_and_readability_chart(table: pd.DataFrame, colors: dict[str, str], max_bars: int = BARS_MAX_ARTICLES) -> Figure:
    """Two panels by outlet: article length in words, and Flesch-Kincaid grade; the title names the extremes. With
    more than ``max_bars`` articles, one scatter of grade against length, a dot per article in its outlet's colour.
    Articles without a grade (not English) are left out."""
    apply_style()
    data = table.dropna(subset=["flesch_kincaid_grade"]).sort_values("n_words")
    longest = data.iloc[-1]
    hardest = data.loc[data["flesch_kincaid_grade"].idxmax()]
    title = textwrap.fill(
        f"{longest['outlet']} runs longest ({longest['n_words']:,.0f} words); "
        f"{hardest['outlet']} reads hardest (grade {hardest['flesch_kincaid_grade']:.1f})",
        80,
    )
    bar_colors = [colors.get(o, "#555555") for o in data["outlet"]]
    if len(data) > max_bars:
        fig, ax = plt.subplots(figsize=(PAGE_WIDTH_IN, 3.6))
        ax.scatter(data["n_words"], data["flesch_kincaid_grade"], c=bar_colors, s=26, alpha=0.85, edgecolors="white", linewidths=0.5)
        ax.set_xlabel(f"Length (words, after cleaning); {len(data)} articles")
        ax.set_ylabel("Flesch-Kincaid grade")
        ax.grid(True, axis="both")
        ax.set_title(title)
        fig.tight_layout()
        return fig
    fig, (left, right) = plt.subplots(1, 2, figsize=(PAGE_WIDTH_IN, 0.32 * len(data) + 1.8), sharey=True)
    labels = data["label"] if "label" in data else data["outlet"]
    left.barh(labels, data["n_words"], color=bar_colors)
    left.set_xlabel("Length\n(words, after cleaning)")
    right.barh(labels, data["flesch_kincaid_grade"], color=bar_colors)
    right.set_xlabel("Flesch-Kincaid grade\n(US school years)")
    for ax, column, fmt in ((left, "n_words", "{:,.0f}"), (right, "flesch_kincaid_grade", "{:.1f}")):
        for y, value in enumerate(data[column]):
            ax.text(value, y, " " + fmt.format(value), va="center", fontsize=8, color=TEXT_COLOR)
        ax.margins(x=0.18)
        ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(4))
    fig.suptitle(title, x=0.0, ha="left", fontsize=11, fontweight="bold")
    fig.tight_layout()
    return fig
