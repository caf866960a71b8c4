"""Baselines: the findings a team has accepted, by fingerprint, so that a CI gate
fails only on new ones. The file is JSON, sorted, and readable in a review."""

from __future__ import annotations

import json
from pathlib import Path

from annolint.findings import Finding
from annolint.yamlfile import ConfigError


def write_baseline(path: Path, findings: list[Finding]) -> None:
    entries = [
        {"fingerprint": f.fingerprint, "rule": f"{f.rule_id} {f.rule_name}",
         "path": f.location.path, "message": f.message}
        for f in sorted(findings)
    ]
    data = {"annolint-baseline": 1, "findings": entries}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


MAX_BASELINE_BYTES = 200_000_000  # a baseline lists fingerprints: a million findings fit in far less


def read_baseline(path: Path) -> set[str]:
    try:
        if path.stat().st_size > MAX_BASELINE_BYTES:
            raise ConfigError(path, None, None, f"the baseline is larger than {MAX_BASELINE_BYTES // 1_000_000} "
                              "MB; write a new one with 'annolint baseline FILE'")
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(path, None, None, f"the baseline cannot be read: {err}") from err
    except json.JSONDecodeError as err:
        raise ConfigError(path, err.lineno, None, f"the baseline is not valid JSON: {err.msg}") from err
    except RecursionError as err:  # 100,000 nested brackets
        raise ConfigError(path, None, None, "the baseline is nested too deeply to be a baseline") from err
    if not isinstance(data, dict) or data.get("annolint-baseline") != 1 or not isinstance(data.get("findings"), list):
        raise ConfigError(path, 1, "annolint-baseline", "not an annolint baseline (write one with 'annolint baseline FILE')")
    prints = set()
    for i, entry in enumerate(data["findings"]):
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise ConfigError(path, None, f"findings[{i}].fingerprint", "must be text")
        prints.add(entry["fingerprint"])
    return prints
