# MPI from Fortran: the MPI part of the module `oxpar` (oxpar_mpi, tested by
# bindings/fortran/test/test_oxpar_mpi.f90) and the example
# examples/fortran/mpi_heat.f90, compiled with the MPI compiler wrapper against
# liboxpar_fortran.a (built by mk/fortran.mk) and the debug liboxpar (which
# lib-debug builds with MPI), then run under mpiexec. Included by mk/mpi.mk.
#
#   make mpi-fortran-test   the test on $(MPI_RANKS) ranks, the example on 1, 2, 4
#
# MPIFC must wrap the compiler that built the module files (FC, gfortran by
# default): .mod files are specific to a compiler.

.PHONY: mpi-fortran-test

MPIFC ?= mpif90
MPI_FORTRAN_BUILD := $(FORTRAN_BUILD)/mpi
MPI_FORTRAN_EXAMPLE_RANKS ?= 1 2 4

# MPIRUN starts with the variables Open MPI wants as root (VAR=value words),
# which `timeout` alone would take for the command: `env` sets them.
## The MPI Fortran test on $(MPI_RANKS) ranks, then the heat example on 1, 2 and 4.
mpi-fortran-test: lib-debug $(MPI_FORTRAN_BUILD)/test_oxpar_mpi $(MPI_FORTRAN_BUILD)/mpi_heat
	@set -e; for n in $(MPI_RANKS); do \
		echo "$(MPIEXEC) -n $$n $(MPI_FORTRAN_BUILD)/test_oxpar_mpi"; \
		$(MPI_TIMEOUT) env $(MPIRUN) -n $$n $(MPI_FORTRAN_BUILD)/test_oxpar_mpi; \
	done
	@set -e; for n in $(MPI_FORTRAN_EXAMPLE_RANKS); do \
		echo "$(MPIEXEC) -n $$n $(MPI_FORTRAN_BUILD)/mpi_heat"; \
		$(MPI_TIMEOUT) env $(MPIRUN) -n $$n $(MPI_FORTRAN_BUILD)/mpi_heat; \
	done

$(MPI_FORTRAN_BUILD)/test_oxpar_mpi: $(FORTRAN_TEST_SRC)/test_oxpar_mpi.f90 $(FORTRAN_TEST_SRC)/mpi_complex_checks.inc \
		$(FORTRAN_BUILD)/test/oxpar_testing.o $(FORTRAN_LIB) | lib-debug
	@mkdir -p $(@D)
	$(MPIFC) $(FORTRAN_FLAGS) -I$(FORTRAN_BUILD) -I$(FORTRAN_BUILD)/test -J$(@D) $< \
		$(FORTRAN_BUILD)/test/oxpar_testing.o $(FORTRAN_LIB) $(FORTRAN_LDLIBS) -o $@

$(MPI_FORTRAN_BUILD)/mpi_heat: examples/fortran/mpi_heat.f90 $(FORTRAN_LIB) | lib-debug
	@mkdir -p $(@D)
	$(MPIFC) $(FORTRAN_FLAGS) -I$(FORTRAN_BUILD) -J$(@D) $< $(FORTRAN_LIB) $(FORTRAN_LDLIBS) -o $@
