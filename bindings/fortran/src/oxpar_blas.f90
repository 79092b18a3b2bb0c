!> BLAS on Fortran arrays (sections with any strides, passed in place):
!> `oxpar_gemm`, `oxpar_gemv`, `oxpar_ger`, `oxpar_dot`, `oxpar_nrm2`,
!> `oxpar_asum`, `oxpar_sum`, `oxpar_iamax`, `oxpar_axpy`, `oxpar_scal`,
!> `oxpar_copy` and `oxpar_swap`, each a generic over real32 and real64.
!> Part of `oxpar`, which programs use.
module oxpar_blas
  use, intrinsic :: iso_c_binding, only: c_double, c_float, c_int32_t, c_ptr, c_ptrdiff_t, c_size_t
  use, intrinsic :: ieee_arithmetic, only: ieee_quiet_nan, ieee_value
  use oxpar_c
  use oxpar_base
  implicit none
  private

  public :: oxpar_gemm, oxpar_gemv, oxpar_ger
  public :: oxpar_dot, oxpar_nrm2, oxpar_asum, oxpar_sum, oxpar_iamax
  public :: oxpar_axpy, oxpar_scal, oxpar_copy, oxpar_swap

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

contains

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
        status = c_oxpar_sgemm(context_handle(ctx), ta, tb, csize(m), csize(n), csize(k), al, pa, rsa, csa, pb, &
          rsb, csb, be, pc, rsc, csc)
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
        status = c_oxpar_sgemv(context_handle(ctx), t, csize(size(a, 1)), csize(size(a, 2)), al, pa, rsa, csa, &
          px, incx, be, py, incy)
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
      status = c_oxpar_sger(context_handle(ctx), csize(size(a, 1)), csize(size(a, 2)), al, px, incx, py, incy, &
        pa, rsa, csa)
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
      status = c_oxpar_sdot(context_handle(ctx), csize(size(x)), px, incx, py, incy, out)
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
    status = c_oxpar_snrm2(context_handle(ctx), csize(size(x)), px, incx, out)
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
    status = c_oxpar_sasum(context_handle(ctx), csize(size(x)), px, incx, out)
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
    status = c_oxpar_ssum(context_handle(ctx), csize(size(x)), px, incx, out)
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
    status = c_oxpar_isamax(context_handle(ctx), csize(size(x)), px, incx, out)
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
      status = c_oxpar_saxpy(context_handle(ctx), csize(size(x)), al, px, incx, py, incy)
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
    status = c_oxpar_sscal(context_handle(ctx), csize(size(x)), alpha, px, incx)
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
      status = c_oxpar_scopy(context_handle(ctx), csize(size(x)), px, incx, py, incy)
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
      status = c_oxpar_sswap(context_handle(ctx), csize(size(x)), px, incx, py, incy)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine swap_sp

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
        status = c_oxpar_dgemm(context_handle(ctx), ta, tb, csize(m), csize(n), csize(k), al, pa, rsa, csa, pb, &
          rsb, csb, be, pc, rsc, csc)
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
        status = c_oxpar_dgemv(context_handle(ctx), t, csize(size(a, 1)), csize(size(a, 2)), al, pa, rsa, csa, &
          px, incx, be, py, incy)
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
      status = c_oxpar_dger(context_handle(ctx), csize(size(a, 1)), csize(size(a, 2)), al, px, incx, py, incy, &
        pa, rsa, csa)
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
      status = c_oxpar_ddot(context_handle(ctx), csize(size(x)), px, incx, py, incy, out)
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
    status = c_oxpar_dnrm2(context_handle(ctx), csize(size(x)), px, incx, out)
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
    status = c_oxpar_dasum(context_handle(ctx), csize(size(x)), px, incx, out)
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
    status = c_oxpar_dsum(context_handle(ctx), csize(size(x)), px, incx, out)
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
    status = c_oxpar_idamax(context_handle(ctx), csize(size(x)), px, incx, out)
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
      status = c_oxpar_daxpy(context_handle(ctx), csize(size(x)), al, px, incx, py, incy)
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
    status = c_oxpar_dscal(context_handle(ctx), csize(size(x)), alpha, px, incx)
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
      status = c_oxpar_dcopy(context_handle(ctx), csize(size(x)), px, incx, py, incy)
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
      status = c_oxpar_dswap(context_handle(ctx), csize(size(x)), px, incx, py, incy)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine swap_dp

end module oxpar_blas
