"""``course new``: add a module or a lesson in every language, at its place in the order.

The page in the source language gets placeholder text to replace; each
translation gets the same text and no ``source_hash``, so ``course status``
lists it as *unconfirmed* until a translator translates it and marks it.

Inserting with ``--after`` renumbers the folders or files that follow, in
every language, and rewrites the relative links that point at them. Ids never
change: they are what the LMS records.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..course.config import ID_RE
from ..course.loader import NUMBERED, load_course
from ..course.markdown_text import FENCE, LINK
from ..course.model import Course, Lesson, Module
from ..diagnostics import BuildFailed, error, has_errors, rel

STRUCTURE_CODES = {"layout", "module-folder", "lesson-order", "id-mismatch", "duplicate-id",
                   "config", "front-matter", "encoding", "io", "empty-file"}
"""Problems that make the order or the ids unclear: fix them before adding pages."""
UNTRANSLATED = ("<!-- Not translated yet: translate this page from {source}, then run "
                "'course status --mark {path}'. -->")
PLACEHOLDER = {
    "module": "Write the overview of this module here: what the learner will know and be "
              "able to do after it.",
    "lesson": "Write the lesson here.\n\n## First section\n\nText of the first section.",
    "test": "Questions of the module test go here, as '/// quiz' blocks.",
}


@dataclass
class Changes:
    """What ``course new`` did, for the report."""

    created: list[Path] = field(default_factory=list)
    renamed: list[tuple[Path, Path]] = field(default_factory=list)
    relinked: list[Path] = field(default_factory=list)


def load_clean(root: Path) -> Course:
    """Load the course, refusing when its order or ids are already unclear."""
    course, diagnostics = load_course(root)
    blocking = [d for d in diagnostics if d.code in STRUCTURE_CODES]
    if course is None or has_errors(blocking):
        raise BuildFailed(blocking or diagnostics, "fix these first; nothing was created")
    return course


def new_module(root: Path, name: str, *, title: str | None = None, module_id: str | None = None,
               after: str | None = None) -> Changes:
    """Create module ``NN-name`` with its ``index.md`` in every language."""
    course = load_clean(root)
    _check_name(name)
    dirs = [m.dir_uri for m in course.modules]
    if any(_slug(d) == name for d in dirs):
        raise _fail(course.config.docs_dir, f"a module '{name}' already exists")
    position = _position(dirs, after, course.config.docs_dir, "module") if after else None
    number = _number_at(dirs, position)
    changes = Changes()
    _make_room(course, "", dirs, number, changes)
    dir_uri = f"{number:02d}-{name}"
    new_id = module_id or _unique(course, _initials(name))
    _check_id(course, new_id)
    _write_pages(course, f"{dir_uri}/index.md", new_id, title or _humanize(name), "module",
                 changes)
    return changes


def new_lesson(root: Path, module_ref: str, name: str, *, title: str | None = None,
               after: str | None = None, test: bool = False) -> Changes:
    """Create lesson ``NN-name.md`` (or the module test) in ``module_ref`` in every language."""
    course = load_clean(root)
    _check_name(name)
    module = _find_module(course, module_ref)
    files = [lesson.src_uri.rsplit("/", 1)[1] for lesson in module.lessons]
    if any(_slug(f) == name for f in files):
        raise _fail(module.dir_uri, f"a lesson '{name}' already exists in this module")
    if test and module.test is not None:
        raise _fail(module.test.src_uri, "this module already has a test; a module has one")
    if test:
        position = len(files) - 1
    elif after:
        position = _position(files, after, module.dir_uri, "lesson", module.lessons)
        if module.test is not None and position == len(files) - 1:
            raise _fail(module.test.src_uri, "the module test stays the last page; give "
                        "--after a lesson before it")
    else:  # the end, but before the module test: the test stays last
        position = len(files) - (2 if module.test is not None else 1)
    number = _number_at(files, position)
    changes = Changes()
    _make_room(course, module.dir_uri, files, number, changes)
    src_uri = f"{module.dir_uri}/{number:02d}-{name}.md"
    new_id = f"{module.id}-test" if test else _lesson_id(course, module)
    _check_id(course, new_id)
    _write_pages(course, src_uri, new_id, title or _humanize(name),
                 "test" if test else "lesson", changes)
    return changes


def _fail(where: str, message: str) -> BuildFailed:
    return BuildFailed([error(where, None, message, "new")], "nothing was created")


def _check_name(name: str) -> None:
    if not ID_RE.fullmatch(name) or NUMBERED.fullmatch(name):
        raise _fail(name, "a name is lowercase English words joined by '-', without a "
                    f"number, such as 'human-rights'; got '{name}'")


def _check_id(course: Course, new_id: str) -> None:
    if not ID_RE.fullmatch(new_id):
        raise _fail(new_id, f"'id' must be lowercase letters, digits and '-', got '{new_id}'")
    if new_id in _ids(course):
        raise _fail(new_id, f"id '{new_id}' is already used; choose another with --id")


def _ids(course: Course) -> set[str]:
    return {m.id for m in course.modules} | {lesson.id for lesson in course.lessons()}


def _slug(name: str) -> str:
    return name.removesuffix(".md").split("-", 1)[1]


def _num(name: str) -> int:
    return int(name.split("-", 1)[0])


def _humanize(name: str) -> str:
    text = name.replace("-", " ")
    return text[:1].upper() + text[1:]


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split("-") if word)


def _unique(course: Course, base: str) -> str:
    taken = _ids(course)
    if base not in taken:
        return base
    return next(f"{base}{n}" for n in range(2, 1000) if f"{base}{n}" not in taken)


def _lesson_id(course: Course, module: Module) -> str:
    taken = _ids(course)
    numbers = [int(m.group(1)) for lesson in module.lessons
               if (m := re.fullmatch(re.escape(module.id) + r"-([0-9]+)", lesson.id))]
    start = max(numbers, default=0) + 1
    return next(f"{module.id}-{n:02d}" for n in range(start, start + 1000)
                if f"{module.id}-{n:02d}" not in taken)


def _find_module(course: Course, ref: str) -> Module:
    ref = ref.strip("/").rsplit("/", 1)[-1]
    for module in course.modules:
        if ref in (module.dir_uri, module.id, _slug(module.dir_uri)):
            return module
    known = ", ".join(repr(m.dir_uri) for m in course.modules)
    raise _fail(ref, f"no module '{ref}'; expected one of {known} (a folder name, its id or "
                "its name)")


def _position(names: list[str], after: str, where: str, what: str,
              lessons: tuple[Lesson, ...] = ()) -> int:
    """Return the index in ``names`` after which the new entry goes."""
    key = after.strip("/").rsplit("/", 1)[-1].removesuffix(".md")
    for i, name in enumerate(names):
        ids = {lessons[i].id} if lessons else set()
        if key in {name.removesuffix(".md"), _slug(name), *ids}:
            return i
    raise _fail(where, f"--after: no {what} '{after}' here; expected one of "
                + ", ".join(repr(n) for n in names))


def _number_at(names: list[str], position: int | None) -> int:
    """Return the number of a new entry placed after ``names[position]`` (end if None)."""
    if not names:
        return 1
    if position is None:
        return _num(names[-1]) + 1
    if position < 0:  # before the first entry
        return _num(names[0])
    return _num(names[position]) + 1


def _make_room(course: Course, dir_uri: str, names: list[str], number: int,
               changes: Changes) -> None:
    """Shift entries numbered ``number``, ``number+1``... up by one, in every language."""
    taken = {_num(n): n for n in names}
    run: list[str] = []
    while number + len(run) in taken:
        run.append(taken[number + len(run)])
    moves = {}
    for name in reversed(run):
        new_name = f"{_num(name) + 1:02d}-{name.split('-', 1)[1]}"
        old_uri = posixpath.join(dir_uri, name) if dir_uri else name
        new_uri = posixpath.join(dir_uri, new_name) if dir_uri else new_name
        moves[old_uri] = new_uri
        for lang in course.languages:
            old = course.docs_dir / lang / old_uri
            if old.exists():
                old.rename(course.docs_dir / lang / new_uri)
                changes.renamed.append((old, course.docs_dir / lang / new_uri))
    if moves:
        relink(course, moves, changes)


def _write_pages(course: Course, src_uri: str, page_id: str, title: str, kind: str,
                 changes: Changes) -> None:
    src = course.source_language
    source_path = course.docs_dir / src / src_uri
    meta = f"---\nid: {page_id}\ntitle: {_yaml_str(title)}\n"
    meta += "kind: test\n---\n" if kind == "test" else "---\n"
    heading = f"# {title}\n\n"
    for lang in course.languages:
        path = course.docs_dir / lang / src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        note = "" if lang == src else UNTRANSLATED.format(
            source=rel(source_path, course.root), path=rel(path, course.root)) + "\n\n"
        path.write_text(meta + heading + note + PLACEHOLDER[kind] + "\n", encoding="utf-8")
        changes.created.append(path)


def _yaml_str(text: str) -> str:
    if re.fullmatch(r"[\w][\w ,.()-]*", text):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _moved(uri: str, moves: dict[str, str]) -> str:
    for old, new in moves.items():
        if uri == old or uri.startswith(old + "/"):
            return new + uri[len(old):]
    return uri


def relink(course: Course, moves: dict[str, str], changes: Changes) -> None:
    """Rewrite relative links in every page after ``moves`` (old uri -> new uri)."""
    back = {new: old for old, new in moves.items()}
    for lang in course.languages:
        folder = course.docs_dir / lang
        for path in sorted(folder.rglob("*.md")):
            new_uri = path.relative_to(folder).as_posix()
            old_uri = _moved(new_uri, back)
            text = path.read_text(encoding="utf-8")
            updated = _relink_text(text, old_uri, new_uri, moves)
            if updated != text:
                path.write_text(updated, encoding="utf-8", newline="")
                changes.relinked.append(path)


def _relink_text(text: str, old_uri: str, new_uri: str, moves: dict[str, str]) -> str:
    lines = text.split("\n")
    in_fence = False
    for i, line in enumerate(lines):
        if FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and "](" in line:
            lines[i] = LINK.sub(lambda m: _relink_one(m, old_uri, new_uri, moves), line)
    return "\n".join(lines)


def _relink_one(match: re.Match[str], old_uri: str, new_uri: str,
                moves: dict[str, str]) -> str:
    target = match.group(3)
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path or target.startswith("/"):
        return match.group(0)
    old_target = posixpath.normpath(posixpath.join(posixpath.dirname(old_uri),
                                                   unquote(parts.path)))
    if old_target.startswith(".."):
        return match.group(0)
    new_target = _moved(old_target, moves)
    path = posixpath.relpath(new_target, posixpath.dirname(new_uri) or ".")
    if path == posixpath.normpath(unquote(parts.path)):
        return match.group(0)
    suffix = target[len(parts.path):]
    start, end = match.span(3)
    whole = match.group(0)
    offset = match.start(0)
    return whole[: start - offset] + path + suffix + whole[end - offset:]


def describe(changes: Changes, root: Path) -> list[str]:
    """Return one line per file created, renamed or relinked."""
    return ([f"created {rel(p, root)}" for p in changes.created]
            + [f"renamed {rel(a, root)} -> {rel(b, root)}" for a, b in changes.renamed]
            + [f"updated links in {rel(p, root)}" for p in changes.relinked])

