//! Collective argument checks: every rank learns whether any rank rejected
//! its arguments, or called a different operation or element type, so a
//! mistake on one rank is an error on all of them rather than a deadlock (the
//! others would wait forever in a collective the failing rank never entered)
//! or a silently wrong number (an `f32` partial sum added to `f64` ones).
//!
//! Each distributed operation starts with exactly one *checked* collective in
//! which every rank also reports its status: the error it found, or the
//! operation it is in and its element type (a [`Call`]). A rank that failed
//! its own checks still takes part in that collective (see
//! [`oxpar_core::Backend::reject`]), then returns its error; the others return
//! an error naming that rank. Ranks that agree on nothing but the collective
//! itself (`sdot` on one, `ddot` on another; `zdotu` against `zdotc`;
//! `dot` against `asum`) all return an error naming the ranks at fault and
//! what they called. Complex calls carry their own element type codes, and
//! every summed collective has a width that no rank's element type decides
//! alone (the checked summed round carries two values for all four types,
//! the speculative round the predicted call's, an exact sum one
//! accumulator, the imaginary part's in a second one once all agreed), so
//! that a real call on one rank and a complex one on another meet in one
//! allreduce and are an error like any other mismatch.
//!
//! Three kinds of first collective carry the status, one mechanism for all:
//!
//! * [`sum_checked`] (dot, dotc, asum, sum, nrm2): first a *speculative*
//!   round, an `f64` allreduce of the values alone: one word, or two for
//!   the complex results of dot, dotc and sum (real and imaginary parts),
//!   as the predicted call has. Every rank predicts the same next call
//!   from the calls all ranks agreed on before (`predict.rs`; the history
//!   changes only after an agreement every rank sees, so the prediction is
//!   common knowledge without a message). A rank sends its partial value if
//!   its call is the predicted one, it found no error and the values are
//!   *plain* (at most 2^1000 in magnitude: no NaN, no infinity), and NaN
//!   in every word otherwise. NaN plus anything is NaN, and plain values
//!   cannot add up to NaN or overflow (2^22 ranks at most take this
//!   round), so the (first) sum is a
//!   number exactly when every rank sent a plain value: every rank is in the
//!   predicted call with no error, which is the check, and the sum is the
//!   answer. Each rank reaches the same verdict from the same NaN-or-not,
//!   whatever order MPI adds in. Otherwise (a misprediction, an error
//!   somewhere, a NaN, infinite or huge partial) every rank goes on to the
//!   checked round below, which gives the value or the error on every rank;
//!   a misprediction costs one extra allreduce of a word or two. The
//!   history records a call only when every rank returns its value, and an
//!   error (which every rank returns too) leaves it as it was, so the
//!   ranks' histories stay equal (short of a failure of MPI itself, after
//!   which MPI promises nothing either).
//!
//!   The checked round: an `f64` allreduce of `[values, status]`, always
//!   both values ([`SUM_VALUES`]) whatever the element type. The
//!   status word is a *tally*: a count of failing ranks and, for each bit
//!   of the call's key within its run of summed routines ([`run_key`]:
//!   routine and element type), a count of the ranks that have it set
//!   ([`tally`]), packed into the 53 exact bits of an `f64` (8 bits per
//!   counter, one word up to 255 ranks; one word per counter beyond).
//!   Every rank sees the same counts: the ranks agree exactly
//!   when no rank failed and every bit is set on all ranks or on none.
//!   Only then is the value used; otherwise every rank makes one more
//!   collective, a gather of each rank's full status, to name the ranks at
//!   fault.
//! * [`sum_words_checked`]: the same tally after the words of an exact `i64`
//!   sum (the reproducible reductions: one accumulator; a complex result's
//!   imaginary part follows in a second sum once the first agreed).
//! * [`gather_checked`]: an allgather of [`GATHER_WORDS`] words per rank,
//!   the first its status (call code and error kind), the same width for
//!   every operation that starts with a gather (nrm2's fallback aside), so
//!   that any two of them met on different ranks are told apart.
//!
//! Operations whose first collectives differ (an allreduce against an
//! allgather: `dot` on one rank, `gemv` on another) cannot be matched by any
//! check; MPI's own rule applies (every rank makes the same calls in the same
//! order).

use mpi::ffi;
use oxpar_core::exact::Reduction;
use oxpar_core::scalar::Element;
use oxpar_core::{DType, Error, ErrorKind, Result};

use crate::comm::Comm;

/// Data words per rank in a checked gather (after the status word): enough
/// for every operation's shapes (gemm's six).
pub(crate) const GATHER_DATA: usize = 7;
/// Words per rank in a checked gather: the status, then the data.
pub(crate) const GATHER_WORDS: usize = GATHER_DATA + 1;

/// Which collective an operation starts with, so that a rank that rejected
/// its arguments can join the right one.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum FirstCollective {
    /// An `f64` sum (dot, asum, sum, nrm2).
    Sum,
    /// An exact `i64` sum of `n` words per rank (the reproducible
    /// reductions' accumulators).
    WordSum(usize),
    /// A gather of [`GATHER_WORDS`] words per rank (iamax, gemv, ger, gemm,
    /// halo exchanges, settings).
    Gather,
    /// Nothing: the operation is local to each rank.
    None,
}

