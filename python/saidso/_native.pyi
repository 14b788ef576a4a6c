"""Type stubs of the native module (see ``saidso`` for the docs)."""

from os import PathLike
from typing import Any, Mapping, Optional, Sequence, Union

Row = dict[str, Any]
ConfigLike = Union[None, str, PathLike[str], Mapping[str, Any], "Config"]

class SaidsoError(Exception):
    """A saidso error: a bad configuration, an unreadable file."""

class Config:
    """The settings extraction runs with: built-in (``None``), a TOML file, or a dict."""

    def __init__(self, source: ConfigLike = None) -> None: ...

class Speakers:
    """Who is quoted in a part of a corpus; merged in order, the parts give the ids of one pass
    over the whole corpus. Picklable."""

    def __init__(self) -> None: ...
    @staticmethod
    def from_arrow(batch: Any) -> Speakers:
        """The speakers of a record batch from ``read_files`` (``article_index``,
        ``article_id``, ``kind``, ``speaker``, ``speaker_kind``)."""
    def merge(self, *others: Speakers) -> Speakers:
        """These speakers followed by ``others``', in that order."""
    def identities(self, config: ConfigLike = None) -> dict[tuple[str, str], str]:
        """``{(speaker, speaker_kind): speaker_id}`` for every speaker name seen."""
    def roster(self, config: ConfigLike = None) -> list[dict[str, Any]]:
        """Every speaker, most quoted first, with the keys and counts of ``saidso speakers
        --format jsonl``: ``id``, ``name``, ``kind``, ``variants``, ``quotes`` (quotations,
        direct and partial), ``reported`` (reported statements, without quote marks) and
        ``articles``. Most quoted counts both."""
    def __len__(self) -> int: ...

def extract(text: str, title: Optional[str] = None, config: ConfigLike = None) -> list[Row]:
    """The quotations of one text, as ``saidso quotes --format jsonl`` gives them (less
    ``file``), with ``start_char``/``end_char``."""

def extract_many(
    texts: Sequence[str],
    titles: Optional[Sequence[Optional[str]]] = None,
    config: ConfigLike = None,
) -> list[list[Row]]:
    """The quotations of each text, extracted in parallel with the GIL released; speaker ids
    hold across the texts."""

def extract_arrow(texts: Any, titles: Any = None, config: ConfigLike = None) -> list[Any]:
    """A pyarrow string array in, pyarrow.RecordBatches of quotations out (one per run of texts
    a thread read, all of one schema): ``article_index``, the columns of ``extract`` and
    ``quoted`` (``list<fixed_size_list<uint64, 2>>``)."""

def discover(paths: Sequence[str]) -> tuple[list[str], list[str]]:
    """The inputs ``paths`` name, in the order saidso reads them, and the missing ones."""

def read_files(
    paths: Sequence[str],
    config: ConfigLike = None,
    columns: list[str] | None = None,
    parallel: bool = True,
) -> tuple[list[Any], list[str]]:
    """The quotations of files, as pyarrow.RecordBatches, and the problems met."""

def assign_speaker_ids(batch: Any, identities: dict[tuple[str, str], str]) -> Any:
    """A ``pyarrow.RecordBatch`` from ``read_files`` with ``speaker_id`` filled in."""

def _config_from_toml(text: str) -> Config: ...
