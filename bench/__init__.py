"""The benchmark and the one synthetic course generator (``bench/generate.py``)."""
