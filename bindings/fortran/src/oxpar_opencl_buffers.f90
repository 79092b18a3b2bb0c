!> OpenCL device memory and the BLAS on it: `oxpar_buffer`,
!> `oxpar_to_device` and the `oxpar_buffer_*` routines. User kernels are in
!> `oxpar_opencl_kernels`. Part of `oxpar`, which programs use.
module oxpar_opencl_buffers
  use, intrinsic :: iso_c_binding, only: c_associated, c_double, c_float, c_int32_t, c_loc, c_null_ptr, &
    c_ptr, c_ptrdiff_t, c_size_t
  use, intrinsic :: ieee_arithmetic, only: ieee_quiet_nan, ieee_value
  use oxpar_c
  use oxpar_base
  implicit none
  private

  public :: oxpar_buffer
  public :: oxpar_to_device, oxpar_buffer_axpy, oxpar_buffer_dot, oxpar_buffer_gemm
  public :: oxpar_buffer_scal, oxpar_buffer_copy, oxpar_buffer_swap, oxpar_buffer_nrm2, oxpar_buffer_asum, &
    oxpar_buffer_sum, oxpar_buffer_iamax, oxpar_buffer_gemv, oxpar_buffer_ger

  ! Internal to the bindings (not re-exported by `oxpar`).
  public :: buffer_handle

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

