"""The ``course`` command: one thin function per verb, all work done in the pipeline."""

from __future__ import annotations

import functools
import json
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from .build.progress import Progress
from .diagnostics import BuildFailed, Diagnostic, Severity, has_errors, io_diagnostic, rel

F = TypeVar("F", bound=Callable[..., Any])


def print_diagnostics(diagnostics: list[Diagnostic], fmt: str = "text") -> None:
    """Print diagnostics to stderr (text) or stdout (JSON)."""
    if fmt == "json":
        click.echo(json.dumps([d.as_dict() for d in diagnostics], ensure_ascii=False, indent=2))
        return
    for diag in diagnostics:
        click.echo(diag.format(), err=True)


def summary(diagnostics: list[Diagnostic]) -> str:
    """Return ``N error(s), M warning(s)``."""
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = sum(d.severity is Severity.WARNING for d in diagnostics)
    return f"{errors} error(s), {warnings} warning(s)"


def guarded(func: F) -> F:
    """Turn any failure into a message and exit code 1; a traceback only with ``--debug``."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        debug = click.get_current_context().find_root().params.get("debug", False)
        try:
            return func(*args, **kwargs)
        except BuildFailed as exc:
            print_diagnostics(exc.diagnostics)
            click.echo(f"course: {exc.summary or 'failed'} ({summary(exc.diagnostics)})",
                       err=True)
            if debug and exc.__cause__ is not None:
                traceback.print_exception(exc.__cause__)
            sys.exit(1)
        except KeyboardInterrupt:
            from .console import INTERRUPTED

            click.echo(INTERRUPTED, err=True)
            sys.exit(130)
        except (click.ClickException, click.exceptions.Exit):
            raise
        except OSError as exc:
            if debug:
                raise
            print_diagnostics([io_diagnostic(exc, click.get_current_context().obj)])
            sys.exit(1)
        except Exception as exc:
            if debug:
                raise
            click.echo(f"course: error: {type(exc).__name__}: {exc} (run with --debug to see "
                       "where it happened)", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


@click.group()
@click.option("--project", "-p", type=click.Path(file_okay=False, path_type=Path),
              default=Path("."), show_default=True, help="The course folder (holds course.yml).")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal failures.")
@click.pass_context
def main(ctx: click.Context, project: Path, debug: bool) -> None:
    """Build, check and preview a multilingual course."""
    ctx.obj = project.resolve()


@main.command()
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--timings", "timings_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the time of each stage of the build to this JSON file.")
@click.pass_obj
@guarded
def build(root: Path, strict: bool, timings_file: Path | None) -> None:
    """Check the sources, then build the site and the outputs `course.yml` selects."""
    from .build.parallel import prime

    prime()  # the language processes' imports start while this process imports the build's
    from .build.pipeline import build_site
    from .build.timings import Timings
    from .outputs import WrittenFile

    started = time.perf_counter()
    timings = Timings()
    result = build_site(root, strict=strict, progress=Progress(), timings=timings)
    if timings_file is not None:
        timings.write(timings_file)
    print_diagnostics(result.diagnostics)
    took = time.perf_counter() - started
    click.echo(f"Built {result.site_dir.name}/ in {took:.1f} s ({summary(result.diagnostics)})",
               err=True)
    kinds: dict[str, list[WrittenFile]] = {}
    for written in result.files:
        kinds.setdefault(written.kind, []).append(written)
    for kind, files in kinds.items():
        largest = max(files, key=lambda f: f.size)
        click.echo(f"Wrote {len(files)} {kind}(s) to {largest.path.parent.name}/, largest "
                   f"{largest.path.name} ({largest.size / 1024:.0f} KB)", err=True)


@main.command()
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Diagnostics as GCC-style lines or as JSON.")
@click.pass_obj
@guarded
def check(root: Path, strict: bool, fmt: str) -> None:
    """Check every source page without building the site."""
    from .build.pipeline import check_course

    started = time.perf_counter()
    course, diagnostics = check_course(root, strict=strict)
    print_diagnostics(diagnostics, fmt)
    took = time.perf_counter() - started
    if course is None:
        click.echo(f"course: the course cannot be read ({summary(diagnostics)})", err=True)
        sys.exit(1)
    pages = sum(1 for _ in course.all_pages())
    click.echo(f"Checked {pages} page(s) in {took:.2f} s ({summary(diagnostics)})", err=True)
    if has_errors(diagnostics):
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--mark", is_flag=True, help="Record that the translations in PATHS match "
              "their current source (PATHS: pages, language folders, or 'all').")
@click.option("--diff", "show_diff", is_flag=True,
              help="Show what changed in the source since each outdated translation was made.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="A table, or JSON.")
@click.option("--report", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write a report for translators: REPORT.md or REPORT.html.")
@click.pass_obj
@guarded
def status(root: Path, paths: tuple[str, ...], mark: bool, show_diff: bool, fmt: str,
           report: Path | None) -> None:
    """Show which translations are up to date, outdated or missing."""
    from .authoring import status as st
    from .authoring import status_report

    course, errors = st.load(root)
    if errors:
        click.echo(f"course: {errors} page error(s); pages with errors are left out: run "
                   "'course check'", err=True)
    entries = st.translation_status(course)
    if paths:
        entries, problems = st.select(course, entries, paths, Path.cwd())
        if problems:
            raise BuildFailed(problems, "nothing was done")
    if mark:
        if not paths:
            raise click.UsageError("say which translations to mark: a page, a language "
                                   "folder such as docs/ru, or 'all'")
        done, problems = st.mark(course, entries)
        for entry in done:
            click.echo(f"{rel(entry.path or root, root)}: up to date with source version "
                       f"{entry.source_hash}")
        if problems:
            raise BuildFailed(problems, f"marked {len(done)} translation(s)")
        return
    if show_diff:
        click.echo(status_report.diffs(course, entries), nl=False)
    elif fmt == "json":
        click.echo(status_report.as_json(course, entries))
    else:
        click.echo(status_report.text_table(course, entries, color=sys.stdout.isatty()))
    if report:
        status_report.write_report(course, entries, report)
        click.echo(f"Wrote {report}", err=True)


@main.group()
def new() -> None:
    """Add a module or a lesson in every language."""


@new.command("module")
@click.argument("name")
@click.option("--title", help="The title in the source language (default: from NAME).")
@click.option("--id", "module_id", help="The module id (default: initials of NAME).")
@click.option("--after", help="Put the module after this one (folder, id or name); the "
              "following modules are renumbered.")
@click.pass_obj
@guarded
def new_module(root: Path, name: str, title: str | None, module_id: str | None,
               after: str | None) -> None:
    """Create module NAME (such as 'human-rights')."""
    from .authoring.scaffold import describe, new_module

    changes = new_module(root, name, title=title, module_id=module_id, after=after)
    click.echo("\n".join(describe(changes, root)))


@new.command("lesson")
@click.argument("module")
@click.argument("name")
@click.option("--title", help="The title in the source language (default: from NAME).")
@click.option("--after", help="Put the lesson after this one (file, id or name); the "
              "following lessons are renumbered.")
@click.option("--test", is_flag=True, help="Create the module test (kind: test), last.")
@click.pass_obj
@guarded
def new_lesson(root: Path, module: str, name: str, title: str | None, after: str | None,
               test: bool) -> None:
    """Create lesson NAME in MODULE (its folder, id or name)."""
    from .authoring.scaffold import describe, new_lesson

    changes = new_lesson(root, module, name, title=title, after=after, test=test)
    click.echo("\n".join(describe(changes, root)))


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, help="Port to listen on.")
@click.pass_obj
@guarded
def serve(root: Path, host: str, port: int) -> None:
    """Preview the site live, checked again on every save."""
    from .authoring.serve import serve

    serve(root, host, port, lambda line: click.echo(line, err=True))


if __name__ == "__main__":
    main()
