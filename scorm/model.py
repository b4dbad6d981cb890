"""What a SCORM package contains, independent of any site generator. No I/O here.

A :class:`Package` is one zip file: one organization (the tree the LMS shows),
the resources it launches and the bytes of every file. Each SCO carries the
tracking facts its launcher needs (:class:`Sco`): pages in order, questions with
their compact indexes and the mastery score.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Version = Literal["1.2", "2004"]
QuestionType = str
"""The page script's name of the question's type (``single``, ``numeric``...)."""
Retake = Literal["best", "last", "none"]
"""Which test result the LMS keeps when the test is taken again (see ``Sco.retake``)."""
Completion = Literal["pages-and-test", "pages"]
"""When a SCO with a test reports completion (see ``Sco.completion``)."""

SUSPEND_LIMITS: dict[str, int] = {"1.2": 4096, "2004": 64000}
"""Characters of ``suspend_data`` every LMS must keep: SCORM 1.2 RTE 3.4.2.2.2
(CMIString4096) and SCORM 2004 RTE 4.2.24 (characterstring, SPM 64000)."""

TEXT_MAX = 60
"""Longest typed answer to a text question (the input's ``maxlength``)."""
NUMERIC_MAX = 16
"""Longest typed answer to a numeric question (the input's ``maxlength``)."""


@dataclass(frozen=True)
class TrackedQuestion:
    """A question as the launcher tracks it; its position in ``Sco.questions`` is its index."""

    id: str
    """The author's stable id, used as the interaction id."""
    page_id: str
    """Id of the page the question is on."""
    type: QuestionType
    options: int = 0
    """Number of options of a choice question."""
    interaction: str = ""
    """The SCORM interaction type (``choice``, ``true-false``, ``numeric``, ``fill-in``)."""
    patterns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """The correct-response patterns the launcher records, by SCORM version."""
    worst: tuple[str, ...] = ()
    """The longest answer the launcher may keep for it in ``suspend_data``."""
    most_patterns: int = 1
    """Correct responses the LMS keeps for it; a multilingual package merges its
    translations' patterns up to this many."""


@dataclass(frozen=True)
class ScoPage:
    """One page a SCO shows, in reading order."""

    id: str
    href: str
    """Path inside the package, ``/``-separated."""
    title: str


@dataclass(frozen=True)
class ScoLanguage:
    """A SCO's title and pages in one language of a multilingual package."""

    lang: str
    title: str
    pages: tuple[ScoPage, ...]
    """The same page ids in the same order as :attr:`Sco.pages`, with this language's
    paths and titles."""


@dataclass(frozen=True)
class Sco:
    """Tracking facts of one SCO, written into its launcher's configuration.

    ``title`` and ``pages`` are in the package's first language; a multilingual
    package also lists every language in ``languages``. Questions and page ids do
    not depend on the language, so what the learner did in one language counts in
    every other.
    """

    id: str
    """Short id (a module id); names the launch file and identifiers."""
    title: str
    pages: tuple[ScoPage, ...]
    questions: tuple[TrackedQuestion, ...] = ()
    mastery_score: int | None = None
    """Percent needed to pass the test, or ``None`` when the SCO has no test."""
    retake: Retake = "best"
    """``best``: a lower result of a later try is shown, never sent over a better one;
    ``last``: every try's result is sent; ``none``: only the first result is sent."""
    completion: Completion = "pages-and-test"
    """``pages-and-test``: completed when every page was seen and the test was taken;
    ``pages``: completed when every page was seen. Without a test, always on pages."""
    languages: tuple[ScoLanguage, ...] = ()
    """Every language of a multilingual package, the first (the default) included;
    empty in a one-language package."""

    @property
    def launch_href(self) -> str:
        """The SCO's launch page (the launcher)."""
        return f"launch_{self.id}.html"


@dataclass(frozen=True)
class Resource:
    """A resource of the manifest: a SCO or a shared asset bundle."""

    identifier: str
    files: tuple[str, ...]
    """Every file of the resource, package-relative and ``/``-separated."""
    href: str | None = None
    """The launch file (SCOs only)."""
    scorm_type: Literal["sco", "asset"] = "asset"
    dependencies: tuple[str, ...] = ()
    """Identifiers of resources this one uses."""


@dataclass(frozen=True)
class Item:
    """An entry of the organization; leaf items launch a resource."""

    identifier: str
    title: str
    resource: str | None = None
    """Identifier of the launched resource."""
    mastery_score: int | None = None
    """Percent needed to pass (``adlcp:masteryscore`` / ``minNormalizedMeasure``)."""
    objective_id: str | None = None
    """Id of the primary objective (2004), derived from the module id."""
    children: tuple[Item, ...] = ()
    tracked: bool = True
    """False for a page the LMS shows but does not track (an asset, such as a glossary)."""


@dataclass(frozen=True)
class Organization:
    """The tree of items the LMS shows."""

    identifier: str
    title: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Package:
    """One SCORM package in one SCORM version, in one language or in several."""

    identifier: str
    version: Version
    lang: str
    title: str
    organization: Organization
    resources: tuple[Resource, ...]
    scos: tuple[Sco, ...]
    files: Mapping[str, bytes] = field(default_factory=dict)
    """Content of every file except the manifest and the schemas, by package path."""
    labels: Mapping[str, str] = field(default_factory=dict)
    """Launcher texts in the package's language (``previous``, ``next``, ``pages``)."""
    languages: tuple[str, ...] = ()
    """Every language of a multilingual package, ``lang`` (the default) first; empty
    in a one-language package."""
    language_labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """The launcher texts of each language of a multilingual package (keys as ``labels``)."""
    titles: Mapping[str, str] = field(default_factory=dict)
    """The package's title in each language of a multilingual package, for the metadata."""

    @property
    def all_languages(self) -> tuple[str, ...]:
        """The languages the package holds: ``languages``, or just ``lang``."""
        return self.languages or (self.lang,)

    @property
    def suspend_limit(self) -> int:
        """Characters of ``suspend_data`` the LMS must keep for this version."""
        return SUSPEND_LIMITS[self.version]


def resource_id(sco_id: str) -> str:
    """Return the manifest identifier of the resource of SCO ``sco_id``."""
    return f"RES-{sco_id}"


def item_id(sco_id: str) -> str:
    """Return the manifest identifier of the item launching SCO ``sco_id``."""
    return f"ITEM-{sco_id}"
