"""The project's benchmark: generated pages, the searcher against baselines, one table.

Run with ``python -m benchmarks`` (or ``make bench``); see benchmarks/README.md.
"""
