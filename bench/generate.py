"""Write a synthetic course of any size in the project's real source format.

``python bench/generate.py OUT --modules N --lessons M --seed S`` writes
``course.yml``, ``mkdocs.yml``, the sample course's ``glossary.yml`` and
``docs/{kk,ru,en}/`` with N modules of M
lessons plus a module test each, in three languages, with headings, lists,
tables, images and questions in every lesson. The same seed gives the same files.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("kk", "ru", "en")
WORDS = {
    "kk": ("ереже", "сотталған", "қызметкер", "қауіпсіздік", "құқық", "мекеме", "тәртіп",
           "бағалау", "қауіп", "қажеттілік", "әңгіме", "өзгеріс", "ұстау", "үміт", "һәм",
           "білім", "жұмыс", "отбасы", "денсаулық", "шағым", "тексеру", "оқыту", "сенім"),
    "ru": ("правило", "осуждённый", "сотрудник", "безопасность", "право", "учреждение",
           "порядок", "оценка", "риск", "потребность", "беседа", "изменение", "надзор",
           "ёмкость", "образование", "работа", "семья", "здоровье", "жалоба", "проверка"),
    "en": ("rule", "prisoner", "officer", "security", "right", "institution", "order",
           "assessment", "risk", "need", "conversation", "change", "supervision", "trust",
           "education", "work", "family", "health", "complaint", "inspection", "training"),
}
HEADINGS = {"kk": ("Кіріспе", "Негізгі қағидалар", "Тәжірибе", "Өзіңізді тексеріңіз"),
            "ru": ("Введение", "Основные принципы", "Практика", "Проверьте себя"),
            "en": ("Introduction", "Key principles", "Practice", "Check yourself")}
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 60" width="200" height="60">'
       '<rect x="2" y="2" width="196" height="56" rx="8" fill="#e8f0fe" stroke="#1a73e8"/>'
       '<text x="100" y="36" font-family="sans-serif" font-size="16" text-anchor="middle">'
       '{label}</text></svg>\n')


def sentence(rng: random.Random, lang: str, words: int = 12) -> str:
    """Return a pseudo-sentence of ``words`` words of ``lang``."""
    text = " ".join(rng.choice(WORDS[lang]) for _ in range(words))
    return text[:1].upper() + text[1:] + "."


def paragraph(rng: random.Random, lang: str) -> str:
    """Return a paragraph of four to six sentences."""
    return " ".join(sentence(rng, lang, rng.randint(8, 16)) for _ in range(rng.randint(4, 6)))


def quiz(qid: str, lang: str, rng: random.Random, kind: int) -> str:
    """Return one question block; ``kind`` picks the type so all languages agree."""
    title = sentence(rng, lang, 7).rstrip(".") + "?"
    if kind == 0:
        return (f"/// quiz | {title}\n    id: {qid}\n\n- [ ] {sentence(rng, lang, 3)}\n"
                f"- [x] {sentence(rng, lang, 3)}\n    > {sentence(rng, lang, 5)}\n"
                f"- [ ] {sentence(rng, lang, 3)}\n\n{sentence(rng, lang)}\n///\n")
    if kind == 1:
        return (f"/// quiz | {title}\n    id: {qid}\n    type: multiple\n\n"
                f"- [x] {sentence(rng, lang, 3)}\n- [x] {sentence(rng, lang, 3)}\n"
                f"- [ ] {sentence(rng, lang, 3)}\n\n{sentence(rng, lang)}\n///\n")
    if kind == 2:
        return (f"/// quiz | {title}\n    id: {qid}\n    type: truefalse\n    answer: true\n\n"
                f"{sentence(rng, lang)}\n///\n")
    return (f"/// quiz | {title}\n    id: {qid}\n    type: numeric\n    answer: 122\n\n"
            f"{sentence(rng, lang)}\n///\n")


def lesson(rng: random.Random, lang: str, lid: str, title: str, questions: list[int]) -> str:
    """Return a lesson page: four sections, a list, a table, an image and questions."""
    h = HEADINGS[lang]
    rows = "\n".join(f"| {rng.choice(WORDS[lang])} | {sentence(rng, lang, 5)} |" for _ in range(4))
    body = [
        f"---\nid: {lid}\ntitle: {title}\n---\n# {title}\n",
        f"## {h[0]}\n\n{paragraph(rng, lang)}\n\n{paragraph(rng, lang)}\n",
        f"## {h[1]}\n\n" + "\n".join(f"- {sentence(rng, lang, 6)}" for _ in range(5)) + "\n",
        f"!!! note \"{rng.choice(WORDS[lang])}\"\n    {sentence(rng, lang)}\n",
        f"## {h[2]}\n\n{paragraph(rng, lang)}\n\n| A | B |\n|---|---|\n{rows}\n",
        f"![{sentence(rng, lang, 3)}](images/diagram.svg)\n\n{paragraph(rng, lang)}\n",
        f"## {h[3]}\n\n" + "\n".join(
            quiz(f"{lid}-q{i + 1}", lang, rng, kind) for i, kind in enumerate(questions)),
    ]
    return "\n".join(body)


def generate(out: Path, modules: int, lessons: int, seed: int = 1) -> int:
    """Write the course into ``out`` (replacing ``out/docs``); return the page count."""
    out.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(out / "docs", ignore_errors=True)
    (out / "course.yml").write_text(
        "id: synthetic\ntitle: {kk: Синтетикалық курс, ru: Синтетический курс, "
        "en: Synthetic course}\nlanguages: [kk, ru, en]\ndefault_language: kk\n"
        "source_language: en\nfallback: [kk, ru, en]\npass_mark: 70\n", encoding="utf-8")
    mkdocs = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    mkdocs = mkdocs.replace("custom_dir: build_tools/theme",
                            f"custom_dir: {ROOT / 'build_tools' / 'theme'}")
    (out / "mkdocs.yml").write_text(mkdocs, encoding="utf-8")
    # The sample course's glossary: its terms are looked for in every page.
    shutil.copyfile(ROOT / "glossary.yml", out / "glossary.yml")
    pages = 0
    for lang in LANGS:
        rng = random.Random(f"{seed}-{lang}")
        kinds = random.Random(seed)
        docs = out / "docs" / lang
        links = []
        for m in range(1, modules + 1):
            mdir = docs / f"{m:02d}-module-{m}"
            (mdir / "images").mkdir(parents=True)
            (mdir / "images" / "diagram.svg").write_text(
                SVG.format(label=rng.choice(WORDS[lang])), encoding="utf-8")
            items = []
            for n in range(1, lessons + 1):
                title = sentence(rng, lang, 4).rstrip(".")
                qs = [kinds.randrange(4) for _ in range(kinds.randint(1, 3))]
                text = lesson(rng, lang, f"m{m}-{n:02d}", title, qs)
                (mdir / f"{n:02d}-lesson-{n}.md").write_text(text, encoding="utf-8")
                items.append(f"- [{title}]({n:02d}-lesson-{n}.md)")
            test = "\n".join(quiz(f"m{m}-test-q{i + 1}", lang, rng, kinds.randrange(4))
                             for i in range(6))
            (mdir / f"{lessons + 1:02d}-test.md").write_text(
                f"---\nid: m{m}-test\ntitle: {HEADINGS[lang][3]} {m}\nkind: test\n---\n"
                f"# {HEADINGS[lang][3]} {m}\n\n{test}", encoding="utf-8")
            title = f"{HEADINGS[lang][1]} {m}"
            (mdir / "index.md").write_text(
                f"---\nid: m{m}\ntitle: {title}\npass_mark: 70\n---\n# {title}\n\n"
                f"{paragraph(rng, lang)}\n\n" + "\n".join(items) + "\n", encoding="utf-8")
            links.append(f"- [{title}]({mdir.name}/index.md)")
            pages += lessons + 2
        (docs / "index.md").write_text(
            f"---\ntitle: {HEADINGS[lang][0]}\n---\n# {HEADINGS[lang][0]}\n\n"
            f"{paragraph(rng, lang)}\n\n" + "\n".join(links) + "\n", encoding="utf-8")
        pages += 1
    return pages


def main() -> None:
    """Parse the command line and write the course."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--modules", type=int, default=3)
    parser.add_argument("--lessons", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(generate(args.out, args.modules, args.lessons, args.seed), "pages")


if __name__ == "__main__":
    main()
