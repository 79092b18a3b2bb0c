! A Fortran program that calls the complex level-1 BLAS the way legacy code
! does (implicit interfaces, `external`), linked with `-lblas` against
! liboxpar_blas: the COMPLEX functions zdotc, zdotu, cdotc and cdotu (their
! value comes back as gfortran returns COMPLEX), izamax, zaxpy, zscal, zdscal,
! zdrot, zswap, zcopy and zrotg, and the LOGICAL function lsame, against the
! intrinsics and loops. Prints "fortran_complex: ok" or the mismatches, and
! stops with code 1 on any.
program fortran_complex
    implicit none
    integer, parameter :: dp = kind(1d0), sp = kind(1.0)
    integer, parameter :: n = 19
    complex(dp) :: x(2 * n), y(2 * n), w(2 * n), v(2 * n), z, zwant, alpha, s, a, b
    complex(sp) :: xs(n), ys(n), cz
    real(dp) :: c, err
    complex(dp), external :: zdotc, zdotu
    complex(sp), external :: cdotc, cdotu
    integer, external :: izamax
    logical, external :: lsame
    integer :: i, failures

    failures = 0
    do i = 1, 2 * n
        x(i) = cmplx(dble(mod(7 * i, 11)) / 11d0 - 0.5d0, dble(mod(3 * i, 13)) / 13d0 - 0.5d0, dp)
        y(i) = cmplx(dble(mod(5 * i, 17)) / 17d0 - 0.5d0, 0.25d0 - dble(mod(2 * i, 7)) / 7d0, dp)
    end do
    xs = cmplx(x(1:n), kind=sp)
    ys = cmplx(y(1:n), kind=sp)

    ! dot_product conjugates its first argument: zdotc.
    call check('zdotc', zdotc(n, x, 1, y, 1), dot_product(x(1:n), y(1:n)), 1d-14)
    call check('zdotu', zdotu(n, x, 1, y, 1), sum(x(1:n) * y(1:n)), 1d-14)
    ! Stride 2 in x, backwards in y: x(1), x(3), ... against y(n), ..., y(1).
    call check('zdotc strided', zdotc(n, x, 2, y, -1), &
        dot_product(x(1:2 * n - 1:2), y(n:1:-1)), 1d-14)
    cz = cdotc(n, xs, 1, ys, 1)
    call check('cdotc', cmplx(cz, kind=dp), dot_product(cmplx(xs, kind=dp), cmplx(ys, kind=dp)), 1d-5)
    cz = cdotu(n, xs, 1, ys, 1)
    call check('cdotu', cmplx(cz, kind=dp), sum(cmplx(xs, kind=dp) * cmplx(ys, kind=dp)), 1d-5)
    call check('zdotc n=0', zdotc(0, x, 1, y, 1), (0d0, 0d0), 0d0)

    ! izamax: |re| + |im|, the first of equals.
    w(1:4) = [(1d0, 1d0), (-3d0, 0.5d0), (0.5d0, -3d0), (2d0, 1.5d0)]
    call check_i('izamax', izamax(4, w, 1), 2)
    call check_i('izamax incx=0', izamax(4, w, 0), 0)

    ! zaxpy, zscal, zdscal against whole-array expressions.
    alpha = (0.75d0, -1.25d0)
    w = y
    call zaxpy(n, alpha, x, 1, w, 1)
    err = maxval(abs(w(1:n) - (y(1:n) + alpha * x(1:n))))
    call check_err('zaxpy', err, 0d0)
    w = x
    call zscal(n, alpha, w, 2)
    err = maxval(abs(w(1:2 * n - 1:2) - alpha * x(1:2 * n - 1:2))) + maxval(abs(w(2:2 * n:2) - x(2:2 * n:2)))
    call check_err('zscal', err, 0d0)
    w = x
    call zdscal(n, 2.5d0, w, 1)
    err = maxval(abs(w(1:n) - 2.5d0 * x(1:n)))
    call check_err('zdscal', err, 0d0)

    ! zdrot, zswap, zcopy.
    w = x
    v = y
    c = 0.6d0
    call zdrot(n, w, 1, v, -1, c, 0.8d0)
    err = maxval(abs(w(1:n) - (c * x(1:n) + 0.8d0 * y(n:1:-1)))) &
        + maxval(abs(v(n:1:-1) - (c * y(n:1:-1) - 0.8d0 * x(1:n))))
    call check_err('zdrot', err, 1d-15)
    w = x
    v = y
    call zswap(n, w, 1, v, 1)
    err = maxval(abs(w(1:n) - y(1:n))) + maxval(abs(v(1:n) - x(1:n)))
    call check_err('zswap', err, 0d0)
    v = y
    call zcopy(n, x, -1, v, 2)
    err = maxval(abs(v(1:2 * n - 1:2) - x(n:1:-1)))
    call check_err('zcopy', err, 0d0)

    ! zrotg: [c s; -conj(s) c] [a; b] = [r; 0], r returned in a.
    a = (3d0, -1d0)
    b = (-2d0, 4d0)
    z = a
    call zrotg(z, b, c, s)
    zwant = c * a + s * b
    call check('zrotg r', z, zwant, 1d-15)
    call check('zrotg zero', -conjg(s) * a + c * b, (0d0, 0d0), 1d-15)
    call check_err('zrotg c^2 + |s|^2', abs(c**2 + abs(s)**2 - 1d0), 1d-15)

    ! lsame: the first characters, case-insensitively.
    if (.not. (lsame('n', 'N') .and. lsame('Upper', 'u') .and. .not. lsame('L', 'U'))) then
        print '(a)', 'FAIL lsame'
        failures = failures + 1
    end if

    if (failures > 0) then
        print '(a, i0, a)', 'fortran_complex: ', failures, ' failures'
        stop 1
    end if
    print '(a)', 'fortran_complex: ok'

contains

    subroutine check(what, got, want, tol)
        character(*), intent(in) :: what
        complex(dp), intent(in) :: got, want
        real(dp), intent(in) :: tol
        if (.not. abs(got - want) <= tol * (1d0 + abs(want))) then
            print '(a, a, a, 2es24.16, a, 2es24.16)', 'FAIL ', what, ': got ', got, ', want ', want
            failures = failures + 1
        end if
    end subroutine

    subroutine check_i(what, got, want)
        character(*), intent(in) :: what
        integer, intent(in) :: got, want
        if (got /= want) then
            print '(a, a, a, i0, a, i0)', 'FAIL ', what, ': got ', got, ', want ', want
            failures = failures + 1
        end if
    end subroutine

    subroutine check_err(what, err, tol)
        character(*), intent(in) :: what
        real(dp), intent(in) :: err, tol
        if (.not. err <= tol) then
            print '(a, a, a, es10.3)', 'FAIL ', what, ': error ', err
            failures = failures + 1
        end if
    end subroutine
end program
