#!/usr/bin/env python3
"""Every quotation of a folder of articles, with its speaker, to Parquet, on Spark.

usage: python spark_quotes.py CORPUS OUT.parquet [--master local[N] | spark://HOST:7077]
                              [--partitions N] [--config FILE]

The files are listed in the order ``saidso quotes`` reads them, cut into contiguous ranges
(one Spark partition each) and read with ``mapInArrow`` (map); each partition's speakers go to
the driver as a few bytes and are merged in order (reduce); the ids join back to the rows. The
rows and speaker ids are those of ``saidso quotes --format jsonl CORPUS``. Spark writes OUT as a
folder of Parquet files (read it with ``pyarrow.parquet.read_table(OUT)``). On a real cluster
every executor needs the ``saidso`` package and CORPUS at the same path.
"""

from __future__ import annotations

import argparse
import os
import sys

import pyarrow as pa
import pyarrow.compute as pc

import saidso

COLUMNS = ["file", "start", "end", "kind", "speaker", "speaker_id", "text"]
ROW_SCHEMA = (
    "part long, file string, article_index long, article_id string, speaker string, "
    "speaker_kind string, start long, end long, kind string, text string"
)


def read_partition(batches, config):
    """Map: the rows of the files in this partition, tagged with the partition's first file."""
    rows = [r for b in batches for r in b.to_pylist()]
    rows.sort(key=lambda r: r["idx"])
    if not rows:
        return
    keep = [
        "file", "article_index", "article_id", "speaker", "speaker_kind", "start", "end", "kind",
        "text",
    ]
    # Only these columns are built (not the title, mentions, cues... of every row).
    # On the task's one thread: Spark's tasks are the parallelism.
    paths = [r["path"] for r in rows]
    table, problems = saidso.read_files(paths, config, columns=keep, parallel=False)
    for problem in problems:
        print(f"saidso: {problem}", file=sys.stderr)
    table = table.select(keep)
    part = pa.array([rows[0]["idx"]] * table.num_rows, type=pa.int64())
    table = table.add_column(0, "part", part)
    table = table.set_column(2, "article_index", table.column("article_index").cast(pa.int64()))
    table = table.set_column(6, "start", table.column("start").cast(pa.int64()))
    table = table.set_column(7, "end", table.column("end").cast(pa.int64()))
    yield from table.to_batches()


def tally_partition(batches):
    """The speakers of a partition's rows, as (its first file, pickled speakers)."""
    import pickle

    tables = [pa.Table.from_batches([b]) for b in batches if b.num_rows]
    if not tables:
        return
    order = [("part", "ascending"), ("article_index", "ascending"), ("start", "ascending")]
    table = pa.concat_tables(tables).sort_by(order)
    for part in sorted(set(table.column("part").to_pylist())):
        rows = table.filter(pc.equal(table.column("part"), part))
        rows = rows.set_column(
            rows.column_names.index("article_index"),
            "article_index",
            rows.column("article_index").cast(pa.uint64()),
        )
        speakers = saidso.speakers_of(rows)
        yield pa.record_batch({"part": [part], "speakers": [pickle.dumps(speakers)]})


def run(spark, corpus: list[str], out: str, partitions: int, config) -> int:
    import pickle

    from pyspark.sql import functions as F

    files, missing = saidso.discover(corpus)
    for problem in missing:
        print(f"saidso: {problem}", file=sys.stderr)
    if not files:
        raise SystemExit("saidso: no articles in " + " ".join(corpus))
    paths = spark.createDataFrame(list(enumerate(files)), "idx long, path string")
    paths = paths.repartitionByRange(partitions, "idx")
    rows = paths.mapInArrow(lambda it: read_partition(it, config), ROW_SCHEMA).cache()
    tallies = rows.mapInArrow(tally_partition, "part long, speakers binary").collect()
    parts = [pickle.loads(t["speakers"]) for t in sorted(tallies, key=lambda t: t["part"])]
    ids = saidso.merge_speakers(parts).identities(config)
    table = spark.createDataFrame(
        [(name, kind, i) for (name, kind), i in ids.items()] or [("", "", "")],
        "speaker string, speaker_kind string, speaker_id string",
    )
    with_kind = rows.withColumn("speaker_kind", F.coalesce("speaker_kind", F.lit("unknown")))
    joined = with_kind.join(F.broadcast(table), ["speaker", "speaker_kind"], "left")
    joined = joined.orderBy("part", "article_index", "start").select(*COLUMNS)
    joined.write.mode("overwrite").parquet(out)
    count = rows.count()
    rows.unpersist()
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="+", help="files and folders of articles")
    parser.add_argument("out", help="the Parquet folder to write")
    parser.add_argument("--master", default="local[2]", help="local[N] or a master URL")
    parser.add_argument("--partitions", type=int, default=0, help="default: 2 per core")
    parser.add_argument("--config", help="a saidso config.toml")
    args = parser.parse_args(argv)
    if args.partitions < 0:
        parser.error(f"--partitions must be 1 or more, not {args.partitions}")
    from pyspark.sql import SparkSession

    # Local Python workers run this interpreter, the one with saidso installed (on a cluster,
    # set PYSPARK_PYTHON to the executors' Python that has it).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master(args.master)
        .appName("saidso quotes")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        partitions = args.partitions or 2 * spark.sparkContext.defaultParallelism
        rows = run(spark, args.corpus, args.out, partitions, saidso.Config(args.config))
    finally:
        spark.stop()
    print(f"{rows} quotations written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
