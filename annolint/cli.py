"""The command line. Thin: parse options, call the engine, render, and compute the
exit status once: 0 clean, 1 findings at or above ``--fail-on``, 2 usage or
configuration errors."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import NoReturn

import click

from annolint import __version__
from annolint.errors import InternalError, describe
from annolint.findings import SEVERITIES, SEVERITY_RANK, Finding
from annolint.i18n import plural, say, speaking
from annolint.yamlfile import ConfigError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # Ctrl-C: 128 + SIGINT, as shells report it; never 1, which a CI gate reads as findings


def _words(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w.strip() for v in values for w in v.split(",") if w.strip())


def _fail(message: str) -> NoReturn:
    click.echo(f"annolint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _internal(error: BaseException) -> NoReturn:
    """A bug in annolint: one plain line, exit 2 (1 would read as "findings")."""
    click.echo(describe(error), err=True)
    sys.exit(EXIT_ERROR)


def run() -> NoReturn:
    """The command line, with any internal error reported in one line
    (``errors.describe``) and exit status 2, never a traceback. Click's own handling,
    but for Ctrl-C, which it ends with status 1: here 130."""
    try:
        status = main(standalone_mode=False)  # the commands exit themselves; --help and --version return 0
    except click.exceptions.Abort as err:  # Ctrl-C, or an end of input (click has already ended the line)
        click.echo("Aborted!", err=True)
        sys.exit(EXIT_INTERRUPTED if isinstance(err.__cause__, KeyboardInterrupt) else EXIT_FINDINGS)
    except click.ClickException as err:  # a usage error
        err.show()
        sys.exit(err.exit_code)
    except Exception as err:  # click exits through SystemExit; what reaches here is a bug
        _internal(err)
    sys.exit(status if isinstance(status, int) else EXIT_CLEAN)


def program() -> NoReturn:
    """The ``annolint`` program (and ``python -m annolint``): ``run``, then out of the
    process at once, its output flushed. Python would otherwise free every object of
    the notes read one by one before it exits (0.4 s on 1,000 notes, 1.5 s on 4,000);
    the operating system frees them all at once. mypy leaves the same way. Under a
    profiler or a tracer (cProfile, coverage) the process ends as usual, so that they
    can write what they measured."""
    status = 0
    try:
        run()
    except SystemExit as stop:
        if sys.getprofile() is not None or sys.gettrace() is not None:
            raise
        status = stop.code
    if status is not None and not isinstance(status, int):
        print(status, file=sys.stderr)  # what sys.exit("message") would print
        status = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:  # None when the program was started without it (">&-")
                stream.flush()
        except (OSError, ValueError):  # a closed pipe ("| head"): nothing more to say
            pass
    os._exit(status or 0)


def _config(config_path: Path | None, paths: list[Path]):
    """The configuration named, or found upwards from the first path (exit 2 on errors)."""
    from annolint.config import find_config, load_config

    try:
        return load_config(config_path or find_config(paths[0] if paths else Path.cwd()))
    except ConfigError as err:
        _fail(str(err))


def _check_output(output: Path, paths: list[Path], extensions: tuple[str, ...]) -> None:
    """Refuse, before any work, a report path that cannot be written or would harm:
    a missing folder, one of the notes (annolint never writes to them), or a file
    with a note's extension in a checked folder (the next run would check it)."""
    if not output.parent.is_dir():
        _fail(f"--output {output}: the folder {output.parent} does not exist")
    target = os.path.realpath(output)
    for given in paths:
        if given.is_file() and os.path.realpath(given) == target:
            _fail(f"--output {output} is one of the notes being checked; annolint never writes to the notes")
        if given.is_dir() and output.suffix.lower() in extensions \
                and (target + os.sep).startswith(os.path.realpath(given) + os.sep):
            _fail(f"--output {output} lies in the checked folder {given} with a note's extension: the next run "
                  "would check the report as a note; write it elsewhere or as .json, .sarif, .html or .log")


def _emit(text: str, output: Path | None, colour: bool = False) -> None:
    if output:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as err:  # read-only, full disk
            _fail(f"--output {output} cannot be written ({err.strerror or err})")
    else:
        # click strips colour codes when stdout is not a terminal unless told otherwise
        click.echo(text, nl=False, color=colour)


def _progress():
    """A progress bar on standard error while notes are read and compared, on a
    terminal only: nothing when the output is piped, in CI, or in an editor."""
    if sys.stderr is None or not sys.stderr.isatty() or os.environ.get("CI"):
        return None

    def bar(label: str, items, length: int | None = None):
        with click.progressbar(items, length=length, label=say(label), file=sys.stderr, show_pos=True) as shown:
            yield from shown

    return bar


