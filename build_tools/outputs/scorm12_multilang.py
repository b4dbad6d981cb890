"""SCORM 1.2 packages holding every language: one zip per module and one for the course.

One set of SCOs whose ids do not depend on the language; the learner picks the
language in the launcher and keeps everything done in another (see
:mod:`scorm.languages`). Made by :mod:`._scorm` like the one-language packages.
"""

from __future__ import annotations

from ._scorm import ScormOutput

OUTPUT = ScormOutput("1.2", multilingual=True)
