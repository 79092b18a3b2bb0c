//! The thread budget shared by every backend that starts threads: the
//! default count (`OXPAR_NUM_THREADS`, else `OMP_NUM_THREADS`, else the CPUs
//! this process may use) and its limits. It lives in core so that backends which only need the
//! count (MPI sizing its node-local backend) do not depend on the threads
//! backend.

use crate::{Error, Result};

/// The environment variable that sets the default thread count.
pub const NUM_THREADS_ENV: &str = "OXPAR_NUM_THREADS";

/// OpenMP's variable, honoured when [`NUM_THREADS_ENV`] is unset: joblib's
/// workers, Dask's nannies and batch systems set it to keep the processes
/// they start from oversubscribing the machine.
pub const OMP_NUM_THREADS_ENV: &str = "OMP_NUM_THREADS";

/// The most threads one backend may have: 4096.
///
/// A fixed number, the same on every machine, so that a program that works
/// on one node is not refused on another. It is eight times the hardware
/// threads of a two-socket node of 256-core CPUs and more than the largest
/// single-system nodes sold, so oversubscription for tests still fits; a
/// count beyond it is a mistake (a bad variable, an unsigned wrap-around)
/// that would otherwise exhaust memory starting threads. OpenBLAS, likewise,
/// stops at a compiled-in maximum.
pub const MAX_THREADS: usize = 4096;

/// Checks a requested thread count: at least 1 and at most [`MAX_THREADS`].
/// `arg` names where the count came from (an argument, a spec, a variable)
/// in the error, an [`crate::ErrorKind::InvalidArgument`].
pub fn check_num_threads(arg: &str, num_threads: usize) -> Result<usize> {
    if num_threads == 0 {
        Err(Error::invalid_argument(arg, "must be at least 1"))
    } else if num_threads > MAX_THREADS {
        Err(Error::invalid_argument(arg, too_many(num_threads)))
    } else {
        Ok(num_threads)
    }
}

fn too_many(n: impl std::fmt::Display) -> String {
    format!("{n} threads is more than the {MAX_THREADS} a backend may have")
}

/// Parses a thread count written as text (a spec's `N`, a variable's value):
/// a positive integer up to [`MAX_THREADS`], else an
/// [`crate::ErrorKind::InvalidArgument`] error naming `arg`.
pub fn parse_num_threads(arg: &str, text: &str) -> Result<usize> {
    let trimmed = text.trim();
    match trimmed.parse::<usize>() {
        Ok(n) => check_num_threads(arg, n).map_err(|e| {
            if n == 0 {
                Error::invalid_argument(arg, format!("{text:?} is not a positive integer"))
            } else {
                e
            }
        }),
        // All digits but too large for the type: still "too many".
        Err(_) if !trimmed.is_empty() && trimmed.bytes().all(|b| b.is_ascii_digit()) => {
            Err(Error::invalid_argument(arg, too_many(trimmed)))
        }
        Err(_) => Err(Error::invalid_argument(
            arg,
            format!("{text:?} is not a positive integer"),
        )),
    }
}

/// Reads an `OMP_NUM_THREADS` value as OpenMP defines it: the first entry of
/// a comma-separated list (`"4,2"` is 4), a positive integer; `None` for
/// anything else (empty, zero, words), which the default then ignores. A
/// count above [`MAX_THREADS`] is lowered to it: the variable is shared with
/// other libraries, so a value they accept is not an error here.
pub fn parse_omp_num_threads(text: &str) -> Option<usize> {
    let first = text.split(',').next().unwrap_or("").trim();
    match first.parse::<usize>() {
        Ok(0) => None,
        Ok(n) => Some(n.min(MAX_THREADS)),
        // All digits, too large for the type.
        Err(_) if !first.is_empty() && first.bytes().all(|b| b.is_ascii_digit()) => {
            Some(MAX_THREADS)
        }
        Err(_) => None,
    }
}

/// Where the default thread count came from ([`default_num_threads_source`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ThreadsSource {
    /// `OXPAR_NUM_THREADS`, with its value.
    Oxpar(String),
    /// `OMP_NUM_THREADS` (with its value) while `OXPAR_NUM_THREADS` is unset.
    Omp(String),
    /// The CPUs this process may use: neither variable is set, or
    /// `OMP_NUM_THREADS` holds the value given here, which is not a count.
    Cpus {
        /// An `OMP_NUM_THREADS` value that was ignored.
        ignored_omp: Option<String>,
    },
}

impl std::fmt::Display for ThreadsSource {
    /// `OXPAR_NUM_THREADS=3`, `OMP_NUM_THREADS=2 (OXPAR_NUM_THREADS is not
    /// set)`, `the CPUs this process may use (...)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ThreadsSource::Oxpar(v) => write!(f, "{NUM_THREADS_ENV}={v}"),
            ThreadsSource::Omp(v) => {
                write!(f, "{OMP_NUM_THREADS_ENV}={v} ({NUM_THREADS_ENV} is not set)")
            }
            ThreadsSource::Cpus { ignored_omp: None } => write!(
                f,
                "the CPUs this process may use ({NUM_THREADS_ENV} and {OMP_NUM_THREADS_ENV} are not set)"
            ),
            ThreadsSource::Cpus {
                ignored_omp: Some(v),
            } => write!(
                f,
                "the CPUs this process may use ({NUM_THREADS_ENV} is not set; \
                 {OMP_NUM_THREADS_ENV}={v:?} is not a thread count and is ignored)"
            ),
        }
    }
}

