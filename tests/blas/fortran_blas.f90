! A Fortran program that calls the BLAS the way legacy code does (implicit
! interfaces, `external`), linked with `-lblas` against liboxpar_blas:
! dgemm, sgemm, ddot, dgemv and daxpy against loops. Prints "fortran_blas: ok"
! or the mismatches, and stops with code 1 on any.
program fortran_blas
    implicit none
    integer, parameter :: m = 37, n = 29, k = 41, lda = m + 3
    double precision :: a(lda, k), b(k, n), c(m, n), want(m, n), x(k), y(m), yw(m)
    real :: as(lda, k), bs(k, n), cs(m, n)
    double precision :: d, dwant, err
    double precision, external :: ddot
    integer :: i, j, failures

    failures = 0
    do j = 1, k
        do i = 1, lda
            a(i, j) = dble(mod(7 * i + 3 * j, 11)) / 11d0 - 0.5d0
        end do
    end do
    do j = 1, n
        do i = 1, k
            b(i, j) = dble(mod(5 * i + 2 * j, 13)) / 13d0 - 0.5d0
        end do
    end do
    do j = 1, n
        do i = 1, m
            c(i, j) = dble(i - j) / 10d0
        end do
    end do
    want = 0.5d0 * c + 2d0 * matmul(a(1:m, :), b)

    ! C = 2 A B + 0.5 C, with A held in a larger leading dimension.
    call dgemm('N', 'N', m, n, k, 2d0, a, lda, b, k, 0.5d0, c, m)
    err = maxval(abs(c - want))
    if (err > 1d-12) then
        print '(a, es10.3)', 'FAIL dgemm: max error ', err
        failures = failures + 1
    end if

    ! The same in single precision (lower-case letters are accepted too).
    as = real(a)
    bs = real(b)
    cs = 0.0
    call sgemm('n', 'n', m, n, k, 2.0, as, lda, bs, k, 0.0, cs, m)
    err = maxval(abs(dble(cs) - 2d0 * matmul(a(1:m, :), b)))
    if (err > 1d-4) then
        print '(a, es10.3)', 'FAIL sgemm: max error ', err
        failures = failures + 1
    end if

    ! ddot with unit and non-unit strides.
    dwant = sum(a(1:m, 1) * a(1:m, 2))
    d = ddot(m, a(1, 1), 1, a(1, 2), 1)
    if (abs(d - dwant) > 1d-13) then
        print '(a, 2es24.16)', 'FAIL ddot: ', d, dwant
        failures = failures + 1
    end if
    ! Row 1 of A against row 2: stride lda.
    dwant = sum(a(1, :) * a(2, :))
    d = ddot(k, a(1, 1), lda, a(2, 1), lda)
    if (abs(d - dwant) > 1d-13) then
        print '(a, 2es24.16)', 'FAIL ddot (stride lda): ', d, dwant
        failures = failures + 1
    end if

    ! y = A x - y, then y = y + 3 x(1:m)
    x = b(:, 1)
    y = 1d0
    yw = matmul(a(1:m, :), x) - 1d0
    call dgemv('N', m, k, 1d0, a, lda, x, 1, -1d0, y, 1)
    err = maxval(abs(y - yw))
    if (err > 1d-13) then
        print '(a, es10.3)', 'FAIL dgemv: max error ', err
        failures = failures + 1
    end if
    call daxpy(m, 3d0, x, 1, y, 1)
    err = maxval(abs(y - (yw + 3d0 * x(1:m))))
    if (err > 1d-13) then
        print '(a, es10.3)', 'FAIL daxpy: max error ', err
        failures = failures + 1
    end if

    if (failures > 0) then
        print '(a, i0, a)', 'fortran_blas: ', failures, ' check(s) failed'
        error stop 1
    end if
    print '(a)', 'fortran_blas: ok'
end program fortran_blas