def _cache(config):
    """The cache of read notes in the working directory, as ruff and mypy keep theirs."""
    from annolint.cache import CACHE_DIR, NoteCache, salt_for

    return NoteCache(Path.cwd() / CACHE_DIR, salt_for(config))


def _exit_status(findings: list[Finding], fail_on: str) -> int:
    threshold = SEVERITY_RANK[fail_on]
    return EXIT_FINDINGS if any(SEVERITY_RANK[f.severity] >= threshold for f in findings) else EXIT_CLEAN


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="annolint")
def main() -> None:
    """annolint: find contradictions across a set of briefing notes (annotaties)."""


_LANGUAGE_OPTION = click.option(
    "--message-language", type=click.Choice(["nl", "en"]),
    help="Language of the findings and rule descriptions (default: the configured message-language, else the "
         "rule pack's language).")


def _common_options(func):
    options = [
        click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False, exists=True),
                     help="Configuration file (default: .annolint.yaml or pyproject.toml found upwards)."),
        click.option("--select", multiple=True, help="Only these rules (ids or names, comma-separated)."),
        click.option("--ignore", multiple=True, help="Skip these rules (ids or names, comma-separated)."),
        click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif", "html", "github"]), default="text",
                     show_default=True, help="Output format."),
        click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False),
                     help="Write the report to this file instead of standard output."),
        click.option("--fail-on", type=click.Choice(SEVERITIES),
                     help="Lowest severity that makes the exit status 1 (default: warning)."),
        click.option("--baseline", "baseline_path", type=click.Path(path_type=Path, dir_okay=False),
                     help="Report only findings that are not in this baseline file."),
        click.option("--color/--no-color", default=None, help="Colour the text report (default: on a terminal)."),
        click.option("--jobs", "-j", type=click.IntRange(min=1),
                     help="Processes that read the notes and run the rules (default: the machine's cores; a small set uses one)."),
        click.option("--no-cache", "no_cache", is_flag=True,
                     help="Read every note again instead of taking unchanged ones from .annolint_cache/."),
        _LANGUAGE_OPTION,
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _plan_annotations(out: Path, paths: list[Path], config) -> dict[Path, Path]:
    """Where ``--annotate-docx`` writes each Word note's copy; exit 2 before any work
    when OUT is unusable or a copy would land on a note (``annotate.plan``)."""
    from annolint.annotate import AnnotateError, plan
    from annolint.sources import discover

    files = discover(paths, extensions=config.extensions, exclude=config.exclude, exclude_root=config.base)
    try:
        return plan(out, paths, files)
    except AnnotateError as err:
        _fail(str(err))


def _annotate(out: Path, targets: dict[Path, Path], result, findings: list[Finding], context) -> None:
    """Write the annotated copies; one line on standard error says what was written."""
    from annolint.annotate import write_copies
    from annolint.sources import display_path

    try:
        copies, comments, skipped = write_copies(targets, result.documents, findings, context.quoted,
                                                 display_path, context.page)
    except OSError as err:
        _fail(f"--annotate-docx {out} cannot be written ({err.strerror or err})")
    notes = plural(copies, "1 annotated Word note", "{count} annotated Word notes")
    click.echo("annolint: " + say("wrote {notes} with {comments} to {folder}", notes=notes, folder=out,
                                  comments=plural(comments, "1 comment", "{count} comments")), err=True)
    for note in skipped:
        click.echo("annolint: " + say("no annotated copy of {note}", note=note), err=True)


