"""Every diagnostic code, declared once: its default severity and what it means.

A diagnostic names one of these codes; ``course.yml`` may change a code's
severity (``validation: {image-alt: error}``) and may name only these codes; the
author guides explain each of them, in every language (a test reads this table).
To add a check: declare its code here, then explain it in ``guide/*/authoring.md``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.Enum):
    """How bad a problem is; ``IGNORE`` drops it."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"
    """Worth knowing, not a problem: never fails a build, not even with ``--strict``."""
    IGNORE = "ignore"


@dataclass(frozen=True)
class Code:
    """One diagnostic code."""

    name: str
    severity: Severity
    """The severity a diagnostic with this code has unless ``course.yml`` changes it."""
    summary: str
    """What it means, in one line (the English guide says the same)."""
    locked: bool = False
    """No ``course.yml`` setting changes its severity: it guards sources and outputs."""


CODES: dict[str, Code] = {code.name: code for code in (
    Code("config", Severity.ERROR,
         "`course.yml` or `mkdocs.yml` is missing, is not valid YAML, or has a wrong "
         "value; the message names the key and what is expected."),
    Code("output", Severity.ERROR,
         "`site/` or `dist/` cannot be replaced: a folder or file in it is read-only or "
         "immutable, it is a mount point, or it is a link to a drive that is not connected.",
         locked=True),
    Code("mkdocs", Severity.ERROR,
         "MkDocs rejected `mkdocs.yml` while building the site, such as a plugin or "
         "theme that is not installed."),
    Code("encoding", Severity.ERROR,
         "The file is not UTF-8; save it as UTF-8 in your editor."),
    Code("io", Severity.ERROR,
         "A file or folder cannot be read or written: check that it exists and its "
         "permissions."),
    Code("layout", Severity.ERROR,
         "A file or folder is not where the course expects it: a language folder is "
         "missing, a name has no number, a module has no `index.md`, or the module test "
         "is not last."),
    Code("language", Severity.ERROR,
         "A folder in `docs/` is not one of the course's languages: a wrong code (`kz` "
         "instead of `kk`), or a language missing from `languages` in `course.yml`; also "
         "when the i18n plugin's languages in `mkdocs.yml` differ from `course.yml`."),
    Code("front-matter", Severity.ERROR,
         "The front matter is not closed, is not valid YAML, has an unknown key, has no "
         "`title`, or has a wrong `id`, `kind` or `pass_mark`."),
    Code("empty-file", Severity.ERROR,
         "The file is empty; write the page or delete the file."),
    Code("empty-page", Severity.WARNING,
         "The page has front matter but no text."),
    Code("title-heading", Severity.WARNING,
         "The page does not start with a `#` heading equal to its `title`; make them the "
         "same."),
    Code("id-mismatch", Severity.ERROR,
         "A page has a different `id` in another language; use the same value in every "
         "language."),
    Code("kind-mismatch", Severity.ERROR,
         "A page is a module test (`kind: test`) in one language and a lesson in "
         "another; without the same `kind` the module would lose its test."),
    Code("pass-mark-mismatch", Severity.ERROR,
         "A module overview page has a different `pass_mark` in another language (or "
         "sets none where the source does)."),
    Code("duplicate-id", Severity.ERROR,
         "Two modules or lessons have the same `id`; every one needs its own."),
    Code("link", Severity.ERROR,
         "A link points to a page that does not exist; check the file name and the `../` "
         "part."),
    Code("link-anchor", Severity.ERROR,
         "A link points to a heading (`#anchor`) that the target page does not have."),
    Code("image-missing", Severity.ERROR,
         "An image file is not found at the path given."),
    Code("image-alt", Severity.WARNING,
         "An image has no alt text; describe it in the page's language."),
    Code("symlink", Severity.ERROR,
         "A symbolic link points outside `docs/`; copy the file in instead."),
    Code("module-folder", Severity.ERROR,
         "A module folder has another name or number in a translation than in the source "
         "language; rename it."),
    Code("lesson-order", Severity.ERROR,
         "A lesson has another file name or number in a translation than in the source "
         "language; rename it."),
    Code("orphan", Severity.IGNORE,
         "A translated page has no page in the source language; write the source first, "
         "or delete the translation. Off by default, since writing a translation first "
         "is a normal step and `course status` lists these pages; turn it on with "
         "`validation: {orphan: warning}`."),
    Code("section-count", Severity.WARNING,
         "A translation has a different number of `##` sections than its source; a "
         "section is missing or extra."),
    Code("source-hash-in-source", Severity.WARNING,
         "A page in the source language has a `source_hash` line, which means "
         "nothing there; remove the line."),
    Code("source-hash", Severity.ERROR,
         "`source_hash` was typed or damaged; run `course status --mark` on the page."),
    Code("status", Severity.ERROR,
         "`course status` was given a path that is not a translated page or language "
         "folder, or asked to mark an orphaned page."),
    Code("new", Severity.ERROR,
         "`course new` cannot create the page: wrong name, unknown module, existing name "
         "or id."),
    Code("serve", Severity.ERROR,
         "`course serve` cannot start, such as when the port is in use."),
    Code("quiz-missing-id", Severity.ERROR,
         "A question has no `id` under the `/// quiz` line."),
    Code("quiz-bad-id", Severity.ERROR,
         "A question `id` is not lowercase letters, digits and `-`."),
    Code("quiz-duplicate-id", Severity.ERROR,
         "The same question `id` is used twice in the course."),
    Code("quiz-unknown-option", Severity.ERROR,
         "A question header key other than `id`, `type`, `answer`, `tolerance`."),
    Code("quiz-header", Severity.ERROR,
         "The question header lines are not valid `key: value` YAML."),
    Code("quiz-bad-type", Severity.ERROR,
         "`type` is not one of the five question types."),
    Code("quiz-empty", Severity.ERROR,
         "No question text, fewer than two options, or an option without text."),
    Code("quiz-option-list", Severity.ERROR,
         "An option without `[ ]` or `[x]`, or options split by text."),
    Code("quiz-no-answer", Severity.ERROR,
         "A choice question without any `[x]`."),
    Code("quiz-single-many", Severity.ERROR,
         "A single-choice question with several `[x]`; add `type: multiple`."),
    Code("quiz-option-not-allowed", Severity.ERROR,
         "`answer` or `tolerance` where the question type takes none."),
    Code("quiz-unexpected-options", Severity.ERROR,
         "An option list in a `truefalse`, `numeric` or `text` question."),
    Code("quiz-truefalse-answer", Severity.ERROR,
         "A `truefalse` question without `answer: true` or `answer: false`."),
    Code("quiz-numeric-answer", Severity.ERROR,
         "The answer or tolerance of a `numeric` question is not a number."),
    Code("quiz-text-answer", Severity.ERROR,
         "A `text` question without accepted answers, or with one that is too long."),
    Code("quiz-unclosed", Severity.ERROR,
         "A `/// quiz` block without its closing `///`."),
    Code("quiz-nested", Severity.ERROR,
         "A `/// quiz` block inside a list, an admonition or a tab; start `/// quiz` at "
         "the beginning of a line."),
    Code("glossary", Severity.ERROR,
         "`glossary.yml` is not valid YAML or has a wrong entry: an unknown key, a language "
         "without `term` or `definition`, a variant both approved and avoided, or one term "
         "used for two concepts."),
    Code("glossary-forbidden", Severity.WARNING,
         "The page uses a variant the glossary rejects; use the approved term the message "
         "names."),
    Code("glossary-missing", Severity.WARNING,
         "The source page uses a glossary term, but the translation uses none of its "
         "approved forms; use the approved term (any inflection counts)."),
    Code("quiz-parity", Severity.ERROR,
         "A translation's questions differ from the source language's: ids, order, type, "
         "number of options, correct options."),
    Code("question-bank", Severity.ERROR,
         "A question cannot be written to the Moodle XML question banks (grades Moodle "
         "cannot share out, a long id, an image outside the docs folder, answers that "
         "differ between languages); the message says which, and how to fix it."),
    Code("scorm-page", Severity.WARNING,
         "The site has no page for a lesson in a language, so that language's SCORM "
         "packages leave it out; translate the page or let the site fall back to another "
         "language."),
    Code("scorm-suspend", Severity.ERROR,
         "A module can need more `suspend_data` than SCORM 1.2 keeps (4096 characters); "
         "split the module, use fewer text questions, or build SCORM 2004 only "
         "(`outputs: [site, scorm2004]`)."),
    Code("scorm-manifest", Severity.ERROR,
         "A package's `imsmanifest.xml` cannot be written or does not match the SCORM "
         "schema, such as a title with control characters."),
    Code("handbook-font", Severity.ERROR,
         "The printed handbook's font (Noto Sans) has no letter for a character of the "
         "page or of one of its SVG images, at the line given; write it with letters of "
         "the course's languages (a symbol such as ↺ or ☃ has no letter in the font)."),
    Code("handbook-image", Severity.ERROR,
         "An image of the page is not in the built site, is in a format the handbook cannot "
         "print (it prints PNG, JPEG, GIF, WebP and SVG), or is an SVG drawing that shows an "
         "image from the internet or a missing file; keep images beside the page in `docs/`, "
         "link them by a relative path, and put what a drawing shows inside it."),
    Code("handbook-page", Severity.ERROR,
         "A built page lacks the content frame the handbook reads, or shows a question its "
         "source no longer has; build again, and keep the `course` plugin in `mkdocs.yml`."),
    Code("handbook-render", Severity.ERROR,
         "The typesetter (Typst) could not make a PDF of the handbook; the message says "
         "why (a warning from it does not stop the build)."),
    Code("outside-docs", Severity.ERROR,
         "A link or image (inline, reference-style or raw HTML) points outside the docs "
         "folder or is an absolute path; nothing outside `docs/` is published, so copy the "
         "file in and link to it relatively. This check cannot be turned off.",
         locked=True),
    Code("script", Severity.ERROR,
         "Raw HTML would run script in the page: a `<script>` element, an `on...=` "
         "attribute or a `javascript:` link. Pages carry no scripts of their own; this "
         "check cannot be turned off.",
         locked=True),
    Code("title-characters", Severity.ERROR,
         "A title holds control or unassigned characters (often pasted from another "
         "program); web pages and SCORM manifests cannot carry them: retype the title."),
    Code("scorm-title", Severity.ERROR,
         "A title is too long for a SCORM 1.2 manifest (200 characters; for a module "
         "package, the course title, ` — ` and the module title together)."),
    Code("reserved-id", Severity.ERROR,
         "A module id names something else in the packages: `course`, `assets` or "
         "`runtime`; choose another id."),
    Code("quiz-no-explanation", Severity.WARNING,
         "A question does not tell the learner why a wrong answer is wrong: give every "
         "wrong option a `>` note, or write an explanation after the options (inside the "
         "block for `truefalse`, `numeric` and `text` questions). A module test has one "
         "try, so the learner needs the reason. In lessons this check is off; turn it on "
         "for knowledge checks with `validation: {quiz-no-explanation: warning}`."),
    Code("ui-untranslated", Severity.WARNING,
         "A language of `course.yml` has no catalog of interface strings (ours, "
         "`build_tools/locales/<lang>/LC_MESSAGES/*.po`, or the theme's, "
         "`partials/languages/<lang>.html`); until it is added, its buttons and labels are "
         "shown in the first language of `fallback` that has one. `course status` lists "
         "these catalogs."),
    Code("font-coverage", Severity.ERROR,
         "The fonts shipped with the site lack letters of a language of `course.yml` (a "
         "language's letters come from the Unicode CLDR); the message names them."),
    Code("font-letters-unknown", Severity.WARNING,
         "The Unicode CLDR lists no letters for a language of `course.yml`, so the fonts "
         "could not be checked for it; check the site's text in that language by eye."),
    Code("search-no-stemmer", Severity.NOTE,
         "Search has no stemmer for a language: it finds whole words and words that begin "
         "with what is typed, but not other forms of a word. Add a table to "
         "`build_tools/languages/tables/`."),
    Code("glossary-untranslated", Severity.WARNING,
         "`glossary.yml` has no term in a language of `course.yml` yet (a language being "
         "added); that language's glossary page stays empty and its pages link no terms "
         "until the terms are added."),
    Code("stray-page", Severity.ERROR,
         "A Markdown file under a language folder is no page of the course (beside the "
         "language folders, at a language folder's top besides `index.md`, or in a "
         "sub-folder of a module); MkDocs would publish it outside the navigation and the "
         "packages. Make it a numbered lesson, or move it out of `docs/`."),
)}
"""Every code, in the order the guides list them."""

