# MPI from Python: the oxpar package's MPI suite (bindings/python/tests_mpi)
# under mpiexec -n 1..4, the distributed heat example, and the ddot benchmark
# against NumPy + mpi4py. Included by mk/mpi.mk (MPIRUN, MPI_TIMEOUT,
# MPI_RANKS come from there); run from the repository root.

.PHONY: mpi-python-deps mpi-python-test mpi-python-examples mpi-python-bench

MPI_PY_EXAMPLE_RANKS ?= 1 2 4
MPI_PY_BENCH_RANKS ?= 2 4
# Every rank runs the whole suite; a failure on any rank aborts the job.
MPI_PYTEST := $(PYTHON) -m pytest -q -p no:cacheprovider --color=no bindings/python/tests_mpi

define mpi_python_heat
@for n in $(MPI_PY_EXAMPLE_RANKS); do \
		echo "== examples/python/mpi_heat.py on $$n rank(s)"; \
		$(MPI_TIMEOUT) $(MPIRUN) -n $$n $(PYTHON) examples/python/mpi_heat.py || exit 1; \
	done
endef

## mpi4py (its wheel works with the system's Open MPI).
mpi-python-deps:
	@$(PYTHON) -c "import mpi4py" 2>/dev/null || $(PYTHON) -m pip install -q mpi4py

## The Python MPI suite under mpiexec -n $(MPI_RANKS), then the example.
mpi-python-test: mpi-python-deps python-install
	@for n in $(MPI_RANKS); do \
		echo "== bindings/python/tests_mpi on $$n rank(s)"; \
		$(MPI_TIMEOUT) $(MPIRUN) -n $$n $(MPI_PYTEST) || exit 1; \
	done
	$(mpi_python_heat)

## The heat-equation example (checked bitwise against a serial run) on 1, 2, 4 ranks.
mpi-python-examples: mpi-python-deps python-install
	$(mpi_python_heat)

## Distributed ddot: oxpar vs NumPy + mpi4py (allreduce, Allreduce); ratios.
mpi-python-bench: mpi-python-deps python-install
	@for n in $(MPI_PY_BENCH_RANKS); do \
		$(MPI_TIMEOUT) $(MPIRUN) -n $$n $(PYTHON) benches/mpi_python.py || exit 1; \
	done
