//! Level 1: the eight vector kernels for f64, and dot for f32.
//!
//! Throughput is the bytes each call must move (every operand read or written
//! once), so criterion's rate is a memory bandwidth.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput};
use oxpar::{DType, HostBackend, Level1, Scalar, VecMut, VecRef};
use oxpar_benches::{bytes, contenders, random, Contender, LEVEL1_SIZES};

/// The level 1 kernels.
#[derive(Copy, Clone, Debug)]
enum Op {
    Dot,
    Axpy,
    Scal,
    Copy,
    Swap,
    Nrm2,
    Asum,
    Iamax,
}

impl Op {
    const ALL: [Op; 8] = [
        Op::Dot,
        Op::Axpy,
        Op::Scal,
        Op::Copy,
        Op::Swap,
        Op::Nrm2,
        Op::Asum,
        Op::Iamax,
    ];

    fn name(self) -> &'static str {
        match self {
            Op::Dot => "dot",
            Op::Axpy => "axpy",
            Op::Scal => "scal",
            Op::Copy => "copy",
            Op::Swap => "swap",
            Op::Nrm2 => "nrm2",
            Op::Asum => "asum",
            Op::Iamax => "iamax",
        }
    }

    /// Elements read plus elements written per element of the vectors.
    fn traffic(self) -> usize {
        match self {
            Op::Dot => 2,
            Op::Axpy => 3,
            Op::Scal | Op::Copy => 2,
            Op::Swap => 4,
            Op::Nrm2 | Op::Asum | Op::Iamax => 1,
        }
    }
}

/// `"f32"`, `"f64"`, `"c32"` or `"c64"`.
pub fn dtype_name<T: Scalar>() -> &'static str {
    match T::DTYPE {
        DType::F32 => "f32",
        DType::F64 => "f64",
        DType::C32 => "c32",
        DType::C64 => "c64",
    }
}

/// Registers the level 1 benchmarks.
pub fn bench(c: &mut Criterion) {
    let contenders = contenders();
    for op in Op::ALL {
        group::<f64>(c, &contenders, op);
    }
    group::<f32>(c, &contenders, Op::Dot);
}

fn group<T: Scalar>(c: &mut Criterion, contenders: &[Contender], op: Op)
where
    dyn HostBackend: Level1<T>,
{
    let mut g = c.benchmark_group(format!("{}/{}", op.name(), dtype_name::<T>()));
    for &n in LEVEL1_SIZES {
        let mut x = random::<T>(n, 1);
        let mut y = random::<T>(n, 2);
        g.throughput(Throughput::Bytes(op.traffic() as u64 * bytes::<T>(n)));
        for ct in contenders.iter().filter(|ct| ct.runs_at(n, LEVEL1_SIZES)) {
            let be = ct.backend.as_ref();
            g.bench_with_input(BenchmarkId::new(&ct.label, n), &n, |b, _| {
                run(b, op, be, &mut x, &mut y);
            });
        }
    }
    g.finish();
}

fn run<T: Scalar>(
    b: &mut criterion::Bencher<'_>,
    op: Op,
    be: &(dyn HostBackend + 'static),
    x: &mut [T],
    y: &mut [T],
) where
    dyn HostBackend: Level1<T>,
{
    let alpha = T::from_f64(1e-3);
    match op {
        Op::Dot => b.iter(|| {
            Level1::<T>::dot(be, VecRef::from_slice(x), VecRef::from_slice(y)).expect("dot")
        }),
        Op::Axpy => b.iter(|| {
            Level1::<T>::axpy(be, alpha, VecRef::from_slice(x), VecMut::from_slice(y))
                .expect("axpy");
        }),
        Op::Scal => {
            // Alternate 2 and 1/2 so the values stay put.
            let mut up = false;
            b.iter(|| {
                up = !up;
                let s = T::from_f64(if up { 2.0 } else { 0.5 });
                Level1::<T>::scal(be, black_box(s), VecMut::from_slice(x)).expect("scal");
            });
        }
        Op::Copy => b.iter(|| {
            Level1::<T>::copy(be, VecRef::from_slice(x), VecMut::from_slice(y)).expect("copy");
        }),
        Op::Swap => b.iter(|| {
            Level1::<T>::swap(be, VecMut::from_slice(x), VecMut::from_slice(y)).expect("swap");
        }),
        Op::Nrm2 => b.iter(|| Level1::<T>::nrm2(be, VecRef::from_slice(x)).expect("nrm2")),
        Op::Asum => b.iter(|| Level1::<T>::asum(be, VecRef::from_slice(x)).expect("asum")),
        Op::Iamax => b.iter(|| Level1::<T>::iamax(be, VecRef::from_slice(x)).expect("iamax")),
    }
}
