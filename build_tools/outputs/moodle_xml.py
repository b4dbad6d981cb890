r"""One question as Moodle XML (the ``qformat_xml`` import format), in one or more languages.

What Moodle accepts, as documented for its XML format and measured in Moodle 4.3
(see the IT staff section of README.md):

* ``<quiz>`` holds ``<question type="...">`` elements; a ``category`` question sets
  the category of the questions after it (``$course$/top/<name>/<name>``, a ``/``
  inside a name written ``//``).
* A grade (``fraction``) must be one of Moodle's grade options (:data:`FRACTIONS`),
  written as listed; any other value makes Moodle refuse the whole file.
* ``truefalse`` answers are the literal texts ``true`` and ``false``; numbers are
  written with a ``.`` and no thousands separators; an ``idnumber`` has at most 100
  characters; ``*`` in a ``shortanswer`` answer is a wildcard unless written ``\\*``.
* Moodle's multi-language content filter shows one of two or more **adjacent**
  ``<span lang="xx" class="multilang">`` elements (exactly those attributes, in
  double quotes, not nested), so a multilingual text is one such span per language.

Texts are Markdown rendered to HTML; images are embedded as base64 ``<file>``
elements and referred to as ``@@PLUGINFILE@@/<name>``.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from urllib.parse import unquote

import markdown
from lxml import etree
from lxml import html as lxml_html

from ..course.markdown_text import PLAIN_TEXT

FRACTIONS = {1: "100", 2: "50", 3: "33.33333", 4: "25", 5: "20", 6: "16.66667",
             7: "14.28571", 8: "12.5", 9: "11.11111", 10: "10", 20: "5"}
"""Moodle's grade option giving an equal share of 100 % to each of N answers, by N."""
IDNUMBER_MAX = 100
"""Longest ``idnumber`` Moodle stores (longer ones stop the import)."""
NAME_MAX = 255
"""Longest question name Moodle stores."""
MARKDOWN_EXTENSIONS = ("attr_list", "md_in_html", "tables")
"""The site's Markdown extensions that question texts may use."""
PLUGINFILE = "@@PLUGINFILE@@/"


class Unexpressible(ValueError):
    """A question Moodle XML cannot hold; ``line`` is the line of its ``/// quiz``."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.line = line


@dataclass(frozen=True)
class BankQuestion:
    """One question in one language, with every text the bank prints."""

    id: str
    type: str
    prompt: str
    """Inline Markdown."""
    intro: str
    """Markdown shown under the prompt (choice questions)."""
    options: tuple[str, ...]
    correct: tuple[int, ...]
    answer: tuple[str, ...]
    tolerance: float
    feedback: tuple[str, ...]
    """Per option, inline Markdown ("" for none)."""
    explanation: str
    """Markdown shown once answered: Moodle's general feedback."""
    path: Path
    """The source page (images are relative to its folder)."""
    line: int
    """Line of the ``/// quiz`` header in ``path``."""
    is_test: bool
    """On the module's test page (a lesson check otherwise)."""


Versions = Mapping[str, BankQuestion]
"""The same question by language, in the order the bank prints the languages."""


class Texts:
    """Renders Markdown to HTML and collects the images a text embeds."""

    def __init__(self, docs_dir: Path) -> None:
        self.docs_dir = docs_dir.resolve()
        self.md = markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS))
        self.cache: dict[tuple[str, Path, bool, str], tuple[str, dict[str, bytes]]] = {}

    def html(self, text: str, question: BankQuestion, *, inline: bool,
             prefix: str = "") -> tuple[str, dict[str, bytes]]:
        """Return ``text`` as HTML with images as ``@@PLUGINFILE@@`` names, and the images.

        Image names are the files' names, after ``prefix``. Each text is rendered once
        for all the banks that print it.
        """
        key = (text, question.path, inline, prefix)
        if key not in self.cache:
            self.cache[key] = self.render(text, question, inline=inline, prefix=prefix)
        return self.cache[key]

    def forget(self) -> None:
        """Drop the texts rendered so far: the questions that print them are written."""
        self.cache.clear()

    def render(self, text: str, question: BankQuestion, *, inline: bool,
               prefix: str) -> tuple[str, dict[str, bytes]]:
        """Render ``text`` (block Markdown, or inline without its paragraph)."""
        if not text.strip():
            return "", {}
        if PLAIN_TEXT.fullmatch(text):
            rendered = f"<p>{text.strip()}</p>"
        else:
            self.md.reset()
            rendered = self.md.convert(text)
        if inline and rendered.startswith("<p>") and rendered.endswith("</p>") \
                and rendered.count("<p>") == 1:
            rendered = rendered[3:-4]
        if "<img" not in rendered:
            return rendered, {}
        return self.embed(rendered, question, prefix)

    def embed(self, rendered: str, question: BankQuestion,
              prefix: str) -> tuple[str, dict[str, bytes]]:
        """Point every image of ``rendered`` at its embedded copy; refuse one outside docs."""
        files: dict[str, bytes] = {}
        root = lxml_html.fragment_fromstring(rendered, create_parent="div")
        for img in root.iter("img"):
            src = img.get("src", "")
            target = (question.path.parent / unquote(src)).resolve()
            if "://" in src or not target.is_relative_to(self.docs_dir) or not target.is_file():
                raise Unexpressible(question.path, question.line, f"question '{question.id}' "
                                    f"shows the image '{src}', which is not a file of the "
                                    "docs folder; the question bank embeds only images of "
                                    "the course")
            data = target.read_bytes()
            name = prefix + target.name
            if files.get(name, data) != data:  # two images of one name: number them
                name = f"{prefix}{len(files)}-{target.name}"
            files[name] = data
            img.set("src", PLUGINFILE + name)
        inner = (root.text or "") + "".join(
            etree.tostring(child, encoding="unicode", method="html") for child in root)
        return inner, files


