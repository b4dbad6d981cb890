"""The trainee-facing site: what the ``course`` MkDocs plugin adds to Material.

One module per concern: :mod:`.urls` (where each language's pages live),
:mod:`.fallback` (pages missing in a language), :mod:`.frame` (the page frame:
language menu, UI strings, dates, 404), :mod:`.search_index` (the offline
search index).
"""
