//! Scenario files: pretty JSON a person can read, diff and edit, loaded exactly like a link.

use super::{format, load, ShareError, MAX_JSON_LEN};
use crate::model::Scenario;

/// The scenario as an indented JSON document, ending with a newline (for "Export").
pub fn to_json_file(scenario: &Scenario) -> String {
    let mut text = serde_json::to_string_pretty(&format::Scenario::from(scenario))
        .expect("the format's types always serialize: string keys, no fallible Serialize");
    text.push('\n');
    text
}

/// A file's bytes as its text, by the one rule the browser and the runner share: more than
/// [`MAX_JSON_LEN`] bytes is refused unread; a UTF-8 byte-order mark (some editors write one)
/// is skipped; a UTF-16 one is refused as [`ShareError::Utf16`]; anything else must be valid
/// UTF-8 as a whole (a fatal decoder: a Latin-1 `Caf\xE9` is refused, never shown as "Caf�").
pub fn file_text(bytes: &[u8]) -> Result<&str, ShareError> {
    if bytes.len() > MAX_JSON_LEN {
        return Err(ShareError::FileTooLarge { len: bytes.len(), max: MAX_JSON_LEN });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ShareError::Utf16);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| ShareError::NotUtf8 { valid_up_to: e.valid_up_to() })
}

/// Reads a scenario file's bytes: [`file_text`], then [`from_json_file`].
pub fn from_file_bytes(bytes: &[u8]) -> Result<Scenario, ShareError> {
    from_json_file(file_text(bytes)?)
}

/// Reads a scenario file (for "Import" and drag-and-drop) with the same limits, migration and
/// validation as a link. A leading byte-order mark, which some editors write, is skipped.
pub fn from_json_file(text: &str) -> Result<Scenario, ShareError> {
    if text.len() > MAX_JSON_LEN {
        return Err(ShareError::FileTooLarge { len: text.len(), max: MAX_JSON_LEN });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ShareError::Empty);
    }
    load::from_file_text(text)
}
