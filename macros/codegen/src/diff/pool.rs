//! Pairing by key without quadratic scans or an allocation per key: [`Pool`] hands out the
//! indices filed under a key, each once, first to last.

use std::hash::Hash;

use crate::hash::{map_with_capacity, FxHashMap};

const NONE: usize = usize::MAX;

/// Indices filed by key; [`Pool::take`] returns the lowest index not yet taken for a key.
pub(super) struct Pool<K> {
    heads: FxHashMap<K, usize>,
    /// Per index: the next index with the same key, or [`NONE`].
    next: Vec<usize>,
}

impl<K: Hash + Eq> Pool<K> {
    /// Files each `(index, key)`; indices must be below `len`.
    pub(super) fn new(len: usize, entries: impl DoubleEndedIterator<Item = (usize, K)>) -> Pool<K> {
        let mut heads = map_with_capacity(len);
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
