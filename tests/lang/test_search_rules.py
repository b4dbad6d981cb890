"""Search rules per language: real word forms share a stem, and the browser agrees."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from build_tools.languages.search import TABLES_DIR, normalize, rules, stem, words

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "build_tools" / "theme" / "assets" / "javascripts" / "course-search-language.js"
TABLES = sorted(p.stem for p in TABLES_DIR.glob("*.json"))

FORMS = {
    "kk": ["ереже ережелер ережелердің ережелерін ережеге",
           "қызметкер қызметкерлер қызметкерлердің ҚЫЗМЕТКЕРГЕ",
           "сотталған сотталғандар сотталғандардың сотталғанға",
           "құқық құқықтары құқықтарын құқығы",
           "кітап кітабы кітаптар", "рефлекс рефлексі рефлекстер", "ереже ережесі"],
    "ru": ["правила правил правилам правилами",
           "осуждённых осужденный осужденные осужденным",
           "сотрудник сотрудника сотрудники сотрудникам",
           "наказание наказания наказанием"],
    "en": ["rule rules ruled", "prisoner prisoners prisoner's prisoner’s",
           "policy policies", "protect protecting protected protects", "box boxes"],
    "ky": ["укук укуктар укуктарын укуктарынын укугу укукка",
           "эреже эрежелер эрежелерди эрежелеринин эрежеге",
           "кызматкер кызматкерлер кызматкерлердин кызматкерге",
           "соттолгон соттолгондор соттолгондордун соттолгонго",
           "түрмө түрмөдө түрмөлөр түрмөгө түрмөнүн"],
    "uz": ["mahbus mahbuslar mahbuslarning mahbuslarga mahbusni",
           "qoida qoidalar qoidalari qoidalarini",
           "huquq huquqlari huquqlarini huquqi",
           "xodim xodimlar xodimlarning xodimga",
           "qamoqxona qamoqxonada qamoqxonalarda qamoqxonaga",
           "koʻrsatma ko'rsatma ko’rsatmalar ko‘rsatmalarga ko`rsatmani"],
    "tg": ["маҳбус маҳбусон маҳбусонро маҳбусони",
           "қоида қоидаҳо қоидаҳои қоидаҳоро",
           "ҳуқуқ ҳуқуқҳо ҳуқуқи ҳуқуқҳои",
           "корманд кормандон кормандони кормандонро",
           "зиндон зиндонҳо зиндони зиндонро"],
}
"""Forms of one word, each line: they must share one stem."""

DISTINCT = {
    "kk": ("ереже", "адам"), "ru": ("правило", "право"), "en": ("rule", "role"),
    "ky": ("укук", "эреже"), "uz": ("mahbus", "xodim"), "tg": ("маҳбус", "корманд"),
}
"""Two different words each language must keep apart."""


def test_every_language_of_the_hub_has_a_table() -> None:
    assert {"kk", "ru", "en", "ky", "uz", "tg"} <= set(TABLES)
    assert all(rules(lang).has_stemmer for lang in TABLES)


@pytest.mark.parametrize(("lang", "forms"),
                         [(lang, line) for lang, lines in FORMS.items() for line in lines])
def test_word_forms_share_a_stem(lang: str, forms: str) -> None:
    found = {w: stem(lang, w) for w in words(lang, forms)}
    assert len(found) == len(forms.split())
    assert len(set(found.values())) == 1, found


@pytest.mark.parametrize("lang", sorted(DISTINCT))
def test_different_words_keep_different_stems(lang: str) -> None:
    first, second = DISTINCT[lang]
    assert stem(lang, first) != stem(lang, second)


@pytest.mark.parametrize(("lang", "word", "expected"), [
    ("kk", "ҚАЗАҚ", "казак"), ("ru", "Ёлка", "елка"), ("tg", "Ҷумҳурӣ", "чумхури"),
    ("ky", "Өкмөт", "окмот"), ("uz", "Gʼoya", "gʻoya"), ("uz", "G`OYA", "gʻoya"),
])
def test_letter_equivalences(lang: str, word: str, expected: str) -> None:
    assert normalize(lang, word) == expected


def test_uzbek_apostrophes_stay_inside_words() -> None:
    assert words("uz", "«O'zbekiston» qonunlari, 'ko‘rsatma' va ma’lumot") == [
        "O'zbekiston", "qonunlari", "ko‘rsatma", "va", "ma’lumot"]
    assert words("ru", "ко'рсатма") == ["ко", "рсатма"]


def test_a_language_without_a_table_matches_whole_words() -> None:
    assert "tk" not in TABLES
    assert not rules("tk").has_stemmer
    assert stem("tk", "Türkmenistanyň") == "türkmenistanyň"


def test_words_with_digits_are_kept() -> None:
    assert stem("kk", "1955жылғы") == "1955жылгы"
    assert stem("en", "covid19s") == "covid19s"


def sample_words() -> dict[str, list[str]]:
    """Every word of the word lists, and of the sample course in its languages."""
    found = {lang: [w for line in lines for w in words(lang, line)]
             for lang, lines in FORMS.items()}
    for folder in sorted((ROOT / "docs").iterdir()):
        text = " ".join(p.read_text("utf-8") for p in sorted(folder.rglob("*.md")))
        found.setdefault(folder.name, []).extend(sorted(set(words(folder.name, text))))
    return found


def test_the_browser_script_stems_like_python() -> None:
    cases = sample_words()
    program = (
        "const {Language} = require(process.argv[1]);"
        "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "const out = {};"
        "for (const [lang, c] of Object.entries(input)) {"
        "  const language = new Language(c.rules);"
        "  out[lang] = {stems: c.words.map(w => language.stem(w)),"
        "               words: language.words(c.text)}; }"
        "process.stdout.write(JSON.stringify(out));")
    payload = {lang: {"rules": rules(lang).as_json(), "words": found,
                      "text": " ".join(found)} for lang, found in cases.items()}
    result = subprocess.run(["node", "-e", program, str(SCRIPT)], input=json.dumps(payload),
                            capture_output=True, text=True, check=True)
    browser = json.loads(result.stdout)
    assert sum(len(found) for found in cases.values()) > 2000
    for lang, found in cases.items():
        assert browser[lang]["stems"] == [stem(lang, w) for w in found], lang
        assert browser[lang]["words"] == words(lang, " ".join(found)), lang
