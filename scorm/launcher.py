"""Add our runtime and one launch page per SCO to a :class:`Package`.

The launch page (``launch_<sco>.html``) is the SCO's entry point in the
manifest. Its host (``runtime/host.js``) shows the SCO's pages in an iframe and
knows what the learner visited and answered; a tracker, one per standard
(``runtime/tracker.js``; SCORM 1.2 and 2004 on a shared SCORM flow), keeps that
state in the LMS and records progress, score and interactions over one API
session per launch. Its configuration is a JSON block written here.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from lxml import html as lxml_html

from .model import (
    NUMERIC_MAX,
    TEXT_MAX,
    Package,
    Resource,
    Sco,
    ScoLanguage,
    Version,
    resource_id,
)

RUNTIME_DIR = Path(__file__).parent / "runtime"
TRACKER_SCRIPTS: dict[str, str] = {"1.2": "scorm12.js", "2004": "scorm2004.js"}
"""The tracker of each SCORM version: its dialect on the shared SCORM flow."""


def runtime_scripts(version: Version) -> tuple[str, ...]:
    """Return the launch page's scripts for ``version`` in load order.

    Each script uses only those before it: the standard-independent pieces (the
    record rules, answers, the saved state, the tracker registry), the SCORM
    session and its shared flow, the version's tracker, then the host, which
    starts the tracker of the configuration.
    """
    return ("record.js", "answers.js", "state.js", "tracker.js",
            "error_codes.js", "api_finder.js", "runtime.js", "scorm_tracker.js",
            TRACKER_SCRIPTS[version], "host.js")


def runtime_files(version: Version) -> tuple[str, ...]:
    """Return the files copied to ``scorm/`` in a package of ``version``.

    The scripts, the style sheet and the launch page's icon.
    """
    return (*runtime_scripts(version), "launcher.css", "favicon.svg")


RUNTIME_RESOURCE = "RES-runtime"
DEFAULT_LABELS = {
    "previous": "Previous", "next": "Next", "pages": "Pages", "language": "Language",
    "recordedPassed": "Recorded result: {score}%, passed.",
    "recordedFailed": "Recorded result: {score}%, not passed.",
    "keptBest": "This try: {score}%. Your better result stays recorded.",
    "keptFirst": "This try: {score}%. Only the result of your first try is recorded.",
    "noLms": "Your progress is not being recorded.",
    "decimal": ".",
}
"""Launcher texts by key: the English msgids of the ``scorm`` catalog, and the
decimal separator of the language. The bar's buttons and menus' labels, and the
status lines: ``{score}`` is the percent; ``noLms`` when no LMS API was found (the
pages still work, nothing is recorded)."""
LANGUAGE_NAME = "languageName"
"""The key of a language's own name (``Қазақша``) in its labels, given by the build:
the language menu lists each language so. Without it the menu shows the code."""


def sco_config(package: Package, sco: Sco) -> dict[str, object]:
    """Return the launcher's configuration for ``sco``: what it tracks and how.

    Page and question ids do not depend on the language. ``pages`` are in the
    default language; ``languages`` gives each language's title, pages (in the same
    order) and texts, the default first: one entry in a one-language package, every
    language in a multilingual one.
    """
    return {
        "version": package.version,
        "sco": sco.id,
        "pages": [{"id": p.id, "href": p.href, "title": p.title} for p in sco.pages],
        "languages": [language_config(package, one) for one in sco_languages(package, sco)],
        # The correct responses come from the course model, never from the page.
        "questions": [{"id": q.id, "page": q.page_id, "type": q.type, "options": q.options,
                       "interaction": q.interaction,
                       "patterns": list(q.patterns.get(package.version, ()))}
                      for q in sco.questions],
        "mastery": sco.mastery_score,
        "retake": sco.retake,
        "completion": sco.completion,
        "suspendLimit": package.suspend_limit,
        "textMax": TEXT_MAX,
        "numericMax": NUMERIC_MAX,
    }


def sco_languages(package: Package, sco: Sco) -> tuple[ScoLanguage, ...]:
    """Return every language of ``sco``, the default first (one in a one-language package)."""
    return sco.languages or (ScoLanguage(package.lang, sco.title, sco.pages),)


def language_labels(package: Package, lang: str) -> dict[str, str]:
    """Return the launcher's texts in ``lang``, English where the package has none."""
    return {**DEFAULT_LABELS, **package.language_labels.get(lang, package.labels)}


