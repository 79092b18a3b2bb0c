!> Fortran interface to oxpar: BLAS-style kernels and an execution context,
!> on ordinary (assumed-shape) Fortran arrays.
!>
!> ```fortran
!> use oxpar
!> type(oxpar_context) :: ctx
!> real(real64) :: a(5, 4), b(4, 3), c(5, 3), d
!> call ctx%init("threads")                 ! or "serial", "threads:4"
!> call oxpar_gemm(ctx, a, b, c)            ! c = matmul(a, b)
!> call oxpar_gemm(ctx, a, c, b, transa='T', alpha=2.0_real64, beta=1.0_real64)
!> d = oxpar_dot(ctx, a(1, :), a(2, :))     ! rows: strided sections, not copied
!> call ctx%destroy()
!> ```
!>
!> Every routine has real32 and real64 versions behind one generic name, and
!> the optional arguments `stat` and `errmsg`. With `stat` present, a failure
!> sets it to an `OXPAR_STATUS_*` code (`OXPAR_STATUS_OK`, 0, on success) and
!> `errmsg` to a message naming the argument at fault, and leaves the outputs
!> unchanged; without `stat`, a failure stops the program (`error stop`) with
!> that message.
!>
!> Arrays may be array sections with any strides (negative ones too): the
!> library reads and writes them in place, without copies. Matrices are
!> column-major as always in Fortran; `transa`, `transb` and `trans` take
!> `'N'` (the default) or `'T'` (`'C'` is accepted as `'T'` for real data).
!>
!> Reproducible mode (`call ctx%set_reproducible(.true.)`, or
!> `OXPAR_REPRODUCIBLE=1` in the environment; `ctx%reproducible()` tells):
!> `oxpar_dot`, `oxpar_nrm2`, `oxpar_asum` and `oxpar_sum` return the exact
!> result correctly rounded, the same bits on every backend and for any
!> number of threads or MPI ranks.
!>
!> A context owns threads: create it with `init`, free it with `destroy` (a
!> context has no finalizer, so copies of one share its threads; destroy
!> exactly one of them). One context may serve calls from several threads.
!>
!> On an OpenCL context (`init("opencl")`) the routines above copy their
!> arrays to the device and back on each call; `oxpar_buffer` keeps data on
!> the device for `oxpar_buffer_axpy`, `oxpar_buffer_dot`, `oxpar_buffer_gemm`,
!> `oxpar_buffer_scal`, `oxpar_buffer_copy`, `oxpar_buffer_swap`,
!> `oxpar_buffer_nrm2`, `oxpar_buffer_asum`, `oxpar_buffer_sum`, `oxpar_buffer_iamax`,
!> `oxpar_buffer_gemv`, `oxpar_buffer_ger` and user kernels (`oxpar_program`,
!> `oxpar_kernel`, `oxpar_finish`).
!>
!> MPI: `init_mpi(comm)` creates a context over a communicator (the module
!> needs no `use mpi`: a communicator is its `integer` handle). On such a
!> context every array is *this rank's block*: `oxpar_axpy`, `oxpar_scal`,
!> `oxpar_copy`, `oxpar_swap` update the local blocks; `oxpar_dot`,
!> `oxpar_nrm2`, `oxpar_asum`, `oxpar_sum` return the value of the whole distributed vector
!> on every rank, `oxpar_iamax` its global index (blocks numbered in rank
!> order). `oxpar_gemm`, `oxpar_gemv` and `oxpar_ger` take whole matrices,
!> which ranks do not have: distributed matrices go to `oxpar_mpi_gemv`,
!> `oxpar_mpi_ger` and `oxpar_mpi_gemm` (on any other context these are the
!> one-process case), stencils' ghost cells to `oxpar_halo_exchange`;
!> `oxpar_mpi_rank`, `oxpar_mpi_grid`, `oxpar_mpi_set_grid` and
!> `oxpar_block_range` describe the distribution. Ranks and grid coordinates
!> count from 0, as in MPI; array indices (`oxpar_block_range`'s `first`,
!> `oxpar_iamax`) from 1, as in Fortran. Routines that communicate are
!> collective: every rank calls them in the same order, and an argument one
!> rank rejects is an error on every rank (the rank at fault gets the precise
!> status and message, the others a message naming it), never a deadlock.
!> `real32` arrays on some ranks with `real64` on others (or complex with
!> real, `complex(real32)` with `complex(real64)`, `oxpar_dotu` with
!> `oxpar_dotc`) are `OXPAR_STATUS_INVALID_ARGUMENT` on every rank, naming the
!> ranks at fault and their types, never a result computed from mixed data.
!> Complex arrays are distributed as real ones: `oxpar_dotu`, `oxpar_dotc`
!> and the complex `oxpar_nrm2`, `oxpar_asum`, `oxpar_sum`, `oxpar_iamax` are
!> collective, and `oxpar_mpi_geru`, `oxpar_mpi_gerc` are the distributed
!> complex rank-1 updates.
!>
!> Parallel loops: `ctx%parallel_for(first, last, body)` and
!> `ctx%parallel_reduce(first, last, body, combine, acc)` run `bind(C)`
!> procedures (`oxpar_loop_body`, `oxpar_reduce_body`,
!> `oxpar_reduce_combine`) over sub-ranges of the iterations `first` to
!> `last` on the context's threads, with OpenMP's schedules.
!>
!> Task farm: `oxpar_farm` runs many independent tasks, numbered 1 to
!> `ntasks`, on a context's threads (on an MPI context, on every rank's
!> threads), retries the failed ones on another worker, optionally keeps a
!> checkpoint file so that a rerun skips the completed ones, and returns each
!> task's outcome in an `oxpar_farm_report` (see `oxpar_farm_task`). On an
!> MPI context the tasks run on the context's threads, never on the calling
!> thread, which hands out work to the ranks meanwhile: no rank waits for
!> another's task to end, at any MPI thread level (plain `MPI_Init` is
!> enough) and on any transport; a task may call MPI only under
!> `MPI_THREAD_MULTIPLE`.
!> The raw `bind(C)` interfaces are in the module `oxpar_c`.
module oxpar
  ! `oxpar` only gathers: each area is a module of its own (see
  ! bindings/fortran/README.md), and this one re-exports the names meant for
  ! programs. A new module joins with its `use` line and a `public` statement
  ! of its names; a generic name it shares with another module (more kinds
  ! of `oxpar_gemm`, say) merges with it here and needs no second `public`.
  use oxpar_c
  use oxpar_base
  use oxpar_blas
  use oxpar_blas_gen
  use oxpar_linalg
  use oxpar_opencl_buffers
  use oxpar_opencl_kernels
  use oxpar_mpi
  use oxpar_task_farm
  implicit none
  private

  ! oxpar_base: the context, loop bodies, version.
  public :: oxpar_context
  public :: oxpar_loop_body, oxpar_reduce_body, oxpar_reduce_combine
  public :: oxpar_version, oxpar_status_str

  ! oxpar_blas (its generics written from the routine table and their template)
  include "oxpar_blas_twin_gen_public.inc"

  ! oxpar_blas_gen (generated from the routine table)
  include "oxpar_blas_gen_public.inc"

  include "oxpar_linalg_gen_public.inc"

  ! oxpar_opencl_buffers
  public :: oxpar_buffer
  public :: oxpar_to_device, oxpar_buffer_axpy, oxpar_buffer_dot, oxpar_buffer_gemm
  public :: oxpar_buffer_scal, oxpar_buffer_copy, oxpar_buffer_swap, oxpar_buffer_nrm2, oxpar_buffer_asum, &
    oxpar_buffer_sum, oxpar_buffer_iamax, oxpar_buffer_gemv, oxpar_buffer_ger

  ! oxpar_opencl_kernels
  public :: oxpar_program, oxpar_kernel, oxpar_finish

  ! oxpar_mpi
  public :: oxpar_mpi_rank, oxpar_mpi_ranks_on_node, oxpar_mpi_comm, oxpar_mpi_grid, oxpar_mpi_set_grid, &
    oxpar_block_range
  public :: oxpar_mpi_gemv, oxpar_mpi_ger, oxpar_mpi_geru, oxpar_mpi_gerc, oxpar_mpi_gemm, oxpar_halo_exchange

  ! oxpar_task_farm
  public :: oxpar_farm, oxpar_farm_report, oxpar_farm_task, oxpar_farm_progress, oxpar_farm_task_error

  ! oxpar_c: status codes, backends, versions, task states, schedules.
  public :: OXPAR_STATUS_OK, OXPAR_STATUS_NULL_POINTER, OXPAR_STATUS_INVALID_ARGUMENT, &
    OXPAR_STATUS_SHAPE_MISMATCH, OXPAR_STATUS_INVALID_STRIDE, OXPAR_STATUS_UNSUPPORTED, &
    OXPAR_STATUS_BACKEND_UNAVAILABLE, OXPAR_STATUS_DEVICE_ERROR, OXPAR_STATUS_OUT_OF_MEMORY, &
    OXPAR_STATUS_COMM_ERROR, OXPAR_STATUS_SINGULAR, OXPAR_STATUS_NOT_POSITIVE_DEFINITE, OXPAR_STATUS_NO_CONVERGENCE, &
    OXPAR_STATUS_PANIC, &
    OXPAR_STATUS_INTERNAL
  public :: OXPAR_BACKEND_SERIAL, OXPAR_BACKEND_THREADS, OXPAR_BACKEND_OPENCL, OXPAR_BACKEND_MPI
  public :: OXPAR_VERSION_MAJOR, OXPAR_VERSION_MINOR, OXPAR_VERSION_PATCH, OXPAR_VERSION_STRING, &
    OXPAR_VERSION_NUMBER, OXPAR_ABI_VERSION
  public :: OXPAR_TASK_STATE_DONE, OXPAR_TASK_STATE_FAILED, OXPAR_TASK_STATE_RESUMED
  public :: OXPAR_SCHEDULE_STATIC, OXPAR_SCHEDULE_DYNAMIC, OXPAR_SCHEDULE_GUIDED

end module oxpar
