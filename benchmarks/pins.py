"""Choose the mutations that tests/test_quality_slice.py pins: for each category and
mode, the first two seeded cases (in the benchmark's order) that annolint catches
today and whose unmutated twin stays silent. Prints the CAUGHT_MUTATIONS table to
paste into the test when the sample changes (a note added to corpus/ or the dev sets,
a change to mutate.py).

    python benchmarks/pins.py [--seed 1] [--per-mode 120]
"""

from __future__ import annotations

import argparse

import mutate
import recall


def case_id(case: mutate.Case) -> str:
    return f"{case.mode}:{case.site.note}:{case.site.line}:{case.site.start}"


def choose(seed: int, per_mode: int, count: int = 2) -> dict[tuple[str, str], list[tuple[str, str, list]]]:
    picked: dict[tuple[str, str], list[tuple[str, str, list]]] = {}
    wanted = {(c, m) for c in mutate.CATEGORIES for m in mutate.MODES}
    with recall.Runner() as runner:
        for case in mutate.generate(seed, per_mode):
            key = (case.site.category, case.mode)
            if len(picked.get(key, [])) >= count:
                continue
            caught = recall.catchers(case, runner.run(case.files))
            if not caught or recall.construction_fps(case, runner.run(case.twin)):
                continue
            got = sorted({(f["name"], f["location"]["path"], f["location"]["line"]) for f in caught})
            picked.setdefault(key, []).append((case_id(case), f"{case.site.before}>{case.site.after}", got))
            if all(len(picked.get(k, [])) >= count for k in wanted):
                break
    return picked


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-mode", type=int, default=120)
    args = parser.parse_args()
    picked = choose(args.seed, args.per_mode)
    lines = ["CAUGHT_MUTATIONS = {"]
    for category in mutate.CATEGORIES:
        lines.append(f"    # {category}")
        for mode in mutate.MODES:
            for pin, change, got in picked.get((category, mode), []):
                lines.append(f'    "{pin}":')
                lines.append("        (" + repr(change).replace("'", '"') + ", " + repr(got).replace("'", '"') + "),")
    lines.append("}")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
