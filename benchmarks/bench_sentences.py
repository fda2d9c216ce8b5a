"""The sentence splitter of this checkout against the one of an earlier git revision: how many of the hand-written
boundary cases each gets right (tests/gold/sentence_boundaries.yaml), which cases they disagree on, and how many
articles a second each splits (the seeds, and a generated corpus if given).

    python benchmarks/bench_sentences.py [--baseline REV] [--corpus DIR] [--repeat 5]

--baseline names a git revision whose src/mediabrief/textutils.py is loaded beside this one (default: b2935e0, the
last revision with the hand-written splitter). --corpus is a folder of articles, e.g. one written by
benchmarks/generate_corpus.py. Each timing is the best of --repeat runs: on a shared machine a run is only ever slowed.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from mediabrief import textutils
from mediabrief.config import PROJECT_ROOT, RAW_DIR
from mediabrief.corpus import load_corpus

CASES = PROJECT_ROOT / "tests" / "gold" / "sentence_boundaries.yaml"
Splitter = Callable[[str], list]


def splitter_at(revision: str) -> Splitter:
    """split_sentences as textutils.py defined it at a git revision."""
    source = subprocess.run(
        ["git", "-C", str(PROJECT_ROOT), "show", f"{revision}:src/mediabrief/textutils.py"], check=True, capture_output=True, text=True
    ).stdout
    path = Path(tempfile.mkdtemp()) / "textutils_baseline.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("textutils_baseline", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["textutils_baseline"] = module
    spec.loader.exec_module(module)
    return module.split_sentences


def case_results(split: Splitter) -> list[bool]:
    """Whether each boundary case is split as its expected sentences."""
    cases = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    return [[s.text for s in split(case["text"])] == case["sentences"] for case in cases]


def articles_per_second(split: Splitter, texts: list[str], repeat: int) -> float:
    """Texts split a second, the best of ``repeat`` runs."""
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        for text in texts:
            split(text)
        best = min(best, time.perf_counter() - began)
    return len(texts) / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", default="b2935e0")
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    splitters = {f"baseline {args.baseline}": splitter_at(args.baseline), "this checkout": textutils.split_sentences}
    cases = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    results = {name: case_results(split) for name, split in splitters.items()}
    corpora = {"seeds": load_corpus(RAW_DIR).articles["text"].tolist()}
    if args.corpus:
        corpora[args.corpus.name] = load_corpus(args.corpus).articles["text"].tolist()
    print(f"boundary cases right, of {len(cases)} ({CASES.relative_to(PROJECT_ROOT)}):")
    for name, right in results.items():
        print(f"  {name:<24} {sum(right):>3}")
    (old, old_right), (new, new_right) = results.items()
    for case, a, b in zip(cases, old_right, new_right, strict=True):
        if a != b or not b:
            print(f"  {'+' if b and not a else '-' if a and not b else '='} [{case['kind']}] {case['text']!r}: {old} {a}, {new} {b}")
    print("articles split a second (best of", args.repeat, "runs):")
    for corpus, texts in corpora.items():
        speeds = {name: articles_per_second(split, texts, args.repeat) for name, split in splitters.items()}
        print(f"  {corpus} ({len(texts)} articles): " + ", ".join(f"{name} {speed:,.0f}" for name, speed in speeds.items()))


if __name__ == "__main__":
    main()
