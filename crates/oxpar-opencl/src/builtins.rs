//! The built-in kernels: OpenCL C sources compiled once per backend and
//! element type, their kernel objects, and how to launch them.

use std::collections::HashMap;
use std::sync::Mutex;

use ocl::core::{ArgVal, Kernel as KernelCore, KernelWorkGroupInfo, KernelWorkGroupInfoResult};
use oxpar_core::exact::{LIMBS, LOW_BIT};
use oxpar_core::{DType, Error, ErrorKind, Result, Scalar};

use crate::{err, raw, user, DeviceScalar, DeviceType, Shared};

/// The sources, in the order they are concatenated.
const SOURCES: [&str; 5] = [
    include_str!("../kernels/common.cl"),
    include_str!("../kernels/level1.cl"),
    include_str!("../kernels/level2.cl"),
    include_str!("../kernels/level3.cl"),
    include_str!("../kernels/exact.cl"),
];

/// Every kernel the sources define.
const NAMES: [&str; 26] = [
    "oxpar_axpy",
    "oxpar_axpy_unit",
    "oxpar_scal_unit",
    "oxpar_scale_beta_unit",
    "oxpar_copy_unit",
    "oxpar_swap_unit",
    "oxpar_scal",
    "oxpar_scale_beta",
    "oxpar_copy",
    "oxpar_swap",
    "oxpar_dot_partial",
    "oxpar_asum_partial",
    "oxpar_sum_partial",
    "oxpar_nrm2_partial",
    "oxpar_sumsq_partial",
    "oxpar_iamax_partial",
    "oxpar_gemv",
    "oxpar_ger",
    "oxpar_scale_beta_mat",
    "oxpar_gemm_tiled",
    "oxpar_gemm_simple",
    "oxpar_gemm_cpu",
    "oxpar_gemm_gpu8",
    "oxpar_gemm_gpu4",
    "oxpar_gemm_gpu2",
    "oxpar_exact_partial",
];

/// The complex kernels' sources (`kernels/complex.cl` after the shared
/// definitions), compiled on their own for `c32` and `c64`.
const COMPLEX_SOURCES: [&str; 2] = [
    include_str!("../kernels/common.cl"),
    include_str!("../kernels/complex.cl"),
];

/// Every kernel the complex sources define.
const COMPLEX_NAMES: [&str; 17] = [
    "oxpar_caxpy",
    "oxpar_cscal",
    "oxpar_cscale_beta",
    "oxpar_ccopy",
    "oxpar_cswap",
    "oxpar_cdot_partial",
    "oxpar_csum_partial",
    "oxpar_casum_partial",
    "oxpar_csumsq_partial",
    "oxpar_cnrm2_partial",
    "oxpar_ciamax_partial",
    "oxpar_cgemv",
    "oxpar_cger",
    "oxpar_cscale_beta_mat",
    "oxpar_cgemm_tiled",
    "oxpar_cgemm_simple",
    "oxpar_cgemm_cpu",
];

/// Rows (= columns) of results each gemm work-item computes (`RX` in level3.cl).
const GEMM_RX: usize = 4;
/// Depth of a gemm tile (`TK` in level3.cl).
const GEMM_TK: usize = 16;
/// Depth of a complex gemm tile (`CTK` in complex.cl; its register block is
/// `GEMM_RX` too): half the real one, as each element is twice as wide.
const COMPLEX_GEMM_TK: usize = 8;

/// `oxpar_cgemm_cpu` (CPU devices, PoCL): each work-item computes
/// `2*CVW` rows (`CVW` components being 64 bytes, one AVX-512 register) by
/// `CNR` x `CJB` columns, in slices of `CKC` along k, with real and
/// imaginary accumulators apart (2 x 2 x `CNR` vectors). The packed slice of
/// A (two planes of `2*CVW` x `CKC` components: 16 KiB for either type)
/// stays in L1 while the work-item sweeps its 128 columns. Measured on PoCL
/// (2-core AVX-512 Xeon shared with other jobs, so noisy): at n = 1024,
/// `CNR` x `CJB` = 8 x 16 gave c32 37-55 GFLOP/s where 4 x 32 gave 17-35 and
/// 2 x 64 or 16 x 8 less (more accumulators than registers, yet half the
/// broadcasts of B per multiply-add); `CKC` 64 beat 32 and 128.
const CGEMM_CPU_NR: usize = 8;
const CGEMM_CPU_JB: usize = 16;
const CGEMM_CPU_KC: usize = 64;

