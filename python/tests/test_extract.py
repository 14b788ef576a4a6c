"""`saidso.extract` and friends give the rows `saidso quotes --format jsonl` gives."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import saidso
from conftest import FIXTURES, ROOT

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
OWN = sorted(FIXTURES.glob("*.*"))


def without(rows: list[dict], *keys: str) -> list[dict]:
    return [{k: v for k, v in r.items() if k not in keys} for r in rows]


def test_there_are_texts_to_compare():
    assert len(SEEDS) >= 5 and len(OWN) >= 3


@pytest.mark.parametrize("path", SEEDS + OWN, ids=lambda p: p.name)
def test_extract_equals_the_command(path: Path, cli_quotes):
    expected = cli_quotes(path)
    assert expected, f"the command finds no quotation in {path.name}"
    text = path.read_bytes().decode("utf-8")
    got = saidso.extract(text)
    assert without(got, "start_char", "end_char") == without(expected, "file")


@pytest.mark.parametrize("path", SEEDS + OWN, ids=lambda p: p.name)
def test_char_offsets_slice_the_python_string(path: Path):
    text = path.read_text(encoding="utf-8")
    data = text.encode("utf-8")
    rows = saidso.extract(text)
    for r in rows:
        assert text[r["start_char"] : r["end_char"]] == data[r["start"] : r["end"]].decode()


def test_char_offsets_hold_for_offsets_out_of_order():
    # Offsets are counted by a cursor, forward and back: this text's rows overlap (a row ends
    # past where the next one starts), so the cursor moves back.
    path = SEEDS[0]
    text = path.read_text(encoding="utf-8")
    data = text.encode("utf-8")
    rows = saidso.extract(text)
    offsets = [at for r in rows for at in (r["start"], r["end"])]
    assert not text.isascii() and offsets != sorted(offsets)
    for r in rows:
        assert text[r["start_char"] : r["end_char"]] == data[r["start"] : r["end"]].decode()


def test_char_offsets_differ_from_bytes_past_non_ascii():
    rows = saidso.extract((FIXTURES / "accents.txt").read_text(encoding="utf-8"))
    assert any(r["start_char"] < r["start"] for r in rows)


def test_a_title_given_is_the_article():
    rows = saidso.extract('"We are ready," Dmitry Peskov said.', title="Talks")
    assert [(r["article"], r["speaker"], r["text"], r["speaker_id"]) for r in rows] == [
        ("Talks", "Dmitry Peskov", "We are ready,", "dmitry-peskov")
    ]


@pytest.mark.parametrize("mark", ["\ufeff", "\u200b", "\x1b[2J", "\u202e", "\n"])
def test_a_title_given_drops_what_the_text_drops(mark):
    """A byte-order mark, a zero-width space, control characters and line breaks in a title
    given apart are dropped where it enters, as the command drops them from a file: the title,
    the rows and the speakers are those of the clean title."""
    body = '"We are ready," Dmitry Peskov said on Monday.'
    clean = saidso.extract(body, title="Kremlin Talks")
    for title in (f"{mark}Kremlin Talks", f"Kremlin{mark} Talks"):
        got = saidso.extract(body, title=title)
        assert got == clean
        assert got[0]["article"] == "Kremlin Talks"
        many = saidso.extract_many([body], titles=[title])[0]
        assert many == clean


def test_a_text_given_drops_its_byte_order_mark(tmp_path, cli_quotes):
    """A text that starts with a byte-order mark gives the rows of the same file, where the
    command drops the mark (offsets in code points count it, as it is in the string)."""
    text = "Kremlin Talks\n\n\"We are ready,\" Dmitry Peskov said on Monday.\n"
    path = tmp_path / "bom.txt"
    path.write_text("\ufeff" + text, encoding="utf-8")
    expected = without(cli_quotes(path), "file")
    assert expected and expected[0]["article"] == "Kremlin Talks"
    got = saidso.extract("\ufeff" + text)
    assert without(got, "start_char", "end_char") == expected
    assert [r["start_char"] for r in got] == [r["start_char"] + 1 for r in saidso.extract(text)]


def test_a_text_given_drops_soft_hyphens_as_a_file_does(tmp_path, cli_quotes):
    """Soft hyphens and word joiners are no part of the words, in a string as in a file; the
    offsets still point into the text as given, in bytes and in code points."""
    text = (
        "Harbour Fees\n\nMayor Ann Kyle said the gov\u00adern\u00adment\u2060 would \"wait "
        "and see\" before the vote.\n"
    )
    path = tmp_path / "shy.txt"
    path.write_text(text, encoding="utf-8")
    expected = without(cli_quotes(path), "file")
    assert expected and "government" in expected[0]["text"], expected
    got = saidso.extract(text)
    assert without(got, "start_char", "end_char") == expected
    many = saidso.extract_many([text])[0]
    assert without(many, "start_char", "end_char") == expected
    for row in got:
        sliced = text[row["start_char"] : row["end_char"]]
        assert sliced.replace("\u00ad", "").replace("\u2060", "") == row["text"]


def test_no_text_no_rows():
    assert saidso.extract("") == []
    assert saidso.extract("   \n\n ") == []


def test_extract_many_equals_the_command_over_the_files(cli_quotes):
    paths = SEEDS + OWN
    expected = cli_quotes(*paths)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    got = saidso.extract_many(texts)
    assert len(got) == len(texts)
    flat = [r for rows in got for r in rows]
    # Speaker ids hold across the texts, as the command's do across the files.
    assert without(flat, "start_char", "end_char") == without(expected, "file")
    one_by_one = [without(saidso.extract(t), "speaker_id") for t in texts]
    assert [without(rows, "speaker_id") for rows in got] == one_by_one


def test_extract_many_checks_the_titles():
    with pytest.raises(ValueError, match="2 texts but 1 titles"):
        saidso.extract_many(["a", "b"], titles=["x"])
    rows = saidso.extract_many(['"Yes," Anna Berg said.'], titles=["Vote"])
    assert rows[0][0]["article"] == "Vote"


def test_extract_arrow_takes_pyarrow_pandas_and_lists(cli_quotes):
    pa = pytest.importorskip("pyarrow")
    pd = pytest.importorskip("pandas")
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    expected = saidso.extract_many(texts)
    for column in (pa.array(texts), pa.array(texts, pa.large_string()), pd.Series(texts), texts):
        table = saidso.extract_arrow(column)
        assert isinstance(table, pa.Table)
        rows = table.to_pylist()
        flat = [dict(r, article_index=i) for i, rs in enumerate(expected) for r in rs]
        assert len(rows) == len(flat)
        for got, want in zip(rows, flat):
            assert {k: got[k] for k in want} == want


def test_extract_arrow_over_many_batches_equals_extract_many():
    """Past a batch of texts, the next batches' columns are sized from the first's: the rows
    stay those of `extract_many`, in order, with one speaker id per person across batches."""
    pytest.importorskip("pyarrow")
    seeds = [p.read_text(encoding="utf-8") for p in SEEDS]
    # Texts of every length and quotation count, some empty, over three batches.
    texts = [(seeds[i % len(seeds)] * (1 + i % 3))[: 200 + 37 * i] for i in range(2600)]
    texts[1500] = ""
    expected = saidso.extract_many(texts)
    flat = [dict(r, article_index=i) for i, rs in enumerate(expected) for r in rs]
    table = saidso.extract_arrow(texts)
    assert table.column("article_index").num_chunks >= 3
    rows = table.to_pylist()
    assert len(rows) == len(flat) > 2600
    for got, want in zip(rows, flat):
        assert {k: got[k] for k in want} == want


def test_extract_arrow_collapses_white_space_as_the_rows_do():
    """The Arrow columns test each quotation, mention and cue for white space eight bytes at a
    time: every kind of white space, at every place in a word of eight, gives the rows of
    `extract_many` (the command's)."""
    pytest.importorskip("pyarrow")
    spaces = [" ", "  ", "\t", "\u00a0", "\u2009", "\u202f", "\u205f", "\u3000", "\u2028", " \n "]
    texts = []
    for k in range(9):
        for space in spaces:
            lead = "x" * k
            texts.append(
                f'"{lead}We will{space}win this, and the town\u2019s{space}people know it," '
                f"Ana Lima said on Monday.\n\nThe {lead}party{space}leader Maria Costa said the plan was "
                f"\u201ca real{space}mess \u2014 truly{space}\u201d for{space}everyone."
            )
    expected = saidso.extract_many(texts)
    flat = [dict(r, article_index=i) for i, rs in enumerate(expected) for r in rs]
    rows = saidso.extract_arrow(texts).to_pylist()
    assert len(rows) == len(flat) >= len(texts)
    for got, want in zip(rows, flat):
        assert {k: got[k] for k in want} == want
    # White space was there to collapse: a double space became one.
    assert any("We will win this" in r["text"] and "  " not in r["text"] for r in rows)


def test_extract_arrow_quoted_ranges_slice_the_text():
    pa = pytest.importorskip("pyarrow")
    text = 'Ana Lima said the plan was "a real \u00e9lan" for the town. "We start now," she said.'
    table = saidso.extract_arrow([text])
    assert table.schema.field("quoted").type == pa.list_(pa.list_(pa.uint64(), 2))
    data = text.encode("utf-8")
    quoted = [[data[s:e].decode() for s, e in ranges] for ranges in table.column("quoted").to_pylist()]
    assert quoted == [["a real \u00e9lan"], ["We start now,"]]
    assert table.column("kind").to_pylist() == ["partial", "direct"]


def test_extract_arrow_with_nulls_and_chunks():
    pa = pytest.importorskip("pyarrow")
    chunked = pa.chunked_array([['"Yes," Anna Berg said.', None], ['"No," Tom Baker said.']])
    table = saidso.extract_arrow(chunked, titles=["a", "b", "c"])
    assert table.column("article_index").to_pylist() == [0, 2]
    assert table.column("article").to_pylist() == ["a", "c"]
    assert table.column("speaker_id").to_pylist() == ["anna-berg", "tom-baker"]


def test_extract_arrow_refuses_numbers():
    pa = pytest.importorskip("pyarrow")
    with pytest.raises(TypeError):
        saidso.extract_arrow(pa.array([1, 2]))


def test_one_string_where_many_are_wanted_is_a_type_error():
    text = '"Hello there, friends," Bob Lane said.'
    for call in (
        lambda: saidso.extract_many(text),
        lambda: saidso.extract_arrow(text),
        lambda: saidso.read_files("seeds"),
        lambda: saidso.discover("seeds"),
    ):
        with pytest.raises(TypeError, match="not one string"):
            call()
    assert saidso.extract_many([text])[0][0]["speaker"] == "Bob Lane"


def test_a_saidso_error_pickles_and_is_caught_by_its_public_name(tmp_path):
    with pytest.raises(saidso.SaidsoError) as raised:
        saidso.extract("x", config=tmp_path / "missing.toml")
    assert type(raised.value).__module__ == "saidso"
    again = pickle.loads(pickle.dumps(raised.value))
    assert isinstance(again, saidso.SaidsoError)
    assert str(again) == str(raised.value)


def test_polars_column_when_installed():
    pl = pytest.importorskip("polars", reason="polars is not installed")
    table = saidso.extract_arrow(pl.Series(['"Yes," Anna Berg said.']))
    assert table.column("speaker").to_pylist() == ["Anna Berg"]


VERB_TEXT = 'Harbour news\n\n"The boats are back," Jim Baker harrumphed on Sunday.\n'


def test_configuration_as_dict_path_and_object(tmp_path, cli_quotes):
    toml = tmp_path / "config.toml"
    toml.write_text('[extraction]\nspeech_verbs = ["harrumphed"]\n')
    article = tmp_path / "article.txt"
    article.write_text(VERB_TEXT)
    expected = without(cli_quotes(article, config=str(toml)), "file")
    assert expected and expected[0]["speaker"] == "Jim Baker"
    as_dict = {"extraction": {"speech_verbs": ["harrumphed"]}}
    for config in (as_dict, toml, str(toml), saidso.Config(as_dict)):
        assert without(saidso.extract(VERB_TEXT, config=config), "start_char", "end_char") == expected
    assert saidso.extract(VERB_TEXT) != saidso.extract(VERB_TEXT, config=as_dict)


def test_doubled_apostrophes_are_a_setting():
    text = "Talks\n\n''We are ready,'' Dmitry Peskov said on Monday.\n"
    on = saidso.extract(text, config={"extraction": {"doubled_apostrophe_quotes": True}})
    assert [r["text"] for r in on] == ["We are ready,"]


def test_configuration_errors_are_exceptions(tmp_path):
    with pytest.raises(saidso.SaidsoError, match="cannot read it"):
        saidso.extract("x", config=tmp_path / "missing.toml")
    with pytest.raises(saidso.SaidsoError):
        saidso.extract("x", config={"extraction": {"speech_verbs": "not a list"}})
    with pytest.raises(TypeError):
        saidso.extract("x", config=42)


@pytest.mark.parametrize(
    "config, key",
    [
        ({"some_numeric_key": 2**80}, "some_numeric_key"),
        ({"extraction": {"speech_verbs": -(2**70)}}, "extraction.speech_verbs"),
        ({"extraction": {"speech_verbs": ["said", 2**64]}}, r"extraction\.speech_verbs\[1\]"),
        ({"extraction": {"speech_verbs": ["said", object()]}}, r"extraction\.speech_verbs\[1\]"),
        ({"extraction": {"speech_verbs": "not a list"}}, "speech_verbs"),
        ({"extraction": {7: ["said"]}}, "extraction"),
        ({"extraction": {"speech_verbs": [float("inf")]}}, r"speech_verbs\[0\]"),
    ],
)
def test_every_configuration_error_is_a_saidso_error_naming_its_key(config, key):
    """A value TOML cannot hold (an integer past 64 bits, an object, infinity), a key that is not
    a string and a value of the wrong kind are all saidso's configuration errors, naming the key:
    never a bare OverflowError or TypeError from the conversion."""
    with pytest.raises(saidso.SaidsoError, match=key):
        saidso.Config(config)
    with pytest.raises(saidso.SaidsoError, match=key):
        saidso.extract("x", config=config)


def test_unknown_settings_warn():
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        saidso.Config({"extraction": {"no_such_key": 1}})
    assert any("no_such_key" in str(w.message) for w in seen)


def test_a_bad_key_table_is_a_warning_not_an_error():
    # The keys are the reader's: extraction goes on without them.
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        config = saidso.Config({"keys": {"down": ["j", "ctrl-c"]}})
    assert any("cannot be bound to `down`" in str(w.message) for w in seen)
    text = 'Talks\n\n"We are ready," Dmitry Peskov said on Monday.\n'
    assert [r["text"] for r in saidso.extract(text, config=config)] == ["We are ready,"]


def test_config_and_speakers_pickle():
    config = saidso.Config({"extraction": {"speech_verbs": ["harrumphed"]}})
    again = pickle.loads(pickle.dumps(config))
    assert saidso.extract(VERB_TEXT, config=again) == saidso.extract(VERB_TEXT, config=config)
    table, _ = saidso.read_files([str(p) for p in SEEDS])
    speakers = saidso.speakers_of(table)
    copy = pickle.loads(pickle.dumps(speakers))
    assert len(copy) == len(speakers) > 0
    assert copy.identities() == speakers.identities()
    for bad in [b"not a state", speakers.__getstate__()[:-3]]:
        with pytest.raises(saidso.SaidsoError, match="not a saidso.Speakers state"):
            saidso.Speakers().__setstate__(bad)


@pytest.mark.parametrize("given", [None, "250"])
def test_loading_leaves_the_environment_as_it_was(given: str | None):
    # The package sets the allocator's purge delay only while the extension loads.
    env = {k: v for k, v in os.environ.items() if k != "MIMALLOC_PURGE_DELAY"}
    if given is not None:
        env["MIMALLOC_PURGE_DELAY"] = given
    code = "import os, saidso; print(os.environ.get('MIMALLOC_PURGE_DELAY'))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.strip() == str(given)


HEADLINE = "Dmitry Peskov Says Kremlin Ready For Talks"
BODY = (
    '"We are ready to talk," Peskov told reporters on Monday. He said the delegation would '
    "travel soon.\n"
)


def body_rows(rows: list[dict], shift: int) -> list[tuple]:
    """The rows of quotations in the body, offsets from the body's start, without the headline's
    own (which has no place in a body given apart)."""
    keys = ["text", "kind", "speaker", "speaker_kind", "speaker_mention", "cue", "speaker_id"]
    return [
        (*(r[k] for k in keys), r["start"] - shift, r["end"] - shift)
        for r in rows
        if r["start"] >= shift
    ]


def titled_texts() -> list[tuple[str, str]]:
    """(title, body) of a headline that names the speaker the body calls by his surname, and of
    the seeds whose first line is a headline (a sentence's full stop makes it the lede)."""
    pairs = [(HEADLINE, BODY)]
    for path in SEEDS:
        title, _, body = path.read_text(encoding="utf-8").partition("\n")
        if not title.rstrip().endswith("."):
            pairs.append((title, body.lstrip("\n")))
    return pairs


@pytest.mark.parametrize("title, body", titled_texts(), ids=lambda v: v[:20])
def test_a_title_given_apart_names_speakers_as_the_first_line(title, body, tmp_path, cli_quotes):
    """A title given apart (``title=``, a JSON Lines record's ``title``) is read for names and
    attributions as a text file's first line is: the body's rows, speakers and ids are the same
    either way in."""
    path = tmp_path / "article.txt"
    path.write_text(f"{title}\n\n{body}", encoding="utf-8")
    shift = len(title.encode("utf-8")) + 2
    from_file = cli_quotes(path)
    assert from_file[0]["article"] == title
    expected = body_rows(from_file, shift)
    assert expected
    assert body_rows(saidso.extract(body, title=title), 0) == expected
    record = tmp_path / "article.jsonl"
    record.write_text(json.dumps({"title": title, "text": body}) + "\n", encoding="utf-8")
    assert body_rows(cli_quotes(record), 0) == expected


def test_the_headline_gives_the_full_name_to_a_body_given_apart():
    rows = saidso.extract(BODY, title=HEADLINE)
    assert [(r["text"], r["speaker"], r["speaker_mention"]) for r in rows][0] == (
        "We are ready to talk,",
        "Dmitry Peskov",
        "Peskov",
    )
