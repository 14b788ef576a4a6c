"""Speaker ids as a reduce: parts read and merged in order give the command's ids."""

from __future__ import annotations

import json
import subprocess

import pytest

import saidso
from conftest import FIXTURES, ROOT

PATHS = [str(p) for p in sorted((ROOT / "seeds").glob("*.txt")) + sorted(FIXTURES.glob("*.*"))]


def ids_by_row(table, identities):
    table = saidso.assign_speaker_ids(table, identities)
    return [
        (r["file"], r["start"], r["speaker_id"])
        for r in table.select(["file", "start", "speaker_id"]).to_pylist()
    ]


@pytest.mark.parametrize("parallel", [True, False])
def test_read_files_gives_the_command_rows(cli_quotes, parallel):
    """On every core, or on the calling thread alone (``parallel=False``, for a Dask task)."""
    expected = cli_quotes(*PATHS)
    table, problems = saidso.read_files(PATHS, parallel=parallel)
    assert problems == []
    ids = saidso.speakers_of(table).identities()
    got = saidso.assign_speaker_ids(table, ids).to_pylist()
    keys = ["file", "article", "text", "kind", "speaker", "speaker_kind", "speaker_mention", "cue", "start", "end", "speaker_id"]
    assert [{k: r[k] for k in keys} for r in got] == [{k: r[k] for k in keys} for r in expected]


@pytest.mark.parametrize("parallel", [True, False])
def test_read_files_over_many_batches_gives_the_command_rows(tmp_path, cli_quotes, parallel):
    """Past a batch of articles the next batches' columns are sized from the first's: the rows,
    article indexes and speaker ids stay those of one table and of the command."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for i in range(2100):
        text = seeds[i % len(seeds)][: 300 + 7 * i]
        (tmp_path / f"{i:05}.txt").write_text(text, encoding="utf-8")
    columns = ["file", "start", "end", "kind", "text"]
    table, problems = saidso.read_files([str(tmp_path)], columns=columns, parallel=parallel)
    assert problems == []
    assert table.column("file").num_chunks >= 3
    ids = saidso.speakers_of(table).identities()
    got = saidso.assign_speaker_ids(table, ids).to_pylist()
    keys = ["file", "text", "kind", "speaker", "speaker_kind", "start", "end", "speaker_id"]
    expected = cli_quotes(str(tmp_path))
    assert len(got) == len(expected) > 2100
    assert [{k: r[k] for k in keys} for r in got] == [{k: r[k] for k in keys} for r in expected]
    indexes = table.column("article_index").to_pylist()
    assert indexes == sorted(indexes) and indexes[-1] >= 2000


def test_read_files_builds_only_the_columns_asked_for():
    """A few columns, and those that say who is quoted: the same values as the whole table's,
    the same speakers and ids; an unknown name is an error."""
    whole, _ = saidso.read_files(PATHS)
    wanted = ["file", "start", "kind", "text"]
    table, problems = saidso.read_files(PATHS, columns=wanted)
    assert problems == []
    always = ["article_index", "article_id", "kind", "speaker", "speaker_kind", "speaker_id"]
    assert sorted(table.column_names) == sorted(set(wanted + always))
    assert table.num_rows == whole.num_rows > 0
    for name in table.column_names:
        assert table.column(name).to_pylist() == whole.column(name).to_pylist(), name
    ids = saidso.speakers_of(table).identities()
    assert ids == saidso.speakers_of(whole).identities()
    assert ids_by_row(table, ids) == ids_by_row(whole, ids)
    with pytest.raises(ValueError, match='no column named "title"'):
        saidso.read_files(PATHS, columns=["title"])


@pytest.mark.parametrize("cuts", [[1], [2, 5], [1, 2, 3, 4, 5, 6, 7]])
def test_parts_merged_in_order_give_one_pass(cuts):
    whole, _ = saidso.read_files(PATHS)
    expected = ids_by_row(whole, saidso.speakers_of(whole).identities())
    bounds = [0, *cuts, len(PATHS)]
    tables = [saidso.read_files(PATHS[a:b])[0] for a, b in zip(bounds, bounds[1:])]
    merged = saidso.merge_speakers([saidso.speakers_of(t) for t in tables])
    assert len(merged) == len(saidso.speakers_of(whole))
    got = [row for t in tables for row in ids_by_row(t, merged.identities())]
    assert got == expected


def test_roster_counts_quotes_and_articles():
    table, _ = saidso.read_files(PATHS)
    roster = saidso.speakers_of(table).roster()
    total = [s["quotes"] + s["reported"] for s in roster]
    assert total == sorted(total, reverse=True)
    assert sum(total) <= table.num_rows
    assert {"id", "name", "kind", "variants", "quotes", "reported", "articles"} <= set(roster[0])


def test_roster_counts_as_the_speakers_command(saidso_bin, cli_env):
    """Quotations and reported statements counted apart, under the command's keys: the same
    speakers, in the same order, with the same counts as ``saidso speakers --format jsonl``."""
    args = [str(saidso_bin), "--no-state", "speakers", "--format", "jsonl", *PATHS]
    done = subprocess.run(args, capture_output=True, text=True, env=cli_env, check=True)
    keys = ["id", "name", "kind", "quotes", "reported", "articles"]
    expected = [{k: json.loads(line)[k] for k in keys} for line in done.stdout.splitlines()]
    assert any(s["reported"] > 0 for s in expected) and any(s["quotes"] > 0 for s in expected)
    table, _ = saidso.read_files(PATHS)
    roster = saidso.speakers_of(table).roster()
    assert [{k: s[k] for k in keys} for s in roster] == expected
    # Only the columns that say who is quoted: the counts are the same.
    few, _ = saidso.read_files(PATHS, columns=["file"])
    assert saidso.speakers_of(few).roster() == roster


def test_missing_files_are_problems_not_panics(tmp_path):
    table, problems = saidso.read_files([str(tmp_path / "nope.txt")])
    assert table.num_rows == 0
    assert problems and "nope.txt" in problems[0]
    (tmp_path / "bin.dat").write_bytes(b"\x00\x01\x02" * 100)
    table, problems = saidso.read_files([str(tmp_path / "bin.dat")])
    assert table.num_rows == 0 and "binary" in problems[0]


def test_from_arrow_needs_its_columns():
    pa = pytest.importorskip("pyarrow")
    with pytest.raises(ValueError, match="article_index"):
        saidso.Speakers.from_arrow(pa.record_batch({"x": [1]}))