/// The operations that start with a checked collective, as ranks announce
/// them to each other.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Routine {
    /// `dot` (BLAS's `dotu` for complex elements).
    Dot,
    Asum,
    Sum,
    Nrm2,
    /// The conjugated dot product of complex elements (for real ones,
    /// `dotc` is `dot`).
    Dotc,
    /// A reproducible reduction.
    Exact(Reduction),
    /// A reproducible `dotc` of complex elements.
    ExactDotc,
    Iamax,
    Gemv,
    Ger,
    /// The conjugated rank-1 update of complex elements.
    Gerc,
    Gemm,
    Halo,
    Context,
    Setting,
    SetGrid,
}

/// Every routine, in code order. Routines that share a summed collective
/// come in runs ([`SUMMED_RUN`], [`EXACT_RUN`]): a call's position in its
/// run and its element type make its key ([`run_key`]), which the tally
/// of a summed status counts bit by bit.
const ROUTINES: [Routine; 19] = [
    Routine::Dot,
    Routine::Asum,
    Routine::Sum,
    Routine::Nrm2,
    Routine::Dotc,
    Routine::Exact(Reduction::Dot),
    Routine::Exact(Reduction::Asum),
    Routine::Exact(Reduction::Sum),
    Routine::Exact(Reduction::SumSq),
    Routine::ExactDotc,
    Routine::Iamax,
    Routine::Gemv,
    Routine::Ger,
    Routine::Gerc,
    Routine::Gemm,
    Routine::Halo,
    Routine::Context,
    Routine::Setting,
    Routine::SetGrid,
];

impl Routine {
    /// The routine's position in [`ROUTINES`].
    const fn index(self) -> u64 {
        match self {
            Routine::Dot => 0,
            Routine::Asum => 1,
            Routine::Sum => 2,
            Routine::Nrm2 => 3,
            Routine::Dotc => 4,
            Routine::Exact(Reduction::Dot) => 5,
            Routine::Exact(Reduction::Asum) => 6,
            Routine::Exact(Reduction::Sum) => 7,
            Routine::Exact(Reduction::SumSq) => 8,
            Routine::ExactDotc => 9,
            Routine::Iamax => 10,
            Routine::Gemv => 11,
            Routine::Ger => 12,
            Routine::Gerc => 13,
            Routine::Gemm => 14,
            Routine::Halo => 15,
            Routine::Context => 16,
            Routine::Setting => 17,
            Routine::SetGrid => 18,
        }
    }

    /// The routine's name in error messages.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Routine::Dot => "dot",
            Routine::Asum => "asum",
            Routine::Sum => "sum",
            Routine::Nrm2 => "nrm2",
            Routine::Dotc => "dotc",
            Routine::Exact(Reduction::Dot) => "dot (reproducible)",
            Routine::Exact(Reduction::Asum) => "asum (reproducible)",
            Routine::Exact(Reduction::Sum) => "sum (reproducible)",
            Routine::Exact(Reduction::SumSq) => "nrm2 (reproducible)",
            Routine::ExactDotc => "dotc (reproducible)",
            Routine::Iamax => "iamax",
            Routine::Gemv => "gemv",
            Routine::Ger => "ger",
            Routine::Gerc => "gerc",
            Routine::Gemm => "gemm",
            Routine::Halo => "a halo exchange",
            Routine::Context => "the context's creation",
            Routine::Setting => "a collective setting",
            Routine::SetGrid => "set_grid",
        }
    }
}

/// What a rank brings to a checked collective: the operation, and the
/// element type it computes on (none for untyped ones such as settings).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) struct Call {
    routine: Routine,
    dtype: Option<DType>,
}

impl Call {
    /// `routine` on elements of type `T`.
    pub(crate) fn typed<T: Element>(routine: Routine) -> Call {
        Call {
            routine,
            dtype: Some(T::DTYPE),
        }
    }

    /// `routine`, which has no element type.
    pub(crate) fn untyped(routine: Routine) -> Call {
        Call {
            routine,
            dtype: None,
        }
    }

    /// The element type's code, [`DTYPE_BITS`] bits: 0 none, 1 f32, 2 f64,
    /// 3 c32, 4 c64.
    fn dtype_code(self) -> u64 {
        match self.dtype {
            None => 0,
            Some(DType::F32) => 1,
            Some(DType::F64) => 2,
            Some(DType::C32) => 3,
            Some(DType::C64) => 4,
        }
    }

    /// `2^DTYPE_BITS * routine index + type code`.
    fn code(self) -> u64 {
        (self.routine.index() << DTYPE_BITS) | self.dtype_code()
    }

