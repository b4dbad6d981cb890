"""What authors and translators run besides the build: preview, status, scaffolding.

``course serve`` (:mod:`.serve`) rebuilds through the same runner as ``course
build`` (:mod:`.incremental` for the rebuild after a save).
"""
