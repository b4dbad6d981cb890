"""Input limits of knowledge checks, shared by the page script and the SCORM packages.

The SCORM stage computes the worst-case size of ``suspend_data`` from these,
so the page script never stores more than they allow.
"""

TEXT_MAX_LENGTH = 60
"""Most characters a learner can type into a text answer (``maxlength``)."""

NUMBER_MAX_LENGTH = 16
"""Most characters a learner can type into a numeric answer (``maxlength``)."""
