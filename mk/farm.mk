# The task farm: its C, Fortran and Python suites (threads, and MPI ranks
# under mpiexec), examples and the benchmark. Included by the top-level
# Makefile; run from the repository root. The Rust suites run in test-rust
# (threads, kill-and-resume) and farm-rust-mpi-test (mpiexec -n 1..4).

.PHONY: farm-test farm-rust-mpi-test farm-rust-examples

## Every farm suite and example.
farm-test: farm-rust-mpi-test farm-rust-examples farm-c-test farm-fortran-test farm-python-test

## The Rust farm over MPI ranks (it launches itself under mpiexec -n 1..4).
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
