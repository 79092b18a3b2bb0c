//! Reproducible mode (`OXPAR_REPRODUCIBLE=1`): the reductions give the same
//! bits on 1, 2 and 3 threads, and those bits are the correctly rounded
//! exact results.
//!
//! The library reads `OXPAR_REPRODUCIBLE` and `OXPAR_NUM_THREADS` once per
//! process, so [`same_bits_on_1_2_3_threads`] runs this test binary again,
//! once per thread count, with the variables set before the first call: the
//! child runs only [`child`] (a no-op in any other process), which computes
//! every case through the Fortran and CBLAS entry points and prints each
//! result's bits. The parent compares them across thread counts and with the
//! exact results computed here by `oxpar_core::exact::reduce_elementwise`
//! (the element-by-element long accumulator) and rounded once.

use std::collections::BTreeMap;
use std::ffi::{c_int, c_void};
use std::process::Command;

use oxpar_blas::level1 as l1;
use oxpar_core::exact::{reduce_elementwise, round_to, sqrt_to, Reduction};
use oxpar_core::{Complex, Element, Scalar, VecRef};

/// Set (to anything) in the child processes.
const CHILD_VAR: &str = "OXPAR_BLAS_TEST_REPRO_CHILD";

/// Marks the lines the child prints: `REPRO name=hexbits`.
const PREFIX: &str = "REPRO ";

/// Long enough that every thread count splits it (the threads backend
/// splits exact reductions from 4096 elements), and not a multiple of any
/// block size.
const N: usize = 100_003;

/// Deterministic values `u * 2^e`, `u` uniform in [-1, 1) and `e` in
/// -40..=40, so that the order of an ordinary summation changes its result.
fn values(len: usize, seed: u64) -> Vec<f64> {
    let mut s = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut next = move || {
        s = s
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        s >> 11
    };
    (0..len)
        .map(|_| {
            let u = (next() as f64 / (1u64 << 53) as f64) * 2.0 - 1.0;
            let e = (next() % 81) as i32 - 40;
            u * 2f64.powi(e)
        })
        .collect()
}

/// The same values rounded to `f32`.
fn values_f32(len: usize, seed: u64) -> Vec<f32> {
    values(len, seed).into_iter().map(|v| v as f32).collect()
}

/// The elements a BLAS routine reads from `a` for `n` elements at `inc`, in
/// its order (a negative increment runs backwards from the end).
fn strided<T: Copy>(a: &[T], n: usize, inc: i32) -> Vec<T> {
    let step = inc.unsigned_abs() as usize;
    (0..n)
        .map(|i| {
            if inc < 0 {
                a[(n - 1 - i) * step]
            } else {
                a[i * step]
            }
        })
        .collect()
}

/// A case: its name and the bits of its result (as `u64`; `f32` widened).
type Results = BTreeMap<String, u64>;

/// Records `v` under `name`.
fn put<T: Scalar>(r: &mut Results, name: &str, v: T) {
    r.insert(name.to_string(), v.as_f64().to_bits());
}

/// Records both parts of `v` under `name re` and `name im`.
fn put_complex<T: Scalar>(r: &mut Results, name: &str, v: Complex<T>) {
    put(r, &format!("{name} re"), v.re);
    put(r, &format!("{name} im"), v.im);
}

/// The vectors every process uses.
struct Data {
    x: Vec<f64>,
    y: Vec<f64>,
    xs: Vec<f32>,
    ys: Vec<f32>,
    /// Complex vectors (pairs of reals), for the complex dot products.
    zx: Vec<Complex<f64>>,
    zy: Vec<Complex<f64>>,
    cx: Vec<Complex<f32>>,
    cy: Vec<Complex<f32>>,
}

/// `values` as complex numbers (consecutive pairs).
fn complex<T: Copy>(v: Vec<T>) -> Vec<Complex<T>> {
    v.chunks(2).map(|p| Complex::new(p[0], p[1])).collect()
}

impl Data {
    fn new() -> Self {
        // Room for increments up to 2 and -3.
        Data {
            x: values(3 * N, 1),
            y: values(3 * N, 2),
            xs: values_f32(3 * N, 3),
            ys: values_f32(3 * N, 4),
            zx: complex(values(6 * N, 5)),
            zy: complex(values(6 * N, 6)),
            cx: complex(values_f32(6 * N, 7)),
            cy: complex(values_f32(6 * N, 8)),
        }
    }
}