contains

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

  !> The C handle (`oxpar_buffer *`) of `buf`, null when it is not created.
  !> Internal to the bindings (for `oxpar_kernel%set_arg`): the handle is a
  !> private component.
  pure function buffer_handle(buf) result(handle)
    !> The buffer.
    type(oxpar_buffer), intent(in) :: buf
    type(c_ptr) :: handle

    handle = buf%handle
  end function buffer_handle

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
      status = c_oxpar_buffer_sdot(context_handle(ctx), csize(x%length()), x%handle, 0_c_size_t, 1_c_ptrdiff_t, &
        y%handle, 0_c_size_t, 1_c_ptrdiff_t, out_sp)
      if (status == OXPAR_STATUS_OK) res = real(out_sp, dp)
      message = error_message(status)
    else
      ! real64 or no buffer at all (then the library names the null handle).
      status = c_oxpar_buffer_ddot(context_handle(ctx), csize(x%length()), x%handle, 0_c_size_t, 1_c_ptrdiff_t, &
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
      status = c_oxpar_buffer_scopy(context_handle(ctx), csize(x%length()), x%handle, 0_c_size_t, 1_c_ptrdiff_t, &
        y%handle, 0_c_size_t, 1_c_ptrdiff_t)
      message = error_message(status)
    else
      ! real64 or no buffer at all (then the library names the null handle).
      status = c_oxpar_buffer_dcopy(context_handle(ctx), csize(x%length()), x%handle, 0_c_size_t, 1_c_ptrdiff_t, &
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
      status = c_oxpar_buffer_sswap(context_handle(ctx), csize(x%length()), x%handle, 0_c_size_t, 1_c_ptrdiff_t, &
        y%handle, 0_c_size_t, 1_c_ptrdiff_t)
      message = error_message(status)
    else
      ! real64 or no buffer at all (then the library names the null handle).
      status = c_oxpar_buffer_dswap(context_handle(ctx), csize(x%length()), x%handle, 0_c_size_t, 1_c_ptrdiff_t, &
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
      status = c_oxpar_buffer_snrm2(context_handle(ctx), csize(x%length()), x%handle, 0_c_size_t, 1_c_ptrdiff_t, &
        out_sp)
      if (status == OXPAR_STATUS_OK) res = real(out_sp, dp)
    else
      ! real64 or no buffer at all (then the library names the null handle).
      status = c_oxpar_buffer_dnrm2(context_handle(ctx), csize(x%length()), x%handle, 0_c_size_t, 1_c_ptrdiff_t, &
        out_dp)
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
      status = c_oxpar_buffer_sasum(context_handle(ctx), csize(x%length()), x%handle, 0_c_size_t, 1_c_ptrdiff_t, &
        out_sp)
      if (status == OXPAR_STATUS_OK) res = real(out_sp, dp)
    else
      ! real64 or no buffer at all (then the library names the null handle).
      status = c_oxpar_buffer_dasum(context_handle(ctx), csize(x%length()), x%handle, 0_c_size_t, 1_c_ptrdiff_t, &
        out_dp)
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
      status = c_oxpar_buffer_ssum(context_handle(ctx), csize(x%length()), x%handle, 0_c_size_t, 1_c_ptrdiff_t, &
        out_sp)
      if (status == OXPAR_STATUS_OK) res = real(out_sp, dp)
    else
      ! real64 or no buffer at all (then the library names the null handle).
      status = c_oxpar_buffer_dsum(context_handle(ctx), csize(x%length()), x%handle, 0_c_size_t, 1_c_ptrdiff_t, &
        out_dp)
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
      status = c_oxpar_buffer_isamax(context_handle(ctx), csize(x%length()), x%handle, 0_c_size_t, &
        1_c_ptrdiff_t, out)
    else
      ! real64 or no buffer at all (then the library names the null handle).
      status = c_oxpar_buffer_idamax(context_handle(ctx), csize(x%length()), x%handle, 0_c_size_t, &
        1_c_ptrdiff_t, out)
    end if
    if (status == OXPAR_STATUS_OK .and. out /= OXPAR_INDEX_NONE) res = int(out) + 1
    message = error_message(status)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end function oxpar_buffer_iamax

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
      status = c_oxpar_buffer_create(context_handle(ctx), dtype, csize(n), handle)
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

  ! ---------------------------------------------------------------------------
  ! real32

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
      status = c_oxpar_buffer_saxpy(context_handle(ctx), csize(x%length()), al, x%handle, 0_c_size_t, &
        1_c_ptrdiff_t, y%handle, 0_c_size_t, 1_c_ptrdiff_t)
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
        status = c_oxpar_buffer_sgemm(context_handle(ctx), ta, tb, csize(m), csize(n), csize(k), al, &
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
    status = c_oxpar_buffer_sscal(context_handle(ctx), csize(x%length()), al, x%handle, 0_c_size_t, 1_c_ptrdiff_t)
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
        status = c_oxpar_buffer_sgemv(context_handle(ctx), t, csize(m), csize(n), al, &
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
      status = c_oxpar_buffer_sger(context_handle(ctx), csize(m), csize(n), al, x%handle, 0_c_size_t, &
        1_c_ptrdiff_t, y%handle, 0_c_size_t, 1_c_ptrdiff_t, a%handle, 0_c_size_t, 1_c_ptrdiff_t, int(la, &
        c_ptrdiff_t))
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine buffer_ger_sp

  ! ---------------------------------------------------------------------------
  ! real64

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
      status = c_oxpar_buffer_daxpy(context_handle(ctx), csize(x%length()), al, x%handle, 0_c_size_t, &
        1_c_ptrdiff_t, y%handle, 0_c_size_t, 1_c_ptrdiff_t)
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
        status = c_oxpar_buffer_dgemm(context_handle(ctx), ta, tb, csize(m), csize(n), csize(k), al, &
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
    status = c_oxpar_buffer_dscal(context_handle(ctx), csize(x%length()), al, x%handle, 0_c_size_t, 1_c_ptrdiff_t)
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
        status = c_oxpar_buffer_dgemv(context_handle(ctx), t, csize(m), csize(n), al, &
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
      status = c_oxpar_buffer_dger(context_handle(ctx), csize(m), csize(n), al, x%handle, 0_c_size_t, &
        1_c_ptrdiff_t, y%handle, 0_c_size_t, 1_c_ptrdiff_t, a%handle, 0_c_size_t, 1_c_ptrdiff_t, int(la, &
        c_ptrdiff_t))
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine buffer_ger_dp

end module oxpar_opencl_buffers
