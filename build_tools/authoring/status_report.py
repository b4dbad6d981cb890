"""Translation status as a terminal table, JSON, or a Markdown/HTML report for translators."""

from __future__ import annotations

import datetime
import html
import json
from pathlib import Path

from ..course.model import Course
from ..diagnostics import rel
from ..languages.i18n import MSGID_LANGUAGE, Untranslated, untranslated_ui
from .status import LABELS, STATUSES, Entry, counts, source_diff

COLORS = {"up-to-date": "green", "outdated": "yellow", "unconfirmed": "cyan",
          "missing": "red", "orphaned": "magenta"}
TODO = {
    "outdated": "the source changed: update the translation, then run "
                "'course status --mark {path}'",
    "unconfirmed": "check the translation against the source, then run "
                   "'course status --mark {path}'",
    "missing": "translate the source page into '{path}'",
    "orphaned": "the source page is gone: delete '{path}' or restore the source",
}
"""What to do about a page, by status."""


def _languages(course: Course) -> list[str]:
    return [lang for lang in course.languages if lang != course.source_language]


def ui_untranslated(course: Course) -> list[tuple[str, Untranslated]]:
    """Return ``(lang, catalog)`` for every UI catalog a course language lacks."""
    return [(lang, missing) for lang in course.languages
            for missing in untranslated_ui(lang, course.fallback)]


def _ui_lines(course: Course) -> list[str]:
    found = ui_untranslated(course)
    if not found:
        return []
    return ["", "Untranslated UI catalogs", *(
        f"{lang.ljust(6)}{m.catalog} ({m.what}, shown in '{m.shown_in}')" for lang, m in found)]


def _path(course: Course, entry: Entry) -> str:
    return rel(entry.path or course.docs_dir / entry.lang / entry.src_uri, course.root)


def text_table(course: Course, entries: list[Entry], *, color: bool = False) -> str:
    """Return a table of pages by language, then the number of pages per status."""
    import click

    langs = _languages(course)
    by_page: dict[str, dict[str, str]] = {}
    for entry in entries:
        by_page.setdefault(entry.src_uri, {})[entry.lang] = entry.status
    width = max([len("page"), *map(len, by_page)])
    cell = max(len(label) for label in LABELS.values()) + 2

    def paint(status: str) -> str:
        label = LABELS.get(status, status).ljust(cell)
        return click.style(label, fg=COLORS[status]) if color and status in COLORS else label

    header = "page".ljust(width) + "  " + "".join(lang.ljust(cell) for lang in langs)
    lines = [f"Translations of '{course.source_language}' pages", "", header.rstrip()]
    for src_uri, statuses in by_page.items():
        lines.append(src_uri.ljust(width) + "  " + "".join(
            paint(statuses[lang]) if lang in statuses else " " * cell for lang in langs
        ).rstrip())
    totals = counts(entries, langs)
    lines += ["", "".ljust(6) + "".join(LABELS[s].rjust(cell) for s in STATUSES)]
    for lang in langs:
        lines.append(lang.ljust(6) + "".join(str(totals[lang][s]).rjust(cell)
                                             for s in STATUSES))
    return "\n".join(lines + _ui_lines(course))


def as_json(course: Course, entries: list[Entry]) -> str:
    """Return the status of every page as JSON, with the counts per language."""
    langs = _languages(course)
    pages = [
        {
            "src_uri": e.src_uri, "lang": e.lang, "status": e.status, "title": e.title,
            "path": rel(e.path, course.root) if e.path else None,
            "source_path": rel(e.source_path, course.root) if e.source_path else None,
            "source_hash": e.source_hash, "marked_hash": e.marked_hash,
        }
        for e in entries
    ]
    payload = {"source_language": course.source_language, "languages": langs,
               "counts": counts(entries, langs), "pages": pages,
               "ui_untranslated": [{"lang": lang, "catalog": m.catalog, "strings": m.what,
                                    "shown_in": m.shown_in}
                                   for lang, m in ui_untranslated(course)]}
    return json.dumps(payload, ensure_ascii=False, indent=2)


def write_report(course: Course, entries: list[Entry], target: Path,
                 today: datetime.date | None = None) -> None:
    """Write a report for translators, Markdown or HTML by the file's suffix."""
    today = today or datetime.date.today()
    if target.suffix.lower() in (".html", ".htm"):
        text = html_report(course, entries, today)
    else:
        text = markdown_report(course, entries, today)
    target.write_text(text, encoding="utf-8")


def _todo(course: Course, entries: list[Entry], lang: str) -> list[Entry]:
    return [e for e in entries if e.lang == lang and e.status != "up-to-date"]


def _no_diff(entry: Entry) -> str:
    return (f"The source text of version {entry.marked_hash} was not kept in "
            "translations/sources, so the changes cannot be shown; compare the whole page.")


