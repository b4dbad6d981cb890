"""Outputs a build writes from the course model besides the site and the SCORM packages."""
