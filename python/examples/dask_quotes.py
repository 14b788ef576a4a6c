#!/usr/bin/env python3
"""Every quotation of a folder of articles, with its speaker, to Parquet, on Dask.

usage: python dask_quotes.py CORPUS OUT.parquet [--workers N] [--scheduler ADDRESS]
                             [--partitions N | --partition-size N] [--config FILE]

CORPUS is any mix of files and folders saidso reads (text, Markdown, HTML, feeds, JSON Lines).
The files are listed in the order ``saidso quotes`` reads them and cut into contiguous
parts, large first and smaller towards the end, so that the workers finish together. Each
worker reads its parts' files itself, one thread a task (map); once all are read, only the
parts' speakers travel, to the client, which merges them in order (reduce); each part's rows then
get their speaker ids where they are, and each worker writes its parts in one task, a Parquet
file a part, into OUT, a folder (``pyarrow.parquet.read_table(OUT)`` or ``pandas.read_parquet(OUT)``
reads it as one table, in order). The rows are the same, and the speaker ids the same, as
``saidso quotes --format jsonl CORPUS`` gives.

With no --scheduler, a LocalCluster of N worker processes (one thread each) is started, with
Dask's sampling diagnostics turned down (see `QUIET`). With --scheduler tcp://HOST:8786 the run
goes to that cluster: every worker needs the ``saidso`` package installed, must see CORPUS at the
same path, and must be able to write to OUT there (a shared file system); `QUIET`'s settings
belong in that cluster's Dask configuration, where they are wanted.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

import saidso

COLUMNS = ["file", "start", "end", "kind", "speaker", "speaker_id", "text"]
# The smallest part: 1 / (2 x PARTS_PER_THREAD) of a worker thread's share of the files: small
# enough that the last parts end close together (a worker idles for half a last part on
# average), large enough that a task's fixed costs (scheduling, a Parquet file) stay small
# beside its work.
PARTS_PER_THREAD = 8

# Dask settings for a cluster that runs this job and nothing else. Each worker's statistical
# profiler samples the running task's stack every 10 ms, and every process checks its event loop
# every 20 ms and its memory and CPU every 0.1-0.5 s: together about 4% of a worker's CPU and 5%
# of the scheduler's. With one worker process a core, every worker's core is busy, and that is
# time taken from the work. Tasks are handed to workers one at a time as they free up
# (worker-saturation 1.0: no task waits in one worker's queue while another worker idles, so
# nothing is left to steal and the stealing extension's checks are turned off).
QUIET = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.scheduler.work-stealing": False,
    "distributed.scheduler.worker-saturation": 1.0,
}


class Paths:
    """A part's file names as one argument that Dask does not look inside: it walks a list given
    to a task item by item, looking for futures (0.05 s of the client's time for 20,000 names,
    taken from the workers' cores)."""

    def __init__(self, names: list[str]) -> None:
        self.names = names


def read_part(paths: Paths, config: object) -> tuple[pa.Table, saidso.Speakers, list[str]]:
    """Map: one part's rows and who is quoted in it, on the task's one thread (Dask runs the
    parts in parallel: more threads than Dask's would only contend for the cores)."""
    # Only the columns written: the others (the title, mentions, cues...) would be copied into
    # every row and held until every part is read.
    table, problems = saidso.read_files(paths.names, config, columns=COLUMNS, parallel=False)
    return table, saidso.speakers_of(table), problems


def speakers_held(parts: list[tuple]) -> list:
    """The speakers of parts (from `read_part`) that one worker holds, for the reduce."""
    return [part[1] for part in parts]


def write_parts(parts: list[tuple], ids: dict, out: str, numbers: list[int]) -> list[tuple]:
    """Parts' rows (from `read_part`) with their speaker ids, each written as Parquet file
    `numbers[i]` of OUT by the worker holding them; returns each part's row count and the
    problems met reading it."""
    written = []
    for part, number in zip(parts, numbers):
        table = saidso.assign_speaker_ids(part[0], ids)
        pq.write_table(table.select(COLUMNS), os.path.join(out, f"part-{number:05}.parquet"))
        written.append((table.num_rows, part[2]))
    return written


def cut(files: list[str], threads: int) -> list[list[str]]:
    """`files` in contiguous parts for `threads` worker threads, each part a share of the files
    left (guided scheduling): large parts first, for few tasks, and small ones last, so that the
    workers finish together rather than one waiting for another's last large part."""
    smallest = max(1, len(files) // (2 * PARTS_PER_THREAD * threads))
    parts, at = [], 0
    while at < len(files):
        size = max(smallest, (len(files) - at) // (2 * threads))
        parts.append(files[at : at + size])
        at += size
    return parts


def prepare(out: str) -> None:
    """OUT as an empty folder for the parts (a previous run's parts removed)."""
    path = Path(out)
    if path.is_file():
        raise SystemExit(f"saidso: {out} is a file; give a folder for the Parquet parts")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise SystemExit(f"saidso: cannot make the folder {out}: {e.strerror}") from None
    for old in path.glob("part-*.parquet"):
        old.unlink()


def run(
    corpus: list[str],
    out: str,
    client: object,
    config: object,
    partitions: int = 0,
    partition_size: int = 0,
) -> int:
    """Runs the job on `client`; returns how many rows were written. The files are cut into
    `partitions` parts, or parts of `partition_size` files, or by default parts shrinking
    towards the end (see `cut`)."""
    from dask.distributed import wait

    files, missing = saidso.discover(corpus)
    for problem in missing:
        print(f"saidso: {problem}", file=sys.stderr)
    if not files:
        raise SystemExit("saidso: no articles in " + " ".join(corpus))
    if partitions:
        partition_size = -(-len(files) // partitions)
    if partition_size:
        chunks = [files[i : i + partition_size] for i in range(0, len(files), partition_size)]
    else:
        chunks = cut(files, sum(client.nthreads().values()) or 1)
    prepare(out)
    parts = [client.submit(read_part, Paths(chunk), config, pure=False) for chunk in chunks]
    wait(parts)
    # Everything after the reads is done where each part was read: its rows moved to an idle
    # worker would cross processes for nothing. One task a worker, not one a part: a task's own
    # cost (a few milliseconds of scheduling) is then paid once, at the end of the job, when
    # nothing else runs beside it. Only when every part is read: a task that took a part's
    # speakers as soon as it was read would hold the worker's one thread between two reads, and
    # the next read would wait two round trips to the scheduler instead of one.
    where = client.who_has(parts)
    mine: dict[str, list[int]] = {}
    for n, part in enumerate(parts):
        mine.setdefault(where[part.key][0], []).append(n)

    def on(worker: str, task, *args):
        return client.submit(task, *args, workers=[worker], allow_other_workers=False, pure=False)

    # The reduce, on the client: the parts' speakers (names and counts, no text) merged in the
    # parts' order.
    held = [on(w, speakers_held, [parts[n] for n in numbers]) for w, numbers in mine.items()]
    speakers: list = [None] * len(parts)
    for numbers, found in zip(mine.values(), client.gather(held)):
        for n, part in zip(numbers, found):
            speakers[n] = part
    ids = saidso.merge_speakers(speakers).identities(config)
    tasks = [
        on(w, write_parts, [parts[n] for n in numbers], ids, out, numbers)
        for w, numbers in mine.items()
    ]
    # Only row counts and problem messages come back, put back in the parts' order: the rows
    # stay on the workers.
    written = sorted(
        (n, result)
        for numbers, results in zip(mine.values(), client.gather(tasks))
        for n, result in zip(numbers, results)
    )
    for _, (_, problems) in written:
        for problem in problems:
            print(f"saidso: {problem}", file=sys.stderr)
    return sum(rows for _, (rows, _) in written)


def local_cluster(workers: int) -> object:
    """A LocalCluster of `workers` processes, one thread each, configured with `QUIET`."""
    import dask
    from dask.distributed import LocalCluster

    # The scheduler reads its settings when it starts, and each worker's nanny hands the
    # configuration of that moment to its worker process.
    with dask.config.set(QUIET):
        return LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )


def count(at_least: int):
    """An argparse type: an integer of at least `at_least`."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if value < at_least:
            raise argparse.ArgumentTypeError(f"must be {at_least} or more, not {value}")
        return value

    return parse


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="+", help="files and folders of articles")
    parser.add_argument("out", help="the folder of Parquet parts to write")
    parser.add_argument("--workers", type=count(1), default=2, help="local worker processes")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler")
    parser.add_argument(
        "--partitions",
        type=count(1),
        default=0,
        help="tasks of equal size (default: parts shrinking towards the end)",
    )
    parser.add_argument(
        "--partition-size", type=count(1), default=0, help="files per task, instead"
    )
    parser.add_argument("--config", help="a saidso config.toml")
    args = parser.parse_args(argv)
    # The parts go into OUT: inside an input folder they would be read as articles next time.
    out = Path(args.out).resolve()
    for given in args.corpus:
        folder = Path(given).resolve()
        if folder.is_dir() and (out == folder or folder in out.parents):
            parser.error(
                f"OUT ({args.out}) is inside the corpus folder {given}; write it elsewhere"
            )
    from dask.distributed import Client

    try:
        config = saidso.Config(args.config)
    except (saidso.SaidsoError, OSError) as e:
        raise SystemExit(f"saidso: {e}") from None
    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = local_cluster(args.workers)
        client = Client(cluster)
    try:
        rows = run(args.corpus, args.out, client, config, args.partitions, args.partition_size)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    print(f"{rows} quotations written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
