"""saidso: who said what in news articles.

Quotations and their speakers, found by the same Rust extractor as the ``saidso`` command
(70-120 MiB/s per core, depending on the articles). Every function gives the rows
``saidso quotes --format jsonl`` gives:

``kind``
    ``"direct"``, ``"partial"`` (quoted words in reported speech) or ``"indirect"`` (reported
    speech with no quote marks).
``text``
    The quoted words without the marks.
``speaker``, ``speaker_kind``, ``speaker_mention``, ``cue``
    The speaker's fullest name, ``"person"``/``"organisation"``/``"unknown"``, the words naming
    them (``"he"``) and the speech verb (``"said"``); each may be ``None``.
``start``, ``end``
    Byte offsets of the quotation in the UTF-8 text; ``start_char``/``end_char`` are the same
    in code points, for slicing a Python string.
``quoted``
    The ``[start, end]`` byte ranges of the words in quote marks (none for reported speech).
``speaker_id``
    One id per person or organisation across all the texts of the call, whatever the spelling.

A configuration (``config=``) is ``None`` (the built-in settings, not the user's file), a path
to a ``config.toml`` like the command's, a dict of the same keys, or a :class:`Config`. Errors
raise :class:`SaidsoError` (bad configuration, naming the key; unreadable file), ``TypeError``
or ``ValueError``.

For a corpus split over many processes or machines, :func:`read_files` reads one part and
:class:`Speakers` carries who is quoted between parts: merge the parts' speakers in order and the
ids are those of one pass over the whole corpus (see ``examples/dask_quotes.py``).
"""

from __future__ import annotations

import os
from typing import Any, Iterable, Mapping, Sequence

# The extension's allocator (mimalloc) returns freed memory to the system a second after it is
# freed, by default. A call's result (Arrow columns, ~1.8 bytes for every byte of text) is
# freed while the next call runs, so each call took its columns in fresh pages, one page
# fault each: about 6% of `extract_arrow`'s CPU time, called in a loop (BENCHMARKS.md). Ten
# seconds keeps that memory for the next call. The setting is read once, when the extension
# loads; a value the user set is kept, and the environment is left as it was.
_PURGE_DELAY = "MIMALLOC_PURGE_DELAY"
_set_delay = _PURGE_DELAY not in os.environ
if _set_delay:
    os.environ[_PURGE_DELAY] = "10000"
try:
    from . import _native
    from ._native import Config, SaidsoError, Speakers, extract
finally:
    if _set_delay:
        del os.environ[_PURGE_DELAY]

__all__ = [
    "Config",
    "SaidsoError",
    "Speakers",
    "discover",
    "extract",
    "extract_many",
    "extract_arrow",
    "read_files",
    "assign_speaker_ids",
]


def _many(values: Any, name: str) -> Any:
    """`values`, refused with a ``TypeError`` when it is one string rather than many: read as
    a sequence, a string would be taken for a list of one-letter texts or paths."""
    if isinstance(values, (str, bytes)):
        raise TypeError(f"{name} must be a list of strings, not one string: wrap it in a list")
    return values


def extract_many(
    texts: Sequence[str], titles: Any = None, config: Any = None
) -> list[list[dict]]:
    """Every quotation of each of ``texts`` (with ``titles``, if given, one a text), as a list
    of row lists, in parallel with the GIL released; speaker ids are shared across the texts."""
    titles = None if titles is None else list(_many(titles, "titles"))
    return _native.extract_many(list(_many(texts, "texts")), titles, config)


def discover(paths: Sequence[str]) -> tuple[list[str], list[str]]:
    """The inputs ``paths`` name, in the order ``saidso`` reads them (folders walked, sorted),
    and a message for each path that is missing."""
    return _native.discover(list(_many(paths, "paths")))


