//! Pairing by key without quadratic scans or an allocation per key: [`Pool`] hands out the
//! indices filed under a key, each once, first to last.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

/// A hash map with a fast, non-keyed hash (the keys are names from local files, not input an
/// attacker chooses to collide).
pub(super) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The multiply-rotate hash of rustc (`FxHasher`).
#[derive(Default, Clone, Copy)]
pub(super) struct FxHasher {
    hash: u64,
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 56));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

const NONE: usize = usize::MAX;

/// Indices filed by key; [`Pool::take`] returns the lowest index not yet taken for a key.
pub(super) struct Pool<K> {
    heads: FastMap<K, usize>,
    /// Per index: the next index with the same key, or [`NONE`].
    next: Vec<usize>,
}

impl<K: Hash + Eq> Pool<K> {
    /// Files each `(index, key)`; indices must be below `len`.
    pub(super) fn new(len: usize, entries: impl DoubleEndedIterator<Item = (usize, K)>) -> Pool<K> {
        let mut heads = FastMap::with_capacity_and_hasher(len, Default::default());
        let mut next = vec![NONE; len];
        // Last to first, so that each key's list starts at its lowest index.
        for (index, key) in entries.rev() {
            next[index] = heads.insert(key, index).unwrap_or(NONE);
        }
        Pool { heads, next }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.heads.is_empty()
    }

    pub(super) fn take(&mut self, key: &K) -> Option<usize> {
        let head = self.heads.get_mut(key)?;
        let index = *head;
        if index == NONE {
            return None;
        }
        *head = self.next[index];
        Some(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_filed_twice_hands_out_its_indices_in_order_once_each() {
        let keys = ["a", "b", "a", "c"];
        let mut pool = Pool::new(keys.len(), keys.iter().copied().enumerate());
        assert_eq!(pool.take(&"a"), Some(0));
        assert_eq!(pool.take(&"c"), Some(3));
        assert_eq!(pool.take(&"a"), Some(2));
        assert_eq!(pool.take(&"a"), None);
        assert_eq!(pool.take(&"z"), None);
        assert_eq!(pool.take(&"b"), Some(1));
    }
}
