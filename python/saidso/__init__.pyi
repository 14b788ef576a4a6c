"""Type stubs of saidso."""

from typing import Any, Iterable, Mapping, Optional, Sequence

from ._native import Config as Config
from ._native import ConfigLike, Row
from ._native import SaidsoError as SaidsoError
from ._native import Speakers as Speakers
from ._native import discover as discover
from ._native import extract as extract
from ._native import extract_many as extract_many

def extract_arrow(texts: Any, titles: Any = None, config: ConfigLike = None) -> Any:
    """The quotations of a column of texts (pyarrow, pandas, Polars or a list), as a
    pyarrow.Table with ``article_index``."""

def read_files(
    paths: Sequence[str],
    config: ConfigLike = None,
    columns: Sequence[str] | None = None,
    parallel: bool = True,
) -> tuple[Any, list[str]]:
    """The quotations of files read as ``saidso quotes`` reads them, as a pyarrow.Table
    (no ``speaker_id`` yet), and the problems met."""

def speakers_of(table: Any) -> Speakers:
    """The Speakers of a table from ``read_files``."""

def merge_speakers(parts: Iterable[Speakers]) -> Speakers:
    """The parts' speakers merged in order."""

def assign_speaker_ids(table: Any, identities: Mapping[tuple[str, str], str]) -> Any:
    """The table with ``speaker_id`` filled from ``Speakers.identities``."""

__all__: list[str]
