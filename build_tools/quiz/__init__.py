"""Knowledge checks: the ``/// quiz`` block parser (``parse``), its page script and its limits.

Nothing is imported here: the question types (:mod:`build_tools.questions`) use
the limits, and the parser uses the question types.
"""
