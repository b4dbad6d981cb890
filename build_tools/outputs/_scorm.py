"""SCORM packages from the course model and the built site: what both SCORM outputs share.

For every language: one package per module and one for the whole course. In
the whole-course package every module is a SCO of its own, so each keeps its
own status, score and suspend data. :mod:`.scorm12` and :mod:`.scorm2004` are
the two outputs; the pages they ship are rewritten once for both.
"""

from __future__ import annotations

from pathlib import Path

from babel.numbers import get_decimal_symbol

from scorm.languages import (
    MULTILANG,
    all_pages,
    default_first,
    joined_title,
    multilingual_sco,
    page_set,
)
from scorm.launcher import DEFAULT_LABELS, LANGUAGE_NAME, with_runtime
from scorm.manifest import manifest_bytes
from scorm.model import (
    Item,
    Organization,
    Package,
    Resource,
    Sco,
    Version,
    item_id,
    resource_id,
)
from scorm.package import package_entries, write_zip
from scorm.validate import validate_manifest

from ..checks.packaging import suspend_problem
from ..course.glossary import PAGE_SRC_URI as GLOSSARY_SRC_URI
from ..course.model import Course, Lesson, Module
from ..course.tracking import module_sco
from ..diagnostics import Diagnostic, error, rel, warning
from ..languages.i18n import gettext, language_name, ui_language
from ..languages.letters import endonym
from .base import OutputJob, OutputResult, Scope, WrittenFile
from .package_html import css_references, rewrite_page, strip_source_map

VERSION_SUFFIX = {"1.2": "scorm12", "2004": "scorm2004"}
THEME_PREFIX = "assets/"
FONTS_PREFIX = "assets/fonts/"
FONT_LICENCE = "assets/fonts/OFL.txt"
"""The licence of the shipped fonts: SIL OFL 1.1 condition 2 asks that it travel with them."""
ASSETS_RESOURCE = "RES-assets"
GLOSSARY_RESOURCE = "RES-glossary"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg", ".gif", ".webp")
KIND = "SCORM package"


class ScormOutput:
    """The packages of one SCORM version: one language per call, or every language at once."""

    def __init__(self, version: Version, *, multilingual: bool = False) -> None:
        self.version = version
        self.multilingual = multilingual
        self.name = VERSION_SUFFIX[version] + (f"_{MULTILANG}" if multilingual else "")
        self.scope: Scope = "course" if multilingual else "language"

    def planned(self, course: Course) -> int:
        """Return the zips of one call: one per module and one for the course."""
        return len(course.modules) + 1 if course.modules else 0

    def write(self, job: OutputJob) -> OutputResult:
        """Write the packages of ``job.lang``, or the multilingual ones, in this SCORM version."""
        builder = job.reuse("scorm", lambda: _Builder(job), _Builder)
        course = job.course
        if self.multilingual:
            langs = default_first(course.languages, course.default_language)
            label = MULTILANG
            scos = [builder.multilingual_sco(module, langs) for module in course.modules]
        else:
            assert job.lang is not None, "a language output"
            langs, label = (job.lang,), job.lang
            scos = [builder.sco(module, job.lang) for module in course.modules]
        units: list[tuple[str, list[Sco]]] = [
            (m.id, [s]) for m, s in zip(course.modules, scos, strict=True) if s is not None]
        result = OutputResult()
        if units:
            units.append(("course", [sco for _, (sco,) in units]))
        for scope, unit in units:
            name = package_name(course.id, scope, label, self.version)
            package = builder.package(name, scope, langs, self.version, unit)
            written = builder.write(package, job.dist_dir / name)
            if written:
                result.files.append(written)
        result.diagnostics = builder.take_diagnostics()
        return result


def package_name(course_id: str, scope: str, lang: str, version: str) -> str:
    """Return the zip's file name: ``<course>_<module or 'course'>_<lang>_<version>.zip``.

    ``lang`` is a language, or ``multilang`` for a package holding every language.
    """
    return f"{course_id}_{scope}_{lang}_{VERSION_SUFFIX[version]}.zip"


