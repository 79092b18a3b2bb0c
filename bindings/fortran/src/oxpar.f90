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
!> A context owns threads: create it with `init`, free it with `destroy` (a
!> context has no finalizer, so copies of one share its threads; destroy
!> exactly one of them). One context may serve calls from several threads.
!> The raw `bind(C)` interfaces are in the module `oxpar_c`.
module oxpar
  use, intrinsic :: iso_c_binding, only: c_associated, c_char, c_double, c_f_pointer, c_float, c_int32_t, &
    c_intptr_t, c_loc, c_null_char, c_null_ptr, c_ptr, c_ptrdiff_t, c_size_t
  use, intrinsic :: iso_fortran_env, only: sp => real32, dp => real64
  use, intrinsic :: ieee_arithmetic, only: ieee_quiet_nan, ieee_value
  use oxpar_c
  implicit none
  private

  public :: oxpar_context
  public :: oxpar_gemm, oxpar_gemv, oxpar_ger
  public :: oxpar_dot, oxpar_nrm2, oxpar_asum, oxpar_iamax
  public :: oxpar_axpy, oxpar_scal, oxpar_copy, oxpar_swap
  public :: oxpar_version, oxpar_status_str

  ! Re-exported from oxpar_c: status codes, backends, versions.
  public :: OXPAR_STATUS_OK, OXPAR_STATUS_NULL_POINTER, OXPAR_STATUS_INVALID_ARGUMENT, &
    OXPAR_STATUS_SHAPE_MISMATCH, OXPAR_STATUS_INVALID_STRIDE, OXPAR_STATUS_UNSUPPORTED, &
    OXPAR_STATUS_BACKEND_UNAVAILABLE, OXPAR_STATUS_DEVICE_ERROR, OXPAR_STATUS_OUT_OF_MEMORY, &
    OXPAR_STATUS_COMM_ERROR, OXPAR_STATUS_PANIC, OXPAR_STATUS_INTERNAL
  public :: OXPAR_BACKEND_SERIAL, OXPAR_BACKEND_THREADS, OXPAR_BACKEND_OPENCL, OXPAR_BACKEND_MPI
  public :: OXPAR_VERSION_MAJOR, OXPAR_VERSION_MINOR, OXPAR_VERSION_PATCH, OXPAR_VERSION_STRING, &
    OXPAR_VERSION_NUMBER, OXPAR_ABI_VERSION

  !> An execution context: a backend (serial or host threads) and its threads.
  !> Not usable until `init` succeeds; free it with `destroy`.
  type :: oxpar_context
    private
    !> The C handle (`oxpar_context *`), null when not initialised.
    type(c_ptr) :: handle = c_null_ptr
  contains
    !> Creates the context (destroying the one it held, if any).
    procedure :: init => context_init
    !> Frees the context and stops its threads; a no-op when not initialised.
    procedure :: destroy => context_destroy
    !> The number of threads it computes with (0 when not initialised).
    procedure :: num_threads => context_num_threads
    !> Changes the number of threads.
    procedure :: set_num_threads => context_set_num_threads
    !> Its backend, an `OXPAR_BACKEND_*` value (-1 when not initialised).
    procedure :: backend => context_backend
    !> Whether `init` has succeeded (and `destroy` not been called since).
    procedure :: initialized => context_initialized
  end type oxpar_context

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

  interface op_shape
    module procedure op_shape_sp, op_shape_dp
  end interface op_shape

contains

  !> Creates the context from `spec`: `"serial"`, `"threads"` (the default:
  !> as many threads as `OXPAR_NUM_THREADS` says, else the CPUs this process
  !> may use) or `"threads:N"`; then, with `num_threads`, sets the thread count.
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

  !> Frees the context and stops its threads; a no-op when not initialised.
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

  !> Whether the context is usable (`init` succeeded, `destroy` not called since).
  pure function context_initialized(self) result(yes)
    !> The context.
    class(oxpar_context), intent(in) :: self
    logical :: yes

    yes = c_associated(self%handle)
  end function context_initialized

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
    else if (.not. trans_code(transb, tb)) then
      message = "oxpar_gemm: transb: " // bad_trans(transb)
    else
      m = size(c, 1)
      n = size(c, 2)
      call op_shape(a, ta, ma, k)
      call op_shape(b, tb, kb, nb)
      status = OXPAR_STATUS_SHAPE_MISMATCH
      if (ma /= m) then
        message = "oxpar_gemm: a: op(a) has " // str(ma) // " rows but c has " // str(m)
      else if (kb /= k .or. nb /= n) then
        message = "oxpar_gemm: b: op(b) is " // str(kb) // " x " // str(nb) // " but must be " // str(k) &
          // " x " // str(n) // " (columns of op(a) x columns of c)"
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
    else
      call op_shape(a, t, rows, cols)
      status = OXPAR_STATUS_SHAPE_MISMATCH
      if (size(x) /= cols) then
        message = "oxpar_gemv: x: has " // str(size(x)) // " elements but op(a) has " // str(cols) // " columns"
      else if (size(y) /= rows) then
        message = "oxpar_gemv: y: has " // str(size(y)) // " elements but op(a) has " // str(rows) // " rows"
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
    else if (size(y) /= size(a, 2)) then
      message = "oxpar_ger: y: has " // str(size(y)) // " elements but a has " // str(size(a, 2)) // " columns"
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
    else if (.not. trans_code(transb, tb)) then
      message = "oxpar_gemm: transb: " // bad_trans(transb)
    else
      m = size(c, 1)
      n = size(c, 2)
      call op_shape(a, ta, ma, k)
      call op_shape(b, tb, kb, nb)
      status = OXPAR_STATUS_SHAPE_MISMATCH
      if (ma /= m) then
        message = "oxpar_gemm: a: op(a) has " // str(ma) // " rows but c has " // str(m)
      else if (kb /= k .or. nb /= n) then
        message = "oxpar_gemm: b: op(b) is " // str(kb) // " x " // str(nb) // " but must be " // str(k) &
          // " x " // str(n) // " (columns of op(a) x columns of c)"
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
    else
      call op_shape(a, t, rows, cols)
      status = OXPAR_STATUS_SHAPE_MISMATCH
      if (size(x) /= cols) then
        message = "oxpar_gemv: x: has " // str(size(x)) // " elements but op(a) has " // str(cols) // " columns"
      else if (size(y) /= rows) then
        message = "oxpar_gemv: y: has " // str(size(y)) // " elements but op(a) has " // str(rows) // " rows"
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
    else if (size(y) /= size(a, 2)) then
      message = "oxpar_ger: y: has " // str(size(y)) // " elements but a has " // str(size(a, 2)) // " columns"
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
  ! Helpers.

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
      message = c_string(c_oxpar_last_error_message())
    end if
  end function error_message

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
