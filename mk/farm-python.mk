# The task farm from Python (oxpar.farm): its threads suite, its MPI suite
# under mpiexec, the parameter-sweep example and the benchmark against
# process and thread pools. Included by mk/farm.mk (after mk/python.mk and
# mk/mpi.mk, which define PYTHON, MPIRUN, MPI_TIMEOUT and MPI_RANKS); run
# from the repository root.
#
#   make farm-python-test      bindings/python/tests/test_farm.py (threads,
#                              kill-and-resume included), then
#                              tests_mpi/test_farm_mpi.py under mpiexec -n
#                              1..4 (MPI_RANKS), then at 3 ranks
#                              (FARM_TRANSPORT_RANKS) at each thread level
#                              mpi4py may initialize MPI with
#                              (MPI4PY_RC_THREAD_LEVEL; its default is
#                              multiple): the whole file on TCP with osc
#                              pt2pt (FARM_TCP_MCA, see mk/farm-c.mk), the
#                              busy-rank-0 test on the default transport;
#                              then farm-python-example
#   make farm-python-example   examples/python/farm_sweep.py on threads, then
#                              on 2 ranks
#   make farm-bench            farm-rust-bench and farm-transport-bench
#                              (mk/farm.mk: the makespan on TCP with osc
#                              pt2pt as a ratio of the one on shared memory),
#                              then benches/farm_python.py on threads (oxpar
#                              vs multiprocessing and concurrent.futures),
#                              then on 2 and 4 ranks
#
# Each mpiexec run has a deadline (MPI_TIMEOUT): a deadlock fails instead of
# hanging.

.PHONY: farm-python-test farm-python-example farm-bench

FARM_PY_EXAMPLE_RANKS ?= 2
FARM_PY_BENCH_RANKS ?= 2 4
FARM_PY_MPI_PYTEST := $(PYTHON) -m pytest -q -p no:cacheprovider --color=no bindings/python/tests_mpi/test_farm_mpi.py

# The example on threads, then under mpiexec (shared by the two targets, so
# that farm-python-test installs the package once).
define farm_python_example
$(PYTHON) examples/python/farm_sweep.py
@set -e; for n in $(FARM_PY_EXAMPLE_RANKS); do \
		echo "$(MPIEXEC) -n $$n $(PYTHON) examples/python/farm_sweep.py"; \
		$(MPI_TIMEOUT) $(MPIRUN) -n $$n $(PYTHON) examples/python/farm_sweep.py; \
	done
endef

## The Python farm: threads suite, MPI suite on $(MPI_RANKS) ranks, the example.
farm-python-test: python-install mpi-python-deps
	cd bindings/python && $(PYTHON) -m pytest -q -p no:cacheprovider tests/test_farm.py
	@set -e; for n in $(MPI_RANKS); do \
		echo "== bindings/python/tests_mpi/test_farm_mpi.py on $$n rank(s)"; \
		$(MPI_TIMEOUT) $(MPIRUN) -n $$n $(FARM_PY_MPI_PYTEST); \
	done
	@set -e; n=$(FARM_TRANSPORT_RANKS); for level in $(FARM_THREAD_LEVELS); do \
		echo "== test_farm_mpi.py on $$n ranks, $(FARM_TCP_MCA), MPI4PY_RC_THREAD_LEVEL=$$level"; \
		MPI4PY_RC_THREAD_LEVEL=$$level $(MPI_TIMEOUT) $(MPIRUN) $(FARM_TCP_MCA) -n $$n $(FARM_PY_MPI_PYTEST) -s; \
		if [ $$level != multiple ]; then \
			echo "== busy rank 0 on $$n ranks, default transport, MPI4PY_RC_THREAD_LEVEL=$$level"; \
			MPI4PY_RC_THREAD_LEVEL=$$level $(MPI_TIMEOUT) $(MPIRUN) -n $$n $(FARM_PY_MPI_PYTEST) -s -k busy_rank_0; \
		fi; \
	done
	$(farm_python_example)

## examples/python/farm_sweep.py on a threads context, then on $(FARM_PY_EXAMPLE_RANKS) ranks.
farm-python-example: python-install mpi-python-deps
	$(farm_python_example)

## oxpar.farm vs multiprocessing.Pool, ProcessPoolExecutor and ThreadPoolExecutor
## (threads), then oxpar.farm on an "mpi+threads" context over 2 and 4 ranks.
farm-bench: farm-rust-bench farm-transport-bench python-install mpi-python-deps
	$(PYTHON) benches/farm_python.py
	@set -e; for n in $(FARM_PY_BENCH_RANKS); do \
		echo; echo "== $(MPIEXEC) --bind-to none -n $$n $(PYTHON) benches/farm_python.py"; \
		$(MPI_TIMEOUT) $(MPIRUN) --bind-to none -n $$n $(PYTHON) benches/farm_python.py; \
	done