/// The exact complex dot product (`conj(x) . y` for `conj`), each part
/// correctly rounded.
fn exact_complex_dot<T: Scalar>(conj: bool, x: &[Complex<T>], y: &[Complex<T>]) -> Complex<T>
where
    Complex<T>: Element,
{
    let [re, im] =
        oxpar_core::complex::exact_dot(conj, VecRef::from_slice(x), VecRef::from_slice(y));
    Complex::new(round_to(&re), round_to(&im))
}

/// Increments of the strided cases: (incx, incy).
const INCS: [(i32, i32); 4] = [(1, 1), (2, -1), (-3, 2), (0, 1)];

/// The exact results, correctly rounded: what every child must print.
fn expected(d: &Data) -> Results {
    fn exact<T: Scalar>(what: Reduction, x: &[T], y: &[T]) -> T {
        let acc = reduce_elementwise(what, VecRef::from_slice(x), VecRef::from_slice(y));
        if what == Reduction::SumSq {
            sqrt_to(&acc)
        } else {
            round_to(&acc)
        }
    }
    let mut r = Results::new();
    for (incx, incy) in INCS {
        let (x, y) = (strided(&d.x, N, incx), strided(&d.y, N, incy));
        let tag = format!("{incx},{incy}");
        put(
            &mut r,
            &format!("ddot {tag}"),
            exact(Reduction::Dot, &x, &y),
        );
        put(
            &mut r,
            &format!("dnrm2 {incx}"),
            exact(Reduction::SumSq, &x, &x),
        );
        if incx > 0 {
            put(
                &mut r,
                &format!("dasum {incx}"),
                exact(Reduction::Asum, &x, &x),
            );
        }
        let (x, y) = (strided(&d.xs, N, incx), strided(&d.ys, N, incy));
        put(
            &mut r,
            &format!("sdot {tag}"),
            exact(Reduction::Dot, &x, &y),
        );
        put(
            &mut r,
            &format!("snrm2 {incx}"),
            exact(Reduction::SumSq, &x, &x),
        );
        if incx > 0 {
            put(
                &mut r,
                &format!("sasum {incx}"),
                exact(Reduction::Asum, &x, &x),
            );
        }
    }
    for (incx, incy) in INCS {
        let tag = format!("{incx},{incy}");
        let (x, y) = (strided(&d.zx, N, incx), strided(&d.zy, N, incy));
        put_complex(
            &mut r,
            &format!("zdotc {tag}"),
            exact_complex_dot(true, &x, &y),
        );
        put_complex(
            &mut r,
            &format!("zdotu {tag}"),
            exact_complex_dot(false, &x, &y),
        );
        let (x, y) = (strided(&d.cx, N, incx), strided(&d.cy, N, incy));
        put_complex(
            &mut r,
            &format!("cdotc {tag}"),
            exact_complex_dot(true, &x, &y),
        );
        put_complex(
            &mut r,
            &format!("cdotu {tag}"),
            exact_complex_dot(false, &x, &y),
        );
    }
    put_complex(&mut r, "known zdotu", Complex::new(1.0f64, 1.0));
    put_complex(&mut r, "known zdotc", Complex::new(1.0f64, -1.0));
    // The complex forms read re, im of N complex elements: 2N reals.
    let parts = &d.x[..2 * N];
    put(&mut r, "dzasum", exact(Reduction::Asum, parts, parts));
    put(&mut r, "dznrm2", exact(Reduction::SumSq, parts, parts));
    // Cases whose correctly rounded results are known outright.
    put(&mut r, "known ddot", 1.0f64);
    put(&mut r, "known dasum", 1.0f64 + f64::EPSILON);
    put(&mut r, "known dnrm2", 5.0 * 2f64.powi(600));
    put(&mut r, "known sdot", 1.0f32);
    r
}

