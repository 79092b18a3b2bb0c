!> Complex ZGEMM, ZHERK and ZDOTC through oxpar's generics on
!> complex(real64) arrays, the way a Fortran program would call BLAS:
!> `make fortran-example` builds and runs it and compares its output with
!> complex_gemm.out.
program complex_gemm
  use, intrinsic :: iso_fortran_env, only: dp => real64
  use oxpar
  implicit none
  integer, parameter :: m = 2, n = 2, k = 3
  complex(dp) :: a(k, m), b(k, n), c(m, n), h(m, m), z
  type(oxpar_context) :: ctx
  integer :: i, j, stat
  character(len=:), allocatable :: errmsg

  ! Small integers, so that every result is exact.
  do j = 1, m
    do i = 1, k
      a(i, j) = cmplx(i, j - 1, dp)
    end do
  end do
  do j = 1, n
    do i = 1, k
      b(i, j) = cmplx(1 - j, i - 2, dp)
    end do
  end do
  call print_matrix("A", a)
  call print_matrix("B", b)

  call ctx%init("threads:2", stat=stat, errmsg=errmsg)
  if (stat /= OXPAR_STATUS_OK) error stop errmsg

  ! C := A^H*B, as ZGEMM('C', 'N', m, n, k, (1d0, 0d0), A, k, B, k, (0d0, 0d0), C, m).
  call oxpar_gemm(ctx, a, b, c, transa='C')
  call print_matrix("C = A^H*B", c)
  print '(a, es9.2)', "max |C - matmul(conjg(transpose(A)), B)| = ", &
    maxval(abs(c - matmul(conjg(transpose(a)), b)))

  ! H := A^H*A on the lower triangle (Hermitian: the diagonal is real), as ZHERK('L', 'C', ...).
  h = (0.0_dp, 0.0_dp)
  call oxpar_herk(ctx, a, h, uplo='L', trans='C')
  call print_matrix("H = A^H*A (lower)", h)

  ! The conjugated dot product of two columns, as dot_product.
  z = oxpar_dotc(ctx, a(:, 1), a(:, 2))
  print '(a, 2f8.1, a, 2f8.1)', "dotc(A(:,1), A(:,2)) = ", z, "; dot_product: ", dot_product(a(:, 1), a(:, 2))

  ! A bad letter: with stat, a status and a message.
  call oxpar_gemm(ctx, a, b, c, transa='H', stat=stat, errmsg=errmsg)
  print '(a, i0, a, a)', "gemm(transa='H'): stat = ", stat, ", ", errmsg

  call ctx%destroy()

contains

  !> Prints a complex matrix row by row, (re, im) pairs.
  subroutine print_matrix(name, x)
    character(len=*), intent(in) :: name
    complex(dp), intent(in) :: x(:,:)
    integer :: r

    print '(a, " (", i0, " x ", i0, "):")', name, size(x, 1), size(x, 2)
    do r = 1, size(x, 1)
      print '(*(" (", f6.1, ",", f6.1, ")", :))', x(r, :)
    end do
  end subroutine print_matrix

end program complex_gemm
