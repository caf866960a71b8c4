"""Speed and memory of annolint on sets built from real text (issue 14). Not a test.

    python benchmarks/speed.py --notes 250 --notes 1000 --notes 4000
    python benchmarks/speed.py --quick               # 250 notes only
    python benchmarks/speed.py --notes 250 --profile  # and the top of cProfile on it

Needs ``../shared`` (seeds, dev sets, woo-dev dossiers) and, for the comparison,
proselint (``pip install '.[bench]'``); says so and stops, or leaves proselint out,
when one is missing. Sets are built by ``realsets.py`` (real notes copied forward as
versions, some paragraphs dropped, swapped and reused, figures and dates changed) in
a temporary folder (``--keep DIR`` to keep them there).

For each set size, ``--runs`` times (default 2; every figure is printed per run):

- floor: reading every file and one number regex over it, in this process (the
  fastest of three);
- annolint cold: ``python -m annolint check DIR --format json -o FILE`` in a fresh
  process with a fresh ``XDG_CACHE_HOME``: wall time (interpreter start included),
  CPU time, peak memory (the larger of the process's own high-water mark, which a
  tiny wrapper reports at exit, and the most its process tree held at once, the
  workers it forks included, as PSS sampled every 50 ms or less often, so that
  sampling takes at most a twentieth of a core); MB/s and the ratio to the floor;
- annolint unchanged: the same command again with the cache the cold run left, no note
  changed (the pre-commit hook on a commit that touched no note; the first warm run,
  which also writes the set's snapshot, ``set_snapshot.py``);
- annolint warm: then one note edited (a sentence appended), and the same command
  again (the hook on the next commit); the edit is undone afterwards;
- proselint: ``python -m proselint check -o json DIR`` on the same files, timed the
  same way.

Then the exponent of time (and of peak memory) against the number of notes, from a
least-squares fit of the logs over the sizes run, per run; the import time of
``annolint.cli`` (``-X importtime``, the sum of its self times) and the wall time of
``annolint check`` on the seeds, twice each. ``--markdown FILE`` also writes the tables.
The annolint measured is this checkout's (``PYTHONPATH``), not an installed one.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import realsets
from harness import ROOT, SHARED

# Runs a module as ``python -m`` would and writes its own peak RSS (KiB) and exit status.
# The peak is /proc's VmHWM, the high-water mark of this process's own memory: Linux
# carries the parent's high-water mark over a (v)fork and exec into ``ru_maxrss``, so
# ``ru_maxrss`` would report at least the benchmark's own size (it is the fallback
# where there is no /proc).
PEAK_WRAPPER = """
import os, re, resource, runpy, sys
out, module, *args = sys.argv[1:]
sys.argv = [module, *args]

def report(status):
    try:
        with open("/proc/self/status") as f:
            peak = int(re.search(r"^VmHWM:\\s*(\\d+) kB", f.read(), re.M)[1])
    except (OSError, TypeError):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with open(out, "w") as f:
        f.write(f"{peak} {status}")

leave = os._exit
def leaving(status):  # annolint leaves through os._exit once its output is flushed (cli.program)
    report(status)
    leave(status)
os._exit = leaving
status = 0
try:
    runpy.run_module(module, run_name="__main__", alter_sys=True)
except SystemExit as stop:
    status = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
report(status)
sys.exit(status)
"""
EDIT = "\nAanvulling na het overleg: de planning is bijgewerkt en telt nu 12 stappen.\n"
NUMBER = re.compile(r"\d+")


@dataclass(frozen=True)
class Run:
    """One timed child process: wall and CPU seconds, peak RSS in MB, exit status."""

    wall: float
    cpu: float
    peak_mb: float
    status: int


@dataclass(frozen=True)
class Row:
    """The figures of one run on one set."""

    notes: int
    mb: float
    run: int
    floor: float
    cold: Run
    unchanged: Run
    warm: Run
    prose: Run | None


def child_env(cache_home: Path) -> dict[str, str]:
    """The environment of a measured process: this checkout first on the path, its own cache
    home, and bytecode written as a user's Python writes it (with PYTHONDONTWRITEBYTECODE
    set, every run compiled the changed modules again: 80 ms of a 0.3 s run)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["XDG_CACHE_HOME"] = str(cache_home)
    return env


def measure(module: str, args: list[str], env: dict[str, str]) -> Run:
    """Run ``python -m module args`` once in a fresh process; its wall, CPU and peak memory.
    The peak is the larger of the process's own high-water mark and the most its process
    tree held at once (the workers it forks share pages with it: each process counts its
    share, PSS, sampled every 50 ms or, when reading it takes long, less often)."""
    with tempfile.NamedTemporaryFile("r", suffix=".peak") as report:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-c", PEAK_WRAPPER, report.name, module, *args], env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        tree_peak = 0
        while child.poll() is None:
            sampled = time.perf_counter()
            tree_peak = max(tree_peak, tree_pss_kb(child.pid))
            # reading PSS walks the processes' page tables (20 ms for 1.2 GB): sampling
            # takes at most a twentieth of one core, not a share of the run it measures
            time.sleep(max(0.05, 20 * (time.perf_counter() - sampled)))
        wall = time.perf_counter() - start
        stderr = child.stderr.read()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        fields = report.read().split()
    if len(fields) != 2:
        raise SystemExit(f"{module} {' '.join(args)} failed ({child.returncode}):\n{stderr[-2000:]}")
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return Run(wall, cpu, max(int(fields[0]), tree_peak) / 1024, int(fields[1]))


