!> The device part of the module `oxpar` on an OpenCL context: buffers
!> (round trips, kinds, errors), device BLAS (axpy, dot, gemm, scal, copy,
!> swap, nrm2, asum, sum, iamax, gemv, ger) against naive Fortran, reproducible
!> mode (buffers and host routines bitwise equal to a serial context),
!> host routines on an OpenCL context, a user kernel and a failed build.
!> Without an OpenCL device it says so and passes.
program test_oxpar_opencl
  use, intrinsic :: iso_fortran_env, only: sp => real32, dp => real64, int32, int64
  use, intrinsic :: ieee_arithmetic, only: ieee_is_nan
  use oxpar
  use oxpar_testing, only: check, has, summary
  implicit none
  type(oxpar_context) :: ctx, host
  type(oxpar_buffer) :: bx, by, bz
  type(oxpar_program) :: prog, bad
  type(oxpar_kernel) :: kern
  integer :: st, i
  character(len=:), allocatable :: msg
  character(len=*), parameter :: nl = new_line('a')

  call ctx%init("opencl", stat=st, errmsg=msg)
  if (st /= OXPAR_STATUS_OK) then
    write (*, '(a)') "test_oxpar_opencl: skipped, no OpenCL context: " // msg
    stop
  end if
  call check(ctx%backend() == OXPAR_BACKEND_OPENCL, "opencl backend")

  ! Buffers: create, lengths, kinds, round trips (1-D and 2-D), errors.
  block
    real(sp) :: x(5), y(5)
    real(dp) :: a(3, 4), b(3, 4), w(5)

    call bx%create(ctx, 5, sp)
    call check(bx%created() .and. bx%length() == 5 .and. bx%real_kind() == sp, "create real32")
    y = -1.0_sp
    call bx%download(y)
    call check(all(abs(y) <= 0.0_sp), "a new buffer holds zeros")
    x = [(real(i, sp) / 3.0_sp, i = 1, 5)]
    call bx%upload(x)
    call bx%download(y)
    call check(all(abs(y - x) <= 0.0_sp), "real32 round trip")
    a = reshape([(real(i, dp) * 0.1_dp, i = 1, 12)], [3, 4])
    call oxpar_to_device(ctx, a, by)
    call check(by%length() == 12 .and. by%real_kind() == dp, "to_device 2-D real64")
    b = 0.0_dp
    call by%download(b)
    call check(all(abs(a - b) <= 0.0_dp), "real64 2-D round trip")
    call bx%download(w, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "real32"), "download into the wrong kind: " // msg)
    call bx%upload(x(1:4), stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_SHAPE_MISMATCH, "upload of the wrong length: " // msg)
    call bz%create(ctx, 3, 3, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "kind") .and. .not. bz%created(), "bad kind")
    call host%init("serial")
    call bz%create(host, 3, dp, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_UNSUPPORTED .and. .not. bz%created(), "no buffers on a host context: " // msg)
    call host%destroy()
    call bx%destroy()
    call bx%destroy()
    call check(.not. bx%created() .and. bx%length() == 0 .and. bx%real_kind() == -1, "destroy twice")
    call by%destroy()
  end block

  ! Device BLAS against naive Fortran, both kinds.
  block
    real(sp) :: x(7), y(7), r(7), a(4, 3), b(3, 5), c(4, 5), at(3, 4)
    real(sp) :: d
    x = [(real(i, sp) * 0.5_sp, i = 1, 7)]
    y = [(real(8 - i, sp), i = 1, 7)]
    call oxpar_to_device(ctx, x, bx)
    call oxpar_to_device(ctx, y, by)
    call oxpar_buffer_axpy(ctx, 2.0_sp, bx, by)
    call by%download(r)
    call check(all(abs(r - (2.0_sp * x + y)) <= 1e-5_sp), "buffer axpy real32")
    d = real(oxpar_buffer_dot(ctx, bx, by), sp)
    call check(abs(d - sum(x * r)) <= 1e-4_sp * abs(sum(x * r)), "buffer dot real32")
    a = reshape([(real(i, sp) - 6.0_sp, i = 1, 12)], [4, 3])
    b = reshape([(real(mod(i, 4), sp) * 0.25_sp, i = 1, 15)], [3, 5])
    c = 1.0_sp
    call oxpar_to_device(ctx, a, bx)
    call oxpar_to_device(ctx, b, by)
    call oxpar_to_device(ctx, c, bz)
    call oxpar_buffer_gemm(ctx, bx, by, bz, 4, 5, 3, 2.0_sp, 0.5_sp)
    call bz%download(c)
    call check(all(abs(c - (2.0_sp * naive_sp(a, b) + 0.5_sp)) <= 1e-4_sp), "buffer gemm real32")
    at = transpose(a)
    call oxpar_to_device(ctx, at, bx)
    call oxpar_buffer_gemm(ctx, bx, by, bz, 4, 5, 3, 1.0_sp, 0.0_sp, transa='T')
    call bz%download(c)
    call check(all(abs(c - naive_sp(a, b)) <= 1e-4_sp), "buffer gemm real32 transa")
    call oxpar_buffer_axpy(ctx, 1.0_sp, bx, bz, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_SHAPE_MISMATCH .and. has(msg, "y"), "buffer axpy lengths: " // msg)
    call oxpar_buffer_gemm(ctx, bx, by, bz, 4, 5, 3, 1.0_sp, 0.0_sp, transb='X', stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "transb"), "buffer gemm bad transb")
    call oxpar_buffer_gemm(ctx, bx, by, bz, 4, 6, 3, 1.0_sp, 0.0_sp, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_SHAPE_MISMATCH, "buffer gemm past the buffer: " // msg)
  end block

  block
    real(dp) :: x(6), y(6), r(6), a(3, 2), b(2, 4), c(3, 4), d

    x = [(1.0_dp / real(i, dp), i = 1, 6)]
    y = [(real(i, dp) ** 2, i = 1, 6)]
    call oxpar_to_device(ctx, x, bx)
    call oxpar_to_device(ctx, y, by)
    call oxpar_buffer_axpy(ctx, -3.0_dp, bx, by)
    call by%download(r)
    call check(all(abs(r - (y - 3.0_dp * x)) <= 1e-12_dp), "buffer axpy real64")
    d = oxpar_buffer_dot(ctx, bx, by)
    call check(abs(d - sum(x * r)) <= 1e-12_dp * abs(sum(x * r)), "buffer dot real64")
    a = reshape([(real(i, dp) * 1.5_dp, i = 1, 6)], [3, 2])
    b = reshape([(real(i, dp) - 4.0_dp, i = 1, 8)], [2, 4])
    c = 2.0_dp
    call oxpar_to_device(ctx, a, bx)
    call oxpar_to_device(ctx, b, by)
    call oxpar_to_device(ctx, c, bz)
    call oxpar_buffer_gemm(ctx, bx, by, bz, 3, 4, 2, 1.0_dp, -1.0_dp)
    call bz%download(c)
    call check(all(abs(c - (matmul(a, b) - 2.0_dp)) <= 1e-12_dp), "buffer gemm real64")
    call oxpar_buffer_axpy(ctx, 1.0_sp, bx, bz, stat=st, errmsg=msg)
    call check(st /= OXPAR_STATUS_OK, "buffer axpy real32 alpha on real64 buffers: " // msg)
    call oxpar_finish(ctx)
  end block

  ! scal, copy, swap, nrm2, asum, iamax, gemv, ger on real32 buffers.
  block
    type(oxpar_buffer) :: ba
    real(sp) :: x(7), y(7), r(7), a(4, 3), at(4, 3), v3(3), v4(4), w3(3), w4(4)
    real(dp) :: d
    integer :: k

    x = [(real(i, sp) * 0.5_sp - 2.0_sp, i = 1, 7)]
    y = [(real(8 - i, sp), i = 1, 7)]
    call oxpar_to_device(ctx, x, bx)
    call oxpar_to_device(ctx, y, by)
    call oxpar_buffer_scal(ctx, 0.5_sp, bx)
    call bx%download(r)
    call check(all(abs(r - 0.5_sp * x) <= 0.0_sp), "buffer scal real32")
    x = 0.5_sp * x
    call oxpar_buffer_swap(ctx, bx, by)
    call bx%download(r)
    call check(all(abs(r - y) <= 0.0_sp), "buffer swap real32 (x)")
    call by%download(r)
    call check(all(abs(r - x) <= 0.0_sp), "buffer swap real32 (y)")
    call oxpar_buffer_copy(ctx, by, bx)
    call bx%download(r)
    call check(all(abs(r - x) <= 0.0_sp), "buffer copy real32")
    d = oxpar_buffer_nrm2(ctx, bx)
    call check(abs(d - sqrt(sum(real(x, dp) ** 2))) <= 1e-5_dp * sqrt(sum(real(x, dp) ** 2)), "buffer nrm2 real32")
    d = oxpar_buffer_asum(ctx, bx)
    call check(abs(d - sum(abs(real(x, dp)))) <= 1e-5_dp * sum(abs(real(x, dp))), "buffer asum real32")
    k = oxpar_buffer_iamax(ctx, bx)
    call check(k == maxloc(abs(x), 1), "buffer iamax real32: " // str_i(k))
    a = reshape([(real(i, sp) - 6.0_sp, i = 1, 12)], [4, 3])
    v3 = [1.0_sp, -2.0_sp, 0.5_sp]
    v4 = [0.25_sp, 1.0_sp, -1.0_sp, 2.0_sp]
    call oxpar_to_device(ctx, a, ba)
    call oxpar_to_device(ctx, v3, bx)
    call oxpar_to_device(ctx, v4, by)
    call oxpar_buffer_gemv(ctx, ba, bx, by, 4, 3, 2.0_sp, -1.0_sp)
    call by%download(w4)
    call check(all(abs(w4 - (2.0_sp * matmul(a, v3) - v4)) <= 1e-4_sp), "buffer gemv real32")
    call oxpar_to_device(ctx, v4, bx)
    call oxpar_to_device(ctx, v3, by)
    call oxpar_buffer_gemv(ctx, ba, bx, by, 4, 3, 1.0_sp, 0.0_sp, trans='T')
    call by%download(w3)
    call check(all(abs(w3 - matmul(v4, a)) <= 1e-4_sp), "buffer gemv real32 trans")
    call oxpar_buffer_ger(ctx, 0.5_sp, bx, by, ba)
    call ba%download(at)
    call check(all(abs(at - (a + 0.5_sp * spread(v4, 2, 3) * spread(w3, 1, 4))) <= 1e-4_sp), "buffer ger real32")
    ! Errors.
    call oxpar_buffer_copy(ctx, bx, by, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_SHAPE_MISMATCH .and. has(msg, "y"), "buffer copy lengths: " // msg)
    call oxpar_buffer_swap(ctx, bx, bx, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "y"), "buffer swap with itself: " // msg)
    call oxpar_buffer_gemv(ctx, ba, bx, by, 4, 3, 1.0_sp, 0.0_sp, trans='X', stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "trans"), "buffer gemv bad trans")
    call oxpar_buffer_gemv(ctx, ba, by, bx, 4, 3, 1.0_sp, 0.0_sp, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_OK, "buffer gemv: " // msg)
    call oxpar_buffer_gemv(ctx, ba, bx, by, 4, 3, 1.0_sp, 0.0_sp, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_SHAPE_MISMATCH .and. has(msg, "x"), "buffer gemv lengths: " // msg)
    call oxpar_buffer_ger(ctx, 1.0_sp, bx, by, ba, lda=2, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "lda"), "buffer ger bad lda: " // msg)
    call oxpar_buffer_ger(ctx, 1.0_sp, bx, by, bx, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "a"), "buffer ger a is x: " // msg)
    call oxpar_buffer_scal(ctx, 1.0_dp, bx, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "x"), "buffer scal real64 on real32: " // msg)
    call oxpar_buffer_gemv(ctx, ba, by, bx, 4, 3, 1.0_dp, 0.0_dp, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT, "buffer gemv real64 on real32: " // msg)
    call ba%destroy()
    k = oxpar_buffer_iamax(ctx, ba, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_NULL_POINTER .and. k == 0, "buffer iamax of no buffer: " // msg)
    d = oxpar_buffer_nrm2(ctx, ba, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_NULL_POINTER .and. ieee_is_nan(d), "buffer nrm2 of no buffer: " // msg)
    call ba%create(ctx, 0, sp)
    k = oxpar_buffer_iamax(ctx, ba)
    call check(k == 0, "buffer iamax of an empty buffer")
    call ba%destroy()
  end block

  ! scal, copy, swap, nrm2, asum, iamax, gemv, ger on real64 buffers.
  block
    type(oxpar_buffer) :: ba
    real(dp) :: x(7), y(7), r(7), a(4, 3), at(4, 3), v3(3), v4(4), w3(3), w4(4)
    real(dp) :: d
    integer :: k

    x = [(real(i, sp) * 0.5_dp - 2.0_dp, i = 1, 7)]
    y = [(real(8 - i, sp), i = 1, 7)]
    call oxpar_to_device(ctx, x, bx)
    call oxpar_to_device(ctx, y, by)
    call oxpar_buffer_scal(ctx, 0.5_dp, bx)
    call bx%download(r)
    call check(all(abs(r - 0.5_dp * x) <= 0.0_dp), "buffer scal real64")
    x = 0.5_dp * x
    call oxpar_buffer_swap(ctx, bx, by)
    call bx%download(r)
    call check(all(abs(r - y) <= 0.0_dp), "buffer swap real64 (x)")
    call by%download(r)
    call check(all(abs(r - x) <= 0.0_dp), "buffer swap real64 (y)")
    call oxpar_buffer_copy(ctx, by, bx)
    call bx%download(r)
    call check(all(abs(r - x) <= 0.0_dp), "buffer copy real64")
    d = oxpar_buffer_nrm2(ctx, bx)
    call check(abs(d - sqrt(sum(real(x, dp) ** 2))) <= 1e-12_dp * sqrt(sum(real(x, dp) ** 2)), "buffer nrm2 real64")
    d = oxpar_buffer_asum(ctx, bx)
    call check(abs(d - sum(abs(real(x, dp)))) <= 1e-12_dp * sum(abs(real(x, dp))), "buffer asum real64")
    k = oxpar_buffer_iamax(ctx, bx)
    call check(k == maxloc(abs(x), 1), "buffer iamax real64: " // str_i(k))
    a = reshape([(real(i, sp) - 6.0_dp, i = 1, 12)], [4, 3])
    v3 = [1.0_dp, -2.0_dp, 0.5_dp]
    v4 = [0.25_dp, 1.0_dp, -1.0_dp, 2.0_dp]
    call oxpar_to_device(ctx, a, ba)
    call oxpar_to_device(ctx, v3, bx)
    call oxpar_to_device(ctx, v4, by)
    call oxpar_buffer_gemv(ctx, ba, bx, by, 4, 3, 2.0_dp, -1.0_dp)
    call by%download(w4)
    call check(all(abs(w4 - (2.0_dp * matmul(a, v3) - v4)) <= 1e-12_dp), "buffer gemv real64")
    call oxpar_to_device(ctx, v4, bx)
    call oxpar_to_device(ctx, v3, by)
    call oxpar_buffer_gemv(ctx, ba, bx, by, 4, 3, 1.0_dp, 0.0_dp, trans='T')
    call by%download(w3)
    call check(all(abs(w3 - matmul(v4, a)) <= 1e-12_dp), "buffer gemv real64 trans")
    call oxpar_buffer_ger(ctx, 0.5_dp, bx, by, ba)
    call ba%download(at)
    call check(all(abs(at - (a + 0.5_dp * spread(v4, 2, 3) * spread(w3, 1, 4))) <= 1e-12_dp), "buffer ger real64")
    ! Errors.
    call oxpar_buffer_copy(ctx, bx, by, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_SHAPE_MISMATCH .and. has(msg, "y"), "buffer copy lengths: " // msg)
    call oxpar_buffer_swap(ctx, bx, bx, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "y"), "buffer swap with itself: " // msg)
    call oxpar_buffer_gemv(ctx, ba, bx, by, 4, 3, 1.0_dp, 0.0_dp, trans='X', stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "trans"), "buffer gemv bad trans")
    call oxpar_buffer_gemv(ctx, ba, by, bx, 4, 3, 1.0_dp, 0.0_dp, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_OK, "buffer gemv: " // msg)
    call oxpar_buffer_gemv(ctx, ba, bx, by, 4, 3, 1.0_dp, 0.0_dp, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_SHAPE_MISMATCH .and. has(msg, "x"), "buffer gemv lengths: " // msg)
    call oxpar_buffer_ger(ctx, 1.0_dp, bx, by, ba, lda=2, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "lda"), "buffer ger bad lda: " // msg)
    call oxpar_buffer_ger(ctx, 1.0_dp, bx, by, bx, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "a"), "buffer ger a is x: " // msg)
    call oxpar_buffer_scal(ctx, 1.0_sp, bx, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "x"), "buffer scal real32 on real64: " // msg)
    call oxpar_buffer_gemv(ctx, ba, by, bx, 4, 3, 1.0_sp, 0.0_sp, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT, "buffer gemv real32 on real64: " // msg)
    call ba%destroy()
    k = oxpar_buffer_iamax(ctx, ba, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_NULL_POINTER .and. k == 0, "buffer iamax of no buffer: " // msg)
    d = oxpar_buffer_nrm2(ctx, ba, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_NULL_POINTER .and. ieee_is_nan(d), "buffer nrm2 of no buffer: " // msg)
    call ba%create(ctx, 0, dp)
    k = oxpar_buffer_iamax(ctx, ba)
    call check(k == 0, "buffer iamax of an empty buffer")
    call ba%destroy()
  end block

  ! Host routines on an OpenCL context copy to the device and back.
  block
    real(dp) :: a(5, 4), b(4, 3), c(5, 3)
    real(sp) :: as(2, 3), bs(3, 2), cs(2, 2)

    a = reshape([(sin(real(i, dp)), i = 1, 20)], [5, 4])
    b = reshape([(cos(real(i, dp)), i = 1, 12)], [4, 3])
    call oxpar_gemm(ctx, a, b, c)
    call check(all(abs(c - matmul(a, b)) <= 1e-12_dp), "host gemm real64 on opencl")
    as = reshape([(real(i, sp), i = 1, 6)], [2, 3])
    bs = reshape([(real(7 - i, sp), i = 1, 6)], [3, 2])
    call oxpar_gemm(ctx, as, bs, cs)
    call check(all(abs(cs - matmul(as, bs)) <= 1e-4_sp), "host gemm real32 on opencl")
  end block

  ! A user kernel: z = x + s*y (+ offset), with every kind of scalar argument.
  block
    integer, parameter :: n = 1000
    real(dp) :: x(n), y(n), z(n)
    real(sp) :: xs(n), zs(n)

    call prog%build(ctx, &
      "__kernel void vadd(__global const double *x, __global const double *y, __global double *z," // nl // &
      "                   double s, int n, long off) {" // nl // &
      "  int i = get_global_id(0);" // nl // &
      "  if (i < n) z[i] = x[i] + s * y[i] + (double)off;" // nl // &
      "}" // nl // &
      "__kernel void scale(__global float *x, float s, uint n) {" // nl // &
      "  uint i = get_global_id(0);" // nl // &
      "  if (i < n) x[i] = SCALE * s * x[i];" // nl // &
      "}" // nl, options="-DSCALE=2.0f", stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_OK .and. prog%built(), "build: " // msg)
    x = [(real(i, dp), i = 1, n)]
    y = [(real(2 * i, dp), i = 1, n)]
    call oxpar_to_device(ctx, x, bx)
    call oxpar_to_device(ctx, y, by)
    call bz%create(ctx, n, dp)
    call kern%create(prog, "vadd")
    call kern%set_arg(0, bx)
    call kern%set_arg(1, by)
    call kern%set_arg(2, bz)
    call kern%set_arg(3, 0.5_dp)
    call kern%set_arg(4, int(n, int32))
    call kern%set_arg(5, 7_int64)
    call kern%launch([1024], [64])
    call oxpar_finish(ctx)
    call bz%download(z)
    call check(all(abs(z - (x + 0.5_dp * y + 7.0_dp)) <= 0.0_dp), "vector-add kernel")
    call kern%set_arg(6, 1_int32, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT, "argument index out of range: " // msg)
    call kern%launch([1, 1, 1, 1], stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "global"), "launch in 4 dimensions")
    call kern%create(prog, "scale")
    call prog%destroy()
    xs = [(real(i, sp), i = 1, n)]
    call oxpar_to_device(ctx, xs, bx)
    call kern%set_arg(0, bx)
    call kern%set_arg(1, 1.5_sp)
    call kern%set_arg_unsigned(2, int(n, int32))
    call kern%launch([n])
    call bx%download(zs)
    call check(all(abs(zs - 3.0_sp * xs) <= 0.0_sp), "scale kernel (float, uint, -D option)")
    call kern%create(prog, "vadd", stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_NULL_POINTER .and. .not. kern%created(), "kernel of a destroyed program")
    call kern%destroy()
  end block

  ! Reproducible mode: buffer reductions (real64 results for both kinds) and
  ! the host routines on the device give the serial context's bits.
  block
    integer, parameter :: n = 1001
    real(dp) :: xd(n), yd(n), want(4), got(4)
    real(sp) :: xs(n)
    real(dp) :: u(3)
    type(oxpar_context) :: serial

    do i = 1, n
      call random_number(u)
      xd(i) = scale(1.0_dp + u(1), int(u(2) * 400.0_dp) - 200)
      if (u(3) < 0.5_dp) xd(i) = -xd(i)
      yd(i) = scale(1.0_dp + u(3), int(u(1) * 400.0_dp) - 200)
      xs(i) = real(scale(u(1) - 0.5_dp, int(u(2) * 100.0_dp) - 50), sp)
    end do
    call serial%init("serial")
    call serial%set_reproducible(.true.)
    call ctx%set_reproducible(.true.)
    call check(ctx%reproducible(), "opencl context reproducible")
    want = [oxpar_dot(serial, xd, yd), oxpar_nrm2(serial, xd), oxpar_asum(serial, xd), oxpar_sum(serial, xd)]
    got = [oxpar_dot(ctx, xd, yd), oxpar_nrm2(ctx, xd), oxpar_asum(ctx, xd), oxpar_sum(ctx, xd)]
    call check(all(transfer(got, 0_int64, 4) == transfer(want, 0_int64, 4)), "reproducible host routines on opencl")
    call oxpar_to_device(ctx, xd, bx, stat=st)
    call oxpar_to_device(ctx, yd, by, stat=st)
    got(1) = oxpar_buffer_dot(ctx, bx, by, stat=st)
    if (st == OXPAR_STATUS_OK) then
      got(2:4) = [oxpar_buffer_nrm2(ctx, bx), oxpar_buffer_asum(ctx, bx), oxpar_buffer_sum(ctx, bx)]
      call check(all(transfer(got, 0_int64, 4) == transfer(want, 0_int64, 4)), "reproducible real64 buffers")
    else
      write (*, '(a)') "note: no real64 on this OpenCL device; reproducible real64 buffers skipped"
    end if
    call oxpar_to_device(ctx, xs, bz)
    want(1:3) = real([oxpar_nrm2(serial, xs), oxpar_asum(serial, xs), oxpar_sum(serial, xs)], dp)
    got(1:3) = [oxpar_buffer_nrm2(ctx, bz), oxpar_buffer_asum(ctx, bz), oxpar_buffer_sum(ctx, bz)]
    call check(all(transfer(got(1:3), 0_int64, 3) == transfer(want(1:3), 0_int64, 3)), "reproducible real32 buffers")
    ! The ordinary buffer sum.
    call ctx%set_reproducible(.false.)
    call oxpar_to_device(ctx, [1.0_sp, 2.0_sp, 3.5_sp], bz)
    call check(abs(oxpar_buffer_sum(ctx, bz) - 6.5_dp) <= 0.0_dp, "buffer sum real32")
    call serial%destroy()
    call bx%destroy()
    call by%destroy()
    call bz%destroy()
  end block

  ! A source that does not compile: errmsg carries the build log.
  call bad%build(ctx, "__kernel void broken(__global float *x) { x[0] = undeclared_name; }", stat=st, errmsg=msg)
  call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. .not. bad%built(), "bad source fails")
  call check(has(msg, "undeclared_name"), "errmsg has the build log: " // msg)
  call bad%build(host, "__kernel void k() {}", stat=st, errmsg=msg)
  call check(st == OXPAR_STATUS_NULL_POINTER, "build on no context: " // msg)

  call bx%destroy()
  call by%destroy()
  call bz%destroy()
  call ctx%destroy()
  call summary()

contains

  !> matmul by loops.
  pure function naive_sp(a, b) result(c)
    real(sp), intent(in) :: a(:,:), b(:,:)
    real(sp) :: c(size(a, 1), size(b, 2))
    integer :: i, j, l

    c = 0.0_sp
    do j = 1, size(b, 2)
      do l = 1, size(a, 2)
        do i = 1, size(a, 1)
          c(i, j) = c(i, j) + a(i, l) * b(l, j)
        end do
      end do
    end do
  end function naive_sp

  !> An integer as text.
  function str_i(k) result(s)
    integer, intent(in) :: k
    character(len=:), allocatable :: s
    character(len=12) :: buf

    write (buf, '(i0)') k
    s = trim(buf)
  end function str_i

end program test_oxpar_opencl
