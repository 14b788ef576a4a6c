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


def dask_example(*args: str) -> subprocess.CompletedProcess:
    """The Dask example run on the seeds with `args` (OUT first)."""
    command = [sys.executable, str(EXAMPLES / "dask_quotes.py"), str(ROOT / "seeds"), *args]
    # A bound, so that a run that hangs (as `--workers 0` once did) fails rather than waits.
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize(
    "args, says",
    [
        (["--workers", "0"], "must be 1 or more"),
        (["--partitions", "-1"], "must be 1 or more"),
        (["--partition-size", "x"], "not a whole number"),
    ],
)
def test_dask_example_refuses_bad_numbers(tmp_path: Path, args: list[str], says: str):
    done = dask_example(str(tmp_path / "q"), *args)
    assert done.returncode == 2 and says in done.stderr, done.stderr
    assert not (tmp_path / "q").exists()


def test_dask_example_output_that_cannot_be_a_folder_is_one_line(tmp_path: Path):
    file = tmp_path / "file.txt"
    file.write_text("x")
    cases = ((file / "sub", "cannot make the folder"), (ROOT / "seeds" / "out", "inside the corpus"))
    for out, says in cases:
        done = dask_example(str(out), "--workers", "1")
        assert done.returncode != 0 and says in done.stderr, done.stderr
        assert "Traceback" not in done.stderr
    assert not (ROOT / "seeds" / "out").exists()


def test_dask_parts_cover_the_files_in_order_and_shrink():
    spec = importlib.util.spec_from_file_location("dask_quotes", EXAMPLES / "dask_quotes.py")
    dask_quotes = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dask_quotes)
    for files, threads in [(20_000, 2), (20_000, 1), (1_000, 8), (7, 3), (1, 4)]:
        names = [f"{i:05}.txt" for i in range(files)]
        parts = dask_quotes.cut(names, threads)
        assert [f for part in parts for f in part] == names
        sizes = [len(part) for part in parts]
        assert all(s > 0 for s in sizes)
        # Large parts first, then none larger than the one before.
        assert sizes == sorted(sizes, reverse=True)
        assert sizes[0] <= max(1, files // (2 * threads))
    assert [len(p) for p in dask_quotes.cut([str(i) for i in range(20_000)], 2)][:3] == [
        5000,
        3750,
        2812,
    ]
