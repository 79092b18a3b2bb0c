# Python: the oxpar package over liboxpar (bindings/python), its tests and examples.
.PHONY: python-deps python-install python-test python-examples python-compare

PY_TEST_PACKAGES := numpy cffi pytest hypothesis numba setuptools wheel

python-deps:
	@$(PYTHON) -c "import numpy, cffi, pytest, hypothesis, numba" 2>/dev/null || \
		$(PYTHON) -m pip install -q $(PY_TEST_PACKAGES)

## Builds liboxpar (release) and installs the package, as a user would.
python-install: python-deps
	$(PYTHON) -m pip install -q ./bindings/python

python-test: python-install python-examples
	cd bindings/python && $(PYTHON) -m pytest -q -p no:cacheprovider tests

python-examples: python-install
	$(PYTHON) examples/python/gemm.py
	$(PYTHON) examples/python/errors.py
	$(PYTHON) examples/python/mandelbrot_numba.py
	$(PYTHON) examples/python/opencl_kernel.py

## oxpar next to NumPy, multiprocessing, threads and Numba; prints ratios.
python-compare: python-install
	$(PYTHON) benches/compare_python.py
