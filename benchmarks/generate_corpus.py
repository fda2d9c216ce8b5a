"""Write N synthetic articles (and metadata.csv) by recombining the seed articles' sentences. Seeded: same N and seed,
same corpus. For benchmarks only; not part of the package.

    python benchmarks/generate_corpus.py OUT_DIR --n 1000 [--seed 7]

Every article mixes sentences from several seeds (so the money, stance, claims and reuse stages all have work),
gets an outlet from a fixed list, a June 2025 date, and some of its dollar figures changed.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
from pathlib import Path

from mediabrief.config import RAW_DIR
from mediabrief.corpus import load_corpus
from mediabrief.textutils import split_sentences

OUTLETS = [
    f"{place} {kind}"
    for place in ("Pacific", "Capital", "Harbor", "Summit", "Northern", "Metro", "Global", "Valley")
    for kind in ("Times", "Post", "Herald", "Wire", "Ledger")
]
AMOUNT = re.compile(r"\$\d+(?:\.\d+)?(?=\s*(?:billion|bn|B\b))")


def seed_sentences() -> list[str]:
    """Every sentence of the seed corpus, in order."""
    articles = load_corpus(RAW_DIR).articles
    return [s.text for text in articles["text"] for s in split_sentences(text)]


def synthetic_article(rng: random.Random, pool: list[str]) -> str:
    """Between 8 and 30 seed sentences in a random order, in paragraphs of up to four, some figures changed."""
    chosen = rng.sample(pool, rng.randint(8, min(30, len(pool))))
    chosen = [AMOUNT.sub(lambda m: f"${rng.choice([3, 25, 61, 175, 500, 831])}", s) if rng.random() < 0.3 else s for s in chosen]
    paragraphs = [" ".join(chosen[i : i + 4]) for i in range(0, len(chosen), 4)]
    return "\n\n".join(paragraphs) + "\n"


def generate(out_dir: Path, n: int, seed: int = 7) -> Path:
    """Write ``n`` articles and their metadata.csv into ``out_dir``; return it."""
    rng = random.Random(seed)
    pool = seed_sentences()
    out_dir.mkdir(parents=True, exist_ok=True)
    width = len(str(n))
    with open(out_dir / "metadata.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "outlet", "url", "published", "title", "author"])
        for i in range(n):
            name = f"synthetic_{i:0{width}d}.txt"
            (out_dir / name).write_text(synthetic_article(rng, pool), encoding="utf-8")
            outlet = rng.choice(OUTLETS)
            slug = outlet.lower().replace(" ", "")
            writer.writerow([name, outlet, f"https://{slug}.example/{i}", f"2025-06-{rng.randint(1, 30):02d}", f"Synthetic story {i}", ""])
    return out_dir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(generate(args.out_dir, args.n, args.seed))


if __name__ == "__main__":
    main()
