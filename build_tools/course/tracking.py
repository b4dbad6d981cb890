"""A module as the LMS tracks it (:class:`scorm.model.Sco`), made from the course model.

The one place that decides a SCO's pages, questions, pass mark and rules: the
package writer (:mod:`build_tools.outputs._scorm`) and ``course check``'s proof
that the saved state fits (:mod:`build_tools.checks.packaging`) both call it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from scorm.model import Completion, Retake, Sco, ScoPage

from ..questions import tracked
from .model import Course, Lesson, Module


def module_sco(course: Course, module: Module, lang: str,
               href: Callable[[Lesson], str | None]) -> Sco | None:
    """Return the SCO of ``module`` in ``lang``, or ``None`` when it has no page.

    ``href(lesson)`` says where a page is in the package, or ``None`` to leave
    it out; a page a language lacks is the one :meth:`Course.fallback_for` shows.
    """
    pages, questions = [], []
    for lesson in (module.index, *module.lessons):
        page = course.fallback_for(lesson, lang)
        path = href(lesson) if page is not None else None
        if page is None or path is None:
            continue
        pages.append(ScoPage(lesson.id, path, page.title))
        questions += [tracked(q, lesson.id) for q in page.questions]
    if not pages:
        return None
    config = course.config
    return Sco(module.id, course.title_of(module.index, lang), tuple(pages), tuple(questions),
               module.pass_mark if module.test is not None else None,
               retake=cast(Retake, config.retake), completion=cast(Completion, config.completion))
