!> MPI: the distribution of an MPI context (`oxpar_mpi_rank`,
!> `oxpar_mpi_grid`, `oxpar_block_range`, ...), the distributed
!> `oxpar_mpi_gemv`, `oxpar_mpi_ger` (real), `oxpar_mpi_geru` and
!> `oxpar_mpi_gerc` (complex), `oxpar_mpi_gemm` and `oxpar_halo_exchange`,
!> each over real32, real64, complex(real32) and complex(real64) arrays (the
!> complex `oxpar_mpi_gemv` and `oxpar_mpi_gemm` also take `'C'`, the
!> conjugate transpose). Needs no `use mpi`: a communicator is its `integer`
!> handle. Part of `oxpar`, which programs use.
module oxpar_mpi
  use, intrinsic :: iso_c_binding, only: c_bool, c_int32_t, c_ptr, c_ptrdiff_t, c_size_t
  use oxpar_c
  use oxpar_base
  implicit none
  private

  public :: oxpar_mpi_rank, oxpar_mpi_ranks_on_node, oxpar_mpi_comm, oxpar_mpi_grid, oxpar_mpi_set_grid, &
    oxpar_block_range
  public :: oxpar_mpi_gemv, oxpar_mpi_ger, oxpar_mpi_geru, oxpar_mpi_gerc, oxpar_mpi_gemm, oxpar_halo_exchange

  !> Distributed `y := alpha*a*x + beta*y`, `a` split by row blocks (each rank
  !> holds whole rows):
  !> `call oxpar_mpi_gemv(ctx, a, x, y [, alpha] [, beta] [, stat] [, errmsg])`;
  !> complex arrays also take `[, trans]` (`'N'`, `'T'`, `'C'`).
  interface oxpar_mpi_gemv
    module procedure mpi_gemv_sp, mpi_gemv_dp, mpi_gemv_csp, mpi_gemv_cdp
  end interface oxpar_mpi_gemv

  !> Distributed `a := alpha*x*y^T + a`, `a` split by row blocks:
  !> `call oxpar_mpi_ger(ctx, a, x, y [, alpha] [, stat] [, errmsg])`.
  interface oxpar_mpi_ger
    module procedure mpi_ger_sp, mpi_ger_dp
  end interface oxpar_mpi_ger

  !> Distributed `a := alpha*x*y^T + a` on complex arrays, `a` split by row blocks:
  !> `call oxpar_mpi_geru(ctx, a, x, y [, alpha] [, stat] [, errmsg])`.
  interface oxpar_mpi_geru
    module procedure mpi_geru_csp, mpi_geru_cdp
  end interface oxpar_mpi_geru

  !> Distributed `a := alpha*x*y^H + a` on complex arrays, `a` split by row blocks:
  !> `call oxpar_mpi_gerc(ctx, a, x, y [, alpha] [, stat] [, errmsg])`.
  interface oxpar_mpi_gerc
    module procedure mpi_gerc_csp, mpi_gerc_cdp
  end interface oxpar_mpi_gerc

  !> Distributed `c := alpha*op(a)*op(b) + beta*c` on the process grid (SUMMA):
  !> `call oxpar_mpi_gemm(ctx, a, b, c [, transa] [, transb] [, alpha] [, beta] [, stat] [, errmsg])`.
  interface oxpar_mpi_gemm
    module procedure mpi_gemm_sp, mpi_gemm_dp, mpi_gemm_csp, mpi_gemm_cdp
  end interface oxpar_mpi_gemm

  !> Fills the ghost cells of this rank's block from its neighbours (1-D over
  !> the ranks, 2-D over the process grid):
  !> `call oxpar_halo_exchange(ctx, x, ghost [, periodic] [, stat] [, errmsg])` or
  !> `call oxpar_halo_exchange(ctx, a, ghost [, periodic_rows] [, periodic_cols] [, stat] [, errmsg])`.
  interface oxpar_halo_exchange
    module procedure halo_1d_sp, halo_1d_dp, halo_2d_sp, halo_2d_dp, halo_1d_csp, halo_1d_cdp, halo_2d_csp, &
      halo_2d_cdp
  end interface oxpar_halo_exchange

