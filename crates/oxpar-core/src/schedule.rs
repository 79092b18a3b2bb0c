//! Loop schedules for `parallel_for`, with OpenMP's meanings.

/// How the iterations of a parallel loop are dealt out to threads.
///
/// The meanings are OpenMP's, so C and Fortran programmers can carry over what
/// they know. A `chunk` of 0 means "pick one for me".
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Schedule {
    /// Contiguous blocks decided up front. With `chunk == 0` each thread gets one
    /// block of nearly equal size; otherwise blocks of `chunk` go round-robin.
    /// Cheapest; best when every iteration costs the same.
    Static {
        /// Block size; 0 for one block per thread.
        chunk: usize,
    },
    /// Threads take the next block of `chunk` iterations as they finish. Balances
    /// uneven iterations at the price of one atomic operation per block.
    Dynamic {
        /// Block size; 0 means 1.
        chunk: usize,
    },
    /// Like `Dynamic` but blocks start large (remaining / threads) and shrink,
    /// never below `min_chunk`.
    Guided {
        /// Smallest block; 0 means 1.
        min_chunk: usize,
    },
}

impl Default for Schedule {
    fn default() -> Self {
        Schedule::Static { chunk: 0 }
    }
}

impl Schedule {
    /// Parses `"static"`, `"dynamic"`, `"guided"`, optionally followed by
    /// `",<chunk>"` (OpenMP's `OMP_SCHEDULE` grammar).
    pub fn parse(text: &str) -> crate::Result<Self> {
        let bad = || {
            crate::Error::invalid_argument("schedule", format!("unknown schedule {text:?} (expected static, dynamic or guided, optionally \",chunk\")"))
        };
        let (kind, chunk) = match text.split_once(',') {
            Some((k, c)) => (k.trim(), c.trim().parse::<usize>().map_err(|_| bad())?),
            None => (text.trim(), 0),
        };
        match kind.to_ascii_lowercase().as_str() {
            "static" => Ok(Schedule::Static { chunk }),
            "dynamic" => Ok(Schedule::Dynamic { chunk }),
            "guided" => Ok(Schedule::Guided { min_chunk: chunk }),
            _ => Err(bad()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_openmp_grammar() {
        assert_eq!(
            Schedule::parse("static").unwrap(),
            Schedule::Static { chunk: 0 }
        );
        assert_eq!(
            Schedule::parse("Dynamic, 16").unwrap(),
            Schedule::Dynamic { chunk: 16 }
        );
        assert_eq!(
            Schedule::parse("guided,4").unwrap(),
            Schedule::Guided { min_chunk: 4 }
        );
        assert!(Schedule::parse("auto").is_err());
        assert!(Schedule::parse("static,x").is_err());
    }
}
