"""One chart style for every notebook: a colour-blind-safe palette with one fixed colour per outlet,
titles that state the finding, a source note under each figure, and figures saved as PNG and SVG."""

from __future__ import annotations

import io
import textwrap
from collections.abc import Iterable
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # rendering happens without a screen; notebooks show the saved PNG
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

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


def add_source_note(fig: Figure, note: str) -> None:
    """Write a source note under the figure, wrapped to its width."""
    fig.text(0.0, -0.02, textwrap.fill(note, 120), ha="left", va="top", fontsize=7.5, color=NOTE_COLOR)


def save_figure(fig: Figure, name: str, figures_dir: str | Path) -> dict[str, Path]:
    """Save a figure as ``name.png`` and ``name.svg`` in ``figures_dir``; return both paths."""
    folder = Path(figures_dir)
    folder.mkdir(parents=True, exist_ok=True)
    paths = {"png": folder / f"{name}.png", "svg": folder / f"{name}.svg"}
    metadata = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None}}
    for kind, path in paths.items():
        with atomic_path(path) as partial:
            fig.savefig(partial, format=kind, metadata=metadata[kind])
    return paths


def figure_png(fig: Figure) -> bytes:
    """The figure as PNG bytes, as saved."""
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


def length_and_readability_chart(table: pd.DataFrame, colors: dict[str, str]) -> Figure:
    """Two panels by outlet: article length in words, and Flesch-Kincaid grade; the title names the extremes."""
    apply_style()
    data = table.sort_values("n_words")
    longest = data.iloc[-1]
    hardest = data.loc[data["flesch_kincaid_grade"].idxmax()]
    fig, (left, right) = plt.subplots(1, 2, figsize=(PAGE_WIDTH_IN, 0.55 * len(data) + 1.4), sharey=True)
    bar_colors = [colors[o] for o in data["outlet"]]
    left.barh(data["label"], data["n_words"], color=bar_colors)
    left.set_xlabel("Length (words, after cleaning)")
    right.barh(data["label"], data["flesch_kincaid_grade"], color=bar_colors)
    right.set_xlabel("Flesch-Kincaid grade (US school years)")
    for ax, column, fmt in ((left, "n_words", "{:,.0f}"), (right, "flesch_kincaid_grade", "{:.1f}")):
        for y, value in enumerate(data[column]):
            ax.text(value, y, " " + fmt.format(value), va="center", fontsize=8, color=TEXT_COLOR)
        ax.margins(x=0.18)
    fig.suptitle(
        textwrap.fill(
            f"{longest['outlet']} runs longest ({longest['n_words']:,.0f} words); "
            f"{hardest['outlet']} reads hardest (grade {hardest['flesch_kincaid_grade']:.1f})",
            80,
        ),
        x=0.0,
        ha="left",
        fontsize=11,
        fontweight="bold",
    )
    fig.tight_layout()
    return fig
