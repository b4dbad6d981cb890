"""Python-Markdown extensions of the course format, one module per extension."""