def plain(html: str) -> str:
    """Return the text of an HTML fragment, spaces collapsed."""
    if not html:
        return ""
    text = lxml_html.fragment_fromstring(html, create_parent="div").text_content()
    return " ".join(text.split())


def multilang(texts: Mapping[str, str]) -> str:
    """One text per language as adjacent multilang spans; the text alone when all agree."""
    values = list(dict.fromkeys(texts.values()))
    if len(values) == 1:
        return values[0]
    return "".join(f'<span lang="{lang}" class="multilang">{text}</span>'
                   for lang, text in texts.items())


def category_path(names: Sequence[str]) -> str:
    """Return a category path as Moodle reads it: ``/`` in a name doubled, ends kept."""
    escaped = []
    for name in names:
        name = name.replace("/", "//")
        if name.startswith("/"):
            name = " " + name
        if name.endswith("/"):
            name += " "
        escaped.append(name)
    return "/".join(["$course$", "top", *escaped])


def category(names: Sequence[str], idnumber: str) -> etree._Element:
    """Return the ``category`` question that puts what follows into ``names``."""
    element = etree.Element("question", type="category")
    _text(etree.SubElement(element, "category"), category_path(names))
    info = etree.SubElement(element, "info", format="html")
    _text(info, "")
    etree.SubElement(element, "idnumber").text = idnumber
    return element


def number(value: str | float) -> str:
    """Return a number as Moodle reads it: ``.`` for decimals, no exponent, no separators."""
    text = format(Decimal(str(value)).normalize(), "f")
    return "0" if text in ("-0", "") else text


