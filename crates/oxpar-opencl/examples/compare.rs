//! The oxpar side of `benches/compare_opencl.py`: sgemm, saxpy and kernel
//! launch overhead on one OpenCL device, one JSON object per line.
//!
//! ```text
//! cargo run --release -p oxpar-opencl --example compare -- \
//!     [--device SPEC] [--gemm N,N,...] [--axpy N,N,...] [--reps R] [--launches L]
//! ```
//!
//! * `--device`: a backend spec (`opencl`, `opencl:cpu`, `opencl:P:D`, ...;
//!   default `opencl`, which honours `OXPAR_OPENCL_DEVICE`). The first line
//!   printed names the device and its platform/device indices, so that a
//!   peer can be run on the same one.
//! * sgemm: square, column-major, `C := A*B` on device-resident buffers
//!   (`DeviceLevel3::gemm` then `finish`). One untimed warm-up call (PoCL compiles the
//!   kernel for its work-group size on first launch), then the best of `R`.
//! * saxpy: `y := a*x + y` with `DeviceLevel1::axpy` on resident data, and the same
//!   with transfers (upload x and y into existing buffers, `axpy`,
//!   download y). Both count 12 bytes per element (x and y read, y written).
//! * launch: an empty user kernel (one buffer argument) over one work-item,
//!   launched then `finish`ed; the best over batches of `L` launches of the
//!   mean time per launch.
//!
//! Every timing is taken after a warm-up call and is the best of several.

use std::time::{Duration, Instant};

use oxpar_core::Result;
use oxpar_opencl::{DeviceLevel1, DeviceLevel3, MatLayout, OpenClBackend};

/// Command-line options.
struct Options {
    device: String,
    gemm: Vec<usize>,
    axpy: Vec<usize>,
    reps: usize,
    launches: usize,
}

fn parse_list(flag: &str, value: &str) -> Vec<usize> {
    if value.trim().is_empty() {
        return Vec::new();
    }
    value
        .split(',')
        .map(|s| {
            s.trim()
                .parse()
                .unwrap_or_else(|_| usage(&format!("{flag}: {s:?} is not a size")))
        })
        .collect()
}

fn usage(why: &str) -> ! {
    eprintln!(
        "compare: {why}\nusage: compare [--device SPEC] [--gemm N,N,...] [--axpy N,N,...] \
         [--reps R] [--launches L]"
    );
    std::process::exit(2)
}

impl Options {
    fn parse() -> Self {
        let mut o = Options {
            device: "opencl".to_string(),
            gemm: vec![512, 1024, 2048],
            axpy: vec![1_000_000, 10_000_000],
            reps: 5,
            launches: 200,
        };
        let mut args = std::env::args().skip(1);
        while let Some(flag) = args.next() {
            let mut value = || {
                args.next()
                    .unwrap_or_else(|| usage(&format!("{flag} needs a value")))
            };
            match flag.as_str() {
                "--device" => o.device = value(),
                "--gemm" => o.gemm = parse_list(&flag, &value()),
                "--axpy" => o.axpy = parse_list(&flag, &value()),
                "--reps" => o.reps = parse_list(&flag, &value()).first().copied().unwrap_or(1),
                "--launches" => {
                    o.launches = parse_list(&flag, &value()).first().copied().unwrap_or(1)
                }
                "-h" | "--help" => usage("help"),
                other => usage(&format!("unknown argument {other:?}")),
            }
        }
        o.reps = o.reps.max(1);
        o.launches = o.launches.max(1);
        o
    }
}

/// The shortest of `reps` timed calls of `f`.
fn best(reps: usize, mut f: impl FnMut() -> Result<()>) -> Result<Duration> {
    let mut best = Duration::MAX;
    for _ in 0..reps {
        let t = Instant::now();
        f()?;
        best = best.min(t.elapsed());
    }
    Ok(best)
}

/// `s` as a JSON string literal.
fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Deterministic test data in [-0.75, 0.75].
fn data(len: usize, mul: usize, modulus: usize) -> Vec<f32> {
    (0..len)
        .map(|i| ((i * mul % modulus) as f32 - (modulus / 2) as f32) / 8.0)
        .collect()
}