def markdown_report(course: Course, entries: list[Entry], today: datetime.date) -> str:
    """Return the report as Markdown: counts, then per language the pages to work on."""
    title = course.titles.get(course.source_language, course.id)
    langs = _languages(course)
    totals = counts(entries, langs)
    out = [f"# Translation status: {title}", "",
           f"{today.isoformat()}. Source language: `{course.source_language}`.", "",
           "| language | " + " | ".join(LABELS[s] for s in STATUSES) + " |",
           "|---" * (len(STATUSES) + 1) + "|"]
    out += [f"| `{lang}` | " + " | ".join(str(totals[lang][s]) for s in STATUSES) + " |"
            for lang in langs]
    missing = ui_untranslated(course)
    if missing:
        out += ["", "## Untranslated UI catalogs", ""]
        out += [f"- `{lang}`: `{m.catalog}` ({m.what}; shown in `{m.shown_in}`)"
                for lang, m in missing]
    for lang in langs:
        todo = _todo(course, entries, lang)
        out += [*([""] if out[-1] else []), f"## `{lang}`: {len(todo)} page(s) to work on", ""]
        if not todo:
            out.append("Every page is up to date.")
        for entry in todo:
            path = _path(course, entry)
            out += [f"### {entry.title}", "", f"- File: `{path}`",
                    f"- Status: **{LABELS[entry.status]}**",
                    f"- To do: {TODO[entry.status].format(path=path)}", ""]
            if entry.status == "outdated":
                diff = source_diff(course, entry)
                out += (["```diff", diff.rstrip("\n"), "```", ""] if diff
                        else [_no_diff(entry), ""])
    return "\n".join(out).rstrip("\n") + "\n"


def html_report(course: Course, entries: list[Entry], today: datetime.date) -> str:
    """Return the same report as one self-contained HTML page."""
    esc = html.escape
    title = esc(course.titles.get(course.source_language, course.id))
    langs = _languages(course)
    totals = counts(entries, langs)
    head = "".join(f"<th>{LABELS[s]}</th>" for s in STATUSES)
    rows = "".join(f"<tr><th>{lang}</th>" + "".join(f"<td>{totals[lang][s]}</td>"
                                                    for s in STATUSES) + "</tr>"
                   for lang in langs)
    parts = [
        # The report's own words are in the msgids' language; the course's title is marked.
        "<!DOCTYPE html>", f'<html lang="{MSGID_LANGUAGE}"><head><meta charset="utf-8">',
        f"<title>Translation status: {title}</title>",
        "<style>body{font-family:sans-serif;max-width:60em;margin:auto;padding:1em}"
        "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.3em .6em}"
        "pre{background:#f4f4f4;padding:.5em;overflow:auto}.add{color:#060}.del{color:#a00}"
        "</style></head><body>",
        f'<h1>Translation status: <span lang="{course.source_language}">{title}</span></h1>',
        f"<p>{today.isoformat()}. Source language: <code>{course.source_language}</code>.</p>",
        f"<table><tr><th>language</th>{head}</tr>{rows}</table>",
    ]
    if missing := ui_untranslated(course):
        parts += ["<h2>Untranslated UI catalogs</h2>", "<ul>", *(
            f"<li><code>{lang}</code>: <code>{esc(m.catalog)}</code> ({esc(m.what)}; shown in "
            f"<code>{m.shown_in}</code>)</li>" for lang, m in missing), "</ul>"]
    for lang in langs:
        todo = _todo(course, entries, lang)
        parts.append(f"<h2><code>{lang}</code>: {len(todo)} page(s) to work on</h2>")
        if not todo:
            parts.append("<p>Every page is up to date.</p>")
        for entry in todo:
            parts += _html_entry(course, entry)
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _html_entry(course: Course, entry: Entry) -> list[str]:
    esc = html.escape
    path = _path(course, entry)
    parts = [f"<h3>{esc(entry.title)}</h3>", "<ul>", f"<li>File: <code>{esc(path)}</code></li>",
             f"<li>Status: <strong>{LABELS[entry.status]}</strong></li>",
             f"<li>To do: {esc(TODO[entry.status].format(path=path))}</li>", "</ul>"]
    if entry.status == "outdated":
        diff = source_diff(course, entry)
        if diff is None:
            parts.append(f"<p>{esc(_no_diff(entry))}</p>")
        else:
            lines = [
                f'<span class="{"add" if ln.startswith("+") else "del"}">{esc(ln)}</span>'
                if ln[:1] in "+-" and not ln.startswith(("+++", "---")) else esc(ln)
                for ln in diff.splitlines()
            ]
            parts.append("<pre>" + "\n".join(lines) + "</pre>")
    return parts


def diffs(course: Course, entries: list[Entry]) -> str:
    """Return what changed in the source of every outdated translation in ``entries``."""
    out = []
    for entry in entries:
        if entry.status != "outdated":
            continue
        out.append(f"{_path(course, entry)}: outdated")
        out.append(source_diff(course, entry) or _no_diff(entry) + "\n")
    return "\n".join(out) if out else "No outdated translations.\n"
