"""``course.yml``: course-level settings, validated with every problem collected."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..build.output_dirs import normalized, placement_problems
from ..codes import CODES
from ..diagnostics import LOCKED_CODES, Diagnostic, Severity, error
from ..languages.i18n import is_known_language
from .frontmatter import source_text
from .yamlfile import YamlDoc, YamlError, load_mapping

CONFIG_NAME = "course.yml"
ID_RE = re.compile(r"[a-z0-9][a-z0-9-]*")
"""An id: always matched whole (``fullmatch``), so no trailing newline slips through."""
DEFAULT_OUTPUTS = ("site", "scorm12", "scorm2004", "question_bank")
"""What a build makes when ``outputs`` is not set (handbooks only when listed)."""
RETAKE_RULES = ("best", "last", "none")
"""What the LMS keeps when a module test is taken again: the best result, the last
one, or only the first (later results are shown to the learner, never sent)."""
COMPLETION_RULES = ("pages-and-test", "pages")
"""When a module with a test is completed: every page seen and the test taken, or
every page seen. Modules without a test always complete on pages."""
KNOWN_KEYS = (
    "id", "title", "languages", "default_language", "source_language", "fallback",
    "pass_mark", "retake", "completion", "docs_dir", "site_dir", "dist_dir", "validation",
    "outputs", "academy", "version", "handbook",
)
HANDBOOK_EDITIONS = ("trainee", "trainer")
"""The printed handbook's editions: the trainer's adds the answer key."""


@dataclass(frozen=True)
class CourseConfig:
    """Validated contents of ``course.yml``."""

    root: Path
    id: str = "course"
    titles: dict[str, str] = field(default_factory=dict)
    languages: tuple[str, ...] = ()
    """The course's languages: ``languages`` of course.yml, which requires them."""
    default_language: str = ""
    source_language: str = ""
    fallback: tuple[str, ...] = ()
    pass_mark: int = 70
    retake: str = RETAKE_RULES[0]
    """One of :data:`RETAKE_RULES`."""
    completion: str = COMPLETION_RULES[0]
    """One of :data:`COMPLETION_RULES`."""
    docs_dir: str = "docs"
    site_dir: str = "site"
    dist_dir: str = "dist"
    severities: dict[str, Severity] = field(default_factory=dict)
    """Per diagnostic code: ``error``, ``warning`` or ``ignore``."""
    outputs: tuple[str, ...] = DEFAULT_OUTPUTS
    """What the build makes: names of :data:`build_tools.outputs.REGISTRY`."""
    academy: dict[str, str] = field(default_factory=dict)
    """The institution's name per language, shown on handbook covers."""
    version: str = ""
    """The course's edition (``2026.1``), shown on handbook covers."""
    handbook_editions: tuple[str, ...] = HANDBOOK_EDITIONS
    """The handbook's editions, when ``outputs`` lists ``handbook``."""
    lines: Mapping[str, int] = field(default_factory=dict)
    """1-based line of each key in ``course.yml`` (``title.kk`` for nested ones)."""

    def line(self, key: str) -> int | None:
        """Return the line of ``key`` (or of its parent key) in ``course.yml``."""
        return self.lines.get(key) or self.lines.get(key.split(".")[0])

    @property
    def path(self) -> Path:
        """The config file."""
        return self.root / CONFIG_NAME


def load_config(root: Path) -> tuple[CourseConfig | None, list[Diagnostic]]:
    """Read and validate ``root/course.yml``; ``None`` when it cannot be used at all."""
    path = root / CONFIG_NAME
    if not path.is_file():
        return None, [error(CONFIG_NAME, None, f"no '{CONFIG_NAME}' in '{root}'; run the "
                            "command from the course folder or pass --project", "config")]
    try:
        doc = load_mapping(source_text(path.read_text(encoding="utf-8")))
    except UnicodeDecodeError as exc:
        return None, [error(CONFIG_NAME, None, f"not valid UTF-8 ({exc.reason}); save the "
                            "file as UTF-8", "encoding")]
    except YamlError as exc:
        return None, [error(CONFIG_NAME, exc.line, str(exc), "config")]
    return _Validator(root, doc).run()