def _run(paths, config, select, ignore, fmt, output, fail_on, baseline_path, color, jobs, no_cache,
         message_language, only_files=None, annotate_docx=None):
    from annolint.baseline import read_baseline
    from annolint.engine import check, collector_paused, quietly
    from annolint.reporters import ReportContext, render

    if message_language:
        config = replace(config, message_language=message_language)
    paths = list(paths) or [config.root or Path.cwd()]
    missing = [p for p in paths if not p.exists()]
    if missing:
        _fail(f"no such file or folder: {missing[0]}")
    if output is not None:
        _check_output(output, paths, config.extensions)
    targets = _plan_annotations(annotate_docx, paths, config) if annotate_docx is not None else {}
    try:
        baseline = read_baseline(baseline_path) if baseline_path else None
        result = check(paths, config, select=_words(select), ignore=_words(ignore), baseline=baseline,
                       cache=None if no_cache else _cache(config), jobs=jobs or os.cpu_count() or 1,
                       progress=_progress() or quietly)
    except ConfigError as err:
        _fail(str(err))
    except InternalError as err:
        _internal(err)
    findings = result.findings
    if only_files is not None:
        findings = [f for f in findings if f.paths & only_files]
    unreadable = sum(1 for d in result.documents if not d.checked)
    use_colour = color if color is not None else (output is None and sys.stdout is not None and sys.stdout.isatty())
    context = ReportContext(len(result.documents), unreadable, colour=bool(use_colour and fmt == "text"),
                            documents={d.path: d for d in result.documents}, language=config.language)
    # the report's own words (summary, comments) in the findings' language; the collector
    # would walk every note read (a fifth of a second on 1,000 notes) and free nothing
    with speaking(config.messages), collector_paused():
        _emit(render(fmt, findings, result.rules, context), output, context.colour)
        if annotate_docx is not None:
            _annotate(annotate_docx, targets, result, findings, context)
    sys.exit(_exit_status(findings, fail_on or config.fail_on))


@main.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@_common_options
@click.option("--annotate-docx", "annotate_docx", type=click.Path(path_type=Path),
              help="Write a copy of each Word note with findings to this folder (outside the checked "
                   "folders), with a comment on each side of each finding.")
def check_command(paths, config_path, select, ignore, fmt, output, fail_on, baseline_path, color, jobs, no_cache,
                  message_language, annotate_docx):
    """Check the notes in PATHS (files and folders; default: the configured root)."""
    config = _config(config_path, list(paths))
    _run(paths, config, select, ignore, fmt, output, fail_on, baseline_path, color, jobs, no_cache, message_language,
         annotate_docx=annotate_docx)


@main.command("hook")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@_common_options
def hook_command(files, config_path, select, ignore, fmt, output, fail_on, baseline_path, color, jobs, no_cache,
                 message_language):
    """For pre-commit: check the whole set, report what involves FILES.

    Contradictions span notes, so the configured ``root`` (default: the current
    folder) is read as a whole; only findings touching the changed FILES count.
    """
    from annolint.sources import display_path

    config = _config(config_path, [])
    changed = {display_path(f) for f in files}
    _run((), config, select, ignore, fmt, output, fail_on, baseline_path, color, jobs, no_cache, message_language,
         only_files=changed)


@main.command("baseline")
@click.argument("baseline_file", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False, exists=True))
def baseline_command(baseline_file, paths, config_path):
    """Write every current finding of PATHS to BASELINE_FILE, to accept them."""
    from annolint.baseline import write_baseline
    from annolint.engine import check

    config = _config(config_path, list(paths))
    try:
        result = check(list(paths) or [config.root or Path.cwd()], config)
    except ConfigError as err:
        _fail(str(err))
    write_baseline(baseline_file, result.findings)
    click.echo(f"Wrote {len(result.findings)} findings to {baseline_file}.")


def _load_rules(config_path, message_language=None):
    from annolint.engine import load_setup

    config = _config(config_path, [])
    if message_language:
        config = replace(config, message_language=message_language)
    try:
        return load_setup(config).rules
    except ConfigError as err:
        _fail(str(err))


@main.command("rules")
@click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@_LANGUAGE_OPTION
def rules_command(config_path, message_language):
    """List the rules: id, name, severity, kind and what each finds."""
    rules = _load_rules(config_path, message_language)
    width = max(len(r.name) for r in rules)
    for rule in rules:
        summary = rule.short_description.split(": ")[0].split(". ")[0].rstrip(".")
        summary = summary if len(summary) <= 70 else summary[:69].rstrip() + "…"
        click.echo(f"{rule.id}  {rule.name:<{width}}  {rule.severity:<7}  {summary}")


@main.command("rule")
@click.argument("rule_ref")
@click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@_LANGUAGE_OPTION
def rule_command(rule_ref, config_path, message_language):
    """Show the documentation of one rule (by id or name) and of its kind."""
    rules = _load_rules(config_path, message_language)
    rule = next((r for r in rules if rule_ref in (r.id, r.name)), None)
    if rule is None:
        _fail(f"no rule has the id or name '{rule_ref}'; see 'annolint rules'")
    click.echo(f"{rule.id} {rule.name} ({rule.severity}, kind: {rule.kind})")
    click.echo(f"Defined in {rule.source}\n")
    click.echo(rule.description.rstrip() + "\n")
    click.echo(f"Message: {rule.message}\n")
    click.echo(f"Kind '{rule.kind}':")
    click.echo((rule.module.__doc__ or "").strip())
