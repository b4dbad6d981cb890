"""Turn built site pages into package pages: only what the package contains.

In a package the launcher's bar is the only navigation: the site's own header,
sidebars, previous/next links, search and language menu go, and links to pages
outside the package are turned into plain text; nothing may load or link to a
file that is not in the package or to another server. Assets the pages use
(scripts, styles, images, and what the styles load) are collected from the HTML
and CSS.

The site's chrome is found by the theme-neutral attribute our templates put on
it (``build_tools/theme/``), never by the theme's class names:

* ``data-course-chrome="header"``: the site's header (hidden, not dropped: the
  theme's script reads it);
* ``data-course-chrome="sidebar"``: the sidebars, with the site navigation and
  the table of contents (dropped);
* ``data-course-chrome="navigation"``: the site navigation (dropped);
* ``data-course-chrome="page-links"``: the previous and next page links (dropped);
* ``data-course-chrome="search"``: the search box and its button (dropped);
* ``data-course-chrome="languages"``: the language menu (dropped);
* ``data-course-chrome="progress"``: the site's own progress panel and script
  (dropped: in a package the LMS keeps the learner's progress).
"""

from __future__ import annotations

import functools
import json
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from lxml import etree
from lxml import html as lxml_html

CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""")
SOURCE_MAP = re.compile(rb"\n?/[/*]# sourceMappingURL=[^\n]*")
SRC_ATTRS = (
    ("script", "src"), ("img", "src"), ("source", "src"), ("video", "src"),
    ("video", "poster"), ("audio", "src"), ("embed", "src"), ("object", "data"),
    ("iframe", "src"), ("track", "src"),
)
LOADED_LINKS = ("stylesheet", "icon", "preload", "modulepreload", "apple-touch-icon", "manifest")
CHROME = "data-course-chrome"
"""The attribute that marks the theme's chrome (see above)."""
DROPPED_CHROME = ("sidebar", "navigation", "page-links", "search", "languages", "progress")
"""Chrome a package page leaves out."""
HIDDEN_CHROME = ("header",)
"""Chrome a package page keeps hidden: the theme's script needs the element."""
CHROME_ELEMENTS = etree.XPath(f"descendant-or-self::*[@{CHROME}]")
NAV_SIDEBAR = re.compile(rb'<div\b[^<>]*?\s' + CHROME.encode() + rb'="sidebar"[^<>]*>')
"""The start of the first sidebar, the one with the site navigation (``theme/main.html``)."""
DIV_TAG = re.compile(rb"<(/?)div\b[^<>]*>")
NOT_PLAIN = re.compile(rb"<(?![a-z]|/[a-z])|<(?:/?(?:script|style|textarea|title|xmp|iframe"
                       rb"|noembed|noframes|noscript|plaintext)\b)")
"""In lower-cased text: a ``<`` that starts no tag (text, a comment), or an element
whose content the parser does not read as tags."""


@dataclass
class PageRewrite:
    """The rewritten page and the site files it uses."""

    html: bytes
    assets: set[str] = field(default_factory=set)
    """Site-relative paths of files the page loads or links to."""
    external: list[str] = field(default_factory=list)
    """Addresses outside the package that were removed."""


@functools.cache
def is_external(url: str) -> bool:
    """Return True for addresses with a scheme or host (``https:``, ``//cdn``, ``mailto:``)."""
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc)


def resolve(base_path: str, url: str) -> str | None:
    """Return the site-relative path ``url`` points to from page ``base_path``, or None."""
    return _resolve_in(posixpath.dirname(base_path), url)


@functools.cache
def _resolve_in(folder: str, url: str) -> str | None:
    # Cached: every page of a folder carries the same navigation links.
    target = unquote(urlsplit(url).path)
    if not target:
        return None
    joined = posixpath.normpath(posixpath.join(folder, target))
    return None if joined.startswith("..") else joined


def rewrite_page(source: bytes, path: str, pages: set[str],
                 aliases: Mapping[str, str] | None = None) -> PageRewrite:
    """Rewrite the site page at site-relative ``path`` for a package holding ``pages``.

    ``aliases`` maps files the package ships once to the copy it keeps (the same
    image in two languages' folders): the page then loads that copy.
    """
    doc = lxml_html.document_fromstring(_without_navigation(source))
    result = PageRewrite(b"")
    _drop_site_chrome(doc)  # first: the links of dropped chrome need no fixing
    _fix_links(doc, path, pages, result)
    _collect_sources(doc, path, result)
    if aliases:
        _use_aliases(doc, path, aliases, result)
    _fix_config(doc)
    text = lxml_html.tostring(doc, doctype="<!doctype html>", encoding="unicode")
    result.html = text.encode("utf-8")
    return result


def _without_navigation(source: bytes) -> bytes:
    """Return the page's text without the sidebar of the site navigation, which a package drops.

    The navigation lists every page of the language: at a few hundred pages it
    is most of a page's bytes, and parsing it only to drop it was most of the
    time packaging took. Our templates write it with every title escaped
    (:mod:`build_tools.site.builder`), so it is plain markup, and it is cut from
    the text when it is: every ``<`` in it starts a tag, its ``div`` tags pair
    up, and it holds no comment, script or style. The parser then makes of
    the rest what it makes of the whole page less the sidebar. Any other text
    is left whole, to be parsed and dropped.
    """
    start = NAV_SIDEBAR.search(source)
    if start is None:
        return source
    depth = 0
    for match in DIV_TAG.finditer(source, start.start()):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            sidebar = source[start.start():match.end()]
            if NOT_PLAIN.search(sidebar.lower()):
                break
            return source[:start.start()] + source[match.end():]
    return source


