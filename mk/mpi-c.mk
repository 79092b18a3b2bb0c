# MPI from C: the C tests of the MPI backend under mpiexec, the C example
# and the MPI benchmarks. Included by mk/mpi.mk (after mk/c.mk); run from the
# repository root. Everything built here goes under target/c/.
#
#   make mpi-c-test       tests/c-mpi under mpiexec -n 1, 2, 3 and 4
#                         (MPI_RANKS), then mpi-c-examples
#   make mpi-c-tcp-test   the same tests on TCP with osc pt2pt instead of
#                         shared memory (another code path in Open MPI), -n 2, 3
#   make mpi-c-examples   examples/c/mpi_heat.c under mpiexec -n 1, 2 and 4
#   make mpi-bench        against target/release, under mpiexec -n 2 and -n 4:
#                         benches/mpi_dot.c (distributed ddot vs a local dot
#                         plus MPI_Allreduce) and benches/mpi_summa.c (SUMMA
#                         dgemm on p ranks x 1 thread vs p threads on one
#                         rank); then benches/mpi_python.py under -n 2, if
#                         it is there
#
# Each run has a deadline (MPI_TIMEOUT): a deadlock fails instead of hanging.
# As in mk/c.mk, checks of bugs found in liboxpar and not fixed yet fail until
# they are; to see the rest pass meanwhile:
#   make mpi-c-test MPI_C_TEST_ARGS=--skip-known-bugs

.PHONY: mpi-c-test mpi-c-tcp-test mpi-c-examples mpi-bench

MPICC ?= mpicc
MPI_C_TEST_SRCS := $(wildcard tests/c-mpi/*.c)
MPI_C_TEST_BIN := $(C_BUILD)/oxpar_mpi_c_tests
# Arguments for the test program (e.g. --skip-known-bugs).
MPI_C_TEST_ARGS ?=
MPI_C_EXAMPLE_RANKS ?= 1 2 4
MPI_BENCH_RANKS ?= 2 4
# Open MPI binds each rank to one core when there are at most 2 ranks (to a
# socket beyond): the threads of mpi_summa's one-rank peer would then share
# a single core. The benchmarks run unbound.
MPI_BENCH_FLAGS ?= --bind-to none

## The C tests of the MPI backend under mpiexec -n $(MPI_RANKS), then the example.
mpi-c-test: lib-debug
	@mkdir -p $(C_BUILD)
	$(MPICC) $(C_TEST_CFLAGS) $(MPI_C_TEST_SRCS) -o $(MPI_C_TEST_BIN) $(C_DEBUG_LIBS)
	@failed=""; for n in $(MPI_RANKS); do \
		echo "$(MPI_TIMEOUT) $(MPIEXEC) -n $$n ./$(MPI_C_TEST_BIN) $(MPI_C_TEST_ARGS)"; \
		$(MPI_TIMEOUT) $(MPIRUN) -n $$n ./$(MPI_C_TEST_BIN) $(MPI_C_TEST_ARGS) \
			|| failed="$$failed $$n"; \
	done; \
	if [ -n "$$failed" ]; then echo "mpi-c-test: failed with$$failed rank(s)"; exit 1; fi
	@$(MAKE) --no-print-directory mpi-c-examples

MPI_TCP_RANKS ?= 2 3
MPI_TCP_FLAGS := --mca btl tcp,self --mca osc pt2pt

## The C tests of the MPI backend over TCP and point-to-point one-sided, -n $(MPI_TCP_RANKS).
mpi-c-tcp-test: lib-debug
	@mkdir -p $(C_BUILD)
	$(MPICC) $(C_TEST_CFLAGS) $(MPI_C_TEST_SRCS) -o $(MPI_C_TEST_BIN) $(C_DEBUG_LIBS)
	@set -e; for n in $(MPI_TCP_RANKS); do \
		echo "$(MPI_TIMEOUT) $(MPIEXEC) $(MPI_TCP_FLAGS) -n $$n ./$(MPI_C_TEST_BIN) $(MPI_C_TEST_ARGS)"; \
		$(MPI_TIMEOUT) $(MPIRUN) $(MPI_TCP_FLAGS) -n $$n ./$(MPI_C_TEST_BIN) $(MPI_C_TEST_ARGS); \
	done

## examples/c/mpi_heat.c against target/debug, under mpiexec -n $(MPI_C_EXAMPLE_RANKS).
mpi-c-examples: lib-debug
	@mkdir -p $(C_BUILD)/examples
	$(MPICC) -std=c99 $(C_WARN) -Iinclude examples/c/mpi_heat.c -o $(C_BUILD)/examples/mpi_heat \
		$(C_DEBUG_LIBS)
	@set -e; for n in $(MPI_C_EXAMPLE_RANKS); do \
		echo "--- mpi_heat, $(MPIEXEC) -n $$n"; \
		$(MPI_TIMEOUT) $(MPIRUN) -n $$n ./$(C_BUILD)/examples/mpi_heat; \
	done

## Distributed ddot and SUMMA dgemm against their peers (release build).
mpi-bench: lib-release
	@mkdir -p $(C_BUILD)
	$(MPICC) -std=c99 $(C_WARN) -O2 -Iinclude benches/mpi_dot.c -o $(C_BUILD)/mpi_dot \
		$(C_RELEASE_LIBS)
	$(MPICC) -std=c99 $(C_WARN) -O2 -Iinclude benches/mpi_summa.c -o $(C_BUILD)/mpi_summa \
		$(C_RELEASE_LIBS)
	@set -e; for n in $(MPI_BENCH_RANKS); do \
		echo "--- mpi_dot, $(MPIEXEC) -n $$n"; \
		$(MPI_TIMEOUT) $(MPIRUN) $(MPI_BENCH_FLAGS) -n $$n ./$(C_BUILD)/mpi_dot; \
		echo "--- mpi_summa, $(MPIEXEC) -n $$n"; \
		$(MPI_TIMEOUT) $(MPIRUN) $(MPI_BENCH_FLAGS) -n $$n ./$(C_BUILD)/mpi_summa; \
	done
	@if [ -f benches/mpi_python.py ]; then \
		echo "--- $(PYTHON) benches/mpi_python.py, $(MPIEXEC) -n 2"; \
		$(MPI_TIMEOUT) $(MPIRUN) -n 2 $(PYTHON) benches/mpi_python.py; \
	else \
		echo "--- benches/mpi_python.py is not there: skipped"; \
	fi
