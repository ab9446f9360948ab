//! What the vendor sent that the doc does not list: fields ([`UnknownFields`]) and enum values
//! ([`UnknownValue`]). Both are kept as read and written back unchanged, so a round trip loses
//! nothing even when the vendor is ahead of its docs.

use std::fmt;

/// The fields of an object that its doc does not list, by wire name, as read.
///
/// Every generated struct has one (usually named `unknown_fields`): vendors add fields before
/// their docs say so, and writing the struct back writes these too, after the documented
/// fields, so nothing is lost.
///
/// ```
/// # use llm_usage::orq::DeploymentInvokeUsage;
/// let usage: DeploymentInvokeUsage = serde_json::from_str(r#"{"total_tokens": 3, "cost": 0.25}"#)?;
/// assert_eq!(usage.unknown_fields["cost"], 0.25);
/// assert_eq!(serde_json::to_string(&usage)?, r#"{"total_tokens":3,"cost":0.25}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
pub type UnknownFields = serde_json::Map<String, serde_json::Value>;

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
