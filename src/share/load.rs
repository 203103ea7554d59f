//! The second half of every load, shared by links and files: JSON text to a checked scenario.
//!
//! Parse to an untyped value (with serde_json's line and column on a syntax error), migrate
//! it to the current version, give it the scenario's shape (naming the field that does not
//! fit), then validate every rule of the model. Only a scenario that passes all four leaves.

use serde_json::Value;

use super::{keys, migrate, ShareError};
use crate::model::{validate, AppServer, Clients, Database, Dns, LoadBalancer, Scenario};

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

/// serde_json stops at 128 levels of nesting with an error, so deep input cannot overflow the
/// stack here, nor in the recursive passes that follow.
fn parse(text: &str) -> Result<Value, ShareError> {
    serde_json::from_str(text).map_err(|e| json_error(&e))
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

fn json_error(e: &serde_json::Error) -> ShareError {
    // Display is "<message> at line L column C"; the position is kept in its own fields.
    let full = e.to_string();
    let message = full.rsplit_once(" at line ").map_or(full.as_str(), |(m, _)| m).to_string();
    ShareError::Json { line: e.line(), column: e.column(), message }
}

/// Deserializes the migrated value, reporting where it does not fit: "components[2](app-1).x".
fn shape(value: &Value) -> Result<Scenario, ShareError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let (path, message) = inside_kind(value, &path).unwrap_or_else(|| (path, e.inner().to_string()));
        ShareError::Shape { path: clip(&readable_path(value, &path)), message: clip(&message) }
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

/// serde reads the internally tagged `kind` through a buffer and loses the path inside it
/// ("components[1].kind: invalid value -1"). Reading that one object again as its concrete
/// type finds the field ("components[1].kind.count").
fn inside_kind(value: &Value, path: &str) -> Option<(String, String)> {
    let index: usize = path.strip_prefix("components[")?.strip_suffix("].kind")?.parse().ok()?;
    let mut kind = value.get("components")?.get(index)?.get("kind")?.as_object()?.clone();
    let tag = kind.remove("type")?;
    let kind = Value::Object(kind);
    let err = match tag.as_str()? {
        "clients" => serde_path_to_error::deserialize::<_, Clients>(&kind).err()?,
        "dns" => serde_path_to_error::deserialize::<_, Dns>(&kind).err()?,
        "load_balancer" => serde_path_to_error::deserialize::<_, LoadBalancer>(&kind).err()?,
        "app_server" => serde_path_to_error::deserialize::<_, AppServer>(&kind).err()?,
        "database" => serde_path_to_error::deserialize::<_, Database>(&kind).err()?,
        _ => return None,
    };
    let inner = err.path().to_string();
    let path = if inner == "." { path.to_string() } else { format!("{path}.{inner}") };
    Some((path, err.inner().to_string()))
}

/// serde_path_to_error writes "components[2].kind.x"; add the component's id when it has one,
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