/// What the library computes, through every entry point (the Fortran and
/// CBLAS forms must agree).
fn computed(d: &Data) -> Results {
    let mut r = Results::new();
    let n = N as c_int;
    for (incx, incy) in INCS {
        let tag = format!("{incx},{incy}");
        // SAFETY: every array holds N elements at increments up to 3.
        unsafe {
            let (x, y) = (d.x.as_ptr(), d.y.as_ptr());
            let f = l1::ddot_(&n, x, &incx, y, &incy);
            assert_eq!(f.to_bits(), l1::cblas_ddot(n, x, incx, y, incy).to_bits());
            put(&mut r, &format!("ddot {tag}"), f);
            let f = l1::dnrm2_(&n, x, &incx);
            assert_eq!(f.to_bits(), l1::cblas_dnrm2(n, x, incx).to_bits());
            put(&mut r, &format!("dnrm2 {incx}"), f);
            let f = l1::dasum_(&n, x, &incx);
            assert_eq!(f.to_bits(), l1::cblas_dasum(n, x, incx).to_bits());
            if incx > 0 {
                put(&mut r, &format!("dasum {incx}"), f);
            } else {
                assert_eq!(f.to_bits(), 0, "dasum with incx <= 0 is 0");
            }

            let (x, y) = (d.xs.as_ptr(), d.ys.as_ptr());
            let f = l1::sdot_(&n, x, &incx, y, &incy);
            assert_eq!(f.to_bits(), l1::cblas_sdot(n, x, incx, y, incy).to_bits());
            put(&mut r, &format!("sdot {tag}"), f);
            let f = l1::snrm2_(&n, x, &incx);
            assert_eq!(f.to_bits(), l1::cblas_snrm2(n, x, incx).to_bits());
            put(&mut r, &format!("snrm2 {incx}"), f);
            let f = l1::sasum_(&n, x, &incx);
            assert_eq!(f.to_bits(), l1::cblas_sasum(n, x, incx).to_bits());
            if incx > 0 {
                put(&mut r, &format!("sasum {incx}"), f);
            }
        }
    }
    for (incx, incy) in INCS {
        let tag = format!("{incx},{incy}");
        // SAFETY: every array holds N complex elements at increments up to 3.
        unsafe {
            let (x, y) = (
                d.zx.as_ptr().cast::<c_void>(),
                d.zy.as_ptr().cast::<c_void>(),
            );
            for (conj, name) in [(true, "zdotc"), (false, "zdotu")] {
                let f = if conj {
                    l1::zdotc_(&n, x, &incx, y, &incy)
                } else {
                    l1::zdotu_(&n, x, &incx, y, &incy)
                };
                let mut c = Complex::new(f64::NAN, f64::NAN);
                let out = (&mut c as *mut Complex<f64>).cast::<c_void>();
                if conj {
                    l1::cblas_zdotc_sub(n, x, incx, y, incy, out);
                } else {
                    l1::cblas_zdotu_sub(n, x, incx, y, incy, out);
                }
                assert_eq!(
                    (f.re.to_bits(), f.im.to_bits()),
                    (c.re.to_bits(), c.im.to_bits()),
                    "{name}"
                );
                put_complex(&mut r, &format!("{name} {tag}"), f);
            }
            let (x, y) = (
                d.cx.as_ptr().cast::<c_void>(),
                d.cy.as_ptr().cast::<c_void>(),
            );
            for (conj, name) in [(true, "cdotc"), (false, "cdotu")] {
                let f = if conj {
                    l1::cdotc_(&n, x, &incx, y, &incy)
                } else {
                    l1::cdotu_(&n, x, &incx, y, &incy)
                };
                let mut c = Complex::new(f32::NAN, f32::NAN);
                if conj {
                    l1::cdotcsub_(&n, x, &incx, y, &incy, &mut c);
                } else {
                    l1::cdotusub_(&n, x, &incx, y, &incy, &mut c);
                }
                assert_eq!(
                    (f.re.to_bits(), f.im.to_bits()),
                    (c.re.to_bits(), c.im.to_bits()),
                    "{name}"
                );
                put_complex(&mut r, &format!("{name} {tag}"), f);
            }
        }
    }
    let one = 1;
    // (1e100 + 1e100 i) + (1 + i) - (1e100 + 1e100 i), times 1: an ordinary
    // left-to-right sum gives 0 in both parts.
    let x = [
        Complex::new(1e100f64, 1e100),
        Complex::new(1.0, 1.0),
        Complex::new(-1e100, -1e100),
    ];
    let y = [Complex::new(1.0f64, 0.0); 3];
    // SAFETY: three elements each.
    unsafe {
        let (xp, yp) = (x.as_ptr().cast::<c_void>(), y.as_ptr().cast::<c_void>());
        put_complex(&mut r, "known zdotu", l1::zdotu_(&3, xp, &one, yp, &one));
        put_complex(&mut r, "known zdotc", l1::zdotc_(&3, xp, &one, yp, &one));
    }
    // SAFETY: d.x holds 2N reals, N complex elements.
    unsafe {
        let z = d.x.as_ptr().cast::<c_void>();
        put(&mut r, "dzasum", l1::dzasum_(&n, z, &one));
        put(&mut r, "dznrm2", l1::dznrm2_(&n, z, &one));
    }

    // 1e100 + 1 - 1e100: an ordinary left-to-right sum gives 0.
    let (x, y) = ([1e100, 1.0, -1e100], [1.0f64; 3]);
    // SAFETY: three elements each.
    put(&mut r, "known ddot", unsafe {
        l1::ddot_(&3, x.as_ptr(), &one, y.as_ptr(), &one)
    });
    // 1 + 2^-53 + 2^-53 = 1 + 2^-52 exactly; left to right it rounds to 1.
    let h = f64::EPSILON / 2.0;
    let x = [1.0, h, h];
    // SAFETY: three elements.
    put(&mut r, "known dasum", unsafe {
        l1::dasum_(&3, x.as_ptr(), &one)
    });
    // sqrt((3^2 + 4^2) 2^1200): the squares overflow a double.
    let x = [3.0 * 2f64.powi(600), 4.0 * 2f64.powi(600)];
    // SAFETY: two elements.
    put(&mut r, "known dnrm2", unsafe {
        l1::dnrm2_(&2, x.as_ptr(), &one)
    });
    let (x, y) = ([1e30f32, 1.0, -1e30], [1.0f32; 3]);
    // SAFETY: three elements each.
    put(&mut r, "known sdot", unsafe {
        l1::sdot_(&3, x.as_ptr(), &one, y.as_ptr(), &one)
    });
    r
}

