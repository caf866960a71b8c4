"""What the quality benchmark runs annolint on, and how.

Each data set is checked on its own, in-process, with the working directory set to
the set's folder, so that paths (and so fingerprints) are the file names inside the
set, the same wherever the repository and ``shared/`` lie.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from annolint.config import Config, find_config, load_config
from annolint.engine import check
from annolint.reporters.json_report import finding_dict

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@dataclass(frozen=True)
class DataSet:
    name: str  # "woo-dev/zuidrai", "devsets/jeugdzorg", "seeds", "corpus"
    folder: Path
    real: bool  # text nobody on the project wrote

    @property
    def present(self) -> bool:
        return self.folder.is_dir()


def datasets() -> list[DataSet]:
    """Every set the benchmark reads, present or not (``shared/`` may be absent)."""
    found = [DataSet("corpus", ROOT / "corpus", False), DataSet("seeds", SHARED / "seeds", True)]
    for parent, inner in (("devsets", "notes"), ("realdata/woo-dev", "")):
        base = SHARED / parent
        if base.is_dir():
            for sub in sorted(p for p in base.iterdir() if p.is_dir()):
                name = f"{parent.split('/')[-1]}/{sub.name}"
                found.append(DataSet(name, sub / inner if inner else sub, True))
    return found


@contextlib.contextmanager
def working_directory(folder: Path):
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def run_folder(folder: Path, config: Config | None = None) -> list[dict]:
    """annolint's findings on ``folder`` as JSON-report dicts, paths relative to it."""
    with working_directory(folder):
        if config is None:  # the set's own configuration, as a user's run would find it
            found = find_config(Path("."))
            config = load_config(found) if found else Config()
        result = check([Path(".")], config)
    return [finding_dict(f) for f in result.findings]


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and p.suffix in (".txt", ".md"))
