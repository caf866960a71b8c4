"""annolint: a consistency linter for briefing sets (annotaties).

The pipeline runs one way (see README, "Architecture"):
sources -> structure -> index -> kinds -> engine -> reporters.
"""

__version__ = "0.1.0"