class _Validator:
    """Checks every key, collecting one diagnostic per problem."""

    def __init__(self, root: Path, doc: YamlDoc) -> None:
        self.root = root
        self.doc = doc
        self.diagnostics: list[Diagnostic] = []

    def fail(self, key: str, message: str) -> None:
        self.diagnostics.append(error(CONFIG_NAME, self.doc.line(key), message, "config"))

    def run(self) -> tuple[CourseConfig | None, list[Diagnostic]]:
        data = self.doc.data
        for key in data:
            if key == "scorm":
                self.fail(key, "'scorm' was replaced by 'outputs'; list what to build, such "
                          "as 'outputs: [site, scorm12, scorm2004]'")
            elif key not in KNOWN_KEYS:
                self.fail(key, f"unknown key '{key}'; expected one of {_quoted(KNOWN_KEYS)}")
        course_id = self.course_id(data.get("id"))
        languages = self.languages(data.get("languages"))
        default = self.one_language("default_language", languages)
        source = self.one_language("source_language", languages)
        fallback = self.fallback(data.get("fallback", list(languages)), languages)
        config = CourseConfig(
            root=self.root,
            id=course_id,
            titles=self.titles(data.get("title"), languages),
            languages=languages,
            default_language=default,
            source_language=source,
            fallback=fallback,
            pass_mark=self.pass_mark(data.get("pass_mark", 70)),
            retake=self.choice("retake", RETAKE_RULES),
            completion=self.choice("completion", COMPLETION_RULES),
            docs_dir=self.folder("docs_dir", "docs"),
            site_dir=self.folder("site_dir", "site"),
            dist_dir=self.folder("dist_dir", "dist"),
            severities=self.severities(data.get("validation", {})),
            outputs=self.outputs(data.get("outputs", list(DEFAULT_OUTPUTS))),
            academy=self.academy(data.get("academy", {}), languages),
            version=self.version(data.get("version", "")),
            handbook_editions=self.handbook(data.get("handbook")),
            lines=self.doc.key_lines,
        )
        if not self.diagnostics:
            outputs = {"site_dir": config.site_dir, "dist_dir": config.dist_dir}
            for key, message in placement_problems(self.root, config.docs_dir, outputs):
                self.fail(key, message)
        return (None if self.diagnostics else config), self.diagnostics

    def course_id(self, value: object) -> str:
        if not isinstance(value, str) or not ID_RE.fullmatch(value):
            self.fail("id", f"'id' must be lowercase letters, digits and '-', got {value!r}")
            return "course"
        return value

    def languages(self, value: object) -> tuple[str, ...]:
        if not isinstance(value, list) or not value:
            self.fail("languages",
                      f"'languages' must be a list such as [kk, ru, en], got {value!r}")
            return ()
        good = []
        for code in value:
            if not is_known_language(code):
                self.fail("languages", f"unknown language code {str(code)!r} in 'languages'; "
                          "use a two-letter ISO 639-1 code such as 'kk', 'ru' or 'en'")
            elif code in good:
                self.fail("languages", f"language {code!r} is listed twice in 'languages'")
            else:
                good.append(code)
        return tuple(good)

    def one_language(self, key: str, languages: tuple[str, ...]) -> str:
        value = self.doc.data.get(key, languages[0] if languages else "")
        if languages and value not in languages:
            self.fail(key, f"'{key}' must be one of {_quoted(languages)}, got {value!r}")
        return str(value)

    def fallback(self, value: object, languages: tuple[str, ...]) -> tuple[str, ...]:
        if not isinstance(value, list) or any(code not in languages for code in value):
            self.fail("fallback", f"'fallback' must list languages from {_quoted(languages)}, "
                      f"got {value!r}")
            return languages
        return tuple(value)

    def titles(self, value: object, languages: tuple[str, ...]) -> dict[str, str]:
        if not isinstance(value, dict):
            self.fail("title", "'title' must map each language to the course title, "
                      f"like '{_example(languages)}: ...', got {value!r}")
            return {}
        for lang in languages:
            if not isinstance(value.get(lang), str) or not value[lang].strip():
                self.fail("title", f"'title' has no title for language {lang!r}; add '{lang}: ...'")
        return {str(k): str(v) for k, v in value.items()}

    def pass_mark(self, value: object) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 100:
            self.fail("pass_mark", f"'pass_mark' must be a whole percent from 0 to 100, "
                      f"got {value!r}")
            return 70
        return value

    def choice(self, key: str, choices: tuple[str, ...]) -> str:
        value = self.doc.data.get(key, choices[0])
        if value not in choices:
            self.fail(key, f"'{key}' must be one of {_quoted(choices)}, got {value!r}")
            return choices[0]
        return str(value)

    def folder(self, key: str, default: str) -> str:
        value = self.doc.data.get(key, default)
        if (not isinstance(value, str) or not value.strip() or Path(value).is_absolute()
                or ".." in PurePosixPath(normalized(value)).parts
                or any(ord(c) < 32 or ord(c) == 127 for c in value)):
            self.fail(key, f"'{key}' must be a folder inside the project, such as "
                      f"'{default}', got {value!r}")
            return default
        return normalized(value)

    def severities(self, value: object) -> dict[str, Severity]:
        choices = tuple(s.value for s in Severity)
        if not isinstance(value, dict):
            self.fail("validation", "'validation' must map diagnostic codes to one of "
                      f"{_quoted(choices)}, got {value!r}")
            return {}
        result = {}
        for code, level in value.items():
            if code in LOCKED_CODES:
                self.fail("validation", f"'validation.{code}' cannot be set: problems with "
                          f"code '{code}' always stop the build; remove the line")
            elif code not in CODES:
                close = difflib.get_close_matches(str(code), list(CODES), n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                self.fail("validation", f"'validation' names {code!r}, which is not a "
                          f"diagnostic code; {hint}the codes are listed in the author's guide")
            elif level not in choices:
                self.fail("validation", f"'validation.{code}' must be one of {_quoted(choices)}, "
                          f"got {level!r}")
            else:
                result[str(code)] = Severity(level)
        return result

    def outputs(self, value: object) -> tuple[str, ...]:
        from ..outputs import REGISTRY

        names = tuple(REGISTRY)
        if not isinstance(value, list) or not value or any(
            not isinstance(v, str) or v not in names for v in value
        ):
            self.fail("outputs", f"'outputs' must list some of {_quoted(names)}, got {value!r}")
            return DEFAULT_OUTPUTS
        return tuple(dict.fromkeys(value))

    def academy(self, value: object, languages: tuple[str, ...]) -> dict[str, str]:
        if isinstance(value, str):
            return {lang: value for lang in languages}
        if not isinstance(value, dict) or not all(
                isinstance(v, str) and v.strip() for v in value.values()):
            self.fail("academy", "'academy' must be the institution's name, or map languages "
                      f"to it like '{_example(languages)}: ...', got {value!r}")
            return {}
        return {str(k): str(v) for k, v in value.items()}

    def version(self, value: object) -> str:
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.fail("version", f"'version' must be text such as \"2026.1\", got {value!r}")
            return ""
        return str(value)

    def handbook(self, value: object) -> tuple[str, ...]:
        if value is None:
            return HANDBOOK_EDITIONS
        editions = value.get("editions", list(HANDBOOK_EDITIONS)) \
            if isinstance(value, dict) else None
        if not isinstance(editions, list) or any(e not in HANDBOOK_EDITIONS for e in editions):
            self.fail("handbook", "'handbook.editions' must list some of "
                      f"{_quoted(HANDBOOK_EDITIONS)}, got {editions!r}")
            return ()
        return tuple(e for e in HANDBOOK_EDITIONS if e in editions)


def _quoted(values: tuple[str, ...]) -> str:
    return ", ".join(repr(v) for v in values)


def _example(languages: tuple[str, ...]) -> str:
    """A language code for an example in a message: the course's first one."""
    return languages[0] if languages else "<lang>"