def tree_pss_kb(root: int) -> int:
    """The proportional set size of ``root`` and every process below it, in kB (0 where
    /proc does not tell)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                parents[int(entry.name)] = int(stat[stat.rindex(")") + 2:].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    tree, grown = {root}, True
    while grown:
        below = {pid for pid, parent in parents.items() if parent in tree} - tree
        grown = bool(below)
        tree |= below
    total = 0
    for pid in tree:
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
            total += int(re.search(r"^Pss:\s*(\d+) kB", rollup, re.M)[1])
        except (OSError, TypeError):
            continue
    return total


def floor_seconds(files: list[Path], tries: int = 3) -> float:
    """Reading every file and one number regex over it: the fastest of ``tries``."""
    best = math.inf
    for _ in range(tries):
        start = time.perf_counter()
        for path in files:
            NUMBER.findall(path.read_text(encoding="utf-8", errors="replace"))
        best = min(best, time.perf_counter() - start)
    return best


def annolint_run(folder: Path, out: Path, env: dict[str, str]) -> Run:
    """``annolint check`` on ``folder`` as a user runs it, the JSON report to ``out``."""
    run = measure("annolint", ["check", str(folder), "--format", "json", "-o", str(out)], env)
    if run.status not in (0, 1):
        raise SystemExit(f"annolint exited with status {run.status} on {folder}")
    return run


def proselint_run(folder: Path, env: dict[str, str]) -> Run | None:
    """proselint on the same files (None when it is not installed)."""
    if subprocess.run([sys.executable, "-c", "import proselint"], capture_output=True).returncode:
        return None
    return measure("proselint", ["check", "-o", "json", str(folder)], env)


def edited(path: Path) -> bytes:
    """Append a sentence to one note; its bytes before, to undo the edit with."""
    original = path.read_bytes()
    path.write_bytes(original + EDIT.encode("utf-8"))
    return original


def measure_set(folder: Path, notes: int, size: int, runs: int, scratch: Path) -> list[Row]:
    """Every figure of one set, ``runs`` times."""
    files = sorted(p for p in folder.iterdir() if p.is_file())
    rows = []
    for run in range(1, runs + 1):
        cache = scratch / f"cache-{notes}-{run}"
        env = child_env(cache)
        floor = floor_seconds(files)
        cold = annolint_run(folder, scratch / "cold.json", env)
        unchanged = annolint_run(folder, scratch / "unchanged.json", env)
        target = files[len(files) // 2]
        original = edited(target)
        try:
            warm = annolint_run(folder, scratch / "warm.json", env)
        finally:
            target.write_bytes(original)
        prose = proselint_run(folder, env)
        rows.append(Row(notes, size / 1e6, run, floor, cold, unchanged, warm, prose))
        print(f"  {notes} notes, run {run}: annolint {cold.wall:.1f} s cold, {unchanged.wall:.1f} s unchanged, "
              f"{warm.wall:.1f} s warm, "
              f"peak {cold.peak_mb:.0f} MB" + (f"; proselint {prose.wall:.1f} s" if prose else ""), flush=True)
    return rows


def slope(points: list[tuple[float, float]]) -> float | None:
    """The exponent k of y = c·x^k fitted to ``points`` by least squares on the logs."""
    if len({x for x, _ in points}) < 2:
        return None
    xs = [math.log(x) for x, _ in points]
    ys = [math.log(y) for _, y in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def import_seconds(env: dict[str, str]) -> float:
    """The import time of ``annolint.cli``: the sum of ``-X importtime``'s self times."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", "import annolint.cli"], env=env,
                          capture_output=True, text=True, check=True)
    micros = [int(m[1]) for m in re.finditer(r"^import time:\s+(\d+) \|", done.stderr, re.M)]
    return sum(micros) / 1e6