def _drop_site_chrome(doc: lxml_html.HtmlElement) -> None:
    """Remove the site's chrome and links to other languages; hide what must stay.

    The chrome is found in one pass over the page (which its navigation makes
    large); the language links are looked for in what is left.
    """
    for element in CHROME_ELEMENTS(doc):
        name = element.get(CHROME)
        if name in DROPPED_CHROME:
            _remove(element)
        elif name in HIDDEN_CHROME:
            # The attribute for assistive technology, the style over the theme's own display.
            element.set("hidden", "")
            element.set("style", "display: none")
    for element in [*doc.iter("link"), *doc.iter("a")]:
        if (element.get("rel") == "alternate" if element.tag == "link"
                else element.get("hreflang") is not None):
            _remove(element)


def _fix_links(doc: lxml_html.HtmlElement, path: str, pages: set[str],
               result: PageRewrite) -> None:
    for link in doc.xpath("//a[@href] | //link[@href] | //area[@href]"):
        href = link.get("href", "")
        if href.startswith("#"):
            continue
        rel = (link.get("rel") or "").split()
        target = None if is_external(href) else resolve(path, href)
        if link.tag == "link":
            if target and any(r in LOADED_LINKS for r in rel):
                result.assets.add(target)
            else:
                _remove(link)  # prev/next/canonical: nothing to load
        elif target in pages:
            continue
        elif target and not target.endswith(".html") and not is_external(href):
            result.assets.add(target)  # a file offered for download, shipped with the page
        else:
            if is_external(href):
                result.external.append(href)
            _unlink(link)


def _collect_sources(doc: lxml_html.HtmlElement, path: str, result: PageRewrite) -> None:
    for tag, attr in SRC_ATTRS:
        for element in doc.iter(tag):
            url = element.get(attr)
            if not url or url.startswith("data:"):
                continue
            if is_external(url):
                result.external.append(url)
                _remove(element)
            elif (target := resolve(path, url)) is not None:
                result.assets.add(target)
    for element in doc.xpath("//*[@srcset]"):
        for candidate in element.get("srcset", "").split(","):
            url = candidate.strip().split(" ")[0]
            if url and not is_external(url) and (target := resolve(path, url)):
                result.assets.add(target)
    for element in doc.xpath("//*[@style] | //style"):
        text = element.get("style", "") if element.tag != "style" else (element.text or "")
        result.assets.update(css_references(text, path))


def _use_aliases(doc: lxml_html.HtmlElement, path: str, aliases: Mapping[str, str],
                 result: PageRewrite) -> None:
    """Point every reference to a file of ``aliases`` at the copy the package keeps."""
    folder = posixpath.dirname(path)

    def aliased(url: str) -> str | None:
        target = None if is_external(url) else resolve(path, url)
        if target is None or target not in aliases:
            return None
        fragment = urlsplit(url).fragment
        return posixpath.relpath(aliases[target], folder or ".") + (
            f"#{fragment}" if fragment else "")

    attributes = [*SRC_ATTRS, ("a", "href"), ("area", "href")]
    for tag, attr in attributes:
        for element in doc.iter(tag):
            new = aliased(element.get(attr) or "")
            if new is not None:
                element.set(attr, new)
    for element in doc.xpath("//*[@srcset]"):
        candidates = [candidate.strip().split(" ", 1)
                      for candidate in element.get("srcset", "").split(",")]
        if any(aliased(url) for url, *_ in candidates):
            element.set("srcset", ", ".join(" ".join([aliased(url) or url, *rest])
                                            for url, *rest in candidates))
    result.assets = {aliases.get(asset, asset) for asset in result.assets}


def _fix_config(doc: lxml_html.HtmlElement) -> None:
    """Drop the search worker from the theme's page config: the package has no search.

    ``__config`` is the id Material gives the JSON block its script reads; a
    theme without it has nothing to drop.
    """
    for script in doc.xpath('//script[@id="__config"]'):
        config = json.loads(script.text or "{}")
        config.pop("search", None)
        script.text = json.dumps(config, ensure_ascii=False, sort_keys=True)


def css_references(css: str, path: str) -> set[str]:
    """Return the site-relative files a style sheet at ``path`` loads (``url()``, ``@import``)."""
    found = set()
    for match in CSS_URL.finditer(css):
        url = (match.group(2) or match.group(4) or "").strip()
        if url and not url.startswith(("data:", "#")) and not is_external(url):
            target = resolve(path, url)
            if target:
                found.add(target)
    return found


def strip_source_map(data: bytes) -> bytes:
    """Remove ``sourceMappingURL`` comments: the maps are not shipped."""
    return SOURCE_MAP.sub(b"", data)


def _unlink(link: lxml_html.HtmlElement) -> None:
    """Turn a link into plain text, keeping its content."""
    link.tag = "span"
    # A <span> may not carry aria-label (ARIA 1.2: prohibited on generic).
    for attr in ("href", "target", "rel", "hreflang", "download", "aria-label"):
        link.attrib.pop(attr, None)


def _remove(element: lxml_html.HtmlElement) -> None:
    parent = element.getparent()
    if parent is not None:
        element.drop_tree()
