"""Whether worker processes may be forked here: what the reading workers
(``reading_processes``) and the rule workers (``rule_processes``) both ask."""

from __future__ import annotations

import multiprocessing
import sys


def can_fork() -> bool:
    """Whether this process can be forked safely: on Linux. macOS offers fork, but its
    system libraries may hold threads that a fork leaves broken (Python's own
    default there is spawn), and Windows has none."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()
