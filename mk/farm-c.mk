# The task farm from C: the MPI suite under mpiexec and the C example.
# Included by mk/farm.mk (after mk/c.mk and mk/mpi.mk); run from the
# repository root. Everything built here goes under target/c/. The farm's
# tests on threads (tests/c/test_farm.c, kill-and-resume included) are part
# of the C test program: make c-test, make c-sanitizers.
#
#   make farm-c-test       tests/c-farm-mpi under mpiexec -n 1, 2, 3 and 4
#                          (MPI_RANKS), with MPI_Init and again with
#                          MPI_THREAD_MULTIPLE (threads on every rank); then
#                          at 3 ranks (FARM_TRANSPORT_RANKS) at each thread
#                          level MPI_Init_thread may give (SINGLE, FUNNELED,
#                          SERIALIZED, MULTIPLE), on the default transport
#                          and on TCP with the point-to-point one-sided
#                          component (FARM_TCP_MCA: a cluster without RDMA,
#                          where MPI progresses only inside MPI calls), each
#                          with the busy-rank-0 check; then farm-c-examples
#   make farm-c-examples   examples/c/farm_sweep.c on threads, then on 2 ranks
#
# Each mpiexec run has a deadline (MPI_TIMEOUT): a deadlock fails instead of
# hanging. As in mk/c.mk, checks of bugs found in liboxpar and not fixed yet
# fail until they are (tests/c-farm-mpi/test_farm_mpi.c lists them); to see
# the rest pass meanwhile:
#   make farm-c-test FARM_MPI_C_TEST_ARGS=--skip-known-bugs

.PHONY: farm-c-test farm-c-examples

MPICC ?= mpicc
FARM_MPI_C_TEST_SRCS := $(wildcard tests/c-farm-mpi/*.c)
FARM_MPI_C_TEST_BIN := $(C_BUILD)/oxpar_farm_mpi_c_tests
# Arguments for the test program (e.g. --skip-known-bugs).
FARM_MPI_C_TEST_ARGS ?=
FARM_C_EXAMPLE_BIN := $(C_BUILD)/examples/farm_sweep
# The transport of a cluster without RDMA, and the ranks the suite runs on
# there (shared with mk/farm-python.mk).
FARM_TCP_MCA ?= --mca btl tcp,self --mca osc pt2pt
FARM_TRANSPORT_RANKS ?= 3
FARM_THREAD_LEVELS ?= single funneled serialized multiple

## The MPI farm tests under mpiexec -n $(MPI_RANKS), then the example.
farm-c-test: lib-debug
	@mkdir -p $(C_BUILD)
	$(MPICC) $(C_TEST_CFLAGS) $(FARM_MPI_C_TEST_SRCS) -o $(FARM_MPI_C_TEST_BIN) $(C_DEBUG_LIBS)
	@failed=""; for n in $(MPI_RANKS); do \
		for mode in "" --thread-multiple; do \
			echo "$(MPI_TIMEOUT) $(MPIEXEC) -n $$n ./$(FARM_MPI_C_TEST_BIN) $$mode $(FARM_MPI_C_TEST_ARGS)"; \
			$(MPI_TIMEOUT) $(MPIRUN) -n $$n ./$(FARM_MPI_C_TEST_BIN) $$mode $(FARM_MPI_C_TEST_ARGS) \
				|| failed="$$failed $$n$${mode:+ ($$mode)}"; \
		done; \
	done; \
	for level in $(FARM_THREAD_LEVELS); do \
		for mca in "" "$(FARM_TCP_MCA)"; do \
			n=$(FARM_TRANSPORT_RANKS); \
			echo "$(MPI_TIMEOUT) $(MPIEXEC) $$mca -n $$n ./$(FARM_MPI_C_TEST_BIN) --thread-level=$$level $(FARM_MPI_C_TEST_ARGS)"; \
			$(MPI_TIMEOUT) $(MPIRUN) $$mca -n $$n ./$(FARM_MPI_C_TEST_BIN) --thread-level=$$level $(FARM_MPI_C_TEST_ARGS) \
				|| failed="$$failed $$n ($$level$${mca:+, $$mca})"; \
		done; \
	done; \
	if [ -n "$$failed" ]; then echo "farm-c-test: failed with$$failed rank(s)"; exit 1; fi
	@$(MAKE) --no-print-directory farm-c-examples

## examples/c/farm_sweep.c against target/debug: on threads, then on 2 ranks
## (both with --flaky, so that retries happen).
farm-c-examples: lib-debug
	@mkdir -p $(C_BUILD)/examples
	$(MPICC) -std=c99 $(C_WARN) -Iinclude examples/c/farm_sweep.c -o $(FARM_C_EXAMPLE_BIN) \
		$(C_DEBUG_LIBS)
	@echo "--- farm_sweep --flaky (threads)"
	./$(FARM_C_EXAMPLE_BIN) --flaky
	@echo "--- farm_sweep --mpi --flaky, $(MPIEXEC) -n 2"
	$(MPI_TIMEOUT) $(MPIRUN) -n 2 ./$(FARM_C_EXAMPLE_BIN) --mpi --flaky
