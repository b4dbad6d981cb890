"""Outputs a build writes from the course model and the built site, besides the site itself."""
