!> Without `stat`, an error stops the program with the message: this program
!> must fail (`make fortran-test` checks that it does, and its message).
program test_oxpar_error_stop
  use, intrinsic :: iso_fortran_env, only: dp => real64
  use oxpar
  implicit none
  type(oxpar_context) :: ctx
  real(dp) :: a(2, 3) = 1, b(2, 2) = 1, c(2, 2) = 0

  call ctx%init("serial")
  call oxpar_gemm(ctx, a, b, c)
  print '(a)', "not reached"
  call ctx%destroy()
end program test_oxpar_error_stop
