"""Splitting rendered pages into the search index's sections."""

from __future__ import annotations

import json

from build_tools.languages.search import rules
from build_tools.site.search_index import SearchIndex, split_sections

PAGE = """<h1 id="title">Title<a class="headerlink" href="#title">¶</a></h1>
<p>Intro   text.</p>
<div class="quiz" data-id="q1"><fieldset><legend>Question?</legend><label>Option</label>
<button>Check</button><template><div>Feedback</div></template></fieldset></div>
<div data-search-exclude=""><button>Reset</button><p>Controls</p></div>
<h2 id="one">One<a class="headerlink" href="#one">¶</a></h2>
<p>First <em>part</em>.</p><script>var x = 1;</script>
<details><summary>More</summary><h3 id="inner">Nested</h3><p>Kept here.</p></details>
<h3 id="two">Two</h3>
<ul><li>a</li><li>b</li></ul>
"""


def test_split_sections_at_top_level_headings() -> None:
    sections = [s.as_list() for s in split_sections(PAGE, "Page")]
    assert sections == [
        ["", "Title", "Intro text. Question? Option"],
        ["one", "One", "First part. More Nested Kept here."],
        ["two", "Two", "a b"],
    ]


def test_page_without_h1_uses_page_title() -> None:
    assert [s.as_list() for s in split_sections("<p>Text</p>", "Page")] == [
        ["", "Page", "Text"]]
    assert split_sections("  ", "Page") == []


def test_script_registers_compact_index_under_language() -> None:
    index = SearchIndex("kk")
    index.add_page("b.html", "Б", "<p>екі</p>", "kk")
    index.add_page("a.html", "А", "<p>один</p>", "ru")
    script = index.script()
    head = '(window.courseSearchIndex=window.courseSearchIndex||{})["kk"]='
    assert script.startswith(head) and script.endswith(";\n")
    assert json.loads(script[len(head):-2]) == {"lang": "kk", "languages": {
        "kk": rules("kk").as_json(), "ru": rules("ru").as_json()}, "pages": [
        ["a.html", "А", "ru", [["", "А", "один"]]],
        ["b.html", "Б", "", [["", "Б", "екі"]]],
    ]}
