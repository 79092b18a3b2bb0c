!> The parallel loops of `oxpar_context` (`ctx%parallel_for`,
!> `ctx%parallel_reduce`): the bodies of the procedures that `oxpar_base`
!> declares, documents and binds to the type.
submodule (oxpar_base) oxpar_loops_impl
  use, intrinsic :: iso_c_binding, only: c_funloc, c_funptr, c_null_funptr
  implicit none

contains

  ! Parallel loops. Iterations `first` to `last` (inclusive, as in a `do`
  ! loop) go to the C API as the half-open range `[first, last + 1)`, so a
  ! body sees the caller's own numbering: `do i = begin, end - 1`.

  module procedure context_parallel_for_i32
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    call run_loop(self%handle, "parallel_for", int(first, int64), int(last, int64), c_funloc(body), &
      c_null_funptr, c_null_ptr, 0_c_size_t, schedule, chunk, data, status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end procedure context_parallel_for_i32

  module procedure context_parallel_for_i64
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    call run_loop(self%handle, "parallel_for", int(first, int64), int(last, int64), c_funloc(body), &
      c_null_funptr, c_null_ptr, 0_c_size_t, schedule, chunk, data, status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end procedure context_parallel_for_i64

  module procedure reduce_dp_i32
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    call run_loop(self%handle, "parallel_reduce", int(first, int64), int(last, int64), c_funloc(body), &
      c_funloc(combine), c_loc(acc), int(storage_size(acc) / 8, c_size_t), schedule, chunk, data, status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end procedure reduce_dp_i32

  module procedure reduce_dp_i64
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    call run_loop(self%handle, "parallel_reduce", int(first, int64), int(last, int64), c_funloc(body), &
      c_funloc(combine), c_loc(acc), int(storage_size(acc) / 8, c_size_t), schedule, chunk, data, status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end procedure reduce_dp_i64

  module procedure reduce_sp_i32
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    call run_loop(self%handle, "parallel_reduce", int(first, int64), int(last, int64), c_funloc(body), &
      c_funloc(combine), c_loc(acc), int(storage_size(acc) / 8, c_size_t), schedule, chunk, data, status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end procedure reduce_sp_i32

  module procedure reduce_sp_i64
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    call run_loop(self%handle, "parallel_reduce", int(first, int64), int(last, int64), c_funloc(body), &
      c_funloc(combine), c_loc(acc), int(storage_size(acc) / 8, c_size_t), schedule, chunk, data, status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end procedure reduce_sp_i64

  module procedure reduce_int64_i32
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    call run_loop(self%handle, "parallel_reduce", int(first, int64), int(last, int64), c_funloc(body), &
      c_funloc(combine), c_loc(acc), int(storage_size(acc) / 8, c_size_t), schedule, chunk, data, status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end procedure reduce_int64_i32

  module procedure reduce_int64_i64
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    call run_loop(self%handle, "parallel_reduce", int(first, int64), int(last, int64), c_funloc(body), &
      c_funloc(combine), c_loc(acc), int(storage_size(acc) / 8, c_size_t), schedule, chunk, data, status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end procedure reduce_int64_i64

  module procedure reduce_int32_i32
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    call run_loop(self%handle, "parallel_reduce", int(first, int64), int(last, int64), c_funloc(body), &
      c_funloc(combine), c_loc(acc), int(storage_size(acc) / 8, c_size_t), schedule, chunk, data, status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end procedure reduce_int32_i32

  module procedure reduce_int32_i64
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    call run_loop(self%handle, "parallel_reduce", int(first, int64), int(last, int64), c_funloc(body), &
      c_funloc(combine), c_loc(acc), int(storage_size(acc) / 8, c_size_t), schedule, chunk, data, status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end procedure reduce_int32_i64

  module procedure reduce_ptr_i32
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message
    integer(c_size_t) :: bytes

    bytes = 0
    if (acc_bytes > 0) bytes = int(acc_bytes, c_size_t)

    call run_loop(self%handle, "parallel_reduce", int(first, int64), int(last, int64), c_funloc(body), &
      c_funloc(combine), acc, bytes, schedule, chunk, data, status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end procedure reduce_ptr_i32

  module procedure reduce_ptr_i64
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message
    integer(c_size_t) :: bytes

    bytes = 0
    if (acc_bytes > 0) bytes = int(acc_bytes, c_size_t)

    call run_loop(self%handle, "parallel_reduce", int(first, int64), int(last, int64), c_funloc(body), &
      c_funloc(combine), acc, bytes, schedule, chunk, data, status, message)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end procedure reduce_ptr_i64

  !> The work of `parallel_for` (`combine` null) and `parallel_reduce`: the
  !> arguments checked and converted, the C loop called.
  subroutine run_loop(handle, what, first, last, body, combine, acc, bytes, schedule, chunk, data, status, &
      message)
    type(c_ptr), intent(in) :: handle
    character(len=*), intent(in) :: what
    integer(int64), intent(in) :: first, last
    type(c_funptr), intent(in) :: body, combine
    type(c_ptr), intent(in) :: acc
    integer(c_size_t), intent(in) :: bytes
    integer, intent(in), optional :: schedule, chunk
    type(c_ptr), intent(in), optional :: data
    integer(c_int32_t), intent(out) :: status
    character(len=:), allocatable, intent(out) :: message
    integer(c_size_t) :: begin, end, block
    integer(c_int32_t) :: sched
    type(c_ptr) :: user_data

    status = OXPAR_STATUS_INVALID_ARGUMENT
    sched = OXPAR_SCHEDULE_STATIC
    if (present(schedule)) sched = int(schedule, c_int32_t)
    block = 0
    if (present(chunk)) block = int(max(chunk, 0), c_size_t)
    user_data = c_null_ptr
    if (present(data)) user_data = data
    if (first < 0) then
      message = "oxpar_context%" // what // ": first: must be at least 0, got " // str64(first)
      return
    end if
    if (present(chunk)) then
      if (chunk < 0) then
        message = "oxpar_context%" // what // ": chunk: must be at least 0 (0: the schedule's default), got " &
          // str(chunk)
        return
      end if
    end if
    if (last == huge(last)) then
      message = "oxpar_context%" // what // ": last: must be less than huge(0_int64)"
      return
    end if
    if (c_associated(combine)) then
      if (.not. c_associated(acc)) then
        message = "oxpar_context%" // what // ": acc: is c_null_ptr (pass c_loc of the accumulator)"
        return
      else if (bytes == 0) then
        message = "oxpar_context%" // what // ": acc_bytes: must be the accumulator's size in bytes (at least 1)"
        return
      end if
    end if
    ! A `do` loop's bounds: empty when last < first.
    begin = int(first, c_size_t)
    end = int(max(last, first - 1) + 1, c_size_t)
    if (c_associated(combine)) then
      status = c_oxpar_parallel_reduce(handle, begin, end, sched, block, body, combine, acc, bytes, user_data)
    else
      status = c_oxpar_parallel_for(handle, begin, end, sched, block, body, user_data)
    end if
    message = error_message(status)
  end subroutine run_loop

  !> An `int64` integer as text.
  pure function str64(i) result(s)
    integer(int64), intent(in) :: i
    character(len=:), allocatable :: s
    character(len=24) :: buf

    write (buf, '(i0)') i
    s = trim(buf)
  end function str64

end submodule oxpar_loops_impl
