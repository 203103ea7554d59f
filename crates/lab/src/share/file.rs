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