    fn from_code(code: u64) -> Option<Call> {
        let routine = *ROUTINES.get(usize::try_from(code >> DTYPE_BITS).ok()?)?;
        let dtype = match code & ((1 << DTYPE_BITS) - 1) {
            0 => None,
            1 => Some(DType::F32),
            2 => Some(DType::F64),
            3 => Some(DType::C32),
            4 => Some(DType::C64),
            _ => return None,
        };
        Some(Call { routine, dtype })
    }
}

/// Bits of a call's code that hold its element type (five values: none and
/// the four types).
const DTYPE_BITS: u32 = 3;

fn dtype_name(dtype: Option<DType>) -> &'static str {
    match dtype {
        None => "no element type",
        Some(DType::F32) => "f32",
        Some(DType::F64) => "f64",
        Some(DType::C32) => "c32",
        Some(DType::C64) => "c64",
    }
}

fn kind_code(kind: ErrorKind) -> u64 {
    match kind {
        ErrorKind::InvalidArgument => 1,
        ErrorKind::ShapeMismatch => 2,
        ErrorKind::InvalidStride => 3,
        ErrorKind::Unsupported => 4,
        ErrorKind::BackendUnavailable => 5,
        ErrorKind::Device => 6,
        ErrorKind::Communication => 7,
        ErrorKind::OutOfMemory => 8,
        ErrorKind::Singular => 10,
        ErrorKind::NotPositiveDefinite => 11,
        ErrorKind::NoConvergence => 12,
        _ => 9,
    }
}

fn kind_from_code(code: u64) -> ErrorKind {
    match code {
        1 => ErrorKind::InvalidArgument,
        2 => ErrorKind::ShapeMismatch,
        3 => ErrorKind::InvalidStride,
        4 => ErrorKind::Unsupported,
        5 => ErrorKind::BackendUnavailable,
        6 => ErrorKind::Device,
        7 => ErrorKind::Communication,
        8 => ErrorKind::OutOfMemory,
        10 => ErrorKind::Singular,
        11 => ErrorKind::NotPositiveDefinite,
        12 => ErrorKind::NoConvergence,
        _ => ErrorKind::Internal,
    }
}

/// A rank's full status in one word: its call's code, and above bit 32 the
/// kind code of the error it found (0 when it accepted its arguments).
fn status_word(call: Call, error: Option<&Error>) -> u64 {
    call.code() | error.map_or(0, |e| kind_code(e.kind()) << 32)
}

/// `ranks` (sorted) as a short list: "rank 2", "ranks 0, 1 and 3",
/// "ranks 1-5 and 7".
fn list_ranks(ranks: &[usize]) -> String {
    let mut items: Vec<String> = Vec::new();
    let mut i = 0;
    while i < ranks.len() {
        let mut j = i;
        while j + 1 < ranks.len() && ranks[j + 1] == ranks[j] + 1 {
            j += 1;
        }
        if j - i >= 2 {
            items.push(format!("{}-{}", ranks[i], ranks[j]));
        } else {
            items.extend(ranks[i..=j].iter().map(|r| r.to_string()));
        }
        i = j + 1;
    }
    let word = if ranks.len() == 1 { "rank" } else { "ranks" };
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            format!("{word} {} and {last}", rest.join(", "))
        }
        _ => format!("{word} {}", items.join("")),
    }
}

/// The error a rank reports when other ranks (`failed`: rank and error
/// kind) rejected their arguments.
fn remote_error(routine: &str, size: usize, failed: &[(usize, ErrorKind)]) -> Error {
    let kind = failed[0].1;
    let kind = if failed.iter().all(|f| f.1 == kind) {
        kind
    } else {
        ErrorKind::InvalidArgument
    };
    let ranks: Vec<usize> = failed.iter().map(|f| f.0).collect();
    let (pronoun, s) = if ranks.len() == 1 {
        ("its", "")
    } else {
        ("their", "s")
    };
    Error::new(
        kind,
        format!(
            "{routine}: {} of {size} rejected {pronoun} arguments ({kind}); see the error{s} reported \
             there (no rank computed anything)",
            list_ranks(&ranks)
        ),
    )
}

/// The error every rank reports when the ranks called different operations
/// or element types (`calls[r]` is rank r's).
fn mismatch_error(routine: &str, calls: &[Call]) -> Error {
    // The reference is the call most ranks made (ties: the lowest rank's).
    let count = |c: &Call| calls.iter().filter(|d| *d == c).count();
    let mut reference = calls[0];
    for c in calls {
        if count(c) > count(&reference) {
            reference = *c;
        }
    }
    let holders: Vec<usize> = (0..calls.len())
        .filter(|&r| calls[r] == reference)
        .collect();
    let mut seen: Vec<Call> = Vec::new();
    let mut parts = Vec::new();
    for c in calls {
        if *c == reference || seen.contains(c) {
            continue;
        }
        seen.push(*c);
        let ranks: Vec<usize> = (0..calls.len()).filter(|&r| calls[r] == *c).collect();
        let verb = if holders.len() == 1 { "has" } else { "have" };
        let (who, whose) = (list_ranks(&ranks), list_ranks(&holders));
        parts.push(if c.routine == reference.routine {
            format!(
                "{who} of {} called it with {} where {whose} {verb} {}",
                calls.len(),
                dtype_name(c.dtype),
                dtype_name(reference.dtype)
            )
        } else {
            format!(
                "{who} of {} called {} ({}) where {whose} called {} ({})",
                calls.len(),
                c.routine.name(),
                dtype_name(c.dtype),
                reference.routine.name(),
                dtype_name(reference.dtype)
            )
        });
    }
    let same_routine = seen.iter().all(|c| c.routine == reference.routine);
    let rule = if same_routine {
        "every rank must pass the same element type"
    } else {
        "every rank must make the same calls in the same order"
    };
    Error::new(
        ErrorKind::InvalidArgument,
        format!("{routine}: {} ({rule})", parts.join("; ")),
    )
}

