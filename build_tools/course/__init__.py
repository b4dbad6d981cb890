"""The course model and how it is read: ``course.yml``, ``docs/<lang>/`` and ``glossary.yml``.

:mod:`.model` holds every fact a stage or an output needs, with no I/O;
:mod:`.loader` reads the sources into it once per build; :mod:`.config` is
``course.yml``; :mod:`.markdown_source` is what Python-Markdown makes of a page
(links, images, anchors with their lines); :mod:`.tracking` is a module as the
LMS tracks it.
"""
