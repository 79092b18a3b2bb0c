# Real clients of liboxpar_blas: reference LAPACK's own test suite and
# Debian's NumPy and SciPy, each run over a chosen libblas.so.3 and compared
# with the same run over the reference BLAS. Included by the top-level
# Makefile after mk/blas.mk; run from the repository root. Everything written
# here goes under target/clients/ (ignored by git).
#
#   make clients-test        lapack-test and numpy-scipy-test, both run even
#                            when one fails
#   make lapack-test         LAPACK's testers (Debian's liblapack-test: lin,
#                            RFP, mixed precision and every eig input, all
#                            four precisions) over CLIENTS_BLAS_DIR with
#                            reference LAPACK; fails on a crash, on a test
#                            over its threshold that the reference BLAS
#                            passes (unless OpenBLAS and BLIS fail it too:
#                            those are listed with their ratios), or when
#                            another library answered
#                            (tests/clients/lapack_tests.py)
#   make numpy-scipy-test    Debian's python3-numpy and python3-scipy under
#                            /usr/bin/python3 over CLIENTS_BLAS_DIR: the
#                            import, the loaded libblas.so.3, the error
#                            handlers, and the numpy.linalg and scipy.linalg
#                            suites (-m "not slow") with the same failing
#                            tests as over the reference BLAS
#                            (tests/clients/numpy_scipy_tests.py)
#   make clients-selftest    proves the harnesses notice a wrong BLAS: their
#                            parsing and judging on canned output
#                            (tests/clients/test_harness.py), then a shim
#                            built under target/clients/broken (the
#                            reference with dgemm off by 1e6 ulps) must fail
#                            both, and the reference must pass
#   make clients-test-mixed  clients-test over a shim (target/clients/mixed)
#                            whose functions come from liboxpar_blas where it
#                            has them and from the reference BLAS otherwise:
#                            oxpar's real routines under LAPACK, NumPy and
#                            SciPy before its complex ones exist (LAPACK's
#                            s and d testers by default)
#   make scipy-bench         benches/scipy_lapack.py: lu_factor, cho_factor
#                            and solve at n = 2000 over liboxpar_blas and
#                            OpenBLAS's libblas.so.3 (reference LAPACK on
#                            both), with ratios; SCIPY_BENCH_ARGS passes
#                            --n, --repeats, --threads; SCIPY_BENCH_OXPAR
#                            the folder standing for oxpar (e.g.
#                            target/clients/mixed, after clients-test-mixed)
#
# CLIENTS_BLAS_DIR is the folder holding the libblas.so.3 under test
# (default: oxpar's target/blas/lib, built first by blas-lib); e.g.
# CLIENTS_BLAS_DIR=/usr/lib/x86_64-linux-gnu/openblas-pthread. The reference
# BLAS's results are cached under target/clients/*/cache, keyed by the files
# involved, so a second run costs only the library under test.
# LAPACK_TEST_THREADS (default 1: LAPACK's test matrices are small) is the
# thread count every BLAS gets in the testers; LAPACK_TEST_JOBS (default 2)
# testers run at a time; NUMPY_SCIPY_THREADS (default: the CPUs) is the
# count in pytest. LAPACK_TEST_SUITE is full (default), lin, eig or quick;
# LAPACK_TEST_PRECISIONS (default sdcz) any of s, d, c, z.
# NUMPY_SCIPY_PYTEST_ARGS passes more pytest arguments. OPENBLAS_CORETYPE
# passes through (OpenBLAS may not recognise a virtual CPU).
#
# Costs measured over the reference BLAS on 2 shared cores (load average 8
# to 11): lapack-test about 100 s per library (the reference's cached after
# the first run; OpenBLAS and BLIS run only when the library fails a test the
# reference passes, and are cached too), numpy-scipy-test 50 to 170 s per
# library.

.PHONY: clients-test lapack-test numpy-scipy-test clients-selftest clients-test-mixed scipy-bench

CLIENTS_BLAS_DIR ?= $(BLAS_LIB_DIR)
CLIENTS_BUILD := $(BLAS_TARGET)/clients
LAPACK_TEST_THREADS ?= 1
NUMPY_SCIPY_THREADS ?= $(shell nproc 2>/dev/null || echo 1)
CLIENTS_PYTHON ?= /usr/bin/python3
LAPACK_TEST_SUITE ?= full
LAPACK_TEST_PRECISIONS ?= sdcz
LAPACK_TEST_JOBS ?= 2
NUMPY_SCIPY_PYTEST_ARGS ?=
SCIPY_BENCH_OXPAR ?= $(BLAS_LIB_DIR)
SCIPY_BENCH_ARGS ?=
# oxpar's library is built first when it is the one under test.
CLIENTS_LIB_DEP := $(if $(filter $(BLAS_LIB_DIR),$(CLIENTS_BLAS_DIR)),blas-lib)

