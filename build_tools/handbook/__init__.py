"""The printed handbook: built pages and questions typeset as A4 PDFs with Typst.

The prose of every lesson is taken from the built site, inside the
``data-course-content`` frame our plugin puts around each page's content, so
the handbook shows exactly what the site shows (every Markdown extension,
fallback pages, the same images). Questions are not taken from the page's
interactive form: the worksheet and the answer key are written from the
parsed questions, so correct answers travel from the sources to the trainer's
edition and never through the site's HTML.
"""
