"""The glossary: reading ``glossary.yml``, finding terms in any inflection, the two warnings."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.course.glossary import Glossary, TermFinder, load_glossary
from tests.conftest import ROOT, course_config, run_cli

GLOSSARY = """\
probation-supervision:
  source: Penal Enforcement Code of the Republic of Kazakhstan
  en:
    term: probation supervision
    definition: Supervision by the probation service.
  ru:
    term: пробационный контроль
    avoid: [пробационный надзор]
    definition: Контроль службы пробации.
  kk:
    term: пробациялық бақылау
    avoid: [пробациялық қадағалау]
    definition: Пробация қызметінің бақылауы.
conditioning:
  source: UNODC Handbook on Dynamic Security and Prison Intelligence
  en:
    term: conditioning
    match: exact
    definition: Leading a staff member to bend the rules.
  ru:
    term: обработка
    definition: Склонение сотрудника к нарушению правил.
  kk:
    term: біртіндеп баулу
    definition: Қызметкерді ережені бұзуға көндіру.
"""
EN = "docs/en/01-basics/01-first.md"
RU = "docs/ru/01-basics/01-first.md"
KK = "docs/kk/01-basics/01-first.md"


def _write(course: Path, rel: str, title: str, body: str) -> None:
    (course / rel).write_text(f"---\nid: ba-01\ntitle: {title}\n---\n# {title}\n\n"
                              f"{body}\n\n## Rules\n\nText.\n", encoding="utf-8")


def _problems(course: Path) -> list[str]:
    return run_cli(course, "check").output.splitlines()


@pytest.fixture
def course(minimal: Path) -> Path:
    (minimal / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    _write(minimal, EN, "Human dignity", "Under probation supervision, people keep their "
           "dignity. Conditions matter.")
    _write(minimal, RU, "Достоинство", "В период пробационного контроля человек сохраняет "
           "достоинство.")
    _write(minimal, KK, "Қадір-қасиет", "Пробациялық бақылаудағы адам қадір-қасиетін "
           "сақтайды.")
    return minimal


def test_inflected_approved_forms_satisfy_the_check(course: Path) -> None:
    assert [p for p in _problems(course) if "glossary" in p] == []


def test_forbidden_variant_names_line_column_and_approved_term(course: Path) -> None:
    _write(course, RU, "Достоинство", "Человек под пробационным надзором сохраняет "
           "достоинство, как и при пробационном контроле.")
    _write(course, KK, "Қадір-қасиет", "Пробациялық бақылау туралы: пробациялық "
           "қадағалауға алынған адам.")
    assert [p for p in _problems(course) if "glossary" in p] == [
        f"{KK}:7:29: warning: 'пробациялық қадағалауға' is a variant the glossary rejects "
        "(entry 'probation-supervision'); use 'пробациялық бақылау' [glossary-forbidden]",
        f"{RU}:7:13: warning: 'пробационным надзором' is a variant the glossary rejects "
        "(entry 'probation-supervision'); use 'пробационный контроль' [glossary-forbidden]",
    ]


def test_translation_without_the_approved_term(course: Path) -> None:
    _write(course, RU, "Достоинство", "Человек под надзором сохраняет достоинство.")
    assert [p for p in _problems(course) if "glossary" in p] == [
        f"{RU}:5: warning: the source '{EN}:7' uses 'probation supervision' (glossary "
        "entry 'probation-supervision'), but this translation has no form of 'пробационный "
        "контроль' [glossary-missing]",
    ]


def test_missing_term_points_at_the_matching_section(course: Path) -> None:
    _write(course, EN, "Human dignity", "Dignity.\n\n## Supervision\n\nIn probation "
           "supervision, too.")
    _write(course, KK, "Қадір-қасиет", "Қадір-қасиет.\n\n## Бақылау\n\nБақылауда да.")
    assert [p for p in _problems(course) if "kk" in p and "glossary" in p] == [
        f"{KK}:9: warning: the source '{EN}:11' uses 'probation supervision' (glossary "
        "entry 'probation-supervision'), but this translation has no form of 'пробациялық "
        "бақылау' [glossary-missing]",
    ]


def test_severities_are_configurable(course: Path) -> None:
    _write(course, RU, "Достоинство", "Под пробационным надзором.")
    with (course / "course.yml").open("a", encoding="utf-8") as config:
        config.write("validation:\n  glossary-forbidden: error\n  glossary-missing: ignore\n")
    assert [p for p in _problems(course) if "glossary" in p] == [
        f"{RU}:7:5: error: 'пробационным надзором' is a variant the glossary rejects (entry "
        "'probation-supervision'); use 'пробационный контроль' [glossary-forbidden]",
    ]


def test_code_and_links_are_not_prose(course: Path) -> None:
    _write(course, RU, "Достоинство", "`пробационный надзор` и [пробационный контроль]"
           "(https://example.org/пробационный-надзор).")
    assert [p for p in _problems(course) if "glossary" in p] == []


@pytest.mark.parametrize(("text", "line"), [
    ("probation-supervision: [a]\n",
     "glossary.yml:1: error: entry 'probation-supervision' must map 'source' and each "
     "language to its term [glossary]"),
    ("Bad Id:\n  source: x\n",
     "glossary.yml:1: error: entry id 'Bad Id' must be lowercase letters, digits and '-' "
     "[glossary]"),
    (GLOSSARY.replace("    avoid: [пробационный надзор]", "    avoid: [пробационного "
                      "контроля]"),
     "glossary.yml:8: error: 'probation-supervision.ru' both approves and forbids "
     "'пробационного контроля' [glossary]"),
    (GLOSSARY.replace("  kk:\n    term: пробациялық бақылау\n    avoid: [пробациялық "
                      "қадағалау]\n    definition: Пробация қызметінің бақылауы.\n", ""),
     "glossary.yml:2: error: entry 'probation-supervision' has no 'kk'; add the term in "
     "'kk' with its definition [glossary]"),
    (GLOSSARY.replace("    match: exact", "    match: fuzzy"),
     "glossary.yml:18: error: 'conditioning.en.match' must be one of 'stem', 'exact', got "
     "'fuzzy' [glossary]"),
    (GLOSSARY.replace("    definition: Supervision by the probation service.\n", "    "
                      "meaning: x\n"),
     "glossary.yml:5: error: unknown key 'meaning' in 'probation-supervision.en'; expected "
     "one of 'term', 'also', 'avoid', 'definition', 'match' [glossary]"),
    (GLOSSARY.replace("    term: обработка", "    term: пробационного контроля"),
     "glossary.yml:20: error: 'conditioning.ru' approves 'пробационного контроля', already "
     "a term of 'probation-supervision' (line 1); one term names one concept [glossary]"),
    ("a: [\n", "glossary.yml:2: error: invalid YAML: did not find expected node content "
     "[glossary]"),
    (GLOSSARY.replace("conditioning:\n", "conditioning:\n  readers: maybe\n"),
     "glossary.yml:15: error: 'conditioning.readers' must be true or false, got 'maybe' "
     "[glossary]"),
])
def test_glossary_file_errors(course: Path, text: str, line: str) -> None:
    (course / "glossary.yml").write_text(text, encoding="utf-8")
    result = run_cli(course, "check")
    assert line in result.output.splitlines()
    assert result.exit_code == 1


def _finder(lang: str) -> TermFinder:
    glossary, problems = load_glossary(ROOT, course_config("sample").languages)
    assert problems == [] and isinstance(glossary, Glossary)
    return TermFinder(glossary, lang)


@pytest.mark.parametrize(("lang", "text", "entry"), [
    ("kk", "пробациялық бақылауға алынды", "probation-supervision"),
    ("kk", "пробациялық бақылаудың шарттары", "probation-supervision"),
    ("kk", "Нельсон Мандела ережелерінің мәтіні", "nelson-mandela-rules"),
    ("kk", "жалғыз камерада оқшаулауды", "solitary-confinement"),
    ("kk", "түзету рефлексі", "righting-reflex"),
    ("kk", "түзету рефлексін", "righting-reflex"),
    ("kk", "жалғыз камерада ұзақ оқшаулауға", "prolonged-solitary-confinement"),
    ("ru", "пробационного контроля", "probation-supervision"),
    ("ru", "пробационному контролю", "probation-supervision"),
    ("ru", "Правилами Нельсона Манделы", "nelson-mandela-rules"),
    ("ru", "длительного одиночного заключения", "prolonged-solitary-confinement"),
    ("ru", "средствами усмирения", "instruments-of-restraint"),
    ("en", "Instruments of Restraint", "instruments-of-restraint"),
    ("en", "conditioning", "conditioning"),
])
def test_terms_match_in_any_inflection(lang: str, text: str, entry: str) -> None:
    finder = _finder(lang)
    hits = list(finder.find(list(finder.tokens(text))))
    assert [hit.entry.id for hit in hits] == [entry]


def test_exact_terms_do_not_match_other_words_with_the_same_stem() -> None:
    finder = _finder("en")
    assert list(finder.find(list(finder.tokens("conditions of detention")))) == []


def test_the_sample_course_is_clean_under_strict() -> None:
    result = run_cli(ROOT, "check", "--strict")
    assert result.exit_code == 0, result.output