def table(rows: list[Row]) -> str:
    """The figures per set and run as a Markdown table."""
    head = ("| notes | MB | run | floor s | annolint cold s (CPU s) | MB/s | x floor | peak MB | peak / MB "
            "| unchanged s | warm s | warm / cold | proselint s | annolint / proselint | proselint peak MB |")
    lines = [head, "|" + " ---: |" * (head.count("|") - 1)]
    for r in rows:
        prose = (f"{r.prose.wall:.2f} | {r.cold.wall / r.prose.wall:.1f} | {r.prose.peak_mb:.0f}"
                 if r.prose else "- | - | -")
        lines.append(f"| {r.notes} | {r.mb:.2f} | {r.run} | {r.floor:.3f} | {r.cold.wall:.2f} ({r.cold.cpu:.2f}) "
                     f"| {r.mb / r.cold.wall:.3f} | {r.cold.wall / r.floor:.0f} | {r.cold.peak_mb:.0f} "
                     f"| {r.cold.peak_mb / r.mb:.0f} | {r.unchanged.wall:.2f} | {r.warm.wall:.2f} "
                     f"| {r.warm.wall / r.cold.wall:.2f} | {prose} |")
    return "\n".join(lines)


def slopes(rows: list[Row]) -> list[str]:
    """The exponents of time and peak memory against notes, one line per run."""
    lines = []
    for run in sorted({r.run for r in rows}):
        mine = [r for r in rows if r.run == run]
        time_k = slope([(r.notes, r.cold.wall) for r in mine])
        peak_k = slope([(r.notes, r.cold.peak_mb) for r in mine])
        prose_k = slope([(r.notes, r.prose.wall) for r in mine if r.prose])
        if time_k is None:
            continue
        lines.append(f"- run {run}: annolint time ∝ notes^{time_k:.2f}, peak memory ∝ notes^{peak_k:.2f}"
                     + (f"; proselint time ∝ notes^{prose_k:.2f}" if prose_k is not None else ""))
    return lines


def startup(scratch: Path, runs: int) -> list[str]:
    """Import time and the wall time of ``annolint check`` on the seeds, ``runs`` times each."""
    env = child_env(scratch / "cache-seeds")
    imports = [import_seconds(env) for _ in range(runs)]
    seeds = [annolint_run(SHARED / "seeds", scratch / "seeds.json", env) for _ in range(runs)]
    return [f"- import annolint.cli (-X importtime, sum of self times): "
            + ", ".join(f"{s:.3f} s" for s in imports),
            "- annolint check on the seeds (5 notes, wall): "
            + ", ".join(f"{r.wall:.2f} s (peak {r.peak_mb:.0f} MB)" for r in seeds)]


def profile(folder: Path, scratch: Path, top: int = 15) -> str:
    """One annolint run on ``folder`` under cProfile, in one process (``--jobs 1``: a
    profile of the main process of a parallel run shows it waiting for its workers): its
    own top functions by cumulative time, and the top functions of all by their own time."""
    import io
    import pstats

    stats_file = scratch / "annolint.prof"
    subprocess.run([sys.executable, "-m", "cProfile", "-o", str(stats_file), "-m", "annolint", "check",
                    str(folder), "--jobs", "1", "--format", "json", "-o", str(scratch / "profiled.json")],
                   env=child_env(scratch / "cache-profile"), stdout=subprocess.DEVNULL)
    out = io.StringIO()
    stats = pstats.Stats(str(stats_file), stream=out)
    stats.sort_stats("cumulative").print_stats(r"annolint[/\\]", top)  # annolint's own, below the CLI
    stats.sort_stats("tottime").print_stats(top)  # where the time is spent, libraries included
    return out.getvalue()


def build_set(where: Path, notes: list, count: int, seed: int) -> tuple[Path, int]:
    """Write the set of ``count`` notes below ``where``: its folder and size in bytes."""
    folder = where / f"set-{count}"
    if folder.exists():
        for old in folder.iterdir():
            old.unlink()
    size = realsets.write_set(folder, notes, count, seed)
    print(f"set of {count} notes: {size / 1e6:.2f} MB in {folder}", flush=True)
    return folder, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notes", type=int, action="append", help="set sizes (default 250, 1000)")
    parser.add_argument("--quick", action="store_true", help="250 notes only")
    parser.add_argument("--runs", type=int, default=2, help="runs of every measurement (default 2)")
    parser.add_argument("--seed", type=int, default=14, help="the set builder's seed (default 14)")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="write the sets here and keep them")
    parser.add_argument("--markdown", type=Path, metavar="FILE", help="also write the tables to FILE")
    parser.add_argument("--profile", action="store_true", help="cProfile annolint on the smallest set")
    args = parser.parse_args()
    if not (SHARED / "seeds").is_dir():
        print(f"skipped: {SHARED} (seeds, dev sets, woo-dev dossiers) is not present")
        return
    sizes = [250] if args.quick else sorted(set(args.notes or [250, 1000]))
    notes = realsets.source_notes(SHARED)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="annolint-speed-") as tmp:
        scratch = Path(tmp)
        where = args.keep or scratch
        for count in sizes:
            folder, size = build_set(where, notes, count, args.seed)
            rows += measure_set(folder, count, size, args.runs, scratch)
        extra = startup(scratch, args.runs)
        report = "\n".join([table(rows), "", *slopes(rows), *extra])
        print("\n" + report)
        if args.profile:
            print("\n" + profile(where / f"set-{sizes[0]}", scratch))
    if args.markdown:
        args.markdown.write_text(report + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
