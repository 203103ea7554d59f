//! The second half of every load, shared by links and files: JSON text to a checked scenario.
//!
//! Parse to an untyped value (with serde_json's words, line and column on a syntax error),
//! migrate it to the current version, read it as the format's types (naming the field that does
//! not fit, with `serde_path_to_error`), convert to the model, then validate every rule of the
//! model. Only a scenario that passes all of them leaves.

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::format::tagged::TAGS;
use super::{format, keys, migrate, ShapeDetail, ShareError};
use crate::model::{validate, Scenario};

/// Decompressed link bytes (JSON with short keys) to a scenario.
pub(super) fn from_link_bytes(bytes: Vec<u8>) -> Result<Scenario, ShareError> {
    let text = String::from_utf8(bytes)
        .map_err(|e| ShareError::NotUtf8 { valid_up_to: e.utf8_error().valid_up_to() })?;
    let mut value = parse(&text)?;
    keys::expand(&mut value)?;
    finish(value)
}

/// JSON text from a file to a scenario. A file whose top level has the link's short key for
/// `version` and not the long one was written with the short keys (link JSON saved by hand):
/// it is read as a link's JSON is, through the same frozen table, rather than refused as
/// having no version.
pub(super) fn from_file_text(text: &str) -> Result<Scenario, ShareError> {
    let mut value = parse(text)?;
    if keys::has_short_version(&value) {
        keys::expand(&mut value)?;
    }
    finish(value)
}

/// serde_json stops at 128 levels of nesting with an error, so deep input cannot overflow the
/// stack here, nor in the recursive passes that follow.
pub(super) fn parse(text: &str) -> Result<Value, ShareError> {
    serde_json::from_str(text).map_err(|e| {
        // Its Display is "<message> at line L column C"; the position has its own fields.
        let full = e.to_string();
        let message = full.rsplit_once(" at line ").map_or(full.as_str(), |(m, _)| m).to_string();
        ShareError::Json { line: e.line(), column: e.column(), message }
    })
}

fn finish(value: Value) -> Result<Scenario, ShareError> {
    let mut value = migrate::migrate(value)?;
    let scenario: Scenario = read::<format::Scenario>(&mut value)?.into();
    let problems = validate(&scenario);
    if problems.is_empty() {
        Ok(scenario)
    } else {
        Err(ShareError::Invalid(problems))
    }
}

/// Reads the value as the format type `F`, reporting where it does not fit:
/// "components[2](app-1).kind.count". Every tag is moved to the front of its object first, as
/// `format::tagged` needs.
pub(super) fn read<F: DeserializeOwned>(value: &mut Value) -> Result<F, ShareError> {
    tags_first(value);
    serde_path_to_error::deserialize(&*value).map_err(|e| ShareError::Shape {
        path: clip(&readable_path(value, &e.path().to_string())),
        detail: ShapeDetail::classify(&clip(&e.inner().to_string())),
    })
}

fn tags_first(v: &mut Value) {
    match v {
        Value::Array(items) => items.iter_mut().for_each(tags_first),
        Value::Object(map) => {
            map.values_mut().for_each(tags_first);
            for tag in TAGS {
                if let Some((k, tag_value)) = map.shift_remove_entry(tag) {
                    map.shift_insert(0, k, tag_value);
                }
            }
        }
        _ => {}
    }
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
