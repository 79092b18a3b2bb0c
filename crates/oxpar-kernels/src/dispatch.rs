//! Which instruction set the kernels use, detected once per process.
//!
//! `OXPAR_CPU_LEVEL=generic|avx2|avx512` lowers the level for A/B comparisons;
//! a request above what the CPU has is clamped to the detected level.

use std::sync::OnceLock;

/// Instruction-set levels the kernels are compiled for, in increasing order.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CpuLevel {
    /// Portable code (whatever the compilation target guarantees).
    Generic,
    /// x86-64 with AVX2 and FMA.
    Avx2Fma,
    /// x86-64 with AVX-512F.
    Avx512F,
}

impl CpuLevel {
    /// The name used by `OXPAR_CPU_LEVEL` and `oxpar info`.
    pub fn as_str(self) -> &'static str {
        match self {
            CpuLevel::Generic => "generic",
            CpuLevel::Avx2Fma => "avx2",
            CpuLevel::Avx512F => "avx512",
        }
    }

    /// Parses an `OXPAR_CPU_LEVEL` value.
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "generic" => Some(CpuLevel::Generic),
            "avx2" | "avx2fma" => Some(CpuLevel::Avx2Fma),
            "avx512" | "avx512f" => Some(CpuLevel::Avx512F),
            _ => None,
        }
    }

    /// Every level up to and including this one (for tests that compare them).
    pub fn up_to(self) -> Vec<CpuLevel> {
        [CpuLevel::Generic, CpuLevel::Avx2Fma, CpuLevel::Avx512F]
            .into_iter()
            .filter(|&l| l <= self)
            .collect()
    }
}

/// The best level this CPU supports.
pub fn detect() -> CpuLevel {
    #[cfg(target_arch = "x86_64")]
    {
        if is_x86_feature_detected!("avx512f")
            && is_x86_feature_detected!("avx2")
            && is_x86_feature_detected!("fma")
        {
            return CpuLevel::Avx512F;
        }
        if is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma") {
            return CpuLevel::Avx2Fma;
        }
    }
    CpuLevel::Generic
}

/// The level in use: detected, lowered by `OXPAR_CPU_LEVEL` if set. Cached.
pub fn cpu_level() -> CpuLevel {
    static LEVEL: OnceLock<CpuLevel> = OnceLock::new();
    *LEVEL.get_or_init(|| {
        let detected = detect_cached();
        match std::env::var("OXPAR_CPU_LEVEL")
            .ok()
            .as_deref()
            .and_then(CpuLevel::parse)
        {
            Some(requested) if requested <= detected => requested,
            _ => detected,
        }
    })
}

/// The CPU features the kernels can use on this machine, for `oxpar info`.
pub fn cpu_features() -> Vec<&'static str> {
    #[allow(unused_mut)]
    let mut found = Vec::new();
    #[cfg(target_arch = "x86_64")]
    {
        macro_rules! probe {
            ($($f:tt),*) => { $( if is_x86_feature_detected!($f) { found.push($f); } )* };
        }
        probe!("sse2", "avx", "avx2", "fma", "avx512f", "avx512vl", "avx512dq");
    }
    found
}

/// Defines `$name(args)`, which runs `$body::<T, false>` (portable) or the
/// same body compiled for AVX2+FMA or AVX-512 with `FMA = true`, as
/// `cpu_level()` allows, and `$name_at(level, args)`, which picks explicitly
/// (clamped to the detected level) so tests can compare every level.
///
/// The body is an `#[inline(always)]` generic function whose const parameter
/// `FMA` says whether `mul_add` may be used: without FMA hardware it is a slow
/// library call, so the portable build must not use it.
macro_rules! multiversion {
    ($(#[$m:meta])* $vis:vis fn $name:ident, $name_at:ident<T>($($arg:ident : $ty:ty),* $(,)?) -> $ret:ty => $body:ident) => {
        $(#[$m])*
        #[inline]
        $vis fn $name<T: oxpar_core::Scalar>($($arg: $ty),*) -> $ret {
            $name_at::<T>($crate::dispatch::cpu_level(), $($arg),*)
        }

        $(#[$m])*
        ///
        /// Runs the variant compiled for `level` (clamped to the detected level).
        $vis fn $name_at<T: oxpar_core::Scalar>(level: $crate::dispatch::CpuLevel, $($arg: $ty),*) -> $ret {
            #[cfg(target_arch = "x86_64")]
            {
                #[target_feature(enable = "avx512f,avx2,fma")]
                fn avx512<T: oxpar_core::Scalar>($($arg: $ty),*) -> $ret {
                    $body::<T, true>($($arg),*)
                }
                #[target_feature(enable = "avx2,fma")]
                fn avx2<T: oxpar_core::Scalar>($($arg: $ty),*) -> $ret {
                    $body::<T, true>($($arg),*)
                }
                match level.min($crate::dispatch::detect_cached()) {
                    // SAFETY: the level is clamped to what this CPU was detected to support.
                    $crate::dispatch::CpuLevel::Avx512F => return unsafe { avx512::<T>($($arg),*) },
                    // SAFETY: as above.
                    $crate::dispatch::CpuLevel::Avx2Fma => return unsafe { avx2::<T>($($arg),*) },
                    $crate::dispatch::CpuLevel::Generic => {}
                }
            }
            $body::<T, false>($($arg),*)
        }
    };
}
pub(crate) use multiversion;

/// [`detect`], cached.
pub fn detect_cached() -> CpuLevel {
    static DETECTED: OnceLock<CpuLevel> = OnceLock::new();
    *DETECTED.get_or_init(detect)
}
