"""Hand labels of annolint's findings on text we did not write.

One YAML file per data set in ``benchmarks/labels/`` (``woo-dev-zuidrai.yaml`` for
``woo-dev/zuidrai``), a list of entries:

```yaml
- fingerprint: 3f2a…        # the finding's fingerprint when it was labelled
  rule: diverging-figure    # rule name
  at: 13_memo.txt:36        # its primary location (file inside the set, line)
  other: 5_brief.txt:12     # its first related location, if it has one
  label: false              # real | false
  reason: two candidate sites, distances from each
```

A finding is the labelled one when its fingerprint is the same or, failing that
(extraction changes can change a fingerprint), when its rule, primary line and first
other line are the same: the labels outlive wording changes in the linter.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

LABELS = Path(__file__).resolve().parent / "labels"
VERDICTS = ("real", "false")


@dataclass(frozen=True)
class Label:
    fingerprint: str
    rule: str
    at: str
    other: str
    label: str
    reason: str


def label_file(dataset: str) -> Path:
    return LABELS / (dataset.replace("/", "-") + ".yaml")


def load_labels(dataset: str) -> list[Label]:
    path = label_file(dataset)
    if not path.is_file():
        return []
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    labels = []
    for n, e in enumerate(entries, 1):
        verdict = str(e.get("label", "")).lower()
        if verdict not in VERDICTS:
            raise ValueError(f"{path}: entry {n}: label must be real or false, not {e.get('label')!r}")
        labels.append(Label(str(e.get("fingerprint", "")), str(e["rule"]), str(e["at"]),
                            str(e.get("other") or ""), verdict, str(e.get("reason", ""))))
    return labels


def place(location: dict) -> str:
    return f"{location['path']}:{location['line']}"


def finding_places(finding: dict) -> tuple[str, str]:
    """(primary place, first other place or "")."""
    related = finding.get("related") or []
    return place(finding["location"]), place(related[0]["location"]) if related else ""


class LabelIndex:
    """Look up a finding's label by fingerprint, then by rule and places."""

    def __init__(self, labels: list[Label]):
        self.by_fingerprint = {lab.fingerprint: lab for lab in labels if lab.fingerprint}
        self.by_place = {(lab.rule, lab.at, lab.other): lab for lab in labels}

    def find(self, finding: dict) -> Label | None:
        hit = self.by_fingerprint.get(finding["fingerprint"])
        if hit is not None:
            return hit
        at, other = finding_places(finding)
        return self.by_place.get((finding["name"], at, other))


def new_entry(finding: dict, verdict: str = "", reason: str = "") -> dict:
    """A label entry for ``finding`` (``verdict`` empty: still to be read)."""
    at, other = finding_places(finding)
    entry = {"fingerprint": finding["fingerprint"], "rule": finding["name"], "at": at}
    if other:
        entry["other"] = other
    entry["label"] = verdict
    entry["reason"] = reason
    return entry
