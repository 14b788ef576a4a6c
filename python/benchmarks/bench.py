#!/usr/bin/env python3
"""Throughput of the Python package, and Dask with two workers against one.

usage: python bench.py CORPUS [--skip-dask]

CORPUS is a folder from make_corpus.py (e.g. 20,000 articles). Run with an optimised build
(`pip install ./python`). One core: RAYON_NUM_THREADS=1, set before saidso loads.
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


def best_of(n: int, f) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("--skip-dask", action="store_true")
    args = parser.parse_args()
    files, _ = saidso.discover([args.corpus])
    texts = [Path(f).read_text(encoding="utf-8") for f in files]
    mib = sum(len(t.encode()) for t in texts) / 2**20
    array = pa.array(texts, pa.large_string())
    print(f"{len(texts)} articles, {mib:.1f} MiB", flush=True)
    for name, f in [
        ("extract_arrow", lambda: saidso.extract_arrow(array)),
        ("extract_many", lambda: saidso.extract_many(texts)),
        ("extract, one call a text", lambda: [saidso.extract(t) for t in texts]),
    ]:
        t = best_of(3, f)
        print(f"one core, {name}: {t:.2f} s, {mib / t:.1f} MiB/s", flush=True)
    if args.skip_dask:
        return 0
    from dask.distributed import Client, LocalCluster

    import dask_quotes

    for workers in (1, 2, 1, 2):
        with LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster, Client(cluster) as client:
            client.run(lambda: None)  # workers up before the clock starts
            with tempfile.TemporaryDirectory() as tmp:
                start = time.perf_counter()
                rows = dask_quotes.run(
                    [args.corpus], str(Path(tmp) / "q.parquet"), client, 500, saidso.Config()
                )
                t = time.perf_counter() - start
        print(f"dask, {workers} worker(s): {t:.2f} s, {mib / t:.1f} MiB/s, {rows} rows", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
