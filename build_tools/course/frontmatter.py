"""Split a Markdown source into its YAML front matter and body."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .yamlfile import YamlDoc, YamlError, load_mapping


@dataclass(frozen=True)
class SourceText:
    """A Markdown file split into front matter and body."""

    meta: YamlDoc
    body: str
    body_line: int
    """1-based line of the file on which the body starts."""


class FrontMatterError(YamlError):
    """Front matter that cannot be read; ``line`` is 1-based in the file."""


def source_text(text: str) -> str:
    """Return a source file's text as every reader sees it.

    Without a byte order mark, with Unix line ends, and in Unicode NFC: text
    typed in decomposed form (``и`` + U+0306 for ``й``) compares, searches and
    sorts like the same text typed composed.
    """
    return unicodedata.normalize("NFC", text.removeprefix("\ufeff").replace("\r\n", "\n"))


def split(text: str) -> SourceText:
    """Split ``text`` into front matter and body.

    Raises:
        FrontMatterError: the front matter is not closed or not a YAML mapping.
    """
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return SourceText(YamlDoc({}, {}), text, 1)
    for end in range(1, len(lines)):
        if lines[end].rstrip() in ("---", "..."):
            break
    else:
        raise FrontMatterError(
            "front matter starts with '---' but is never closed; add a '---' line after it", 1
        )
    try:
        meta = load_mapping("\n".join(lines[1:end]))
    except YamlError as exc:
        line = exc.line + 1 if exc.line is not None else 1
        raise FrontMatterError(f"front matter: {exc}", line) from None
    shifted = YamlDoc(meta.data, {k: v + 1 for k, v in meta.key_lines.items()})
    return SourceText(shifted, "\n".join(lines[end + 1 :]), end + 2)


def set_key(text: str, key: str, value: str) -> str:
    """Return ``text`` with front matter ``key: value`` set, every other line kept as is.

    An existing ``key:`` line is replaced; otherwise the line is added at the end of
    the front matter, which is created when the file has none.
    """
    newline = "\r\n" if "\r\n" in text else "\n"
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    lines = text.removeprefix(bom).split(newline)
    entry = f"{key}: {value}"
    if not lines or lines[0].rstrip() != "---":
        return bom + newline.join(["---", entry, "---", *lines])
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        raise FrontMatterError("front matter starts with '---' but is never closed; add a "
                               "'---' line after it", 1)
    for i in range(1, end):
        if lines[i].split(":", 1)[0].strip() == key and not lines[i].startswith((" ", "\t")):
            lines[i] = entry
            break
    else:
        lines.insert(end, entry)
    return bom + newline.join(lines)
