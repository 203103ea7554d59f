//! Scenario files: pretty JSON a person can read, diff and edit, loaded exactly like a link.

use super::{load, ShareError, MAX_JSON_LEN};
use crate::model::{self, Scenario};

/// The scenario as an indented JSON document, ending with a newline (for "Export").
pub fn to_json_file(scenario: &Scenario) -> String {
    let mut text = model::to_string_pretty(scenario);
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
