//! What the vendor sent that the doc does not list: fields ([`UnknownFields`]) and enum values
//! ([`UnknownValue`]). Both are kept as read and written back unchanged, so a round trip loses
//! nothing even when the vendor is ahead of its docs.

use std::fmt;
use std::hash::{Hash, Hasher};

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::Value;

/// The fields of an object that its doc does not list, in the order they were read, each
/// value kept as the exact JSON text that was sent.
///
/// Every generated struct has one (usually named `unknown_fields`): vendors add fields before
/// their docs say so, and writing the struct back writes these too, after the documented
/// fields, text for text (key order inside an unknown object, `1.0` against `1`, numbers beyond
/// 64 bits all survive). Keeping the text rather than a parsed [`Value`] is also what makes
/// reading cheap: an unknown value is scanned and copied, not built.
///
/// ```
/// # use llm_usage::orq::DeploymentInvokeUsage;
/// let usage: DeploymentInvokeUsage =
///     serde_json::from_str(r#"{"total_tokens": 3, "cost": 0.25, "cost_details": {"b": 1, "a": 2}}"#)?;
/// assert_eq!(usage.unknown_fields.get("cost").map(|raw| raw.get()), Some("0.25"));
/// assert_eq!(usage.unknown_fields.value("cost"), Some(serde_json::json!(0.25)));
/// assert_eq!(usage.unknown_fields.get_as::<f64>("cost").transpose()?, Some(0.25));
/// assert_eq!(serde_json::to_string(&usage)?, r#"{"total_tokens":3,"cost":0.25,"cost_details":{"b": 1, "a": 2}}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// Equality and hashing compare the JSON values (`{"a": 1}` equals `{"a":1}`), in any key
/// order. The values are JSON text, so unknown fields can only be read from JSON: a struct read
/// from another format fails on a field its doc does not list.
#[derive(Clone, Default)]
pub struct UnknownFields {
    /// `None` until the first field: one pointer wide, so that structs (which nearly always
    /// have none) stay small enough to be moved without a call to `memcpy`.
    #[allow(clippy::box_collection)]
    fields: Option<Box<Vec<Entry>>>,
}

/// One unknown field: its key and its value's JSON text.
type Entry = (String, Box<RawValue>);

impl UnknownFields {
    fn entries(&self) -> &[Entry] {
        self.fields.as_deref().map_or(&[], Vec::as_slice)
    }

    pub fn new() -> Self {
        Self::default()
    }

    pub fn len(&self) -> usize {
        self.entries().len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries().is_empty()
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.position(key).is_some()
    }

    /// The value's JSON text, exactly as sent.
    pub fn get(&self, key: &str) -> Option<&RawValue> {
        self.position(key).map(|i| &*self.entries()[i].1)
    }

    /// The value, parsed (`None` also where `Value` cannot hold it: a number out of `f64`'s
    /// range, nesting deeper than serde_json's limit; [`get`](Self::get) has the text).
    pub fn value(&self, key: &str) -> Option<Value> {
        self.get(key).and_then(parsed)
    }

    /// The value read as a `T`.
    pub fn get_as<T: DeserializeOwned>(&self, key: &str) -> Option<Result<T, serde_json::Error>> {
        self.get(key).map(|raw| serde_json::from_str(raw.get()))
    }

    /// The fields in the order they were read (or inserted).
    pub fn iter(&self) -> impl Iterator<Item = (&str, &RawValue)> {
        self.entries().iter().map(|(key, raw)| (key.as_str(), &**raw))
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries().iter().map(|(key, _)| key.as_str())
    }

    /// Adds a field, or replaces the value of one of that name, with `value` written as JSON.
    pub fn insert(&mut self, key: impl Into<String>, value: &impl Serialize) -> Result<(), serde_json::Error> {
        let raw = serde_json::value::to_raw_value(value)?;
        self.insert_raw(key.into(), raw);
        Ok(())
    }

    /// Adds a field, or replaces the value of one of that name (the last value sent for a key
    /// wins, as in a JSON object), with `raw` as its text.
    pub fn insert_raw(&mut self, key: String, raw: Box<RawValue>) {
        let fields = self.fields.get_or_insert_with(Box::default);
        match fields.iter().position(|(k, _)| *k == key) {
            Some(i) => fields[i].1 = raw,
            None => fields.push((key, raw)),
        }
    }

    /// Adds a field without looking for an earlier one of its name; the reader of an object
    /// calls [`dedup_keys`](Self::dedup_keys) once it has read every key.
    pub(crate) fn push_raw(&mut self, key: String, raw: Box<RawValue>) {
        self.fields.get_or_insert_with(Box::default).push((key, raw));
    }