/// The verdict every rank reaches from every rank's status word
/// (`statuses[r]` is rank r's): this rank's own error first, then an error
/// naming the ranks that failed, then one naming the ranks that called
/// something else than the others.
fn verdict(routine: &str, statuses: &[u64], own: Option<Error>) -> Result<()> {
    if let Some(e) = own {
        return Err(e);
    }
    let failed: Vec<(usize, ErrorKind)> = statuses
        .iter()
        .enumerate()
        .filter(|(_, &s)| s >> 32 != 0)
        .map(|(r, &s)| (r, kind_from_code(s >> 32)))
        .collect();
    if !failed.is_empty() {
        return Err(remote_error(routine, statuses.len(), &failed));
    }
    let calls: Option<Vec<Call>> = statuses.iter().map(|&s| Call::from_code(s)).collect();
    let Some(calls) = calls else {
        return Err(everywhere(
            routine,
            ErrorKind::Internal,
            "a rank sent a status word this library does not know",
        ));
    };
    if calls.iter().any(|c| *c != calls[0]) {
        return Err(mismatch_error(routine, &calls));
    }
    Ok(())
}

/// Gathers every rank's status word (the second collective of a summed
/// check that found a failure or a disagreement) and returns the verdict.
fn resolve(comm: &Comm, routine: &str, call: Call, own: Option<Error>) -> Result<()> {
    let statuses = comm.all_gather_u64(&[status_word(call, own.as_ref())])?;
    verdict(routine, &statuses, own)
}

/// The routines of the `f64` summed collective ([`sum_checked`]): indices
/// `SUMMED_RUN` of [`ROUTINES`].
const SUMMED_RUN: std::ops::Range<u64> = 0..5;
/// The routines of the exact summed collective ([`sum_words_checked`]).
const EXACT_RUN: std::ops::Range<u64> = 5..10;
/// Bits of a [`run_key`]: five routines times four element types.
const KEY_BITS: u32 = 5;
const _: () = assert!((SUMMED_RUN.end - SUMMED_RUN.start) * 4 <= 1 << KEY_BITS);
const _: () = assert!((EXACT_RUN.end - EXACT_RUN.start) * 4 <= 1 << KEY_BITS);

/// A typed call's key within its run of summed routines: `4 * position +
/// element type code - 1`, distinct for every routine and element type of
/// the run (so that the predictor's keys and the tally's bits tell every
/// pair apart).
fn run_key(call: Call) -> u64 {
    let index = call.routine.index();
    let start = if EXACT_RUN.contains(&index) {
        EXACT_RUN.start
    } else {
        SUMMED_RUN.start
    };
    debug_assert!(call.dtype.is_some(), "summed calls are typed");
    (index - start) * 4 + call.dtype_code().max(1) - 1
}

/// Counters in a summed status: failing ranks, then one per bit of the
/// call's [`run_key`].
const TALLY: usize = 1 + KEY_BITS as usize;

/// This rank's contribution to the counters of a summed status: `[1, 0,
/// ...]` if it failed, else `[0, key bits...]`.
fn tally(call: Call, failed: bool) -> [u64; TALLY] {
    let mut counts = [0u64; TALLY];
    if failed {
        counts[0] = 1;
        return counts;
    }
    let bits = run_key(call);
    for (i, c) in counts[1..].iter_mut().enumerate() {
        *c = (bits >> i) & 1;
    }
    counts
}

/// Whether summed counters say that every rank accepted its arguments and
/// made the same call: no failure, and each bit counter 0 or `size`.
fn tally_agrees(counts: &[u64; TALLY], size: usize) -> bool {
    counts[0] == 0 && counts[1..].iter().all(|&c| c == 0 || c == size as u64)
}

/// Bits of each counter when all of them share one word: 6 x 8 = 48 bits,
/// exact in an `f64` (53) and an `i64` sum.
const FIELD_BITS: u32 = 8;
const _: () = assert!(TALLY as u32 * FIELD_BITS <= 53);
/// The most ranks whose counters share one word.
const ONE_WORD_RANKS: usize = (1 << FIELD_BITS) - 1;
/// The most status words a summed collective sends (one counter per word,
/// for communicators of more than [`ONE_WORD_RANKS`] ranks).
const MAX_TALLY_WORDS: usize = TALLY;

