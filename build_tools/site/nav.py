"""The site navigation, rendered once per folder instead of once per page.

Material renders the whole navigation tree into every page, so a language of
n pages costs n renders of an n-item tree. Only the items on the way to the
current page differ between pages of one folder (they are open and marked);
every other item's HTML depends on its place in the tree and on the folder
its links are relative to. ``partials/nav-item.html`` hands each item the
page is not in to :class:`NavCache`, which renders it the first time and
returns the same HTML for every other page of that folder. The pages' bytes
are those of rendering each item every time. Only the folder rendered last is
kept: its pages come one after the other, and the items of every folder of a
language would grow with the square of its pages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup


class NavCache:
    """The HTML of navigation items no page of a folder is in, per folder (one language)."""

    def __init__(self) -> None:
        self.rendered: dict[tuple[int, str, int, bool | None], Markup] = {}
        """The items rendered for the pages of :attr:`folder`."""
        self.folder: str | None = None
        """The folder of the page rendered last."""

    def __call__(self, item: Any, path: str, level: int, parent_open: bool | None, page: Any, *,
                 caller: Callable[[], Markup]) -> Markup:
        """Return the HTML ``caller`` renders for ``item``, rendered once per folder.

        ``item`` is not the current ``page`` nor one of its sections; ``path``
        and ``level`` are its place in the tree; Material marks the item by
        whether its parent is open (``None``: it has none).
        """
        if page is None:  # a static template (404): links relative to its base_url
            return caller()
        here = folder(page)
        if here != self.folder:  # MkDocs renders a folder's pages one after the other
            self.rendered, self.folder = {}, here
        key = (id(item), path, level, parent_open)
        found = self.rendered.get(key)
        if found is None:
            found = self.rendered[key] = caller()
        return found


def folder(page: Any) -> str:
    """Return what the links of ``page`` are relative to, as MkDocs' ``url`` filter has it.

    :func:`mkdocs.utils.get_relative_url`: the page's URL without a last part
    that has a dot (a file name).
    """
    url = str(page.url)
    head, _, tail = url.rpartition("/")
    return head if "." in tail else url