/// `oxpar_gemm_cpu` (CPU devices, PoCL): each work-item (= work-group)
/// computes `2*CVW` rows, `CVW` elements being 64 bytes (one AVX-512
/// register; the compiler splits it in two on AVX2), by `CNR` x `CJB` columns,
/// in slices of `CKC` along k. 2 x 8 accumulator vectors and the loads fit
/// the 32 (AVX-512) registers; a 32 x 128 packed slice of A (16 KiB) stays in
/// L1 while the work-item sweeps 128 columns of B with it, so that A is read
/// from memory once per 128 columns of C rather than once per 8. Measured on
/// PoCL (2-core AVX-512 EPYC): CKC 64..256 and CJB 4..16 within noise of
/// each other at n = 512 and 1024, CJB 16 best at n = 2048 (leading dimension
/// 8 KiB, where the strided columns of A miss the caches).
const GEMM_CPU_NR: usize = 8;
const GEMM_CPU_JB: usize = 16;
const GEMM_CPU_KC: usize = 128;
const GEMM_CPU_VEC_BYTES: usize = 64;

/// `oxpar_gemm_gpu8`, `_gpu4`, `_gpu2` (every other device): work-groups
/// of `GLX` x `GLX` = 16 x 16 (8 x 8 where the device runs fewer than 256
/// work-items), each work-item an R x R register block. R = 8 (f32 only:
/// 64 accumulators; 128 x 128 blocks of C per work-group, 16 multiply-adds
/// per word read from local memory, the usual shape for NVIDIA and AMD
/// sgemm) where the product has enough blocks to give each compute unit one;
/// smaller products take R = 4 or 2 (64 x 64, 32 x 32 blocks) rather than
/// leave compute units idle: at n = 512 an H200's 132 SMs get 16 blocks of
/// 128, 64 of 64, 256 of 32. f64 stops at R = 4 (double registers count
/// twice). `GTK` = 32 deep tiles (half the barriers per multiply-add of 16),
/// rows padded by `GEMM_GPU_PAD` = 4 words (which keeps them 16-byte aligned
/// for vector reads): 2 x 32 x (16R + 4) words of local memory (33 KiB for
/// f32 at R = 8, within the 48 KiB a work-group may have on NVIDIA and
/// leaving room for 2 work-groups per SM; f64 at R = 4: 34 KiB).
const GEMM_GPU_TK: usize = 32;
/// Words of padding per local row of the GPU kernels (`GPAD` in level3.cl).
const GEMM_GPU_PAD: usize = 4;
/// The GPU kernels by register block, largest first.
const GEMM_GPU: [(&str, usize); 3] = [
    ("oxpar_gemm_gpu8", 8),
    ("oxpar_gemm_gpu4", 4),
    ("oxpar_gemm_gpu2", 2),
];

/// How gemm runs on a device (for the layouts and sizes the fast kernels
/// take; the others go to `oxpar_gemm_tiled`, or `oxpar_gemm_simple`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum GemmFast {
    /// `oxpar_gemm_cpu`: one work-item per (rows, columns) block of C.
    Cpu { rows: usize, cols: usize },
    /// `oxpar_gemm_gpu<R>`: `lx` x `lx` work-items per block of C, `rx`
    /// the register blocks (R, largest first) this device and type run.
    Gpu {
        lx: usize,
        rx: &'static [(&'static str, usize)],
        units: usize,
    },
}

/// The environment variable that picks the gemm kernel, for testing and
/// measuring one against another: `cpu`, `gpu` (register block by size),
/// `gpu8`, `gpu4`, `gpu2` (that block only; `gpu8` is f32 only), `tiled` (the
/// generic-stride kernel; `oxpar_gemm_simple` where it does not fit) or unset
/// (by device type: `cpu` on CPUs, `gpu` elsewhere).
pub(crate) const GEMM_ENV: &str = "OXPAR_OPENCL_GEMM";

/// The largest 1-D work-group the built-in kernels use.
const MAX_WG: usize = 256;