contains

  !> This process's rank in the context's communicator (0-based, as MPI numbers
  !> ranks) and the number of ranks. A context that is not MPI is a
  !> one-process world: rank 0 of 1. Local (no communication).
  subroutine oxpar_mpi_rank(ctx, rank, size, stat, errmsg)
    !> The context.
    type(oxpar_context), intent(in) :: ctx
    !> This rank, from 0 (-1 after an error).
    integer, intent(out), optional :: rank
    !> The number of ranks (-1 after an error).
    integer, intent(out), optional :: size
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    integer(c_size_t) :: r, s
    character(len=:), allocatable :: message

    status = c_oxpar_mpi_rank(context_handle(ctx), r, s)
    message = error_message(status)
    if (status /= OXPAR_STATUS_OK) then
      r = -1
      s = -1
    end if
    if (present(rank)) rank = int(r)
    if (present(size)) size = int(s)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine oxpar_mpi_rank

  !> How many ranks of the context's communicator share this rank's node (1
  !> for a context that is not MPI; 0 after an error). An `"mpi+threads"`
  !> context gives each rank the node's CPUs divided by this.
  function oxpar_mpi_ranks_on_node(ctx, stat, errmsg) result(n)
    !> The context.
    type(oxpar_context), intent(in) :: ctx
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer :: n
    integer(c_int32_t) :: status
    integer(c_size_t) :: out
    character(len=:), allocatable :: message

    n = 0
    status = c_oxpar_mpi_ranks_on_node(context_handle(ctx), out)
    if (status == OXPAR_STATUS_OK) n = int(out)
    message = error_message(status)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end function oxpar_mpi_ranks_on_node

  !> The `integer` handle of the context's communicator: oxpar's duplicate of
  !> the one it was created with, for the program's own collectives alongside
  !> oxpar's without mixing messages. Do not free it (`destroy` does).
  !> Errors: `OXPAR_STATUS_UNSUPPORTED` (not an MPI context).
  subroutine oxpar_mpi_comm(ctx, comm, stat, errmsg)
    !> The MPI context.
    type(oxpar_context), intent(in) :: ctx
    !> The communicator (-1 after an error).
    integer, intent(out) :: comm
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status, out
    character(len=:), allocatable :: message

    comm = -1
    status = c_oxpar_mpi_comm(context_handle(ctx), out)
    if (status == OXPAR_STATUS_OK) comm = int(out)
    message = error_message(status)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine oxpar_mpi_comm

  !> The context's 2-D process grid (used by `oxpar_mpi_gemm` and the 2-D
  !> `oxpar_halo_exchange`): `rows x cols` ranks, this rank at grid row `row`,
  !> column `col`, both from 0; rank r sits at row r / cols, column
  !> mod(r, cols). The default is the most square grid with rows >= cols; a
  !> context that is not MPI has a 1 x 1 grid. Local (no communication).
  subroutine oxpar_mpi_grid(ctx, rows, cols, row, col, stat, errmsg)
    !> The context.
    type(oxpar_context), intent(in) :: ctx
    !> Grid rows (-1 after an error).
    integer, intent(out), optional :: rows
    !> Grid columns (-1 after an error).
    integer, intent(out), optional :: cols
    !> This rank's grid row, from 0 (-1 after an error).
    integer, intent(out), optional :: row
    !> This rank's grid column, from 0 (-1 after an error).
    integer, intent(out), optional :: col
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    integer(c_size_t) :: g(4)
    character(len=:), allocatable :: message

    status = c_oxpar_mpi_grid(context_handle(ctx), g(1), g(2), g(3), g(4))
    message = error_message(status)
    if (status /= OXPAR_STATUS_OK) g = -1
    if (present(rows)) rows = int(g(1))
    if (present(cols)) cols = int(g(2))
    if (present(row)) row = int(g(3))
    if (present(col)) col = int(g(4))
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine oxpar_mpi_grid

  !> Sets the context's process grid to `rows x cols` (collective). Every rank
  !> must pass the same shape and `rows * cols` must be the number of ranks;
  !> otherwise every rank gets an error and the grid stays as it was.
  !> Errors: `OXPAR_STATUS_INVALID_ARGUMENT` (not a grid of the ranks),
  !> `OXPAR_STATUS_SHAPE_MISMATCH` (ranks asked for different grids),
  !> `OXPAR_STATUS_UNSUPPORTED` (not an MPI context and not 1 x 1).
  subroutine oxpar_mpi_set_grid(ctx, rows, cols, stat, errmsg)
    !> The context.
    type(oxpar_context), intent(in) :: ctx
    !> Grid rows, at least 1.
    integer, intent(in) :: rows
    !> Grid columns, at least 1.
    integer, intent(in) :: cols
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    if (rows < 1 .or. cols < 1) then
      ! A 0 x 0 grid, which the library rejects on this rank and so on every rank.
      status = c_oxpar_mpi_set_grid(context_handle(ctx), 0_c_size_t, 0_c_size_t)
      status = OXPAR_STATUS_INVALID_ARGUMENT
      message = "oxpar_mpi_set_grid: rows, cols: must be at least 1, got " // str(rows) // " x " // str(cols)
    else
      status = c_oxpar_mpi_set_grid(context_handle(ctx), csize(rows), csize(cols))
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine oxpar_mpi_set_grid

  !> The balanced block distribution of `n` elements over `parts` blocks: block
  !> `index` (from 0, as ranks and grid coordinates are numbered) holds the
  !> `len` elements `first, ..., first + len - 1` (1-based Fortran indices;
  !> the first `mod(n, parts)` blocks get one element more). So rank `r` of
  !> `p` holds `x(first:first+len-1)` after
  !> `call oxpar_block_range(size(x), p, r, first, len)`. Local (no
  !> communication); the distributed routines accept any split that adds up.
  subroutine oxpar_block_range(n, parts, index, first, len, stat, errmsg)
    !> The number of elements, 0 or more.
    integer, intent(in) :: n
    !> The number of blocks, at least 1.
    integer, intent(in) :: parts
    !> The block, `0 <= index < parts`.
    integer, intent(in) :: index
    !> The 1-based index of the block's first element (-1 after an error).
    integer, intent(out) :: first
    !> The block's number of elements (-1 after an error).
    integer, intent(out) :: len
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    integer(c_size_t) :: s, l
    character(len=:), allocatable :: message

    first = -1
    len = -1
    status = OXPAR_STATUS_INVALID_ARGUMENT
    if (n < 0) then
      message = "oxpar_block_range: n: must be 0 or more, got " // str(n)
    else if (parts < 1) then
      message = "oxpar_block_range: parts: must be at least 1, got " // str(parts)
    else if (index < 0 .or. index >= parts) then
      message = "oxpar_block_range: index: must be from 0 to parts - 1 = " // str(parts - 1) // ", got " &
        // str(index)
    else
      status = c_oxpar_block_range(csize(n), csize(parts), csize(index), s, l)
      message = error_message(status)
      if (status == OXPAR_STATUS_OK) then
        first = int(s) + 1
        len = int(l)
      end if
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine oxpar_block_range

  ! ---------------------------------------------------------------------------
  ! real32

  !> Distributed `y := alpha*a*x + beta*y` on real32 arrays (collective). The
  !> `m x n` matrix is split by row blocks: this rank holds `m_local` whole
  !> rows of it and the matching `m_local` elements of `y`; `x` is split any
  !> way (its blocks, in rank order, make up its `n` elements). On a context
  !> that is not MPI, `x` is the whole vector. `y` is updated in place.
  subroutine mpi_gemv_sp(ctx, a, x, y, alpha, beta, stat, errmsg)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> This rank's rows of the matrix: `m_local x n`.
    real(sp), intent(in), target :: a(:,:)
    !> This rank's block of `x` (any length, 0 included).
    real(sp), intent(in), target :: x(:)
    !> This rank's block of `y`, `m_local` elements (read only when `beta /= 0`).
    real(sp), intent(inout), target :: y(:)
    !> Default 1.
    real(sp), intent(in), optional :: alpha
    !> Default 0.
    real(sp), intent(in), optional :: beta
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    real(sp) :: al, be
    type(c_ptr) :: pa, px, py
    integer(c_ptrdiff_t) :: rsa, csa, incx, incy
    character(len=:), allocatable :: message

    if (size(y) /= size(a, 1)) then
      status = OXPAR_STATUS_SHAPE_MISMATCH
      message = "oxpar_mpi_gemv: y: has " // str(size(y)) // " elements but this rank's block of a has " &
        // str(size(a, 1)) // " rows"
      call join_rejected(ctx, JOIN_GEMV, status, message)
    else
      al = 1.0_sp
      if (present(alpha)) al = alpha
      be = 0.0_sp
      if (present(beta)) be = beta
      call matrix_sp(a, pa, rsa, csa)
      call vector_sp(x, px, incx)
      call vector_sp(y, py, incy)
      status = c_oxpar_mpi_sgemv(context_handle(ctx), csize(size(a, 1)), csize(size(a, 2)), csize(size(x)), al, &
        pa, rsa, csa, px, incx, be, py, incy)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine mpi_gemv_sp

  !> Distributed `a := alpha*x*y^T + a` on real32 arrays (collective): this rank
  !> holds `m_local` whole rows of the `m x n` matrix and the matching
  !> `m_local` elements of `x`; `y` is split any way (its blocks, in rank
  !> order, make up its `n` elements). On a context that is not MPI, `y` is
  !> the whole vector.
  subroutine mpi_ger_sp(ctx, a, x, y, alpha, stat, errmsg)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> This rank's rows of the matrix, `m_local x n`, updated.
    real(sp), intent(inout), target :: a(:,:)
    !> This rank's block of `x`, `m_local` elements.
    real(sp), intent(in), target :: x(:)
    !> This rank's block of `y` (any length, 0 included).
    real(sp), intent(in), target :: y(:)
    !> Default 1.
    real(sp), intent(in), optional :: alpha
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    real(sp) :: al
    type(c_ptr) :: pa, px, py
    integer(c_ptrdiff_t) :: rsa, csa, incx, incy
    character(len=:), allocatable :: message

    if (size(x) /= size(a, 1)) then
      status = OXPAR_STATUS_SHAPE_MISMATCH
      message = "oxpar_mpi_ger: x: has " // str(size(x)) // " elements but this rank's block of a has " &
        // str(size(a, 1)) // " rows"
      call join_rejected(ctx, JOIN_GER, status, message)
    else
      al = 1.0_sp
      if (present(alpha)) al = alpha
      call matrix_sp(a, pa, rsa, csa)
      call vector_sp(x, px, incx)
      call vector_sp(y, py, incy)
      status = c_oxpar_mpi_sger(context_handle(ctx), csize(size(a, 1)), csize(size(a, 2)), csize(size(y)), al, &
        px, incx, py, incy, pa, rsa, csa)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine mpi_ger_sp

  !> Distributed `c := alpha*op(a)*op(b) + beta*c` on real32 matrices (collective;
  !> SUMMA on the context's process grid, see `oxpar_mpi_grid`). The rank at
  !> grid position (i, j) holds block (i, j) of each matrix: `op(a)` is
  !> `m_i x ka_j`, `op(b)` is `kb_i x n_j`, `c` is `m_i x n_j`, where the
  !> row blocks `m_i` and `kb_i` go with grid row i, the column blocks `ka_j`
  !> and `n_j` with grid column j, and the `ka_j` and the `kb_i` both add up
  !> to the inner dimension k (`oxpar_block_range` gives balanced splits). With
  !> `transa = 'T'` this rank's `a` is the transpose of its block of `op(a)`
  !> (`ka_j x m_i`); likewise `b`. On a context that is not MPI, the whole matrices.
  subroutine mpi_gemm_sp(ctx, a, b, c, transa, transb, alpha, beta, stat, errmsg)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> This rank's block: `op(a)` is `m_i x ka_j`.
    real(sp), intent(in), target :: a(:,:)
    !> This rank's block: `op(b)` is `kb_i x n_j`.
    real(sp), intent(in), target :: b(:,:)
    !> This rank's `m_i x n_j` block of the result (read only when `beta /= 0`).
    real(sp), intent(inout), target :: c(:,:)
    !> `'N'` (default) or `'T'`: whether `op(a)` is `a` or its transpose.
    character(len=1), intent(in), optional :: transa
    !> `'N'` (default) or `'T'`: whether `op(b)` is `b` or its transpose.
    character(len=1), intent(in), optional :: transb
    !> Default 1.
    real(sp), intent(in), optional :: alpha
    !> Default 0.
    real(sp), intent(in), optional :: beta
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: ta, tb, status
    integer :: ma, ka, kb, nb
    real(sp) :: al, be
    type(c_ptr) :: pa, pb, pc
    integer(c_ptrdiff_t) :: rsa, csa, rsb, csb, rsc, csc
    character(len=:), allocatable :: message

    status = OXPAR_STATUS_INVALID_ARGUMENT
    if (.not. trans_code(transa, ta)) then
      message = "oxpar_mpi_gemm: transa: " // bad_trans(transa)
    else if (.not. trans_code(transb, tb)) then
      message = "oxpar_mpi_gemm: transb: " // bad_trans(transb)
    else
      call op_shape(a, ta, ma, ka)
      call op_shape(b, tb, kb, nb)
      status = OXPAR_STATUS_SHAPE_MISMATCH
      if (ma /= size(c, 1)) then
        message = "oxpar_mpi_gemm: a: this rank's op(a) has " // str(ma) // " rows but its block of c has " &
          // str(size(c, 1))
      else if (nb /= size(c, 2)) then
        message = "oxpar_mpi_gemm: b: this rank's op(b) has " // str(nb) // " columns but its block of c has " &
          // str(size(c, 2))
      end if
    end if
    if (allocated(message)) then
      call join_rejected(ctx, JOIN_GEMM, status, message)
    else
      al = 1.0_sp
      if (present(alpha)) al = alpha
      be = 0.0_sp
      if (present(beta)) be = beta
      call matrix_sp(a, pa, rsa, csa)
      call matrix_sp(b, pb, rsb, csb)
      call matrix_sp(c, pc, rsc, csc)
      status = c_oxpar_mpi_sgemm(context_handle(ctx), ta, tb, csize(size(c, 1)), csize(size(c, 2)), csize(ka), &
        csize(kb), al, pa, rsa, csa, pb, rsb, csb, be, pc, rsc, csc)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine mpi_gemm_sp

  !> Halo exchange of a 1-D block decomposition over the ranks in rank order,
  !> on a real32 array (collective). `x` is `ghost` ghost cells, this rank's
  !> interior (at least `ghost` cells; sizes may differ between ranks), then
  !> `ghost` ghost cells. Afterwards each ghost cell holds the neighbouring
  !> rank's edge value; with `periodic` the last rank and rank 0 are
  !> neighbours, otherwise the outer ghosts of the first and last rank are
  !> left alone (they hold the boundary condition). Every rank must pass the
  !> same `ghost` and `periodic`. Errors: `OXPAR_STATUS_UNSUPPORTED` (not an
  !> MPI context), `OXPAR_STATUS_SHAPE_MISMATCH` (an interior shorter than
  !> `ghost`), `OXPAR_STATUS_INVALID_ARGUMENT` (ranks disagree), each on every rank.
  subroutine halo_1d_sp(ctx, x, ghost, periodic, stat, errmsg)
    !> The MPI context.
    type(oxpar_context), intent(in) :: ctx
    !> This rank's block with its ghost cells at both ends.
    real(sp), intent(inout), target :: x(:)
    !> The ghost cells at each end, 0 or more.
    integer, intent(in) :: ghost
    !> Whether the domain wraps around; default `.false.`.
    logical, intent(in), optional :: periodic
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    logical(c_bool) :: wrap
    type(c_ptr) :: px
    integer(c_ptrdiff_t) :: incx
    character(len=:), allocatable :: message

    if (ghost < 0) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
      message = "oxpar_halo_exchange: ghost: must be 0 or more, got " // str(ghost)
      call join_rejected(ctx, JOIN_HALO, status, message)
    else
      wrap = .false.
      if (present(periodic)) wrap = logical(periodic, c_bool)
      call vector_sp(x, px, incx)
      status = c_oxpar_mpi_shalo_1d(context_handle(ctx), csize(size(x)), csize(ghost), wrap, px, incx)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine halo_1d_sp

  !> Halo exchange of a 2-D block decomposition on the context's process grid,
  !> on a real32 array (collective). `a` is this rank's block of the domain:
  !> an interior of `(size(a, 1) - 2*ghost) x (size(a, 2) - 2*ghost)`
  !> framed by `ghost` layers of ghost cells. Grid rows run along the array's
  !> first index: the rank at grid position (i+1, j) holds the next values of
  !> the first index after those of the rank at (i, j), and the rank at
  !> (i, j+1) the next values of the second index. Ranks in one grid row need
  !> the same interior `size(a, 1)`, ranks in one grid column the same
  !> `size(a, 2)`. Corner ghosts are filled too (9-point stencils work); the
  !> outer ghosts of a non-periodic direction are left alone. Every rank must
  !> pass the same `ghost` and periodic flags. Errors as the 1-D exchange.
  subroutine halo_2d_sp(ctx, a, ghost, periodic_rows, periodic_cols, stat, errmsg)
    !> The MPI context.
    type(oxpar_context), intent(in) :: ctx
    !> This rank's block with its frame of ghost cells.
    real(sp), intent(inout), target :: a(:,:)
    !> The layers of ghost cells on each side, 0 or more.
    integer, intent(in) :: ghost
    !> Whether the domain wraps around along the first index (grid rows); default `.false.`.
    logical, intent(in), optional :: periodic_rows
    !> Whether the domain wraps around along the second index (grid columns); default `.false.`.
    logical, intent(in), optional :: periodic_cols
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    logical(c_bool) :: wrap_rows, wrap_cols
    type(c_ptr) :: pa
    integer(c_ptrdiff_t) :: rsa, csa
    character(len=:), allocatable :: message

    if (ghost < 0) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
      message = "oxpar_halo_exchange: ghost: must be 0 or more, got " // str(ghost)
      call join_rejected(ctx, JOIN_HALO, status, message)
    else
      wrap_rows = .false.
      if (present(periodic_rows)) wrap_rows = logical(periodic_rows, c_bool)
      wrap_cols = .false.
      if (present(periodic_cols)) wrap_cols = logical(periodic_cols, c_bool)
      call matrix_sp(a, pa, rsa, csa)
      status = c_oxpar_mpi_shalo_2d(context_handle(ctx), csize(size(a, 1)), csize(size(a, 2)), csize(ghost), &
        wrap_rows, wrap_cols, pa, rsa, csa)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine halo_2d_sp

  ! ---------------------------------------------------------------------------
  ! real64

  !> Distributed `y := alpha*a*x + beta*y` on real64 arrays (collective). The
  !> `m x n` matrix is split by row blocks: this rank holds `m_local` whole
  !> rows of it and the matching `m_local` elements of `y`; `x` is split any
  !> way (its blocks, in rank order, make up its `n` elements). On a context
  !> that is not MPI, `x` is the whole vector. `y` is updated in place.
  subroutine mpi_gemv_dp(ctx, a, x, y, alpha, beta, stat, errmsg)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> This rank's rows of the matrix: `m_local x n`.
    real(dp), intent(in), target :: a(:,:)
    !> This rank's block of `x` (any length, 0 included).
    real(dp), intent(in), target :: x(:)
    !> This rank's block of `y`, `m_local` elements (read only when `beta /= 0`).
    real(dp), intent(inout), target :: y(:)
    !> Default 1.
    real(dp), intent(in), optional :: alpha
    !> Default 0.
    real(dp), intent(in), optional :: beta
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    real(dp) :: al, be
    type(c_ptr) :: pa, px, py
    integer(c_ptrdiff_t) :: rsa, csa, incx, incy
    character(len=:), allocatable :: message

    if (size(y) /= size(a, 1)) then
      status = OXPAR_STATUS_SHAPE_MISMATCH
      message = "oxpar_mpi_gemv: y: has " // str(size(y)) // " elements but this rank's block of a has " &
        // str(size(a, 1)) // " rows"
      call join_rejected(ctx, JOIN_GEMV, status, message)
    else
      al = 1.0_dp
      if (present(alpha)) al = alpha
      be = 0.0_dp
      if (present(beta)) be = beta
      call matrix_dp(a, pa, rsa, csa)
      call vector_dp(x, px, incx)
      call vector_dp(y, py, incy)
      status = c_oxpar_mpi_dgemv(context_handle(ctx), csize(size(a, 1)), csize(size(a, 2)), csize(size(x)), al, &
        pa, rsa, csa, px, incx, be, py, incy)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine mpi_gemv_dp

  !> Distributed `a := alpha*x*y^T + a` on real64 arrays (collective): this rank
  !> holds `m_local` whole rows of the `m x n` matrix and the matching
  !> `m_local` elements of `x`; `y` is split any way (its blocks, in rank
  !> order, make up its `n` elements). On a context that is not MPI, `y` is
  !> the whole vector.
  subroutine mpi_ger_dp(ctx, a, x, y, alpha, stat, errmsg)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> This rank's rows of the matrix, `m_local x n`, updated.
    real(dp), intent(inout), target :: a(:,:)
    !> This rank's block of `x`, `m_local` elements.
    real(dp), intent(in), target :: x(:)
    !> This rank's block of `y` (any length, 0 included).
    real(dp), intent(in), target :: y(:)
    !> Default 1.
    real(dp), intent(in), optional :: alpha
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    real(dp) :: al
    type(c_ptr) :: pa, px, py
    integer(c_ptrdiff_t) :: rsa, csa, incx, incy
    character(len=:), allocatable :: message

    if (size(x) /= size(a, 1)) then
      status = OXPAR_STATUS_SHAPE_MISMATCH
      message = "oxpar_mpi_ger: x: has " // str(size(x)) // " elements but this rank's block of a has " &
        // str(size(a, 1)) // " rows"
      call join_rejected(ctx, JOIN_GER, status, message)
    else
      al = 1.0_dp
      if (present(alpha)) al = alpha
      call matrix_dp(a, pa, rsa, csa)
      call vector_dp(x, px, incx)
      call vector_dp(y, py, incy)
      status = c_oxpar_mpi_dger(context_handle(ctx), csize(size(a, 1)), csize(size(a, 2)), csize(size(y)), al, &
        px, incx, py, incy, pa, rsa, csa)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine mpi_ger_dp

  !> Distributed `c := alpha*op(a)*op(b) + beta*c` on real64 matrices (collective;
  !> SUMMA on the context's process grid, see `oxpar_mpi_grid`). The rank at
  !> grid position (i, j) holds block (i, j) of each matrix: `op(a)` is
  !> `m_i x ka_j`, `op(b)` is `kb_i x n_j`, `c` is `m_i x n_j`, where the
  !> row blocks `m_i` and `kb_i` go with grid row i, the column blocks `ka_j`
  !> and `n_j` with grid column j, and the `ka_j` and the `kb_i` both add up
  !> to the inner dimension k (`oxpar_block_range` gives balanced splits). With
  !> `transa = 'T'` this rank's `a` is the transpose of its block of `op(a)`
  !> (`ka_j x m_i`); likewise `b`. On a context that is not MPI, the whole matrices.
  subroutine mpi_gemm_dp(ctx, a, b, c, transa, transb, alpha, beta, stat, errmsg)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> This rank's block: `op(a)` is `m_i x ka_j`.
    real(dp), intent(in), target :: a(:,:)
    !> This rank's block: `op(b)` is `kb_i x n_j`.
    real(dp), intent(in), target :: b(:,:)
    !> This rank's `m_i x n_j` block of the result (read only when `beta /= 0`).
    real(dp), intent(inout), target :: c(:,:)
    !> `'N'` (default) or `'T'`: whether `op(a)` is `a` or its transpose.
    character(len=1), intent(in), optional :: transa
    !> `'N'` (default) or `'T'`: whether `op(b)` is `b` or its transpose.
    character(len=1), intent(in), optional :: transb
    !> Default 1.
    real(dp), intent(in), optional :: alpha
    !> Default 0.
    real(dp), intent(in), optional :: beta
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: ta, tb, status
    integer :: ma, ka, kb, nb
    real(dp) :: al, be
    type(c_ptr) :: pa, pb, pc
    integer(c_ptrdiff_t) :: rsa, csa, rsb, csb, rsc, csc
    character(len=:), allocatable :: message

    status = OXPAR_STATUS_INVALID_ARGUMENT
    if (.not. trans_code(transa, ta)) then
      message = "oxpar_mpi_gemm: transa: " // bad_trans(transa)
    else if (.not. trans_code(transb, tb)) then
      message = "oxpar_mpi_gemm: transb: " // bad_trans(transb)
    else
      call op_shape(a, ta, ma, ka)
      call op_shape(b, tb, kb, nb)
      status = OXPAR_STATUS_SHAPE_MISMATCH
      if (ma /= size(c, 1)) then
        message = "oxpar_mpi_gemm: a: this rank's op(a) has " // str(ma) // " rows but its block of c has " &
          // str(size(c, 1))
      else if (nb /= size(c, 2)) then
        message = "oxpar_mpi_gemm: b: this rank's op(b) has " // str(nb) // " columns but its block of c has " &
          // str(size(c, 2))
      end if
    end if
    if (allocated(message)) then
      call join_rejected(ctx, JOIN_GEMM, status, message)
    else
      al = 1.0_dp
      if (present(alpha)) al = alpha
      be = 0.0_dp
      if (present(beta)) be = beta
      call matrix_dp(a, pa, rsa, csa)
      call matrix_dp(b, pb, rsb, csb)
      call matrix_dp(c, pc, rsc, csc)
      status = c_oxpar_mpi_dgemm(context_handle(ctx), ta, tb, csize(size(c, 1)), csize(size(c, 2)), csize(ka), &
        csize(kb), al, pa, rsa, csa, pb, rsb, csb, be, pc, rsc, csc)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine mpi_gemm_dp

  !> Halo exchange of a 1-D block decomposition over the ranks in rank order,
  !> on a real64 array (collective). `x` is `ghost` ghost cells, this rank's
  !> interior (at least `ghost` cells; sizes may differ between ranks), then
  !> `ghost` ghost cells. Afterwards each ghost cell holds the neighbouring
  !> rank's edge value; with `periodic` the last rank and rank 0 are
  !> neighbours, otherwise the outer ghosts of the first and last rank are
  !> left alone (they hold the boundary condition). Every rank must pass the
  !> same `ghost` and `periodic`. Errors: `OXPAR_STATUS_UNSUPPORTED` (not an
  !> MPI context), `OXPAR_STATUS_SHAPE_MISMATCH` (an interior shorter than
  !> `ghost`), `OXPAR_STATUS_INVALID_ARGUMENT` (ranks disagree), each on every rank.
  subroutine halo_1d_dp(ctx, x, ghost, periodic, stat, errmsg)
    !> The MPI context.
    type(oxpar_context), intent(in) :: ctx
    !> This rank's block with its ghost cells at both ends.
    real(dp), intent(inout), target :: x(:)
    !> The ghost cells at each end, 0 or more.
    integer, intent(in) :: ghost
    !> Whether the domain wraps around; default `.false.`.
    logical, intent(in), optional :: periodic
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    logical(c_bool) :: wrap
    type(c_ptr) :: px
    integer(c_ptrdiff_t) :: incx
    character(len=:), allocatable :: message

    if (ghost < 0) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
      message = "oxpar_halo_exchange: ghost: must be 0 or more, got " // str(ghost)
      call join_rejected(ctx, JOIN_HALO, status, message)
    else
      wrap = .false.
      if (present(periodic)) wrap = logical(periodic, c_bool)
      call vector_dp(x, px, incx)
      status = c_oxpar_mpi_dhalo_1d(context_handle(ctx), csize(size(x)), csize(ghost), wrap, px, incx)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine halo_1d_dp

  !> Halo exchange of a 2-D block decomposition on the context's process grid,
  !> on a real64 array (collective). `a` is this rank's block of the domain:
  !> an interior of `(size(a, 1) - 2*ghost) x (size(a, 2) - 2*ghost)`
  !> framed by `ghost` layers of ghost cells. Grid rows run along the array's
  !> first index: the rank at grid position (i+1, j) holds the next values of
  !> the first index after those of the rank at (i, j), and the rank at
  !> (i, j+1) the next values of the second index. Ranks in one grid row need
  !> the same interior `size(a, 1)`, ranks in one grid column the same
  !> `size(a, 2)`. Corner ghosts are filled too (9-point stencils work); the
  !> outer ghosts of a non-periodic direction are left alone. Every rank must
  !> pass the same `ghost` and periodic flags. Errors as the 1-D exchange.
  subroutine halo_2d_dp(ctx, a, ghost, periodic_rows, periodic_cols, stat, errmsg)
    !> The MPI context.
    type(oxpar_context), intent(in) :: ctx
    !> This rank's block with its frame of ghost cells.
    real(dp), intent(inout), target :: a(:,:)
    !> The layers of ghost cells on each side, 0 or more.
    integer, intent(in) :: ghost
    !> Whether the domain wraps around along the first index (grid rows); default `.false.`.
    logical, intent(in), optional :: periodic_rows
    !> Whether the domain wraps around along the second index (grid columns); default `.false.`.
    logical, intent(in), optional :: periodic_cols
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    logical(c_bool) :: wrap_rows, wrap_cols
    type(c_ptr) :: pa
    integer(c_ptrdiff_t) :: rsa, csa
    character(len=:), allocatable :: message

    if (ghost < 0) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
      message = "oxpar_halo_exchange: ghost: must be 0 or more, got " // str(ghost)
      call join_rejected(ctx, JOIN_HALO, status, message)
    else
      wrap_rows = .false.
      if (present(periodic_rows)) wrap_rows = logical(periodic_rows, c_bool)
      wrap_cols = .false.
      if (present(periodic_cols)) wrap_cols = logical(periodic_cols, c_bool)
      call matrix_dp(a, pa, rsa, csa)
      status = c_oxpar_mpi_dhalo_2d(context_handle(ctx), csize(size(a, 1)), csize(size(a, 2)), csize(ghost), &
        wrap_rows, wrap_cols, pa, rsa, csa)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine halo_2d_dp

  ! ---------------------------------------------------------------------------
  ! complex(real32)

  !> Distributed `y := alpha*op(a)*x + beta*y` on complex(real32) arrays (collective).
  !> `op(a)` (`m x n`) is split by row blocks: this rank holds `m_local` whole
  !> rows of it and the matching `m_local` elements of `y`; `x` is split any
  !> way (its blocks, in rank order, make up its `n` elements). With
  !> `trans = 'T'` or `'C'` this rank's `a` is `n x m_local` (a column block of
  !> the stored matrix) and `op(a)` its transpose or conjugate transpose. On a
  !> context that is not MPI, `x` is the whole vector. `y` is updated in place.
  subroutine mpi_gemv_csp(ctx, a, x, y, alpha, beta, trans, stat, errmsg)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> This rank's block: `op(a)` is `m_local x n`.
    complex(sp), intent(in), target :: a(:,:)
    !> This rank's block of `x` (any length, 0 included).
    complex(sp), intent(in), target :: x(:)
    !> This rank's block of `y`, `m_local` elements (read only when `beta /= 0`).
    complex(sp), intent(inout), target :: y(:)
    !> Default 1.
    complex(sp), intent(in), optional :: alpha
    !> Default 0.
    complex(sp), intent(in), optional :: beta
    !> `'N'` (default), `'T'` or `'C'` (the conjugate transpose).
    character(len=1), intent(in), optional :: trans
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status, t
    integer :: m, n
    complex(sp) :: al, be
    type(c_ptr) :: pa, px, py
    integer(c_ptrdiff_t) :: rsa, csa, incx, incy
    character(len=:), allocatable :: message

    if (.not. ctrans_code(trans, t)) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
      message = "oxpar_mpi_gemv: trans: " // bad_ctrans(trans)
      call join_rejected(ctx, JOIN_GEMV, status, message)
    else
      call op_shape(a, t, m, n)
      if (size(y) /= m) then
        status = OXPAR_STATUS_SHAPE_MISMATCH
        message = "oxpar_mpi_gemv: y: has " // str(size(y)) // " elements but this rank's block of op(a) has " &
          // str(m) // " rows"
        call join_rejected(ctx, JOIN_GEMV, status, message)
      else
        al = (1.0_sp, 0.0_sp)
        if (present(alpha)) al = alpha
        be = (0.0_sp, 0.0_sp)
        if (present(beta)) be = beta
        call matrix_csp(a, pa, rsa, csa)
        call vector_csp(x, px, incx)
        call vector_csp(y, py, incy)
        status = c_oxpar_mpi_cgemv(context_handle(ctx), t, csize(m), csize(n), csize(size(x)), al, &
          pa, rsa, csa, px, incx, be, py, incy)
        message = error_message(status)
      end if
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine mpi_gemv_csp

  !> Distributed `a := alpha*x*y^T + a` on complex(real32) arrays (unconjugated;
  !> collective): this rank holds `m_local` whole rows of the `m x n` matrix
  !> and the matching `m_local` elements of `x`; `y` is split any way (its
  !> blocks, in rank order, make up its `n` elements). On a context that is
  !> not MPI, `y` is the whole vector.
  subroutine mpi_geru_csp(ctx, a, x, y, alpha, stat, errmsg)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> This rank's rows of the matrix, `m_local x n`, updated.
    complex(sp), intent(inout), target :: a(:,:)
    !> This rank's block of `x`, `m_local` elements.
    complex(sp), intent(in), target :: x(:)
    !> This rank's block of `y` (any length, 0 included).
    complex(sp), intent(in), target :: y(:)
    !> Default 1.
    complex(sp), intent(in), optional :: alpha
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    complex(sp) :: al
    type(c_ptr) :: pa, px, py
    integer(c_ptrdiff_t) :: rsa, csa, incx, incy
    character(len=:), allocatable :: message

    if (size(x) /= size(a, 1)) then
      status = OXPAR_STATUS_SHAPE_MISMATCH
      message = "oxpar_mpi_geru: x: has " // str(size(x)) // " elements but this rank's block of a has " &
        // str(size(a, 1)) // " rows"
      call join_rejected(ctx, JOIN_GER, status, message)
    else
      al = (1.0_sp, 0.0_sp)
      if (present(alpha)) al = alpha
      call matrix_csp(a, pa, rsa, csa)
      call vector_csp(x, px, incx)
      call vector_csp(y, py, incy)
      status = c_oxpar_mpi_cgeru(context_handle(ctx), csize(size(a, 1)), csize(size(a, 2)), csize(size(y)), al, &
        px, incx, py, incy, pa, rsa, csa)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine mpi_geru_csp

  !> Distributed `a := alpha*x*y^H + a` on complex(real32) arrays (`y` conjugated;
  !> collective): this rank holds `m_local` whole rows of the `m x n` matrix
  !> and the matching `m_local` elements of `x`; `y` is split any way (its
  !> blocks, in rank order, make up its `n` elements). On a context that is
  !> not MPI, `y` is the whole vector.
  subroutine mpi_gerc_csp(ctx, a, x, y, alpha, stat, errmsg)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> This rank's rows of the matrix, `m_local x n`, updated.
    complex(sp), intent(inout), target :: a(:,:)
    !> This rank's block of `x`, `m_local` elements.
    complex(sp), intent(in), target :: x(:)
    !> This rank's block of `y` (any length, 0 included).
    complex(sp), intent(in), target :: y(:)
    !> Default 1.
    complex(sp), intent(in), optional :: alpha
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    complex(sp) :: al
    type(c_ptr) :: pa, px, py
    integer(c_ptrdiff_t) :: rsa, csa, incx, incy
    character(len=:), allocatable :: message

    if (size(x) /= size(a, 1)) then
      status = OXPAR_STATUS_SHAPE_MISMATCH
      message = "oxpar_mpi_gerc: x: has " // str(size(x)) // " elements but this rank's block of a has " &
        // str(size(a, 1)) // " rows"
      call join_rejected(ctx, JOIN_GER, status, message)
    else
      al = (1.0_sp, 0.0_sp)
      if (present(alpha)) al = alpha
      call matrix_csp(a, pa, rsa, csa)
      call vector_csp(x, px, incx)
      call vector_csp(y, py, incy)
      status = c_oxpar_mpi_cgerc(context_handle(ctx), csize(size(a, 1)), csize(size(a, 2)), csize(size(y)), al, &
        px, incx, py, incy, pa, rsa, csa)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine mpi_gerc_csp

  !> Distributed `c := alpha*op(a)*op(b) + beta*c` on complex(real32) matrices
  !> (collective; SUMMA on the context's process grid), blocks as for the
  !> real types; `op` is `'N'`, `'T'` or `'C'` (the conjugate transpose: this
  !> rank's `a` is then the conjugate transpose of its block of `op(a)`).
  subroutine mpi_gemm_csp(ctx, a, b, c, transa, transb, alpha, beta, stat, errmsg)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> This rank's block: `op(a)` is `m_i x ka_j`.
    complex(sp), intent(in), target :: a(:,:)
    !> This rank's block: `op(b)` is `kb_i x n_j`.
    complex(sp), intent(in), target :: b(:,:)
    !> This rank's `m_i x n_j` block of the result (read only when `beta /= 0`).
    complex(sp), intent(inout), target :: c(:,:)
    !> `'N'` (default), `'T'` or `'C'`: `op(a)`.
    character(len=1), intent(in), optional :: transa
    !> `'N'` (default), `'T'` or `'C'`: `op(b)`.
    character(len=1), intent(in), optional :: transb
    !> Default 1.
    complex(sp), intent(in), optional :: alpha
    !> Default 0.
    complex(sp), intent(in), optional :: beta
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: ta, tb, status
    integer :: ma, ka, kb, nb
    complex(sp) :: al, be
    type(c_ptr) :: pa, pb, pc
    integer(c_ptrdiff_t) :: rsa, csa, rsb, csb, rsc, csc
    character(len=:), allocatable :: message

    status = OXPAR_STATUS_INVALID_ARGUMENT
    if (.not. ctrans_code(transa, ta)) then
      message = "oxpar_mpi_gemm: transa: " // bad_ctrans(transa)
    else if (.not. ctrans_code(transb, tb)) then
      message = "oxpar_mpi_gemm: transb: " // bad_ctrans(transb)
    else
      call op_shape(a, ta, ma, ka)
      call op_shape(b, tb, kb, nb)
      status = OXPAR_STATUS_SHAPE_MISMATCH
      if (ma /= size(c, 1)) then
        message = "oxpar_mpi_gemm: a: this rank's op(a) has " // str(ma) // " rows but its block of c has " &
          // str(size(c, 1))
      else if (nb /= size(c, 2)) then
        message = "oxpar_mpi_gemm: b: this rank's op(b) has " // str(nb) // " columns but its block of c has " &
          // str(size(c, 2))
      end if
    end if
    if (allocated(message)) then
      call join_rejected(ctx, JOIN_GEMM, status, message)
    else
      al = (1.0_sp, 0.0_sp)
      if (present(alpha)) al = alpha
      be = (0.0_sp, 0.0_sp)
      if (present(beta)) be = beta
      call matrix_csp(a, pa, rsa, csa)
      call matrix_csp(b, pb, rsb, csb)
      call matrix_csp(c, pc, rsc, csc)
      status = c_oxpar_mpi_cgemm(context_handle(ctx), ta, tb, csize(size(c, 1)), csize(size(c, 2)), csize(ka), &
        csize(kb), al, pa, rsa, csa, pb, rsb, csb, be, pc, rsc, csc)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine mpi_gemm_csp

  !> Halo exchange of a 1-D block decomposition over the ranks on a complex(real32)
  !> array (collective): as for the real types, each element moving whole.
  subroutine halo_1d_csp(ctx, x, ghost, periodic, stat, errmsg)
    !> The MPI context.
    type(oxpar_context), intent(in) :: ctx
    !> This rank's block with its ghost cells at both ends.
    complex(sp), intent(inout), target :: x(:)
    !> The ghost cells at each end, 0 or more.
    integer, intent(in) :: ghost
    !> Whether the domain wraps around; default `.false.`.
    logical, intent(in), optional :: periodic
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    logical(c_bool) :: wrap
    type(c_ptr) :: px
    integer(c_ptrdiff_t) :: incx
    character(len=:), allocatable :: message

    if (ghost < 0) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
      message = "oxpar_halo_exchange: ghost: must be 0 or more, got " // str(ghost)
      call join_rejected(ctx, JOIN_HALO, status, message)
    else
      wrap = .false.
      if (present(periodic)) wrap = logical(periodic, c_bool)
      call vector_csp(x, px, incx)
      status = c_oxpar_mpi_chalo_1d(context_handle(ctx), csize(size(x)), csize(ghost), wrap, px, incx)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine halo_1d_csp

  !> Halo exchange of a 2-D block decomposition on the context's process grid,
  !> on a complex(real32) array (collective): as for the real types, each element
  !> moving whole.
  subroutine halo_2d_csp(ctx, a, ghost, periodic_rows, periodic_cols, stat, errmsg)
    !> The MPI context.
    type(oxpar_context), intent(in) :: ctx
    !> This rank's block with its frame of ghost cells.
    complex(sp), intent(inout), target :: a(:,:)
    !> The layers of ghost cells on each side, 0 or more.
    integer, intent(in) :: ghost
    !> Whether the domain wraps around along the first index (grid rows); default `.false.`.
    logical, intent(in), optional :: periodic_rows
    !> Whether the domain wraps around along the second index (grid columns); default `.false.`.
    logical, intent(in), optional :: periodic_cols
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    logical(c_bool) :: wrap_rows, wrap_cols
    type(c_ptr) :: pa
    integer(c_ptrdiff_t) :: rsa, csa
    character(len=:), allocatable :: message

    if (ghost < 0) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
      message = "oxpar_halo_exchange: ghost: must be 0 or more, got " // str(ghost)
      call join_rejected(ctx, JOIN_HALO, status, message)
    else
      wrap_rows = .false.
      if (present(periodic_rows)) wrap_rows = logical(periodic_rows, c_bool)
      wrap_cols = .false.
      if (present(periodic_cols)) wrap_cols = logical(periodic_cols, c_bool)
      call matrix_csp(a, pa, rsa, csa)
      status = c_oxpar_mpi_chalo_2d(context_handle(ctx), csize(size(a, 1)), csize(size(a, 2)), csize(ghost), &
        wrap_rows, wrap_cols, pa, rsa, csa)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine halo_2d_csp

  ! ---------------------------------------------------------------------------
  ! complex(real64)

  !> Distributed `y := alpha*op(a)*x + beta*y` on complex(real64) arrays (collective).
  !> `op(a)` (`m x n`) is split by row blocks: this rank holds `m_local` whole
  !> rows of it and the matching `m_local` elements of `y`; `x` is split any
  !> way (its blocks, in rank order, make up its `n` elements). With
  !> `trans = 'T'` or `'C'` this rank's `a` is `n x m_local` (a column block of
  !> the stored matrix) and `op(a)` its transpose or conjugate transpose. On a
  !> context that is not MPI, `x` is the whole vector. `y` is updated in place.
  subroutine mpi_gemv_cdp(ctx, a, x, y, alpha, beta, trans, stat, errmsg)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> This rank's block: `op(a)` is `m_local x n`.
    complex(dp), intent(in), target :: a(:,:)
    !> This rank's block of `x` (any length, 0 included).
    complex(dp), intent(in), target :: x(:)
    !> This rank's block of `y`, `m_local` elements (read only when `beta /= 0`).
    complex(dp), intent(inout), target :: y(:)
    !> Default 1.
    complex(dp), intent(in), optional :: alpha
    !> Default 0.
    complex(dp), intent(in), optional :: beta
    !> `'N'` (default), `'T'` or `'C'` (the conjugate transpose).
    character(len=1), intent(in), optional :: trans
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status, t
    integer :: m, n
    complex(dp) :: al, be
    type(c_ptr) :: pa, px, py
    integer(c_ptrdiff_t) :: rsa, csa, incx, incy
    character(len=:), allocatable :: message

    if (.not. ctrans_code(trans, t)) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
      message = "oxpar_mpi_gemv: trans: " // bad_ctrans(trans)
      call join_rejected(ctx, JOIN_GEMV, status, message)
    else
      call op_shape(a, t, m, n)
      if (size(y) /= m) then
        status = OXPAR_STATUS_SHAPE_MISMATCH
        message = "oxpar_mpi_gemv: y: has " // str(size(y)) // " elements but this rank's block of op(a) has " &
          // str(m) // " rows"
        call join_rejected(ctx, JOIN_GEMV, status, message)
      else
        al = (1.0_dp, 0.0_dp)
        if (present(alpha)) al = alpha
        be = (0.0_dp, 0.0_dp)
        if (present(beta)) be = beta
        call matrix_cdp(a, pa, rsa, csa)
        call vector_cdp(x, px, incx)
        call vector_cdp(y, py, incy)
        status = c_oxpar_mpi_zgemv(context_handle(ctx), t, csize(m), csize(n), csize(size(x)), al, &
          pa, rsa, csa, px, incx, be, py, incy)
        message = error_message(status)
      end if
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine mpi_gemv_cdp

  !> Distributed `a := alpha*x*y^T + a` on complex(real64) arrays (unconjugated;
  !> collective): this rank holds `m_local` whole rows of the `m x n` matrix
  !> and the matching `m_local` elements of `x`; `y` is split any way (its
  !> blocks, in rank order, make up its `n` elements). On a context that is
  !> not MPI, `y` is the whole vector.
  subroutine mpi_geru_cdp(ctx, a, x, y, alpha, stat, errmsg)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> This rank's rows of the matrix, `m_local x n`, updated.
    complex(dp), intent(inout), target :: a(:,:)
    !> This rank's block of `x`, `m_local` elements.
    complex(dp), intent(in), target :: x(:)
    !> This rank's block of `y` (any length, 0 included).
    complex(dp), intent(in), target :: y(:)
    !> Default 1.
    complex(dp), intent(in), optional :: alpha
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    complex(dp) :: al
    type(c_ptr) :: pa, px, py
    integer(c_ptrdiff_t) :: rsa, csa, incx, incy
    character(len=:), allocatable :: message

    if (size(x) /= size(a, 1)) then
      status = OXPAR_STATUS_SHAPE_MISMATCH
      message = "oxpar_mpi_geru: x: has " // str(size(x)) // " elements but this rank's block of a has " &
        // str(size(a, 1)) // " rows"
      call join_rejected(ctx, JOIN_GER, status, message)
    else
      al = (1.0_dp, 0.0_dp)
      if (present(alpha)) al = alpha
      call matrix_cdp(a, pa, rsa, csa)
      call vector_cdp(x, px, incx)
      call vector_cdp(y, py, incy)
      status = c_oxpar_mpi_zgeru(context_handle(ctx), csize(size(a, 1)), csize(size(a, 2)), csize(size(y)), al, &
        px, incx, py, incy, pa, rsa, csa)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine mpi_geru_cdp

  !> Distributed `a := alpha*x*y^H + a` on complex(real64) arrays (`y` conjugated;
  !> collective): this rank holds `m_local` whole rows of the `m x n` matrix
  !> and the matching `m_local` elements of `x`; `y` is split any way (its
  !> blocks, in rank order, make up its `n` elements). On a context that is
  !> not MPI, `y` is the whole vector.
  subroutine mpi_gerc_cdp(ctx, a, x, y, alpha, stat, errmsg)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> This rank's rows of the matrix, `m_local x n`, updated.
    complex(dp), intent(inout), target :: a(:,:)
    !> This rank's block of `x`, `m_local` elements.
    complex(dp), intent(in), target :: x(:)
    !> This rank's block of `y` (any length, 0 included).
    complex(dp), intent(in), target :: y(:)
    !> Default 1.
    complex(dp), intent(in), optional :: alpha
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    complex(dp) :: al
    type(c_ptr) :: pa, px, py
    integer(c_ptrdiff_t) :: rsa, csa, incx, incy
    character(len=:), allocatable :: message

    if (size(x) /= size(a, 1)) then
      status = OXPAR_STATUS_SHAPE_MISMATCH
      message = "oxpar_mpi_gerc: x: has " // str(size(x)) // " elements but this rank's block of a has " &
        // str(size(a, 1)) // " rows"
      call join_rejected(ctx, JOIN_GER, status, message)
    else
      al = (1.0_dp, 0.0_dp)
      if (present(alpha)) al = alpha
      call matrix_cdp(a, pa, rsa, csa)
      call vector_cdp(x, px, incx)
      call vector_cdp(y, py, incy)
      status = c_oxpar_mpi_zgerc(context_handle(ctx), csize(size(a, 1)), csize(size(a, 2)), csize(size(y)), al, &
        px, incx, py, incy, pa, rsa, csa)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine mpi_gerc_cdp

  !> Distributed `c := alpha*op(a)*op(b) + beta*c` on complex(real64) matrices
  !> (collective; SUMMA on the context's process grid), blocks as for the
  !> real types; `op` is `'N'`, `'T'` or `'C'` (the conjugate transpose: this
  !> rank's `a` is then the conjugate transpose of its block of `op(a)`).
  subroutine mpi_gemm_cdp(ctx, a, b, c, transa, transb, alpha, beta, stat, errmsg)
    !> The context to compute on.
    type(oxpar_context), intent(in) :: ctx
    !> This rank's block: `op(a)` is `m_i x ka_j`.
    complex(dp), intent(in), target :: a(:,:)
    !> This rank's block: `op(b)` is `kb_i x n_j`.
    complex(dp), intent(in), target :: b(:,:)
    !> This rank's `m_i x n_j` block of the result (read only when `beta /= 0`).
    complex(dp), intent(inout), target :: c(:,:)
    !> `'N'` (default), `'T'` or `'C'`: `op(a)`.
    character(len=1), intent(in), optional :: transa
    !> `'N'` (default), `'T'` or `'C'`: `op(b)`.
    character(len=1), intent(in), optional :: transb
    !> Default 1.
    complex(dp), intent(in), optional :: alpha
    !> Default 0.
    complex(dp), intent(in), optional :: beta
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: ta, tb, status
    integer :: ma, ka, kb, nb
    complex(dp) :: al, be
    type(c_ptr) :: pa, pb, pc
    integer(c_ptrdiff_t) :: rsa, csa, rsb, csb, rsc, csc
    character(len=:), allocatable :: message

    status = OXPAR_STATUS_INVALID_ARGUMENT
    if (.not. ctrans_code(transa, ta)) then
      message = "oxpar_mpi_gemm: transa: " // bad_ctrans(transa)
    else if (.not. ctrans_code(transb, tb)) then
      message = "oxpar_mpi_gemm: transb: " // bad_ctrans(transb)
    else
      call op_shape(a, ta, ma, ka)
      call op_shape(b, tb, kb, nb)
      status = OXPAR_STATUS_SHAPE_MISMATCH
      if (ma /= size(c, 1)) then
        message = "oxpar_mpi_gemm: a: this rank's op(a) has " // str(ma) // " rows but its block of c has " &
          // str(size(c, 1))
      else if (nb /= size(c, 2)) then
        message = "oxpar_mpi_gemm: b: this rank's op(b) has " // str(nb) // " columns but its block of c has " &
          // str(size(c, 2))
      end if
    end if
    if (allocated(message)) then
      call join_rejected(ctx, JOIN_GEMM, status, message)
    else
      al = (1.0_dp, 0.0_dp)
      if (present(alpha)) al = alpha
      be = (0.0_dp, 0.0_dp)
      if (present(beta)) be = beta
      call matrix_cdp(a, pa, rsa, csa)
      call matrix_cdp(b, pb, rsb, csb)
      call matrix_cdp(c, pc, rsc, csc)
      status = c_oxpar_mpi_zgemm(context_handle(ctx), ta, tb, csize(size(c, 1)), csize(size(c, 2)), csize(ka), &
        csize(kb), al, pa, rsa, csa, pb, rsb, csb, be, pc, rsc, csc)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine mpi_gemm_cdp

  !> Halo exchange of a 1-D block decomposition over the ranks on a complex(real64)
  !> array (collective): as for the real types, each element moving whole.
  subroutine halo_1d_cdp(ctx, x, ghost, periodic, stat, errmsg)
    !> The MPI context.
    type(oxpar_context), intent(in) :: ctx
    !> This rank's block with its ghost cells at both ends.
    complex(dp), intent(inout), target :: x(:)
    !> The ghost cells at each end, 0 or more.
    integer, intent(in) :: ghost
    !> Whether the domain wraps around; default `.false.`.
    logical, intent(in), optional :: periodic
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    logical(c_bool) :: wrap
    type(c_ptr) :: px
    integer(c_ptrdiff_t) :: incx
    character(len=:), allocatable :: message

    if (ghost < 0) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
      message = "oxpar_halo_exchange: ghost: must be 0 or more, got " // str(ghost)
      call join_rejected(ctx, JOIN_HALO, status, message)
    else
      wrap = .false.
      if (present(periodic)) wrap = logical(periodic, c_bool)
      call vector_cdp(x, px, incx)
      status = c_oxpar_mpi_zhalo_1d(context_handle(ctx), csize(size(x)), csize(ghost), wrap, px, incx)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine halo_1d_cdp

  !> Halo exchange of a 2-D block decomposition on the context's process grid,
  !> on a complex(real64) array (collective): as for the real types, each element
  !> moving whole.
  subroutine halo_2d_cdp(ctx, a, ghost, periodic_rows, periodic_cols, stat, errmsg)
    !> The MPI context.
    type(oxpar_context), intent(in) :: ctx
    !> This rank's block with its frame of ghost cells.
    complex(dp), intent(inout), target :: a(:,:)
    !> The layers of ghost cells on each side, 0 or more.
    integer, intent(in) :: ghost
    !> Whether the domain wraps around along the first index (grid rows); default `.false.`.
    logical, intent(in), optional :: periodic_rows
    !> Whether the domain wraps around along the second index (grid columns); default `.false.`.
    logical, intent(in), optional :: periodic_cols
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    logical(c_bool) :: wrap_rows, wrap_cols
    type(c_ptr) :: pa
    integer(c_ptrdiff_t) :: rsa, csa
    character(len=:), allocatable :: message

    if (ghost < 0) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
      message = "oxpar_halo_exchange: ghost: must be 0 or more, got " // str(ghost)
      call join_rejected(ctx, JOIN_HALO, status, message)
    else
      wrap_rows = .false.
      if (present(periodic_rows)) wrap_rows = logical(periodic_rows, c_bool)
      wrap_cols = .false.
      if (present(periodic_cols)) wrap_cols = logical(periodic_cols, c_bool)
      call matrix_cdp(a, pa, rsa, csa)
      status = c_oxpar_mpi_zhalo_2d(context_handle(ctx), csize(size(a, 1)), csize(size(a, 2)), csize(ghost), &
        wrap_rows, wrap_cols, pa, rsa, csa)
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine halo_2d_cdp

end module oxpar_mpi
