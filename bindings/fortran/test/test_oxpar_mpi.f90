!> The MPI part of the module `oxpar`, under mpiexec with any number of ranks
!> (`make mpi-fortran-test` runs 1, 2, 3 and 4). Every rank builds the whole
!> deterministic data, passes its own block, and compares its part of the
!> result with the same computation on the whole data (the module on a serial
!> context, or loops): contexts, ranks and grids, block ranges, distributed
!> level 1 with uneven splits (one rank empty), gemv and ger, SUMMA gemm on
!> p x 1, 1 x p and 2 x 2 grids, 1-D and 2-D halo exchanges, a context on a
!> split communicator, errors on one rank that must be errors on every
!> rank, after which the context still works, reproducible mode (bitwise
!> the serial context's results on hostile data), and real32 on one rank with
!> real64 on the others (an error on every rank naming the rank and types);
!> complex arrays likewise (mpi_complex_checks.inc).
program test_oxpar_mpi
  use, intrinsic :: iso_fortran_env, only: sp => real32, dp => real64, error_unit, int32, int64
  use, intrinsic :: ieee_arithmetic, only: ieee_is_finite, ieee_is_nan, ieee_quiet_nan, ieee_value
  use mpi
  use oxpar
  use oxpar_testing, only: has
  implicit none
  type(oxpar_context) :: ctx, serial
  integer :: me, np, ierr, st, last
  integer :: passed = 0, failed = 0, totals(2)
  character(len=:), allocatable :: msg

  call MPI_Init(ierr)
  call MPI_Comm_rank(MPI_COMM_WORLD, me, ierr)
  call MPI_Comm_size(MPI_COMM_WORLD, np, ierr)
  ! The rank that gets the wrong arguments in the error checks.
  last = np - 1

  call ctx%init_mpi(MPI_COMM_WORLD, "mpi+serial", stat=st, errmsg=msg)
  call check(st == OXPAR_STATUS_OK, "init_mpi: " // msg)
  call serial%init("serial")
  if (st == OXPAR_STATUS_OK) then
    call check_contexts()
    call check_block_range()
    call check_level1()
    call check_gemv_ger()
    call check_gemm()
    call check_grid_errors()
    call check_halo_1d()
    call check_halo_2d()
    call check_split_comm()
    call check_reproducible()
    call check_mixed_types()
    call check_complex_level1()
    call check_complex_gemv_ger()
    call check_complex_gemm()
    call check_complex_halo()
  end if
  call ctx%destroy()
  call serial%destroy()

  totals = [passed, failed]
  call MPI_Allreduce(MPI_IN_PLACE, totals, 2, MPI_INTEGER, MPI_SUM, MPI_COMM_WORLD, ierr)
  if (me == 0) write (*, '(a, i0, a, i0, a, i0, a)') "test_oxpar_mpi, mpiexec -n ", np, ": ", totals(1), &
    " passed, ", totals(2), " failed"
  call MPI_Finalize(ierr)
  if (totals(2) > 0) error stop 1

contains

  !> Records one check on this rank; `what` names it when it fails.
  subroutine check(ok, what)
    logical, intent(in) :: ok
    character(len=*), intent(in) :: what

    if (ok) then
      passed = passed + 1
    else
      failed = failed + 1
      write (error_unit, '(a, i0, a, i0, a)') "FAILED (rank ", me, " of ", np, "): " // what
    end if
  end subroutine check

  !> A call that every rank made, with wrong arguments on rank `culprit` only:
  !> it must fail on every rank, there with status `code` and a message
  !> containing `part`, elsewhere with a message naming the culprit.
  subroutine check_rejected(culprit, code, part, what)
    integer, intent(in) :: culprit, code
    character(len=*), intent(in) :: part, what

    if (me == culprit) then
      call check(st == code .and. has(msg, part), what // " (the rank at fault): " // msg)
    else
      call check(st /= OXPAR_STATUS_OK .and. has(msg, "rank " // str(culprit)), what // " (another rank): " // msg)
    end if
  end subroutine check_rejected

  !> A call whose arguments do not fit together across ranks: the same
  !> status `code` and a message containing `part` on every rank.
  subroutine check_everywhere(code, part, what)
    integer, intent(in) :: code
    character(len=*), intent(in) :: part, what

    call check(st == code .and. has(msg, part), what // ": " // msg)
  end subroutine check_everywhere

  !> After an error: the context still computes (a distributed dot of ones).
  subroutine check_still_works(what)
    character(len=*), intent(in) :: what
    real(dp) :: ones(3), d

    ones = 1
    d = oxpar_dot(ctx, ones, ones, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_OK .and. abs(d - 3 * np) <= 0, "the context works after " // what // ": " // msg)
  end subroutine check_still_works

  !> The last rank calls the real32 routine while the others call the real64
  !> one: with several ranks, every rank gets OXPAR_STATUS_INVALID_ARGUMENT
  !> naming the last rank and both types (nothing is written); on one rank
  !> the call works. Afterwards the context still computes.
  subroutine check_mixed(what)
    character(len=*), intent(in) :: what
    character(len=:), allocatable :: want

    if (np == 1) then
      call check(st == OXPAR_STATUS_OK, what // " on one rank: " // msg)
      return
    end if
    want = "rank " // str(last) // " of " // str(np) // " called it with f32 where"
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, want) .and. has(msg, "f64"), &
      what // ": " // msg)
  end subroutine check_mixed

  subroutine check_mixed_types()
    integer, parameter :: n = 6
    real(dp) :: x(n), a(1, n), y(1), h(n), d
    real(sp) :: xs(n), as(1, n), ys(1), hs(n), s
    integer :: first, len, k

    x = [(val1(k, 2), k = 1, n)]
    xs = real(x, sp)
    a(1, :) = x
    as(1, :) = xs
    y = -7
    ys = -7
    if (me == last) then
      s = oxpar_dot(ctx, xs, xs, stat=st, errmsg=msg)
    else
      d = oxpar_dot(ctx, x, x, stat=st, errmsg=msg)
    end if
    call check_mixed("real32 dot among real64")
    if (me == last) then
      s = oxpar_nrm2(ctx, xs, stat=st, errmsg=msg)
    else
      d = oxpar_nrm2(ctx, x, stat=st, errmsg=msg)
    end if
    call check_mixed("real32 nrm2 among real64")
    if (me == last) then
      s = oxpar_sum(ctx, xs, stat=st, errmsg=msg)
    else
      d = oxpar_sum(ctx, x, stat=st, errmsg=msg)
    end if
    call check_mixed("real32 sum among real64")
    if (me == last) then
      k = oxpar_iamax(ctx, xs, stat=st, errmsg=msg)
    else
      k = oxpar_iamax(ctx, x, stat=st, errmsg=msg)
    end if
    call check_mixed("real32 iamax among real64")
    ! gemv: one row per rank, x split evenly
    call oxpar_block_range(n, np, me, first, len)
    if (me == last) then
      call oxpar_mpi_gemv(ctx, as, xs(first:first + len - 1), ys, stat=st, errmsg=msg)
    else
      call oxpar_mpi_gemv(ctx, a, x(first:first + len - 1), y, stat=st, errmsg=msg)
    end if
    call check_mixed("real32 gemv among real64")
    if (np > 1) call check(abs(ys(1) + 7) <= 0 .and. abs(y(1) + 7) <= 0, "gemv wrote y on error")
    h = x
    hs = xs
    if (me == last) then
      call oxpar_halo_exchange(ctx, hs, 1, periodic=.true., stat=st, errmsg=msg)
    else
      call oxpar_halo_exchange(ctx, h, 1, periodic=.true., stat=st, errmsg=msg)
    end if
    call check_mixed("real32 halo exchange among real64")
    if (np > 1) call check(all(abs(h - x) <= 0) .and. all(abs(hs - xs) <= 0), &
      "halo exchange wrote ghosts on error")
    call check_still_works("mixed element types")
    s = oxpar_sum(ctx, xs, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_OK .and. abs(s - sum(xs) * np) <= 0, "real32 sum after mixed types: " // msg)
  end subroutine check_mixed_types

  include "mpi_complex_checks.inc"

  !> An integer as text.
  pure function str(i) result(s)
    integer, intent(in) :: i
    character(len=:), allocatable :: s
    character(len=24) :: buf

    write (buf, '(i0)') i
    s = trim(buf)
  end function str

  !> Small exact values (multiples of 1/4) that depend on the position.
  pure function val1(i, seed) result(v)
    integer, intent(in) :: i, seed
    real(dp) :: v

    v = real(mod(5 * i + seed, 11) - 5, dp) / 4
  end function val1

  !> As val1, for matrices.
  pure function val2(i, j, seed) result(v)
    integer, intent(in) :: i, j, seed
    real(dp) :: v

    v = real(mod(7 * i + 3 * j + seed, 13) - 6, dp) / 4
  end function val2

  !> `b` up to rounding.
  elemental function near(a, b) result(yes)
    real(dp), intent(in) :: a, b
    logical :: yes

    yes = abs(a - b) <= 1e-12_dp * max(1.0_dp, abs(b))
  end function near

  !> `b` up to real32 rounding.
  elemental function near_sp(a, b) result(yes)
    real(sp), intent(in) :: a, b
    logical :: yes

    yes = abs(a - b) <= 1e-5_sp * max(1.0_sp, abs(b))
  end function near_sp

  !> Block `index` (from 0) of an uneven split of `n` elements over `parts`:
  !> the balanced one, except that block 1 is empty (block 0 takes its elements).
  subroutine uneven(n, parts, index, first, len)
    integer, intent(in) :: n, parts, index
    integer, intent(out) :: first, len
    integer :: f1, l1

    call oxpar_block_range(n, parts, index, first, len)
    if (parts < 2) return
    call oxpar_block_range(n, parts, 1, f1, l1)
    if (index == 0) then
      len = len + l1
    else if (index == 1) then
      first = f1 + l1
      len = 0
    end if
  end subroutine uneven

  ! ---------------------------------------------------------------------------

  !> Contexts: backend, rank, size, node, communicator, default grid; other
  !> specs; a serial context as a one-process world; creation errors.
  subroutine check_contexts()
    type(oxpar_context) :: other
    integer :: r, s, rows, cols, row, col, comm, res, node, node_size

    call check(ctx%backend() == OXPAR_BACKEND_MPI .and. ctx%num_threads() == 1, "mpi+serial context")
    call oxpar_mpi_rank(ctx, r, s)
    call check(r == me .and. s == np, "rank " // str(r) // " of " // str(s))
    r = oxpar_mpi_ranks_on_node(ctx)
    call MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, me, MPI_INFO_NULL, node, ierr)
    call MPI_Comm_size(node, node_size, ierr)
    call MPI_Comm_free(node, ierr)
    call check(r == node_size, "ranks on node " // str(r) // ", MPI says " // str(node_size))
    call oxpar_mpi_comm(ctx, comm)
    call MPI_Comm_compare(comm, MPI_COMM_WORLD, res, ierr)
    call check(res == MPI_CONGRUENT, "oxpar's communicator is a duplicate of the world's")
    call oxpar_mpi_grid(ctx, rows, cols, row, col)
    call check(rows * cols == np .and. rows >= cols .and. row == me / cols .and. col == mod(me, cols), &
      "default grid " // str(rows) // " x " // str(cols) // " at " // str(row) // "," // str(col))
    call oxpar_mpi_grid(ctx, cols=cols)
    call check(cols >= 1, "grid with one output")
    call ctx%set_num_threads(2, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_UNSUPPORTED .and. ctx%num_threads() == 1, "set_num_threads on MPI: " // msg)

    ! A serial context is a one-process world.
    call oxpar_mpi_rank(serial, r, s)
    call oxpar_mpi_grid(serial, rows, cols, row, col)
    call check(r == 0 .and. s == 1 .and. rows == 1 .and. cols == 1 .and. row == 0 .and. col == 0, &
      "serial: rank 0 of 1 on a 1 x 1 grid")
    call check(oxpar_mpi_ranks_on_node(serial) == 1, "serial: one rank on the node")
    call oxpar_mpi_set_grid(serial, 1, 1, stat=st)
    call check(st == OXPAR_STATUS_OK, "serial: 1 x 1 grid")
    call oxpar_mpi_set_grid(serial, 2, 1, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_UNSUPPORTED, "serial: 2 x 1 grid: " // msg)
    call oxpar_mpi_comm(serial, comm, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_UNSUPPORTED .and. comm == -1 .and. has(msg, "oxpar_mpi_comm: ctx: ") .and. &
      .not. has(msg, "oxpar_mpi_comm: oxpar_mpi_comm"), "serial: no communicator: " // msg)

    ! The default spec (mpi+threads), and init("mpi...") over MPI_COMM_WORLD.
    call other%init_mpi(MPI_COMM_WORLD, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_OK .and. other%backend() == OXPAR_BACKEND_MPI .and. other%num_threads() >= 1, &
      "init_mpi default spec: " // msg)
    call other%init("mpi+threads:2", stat=st, errmsg=msg)
    call oxpar_mpi_rank(other, r, s)
    call check(st == OXPAR_STATUS_OK .and. other%num_threads() == 2 .and. r == me .and. s == np, &
      "init('mpi+threads:2'): " // msg)
    call other%destroy()

    ! Errors, the same on every rank; no context is left.
    call other%init_mpi(MPI_COMM_NULL, "mpi+serial", stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "comm") .and. .not. other%initialized(), &
      "init_mpi(MPI_COMM_NULL): " // msg)
    call other%init_mpi(MPI_COMM_WORLD, "mpi+bogus", stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. .not. other%initialized(), "init_mpi bad spec: " // msg)
    call other%init_mpi(MPI_COMM_WORLD, "serial", stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "spec"), "init_mpi non-MPI spec: " // msg)
    ! A spec that is wrong on one rank only: an error on every rank, no deadlock.
    if (np > 1) then
      if (me == 1) then
        call other%init_mpi(MPI_COMM_WORLD, "serial", stat=st, errmsg=msg)
      else
        call other%init_mpi(MPI_COMM_WORLD, "mpi+serial", stat=st, errmsg=msg)
      end if
      call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. .not. other%initialized(), &
        "init_mpi with a non-MPI spec on rank 1 only: " // msg)
    end if
    call oxpar_mpi_rank(other, r, s, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_NULL_POINTER .and. r == -1 .and. s == -1, "rank of no context: " // msg)
  end subroutine check_contexts

  !> oxpar_block_range: 1-based first indices, contiguous cover, errors.
  subroutine check_block_range()
    integer :: n, parts, i, first, len, next, ns(4)
    logical :: ok

    call oxpar_block_range(10, 3, 0, first, len)
    call check(first == 1 .and. len == 4, "block_range(10, 3, 0)")
    call oxpar_block_range(10, 3, 2, first, len)
    call check(first == 8 .and. len == 3, "block_range(10, 3, 2)")
    ns = [0, 1, 7, 10]
    ok = .true.
    do n = 1, size(ns)
      do parts = 1, 5
        next = 1
        do i = 0, parts - 1
          call oxpar_block_range(ns(n), parts, i, first, len)
          ok = ok .and. first == next .and. (len == ns(n) / parts .or. len == ns(n) / parts + 1)
          next = first + len
        end do
        ok = ok .and. next == ns(n) + 1
      end do
    end do
    call check(ok, "block_range covers 1..n in order")
    call oxpar_block_range(10, 0, 0, first, len, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "parts") .and. first == -1, "parts = 0: " // msg)
    call oxpar_block_range(10, 3, 3, first, len, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "index"), "index = parts: " // msg)
    call oxpar_block_range(10, 3, -1, first, len, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "index"), "index = -1: " // msg)
    call oxpar_block_range(-1, 3, 0, first, len, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "n:") .and. len == -1, "n = -1: " // msg)
  end subroutine check_block_range

  !> dot, nrm2, asum, iamax, axpy, scal on an uneven split with one empty
  !> rank, against the serial context on the whole vectors.
  subroutine check_level1()
    integer, parameter :: n = 13
    real(dp) :: x(n), y(n), z(n), yref(n), wide(2 * n)
    real(dp), allocatable :: xl(:), yl(:)
    real(sp) :: xs(n)
    real(dp) :: d, e(0)
    integer :: i, first, len, k

    x = [(val1(i, 1), i = 1, n)]
    y = [(val1(i, 4), i = 1, n)]
    call uneven(n, np, me, first, len)
    xl = x(first:first + len - 1)
    yl = y(first:first + len - 1)

    d = oxpar_dot(ctx, xl, yl)
    call check(near(d, oxpar_dot(serial, x, y)), "dot")
    d = oxpar_nrm2(ctx, xl)
    call check(near(d, oxpar_nrm2(serial, x)), "nrm2")
    d = oxpar_asum(ctx, xl)
    call check(near(d, oxpar_asum(serial, x)), "asum")
    ! Ties: the first largest in global order (the largest |x| recurs).
    k = oxpar_iamax(ctx, xl)
    call check(k == oxpar_iamax(serial, x), "iamax " // str(k) // ", serially " // str(oxpar_iamax(serial, x)))
    z = x
    z(n - 1) = ieee_value(z(1), ieee_quiet_nan)
    k = oxpar_iamax(ctx, z(first:first + len - 1))
    call check(k == n - 1, "iamax finds the NaN: " // str(k))
    ! Sections: every other element of a longer array, in place.
    wide = 0
    wide(1:2 * len:2) = xl(1:len)
    d = oxpar_dot(ctx, wide(1:2 * len:2), yl)
    call check(near(d, oxpar_dot(serial, x, y)), "dot of strided sections")
    xs = real(x, sp)
    call check(near_sp(oxpar_nrm2(ctx, xs(first:first + len - 1)), oxpar_nrm2(serial, xs)), "nrm2 real32")
    call check(near_sp(oxpar_dot(ctx, xs(first:first + len - 1), xs(first:first + len - 1)), &
      oxpar_dot(serial, xs, xs)), "dot real32")
    ! Empty everywhere.
    call check(abs(oxpar_dot(ctx, e, e)) <= 0 .and. oxpar_iamax(ctx, e) == 0, "empty vectors")

    ! axpy and scal update the local blocks.
    yref = y
    call oxpar_axpy(serial, x, yref, alpha=2.0_dp)
    call oxpar_axpy(ctx, xl, yl, alpha=2.0_dp)
    call check(all(near(yl, yref(first:first + len - 1))), "axpy")
    call oxpar_scal(serial, yref, -0.5_dp)
    call oxpar_scal(ctx, yl, -0.5_dp)
    call check(all(near(yl, yref(first:first + len - 1))), "scal")

    ! A wrong local length on one rank: an error everywhere, no deadlock.
    if (me == last) then
      d = oxpar_dot(ctx, xl, [yl, 1.0_dp], stat=st, errmsg=msg)
    else
      d = oxpar_dot(ctx, xl, yl, stat=st, errmsg=msg)
    end if
    call check_rejected(last, OXPAR_STATUS_SHAPE_MISMATCH, "oxpar_dot: y", "dot with a wrong length on one rank")
    call check(ieee_is_nan(d), "dot gives NaN after an error")
    call check_still_works("a rejected dot")
  end subroutine check_level1

  !> oxpar_mpi_gemv and oxpar_mpi_ger: rows split unevenly (one rank empty),
  !> the column-split vector balanced; errors.
  subroutine check_gemv_ger()
    integer, parameter :: m = 9, n = 7
    real(dp) :: a(m, n), x(n), y(m), yref(m), aref(m, n), u(m)
    real(dp), allocatable :: al(:,:), yl(:), y0(:)
    real(sp) :: as(m, n), xs(n), ys(m), ysref(m)
    real(sp), allocatable :: ysl(:)
    integer :: i, j, r1, rn, c1, cn, wider(n + 1)

    a = reshape([((val2(i, j, 1), i = 1, m), j = 1, n)], [m, n])
    x = [(val1(j, 2), j = 1, n)]
    y = [(val1(i, 3), i = 1, m)]
    u = [(val1(i, 5), i = 1, m)]
    call uneven(m, np, me, r1, rn)
    call oxpar_block_range(n, np, me, c1, cn)

    ! y := 0.5*A*x + 2*y, A's rows passed in place (a section).
    yref = y
    call oxpar_gemv(serial, a, x, yref, alpha=0.5_dp, beta=2.0_dp)
    yl = y(r1:r1 + rn - 1)
    call oxpar_mpi_gemv(ctx, a(r1:r1 + rn - 1, :), x(c1:c1 + cn - 1), yl, alpha=0.5_dp, beta=2.0_dp, &
      stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_OK .and. all(near(yl, yref(r1:r1 + rn - 1))), "mpi_gemv: " // msg)
    ! The defaults (alpha 1, beta 0: y is not read).
    yref = 0
    call oxpar_gemv(serial, a, x, yref)
    yl = ieee_value(1.0_dp, ieee_quiet_nan)
    call oxpar_mpi_gemv(ctx, a(r1:r1 + rn - 1, :), x(c1:c1 + cn - 1), yl)
    call check(all(near(yl, yref(r1:r1 + rn - 1))), "mpi_gemv defaults")
    ! real32.
    as = real(a, sp)
    xs = real(x, sp)
    ys = real(y, sp)
    ysref = ys
    call oxpar_gemv(serial, as, xs, ysref, alpha=-1.0_sp, beta=1.0_sp)
    ysl = ys(r1:r1 + rn - 1)
    call oxpar_mpi_gemv(ctx, as(r1:r1 + rn - 1, :), xs(c1:c1 + cn - 1), ysl, alpha=-1.0_sp, beta=1.0_sp)
    call check(all(near_sp(ysl, ysref(r1:r1 + rn - 1))), "mpi_gemv real32")
    ! On a serial context: the whole vectors.
    yref = y
    call oxpar_gemv(serial, a, x, yref, beta=1.0_dp)
    y0 = y
    call oxpar_mpi_gemv(serial, a, x, y0, beta=1.0_dp)
    call check(all(near(y0, yref)), "mpi_gemv on a serial context")
    call oxpar_mpi_gemv(serial, a, x(1:n - 1), y0, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_SHAPE_MISMATCH, "mpi_gemv on a serial context needs the whole x: " // msg)

    ! A := A - 1.5*u*x^T: u split as A's rows, x any way.
    aref = a
    call oxpar_ger(serial, aref, u, x, alpha=-1.5_dp)
    al = a(r1:r1 + rn - 1, :)
    call oxpar_mpi_ger(ctx, al, u(r1:r1 + rn - 1), x(c1:c1 + cn - 1), alpha=-1.5_dp, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_OK .and. all(near(al, aref(r1:r1 + rn - 1, :))), "mpi_ger: " // msg)
    al = a
    call oxpar_mpi_ger(serial, al, u, x, alpha=-1.5_dp)
    call check(all(near(al, aref)), "mpi_ger on a serial context")
    call oxpar_mpi_ger(serial, al, u, x(2:), stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_SHAPE_MISMATCH, "mpi_ger on a serial context needs the whole y: " // msg)

    ! Errors. y of the wrong length on one rank (found by the module).
    yl = y(r1:r1 + rn - 1)
    y0 = yl
    if (me == last) then
      deallocate (yl)
      allocate (yl(rn + 1))
      yl = 7
      y0 = yl
    end if
    call oxpar_mpi_gemv(ctx, a(r1:r1 + rn - 1, :), x(c1:c1 + cn - 1), yl, stat=st, errmsg=msg)
    call check_rejected(last, OXPAR_STATUS_SHAPE_MISMATCH, "oxpar_mpi_gemv: y", "mpi_gemv, y too long on one rank")
    call check(all(abs(yl - y0) <= 0), "mpi_gemv leaves y alone after an error")
    ! x's blocks do not add up to A's columns (found by the library from all ranks).
    yl = y(r1:r1 + rn - 1)
    if (me == 0) then
      call oxpar_mpi_gemv(ctx, a(r1:r1 + rn - 1, :), [x(c1:c1 + cn - 1), 1.0_dp], yl, stat=st, errmsg=msg)
    else
      call oxpar_mpi_gemv(ctx, a(r1:r1 + rn - 1, :), x(c1:c1 + cn - 1), yl, stat=st, errmsg=msg)
    end if
    call check_everywhere(OXPAR_STATUS_SHAPE_MISMATCH, "add up", "mpi_gemv, x's blocks do not add up")
    ! A with a column too many on one rank.
    wider = [(j, j = 1, n), 1]
    if (me == last .and. np > 1) then
      call oxpar_mpi_gemv(ctx, a(r1:r1 + rn - 1, wider), x(c1:c1 + cn - 1), yl, stat=st, errmsg=msg)
    else
      call oxpar_mpi_gemv(ctx, a(r1:r1 + rn - 1, :), x(c1:c1 + cn - 1), yl, stat=st, errmsg=msg)
    end if
    if (np > 1) then
      call check_everywhere(OXPAR_STATUS_SHAPE_MISMATCH, "columns", "mpi_gemv, a wider on one rank")
    else
      call check(st == OXPAR_STATUS_OK, "mpi_gemv on one rank: " // msg)
    end if
    ! ger: x of the wrong length on one rank.
    al = a(r1:r1 + rn - 1, :)
    if (me == last) then
      call oxpar_mpi_ger(ctx, al, [u(r1:r1 + rn - 1), 1.0_dp], x(c1:c1 + cn - 1), stat=st, errmsg=msg)
    else
      call oxpar_mpi_ger(ctx, al, u(r1:r1 + rn - 1), x(c1:c1 + cn - 1), stat=st, errmsg=msg)
    end if
    call check_rejected(last, OXPAR_STATUS_SHAPE_MISMATCH, "oxpar_mpi_ger: x", "mpi_ger, x too long on one rank")
    call check(all(abs(al - a(r1:r1 + rn - 1, :)) <= 0), "mpi_ger leaves a alone after an error")
    ! The whole-matrix routines on an MPI context: a mistake on one rank still
    ! reaches every rank.
    yl = y(1:m)
    call oxpar_gemv(ctx, a, x, yl, trans=merge('X', 'N', me == last), stat=st, errmsg=msg)
    call check(st /= OXPAR_STATUS_OK, "gemv, trans 'X' on one rank: " // msg)
    if (me == last) call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "oxpar_gemv: trans"), &
      "gemv, trans 'X' here: " // msg)
    al = a
    if (me == last) then
      call oxpar_ger(ctx, al, x, x, stat=st, errmsg=msg)
    else
      call oxpar_ger(ctx, al, u, x, stat=st, errmsg=msg)
    end if
    call check(st /= OXPAR_STATUS_OK, "ger, x too short on one rank: " // msg)
    call check_still_works("rejected gemv and ger")
  end subroutine check_gemv_ger

  !> SUMMA on p x 1, 1 x p and (4 ranks) 2 x 2 grids, uneven blocks (an empty
  !> one where the grid has 2 rows or more), every transpose; errors.
  subroutine check_gemm()
    integer, parameter :: m = 7, n = 6, k = 5
    real(dp) :: a(m, k), b(k, n), c(m, n), at(k, m), bt(n, k), cref(m, n)
    real(dp), allocatable :: cl(:,:), c0(:,:)
    real(sp), allocatable :: csl(:,:)
    real(sp) :: csref(m, n)
    integer :: shapes(2, 3), g, i, j, rows, cols, row, col
    integer :: m1, mn, n1, nn, ka1, kan, kb1, kbn
    character(len=1), parameter :: ts(2) = ['N', 'T']
    character(len=:), allocatable :: grid
    integer :: ta, tb, taller(k + 1)

    a = reshape([((val2(i, j, 1), i = 1, m), j = 1, k)], [m, k])
    b = reshape([((val2(i, j, 5), i = 1, k), j = 1, n)], [k, n])
    c = reshape([((val2(i, j, 9), i = 1, m), j = 1, n)], [m, n])
    at = transpose(a)
    bt = transpose(b)
    shapes(:, 1) = [np, 1]
    shapes(:, 2) = [1, np]
    shapes(:, 3) = [2, 2]
    do g = 1, 3
      if (g == 3 .and. np /= 4) cycle
      grid = str(shapes(1, g)) // " x " // str(shapes(2, g))
      call oxpar_mpi_set_grid(ctx, shapes(1, g), shapes(2, g), stat=st, errmsg=msg)
      call check(st == OXPAR_STATUS_OK, "set_grid " // grid // ": " // msg)
      call oxpar_mpi_grid(ctx, rows, cols, row, col)
      call check(rows == shapes(1, g) .and. cols == shapes(2, g) .and. row == me / cols .and. col == mod(me, cols), &
        "grid is " // grid)
      ! C's rows (and op(B)'s) by grid row, unevenly; its columns by grid column.
      call uneven(m, rows, row, m1, mn)
      call oxpar_block_range(n, cols, col, n1, nn)
      ! The inner dimension, split one way for op(A) (by grid column), another for op(B).
      call oxpar_block_range(k, cols, col, ka1, kan)
      call uneven(k, rows, row, kb1, kbn)
      do ta = 1, 2
        do tb = 1, 2
          cref = c
          call oxpar_gemm(serial, a, b, cref, alpha=0.5_dp, beta=-1.0_dp)
          cl = c(m1:m1 + mn - 1, n1:n1 + nn - 1)
          if (ta == 1 .and. tb == 1) then
            call oxpar_mpi_gemm(ctx, a(m1:m1 + mn - 1, ka1:ka1 + kan - 1), b(kb1:kb1 + kbn - 1, n1:n1 + nn - 1), cl, &
              alpha=0.5_dp, beta=-1.0_dp, stat=st, errmsg=msg)
          else if (ta == 2 .and. tb == 1) then
            call oxpar_mpi_gemm(ctx, at(ka1:ka1 + kan - 1, m1:m1 + mn - 1), b(kb1:kb1 + kbn - 1, n1:n1 + nn - 1), &
              cl, transa='T', alpha=0.5_dp, beta=-1.0_dp, stat=st, errmsg=msg)
          else if (ta == 1 .and. tb == 2) then
            call oxpar_mpi_gemm(ctx, a(m1:m1 + mn - 1, ka1:ka1 + kan - 1), bt(n1:n1 + nn - 1, kb1:kb1 + kbn - 1), &
              cl, transb='t', alpha=0.5_dp, beta=-1.0_dp, stat=st, errmsg=msg)
          else
            call oxpar_mpi_gemm(ctx, at(ka1:ka1 + kan - 1, m1:m1 + mn - 1), bt(n1:n1 + nn - 1, kb1:kb1 + kbn - 1), &
              cl, transa='T', transb='T', alpha=0.5_dp, beta=-1.0_dp, stat=st, errmsg=msg)
          end if
          call check(st == OXPAR_STATUS_OK .and. all(near(cl, cref(m1:m1 + mn - 1, n1:n1 + nn - 1))), &
            "mpi_gemm " // ts(ta) // ts(tb) // " on " // grid // ": " // msg)
        end do
      end do
      ! The defaults (beta 0: c is not read) and real32.
      cref = 0
      call oxpar_gemm(serial, a, b, cref)
      cl = ieee_value(1.0_dp, ieee_quiet_nan)
      call oxpar_mpi_gemm(ctx, a(m1:m1 + mn - 1, ka1:ka1 + kan - 1), b(kb1:kb1 + kbn - 1, n1:n1 + nn - 1), cl)
      call check(all(near(cl, cref(m1:m1 + mn - 1, n1:n1 + nn - 1))), "mpi_gemm defaults on " // grid)
      csref = real(c, sp)
      call oxpar_gemm(serial, real(a, sp), real(b, sp), csref, alpha=2.0_sp, beta=1.0_sp)
      csl = real(c(m1:m1 + mn - 1, n1:n1 + nn - 1), sp)
      call oxpar_mpi_gemm(ctx, real(a(m1:m1 + mn - 1, ka1:ka1 + kan - 1), sp), &
        real(b(kb1:kb1 + kbn - 1, n1:n1 + nn - 1), sp), csl, alpha=2.0_sp, beta=1.0_sp)
      call check(all(near_sp(csl, csref(m1:m1 + mn - 1, n1:n1 + nn - 1))), "mpi_gemm real32 on " // grid)
    end do

    ! On a serial context: the whole matrices, the inner dimensions equal.
    cref = c
    call oxpar_gemm(serial, a, b, cref, transa='N', alpha=0.5_dp, beta=-1.0_dp)
    cl = c
    call oxpar_mpi_gemm(serial, at, b, cl, transa='T', alpha=0.5_dp, beta=-1.0_dp)
    call check(all(near(cl, cref)), "mpi_gemm on a serial context")
    call oxpar_mpi_gemm(serial, a, b(2:, :), cl, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_SHAPE_MISMATCH, "mpi_gemm on a serial context, inner dimensions differ: " // msg)

    ! Errors, on the last grid. c of the wrong shape on one rank (found by the module).
    cl = c(m1:m1 + mn - 1, n1:n1 + nn - 1)
    if (me == last) then
      deallocate (cl)
      allocate (cl(mn + 1, nn))
      cl = 3
    end if
    allocate (c0, source=cl)
    call oxpar_mpi_gemm(ctx, a(m1:m1 + mn - 1, ka1:ka1 + kan - 1), b(kb1:kb1 + kbn - 1, n1:n1 + nn - 1), cl, &
      beta=1.0_dp, stat=st, errmsg=msg)
    call check_rejected(last, OXPAR_STATUS_SHAPE_MISMATCH, "oxpar_mpi_gemm: a", "mpi_gemm, c too tall on one rank")
    call check(all(abs(cl - c0) <= 0), "mpi_gemm leaves c alone after an error")
    ! A bad transa on one rank.
    cl = c(m1:m1 + mn - 1, n1:n1 + nn - 1)
    if (me == last) then
      call oxpar_mpi_gemm(ctx, a(m1:m1 + mn - 1, ka1:ka1 + kan - 1), b(kb1:kb1 + kbn - 1, n1:n1 + nn - 1), cl, &
        transa='X', stat=st, errmsg=msg)
    else
      call oxpar_mpi_gemm(ctx, a(m1:m1 + mn - 1, ka1:ka1 + kan - 1), b(kb1:kb1 + kbn - 1, n1:n1 + nn - 1), cl, &
        stat=st, errmsg=msg)
    end if
    call check_rejected(last, OXPAR_STATUS_INVALID_ARGUMENT, "transa", "mpi_gemm, transa 'X' on one rank")
    ! op(B) with a row too many on rank 0: its inner blocks no longer fit (found by the library).
    taller(1:kbn + 1) = [(i, i = kb1, kb1 + kbn - 1), 1]
    if (me == 0) then
      call oxpar_mpi_gemm(ctx, a(m1:m1 + mn - 1, ka1:ka1 + kan - 1), b(taller(1:kbn + 1), n1:n1 + nn - 1), &
        cl, stat=st, errmsg=msg)
    else
      call oxpar_mpi_gemm(ctx, a(m1:m1 + mn - 1, ka1:ka1 + kan - 1), b(kb1:kb1 + kbn - 1, n1:n1 + nn - 1), cl, &
        stat=st, errmsg=msg)
    end if
    call check_everywhere(OXPAR_STATUS_SHAPE_MISMATCH, "gemm", "mpi_gemm, op(b) taller on rank 0")
    cl = c
    if (me == last) then
      call oxpar_gemm(ctx, a, a, cl, stat=st, errmsg=msg)
    else
      call oxpar_gemm(ctx, a, b, cl, stat=st, errmsg=msg)
    end if
    call check(st /= OXPAR_STATUS_OK, "gemm, b of the wrong shape on one rank: " // msg)
    if (me == last) call check(st == OXPAR_STATUS_SHAPE_MISMATCH .and. has(msg, "oxpar_gemm: b"), &
      "gemm, b of the wrong shape here: " // msg)
    call check_still_works("rejected gemms")
  end subroutine check_gemm

  !> set_grid errors: different shapes on different ranks, a shape that is not
  !> a grid of the ranks on one rank, a negative one; the grid stays.
  subroutine check_grid_errors()
    integer :: rows, cols, rows0, cols0

    call oxpar_mpi_grid(ctx, rows0, cols0)
    if (np > 1) then
      if (me == 0) then
        call oxpar_mpi_set_grid(ctx, np, 1, stat=st, errmsg=msg)
      else
        call oxpar_mpi_set_grid(ctx, 1, np, stat=st, errmsg=msg)
      end if
      call check_everywhere(OXPAR_STATUS_SHAPE_MISMATCH, "different grids", "ranks ask for different grids")
    end if
    if (me == last) then
      call oxpar_mpi_set_grid(ctx, np + 1, 1, stat=st, errmsg=msg)
    else
      call oxpar_mpi_set_grid(ctx, rows0, cols0, stat=st, errmsg=msg)
    end if
    call check_rejected(last, OXPAR_STATUS_INVALID_ARGUMENT, "grid", "set_grid not a grid of the ranks on one rank")
    if (me == 0) then
      call oxpar_mpi_set_grid(ctx, -1, np, stat=st, errmsg=msg)
    else
      call oxpar_mpi_set_grid(ctx, rows0, cols0, stat=st, errmsg=msg)
    end if
    call check_rejected(0, OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_mpi_set_grid: rows", "set_grid -1 on rank 0")
    call oxpar_mpi_grid(ctx, rows, cols)
    call check(rows == rows0 .and. cols == cols0, "the grid stays after errors")
    call check_still_works("rejected grids")
  end subroutine check_grid_errors

  !> 1-D halo exchanges: interiors of 2 to 4 cells by rank, ghost 1 and 2,
  !> periodic or not, a strided section, real32; errors.
  subroutine check_halo_1d()
    integer :: nloc, offset, total, g, p, i, gi, r
    logical :: periodic, ok
    real(dp), allocatable :: x(:), x0(:), wide(:)
    real(sp), allocatable :: xs(:)

    nloc = 2 + mod(me, 3)
    offset = 0
    do r = 0, me - 1
      offset = offset + 2 + mod(r, 3)
    end do
    total = 0
    do r = 0, np - 1
      total = total + 2 + mod(r, 3)
    end do
    do g = 1, 2
      do p = 0, 1
        periodic = p == 1
        ! Interior: its global index; ghosts: a boundary value of this rank.
        allocate (x(nloc + 2 * g), wide(2 * (nloc + 2 * g)))
        do i = 1, size(x)
          gi = offset + i - g
          if (gi > offset .and. gi <= offset + nloc) then
            x(i) = gi
          else
            x(i) = -(100 * (me + 1) + i)
          end if
        end do
        x0 = x
        ! The same through every other element of a longer array.
        wide = 0
        wide(1::2) = x
        call oxpar_halo_exchange(ctx, x, g, periodic, stat=st, errmsg=msg)
        ok = st == OXPAR_STATUS_OK
        do i = 1, size(x)
          gi = offset + i - g
          if (periodic) gi = modulo(gi - 1, total) + 1
          if (gi >= 1 .and. gi <= total) then
            ok = ok .and. abs(x(i) - gi) <= 0
          else
            ok = ok .and. abs(x(i) - x0(i)) <= 0
          end if
        end do
        call check(ok, "halo 1-D ghost " // str(g) // " periodic " // str(p) // ": " // msg)
        call oxpar_halo_exchange(ctx, wide(1::2), g, periodic=periodic)
        call check(all(abs(wide(1::2) - x) <= 0) .and. all(abs(wide(2::2)) <= 0), &
          "halo 1-D on a strided section, ghost " // str(g))
        xs = real(x0, sp)
        call oxpar_halo_exchange(ctx, xs, g, periodic)
        call check(all(abs(xs - real(x, sp)) <= 0), "halo 1-D real32, ghost " // str(g))
        deallocate (x, wide)
      end do
    end do

    ! Errors. Different ghost widths (rank `last` has room for 2).
    if (me == last) then
      allocate (x(nloc + 4))
      x = 1
      call oxpar_halo_exchange(ctx, x, 2, stat=st, errmsg=msg)
    else
      allocate (x(nloc + 2))
      x = 1
      call oxpar_halo_exchange(ctx, x, 1, stat=st, errmsg=msg)
    end if
    if (np > 1) then
      call check_everywhere(OXPAR_STATUS_INVALID_ARGUMENT, "ghost", "halo 1-D, different ghost widths")
    else
      call check(st == OXPAR_STATUS_OK, "halo 1-D alone: " // msg)
    end if
    deallocate (x)
    ! Periodic on one rank only.
    allocate (x(nloc + 2))
    x = 1
    call oxpar_halo_exchange(ctx, x, 1, periodic=me == last .and. np > 1, stat=st, errmsg=msg)
    if (np > 1) then
      call check_everywhere(OXPAR_STATUS_INVALID_ARGUMENT, "periodic", "halo 1-D, periodic on one rank")
    end if
    ! A negative ghost width on one rank (found by the module).
    call oxpar_halo_exchange(ctx, x, merge(-1, 1, me == last), stat=st, errmsg=msg)
    call check_rejected(last, OXPAR_STATUS_INVALID_ARGUMENT, "ghost", "halo 1-D, ghost -1 on one rank")
    ! An interior shorter than the ghost width on one rank (found by the library).
    if (me == last) then
      call oxpar_halo_exchange(ctx, x(1:3), 2, stat=st, errmsg=msg)
    else
      call oxpar_halo_exchange(ctx, x(1:nloc + 2), 1, stat=st, errmsg=msg)
    end if
    call check(st /= OXPAR_STATUS_OK, "halo 1-D, interior shorter than ghost on one rank: " // msg)
    if (me == last) call check(st == OXPAR_STATUS_SHAPE_MISMATCH, "the short interior is a shape mismatch: " // msg)
    ! Not an MPI context.
    call oxpar_halo_exchange(serial, x, 1, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_UNSUPPORTED, "halo on a serial context: " // msg)
    call check_still_works("rejected halo exchanges")
  end subroutine check_halo_1d

  !> The value of cell (i, j) of the global domain (1-based interior indices).
  pure function cell(i, j) result(v)
    integer, intent(in) :: i, j
    real(dp) :: v

    v = 100 * i + j
  end function cell

  !> The boundary value outside the domain at global (i, j): negative, and a
  !> function of the global position (wrapped in the periodic directions).
  pure function boundary(i, j) result(v)
    integer, intent(in) :: i, j
    real(dp) :: v

    v = -(10000 + 100 * (i + 5) + (j + 5))
  end function boundary

  !> 2-D halo exchanges on the default grid and on 1 x p: an uneven block
  !> split, ghost 1 and 2, every combination of periodic directions, a
  !> section with a larger leading dimension, real32; errors.
  subroutine check_halo_2d()
    integer, parameter :: ny = 9, nx = 8
    integer :: shapes(2, 2), s, g, p, rows0, cols0, rows, cols, row, col
    integer :: r1, rn, c1, cn, i, j, gi, gj, wi, wj
    logical :: pr, pc, ok, inside
    real(dp), allocatable :: a(:,:), a0(:,:), big(:,:), want(:,:)
    real(sp), allocatable :: as(:,:)

    call oxpar_mpi_grid(ctx, rows0, cols0)
    shapes(:, 1) = [rows0, cols0]
    shapes(:, 2) = [1, np]
    do s = 1, 2
      call oxpar_mpi_set_grid(ctx, shapes(1, s), shapes(2, s))
      call oxpar_mpi_grid(ctx, rows, cols, row, col)
      call oxpar_block_range(ny, rows, row, r1, rn)
      call oxpar_block_range(nx, cols, col, c1, cn)
      do g = 1, 2
        do p = 0, 3
          pr = btest(p, 0)
          pc = btest(p, 1)
          allocate (a(rn + 2 * g, cn + 2 * g), want(rn + 2 * g, cn + 2 * g))
          ! Before: the interior and the boundary values; want: after.
          do j = 1, size(a, 2)
            do i = 1, size(a, 1)
              gi = r1 + i - 1 - g
              gj = c1 + j - 1 - g
              wi = gi
              wj = gj
              if (pr) wi = modulo(gi - 1, ny) + 1
              if (pc) wj = modulo(gj - 1, nx) + 1
              inside = wi >= 1 .and. wi <= ny .and. wj >= 1 .and. wj <= nx
              if (i > g .and. i <= g + rn .and. j > g .and. j <= g + cn) then
                a(i, j) = cell(gi, gj)
              else
                a(i, j) = boundary(wi, wj)
              end if
              if (inside) then
                want(i, j) = cell(wi, wj)
              else
                want(i, j) = boundary(wi, wj)
              end if
            end do
          end do
          a0 = a
          call oxpar_halo_exchange(ctx, a, g, periodic_rows=pr, periodic_cols=pc, stat=st, errmsg=msg)
          ok = st == OXPAR_STATUS_OK .and. all(abs(a - want) <= 0)
          call check(ok, "halo 2-D on " // str(rows) // " x " // str(cols) // ", ghost " // str(g) // &
            ", periodic " // merge("T", "F", pr) // merge("T", "F", pc) // ": " // msg)
          ! In a larger array (leading dimension > rows).
          allocate (big(size(a, 1) + 3, size(a, 2)))
          big = 0
          big(2:size(a, 1) + 1, :) = a0
          call oxpar_halo_exchange(ctx, big(2:size(a, 1) + 1, :), g, pr, pc)
          ok = all(abs(big(2:size(a, 1) + 1, :) - want) <= 0) .and. all(abs(big(1, :)) <= 0) &
            .and. all(abs(big(size(a, 1) + 2:, :)) <= 0)
          call check(ok, "halo 2-D in a section, ghost " // str(g))
          ! Every other row of a larger array.
          deallocate (big)
          allocate (big(2 * size(a, 1), size(a, 2)))
          big = 0
          big(1::2, :) = a0
          call oxpar_halo_exchange(ctx, big(1::2, :), g, pr, pc)
          call check(all(abs(big(1::2, :) - want) <= 0) .and. all(abs(big(2::2, :)) <= 0), &
            "halo 2-D on every other row, ghost " // str(g))
          as = real(a0, sp)
          call oxpar_halo_exchange(ctx, as, g, pr, pc)
          call check(all(abs(as - real(want, sp)) <= 0), "halo 2-D real32, ghost " // str(g))
          deallocate (a, want, big)
        end do
      end do
    end do

    ! Errors, on the 1 x p grid. Block shapes that do not fit together: one
    ! rank's block is taller than the others' in its grid row.
    allocate (a(rn + 2 + merge(1, 0, me == last), cn + 2))
    a = 1
    call oxpar_halo_exchange(ctx, a, 1, stat=st, errmsg=msg)
    if (np > 1) then
      call check_everywhere(OXPAR_STATUS_SHAPE_MISMATCH, "interior", "halo 2-D, a taller block on one rank")
    else
      call check(st == OXPAR_STATUS_OK, "halo 2-D alone: " // msg)
    end if
    ! Different ghost widths.
    call oxpar_halo_exchange(ctx, a, merge(0, 1, me == last), stat=st, errmsg=msg)
    if (np > 1) call check_everywhere(OXPAR_STATUS_INVALID_ARGUMENT, "ghost", "halo 2-D, different ghost widths")
    ! A negative ghost width on one rank.
    call oxpar_halo_exchange(ctx, a, merge(-2, 1, me == last), stat=st, errmsg=msg)
    call check_rejected(last, OXPAR_STATUS_INVALID_ARGUMENT, "ghost", "halo 2-D, ghost -2 on one rank")
    call check_still_works("rejected 2-D halo exchanges")
    call oxpar_mpi_set_grid(ctx, rows0, cols0)
  end subroutine check_halo_2d

  !> A context over a communicator from MPI_Comm_split (ranks in the reverse
  !> order), used alongside the world's; afterwards the program's own
  !> communicators still work. And one over MPI_COMM_SELF.
  subroutine check_split_comm()
    type(oxpar_context) :: sub_ctx, self_ctx
    integer :: sub, sub_rank, sub_size, r, s, one, total
    real(dp) :: mine(1), d, want

    call MPI_Comm_split(MPI_COMM_WORLD, mod(me, 2), np - me, sub, ierr)
    call MPI_Comm_rank(sub, sub_rank, ierr)
    call MPI_Comm_size(sub, sub_size, ierr)
    call sub_ctx%init_mpi(sub, "mpi+serial", stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_OK, "init_mpi on a split communicator: " // msg)
    call oxpar_mpi_rank(sub_ctx, r, s)
    call check(r == sub_rank .and. s == sub_size, "split: rank " // str(r) // " of " // str(s))
    ! Interleaved with the world's context: messages never mix.
    mine = me + 1
    d = mine(1)**2
    call MPI_Allreduce(d, want, 1, MPI_DOUBLE_PRECISION, MPI_SUM, sub, ierr)
    d = oxpar_dot(sub_ctx, mine, mine)
    call check(near(d, want), "dot over the split communicator")
    call check_still_works("a dot on the split communicator")
    ! Blocks are numbered in the split's rank order: its rank 0 (the largest me) first.
    call check(oxpar_iamax(sub_ctx, [-real(me, dp)]) == 1, "iamax over the split communicator")
    d = oxpar_dot(sub_ctx, mine, mine)
    call check(near(d, want), "dot over the split communicator again")
    call sub_ctx%destroy()
    call MPI_Comm_free(sub, ierr)

    call self_ctx%init_mpi(MPI_COMM_SELF, "mpi+serial")
    call oxpar_mpi_rank(self_ctx, r, s)
    call check(r == 0 .and. s == 1, "MPI_COMM_SELF: rank 0 of 1")
    call check(near(oxpar_dot(self_ctx, mine, mine), mine(1)**2), "dot over MPI_COMM_SELF")
    call self_ctx%destroy()

    one = 1
    call MPI_Allreduce(one, total, 1, MPI_INTEGER, MPI_SUM, MPI_COMM_WORLD, ierr)
    call check(ierr == MPI_SUCCESS .and. total == np, "MPI_COMM_WORLD still works")
    call check_still_works("the split communicator is gone")
  end subroutine check_split_comm

  ! ---------------------------------------------------------------------------
  !> Reproducible mode: dot, nrm2, asum, sum of hostile data (huge pairs that
  !> cancel exactly, products beyond the range, values over 600 binades,
  !> subnormals) split unevenly and all on the last rank have the bits of a
  !> serial reproducible context's on the whole vectors (the same for any
  !> number of ranks). Ranks asking for different modes all fail; the mode
  !> stays. Switched off again at the end.
  subroutine check_reproducible()
    integer, parameter :: n = 1001
    real(dp) :: x(n), y(n), want(4), got(4)
    real(sp) :: xs(n), ys(n), wants(4), gots(4)
    integer :: i, j, first, len, split
    integer(int64) :: h
    character(len=:), allocatable :: how

    do i = 1, n
      j = min(i, n + 1 - i)
      h = hash(j)
      if (mod(h, 4_int64) == 0 .and. 2 * j /= n + 1) then
        ! a huge pair: +v at j, -v at its mirror; the same y at both
        x(i) = scale(1 + real(mod(h / 8, 1024_int64), dp) / 1024, 900 + int(mod(h / 16384, 97_int64)))
        if (i /= j) x(i) = -x(i)
        y(i) = scale(1 + real(mod(h / 64, 1024_int64), dp) / 1024, 900 + int(mod(h / 65536, 97_int64)))
        xs(i) = scale(1 + real(mod(h / 8, 1024_int64), sp) / 1024, 90 + int(mod(h / 16384, 21_int64)))
        if (i /= j) xs(i) = -xs(i)
        ys(i) = scale(1 + real(mod(h / 64, 1024_int64), sp) / 1024, 90 + int(mod(h / 65536, 21_int64)))
      else
        h = hash(n + i)
        if (mod(h, 8_int64) == 1) then
          ! subnormals
          x(i) = scale(real(mod(h / 8, 100000_int64) + 1, dp), -1074)
          xs(i) = scale(real(mod(h / 8, 100000_int64) + 1, sp), -149)
        else
          x(i) = scale(1 + real(mod(h / 8, 4096_int64), dp) / 4096, int(mod(h / 32768, 601_int64)) - 300)
          xs(i) = scale(1 + real(mod(h / 8, 4096_int64), sp) / 4096, int(mod(h / 32768, 81_int64)) - 40)
        end if
        if (mod(h / 2, 2_int64) == 1) x(i) = -x(i)
        if (mod(h / 4, 2_int64) == 1) xs(i) = -xs(i)
        y(i) = scale(1 + real(mod(h / 3, 512_int64), dp) / 512, int(mod(h / 7, 601_int64)) - 300)
        ys(i) = scale(1 + real(mod(h / 3, 512_int64), sp) / 512, int(mod(h / 7, 81_int64)) - 40)
      end if
    end do

    call serial%set_reproducible(.true.)
    want = [oxpar_dot(serial, x, y), oxpar_nrm2(serial, x), oxpar_asum(serial, x), oxpar_sum(serial, x)]
    wants = [oxpar_dot(serial, xs, ys), oxpar_nrm2(serial, xs), oxpar_asum(serial, xs), oxpar_sum(serial, xs)]
    call check(all(ieee_is_finite(want)) .and. all(ieee_is_finite(wants)), "reproducible: finite references")

    call check(.not. ctx%reproducible(), "reproducible: off at first")
    call ctx%set_reproducible(.true., stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_OK .and. ctx%reproducible(), "reproducible: set_reproducible(.true.): " // msg)
    do split = 1, 2
      if (split == 1) then
        call uneven(n, np, me, first, len)
        how = "uneven split"
      else
        first = 1
        len = 0
        if (me == last) len = n
        how = "all on the last rank"
      end if
      got = [oxpar_dot(ctx, x(first:first + len - 1), y(first:first + len - 1)), &
        oxpar_nrm2(ctx, x(first:first + len - 1)), oxpar_asum(ctx, x(first:first + len - 1)), &
        oxpar_sum(ctx, x(first:first + len - 1))]
      gots = [oxpar_dot(ctx, xs(first:first + len - 1), ys(first:first + len - 1)), &
        oxpar_nrm2(ctx, xs(first:first + len - 1)), oxpar_asum(ctx, xs(first:first + len - 1)), &
        oxpar_sum(ctx, xs(first:first + len - 1))]
      do i = 1, 4
        call check(transfer(got(i), 0_int64) == transfer(want(i), 0_int64), &
          "reproducible real64 " // names(i) // ", " // how // ": not the serial bits")
        call check(transfer(gots(i), 0_int32) == transfer(wants(i), 0_int32), &
          "reproducible real32 " // names(i) // ", " // how // ": not the serial bits")
      end do
    end do

    ! Different modes on different ranks: an error everywhere, the mode stays.
    if (np > 1) then
      call ctx%set_reproducible(me /= 0, stat=st, errmsg=msg)
      call check_everywhere(OXPAR_STATUS_INVALID_ARGUMENT, "disagree", "reproducible: ranks disagree")
      call check(ctx%reproducible(), "reproducible: the mode stays on after a disagreement")
    end if
    call ctx%set_reproducible(.false.)
    call check(.not. ctx%reproducible(), "reproducible: off again")
    call serial%set_reproducible(.false.)
    call check_still_works("reproducible mode")
  end subroutine check_reproducible

  !> A hash of i in [0, 2^31 - 1) (no intermediate overflows).
  pure function hash(i) result(h)
    integer, intent(in) :: i
    integer(int64), parameter :: m = 2147483647_int64
    integer(int64) :: h
    integer :: k

    h = mod(int(i, int64) * 2654435761_int64 + 12345_int64, m)
    do k = 1, 3
      h = mod(h * 48271_int64 + 11_int64, m)
      h = ieor(h, ishft(h, -11))
    end do
  end function hash

  !> The name of reduction i (dot, nrm2, asum, sum).
  pure function names(i) result(s)
    integer, intent(in) :: i
    character(len=:), allocatable :: s

    select case (i)
    case (1)
      s = "dot"
    case (2)
      s = "nrm2"
    case (3)
      s = "asum"
    case default
      s = "sum"
    end select
  end function names

end program test_oxpar_mpi
