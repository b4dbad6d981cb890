"""Per-language data: search rules and stemmers, letters, fonts coverage, endonyms, UI catalogs.

Adding a language needs no code: its search rules are a table in ``tables/``,
its letters come from the Unicode CLDR (``cldr/``).
"""

from .search import normalize, rules, stem, words

__all__ = ["normalize", "rules", "stem", "words"]
