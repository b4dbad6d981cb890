"""Links and anchors as Python-Markdown renders them: the checks agree with the built site."""

from __future__ import annotations

from pathlib import Path

from lxml import html

from build_tools.course.loader import load_course
from tests.conftest import run_cli

FIRST = "docs/en/01-basics/01-first.md"
SECOND = "docs/en/01-basics/02-second.md"
HEADINGS = """---
id: ba-01
title: Human dignity
---
# Human dignity

## Rule [43](https://www.unodc.org/) on solitary confinement

## Tom &amp; Jerry: *search* & seizure

## Правила Манделы и «достоинство»

## Қазақ тілі: өңірлік ұйымдар — Ғ, Ү, Һ

## Code `x = 1`

## Custom {#own-id}

## Rules

## Rules
"""
LINKS = """---
id: ba-02
title: Daily work
---
# Daily work

Written as code: `[a link](03-nothing.md)` and ``[another](04-nothing.md#x)``.

    [in an indented code block](05-nothing.md)

```
[in a fence](06-nothing.md)
```

- A list item

        [in code inside the list](07-nothing.md)

A real one: [gone](08-nothing.md).
"""


def _write(root: Path, relpath: str, text: str) -> None:
    (root / relpath).write_text(text, encoding="utf-8")


def test_links_in_code_are_not_links(minimal: Path) -> None:
    _write(minimal, SECOND, LINKS)
    result = run_cli(minimal, "check")
    errors = [line for line in result.output.splitlines() if ": error: " in line]
    assert errors == [f"{SECOND}:19:13: error: link to '08-nothing.md', but no page "
                      "'01-basics/08-nothing.md' exists; check the file name [link]"]


def test_anchors_are_the_ids_of_the_built_page(minimal: Path) -> None:
    _write(minimal, FIRST, HEADINGS)
    assert run_cli(minimal, "build").exit_code == 0
    built = html.parse(str(minimal / "site/en/01-basics/01-first.html")).getroot()
    ids = [h.get("id") for h in built.iter("h2")]
    assert len(ids) == 8 and "own-id" in ids and "rules_1" in ids
    course, _ = load_course(minimal)
    assert course is not None
    page = course.modules[0].lessons[0].pages["en"]
    assert set(ids) <= course.source(page).anchors

    links = "".join(f"[{i}](01-first.md#{anchor})\n\n" for i, anchor in enumerate(ids))
    _write(minimal, SECOND, f"---\nid: ba-02\ntitle: Daily work\n---\n# Daily work\n\n{links}"
           "[wrong](01-first.md#rule-43-on-solitary-confinement-x)\n")
    result = run_cli(minimal, "check")
    errors = [line for line in result.output.splitlines() if ": error: " in line]
    assert errors == [f"{SECOND}:23:1: error: link to '01-first.md#rule-43-on-solitary-"
                      "confinement-x', but 'docs/en/01-basics/01-first.md' has no heading with "
                      "anchor '#rule-43-on-solitary-confinement-x' [link-anchor]"]


SCRIPTS = """---
id: ba-02
title: Daily work
---
# Daily work

Shown as code: `<script>alert(1)</script>` and `<b onclick="x()">`.

    <script>alert(2)</script>

```html
<p onmouseover="alert(3)">fenced</p>
```

- A list item

        <img src="x.png" onerror="alert(4)">

Live: <b onclick="alert(5)">bold</b>

<script>alert(6)</script>
"""


def test_script_in_code_is_text_not_script(minimal: Path) -> None:
    _write(minimal, SECOND, SCRIPTS)
    result = run_cli(minimal, "check")
    errors = [line for line in result.output.splitlines() if ": error: " in line]
    assert errors == [
        f"{SECOND}:19:7: error: raw HTML 'onclick=' would run script in the page; pages carry "
        "no scripts of their own: remove it [script]",
        f"{SECOND}:21:1: error: raw HTML '<script>' would run script in the page; pages "
        "carry no scripts of their own: remove it [script]"]


QUIZ_PAGE = """---
id: ba-02
title: Daily work
---
# Daily work

## Before the check

See [the rules](01-first.md#no-such-heading) and [a page](09-nothing.md).

/// quiz | Torture may be justified in exceptional circumstances.
    id: ba-02-q1
    type: truefalse
    answer: false
///

<script>alert(7)</script>

[Back up](#before-the-check)
"""


def test_pages_with_questions_are_checked_like_any_other(minimal: Path) -> None:
    _write(minimal, SECOND, QUIZ_PAGE)
    course, _ = load_course(minimal)
    assert course is not None
    page = course.modules[0].lessons[1].pages["en"]
    assert page.questions and "before-the-check" in course.source(page).anchors
    result = run_cli(minimal, "check")
    errors = [line for line in result.output.splitlines()
              if line.startswith(SECOND) and ": error: " in line]
    # The quiz's own strings (a JSON <script> the page script reads) run nothing.
    assert errors == [
        f"{SECOND}:9:5: error: link to '01-first.md#no-such-heading', but "
        "'docs/en/01-basics/01-first.md' has no heading with anchor '#no-such-heading' "
        "[link-anchor]",
        f"{SECOND}:9:50: error: link to '09-nothing.md', but no page "
        "'01-basics/09-nothing.md' exists; check the file name [link]",
        f"{SECOND}:17:1: error: raw HTML '<script>' would run script in the page; pages "
        "carry no scripts of their own: remove it [script]"]