/// The first limb of the full accumulator (`oxpar_core::exact`'s layout)
/// that the f32 exact kernel keeps: the one holding `2^-298`, the lowest bit
/// a product of two `f32` (subnormals included) can have.
const EXACT_F32_LO: usize = ((-298 - LOW_BIT) / 32) as usize;
/// Limbs the f32 exact kernel keeps: products stay below `2^256` and sums of
/// up to `2^64` of them below `2^320`; the window's top (signed) limb starts
/// higher still.
const EXACT_F32_LIMBS: usize = 24;
const _: () = assert!(32 * EXACT_F32_LO as i32 + LOW_BIT <= -298);
const _: () = assert!(32 * (EXACT_F32_LO + EXACT_F32_LIMBS - 1) as i32 + LOW_BIT >= 320 + 32);
const _: () = assert!(EXACT_F32_LO + EXACT_F32_LIMBS <= LIMBS);

/// The limbs of the full accumulator an exact kernel for `dtype` keeps, as
/// `(first, count)`: for `f64` all of them (products reach from `2^-2148`
/// to `2^2048`); for `f32` a window of [`EXACT_F32_LIMBS`]. Outside the
/// window every limb of a partial result is zero (the window's top limb is
/// signed and carries everything above it). A complex type keeps one
/// accumulator per component, each with its real type's window.
pub(crate) fn exact_window(dtype: DType) -> (usize, usize) {
    match dtype {
        DType::F32 | DType::C32 => (EXACT_F32_LO, EXACT_F32_LIMBS),
        DType::F64 | DType::C64 => (0, LIMBS),
    }
}

/// The kernel objects of `names` in `program`, with the largest work-group
/// each runs in on the device.
fn create_kernels(
    shared: &Shared,
    program: &ocl::core::Program,
    names: &[&'static str],
) -> Result<HashMap<&'static str, Builtin>> {
    let mut kernels = HashMap::new();
    for &name in names {
        let kernel = ocl::core::create_kernel(program, name)
            .map_err(|e| err::core(&format!("creating built-in kernel {name}"), e))?;
        let max_wg = match ocl::core::get_kernel_work_group_info(
            &kernel,
            shared.device.as_core(),
            KernelWorkGroupInfo::WorkGroupSize,
        ) {
            Ok(KernelWorkGroupInfoResult::WorkGroupSize(n)) if n > 0 => n,
            _ => shared.info.max_work_group_size.max(1),
        };
        kernels.insert(
            name,
            Builtin {
                kernel: Mutex::new(kernel),
                max_wg,
            },
        );
    }
    Ok(kernels)
}

/// One kernel argument.
pub(crate) enum Arg<'a> {
    /// `long` (sizes, offsets, strides).
    Long(i64),
    /// `int` (sizes, offsets, strides of kernels that index with `int`).
    Int(i32),
    /// `float`.
    F32(f32),
    /// `double`.
    F64(f64),
    /// A buffer; `None` only for empty buffers, which no kernel reads.
    Mem(Option<&'a ocl::core::Mem>),
    /// `__local` memory of this many bytes.
    Local(usize),
}

/// A size, offset or stride as a `long` argument.
pub(crate) fn long<N: TryInto<i64>>(v: N) -> Arg<'static> {
    // Buffer lengths fit in memory, so every index does too.
    Arg::Long(v.try_into().unwrap_or(i64::MAX))
}

/// A value of the element type.
pub(crate) fn real<T: DeviceScalar>(v: T) -> Arg<'static> {
    // A DeviceScalar is f32 or f64: no complex tag reaches here.
    if T::DTYPE == DType::F32 {
        Arg::F32(<f32 as Scalar>::from_f64(v.as_f64()))
    } else {
        Arg::F64(v.as_f64())
    }
}

struct Builtin {
    kernel: Mutex<KernelCore>,
    /// The largest work-group this kernel runs in on the device.
    max_wg: usize,
}

/// The compiled built-in kernels for one element type on one device.
pub(crate) struct Builtins {
    kernels: HashMap<&'static str, Builtin>,
    /// The gemm work-group edge when the tiled kernel fits the device.
    gemm_lx: Option<usize>,
    /// The fast gemm kernel for this device, if any.
    gemm_fast: Option<GemmFast>,
    dtype: DType,
    /// Whether the ordinary reductions accumulate in double (`acc_t` in
    /// common.cl): for f64, and for f32 on a device with `cl_khr_fp64`.
    acc_f64: bool,
}

