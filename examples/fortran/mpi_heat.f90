!> Heat diffusion on a plate, 2-D Jacobi iteration on MPI ranks through oxpar:
!> each rank owns one block of the grid (oxpar's process grid and block
!> split), fills its ghost cells with `oxpar_halo_exchange` before each sweep,
!> and gets the residual from oxpar's distributed `oxpar_nrm2`. At the end
!> rank 0 gathers the field and checks it bitwise against the same iteration
!> done serially. `make mpi-fortran-test` runs it on 1, 2 and 4 ranks:
!> mpiexec -n 4 mpi_heat
program mpi_heat
  use, intrinsic :: iso_fortran_env, only: dp => real64, int64
  use mpi
  use oxpar
  implicit none
  integer, parameter :: ny = 23, nx = 17, steps = 400
  !> The temperature along the top edge; the other edges are held at 0.
  real(dp), parameter :: hot = 100
  type(oxpar_context) :: ctx
  real(dp), allocatable :: u(:,:), unew(:,:), field(:,:), serial(:,:), snew(:,:), recv(:)
  integer, allocatable :: counts(:), displs(:)
  integer :: me, np, ierr, rows, cols, row, col, i1, my, j1, mx, step, r
  real(dp) :: residual
  logical :: same

  call MPI_Init(ierr)
  call MPI_Comm_rank(MPI_COMM_WORLD, me, ierr)
  call MPI_Comm_size(MPI_COMM_WORLD, np, ierr)
  call ctx%init_mpi(MPI_COMM_WORLD)

  ! This rank's block of the ny x nx plate: rows i1.., columns j1.. of it.
  call oxpar_mpi_grid(ctx, rows, cols, row, col)
  call oxpar_block_range(ny, rows, row, i1, my)
  call oxpar_block_range(nx, cols, col, j1, mx)
  if (me == 0) print '(a, i0, a, i0, a, i0, a, i0, a)', "a plate of ", ny, " x ", nx, " cells on ", rows, " x ", &
    cols, " ranks"

  ! The block and one layer of ghost cells around it. Ghosts on the plate's
  ! edge hold the boundary condition; the others come from the neighbours.
  allocate (u(0:my + 1, 0:mx + 1), unew(my, mx))
  u = 0
  if (row == 0) u(0, :) = hot
  do step = 1, steps
    call oxpar_halo_exchange(ctx, u, 1)
    call sweep(u, unew)
    residual = oxpar_nrm2(ctx, reshape(unew - u(1:my, 1:mx), [my * mx]))
    u(1:my, 1:mx) = unew
    if (me == 0 .and. mod(step, 100) == 0) print '(a, i4, a, es10.3)', "step ", step, ": residual ", residual
  end do

  ! Gather the blocks on rank 0: rank r sits at grid row r / cols, column mod(r, cols).
  allocate (counts(np), displs(np))
  do r = 0, np - 1
    counts(r + 1) = block_len(ny, rows, r / cols) * block_len(nx, cols, mod(r, cols))
  end do
  displs = [0, (sum(counts(1:r)), r = 1, np - 1)]
  allocate (recv(sum(counts)))
  call MPI_Gatherv(reshape(u(1:my, 1:mx), [my * mx]), my * mx, MPI_DOUBLE_PRECISION, recv, counts, displs, &
    MPI_DOUBLE_PRECISION, 0, MPI_COMM_WORLD, ierr)

  same = .true.
  if (me == 0) then
    allocate (field(ny, nx))
    do r = 0, np - 1
      call oxpar_block_range(ny, rows, r / cols, i1, my)
      call oxpar_block_range(nx, cols, mod(r, cols), j1, mx)
      field(i1:i1 + my - 1, j1:j1 + mx - 1) = reshape(recv(displs(r + 1) + 1:displs(r + 1) + counts(r + 1)), [my, mx])
    end do
    ! The same iteration on the whole plate, on one process.
    allocate (serial(0:ny + 1, 0:nx + 1), snew(ny, nx))
    serial = 0
    serial(0, :) = hot
    do step = 1, steps
      call sweep(serial, snew)
      serial(1:ny, 1:nx) = snew
    end do
    same = all(transfer(field, 1_int64, ny * nx) == transfer(serial(1:ny, 1:nx), 1_int64, ny * nx))
    print '(a, f8.4)', "temperature at the centre: ", field((ny + 1) / 2, (nx + 1) / 2)
    print '(a, a)', "same as the serial computation, bit for bit: ", merge("yes", "no ", same)
  end if
  call MPI_Bcast(same, 1, MPI_LOGICAL, 0, MPI_COMM_WORLD, ierr)

  call ctx%destroy()
  call MPI_Finalize(ierr)
  if (.not. same) error stop 1

contains

  !> One Jacobi sweep: each new interior value is the mean of its 4 neighbours.
  pure subroutine sweep(u, unew)
    !> The values with a layer of ghost cells around them.
    real(dp), intent(in) :: u(0:, 0:)
    !> The new interior values.
    real(dp), intent(out) :: unew(:,:)
    integer :: m, n

    m = size(unew, 1)
    n = size(unew, 2)
    unew = 0.25_dp * ((u(0:m - 1, 1:n) + u(2:m + 1, 1:n)) + (u(1:m, 0:n - 1) + u(1:m, 2:n + 1)))
  end subroutine sweep

  !> The length of block `index` of `n` elements split over `parts`.
  function block_len(n, parts, index) result(len)
    integer, intent(in) :: n, parts, index
    integer :: len, first

    call oxpar_block_range(n, parts, index, first, len)
  end function block_len

end program mpi_heat
