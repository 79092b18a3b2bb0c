!> The base of the Fortran bindings: the execution context `oxpar_context`
!> (with its type-bound procedures; the parallel loops' are implemented in
!> the submodule `oxpar_loops_impl`), the interfaces of loop bodies, the
!> library's version, and the helpers every area of the bindings uses.
!> Programs `use oxpar`, which re-exports the public names meant for them.
module oxpar_base
  use, intrinsic :: iso_c_binding, only: c_associated, c_char, c_f_pointer, c_int32_t, c_intptr_t, c_loc, &
    c_null_char, c_null_ptr, c_ptr, c_ptrdiff_t, c_size_t
  use, intrinsic :: iso_fortran_env, only: sp => real32, dp => real64, int32, int64
  use oxpar_c
  implicit none
  private

  public :: sp, dp
  public :: oxpar_context
  public :: oxpar_version, oxpar_status_str
  public :: oxpar_loop_body, oxpar_reduce_body, oxpar_reduce_combine

  ! Internal to the bindings: helpers for the other modules of the bindings
  ! (the hand-written areas and the generated ones), which `oxpar` does not
  ! re-export. Programs should not use them: they may change at any release.
  public :: context_handle, finish, error_message, c_string, str, csize, distance
  public :: trans_code, bad_trans, op_shape, vector_sp, vector_dp, matrix_sp, matrix_dp
  public :: ctrans_code, bad_ctrans, vector_csp, vector_cdp, matrix_csp, matrix_cdp
  public :: join_rejected, JOIN_DOT, JOIN_GEMV, JOIN_GER, JOIN_GEMM, JOIN_HALO

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

  ! The loops' procedures, bound to `oxpar_context` above, are implemented in
  ! the submodule `oxpar_loops_impl` (oxpar_loops.f90).
  interface
    !> Calls `body(begin, end, data)` on sub-ranges that together cover the
    !> iterations `first` to `last` exactly once, on the context's threads,
    !> and returns when every call has returned. Nothing is called when
    !> `last < first`. On an OpenCL context the body runs on the calling
    !> thread; on an MPI context, on this rank's threads (not collective).
    module subroutine context_parallel_for_i32(self, first, last, body, schedule, chunk, data, stat, errmsg)
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
    end subroutine context_parallel_for_i32

    !> Calls `body(begin, end, data)` on sub-ranges that together cover the
    !> iterations `first` to `last` exactly once, on the context's threads,
    !> and returns when every call has returned. Nothing is called when
    !> `last < first`. On an OpenCL context the body runs on the calling
    !> thread; on an MPI context, on this rank's threads (not collective).
    module subroutine context_parallel_for_i64(self, first, last, body, schedule, chunk, data, stat, errmsg)
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
    end subroutine context_parallel_for_i64

    !> `parallel_reduce` into a real64 accumulator (bounds of kind int32).
    !> Each thread starts its own accumulator as a copy of `acc`'s value on
    !> entry (the identity), folds its sub-ranges into it with `body`, and the
    !> threads' accumulators are combined with `combine`, in thread order,
    !> into another copy of the identity, which is stored in `acc`. With the
    !> static schedule the grouping, and so the result's rounding, depends
    !> only on the range and the number of threads.
    module subroutine reduce_dp_i32(self, first, last, body, combine, acc, schedule, chunk, data, stat, errmsg)
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
    end subroutine reduce_dp_i32

    !> `parallel_reduce` into a real64 accumulator (bounds of kind int64).
    !> Each thread starts its own accumulator as a copy of `acc`'s value on
    !> entry (the identity), folds its sub-ranges into it with `body`, and the
    !> threads' accumulators are combined with `combine`, in thread order,
    !> into another copy of the identity, which is stored in `acc`. With the
    !> static schedule the grouping, and so the result's rounding, depends
    !> only on the range and the number of threads.
    module subroutine reduce_dp_i64(self, first, last, body, combine, acc, schedule, chunk, data, stat, errmsg)
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
    end subroutine reduce_dp_i64

    !> `parallel_reduce` into a real32 accumulator (bounds of kind int32).
    !> Each thread starts its own accumulator as a copy of `acc`'s value on
    !> entry (the identity), folds its sub-ranges into it with `body`, and the
    !> threads' accumulators are combined with `combine`, in thread order,
    !> into another copy of the identity, which is stored in `acc`. With the
    !> static schedule the grouping, and so the result's rounding, depends
    !> only on the range and the number of threads.
    module subroutine reduce_sp_i32(self, first, last, body, combine, acc, schedule, chunk, data, stat, errmsg)
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
    end subroutine reduce_sp_i32

    !> `parallel_reduce` into a real32 accumulator (bounds of kind int64).
    !> Each thread starts its own accumulator as a copy of `acc`'s value on
    !> entry (the identity), folds its sub-ranges into it with `body`, and the
    !> threads' accumulators are combined with `combine`, in thread order,
    !> into another copy of the identity, which is stored in `acc`. With the
    !> static schedule the grouping, and so the result's rounding, depends
    !> only on the range and the number of threads.
    module subroutine reduce_sp_i64(self, first, last, body, combine, acc, schedule, chunk, data, stat, errmsg)
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
    end subroutine reduce_sp_i64

    !> `parallel_reduce` into a int64 accumulator (bounds of kind int32).
    !> Each thread starts its own accumulator as a copy of `acc`'s value on
    !> entry (the identity), folds its sub-ranges into it with `body`, and the
    !> threads' accumulators are combined with `combine`, in thread order,
    !> into another copy of the identity, which is stored in `acc`. With the
    !> static schedule the grouping, and so the result's rounding, depends
    !> only on the range and the number of threads.
    module subroutine reduce_int64_i32(self, first, last, body, combine, acc, schedule, chunk, data, stat, errmsg)
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
    end subroutine reduce_int64_i32

    !> `parallel_reduce` into a int64 accumulator (bounds of kind int64).
    !> Each thread starts its own accumulator as a copy of `acc`'s value on
    !> entry (the identity), folds its sub-ranges into it with `body`, and the
    !> threads' accumulators are combined with `combine`, in thread order,
    !> into another copy of the identity, which is stored in `acc`. With the
    !> static schedule the grouping, and so the result's rounding, depends
    !> only on the range and the number of threads.
    module subroutine reduce_int64_i64(self, first, last, body, combine, acc, schedule, chunk, data, stat, errmsg)
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
    end subroutine reduce_int64_i64

    !> `parallel_reduce` into a int32 accumulator (bounds of kind int32).
    !> Each thread starts its own accumulator as a copy of `acc`'s value on
    !> entry (the identity), folds its sub-ranges into it with `body`, and the
    !> threads' accumulators are combined with `combine`, in thread order,
    !> into another copy of the identity, which is stored in `acc`. With the
    !> static schedule the grouping, and so the result's rounding, depends
    !> only on the range and the number of threads.
    module subroutine reduce_int32_i32(self, first, last, body, combine, acc, schedule, chunk, data, stat, errmsg)
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
    end subroutine reduce_int32_i32

    !> `parallel_reduce` into a int32 accumulator (bounds of kind int64).
    !> Each thread starts its own accumulator as a copy of `acc`'s value on
    !> entry (the identity), folds its sub-ranges into it with `body`, and the
    !> threads' accumulators are combined with `combine`, in thread order,
    !> into another copy of the identity, which is stored in `acc`. With the
    !> static schedule the grouping, and so the result's rounding, depends
    !> only on the range and the number of threads.
    module subroutine reduce_int32_i64(self, first, last, body, combine, acc, schedule, chunk, data, stat, errmsg)
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
    end subroutine reduce_int32_i64

    !> `parallel_reduce` into an accumulator of any type, given by its
    !> address and size in bytes (bounds of kind int32).
    !> Each thread starts its own accumulator as a copy of `acc`'s value on
    !> entry (the identity), folds its sub-ranges into it with `body`, and the
    !> threads' accumulators are combined with `combine`, in thread order,
    !> into another copy of the identity, which is stored in `acc`. With the
    !> static schedule the grouping, and so the result's rounding, depends
    !> only on the range and the number of threads.
    module subroutine reduce_ptr_i32(self, first, last, body, combine, acc, acc_bytes, schedule, chunk, data, &
        stat, errmsg)
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
    end subroutine reduce_ptr_i32

    !> `parallel_reduce` into an accumulator of any type, given by its
    !> address and size in bytes (bounds of kind int64).
    !> Each thread starts its own accumulator as a copy of `acc`'s value on
    !> entry (the identity), folds its sub-ranges into it with `body`, and the
    !> threads' accumulators are combined with `combine`, in thread order,
    !> into another copy of the identity, which is stored in `acc`. With the
    !> static schedule the grouping, and so the result's rounding, depends
    !> only on the range and the number of threads.
    module subroutine reduce_ptr_i64(self, first, last, body, combine, acc, acc_bytes, schedule, chunk, data, &
        stat, errmsg)
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
    end subroutine reduce_ptr_i64
  end interface

  !> The rows and columns of `op(a)`: `call op_shape(a, trans, rows, cols)`,
  !> `trans` an `OXPAR_TRANS_*` code.
  interface op_shape
    module procedure op_shape_sp, op_shape_dp, op_shape_csp, op_shape_cdp
  end interface op_shape

  ! The collective a rejected call joins on an MPI context (`join_rejected`):
  ! the library's `oxpar_routine` values.
  integer(c_int32_t), parameter :: JOIN_DOT = OXPAR_ROUTINE_DOT, JOIN_GEMV = OXPAR_ROUTINE_GEMV, &
    JOIN_GER = OXPAR_ROUTINE_GER, JOIN_GEMM = OXPAR_ROUTINE_GEMM, JOIN_HALO = OXPAR_ROUTINE_HALO

