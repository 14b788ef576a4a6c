#!/usr/bin/env python3
"""The same texts through a spaCy-based quotation extractor, for comparison with saidso.

usage: python spacy_quotes.py CORPUS [--articles N] [--model NAME]

Runs spaCy's small English pipeline and textacy's ``direct_quotations`` (speaker, cue, quote
triples from the parse) over the first N articles of CORPUS (a folder from make_corpus.py), on
one core, and prints the throughput and how many quotations were found. Not part of the package
or of CI: it needs its own environment, e.g.

    python -m venv /tmp/spacy-venv
    /tmp/spacy-venv/bin/pip install spacy textacy
    /tmp/spacy-venv/bin/python -m spacy download en_core_web_sm
    /tmp/spacy-venv/bin/python python/benchmarks/spacy_quotes.py /tmp/corpus-py-20k

Where the model's download host cannot be reached, any installed package holding the same
pipeline will do (``--model`` names it).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

# One core, as saidso's figure is per core: spaCy's maths libraries would otherwise spread out.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[var] = "1"

import spacy  # noqa: E402
from textacy.extract.triples import direct_quotations  # noqa: E402


def articles(corpus: str, n: int) -> list[str]:
    """The first `n` files under `corpus`, in sorted order, as text."""
    files = sorted(p for p in Path(corpus).rglob("*") if p.is_file())
    return [p.read_text(encoding="utf-8") for p in files[:n]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--model", default="en_core_web_sm")
    args = parser.parse_args()
    texts = articles(args.corpus, args.articles)
    mb = sum(len(t.encode()) for t in texts) / 1e6
    nlp = spacy.load(args.model)
    nlp.max_length = max(nlp.max_length, max(len(t) for t in texts) + 1)
    print(f"{len(texts)} articles, {mb:.2f} MB, spaCy {spacy.__version__}, {args.model}")
    start = time.perf_counter()
    cpu = time.process_time()
    quotes = refused = 0
    for doc in nlp.pipe(texts, batch_size=16):
        try:
            quotes += sum(1 for _ in direct_quotations(doc))
        except ValueError:
            # textacy gives up on a text whose quotation marks do not pair up.
            refused += 1
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"spaCy + textacy direct_quotations: {wall:.1f} s ({cpu:.1f} s CPU), {mb / wall:.3f} MB/s")
    print(f"{quotes} quotations; textacy gave up on {refused} of {len(texts)} articles (unpaired marks)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