/// The child: prints the library's results (does nothing unless started by
/// [`same_bits_on_1_2_3_threads`]).
#[test]
fn child() {
    if std::env::var_os(CHILD_VAR).is_none() {
        return;
    }
    assert!(
        oxpar_blas::threads::reproducible(),
        "OXPAR_REPRODUCIBLE=1 was not taken"
    );
    let threads = std::env::var("OXPAR_NUM_THREADS").unwrap();
    assert_eq!(oxpar_blas::threads::thread_count().to_string(), threads);
    for (name, bits) in computed(&Data::new()) {
        println!("{PREFIX}{name}={bits:016x}");
    }
}

/// Runs [`child`] in a new process with `threads` threads.
fn run_child(threads: usize) -> Results {
    let exe = std::env::current_exe().unwrap();
    let out = Command::new(exe)
        .args(["child", "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD_VAR, "1")
        .env("OXPAR_REPRODUCIBLE", "1")
        .env("OXPAR_NUM_THREADS", threads.to_string())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "child on {threads} threads failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let results: Results = stdout
        .lines()
        // The harness's "test child ... " may precede the first line.
        .filter_map(|l| l.split_once(PREFIX).map(|(_, l)| l))
        .map(|l| {
            let (name, bits) = l.split_once('=').unwrap();
            (name.to_string(), u64::from_str_radix(bits, 16).unwrap())
        })
        .collect();
    assert!(
        !results.is_empty(),
        "child on {threads} threads printed nothing:\n{stdout}"
    );
    results
}

#[test]
fn same_bits_on_1_2_3_threads() {
    let want = expected(&Data::new());
    for threads in 1..=3 {
        let got = run_child(threads);
        assert_eq!(
            got.keys().collect::<Vec<_>>(),
            want.keys().collect::<Vec<_>>(),
            "cases on {threads} threads"
        );
        for (name, &bits) in &want {
            let g = got[name];
            assert_eq!(
                g,
                bits,
                "{name} on {threads} threads: {:e} ({g:016x}), correctly rounded {:e} ({bits:016x})",
                f64::from_bits(g),
                f64::from_bits(bits)
            );
        }
    }
}

/// Without the variable (this process), the mode is off.
#[test]
fn off_by_default() {
    if std::env::var_os("OXPAR_REPRODUCIBLE").is_none() {
        assert!(!oxpar_blas::threads::reproducible());
    }
}
