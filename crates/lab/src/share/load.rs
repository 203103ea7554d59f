//! The second half of every load, shared by links and files: JSON text to a checked scenario.
//!
//! Parse to an untyped value (with serde_json's words, line and column on a syntax error), migrate
//! it to the current version, give it the scenario's shape (naming the field that does not
//! fit), then validate every rule of the model. Only a scenario that passes all four leaves.

use serde_json::Value;

use super::{keys, migrate, ShapeDetail, ShareError};
use crate::model::{self, validate, Scenario};

/// Decompressed link bytes (JSON with short keys) to a scenario.
pub(super) fn from_link_bytes(bytes: Vec<u8>) -> Result<Scenario, ShareError> {
    let text = String::from_utf8(bytes)
        .map_err(|e| ShareError::NotUtf8 { valid_up_to: e.utf8_error().valid_up_to() })?;
    let mut value = parse(&text)?;
    keys::expand(&mut value)?;
    finish(value)
}

/// JSON text from a file to a scenario.
pub(super) fn from_file_text(text: &str) -> Result<Scenario, ShareError> {
    finish(parse(text)?)
}

/// The reader stops at 128 levels of nesting with an error (as serde_json does), so deep input
/// cannot overflow the stack here, nor in the recursive passes that follow.
fn parse(text: &str) -> Result<Value, ShareError> {
    model::parse_json(text).map_err(|e| ShareError::Json {
        line: e.line,
        column: e.column,
        message: e.message.to_string(),
    })
}

fn finish(value: Value) -> Result<Scenario, ShareError> {
    let value = migrate::migrate(value)?;
    let scenario = shape(&value)?;
    let problems = validate(&scenario);
    if problems.is_empty() {
        Ok(scenario)
    } else {
        Err(ShareError::Invalid(problems))
    }
}

/// Reads the migrated value, reporting where it does not fit: "components[2](app-1).x".
fn shape(value: &Value) -> Result<Scenario, ShareError> {
    model::from_value::<Scenario>(value).map_err(|e| ShareError::Shape {
        path: clip(&readable_path(value, &e.path)),
        detail: ShapeDetail::classify(&clip(&e.message)),
    })
}

/// serde quotes the offending key or value in its message ("unknown field `…`"); a hostile
/// one may be a megabyte long, so messages keep at most this many characters of it.
const CLIP_CHARS: usize = 120;

fn clip(text: &str) -> String {
    match text.char_indices().nth(CLIP_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

/// The shape path is "components[2].kind.x"; add the component's id when it has one,
/// since that is the name the student sees on the canvas.
fn readable_path(value: &Value, path: &str) -> String {
    let Some(rest) = path.strip_prefix("components[") else {
        return path.to_string();
    };
    let Some((index, tail)) = rest.split_once(']') else {
        return path.to_string();
    };
    let id = index.parse::<usize>().ok().and_then(|i| value.get("components")?.get(i)?.get("id")?.as_str());
    match id {
        Some(id) if id.len() <= 32 && id.bytes().all(|b| b.is_ascii_graphic()) => {
            format!("components[{index}]({id}){tail}")
        }
        _ => path.to_string(),
    }
}
