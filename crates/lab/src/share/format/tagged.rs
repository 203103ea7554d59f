//! Reading an internally tagged enum (`{"type": "app_server", "count": 2}`) so that an error
//! inside it still names its field ("components[1].kind.count").
//!
//! serde's derived `#[serde(tag = …)]` reads the whole object into a buffer before it knows the
//! variant, and reads the variant from that buffer, where `serde_path_to_error` cannot follow:
//! every error inside was reported at the enum ("components[1].kind"). Here the tag must come
//! first, and the variant's fields are then read straight from the same map, through the
//! tracker. The loader moves every tag to the front of its object before reading
//! (`share::load`, with serde_json's `preserve_order`), so the tag may stand anywhere in the
//! text, as before. Writing stays serde's derived `#[serde(tag = …)]`, which puts it first.

use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};

/// The keys that tag an enum somewhere in the format. Moving one of them to the front of an
/// object that is not an enum (a component's `kind` field) changes nothing about its meaning.
pub(crate) const TAGS: [&str; 3] = ["type", "do", "kind"];

/// An internally tagged enum of the format.
pub(super) trait Tagged<'de>: Sized {
    /// serde's words for the enum, in "invalid type: …, expected internally tagged enum Kind".
    const NAME: &'static str;
    const TAG: &'static str;
    /// The variant names, as a derived fieldless enum (so an unknown one is named by serde).
    type Tag: Deserialize<'de>;
    /// The variant `tag` from the rest of the map: [`fields`] or [`no_fields`].
    fn variant<A: MapAccess<'de>>(tag: Self::Tag, rest: A) -> Result<Self, A::Error>;
}

/// `T` from a map whose first key is its tag.
pub(super) fn deserialize<'de, D: Deserializer<'de>, T: Tagged<'de>>(d: D) -> Result<T, D::Error> {
    d.deserialize_map(TaggedVisitor(PhantomData))
}

struct TaggedVisitor<T>(PhantomData<T>);

impl<'de, T: Tagged<'de>> Visitor<'de> for TaggedVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(T::NAME)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        match map.next_key::<String>()? {
            Some(key) if key == T::TAG => {
                let tag = map.next_value()?;
                T::variant(tag, map)
            }
            _ => Err(de::Error::missing_field(T::TAG)),
        }
    }
}

/// A variant's fields: the rest of the map, read as the struct `B`.
pub(super) fn fields<'de, A: MapAccess<'de>, B: Deserialize<'de>>(rest: A) -> Result<B, A::Error> {
    B::deserialize(MapAccessDeserializer::new(rest))
}

/// A variant without fields: anything else in the map is ignored, as serde's derived code did.
pub(super) fn no_fields<'de, A: MapAccess<'de>>(mut rest: A) -> Result<(), A::Error> {
    while rest.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

/// Implements `Deserialize` through [`deserialize`] for each tagged enum.
macro_rules! deserialize_tagged {
    ($($ty:ident)+) => {$(
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                super::tagged::deserialize(d)
            }
        }
    )+};
}
pub(super) use deserialize_tagged;