LAPACK_TEST_CMD = $(PYTHON) tests/clients/lapack_tests.py --threads $(LAPACK_TEST_THREADS) \
	--jobs $(LAPACK_TEST_JOBS) --work-dir $(CLIENTS_BUILD)/lapack
NUMPY_SCIPY_TEST_CMD = $(PYTHON) tests/clients/numpy_scipy_tests.py --python $(CLIENTS_PYTHON) \
	--threads $(NUMPY_SCIPY_THREADS) --work-dir $(CLIENTS_BUILD)/python

## Both client suites over CLIENTS_BLAS_DIR; runs both, then fails if either failed.
clients-test:
	@failed=""; \
	for t in lapack-test numpy-scipy-test; do \
		echo "=== $$t"; \
		$(MAKE) --no-print-directory $$t || failed="$$failed $$t"; \
	done; \
	if [ -n "$$failed" ]; then echo "clients-test: failed:$$failed"; exit 1; fi; \
	echo "clients-test: ok"

## LAPACK's test suite over CLIENTS_BLAS_DIR, compared with the reference BLAS.
lapack-test: $(CLIENTS_LIB_DEP)
	@$(LAPACK_TEST_CMD) --blas-dir $(CLIENTS_BLAS_DIR) --suite $(LAPACK_TEST_SUITE) \
		--precisions $(LAPACK_TEST_PRECISIONS)

## NumPy's and SciPy's linalg suites over CLIENTS_BLAS_DIR, compared with the reference BLAS.
numpy-scipy-test: $(CLIENTS_LIB_DEP)
	@$(NUMPY_SCIPY_TEST_CMD) --blas-dir $(CLIENTS_BLAS_DIR) --pytest-args "$(NUMPY_SCIPY_PYTEST_ARGS)"

## The harnesses must reject a BLAS with a wrong dgemm and accept the reference.
# Exit status 1 is a verdict; 2 (the harness could not run) is not.
clients-selftest:
	$(CLIENTS_PYTHON) -m pytest -q -p no:cacheprovider tests/clients/test_harness.py
	$(PYTHON) tests/clients/make_shim_blas.py $(CLIENTS_BUILD)/broken --break-dgemm
	@set -e; ref=/usr/lib/$(BLAS_MULTIARCH)/blas; \
	expect() { want=$$1; shift; rc=0; "$$@" >$(CLIENTS_BUILD)/selftest.log 2>&1 || rc=$$?; \
		tail -4 $(CLIENTS_BUILD)/selftest.log | sed 's/^/    | /'; \
		if [ $$rc -ne $$want ]; then echo "clients-selftest: FAIL: exit status $$rc, not $$want: $$*"; exit 1; fi; }; \
	echo "--- lapack-test over the broken BLAS (must fail)"; \
	expect 1 $(LAPACK_TEST_CMD) --label broken --blas-dir $(CLIENTS_BUILD)/broken --suite lin --precisions d --no-peers; \
	grep -q "failure(s) the reference BLAS passes" $(CLIENTS_BUILD)/selftest.log; \
	echo "--- lapack-test over the reference BLAS (must pass)"; \
	expect 0 $(LAPACK_TEST_CMD) --label reference-check --blas-dir $$ref --suite quick --precisions d; \
	echo "--- numpy-scipy-test over the broken BLAS (must fail)"; \
	expect 1 $(NUMPY_SCIPY_TEST_CMD) --label broken --blas-dir $(CLIENTS_BUILD)/broken; \
	grep -q "fail here, pass over the reference" $(CLIENTS_BUILD)/selftest.log; \
	echo "clients-selftest: ok: the broken BLAS was rejected by both, the reference accepted"

## clients-test over oxpar's functions completed by the reference BLAS's.
clients-test-mixed: blas-lib
	$(PYTHON) tests/clients/make_shim_blas.py $(CLIENTS_BUILD)/mixed --first $(BLAS_LIB_DIR)/liboxpar_blas.so
	@$(MAKE) --no-print-directory clients-test CLIENTS_BLAS_DIR=$(CLIENTS_BUILD)/mixed \
		LAPACK_TEST_PRECISIONS=$(if $(filter command line,$(origin LAPACK_TEST_PRECISIONS)),$(LAPACK_TEST_PRECISIONS),sd)

## SciPy's LU, Cholesky and solve at n = 2000: liboxpar_blas vs OpenBLAS's libblas.so.3.
scipy-bench: blas-lib
	$(CLIENTS_PYTHON) benches/scipy_lapack.py --oxpar $(SCIPY_BENCH_OXPAR) --openblas $(BLAS_OPENBLAS_DIR) \
		--work-dir $(CLIENTS_BUILD)/bench $(SCIPY_BENCH_ARGS)
