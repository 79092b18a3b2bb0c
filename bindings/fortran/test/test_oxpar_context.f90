!> The context type of the module `oxpar`: specs, thread counts, backends,
!> errors (a bad spec, bad thread counts, an uninitialised context), versions.
program test_oxpar_context
  use, intrinsic :: iso_fortran_env, only: dp => real64
  use oxpar
  use oxpar_c, only: c_oxpar_abi_version
  use oxpar_testing, only: check, has, summary
  implicit none
  type(oxpar_context) :: ctx, other
  integer :: st
  character(len=:), allocatable :: msg
  real(dp) :: x(3) = [1.0_dp, 2.0_dp, 3.0_dp]

  call check(.not. ctx%initialized() .and. ctx%num_threads() == 0 .and. ctx%backend() == -1, "fresh context")

  ! The default: threads.
  call ctx%init(stat=st, errmsg=msg)
  call check(st == OXPAR_STATUS_OK .and. msg == "", "init default")
  call check(ctx%initialized() .and. ctx%num_threads() >= 1, "default has threads")
  call check(ctx%backend() == OXPAR_BACKEND_THREADS, "default backend is threads")

  ! Serial: one thread, no more.
  call ctx%init("serial")
  call check(ctx%num_threads() == 1 .and. ctx%backend() == OXPAR_BACKEND_SERIAL, "serial")
  call ctx%set_num_threads(2, stat=st, errmsg=msg)
  call check(st == OXPAR_STATUS_UNSUPPORTED .and. has(msg, "oxpar_context%set_num_threads: num_threads"), &
    "serial refuses 2 threads: " // msg)
  call check(ctx%num_threads() == 1, "serial keeps 1 thread")

  ! Explicit thread counts; trailing blanks in the spec do not matter.
  call ctx%init("threads:3   ")
  call check(ctx%num_threads() == 3 .and. ctx%backend() == OXPAR_BACKEND_THREADS, "threads:3")
  call ctx%set_num_threads(2, stat=st)
  call check(st == OXPAR_STATUS_OK .and. ctx%num_threads() == 2, "set_num_threads 2")
  call ctx%set_num_threads(0, stat=st, errmsg=msg)
  call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "num_threads") .and. ctx%num_threads() == 2, &
    "set_num_threads 0")
  call ctx%init(num_threads=2)
  call check(ctx%num_threads() == 2, "init num_threads=2")
  call ctx%init("threads", num_threads=1)
  call check(ctx%num_threads() == 1, "init threads num_threads=1")
  call check(abs(oxpar_dot(ctx, x, x) - 14.0_dp) < 1e-12_dp, "a context computes")

  ! Errors: a bad spec names it; the context is left uninitialised.
  call ctx%init("bogus", stat=st, errmsg=msg)
  call check(st /= OXPAR_STATUS_OK, "bad spec fails")
  call check(st == OXPAR_STATUS_INVALID_ARGUMENT, "bad spec is an invalid argument")
  call check(has(msg, "spec"), "bad spec message names spec: " // msg)
  call check(.not. ctx%initialized(), "bad spec leaves no context")
  call ctx%init("threads:0", stat=st, errmsg=msg)
  call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. .not. ctx%initialized(), "threads:0 fails")
  call ctx%init("serial", num_threads=4, stat=st, errmsg=msg)
  call check(st == OXPAR_STATUS_UNSUPPORTED .and. .not. ctx%initialized(), "serial with 4 threads fails")
  call ctx%init(num_threads=0, stat=st, errmsg=msg)
  call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "num_threads"), "num_threads=0 fails")

  ! An uninitialised context: the library reports ctx.
  call check(.not. other%initialized(), "other is fresh")
  call other%set_num_threads(2, stat=st, errmsg=msg)
  call check(st == OXPAR_STATUS_NULL_POINTER .and. has(msg, "ctx"), "set_num_threads on no context")

  ! destroy is idempotent.
  call ctx%init("serial")
  call ctx%destroy()
  call ctx%destroy()
  call check(.not. ctx%initialized() .and. ctx%num_threads() == 0, "destroy twice")

  ! Versions and status descriptions.
  call check(oxpar_version() == OXPAR_VERSION_STRING, "library version " // oxpar_version())
  call check(c_oxpar_abi_version() == OXPAR_ABI_VERSION, "ABI version")
  call check(OXPAR_VERSION_NUMBER == OXPAR_VERSION_MAJOR * 10000 + OXPAR_VERSION_MINOR * 100 + OXPAR_VERSION_PATCH, &
    "version number")
  call check(oxpar_status_str(OXPAR_STATUS_INVALID_STRIDE) == "invalid stride", "status_str")
  call check(oxpar_status_str(12345) == "unknown status", "status_str unknown")

  call summary()
end program test_oxpar_context