def _to_arrow(column: Any, name: str) -> Any:
    """A pyarrow string array from a pyarrow array, a pandas or Polars column, or a list."""
    import pyarrow as pa

    if isinstance(column, pa.ChunkedArray):
        return column.combine_chunks()
    if isinstance(column, pa.Array):
        return column
    to_arrow = getattr(column, "to_arrow", None)  # Polars
    if callable(to_arrow):
        array = to_arrow()
        return array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array
    try:
        return pa.array(column, type=pa.large_string() if _is_large(column) else pa.string())
    except (TypeError, pa.ArrowInvalid) as e:
        raise TypeError(f"{name} must be strings: {e}") from e


def _is_large(column: Any) -> bool:
    dtype = str(getattr(column, "dtype", ""))
    return "large_string" in dtype


def extract_arrow(texts: Any, titles: Any = None, config: Any = None) -> Any:
    """The quotations of a column of texts, as a ``pyarrow.Table``.

    ``texts`` (and ``titles``, if given) is a pyarrow string array, a pandas or Polars string
    column, or a list of strings. One row per quotation, with ``article_index`` (the place of its
    text in ``texts``) and the columns of :func:`extract`; ``quoted`` is a list of
    ``[start, end]`` byte ranges (``list<fixed_size_list<uint64, 2>>``), the quoted words' as in
    the dict rows (empty for reported speech with no quote marks). Strings are read in place from
    the Arrow buffers; the work runs in parallel with the GIL released (``RAYON_NUM_THREADS``,
    set before the first call, bounds the threads).
    """
    import pyarrow as pa

    array = _to_arrow(_many(texts, "texts"), "texts")
    title_array = None if titles is None else _to_arrow(_many(titles, "titles"), "titles")
    batches = _native.extract_arrow(array, title_array, config)
    return pa.Table.from_batches(batches)


def read_files(
    paths: Sequence[str],
    config: Any = None,
    columns: Sequence[str] | None = None,
    parallel: bool = True,
) -> tuple[Any, list[str]]:
    """Reads files and folders as ``saidso quotes`` does (text, HTML, feeds, JSON Lines...).

    Returns a ``pyarrow.Table`` of the quotations, with ``file``, ``article_index`` (the
    article's place among these paths' articles) and ``article_id`` but no ``speaker_id``, and
    the problems met (skipped files), as messages. Give :meth:`Speakers.from_arrow` the table
    to know who is quoted, and :func:`assign_speaker_ids` the ids once every part is merged.
    ``columns`` names the columns to build (default all); the ones that say who is quoted
    (``article_index``, ``article_id``, ``kind``, ``speaker``, ``speaker_kind``,
    ``speaker_id``) are always there. A job that keeps a few columns saves the time and memory
    of the others. Files are read on every core while the rows are built
    (``RAYON_NUM_THREADS`` bounds them); ``parallel=False`` does all the work on the calling
    thread, one file after another: for a task of Dask or Spark, whose own threads are the
    parallelism.
    """
    import pyarrow as pa

    wanted = None if columns is None else list(_many(columns, "columns"))
    batches, problems = _native.read_files(list(_many(paths, "paths")), config, wanted, parallel)
    return pa.Table.from_batches(batches), problems


def speakers_of(table: Any) -> Speakers:
    """The :class:`Speakers` of a table from :func:`read_files`."""
    tally = Speakers()
    parts = [Speakers.from_arrow(b) for b in table.to_batches()]
    return tally.merge(*parts)


def assign_speaker_ids(table: Any, identities: Mapping[tuple[str, str], str]) -> Any:
    """``table`` (from :func:`read_files`) with its ``speaker_id`` column filled from
    ``identities`` (from :meth:`Speakers.identities`), in Rust rather than a loop a row.
    """
    import pyarrow as pa

    ids = dict(identities)
    batches = [_native.assign_speaker_ids(b, ids) for b in table.to_batches()]
    if not batches:
        empty = pa.RecordBatch.from_pylist([], schema=table.schema)
        return pa.Table.from_batches([_native.assign_speaker_ids(empty, ids)])
    return pa.Table.from_batches(batches)


def merge_speakers(parts: Iterable[Speakers]) -> Speakers:
    """The parts' speakers merged in order."""
    return Speakers().merge(*parts)


__all__ += ["speakers_of", "merge_speakers"]