class _Builder:
    """Reads and rewrites site files once, and collects problems."""

    def __init__(self, job: OutputJob) -> None:
        self.job = job
        self.course = job.course
        self.site_dir = job.site_dir
        self.diagnostics: list[Diagnostic] = []
        self.reported: set[Diagnostic] = set()
        self.scos: dict[tuple[str, str], Sco | None] = {}
        self.cache: dict[tuple[str, frozenset[str], tuple[tuple[str, str], ...]],
                         tuple[bytes, set[str]]] = {}
        self.assets: dict[str, tuple[bytes, frozenset[str]] | None] = {}
        """Each asset read once for all packages: its shipped bytes and what its CSS loads."""

    def report(self, path: str, message: str, code: str, *, warn: bool = False) -> None:
        diagnostic = (warning if warn else error)(path, None, message, code)
        if diagnostic not in self.reported:  # a file shared by packages: say it once
            self.reported.add(diagnostic)
            self.diagnostics.append(diagnostic)

    def take_diagnostics(self) -> list[Diagnostic]:
        """Return the problems reported since the last call."""
        found, self.diagnostics = self.diagnostics, []
        return found

    def source_path(self, lang: str, src_uri: str) -> str:
        docs = rel(self.course.docs_dir, self.course.root)
        return f"{docs}/{lang}/{src_uri}"

    def sco(self, module: Module, lang: str) -> Sco | None:
        key = (module.id, lang)
        if key not in self.scos:  # the same for both versions
            self.scos[key] = self.make_sco(module, lang)
        return self.scos[key]

    def make_sco(self, module: Module, lang: str) -> Sco | None:
        def href(lesson: Lesson) -> str | None:
            path = self.job.page_href(lang, lesson.src_uri)
            if (self.site_dir / path).is_file():
                return path
            self.report(self.source_path(lang, lesson.src_uri), f"the site has no page "
                        f"'{path}', so the '{lang}' packages leave it out; translate the "
                        "page or let the site fall back to another language", "scorm-page",
                        warn=True)
            return None

        return module_sco(self.course, module, lang, href)

    def multilingual_sco(self, module: Module, langs: tuple[str, ...]) -> Sco | None:
        """Return the SCO of ``module`` holding every language of ``langs`` (default first)."""
        return multilingual_sco({lang: self.sco(module, lang) for lang in langs}, langs,
                                self.course.fallback)

    def package(self, name: str, scope: str, langs: tuple[str, ...], version: Version,
                scos: list[Sco]) -> Package:
        """Return the package ``name`` of ``scos`` in ``langs`` (several: a multilingual one)."""
        lang, stem, several = langs[0], name.removesuffix(".zip"), len(langs) > 1
        files: dict[str, bytes] = {}
        resources: list[Resource] = []
        items: list[Item] = []
        theme: set[str] = set()
        aliases = self.aliases(scos) if several else {}
        for sco in scos:
            # A SCO's pages link only to each other: another SCO is launched by the LMS,
            # never inside this one's session.
            pages = page_set(sco)
            own: list[str] = []
            for page in all_pages(sco):
                own += self.add_page(page.href, pages, files, theme, aliases)
            resources.append(Resource(resource_id(sco.id), tuple(dict.fromkeys(own)),
                                      scorm_type="sco", dependencies=(ASSETS_RESOURCE,)))
            title = joined_title(one.title for one in sco.languages) if several else sco.title
            items.append(Item(item_id(sco.id), title, resource_id(sco.id),
                              sco.mastery_score, f"obj-{sco.id}"))
            self.check_suspend(sco, lang, version, name)
        if scope == "course":
            for one in langs:
                self.add_glossary(one, files, resources, items, theme, several)
        if any(asset.startswith(FONTS_PREFIX) for asset in theme):
            theme |= self.with_css({FONT_LICENCE}, files)
        resources.append(Resource(ASSETS_RESOURCE, tuple(sorted(theme))))
        titles = {one: self.package_title(one, scope, scos) for one in langs}
        org = Organization(f"ORG-{self.course.id}-{scope}", joined_title(titles.values()),
                           tuple(items))
        labels = {one: self.labels(one) for one in langs}
        package = Package(f"MANIFEST-{stem}", version, lang, titles[lang],
                          org, tuple(resources), tuple(scos), files, labels[lang],
                          languages=langs if several else (),
                          language_labels=labels if several else {},
                          titles=titles if several else {})
        return with_runtime(package)

    def package_title(self, lang: str, scope: str, scos: list[Sco]) -> str:
        """The package's title in ``lang``; a module's names the course too, as the LMS lists it."""
        title = self.course.titles.get(lang, self.course.id)
        if scope == "course":
            return title
        sco = scos[0]
        module = next((one.title for one in sco.languages if one.lang == lang), sco.title)
        return f"{title} — {module}"

    def labels(self, lang: str) -> dict[str, str]:
        """The launcher's texts in ``lang`` and its decimal separator."""
        ui_lang = ui_language(lang, "scorm", self.course.fallback)
        labels = {key: gettext(ui_lang, "scorm", text) for key, text in DEFAULT_LABELS.items()}
        labels["decimal"] = get_decimal_symbol(lang)
        labels[LANGUAGE_NAME] = endonym(lang)  # as the language menus of the site name it
        return labels

    def aliases(self, scos: list[Sco]) -> dict[str, str]:
        """Map each page asset that repeats an earlier one byte for byte to that one.

        A multilingual package ships an image its languages share once (theme
        assets are shared already); style sheets are kept apart, as the files
        they load are found relative to them.
        """
        first: dict[bytes, str] = {}
        aliases: dict[str, str] = {}
        for sco in scos:
            pages = page_set(sco)
            for page in all_pages(sco):
                for path in sorted(self.page(page.href, pages)[1]):
                    asset = self.asset(path)
                    if asset is None or path.startswith(THEME_PREFIX) or path.endswith(".css"):
                        continue
                    kept = first.setdefault(asset[0], path)
                    if kept != path:
                        aliases[path] = kept
        return aliases

    def add_page(self, href: str, pages: frozenset[str], files: dict[str, bytes],
                 theme: set[str], aliases: dict[str, str] | None = None) -> list[str]:
        """Add a page and its assets to ``files``; return its own files (theme ones go apart)."""
        data, assets = self.page(href, pages, aliases or {})
        files[href] = data
        own = [href]
        for asset in sorted(self.with_css(assets, files)):
            (theme.add(asset) if asset.startswith(THEME_PREFIX) else own.append(asset))
        return own

    def add_glossary(self, lang: str, files: dict[str, bytes], resources: list[Resource],
                     items: list[Item], theme: set[str], several: bool = False) -> None:
        """Add the site's glossary page of ``lang`` as a page the LMS lists but never tracks.

        In a multilingual package each language's glossary is listed, named in its
        own language.
        """
        href = self.job.page_href(lang, GLOSSARY_SRC_URI)
        if not (self.site_dir / href).is_file():
            return
        own = self.add_page(href, frozenset({href}), files, theme)
        suffix = f"-{lang}" if several else ""
        resources.append(Resource(GLOSSARY_RESOURCE + suffix, tuple(dict.fromkeys(own)),
                                  href=href, dependencies=(ASSETS_RESOURCE,)))
        ui_lang = ui_language(lang, "site", self.course.fallback)
        title = gettext(ui_lang, "site", "Glossary")
        if several:
            title = f"{title} ({language_name(lang)})"
        items.append(Item("ITEM-glossary" + suffix, title, GLOSSARY_RESOURCE + suffix,
                          tracked=False))

    def page(self, href: str, pages: frozenset[str],
             aliases: dict[str, str] | None = None) -> tuple[bytes, set[str]]:
        """Return the page ``href`` rewritten for a SCO of ``pages``, and the assets it uses."""
        used: tuple[tuple[str, str], ...] = ()
        if aliases:  # only the aliases of files this page loads change it
            known = self.page(href, pages)[1]
            used = tuple(sorted((path, kept) for path, kept in aliases.items() if path in known))
        key = (href, pages, used)
        if key not in self.cache:
            rewritten = rewrite_page(self.read(href) or b"", href, set(pages), dict(used))
            self.cache[key] = (rewritten.html, rewritten.assets)
        return self.cache[key]

    def with_css(self, assets: set[str], files: dict[str, bytes]) -> set[str]:
        """Add ``assets`` and what their style sheets load to ``files``; return all of them."""
        todo, done = sorted(assets), set()
        while todo:
            path = todo.pop()
            if path in done:
                continue
            asset = self.asset(path)
            if asset is None:
                continue
            done.add(path)
            files[path], references = asset
            todo += sorted(references)
        return done

    def asset(self, path: str) -> tuple[bytes, frozenset[str]] | None:
        """Return an asset's bytes as shipped and the files its CSS loads, reading it once."""
        if path not in self.assets:
            data = self.read(path)
            if data is not None and path.endswith((".js", ".css")):
                data = strip_source_map(data)
            references = frozenset(css_references(data.decode("utf-8", "replace"), path)
                                   if data is not None and path.endswith(".css") else ())
            self.assets[path] = None if data is None else (data, references)
        return self.assets[path]

    def read(self, path: str) -> bytes | None:
        """Return a site file's bytes; refuse anything that resolves outside the site."""
        target = self.site_dir / path
        site = self.site_dir.resolve()
        if not target.resolve().is_relative_to(site):
            self.report(f"{self.course.config.site_dir}/{path}", "the file resolves "
                        f"outside the site, to '{target.resolve()}'; packages only take files "
                        "from the docs folder and the built site", "symlink")
            return None
        if not target.is_file():
            return None
        return target.read_bytes()

    def check_suspend(self, sco: Sco, lang: str, version: Version, name: str) -> None:
        problem = suspend_problem(self.course, sco, lang, version)
        if problem and problem not in self.diagnostics:
            self.diagnostics.append(problem)

    def write(self, package: Package, path: Path) -> WrittenFile | None:
        where = f"{self.course.config.dist_dir}/{path.name}"
        try:
            manifest = manifest_bytes(package)
        except ValueError as exc:  # lxml refuses text XML cannot hold (control characters)
            self.report(where, f"imsmanifest.xml cannot be written: {exc}; remove control "
                        "characters from the course, module and page titles", "scorm-manifest")
            return None
        for problem in validate_manifest(manifest, package.version):
            self.report(where, f"imsmanifest.xml does not match the SCORM {package.version} "
                        f"schema: {problem}", "scorm-manifest")
            return None
        entries = package_entries(package)
        size = write_zip(entries, path)
        images = sum(len(data) for name, data in entries.items()
                     if not name.startswith(THEME_PREFIX) and name.endswith(IMAGE_SUFFIXES))
        return WrittenFile(path, size, KIND, images)
