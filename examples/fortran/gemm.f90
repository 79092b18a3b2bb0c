!> Column-major DGEMM and a dot product through oxpar, the way a Fortran
!> program would call BLAS: `make fortran-example` builds and runs it and
!> compares its output with gemm.out.
program gemm
  use, intrinsic :: iso_fortran_env, only: dp => real64
  use oxpar
  implicit none
  integer, parameter :: m = 3, n = 2, k = 4
  real(dp) :: a(m, k), b(k, n), c(m, n), g(k, k), d
  type(oxpar_context) :: ctx
  integer :: i, stat
  character(len=:), allocatable :: errmsg

  ! A(i, j) = i + (j - 1)*m, stored column by column as Fortran does.
  a = reshape([(real(i, dp), i = 1, m * k)], [m, k])
  b = reshape([(real(mod(i, 3) - 1, dp), i = 1, k * n)], [k, n])
  call print_matrix("A", a)
  call print_matrix("B", b)

  call ctx%init("threads:2", stat=stat, errmsg=errmsg)
  if (stat /= OXPAR_STATUS_OK) error stop errmsg

  ! C := A*B, as DGEMM('N', 'N', m, n, k, 1d0, A, m, B, k, 0d0, C, m).
  call oxpar_gemm(ctx, a, b, c)
  call print_matrix("C = A*B", c)
  print '(a, es9.2)', "max |C - matmul(A, B)| = ", maxval(abs(c - matmul(a, b)))

  ! C := 0.5*A*B + 2*C.
  call oxpar_gemm(ctx, a, b, c, alpha=0.5_dp, beta=2.0_dp)
  call print_matrix("C = 0.5*A*B + 2*C", c)

  ! G := A^T*A, as DGEMM('T', 'N', k, k, m, 1d0, A, m, A, m, 0d0, G, k).
  call oxpar_gemm(ctx, a, a, g, transa='T')
  call print_matrix("G = A^T*A", g)

  ! Rows of A are strided (every m-th element in memory): passed in place.
  d = oxpar_dot(ctx, a(1, :), a(2, :))
  print '(a, f8.1)', "dot(A(1,:), A(2,:)) = ", d

  ! Errors: with stat, a status and a message; without, the program stops.
  call oxpar_gemm(ctx, a, a, c, stat=stat, errmsg=errmsg)
  print '(a, i0, a, a)', "gemm(A, A, C): stat = ", stat, ", ", errmsg

  call ctx%destroy()

contains

  !> Prints a matrix row by row.
  subroutine print_matrix(name, x)
    character(len=*), intent(in) :: name
    real(dp), intent(in) :: x(:,:)
    integer :: r

    print '(a, " (", i0, " x ", i0, "):")', name, size(x, 1), size(x, 2)
    do r = 1, size(x, 1)
      print '(*(f8.1))', x(r, :)
    end do
  end subroutine print_matrix

end program gemm
