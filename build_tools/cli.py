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

from .diagnostics import BuildFailed, Diagnostic, Severity
from .progress import Progress

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
    return f"{errors} error(s), {len(diagnostics) - errors} warning(s)"


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
        except (click.ClickException, click.exceptions.Exit, KeyboardInterrupt):
            raise
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
@click.pass_obj
@guarded
def build(root: Path, strict: bool) -> None:
    """Check the sources, then build the site and the SCORM packages."""
    from .pipeline import build_site

    started = time.perf_counter()
    result = build_site(root, strict=strict, progress=Progress())
    print_diagnostics(result.diagnostics)
    took = time.perf_counter() - started
    click.echo(f"Built {result.site_dir.name}/ in {took:.1f} s ({summary(result.diagnostics)})",
               err=True)
    if result.packages:
        largest = max(result.packages, key=lambda r: r.size)
        click.echo(f"Wrote {len(result.packages)} SCORM package(s) to "
                   f"{largest.path.parent.name}/, largest {largest.path.name} "
                   f"({largest.size / 1024:.0f} KB)", err=True)


if __name__ == "__main__":
    main()