/// How many words hold the counters for `size` ranks: one (8 bits per
/// counter) up to [`ONE_WORD_RANKS`], else one per counter.
fn tally_words(size: usize) -> usize {
    if size <= ONE_WORD_RANKS {
        1
    } else {
        MAX_TALLY_WORDS
    }
}

/// Packs counters into `out` ([`tally_words`] words), so that summing
/// packed words sums the counters.
fn pack(counts: &[u64; TALLY], out: &mut [u64]) {
    if let [word] = out {
        *word = counts
            .iter()
            .enumerate()
            .fold(0, |w, (i, &c)| w | c << (i as u32 * FIELD_BITS));
    } else {
        out.copy_from_slice(counts);
    }
}

/// The counters packed by [`pack`] (after summing).
fn unpack(words: &[u64]) -> [u64; TALLY] {
    if let [word] = words {
        std::array::from_fn(|i| (word >> (i as u32 * FIELD_BITS)) & ((1 << FIELD_BITS) - 1))
    } else {
        std::array::from_fn(|i| words[i])
    }
}

/// Gathers `width` (at most [`GATHER_DATA`]) words from every rank, in rank
/// order, together with each rank's status. `local` is this rank's words, or
/// the error it found. On success returns `size` rows of [`GATHER_DATA`]
/// words (this rank's words, then zeros); if any rank failed or made another
/// call, every rank returns an error (its own, or one naming the ranks at
/// fault).
pub(crate) fn gather_checked(
    comm: &Comm,
    routine: &str,
    call: Call,
    local: Result<Vec<u64>>,
) -> Result<Vec<Vec<u64>>> {
    let mut send = [0u64; GATHER_WORDS];
    let own_error = match local {
        Ok(words) => {
            assert!(words.len() <= GATHER_DATA, "gather_checked width");
            send[1..=words.len()].copy_from_slice(&words);
            None
        }
        Err(e) => Some(e),
    };
    send[0] = status_word(call, own_error.as_ref());
    let mut recv = vec![0u64; GATHER_WORDS * comm.size()];
    comm.allgather(&send, &mut recv)?;
    let statuses: Vec<u64> = recv.chunks_exact(GATHER_WORDS).map(|r| r[0]).collect();
    verdict(routine, &statuses, own_error)?;
    Ok(recv
        .chunks_exact(GATHER_WORDS)
        .map(|r| r[1..].to_vec())
        .collect())
}

/// Partial values a rank may send in the speculative round of
/// [`sum_checked`]: at most 2^1000 in magnitude, so that
/// [`SPECULATIVE_RANKS`] of them add up to at most 2^1022 in any order (each
/// partial sum is bounded by a multiple of 2^1000, which rounding keeps):
/// never an infinity or a NaN.
const PLAIN: f64 = f64::from_bits((1023 + 1000) << 52);
/// The most ranks that take the speculative round (see [`PLAIN`]).
const SPECULATIVE_RANKS: usize = 1 << 22;
/// The predictor's key of a summed call (routine and element type), `None`
/// for any other call.
fn summed_key(call: Call) -> Option<u8> {
    (SUMMED_RUN.contains(&call.routine.index()) && call.dtype.is_some())
        .then(|| run_key(call) as u8)
}

/// The prediction before a communicator agreed on any summed call: a dot
/// product in `f64`.
const FIRST_GUESS: u8 = 1;
// One key per summed routine and element type (codes 1 to 4).
const _: () = assert!(((SUMMED_RUN.end - SUMMED_RUN.start) * 4) as u8 == crate::predict::KEYS);

/// Values each rank adds in a summed collective: at most two, the real and
/// imaginary parts of a complex result (a real result leaves the second
/// 0). The checked round always sends both, so that a real call on one
/// rank and a complex one on another meet in the same allreduce and are
/// told apart by their status, instead of mismatching MPI's counts; the
/// speculative round sends as many as the predicted call has
/// ([`speculative_width`]), which every rank knows alike.
pub(crate) const SUM_VALUES: usize = 2;

/// The values of the summed call with predictor key `key`: two for a
/// complex `dot`, `dotc` or `sum`, one otherwise (real results, and
/// complex `asum` and `nrm2`), so that real code keeps a one-word round.
fn speculative_width(key: u8) -> usize {
    let (position, dtype_code) = (u64::from(key / 4), u64::from(key % 4) + 1);
    let complex = dtype_code >= 3;
    let routine = ROUTINES[(SUMMED_RUN.start + position) as usize];
    let two = matches!(routine, Routine::Dot | Routine::Dotc | Routine::Sum);
    if complex && two {
        2
    } else {
        1
    }
}

