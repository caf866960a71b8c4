"""Does the cache give the output of --no-cache after any run of changes? Not a test
(the suite has a fixed sequence: ``test_jobs``); run it by hand after changing the
cache (``cache.py``, ``set_snapshot.py``, ``note_packs.py``, ``reading.py``) or what
the rule kinds keep between runs (``kept_pairs.py``, ``spelling_words.KeptWords``).

    python benchmarks/cache_consistency.py                 # seeds 1-4, 14 runs each
    python benchmarks/cache_consistency.py --seeds 8 --runs 16

Each seed builds a set of 90 notes from real text (``realsets.py``; needs
``../shared``) in a temporary folder, then changes it run after run at random: one
note edited, twelve or thirty edited, a note removed, a copy added, a note renamed,
or nothing; each time ``annolint check --format json`` runs with the cache
(``--jobs`` 1 or 2, so that the workers' packs, the main process's packs, notes' own
entries and the snapshot all come into play) and without it, and the two outputs
must be equal byte for byte. Prints each seed's changes; exits 1 at the first
difference, naming the seed and the change.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import realsets
from harness import ROOT, SHARED

NOTES = 90  # above the reading workers' threshold (40): they read and pack the notes


def check(folder: Path, env: dict[str, str], *options: str) -> bytes:
    done = subprocess.run([sys.executable, "-m", "annolint", "check", ".", "--format", "json", *options],
                          cwd=folder, capture_output=True, env=env)
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr.decode("utf-8", "replace")[-2000:])
    return done.stdout


def change(folder: Path, pool: list[Path], rng: random.Random, step: int) -> str:
    """One change of the set at random; what it was."""
    notes = sorted(p for p in folder.iterdir() if p.is_file())
    kind = rng.choice(["edit", "edit", "twelve", "thirty", "remove", "add", "rename", "nothing"])
    if kind == "edit":
        note = rng.choice(notes)
        note.write_text(note.read_text(encoding="utf-8") + "\nDe kosten zijn 12 miljoen euro.\n", encoding="utf-8")
    elif kind in ("twelve", "thirty"):
        for note in rng.sample(notes, 12 if kind == "twelve" else 30):
            note.write_text(note.read_text(encoding="utf-8").replace("2024", "2025", 1) + "\nNog een zin.\n",
                            encoding="utf-8")
    elif kind == "remove":
        rng.choice(notes).unlink()
    elif kind == "add":
        source = rng.choice(pool)
        shutil.copy(source, folder / f"new_{step}_{source.name}")
    elif kind == "rename":
        note = rng.choice(notes)
        note.rename(folder / f"renamed_{step}_{note.name}")
    return kind


def run_seed(seed: int, runs: int, scratch: Path, notes) -> list[str]:
    rng = random.Random(seed)
    pool_folder, folder = scratch / f"pool-{seed}", scratch / f"set-{seed}"
    realsets.write_set(pool_folder, notes, 2 * NOTES, seed)
    pool = sorted(p for p in pool_folder.iterdir() if p.is_file())
    folder.mkdir()
    for source in rng.sample(pool, NOTES):
        shutil.copy(source, folder / source.name)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(scratch / f"user-cache-{seed}")}
    done = []
    for step in range(runs):
        kind = change(folder, pool, rng, step) if step else "cold"
        jobs = rng.choice(["1", "2"])
        if check(folder, env, "--jobs", jobs) != check(folder, env, "--no-cache", "--jobs", "1"):
            print(f"seed {seed}: after {' '.join(done + [kind])} (--jobs {jobs}) the cached output differs")
            raise SystemExit(1)
        done.append(f"{kind}/{jobs}")
    return done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=4, help="seeds 1 to this (default 4)")
    parser.add_argument("--runs", type=int, default=14, help="runs per seed, the cold one included (default 14)")
    args = parser.parse_args()
    if not (SHARED / "seeds").is_dir():
        print(f"skipped: {SHARED} (seeds, dev sets, woo-dev dossiers) is not present")
        return
    notes = realsets.source_notes(SHARED)
    with tempfile.TemporaryDirectory(prefix="annolint-cache-") as scratch:
        for seed in range(1, args.seeds + 1):
            print(f"seed {seed}: same output after", " ".join(run_seed(seed, args.runs, Path(scratch), notes)),
                  flush=True)


if __name__ == "__main__":
    main()
