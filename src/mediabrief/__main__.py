"""``python -m mediabrief``: see :mod:`mediabrief.cli`."""

import sys

from .cli import main

sys.exit(main())