/// sgemm on resident buffers: first-call time, best time, and the largest
/// error over a few entries of C checked on the host.
fn sgemm(cl: &OpenClBackend, n: usize, reps: usize) -> Result<()> {
    let a = data(n * n, 7, 13);
    let b = data(n * n, 5, 11);
    let (da, db) = (cl.upload(&a)?, cl.upload(&b)?);
    let mut dc = cl.zeroed::<f32>(n * n)?;
    let l = MatLayout::col_major(n, n, n);
    let mut run = || -> Result<()> {
        cl.gemm(1.0, da.mat(l)?, db.mat(l)?, 0.0, dc.mat_mut(l)?)?;
        cl.finish()
    };
    let first = best(1, &mut run)?;
    let d = best(reps, &mut run)?;
    let c = dc.to_vec()?;
    let err = [(0, 0), (n - 1, n - 1), (n / 3, n / 2), (n - 1, 0)]
        .iter()
        .map(|&(i, j)| {
            let want: f64 = (0..n)
                .map(|k| f64::from(a[i + k * n]) * f64::from(b[k + j * n]))
                .sum();
            (f64::from(c[i + j * n]) - want).abs()
        })
        .fold(0.0, f64::max);
    let gflops = 2.0 * (n as f64).powi(3) / d.as_secs_f64() / 1e9;
    println!(
        "{{\"case\":\"sgemm\",\"n\":{n},\"first_s\":{:e},\"best_s\":{:e},\"gflops\":{gflops:e},\"max_err\":{err:e}}}",
        first.as_secs_f64(),
        d.as_secs_f64()
    );
    Ok(())
}

/// saxpy with data resident, and with transfers around it.
fn saxpy(cl: &OpenClBackend, n: usize, reps: usize) -> Result<()> {
    let x = data(n, 3, 7);
    let y0 = data(n, 5, 9);
    let mut y = y0.clone();
    let mut dx = cl.upload(&x)?;
    let mut dy = cl.upload(&y0)?;
    let mut resident = || -> Result<()> {
        cl.axpy(0.5, dx.as_vec(), dy.as_vec_mut())?;
        cl.finish()
    };
    resident()?;
    let d_res = best(reps, &mut resident)?;
    let mut transfers = || -> Result<()> {
        dx.upload(&x)?;
        dy.upload(&y0)?;
        cl.axpy(0.5, dx.as_vec(), dy.as_vec_mut())?;
        dy.download(&mut y)
    };
    transfers()?;
    let d_tr = best(reps, &mut transfers)?;
    let err = x
        .iter()
        .zip(&y0)
        .zip(&y)
        .map(|((&x, &y0), &y)| (0.5 * x + y0 - y).abs())
        .fold(0.0f32, f32::max);
    let gbs = |d: Duration| 12.0 * n as f64 / d.as_secs_f64() / 1e9;
    println!(
        "{{\"case\":\"saxpy\",\"n\":{n},\"resident_s\":{:e},\"resident_gbs\":{:e},\"transfers_s\":{:e},\"transfers_gbs\":{:e},\"max_err\":{err:e}}}",
        d_res.as_secs_f64(),
        gbs(d_res),
        d_tr.as_secs_f64(),
        gbs(d_tr)
    );
    Ok(())
}

/// Launch + finish of an empty kernel: best mean over batches of `launches`.
fn launch(cl: &OpenClBackend, launches: usize, batches: usize) -> Result<()> {
    let program = cl.build_program("__kernel void empty(__global float *x) { }", "")?;
    let mut kernel = program.kernel("empty")?;
    let buf = cl.zeroed::<f32>(1)?;
    kernel.set_arg(0, &buf)?;
    let once = || -> Result<()> {
        // SAFETY: the kernel accesses no memory at all.
        unsafe { kernel.launch(&[1], None)? };
        cl.finish()
    };
    once()?;
    let d = best(batches, || {
        for _ in 0..launches {
            once()?;
        }
        Ok(())
    })?;
    println!(
        "{{\"case\":\"launch\",\"launches\":{launches},\"us\":{:e}}}",
        d.as_secs_f64() * 1e6 / launches as f64
    );
    Ok(())
}

fn main() -> Result<()> {
    let o = Options::parse();
    let cl = OpenClBackend::from_spec(&o.device)?;
    let info = cl.device();
    println!(
        "{{\"case\":\"device\",\"platform\":{},\"device\":{},\"name\":{},\"platform_name\":{}}}",
        info.platform_index,
        info.device_index,
        json_str(&info.name),
        json_str(cl.platform_name())
    );
    let t = Instant::now();
    cl.warm_up::<f32>()?;
    println!(
        "{{\"case\":\"build\",\"s\":{:e}}}",
        t.elapsed().as_secs_f64()
    );
    for &n in &o.gemm {
        // n = 2048 and up take long on a CPU device: fewer runs.
        let reps = if n >= 2048 { o.reps.min(2) } else { o.reps };
        sgemm(&cl, n, reps)?;
    }
    for &n in &o.axpy {
        saxpy(&cl, n, o.reps.max(10))?;
    }
    launch(&cl, o.launches, 20)
}