/// Sums `local`'s [`SUM_VALUES`] values over all ranks (`MPI_SUM` on
/// `f64`), checking that every rank accepted its arguments and made the
/// same call (see the module docs: a one-word round when the call was
/// predicted, else a round with a status word). Every rank gets the same
/// sums, or every rank an error (its own, or one naming the ranks that
/// failed or made another call).
pub(crate) fn sum_checked(
    comm: &Comm,
    routine: &str,
    call: Call,
    local: Result<[f64; SUM_VALUES]>,
) -> Result<[f64; SUM_VALUES]> {
    let history = comm.summed();
    let key = summed_key(call);
    if comm.size() <= SPECULATIVE_RANKS {
        let predicted = history.predict().unwrap_or(FIRST_GUESS);
        // As many words as the predicted call has values (every rank
        // predicts the same, so every rank sends the same count): NaN in
        // each, unless this rank is in the predicted call and all its
        // values are plain: then the first sum is a number exactly when
        // every rank sent plain values.
        let width = speculative_width(predicted);
        let mut words = [f64::NAN; SUM_VALUES];
        if let Ok(v) = local {
            let fits = v[width..].iter().all(|&x| x == 0.0);
            if key == Some(predicted) && fits && v.iter().all(|x| x.abs() <= PLAIN) {
                words = v;
            }
        }
        // SAFETY: reading an immutable constant of the MPI library.
        comm.allreduce(&mut words[..width], unsafe { ffi::RSMPI_SUM })?;
        if !words[0].is_nan() {
            history.record(predicted, true);
            return Ok(words);
        }
    }
    let outcome = sum_with_status(comm, routine, call, local);
    // Every rank reaches the same outcome; on success all made this call.
    match (&outcome, key) {
        (Ok(_), Some(key)) => history.record(key, false),
        _ => history.record_error(),
    }
    outcome
}

/// The checked round of [`sum_checked`]: the values and the ranks' tally
/// in one allreduce, then a gather of the statuses if they disagree.
fn sum_with_status(
    comm: &Comm,
    routine: &str,
    call: Call,
    local: Result<[f64; SUM_VALUES]>,
) -> Result<[f64; SUM_VALUES]> {
    let size = comm.size();
    let words = tally_words(size);
    let mut packed = [0u64; MAX_TALLY_WORDS];
    pack(&tally(call, local.is_err()), &mut packed[..words]);
    let mut buf = [0.0f64; SUM_VALUES + MAX_TALLY_WORDS];
    let own_error = match local {
        Ok(v) => {
            buf[..SUM_VALUES].copy_from_slice(&v);
            None
        }
        Err(e) => Some(e),
    };
    for (b, &p) in buf[SUM_VALUES..].iter_mut().zip(&packed[..words]) {
        *b = p as f64;
    }
    let buf = &mut buf[..SUM_VALUES + words];
    // SAFETY: reading an immutable constant of the MPI library.
    comm.allreduce(buf, unsafe { ffi::RSMPI_SUM })?;
    for (p, &b) in packed.iter_mut().zip(&buf[SUM_VALUES..]) {
        *p = b as u64;
    }
    let mut sums = [0.0f64; SUM_VALUES];
    sums.copy_from_slice(&buf[..SUM_VALUES]);
    if own_error.is_none() && tally_agrees(&unpack(&packed[..words]), size) {
        return Ok(sums);
    }
    resolve(comm, routine, call, own_error).map(|()| sums)
}

/// Sums `width` `i64` words over all ranks, word by word (`MPI_SUM` on
/// `MPI_INT64_T`, exact as long as no sum leaves the `i64` range), with each
/// rank's status in the same message (the tally of [`sum_checked`], after
/// the data). `local` is this rank's words, or the error it found. Every
/// rank gets the same sums, or every rank an error (its own, or one naming
/// the ranks that failed or made another call).
pub(crate) fn sum_words_checked(
    comm: &Comm,
    routine: &str,
    call: Call,
    width: usize,
    local: Result<Vec<i64>>,
) -> Result<Vec<i64>> {
    let size = comm.size();
    let words = tally_words(size);
    let mut packed = [0u64; MAX_TALLY_WORDS];
    pack(&tally(call, local.is_err()), &mut packed[..words]);
    let mut buf = vec![0i64; width + words];
    let own_error = match local {
        Ok(data) => {
            assert_eq!(data.len(), width, "sum_words_checked width");
            buf[..width].copy_from_slice(&data);
            None
        }
        Err(e) => Some(e),
    };
    for (b, &p) in buf[width..].iter_mut().zip(&packed[..words]) {
        *b = p as i64;
    }
    // SAFETY: reading an immutable constant of the MPI library.
    comm.allreduce(&mut buf, unsafe { ffi::RSMPI_SUM })?;
    for (p, &b) in packed.iter_mut().zip(&buf[width..]) {
        *p = b as u64;
    }
    if own_error.is_some() || !tally_agrees(&unpack(&packed[..words]), size) {
        resolve(comm, routine, call, own_error)?;
    }
    buf.truncate(width);
    Ok(buf)
}

