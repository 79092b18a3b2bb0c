!> OpenCL user kernels: `oxpar_program` (OpenCL C built for a context's
!> device), `oxpar_kernel` (its arguments and launches) and `oxpar_finish`.
!> Part of `oxpar`, which programs use.
module oxpar_opencl_kernels
  use, intrinsic :: iso_c_binding, only: c_associated, c_double, c_float, c_int32_t, c_int64_t, c_loc, &
    c_null_char, c_null_ptr, c_ptr, c_size_t
  use, intrinsic :: iso_fortran_env, only: int32, int64
  use oxpar_c
  use oxpar_base
  use oxpar_opencl_buffers, only: oxpar_buffer, buffer_handle
  implicit none
  private

  public :: oxpar_program, oxpar_kernel, oxpar_finish

  !> An OpenCL C program built for an OpenCL context's device. Free it with
  !> `destroy`; the kernels made from it stay usable after that.
  type :: oxpar_program
    private
    !> The C handle (`oxpar_program *`), null when not built.
    type(c_ptr) :: handle = c_null_ptr
  contains
    !> Builds the program from OpenCL C source.
    procedure :: build => program_build
    !> Whether `build` has succeeded (and `destroy` not been called since).
    procedure :: built => program_built
    !> Frees the program; a no-op when not built.
    procedure :: destroy => program_destroy
  end type oxpar_program

  !> A kernel of a program with its arguments. It holds one set of
  !> arguments: use one kernel from one thread at a time. Free it with `destroy`.
  type :: oxpar_kernel
    private
    !> The C handle (`oxpar_kernel *`), null when not created.
    type(c_ptr) :: handle = c_null_ptr
  contains
    !> Creates the kernel called `name` of a built program.
    procedure :: create => kernel_create
    !> Sets argument `index` (0-based, as in OpenCL) to a buffer, an
    !> `integer(int32)` (`int`), `integer(int64)` (`long`), `real32` (`float`)
    !> or `real64` (`double`).
    generic :: set_arg => kernel_set_arg_buffer, kernel_set_arg_i32, kernel_set_arg_i64, &
      kernel_set_arg_sp, kernel_set_arg_dp
    !> Sets argument `index` (0-based) to a `uint` (`int32` value) or `ulong`
    !> (`int64` value), bits taken as unsigned.
    generic :: set_arg_unsigned => kernel_set_arg_u32, kernel_set_arg_u64
    !> Sets argument `index` (0-based, a `__local` pointer) to `bytes` bytes of local memory.
    procedure :: set_arg_local => kernel_set_arg_local
    !> Queues the kernel over 1 to 3 dimensions.
    procedure :: launch => kernel_launch
    !> Whether `create` has succeeded (and `destroy` not been called since).
    procedure :: created => kernel_created
    !> Frees the kernel; a no-op when not created.
    procedure :: destroy => kernel_destroy
    procedure, private :: kernel_set_arg_buffer, kernel_set_arg_i32, kernel_set_arg_i64, kernel_set_arg_sp, &
      kernel_set_arg_dp, kernel_set_arg_u32, kernel_set_arg_u64
  end type oxpar_kernel

