"""Generated notes, front matter and configurations never take annolint down: every
run ends with status 0, 1 or 2 and no traceback, and gives the same output twice."""

from __future__ import annotations

import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annolint import cli

# text as notes are written, with the genre's marks, dates, figures and some noise
PIECES = st.sampled_from([
    "Kernboodschap\n", "Vraag en antwoord\n", "1. Komt er een evaluatie?\n", "- Ja.\n", "- Nee, niet.\n",
    "Commissie Wonen, 3 oktober 2024\n", "voor de zomer 2024 ", "op 17 september ", "1.200 woningen ",
    "€ 4,2 mln ", "TODO ", "[aantal invullen] ", "(moet nog update) ", "# annolint: ignore placeholder\n",
    "<!-- annolint: ignore-file -->\n", "5.1, 2, e ", "Van Dam ", "van Dam ", "???", "\n", "- ", ": ", "PM ",
])
NOTE = st.lists(st.one_of(PIECES, st.text(max_size=30)), max_size=40).map("".join)
FRONT = st.one_of(st.just(""), st.text(max_size=60).map(lambda t: f"---\n{t}\n---\n"),
                  st.sampled_from(["---\ndate: 2024-02-30\n---\n", "---\ndate: 2024-10-03\n---\n",
                                   "---\n" + "[" * 300 + "]" * 300 + "\n---\n"]))
CONTENT = st.one_of(st.tuples(FRONT, NOTE).map(lambda p: (p[0] + p[1]).encode("utf-8", "surrogatepass")),
                    st.binary(max_size=200))
CONFIG = st.one_of(st.none(), st.text(max_size=80),
                   st.sampled_from(["root: 2024-02-30\n", "exclude: &a [*a]\n", "fail-on: note\n",
                                    "select: [placeholder]\n", "ignore: 3\n", "lexicons: [nergens.yaml]\n"]))


def _check(folder: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.main, ["check", str(folder), "--no-color", "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notes=st.lists(CONTENT, min_size=1, max_size=3), config=CONFIG)
def test_generated_sets_end_cleanly_and_the_same_way_twice(notes, config):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i, data in enumerate(notes):
            (folder / f"note{i}.txt").write_bytes(data)
        if config is not None:
            (folder / ".annolint.yaml").write_text(config, encoding="utf-8", errors="surrogateescape")
        before = {p.name: p.read_bytes() for p in folder.iterdir()}
        code, out, err = _check(folder)
        assert code in (0, 1, 2), (code, err)
        assert "Traceback" not in err and "internal error" not in err, err
        assert _check(folder) == (code, out, err)  # deterministic
        assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # the notes are never written