/// The thread count the environment asks for, and where it came from:
/// `OXPAR_NUM_THREADS` when set (a positive integer up to [`MAX_THREADS`],
/// else an error naming the variable), else `OMP_NUM_THREADS` read by
/// [`parse_omp_num_threads`] (an invalid value is ignored); `None` when
/// neither gives a count.
pub fn env_num_threads() -> Result<(Option<usize>, ThreadsSource)> {
    num_threads_from(
        std::env::var(NUM_THREADS_ENV).ok(),
        std::env::var(OMP_NUM_THREADS_ENV).ok(),
    )
}

/// [`env_num_threads`] over the two variables' values (`None`: unset).
fn num_threads_from(
    oxpar: Option<String>,
    omp: Option<String>,
) -> Result<(Option<usize>, ThreadsSource)> {
    if let Some(text) = oxpar {
        let n = parse_num_threads(NUM_THREADS_ENV, &text)?;
        return Ok((Some(n), ThreadsSource::Oxpar(text)));
    }
    match omp {
        Some(text) => match parse_omp_num_threads(&text) {
            Some(n) => Ok((Some(n), ThreadsSource::Omp(text))),
            None => Ok((
                None,
                ThreadsSource::Cpus {
                    ignored_omp: Some(text),
                },
            )),
        },
        None => Ok((None, ThreadsSource::Cpus { ignored_omp: None })),
    }
}

/// The default thread count and where it came from (see
/// [`default_num_threads`]).
pub fn default_num_threads_source() -> Result<(usize, ThreadsSource)> {
    let (n, source) = env_num_threads()?;
    let n = n.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(MAX_THREADS)
    });
    Ok((n, source))
}

/// The default thread count: `OXPAR_NUM_THREADS` when set (a positive integer
/// up to [`MAX_THREADS`], else an error naming the variable); otherwise
/// `OMP_NUM_THREADS` when it holds a count as OpenMP reads it (the first
/// entry of a comma list; a value above [`MAX_THREADS`] is lowered to it;
/// an invalid value is ignored); otherwise the number of CPUs this process
/// may run on (at most [`MAX_THREADS`]), which honours affinity masks
/// (`taskset`, MPI binding) and cgroup CPU quotas (containers, Slurm).
pub fn default_num_threads() -> Result<usize> {
    default_num_threads_source().map(|(n, _)| n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn omp_values_are_read_as_openmp_does() {
        for (text, want) in [
            ("4", Some(4)),
            (" 3 ", Some(3)),
            ("4,2", Some(4)),
            ("2, 8", Some(2)),
            ("1", Some(1)),
            ("5000", Some(MAX_THREADS)),
            ("99999999999999999999999", Some(MAX_THREADS)),
            ("0", None),
            ("", None),
            (",4", None),
            ("-1", None),
            ("four", None),
            ("2.5", None),
        ] {
            assert_eq!(parse_omp_num_threads(text), want, "{text:?}");
        }
    }

    #[test]
    fn oxpar_num_threads_wins_then_omp_then_the_cpus() {
        let some = |s: &str| Some(s.to_string());
        let (n, src) = num_threads_from(some("3"), some("2")).unwrap();
        assert_eq!((n, src), (Some(3), ThreadsSource::Oxpar("3".into())));
        let (n, src) = num_threads_from(None, some("2,1")).unwrap();
        assert_eq!((n, src), (Some(2), ThreadsSource::Omp("2,1".into())));
        let (n, src) = num_threads_from(None, some("lots")).unwrap();
        assert_eq!(n, None);
        assert_eq!(
            src,
            ThreadsSource::Cpus {
                ignored_omp: some("lots")
            }
        );
        let (n, src) = num_threads_from(None, None).unwrap();
        assert_eq!((n, src), (None, ThreadsSource::Cpus { ignored_omp: None }));
        // A bad OXPAR_NUM_THREADS is an error even when OMP_NUM_THREADS is fine.
        let e = num_threads_from(some("0"), some("2")).unwrap_err();
        assert!(e.to_string().contains("OXPAR_NUM_THREADS"), "{e}");
    }

    #[test]
    fn sources_say_which_variable_gave_the_count() {
        let s = ThreadsSource::Omp("2".into()).to_string();
        assert!(
            s.contains("OMP_NUM_THREADS=2") && s.contains("OXPAR_NUM_THREADS is not set"),
            "{s}"
        );
        assert_eq!(
            ThreadsSource::Oxpar("3".into()).to_string(),
            "OXPAR_NUM_THREADS=3"
        );
        let s = ThreadsSource::Cpus {
            ignored_omp: Some("x".into()),
        }
        .to_string();
        assert!(s.contains("\"x\" is not a thread count"), "{s}");
    }
}
