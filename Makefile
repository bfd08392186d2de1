PYTHON ?= .venv/bin/python

.PHONY: bench
bench:
	$(PYTHON) -m benchmarks $(BENCH_ARGS)
