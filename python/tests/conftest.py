"""Shared fixtures: the repository, the `saidso` command to compare with, and a corpus."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _binary() -> Path:
    """The `saidso` binary: $SAIDSO_BIN, else built (debug) by cargo if need be."""
    if os.environ.get("SAIDSO_BIN"):
        return Path(os.environ["SAIDSO_BIN"])
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    subprocess.run(
        ["cargo", "build", "--quiet", "--bin", "saidso"], cwd=ROOT, check=True
    )
    return target / "debug" / "saidso"


@pytest.fixture(scope="session")
def saidso_bin() -> Path:
    path = _binary()
    assert path.exists(), f"no saidso binary at {path}"
    return path


@pytest.fixture(scope="session")
def cli_env(tmp_path_factory) -> dict:
    """An environment with no user configuration, so the command runs on built-in settings."""
    env = dict(os.environ)
    env["XDG_CONFIG_HOME"] = str(tmp_path_factory.mktemp("config"))
    env.pop("NO_COLOR", None)
    return env


@pytest.fixture(scope="session")
def cli_quotes(saidso_bin, cli_env):
    """`saidso --no-state quotes --format jsonl PATHS`, as a list of dicts."""

    def run(*paths: str | Path, config: str | None = None) -> list[dict]:
        args = [str(saidso_bin), "--no-state"]
        if config:
            args += ["--config", config]
        args += ["quotes", "--format", "jsonl", *map(str, paths)]
        done = subprocess.run(args, capture_output=True, text=True, env=cli_env, check=True)
        return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]

    return run


def make_corpus_script() -> Path | None:
    """The shared corpus generator, beside the repository (CI) or in /work/shared."""
    for base in (ROOT.parent / "shared", Path("/work/shared")):
        script = base / "tools" / "make_corpus.py"
        if script.exists():
            return script
    return None


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    """A small generated corpus (120 articles from the repository's seeds)."""
    script = make_corpus_script()
    if script is None:
        pytest.skip("make_corpus.py not found beside the repository (../shared/tools)")
    out = tmp_path_factory.mktemp("corpus") / "articles"
    subprocess.run(
        [sys.executable, str(script), str(ROOT / "seeds"), "120", str(out)],
        check=True,
        capture_output=True,
    )
    return out


def java_present() -> bool:
    return shutil.which("java") is not None
