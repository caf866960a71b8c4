"""Shared helpers: write a small briefing set, run annolint on it, read findings."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from annolint.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
CORPUS = ROOT / "corpus"

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not present in this clone")


def write_set(folder: Path, files: dict[str, str | bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def run(args: list[str], cwd: Path | None = None):
    """Run the CLI in ``cwd``; returns click's Result (exit_code, stdout, stderr)."""
    runner = CliRunner()
    old = Path.cwd()
    if cwd:
        os.chdir(cwd)
    try:
        return runner.invoke(main, args, catch_exceptions=False)
    finally:
        os.chdir(old)


def findings(args: list[str], cwd: Path | None = None) -> list[dict]:
    result = run([*args, "--format", "json"], cwd=cwd)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["findings"]


def triples(items: list[dict]) -> list[tuple[str, str, int]]:
    """(rule name, path, line) of each finding, in report order."""
    return [(f["name"], f["location"]["path"], f["location"]["line"]) for f in items]
