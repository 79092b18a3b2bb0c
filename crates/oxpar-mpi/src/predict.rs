//! The prediction of a communicator's next summed call (dot, asum, sum,
//! nrm2, dotc and their element type), from the calls every rank agreed on
//! before, so that the common case can skip sending a status word (see
//! `agree.rs`).
//!
//! The predictor learns from *agreed* calls only, so every rank holds the
//! same history and computes the same prediction: it is common knowledge
//! without any message. It remembers, for each pair of consecutive calls,
//! the call that followed that pair, and otherwise predicts a repeat of the
//! last call: steady loops (dot, dot, ...), alternations (dot, nrm2, ...)
//! and period-three patterns such as conjugate gradients' (dot, dot, nrm2,
//! ...) are predicted right after one or two periods. A remembered call that
//! came true again is *confirmed*, and a confirmed one is only replaced
//! after it was wrong twice in a row, so that a one-off call in a steady
//! loop costs one misprediction, not a second one when the loop comes back
//! to the same pair.

use std::sync::atomic::{AtomicU16, AtomicU64, AtomicU8, Ordering::Relaxed};

/// Distinct summed calls: five routines times four element types.
pub(crate) const KEYS: u8 = 20;
/// "No call": the history before two calls were agreed, and a pair never
/// seen.
const NONE: u8 = KEYS;
/// Pairs of the last two keys (either may be [`NONE`]).
const PAIRS: usize = (KEYS as usize + 1) * (KEYS as usize + 1);
/// The flag of an entry of `next` that came true the last time.
const CONFIRMED: u8 = 0x80;

/// A communicator's history of agreed summed calls, and how often the
/// prediction held.
///
/// Atomics with relaxed ordering: the backend's lock already orders its
/// operations, and every field is only a hint to the protocol of
/// `agree.rs` (which stays sound as long as every rank records the same
/// keys in the same order, whatever they are).
pub(crate) struct Predictor {
    /// The last two agreed keys: `older << 8 | newer` ([`NONE`] for none).
    recent: AtomicU16,
    /// `next[older * (KEYS + 1) + newer]`: the key expected after the pair
    /// ([`NONE`]: not seen yet), with [`CONFIRMED`] set when it came true
    /// the last time.
    next: [AtomicU8; PAIRS],
    /// Summed calls answered by the one-word round.
    hits: AtomicU64,
    /// Summed calls that needed the checked round.
    misses: AtomicU64,
}

impl Predictor {
    /// An empty history.
    pub(crate) fn new() -> Predictor {
        Predictor {
            recent: AtomicU16::new(u16::from(NONE) << 8 | u16::from(NONE)),
            next: std::array::from_fn(|_| AtomicU8::new(NONE)),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
        }
    }

    fn pair(recent: u16) -> usize {
        let (older, newer) = (usize::from(recent >> 8), usize::from(recent & 0xff));
        older * (KEYS as usize + 1) + newer
    }

    /// The predicted key of the next summed call: what followed the last two
    /// calls last time, else the last call again; `None` before any call.
    pub(crate) fn predict(&self) -> Option<u8> {
        let recent = self.recent.load(Relaxed);
        let seen = self.next[Self::pair(recent)].load(Relaxed) & !CONFIRMED;
        let guess = if seen == NONE {
            (recent & 0xff) as u8
        } else {
            seen
        };
        (guess != NONE).then_some(guess)
    }

    /// Records that every rank agreed on a summed call with `key` (below
    /// [`KEYS`]); `hit` says whether the one-word round answered it.
    pub(crate) fn record(&self, key: u8, hit: bool) {
        debug_assert!(key < KEYS);
        let recent = self.recent.load(Relaxed);
        let entry = &self.next[Self::pair(recent)];
        let old = entry.load(Relaxed);
        let new = if old & !CONFIRMED == key {
            key | CONFIRMED
        } else if old & CONFIRMED != 0 {
            old & !CONFIRMED
        } else {
            key
        };
        entry.store(new, Relaxed);
        self.recent.store(recent << 8 | u16::from(key), Relaxed);
        let counter = if hit { &self.hits } else { &self.misses };
        counter.fetch_add(1, Relaxed);
    }

    /// Counts a summed call that ended in an error (the history stays as it
    /// was: every rank returns the error, so none records anything).
    pub(crate) fn record_error(&self) {
        self.misses.fetch_add(1, Relaxed);
    }

    /// (one-word rounds, checked rounds) so far.
    pub(crate) fn counts(&self) -> (u64, u64) {
        (self.hits.load(Relaxed), self.misses.load(Relaxed))
    }
}

impl std::fmt::Debug for Predictor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let recent = self.recent.load(Relaxed);
        f.debug_struct("Predictor")
            .field("recent", &[(recent >> 8) as u8, (recent & 0xff) as u8])
            .field("counts", &self.counts())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Feeds `pattern` repeated `periods` times; returns how many calls of
    /// the last period were predicted right.
    fn hits_in_last_period(pattern: &[u8], periods: usize) -> usize {
        let p = Predictor::new();
        let mut hits = 0;
        for period in 0..periods {
            for &key in pattern {
                let right = p.predict() == Some(key);
                if period + 1 == periods {
                    hits += usize::from(right);
                }
                p.record(key, right);
            }
        }
        hits
    }

    #[test]
    fn nothing_is_predicted_before_the_first_call() {
        let p = Predictor::new();
        assert_eq!(p.predict(), None);
        p.record(5, false);
        assert_eq!(p.predict(), Some(5));
        assert_eq!(p.counts(), (0, 1));
    }

    #[test]
    fn steady_alternating_and_period_three_patterns_are_learned() {
        assert_eq!(hits_in_last_period(&[1], 3), 1);
        assert_eq!(hits_in_last_period(&[1, 3], 3), 2);
        // Conjugate gradients: dot, dot, nrm2.
        assert_eq!(hits_in_last_period(&[1, 1, 3], 3), 3);
        assert_eq!(hits_in_last_period(&[1, 3, 5, 9], 3), 4);
        // Every key, and the last one, fit the table.
        let all: Vec<u8> = (0..KEYS).collect();
        assert_eq!(hits_in_last_period(&all, 3), all.len());
    }

    #[test]
    fn a_one_off_call_in_a_steady_loop_is_one_misprediction() {
        let p = Predictor::new();
        let mut misses = 0;
        for key in [1, 1, 1, 1, 6, 1, 1, 1, 1, 6, 1, 1, 1] {
            misses += usize::from(p.predict() != Some(key));
            p.record(key, false);
        }
        // The first call, each 6, and the call after the first 6 (the
        // second time, the pair before it is known).
        assert_eq!(misses, 4);
    }

    #[test]
    fn errors_leave_the_history_as_it_was() {
        let p = Predictor::new();
        for key in [2, 7, 2, 7] {
            p.record(key, false);
        }
        assert_eq!(p.predict(), Some(2));
        p.record_error();
        assert_eq!(p.predict(), Some(2));
        assert_eq!(p.counts(), (0, 5));
    }
}
