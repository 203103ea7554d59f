//! A scenario kept by the browser (autosave, recent list, the banner's "go back"), read back.
//!
//! Since the browser compresses links asynchronously, what it keeps is the uncompressed compact
//! JSON of [`super::to_compact_json`]; what older builds kept is link text (`1.…`). Both stay
//! readable, and both go through the same checks as a stranger's link: storage is untrusted.
//! The JSON form reads synchronously everywhere; old link text must be inflated, which the
//! browser does asynchronously (`ui::deflate::decode_link_async`), so [`stored_form`] says
//! which one a text is.

use super::{load, ShareError, MAX_JSON_LEN};
use crate::model::Scenario;

/// Kept scenario text, sorted by form.
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant, reason = "read once and taken apart at once: no boxing needed")]
pub enum Stored<'a> {
    /// Compact JSON, already read (or refused).
    Json(Result<Scenario, ShareError>),
    /// Link text written by an older build, still to be decoded like any link.
    Link(&'a str),
}

/// Reads kept scenario text in either form: compact JSON (it starts with `{`, which no link
/// can) through the loader a link uses once inflated, anything else as a link. JSON longer than
/// [`MAX_JSON_LEN`] is refused before it is parsed, as a link that would inflate past it is.
#[cfg(not(target_arch = "wasm32"))]
pub fn from_stored(text: &str) -> Result<Scenario, ShareError> {
    match stored_form(text) {
        Stored::Json(result) => result,
        Stored::Link(link) => super::decode(link),
    }
}

/// The synchronous half of [`from_stored`]: compact JSON is read now, link text is handed back.
pub fn stored_form(text: &str) -> Stored<'_> {
    let trimmed = text.trim_start();
    if !trimmed.starts_with('{') {
        return Stored::Link(text);
    }
    if trimmed.len() > MAX_JSON_LEN {
        return Stored::Json(Err(ShareError::DecodedTooLarge { max: MAX_JSON_LEN }));
    }
    Stored::Json(load::from_link_bytes(trimmed.as_bytes().to_vec()))
}
