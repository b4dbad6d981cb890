from dataclasses import replace
from pathlib import Path

from build_tools.course.loader import load_course


def test_minimal_course_model(minimal: Path) -> None:
    course, diagnostics = load_course(minimal)
    assert diagnostics == []
    assert course is not None
    assert course.languages == ("kk", "ru", "en")
    assert course.default_language == "kk"
    assert [m.id for m in course.modules] == ["ba"]
    module = course.modules[0]
    assert [lesson.id for lesson in module.lessons] == ["ba-01", "ba-02"]
    assert course.title_of(module.index, "kk") == "Негіздер"
    assert module.lessons[1].pages.keys() == {"en", "ru"}
    assert course.fallback_for(module.lessons[1], "kk").lang == "ru"
    assert module.pass_mark == 70



def test_sample_course_ids_are_shared_across_languages() -> None:
    course, diagnostics = load_course(Path(__file__).resolve().parents[2])
    assert course is not None
    assert [d.format() for d in diagnostics if d.severity.value == "error"] == []
    assert len(course.modules) >= 4
    for module in course.modules:
        assert set(module.index.pages) == {"kk", "ru", "en"}
        assert 3 <= len([x for x in module.lessons if x.kind == "lesson"]) <= 5


def test_a_translation_without_kind_test_keeps_the_module_test(minimal: Path) -> None:
    page = minimal / "docs/en/01-basics/02-second.md"
    page.write_text(page.read_text(encoding="utf-8").replace("title: Daily work\n",
                                                             "title: Daily work\nkind: test\n"),
                    encoding="utf-8")
    course, _ = load_course(minimal)
    assert course is not None
    test = course.modules[0].test
    assert test is not None and test.id == "ba-02"
    assert test.pages["ru"].kind == "lesson" and test.pages["en"].kind == "test"


def test_the_model_travels_to_a_process_without_its_cache(minimal: Path) -> None:
    import pickle

    course, _ = load_course(minimal)
    assert course is not None
    page = course.modules[0].lessons[0].pages["en"]
    anchors = course.source(page).anchors  # fills the cache
    copy = pickle.loads(pickle.dumps(course))
    assert copy.__dict__["_cache"] == {} and copy.source(page).anchors == anchors


def test_the_language_processes_get_the_model_without_the_pages_text(minimal: Path) -> None:
    course, _ = load_course(minimal)
    assert course is not None
    sent = course.without_bodies()
    pages, kept = list(course.all_pages()), list(sent.all_pages())
    assert [p.path for p in kept] == [p.path for p in pages] and len(pages) > 10
    assert all(p.body for p in pages) and not any(p.body for p in kept)
    assert [replace(p, body="") for p in pages] == kept
    assert sent.config is course.config and sent.glossary is course.glossary
    assert [m.id for m in sent.modules] == [m.id for m in course.modules]
