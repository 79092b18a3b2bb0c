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
!> `real32` arrays on some ranks with `real64` on others are
!> `OXPAR_STATUS_INVALID_ARGUMENT` on every rank, naming the ranks at fault and
!> their types, never a result computed from mixed data.
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
  use, intrinsic :: iso_c_binding, only: c_associated, c_bool, c_char, c_double, c_f_pointer, c_float, &
    c_funloc, c_funptr, c_int32_t, c_int64_t, c_intptr_t, c_loc, c_null_char, c_null_funptr, c_null_ptr, &
    c_ptr, c_ptrdiff_t, c_size_t
  use, intrinsic :: iso_fortran_env, only: sp => real32, dp => real64, int32, int64
  use, intrinsic :: ieee_arithmetic, only: ieee_quiet_nan, ieee_value
  use oxpar_c
  implicit none
  private

  public :: oxpar_context
  public :: oxpar_gemm, oxpar_gemv, oxpar_ger
  public :: oxpar_dot, oxpar_nrm2, oxpar_asum, oxpar_sum, oxpar_iamax
  public :: oxpar_axpy, oxpar_scal, oxpar_copy, oxpar_swap
  public :: oxpar_version, oxpar_status_str
  public :: oxpar_buffer, oxpar_program, oxpar_kernel
  public :: oxpar_to_device, oxpar_buffer_axpy, oxpar_buffer_dot, oxpar_buffer_gemm, oxpar_finish
  public :: oxpar_buffer_scal, oxpar_buffer_copy, oxpar_buffer_swap, oxpar_buffer_nrm2, oxpar_buffer_asum, &
    oxpar_buffer_sum, oxpar_buffer_iamax, oxpar_buffer_gemv, oxpar_buffer_ger
  public :: oxpar_mpi_rank, oxpar_mpi_ranks_on_node, oxpar_mpi_comm, oxpar_mpi_grid, oxpar_mpi_set_grid, &
    oxpar_block_range
  public :: oxpar_mpi_gemv, oxpar_mpi_ger, oxpar_mpi_gemm, oxpar_halo_exchange
  public :: oxpar_farm, oxpar_farm_report, oxpar_farm_task, oxpar_farm_progress, oxpar_farm_task_error
  public :: oxpar_loop_body, oxpar_reduce_body, oxpar_reduce_combine

  ! Re-exported from oxpar_c: status codes, backends, versions.
  public :: OXPAR_STATUS_OK, OXPAR_STATUS_NULL_POINTER, OXPAR_STATUS_INVALID_ARGUMENT, &
    OXPAR_STATUS_SHAPE_MISMATCH, OXPAR_STATUS_INVALID_STRIDE, OXPAR_STATUS_UNSUPPORTED, &
    OXPAR_STATUS_BACKEND_UNAVAILABLE, OXPAR_STATUS_DEVICE_ERROR, OXPAR_STATUS_OUT_OF_MEMORY, &
    OXPAR_STATUS_COMM_ERROR, OXPAR_STATUS_PANIC, OXPAR_STATUS_INTERNAL
  public :: OXPAR_BACKEND_SERIAL, OXPAR_BACKEND_THREADS, OXPAR_BACKEND_OPENCL, OXPAR_BACKEND_MPI
  public :: OXPAR_VERSION_MAJOR, OXPAR_VERSION_MINOR, OXPAR_VERSION_PATCH, OXPAR_VERSION_STRING, &
    OXPAR_VERSION_NUMBER, OXPAR_ABI_VERSION
  public :: OXPAR_TASK_STATE_DONE, OXPAR_TASK_STATE_FAILED, OXPAR_TASK_STATE_RESUMED
  public :: OXPAR_SCHEDULE_STATIC, OXPAR_SCHEDULE_DYNAMIC, OXPAR_SCHEDULE_GUIDED

  !> An execution context: a backend (serial, host threads, OpenCL, MPI) and
  !> its threads. Not usable until `init` (or `init_mpi`) succeeds; free it
  !> with `destroy`.
  type :: oxpar_context
    private
    !> The C handle (`oxpar_context *`), null when not initialised.
    type(c_ptr) :: handle = c_null_ptr
  contains
    !> Creates the context (destroying the one it held, if any).
    procedure :: init => context_init
    !> Creates an MPI context over a communicator (collective over it).
    procedure :: init_mpi => context_init_mpi
    !> Frees the context and stops its threads; a no-op when not initialised.
    !> On an MPI context it frees oxpar's communicator: call it on every rank,
    !> before `MPI_Finalize`.
    procedure :: destroy => context_destroy
    !> The number of threads it computes with (0 when not initialised).
    procedure :: num_threads => context_num_threads
    !> Changes the number of threads.
    procedure :: set_num_threads => context_set_num_threads
    !> Its backend, an `OXPAR_BACKEND_*` value (-1 when not initialised).
    procedure :: backend => context_backend
    !> Switches reproducible mode on or off (see `set_reproducible`).
    procedure :: set_reproducible => context_set_reproducible
    !> Whether it is in reproducible mode (.false. when not initialised).
    procedure :: reproducible => context_reproducible
    !> Whether `init` has succeeded (and `destroy` not been called since).
    procedure :: initialized => context_initialized
    !> Calls a `bind(C)` loop body (`oxpar_loop_body`) on sub-ranges of the
    !> iterations `first` to `last`, on the context's threads:
    !> `call ctx%parallel_for(first, last, body [, schedule] [, chunk] [, data] [, stat] [, errmsg])`.
    generic :: parallel_for => context_parallel_for_i32, context_parallel_for_i64
    !> A parallel reduction of the iterations `first` to `last` into `acc`
    !> (real32, real64, int32, int64, or any type through `c_loc` and its
    !> size in bytes), with `bind(C)` procedures `oxpar_reduce_body` and
    !> `oxpar_reduce_combine`: `call ctx%parallel_reduce(first, last, body,
    !> combine, acc [, acc_bytes] [, schedule] [, chunk] [, data] [, stat] [, errmsg])`.
    generic :: parallel_reduce => reduce_dp_i32, reduce_dp_i64, reduce_sp_i32, reduce_sp_i64, &
      reduce_int64_i32, reduce_int64_i64, reduce_int32_i32, reduce_int32_i64, reduce_ptr_i32, reduce_ptr_i64
    procedure, private :: context_parallel_for_i32, context_parallel_for_i64
    procedure, private :: reduce_dp_i32, reduce_dp_i64, reduce_sp_i32, reduce_sp_i64, reduce_int64_i32, &
      reduce_int64_i64, reduce_int32_i32, reduce_int32_i64, reduce_ptr_i32, reduce_ptr_i64
  end type oxpar_context

  !> Device memory on an OpenCL context: `n` real32 or real64 elements.
  !> Not usable until `create` (or `oxpar_to_device`) succeeds; free it with
  !> `destroy`. It has no finalizer: copies of one share its memory (destroy
  !> exactly one of them). It keeps its device alive, so the context may be
  !> destroyed first.
  type :: oxpar_buffer
    private
    !> The C handle (`oxpar_buffer *`), null when not created.
    type(c_ptr) :: handle = c_null_ptr
  contains
    !> Creates a buffer of `n` zeros of kind real32 or real64 on the context's device.
    procedure :: create => buffer_create
    !> Copies a host array (as many elements as the buffer has) into the buffer.
    generic :: upload => buffer_upload_sp, buffer_upload_dp, buffer_upload2_sp, buffer_upload2_dp
    !> Copies the buffer into a host array, after the commands queued before.
    generic :: download => buffer_download_sp, buffer_download_dp, buffer_download2_sp, buffer_download2_dp
    !> Its number of elements (0 when not created).
    procedure :: length => buffer_length
    !> The kind of its elements, `real32` or `real64` (-1 when not created).
    procedure :: real_kind => buffer_real_kind
    !> Whether `create` has succeeded (and `destroy` not been called since).
    procedure :: created => buffer_created
    !> Frees the buffer; a no-op when not created.
    procedure :: destroy => buffer_destroy
    procedure, private :: buffer_upload_sp, buffer_upload_dp, buffer_upload2_sp, buffer_upload2_dp
    procedure, private :: buffer_download_sp, buffer_download_dp, buffer_download2_sp, buffer_download2_dp
  end type oxpar_buffer

  !> An OpenCL C program built for an OpenCL context's device. Free it with
  !> `destroy`; the kernels made from it stay usable after that.
  type :: oxpar_program
    private
    !> The C handle (`oxpar_program *`), null when not built.
    type(c_ptr) :: handle = c_null_ptr
  contains
    !> Builds the program from OpenCL C source.
    procedure :: build => program_build
    !> Whether `build` has succeeded (and `destroy` not been called since).
    procedure :: built => program_built
    !> Frees the program; a no-op when not built.
    procedure :: destroy => program_destroy
  end type oxpar_program

  !> A kernel of a program with its arguments. It holds one set of
  !> arguments: use one kernel from one thread at a time. Free it with `destroy`.
  type :: oxpar_kernel
    private
    !> The C handle (`oxpar_kernel *`), null when not created.
    type(c_ptr) :: handle = c_null_ptr
  contains
    !> Creates the kernel called `name` of a built program.
    procedure :: create => kernel_create
    !> Sets argument `index` (0-based, as in OpenCL) to a buffer, an
    !> `integer(int32)` (`int`), `integer(int64)` (`long`), `real32` (`float`)
    !> or `real64` (`double`).
    generic :: set_arg => kernel_set_arg_buffer, kernel_set_arg_i32, kernel_set_arg_i64, &
      kernel_set_arg_sp, kernel_set_arg_dp
    !> Sets argument `index` (0-based) to a `uint` (`int32` value) or `ulong`
    !> (`int64` value), bits taken as unsigned.
    generic :: set_arg_unsigned => kernel_set_arg_u32, kernel_set_arg_u64
    !> Sets argument `index` (0-based, a `__local` pointer) to `bytes` bytes of local memory.
    procedure :: set_arg_local => kernel_set_arg_local
    !> Queues the kernel over 1 to 3 dimensions.
    procedure :: launch => kernel_launch
    !> Whether `create` has succeeded (and `destroy` not been called since).
    procedure :: created => kernel_created
    !> Frees the kernel; a no-op when not created.
    procedure :: destroy => kernel_destroy
    procedure, private :: kernel_set_arg_buffer, kernel_set_arg_i32, kernel_set_arg_i64, kernel_set_arg_sp, &
      kernel_set_arg_dp, kernel_set_arg_u32, kernel_set_arg_u64
  end type oxpar_kernel

  !> A task farm's settings: retries (default 2), checkpoint file (default
  !> none), progress procedure (default none). Not usable until `init`
  !> succeeds; free it with `destroy`. One farm may run many times. It has no
  !> finalizer: copies of one share its settings (destroy exactly one of them).
  type :: oxpar_farm
    private
    !> The C handle (`oxpar_farm *`), null when not initialised.
    type(c_ptr) :: handle = c_null_ptr
    !> The progress procedure and its data, where the C farm's `user_data`
    !> points (allocated by `set_progress`, freed by `destroy`).
    type(progress_call), pointer :: progress => null()
  contains
    !> Creates the farm with the defaults (destroying the one it held, if any).
    procedure :: init => farm_init
    !> Frees the farm; a no-op when not initialised.
    procedure :: destroy => farm_destroy
    !> How many times a failed task is tried again, each time on another worker.
    procedure :: set_retries => farm_set_retries
    !> Sets the checkpoint file (or, without a path, removes it).
    procedure :: set_checkpoint => farm_set_checkpoint
    !> Sets the progress procedure (or, without one, removes it).
    procedure :: set_progress => farm_set_progress
    !> Runs tasks 1 to `ntasks` (collective on an MPI context).
    procedure :: run => farm_run
    !> Whether `init` has succeeded (and `destroy` not been called since).
    procedure :: initialized => farm_initialized
  end type oxpar_farm

  !> The outcome of every task of a farm's run, made by `oxpar_farm%run`.
  !> Free it with `destroy` (a report has no finalizer: copies share it).
  type :: oxpar_farm_report
    private
    !> The C handle (`oxpar_farm_report *`), null when there is no report.
    type(c_ptr) :: handle = c_null_ptr
    !> The run's number of tasks.
    integer :: n = 0
  contains
    !> The run's number of tasks (0 when there is no report).
    procedure :: ntasks => report_ntasks
    !> Tasks that completed in this run.
    procedure :: done => report_done
    !> Tasks that failed on every attempt.
    procedure :: failed => report_failed
    !> Tasks skipped because the checkpoint says an earlier run completed them.
    procedure :: resumed => report_resumed
    !> How task `task` ended: an `OXPAR_TASK_STATE_*` value.
    procedure :: state => report_state
    !> The attempts task `task` took (0 for a resumed task).
    procedure :: attempts => report_attempts
    !> The message of a task that failed for good (`""` for the others).
    procedure :: error => report_error
    !> Frees the report; a no-op when there is none.
    procedure :: destroy => report_destroy
  end type oxpar_farm_report

  abstract interface
    !> A task of a farm: runs task number `task` and returns 0 on success,
    !> anything else on failure (after `call oxpar_farm_task_error(message)`
    !> to say why). Tasks run concurrently on several threads: a task must
    !> write nothing shared but what belongs to its own task number (a slot
    !> of an array), keep no state (`save`, module variables), and be
    !> `recursive`, like every procedure it calls, or be compiled with
    !> `-frecursive`: its local variables then live on each thread's stack,
    !> and gfortran's `-fcheck=recursion` (in `-fcheck=all`) does not stop
    !> the program when two threads are in it at once. Attempts of one task
    !> never overlap. The procedure is typically a module procedure, and the
    !> data it needs comes through `data` (`c_loc` of a `target`).
    function oxpar_farm_task(task, data) result(status)
      import :: c_ptr
      !> The task number, 1 to `ntasks` (the C farm's 0-based index plus 1).
      integer, intent(in) :: task
      !> The `data` given to `oxpar_farm%run` (`c_null_ptr` if none).
      type(c_ptr), intent(in) :: data
      !> 0 on success, anything else on failure.
      integer :: status
    end function oxpar_farm_task

    !> A progress procedure (`oxpar_farm%set_progress`), called every
    !> `interval` seconds while a run lasts and once at the end, from a
    !> thread of its own (never concurrently with itself). Under MPI the
    !> counts are the calling rank's.
    subroutine oxpar_farm_progress(total, done, failed, running, resumed, elapsed, eta, data)
      import :: c_ptr, dp
      !> Tasks in the farm.
      integer, intent(in) :: total
      !> Tasks completed so far in this run.
      integer, intent(in) :: done
      !> Failed attempts so far (a failed attempt may still succeed on retry).
      integer, intent(in) :: failed
      !> Tasks running now.
      integer, intent(in) :: running
      !> Tasks skipped thanks to the checkpoint.
      integer, intent(in) :: resumed
      !> Seconds since the run started.
      real(dp), intent(in) :: elapsed
      !> Estimated seconds left; negative while unknown.
      real(dp), intent(in) :: eta
      !> The `data` given to `set_progress` (`c_null_ptr` if none).
      type(c_ptr), intent(in) :: data
    end subroutine oxpar_farm_progress
  end interface

  abstract interface
    !> A loop body for `oxpar_context%parallel_for`: runs the iterations
    !> `begin` to `end - 1` (a half-open range: `do i = begin, end - 1`), in
    !> the numbering of the loop's `first` and `last`. It is the C API's
    !> `oxpar_range_fn`, so it must be `bind(C)` with exactly these
    !> arguments. It is called concurrently on several threads, each range
    !> once: write only what belongs to its own iterations (a slot of an
    !> array per iteration), keep no `save` or module state, and be
    !> `recursive` (or compiled with `-frecursive`), like every procedure it
    !> calls. `data` comes through as given to `parallel_for`.
    subroutine oxpar_loop_body(begin, end, data) bind(C)
      import :: c_ptr, c_size_t
      !> The first iteration of this sub-range.
      integer(c_size_t), value :: begin
      !> One past the last iteration of this sub-range.
      integer(c_size_t), value :: end
      !> The `data` given to `parallel_for` (`c_null_ptr` if none).
      type(c_ptr), value :: data
    end subroutine oxpar_loop_body

    !> A reduction body for `oxpar_context%parallel_reduce`: folds the
    !> iterations `begin` to `end - 1` into the accumulator at `acc`, private
    !> to the calling thread (`call c_f_pointer(acc, s)` with `s` a pointer
    !> of the accumulator's type). The C API's `oxpar_reduce_fn`; the rules
    !> of `oxpar_loop_body` apply.
    subroutine oxpar_reduce_body(begin, end, acc, data) bind(C)
      import :: c_ptr, c_size_t
      !> The first iteration of this sub-range.
      integer(c_size_t), value :: begin
      !> One past the last iteration of this sub-range.
      integer(c_size_t), value :: end
      !> This thread's accumulator.
      type(c_ptr), value :: acc
      !> The `data` given to `parallel_reduce` (`c_null_ptr` if none).
      type(c_ptr), value :: data
    end subroutine oxpar_reduce_body

    !> Combines two accumulators of `oxpar_context%parallel_reduce`:
    !> `acc := acc (+) other` (the C API's `oxpar_combine_fn`). `other` is
    !> only read.
    subroutine oxpar_reduce_combine(acc, other, data) bind(C)
      import :: c_ptr
      !> The accumulator that receives the other.
      type(c_ptr), value :: acc
      !> The accumulator added into `acc`.
      type(c_ptr), value :: other
      !> The `data` given to `parallel_reduce` (`c_null_ptr` if none).
      type(c_ptr), value :: data
    end subroutine oxpar_reduce_combine
  end interface

  !> What a run's C `user_data` points to: the Fortran task and its data.
  type :: task_call
    procedure(oxpar_farm_task), pointer, nopass :: task => null()
    type(c_ptr) :: data = c_null_ptr
  end type task_call

  !> What a farm's progress `user_data` points to: the procedure and its data.
  type :: progress_call
    procedure(oxpar_farm_progress), pointer, nopass :: progress => null()
    type(c_ptr) :: data = c_null_ptr
  end type progress_call

  interface
    !> `oxpar_farm_set_checkpoint(farm, NULL)`, which removes the checkpoint:
    !> the generated interface (`c_oxpar_farm_set_checkpoint`) takes the path
    !> as a string, which cannot be NULL.
    function c_farm_clear_checkpoint(farm, path) bind(C, name="oxpar_farm_set_checkpoint")
      import :: c_int32_t, c_ptr
      implicit none
      type(c_ptr), value :: farm
      type(c_ptr), value :: path
      integer(c_int32_t) :: c_farm_clear_checkpoint
    end function c_farm_clear_checkpoint
  end interface

  !> `c := alpha*op(a)*op(b) + beta*c`:
  !> `call oxpar_gemm(ctx, a, b, c [, transa] [, transb] [, alpha] [, beta] [, stat] [, errmsg])`.
  interface oxpar_gemm
    module procedure gemm_sp, gemm_dp
  end interface oxpar_gemm

  !> `y := alpha*op(a)*x + beta*y`:
  !> `call oxpar_gemv(ctx, a, x, y [, alpha] [, beta] [, trans] [, stat] [, errmsg])`.
  interface oxpar_gemv
    module procedure gemv_sp, gemv_dp
  end interface oxpar_gemv

  !> `a := alpha*x*y^T + a`: `call oxpar_ger(ctx, a, x, y [, alpha] [, stat] [, errmsg])`.
  interface oxpar_ger
    module procedure ger_sp, ger_dp
  end interface oxpar_ger

  !> `x . y`: `d = oxpar_dot(ctx, x, y [, stat] [, errmsg])`.
  interface oxpar_dot
    module procedure dot_sp, dot_dp
  end interface oxpar_dot

  !> The Euclidean norm: `r = oxpar_nrm2(ctx, x [, stat] [, errmsg])`.
  interface oxpar_nrm2
    module procedure nrm2_sp, nrm2_dp
  end interface oxpar_nrm2

  !> The sum of absolute values: `r = oxpar_asum(ctx, x [, stat] [, errmsg])`.
  interface oxpar_asum
    module procedure asum_sp, asum_dp
  end interface oxpar_asum

  !> The sum of the elements: `r = oxpar_sum(ctx, x [, stat] [, errmsg])`.
  interface oxpar_sum
    module procedure sum_sp, sum_dp
  end interface oxpar_sum

  !> The 1-based index of the largest absolute value, 0 for an empty array:
  !> `i = oxpar_iamax(ctx, x [, stat] [, errmsg])`.
  interface oxpar_iamax
    module procedure iamax_sp, iamax_dp
  end interface oxpar_iamax

  !> `y := alpha*x + y`: `call oxpar_axpy(ctx, x, y [, alpha] [, stat] [, errmsg])`.
  interface oxpar_axpy
    module procedure axpy_sp, axpy_dp
  end interface oxpar_axpy

  !> `x := alpha*x`: `call oxpar_scal(ctx, x, alpha [, stat] [, errmsg])`.
  interface oxpar_scal
    module procedure scal_sp, scal_dp
  end interface oxpar_scal

  !> `y := x`: `call oxpar_copy(ctx, x, y [, stat] [, errmsg])`.
  interface oxpar_copy
    module procedure copy_sp, copy_dp
  end interface oxpar_copy

  !> Exchanges `x` and `y`: `call oxpar_swap(ctx, x, y [, stat] [, errmsg])`.
  interface oxpar_swap
    module procedure swap_sp, swap_dp
  end interface oxpar_swap

  !> A new buffer holding a copy of a real32 or real64 array (1-D, or 2-D in
  !> column-major order): `call oxpar_to_device(ctx, x, buf [, stat] [, errmsg])`.
  interface oxpar_to_device
    module procedure to_device_sp, to_device_dp, to_device2_sp, to_device2_dp
  end interface oxpar_to_device

  !> `y := alpha*x + y` on buffers, `alpha` of their kind:
  !> `call oxpar_buffer_axpy(ctx, alpha, x, y [, stat] [, errmsg])`.
  interface oxpar_buffer_axpy
    module procedure buffer_axpy_sp, buffer_axpy_dp
  end interface oxpar_buffer_axpy

  !> `c := alpha*op(a)*op(b) + beta*c` on buffers holding column-major
  !> matrices, `alpha` and `beta` of their kind:
  !> `call oxpar_buffer_gemm(ctx, a, b, c, m, n, k, alpha, beta [, transa] [, transb]
  !> [, lda] [, ldb] [, ldc] [, stat] [, errmsg])`.
  interface oxpar_buffer_gemm
    module procedure buffer_gemm_sp, buffer_gemm_dp
  end interface oxpar_buffer_gemm

  !> `x := alpha*x` on a buffer, `alpha` of its kind:
  !> `call oxpar_buffer_scal(ctx, alpha, x [, stat] [, errmsg])`.
  interface oxpar_buffer_scal
    module procedure buffer_scal_sp, buffer_scal_dp
  end interface oxpar_buffer_scal

  !> `y := alpha*op(a)*x + beta*y` on buffers, `a` holding an `m x n`
  !> column-major matrix, `alpha` and `beta` of their kind:
  !> `call oxpar_buffer_gemv(ctx, a, x, y, m, n, alpha, beta [, trans] [, lda]
  !> [, stat] [, errmsg])`.
  interface oxpar_buffer_gemv
    module procedure buffer_gemv_sp, buffer_gemv_dp
  end interface oxpar_buffer_gemv

  !> `a := alpha*x*y^T + a` on buffers, `a` column-major, `alpha` of their kind:
  !> `call oxpar_buffer_ger(ctx, alpha, x, y, a [, lda] [, stat] [, errmsg])`.
  interface oxpar_buffer_ger
    module procedure buffer_ger_sp, buffer_ger_dp
  end interface oxpar_buffer_ger

  !> Distributed `y := alpha*a*x + beta*y`, `a` split by row blocks (each rank
  !> holds whole rows):
  !> `call oxpar_mpi_gemv(ctx, a, x, y [, alpha] [, beta] [, stat] [, errmsg])`.
  interface oxpar_mpi_gemv
    module procedure mpi_gemv_sp, mpi_gemv_dp
  end interface oxpar_mpi_gemv

  !> Distributed `a := alpha*x*y^T + a`, `a` split by row blocks:
  !> `call oxpar_mpi_ger(ctx, a, x, y [, alpha] [, stat] [, errmsg])`.
  interface oxpar_mpi_ger
    module procedure mpi_ger_sp, mpi_ger_dp
  end interface oxpar_mpi_ger

  !> Distributed `c := alpha*op(a)*op(b) + beta*c` on the process grid (SUMMA):
  !> `call oxpar_mpi_gemm(ctx, a, b, c [, transa] [, transb] [, alpha] [, beta] [, stat] [, errmsg])`.
  interface oxpar_mpi_gemm
    module procedure mpi_gemm_sp, mpi_gemm_dp
  end interface oxpar_mpi_gemm

  !> Fills the ghost cells of this rank's block from its neighbours (1-D over
  !> the ranks, 2-D over the process grid):
  !> `call oxpar_halo_exchange(ctx, x, ghost [, periodic] [, stat] [, errmsg])` or
  !> `call oxpar_halo_exchange(ctx, a, ghost [, periodic_rows] [, periodic_cols] [, stat] [, errmsg])`.
  interface oxpar_halo_exchange
    module procedure halo_1d_sp, halo_1d_dp, halo_2d_sp, halo_2d_dp
  end interface oxpar_halo_exchange

  interface op_shape
    module procedure op_shape_sp, op_shape_dp
  end interface op_shape

  ! The routines generated from the routine table (xtask/src/routines.rs):
  ! their generic interfaces and public statements.
  include "oxpar_blas_gen_decl.inc"

  ! The collective a rejected call joins on an MPI context (`join_rejected`):
  ! the library's `oxpar_routine` values.
  integer(c_int32_t), parameter :: JOIN_DOT = OXPAR_ROUTINE_DOT, JOIN_GEMV = OXPAR_ROUTINE_GEMV, &
    JOIN_GER = OXPAR_ROUTINE_GER, JOIN_GEMM = OXPAR_ROUTINE_GEMM, JOIN_HALO = OXPAR_ROUTINE_HALO

contains

  !> Creates the context from `spec`: `"serial"`, `"threads"` (the default:
  !> as many threads as `OXPAR_NUM_THREADS` says, else the CPUs this process
  !> may use) or `"threads:N"`; then, with `num_threads`, sets the thread count.
  !> `"opencl..."` and `"mpi..."` specs (MPI over `MPI_COMM_WORLD`: see
  !> `init_mpi`) work when liboxpar has those backends.
  !> A context it already held is destroyed first; after an error it holds none.
  subroutine context_init(self, spec, num_threads, stat, errmsg)
    !> The context.
    class(oxpar_context), intent(inout) :: self
    !> The backend and threads; trailing blanks are ignored. Default `"threads"`.
    character(len=*), intent(in), optional :: spec
    !> The number of threads (at least 1; only 1 for `"serial"`).
    integer, intent(in), optional :: num_threads
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    type(c_ptr) :: handle
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message
    logical :: bad_count

    call self%destroy()
    handle = c_null_ptr
    bad_count = .false.
    if (present(num_threads)) bad_count = num_threads < 1
    if (bad_count) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
      message = "oxpar_context%init: num_threads: must be at least 1, got " // str(num_threads)
    else
      if (present(spec)) then
        status = c_oxpar_context_create(trim(spec) // c_null_char, handle)
      else
        status = c_oxpar_context_create("threads" // c_null_char, handle)
      end if
      message = error_message(status)
      if (status == OXPAR_STATUS_OK .and. present(num_threads)) then
        status = c_oxpar_context_set_num_threads(handle, csize(num_threads))
        message = error_message(status)
        if (status /= OXPAR_STATUS_OK) call c_oxpar_context_free(handle)
      end if
      if (status == OXPAR_STATUS_OK) self%handle = handle
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine context_init

  !> Creates an MPI context over the communicator `comm` (collective over it:
  !> every rank of `comm` calls it). oxpar works on its own duplicate of
  !> `comm`, freed by `destroy`; the program keeps `comm`. If the program has
  !> not initialised MPI, oxpar does (and finalizes it at exit); oxpar never
  !> finalizes an MPI the program initialised. A context it already held is
  !> destroyed first; after an error it holds none, on every rank.
  !> (`init("mpi...")` gives the same over `MPI_COMM_WORLD`.)
  subroutine context_init_mpi(self, comm, spec, stat, errmsg)
    !> The context.
    class(oxpar_context), intent(inout) :: self
    !> The communicator: its `integer` handle (`MPI_COMM_WORLD`, one from
    !> `MPI_Comm_split`, ...; with `mpi_f08`, `comm%mpi_val`).
    integer, intent(in) :: comm
    !> `"mpi+threads"` (the default: each rank gets its node's CPUs divided
    !> by the ranks on the node), `"mpi"` (the same), `"mpi+threads:N"`,
    !> `"mpi+serial"` or `"mpi+opencl..."`; trailing blanks are ignored.
    character(len=*), intent(in), optional :: spec
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    type(c_ptr) :: handle
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    call self%destroy()
    handle = c_null_ptr
    if (present(spec)) then
      status = c_oxpar_context_create_mpi(trim(spec) // c_null_char, int(comm, c_int32_t), handle)
    else
      status = c_oxpar_context_create_mpi("mpi+threads" // c_null_char, int(comm, c_int32_t), handle)
    end if
    message = error_message(status)
    if (status == OXPAR_STATUS_OK) self%handle = handle
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine context_init_mpi

  !> Frees the context and stops its threads; a no-op when not initialised.
  !> On an MPI context it frees oxpar's communicator: call it on every rank,
  !> before `MPI_Finalize`.
  subroutine context_destroy(self)
    !> The context.
    class(oxpar_context), intent(inout) :: self

    if (c_associated(self%handle)) call c_oxpar_context_free(self%handle)
    self%handle = c_null_ptr
  end subroutine context_destroy

  !> The number of threads the context computes with; 0 when not initialised.
  function context_num_threads(self) result(n)
    !> The context.
    class(oxpar_context), intent(in) :: self
    integer :: n
    integer(c_size_t) :: out

    n = 0
    if (.not. c_associated(self%handle)) return
    if (c_oxpar_context_num_threads(self%handle, out) == OXPAR_STATUS_OK) n = int(out)
  end function context_num_threads

  !> Changes the number of threads (its threads are replaced; a serial
  !> context accepts only 1). Must not run while another call uses the context.
  subroutine context_set_num_threads(self, num_threads, stat, errmsg)
    !> The context.
    class(oxpar_context), intent(inout) :: self
    !> The new number of threads, at least 1.
    integer, intent(in) :: num_threads
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    if (num_threads < 1) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
      message = "oxpar_context%set_num_threads: num_threads: must be at least 1, got " // str(num_threads)
    else
      status = c_oxpar_context_set_num_threads(self%handle, csize(num_threads))
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine context_set_num_threads

  !> The context's backend, an `OXPAR_BACKEND_*` value; -1 when not initialised.
  function context_backend(self) result(backend)
    !> The context.
    class(oxpar_context), intent(in) :: self
    integer :: backend
    integer(c_int32_t) :: out

    backend = -1
    if (.not. c_associated(self%handle)) return
    if (c_oxpar_context_backend(self%handle, out) == OXPAR_STATUS_OK) backend = int(out)
  end function context_backend

  !> Switches reproducible mode on (`.true.`) or off. In reproducible mode
  !> `oxpar_dot`, `oxpar_nrm2`, `oxpar_asum` and `oxpar_sum` (and the
  !> `oxpar_buffer_*` forms on an OpenCL context) return the exact result
  !> correctly rounded (to nearest, ties to even; `oxpar_nrm2` the correctly
  !> rounded square root of the exact sum of squares): the same bits whatever
  !> the backend, its number of threads or MPI ranks, and with nothing
  !> overflowing or underflowing on the way. An exact zero is `+0.0`; NaN if
  !> an element (or a product) is NaN, if both infinities occur, or for
  !> `oxpar_dot` if `inf * 0` occurs; otherwise an infinity if one occurs.
  !> A new context starts in the mode `OXPAR_REPRODUCIBLE` gives (`1`,
  !> `true`, `yes`, `on`; unset or `0`, `false`, `no`, `off`: not). May be
  !> called while other threads use the context. On an MPI context every
  !> rank must use the same mode.
  subroutine context_set_reproducible(self, on, stat, errmsg)
    !> The context.
    class(oxpar_context), intent(inout) :: self
    !> The mode.
    logical, intent(in) :: on
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status, flag
    character(len=:), allocatable :: message

    flag = 0
    if (on) flag = 1
    status = c_oxpar_context_set_reproducible(self%handle, flag)
    message = error_message(status)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine context_set_reproducible

  !> Whether the context is in reproducible mode; `.false.` when not initialised.
  function context_reproducible(self) result(on)
    !> The context.
    class(oxpar_context), intent(in) :: self
    logical :: on
    integer(c_int32_t) :: out

    on = .false.
    if (.not. c_associated(self%handle)) return
    if (c_oxpar_context_get_reproducible(self%handle, out) == OXPAR_STATUS_OK) on = out == 1
  end function context_reproducible

  !> Whether the context is usable (`init` succeeded, `destroy` not called since).
  pure function context_initialized(self) result(yes)
    !> The context.
    class(oxpar_context), intent(in) :: self
    logical :: yes

    yes = c_associated(self%handle)
  end function context_initialized

  ! ---------------------------------------------------------------------------
  ! Parallel loops. Iterations `first` to `last` (inclusive, as in a `do`
  ! loop) go to the C API as the half-open range `[first, last + 1)`, so a
  ! body sees the caller's own numbering: `do i = begin, end - 1`.

  !> Calls `body(begin, end, data)` on sub-ranges that together cover the
  !> iterations `first` to `last` exactly once, on the context's threads,
  !> and returns when every call has returned. Nothing is called when
  !> `last < first`. On an OpenCL context the body runs on the calling
  !> thread; on an MPI context, on this rank's threads (not collective).
  subroutine context_parallel_for_i32(self, first, last, body, schedule, chunk, data, stat, errmsg)
    !> The context whose threads run the loop.
    class(oxpar_context), intent(in) :: self
    !> The first iteration (at least 0).
    integer(int32), intent(in) :: first
    !> The last iteration (the loop is empty when `last < first`).
    integer(int32), intent(in) :: last
    !> The loop body: a `bind(C)` procedure with the interface `oxpar_loop_body`.
    procedure(oxpar_loop_body) :: body
    !> `OXPAR_SCHEDULE_STATIC` (the default: blocks fixed up front),
    !> `OXPAR_SCHEDULE_DYNAMIC` (threads take the next `chunk` iterations as
    !> they finish) or `OXPAR_SCHEDULE_GUIDED` (blocks shrink from
    !> remaining/threads down to `chunk`).
    integer, intent(in), optional :: schedule
    !> The block size, at least 0; 0 (the default) means one block per thread
    !> for static, 1 for dynamic and guided.
    integer, intent(in), optional :: chunk
    !> Passed to every call of `body` as it is (`c_loc` of a `target`; default `c_null_ptr`).
    type(c_ptr), intent(in), optional :: data
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    call run_loop(self%handle, "parallel_for", int(first, int64), int(last, int64), c_funloc(body), &
      c_null_funptr, c_null_ptr, 0_c_size_t, schedule, chunk, data, status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine context_parallel_for_i32

  !> Calls `body(begin, end, data)` on sub-ranges that together cover the
  !> iterations `first` to `last` exactly once, on the context's threads,
  !> and returns when every call has returned. Nothing is called when
  !> `last < first`. On an OpenCL context the body runs on the calling
  !> thread; on an MPI context, on this rank's threads (not collective).
  subroutine context_parallel_for_i64(self, first, last, body, schedule, chunk, data, stat, errmsg)
    !> The context whose threads run the loop.
    class(oxpar_context), intent(in) :: self
    !> The first iteration (at least 0).
    integer(int64), intent(in) :: first
    !> The last iteration (the loop is empty when `last < first`).
    integer(int64), intent(in) :: last
    !> The loop body: a `bind(C)` procedure with the interface `oxpar_loop_body`.
    procedure(oxpar_loop_body) :: body
    !> `OXPAR_SCHEDULE_STATIC` (the default: blocks fixed up front),
    !> `OXPAR_SCHEDULE_DYNAMIC` (threads take the next `chunk` iterations as
    !> they finish) or `OXPAR_SCHEDULE_GUIDED` (blocks shrink from
    !> remaining/threads down to `chunk`).
    integer, intent(in), optional :: schedule
    !> The block size, at least 0; 0 (the default) means one block per thread
    !> for static, 1 for dynamic and guided.
    integer, intent(in), optional :: chunk
    !> Passed to every call of `body` as it is (`c_loc` of a `target`; default `c_null_ptr`).
    type(c_ptr), intent(in), optional :: data
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    call run_loop(self%handle, "parallel_for", int(first, int64), int(last, int64), c_funloc(body), &
      c_null_funptr, c_null_ptr, 0_c_size_t, schedule, chunk, data, status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine context_parallel_for_i64

  !> `parallel_reduce` into a real64 accumulator (bounds of kind int32).
  !> Each thread starts its own accumulator as a copy of `acc`'s value on
  !> entry (the identity), folds its sub-ranges into it with `body`, and the
  !> threads' accumulators are combined with `combine`, in thread order,
  !> into another copy of the identity, which is stored in `acc`. With the
  !> static schedule the grouping, and so the result's rounding, depends
  !> only on the range and the number of threads.
  subroutine reduce_dp_i32(self, first, last, body, combine, acc, schedule, chunk, data, stat, errmsg)
    !> The context whose threads run the loop.
    class(oxpar_context), intent(in) :: self
    !> The first iteration (at least 0).
    integer(int32), intent(in) :: first
    !> The last iteration (the loop is empty when `last < first`: `acc` keeps the identity).
    integer(int32), intent(in) :: last
    !> The body: a `bind(C)` procedure with the interface `oxpar_reduce_body`.
    procedure(oxpar_reduce_body) :: body
    !> Combines two accumulators: a `bind(C)` procedure with the interface `oxpar_reduce_combine`.
    procedure(oxpar_reduce_combine) :: combine
    !> The identity on entry (0 for a sum, `-huge(acc)` for a maximum), the
    !> result on return (unchanged after an error).
    real(dp), intent(inout), target :: acc
    !> `OXPAR_SCHEDULE_STATIC` (default), `OXPAR_SCHEDULE_DYNAMIC` or `OXPAR_SCHEDULE_GUIDED`.
    integer, intent(in), optional :: schedule
    !> The block size, at least 0 (0, the default: one block per thread for
    !> static, 1 for dynamic and guided).
    integer, intent(in), optional :: chunk
    !> Passed to every call of `body` and `combine` as it is (default `c_null_ptr`).
    type(c_ptr), intent(in), optional :: data
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message


    call run_loop(self%handle, "parallel_reduce", int(first, int64), int(last, int64), c_funloc(body), &
      c_funloc(combine), c_loc(acc), int(storage_size(acc) / 8, c_size_t), schedule, chunk, data, status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine reduce_dp_i32

  !> `parallel_reduce` into a real64 accumulator (bounds of kind int64).
  !> Each thread starts its own accumulator as a copy of `acc`'s value on
  !> entry (the identity), folds its sub-ranges into it with `body`, and the
  !> threads' accumulators are combined with `combine`, in thread order,
  !> into another copy of the identity, which is stored in `acc`. With the
  !> static schedule the grouping, and so the result's rounding, depends
  !> only on the range and the number of threads.
  subroutine reduce_dp_i64(self, first, last, body, combine, acc, schedule, chunk, data, stat, errmsg)
    !> The context whose threads run the loop.
    class(oxpar_context), intent(in) :: self
    !> The first iteration (at least 0).
    integer(int64), intent(in) :: first
    !> The last iteration (the loop is empty when `last < first`: `acc` keeps the identity).
    integer(int64), intent(in) :: last
    !> The body: a `bind(C)` procedure with the interface `oxpar_reduce_body`.
    procedure(oxpar_reduce_body) :: body
    !> Combines two accumulators: a `bind(C)` procedure with the interface `oxpar_reduce_combine`.
    procedure(oxpar_reduce_combine) :: combine
    !> The identity on entry (0 for a sum, `-huge(acc)` for a maximum), the
    !> result on return (unchanged after an error).
    real(dp), intent(inout), target :: acc
    !> `OXPAR_SCHEDULE_STATIC` (default), `OXPAR_SCHEDULE_DYNAMIC` or `OXPAR_SCHEDULE_GUIDED`.
    integer, intent(in), optional :: schedule
    !> The block size, at least 0 (0, the default: one block per thread for
    !> static, 1 for dynamic and guided).
    integer, intent(in), optional :: chunk
    !> Passed to every call of `body` and `combine` as it is (default `c_null_ptr`).
    type(c_ptr), intent(in), optional :: data
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message


    call run_loop(self%handle, "parallel_reduce", int(first, int64), int(last, int64), c_funloc(body), &
      c_funloc(combine), c_loc(acc), int(storage_size(acc) / 8, c_size_t), schedule, chunk, data, status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine reduce_dp_i64

  !> `parallel_reduce` into a real32 accumulator (bounds of kind int32).
  !> Each thread starts its own accumulator as a copy of `acc`'s value on
  !> entry (the identity), folds its sub-ranges into it with `body`, and the
  !> threads' accumulators are combined with `combine`, in thread order,
  !> into another copy of the identity, which is stored in `acc`. With the
  !> static schedule the grouping, and so the result's rounding, depends
  !> only on the range and the number of threads.
  subroutine reduce_sp_i32(self, first, last, body, combine, acc, schedule, chunk, data, stat, errmsg)
    !> The context whose threads run the loop.
    class(oxpar_context), intent(in) :: self
    !> The first iteration (at least 0).
    integer(int32), intent(in) :: first
    !> The last iteration (the loop is empty when `last < first`: `acc` keeps the identity).
    integer(int32), intent(in) :: last
    !> The body: a `bind(C)` procedure with the interface `oxpar_reduce_body`.
    procedure(oxpar_reduce_body) :: body
    !> Combines two accumulators: a `bind(C)` procedure with the interface `oxpar_reduce_combine`.
    procedure(oxpar_reduce_combine) :: combine
    !> The identity on entry (0 for a sum, `-huge(acc)` for a maximum), the
    !> result on return (unchanged after an error).
    real(sp), intent(inout), target :: acc
    !> `OXPAR_SCHEDULE_STATIC` (default), `OXPAR_SCHEDULE_DYNAMIC` or `OXPAR_SCHEDULE_GUIDED`.
    integer, intent(in), optional :: schedule
    !> The block size, at least 0 (0, the default: one block per thread for
    !> static, 1 for dynamic and guided).
    integer, intent(in), optional :: chunk
    !> Passed to every call of `body` and `combine` as it is (default `c_null_ptr`).
    type(c_ptr), intent(in), optional :: data
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message


    call run_loop(self%handle, "parallel_reduce", int(first, int64), int(last, int64), c_funloc(body), &
      c_funloc(combine), c_loc(acc), int(storage_size(acc) / 8, c_size_t), schedule, chunk, data, status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine reduce_sp_i32

  !> `parallel_reduce` into a real32 accumulator (bounds of kind int64).
  !> Each thread starts its own accumulator as a copy of `acc`'s value on
  !> entry (the identity), folds its sub-ranges into it with `body`, and the
  !> threads' accumulators are combined with `combine`, in thread order,
  !> into another copy of the identity, which is stored in `acc`. With the
  !> static schedule the grouping, and so the result's rounding, depends
  !> only on the range and the number of threads.
  subroutine reduce_sp_i64(self, first, last, body, combine, acc, schedule, chunk, data, stat, errmsg)
    !> The context whose threads run the loop.
    class(oxpar_context), intent(in) :: self
    !> The first iteration (at least 0).
    integer(int64), intent(in) :: first
    !> The last iteration (the loop is empty when `last < first`: `acc` keeps the identity).
    integer(int64), intent(in) :: last
    !> The body: a `bind(C)` procedure with the interface `oxpar_reduce_body`.
    procedure(oxpar_reduce_body) :: body
    !> Combines two accumulators: a `bind(C)` procedure with the interface `oxpar_reduce_combine`.
    procedure(oxpar_reduce_combine) :: combine
    !> The identity on entry (0 for a sum, `-huge(acc)` for a maximum), the
    !> result on return (unchanged after an error).
    real(sp), intent(inout), target :: acc
    !> `OXPAR_SCHEDULE_STATIC` (default), `OXPAR_SCHEDULE_DYNAMIC` or `OXPAR_SCHEDULE_GUIDED`.
    integer, intent(in), optional :: schedule
    !> The block size, at least 0 (0, the default: one block per thread for
    !> static, 1 for dynamic and guided).
    integer, intent(in), optional :: chunk
    !> Passed to every call of `body` and `combine` as it is (default `c_null_ptr`).
    type(c_ptr), intent(in), optional :: data
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message


    call run_loop(self%handle, "parallel_reduce", int(first, int64), int(last, int64), c_funloc(body), &
      c_funloc(combine), c_loc(acc), int(storage_size(acc) / 8, c_size_t), schedule, chunk, data, status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine reduce_sp_i64

  !> `parallel_reduce` into a int64 accumulator (bounds of kind int32).
  !> Each thread starts its own accumulator as a copy of `acc`'s value on
  !> entry (the identity), folds its sub-ranges into it with `body`, and the
  !> threads' accumulators are combined with `combine`, in thread order,
  !> into another copy of the identity, which is stored in `acc`. With the
  !> static schedule the grouping, and so the result's rounding, depends
  !> only on the range and the number of threads.
  subroutine reduce_int64_i32(self, first, last, body, combine, acc, schedule, chunk, data, stat, errmsg)
    !> The context whose threads run the loop.
    class(oxpar_context), intent(in) :: self
    !> The first iteration (at least 0).
    integer(int32), intent(in) :: first
    !> The last iteration (the loop is empty when `last < first`: `acc` keeps the identity).
    integer(int32), intent(in) :: last
    !> The body: a `bind(C)` procedure with the interface `oxpar_reduce_body`.
    procedure(oxpar_reduce_body) :: body
    !> Combines two accumulators: a `bind(C)` procedure with the interface `oxpar_reduce_combine`.
    procedure(oxpar_reduce_combine) :: combine
    !> The identity on entry (0 for a sum, `-huge(acc)` for a maximum), the
    !> result on return (unchanged after an error).
    integer(int64), intent(inout), target :: acc
    !> `OXPAR_SCHEDULE_STATIC` (default), `OXPAR_SCHEDULE_DYNAMIC` or `OXPAR_SCHEDULE_GUIDED`.
    integer, intent(in), optional :: schedule
    !> The block size, at least 0 (0, the default: one block per thread for
    !> static, 1 for dynamic and guided).
    integer, intent(in), optional :: chunk
    !> Passed to every call of `body` and `combine` as it is (default `c_null_ptr`).
    type(c_ptr), intent(in), optional :: data
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message


    call run_loop(self%handle, "parallel_reduce", int(first, int64), int(last, int64), c_funloc(body), &
      c_funloc(combine), c_loc(acc), int(storage_size(acc) / 8, c_size_t), schedule, chunk, data, status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine reduce_int64_i32

  !> `parallel_reduce` into a int64 accumulator (bounds of kind int64).
  !> Each thread starts its own accumulator as a copy of `acc`'s value on
  !> entry (the identity), folds its sub-ranges into it with `body`, and the
  !> threads' accumulators are combined with `combine`, in thread order,
  !> into another copy of the identity, which is stored in `acc`. With the
  !> static schedule the grouping, and so the result's rounding, depends
  !> only on the range and the number of threads.
  subroutine reduce_int64_i64(self, first, last, body, combine, acc, schedule, chunk, data, stat, errmsg)
    !> The context whose threads run the loop.
    class(oxpar_context), intent(in) :: self
    !> The first iteration (at least 0).
    integer(int64), intent(in) :: first
    !> The last iteration (the loop is empty when `last < first`: `acc` keeps the identity).
    integer(int64), intent(in) :: last
    !> The body: a `bind(C)` procedure with the interface `oxpar_reduce_body`.
    procedure(oxpar_reduce_body) :: body
    !> Combines two accumulators: a `bind(C)` procedure with the interface `oxpar_reduce_combine`.
    procedure(oxpar_reduce_combine) :: combine
    !> The identity on entry (0 for a sum, `-huge(acc)` for a maximum), the
    !> result on return (unchanged after an error).
    integer(int64), intent(inout), target :: acc
    !> `OXPAR_SCHEDULE_STATIC` (default), `OXPAR_SCHEDULE_DYNAMIC` or `OXPAR_SCHEDULE_GUIDED`.
    integer, intent(in), optional :: schedule
    !> The block size, at least 0 (0, the default: one block per thread for
    !> static, 1 for dynamic and guided).
    integer, intent(in), optional :: chunk
    !> Passed to every call of `body` and `combine` as it is (default `c_null_ptr`).
    type(c_ptr), intent(in), optional :: data
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message


    call run_loop(self%handle, "parallel_reduce", int(first, int64), int(last, int64), c_funloc(body), &
      c_funloc(combine), c_loc(acc), int(storage_size(acc) / 8, c_size_t), schedule, chunk, data, status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine reduce_int64_i64

  !> `parallel_reduce` into a int32 accumulator (bounds of kind int32).
  !> Each thread starts its own accumulator as a copy of `acc`'s value on
  !> entry (the identity), folds its sub-ranges into it with `body`, and the
  !> threads' accumulators are combined with `combine`, in thread order,
  !> into another copy of the identity, which is stored in `acc`. With the
  !> static schedule the grouping, and so the result's rounding, depends
  !> only on the range and the number of threads.
  subroutine reduce_int32_i32(self, first, last, body, combine, acc, schedule, chunk, data, stat, errmsg)
    !> The context whose threads run the loop.
    class(oxpar_context), intent(in) :: self
    !> The first iteration (at least 0).
    integer(int32), intent(in) :: first
    !> The last iteration (the loop is empty when `last < first`: `acc` keeps the identity).
    integer(int32), intent(in) :: last
    !> The body: a `bind(C)` procedure with the interface `oxpar_reduce_body`.
    procedure(oxpar_reduce_body) :: body
    !> Combines two accumulators: a `bind(C)` procedure with the interface `oxpar_reduce_combine`.
    procedure(oxpar_reduce_combine) :: combine
    !> The identity on entry (0 for a sum, `-huge(acc)` for a maximum), the
    !> result on return (unchanged after an error).
    integer(int32), intent(inout), target :: acc
    !> `OXPAR_SCHEDULE_STATIC` (default), `OXPAR_SCHEDULE_DYNAMIC` or `OXPAR_SCHEDULE_GUIDED`.
    integer, intent(in), optional :: schedule
    !> The block size, at least 0 (0, the default: one block per thread for
    !> static, 1 for dynamic and guided).
    integer, intent(in), optional :: chunk
    !> Passed to every call of `body` and `combine` as it is (default `c_null_ptr`).
    type(c_ptr), intent(in), optional :: data
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message


    call run_loop(self%handle, "parallel_reduce", int(first, int64), int(last, int64), c_funloc(body), &
      c_funloc(combine), c_loc(acc), int(storage_size(acc) / 8, c_size_t), schedule, chunk, data, status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine reduce_int32_i32

  !> `parallel_reduce` into a int32 accumulator (bounds of kind int64).
  !> Each thread starts its own accumulator as a copy of `acc`'s value on
  !> entry (the identity), folds its sub-ranges into it with `body`, and the
  !> threads' accumulators are combined with `combine`, in thread order,
  !> into another copy of the identity, which is stored in `acc`. With the
  !> static schedule the grouping, and so the result's rounding, depends
  !> only on the range and the number of threads.
  subroutine reduce_int32_i64(self, first, last, body, combine, acc, schedule, chunk, data, stat, errmsg)
    !> The context whose threads run the loop.
    class(oxpar_context), intent(in) :: self
    !> The first iteration (at least 0).
    integer(int64), intent(in) :: first
    !> The last iteration (the loop is empty when `last < first`: `acc` keeps the identity).
    integer(int64), intent(in) :: last
    !> The body: a `bind(C)` procedure with the interface `oxpar_reduce_body`.
    procedure(oxpar_reduce_body) :: body
    !> Combines two accumulators: a `bind(C)` procedure with the interface `oxpar_reduce_combine`.
    procedure(oxpar_reduce_combine) :: combine
    !> The identity on entry (0 for a sum, `-huge(acc)` for a maximum), the
    !> result on return (unchanged after an error).
    integer(int32), intent(inout), target :: acc
    !> `OXPAR_SCHEDULE_STATIC` (default), `OXPAR_SCHEDULE_DYNAMIC` or `OXPAR_SCHEDULE_GUIDED`.
    integer, intent(in), optional :: schedule
    !> The block size, at least 0 (0, the default: one block per thread for
    !> static, 1 for dynamic and guided).
    integer, intent(in), optional :: chunk
    !> Passed to every call of `body` and `combine` as it is (default `c_null_ptr`).
    type(c_ptr), intent(in), optional :: data
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message


    call run_loop(self%handle, "parallel_reduce", int(first, int64), int(last, int64), c_funloc(body), &
      c_funloc(combine), c_loc(acc), int(storage_size(acc) / 8, c_size_t), schedule, chunk, data, status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine reduce_int32_i64

  !> `parallel_reduce` into an accumulator of any type, given by its
  !> address and size in bytes (bounds of kind int32).
  !> Each thread starts its own accumulator as a copy of `acc`'s value on
  !> entry (the identity), folds its sub-ranges into it with `body`, and the
  !> threads' accumulators are combined with `combine`, in thread order,
  !> into another copy of the identity, which is stored in `acc`. With the
  !> static schedule the grouping, and so the result's rounding, depends
  !> only on the range and the number of threads.
  subroutine reduce_ptr_i32(self, first, last, body, combine, acc, acc_bytes, schedule, chunk, data, stat, errmsg)
    !> The context whose threads run the loop.
    class(oxpar_context), intent(in) :: self
    !> The first iteration (at least 0).
    integer(int32), intent(in) :: first
    !> The last iteration (the loop is empty when `last < first`: `acc` keeps the identity).
    integer(int32), intent(in) :: last
    !> The body: a `bind(C)` procedure with the interface `oxpar_reduce_body`.
    procedure(oxpar_reduce_body) :: body
    !> Combines two accumulators: a `bind(C)` procedure with the interface `oxpar_reduce_combine`.
    procedure(oxpar_reduce_combine) :: combine
    !> The accumulator's address (`c_loc` of a `target` of any type): the
    !> identity on entry, the result on return (unchanged after an error).
    type(c_ptr), intent(in) :: acc
    !> The accumulator's size in bytes (`storage_size(x) / 8`), at least 1.
    integer, intent(in) :: acc_bytes
    !> `OXPAR_SCHEDULE_STATIC` (default), `OXPAR_SCHEDULE_DYNAMIC` or `OXPAR_SCHEDULE_GUIDED`.
    integer, intent(in), optional :: schedule
    !> The block size, at least 0 (0, the default: one block per thread for
    !> static, 1 for dynamic and guided).
    integer, intent(in), optional :: chunk
    !> Passed to every call of `body` and `combine` as it is (default `c_null_ptr`).
    type(c_ptr), intent(in), optional :: data
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message
    integer(c_size_t) :: bytes

    bytes = 0
    if (acc_bytes > 0) bytes = int(acc_bytes, c_size_t)

    call run_loop(self%handle, "parallel_reduce", int(first, int64), int(last, int64), c_funloc(body), &
      c_funloc(combine), acc, bytes, schedule, chunk, data, status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine reduce_ptr_i32

  !> `parallel_reduce` into an accumulator of any type, given by its
  !> address and size in bytes (bounds of kind int64).
  !> Each thread starts its own accumulator as a copy of `acc`'s value on
  !> entry (the identity), folds its sub-ranges into it with `body`, and the
  !> threads' accumulators are combined with `combine`, in thread order,
  !> into another copy of the identity, which is stored in `acc`. With the
  !> static schedule the grouping, and so the result's rounding, depends
  !> only on the range and the number of threads.
  subroutine reduce_ptr_i64(self, first, last, body, combine, acc, acc_bytes, schedule, chunk, data, stat, errmsg)
    !> The context whose threads run the loop.
    class(oxpar_context), intent(in) :: self
    !> The first iteration (at least 0).
    integer(int64), intent(in) :: first
    !> The last iteration (the loop is empty when `last < first`: `acc` keeps the identity).
    integer(int64), intent(in) :: last
    !> The body: a `bind(C)` procedure with the interface `oxpar_reduce_body`.
    procedure(oxpar_reduce_body) :: body
    !> Combines two accumulators: a `bind(C)` procedure with the interface `oxpar_reduce_combine`.
    procedure(oxpar_reduce_combine) :: combine
    !> The accumulator's address (`c_loc` of a `target` of any type): the
    !> identity on entry, the result on return (unchanged after an error).
    type(c_ptr), intent(in) :: acc
    !> The accumulator's size in bytes (`storage_size(x) / 8`), at least 1.
    integer, intent(in) :: acc_bytes
    !> `OXPAR_SCHEDULE_STATIC` (default), `OXPAR_SCHEDULE_DYNAMIC` or `OXPAR_SCHEDULE_GUIDED`.
    integer, intent(in), optional :: schedule
    !> The block size, at least 0 (0, the default: one block per thread for
    !> static, 1 for dynamic and guided).
    integer, intent(in), optional :: chunk
    !> Passed to every call of `body` and `combine` as it is (default `c_null_ptr`).
    type(c_ptr), intent(in), optional :: data
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message
    integer(c_size_t) :: bytes

    bytes = 0
    if (acc_bytes > 0) bytes = int(acc_bytes, c_size_t)

    call run_loop(self%handle, "parallel_reduce", int(first, int64), int(last, int64), c_funloc(body), &
      c_funloc(combine), acc, bytes, schedule, chunk, data, status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine reduce_ptr_i64

  !> The work of `parallel_for` (`combine` null) and `parallel_reduce`: the
  !> arguments checked and converted, the C loop called.
  subroutine run_loop(handle, what, first, last, body, combine, acc, bytes, schedule, chunk, data, status, &
      message)
    type(c_ptr), intent(in) :: handle
    character(len=*), intent(in) :: what
    integer(int64), intent(in) :: first, last
    type(c_funptr), intent(in) :: body, combine
    type(c_ptr), intent(in) :: acc
    integer(c_size_t), intent(in) :: bytes
    integer, intent(in), optional :: schedule, chunk
    type(c_ptr), intent(in), optional :: data
    integer(c_int32_t), intent(out) :: status
    character(len=:), allocatable, intent(out) :: message
    integer(c_size_t) :: begin, end, block
    integer(c_int32_t) :: sched
    type(c_ptr) :: user_data

    status = OXPAR_STATUS_INVALID_ARGUMENT
    sched = OXPAR_SCHEDULE_STATIC
    if (present(schedule)) sched = int(schedule, c_int32_t)
    block = 0
    if (present(chunk)) block = int(max(chunk, 0), c_size_t)
    user_data = c_null_ptr
    if (present(data)) user_data = data
    if (first < 0) then
      message = "oxpar_context%" // what // ": first: must be at least 0, got " // str64(first)
      return
    end if
    if (present(chunk)) then
      if (chunk < 0) then
        message = "oxpar_context%" // what // ": chunk: must be at least 0 (0: the schedule's default), got " &
          // str(chunk)
        return
      end if
    end if
    if (last == huge(last)) then
      message = "oxpar_context%" // what // ": last: must be less than huge(0_int64)"
      return
    end if
    if (c_associated(combine)) then
      if (.not. c_associated(acc)) then
        message = "oxpar_context%" // what // ": acc: is c_null_ptr (pass c_loc of the accumulator)"
        return
      else if (bytes == 0) then
        message = "oxpar_context%" // what // ": acc_bytes: must be the accumulator's size in bytes (at least 1)"
        return
      end if
    end if
    ! A `do` loop's bounds: empty when last < first.
    begin = int(first, c_size_t)
    end = int(max(last, first - 1) + 1, c_size_t)
    if (c_associated(combine)) then
      status = c_oxpar_parallel_reduce(handle, begin, end, sched, block, body, combine, acc, bytes, user_data)
    else
      status = c_oxpar_parallel_for(handle, begin, end, sched, block, body, user_data)
    end if
    message = error_message(status)
  end subroutine run_loop

  !> The version of the loaded liboxpar, e.g. `"0.1.0"` (compare with
  !> `OXPAR_VERSION_STRING`, the version these interfaces were made for).
  function oxpar_version() result(version)
    character(len=:), allocatable :: version

    version = c_string(c_oxpar_version())
  end function oxpar_version

  !> A short description of a status code, e.g. `"invalid stride"`.
  function oxpar_status_str(status) result(text)
    !> An `OXPAR_STATUS_*` value (what `stat` returned).
    integer, intent(in) :: status
    character(len=:), allocatable :: text

    text = c_string(c_oxpar_status_str(int(status, c_int32_t)))
  end function oxpar_status_str

  ! ---------------------------------------------------------------------------
  ! real32

  !> `c := alpha*op(a)*op(b) + beta*c` on real32 matrices.
  subroutine gemm_sp(ctx, a, b, c, transa, transb, alpha, beta, stat, errmsg)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> `op(a)` is `m x k`.
    real(sp), intent(in), target :: a(:,:)
    !> `op(b)` is `k x n`.
    real(sp), intent(in), target :: b(:,:)
    !> The `m x n` result (read only when `beta /= 0`).
    real(sp), intent(inout), target :: c(:,:)
    !> `'N'` (default) or `'T'`: whether `op(a)` is `a` or its transpose.
    character(len=1), intent(in), optional :: transa
    !> `'N'` (default) or `'T'`: whether `op(b)` is `b` or its transpose.
    character(len=1), intent(in), optional :: transb
    !> Default 1.
    real(sp), intent(in), optional :: alpha
    !> Default 0 (then `c` is not read: NaN there does not come out).
    real(sp), intent(in), optional :: beta
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: ta, tb, status
    integer :: m, n, k, kb, nb, ma
    real(sp) :: al, be
    type(c_ptr) :: pa, pb, pc
    integer(c_ptrdiff_t) :: rsa, csa, rsb, csb, rsc, csc
    character(len=:), allocatable :: message

    status = OXPAR_STATUS_INVALID_ARGUMENT
    if (.not. trans_code(transa, ta)) then
      message = "oxpar_gemm: transa: " // bad_trans(transa)
      call join_rejected(ctx, JOIN_GEMM, status, message)
    else if (.not. trans_code(transb, tb)) then
      message = "oxpar_gemm: transb: " // bad_trans(transb)
      call join_rejected(ctx, JOIN_GEMM, status, message)
    else
      m = size(c, 1)
      n = size(c, 2)
      call op_shape(a, ta, ma, k)
      call op_shape(b, tb, kb, nb)
      status = OXPAR_STATUS_SHAPE_MISMATCH
      if (ma /= m) then
        message = "oxpar_gemm: a: op(a) has " // str(ma) // " rows but c has " // str(m)
        call join_rejected(ctx, JOIN_GEMM, status, message)
      else if (kb /= k .or. nb /= n) then
        message = "oxpar_gemm: b: op(b) is " // str(kb) // " x " // str(nb) // " but must be " // str(k) &
          // " x " // str(n) // " (columns of op(a) x columns of c)"
        call join_rejected(ctx, JOIN_GEMM, status, message)
      else
        al = 1.0_sp
        if (present(alpha)) al = alpha
        be = 0.0_sp
        if (present(beta)) be = beta
        call matrix_sp(a, pa, rsa, csa)
        call matrix_sp(b, pb, rsb, csb)
        call matrix_sp(c, pc, rsc, csc)
        status = c_oxpar_sgemm(ctx%handle, ta, tb, csize(m), csize(n), csize(k), al, pa, rsa, csa, pb, rsb, &
          csb, be, pc, rsc, csc)
        message = error_message(status)
      end if
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine gemm_sp

  !> `y := alpha*op(a)*x + beta*y` on real32 arrays.
  subroutine gemv_sp(ctx, a, x, y, alpha, beta, trans, stat, errmsg)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> The `m x n` matrix.
    real(sp), intent(in), target :: a(:,:)
    !> `n` elements (`m` with `trans = 'T'`).
    real(sp), intent(in), target :: x(:)
    !> `m` elements (`n` with `trans = 'T'`); read only when `beta /= 0`.
    real(sp), intent(inout), target :: y(:)
    !> Default 1.
    real(sp), intent(in), optional :: alpha
    !> Default 0.
    real(sp), intent(in), optional :: beta
    !> `'N'` (default) or `'T'`: whether `op(a)` is `a` or its transpose.
    character(len=1), intent(in), optional :: trans
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: t, status
    integer :: rows, cols
    real(sp) :: al, be
    type(c_ptr) :: pa, px, py
    integer(c_ptrdiff_t) :: rsa, csa, incx, incy
    character(len=:), allocatable :: message

    status = OXPAR_STATUS_INVALID_ARGUMENT
    if (.not. trans_code(trans, t)) then
      message = "oxpar_gemv: trans: " // bad_trans(trans)
      call join_rejected(ctx, JOIN_GEMV, status, message)
    else
      call op_shape(a, t, rows, cols)
      status = OXPAR_STATUS_SHAPE_MISMATCH
      if (size(x) /= cols) then
        message = "oxpar_gemv: x: has " // str(size(x)) // " elements but op(a) has " // str(cols) // " columns"
        call join_rejected(ctx, JOIN_GEMV, status, message)
      else if (size(y) /= rows) then
        message = "oxpar_gemv: y: has " // str(size(y)) // " elements but op(a) has " // str(rows) // " rows"
        call join_rejected(ctx, JOIN_GEMV, status, message)
      else
        al = 1.0_sp
        if (present(alpha)) al = alpha
        be = 0.0_sp
        if (present(beta)) be = beta
        call matrix_sp(a, pa, rsa, csa)
        call vector_sp(x, px, incx)
        call vector_sp(y, py, incy)
        status = c_oxpar_sgemv(ctx%handle, t, csize(size(a, 1)), csize(size(a, 2)), al, pa, rsa, csa, px, &
          incx, be, py, incy)
        message = error_message(status)
      end if
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine gemv_sp

  !> `a := alpha*x*y^T + a` on real32 arrays.
  subroutine ger_sp(ctx, a, x, y, alpha, stat, errmsg)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> The `m x n` matrix updated.
    real(sp), intent(inout), target :: a(:,:)
    !> `m` elements.
    real(sp), intent(in), target :: x(:)
    !> `n` elements.
    real(sp), intent(in), target :: y(:)
    !> Default 1.
    real(sp), intent(in), optional :: alpha
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    real(sp) :: al
    type(c_ptr) :: pa, px, py
    integer(c_ptrdiff_t) :: rsa, csa, incx, incy
    character(len=:), allocatable :: message

    status = OXPAR_STATUS_SHAPE_MISMATCH
    if (size(x) /= size(a, 1)) then
      message = "oxpar_ger: x: has " // str(size(x)) // " elements but a has " // str(size(a, 1)) // " rows"
      call join_rejected(ctx, JOIN_GER, status, message)
    else if (size(y) /= size(a, 2)) then
      message = "oxpar_ger: y: has " // str(size(y)) // " elements but a has " // str(size(a, 2)) // " columns"
      call join_rejected(ctx, JOIN_GER, status, message)
    else
      al = 1.0_sp
      if (present(alpha)) al = alpha
      call matrix_sp(a, pa, rsa, csa)
      call vector_sp(x, px, incx)
      call vector_sp(y, py, incy)
      status = c_oxpar_sger(ctx%handle, csize(size(a, 1)), csize(size(a, 2)), al, px, incx, py, incy, pa, &
        rsa, csa)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine ger_sp

  !> The dot product `x . y` of real32 vectors (0 when empty; NaN after an error).
  function dot_sp(ctx, x, y, stat, errmsg) result(res)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> The first vector.
    real(sp), intent(in), target :: x(:)
    !> The second vector, as long as `x`.
    real(sp), intent(in), target :: y(:)
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    real(sp) :: res
    integer(c_int32_t) :: status
    real(c_float) :: out
    type(c_ptr) :: px, py
    integer(c_ptrdiff_t) :: incx, incy
    character(len=:), allocatable :: message

    res = ieee_value(res, ieee_quiet_nan)
    if (size(x) /= size(y)) then
      status = OXPAR_STATUS_SHAPE_MISMATCH
      message = "oxpar_dot: y: has " // str(size(y)) // " elements but x has " // str(size(x))
      call join_rejected(ctx, JOIN_DOT, status, message)
    else
      call vector_sp(x, px, incx)
      call vector_sp(y, py, incy)
      status = c_oxpar_sdot(ctx%handle, csize(size(x)), px, incx, py, incy, out)
      if (status == OXPAR_STATUS_OK) res = out
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end function dot_sp

  !> The Euclidean norm of a real32 vector, without overflow or underflow in
  !> intermediate results (NaN after an error).
  function nrm2_sp(ctx, x, stat, errmsg) result(res)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> The vector.
    real(sp), intent(in), target :: x(:)
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    real(sp) :: res
    integer(c_int32_t) :: status
    real(c_float) :: out
    type(c_ptr) :: px
    integer(c_ptrdiff_t) :: incx
    character(len=:), allocatable :: message

    res = ieee_value(res, ieee_quiet_nan)
    call vector_sp(x, px, incx)
    status = c_oxpar_snrm2(ctx%handle, csize(size(x)), px, incx, out)
    if (status == OXPAR_STATUS_OK) res = out
    message = error_message(status)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end function nrm2_sp

  !> The sum of the absolute values of a real32 vector (NaN after an error).
  function asum_sp(ctx, x, stat, errmsg) result(res)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> The vector.
    real(sp), intent(in), target :: x(:)
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    real(sp) :: res
    integer(c_int32_t) :: status
    real(c_float) :: out
    type(c_ptr) :: px
    integer(c_ptrdiff_t) :: incx
    character(len=:), allocatable :: message

    res = ieee_value(res, ieee_quiet_nan)
    call vector_sp(x, px, incx)
    status = c_oxpar_sasum(ctx%handle, csize(size(x)), px, incx, out)
    if (status == OXPAR_STATUS_OK) res = out
    message = error_message(status)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end function asum_sp

  !> The sum of the elements of a real32 vector (NaN after an error).
  function sum_sp(ctx, x, stat, errmsg) result(res)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> The vector.
    real(sp), intent(in), target :: x(:)
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    real(sp) :: res
    integer(c_int32_t) :: status
    real(c_float) :: out
    type(c_ptr) :: px
    integer(c_ptrdiff_t) :: incx
    character(len=:), allocatable :: message

    res = ieee_value(res, ieee_quiet_nan)
    call vector_sp(x, px, incx)
    status = c_oxpar_ssum(ctx%handle, csize(size(x)), px, incx, out)
    if (status == OXPAR_STATUS_OK) res = out
    message = error_message(status)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end function sum_sp

  !> The 1-based index of the first element of largest absolute value of a
  !> real32 vector (the first NaN if there is one); 0 when it is empty or after
  !> an error.
  function iamax_sp(ctx, x, stat, errmsg) result(res)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> The vector.
    real(sp), intent(in), target :: x(:)
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer :: res
    integer(c_int32_t) :: status
    integer(c_size_t) :: out
    type(c_ptr) :: px
    integer(c_ptrdiff_t) :: incx
    character(len=:), allocatable :: message

    res = 0
    call vector_sp(x, px, incx)
    status = c_oxpar_isamax(ctx%handle, csize(size(x)), px, incx, out)
    if (status == OXPAR_STATUS_OK .and. out /= OXPAR_INDEX_NONE) res = int(out) + 1
    message = error_message(status)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end function iamax_sp

  !> `y := alpha*x + y` on real32 vectors.
  subroutine axpy_sp(ctx, x, y, alpha, stat, errmsg)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> The vector added.
    real(sp), intent(in), target :: x(:)
    !> The vector updated, as long as `x`.
    real(sp), intent(inout), target :: y(:)
    !> Default 1.
    real(sp), intent(in), optional :: alpha
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    real(sp) :: al
    type(c_ptr) :: px, py
    integer(c_ptrdiff_t) :: incx, incy
    character(len=:), allocatable :: message

    if (size(x) /= size(y)) then
      status = OXPAR_STATUS_SHAPE_MISMATCH
      message = "oxpar_axpy: y: has " // str(size(y)) // " elements but x has " // str(size(x))
    else
      al = 1.0_sp
      if (present(alpha)) al = alpha
      call vector_sp(x, px, incx)
      call vector_sp(y, py, incy)
      status = c_oxpar_saxpy(ctx%handle, csize(size(x)), al, px, incx, py, incy)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine axpy_sp

  !> `x := alpha*x` on a real32 vector.
  subroutine scal_sp(ctx, x, alpha, stat, errmsg)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> The vector scaled.
    real(sp), intent(inout), target :: x(:)
    !> The factor.
    real(sp), intent(in) :: alpha
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    type(c_ptr) :: px
    integer(c_ptrdiff_t) :: incx
    character(len=:), allocatable :: message

    call vector_sp(x, px, incx)
    status = c_oxpar_sscal(ctx%handle, csize(size(x)), alpha, px, incx)
    message = error_message(status)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine scal_sp

  !> `y := x` on real32 vectors.
  subroutine copy_sp(ctx, x, y, stat, errmsg)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> The source.
    real(sp), intent(in), target :: x(:)
    !> The destination, as long as `x` (unchanged after an error).
    real(sp), intent(inout), target :: y(:)
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    type(c_ptr) :: px, py
    integer(c_ptrdiff_t) :: incx, incy
    character(len=:), allocatable :: message

    if (size(x) /= size(y)) then
      status = OXPAR_STATUS_SHAPE_MISMATCH
      message = "oxpar_copy: y: has " // str(size(y)) // " elements but x has " // str(size(x))
    else
      call vector_sp(x, px, incx)
      call vector_sp(y, py, incy)
      status = c_oxpar_scopy(ctx%handle, csize(size(x)), px, incx, py, incy)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine copy_sp

  !> Exchanges real32 vectors `x` and `y`.
  subroutine swap_sp(ctx, x, y, stat, errmsg)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> The first vector.
    real(sp), intent(inout), target :: x(:)
    !> The second vector, as long as `x`.
    real(sp), intent(inout), target :: y(:)
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    type(c_ptr) :: px, py
    integer(c_ptrdiff_t) :: incx, incy
    character(len=:), allocatable :: message

    if (size(x) /= size(y)) then
      status = OXPAR_STATUS_SHAPE_MISMATCH
      message = "oxpar_swap: y: has " // str(size(y)) // " elements but x has " // str(size(x))
    else
      call vector_sp(x, px, incx)
      call vector_sp(y, py, incy)
      status = c_oxpar_sswap(ctx%handle, csize(size(x)), px, incx, py, incy)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine swap_sp

  !> The C view of a real32 vector: the address of its first element and the
  !> distance in elements to the next (negative for reversed sections); no copy.
  subroutine vector_sp(x, p, inc)
    real(sp), intent(in), target :: x(:)
    type(c_ptr), intent(out) :: p
    integer(c_ptrdiff_t), intent(out) :: inc
    integer(c_intptr_t), parameter :: bytes = storage_size(1.0_sp) / 8

    p = c_null_ptr
    inc = 1
    if (size(x) == 0) return
    p = c_loc(x(1))
    if (size(x) > 1) inc = distance(p, c_loc(x(2)), bytes)
  end subroutine vector_sp

  !> The C view of a real32 matrix: the address of element (1, 1) and the
  !> distances in elements between rows and between columns; no copy.
  subroutine matrix_sp(a, p, rs, cs)
    real(sp), intent(in), target :: a(:,:)
    type(c_ptr), intent(out) :: p
    integer(c_ptrdiff_t), intent(out) :: rs, cs
    integer(c_intptr_t), parameter :: bytes = storage_size(1.0_sp) / 8

    p = c_null_ptr
    rs = 1
    cs = max(size(a, 1), 1)
    if (size(a) == 0) return
    p = c_loc(a(1, 1))
    if (size(a, 1) > 1) rs = distance(p, c_loc(a(2, 1)), bytes)
    if (size(a, 2) > 1) cs = distance(p, c_loc(a(1, 2)), bytes)
  end subroutine matrix_sp

  !> The rows and columns of `op(a)`.
  pure subroutine op_shape_sp(a, trans, rows, cols)
    real(sp), intent(in) :: a(:,:)
    integer(c_int32_t), intent(in) :: trans
    integer, intent(out) :: rows, cols

    if (trans == OXPAR_TRANS_NO) then
      rows = size(a, 1)
      cols = size(a, 2)
    else
      rows = size(a, 2)
      cols = size(a, 1)
    end if
  end subroutine op_shape_sp

  ! ---------------------------------------------------------------------------
  ! real64

  !> `c := alpha*op(a)*op(b) + beta*c` on real64 matrices.
  subroutine gemm_dp(ctx, a, b, c, transa, transb, alpha, beta, stat, errmsg)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> `op(a)` is `m x k`.
    real(dp), intent(in), target :: a(:,:)
    !> `op(b)` is `k x n`.
    real(dp), intent(in), target :: b(:,:)
    !> The `m x n` result (read only when `beta /= 0`).
    real(dp), intent(inout), target :: c(:,:)
    !> `'N'` (default) or `'T'`: whether `op(a)` is `a` or its transpose.
    character(len=1), intent(in), optional :: transa
    !> `'N'` (default) or `'T'`: whether `op(b)` is `b` or its transpose.
    character(len=1), intent(in), optional :: transb
    !> Default 1.
    real(dp), intent(in), optional :: alpha
    !> Default 0 (then `c` is not read: NaN there does not come out).
    real(dp), intent(in), optional :: beta
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: ta, tb, status
    integer :: m, n, k, kb, nb, ma
    real(dp) :: al, be
    type(c_ptr) :: pa, pb, pc
    integer(c_ptrdiff_t) :: rsa, csa, rsb, csb, rsc, csc
    character(len=:), allocatable :: message

    status = OXPAR_STATUS_INVALID_ARGUMENT
    if (.not. trans_code(transa, ta)) then
      message = "oxpar_gemm: transa: " // bad_trans(transa)
      call join_rejected(ctx, JOIN_GEMM, status, message)
    else if (.not. trans_code(transb, tb)) then
      message = "oxpar_gemm: transb: " // bad_trans(transb)
      call join_rejected(ctx, JOIN_GEMM, status, message)
    else
      m = size(c, 1)
      n = size(c, 2)
      call op_shape(a, ta, ma, k)
      call op_shape(b, tb, kb, nb)
      status = OXPAR_STATUS_SHAPE_MISMATCH
      if (ma /= m) then
        message = "oxpar_gemm: a: op(a) has " // str(ma) // " rows but c has " // str(m)
        call join_rejected(ctx, JOIN_GEMM, status, message)
      else if (kb /= k .or. nb /= n) then
        message = "oxpar_gemm: b: op(b) is " // str(kb) // " x " // str(nb) // " but must be " // str(k) &
          // " x " // str(n) // " (columns of op(a) x columns of c)"
        call join_rejected(ctx, JOIN_GEMM, status, message)
      else
        al = 1.0_dp
        if (present(alpha)) al = alpha
        be = 0.0_dp
        if (present(beta)) be = beta
        call matrix_dp(a, pa, rsa, csa)
        call matrix_dp(b, pb, rsb, csb)
        call matrix_dp(c, pc, rsc, csc)
        status = c_oxpar_dgemm(ctx%handle, ta, tb, csize(m), csize(n), csize(k), al, pa, rsa, csa, pb, rsb, &
          csb, be, pc, rsc, csc)
        message = error_message(status)
      end if
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine gemm_dp

  !> `y := alpha*op(a)*x + beta*y` on real64 arrays.
  subroutine gemv_dp(ctx, a, x, y, alpha, beta, trans, stat, errmsg)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> The `m x n` matrix.
    real(dp), intent(in), target :: a(:,:)
    !> `n` elements (`m` with `trans = 'T'`).
    real(dp), intent(in), target :: x(:)
    !> `m` elements (`n` with `trans = 'T'`); read only when `beta /= 0`.
    real(dp), intent(inout), target :: y(:)
    !> Default 1.
    real(dp), intent(in), optional :: alpha
    !> Default 0.
    real(dp), intent(in), optional :: beta
    !> `'N'` (default) or `'T'`: whether `op(a)` is `a` or its transpose.
    character(len=1), intent(in), optional :: trans
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: t, status
    integer :: rows, cols
    real(dp) :: al, be
    type(c_ptr) :: pa, px, py
    integer(c_ptrdiff_t) :: rsa, csa, incx, incy
    character(len=:), allocatable :: message

    status = OXPAR_STATUS_INVALID_ARGUMENT
    if (.not. trans_code(trans, t)) then
      message = "oxpar_gemv: trans: " // bad_trans(trans)
      call join_rejected(ctx, JOIN_GEMV, status, message)
    else
      call op_shape(a, t, rows, cols)
      status = OXPAR_STATUS_SHAPE_MISMATCH
      if (size(x) /= cols) then
        message = "oxpar_gemv: x: has " // str(size(x)) // " elements but op(a) has " // str(cols) // " columns"
        call join_rejected(ctx, JOIN_GEMV, status, message)
      else if (size(y) /= rows) then
        message = "oxpar_gemv: y: has " // str(size(y)) // " elements but op(a) has " // str(rows) // " rows"
        call join_rejected(ctx, JOIN_GEMV, status, message)
      else
        al = 1.0_dp
        if (present(alpha)) al = alpha
        be = 0.0_dp
        if (present(beta)) be = beta
        call matrix_dp(a, pa, rsa, csa)
        call vector_dp(x, px, incx)
        call vector_dp(y, py, incy)
        status = c_oxpar_dgemv(ctx%handle, t, csize(size(a, 1)), csize(size(a, 2)), al, pa, rsa, csa, px, &
          incx, be, py, incy)
        message = error_message(status)
      end if
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine gemv_dp

  !> `a := alpha*x*y^T + a` on real64 arrays.
  subroutine ger_dp(ctx, a, x, y, alpha, stat, errmsg)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> The `m x n` matrix updated.
    real(dp), intent(inout), target :: a(:,:)
    !> `m` elements.
    real(dp), intent(in), target :: x(:)
    !> `n` elements.
    real(dp), intent(in), target :: y(:)
    !> Default 1.
    real(dp), intent(in), optional :: alpha
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    real(dp) :: al
    type(c_ptr) :: pa, px, py
    integer(c_ptrdiff_t) :: rsa, csa, incx, incy
    character(len=:), allocatable :: message

    status = OXPAR_STATUS_SHAPE_MISMATCH
    if (size(x) /= size(a, 1)) then
      message = "oxpar_ger: x: has " // str(size(x)) // " elements but a has " // str(size(a, 1)) // " rows"
      call join_rejected(ctx, JOIN_GER, status, message)
    else if (size(y) /= size(a, 2)) then
      message = "oxpar_ger: y: has " // str(size(y)) // " elements but a has " // str(size(a, 2)) // " columns"
      call join_rejected(ctx, JOIN_GER, status, message)
    else
      al = 1.0_dp
      if (present(alpha)) al = alpha
      call matrix_dp(a, pa, rsa, csa)
      call vector_dp(x, px, incx)
      call vector_dp(y, py, incy)
      status = c_oxpar_dger(ctx%handle, csize(size(a, 1)), csize(size(a, 2)), al, px, incx, py, incy, pa, &
        rsa, csa)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine ger_dp

  !> The dot product `x . y` of real64 vectors (0 when empty; NaN after an error).
  function dot_dp(ctx, x, y, stat, errmsg) result(res)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> The first vector.
    real(dp), intent(in), target :: x(:)
    !> The second vector, as long as `x`.
    real(dp), intent(in), target :: y(:)
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    real(dp) :: res
    integer(c_int32_t) :: status
    real(c_double) :: out
    type(c_ptr) :: px, py
    integer(c_ptrdiff_t) :: incx, incy
    character(len=:), allocatable :: message

    res = ieee_value(res, ieee_quiet_nan)
    if (size(x) /= size(y)) then
      status = OXPAR_STATUS_SHAPE_MISMATCH
      message = "oxpar_dot: y: has " // str(size(y)) // " elements but x has " // str(size(x))
      call join_rejected(ctx, JOIN_DOT, status, message)
    else
      call vector_dp(x, px, incx)
      call vector_dp(y, py, incy)
      status = c_oxpar_ddot(ctx%handle, csize(size(x)), px, incx, py, incy, out)
      if (status == OXPAR_STATUS_OK) res = out
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end function dot_dp

  !> The Euclidean norm of a real64 vector, without overflow or underflow in
  !> intermediate results (NaN after an error).
  function nrm2_dp(ctx, x, stat, errmsg) result(res)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> The vector.
    real(dp), intent(in), target :: x(:)
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    real(dp) :: res
    integer(c_int32_t) :: status
    real(c_double) :: out
    type(c_ptr) :: px
    integer(c_ptrdiff_t) :: incx
    character(len=:), allocatable :: message

    res = ieee_value(res, ieee_quiet_nan)
    call vector_dp(x, px, incx)
    status = c_oxpar_dnrm2(ctx%handle, csize(size(x)), px, incx, out)
    if (status == OXPAR_STATUS_OK) res = out
    message = error_message(status)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end function nrm2_dp

  !> The sum of the absolute values of a real64 vector (NaN after an error).
  function asum_dp(ctx, x, stat, errmsg) result(res)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> The vector.
    real(dp), intent(in), target :: x(:)
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    real(dp) :: res
    integer(c_int32_t) :: status
    real(c_double) :: out
    type(c_ptr) :: px
    integer(c_ptrdiff_t) :: incx
    character(len=:), allocatable :: message

    res = ieee_value(res, ieee_quiet_nan)
    call vector_dp(x, px, incx)
    status = c_oxpar_dasum(ctx%handle, csize(size(x)), px, incx, out)
    if (status == OXPAR_STATUS_OK) res = out
    message = error_message(status)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end function asum_dp

  !> The sum of the elements of a real64 vector (NaN after an error).
  function sum_dp(ctx, x, stat, errmsg) result(res)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> The vector.
    real(dp), intent(in), target :: x(:)
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    real(dp) :: res
    integer(c_int32_t) :: status
    real(c_double) :: out
    type(c_ptr) :: px
    integer(c_ptrdiff_t) :: incx
    character(len=:), allocatable :: message

    res = ieee_value(res, ieee_quiet_nan)
    call vector_dp(x, px, incx)
    status = c_oxpar_dsum(ctx%handle, csize(size(x)), px, incx, out)
    if (status == OXPAR_STATUS_OK) res = out
    message = error_message(status)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end function sum_dp

  !> The 1-based index of the first element of largest absolute value of a
  !> real64 vector (the first NaN if there is one); 0 when it is empty or after
  !> an error.
  function iamax_dp(ctx, x, stat, errmsg) result(res)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> The vector.
    real(dp), intent(in), target :: x(:)
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer :: res
    integer(c_int32_t) :: status
    integer(c_size_t) :: out
    type(c_ptr) :: px
    integer(c_ptrdiff_t) :: incx
    character(len=:), allocatable :: message

    res = 0
    call vector_dp(x, px, incx)
    status = c_oxpar_idamax(ctx%handle, csize(size(x)), px, incx, out)
    if (status == OXPAR_STATUS_OK .and. out /= OXPAR_INDEX_NONE) res = int(out) + 1
    message = error_message(status)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end function iamax_dp

  !> `y := alpha*x + y` on real64 vectors.
  subroutine axpy_dp(ctx, x, y, alpha, stat, errmsg)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> The vector added.
    real(dp), intent(in), target :: x(:)
    !> The vector updated, as long as `x`.
    real(dp), intent(inout), target :: y(:)
    !> Default 1.
    real(dp), intent(in), optional :: alpha
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    real(dp) :: al
    type(c_ptr) :: px, py
    integer(c_ptrdiff_t) :: incx, incy
    character(len=:), allocatable :: message

    if (size(x) /= size(y)) then
      status = OXPAR_STATUS_SHAPE_MISMATCH
      message = "oxpar_axpy: y: has " // str(size(y)) // " elements but x has " // str(size(x))
    else
      al = 1.0_dp
      if (present(alpha)) al = alpha
      call vector_dp(x, px, incx)
      call vector_dp(y, py, incy)
      status = c_oxpar_daxpy(ctx%handle, csize(size(x)), al, px, incx, py, incy)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine axpy_dp

  !> `x := alpha*x` on a real64 vector.
  subroutine scal_dp(ctx, x, alpha, stat, errmsg)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> The vector scaled.
    real(dp), intent(inout), target :: x(:)
    !> The factor.
    real(dp), intent(in) :: alpha
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    type(c_ptr) :: px
    integer(c_ptrdiff_t) :: incx
    character(len=:), allocatable :: message

    call vector_dp(x, px, incx)
    status = c_oxpar_dscal(ctx%handle, csize(size(x)), alpha, px, incx)
    message = error_message(status)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine scal_dp

  !> `y := x` on real64 vectors.
  subroutine copy_dp(ctx, x, y, stat, errmsg)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> The source.
    real(dp), intent(in), target :: x(:)
    !> The destination, as long as `x` (unchanged after an error).
    real(dp), intent(inout), target :: y(:)
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    type(c_ptr) :: px, py
    integer(c_ptrdiff_t) :: incx, incy
    character(len=:), allocatable :: message

    if (size(x) /= size(y)) then
      status = OXPAR_STATUS_SHAPE_MISMATCH
      message = "oxpar_copy: y: has " // str(size(y)) // " elements but x has " // str(size(x))
    else
      call vector_dp(x, px, incx)
      call vector_dp(y, py, incy)
      status = c_oxpar_dcopy(ctx%handle, csize(size(x)), px, incx, py, incy)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine copy_dp

  !> Exchanges real64 vectors `x` and `y`.
  subroutine swap_dp(ctx, x, y, stat, errmsg)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> The first vector.
    real(dp), intent(inout), target :: x(:)
    !> The second vector, as long as `x`.
    real(dp), intent(inout), target :: y(:)
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    type(c_ptr) :: px, py
    integer(c_ptrdiff_t) :: incx, incy
    character(len=:), allocatable :: message

    if (size(x) /= size(y)) then
      status = OXPAR_STATUS_SHAPE_MISMATCH
      message = "oxpar_swap: y: has " // str(size(y)) // " elements but x has " // str(size(x))
    else
      call vector_dp(x, px, incx)
      call vector_dp(y, py, incy)
      status = c_oxpar_dswap(ctx%handle, csize(size(x)), px, incx, py, incy)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine swap_dp

  !> The C view of a real64 vector: the address of its first element and the
  !> distance in elements to the next (negative for reversed sections); no copy.
  subroutine vector_dp(x, p, inc)
    real(dp), intent(in), target :: x(:)
    type(c_ptr), intent(out) :: p
    integer(c_ptrdiff_t), intent(out) :: inc
    integer(c_intptr_t), parameter :: bytes = storage_size(1.0_dp) / 8

    p = c_null_ptr
    inc = 1
    if (size(x) == 0) return
    p = c_loc(x(1))
    if (size(x) > 1) inc = distance(p, c_loc(x(2)), bytes)
  end subroutine vector_dp

  !> The C view of a real64 matrix: the address of element (1, 1) and the
  !> distances in elements between rows and between columns; no copy.
  subroutine matrix_dp(a, p, rs, cs)
    real(dp), intent(in), target :: a(:,:)
    type(c_ptr), intent(out) :: p
    integer(c_ptrdiff_t), intent(out) :: rs, cs
    integer(c_intptr_t), parameter :: bytes = storage_size(1.0_dp) / 8

    p = c_null_ptr
    rs = 1
    cs = max(size(a, 1), 1)
    if (size(a) == 0) return
    p = c_loc(a(1, 1))
    if (size(a, 1) > 1) rs = distance(p, c_loc(a(2, 1)), bytes)
    if (size(a, 2) > 1) cs = distance(p, c_loc(a(1, 2)), bytes)
  end subroutine matrix_dp

  !> The rows and columns of `op(a)`.
  pure subroutine op_shape_dp(a, trans, rows, cols)
    real(dp), intent(in) :: a(:,:)
    integer(c_int32_t), intent(in) :: trans
    integer, intent(out) :: rows, cols

    if (trans == OXPAR_TRANS_NO) then
      rows = size(a, 1)
      cols = size(a, 2)
    else
      rows = size(a, 2)
      cols = size(a, 1)
    end if
  end subroutine op_shape_dp

  ! ---------------------------------------------------------------------------
  ! Device buffers, device BLAS and user kernels (OpenCL contexts).

  !> Creates a buffer of `n` zeros of kind `kind` (`real32` or `real64`) on
  !> the device of an OpenCL context. A buffer it already held is destroyed
  !> first; after an error it holds none.
  subroutine buffer_create(self, ctx, n, kind, stat, errmsg)
    !> The buffer.
    class(oxpar_buffer), intent(inout) :: self
    !> An OpenCL context (`init("opencl")`); on another, `OXPAR_STATUS_UNSUPPORTED`.
    type(oxpar_context), intent(in) :: ctx
    !> The number of elements, 0 or more.
    integer, intent(in) :: n
    !> `real32` or `real64` (from `iso_fortran_env`); real64 needs a device with doubles.
    integer, intent(in) :: kind
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    call buffer_new(self, ctx, n, kind, status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine buffer_create

  !> The buffer's number of elements; 0 when not created.
  function buffer_length(self) result(n)
    !> The buffer.
    class(oxpar_buffer), intent(in) :: self
    integer :: n
    integer(c_size_t) :: out

    n = 0
    if (.not. c_associated(self%handle)) return
    if (c_oxpar_buffer_len(self%handle, out) == OXPAR_STATUS_OK) n = int(out)
  end function buffer_length

  !> The kind of the buffer's elements, `real32` or `real64`; -1 when not created.
  function buffer_real_kind(self) result(kind)
    !> The buffer.
    class(oxpar_buffer), intent(in) :: self
    integer :: kind
    integer(c_int32_t) :: out

    kind = -1
    if (.not. c_associated(self%handle)) return
    if (c_oxpar_buffer_dtype(self%handle, out) /= OXPAR_STATUS_OK) return
    if (out == OXPAR_DTYPE_F32) kind = sp
    if (out == OXPAR_DTYPE_F64) kind = dp
  end function buffer_real_kind

  !> Whether the buffer is usable (`create` succeeded, `destroy` not called since).
  pure function buffer_created(self) result(yes)
    !> The buffer.
    class(oxpar_buffer), intent(in) :: self
    logical :: yes

    yes = c_associated(self%handle)
  end function buffer_created

  !> Frees the buffer; a no-op when not created. Commands already queued on
  !> it complete, then its memory is released (a kernel that has it as an
  !> argument does not keep it: set that argument again before a launch).
  subroutine buffer_destroy(self)
    !> The buffer.
    class(oxpar_buffer), intent(inout) :: self

    if (c_associated(self%handle)) call c_oxpar_buffer_free(self%handle)
    self%handle = c_null_ptr
  end subroutine buffer_destroy

  !> The dot product `x . y` of two buffers of the same kind and length,
  !> waited for; real64 for both kinds (a real32 result converts exactly).
  !> NaN after an error.
  function oxpar_buffer_dot(ctx, x, y, stat, errmsg) result(res)
    !> The OpenCL context of the buffers.
    type(oxpar_context), intent(in) :: ctx
    !> The first buffer.
    type(oxpar_buffer), intent(in) :: x
    !> The second buffer, as long as `x` and of its kind.
    type(oxpar_buffer), intent(in) :: y
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    real(dp) :: res
    integer(c_int32_t) :: status
    real(c_float) :: out_sp
    real(c_double) :: out_dp
    character(len=:), allocatable :: message

    res = ieee_value(res, ieee_quiet_nan)
    if (x%length() /= y%length()) then
      status = OXPAR_STATUS_SHAPE_MISMATCH
      message = "oxpar_buffer_dot: y: has " // str(y%length()) // " elements but x has " // str(x%length())
    else if (x%real_kind() == sp) then
      status = c_oxpar_buffer_sdot(ctx%handle, csize(x%length()), x%handle, 0_c_size_t, 1_c_ptrdiff_t, &
        y%handle, 0_c_size_t, 1_c_ptrdiff_t, out_sp)
      if (status == OXPAR_STATUS_OK) res = real(out_sp, dp)
      message = error_message(status)
    else
      ! real64 or no buffer at all (then the library names the null handle).
      status = c_oxpar_buffer_ddot(ctx%handle, csize(x%length()), x%handle, 0_c_size_t, 1_c_ptrdiff_t, &
        y%handle, 0_c_size_t, 1_c_ptrdiff_t, out_dp)
      if (status == OXPAR_STATUS_OK) res = out_dp
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end function oxpar_buffer_dot

  !> `y := x` on two buffers of the same kind and length, `y` another one
  !> than `x` (queued on the device).
  subroutine oxpar_buffer_copy(ctx, x, y, stat, errmsg)
    !> The OpenCL context of the buffers.
    type(oxpar_context), intent(in) :: ctx
    !> The buffer copied.
    type(oxpar_buffer), intent(in) :: x
    !> The buffer written, as long as `x` and of its kind.
    type(oxpar_buffer), intent(inout) :: y
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    if (x%length() /= y%length()) then
      status = OXPAR_STATUS_SHAPE_MISMATCH
      message = "oxpar_buffer_copy: y: has " // str(y%length()) // " elements but x has " // str(x%length())
    else if (x%real_kind() == sp) then
      status = c_oxpar_buffer_scopy(ctx%handle, csize(x%length()), x%handle, 0_c_size_t, 1_c_ptrdiff_t, &
        y%handle, 0_c_size_t, 1_c_ptrdiff_t)
      message = error_message(status)
    else
      ! real64 or no buffer at all (then the library names the null handle).
      status = c_oxpar_buffer_dcopy(ctx%handle, csize(x%length()), x%handle, 0_c_size_t, 1_c_ptrdiff_t, &
        y%handle, 0_c_size_t, 1_c_ptrdiff_t)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine oxpar_buffer_copy

  !> Exchanges two different buffers of the same kind and length (queued on
  !> the device).
  subroutine oxpar_buffer_swap(ctx, x, y, stat, errmsg)
    !> The OpenCL context of the buffers.
    type(oxpar_context), intent(in) :: ctx
    !> The first buffer.
    type(oxpar_buffer), intent(inout) :: x
    !> The second buffer, as long as `x` and of its kind.
    type(oxpar_buffer), intent(inout) :: y
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    if (x%length() /= y%length()) then
      status = OXPAR_STATUS_SHAPE_MISMATCH
      message = "oxpar_buffer_swap: y: has " // str(y%length()) // " elements but x has " // str(x%length())
    else if (x%real_kind() == sp) then
      status = c_oxpar_buffer_sswap(ctx%handle, csize(x%length()), x%handle, 0_c_size_t, 1_c_ptrdiff_t, &
        y%handle, 0_c_size_t, 1_c_ptrdiff_t)
      message = error_message(status)
    else
      ! real64 or no buffer at all (then the library names the null handle).
      status = c_oxpar_buffer_dswap(ctx%handle, csize(x%length()), x%handle, 0_c_size_t, 1_c_ptrdiff_t, &
        y%handle, 0_c_size_t, 1_c_ptrdiff_t)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine oxpar_buffer_swap

  !> The Euclidean norm of a buffer, waited for; real64 for both kinds (a
  !> real32 result converts exactly). NaN after an error.
  function oxpar_buffer_nrm2(ctx, x, stat, errmsg) result(res)
    !> The OpenCL context of the buffer.
    type(oxpar_context), intent(in) :: ctx
    !> The buffer.
    type(oxpar_buffer), intent(in) :: x
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    real(dp) :: res
    integer(c_int32_t) :: status
    real(c_float) :: out_sp
    real(c_double) :: out_dp
    character(len=:), allocatable :: message

    res = ieee_value(res, ieee_quiet_nan)
    if (x%real_kind() == sp) then
      status = c_oxpar_buffer_snrm2(ctx%handle, csize(x%length()), x%handle, 0_c_size_t, 1_c_ptrdiff_t, out_sp)
      if (status == OXPAR_STATUS_OK) res = real(out_sp, dp)
    else
      ! real64 or no buffer at all (then the library names the null handle).
      status = c_oxpar_buffer_dnrm2(ctx%handle, csize(x%length()), x%handle, 0_c_size_t, 1_c_ptrdiff_t, out_dp)
      if (status == OXPAR_STATUS_OK) res = out_dp
    end if
    message = error_message(status)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end function oxpar_buffer_nrm2

  !> The sum of the absolute values of a buffer, waited for; real64 for both kinds (a
  !> real32 result converts exactly). NaN after an error.
  function oxpar_buffer_asum(ctx, x, stat, errmsg) result(res)
    !> The OpenCL context of the buffer.
    type(oxpar_context), intent(in) :: ctx
    !> The buffer.
    type(oxpar_buffer), intent(in) :: x
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    real(dp) :: res
    integer(c_int32_t) :: status
    real(c_float) :: out_sp
    real(c_double) :: out_dp
    character(len=:), allocatable :: message

    res = ieee_value(res, ieee_quiet_nan)
    if (x%real_kind() == sp) then
      status = c_oxpar_buffer_sasum(ctx%handle, csize(x%length()), x%handle, 0_c_size_t, 1_c_ptrdiff_t, out_sp)
      if (status == OXPAR_STATUS_OK) res = real(out_sp, dp)
    else
      ! real64 or no buffer at all (then the library names the null handle).
      status = c_oxpar_buffer_dasum(ctx%handle, csize(x%length()), x%handle, 0_c_size_t, 1_c_ptrdiff_t, out_dp)
      if (status == OXPAR_STATUS_OK) res = out_dp
    end if
    message = error_message(status)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end function oxpar_buffer_asum

  !> The sum of the elements of a buffer, waited for; real64 for both kinds (a
  !> real32 result converts exactly). NaN after an error.
  function oxpar_buffer_sum(ctx, x, stat, errmsg) result(res)
    !> The OpenCL context of the buffer.
    type(oxpar_context), intent(in) :: ctx
    !> The buffer.
    type(oxpar_buffer), intent(in) :: x
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    real(dp) :: res
    integer(c_int32_t) :: status
    real(c_float) :: out_sp
    real(c_double) :: out_dp
    character(len=:), allocatable :: message

    res = ieee_value(res, ieee_quiet_nan)
    if (x%real_kind() == sp) then
      status = c_oxpar_buffer_ssum(ctx%handle, csize(x%length()), x%handle, 0_c_size_t, 1_c_ptrdiff_t, out_sp)
      if (status == OXPAR_STATUS_OK) res = real(out_sp, dp)
    else
      ! real64 or no buffer at all (then the library names the null handle).
      status = c_oxpar_buffer_dsum(ctx%handle, csize(x%length()), x%handle, 0_c_size_t, 1_c_ptrdiff_t, out_dp)
      if (status == OXPAR_STATUS_OK) res = out_dp
    end if
    message = error_message(status)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end function oxpar_buffer_sum

  !> The 1-based index of the first element of largest absolute value of a
  !> buffer (the first NaN if there is one), waited for; 0 for an empty
  !> buffer or after an error.
  function oxpar_buffer_iamax(ctx, x, stat, errmsg) result(res)
    !> The OpenCL context of the buffer.
    type(oxpar_context), intent(in) :: ctx
    !> The buffer.
    type(oxpar_buffer), intent(in) :: x
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer :: res
    integer(c_int32_t) :: status
    integer(c_size_t) :: out
    character(len=:), allocatable :: message

    res = 0
    if (x%real_kind() == sp) then
      status = c_oxpar_buffer_isamax(ctx%handle, csize(x%length()), x%handle, 0_c_size_t, 1_c_ptrdiff_t, out)
    else
      ! real64 or no buffer at all (then the library names the null handle).
      status = c_oxpar_buffer_idamax(ctx%handle, csize(x%length()), x%handle, 0_c_size_t, 1_c_ptrdiff_t, out)
    end if
    if (status == OXPAR_STATUS_OK .and. out /= OXPAR_INDEX_NONE) res = int(out) + 1
    message = error_message(status)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end function oxpar_buffer_iamax

  !> Waits until every command queued on an OpenCL context (kernels, buffer
  !> routines) has finished, and reports a device failure meanwhile; returns
  !> at once on a host context.
  subroutine oxpar_finish(ctx, stat, errmsg)
    !> The context.
    type(oxpar_context), intent(in) :: ctx
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    status = c_oxpar_context_finish(ctx%handle)
    message = error_message(status)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine oxpar_finish

  !> Builds OpenCL C `source` for the device of an OpenCL context. A program
  !> it already held is destroyed first; after an error it holds none. A
  !> source that does not compile is `OXPAR_STATUS_INVALID_ARGUMENT`, with
  !> the compiler's build log in `errmsg` (and in the `error stop` message).
  subroutine program_build(self, ctx, source, options, stat, errmsg)
    !> The program.
    class(oxpar_program), intent(inout) :: self
    !> An OpenCL context.
    type(oxpar_context), intent(in) :: ctx
    !> The OpenCL C source (lines joined with `new_line('a')`).
    character(len=*), intent(in) :: source
    !> Compiler options, e.g. `"-DN=4"`; default none.
    character(len=*), intent(in), optional :: options
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success): the build log after a failed build.
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message
    type(c_ptr) :: handle

    call self%destroy()
    handle = c_null_ptr
    if (present(options)) then
      status = c_oxpar_program_build(ctx%handle, source // c_null_char, trim(options) // c_null_char, handle)
    else
      status = c_oxpar_program_build(ctx%handle, source // c_null_char, c_null_char, handle)
    end if
    message = error_message(status)
    if (status == OXPAR_STATUS_OK) self%handle = handle
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine program_build

  !> Whether the program is usable (`build` succeeded, `destroy` not called since).
  pure function program_built(self) result(yes)
    !> The program.
    class(oxpar_program), intent(in) :: self
    logical :: yes

    yes = c_associated(self%handle)
  end function program_built

  !> Frees the program; a no-op when not built. Its kernels stay usable.
  subroutine program_destroy(self)
    !> The program.
    class(oxpar_program), intent(inout) :: self

    if (c_associated(self%handle)) call c_oxpar_program_free(self%handle)
    self%handle = c_null_ptr
  end subroutine program_destroy

  !> Creates the kernel called `name` of a built program, with no arguments
  !> set. A kernel it already held is destroyed first; after an error (no
  !> such kernel: the message lists those the program has) it holds none.
  subroutine kernel_create(self, program, name, stat, errmsg)
    !> The kernel.
    class(oxpar_kernel), intent(inout) :: self
    !> The program.
    type(oxpar_program), intent(in) :: program
    !> The `__kernel` function's name; trailing blanks are ignored.
    character(len=*), intent(in) :: name
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message
    type(c_ptr) :: handle

    call self%destroy()
    handle = c_null_ptr
    status = c_oxpar_kernel_create(program%handle, trim(name) // c_null_char, handle)
    message = error_message(status)
    if (status == OXPAR_STATUS_OK) self%handle = handle
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine kernel_create

  !> Sets argument `index` (0-based) of the kernel to a buffer (a `__global`
  !> or `__constant` pointer). The kernel does not keep the buffer alive:
  !> after `destroy` of it, set the argument again before a launch.
  subroutine kernel_set_arg_buffer(self, index, value, stat, errmsg)
    !> The kernel.
    class(oxpar_kernel), intent(inout) :: self
    !> The argument's position in the kernel's parameter list, from 0.
    integer, intent(in) :: index
    !> The buffer, of the kernel's context.
    type(oxpar_buffer), intent(in) :: value
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    if (.not. arg_index_ok(index, message)) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
    else
      status = c_oxpar_kernel_set_arg_buffer(self%handle, int(index, c_int32_t), value%handle)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine kernel_set_arg_buffer

  !> Sets argument `index` (0-based) of the kernel to an `int`.
  subroutine kernel_set_arg_i32(self, index, value, stat, errmsg)
    !> The kernel.
    class(oxpar_kernel), intent(inout) :: self
    !> The argument's position in the kernel's parameter list, from 0.
    integer, intent(in) :: index
    !> The value.
    integer(int32), intent(in) :: value
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    if (.not. arg_index_ok(index, message)) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
    else
      status = c_oxpar_kernel_set_arg_i32(self%handle, int(index, c_int32_t), int(value, c_int32_t))
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine kernel_set_arg_i32

  !> Sets argument `index` (0-based) of the kernel to a `long`.
  subroutine kernel_set_arg_i64(self, index, value, stat, errmsg)
    !> The kernel.
    class(oxpar_kernel), intent(inout) :: self
    !> The argument's position in the kernel's parameter list, from 0.
    integer, intent(in) :: index
    !> The value.
    integer(int64), intent(in) :: value
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    if (.not. arg_index_ok(index, message)) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
    else
      status = c_oxpar_kernel_set_arg_i64(self%handle, int(index, c_int32_t), int(value, c_int64_t))
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine kernel_set_arg_i64

  !> Sets argument `index` (0-based) of the kernel to a `uint` with the bits of `value`.
  subroutine kernel_set_arg_u32(self, index, value, stat, errmsg)
    !> The kernel.
    class(oxpar_kernel), intent(inout) :: self
    !> The argument's position in the kernel's parameter list, from 0.
    integer, intent(in) :: index
    !> The value (negative values stand for 2**32 more).
    integer(int32), intent(in) :: value
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    if (.not. arg_index_ok(index, message)) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
    else
      status = c_oxpar_kernel_set_arg_u32(self%handle, int(index, c_int32_t), int(value, c_int32_t))
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine kernel_set_arg_u32

  !> Sets argument `index` (0-based) of the kernel to a `ulong` with the bits
  !> of `value` (also for sizes: OpenCL C has no `size_t` parameters).
  subroutine kernel_set_arg_u64(self, index, value, stat, errmsg)
    !> The kernel.
    class(oxpar_kernel), intent(inout) :: self
    !> The argument's position in the kernel's parameter list, from 0.
    integer, intent(in) :: index
    !> The value (negative values stand for 2**64 more).
    integer(int64), intent(in) :: value
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    if (.not. arg_index_ok(index, message)) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
    else
      status = c_oxpar_kernel_set_arg_u64(self%handle, int(index, c_int32_t), int(value, c_int64_t))
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine kernel_set_arg_u64

  !> Sets argument `index` (0-based, a `__local` pointer) of the kernel to
  !> `bytes` bytes of local memory per work-group.
  subroutine kernel_set_arg_local(self, index, bytes, stat, errmsg)
    !> The kernel.
    class(oxpar_kernel), intent(inout) :: self
    !> The argument's position in the kernel's parameter list, from 0.
    integer, intent(in) :: index
    !> The bytes per work-group, at least 1.
    integer, intent(in) :: bytes
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    if (.not. arg_index_ok(index, message)) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
    else if (bytes < 1) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
      message = "oxpar_kernel%set_arg_local: bytes: must be at least 1, got " // str(bytes)
    else
      status = c_oxpar_kernel_set_arg_local(self%handle, int(index, c_int32_t), csize(bytes))
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine kernel_set_arg_local

  !> Queues the kernel over `size(global)` (1 to 3) dimensions: `global(d)`
  !> work-items in dimension `d`, in work-groups of `local(d)` (absent: the
  !> driver chooses). Every argument must have been set. Returns once queued:
  !> wait with `oxpar_finish` or by downloading a buffer. A user kernel is
  !> user code: nothing checks that it stays inside its buffers.
  subroutine kernel_launch(self, global, local, stat, errmsg)
    !> The kernel.
    class(oxpar_kernel), intent(inout) :: self
    !> The work-items in each dimension (0 or more; a 0 runs nothing).
    integer, intent(in) :: global(:)
    !> The work-group size in each dimension, as many as `global`.
    integer, intent(in), optional :: local(:)
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message
    integer(c_size_t), target :: g(3), l(3)
    type(c_ptr) :: pl

    status = OXPAR_STATUS_INVALID_ARGUMENT
    g = 0
    l = 0
    pl = c_null_ptr
    if (size(global) < 1 .or. size(global) > 3) then
      message = "oxpar_kernel%launch: global: must have 1 to 3 elements, got " // str(size(global))
    else if (any(global < 0)) then
      message = "oxpar_kernel%launch: global: must not be negative"
    else
      status = OXPAR_STATUS_OK
      if (present(local)) then
        if (size(local) /= size(global)) then
          status = OXPAR_STATUS_INVALID_ARGUMENT
          message = "oxpar_kernel%launch: local: has " // str(size(local)) // " elements but global has " &
            // str(size(global))
        else if (any(local < 1)) then
          status = OXPAR_STATUS_INVALID_ARGUMENT
          message = "oxpar_kernel%launch: local: must be at least 1"
        else
          l(1:size(local)) = csize(local)
          pl = c_loc(l)
        end if
      end if
      if (status == OXPAR_STATUS_OK) then
        g(1:size(global)) = csize(global)
        status = c_oxpar_kernel_launch(self%handle, int(size(global), c_int32_t), c_loc(g), pl)
        message = error_message(status)
      end if
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine kernel_launch

  !> Whether the kernel is usable (`create` succeeded, `destroy` not called since).
  pure function kernel_created(self) result(yes)
    !> The kernel.
    class(oxpar_kernel), intent(in) :: self
    logical :: yes

    yes = c_associated(self%handle)
  end function kernel_created

  !> Frees the kernel (and its hold on its buffer arguments); a no-op when
  !> not created. Launches already queued complete.
  subroutine kernel_destroy(self)
    !> The kernel.
    class(oxpar_kernel), intent(inout) :: self

    if (c_associated(self%handle)) call c_oxpar_kernel_free(self%handle)
    self%handle = c_null_ptr
  end subroutine kernel_destroy

  !> Creates `buf` (`n` elements of kind `kind`), destroying what it held;
  !> the shared part of `create` and `oxpar_to_device`.
  subroutine buffer_new(buf, ctx, n, kind, status, message)
    type(oxpar_buffer), intent(inout) :: buf
    type(oxpar_context), intent(in) :: ctx
    integer, intent(in) :: n, kind
    integer(c_int32_t), intent(out) :: status
    character(len=:), allocatable, intent(out) :: message
    type(c_ptr) :: handle
    integer(c_int32_t) :: dtype

    call buf%destroy()
    handle = c_null_ptr
    status = OXPAR_STATUS_INVALID_ARGUMENT
    if (n < 0) then
      message = "oxpar_buffer%create: n: must not be negative, got " // str(n)
    else if (kind /= sp .and. kind /= dp) then
      message = "oxpar_buffer%create: kind: must be real32 (" // str(sp) // ") or real64 (" // str(dp) &
        // "), got " // str(kind)
    else
      dtype = OXPAR_DTYPE_F64
      if (kind == sp) dtype = OXPAR_DTYPE_F32
      status = c_oxpar_buffer_create(ctx%handle, dtype, csize(n), handle)
      message = error_message(status)
      if (status == OXPAR_STATUS_OK) buf%handle = handle
    end if
  end subroutine buffer_new

  !> Creates `buf` with the `n` elements of kind `kind` at `p`; the shared
  !> part of `oxpar_to_device`. After an error `buf` holds no buffer.
  subroutine buffer_from_host(ctx, buf, kind, p, n, status, message)
    type(oxpar_context), intent(in) :: ctx
    type(oxpar_buffer), intent(inout) :: buf
    integer, intent(in) :: kind, n
    type(c_ptr), intent(in) :: p
    integer(c_int32_t), intent(out) :: status
    character(len=:), allocatable, intent(out) :: message

    call buffer_new(buf, ctx, n, kind, status, message)
    if (status /= OXPAR_STATUS_OK) return
    status = c_oxpar_buffer_upload(buf%handle, p, csize(n))
    message = error_message(status)
    if (status /= OXPAR_STATUS_OK) call buf%destroy()
  end subroutine buffer_from_host

  !> Uploads (`up`) or downloads the `n` elements of kind `kind` at `p`,
  !> checking first that the buffer holds that kind.
  subroutine buffer_transfer(buf, kind, p, n, up, status, message)
    class(oxpar_buffer), intent(in) :: buf
    integer, intent(in) :: kind, n
    type(c_ptr), intent(in) :: p
    logical, intent(in) :: up
    integer(c_int32_t), intent(out) :: status
    character(len=:), allocatable, intent(out) :: message
    character(len=:), allocatable :: what
    integer :: held

    what = "download"
    if (up) what = "upload"
    held = buf%real_kind()
    if (held /= -1 .and. held /= kind) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
      message = "oxpar_buffer%" // what // ": x: is " // kind_name(kind) // " but the buffer holds " &
        // kind_name(held)
    else if (up) then
      status = c_oxpar_buffer_upload(buf%handle, p, csize(n))
      message = error_message(status)
    else
      status = c_oxpar_buffer_download(buf%handle, p, csize(n))
      message = error_message(status)
    end if
  end subroutine buffer_transfer

  !> `"real32"` or `"real64"`.
  pure function kind_name(kind) result(name)
    integer, intent(in) :: kind
    character(len=:), allocatable :: name

    name = "real64"
    if (kind == sp) name = "real32"
  end function kind_name

  !> The leading dimension of a stored matrix: `ld` if present, else its rows
  !> (`rows` of `op`, or `cols` when transposed); 0 (refused) when `ld` is
  !> smaller than the rows.
  pure subroutine leading(ld, trans, rows, cols, res)
    integer, intent(in), optional :: ld
    integer(c_int32_t), intent(in) :: trans
    integer, intent(in) :: rows, cols
    integer, intent(out) :: res
    integer :: stored

    stored = rows
    if (trans /= OXPAR_TRANS_NO) stored = cols
    res = max(stored, 1)
    if (present(ld)) then
      res = ld
      if (ld < stored) res = 0
    end if
  end subroutine leading

  !> Whether a kernel argument index is usable (0 or more); else `message` says why.
  function arg_index_ok(index, message) result(ok)
    integer, intent(in) :: index
    character(len=:), allocatable, intent(out) :: message
    logical :: ok

    ok = index >= 0
    message = ""
    if (.not. ok) message = "oxpar_kernel%set_arg: index: must be 0 or more (0-based), got " // str(index)
  end function arg_index_ok

  ! real32 device routines.

  !> Copies a real32 array into the buffer; `size(x)` must equal its length
  !> and the buffer must hold real32 elements.
  subroutine buffer_upload_sp(self, x, stat, errmsg)
    !> The buffer.
    class(oxpar_buffer), intent(inout) :: self
    !> The elements (a non-contiguous section is copied to a temporary first).
    real(sp), intent(in), contiguous, target :: x(:)
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message
    type(c_ptr) :: p

    p = c_null_ptr
    if (size(x) > 0) p = c_loc(x)
    call buffer_transfer(self, sp, p, size(x), .true., status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine buffer_upload_sp

  !> Copies a real32 matrix (column-major) into the buffer; `size(x)` must
  !> equal its length and the buffer must hold real32 elements.
  subroutine buffer_upload2_sp(self, x, stat, errmsg)
    !> The buffer.
    class(oxpar_buffer), intent(inout) :: self
    !> The elements (a non-contiguous section is copied to a temporary first).
    real(sp), intent(in), contiguous, target :: x(:,:)
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message
    type(c_ptr) :: p

    p = c_null_ptr
    if (size(x) > 0) p = c_loc(x)
    call buffer_transfer(self, sp, p, size(x), .true., status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine buffer_upload2_sp

  !> Copies the buffer into a real32 array, after every command queued before
  !> on its context (this is how kernel results are waited for); `size(x)`
  !> must equal its length. `x` is unchanged after an error.
  subroutine buffer_download_sp(self, x, stat, errmsg)
    !> The buffer.
    class(oxpar_buffer), intent(in) :: self
    !> The destination.
    real(sp), intent(inout), contiguous, target :: x(:)
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message
    type(c_ptr) :: p

    p = c_null_ptr
    if (size(x) > 0) p = c_loc(x)
    call buffer_transfer(self, sp, p, size(x), .false., status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine buffer_download_sp

  !> Copies the buffer into a real32 matrix (column-major), as the 1-D `download`.
  subroutine buffer_download2_sp(self, x, stat, errmsg)
    !> The buffer.
    class(oxpar_buffer), intent(in) :: self
    !> The destination.
    real(sp), intent(inout), contiguous, target :: x(:,:)
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message
    type(c_ptr) :: p

    p = c_null_ptr
    if (size(x) > 0) p = c_loc(x)
    call buffer_transfer(self, sp, p, size(x), .false., status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine buffer_download2_sp

  !> Makes `buf` a new real32 buffer of `size(x)` elements holding `x`
  !> (destroying the one it held); after an error it holds none.
  subroutine to_device_sp(ctx, x, buf, stat, errmsg)
    !> An OpenCL context.
    type(oxpar_context), intent(in) :: ctx
    !> The elements.
    real(sp), intent(in), contiguous, target :: x(:)
    !> The new buffer.
    type(oxpar_buffer), intent(inout) :: buf
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message
    type(c_ptr) :: p

    p = c_null_ptr
    if (size(x) > 0) p = c_loc(x)
    call buffer_from_host(ctx, buf, sp, p, size(x), status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine to_device_sp

  !> Makes `buf` a new real32 buffer of `size(x)` elements holding the matrix
  !> `x` in column-major order (destroying the one it held).
  subroutine to_device2_sp(ctx, x, buf, stat, errmsg)
    !> An OpenCL context.
    type(oxpar_context), intent(in) :: ctx
    !> The matrix.
    real(sp), intent(in), contiguous, target :: x(:,:)
    !> The new buffer.
    type(oxpar_buffer), intent(inout) :: buf
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message
    type(c_ptr) :: p

    p = c_null_ptr
    if (size(x) > 0) p = c_loc(x)
    call buffer_from_host(ctx, buf, sp, p, size(x), status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine to_device2_sp

  !> `y := alpha*x + y` on real32 buffers of the same length (queued on the
  !> device; a later download or `oxpar_finish` waits for it).
  subroutine buffer_axpy_sp(ctx, alpha, x, y, stat, errmsg)
    !> The OpenCL context of the buffers.
    type(oxpar_context), intent(in) :: ctx
    !> The factor.
    real(sp), intent(in) :: alpha
    !> The buffer added.
    type(oxpar_buffer), intent(in) :: x
    !> The buffer updated: another one than `x`, as long.
    type(oxpar_buffer), intent(inout) :: y
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message
    real(c_float) :: al

    if (x%length() /= y%length()) then
      status = OXPAR_STATUS_SHAPE_MISMATCH
      message = "oxpar_buffer_axpy: y: has " // str(y%length()) // " elements but x has " // str(x%length())
    else
      al = alpha
      status = c_oxpar_buffer_saxpy(ctx%handle, csize(x%length()), al, x%handle, 0_c_size_t, 1_c_ptrdiff_t, &
        y%handle, 0_c_size_t, 1_c_ptrdiff_t)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine buffer_axpy_sp

  !> `c := alpha*op(a)*op(b) + beta*c` on real32 buffers holding column-major
  !> matrices (queued on the device; a later download or `oxpar_finish`
  !> waits for it).
  subroutine buffer_gemm_sp(ctx, a, b, c, m, n, k, alpha, beta, transa, transb, lda, ldb, ldc, stat, errmsg)
    !> The OpenCL context of the buffers.
    type(oxpar_context), intent(in) :: ctx
    !> The stored `a`: `m x k` (`k x m` with `transa = 'T'`).
    type(oxpar_buffer), intent(in) :: a
    !> The stored `b`: `k x n` (`n x k` with `transb = 'T'`).
    type(oxpar_buffer), intent(in) :: b
    !> The `m x n` result, another buffer than `a` and `b`.
    type(oxpar_buffer), intent(inout) :: c
    !> The rows of `op(a)` and `c`.
    integer, intent(in) :: m
    !> The columns of `op(b)` and `c`.
    integer, intent(in) :: n
    !> The columns of `op(a)`, the rows of `op(b)`.
    integer, intent(in) :: k
    !> The factor of the product.
    real(sp), intent(in) :: alpha
    !> The factor of `c` (0: `c` is not read).
    real(sp), intent(in) :: beta
    !> `'N'` (default) or `'T'`: whether `op(a)` is `a` or its transpose.
    character(len=1), intent(in), optional :: transa
    !> `'N'` (default) or `'T'`: whether `op(b)` is `b` or its transpose.
    character(len=1), intent(in), optional :: transb
    !> The distance between columns of the stored `a`; default its rows.
    integer, intent(in), optional :: lda
    !> The distance between columns of the stored `b`; default its rows.
    integer, intent(in), optional :: ldb
    !> The distance between columns of `c`; default `m`.
    integer, intent(in), optional :: ldc
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: ta, tb, status
    integer :: la, lb, lc
    real(c_float) :: al, be
    character(len=:), allocatable :: message

    status = OXPAR_STATUS_INVALID_ARGUMENT
    if (.not. trans_code(transa, ta)) then
      message = "oxpar_buffer_gemm: transa: " // bad_trans(transa)
    else if (.not. trans_code(transb, tb)) then
      message = "oxpar_buffer_gemm: transb: " // bad_trans(transb)
    else if (min(m, n, k) < 0) then
      message = "oxpar_buffer_gemm: m, n, k: must not be negative, got " // str(m) // ", " // str(n) // ", " &
        // str(k)
    else
      call leading(lda, ta, m, k, la)
      call leading(ldb, tb, k, n, lb)
      call leading(ldc, OXPAR_TRANS_NO, m, n, lc)
      if (min(la, lb, lc) < 1) then
        message = "oxpar_buffer_gemm: lda, ldb, ldc: must be at least 1 and the rows, got " // str(la) // ", " &
          // str(lb) // ", " // str(lc)
      else
        al = alpha
        be = beta
        status = c_oxpar_buffer_sgemm(ctx%handle, ta, tb, csize(m), csize(n), csize(k), al, &
          a%handle, 0_c_size_t, 1_c_ptrdiff_t, int(la, c_ptrdiff_t), &
          b%handle, 0_c_size_t, 1_c_ptrdiff_t, int(lb, c_ptrdiff_t), be, &
          c%handle, 0_c_size_t, 1_c_ptrdiff_t, int(lc, c_ptrdiff_t))
        message = error_message(status)
      end if
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine buffer_gemm_sp

  !> `x := alpha*x` on a real32 buffer (queued on the device; a later
  !> download or `oxpar_finish` waits for it).
  subroutine buffer_scal_sp(ctx, alpha, x, stat, errmsg)
    !> The OpenCL context of the buffer.
    type(oxpar_context), intent(in) :: ctx
    !> The factor.
    real(sp), intent(in) :: alpha
    !> The buffer scaled.
    type(oxpar_buffer), intent(inout) :: x
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message
    real(c_float) :: al

    al = alpha
    status = c_oxpar_buffer_sscal(ctx%handle, csize(x%length()), al, x%handle, 0_c_size_t, 1_c_ptrdiff_t)
    message = error_message(status)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine buffer_scal_sp

  !> `y := alpha*op(a)*x + beta*y` on real32 buffers, `a` holding an `m x n`
  !> column-major matrix (queued on the device; a later download or
  !> `oxpar_finish` waits for it).
  subroutine buffer_gemv_sp(ctx, a, x, y, m, n, alpha, beta, trans, lda, stat, errmsg)
    !> The OpenCL context of the buffers.
    type(oxpar_context), intent(in) :: ctx
    !> The stored `m x n` matrix.
    type(oxpar_buffer), intent(in) :: a
    !> `n` elements (`m` with `trans = 'T'`).
    type(oxpar_buffer), intent(in) :: x
    !> `m` elements (`n` with `trans = 'T'`), another buffer than `a` and `x`.
    type(oxpar_buffer), intent(inout) :: y
    !> The rows of the stored `a`.
    integer, intent(in) :: m
    !> The columns of the stored `a`.
    integer, intent(in) :: n
    !> The factor of the product.
    real(sp), intent(in) :: alpha
    !> The factor of `y` (0: `y` is not read).
    real(sp), intent(in) :: beta
    !> `'N'` (default) or `'T'`: whether `op(a)` is `a` or its transpose.
    character(len=1), intent(in), optional :: trans
    !> The distance between columns of `a`; default `m`.
    integer, intent(in), optional :: lda
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: t, status
    integer :: la, rows, cols
    real(c_float) :: al, be
    character(len=:), allocatable :: message

    status = OXPAR_STATUS_INVALID_ARGUMENT
    if (.not. trans_code(trans, t)) then
      message = "oxpar_buffer_gemv: trans: " // bad_trans(trans)
    else if (min(m, n) < 0) then
      message = "oxpar_buffer_gemv: m, n: must not be negative, got " // str(m) // ", " // str(n)
    else
      call leading(lda, OXPAR_TRANS_NO, m, n, la)
      rows = m
      cols = n
      if (t /= OXPAR_TRANS_NO) then
        rows = n
        cols = m
      end if
      if (la < 1) then
        message = "oxpar_buffer_gemv: lda: must be at least 1 and m, got " // str(la)
      else if (x%length() /= cols) then
        status = OXPAR_STATUS_SHAPE_MISMATCH
        message = "oxpar_buffer_gemv: x: has " // str(x%length()) // " elements but op(a) has " // str(cols) &
          // " columns"
      else if (y%length() /= rows) then
        status = OXPAR_STATUS_SHAPE_MISMATCH
        message = "oxpar_buffer_gemv: y: has " // str(y%length()) // " elements but op(a) has " // str(rows) &
          // " rows"
      else
        al = alpha
        be = beta
        status = c_oxpar_buffer_sgemv(ctx%handle, t, csize(m), csize(n), al, &
          a%handle, 0_c_size_t, 1_c_ptrdiff_t, int(la, c_ptrdiff_t), &
          x%handle, 0_c_size_t, 1_c_ptrdiff_t, be, y%handle, 0_c_size_t, 1_c_ptrdiff_t)
        message = error_message(status)
      end if
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine buffer_gemv_sp

  !> `a := alpha*x*y^T + a` on real32 buffers, `a` holding a column-major
  !> `m x n` matrix with `m = x%length()`, `n = y%length()` (queued on the
  !> device; a later download or `oxpar_finish` waits for it).
  subroutine buffer_ger_sp(ctx, alpha, x, y, a, lda, stat, errmsg)
    !> The OpenCL context of the buffers.
    type(oxpar_context), intent(in) :: ctx
    !> The factor.
    real(sp), intent(in) :: alpha
    !> `m` elements.
    type(oxpar_buffer), intent(in) :: x
    !> `n` elements.
    type(oxpar_buffer), intent(in) :: y
    !> The matrix updated, another buffer than `x` and `y`.
    type(oxpar_buffer), intent(inout) :: a
    !> The distance between columns of `a`; default `m`.
    integer, intent(in), optional :: lda
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    integer :: la, m, n
    real(c_float) :: al
    character(len=:), allocatable :: message

    m = x%length()
    n = y%length()
    call leading(lda, OXPAR_TRANS_NO, m, n, la)
    if (la < 1) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
      message = "oxpar_buffer_ger: lda: must be at least 1 and m, got " // str(la)
    else
      al = alpha
      status = c_oxpar_buffer_sger(ctx%handle, csize(m), csize(n), al, x%handle, 0_c_size_t, 1_c_ptrdiff_t, &
        y%handle, 0_c_size_t, 1_c_ptrdiff_t, a%handle, 0_c_size_t, 1_c_ptrdiff_t, int(la, c_ptrdiff_t))
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine buffer_ger_sp

  !> Sets argument `index` (0-based) of the kernel to a real32 value (`float`).
  subroutine kernel_set_arg_sp(self, index, value, stat, errmsg)
    !> The kernel.
    class(oxpar_kernel), intent(inout) :: self
    !> The argument's position in the kernel's parameter list, from 0.
    integer, intent(in) :: index
    !> The value.
    real(sp), intent(in) :: value
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    if (.not. arg_index_ok(index, message)) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
    else
      status = c_oxpar_kernel_set_arg_f32(self%handle, int(index, c_int32_t), real(value, c_float))
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine kernel_set_arg_sp

  ! real64 device routines.

  !> Copies a real64 array into the buffer; `size(x)` must equal its length
  !> and the buffer must hold real64 elements.
  subroutine buffer_upload_dp(self, x, stat, errmsg)
    !> The buffer.
    class(oxpar_buffer), intent(inout) :: self
    !> The elements (a non-contiguous section is copied to a temporary first).
    real(dp), intent(in), contiguous, target :: x(:)
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message
    type(c_ptr) :: p

    p = c_null_ptr
    if (size(x) > 0) p = c_loc(x)
    call buffer_transfer(self, dp, p, size(x), .true., status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine buffer_upload_dp

  !> Copies a real64 matrix (column-major) into the buffer; `size(x)` must
  !> equal its length and the buffer must hold real64 elements.
  subroutine buffer_upload2_dp(self, x, stat, errmsg)
    !> The buffer.
    class(oxpar_buffer), intent(inout) :: self
    !> The elements (a non-contiguous section is copied to a temporary first).
    real(dp), intent(in), contiguous, target :: x(:,:)
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message
    type(c_ptr) :: p

    p = c_null_ptr
    if (size(x) > 0) p = c_loc(x)
    call buffer_transfer(self, dp, p, size(x), .true., status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine buffer_upload2_dp

  !> Copies the buffer into a real64 array, after every command queued before
  !> on its context (this is how kernel results are waited for); `size(x)`
  !> must equal its length. `x` is unchanged after an error.
  subroutine buffer_download_dp(self, x, stat, errmsg)
    !> The buffer.
    class(oxpar_buffer), intent(in) :: self
    !> The destination.
    real(dp), intent(inout), contiguous, target :: x(:)
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message
    type(c_ptr) :: p

    p = c_null_ptr
    if (size(x) > 0) p = c_loc(x)
    call buffer_transfer(self, dp, p, size(x), .false., status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine buffer_download_dp

  !> Copies the buffer into a real64 matrix (column-major), as the 1-D `download`.
  subroutine buffer_download2_dp(self, x, stat, errmsg)
    !> The buffer.
    class(oxpar_buffer), intent(in) :: self
    !> The destination.
    real(dp), intent(inout), contiguous, target :: x(:,:)
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message
    type(c_ptr) :: p

    p = c_null_ptr
    if (size(x) > 0) p = c_loc(x)
    call buffer_transfer(self, dp, p, size(x), .false., status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine buffer_download2_dp

  !> Makes `buf` a new real64 buffer of `size(x)` elements holding `x`
  !> (destroying the one it held); after an error it holds none.
  subroutine to_device_dp(ctx, x, buf, stat, errmsg)
    !> An OpenCL context.
    type(oxpar_context), intent(in) :: ctx
    !> The elements.
    real(dp), intent(in), contiguous, target :: x(:)
    !> The new buffer.
    type(oxpar_buffer), intent(inout) :: buf
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message
    type(c_ptr) :: p

    p = c_null_ptr
    if (size(x) > 0) p = c_loc(x)
    call buffer_from_host(ctx, buf, dp, p, size(x), status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine to_device_dp

  !> Makes `buf` a new real64 buffer of `size(x)` elements holding the matrix
  !> `x` in column-major order (destroying the one it held).
  subroutine to_device2_dp(ctx, x, buf, stat, errmsg)
    !> An OpenCL context.
    type(oxpar_context), intent(in) :: ctx
    !> The matrix.
    real(dp), intent(in), contiguous, target :: x(:,:)
    !> The new buffer.
    type(oxpar_buffer), intent(inout) :: buf
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message
    type(c_ptr) :: p

    p = c_null_ptr
    if (size(x) > 0) p = c_loc(x)
    call buffer_from_host(ctx, buf, dp, p, size(x), status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine to_device2_dp

  !> `y := alpha*x + y` on real64 buffers of the same length (queued on the
  !> device; a later download or `oxpar_finish` waits for it).
  subroutine buffer_axpy_dp(ctx, alpha, x, y, stat, errmsg)
    !> The OpenCL context of the buffers.
    type(oxpar_context), intent(in) :: ctx
    !> The factor.
    real(dp), intent(in) :: alpha
    !> The buffer added.
    type(oxpar_buffer), intent(in) :: x
    !> The buffer updated: another one than `x`, as long.
    type(oxpar_buffer), intent(inout) :: y
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message
    real(c_double) :: al

    if (x%length() /= y%length()) then
      status = OXPAR_STATUS_SHAPE_MISMATCH
      message = "oxpar_buffer_axpy: y: has " // str(y%length()) // " elements but x has " // str(x%length())
    else
      al = alpha
      status = c_oxpar_buffer_daxpy(ctx%handle, csize(x%length()), al, x%handle, 0_c_size_t, 1_c_ptrdiff_t, &
        y%handle, 0_c_size_t, 1_c_ptrdiff_t)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine buffer_axpy_dp

  !> `c := alpha*op(a)*op(b) + beta*c` on real64 buffers holding column-major
  !> matrices (queued on the device; a later download or `oxpar_finish`
  !> waits for it).
  subroutine buffer_gemm_dp(ctx, a, b, c, m, n, k, alpha, beta, transa, transb, lda, ldb, ldc, stat, errmsg)
    !> The OpenCL context of the buffers.
    type(oxpar_context), intent(in) :: ctx
    !> The stored `a`: `m x k` (`k x m` with `transa = 'T'`).
    type(oxpar_buffer), intent(in) :: a
    !> The stored `b`: `k x n` (`n x k` with `transb = 'T'`).
    type(oxpar_buffer), intent(in) :: b
    !> The `m x n` result, another buffer than `a` and `b`.
    type(oxpar_buffer), intent(inout) :: c
    !> The rows of `op(a)` and `c`.
    integer, intent(in) :: m
    !> The columns of `op(b)` and `c`.
    integer, intent(in) :: n
    !> The columns of `op(a)`, the rows of `op(b)`.
    integer, intent(in) :: k
    !> The factor of the product.
    real(dp), intent(in) :: alpha
    !> The factor of `c` (0: `c` is not read).
    real(dp), intent(in) :: beta
    !> `'N'` (default) or `'T'`: whether `op(a)` is `a` or its transpose.
    character(len=1), intent(in), optional :: transa
    !> `'N'` (default) or `'T'`: whether `op(b)` is `b` or its transpose.
    character(len=1), intent(in), optional :: transb
    !> The distance between columns of the stored `a`; default its rows.
    integer, intent(in), optional :: lda
    !> The distance between columns of the stored `b`; default its rows.
    integer, intent(in), optional :: ldb
    !> The distance between columns of `c`; default `m`.
    integer, intent(in), optional :: ldc
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: ta, tb, status
    integer :: la, lb, lc
    real(c_double) :: al, be
    character(len=:), allocatable :: message

    status = OXPAR_STATUS_INVALID_ARGUMENT
    if (.not. trans_code(transa, ta)) then
      message = "oxpar_buffer_gemm: transa: " // bad_trans(transa)
    else if (.not. trans_code(transb, tb)) then
      message = "oxpar_buffer_gemm: transb: " // bad_trans(transb)
    else if (min(m, n, k) < 0) then
      message = "oxpar_buffer_gemm: m, n, k: must not be negative, got " // str(m) // ", " // str(n) // ", " &
        // str(k)
    else
      call leading(lda, ta, m, k, la)
      call leading(ldb, tb, k, n, lb)
      call leading(ldc, OXPAR_TRANS_NO, m, n, lc)
      if (min(la, lb, lc) < 1) then
        message = "oxpar_buffer_gemm: lda, ldb, ldc: must be at least 1 and the rows, got " // str(la) // ", " &
          // str(lb) // ", " // str(lc)
      else
        al = alpha
        be = beta
        status = c_oxpar_buffer_dgemm(ctx%handle, ta, tb, csize(m), csize(n), csize(k), al, &
          a%handle, 0_c_size_t, 1_c_ptrdiff_t, int(la, c_ptrdiff_t), &
          b%handle, 0_c_size_t, 1_c_ptrdiff_t, int(lb, c_ptrdiff_t), be, &
          c%handle, 0_c_size_t, 1_c_ptrdiff_t, int(lc, c_ptrdiff_t))
        message = error_message(status)
      end if
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine buffer_gemm_dp

  !> `x := alpha*x` on a real64 buffer (queued on the device; a later
  !> download or `oxpar_finish` waits for it).
  subroutine buffer_scal_dp(ctx, alpha, x, stat, errmsg)
    !> The OpenCL context of the buffer.
    type(oxpar_context), intent(in) :: ctx
    !> The factor.
    real(dp), intent(in) :: alpha
    !> The buffer scaled.
    type(oxpar_buffer), intent(inout) :: x
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message
    real(c_double) :: al

    al = alpha
    status = c_oxpar_buffer_dscal(ctx%handle, csize(x%length()), al, x%handle, 0_c_size_t, 1_c_ptrdiff_t)
    message = error_message(status)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine buffer_scal_dp

  !> `y := alpha*op(a)*x + beta*y` on real64 buffers, `a` holding an `m x n`
  !> column-major matrix (queued on the device; a later download or
  !> `oxpar_finish` waits for it).
  subroutine buffer_gemv_dp(ctx, a, x, y, m, n, alpha, beta, trans, lda, stat, errmsg)
    !> The OpenCL context of the buffers.
    type(oxpar_context), intent(in) :: ctx
    !> The stored `m x n` matrix.
    type(oxpar_buffer), intent(in) :: a
    !> `n` elements (`m` with `trans = 'T'`).
    type(oxpar_buffer), intent(in) :: x
    !> `m` elements (`n` with `trans = 'T'`), another buffer than `a` and `x`.
    type(oxpar_buffer), intent(inout) :: y
    !> The rows of the stored `a`.
    integer, intent(in) :: m
    !> The columns of the stored `a`.
    integer, intent(in) :: n
    !> The factor of the product.
    real(dp), intent(in) :: alpha
    !> The factor of `y` (0: `y` is not read).
    real(dp), intent(in) :: beta
    !> `'N'` (default) or `'T'`: whether `op(a)` is `a` or its transpose.
    character(len=1), intent(in), optional :: trans
    !> The distance between columns of `a`; default `m`.
    integer, intent(in), optional :: lda
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: t, status
    integer :: la, rows, cols
    real(c_double) :: al, be
    character(len=:), allocatable :: message

    status = OXPAR_STATUS_INVALID_ARGUMENT
    if (.not. trans_code(trans, t)) then
      message = "oxpar_buffer_gemv: trans: " // bad_trans(trans)
    else if (min(m, n) < 0) then
      message = "oxpar_buffer_gemv: m, n: must not be negative, got " // str(m) // ", " // str(n)
    else
      call leading(lda, OXPAR_TRANS_NO, m, n, la)
      rows = m
      cols = n
      if (t /= OXPAR_TRANS_NO) then
        rows = n
        cols = m
      end if
      if (la < 1) then
        message = "oxpar_buffer_gemv: lda: must be at least 1 and m, got " // str(la)
      else if (x%length() /= cols) then
        status = OXPAR_STATUS_SHAPE_MISMATCH
        message = "oxpar_buffer_gemv: x: has " // str(x%length()) // " elements but op(a) has " // str(cols) &
          // " columns"
      else if (y%length() /= rows) then
        status = OXPAR_STATUS_SHAPE_MISMATCH
        message = "oxpar_buffer_gemv: y: has " // str(y%length()) // " elements but op(a) has " // str(rows) &
          // " rows"
      else
        al = alpha
        be = beta
        status = c_oxpar_buffer_dgemv(ctx%handle, t, csize(m), csize(n), al, &
          a%handle, 0_c_size_t, 1_c_ptrdiff_t, int(la, c_ptrdiff_t), &
          x%handle, 0_c_size_t, 1_c_ptrdiff_t, be, y%handle, 0_c_size_t, 1_c_ptrdiff_t)
        message = error_message(status)
      end if
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine buffer_gemv_dp

  !> `a := alpha*x*y^T + a` on real64 buffers, `a` holding a column-major
  !> `m x n` matrix with `m = x%length()`, `n = y%length()` (queued on the
  !> device; a later download or `oxpar_finish` waits for it).
  subroutine buffer_ger_dp(ctx, alpha, x, y, a, lda, stat, errmsg)
    !> The OpenCL context of the buffers.
    type(oxpar_context), intent(in) :: ctx
    !> The factor.
    real(dp), intent(in) :: alpha
    !> `m` elements.
    type(oxpar_buffer), intent(in) :: x
    !> `n` elements.
    type(oxpar_buffer), intent(in) :: y
    !> The matrix updated, another buffer than `x` and `y`.
    type(oxpar_buffer), intent(inout) :: a
    !> The distance between columns of `a`; default `m`.
    integer, intent(in), optional :: lda
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    integer :: la, m, n
    real(c_double) :: al
    character(len=:), allocatable :: message

    m = x%length()
    n = y%length()
    call leading(lda, OXPAR_TRANS_NO, m, n, la)
    if (la < 1) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
      message = "oxpar_buffer_ger: lda: must be at least 1 and m, got " // str(la)
    else
      al = alpha
      status = c_oxpar_buffer_dger(ctx%handle, csize(m), csize(n), al, x%handle, 0_c_size_t, 1_c_ptrdiff_t, &
        y%handle, 0_c_size_t, 1_c_ptrdiff_t, a%handle, 0_c_size_t, 1_c_ptrdiff_t, int(la, c_ptrdiff_t))
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine buffer_ger_dp

  !> Sets argument `index` (0-based) of the kernel to a real64 value (`double`).
  subroutine kernel_set_arg_dp(self, index, value, stat, errmsg)
    !> The kernel.
    class(oxpar_kernel), intent(inout) :: self
    !> The argument's position in the kernel's parameter list, from 0.
    integer, intent(in) :: index
    !> The value.
    real(dp), intent(in) :: value
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    if (.not. arg_index_ok(index, message)) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
    else
      status = c_oxpar_kernel_set_arg_f64(self%handle, int(index, c_int32_t), real(value, c_double))
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine kernel_set_arg_dp

  ! ---------------------------------------------------------------------------
  ! MPI: ranks, the process grid, block distributions.

  !> This process's rank in the context's communicator (0-based, as MPI numbers
  !> ranks) and the number of ranks. A context that is not MPI is a
  !> one-process world: rank 0 of 1. Local (no communication).
  subroutine oxpar_mpi_rank(ctx, rank, size, stat, errmsg)
    !> The context.
    type(oxpar_context), intent(in) :: ctx
    !> This rank, from 0 (-1 after an error).
    integer, intent(out), optional :: rank
    !> The number of ranks (-1 after an error).
    integer, intent(out), optional :: size
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    integer(c_size_t) :: r, s
    character(len=:), allocatable :: message

    status = c_oxpar_mpi_rank(ctx%handle, r, s)
    message = error_message(status)
    if (status /= OXPAR_STATUS_OK) then
      r = -1
      s = -1
    end if
    if (present(rank)) rank = int(r)
    if (present(size)) size = int(s)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine oxpar_mpi_rank

  !> How many ranks of the context's communicator share this rank's node (1
  !> for a context that is not MPI; 0 after an error). An `"mpi+threads"`
  !> context gives each rank the node's CPUs divided by this.
  function oxpar_mpi_ranks_on_node(ctx, stat, errmsg) result(n)
    !> The context.
    type(oxpar_context), intent(in) :: ctx
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer :: n
    integer(c_int32_t) :: status
    integer(c_size_t) :: out
    character(len=:), allocatable :: message

    n = 0
    status = c_oxpar_mpi_ranks_on_node(ctx%handle, out)
    if (status == OXPAR_STATUS_OK) n = int(out)
    message = error_message(status)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end function oxpar_mpi_ranks_on_node

  !> The `integer` handle of the context's communicator: oxpar's duplicate of
  !> the one it was created with, for the program's own collectives alongside
  !> oxpar's without mixing messages. Do not free it (`destroy` does).
  !> Errors: `OXPAR_STATUS_UNSUPPORTED` (not an MPI context).
  subroutine oxpar_mpi_comm(ctx, comm, stat, errmsg)
    !> The MPI context.
    type(oxpar_context), intent(in) :: ctx
    !> The communicator (-1 after an error).
    integer, intent(out) :: comm
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status, out
    character(len=:), allocatable :: message

    comm = -1
    status = c_oxpar_mpi_comm(ctx%handle, out)
    if (status == OXPAR_STATUS_OK) comm = int(out)
    message = error_message(status)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine oxpar_mpi_comm

  !> The context's 2-D process grid (used by `oxpar_mpi_gemm` and the 2-D
  !> `oxpar_halo_exchange`): `rows x cols` ranks, this rank at grid row `row`,
  !> column `col`, both from 0; rank r sits at row r / cols, column
  !> mod(r, cols). The default is the most square grid with rows >= cols; a
  !> context that is not MPI has a 1 x 1 grid. Local (no communication).
  subroutine oxpar_mpi_grid(ctx, rows, cols, row, col, stat, errmsg)
    !> The context.
    type(oxpar_context), intent(in) :: ctx
    !> Grid rows (-1 after an error).
    integer, intent(out), optional :: rows
    !> Grid columns (-1 after an error).
    integer, intent(out), optional :: cols
    !> This rank's grid row, from 0 (-1 after an error).
    integer, intent(out), optional :: row
    !> This rank's grid column, from 0 (-1 after an error).
    integer, intent(out), optional :: col
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    integer(c_size_t) :: g(4)
    character(len=:), allocatable :: message

    status = c_oxpar_mpi_grid(ctx%handle, g(1), g(2), g(3), g(4))
    message = error_message(status)
    if (status /= OXPAR_STATUS_OK) g = -1
    if (present(rows)) rows = int(g(1))
    if (present(cols)) cols = int(g(2))
    if (present(row)) row = int(g(3))
    if (present(col)) col = int(g(4))
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine oxpar_mpi_grid

  !> Sets the context's process grid to `rows x cols` (collective). Every rank
  !> must pass the same shape and `rows * cols` must be the number of ranks;
  !> otherwise every rank gets an error and the grid stays as it was.
  !> Errors: `OXPAR_STATUS_INVALID_ARGUMENT` (not a grid of the ranks),
  !> `OXPAR_STATUS_SHAPE_MISMATCH` (ranks asked for different grids),
  !> `OXPAR_STATUS_UNSUPPORTED` (not an MPI context and not 1 x 1).
  subroutine oxpar_mpi_set_grid(ctx, rows, cols, stat, errmsg)
    !> The context.
    type(oxpar_context), intent(in) :: ctx
    !> Grid rows, at least 1.
    integer, intent(in) :: rows
    !> Grid columns, at least 1.
    integer, intent(in) :: cols
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    if (rows < 1 .or. cols < 1) then
      ! A 0 x 0 grid, which the library rejects on this rank and so on every rank.
      status = c_oxpar_mpi_set_grid(ctx%handle, 0_c_size_t, 0_c_size_t)
      status = OXPAR_STATUS_INVALID_ARGUMENT
      message = "oxpar_mpi_set_grid: rows, cols: must be at least 1, got " // str(rows) // " x " // str(cols)
    else
      status = c_oxpar_mpi_set_grid(ctx%handle, csize(rows), csize(cols))
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine oxpar_mpi_set_grid

  !> The balanced block distribution of `n` elements over `parts` blocks: block
  !> `index` (from 0, as ranks and grid coordinates are numbered) holds the
  !> `len` elements `first, ..., first + len - 1` (1-based Fortran indices;
  !> the first `mod(n, parts)` blocks get one element more). So rank `r` of
  !> `p` holds `x(first:first+len-1)` after
  !> `call oxpar_block_range(size(x), p, r, first, len)`. Local (no
  !> communication); the distributed routines accept any split that adds up.
  subroutine oxpar_block_range(n, parts, index, first, len, stat, errmsg)
    !> The number of elements, 0 or more.
    integer, intent(in) :: n
    !> The number of blocks, at least 1.
    integer, intent(in) :: parts
    !> The block, `0 <= index < parts`.
    integer, intent(in) :: index
    !> The 1-based index of the block's first element (-1 after an error).
    integer, intent(out) :: first
    !> The block's number of elements (-1 after an error).
    integer, intent(out) :: len
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    integer(c_size_t) :: s, l
    character(len=:), allocatable :: message

    first = -1
    len = -1
    status = OXPAR_STATUS_INVALID_ARGUMENT
    if (n < 0) then
      message = "oxpar_block_range: n: must be 0 or more, got " // str(n)
    else if (parts < 1) then
      message = "oxpar_block_range: parts: must be at least 1, got " // str(parts)
    else if (index < 0 .or. index >= parts) then
      message = "oxpar_block_range: index: must be from 0 to parts - 1 = " // str(parts - 1) // ", got " &
        // str(index)
    else
      status = c_oxpar_block_range(csize(n), csize(parts), csize(index), s, l)
      message = error_message(status)
      if (status == OXPAR_STATUS_OK) then
        first = int(s) + 1
        len = int(l)
      end if
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine oxpar_block_range

  !> After an argument error found here, before the library was called: on an
  !> MPI context the other ranks are waiting in the routine's first
  !> collective, so join it as a rank that rejected its arguments
  !> (`oxpar_context_reject`), passing this error's status and message on:
  !> every rank then returns an error of that kind. A no-op on other contexts.
  subroutine join_rejected(ctx, routine, status, message)
    !> The context of the rejected call.
    type(oxpar_context), intent(in) :: ctx
    !> `JOIN_DOT`, `JOIN_GEMV`, `JOIN_GER`, `JOIN_GEMM` or `JOIN_HALO`.
    integer(c_int32_t), intent(in) :: routine
    !> The error's status.
    integer(c_int32_t), intent(in) :: status
    !> The error's message.
    character(len=*), intent(in) :: message
    integer(c_int32_t) :: joined

    if (ctx%backend() /= OXPAR_BACKEND_MPI) return
    ! Its status is ours to ignore: the caller reports its own error.
    joined = c_oxpar_context_reject(ctx%handle, routine, status, message // c_null_char)
  end subroutine join_rejected

  ! ---------------------------------------------------------------------------
  ! MPI, real32

  !> Distributed `y := alpha*a*x + beta*y` on real32 arrays (collective). The
  !> `m x n` matrix is split by row blocks: this rank holds `m_local` whole
  !> rows of it and the matching `m_local` elements of `y`; `x` is split any
  !> way (its blocks, in rank order, make up its `n` elements). On a context
  !> that is not MPI, `x` is the whole vector. `y` is updated in place.
  subroutine mpi_gemv_sp(ctx, a, x, y, alpha, beta, stat, errmsg)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> This rank's rows of the matrix: `m_local x n`.
    real(sp), intent(in), target :: a(:,:)
    !> This rank's block of `x` (any length, 0 included).
    real(sp), intent(in), target :: x(:)
    !> This rank's block of `y`, `m_local` elements (read only when `beta /= 0`).
    real(sp), intent(inout), target :: y(:)
    !> Default 1.
    real(sp), intent(in), optional :: alpha
    !> Default 0.
    real(sp), intent(in), optional :: beta
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    real(sp) :: al, be
    type(c_ptr) :: pa, px, py
    integer(c_ptrdiff_t) :: rsa, csa, incx, incy
    character(len=:), allocatable :: message

    if (size(y) /= size(a, 1)) then
      status = OXPAR_STATUS_SHAPE_MISMATCH
      message = "oxpar_mpi_gemv: y: has " // str(size(y)) // " elements but this rank's block of a has " &
        // str(size(a, 1)) // " rows"
      call join_rejected(ctx, JOIN_GEMV, status, message)
    else
      al = 1.0_sp
      if (present(alpha)) al = alpha
      be = 0.0_sp
      if (present(beta)) be = beta
      call matrix_sp(a, pa, rsa, csa)
      call vector_sp(x, px, incx)
      call vector_sp(y, py, incy)
      status = c_oxpar_mpi_sgemv(ctx%handle, csize(size(a, 1)), csize(size(a, 2)), csize(size(x)), al, pa, &
        rsa, csa, px, incx, be, py, incy)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine mpi_gemv_sp

  !> Distributed `a := alpha*x*y^T + a` on real32 arrays (collective): this rank
  !> holds `m_local` whole rows of the `m x n` matrix and the matching
  !> `m_local` elements of `x`; `y` is split any way (its blocks, in rank
  !> order, make up its `n` elements). On a context that is not MPI, `y` is
  !> the whole vector.
  subroutine mpi_ger_sp(ctx, a, x, y, alpha, stat, errmsg)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> This rank's rows of the matrix, `m_local x n`, updated.
    real(sp), intent(inout), target :: a(:,:)
    !> This rank's block of `x`, `m_local` elements.
    real(sp), intent(in), target :: x(:)
    !> This rank's block of `y` (any length, 0 included).
    real(sp), intent(in), target :: y(:)
    !> Default 1.
    real(sp), intent(in), optional :: alpha
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    real(sp) :: al
    type(c_ptr) :: pa, px, py
    integer(c_ptrdiff_t) :: rsa, csa, incx, incy
    character(len=:), allocatable :: message

    if (size(x) /= size(a, 1)) then
      status = OXPAR_STATUS_SHAPE_MISMATCH
      message = "oxpar_mpi_ger: x: has " // str(size(x)) // " elements but this rank's block of a has " &
        // str(size(a, 1)) // " rows"
      call join_rejected(ctx, JOIN_GER, status, message)
    else
      al = 1.0_sp
      if (present(alpha)) al = alpha
      call matrix_sp(a, pa, rsa, csa)
      call vector_sp(x, px, incx)
      call vector_sp(y, py, incy)
      status = c_oxpar_mpi_sger(ctx%handle, csize(size(a, 1)), csize(size(a, 2)), csize(size(y)), al, px, &
        incx, py, incy, pa, rsa, csa)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine mpi_ger_sp

  !> Distributed `c := alpha*op(a)*op(b) + beta*c` on real32 matrices (collective;
  !> SUMMA on the context's process grid, see `oxpar_mpi_grid`). The rank at
  !> grid position (i, j) holds block (i, j) of each matrix: `op(a)` is
  !> `m_i x ka_j`, `op(b)` is `kb_i x n_j`, `c` is `m_i x n_j`, where the
  !> row blocks `m_i` and `kb_i` go with grid row i, the column blocks `ka_j`
  !> and `n_j` with grid column j, and the `ka_j` and the `kb_i` both add up
  !> to the inner dimension k (`oxpar_block_range` gives balanced splits). With
  !> `transa = 'T'` this rank's `a` is the transpose of its block of `op(a)`
  !> (`ka_j x m_i`); likewise `b`. On a context that is not MPI, the whole matrices.
  subroutine mpi_gemm_sp(ctx, a, b, c, transa, transb, alpha, beta, stat, errmsg)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> This rank's block: `op(a)` is `m_i x ka_j`.
    real(sp), intent(in), target :: a(:,:)
    !> This rank's block: `op(b)` is `kb_i x n_j`.
    real(sp), intent(in), target :: b(:,:)
    !> This rank's `m_i x n_j` block of the result (read only when `beta /= 0`).
    real(sp), intent(inout), target :: c(:,:)
    !> `'N'` (default) or `'T'`: whether `op(a)` is `a` or its transpose.
    character(len=1), intent(in), optional :: transa
    !> `'N'` (default) or `'T'`: whether `op(b)` is `b` or its transpose.
    character(len=1), intent(in), optional :: transb
    !> Default 1.
    real(sp), intent(in), optional :: alpha
    !> Default 0.
    real(sp), intent(in), optional :: beta
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: ta, tb, status
    integer :: ma, ka, kb, nb
    real(sp) :: al, be
    type(c_ptr) :: pa, pb, pc
    integer(c_ptrdiff_t) :: rsa, csa, rsb, csb, rsc, csc
    character(len=:), allocatable :: message

    status = OXPAR_STATUS_INVALID_ARGUMENT
    if (.not. trans_code(transa, ta)) then
      message = "oxpar_mpi_gemm: transa: " // bad_trans(transa)
    else if (.not. trans_code(transb, tb)) then
      message = "oxpar_mpi_gemm: transb: " // bad_trans(transb)
    else
      call op_shape(a, ta, ma, ka)
      call op_shape(b, tb, kb, nb)
      status = OXPAR_STATUS_SHAPE_MISMATCH
      if (ma /= size(c, 1)) then
        message = "oxpar_mpi_gemm: a: this rank's op(a) has " // str(ma) // " rows but its block of c has " &
          // str(size(c, 1))
      else if (nb /= size(c, 2)) then
        message = "oxpar_mpi_gemm: b: this rank's op(b) has " // str(nb) // " columns but its block of c has " &
          // str(size(c, 2))
      end if
    end if
    if (allocated(message)) then
      call join_rejected(ctx, JOIN_GEMM, status, message)
    else
      al = 1.0_sp
      if (present(alpha)) al = alpha
      be = 0.0_sp
      if (present(beta)) be = beta
      call matrix_sp(a, pa, rsa, csa)
      call matrix_sp(b, pb, rsb, csb)
      call matrix_sp(c, pc, rsc, csc)
      status = c_oxpar_mpi_sgemm(ctx%handle, ta, tb, csize(size(c, 1)), csize(size(c, 2)), csize(ka), &
        csize(kb), al, pa, rsa, csa, pb, rsb, csb, be, pc, rsc, csc)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine mpi_gemm_sp

  !> Halo exchange of a 1-D block decomposition over the ranks in rank order,
  !> on a real32 array (collective). `x` is `ghost` ghost cells, this rank's
  !> interior (at least `ghost` cells; sizes may differ between ranks), then
  !> `ghost` ghost cells. Afterwards each ghost cell holds the neighbouring
  !> rank's edge value; with `periodic` the last rank and rank 0 are
  !> neighbours, otherwise the outer ghosts of the first and last rank are
  !> left alone (they hold the boundary condition). Every rank must pass the
  !> same `ghost` and `periodic`. Errors: `OXPAR_STATUS_UNSUPPORTED` (not an
  !> MPI context), `OXPAR_STATUS_SHAPE_MISMATCH` (an interior shorter than
  !> `ghost`), `OXPAR_STATUS_INVALID_ARGUMENT` (ranks disagree), each on every rank.
  subroutine halo_1d_sp(ctx, x, ghost, periodic, stat, errmsg)
    !> The MPI context.
    type(oxpar_context), intent(in) :: ctx
    !> This rank's block with its ghost cells at both ends.
    real(sp), intent(inout), target :: x(:)
    !> The ghost cells at each end, 0 or more.
    integer, intent(in) :: ghost
    !> Whether the domain wraps around; default `.false.`.
    logical, intent(in), optional :: periodic
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    logical(c_bool) :: wrap
    type(c_ptr) :: px
    integer(c_ptrdiff_t) :: incx
    character(len=:), allocatable :: message

    if (ghost < 0) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
      message = "oxpar_halo_exchange: ghost: must be 0 or more, got " // str(ghost)
      call join_rejected(ctx, JOIN_HALO, status, message)
    else
      wrap = .false.
      if (present(periodic)) wrap = logical(periodic, c_bool)
      call vector_sp(x, px, incx)
      status = c_oxpar_mpi_shalo_1d(ctx%handle, csize(size(x)), csize(ghost), wrap, px, incx)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine halo_1d_sp

  !> Halo exchange of a 2-D block decomposition on the context's process grid,
  !> on a real32 array (collective). `a` is this rank's block of the domain:
  !> an interior of `(size(a, 1) - 2*ghost) x (size(a, 2) - 2*ghost)`
  !> framed by `ghost` layers of ghost cells. Grid rows run along the array's
  !> first index: the rank at grid position (i+1, j) holds the next values of
  !> the first index after those of the rank at (i, j), and the rank at
  !> (i, j+1) the next values of the second index. Ranks in one grid row need
  !> the same interior `size(a, 1)`, ranks in one grid column the same
  !> `size(a, 2)`. Corner ghosts are filled too (9-point stencils work); the
  !> outer ghosts of a non-periodic direction are left alone. Every rank must
  !> pass the same `ghost` and periodic flags. Errors as the 1-D exchange.
  subroutine halo_2d_sp(ctx, a, ghost, periodic_rows, periodic_cols, stat, errmsg)
    !> The MPI context.
    type(oxpar_context), intent(in) :: ctx
    !> This rank's block with its frame of ghost cells.
    real(sp), intent(inout), target :: a(:,:)
    !> The layers of ghost cells on each side, 0 or more.
    integer, intent(in) :: ghost
    !> Whether the domain wraps around along the first index (grid rows); default `.false.`.
    logical, intent(in), optional :: periodic_rows
    !> Whether the domain wraps around along the second index (grid columns); default `.false.`.
    logical, intent(in), optional :: periodic_cols
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    logical(c_bool) :: wrap_rows, wrap_cols
    type(c_ptr) :: pa
    integer(c_ptrdiff_t) :: rsa, csa
    character(len=:), allocatable :: message

    if (ghost < 0) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
      message = "oxpar_halo_exchange: ghost: must be 0 or more, got " // str(ghost)
      call join_rejected(ctx, JOIN_HALO, status, message)
    else
      wrap_rows = .false.
      if (present(periodic_rows)) wrap_rows = logical(periodic_rows, c_bool)
      wrap_cols = .false.
      if (present(periodic_cols)) wrap_cols = logical(periodic_cols, c_bool)
      call matrix_sp(a, pa, rsa, csa)
      status = c_oxpar_mpi_shalo_2d(ctx%handle, csize(size(a, 1)), csize(size(a, 2)), csize(ghost), &
        wrap_rows, wrap_cols, pa, rsa, csa)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine halo_2d_sp

  ! ---------------------------------------------------------------------------
  ! MPI, real64

  !> Distributed `y := alpha*a*x + beta*y` on real64 arrays (collective). The
  !> `m x n` matrix is split by row blocks: this rank holds `m_local` whole
  !> rows of it and the matching `m_local` elements of `y`; `x` is split any
  !> way (its blocks, in rank order, make up its `n` elements). On a context
  !> that is not MPI, `x` is the whole vector. `y` is updated in place.
  subroutine mpi_gemv_dp(ctx, a, x, y, alpha, beta, stat, errmsg)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> This rank's rows of the matrix: `m_local x n`.
    real(dp), intent(in), target :: a(:,:)
    !> This rank's block of `x` (any length, 0 included).
    real(dp), intent(in), target :: x(:)
    !> This rank's block of `y`, `m_local` elements (read only when `beta /= 0`).
    real(dp), intent(inout), target :: y(:)
    !> Default 1.
    real(dp), intent(in), optional :: alpha
    !> Default 0.
    real(dp), intent(in), optional :: beta
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    real(dp) :: al, be
    type(c_ptr) :: pa, px, py
    integer(c_ptrdiff_t) :: rsa, csa, incx, incy
    character(len=:), allocatable :: message

    if (size(y) /= size(a, 1)) then
      status = OXPAR_STATUS_SHAPE_MISMATCH
      message = "oxpar_mpi_gemv: y: has " // str(size(y)) // " elements but this rank's block of a has " &
        // str(size(a, 1)) // " rows"
      call join_rejected(ctx, JOIN_GEMV, status, message)
    else
      al = 1.0_dp
      if (present(alpha)) al = alpha
      be = 0.0_dp
      if (present(beta)) be = beta
      call matrix_dp(a, pa, rsa, csa)
      call vector_dp(x, px, incx)
      call vector_dp(y, py, incy)
      status = c_oxpar_mpi_dgemv(ctx%handle, csize(size(a, 1)), csize(size(a, 2)), csize(size(x)), al, pa, &
        rsa, csa, px, incx, be, py, incy)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine mpi_gemv_dp

  !> Distributed `a := alpha*x*y^T + a` on real64 arrays (collective): this rank
  !> holds `m_local` whole rows of the `m x n` matrix and the matching
  !> `m_local` elements of `x`; `y` is split any way (its blocks, in rank
  !> order, make up its `n` elements). On a context that is not MPI, `y` is
  !> the whole vector.
  subroutine mpi_ger_dp(ctx, a, x, y, alpha, stat, errmsg)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> This rank's rows of the matrix, `m_local x n`, updated.
    real(dp), intent(inout), target :: a(:,:)
    !> This rank's block of `x`, `m_local` elements.
    real(dp), intent(in), target :: x(:)
    !> This rank's block of `y` (any length, 0 included).
    real(dp), intent(in), target :: y(:)
    !> Default 1.
    real(dp), intent(in), optional :: alpha
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    real(dp) :: al
    type(c_ptr) :: pa, px, py
    integer(c_ptrdiff_t) :: rsa, csa, incx, incy
    character(len=:), allocatable :: message

    if (size(x) /= size(a, 1)) then
      status = OXPAR_STATUS_SHAPE_MISMATCH
      message = "oxpar_mpi_ger: x: has " // str(size(x)) // " elements but this rank's block of a has " &
        // str(size(a, 1)) // " rows"
      call join_rejected(ctx, JOIN_GER, status, message)
    else
      al = 1.0_dp
      if (present(alpha)) al = alpha
      call matrix_dp(a, pa, rsa, csa)
      call vector_dp(x, px, incx)
      call vector_dp(y, py, incy)
      status = c_oxpar_mpi_dger(ctx%handle, csize(size(a, 1)), csize(size(a, 2)), csize(size(y)), al, px, &
        incx, py, incy, pa, rsa, csa)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine mpi_ger_dp

  !> Distributed `c := alpha*op(a)*op(b) + beta*c` on real64 matrices (collective;
  !> SUMMA on the context's process grid, see `oxpar_mpi_grid`). The rank at
  !> grid position (i, j) holds block (i, j) of each matrix: `op(a)` is
  !> `m_i x ka_j`, `op(b)` is `kb_i x n_j`, `c` is `m_i x n_j`, where the
  !> row blocks `m_i` and `kb_i` go with grid row i, the column blocks `ka_j`
  !> and `n_j` with grid column j, and the `ka_j` and the `kb_i` both add up
  !> to the inner dimension k (`oxpar_block_range` gives balanced splits). With
  !> `transa = 'T'` this rank's `a` is the transpose of its block of `op(a)`
  !> (`ka_j x m_i`); likewise `b`. On a context that is not MPI, the whole matrices.
  subroutine mpi_gemm_dp(ctx, a, b, c, transa, transb, alpha, beta, stat, errmsg)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> This rank's block: `op(a)` is `m_i x ka_j`.
    real(dp), intent(in), target :: a(:,:)
    !> This rank's block: `op(b)` is `kb_i x n_j`.
    real(dp), intent(in), target :: b(:,:)
    !> This rank's `m_i x n_j` block of the result (read only when `beta /= 0`).
    real(dp), intent(inout), target :: c(:,:)
    !> `'N'` (default) or `'T'`: whether `op(a)` is `a` or its transpose.
    character(len=1), intent(in), optional :: transa
    !> `'N'` (default) or `'T'`: whether `op(b)` is `b` or its transpose.
    character(len=1), intent(in), optional :: transb
    !> Default 1.
    real(dp), intent(in), optional :: alpha
    !> Default 0.
    real(dp), intent(in), optional :: beta
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: ta, tb, status
    integer :: ma, ka, kb, nb
    real(dp) :: al, be
    type(c_ptr) :: pa, pb, pc
    integer(c_ptrdiff_t) :: rsa, csa, rsb, csb, rsc, csc
    character(len=:), allocatable :: message

    status = OXPAR_STATUS_INVALID_ARGUMENT
    if (.not. trans_code(transa, ta)) then
      message = "oxpar_mpi_gemm: transa: " // bad_trans(transa)
    else if (.not. trans_code(transb, tb)) then
      message = "oxpar_mpi_gemm: transb: " // bad_trans(transb)
    else
      call op_shape(a, ta, ma, ka)
      call op_shape(b, tb, kb, nb)
      status = OXPAR_STATUS_SHAPE_MISMATCH
      if (ma /= size(c, 1)) then
        message = "oxpar_mpi_gemm: a: this rank's op(a) has " // str(ma) // " rows but its block of c has " &
          // str(size(c, 1))
      else if (nb /= size(c, 2)) then
        message = "oxpar_mpi_gemm: b: this rank's op(b) has " // str(nb) // " columns but its block of c has " &
          // str(size(c, 2))
      end if
    end if
    if (allocated(message)) then
      call join_rejected(ctx, JOIN_GEMM, status, message)
    else
      al = 1.0_dp
      if (present(alpha)) al = alpha
      be = 0.0_dp
      if (present(beta)) be = beta
      call matrix_dp(a, pa, rsa, csa)
      call matrix_dp(b, pb, rsb, csb)
      call matrix_dp(c, pc, rsc, csc)
      status = c_oxpar_mpi_dgemm(ctx%handle, ta, tb, csize(size(c, 1)), csize(size(c, 2)), csize(ka), &
        csize(kb), al, pa, rsa, csa, pb, rsb, csb, be, pc, rsc, csc)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine mpi_gemm_dp

  !> Halo exchange of a 1-D block decomposition over the ranks in rank order,
  !> on a real64 array (collective). `x` is `ghost` ghost cells, this rank's
  !> interior (at least `ghost` cells; sizes may differ between ranks), then
  !> `ghost` ghost cells. Afterwards each ghost cell holds the neighbouring
  !> rank's edge value; with `periodic` the last rank and rank 0 are
  !> neighbours, otherwise the outer ghosts of the first and last rank are
  !> left alone (they hold the boundary condition). Every rank must pass the
  !> same `ghost` and `periodic`. Errors: `OXPAR_STATUS_UNSUPPORTED` (not an
  !> MPI context), `OXPAR_STATUS_SHAPE_MISMATCH` (an interior shorter than
  !> `ghost`), `OXPAR_STATUS_INVALID_ARGUMENT` (ranks disagree), each on every rank.
  subroutine halo_1d_dp(ctx, x, ghost, periodic, stat, errmsg)
    !> The MPI context.
    type(oxpar_context), intent(in) :: ctx
    !> This rank's block with its ghost cells at both ends.
    real(dp), intent(inout), target :: x(:)
    !> The ghost cells at each end, 0 or more.
    integer, intent(in) :: ghost
    !> Whether the domain wraps around; default `.false.`.
    logical, intent(in), optional :: periodic
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    logical(c_bool) :: wrap
    type(c_ptr) :: px
    integer(c_ptrdiff_t) :: incx
    character(len=:), allocatable :: message

    if (ghost < 0) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
      message = "oxpar_halo_exchange: ghost: must be 0 or more, got " // str(ghost)
      call join_rejected(ctx, JOIN_HALO, status, message)
    else
      wrap = .false.
      if (present(periodic)) wrap = logical(periodic, c_bool)
      call vector_dp(x, px, incx)
      status = c_oxpar_mpi_dhalo_1d(ctx%handle, csize(size(x)), csize(ghost), wrap, px, incx)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine halo_1d_dp

  !> Halo exchange of a 2-D block decomposition on the context's process grid,
  !> on a real64 array (collective). `a` is this rank's block of the domain:
  !> an interior of `(size(a, 1) - 2*ghost) x (size(a, 2) - 2*ghost)`
  !> framed by `ghost` layers of ghost cells. Grid rows run along the array's
  !> first index: the rank at grid position (i+1, j) holds the next values of
  !> the first index after those of the rank at (i, j), and the rank at
  !> (i, j+1) the next values of the second index. Ranks in one grid row need
  !> the same interior `size(a, 1)`, ranks in one grid column the same
  !> `size(a, 2)`. Corner ghosts are filled too (9-point stencils work); the
  !> outer ghosts of a non-periodic direction are left alone. Every rank must
  !> pass the same `ghost` and periodic flags. Errors as the 1-D exchange.
  subroutine halo_2d_dp(ctx, a, ghost, periodic_rows, periodic_cols, stat, errmsg)
    !> The MPI context.
    type(oxpar_context), intent(in) :: ctx
    !> This rank's block with its frame of ghost cells.
    real(dp), intent(inout), target :: a(:,:)
    !> The layers of ghost cells on each side, 0 or more.
    integer, intent(in) :: ghost
    !> Whether the domain wraps around along the first index (grid rows); default `.false.`.
    logical, intent(in), optional :: periodic_rows
    !> Whether the domain wraps around along the second index (grid columns); default `.false.`.
    logical, intent(in), optional :: periodic_cols
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    logical(c_bool) :: wrap_rows, wrap_cols
    type(c_ptr) :: pa
    integer(c_ptrdiff_t) :: rsa, csa
    character(len=:), allocatable :: message

    if (ghost < 0) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
      message = "oxpar_halo_exchange: ghost: must be 0 or more, got " // str(ghost)
      call join_rejected(ctx, JOIN_HALO, status, message)
    else
      wrap_rows = .false.
      if (present(periodic_rows)) wrap_rows = logical(periodic_rows, c_bool)
      wrap_cols = .false.
      if (present(periodic_cols)) wrap_cols = logical(periodic_cols, c_bool)
      call matrix_dp(a, pa, rsa, csa)
      status = c_oxpar_mpi_dhalo_2d(ctx%handle, csize(size(a, 1)), csize(size(a, 2)), csize(ghost), &
        wrap_rows, wrap_cols, pa, rsa, csa)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine halo_2d_dp

  ! ---------------------------------------------------------------------------
  ! Task farm.

  !> Creates the farm with the defaults: 2 retries, no checkpoint, no
  !> progress. A farm it already held is destroyed first; after an error it
  !> holds none.
  subroutine farm_init(self, stat, errmsg)
    !> The farm.
    class(oxpar_farm), intent(inout) :: self
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    type(c_ptr) :: handle
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    call self%destroy()
    handle = c_null_ptr
    status = c_oxpar_farm_create(handle)
    message = error_message(status)
    if (status == OXPAR_STATUS_OK) self%handle = handle
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine farm_init

  !> Frees the farm (and its progress settings); a no-op when not initialised.
  !> Reports it made stay valid.
  subroutine farm_destroy(self)
    !> The farm.
    class(oxpar_farm), intent(inout) :: self

    if (c_associated(self%handle)) call c_oxpar_farm_free(self%handle)
    self%handle = c_null_ptr
    if (associated(self%progress)) deallocate (self%progress)
    self%progress => null()
  end subroutine farm_destroy

  !> Whether the farm is usable (`init` succeeded, `destroy` not called since).
  pure function farm_initialized(self) result(yes)
    !> The farm.
    class(oxpar_farm), intent(in) :: self
    logical :: yes

    yes = c_associated(self%handle)
  end function farm_initialized

  !> How many times a failed task is tried again, each time on the next
  !> worker (the next thread, then the next rank); default 2. A task that
  !> fails every time ends with `retries + 1` attempts.
  subroutine farm_set_retries(self, retries, stat, errmsg)
    !> The farm.
    class(oxpar_farm), intent(inout) :: self
    !> The retries, 0 or more.
    integer, intent(in) :: retries
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    if (retries < 0) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
      message = "oxpar_farm%set_retries: retries: must be 0 or more, got " // str(retries)
    else
      status = c_oxpar_farm_set_retries(self%handle, int(retries, c_int32_t))
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine farm_set_retries

  !> Records each completed task in the file `path` the moment it completes,
  !> and makes a run skip the tasks an earlier run recorded there (they end
  !> `OXPAR_TASK_STATE_RESUMED`); without `path`, no checkpoint. The file
  !> belongs to one farm of `ntasks` tasks: a run with another number of
  !> tasks fails; delete the file to start over. Under MPI each rank writes
  !> `path.rank<r>` (r from 0) and every rank reads them all: every rank must
  !> set the same path, on a file system all ranks share (the library does
  !> not check that they agree). The file is opened by `run`, which reports a
  !> path it cannot read or write.
  subroutine farm_set_checkpoint(self, path, stat, errmsg)
    !> The farm.
    class(oxpar_farm), intent(inout) :: self
    !> The checkpoint file; trailing blanks are ignored. Absent: none.
    character(len=*), intent(in), optional :: path
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    if (present(path)) then
      status = c_oxpar_farm_set_checkpoint(self%handle, trim(path) // c_null_char)
    else
      status = c_farm_clear_checkpoint(self%handle, c_null_ptr)
    end if
    message = error_message(status)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine farm_set_checkpoint

  !> Calls `progress(total, done, failed, running, resumed, elapsed, eta,
  !> data)` every `interval` seconds while a run lasts, and once at the end,
  !> from a thread of its own; without `progress`, no progress reports.
  subroutine farm_set_progress(self, progress, interval, data, stat, errmsg)
    !> The farm.
    class(oxpar_farm), intent(inout) :: self
    !> The procedure (see `oxpar_farm_progress`): a module or external
    !> procedure (the farm keeps a pointer to it). Absent: none.
    procedure(oxpar_farm_progress), optional :: progress
    !> Seconds between calls, positive; default 0.5.
    real(dp), intent(in), optional :: interval
    !> Passed to `progress` as it is; default `c_null_ptr`.
    type(c_ptr), intent(in), optional :: data
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message
    type(progress_call), pointer :: new
    real(dp) :: seconds
    character(len=32) :: buf

    seconds = 0.5_dp
    if (present(interval)) seconds = interval
    if (.not. (seconds > 0 .and. seconds <= huge(seconds))) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
      write (buf, '(g0)') seconds
      message = "oxpar_farm%set_progress: interval: must be a positive number of seconds, got " // trim(buf)
    else if (present(progress)) then
      ! A new holder, kept if the library takes it (the old one is then freed).
      allocate (new)
      new%progress => progress
      if (present(data)) new%data = data
      status = c_oxpar_farm_set_progress(self%handle, c_funloc(progress_trampoline), c_loc(new), &
        real(seconds, c_double))
      message = error_message(status)
      if (status == OXPAR_STATUS_OK) then
        if (associated(self%progress)) deallocate (self%progress)
        self%progress => new
      else
        deallocate (new)
      end if
    else
      status = c_oxpar_farm_set_progress(self%handle, c_null_funptr, c_null_ptr, real(seconds, c_double))
      message = error_message(status)
      if (status == OXPAR_STATUS_OK .and. associated(self%progress)) deallocate (self%progress)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine farm_set_progress

  !> Runs tasks 1 to `ntasks` as `status = task(i, data)` on the context's
  !> threads; returns when every task has completed or used up its retries,
  !> with every task's outcome in `report`. Task numbers count from 1, as
  !> array indices do (the C farm's index plus 1). A failed task (nonzero
  !> status) is retried on the next worker, up to the farm's retries.
  !>
  !> On an MPI context the run is collective: every rank calls it with the
  !> same `ntasks` and settings, each rank runs the tasks handed to it with
  !> its own copy of `task` and `data` (only task numbers travel), and every
  !> rank gets every task's outcome. A task's results stay on the rank that
  !> ran it. An argument one rank rejects is an error on every rank.
  !>
  !> Errors are about the farm, never about tasks (those are in the report):
  !> `OXPAR_STATUS_NULL_POINTER` (a farm or context not initialised),
  !> `OXPAR_STATUS_INVALID_ARGUMENT` (`ntasks` negative; a checkpoint that
  !> cannot be read or written or belongs to another farm; ranks running
  !> different farms), `OXPAR_STATUS_COMM_ERROR`. A report it already held
  !> is destroyed first; after an error it holds none.
  subroutine farm_run(self, ctx, ntasks, task, report, data, stat, errmsg)
    !> The farm.
    class(oxpar_farm), intent(in) :: self
    !> The context whose threads (and ranks) run the tasks.
    type(oxpar_context), intent(in) :: ctx
    !> The number of tasks, 0 or more.
    integer, intent(in) :: ntasks
    !> The task (see `oxpar_farm_task`); must be safe to run on several
    !> threads at once.
    procedure(oxpar_farm_task) :: task
    !> The outcome of every task.
    type(oxpar_farm_report), intent(inout) :: report
    !> Passed to every call of `task` as it is; default `c_null_ptr`.
    type(c_ptr), intent(in), optional :: data
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    type(task_call), target :: call_info
    type(c_ptr) :: handle
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    call report%destroy()
    if (.not. c_associated(self%handle)) then
      status = OXPAR_STATUS_NULL_POINTER
      message = "oxpar_farm%run: farm: not initialised (call init first)"
      call join_rejected_farm(ctx)
    else if (ntasks < 0) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
      message = "oxpar_farm%run: ntasks: must be 0 or more, got " // str(ntasks)
      call join_rejected_farm(ctx)
    else
      call_info%task => task
      if (present(data)) call_info%data = data
      handle = c_null_ptr
      status = c_oxpar_farm_run(self%handle, ctx%handle, csize(ntasks), c_funloc(task_trampoline), &
        c_loc(call_info), handle)
      message = error_message(status)
      if (status == OXPAR_STATUS_OK) then
        report%handle = handle
        report%n = ntasks
      end if
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine farm_run

  !> Sets the message of the failure the calling task is about to report (by
  !> returning nonzero); the run's report gives it (`report%error(task)`).
  !> Only meaningful inside a task, on the thread running it; trailing
  !> blanks are ignored. Without it the message is `"task <i> failed"`.
  recursive subroutine oxpar_farm_task_error(message)
    !> Why the task failed.
    character(len=*), intent(in) :: message

    call c_oxpar_farm_task_error(message(1:len_trim(message)) // c_null_char)
  end subroutine oxpar_farm_task_error

  !> The C task: calls the Fortran task of the run with a 1-based number.
  !> Runs on several threads at once; it keeps no state of its own. The
  !> default failure message, set first, names the task by that number (a
  !> message from the task replaces it; after a success it is dropped).
  recursive function task_trampoline(task, user_data) result(status) bind(C, name="")
    integer(c_size_t), value :: task
    type(c_ptr), value :: user_data
    integer(c_int32_t) :: status
    type(task_call), pointer :: call_info
    integer :: number, n, first
    ! A fixed-length buffer: deferred-length character results (as from
    ! `decimal`) are not safe on several threads at once with gfortran (a
    ! message came out cut short under load).
    character(len=40, kind=c_char) :: message

    number = int(task) + 1
    message = "task "
    first = 26
    n = number
    do
      message(first:first) = achar(iachar("0") + mod(n, 10), kind=c_char)
      n = n / 10
      if (n == 0) exit
      first = first - 1
    end do
    message = "task " // message(first:26) // " failed" // c_null_char
    call c_oxpar_farm_task_error(message)
    call c_f_pointer(user_data, call_info)
    status = int(call_info%task(number, call_info%data), c_int32_t)
  end function task_trampoline

  !> The C progress callback: calls the farm's Fortran progress procedure.
  recursive subroutine progress_trampoline(total, done, failed, running, resumed, elapsed, eta, user_data) &
      bind(C, name="")
    integer(c_size_t), value :: total, done, failed, running, resumed
    real(c_double), value :: elapsed, eta
    type(c_ptr), value :: user_data
    type(progress_call), pointer :: call_info

    call c_f_pointer(user_data, call_info)
    call call_info%progress(int(total), int(done), int(failed), int(running), int(resumed), real(elapsed, dp), &
      real(eta, dp), call_info%data)
  end subroutine progress_trampoline

  !> After an argument error found here, before the library was called: on an
  !> MPI context the other ranks are waiting in the run's first collective.
  !> A run with a NULL farm is rejected by the library, which joins that
  !> collective as a failed rank, so every rank returns an error. A no-op on
  !> other contexts.
  subroutine join_rejected_farm(ctx)
    !> The context of the rejected run.
    type(oxpar_context), intent(in) :: ctx
    type(c_ptr) :: report
    integer(c_int32_t) :: status

    if (ctx%backend() /= OXPAR_BACKEND_MPI) return
    report = c_null_ptr
    status = c_oxpar_farm_run(c_null_ptr, ctx%handle, 0_c_size_t, c_null_funptr, c_null_ptr, report)
  end subroutine join_rejected_farm

  !> The run's number of tasks; 0 when there is no report.
  pure function report_ntasks(self) result(n)
    !> The report.
    class(oxpar_farm_report), intent(in) :: self
    integer :: n

    n = self%n
  end function report_ntasks

  !> How many tasks completed in this run; 0 when there is no report.
  function report_done(self) result(n)
    !> The report.
    class(oxpar_farm_report), intent(in) :: self
    integer :: n
    integer(c_size_t) :: counts(3)

    n = 0
    if (report_counts(self, counts)) n = int(counts(1))
  end function report_done

  !> How many tasks failed on every attempt; 0 when there is no report.
  function report_failed(self) result(n)
    !> The report.
    class(oxpar_farm_report), intent(in) :: self
    integer :: n
    integer(c_size_t) :: counts(3)

    n = 0
    if (report_counts(self, counts)) n = int(counts(2))
  end function report_failed

  !> How many tasks the checkpoint let the run skip; 0 when there is no report.
  function report_resumed(self) result(n)
    !> The report.
    class(oxpar_farm_report), intent(in) :: self
    integer :: n
    integer(c_size_t) :: counts(3)

    n = 0
    if (report_counts(self, counts)) n = int(counts(3))
  end function report_resumed

  !> The report's done, failed and resumed counts; false when there is no report.
  function report_counts(self, counts) result(ok)
    class(oxpar_farm_report), intent(in) :: self
    integer(c_size_t), intent(out) :: counts(3)
    logical :: ok

    counts = 0
    ok = .false.
    if (.not. c_associated(self%handle)) return
    ok = c_oxpar_farm_report_counts(self%handle, counts(1), counts(2), counts(3)) == OXPAR_STATUS_OK
  end function report_counts

  !> How task `task` ended: `OXPAR_TASK_STATE_DONE` (completed in this run),
  !> `OXPAR_TASK_STATE_FAILED` (failed on every attempt) or
  !> `OXPAR_TASK_STATE_RESUMED` (the checkpoint says an earlier run completed
  !> it); -1 after an error.
  function report_state(self, task, stat, errmsg) result(state)
    !> The report.
    class(oxpar_farm_report), intent(in) :: self
    !> The task number, 1 to `ntasks()`.
    integer, intent(in) :: task
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer :: state
    integer(c_int32_t) :: status, s, a
    character(len=:), allocatable :: message

    state = -1
    call report_task(self, "state", task, status, message, s, a)
    if (status == OXPAR_STATUS_OK) state = int(s)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end function report_state

  !> The attempts task `task` took: 1 for a task that completed on its first
  !> try, `retries + 1` for one that failed, 0 for a resumed one; -1 after an error.
  function report_attempts(self, task, stat, errmsg) result(attempts)
    !> The report.
    class(oxpar_farm_report), intent(in) :: self
    !> The task number, 1 to `ntasks()`.
    integer, intent(in) :: task
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer :: attempts
    integer(c_int32_t) :: status, s, a
    character(len=:), allocatable :: message

    attempts = -1
    call report_task(self, "attempts", task, status, message, s, a)
    if (status == OXPAR_STATUS_OK) attempts = int(a)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end function report_attempts

  !> The message of task `task`'s last attempt if it failed for good (what it
  !> passed to `oxpar_farm_task_error`); `""` for a task that did not fail
  !> and after an error.
  function report_error(self, task, stat, errmsg) result(text)
    !> The report.
    class(oxpar_farm_report), intent(in) :: self
    !> The task number, 1 to `ntasks()`.
    integer, intent(in) :: task
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    character(len=:), allocatable :: text
    integer(c_int32_t) :: status, s, a
    character(len=:), allocatable :: message

    text = ""
    call report_task(self, "error", task, status, message, s, a)
    if (status == OXPAR_STATUS_OK) text = c_string(c_oxpar_farm_report_error(self%handle, csize(task - 1)))
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end function report_error

  !> The outcome of task `task` (1-based), with the status and message of the
  !> query `what`: the library names a missing report, the range is checked here.
  subroutine report_task(self, what, task, status, message, state, attempts)
    class(oxpar_farm_report), intent(in) :: self
    character(len=*), intent(in) :: what
    integer, intent(in) :: task
    integer(c_int32_t), intent(out) :: status, state, attempts
    character(len=:), allocatable, intent(out) :: message

    state = -1
    attempts = -1
    if (c_associated(self%handle) .and. (task < 1 .or. task > self%n)) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
      message = "oxpar_farm_report%" // what // ": task: must be from 1 to " // str(self%n) // ", got " &
        // str(task)
    else
      ! Without a report: the library reports it (task 0 is any index).
      status = c_oxpar_farm_report_task(self%handle, csize(max(task - 1, 0)), state, attempts)
      message = error_message(status)
    end if
  end subroutine report_task

  !> Frees the report; a no-op when there is none.
  subroutine report_destroy(self)
    !> The report.
    class(oxpar_farm_report), intent(inout) :: self

    if (c_associated(self%handle)) call c_oxpar_farm_report_free(self%handle)
    self%handle = c_null_ptr
    self%n = 0
  end subroutine report_destroy

  ! ---------------------------------------------------------------------------
  ! The routines of the routine table, generated (sp and dp twins).
  include "oxpar_blas_gen_body.inc"

  ! ---------------------------------------------------------------------------
  ! Helpers.

  !> The C handle of a context (null when not initialised).
  pure function context_handle(ctx) result(handle)
    type(oxpar_context), intent(in) :: ctx
    type(c_ptr) :: handle

    handle = ctx%handle
  end function context_handle

  ! Every public routine ends with `call finish(status, message, stat)` and
  ! `if (present(errmsg)) errmsg = message`: errmsg is assigned where it is a
  ! dummy argument, never passed on, as gfortran (12) loses the length of an
  ! optional deferred-length dummy that is passed to another optional one.

  !> Reports the outcome: into `stat` when present, else by stopping the
  !> program with `message` when `status` is an error.
  subroutine finish(status, message, stat)
    integer(c_int32_t), intent(in) :: status
    character(len=*), intent(in) :: message
    integer, intent(out), optional :: stat

    if (present(stat)) then
      stat = int(status)
    else if (status /= OXPAR_STATUS_OK) then
      error stop message
    end if
  end subroutine finish

  !> `""` for success, else the message of the library's most recent failure
  !> on this thread (which names the function and the argument at fault).
  function error_message(status) result(message)
    integer(c_int32_t), intent(in) :: status
    character(len=:), allocatable :: message

    if (status == OXPAR_STATUS_OK) then
      message = ""
    else
      message = fortran_message(c_string(c_oxpar_last_error_message()))
    end if
  end function error_message

  !> A message of the C library as a Fortran user should read it: the C
  !> function's name that starts it becomes the Fortran procedure's
  !> (`oxpar_dgemm` -> `oxpar_gemm`, `oxpar_context_create` ->
  !> `oxpar_context%init`), and advice to call C functions or about NULL
  !> handles becomes the Fortran equivalent.
  function fortran_message(text) result(message)
    !> The C library's message (`"function: argument: what is wrong"`).
    character(len=*), intent(in) :: text
    character(len=:), allocatable :: message
    integer :: colon

    colon = index(text, ": ")
    if (colon > 1) then
      message = fortran_name(text(:colon - 1)) // text(colon:)
    else
      message = text
    end if
    message = replaced(message, "ctx: is NULL (create one with oxpar_context_create)", &
      "ctx: the oxpar_context is not initialised (call ctx%init or ctx%init_mpi first)")
    message = replaced(message, "farm: is NULL", "farm: the oxpar_farm is not initialised (call farm%init first)")
    message = replaced(message, "report: is NULL", "report: there is no report (oxpar_farm%run makes one)")
    ! Other handles (buffers, programs, kernels): in Fortran, not created.
    if (len(message) >= 9) then
      if (message(len(message) - 8:) == ": is NULL") &
        message = message(:len(message) - 9) // ": is not created (or was destroyed)"
    end if
  end function fortran_message

  !> The Fortran procedure that calls the C function `c_name` (as the user
  !> writes it); `c_name` itself when the names are the same.
  function fortran_name(c_name) result(name)
    character(len=*), intent(in) :: c_name
    character(len=:), allocatable :: name
    ! The routines whose C names carry the element type (`oxpar_sdot`, `oxpar_idamax`).
    character(len=*), parameter :: typed(11) = [character(len=5) :: "axpy", "scal", "copy", "swap", "dot", &
      "nrm2", "asum", "sum", "gemv", "ger", "gemm"]
    character(len=*), parameter :: families(3) = [character(len=13) :: "oxpar_buffer_", "oxpar_mpi_", "oxpar_"]
    character(len=:), allocatable :: family, rest
    integer :: i

    select case (c_name)
    case ("oxpar_context_create")
      name = "oxpar_context%init"
    case ("oxpar_context_create_mpi")
      name = "oxpar_context%init_mpi"
    case ("oxpar_context_set_num_threads")
      name = "oxpar_context%set_num_threads"
    case ("oxpar_context_set_reproducible")
      name = "oxpar_context%set_reproducible"
    case ("oxpar_parallel_for")
      name = "oxpar_context%parallel_for"
    case ("oxpar_parallel_reduce")
      name = "oxpar_context%parallel_reduce"
    case ("oxpar_context_finish")
      name = "oxpar_finish"
    case ("oxpar_farm_create")
      name = "oxpar_farm%init"
    case ("oxpar_farm_set_retries")
      name = "oxpar_farm%set_retries"
    case ("oxpar_farm_set_checkpoint")
      name = "oxpar_farm%set_checkpoint"
    case ("oxpar_farm_set_progress")
      name = "oxpar_farm%set_progress"
    case ("oxpar_farm_run")
      name = "oxpar_farm%run"
    case ("oxpar_buffer_create")
      name = "oxpar_buffer%create"
    case ("oxpar_buffer_upload")
      name = "oxpar_buffer%upload"
    case ("oxpar_buffer_download")
      name = "oxpar_buffer%download"
    case ("oxpar_program_build")
      name = "oxpar_program%build"
    case ("oxpar_kernel_create")
      name = "oxpar_kernel%create"
    case ("oxpar_kernel_launch")
      name = "oxpar_kernel%launch"
    case ("oxpar_kernel_set_arg_local")
      name = "oxpar_kernel%set_arg_local"
    case ("oxpar_kernel_set_arg_u32", "oxpar_kernel_set_arg_u64")
      name = "oxpar_kernel%set_arg_unsigned"
    case ("oxpar_kernel_set_arg_buffer", "oxpar_kernel_set_arg_i32", "oxpar_kernel_set_arg_i64", &
        "oxpar_kernel_set_arg_f32", "oxpar_kernel_set_arg_f64")
      name = "oxpar_kernel%set_arg"
    case ("oxpar_mpi_shalo_1d", "oxpar_mpi_dhalo_1d", "oxpar_mpi_shalo_2d", "oxpar_mpi_dhalo_2d")
      name = "oxpar_halo_exchange"
    case default
      name = c_name
      ! oxpar_<family><s|d><routine>, oxpar_<family>i<s|d>amax: without the type letter.
      do i = 1, size(families)
        family = trim(families(i))
        if (len(c_name) <= len(family)) cycle
        if (c_name(:len(family)) /= family) cycle
        rest = c_name(len(family) + 1:)
        if (rest == "isamax" .or. rest == "idamax") then
          name = family // "iamax"
        else if (len(rest) > 1 .and. (rest(1:1) == "s" .or. rest(1:1) == "d")) then
          if (any(typed == rest(2:))) name = family // rest(2:)
        end if
        exit
      end do
    end select
  end function fortran_name

  !> `text` with every occurrence of `old` replaced by `new`.
  function replaced(text, old, new) result(out)
    character(len=*), intent(in) :: text, old, new
    character(len=:), allocatable :: out
    integer :: at, from

    out = ""
    from = 1
    do
      at = index(text(from:), old)
      if (at == 0) exit
      out = out // text(from:from + at - 2) // new
      from = from + at - 1 + len(old)
    end do
    out = out // text(from:)
  end function replaced

  !> A copy of the NUL-terminated C string at `p` (`""` for a null pointer).
  function c_string(p) result(s)
    type(c_ptr), intent(in) :: p
    character(len=:), allocatable :: s
    character(kind=c_char), pointer :: chars(:)
    integer :: i, n

    if (.not. c_associated(p)) then
      s = ""
      return
    end if
    ! The length is unknown until the NUL: view the memory as a long array
    ! and read no further than the NUL.
    call c_f_pointer(p, chars, [huge(0)])
    n = 0
    do while (chars(n + 1) /= c_null_char)
      n = n + 1
    end do
    allocate (character(len=n) :: s)
    do i = 1, n
      s(i:i) = chars(i)
    end do
  end function c_string

  !> Reads `trans` (absent: `'N'`) into an `OXPAR_TRANS_*` code; false when
  !> it is none of `'N'`, `'T'`, `'C'` (either case).
  function trans_code(trans, code) result(ok)
    character(len=1), intent(in), optional :: trans
    integer(c_int32_t), intent(out) :: code
    logical :: ok

    code = OXPAR_TRANS_NO
    ok = .true.
    if (.not. present(trans)) return
    select case (trans)
    case ('N', 'n')
      code = OXPAR_TRANS_NO
    case ('T', 't', 'C', 'c')
      code = OXPAR_TRANS_YES
    case default
      ok = .false.
    end select
  end function trans_code

  !> The message for a bad `trans` argument.
  pure function bad_trans(trans) result(message)
    character(len=1), intent(in) :: trans
    character(len=:), allocatable :: message

    message = "must be 'N' or 'T', got '" // trans // "'"
  end function bad_trans

  !> An integer as text.
  pure function str(i) result(s)
    integer, intent(in) :: i
    character(len=:), allocatable :: s
    character(len=24) :: buf

    write (buf, '(i0)') i
    s = trim(buf)
  end function str

  !> An `int64` integer as text.
  pure function str64(i) result(s)
    integer(int64), intent(in) :: i
    character(len=:), allocatable :: s
    character(len=24) :: buf

    write (buf, '(i0)') i
    s = trim(buf)
  end function str64

  !> A Fortran size as a C `size_t`.
  elemental function csize(i) result(n)
    integer, intent(in) :: i
    integer(c_size_t) :: n

    n = int(i, c_size_t)
  end function csize

  !> The distance from `p` to `q` in elements of `bytes` bytes.
  function distance(p, q, bytes) result(d)
    type(c_ptr), intent(in) :: p, q
    integer(c_intptr_t), intent(in) :: bytes
    integer(c_ptrdiff_t) :: d

    d = int((transfer(q, 0_c_intptr_t) - transfer(p, 0_c_intptr_t)) / bytes, c_ptrdiff_t)
  end function distance

end module oxpar
