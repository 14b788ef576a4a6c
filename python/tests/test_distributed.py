"""The Dask and Spark examples over a generated corpus give the command's rows and speakers."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from conftest import ROOT, java_present

EXAMPLES = ROOT / "python" / "examples"
COLUMNS = ["file", "start", "end", "kind", "speaker", "speaker_id", "text"]


def groups(rows: list[dict]) -> set[frozenset]:
    """The speaker grouping: which quotations share an id, whatever the ids are."""
    by_id = defaultdict(set)
    for r in rows:
        if r["speaker_id"] is not None:
            by_id[r["speaker_id"]].add((r["file"], r["start"]))
    return {frozenset(g) for g in by_id.values()}


def compare(got: list[dict], expected: list[dict]) -> None:
    expected = [{k: r[k] for k in COLUMNS} for r in expected]
    assert len(expected) > 100
    key = lambda r: (r["file"], r["start"], r["end"])  # noqa: E731
    assert sorted(got, key=key) == sorted(expected, key=key)
    assert groups(got) == groups(expected)


def run_example(name: str, *args: str) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "python" / "tests"))
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / name), *args], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr[-3000:]


def test_dask_local_cluster_equals_the_command(corpus: Path, tmp_path: Path, cli_quotes):
    pytest.importorskip("dask.distributed")
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "quotes.parquet"
    run_example("dask_quotes.py", str(corpus), str(out), "--workers", "2", "--partition-size", "25")
    table = pq.read_table(out)
    assert table.column_names == COLUMNS
    rows = table.to_pylist()
    expected = cli_quotes(corpus)
    # In the command's order, too: parts are written in order.
    assert [(r["file"], r["start"]) for r in rows] == [(r["file"], r["start"]) for r in expected]
    compare(rows, expected)


def test_spark_local_equals_the_command(corpus: Path, tmp_path: Path, cli_quotes):
    if not java_present():
        pytest.skip("Java is not installed: the Spark example needs a JVM")
    if importlib.util.find_spec("pyspark") is None:
        pytest.skip("pyspark is not installed (pip install pyspark)")
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "quotes.parquet"
    run_example("spark_quotes.py", str(corpus), str(out), "--master", "local[2]", "--partitions", "4")
    rows = pq.read_table(out).select(COLUMNS).to_pylist()
    compare(rows, cli_quotes(corpus))