contains

  !> Waits until every command queued on an OpenCL context (kernels, buffer
  !> routines) has finished, and reports a device failure meanwhile; returns
  !> at once on a host context.
  subroutine oxpar_finish(ctx, stat, errmsg)
    !> The context.
    type(oxpar_context), intent(in) :: ctx
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    status = c_oxpar_context_finish(context_handle(ctx))
    message = error_message(status)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine oxpar_finish

  !> Builds OpenCL C `source` for the device of an OpenCL context. A program
  !> it already held is destroyed first; after an error it holds none. A
  !> source that does not compile is `OXPAR_STATUS_INVALID_ARGUMENT`, with
  !> the compiler's build log in `errmsg` (and in the `error stop` message).
  subroutine program_build(self, ctx, source, options, stat, errmsg)
    !> The program.
    class(oxpar_program), intent(inout) :: self
    !> An OpenCL context.
    type(oxpar_context), intent(in) :: ctx
    !> The OpenCL C source (lines joined with `new_line('a')`).
    character(len=*), intent(in) :: source
    !> Compiler options, e.g. `"-DN=4"`; default none.
    character(len=*), intent(in), optional :: options
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success): the build log after a failed build.
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message
    type(c_ptr) :: handle

    call self%destroy()
    handle = c_null_ptr
    if (present(options)) then
      status = c_oxpar_program_build(context_handle(ctx), source // c_null_char, trim(options) // c_null_char, &
        handle)
    else
      status = c_oxpar_program_build(context_handle(ctx), source // c_null_char, c_null_char, handle)
    end if
    message = error_message(status)
    if (status == OXPAR_STATUS_OK) self%handle = handle
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine program_build

  !> Whether the program is usable (`build` succeeded, `destroy` not called since).
  pure function program_built(self) result(yes)
    !> The program.
    class(oxpar_program), intent(in) :: self
    logical :: yes

    yes = c_associated(self%handle)
  end function program_built

  !> Frees the program; a no-op when not built. Its kernels stay usable.
  subroutine program_destroy(self)
    !> The program.
    class(oxpar_program), intent(inout) :: self

    if (c_associated(self%handle)) call c_oxpar_program_free(self%handle)
    self%handle = c_null_ptr
  end subroutine program_destroy

  !> Creates the kernel called `name` of a built program, with no arguments
  !> set. A kernel it already held is destroyed first; after an error (no
  !> such kernel: the message lists those the program has) it holds none.
  subroutine kernel_create(self, program, name, stat, errmsg)
    !> The kernel.
    class(oxpar_kernel), intent(inout) :: self
    !> The program.
    type(oxpar_program), intent(in) :: program
    !> The `__kernel` function's name; trailing blanks are ignored.
    character(len=*), intent(in) :: name
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message
    type(c_ptr) :: handle

    call self%destroy()
    handle = c_null_ptr
    status = c_oxpar_kernel_create(program%handle, trim(name) // c_null_char, handle)
    message = error_message(status)
    if (status == OXPAR_STATUS_OK) self%handle = handle
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine kernel_create

  !> Sets argument `index` (0-based) of the kernel to a buffer (a `__global`
  !> or `__constant` pointer). The kernel does not keep the buffer alive:
  !> after `destroy` of it, set the argument again before a launch.
  subroutine kernel_set_arg_buffer(self, index, value, stat, errmsg)
    !> The kernel.
    class(oxpar_kernel), intent(inout) :: self
    !> The argument's position in the kernel's parameter list, from 0.
    integer, intent(in) :: index
    !> The buffer, of the kernel's context.
    type(oxpar_buffer), intent(in) :: value
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    if (.not. arg_index_ok(index, message)) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
    else
      status = c_oxpar_kernel_set_arg_buffer(self%handle, int(index, c_int32_t), buffer_handle(value))
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine kernel_set_arg_buffer

  !> Sets argument `index` (0-based) of the kernel to an `int`.
  subroutine kernel_set_arg_i32(self, index, value, stat, errmsg)
    !> The kernel.
    class(oxpar_kernel), intent(inout) :: self
    !> The argument's position in the kernel's parameter list, from 0.
    integer, intent(in) :: index
    !> The value.
    integer(int32), intent(in) :: value
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    if (.not. arg_index_ok(index, message)) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
    else
      status = c_oxpar_kernel_set_arg_i32(self%handle, int(index, c_int32_t), int(value, c_int32_t))
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine kernel_set_arg_i32

  !> Sets argument `index` (0-based) of the kernel to a `long`.
  subroutine kernel_set_arg_i64(self, index, value, stat, errmsg)
    !> The kernel.
    class(oxpar_kernel), intent(inout) :: self
    !> The argument's position in the kernel's parameter list, from 0.
    integer, intent(in) :: index
    !> The value.
    integer(int64), intent(in) :: value
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    if (.not. arg_index_ok(index, message)) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
    else
      status = c_oxpar_kernel_set_arg_i64(self%handle, int(index, c_int32_t), int(value, c_int64_t))
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine kernel_set_arg_i64

  !> Sets argument `index` (0-based) of the kernel to a `uint` with the bits of `value`.
  subroutine kernel_set_arg_u32(self, index, value, stat, errmsg)
    !> The kernel.
    class(oxpar_kernel), intent(inout) :: self
    !> The argument's position in the kernel's parameter list, from 0.
    integer, intent(in) :: index
    !> The value (negative values stand for 2**32 more).
    integer(int32), intent(in) :: value
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    if (.not. arg_index_ok(index, message)) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
    else
      status = c_oxpar_kernel_set_arg_u32(self%handle, int(index, c_int32_t), int(value, c_int32_t))
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine kernel_set_arg_u32

  !> Sets argument `index` (0-based) of the kernel to a `ulong` with the bits
  !> of `value` (also for sizes: OpenCL C has no `size_t` parameters).
  subroutine kernel_set_arg_u64(self, index, value, stat, errmsg)
    !> The kernel.
    class(oxpar_kernel), intent(inout) :: self
    !> The argument's position in the kernel's parameter list, from 0.
    integer, intent(in) :: index
    !> The value (negative values stand for 2**64 more).
    integer(int64), intent(in) :: value
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    if (.not. arg_index_ok(index, message)) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
    else
      status = c_oxpar_kernel_set_arg_u64(self%handle, int(index, c_int32_t), int(value, c_int64_t))
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine kernel_set_arg_u64

  !> Sets argument `index` (0-based) of the kernel to a real32 value (`float`).
  subroutine kernel_set_arg_sp(self, index, value, stat, errmsg)
    !> The kernel.
    class(oxpar_kernel), intent(inout) :: self
    !> The argument's position in the kernel's parameter list, from 0.
    integer, intent(in) :: index
    !> The value.
    real(sp), intent(in) :: value
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    if (.not. arg_index_ok(index, message)) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
    else
      status = c_oxpar_kernel_set_arg_f32(self%handle, int(index, c_int32_t), real(value, c_float))
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine kernel_set_arg_sp

  !> Sets argument `index` (0-based) of the kernel to a real64 value (`double`).
  subroutine kernel_set_arg_dp(self, index, value, stat, errmsg)
    !> The kernel.
    class(oxpar_kernel), intent(inout) :: self
    !> The argument's position in the kernel's parameter list, from 0.
    integer, intent(in) :: index
    !> The value.
    real(dp), intent(in) :: value
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    if (.not. arg_index_ok(index, message)) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
    else
      status = c_oxpar_kernel_set_arg_f64(self%handle, int(index, c_int32_t), real(value, c_double))
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine kernel_set_arg_dp

  !> Sets argument `index` (0-based, a `__local` pointer) of the kernel to
  !> `bytes` bytes of local memory per work-group.
  subroutine kernel_set_arg_local(self, index, bytes, stat, errmsg)
    !> The kernel.
    class(oxpar_kernel), intent(inout) :: self
    !> The argument's position in the kernel's parameter list, from 0.
    integer, intent(in) :: index
    !> The bytes per work-group, at least 1.
    integer, intent(in) :: bytes
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    if (.not. arg_index_ok(index, message)) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
    else if (bytes < 1) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
      message = "oxpar_kernel%set_arg_local: bytes: must be at least 1, got " // str(bytes)
    else
      status = c_oxpar_kernel_set_arg_local(self%handle, int(index, c_int32_t), csize(bytes))
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine kernel_set_arg_local

  !> Queues the kernel over `size(global)` (1 to 3) dimensions: `global(d)`
  !> work-items in dimension `d`, in work-groups of `local(d)` (absent: the
  !> driver chooses). Every argument must have been set. Returns once queued:
  !> wait with `oxpar_finish` or by downloading a buffer. A user kernel is
  !> user code: nothing checks that it stays inside its buffers.
  subroutine kernel_launch(self, global, local, stat, errmsg)
    !> The kernel.
    class(oxpar_kernel), intent(inout) :: self
    !> The work-items in each dimension (0 or more; a 0 runs nothing).
    integer, intent(in) :: global(:)
    !> The work-group size in each dimension, as many as `global`.
    integer, intent(in), optional :: local(:)
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message
    integer(c_size_t), target :: g(3), l(3)
    type(c_ptr) :: pl

    status = OXPAR_STATUS_INVALID_ARGUMENT
    g = 0
    l = 0
    pl = c_null_ptr
    if (size(global) < 1 .or. size(global) > 3) then
      message = "oxpar_kernel%launch: global: must have 1 to 3 elements, got " // str(size(global))
    else if (any(global < 0)) then
      message = "oxpar_kernel%launch: global: must not be negative"
    else
      status = OXPAR_STATUS_OK
      if (present(local)) then
        if (size(local) /= size(global)) then
          status = OXPAR_STATUS_INVALID_ARGUMENT
          message = "oxpar_kernel%launch: local: has " // str(size(local)) // " elements but global has " &
            // str(size(global))
        else if (any(local < 1)) then
          status = OXPAR_STATUS_INVALID_ARGUMENT
          message = "oxpar_kernel%launch: local: must be at least 1"
        else
          l(1:size(local)) = csize(local)
          pl = c_loc(l)
        end if
      end if
      if (status == OXPAR_STATUS_OK) then
        g(1:size(global)) = csize(global)
        status = c_oxpar_kernel_launch(self%handle, int(size(global), c_int32_t), c_loc(g), pl)
        message = error_message(status)
      end if
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine kernel_launch

  !> Whether the kernel is usable (`create` succeeded, `destroy` not called since).
  pure function kernel_created(self) result(yes)
    !> The kernel.
    class(oxpar_kernel), intent(in) :: self
    logical :: yes

    yes = c_associated(self%handle)
  end function kernel_created

  !> Frees the kernel (and its hold on its buffer arguments); a no-op when
  !> not created. Launches already queued complete.
  subroutine kernel_destroy(self)
    !> The kernel.
    class(oxpar_kernel), intent(inout) :: self

    if (c_associated(self%handle)) call c_oxpar_kernel_free(self%handle)
    self%handle = c_null_ptr
  end subroutine kernel_destroy

  !> Whether a kernel argument index is usable (0 or more); else `message` says why.
  function arg_index_ok(index, message) result(ok)
    integer, intent(in) :: index
    character(len=:), allocatable, intent(out) :: message
    logical :: ok

    ok = index >= 0
    message = ""
    if (.not. ok) message = "oxpar_kernel%set_arg: index: must be 0 or more (0-based), got " // str(index)
  end function arg_index_ok

end module oxpar_opencl_kernels
