!> Every BLAS routine of the module `oxpar`, real32 and real64, on serial and
!> threads contexts, against naive loops (column-major arrays, non-square
!> shapes, transposes, strided and reversed sections, errors).

!> The checks for real32.
module test_oxpar_blas_sp
  use, intrinsic :: iso_fortran_env, only: wp => real32
  use, intrinsic :: ieee_arithmetic, only: ieee_is_nan, ieee_quiet_nan, ieee_value
  use oxpar
  use oxpar_testing, only: check, has
  implicit none
  private

  public :: run_blas_checks

  character(len=*), parameter :: kind_name = "real32"

contains

  include "blas_checks.inc"

end module test_oxpar_blas_sp

!> The checks for real64.
module test_oxpar_blas_dp
  use, intrinsic :: iso_fortran_env, only: wp => real64
  use, intrinsic :: ieee_arithmetic, only: ieee_is_nan, ieee_quiet_nan, ieee_value
  use oxpar
  use oxpar_testing, only: check, has
  implicit none
  private

  public :: run_blas_checks

  character(len=*), parameter :: kind_name = "real64"

contains

  include "blas_checks.inc"

end module test_oxpar_blas_dp

program test_oxpar_blas
  use oxpar, only: oxpar_context
  use oxpar_testing, only: check, summary
  use test_oxpar_blas_sp, only: run_sp => run_blas_checks
  use test_oxpar_blas_dp, only: run_dp => run_blas_checks
  implicit none
  character(len=*), parameter :: specs(3) = [character(len=9) :: "serial", "threads:1", "threads:3"]
  type(oxpar_context) :: ctx
  integer :: i, st

  do i = 1, size(specs)
    call ctx%init(specs(i), stat=st)
    call check(st == 0, "init " // trim(specs(i)))
    if (st /= 0) cycle
    call run_sp(ctx)
    call run_dp(ctx)
    call ctx%destroy()
  end do
  call check_zero_strides()
  call check_complex_raw()
  call summary()

contains

  !> Inputs that are only read may repeat an element (increment or stride 0);
  !> Fortran arrays never have zero strides, so this goes through the raw C
  !> interface with real64 data.
  subroutine check_zero_strides()
    use, intrinsic :: iso_c_binding, only: c_loc, c_null_char, c_ptr, c_double, c_size_t, c_ptrdiff_t
    use oxpar_c, only: c_oxpar_context_create, c_oxpar_context_free, c_oxpar_ddot, c_oxpar_dgemm, &
      c_oxpar_daxpy
    real(c_double), target :: x(4) = [2.0_c_double, 9.0_c_double, 9.0_c_double, 9.0_c_double]
    real(c_double), target :: y(4) = [1.0_c_double, 2.0_c_double, 3.0_c_double, 4.0_c_double]
    real(c_double), target :: row(3) = [1.0_c_double, 2.0_c_double, 3.0_c_double]
    real(c_double), target :: b(3, 2), c(4, 2), z(4)
    real(c_double) :: dot, one = 1.0_c_double, zero = 0.0_c_double
    type(c_ptr) :: raw
    integer :: st

    st = c_oxpar_context_create("threads:2" // c_null_char, raw)
    call check(st == 0, "raw context")
    st = c_oxpar_ddot(raw, 4_c_size_t, c_loc(x), 0_c_ptrdiff_t, c_loc(y), 1_c_ptrdiff_t, dot)
    call check(st == 0 .and. abs(dot - 20.0_c_double) < 1e-12_c_double, "ddot with incx = 0 reads x(1) four times")
    ! A (4 x 3) is `row` broadcast down the rows: rsa = 0, csa = 1.
    b = reshape([1.0_c_double, 0.0_c_double, 1.0_c_double, 0.0_c_double, 1.0_c_double, 1.0_c_double], [3, 2])
    st = c_oxpar_dgemm(raw, 0, 0, 4_c_size_t, 2_c_size_t, 3_c_size_t, one, c_loc(row), 0_c_ptrdiff_t, &
      1_c_ptrdiff_t, c_loc(b), 1_c_ptrdiff_t, 3_c_ptrdiff_t, zero, c_loc(c), 1_c_ptrdiff_t, 4_c_ptrdiff_t)
    call check(st == 0 .and. all(abs(c(:, 1) - 4.0_c_double) < 1e-12_c_double) .and. &
      all(abs(c(:, 2) - 5.0_c_double) < 1e-12_c_double), &
      "dgemm with a broadcast row (rsa = 0)")
    ! A written array with increment 0 is refused (stat 103), untouched.
    z = 7.0_c_double
    st = c_oxpar_daxpy(raw, 4_c_size_t, one, c_loc(y), 1_c_ptrdiff_t, c_loc(z), 0_c_ptrdiff_t)
    call check(st == 103 .and. all(abs(z - 7.0_c_double) < 1e-12_c_double), "daxpy into y with incy = 0 is refused")
    call c_oxpar_context_free(raw)
  end subroutine check_zero_strides

  !> Complex data through the raw C interface (the generics are real only for
  !> now): complex(c_double_complex) and complex(c_float_complex) arrays are
  !> the C ABI's oxpar_c64 and oxpar_c32, checked against Fortran's own
  !> dot_product (which conjugates its first argument, as zdotc), norm2 and
  !> matmul with conjg(transpose(a)) for OXPAR_TRANS_CONJ.
  subroutine check_complex_raw()
    use, intrinsic :: iso_c_binding, only: c_loc, c_null_char, c_ptr, c_double, c_double_complex, &
      c_float, c_float_complex, c_size_t, c_ptrdiff_t
    use oxpar_c, only: c_oxpar_context_create, c_oxpar_context_free, c_oxpar_zaxpy, c_oxpar_zdotc, &
      c_oxpar_dznrm2, c_oxpar_zgemm, c_oxpar_cdotc, OXPAR_TRANS_CONJ, OXPAR_TRANS_NO
    complex(c_double_complex), target :: x(3), y(3), y0(3), a(3, 2), b(3, 4), c(2, 4)
    complex(c_float_complex), target :: xs(3), ys(3)
    complex(c_double_complex) :: alpha, dot, one = (1.0_c_double, 0.0_c_double), zero = (0.0_c_double, 0.0_c_double)
    complex(c_float_complex) :: dots
    real(c_double) :: nrm
    type(c_ptr) :: raw
    integer :: st, i, j

    st = c_oxpar_context_create("threads:2" // c_null_char, raw)
    call check(st == 0, "raw context (complex)")
    x = [(1.0_c_double, 2.0_c_double), (-3.0_c_double, 0.5_c_double), (0.0_c_double, -1.0_c_double)]
    y = [(2.0_c_double, -1.0_c_double), (1.0_c_double, 1.0_c_double), (-0.5_c_double, 4.0_c_double)]
    y0 = y
    alpha = (0.5_c_double, -2.0_c_double)
    st = c_oxpar_zaxpy(raw, 3_c_size_t, alpha, c_loc(x), 1_c_ptrdiff_t, c_loc(y), 1_c_ptrdiff_t)
    call check(st == 0 .and. all(abs(y - (alpha * x + y0)) < 1e-12_c_double), "zaxpy on complex(c_double_complex)")
    st = c_oxpar_zdotc(raw, 3_c_size_t, c_loc(x), 1_c_ptrdiff_t, c_loc(y), 1_c_ptrdiff_t, dot)
    call check(st == 0 .and. abs(dot - dot_product(x, y)) < 1e-12_c_double, "zdotc is Fortran's dot_product")
    st = c_oxpar_dznrm2(raw, 3_c_size_t, c_loc(x), 1_c_ptrdiff_t, nrm)
    call check(st == 0 .and. abs(nrm - sqrt(sum(abs(x)**2))) < 1e-12_c_double, "dznrm2 is real")
    xs = cmplx(x, kind=c_float_complex)
    ys = cmplx(y, kind=c_float_complex)
    st = c_oxpar_cdotc(raw, 3_c_size_t, c_loc(xs), 1_c_ptrdiff_t, c_loc(ys), 1_c_ptrdiff_t, dots)
    call check(st == 0 .and. abs(dots - dot_product(xs, ys)) < 1e-4_c_float, "cdotc on complex(c_float_complex)")
    ! C (2 x 4) := A^H B with A 3 x 2, B 3 x 4, column-major.
    do j = 1, 2
      do i = 1, 3
        a(i, j) = cmplx(real(i, c_double) - real(j, c_double), 0.25_c_double * real(i * j, c_double), c_double_complex)
      end do
    end do
    do j = 1, 4
      do i = 1, 3
        b(i, j) = cmplx(real(i + j, c_double), -real(j, c_double), c_double_complex)
      end do
    end do
    st = c_oxpar_zgemm(raw, OXPAR_TRANS_CONJ, OXPAR_TRANS_NO, 2_c_size_t, 4_c_size_t, 3_c_size_t, one, c_loc(a), &
      1_c_ptrdiff_t, 3_c_ptrdiff_t, c_loc(b), 1_c_ptrdiff_t, 3_c_ptrdiff_t, zero, c_loc(c), 1_c_ptrdiff_t, &
      2_c_ptrdiff_t)
    call check(st == 0 .and. all(abs(c - matmul(conjg(transpose(a)), b)) < 1e-12_c_double), &
      "zgemm with OXPAR_TRANS_CONJ is matmul(conjg(transpose(a)), b)")
    call c_oxpar_context_free(raw)
  end subroutine check_complex_raw
end program test_oxpar_blas