impl Builtins {
    /// Compiles the sources for `dtype` on the backend's device.
    pub(crate) fn build(shared: &Shared, dtype: DType) -> Result<Self> {
        if dtype.is_complex() {
            return Self::build_complex(shared, dtype);
        }
        let elem = dtype.size();
        let double = dtype == DType::F64;
        let info = &shared.info;
        let needs_local = |lx: usize| (2 * GEMM_TK * lx * GEMM_RX * elem) as u64;
        let lx = [16usize, 8].into_iter().find(|&lx| {
            lx * lx <= info.max_work_group_size && needs_local(lx) <= info.local_mem_bytes
        });
        let mut options = match (double, info.fp64) {
            (false, true) => "-DREAL=float -DOXPAR_ACC_FP64".to_string(),
            (false, false) => "-DREAL=float".to_string(),
            (true, _) => "-DREAL=double -DOXPAR_FP64".to_string(),
        };
        let acc_f64 = double || info.fp64;
        options.push_str(&format!(" -DOXPAR_GEMM_LX={}", lx.unwrap_or(8)));
        let choice = std::env::var(GEMM_ENV).unwrap_or_default();
        let want_cpu = match choice.as_str() {
            "cpu" => Some(true),
            "gpu" | "gpu8" | "gpu4" | "gpu2" => Some(false),
            "tiled" => None,
            _ => Some(info.device_type == DeviceType::Cpu),
        };
        let cvw = GEMM_CPU_VEC_BYTES / elem;
        options.push_str(&format!(
            " -DOXPAR_GEMM_CVW={cvw} -DOXPAR_GEMM_CNR={GEMM_CPU_NR} \
             -DOXPAR_GEMM_CJB={GEMM_CPU_JB} -DOXPAR_GEMM_CKC={GEMM_CPU_KC}"
        ));
        let gpu_rx = match (double, choice.as_str()) {
            (_, "gpu2") => &GEMM_GPU[2..],
            (_, "gpu4") => &GEMM_GPU[1..2],
            (false, "gpu8") => &GEMM_GPU[..1],
            (false, _) => &GEMM_GPU[..],
            (true, _) => &GEMM_GPU[1..],
        };
        let gpu_local =
            |glx: usize| (2 * GEMM_GPU_TK * (glx * gpu_rx[0].1 + GEMM_GPU_PAD) * elem) as u64;
        let glx = [16usize, 8].into_iter().find(|&glx| {
            glx * glx <= info.max_work_group_size && gpu_local(glx) <= info.local_mem_bytes
        });
        options.push_str(&format!(
            " -DOXPAR_GEMM_GLX={} -DOXPAR_GEMM_GTK={GEMM_GPU_TK}",
            glx.unwrap_or(8)
        ));
        let (exact_lo, exact_limbs) = exact_window(dtype);
        options.push_str(&format!(
            " -DOXPAR_EXACT_LOW_BIT={LOW_BIT} -DOXPAR_EXACT_LO={exact_lo} \
             -DOXPAR_EXACT_LIMBS={exact_limbs}"
        ));
        let source = SOURCES.join("\n");
        let (program, _log) = user::compile(shared, &source, &options, false).map_err(|e| {
            Error::new(
                ErrorKind::Device,
                format!(
                    "oxpar's built-in OpenCL kernels ({options}): {}",
                    e.message()
                ),
            )
        })?;
        let kernels = create_kernels(shared, &program, &NAMES)?;
        let gemm_lx = lx.filter(|&lx| {
            kernels
                .get("oxpar_gemm_tiled")
                .is_some_and(|k| k.max_wg >= lx * lx)
        });
        let gemm_fast = match want_cpu {
            Some(true) => Some(GemmFast::Cpu {
                rows: 2 * cvw,
                cols: GEMM_CPU_NR * GEMM_CPU_JB,
            }),
            Some(false) => glx
                .filter(|&glx| {
                    gpu_rx
                        .iter()
                        .all(|(name, _)| kernels.get(name).is_some_and(|k| k.max_wg >= glx * glx))
                })
                .map(|lx| GemmFast::Gpu {
                    lx,
                    rx: gpu_rx,
                    units: (info.compute_units as usize).max(1),
                }),
            None => None,
        };
        Ok(Builtins {
            kernels,
            gemm_lx,
            gemm_fast,
            dtype,
            acc_f64,
        })
    }

