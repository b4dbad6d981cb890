"""SCORM 2004 (4th edition) packages: one zip per module and one for the course, per language.

The packages are made by :mod:`._scorm`, which both SCORM outputs share.
"""

from __future__ import annotations

from ._scorm import ScormOutput

OUTPUT = ScormOutput("2004")
