"""Every string of the site's frame is translated in every language's catalog."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from build_tools.languages.i18n import LOCALES_DIR, MSGID_LANGUAGE, catalog, catalog_path, english_name
from build_tools.languages.i18n import THEME as THEME_DOMAIN
from build_tools.site import frame, progress

ROOT = Path(__file__).resolve().parents[2]
THEME = ROOT / "build_tools" / "theme"
CALL = re.compile(r'(?:(?<![.\w])t|\["t"\])\("((?:[^"\\]|\\.)+)"')
"""``t("…")`` in templates and ``frame["t"]("…")`` in code; not Material's ``lang.t``."""
SHIPPED = sorted(p.name for p in LOCALES_DIR.iterdir() if (p / "LC_MESSAGES" / "site.po").is_file())
"""The languages we ship a site catalog for."""


def used_msgids() -> set[str]:
    """Message ids the theme templates and the site code pass to ``t``, and the language phrases."""
    found: set[str] = set()
    for path in [*THEME.rglob("*.html"), *(ROOT / "build_tools" / "site").glob("*.py")]:
        found.update(CALL.findall(path.read_text("utf-8")))
    return (found | {frame.NOTICE, frame.IN_LANGUAGE} | set(progress.STRINGS.values())
            | {f"in {english_name(c)}" for c in SHIPPED})


def test_msgids_are_found() -> None:
    assert {"Page not found", "Last updated: %(date)s", "in Kazakh", "in Tajik",
            "Link to this section"} <= used_msgids()


def test_the_six_languages_are_shipped() -> None:
    assert {"kk", "ru", "en", "ky", "uz", "tg"} <= set(SHIPPED)


@pytest.mark.parametrize("lang", SHIPPED)
def test_every_msgid_is_translated(lang: str) -> None:
    assert sorted(used_msgids() - set(catalog(lang, "site"))) == []


def msgids(lang: str, domain: str) -> set[str]:
    """Every msgid of a catalog, translated or not."""
    with (LOCALES_DIR / lang / "LC_MESSAGES" / f"{domain}.po").open("rb") as handle:
        return {str(m.id) for m in read_po(handle) if m.id}


DOMAINS = sorted(p.stem for p in (LOCALES_DIR / MSGID_LANGUAGE / "LC_MESSAGES").glob("*.po"))
"""Our catalog domains; the English catalogs list every msgid."""


@pytest.mark.parametrize(("lang", "domain"), [(lang, domain) for lang in SHIPPED
                                              for domain in DOMAINS if lang != MSGID_LANGUAGE])
def test_every_catalog_is_complete(lang: str, domain: str) -> None:
    assert sorted(msgids(MSGID_LANGUAGE, domain) - set(catalog(lang, domain))) == []


THEME_KEYS = re.compile(r'^\s*"([a-z.]+)": ', re.M)


@pytest.mark.parametrize("path", sorted((THEME / "partials" / "languages").glob("*.html")),
                         ids=lambda p: p.stem)
def test_our_theme_catalogs_have_every_key_of_the_theme(path: Path) -> None:
    import material

    english = Path(material.__file__).parent / "templates/partials/languages/en.html"
    assert set(THEME_KEYS.findall(english.read_text("utf-8"))) <= set(
        THEME_KEYS.findall(path.read_text("utf-8")))
    assert f'"language": "{path.stem}"' in path.read_text("utf-8")


def _theme_string(lang: str, key: str) -> str:
    text = catalog_path(lang, THEME_DOMAIN).read_text("utf-8")
    found = re.search(rf'"{re.escape(key)}": "([^"]*)"', text)
    assert found, (lang, key)
    return found.group(1)


@pytest.mark.parametrize("lang", SHIPPED)
def test_the_launcher_and_the_page_footer_say_previous_and_next_alike(lang: str) -> None:
    # In a package both are on screen: the launcher's bar and the page's footer.
    def fold(text: str) -> str:
        return text.replace("ё", "е")
    launcher = catalog(lang, "scorm")
    assert fold(launcher["Previous"]) == fold(_theme_string(lang, "footer.previous"))
    assert fold(launcher["Next"]) == fold(_theme_string(lang, "footer.next"))