    /// Compiles the complex sources for `dtype` (`C32` or `C64`): the
    /// component type as `REAL`, a double accumulator for `c32` where the
    /// device has one, and the tiled gemm's work-group edge where its
    /// local tiles fit (else only `oxpar_cgemm_simple` runs).
    fn build_complex(shared: &Shared, dtype: DType) -> Result<Self> {
        let info = &shared.info;
        let double = dtype == DType::C64;
        let elem = dtype.size();
        let needs_local = |lx: usize| (2 * COMPLEX_GEMM_TK * lx * GEMM_RX * elem) as u64;
        let lx = [16usize, 8].into_iter().find(|&lx| {
            lx * lx <= info.max_work_group_size && needs_local(lx) <= info.local_mem_bytes
        });
        let mut options = match (double, info.fp64) {
            (false, true) => "-DREAL=float -DOXPAR_ACC_FP64".to_string(),
            (false, false) => "-DREAL=float".to_string(),
            (true, _) => "-DREAL=double -DOXPAR_FP64".to_string(),
        };
        options.push_str(&format!(" -DOXPAR_GEMM_LX={}", lx.unwrap_or(8)));
        let comp = elem / 2;
        let cvw = GEMM_CPU_VEC_BYTES / comp;
        options.push_str(&format!(
            " -DOXPAR_GEMM_CVW={cvw} -DOXPAR_CGEMM_CNR={CGEMM_CPU_NR} \
             -DOXPAR_CGEMM_CJB={CGEMM_CPU_JB} -DOXPAR_CGEMM_CKC={CGEMM_CPU_KC}"
        ));
        // The CPU kernel where the device is a CPU (or OXPAR_OPENCL_GEMM=cpu)
        // and its packed slice fits local memory; else the tiled kernel.
        let cpu_local = (2 * 2 * cvw * CGEMM_CPU_KC * comp) as u64;
        let want_cpu = match std::env::var(GEMM_ENV).unwrap_or_default().as_str() {
            "cpu" => true,
            "gpu" | "gpu8" | "gpu4" | "gpu2" | "tiled" => false,
            _ => info.device_type == DeviceType::Cpu,
        } && cpu_local <= info.local_mem_bytes;
        let source = COMPLEX_SOURCES.join("\n");
        let (program, _log) = user::compile(shared, &source, &options, false).map_err(|e| {
            Error::new(
                ErrorKind::Device,
                format!(
                    "oxpar's built-in complex OpenCL kernels ({options}): {}",
                    e.message()
                ),
            )
        })?;
        let kernels = create_kernels(shared, &program, &COMPLEX_NAMES)?;
        let gemm_lx = lx.filter(|&lx| {
            kernels
                .get("oxpar_cgemm_tiled")
                .is_some_and(|k| k.max_wg >= lx * lx)
        });
        let gemm_fast = want_cpu.then_some(GemmFast::Cpu {
            rows: 2 * cvw,
            cols: CGEMM_CPU_NR * CGEMM_CPU_JB,
        });
        Ok(Builtins {
            kernels,
            gemm_lx,
            gemm_fast,
            dtype,
            acc_f64: double || info.fp64,
        })
    }

    fn get(&self, name: &str) -> Result<&Builtin> {
        self.kernels
            .get(name)
            .ok_or_else(|| Error::internal(format!("no built-in kernel {name}")))
    }

    /// Whether the ordinary reductions' partial results are f64 (else the
    /// element type).
    pub(crate) fn acc_f64(&self) -> bool {
        self.acc_f64
    }

    /// The 1-D work-group size for `name`: a power of two, at most 256.
    pub(crate) fn wg(&self, name: &str) -> Result<usize> {
        self.wg_at_most(name, MAX_WG)
    }

    /// The 1-D work-group size for `name`: a power of two, at most `cap`
    /// (and at most what the device runs the kernel with).
    pub(crate) fn wg_at_most(&self, name: &str, cap: usize) -> Result<usize> {
        let max = self.get(name)?.max_wg.clamp(1, cap.max(1));
        Ok(1 << max.ilog2())
    }

    /// The tiled gemm's work-group edge, when the device runs it (for the
    /// complex kernels, `oxpar_cgemm_tiled`'s).
    pub(crate) fn gemm_lx(&self) -> Option<usize> {
        self.gemm_lx
    }

