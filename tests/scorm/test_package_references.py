"""Every package of the sample course is whole: nothing it loads or links to is missing.

The project's own course is built once with ``course build``. In each checked
zip, every ``src``, ``href``, ``srcset``, ``data``, ``poster`` and CSS ``url()``
or ``@import`` of every HTML page and style sheet must name a file in the zip
(or an anchor of the page), and none may be an absolute address a browser
would fetch. Files listed in the manifest must be in the zip too.

The check is written here, apart from :mod:`build_tools.outputs.package_html`, so that
it does not share that module's idea of what a reference is.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree
from lxml import html as lxml_html

URL_ATTRS = ("src", "href", "data", "poster", "action", "formaction", "background",
             "{http://www.w3.org/1999/xlink}href")
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""")
"""``url(...)`` with or without quotes, and ``@import "..."``."""


def target(base: str, url: str) -> str:
    """The zip entry ``url`` points to from the entry ``base``."""
    path = unquote(urlsplit(url).path)
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), path))


def check_url(base: str, url: str, names: set[str],
              anchors: dict[str, set[str]]) -> str | None:
    """Return the problem with ``url`` in entry ``base``, or None when it is fine.

    ``anchors`` holds the ids of each page, for addresses with a ``#fragment``.
    """
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") or url.startswith("//"):
        return f"{base}: absolute address {url}"
    if parts.scheme in ("data", "mailto", "tel", "javascript", "about") or not url:
        return None
    if parts.scheme:
        return f"{base}: address with scheme {url}"
    found = target(base, url) if parts.path else base
    if found not in names:
        return f"{base}: missing {url} ({found})"
    fragment = unquote(parts.fragment)
    if fragment and found in anchors and fragment not in anchors[found] | {"top"}:
        return f"{base}: no anchor {url}"
    return None


def css_problems(base: str, css: str, names: set[str]) -> list[str]:
    found = []
    for match in CSS_URL.finditer(css):
        url = match.group(2) if match.group(2) is not None else match.group(4)
        if url.startswith("#"):  # an SVG filter or mask of the page
            continue
        problem = check_url(base, url, names, {})
        if problem:
            found.append(problem)
    return found


def page_anchors(doc: lxml_html.HtmlElement) -> set[str]:
    return {e.get("id") for e in doc.xpath("//*[@id]")} | {
        e.get("name") for e in doc.xpath("//a[@name]")}


def html_problems(base: str, doc: lxml_html.HtmlElement, names: set[str],
                  anchors: dict[str, set[str]]) -> list[str]:
    found = []
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        urls = [element.get(a) for a in URL_ATTRS if element.get(a) is not None]
        urls += [c.strip().split(" ")[0] for c in (element.get("srcset") or "").split(",")
                 if c.strip()]
        if element.tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
            urls.append((element.get("content") or "").partition("url=")[2])
        found += [p for u in urls if (p := check_url(base, u, names, anchors))]
        style = element.text if element.tag == "style" else element.get("style")
        found += css_problems(base, style or "", names)
    return found


def package_problems(path: Path) -> list[str]:
    """Every reference of ``path``'s pages, style sheets and manifest that does not resolve."""
    with zipfile.ZipFile(path) as archive:
        names = {n for n in archive.namelist() if not n.endswith("/")}
        entries = {n: archive.read(n) for n in names if n.endswith((".html", ".css"))}
        manifest = etree.fromstring(archive.read("imsmanifest.xml"))
    pages = {n: lxml_html.document_fromstring(d) for n, d in entries.items()
             if n.endswith(".html")}
    anchors = {n: page_anchors(doc) for n, doc in pages.items()}
    problems = []
    for name, data in sorted(entries.items()):
        if name.endswith(".css"):
            problems += css_problems(name, data.decode("utf-8"), names)
        else:
            problems += html_problems(name, pages[name], names, anchors)
    listed = manifest.xpath("//*[local-name()='file' or local-name()='resource']/@href")
    problems += [f"imsmanifest.xml: missing {href}" for href in listed if href not in names]
    return problems


def chosen(dist: Path) -> list[Path]:
    """Per SCORM version: the kk course package and the first ru module package."""
    zips = sorted(dist.glob("*.zip"))
    picked = []
    for suffix in ("scorm12", "scorm2004"):
        picked.append(next(z for z in zips if z.name.endswith(f"_course_kk_{suffix}.zip")))
        picked.append(next(z for z in zips if z.name.endswith(f"_ru_{suffix}.zip")
                           and "_course_" not in z.name))
    return picked


def test_sample_packages_have_every_file_they_use(sample_dist: Path) -> None:
    packages = chosen(sample_dist)
    assert len(packages) == 4
    for path in packages:
        with zipfile.ZipFile(path) as archive:
            pages = [n for n in archive.namelist() if n.endswith(".html")]
        assert len(pages) > 3, path.name  # launch page and the module's pages
        assert package_problems(path) == [], path.name


def test_the_check_finds_what_is_missing(sample_dist: Path, tmp_path: Path) -> None:
    source = chosen(sample_dist)[0]
    broken = tmp_path / source.name
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(broken, "w") as out:
        page = next(n for n in archive.namelist() if n.endswith(".html")
                    and not n.startswith("launch_"))
        css = next(n for n in archive.namelist() if n.endswith(".css"))
        for name in archive.namelist():
            data = archive.read(name)
            if name == page:
                data = data.replace(b"</body>", b'<img src="gone.png"><a href="#nowhere">x</a>'
                                    b'<script src="https://cdn.example/x.js"></script></body>')
            elif name == css:
                data += b"\n.x{background:url(../none.svg)}"
            out.writestr(name, data)
    assert sorted(package_problems(broken)) == sorted([
        f"{css}: missing ../none.svg ({target(css, '../none.svg')})",
        f"{page}: missing gone.png ({target(page, 'gone.png')})",
        f"{page}: no anchor #nowhere",
        f"{page}: absolute address https://cdn.example/x.js",
    ])