class QuestionWriter:
    """Writes one question (in every language of ``versions``) as a ``<question>``."""

    def __init__(self, texts: Texts) -> None:
        self.texts = texts

    def write(self, versions: Versions) -> etree._Element:
        """Return the ``<question>`` element; raise :class:`Unexpressible` when it cannot be."""
        first = next(iter(versions.values()))
        if len(first.id) > IDNUMBER_MAX:
            self.fail(first, f"question id '{first.id}' has {len(first.id)} characters; Moodle "
                      f"keeps an idnumber of at most {IDNUMBER_MAX}: shorten the id")
        moodle_type = {"single": "multichoice", "multiple": "multichoice",
                       "truefalse": "truefalse", "numeric": "numerical",
                       "text": "shortanswer"}[first.type]
        element = etree.Element("question", type=moodle_type)
        self.common(element, versions)
        getattr(self, moodle_type)(element, versions)
        tags = etree.SubElement(element, "tags")
        _text(etree.SubElement(tags, "tag"), "module-test" if first.is_test else "lesson-check")
        return element

    def fail(self, question: BankQuestion, message: str) -> None:
        """Raise :class:`Unexpressible` at the question's ``/// quiz`` line."""
        raise Unexpressible(question.path, question.line, message)

    def text(self, parent: etree._Element, tag: str, versions: Versions,
             pick: Callable[[BankQuestion], str], *, inline: bool) -> etree._Element:
        """Add ``<tag format="html"><text>`` with the text of every language and its files."""
        element = etree.SubElement(parent, tag, format="html")
        html, files = {}, {}
        several = len(versions) > 1
        for lang, question in versions.items():
            rendered, found = self.texts.html(pick(question), question, inline=inline,
                                              prefix=f"{lang}-" if several else "")
            if several and "<span" in rendered:
                self.fail(question, f"question '{question.id}' has HTML <span> elements in "
                          "its text; Moodle's multi-language filter cannot hold them inside "
                          "its language spans: write the text without <span>")
            html[lang] = rendered
            files.update(found)
        _text(element, multilang(html))
        for name in sorted(files):
            file = etree.SubElement(element, "file", name=name, path="/", encoding="base64")
            file.text = base64.b64encode(files[name]).decode("ascii")
        return element

    def common(self, element: etree._Element, versions: Versions) -> None:
        """Name, texts, grade and idnumber: what every question type has."""
        first = next(iter(versions.values()))
        names = {}
        budget = (NAME_MAX - len(versions) * 41) // len(versions) if len(versions) > 1 \
            else NAME_MAX
        for lang, question in versions.items():
            prompt, _ = self.texts.html(question.prompt, question, inline=True)
            names[lang] = _cut(f"{question.id} {plain(prompt)}", budget)
        _text(etree.SubElement(element, "name"), multilang(names))
        self.text(element, "questiontext", versions,
                  lambda q: q.prompt + ("\n\n" + q.intro if q.intro else ""), inline=False)
        self.text(element, "generalfeedback", versions, lambda q: q.explanation, inline=False)
        etree.SubElement(element, "defaultgrade").text = "1"
        etree.SubElement(element, "penalty").text = "1" if first.type == "truefalse" \
            else "0.3333333"
        etree.SubElement(element, "hidden").text = "0"
        etree.SubElement(element, "idnumber").text = first.id

    def multichoice(self, element: etree._Element, versions: Versions) -> None:
        """Single and multiple choice: options in the author's order, with feedback."""
        first = next(iter(versions.values()))
        for lang, other in versions.items():
            if (len(other.options), other.correct) != (len(first.options), first.correct):
                self.fail(other, f"question '{other.id}' has other options or other correct "
                          f"ones in '{lang}' than in '{next(iter(versions))}'; a multilingual "
                          "bank needs the same options in every language")
        right, wrong = self.shares(first)
        etree.SubElement(element, "single").text = "true" if first.type == "single" else "false"
        etree.SubElement(element, "shuffleanswers").text = "false"
        etree.SubElement(element, "answernumbering").text = "abc"
        etree.SubElement(element, "showstandardinstruction").text = "0"
        for position in range(len(first.options)):
            fraction = right if position in first.correct else wrong
            answer = etree.SubElement(element, "answer", fraction=fraction, format="html")
            _hoist(answer, self.text(answer, "text", versions, _option(position), inline=True))
            self.text(answer, "feedback", versions, _feedback(position), inline=True)

    def shares(self, question: BankQuestion) -> tuple[str, str]:
        """The fractions of a right and of a wrong option: Moodle's grade options only."""
        if question.type == "single":
            return "100", "0"
        right, wrong = len(question.correct), len(question.options) - len(question.correct)
        counts = ", ".join(str(n) for n in FRACTIONS)
        for count, kind in ((right, "correct"), (wrong, "wrong")):
            if count and count not in FRACTIONS:
                self.fail(question, f"question '{question.id}' has {count} {kind} options; a "
                          "Moodle multiple-answer question gives each an equal share of "
                          f"100 %, which its grades allow only for {counts} options: use "
                          "fewer options or split the question")
        return FRACTIONS[right], ("-" + FRACTIONS[wrong] if wrong else "0")

    def truefalse(self, element: etree._Element, versions: Versions) -> None:
        """The answers ``true`` and ``false``, literally, as Moodle requires."""
        first = next(iter(versions.values()))
        for value in ("true", "false"):
            fraction = "100" if first.answer[0] == value else "0"
            answer = etree.SubElement(element, "answer", fraction=fraction,
                                      format="moodle_auto_format")
            etree.SubElement(answer, "text").text = value
            _text(etree.SubElement(answer, "feedback", format="html"), "")

    def numerical(self, element: etree._Element, versions: Versions) -> None:
        """One answer with its tolerance; the same number in every language."""
        first = next(iter(versions.values()))
        values = {number(q.answer[0]) for q in versions.values()}
        if len(values) > 1:
            self.fail(first, f"question '{first.id}' has the numeric answers "
                      f"{', '.join(sorted(values))} in different languages; a multilingual "
                      "bank holds one: use the same answer in every language")
        answer = etree.SubElement(element, "answer", fraction="100", format="moodle_auto_format")
        etree.SubElement(answer, "text").text = number(first.answer[0])
        _text(etree.SubElement(answer, "feedback", format="html"), "")
        etree.SubElement(answer, "tolerance").text = number(first.tolerance)

    def shortanswer(self, element: etree._Element, versions: Versions) -> None:
        """Every accepted text of every language, without regard to case."""
        etree.SubElement(element, "usecase").text = "0"
        accepted = dict.fromkeys(text for q in versions.values() for text in q.answer)
        for text in accepted:
            answer = etree.SubElement(element, "answer", fraction="100",
                                      format="moodle_auto_format")
            etree.SubElement(answer, "text").text = text.replace("*", "\\*")
            _text(etree.SubElement(answer, "feedback", format="html"), "")


def _text(parent: etree._Element, value: str) -> None:
    """Add ``<text>`` holding ``value`` (HTML in a CDATA section when it has markup)."""
    text = etree.SubElement(parent, "text")
    text.text = etree.CDATA(value) if "<" in value or "&" in value else value


def _option(position: int) -> Callable[[BankQuestion], str]:
    return lambda question: question.options[position]


def _feedback(position: int) -> Callable[[BankQuestion], str]:
    return lambda question: (question.feedback[position]
                             if position < len(question.feedback) else "")


def _hoist(answer: etree._Element, wrapper: etree._Element) -> None:
    """An answer's text and files sit in ``<answer>`` itself: unwrap the ``<text>`` element."""
    for child in list(wrapper):
        answer.insert(answer.index(wrapper), child)
    answer.remove(wrapper)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
