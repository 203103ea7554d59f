//! The scenario's file and link format as serde-derived data: one type per JSON object of
//! format 1, with its field names, defaults and tags, converted to and from the model
//! ([`crate::model::Scenario`]), which knows no serde.
//!
//! Each type says what the JSON may hold: `deny_unknown_fields` everywhere (a typo is refused,
//! naming the field), `#[serde(default)]` where format 1 lets a field be left out (the default
//! is the model's `Default`, so it is written once), and a tag (`"type"`, `"do"` or `"kind"`)
//! on the internally tagged enums, whose reading is in [`tagged`]. The fieldless enums are the
//! model's own, named by [`crate::model::Named`] through [`named`].
//!
//! A missing field of a struct with `#[serde(default)]` takes that struct's default, not its
//! owner's: a `health_check` given with only `interval_s` inside a DNS takes the other fields
//! from `HealthCheck::default()`, not from the DNS's. `compact` never thins nested objects for
//! that reason.

/// A format type's default is its model type's `Default`, so each default is written once.
macro_rules! model_default {
    ($($ty:ident)+) => {$(
        impl Default for $ty {
            fn default() -> Self {
                (&crate::model::$ty::default()).into()
            }
        }
    )+};
}

mod components;
pub mod curve;
mod operate;
mod scenario;
pub(crate) mod tagged;
mod timeline;
mod traffic;

pub use components::*;
pub use operate::*;
pub use scenario::*;
pub use timeline::*;
pub use traffic::*;

/// A fieldless model enum as its name (`"round_robin"`), for `#[serde(with = "named")]`.
pub(crate) mod named {
    use std::marker::PhantomData;

    use serde::de::{self, Visitor};
    use serde::{Deserializer, Serializer};

    use crate::model::Named;

    pub fn serialize<T: Named, S: Serializer>(value: &T, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(value.name())
    }

    pub fn deserialize<'de, T: Named, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
        d.deserialize_str(Name(PhantomData))
    }

    struct Name<T>(PhantomData<T>);

    impl<T: Named> Visitor<'_> for Name<T> {
        type Value = T;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a string")
        }

        fn visit_str<E: de::Error>(self, name: &str) -> Result<T, E> {
            T::from_name(name).ok_or_else(|| E::unknown_variant(name, T::NAMES))
        }
    }
}

/// A model type with a type of its own in the format, so that [`super::to_value`] and
/// [`super::from_value`] can be asked for any piece of a scenario by its model name.
pub trait InFormat: Sized {
    type Format: serde::Serialize + serde::de::DeserializeOwned + for<'a> From<&'a Self> + Into<Self>;
}

macro_rules! in_format {
    ($($ty:ident)+) => {$(
        impl InFormat for crate::model::$ty {
            type Format = $ty;
        }
    )+};
}

in_format!(
    Scenario Region Zone Placement Rect Link RunSettings Component Kind Clients Dns LoadBalancer
    TargetWeight HealthCheck AppServer Database Traffic Pattern ScheduledFault FaultAction Target
    AutoScaling Deployment Version Alarm
);
