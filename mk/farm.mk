# The task farm: its C, Fortran and Python suites (threads, and MPI ranks
# under mpiexec), examples and the benchmark. Included by the top-level
# Makefile; run from the repository root. The Rust suites run in test-rust
# (threads, kill-and-resume) and farm-rust-mpi-test (mpiexec -n 1..4).

.PHONY: farm-test farm-rust-mpi-test farm-rust-examples farm-rust-bench farm-transport-bench

## Every farm suite and example.
farm-test: farm-rust-mpi-test farm-rust-examples farm-c-test farm-fortran-test farm-python-test

## The Rust farm over MPI ranks (it launches itself under mpiexec -n 1..4,
## on the default transport and on TCP with osc pt2pt).
farm-rust-mpi-test:
	$(MPI_ENV) $(CARGO) test -q -p oxpar-farm --features mpi --test mpi_farm

## The Rust parameter-sweep example, on threads and on 2 ranks.
farm-rust-examples:
	$(CARGO) build -q -p oxpar-examples --features mpi --bin farm_sweep
	./target/debug/farm_sweep
	$(MPI_TIMEOUT) $(MPIRUN) -n 2 ./target/debug/farm_sweep

-include mk/farm-c.mk
-include mk/farm-fortran.mk
-include mk/farm-python.mk

## The farm's own cost from Rust (10^4 tiny tasks, 200 skewed ones) on 2
## threads and on 2 and 4 ranks; `make farm-bench` adds the Python peers.
farm-rust-bench:
	$(CARGO) build -q --release -p oxpar-benches --features mpi --bin farm_bench
	./target/release/farm_bench threads:2
	for n in 2 4; do $(MPI_TIMEOUT) $(MPIRUN) --bind-to none -n $$n ./target/release/farm_bench mpi+threads || exit 1; done

## The farm's makespan with a busy rank 0 (3 ranks, rank 0's tasks 0.5 s, the
## others' 5 ms) on TCP with osc pt2pt, as a ratio of the one on shared memory
## (goal <= 1.5), best of FARM_TRANSPORT_ROUNDS rounds.
FARM_TRANSPORT_ROUNDS ?= 3
farm-transport-bench:
	$(CARGO) build -q --release -p oxpar-benches --features mpi --bin farm_transport
	$(MPI_TIMEOUT) env $(MPI_ENV) ./target/release/farm_transport $(FARM_TRANSPORT_ROUNDS)
