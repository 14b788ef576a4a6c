#!/usr/bin/env python3
"""Every quotation of a folder of articles, with its speaker, to one Parquet file, on Dask.

usage: python dask_quotes.py CORPUS OUT.parquet [--workers N] [--scheduler ADDRESS]
                             [--partition-size N] [--config FILE]

CORPUS is any mix of files and folders saidso reads (text, Markdown, HTML, feeds, JSON Lines).
The files are listed in the order ``saidso quotes`` reads them and cut into contiguous parts;
each part is read on a worker (map), the parts' speakers are merged in order (reduce), and each
part's rows get their speaker ids where they are. The rows are the same, and the speaker ids the
same, as ``saidso quotes --format jsonl CORPUS`` gives.

With no --scheduler, a LocalCluster of N worker processes (one thread each) is started. With
--scheduler tcp://HOST:8786 the run goes to that cluster: every worker needs the ``saidso``
package installed and must see CORPUS at the same path (a shared file system).
"""

from __future__ import annotations

import argparse
import sys

import pyarrow as pa
import pyarrow.parquet as pq

import saidso

COLUMNS = ["file", "start", "end", "kind", "speaker", "speaker_id", "text"]


def read_part(paths: list[str], config: object) -> tuple[pa.Table, saidso.Speakers, list[str]]:
    """Map: one part's rows and who is quoted in it."""
    table, problems = saidso.read_files(paths, config)
    return table, saidso.speakers_of(table), problems


def merge(parts: list[saidso.Speakers]) -> saidso.Speakers:
    """Reduce: speakers merged in the order of the parts."""
    return saidso.merge_speakers(parts)


def identities(speakers: saidso.Speakers, config: object) -> dict:
    return speakers.identities(config)


def finish_part(table: pa.Table, ids: dict) -> pa.Table:
    """Each part's rows with their speaker ids, as the Parquet file's columns."""
    return saidso.assign_speaker_ids(table, ids).select(COLUMNS)


def tree_reduce(items: list, fan_in: int = 8) -> object:
    """Merges delayed items in order, `fan_in` at a time, up to one."""
    from dask import delayed

    while len(items) > 1:
        items = [delayed(merge)(items[i : i + fan_in]) for i in range(0, len(items), fan_in)]
    return items[0]


def run(corpus: list[str], out: str, client: object, partition_size: int, config: object) -> int:
    """Runs the job on `client`; returns how many rows were written."""
    from dask import delayed

    files, missing = saidso.discover(corpus)
    for problem in missing:
        print(f"saidso: {problem}", file=sys.stderr)
    if not files:
        raise SystemExit("saidso: no articles in " + " ".join(corpus))
    chunks = [files[i : i + partition_size] for i in range(0, len(files), partition_size)]
    parts = [delayed(read_part, nout=3)(chunk, config) for chunk in chunks]
    speakers = tree_reduce([p[1] for p in parts])
    ids = delayed(identities)(speakers, config)
    finished = [delayed(finish_part)(p[0], ids) for p in parts]
    problems = [p[2] for p in parts]
    futures = client.compute(finished)
    problem_futures = client.compute(problems)
    rows = 0
    writer = None
    # Written in order, part by part, as each arrives: the client never holds every row.
    for future in futures:
        table = future.result()
        if writer is None:
            writer = pq.ParquetWriter(out, table.schema)
        writer.write_table(table)
        rows += table.num_rows
        future.release()
    if writer is not None:
        writer.close()
    for part in client.gather(problem_futures):
        for problem in part:
            print(f"saidso: {problem}", file=sys.stderr)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="+", help="files and folders of articles")
    parser.add_argument("out", help="the Parquet file to write")
    parser.add_argument("--workers", type=int, default=2, help="local worker processes")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler")
    parser.add_argument("--partition-size", type=int, default=500, help="files per task")
    parser.add_argument("--config", help="a saidso config.toml")
    args = parser.parse_args(argv)
    from dask.distributed import Client, LocalCluster

    config = saidso.Config(args.config)
    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(
            n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    try:
        rows = run(args.corpus, args.out, client, args.partition_size, config)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    print(f"{rows} quotations written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
