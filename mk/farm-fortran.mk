# The task farm from Fortran (oxpar_farm in the module `oxpar`, from
# oxpar_task_farm): the threads test, the MPI test under mpiexec and the
# parameter-sweep example. Included by mk/farm.mk (after mk/fortran.mk and
# mk/mpi-fortran.mk); run from the repository root. Builds go to
# bindings/fortran/build, temporary files (checkpoints) to
# bindings/fortran/build/farm.
#
#   make farm-fortran-test   bindings/fortran/test/test_oxpar_farm.f90 (a
#                            "threads:2" and a "serial" context), then
#                            test_oxpar_farm_mpi.f90 under mpiexec -n 1..4
#                            (MPI_RANKS), then examples/fortran/farm_sweep.f90
#                            on threads and under mpiexec -n 2

.PHONY: farm-fortran-test farm-fortran-example

FARM_FORTRAN_TMP := $(FORTRAN_BUILD)/farm
FARM_FORTRAN_EXAMPLE_RANKS ?= 2

## The Fortran farm: threads test, MPI test on $(MPI_RANKS) ranks, the example.
farm-fortran-test: lib-debug $(FORTRAN_BUILD)/test_oxpar_farm $(MPI_FORTRAN_BUILD)/test_oxpar_farm_mpi
	@mkdir -p $(FARM_FORTRAN_TMP)
	$(FORTRAN_BUILD)/test_oxpar_farm $(FARM_FORTRAN_TMP)
	@set -e; for n in $(MPI_RANKS); do \
		echo "$(MPIEXEC) -n $$n $(MPI_FORTRAN_BUILD)/test_oxpar_farm_mpi $(FARM_FORTRAN_TMP)"; \
		$(MPI_TIMEOUT) $(MPIRUN) -n $$n $(MPI_FORTRAN_BUILD)/test_oxpar_farm_mpi $(FARM_FORTRAN_TMP); \
	done
	@$(MAKE) --no-print-directory farm-fortran-example

## examples/fortran/farm_sweep.f90 on a threads context, then on $(FARM_FORTRAN_EXAMPLE_RANKS) ranks.
farm-fortran-example: lib-debug $(FORTRAN_BUILD)/examples/farm_sweep
	$(FORTRAN_BUILD)/examples/farm_sweep
	@set -e; for n in $(FARM_FORTRAN_EXAMPLE_RANKS); do \
		echo "$(MPIEXEC) -n $$n $(FORTRAN_BUILD)/examples/farm_sweep"; \
		$(MPI_TIMEOUT) $(MPIRUN) -n $$n $(FORTRAN_BUILD)/examples/farm_sweep; \
	done

# The object comes from the test_% rule of mk/fortran.mk.
$(FORTRAN_BUILD)/test_oxpar_farm: $(FORTRAN_BUILD)/test/test_oxpar_farm.o $(FORTRAN_BUILD)/test/oxpar_testing.o \
		$(FORTRAN_LIB) | lib-debug
	$(FORTRAN_FC) $(FORTRAN_FLAGS) $^ $(FORTRAN_LDLIBS) -o $@

$(MPI_FORTRAN_BUILD)/test_oxpar_farm_mpi: $(FORTRAN_TEST_SRC)/test_oxpar_farm_mpi.f90 \
		$(FORTRAN_BUILD)/test/oxpar_testing.o $(FORTRAN_LIB) | lib-debug
	@mkdir -p $(@D)
	$(MPIFC) $(FORTRAN_FLAGS) -I$(FORTRAN_BUILD) -I$(FORTRAN_BUILD)/test -J$(@D) $< \
		$(FORTRAN_BUILD)/test/oxpar_testing.o $(FORTRAN_LIB) $(FORTRAN_LDLIBS) -o $@

# No `use mpi`: built with the plain compiler, it still runs under mpiexec.
$(FORTRAN_BUILD)/examples/farm_sweep: examples/fortran/farm_sweep.f90 $(FORTRAN_LIB) | lib-debug
	@mkdir -p $(@D)
	$(FORTRAN_FC) $(FORTRAN_FLAGS) -I$(FORTRAN_BUILD) -J$(@D) $< $(FORTRAN_LIB) $(FORTRAN_LDLIBS) -o $@
