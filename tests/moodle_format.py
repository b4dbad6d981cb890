"""Structural checks of a Moodle XML question bank, written from Moodle's documentation.

What Moodle's ``qformat_xml`` import needs and what we measured it to reject or
misread (MOODLE.md in the team's notes, summarised in README.md): the grade
options, the literal true/false texts, ``.`` decimals, idnumbers of at most 100
characters unique per category, at least one question, and multi-language text
as two or more adjacent ``<span lang="xx" class="multilang">`` elements.
:func:`problems` returns every fault found, as readable lines.
"""

from __future__ import annotations

import base64
import binascii
import re

from lxml import etree

GRADES = (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667,
          14.28571, 12.5, 11.11111, 10, 5, 0)
"""Moodle's grade options (and their negatives)."""
TYPES = ("category", "multichoice", "truefalse", "numerical", "shortanswer")
SPAN = re.compile(r"<span\b[^>]*>")
GOOD_SPAN = re.compile(r'<span lang="([a-z]{2,3})" class="multilang">')
GROUP = re.compile(r'(?:<span lang="[a-z]{2,3}" class="multilang">((?:(?!<span\b).)*?)</span>\s*)+',
                   re.DOTALL)
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def is_grade(value: str) -> bool:
    """Whether a ``fraction`` is one of Moodle's grade options (as Moodle matches it)."""
    try:
        number = abs(float(value))
    except ValueError:
        return False
    return any(abs(number - grade) < 0.001 for grade in GRADES)


def problems(data: bytes, languages: tuple[str, ...]) -> list[str]:
    """Every structural fault of the bank ``data``; ``languages`` are the allowed span codes."""
    found: list[str] = []
    if not data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>"):
        found.append("no UTF-8 XML declaration")
    root = etree.fromstring(data)
    if root.tag != "quiz":
        return found + [f"root element is <{root.tag}>, not <quiz>"]
    questions = root.findall("question")
    if not [q for q in questions if q.get("type") != "category"]:
        found.append("no question (Moodle fails on a bank without one)")
    seen: set[tuple[str, str]] = set()
    where = ""
    for question in questions:
        kind = question.get("type", "")
        if kind not in TYPES:
            found.append(f"unknown question type {kind!r}")
            continue
        if kind == "category":
            where = question.findtext("category/text") or ""
            if not where.startswith("$course$/top/"):
                found.append(f"category {where!r} is not under $course$/top/")
            continue
        found += question_problems(question, kind, where, seen)
    for text in root.iter("text"):
        if text.getparent().tag == "category":  # each name of the path on its own
            for name in re.split(r"(?<!/)/(?!/)", text.text or ""):
                found += span_problems(name.replace("//", "/"), languages)
        else:
            found += span_problems(text.text or "", languages)
    for parent in root.iter():
        found += file_problems(parent)
    return found


def question_problems(question: etree._Element, kind: str, where: str,
                      seen: set[tuple[str, str]]) -> list[str]:
    found = []
    idnumber = question.findtext("idnumber") or ""
    label = f"question {idnumber!r}"
    if not idnumber or idnumber != idnumber.strip() or len(idnumber) > 100:
        found.append(f"{label}: idnumber missing, padded or over 100 characters")
    if (where, idnumber) in seen:
        found.append(f"{label}: idnumber repeated in category {where!r}")
    seen.add((where, idnumber))
    if not (question.findtext("name/text") or "").strip():
        found.append(f"{label}: no name")
    if question.find("questiontext/text") is None:
        found.append(f"{label}: no question text")
    answers = question.findall("answer")
    fractions = [a.get("fraction", "") for a in answers]
    found += [f"{label}: fraction {f!r} is not a Moodle grade" for f in fractions
              if not is_grade(f)]
    values = [float(f) for f in fractions if is_grade(f)]
    if kind == "multichoice":
        found += choice_problems(question, label, values)
    elif kind == "truefalse":
        texts = [a.findtext("text") for a in answers]
        if texts != ["true", "false"] or sorted(values) != [0, 100]:
            found.append(f"{label}: true/false answers are {texts} with {fractions}")
    elif kind == "numerical":
        for answer in answers:
            if not NUMBER.match(answer.findtext("text") or "") or not NUMBER.match(
                    answer.findtext("tolerance") or ""):
                found.append(f"{label}: numerical answer or tolerance is not a '.' number")
    if kind in ("numerical", "shortanswer") and 100 not in values:
        found.append(f"{label}: no answer graded 100%")
    return found


def choice_problems(question: etree._Element, label: str, values: list[float]) -> list[str]:
    if len(values) < 2:
        return [f"{label}: fewer than two answers"]
    if question.findtext("single") == "true":
        return [] if sorted(values)[-1] == 100 and sorted(values)[-2] <= 0 else [
            f"{label}: single choice without exactly one answer at 100%"]
    total = sum(v for v in values if v > 0)
    return [] if abs(total - 100) < 0.01 else [
        f"{label}: positive fractions add up to {total}, not 100"]


def span_problems(text: str, languages: tuple[str, ...]) -> list[str]:
    """Multilang spans: exact form, known codes, two or more adjacent, none nested."""
    found = []
    for span in SPAN.findall(text):
        match = GOOD_SPAN.fullmatch(span)
        if not match:
            found.append(f"span {span!r} is not <span lang=\"xx\" class=\"multilang\">")
        elif match.group(1) not in languages:
            found.append(f"span language {match.group(1)!r} is not one of {languages}")
    for group in GROUP.finditer(text):
        codes = GOOD_SPAN.findall(group.group(0))
        if len(codes) < 2 or len(set(codes)) != len(codes):
            found.append(f"multilang spans {codes} are not two or more languages side by side")
    leftover = GROUP.sub("", text)
    if SPAN.search(leftover) or "</span>" in leftover:
        found.append(f"spans nested or split in {text[:80]!r}")
    return found


def file_problems(parent: etree._Element) -> list[str]:
    """Embedded files: base64, at the root path, and every @@PLUGINFILE@@ name among them."""
    files = parent.findall("file")
    names = set()
    found = []
    for file in files:
        names.add(file.get("name"))
        if file.get("path") != "/" or file.get("encoding") != "base64":
            found.append(f"file {file.get('name')!r} without path '/' and base64 encoding")
        try:
            base64.b64decode(file.text or "", validate=True)
        except binascii.Error:
            found.append(f"file {file.get('name')!r} is not valid base64")
    text = parent.findtext("text") or ""
    for name in re.findall(r"@@PLUGINFILE@@/([^\"'\s>]+)", text):
        if name not in names:
            found.append(f"@@PLUGINFILE@@/{name} has no <file> next to its text")
    return found
