"""Questions on paper: the numbered worksheet, and the trainer's answer key.

Both are written from the course model's questions (:class:`build_tools.course.model.Question`),
never from the site's form, whose answers are hidden from the page text. The
worksheet holds empty boxes and lines only; the key holds the correct options,
the accepted texts, numeric tolerances, feedback and explanations.
"""

from __future__ import annotations

import copy
from decimal import Decimal, InvalidOperation

import markdown
from babel import Locale
from babel.numbers import format_decimal
from lxml import html as lxml_html
from lxml.html import HtmlElement

from ..course.markdown_text import PLAIN_TEXT
from ..course.model import Question
from ..languages.i18n import gettext
from ..languages.typography import quotes
from ..questions import kind_of
from .pages import Chapter

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
"""Option letters: Latin capitals, as in Kazakhstan's national tests, in every language."""
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables"]
"""Markdown of question texts: the site's extensions that apply to short texts."""
ANSWER_LINES = {"text": 2, "numeric": 1}
DOMAIN = "handbook"


def t(lang: str, msgid: str, **values: object) -> str:
    """Return the ``handbook`` catalog string for ``lang`` with ``values`` filled in."""
    text = gettext(lang, DOMAIN, msgid)
    return text % values if values else text


class QuestionWriter:
    """Writes the worksheet and key elements of one language's questions."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.md = markdown.Markdown(extensions=EXTENSIONS)
        self.quote = quotes(lang)
        self.seen: dict[str, HtmlElement] = {}

    def blocks(self, text: str, css: str) -> HtmlElement:
        """Return Markdown ``text`` as a ``div`` of class ``css``."""
        element = copy.deepcopy(self.converted(text))
        element.set("class", css)
        return element

    def converted(self, text: str) -> HtmlElement:
        """Return Markdown ``text`` as a ``div``, converted once per text.

        A text with no character Markdown gives a meaning to is one
        paragraph as it stands, and is not given to Markdown.
        """
        element = self.seen.get(text)
        if element is None:
            if PLAIN_TEXT.fullmatch(text):
                element = lxml_html.Element("div")
                paragraph = lxml_html.Element("p")
                paragraph.text = text.strip()
                element.append(paragraph)
            else:
                self.md.reset()
                element = lxml_html.fragment_fromstring(self.md.convert(text),
                                                        create_parent="div")
            self.seen[text] = element
        return element

    def inline(self, text: str, tag: str, css: str) -> HtmlElement:
        """Return inline Markdown ``text`` as a ``tag`` element of class ``css``."""
        element = self.blocks(text, css)
        paragraph = element[0] if len(element) == 1 and element[0].tag == "p" else None
        if paragraph is not None and not (element.text or "").strip():
            element.text, children = paragraph.text, list(paragraph)
            element.remove(paragraph)
            element.extend(children)
        element.tag = tag
        return element

    def worksheet(self, quiz: Question, number: int) -> HtmlElement:
        """Return question ``number`` as it is printed: prompt, then empty boxes or lines."""
        question = quiz
        box = lxml_html.Element("div", {"class": f"question question-{question.type}",
                                        "id": f"q-{question.id}"})
        box.append(self.prompt(quiz, number))
        if quiz.intro:
            box.append(self.blocks(quiz.intro, "question-intro"))
        if question.type in ANSWER_LINES:
            lines = lxml_html.Element("div", {"class": f"answer-lines answer-{question.type}"})
            label = lxml_html.Element("span", {"class": "answer-label"})
            label.text = gettext(self.lang, "quiz", "Your answer")
            lines.append(label)
            for _ in range(ANSWER_LINES[question.type]):
                lines.append(lxml_html.Element("span", {"class": "answer-line"}))
            box.append(lines)
            return box
        shape = "square" if question.type == "multiple" else "circle"
        choices = lxml_html.Element("ol", {"class": f"choices choices-{shape}"})
        for index, text in enumerate(self.option_texts(quiz)):
            item = self.inline(text, "li", "choice")
            item.insert(0, _span("letter", LETTERS[index]))
            item.insert(0, _span(f"box box-{shape}", ""))
            item.text, item[1].tail = None, (item[1].tail or "") + " " + (item.text or "")
            choices.append(item)
        box.append(choices)
        return box

    def prompt(self, quiz: Question, number: int) -> HtmlElement:
        """Return the numbered question text."""
        prompt = self.inline(quiz.prompt, "p", "question-prompt")
        mark = _span("question-number", f"{number}.")
        mark.tail = " " + (prompt.text or "")
        prompt.text = None
        prompt.insert(0, mark)
        return prompt

    def option_texts(self, quiz: Question) -> list[str]:
        """Return the texts of the options (``True`` and ``False`` for true/false)."""
        if quiz.type == "truefalse":
            return [gettext(self.lang, "quiz", "True"), gettext(self.lang, "quiz", "False")]
        return list(quiz.options)

    def key(self, chapter: Chapter) -> HtmlElement:
        """Return the answer key of a chapter's questions, numbered as in its worksheet."""
        section = lxml_html.Element("section", {"class": "key-chapter"})
        heading = lxml_html.Element("h2")
        heading.text = chapter.page.title
        section.append(heading)
        for number, quiz in enumerate(chapter.quizzes, start=1):
            item = lxml_html.Element("div", {"class": "key-item"})
            prompt = self.prompt(quiz, number)
            prompt.set("class", "key-prompt")
            item.append(prompt)
            item.append(self.answer(quiz))
            feedback = [(LETTERS[i], text) for i, text in enumerate(quiz.feedback) if text]
            if feedback:
                item.append(self.labelled("Comments on the options", "key-feedback"))
                for letter, text in feedback:
                    line = self.inline(text, "p", "key-feedback-item")
                    line.insert(0, _span("letter", letter))
                    line[0].tail = " " + (line.text or "")
                    line.text = None
                    item.append(line)
            if quiz.explanation:
                item.append(self.labelled("Explanation", "key-explanation-label"))
                item.append(self.blocks(quiz.explanation, "key-explanation"))
            section.append(item)
        return section

    def labelled(self, msgid: str, css: str, text: str = "") -> HtmlElement:
        """Return a paragraph starting with a bold label, then ``text``."""
        paragraph = lxml_html.Element("p", {"class": css})
        paragraph.append(_span("key-label", t(self.lang, msgid)))
        paragraph[0].tail = f" {text}" if text else None
        return paragraph

    def answer(self, quiz: Question) -> HtmlElement:
        """Return the line that gives the correct answer, in the question's own terms."""
        question = quiz
        if kind_of(question.type).choice or question.type == "truefalse":
            texts = self.option_texts(quiz)
            correct = question.correct if kind_of(question.type).choice else (
                (0,) if question.answer == ("true",) else (1,))
            msgid = "Correct answers" if len(correct) > 1 else "Correct answer"
            paragraph = self.labelled(msgid, "key-answer")
            for index in correct:
                item = self.inline(texts[index], "span", "key-choice")
                item.insert(0, _span("letter", LETTERS[index]))
                item[0].tail = " " + (item.text or "")
                item.text = None
                paragraph.append(item)
            return paragraph
        if question.type == "numeric":
            value = self.number(question.answer[0])
            if question.tolerance:
                value += " " + t(self.lang, "(tolerance ± %(tolerance)s)",
                                 tolerance=self.number(str(question.tolerance)))
            return self.labelled("Correct answer", "key-answer", value)
        paragraph = self.labelled("Accepted answers", "key-answer")
        for index, text in enumerate(question.answer):
            answer = _span("accepted", f"{self.quote[0]}{text}{self.quote[1]}")
            answer.tail = ", " if index < len(question.answer) - 1 else None
            paragraph.append(answer)
        paragraph[0].tail = " "
        return paragraph

    def number(self, text: str) -> str:
        """Return a number as readers of the language write it (``2,5`` in kk and ru)."""
        try:
            value = Decimal(text).normalize()
        except InvalidOperation:
            return text
        value = value.quantize(Decimal(1)) if value == value.to_integral() else value
        return format_decimal(value, locale=Locale.parse(self.lang), group_separator=False)


def _span(css: str, text: str) -> HtmlElement:
    span = lxml_html.Element("span", {"class": css})
    span.text = text
    return span