    /// Leaves each key once, where it first appeared, with the last value sent for it: what
    /// [`insert_raw`](Self::insert_raw) does field by field, for a whole object at once. A few
    /// fields (what objects have) are compared pairwise; many are sorted, so that an object
    /// with very many undocumented keys costs `n log n`, not `n²`.
    #[inline]
    pub(crate) fn dedup_keys(&mut self) {
        // Most objects have no unknown field, nearly all of the rest one: no call for those.
        if let Some(fields) = self.fields.as_deref_mut().filter(|fields| fields.len() > 1) {
            dedup_entries(fields);
        }
    }
    pub fn remove(&mut self, key: &str) -> Option<Box<RawValue>> {
        let i = self.position(key)?;
        self.fields.as_mut().map(|fields| fields.remove(i).1)
    }

    fn position(&self, key: &str) -> Option<usize> {
        self.entries().iter().position(|(k, _)| k == key)
    }
}

/// [`UnknownFields::dedup_keys`] for two fields or more.
fn dedup_entries(fields: &mut Vec<Entry>) {
    const PAIRWISE_UP_TO: usize = 16;
    let n = fields.len();
    let same = |fields: &[Entry], a: usize, b: usize| fields[a].0 == fields[b].0;
    if n <= PAIRWISE_UP_TO && !(1..n).any(|i| (0..i).any(|j| same(fields, i, j))) {
        return;
    }
    // The index of the first field with each field's key.
    let mut first: Vec<usize> = (0..n).collect();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| fields[a].0.cmp(&fields[b].0).then(a.cmp(&b)));
    for pair in order.windows(2) {
        if same(fields, pair[0], pair[1]) {
            first[pair[1]] = first[pair[0]];
        }
    }
    // Each later value moves into its key's first field (the last one moves last), then
    // the later fields go.
    for (i, &f) in first.iter().enumerate() {
        if f != i {
            let (head, tail) = fields.split_at_mut(i);
            std::mem::swap(&mut head[f].1, &mut tail[0].1);
        }
    }
    let mut i = 0;
    fields.retain(|_| {
        i += 1;
        first[i - 1] == i - 1
    });
}

impl Extend<(String, Box<RawValue>)> for UnknownFields {
    /// Adds each field, a later value of one name replacing the earlier.
    fn extend<I: IntoIterator<Item = (String, Box<RawValue>)>>(&mut self, fields: I) {
        for (key, raw) in fields {
            self.push_raw(key, raw);
        }
        self.dedup_keys();
    }
}

impl IntoIterator for UnknownFields {
    type Item = (String, Box<RawValue>);
    type IntoIter = std::vec::IntoIter<(String, Box<RawValue>)>;

    fn into_iter(self) -> Self::IntoIter {
        self.fields.map(|fields| *fields).unwrap_or_default().into_iter()
    }
}

impl fmt::Debug for UnknownFields {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.entries().iter().map(|(key, raw)| (key, raw.get()))).finish()
    }
}

impl PartialEq for UnknownFields {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len()
            && self.entries().iter().all(|(key, raw)| {
                other.get(key).is_some_and(|theirs| {
                    raw.get() == theirs.get() || parsed(raw).is_some_and(|ours| parsed(theirs) == Some(ours))
                })
            })
    }
}

impl Eq for UnknownFields {}

impl Hash for UnknownFields {
    /// The JSON values, in key order: equal fields hash equally whatever their text and order.
    fn hash<H: Hasher>(&self, state: &mut H) {
        // Text that `Value` cannot hold (`1e400`, nesting past its limit) is equal only to the
        // same text, so it hashes as text.
        let mut fields: Vec<(&str, Result<Value, &str>)> =
            self.entries().iter().map(|(key, raw)| (key.as_str(), parsed(raw).ok_or(raw.get()))).collect();
        fields.sort_by(|a, b| a.0.cmp(b.0));
        fields.hash(state);
    }
}

/// The value, where `Value` can hold it: raw text was checked as JSON when read, but `Value`
/// refuses numbers out of `f64`'s range and nesting deeper than its limit.
fn parsed(raw: &RawValue) -> Option<Value> {
    serde_json::from_str(raw.get()).ok()
}