    /// The fast gemm kernel for a `rows` x `cols` product on this device,
    /// if any: its name, global and local sizes.
    pub(crate) fn gemm_fast(
        &self,
        rows: usize,
        cols: usize,
    ) -> Option<(&'static str, [usize; 2], [usize; 2])> {
        match self.gemm_fast? {
            GemmFast::Cpu { rows: mr, cols: nr } => Some((
                "oxpar_gemm_cpu",
                [rows.div_ceil(mr), cols.div_ceil(nr)],
                [1, 1],
            )),
            GemmFast::Gpu { lx, rx, units } => {
                let blocks = |r: usize| rows.div_ceil(lx * r) * cols.div_ceil(lx * r);
                let &(name, r) = rx
                    .iter()
                    .find(|&&(_, r)| blocks(r) >= units)
                    .or(rx.last())?;
                Some((
                    name,
                    [rows.div_ceil(lx * r) * lx, cols.div_ceil(lx * r) * lx],
                    [lx, lx],
                ))
            }
        }
    }

    /// The block of C (rows, columns) one work-item of the CPU gemm kernel
    /// computes, when that kernel runs on this device.
    pub(crate) fn gemm_cpu_block(&self) -> Option<(usize, usize)> {
        match self.gemm_fast? {
            GemmFast::Cpu { rows, cols } => Some((rows, cols)),
            GemmFast::Gpu { .. } => None,
        }
    }

    /// Whether the fast gemm kernel is the CPU one.
    pub(crate) fn gemm_fast_is_cpu(&self) -> Option<bool> {
        self.gemm_fast.map(|f| matches!(f, GemmFast::Cpu { .. }))
    }

    /// Rows (and columns) of C one tiled-gemm work-group computes.
    pub(crate) fn gemm_tile(&self) -> Option<usize> {
        self.gemm_lx.map(|lx| lx * GEMM_RX)
    }

    /// Sets the arguments of `name` and enqueues it on the backend's queue
    /// (keeping its event while profiling), then sets its buffer arguments
    /// back to null: OpenCL keeps what a queued command uses, and the kernel
    /// object must not keep a buffer's memory once the buffer is freed
    /// (some drivers retain memory objects set as kernel arguments).
    pub(crate) fn run(
        &self,
        shared: &Shared,
        name: &str,
        args: &[Arg<'_>],
        global: &[usize],
        local: Option<&[usize]>,
    ) -> Result<()> {
        let b = self.get(name)?;
        // The lock keeps arguments and enqueue together: OpenCL kernels hold
        // one set of arguments, captured when the launch is enqueued.
        let kernel = b.kernel.lock().unwrap_or_else(|e| e.into_inner());
        for (i, a) in args.iter().enumerate() {
            let val = match a {
                Arg::Long(v) => ArgVal::scalar(v),
                Arg::Int(v) => ArgVal::scalar(v),
                Arg::F32(v) => ArgVal::scalar(v),
                Arg::F64(v) => ArgVal::scalar(v),
                Arg::Mem(Some(m)) => ArgVal::mem(m),
                Arg::Mem(None) => ArgVal::mem_null(),
                Arg::Local(bytes) => ArgVal::local::<u8>(bytes),
            };
            ocl::core::set_kernel_arg(&kernel, i as u32, val).map_err(|e| {
                Error::internal(format!(
                    "built-in kernel {name} ({:?}): argument {i}: {}",
                    self.dtype,
                    err::describe(&ocl::Error::from(e))
                ))
            })?;
        }
        let mut g = [1usize; 3];
        g[..global.len()].copy_from_slice(global);
        let l = local.map(|l| {
            let mut a = [1usize; 3];
            a[..l.len()].copy_from_slice(l);
            a
        });
        let mut ev = ocl::core::Event::null();
        let profiled = shared.profiling();
        let r = raw::enqueue_builtin(
            shared.queue.as_core(),
            &kernel,
            global.len() as u32,
            g,
            l,
            profiled.then_some(&mut ev),
        )
        .map_err(|e| Error::new(e.kind(), format!("{name}: {}", e.message())));
        for (i, a) in args.iter().enumerate() {
            if matches!(a, Arg::Mem(Some(_))) {
                // Cannot fail for an index and a type that were just set.
                let _ = ocl::core::set_kernel_arg(&kernel, i as u32, ArgVal::mem_null());
            }
        }
        r?;
        if profiled {
            shared.record(ev);
        }
        Ok(())
    }
}
