"""YAML reading that keeps line numbers, so messages can point at the faulty line."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""LibYAML's loader when PyYAML has it: front matter of every page is parsed on each build."""


MAX_CHARS = 100_000
"""Longest YAML text read: ``course.yml`` or one page's front matter."""
MAX_EVENTS = 20_000
"""Most parser events (about two per key or value) in one YAML text."""


class YamlError(Exception):
    """Invalid YAML; ``line`` is 1-based within the text given."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class YamlDoc:
    """A parsed YAML mapping and the line of each top-level key."""

    data: dict[str, object]
    key_lines: dict[str, int]
    """1-based line of each top-level key within the text, and of the keys of mappings
    under them as ``key.subkey``."""

    def line(self, key: str, default: int = 1) -> int:
        """Return the line of ``key``, or ``default`` when it is absent."""
        return self.key_lines.get(key, default)


def load_mapping(text: str) -> YamlDoc:
    """Parse ``text`` as a YAML mapping (empty text gives an empty mapping).

    Raises:
        YamlError: the text is not valid YAML or not a mapping.
    """
    if len(text) > MAX_CHARS:
        return _raise(f"the YAML is {len(text)} characters long; at most {MAX_CHARS} are "
                      "read: move long text into the page", 1)
    loader = _Loader(text)
    try:  # one parse: compose the node tree (for key lines), then build values from it
        _refuse_aliases(text)
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        return _raise(f"invalid YAML: {problem}", mark.line + 1 if mark else None)
    finally:
        loader.dispose()
    if data is None:
        return YamlDoc({}, {})
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        return _raise(f"expected a mapping of 'key: value' lines, got {type(data).__name__}", 1)
    key_lines = {}
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode):
            key_lines[str(key.value)] = key.start_mark.line + 1
            if isinstance(value, yaml.MappingNode):  # one level down: title.kk
                key_lines.update({f"{key.value}.{sub.value}": sub.start_mark.line + 1
                                  for sub, _ in value.value if isinstance(sub, yaml.ScalarNode)})
    return YamlDoc({str(k): v for k, v in data.items()}, key_lines)


def load_node(text: str) -> yaml.Node | None:
    """Parse ``text`` into YAML's node tree, which keeps the line of every value.

    Raises:
        YamlError: the text is not valid YAML.
    """
    loader = _Loader(text)
    try:
        _refuse_aliases(text, limit=None)  # a long glossary is fine; an alias never is
        node: yaml.Node | None = loader.get_single_node()
        return node
    except yaml.YAMLError as exc:
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise YamlError(f"invalid YAML: {problem}", mark.line + 1 if mark else None) from None
    finally:
        loader.dispose()


def _refuse_aliases(text: str, limit: int | None = MAX_EVENTS) -> None:
    """Refuse ``*alias`` references and very large trees before any value is built.

    Aliases let a few lines expand into gigabytes (the "billion laughs"); an
    author never needs them in ``course.yml`` or front matter. Every alias starts
    with ``*``, and YAML makes fewer than two events of each character: a text
    without ``*`` that is short enough needs no look.
    """
    if "*" not in text and (limit is None or len(text) * 4 < limit):
        return
    for count, event in enumerate(yaml.parse(text, Loader=_Loader)):
        line = event.start_mark.line + 1 if event.start_mark else None
        if isinstance(event, yaml.AliasEvent):
            raise YamlError("anchors and aliases ('&name', '*name') are not allowed; write "
                            "the value out in full", line)
        if limit is not None and count > limit:
            raise YamlError(f"more than {limit // 2} values; this is not a settings "
                            "block", line)


def _raise(message: str, line: int | None) -> YamlDoc:
    raise YamlError(message, line)