/// A value of an enum that its doc does not list, kept as sent.
///
/// Every generated enum ends in a catch-all variant (usually `Unknown`) holding one of these:
/// reading never fails on a new value, and writing it back writes the value unchanged. It can
/// only be made by reading (or by the enum's `From`/`FromStr`), which turn a listed value into
/// its own variant, so the catch-all never holds a value that has a variant.
///
/// ```
/// # use llm_usage::google::TrafficType;
/// let traffic: TrafficType = serde_json::from_str(r#""ON_DEMAND_SOMETHING_NEW""#)?;
/// assert!(matches!(&traffic, TrafficType::Unknown(value) if value.as_str() == "ON_DEMAND_SOMETHING_NEW"));
/// assert_eq!(traffic.as_str(), "ON_DEMAND_SOMETHING_NEW");
/// assert_eq!("ON_DEMAND".parse::<TrafficType>(), Ok(TrafficType::OnDemand));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownValue<T = String>(pub(crate) T);

impl<T> UnknownValue<T> {
    /// The value as sent.
    pub fn get(&self) -> &T {
        &self.0
    }

    /// The value as sent.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl UnknownValue<String> {
    /// The value as sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for UnknownValue<String> {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl<T: fmt::Display> fmt::Display for UnknownValue<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::hash_map::DefaultHasher;
    use std::hash::{Hash, Hasher};

    use super::UnknownFields;

    fn fields(pairs: &[(&str, &str)]) -> UnknownFields {
        let mut out = UnknownFields::new();
        for (key, text) in pairs {
            out.insert_raw((*key).to_owned(), serde_json::value::RawValue::from_string((*text).to_owned()).unwrap());
        }
        out
    }

    fn hash(fields: &UnknownFields) -> u64 {
        let mut hasher = DefaultHasher::new();
        fields.hash(&mut hasher);
        hasher.finish()
    }

    #[test]
    fn equal_json_is_equal_whatever_the_text_and_order() {
        let a = fields(&[("x", "{\"a\": 1, \"b\": [1, 2]}"), ("y", "2")]);
        let b = fields(&[("y", "2"), ("x", "{\"b\":[1,2],\"a\":1}")]);
        assert_eq!(a, b);
        assert_eq!(hash(&a), hash(&b));
        assert_ne!(a, fields(&[("y", "2"), ("x", "{\"a\":2}")]));
        assert_ne!(a, fields(&[("y", "2")]));
    }

    #[test]
    fn text_that_value_cannot_hold_is_equal_only_to_itself() {
        let big = fields(&[("x", "1e400")]);
        assert_ne!(big, fields(&[("x", "null")]));
        assert_ne!(big, fields(&[("x", "2e400")]));
        assert_eq!(big, fields(&[("x", "1e400")]));
        assert_eq!(hash(&big), hash(&fields(&[("x", "1e400")])));
        assert_eq!(big.value("x"), None);
    }

    #[test]
    fn the_last_value_of_a_key_wins_and_order_is_kept() {
        let mut a = fields(&[("b", "1"), ("a", "2"), ("b", "3")]);
        assert_eq!(a.keys().collect::<Vec<_>>(), ["b", "a"]);
        assert_eq!(a.get("b").map(|r| r.get()), Some("3"));
        a.insert("c", &vec![1, 2]).unwrap();
        assert_eq!(a.value("c"), Some(serde_json::json!([1, 2])));
        assert_eq!(a.remove("b").map(|r| r.get().to_owned()), Some("3".to_owned()));
        assert_eq!(format!("{a:?}"), r#"{"a": "2", "c": "[1,2]"}"#);
    }

    /// What `insert_raw` field by field gives, against `extend` (which pushes, then dedups
    /// once), for a few fields and for enough to take the sorting path.
    #[test]
    fn dedup_keys_is_insert_raw_for_a_whole_object() {
        for (n, keys) in [(5, 3), (16, 7), (17, 5), (1000, 300), (1000, 1000)] {
            // Key `k{i % keys}`, value `i`: duplicates spread over the whole object.
            let pairs: Vec<(String, String)> =
                (0..n).map(|i| (format!("k{}", (i * 13) % keys), i.to_string())).collect();
            let raw = |text: &str| serde_json::value::RawValue::from_string(text.to_owned()).unwrap();
            let mut one_by_one = UnknownFields::new();
            for (key, text) in &pairs {
                one_by_one.insert_raw(key.clone(), raw(text));
            }
            let mut at_once = UnknownFields::new();
            at_once.extend(pairs.iter().map(|(key, text)| (key.clone(), raw(text))));
            let listed = |f: &UnknownFields| f.iter().map(|(k, r)| format!("{k}={}", r.get())).collect::<Vec<_>>();
            assert_eq!(listed(&at_once), listed(&one_by_one), "{n} fields, {keys} keys");
            assert_eq!(at_once.len(), keys.min(n), "{n} fields, {keys} keys");
        }
    }
}
