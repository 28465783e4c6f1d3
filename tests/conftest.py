"""Shared fixtures: the real `kg` command, a store built once from the bundled corpus."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
KG = str(Path(sys.executable).with_name("kg"))
CORPUS = ROOT / "corpus"
QUERIES = ROOT / "queries"
GOLD = ROOT / "tests" / "gold"


def run_kg(*args: str, check: bool = True, cwd: Path | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("HEZUO_STORE", None)
    env.pop("HEZUO_DEBUG", None)
    proc = subprocess.run([KG, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=timeout)
    if check and proc.returncode != 0:
        raise AssertionError(f"kg {' '.join(args)} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")
    return proc


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory) -> Path:
    """The bundled corpus built once through the CLI, as a user would."""
    store = tmp_path_factory.mktemp("corpus") / "store"
    run_kg("build", "--store", str(store), "--quiet")
    return store