/// Takes part in `first` as a rank that rejected its arguments, so that the
/// other ranks return an error too; returns `error`.
pub(crate) fn join_failed(
    comm: &Comm,
    routine: &str,
    first: FirstCollective,
    error: Error,
) -> Error {
    let kind = error.kind();
    // A failing rank's call is never read: only its error kind.
    let call = Call::untyped(Routine::Context);
    let outcome = match first {
        FirstCollective::Sum => sum_checked(comm, routine, call, Err(error)).map(|_| ()),
        FirstCollective::WordSum(width) => {
            sum_words_checked(comm, routine, call, width, Err(error)).map(|_| ())
        }
        FirstCollective::Gather => gather_checked(comm, routine, call, Err(error)).map(|_| ()),
        FirstCollective::None => Err(error),
    };
    match outcome {
        Err(e) => e,
        Ok(()) => Error::new(kind, format!("{routine}: internal error in join_failed")),
    }
}

/// An error that every rank reaches from the same gathered data (so no rank
/// needs to tell the others).
pub(crate) fn everywhere(routine: &str, kind: ErrorKind, what: impl std::fmt::Display) -> Error {
    Error::new(kind, format!("{routine}: {what}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calls_round_trip_through_their_codes() {
        for r in ROUTINES {
            let mut calls = vec![Call::untyped(r)];
            calls.extend(DType::ALL.map(|d| Call {
                routine: r,
                dtype: Some(d),
            }));
            assert_eq!(calls[1], Call::typed::<f32>(r));
            assert_eq!(calls[2], Call::typed::<f64>(r));
            for (i, &call) in calls.iter().enumerate() {
                assert_eq!(call.dtype_code(), i as u64);
                assert_eq!(Call::from_code(call.code()), Some(call));
                let s = status_word(call, None);
                assert_eq!(s >> 32, 0);
            }
        }
        for unused in 5..8 {
            assert_eq!(Call::from_code(unused), None);
        }
        assert_eq!(Call::from_code((ROUTINES.len() as u64) << DTYPE_BITS), None);
        for (i, r) in ROUTINES.iter().enumerate() {
            assert_eq!(r.index(), i as u64);
        }
        // The runs of summed routines.
        assert_eq!(Routine::Dot.index(), SUMMED_RUN.start);
        assert_eq!(Routine::Dotc.index() + 1, SUMMED_RUN.end);
        assert_eq!(Routine::Exact(Reduction::Dot).index(), EXACT_RUN.start);
        assert_eq!(Routine::ExactDotc.index() + 1, EXACT_RUN.end);
    }

    #[test]
    fn error_kinds_round_trip_through_their_codes() {
        // Every rank learns the kind another rank failed with; the
        // numerical failures keep theirs (not Internal).
        for kind in [
            ErrorKind::InvalidArgument,
            ErrorKind::ShapeMismatch,
            ErrorKind::InvalidStride,
            ErrorKind::Unsupported,
            ErrorKind::BackendUnavailable,
            ErrorKind::Device,
            ErrorKind::Communication,
            ErrorKind::OutOfMemory,
            ErrorKind::Singular,
            ErrorKind::NotPositiveDefinite,
            ErrorKind::NoConvergence,
            ErrorKind::Internal,
        ] {
            assert_eq!(kind_from_code(kind_code(kind)), kind, "{kind:?}");
        }
    }

    /// Sums the ranks' packed tallies as the allreduce would and checks
    /// the verdict for every mix of calls on up to 4 ranks.
    #[test]
    fn tallies_agree_exactly_when_every_rank_made_the_same_call() {
        use oxpar_core::{Complex32, Complex64};
        let summed = [
            Call::typed::<f32>(Routine::Dot),
            Call::typed::<f64>(Routine::Dot),
            Call::typed::<f64>(Routine::Asum),
            Call::typed::<f32>(Routine::Sum),
            Call::typed::<f64>(Routine::Nrm2),
            Call::typed::<Complex64>(Routine::Dot),
            Call::typed::<Complex64>(Routine::Dotc),
            Call::typed::<Complex32>(Routine::Dotc),
            Call::typed::<Complex64>(Routine::Nrm2),
        ];
        let exact = [
            Call::typed::<f64>(Routine::Exact(Reduction::Dot)),
            Call::typed::<Complex64>(Routine::Exact(Reduction::Dot)),
            Call::typed::<Complex64>(Routine::ExactDotc),
            Call::typed::<Complex32>(Routine::ExactDotc),
            Call::typed::<f32>(Routine::Exact(Reduction::SumSq)),
            Call::typed::<Complex32>(Routine::Exact(Reduction::SumSq)),
        ];
        for (calls, size) in [(&summed[..], 1..=4usize), (&exact[..], 1..=3)]
            .into_iter()
            .flat_map(|(calls, sizes)| sizes.map(move |n| (calls, n)))
        {
            let combos = (calls.len() + 1).pow(size as u32);
            for mut k in 0..combos {
                // Choice `calls.len()` stands for a failing rank.
                let picks: Vec<usize> = (0..size)
                    .map(|_| {
                        let p = k % (calls.len() + 1);
                        k /= calls.len() + 1;
                        p
                    })
                    .collect();
                // One word (as for up to 255 ranks) and one word per
                // counter (beyond).
                for words in [1, MAX_TALLY_WORDS] {
                    let mut total = vec![0u64; words];
                    for &p in &picks {
                        let failed = p == calls.len();
                        let call = calls[p.min(calls.len() - 1)];
                        let mut w = vec![0u64; words];
                        pack(&tally(call, failed), &mut w);
                        for (t, v) in total.iter_mut().zip(&w) {
                            *t += v;
                        }
                    }
                    let agree = picks.iter().all(|&p| p == picks[0] && p < calls.len());
                    assert_eq!(
                        tally_agrees(&unpack(&total), size),
                        agree,
                        "{picks:?} in {words} word(s)"
                    );
                }
            }
        }
        // Large communicators: one word up to 255 ranks, more beyond; the
        // sums stay exact in an f64.
        assert_eq!(tally_words(255), 1);
        assert_eq!(tally_words(256), MAX_TALLY_WORDS);
        let full = [255u64; TALLY];
        let mut w = [0u64; 1];
        pack(&full, &mut w);
        assert!(w[0] < 1 << 53);
        assert_eq!(unpack(&w), full);
        let many = [1u64 << 40, 3, 1 << 40, 0, 7, 1 << 41];
        let mut w = [0u64; MAX_TALLY_WORDS];
        pack(&many, &mut w);
        assert_eq!(unpack(&w), many);
    }

    #[test]
    fn summed_calls_have_distinct_keys_and_no_other_call_has_one() {
        let mut seen = Vec::new();
        for r in ROUTINES {
            assert_eq!(summed_key(Call::untyped(r)), None);
            for d in DType::ALL {
                let key = summed_key(Call {
                    routine: r,
                    dtype: Some(d),
                });
                assert_eq!(key.is_some(), SUMMED_RUN.contains(&r.index()), "{r:?}");
                if let Some(k) = key {
                    assert!(k < crate::predict::KEYS && !seen.contains(&k));
                    seen.push(k);
                }
            }
        }
        assert_eq!(seen.len(), usize::from(crate::predict::KEYS));
        assert_eq!(
            summed_key(Call::typed::<f64>(Routine::Dot)),
            Some(FIRST_GUESS)
        );
        // One speculative word for every real call and complex asum/nrm2,
        // two for complex dot, dotc and sum.
        use oxpar_core::{Complex32, Complex64};
        for (call, width) in [
            (Call::typed::<f64>(Routine::Dot), 1),
            (Call::typed::<f32>(Routine::Sum), 1),
            (Call::typed::<Complex64>(Routine::Dot), 2),
            (Call::typed::<Complex32>(Routine::Dotc), 2),
            (Call::typed::<Complex64>(Routine::Sum), 2),
            (Call::typed::<Complex32>(Routine::Asum), 1),
            (Call::typed::<Complex64>(Routine::Nrm2), 1),
        ] {
            let key = summed_key(call).unwrap();
            assert_eq!(speculative_width(key), width, "{call:?}");
        }
        // Plain partials cannot add up to an overflow on the most ranks
        // that take the speculative round.
        assert_eq!(PLAIN * SPECULATIVE_RANKS as f64, 2f64.powi(1022));
    }

    #[test]
    fn messages_name_the_ranks_at_fault_and_their_types() {
        let d = Call::typed::<f64>(Routine::Dot);
        let s = Call::typed::<f32>(Routine::Dot);
        let e = verdict("dot", &[d.code(), s.code()], None).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidArgument);
        assert_eq!(
            e.message(),
            "dot: rank 1 of 2 called it with f32 where rank 0 has f64 \
             (every rank must pass the same element type)"
        );
        let e = verdict(
            "dot",
            &[s.code(), d.code(), d.code(), s.code(), s.code()],
            None,
        )
        .unwrap_err();
        assert!(
            e.message()
                .contains("ranks 1 and 2 of 5 called it with f64 where ranks 0, 3 and 4 have f32"),
            "{e}"
        );
        let e = verdict("dot", &[s.code(), d.code(), d.code(), d.code()], None).unwrap_err();
        assert!(
            e.message()
                .contains("rank 0 of 4 called it with f32 where ranks 1-3 have f64"),
            "{e}"
        );
        let n = Call::typed::<f64>(Routine::Asum);
        let e = verdict("dot", &[d.code(), n.code()], None).unwrap_err();
        assert!(
            e.message()
                .contains("rank 1 of 2 called asum (f64) where rank 0 called dot (f64)"),
            "{e}"
        );
        assert!(e.message().contains("same calls in the same order"), "{e}");
        // Failures come first and are all named.
        let failed = 2u64 << 32;
        let e = verdict("gemv", &[failed, s.code(), failed], None).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::ShapeMismatch);
        assert!(
            e.message()
                .starts_with("gemv: ranks 0 and 2 of 3 rejected their arguments"),
            "{e}"
        );
        assert!(verdict("dot", &[d.code(); 3], None).is_ok());
        assert_eq!(list_ranks(&[0, 1, 2, 5, 7, 8]), "ranks 0-2, 5, 7 and 8");
    }
}
