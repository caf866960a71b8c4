"""The pre-commit hook, run through the real pre-commit tool (``pre-commit try-repo``).

The whole set is read; a commit is blocked only by findings that involve its files.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, write_set

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None or not (ROOT / ".git").exists(),
    reason="needs git and a git checkout of annolint",
)

HEADER = "Annotatie voor wethouder Jansen\n\nCommissie Bestuur, {date}\n\nKernboodschap\n\n"


def _pre_commit(repo: Path, *files: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PRE_COMMIT_HOME=str(repo.parent / "pre-commit-home"), NO_COLOR="1")
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "annolint", "--files", *files],
        cwd=repo, env=env, capture_output=True, text=True, timeout=600,
    )


def test_hook_blocks_only_on_findings_involving_changed_files(tmp_path):
    repo = write_set(tmp_path / "notes", {
        ".annolint.yaml": "root: .\n",
        "a.txt": HEADER.format(date="4 maart 2024") + "- Het Instituut Berg-Meijer is klaar. TODO\n",
        "b.txt": HEADER.format(date="8 april 2024") + "- Het Instituut Berg Meijer is klaar.\n",
        "c.txt": HEADER.format(date="6 mei 2024") + "- Alles is klaar.\n",
    })
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)

    clean = _pre_commit(repo, "c.txt")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "annolint" in clean.stdout and "Passed" in clean.stdout

    # b.txt is clean by itself, but its spelling contradicts a.txt: blocked, both sides shown
    involved = _pre_commit(repo, "b.txt")
    assert involved.returncode == 1
    assert "b.txt:7:7: AL011 [inconsistent-spelling]" in involved.stdout
    assert "a.txt:7:7: voorkeursvorm 'Instituut Berg-Meijer' hier" in involved.stdout
    assert "TODO" not in involved.stdout  # a.txt's own placeholder does not block b.txt
