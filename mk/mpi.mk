# MPI: the suites of every language under mpiexec (Open MPI), examples and
# the benchmark. Included by the top-level Makefile; run from the repository
# root.
#
#   make mpi-test       Rust (also over TCP), C, Fortran and Python suites under mpiexec -n 1..4,
#                       then the examples
#   make mpi-rust-tcp-test  the Rust suites (real and complex) on TCP with
#                       osc pt2pt instead of shared memory, -n 1..3
#                       (mpi-c-tcp-test: the C suite likewise, -n 2, 3)
#   make mpi-bench      distributed ddot vs C (local dot + MPI_Allreduce) and
#                       mpi4py; SUMMA dgemm on 2 ranks vs 2 threads on one rank
#
# As root, Open MPI wants OMPI_ALLOW_RUN_AS_ROOT(_CONFIRM); more ranks than
# cores need --oversubscribe. The suites use Open MPI: MPICH works too, but
# oversubscribed it takes ~5 ms per collective.

.PHONY: mpi-test mpi-rust-test mpi-rust-tcp-test mpi-rust-examples mpi-info

MPIEXEC ?= mpiexec
MPI_RANKS ?= 1 2 3 4
MPI_ENV := OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1 \
	RUST_BACKTRACE=0
MPIRUN := env $(MPI_ENV) $(MPIEXEC) --oversubscribe
# Per-run deadline: a deadlock fails the suite instead of hanging it.
MPI_TIMEOUT := timeout 300

## Every MPI suite and example (the Rust suite runs in test-rust).
mpi-test: mpi-rust-examples mpi-info mpi-rust-tcp-test mpi-c-test mpi-c-tcp-test mpi-fortran-test mpi-python-test

## The Rust suites, real and complex (each launches itself under mpiexec -n 1..4).
mpi-rust-test:
	$(MPI_ENV) $(CARGO) test -q -p oxpar-mpi

## The Rust suites over TCP and point-to-point one-sided (another code path in Open MPI).
mpi-rust-tcp-test:
	OXPAR_MPI_RANKS=1,2,3 OXPAR_MPIEXEC_FLAGS="--oversubscribe --mca btl tcp,self --mca osc pt2pt" \
		$(MPI_ENV) $(CARGO) test -q -p oxpar-mpi --test mpi_suite --test mpi_complex

## The Rust heat-stencil example, checked against the serial run, on 1, 2 and 4 ranks.
mpi-rust-examples:
	$(CARGO) build -q -p oxpar-examples --features mpi --bin mpi_heat
	for n in 1 2 4; do $(MPI_TIMEOUT) $(MPIRUN) -n $$n ./target/debug/mpi_heat || exit 1; done

## `oxpar info` under mpiexec: ranks, nodes and each rank's thread budget.
mpi-info:
	$(CARGO) build -q -p oxpar-cli --features mpi
	$(MPI_TIMEOUT) $(MPIRUN) -n 2 ./target/debug/oxpar info --mpi

-include mk/mpi-c.mk
-include mk/mpi-fortran.mk
-include mk/mpi-python.mk
