!> A minimal test harness for the oxpar Fortran tests: counts checks, names
!> the failed ones on stderr, and ends with `N passed, M failed`.
module oxpar_testing
  use, intrinsic :: iso_fortran_env, only: error_unit
  implicit none
  private

  public :: check, has, summary

  !> Checks that passed and failed so far.
  integer, save :: passed = 0, failed = 0

contains

  !> Records one check; `what` names it when it fails.
  subroutine check(ok, what)
    !> Whether the check passed.
    logical, intent(in) :: ok
    !> What was checked.
    character(len=*), intent(in) :: what

    if (ok) then
      passed = passed + 1
    else
      failed = failed + 1
      write (error_unit, '(a)') "FAILED: " // what
    end if
  end subroutine check

  !> Whether `text` contains `part`.
  pure function has(text, part) result(yes)
    !> The text searched.
    character(len=*), intent(in) :: text
    !> The text looked for.
    character(len=*), intent(in) :: part
    logical :: yes

    yes = index(text, part) > 0
  end function has

  !> Prints `N passed, M failed` and stops with status 1 when a check failed.
  subroutine summary()
    write (*, '(i0, a, i0, a)') passed, " passed, ", failed, " failed"
    if (failed > 0) error stop 1
  end subroutine summary

end module oxpar_testing
