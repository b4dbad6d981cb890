"""SCORM 1.2 packages: one zip per module and one for the whole course, per language.

The packages are made by :mod:`._scorm`, which both SCORM outputs share.
"""

from __future__ import annotations

from ._scorm import ScormOutput

OUTPUT = ScormOutput("1.2")
