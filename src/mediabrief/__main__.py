"""``python -m mediabrief``: see :mod:`mediabrief.cli`."""

import sys

# jsonschema (4.26.0, under nbformat and nbconvert) imports rfc3987_syntax if it is installed, only to check
# "iri" strings, and that import compiles a Lark grammar: 2 s of CPU in every build step, more than executing a
# notebook. Notebooks never hold an "iri" field (nbformat validates with fastjsonschema anyway), so this process
# tells Python the optional package is absent; jsonschema then skips that one format. Written against
# jsonschema 4.26.0 and rfc3987-syntax 1.1.0; tests/test_notebooks.py fails if jsonschema stops treating it as optional.
sys.modules.setdefault("rfc3987_syntax", None)

# Under `make watch`, a build step hands its command to the watcher, whose imports are warm (mediabrief.watch).
if sys.argv[1:2] in (["run-notebook"], ["render"]):
    from .watch import request_run

    if (status := request_run(sys.argv[1:])) is not None:
        sys.exit(status)

from .cli import main  # noqa: E402

sys.exit(main())
