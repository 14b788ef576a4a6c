#!/usr/bin/env python3
"""Throughput of the Python package, and Dask with two workers against one.

usage: python bench.py CORPUS [--skip-dask | --only-dask] [--only-arrow] [--runs N]

CORPUS is a folder from make_corpus.py (e.g. 20,000 articles). Run with an optimised build
(`pip install ./python`). One core: RAYON_NUM_THREADS=1, set before saidso loads. Each figure is
the best of N runs after one run not timed, by the clock and by the process's CPU time (the
fairer figure on a machine shared with other work); the Dask runs alternate one and two workers.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ["RAYON_NUM_THREADS"] = "1"

import pyarrow as pa  # noqa: E402

import saidso  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "examples"))


def best_of(n: int, f) -> tuple[float, float]:
    """The shortest wall time and the shortest CPU time of `n` calls of `f`, after one call
    not timed: criterion warms the Rust benchmarks up the same way. A process's first calls
    fault in the memory of their output (146 MB of columns over the 20,000 articles: 54,000
    page faults in the first call, 20,000 in the second, under 1,000 from the fourth), which
    the allocator keeps for later calls."""
    f()
    walls, cpus = [], []
    for _ in range(n):
        start, cpu = time.perf_counter(), time.process_time()
        f()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--only-dask", action="store_true")
    parser.add_argument("--only-arrow", action="store_true", help="extract_arrow alone")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    files, _ = saidso.discover([args.corpus])
    texts = [Path(f).read_text(encoding="utf-8") for f in files]
    mib = sum(len(t.encode()) for t in texts) / 2**20
    array = pa.array(texts, pa.large_string())
    print(f"{len(texts)} articles, {mib:.1f} MiB", flush=True)
    calls = [
        ("extract_arrow", lambda: saidso.extract_arrow(array)),
        ("extract_many", lambda: saidso.extract_many(texts)),
        ("extract, one call a text", lambda: [saidso.extract(t) for t in texts]),
    ]
    for name, f in [] if args.only_dask else calls[:1] if args.only_arrow else calls:
        wall, cpu = best_of(args.runs, f)
        print(
            f"one core, {name}: {wall:.2f} s, {mib / wall:.1f} MiB/s;"
            f" CPU {cpu:.2f} s, {mib / cpu:.1f} MiB/s",
            flush=True,
        )
    if args.skip_dask:
        return 0
    from dask.distributed import Client

    import dask_quotes

    times: dict[int, list[float]] = {1: [], 2: []}
    for workers in [1, 2] * args.runs:
        # The example's own cluster, configured as it runs it.
        with dask_quotes.local_cluster(workers) as cluster, Client(cluster) as client:
            # The cluster as it runs after its first job, which is not timed (as the calls above
            # and criterion's warm-up): each worker process pays once the imports (about 0.15 s
            # of CPU), saidso's built-in data and the first faults of its memory, as much with
            # one worker as with two.
            with tempfile.TemporaryDirectory() as tmp:
                out = str(Path(tmp) / "q.parquet")
                dask_quotes.run([args.corpus], out, client, None)
                start = time.perf_counter()
                rows = dask_quotes.run([args.corpus], out, client, None)
                t = time.perf_counter() - start
        times[workers].append(t)
        print(f"dask, {workers} worker(s): {t:.2f} s, {mib / t:.1f} MiB/s, {rows} rows", flush=True)
    one, two = min(times[1]), min(times[2])
    print(f"dask, best of {args.runs}: 1 worker {one:.2f} s, 2 workers {two:.2f} s, {one / two:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