contains

  !> Creates the context from `spec`: `"serial"`, `"threads"` (the default:
  !> as many threads as `OXPAR_NUM_THREADS` says, else `OMP_NUM_THREADS`'s
  !> first entry, else the CPUs this process may use) or `"threads:N"`; then, with `num_threads`, sets the thread count.
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

  !> The C handle (`oxpar_context *`) of `ctx`, null when it is not
  !> initialised. Internal to the bindings: the handle is a private component,
  !> and the other modules of the bindings pass it to the C functions.
  pure function context_handle(ctx) result(handle)
    !> The context.
    type(oxpar_context), intent(in) :: ctx
    type(c_ptr) :: handle

    handle = ctx%handle
  end function context_handle

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
  ! Helpers of every area (internal to the bindings).

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
    ! LU and Cholesky (module oxpar_linalg), for the four element types.
    character(len=*), parameter :: linalg(6) = [character(len=5) :: "getrf", "getrs", "gesv", "potrf", &
      "potrs", "posv"]
    ! The inverses, determinants, batches and QR (module oxpar_linalg), for the four element types.
    character(len=*), parameter :: linalg_more(16) = [character(len=13) :: "getri", "potri", "trtri", &
      "det", "slogdet", "gesv_batch", "inv_batch", "potrf_batch", "det_batch", "slogdet_batch", &
      "geqrf", "ormqr", "unmqr", "orgqr", "ungqr", "gels"]
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
        else if (len(rest) > 1 .and. index("sdcz", rest(1:1)) > 0 .and. (any(linalg == rest(2:)) .or. &
            any(linalg_more == rest(2:)))) then
          name = family // rest(2:)
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

  !> The `OXPAR_TRANS_*` code of a complex routine's `trans` letter ('N' when
  !> absent; 'T' the transpose, 'C' the conjugate transpose), any case;
  !> false for any other letter.
  function ctrans_code(trans, code) result(ok)
    character(len=1), intent(in), optional :: trans
    integer(c_int32_t), intent(out) :: code
    logical :: ok

    code = OXPAR_TRANS_NO
    ok = .true.
    if (.not. present(trans)) return
    select case (trans)
    case ('N', 'n')
      code = OXPAR_TRANS_NO
    case ('T', 't')
      code = OXPAR_TRANS_YES
    case ('C', 'c')
      code = OXPAR_TRANS_CONJ
    case default
      ok = .false.
    end select
  end function ctrans_code

  !> The message for a bad `trans` argument of a complex routine.
  pure function bad_ctrans(trans) result(message)
    character(len=1), intent(in) :: trans
    character(len=:), allocatable :: message

    message = "must be 'N', 'T' or 'C', got '" // trans // "'"
  end function bad_ctrans

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

  !> The C view of a complex(sp) vector (`oxpar_c32`: real part first): the
  !> address of its first element and the distance in elements to the next
  !> (negative for reversed sections); no copy.
  subroutine vector_csp(x, p, inc)
    complex(sp), intent(in), target :: x(:)
    type(c_ptr), intent(out) :: p
    integer(c_ptrdiff_t), intent(out) :: inc
    integer(c_intptr_t), parameter :: bytes = storage_size((1.0_sp, 0.0_sp)) / 8

    p = c_null_ptr
    inc = 1
    if (size(x) == 0) return
    p = c_loc(x(1))
    if (size(x) > 1) inc = distance(p, c_loc(x(2)), bytes)
  end subroutine vector_csp

  !> The C view of a complex(sp) matrix: the address of element (1, 1) and
  !> the distances in elements between rows and between columns; no copy.
  subroutine matrix_csp(a, p, rs, cs)
    complex(sp), intent(in), target :: a(:,:)
    type(c_ptr), intent(out) :: p
    integer(c_ptrdiff_t), intent(out) :: rs, cs
    integer(c_intptr_t), parameter :: bytes = storage_size((1.0_sp, 0.0_sp)) / 8

    p = c_null_ptr
    rs = 1
    cs = max(size(a, 1), 1)
    if (size(a) == 0) return
    p = c_loc(a(1, 1))
    if (size(a, 1) > 1) rs = distance(p, c_loc(a(2, 1)), bytes)
    if (size(a, 2) > 1) cs = distance(p, c_loc(a(1, 2)), bytes)
  end subroutine matrix_csp

  !> The C view of a complex(dp) vector (`oxpar_c64`: real part first): the
  !> address of its first element and the distance in elements to the next
  !> (negative for reversed sections); no copy.
  subroutine vector_cdp(x, p, inc)
    complex(dp), intent(in), target :: x(:)
    type(c_ptr), intent(out) :: p
    integer(c_ptrdiff_t), intent(out) :: inc
    integer(c_intptr_t), parameter :: bytes = storage_size((1.0_dp, 0.0_dp)) / 8

    p = c_null_ptr
    inc = 1
    if (size(x) == 0) return
    p = c_loc(x(1))
    if (size(x) > 1) inc = distance(p, c_loc(x(2)), bytes)
  end subroutine vector_cdp

  !> The C view of a complex(dp) matrix: the address of element (1, 1) and
  !> the distances in elements between rows and between columns; no copy.
  subroutine matrix_cdp(a, p, rs, cs)
    complex(dp), intent(in), target :: a(:,:)
    type(c_ptr), intent(out) :: p
    integer(c_ptrdiff_t), intent(out) :: rs, cs
    integer(c_intptr_t), parameter :: bytes = storage_size((1.0_dp, 0.0_dp)) / 8

    p = c_null_ptr
    rs = 1
    cs = max(size(a, 1), 1)
    if (size(a) == 0) return
    p = c_loc(a(1, 1))
    if (size(a, 1) > 1) rs = distance(p, c_loc(a(2, 1)), bytes)
    if (size(a, 2) > 1) cs = distance(p, c_loc(a(1, 2)), bytes)
  end subroutine matrix_cdp

  !> The rows and columns of `op(a)`.
  pure subroutine op_shape_csp(a, trans, rows, cols)
    complex(sp), intent(in) :: a(:,:)
    integer(c_int32_t), intent(in) :: trans
    integer, intent(out) :: rows, cols

    if (trans == OXPAR_TRANS_NO) then
      rows = size(a, 1)
      cols = size(a, 2)
    else
      rows = size(a, 2)
      cols = size(a, 1)
    end if
  end subroutine op_shape_csp

  !> The rows and columns of `op(a)`.
  pure subroutine op_shape_cdp(a, trans, rows, cols)
    complex(dp), intent(in) :: a(:,:)
    integer(c_int32_t), intent(in) :: trans
    integer, intent(out) :: rows, cols

    if (trans == OXPAR_TRANS_NO) then
      rows = size(a, 1)
      cols = size(a, 2)
    else
      rows = size(a, 2)
      cols = size(a, 1)
    end if
  end subroutine op_shape_cdp

end module oxpar_base
