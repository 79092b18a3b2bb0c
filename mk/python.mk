# Python: the oxpar package over liboxpar (bindings/python), its tests and examples.
.PHONY: python-deps python-install python-test python-examples python-compare python-wheel-check \
	python-typecheck

PY_TEST_PACKAGES := numpy scipy cffi pytest hypothesis numba setuptools wheel threadpoolctl joblib dask distributed \
	mypy

python-deps:
	@$(PYTHON) -c "import numpy, scipy, cffi, pytest, hypothesis, numba, threadpoolctl, joblib, dask, distributed, mypy" \
		2>/dev/null || $(PYTHON) -m pip install -q $(PY_TEST_PACKAGES)

## Builds liboxpar (release) and installs the package, as a user would.
python-install: python-deps
	$(PYTHON) -m pip install -q ./bindings/python

python-test: python-install python-examples
	cd bindings/python && $(PYTHON) -m pytest -q -p no:cacheprovider tests

python-examples: python-install
	$(PYTHON) examples/python/gemm.py
	$(PYTHON) examples/python/complex_gemm.py
	$(PYTHON) examples/python/errors.py
	$(PYTHON) examples/python/linalg.py
	$(PYTHON) examples/python/mandelbrot_numba.py
	$(PYTHON) examples/python/opencl_kernel.py

# The wheel check's scratch folder (the wheel, a virtual environment).
PY_WHEEL_DIR := target/python-wheel

## Builds the wheel, installs it alone in a fresh virtual environment (NumPy
## and cffi from the system's site-packages) and runs a smoke test there with
## cargo and rustc off PATH: the package and its liboxpar come from the wheel.
python-wheel-check: python-deps
	rm -rf $(PY_WHEEL_DIR)
	$(PYTHON) -m pip wheel -q --no-deps --no-build-isolation ./bindings/python -w $(PY_WHEEL_DIR)/dist
	$(PYTHON) -m venv --system-site-packages $(PY_WHEEL_DIR)/venv
	$(PY_WHEEL_DIR)/venv/bin/python -m pip install -q --no-deps --no-index --force-reinstall $(PY_WHEEL_DIR)/dist/oxpar-*.whl
	cd $(PY_WHEEL_DIR) && nocargo=$$(echo "$$PATH" | tr ':' '\n' | \
		while read -r d; do [ -x "$$d/cargo" ] || [ -x "$$d/rustc" ] || printf '%s:' "$$d"; done) && \
		env -u LD_LIBRARY_PATH -u PYTHONPATH -u OXPAR_SOURCE_DIR PATH="$${nocargo%:}" \
		venv/bin/python $(CURDIR)/bindings/python/tests_wheel/smoke.py
	rm -rf $(PY_WHEEL_DIR)

## mypy --strict over the examples, against the installed package's types.
python-typecheck: python-install
	$(PYTHON) -m mypy --strict --cache-dir target/mypy-cache --config-file examples/python/mypy.ini examples/python

## oxpar next to NumPy, multiprocessing, threads and Numba; prints ratios.
python-compare: python-install
	$(PYTHON) benches/compare_python.py

## benches/linalg_compare.py: oxpar.linalg against pip's SciPy (the OpenBLAS
## its wheel bundles) and NumPy's stacked linalg; prints ratios. Runs in a
## private virtual environment (LINALG_COMPARE_DIR) holding pip's numpy,
## scipy, threadpoolctl and cffi and the package from ./bindings/python, so
## neither the system's SciPy nor the user's environment is used or changed.
## LINALG_COMPARE_ARGS passes arguments (e.g. "--sizes 512 1024 --ops eigh").
LINALG_COMPARE_DIR := target/linalg-compare
LINALG_COMPARE_PY := $(LINALG_COMPARE_DIR)/venv/bin/python
LINALG_COMPARE_ARGS ?=
.PHONY: linalg-compare
linalg-compare:
	@test -x $(LINALG_COMPARE_PY) || $(PYTHON) -m venv $(LINALG_COMPARE_DIR)/venv
	@$(LINALG_COMPARE_PY) -c "import numpy, scipy, threadpoolctl, cffi, wheel, setuptools as s; \
		assert int(s.__version__.split('.')[0]) >= 68" 2>/dev/null || \
		$(LINALG_COMPARE_PY) -m pip install -q numpy scipy threadpoolctl cffi "setuptools>=68" wheel
	$(LINALG_COMPARE_PY) -m pip install -q --no-build-isolation --no-deps ./bindings/python
	$(LINALG_COMPARE_PY) benches/linalg_compare.py $(LINALG_COMPARE_ARGS)
