//! A scenario kept by the browser (autosave, recent list, the banner's "go back"), read back.
//!
//! Since the browser compresses links asynchronously, what it keeps is the uncompressed compact
//! JSON of [`super::to_compact_json`]; what older builds kept is link text (`1.…`). Both stay
//! readable, and both go through the same checks as a stranger's link: storage is untrusted.

use super::{decode, load, ShareError, MAX_JSON_LEN};
use crate::model::Scenario;

/// Reads kept scenario text in either form: compact JSON (it starts with `{`, which no link
/// can) through the loader a link uses once inflated, anything else as a link. JSON longer than
/// [`MAX_JSON_LEN`] is refused before it is parsed, as a link that would inflate past it is.
pub fn from_stored(text: &str) -> Result<Scenario, ShareError> {
    let trimmed = text.trim_start();
    if !trimmed.starts_with('{') {
        return decode(text);
    }
    if trimmed.len() > MAX_JSON_LEN {
        return Err(ShareError::DecodedTooLarge { max: MAX_JSON_LEN });
    }
    load::from_link_bytes(trimmed.as_bytes().to_vec())
}
