"""SCORM 1.2 and 2004 packages from a built site; depends only on the stdlib and lxml."""