def language_config(package: Package, language: ScoLanguage) -> dict[str, object]:
    """Return what the launcher shows in ``language``: its title, pages and texts."""
    labels = language_labels(package, language.lang)
    return {
        "lang": language.lang,
        "title": language.title,
        "pages": [{"href": p.href, "title": p.title} for p in language.pages],
        "texts": {key: labels[key] for key in DEFAULT_LABELS},
    }


def launch_page(package: Package, sco: Sco) -> bytes:
    """Return the launch page of ``sco`` in the package's (default) language.

    The page is ``runtime/launcher.html`` with its elements filled in through
    lxml, never by text replacement: the serializer escapes every title and
    label for the place it lands in (text or attribute), and the configuration
    is JSON that cannot end its ``<script>`` element (:func:`script_json`). A
    multilingual package gets the language menu, each language named in itself;
    the launcher switches the page's texts to the language it opens in.
    """
    labels = language_labels(package, package.lang)
    doc = lxml_html.document_fromstring((RUNTIME_DIR / "launcher.html").read_text("utf-8"))
    doc.set("lang", package.lang)
    _element(doc, "//title").text = sco.title
    _element(doc, "//*[@class='sco-title']").text = sco.title
    _element(doc, "//iframe[@id='sco-frame']").set("title", sco.title)
    _element(doc, "//*[@class='sco-list']/*[@class='sco-hidden']").text = labels["pages"]
    _language_menu(doc, package, sco)
    for key, button_id in (("previous", "sco-prev"), ("next", "sco-next")):
        button = _element(doc, f"//button[@id='{button_id}']")
        button.set("aria-label", labels[key])
        _element(button, "*[@class='sco-word']").text = labels[key]
    config = _element(doc, "//script[@id='sco-config']")
    config.text = script_json(sco_config(package, sco))
    for name in reversed(runtime_scripts(package.version)):
        script = lxml_html.Element("script", src=f"scorm/{name}")
        script.tail = "\n"
        config.addnext(script)
    page: bytes = lxml_html.tostring(doc, doctype="<!doctype html>", encoding="utf-8")
    return page + b"\n"


def _language_menu(doc: lxml_html.HtmlElement, package: Package, sco: Sco) -> None:
    """Fill the language menu of a multilingual package; drop it from a one-language one."""
    label = _element(doc, "//*[@class='sco-langs']")
    languages = sco_languages(package, sco)
    if len(languages) < 2:
        label.drop_tree()
        return
    _element(label, "*[@class='sco-hidden']").text = language_labels(package, package.lang)[
        "language"]
    menu = _element(label, "select")
    for one in languages:
        option = lxml_html.Element("option", value=one.lang, lang=one.lang)
        option.text = language_labels(package, one.lang).get(LANGUAGE_NAME) or one.lang
        menu.append(option)


def script_json(value: object) -> str:
    r"""Return ``value`` as JSON to put inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\u003c`` and the like, so no text (``</script>``,
    ``<!--``) can end the element or change how the browser parses it; U+2028 and
    U+2029 are escaped for older JavaScript parsers. ``JSON.parse`` reads it back
    unchanged.
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def _element(doc: lxml_html.HtmlElement, path: str) -> lxml_html.HtmlElement:
    (found,) = doc.xpath(path)
    element: lxml_html.HtmlElement = found
    return element


def with_runtime(package: Package) -> Package:
    """Return ``package`` with the runtime, the launch pages and their resource entries."""
    files = dict(package.files)
    names = runtime_files(package.version)
    for name in names:
        files[f"scorm/{name}"] = (RUNTIME_DIR / name).read_bytes()
    launches = {resource_id(sco.id): sco.launch_href for sco in package.scos}
    for sco in package.scos:
        files[sco.launch_href] = launch_page(package, sco)
    resources = []
    for resource in package.resources:
        if resource.scorm_type == "sco" and resource.identifier in launches:
            href = launches[resource.identifier]
            resource = replace(resource, href=href, files=(href, *resource.files),
                               dependencies=(*resource.dependencies, RUNTIME_RESOURCE))
        resources.append(resource)
    runtime = Resource(RUNTIME_RESOURCE, tuple(f"scorm/{n}" for n in names))
    return replace(package, files=files, resources=(*resources, runtime))
