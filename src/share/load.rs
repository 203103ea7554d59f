//! The second half of every load, shared by links and files: JSON text to a checked scenario.
//!
//! Parse to an untyped value (with serde_json's line and column on a syntax error), migrate
//! it to the current version, give it the scenario's shape (naming the field that does not
//! fit), then validate every rule of the model. Only a scenario that passes all four leaves.

use serde_json::Value;

use super::{keys, migrate, tracked, ShapeDetail, ShareError};
use crate::model::{validate, Scenario};

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
    tracked::deserialize(value).map_err(|e| {
        let path = inside_kind(value, &e).unwrap_or_else(|| e.path());
        let detail = ShapeDetail::classify(&clip(e.message()));
        ShareError::Shape { path: clip(&readable_path(value, &path)), detail }
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

/// How many times `inside_kind` may read the scenario again: a real kind has about twenty
/// fields; a hostile one with thousands keeps the coarser path instead of stalling the tab.
const RETRIES: usize = 128;

/// serde reads the internally tagged `kind` through a buffer and loses the path inside it
/// ("components[1].kind: invalid value -1"). Every field of a kind has a default, so the field
/// at fault is the one whose removal changes the error; the search goes down through nested
/// objects and arrays while exactly one child does ("components[1].kind.count"). It reads
/// the whole scenario again each time, through the same code as the first read, so the kinds'
/// deserializers are not instantiated a second time just to name a field.
fn inside_kind(value: &Value, first: &tracked::Error) -> Option<String> {
    let path = first.path();
    let index: usize = path.strip_prefix("components[")?.strip_suffix("].kind")?.parse().ok()?;
    let mut doc = value.clone();
    let same_error = |doc: &Value| match tracked::deserialize::<Scenario>(doc) {
        Ok(_) => false,
        Err(e) => e.message() == first.message() && e.path() == path,
    };
    let mut steps: Vec<Step> =
        vec![Step::Key("components".into()), Step::Index(index), Step::Key("kind".into())];
    let mut retries = RETRIES;
    let mut found = String::new();
    loop {
        let children: Vec<Step> = match node_mut(&mut doc, &steps)? {
            // The tag chooses the kind; it is never the field at fault.
            Value::Object(m) => {
                m.keys().filter(|k| steps.len() > 3 || *k != "type").cloned().map(Step::Key).collect()
            }
            Value::Array(a) => (0..a.len()).map(Step::Index).collect(),
            _ => break,
        };
        if children.len() > retries {
            break;
        }
        retries -= children.len();
        let mut culprit = None;
        for child in children {
            let removed = take(node_mut(&mut doc, &steps)?, &child)?;
            let changed = !same_error(&doc);
            put_back(node_mut(&mut doc, &steps)?, &child, removed);
            if changed {
                if culprit.is_some() {
                    culprit = None;
                    break;
                }
                culprit = Some(child);
            }
        }
        let Some(child) = culprit else { break };
        match &child {
            Step::Key(k) => found.push_str(&format!(".{k}")),
            Step::Index(i) => found.push_str(&format!("[{i}]")),
        }
        steps.push(child);
    }
    Some(format!("{path}{found}"))
}

enum Step {
    Key(String),
    Index(usize),
}

fn node_mut<'a>(doc: &'a mut Value, steps: &[Step]) -> Option<&'a mut Value> {
    steps.iter().try_fold(doc, |node, step| match step {
        Step::Key(k) => node.get_mut(k.as_str()),
        Step::Index(i) => node.get_mut(*i),
    })
}

fn take(node: &mut Value, child: &Step) -> Option<Value> {
    match (node, child) {
        (Value::Object(m), Step::Key(k)) => m.remove(k),
        (Value::Array(a), Step::Index(i)) if *i < a.len() => Some(a.remove(*i)),
        _ => None,
    }
}

fn put_back(node: &mut Value, child: &Step, removed: Value) -> Option<()> {
    match (node, child) {
        (Value::Object(m), Step::Key(k)) => {
            m.insert(k.clone(), removed);
        }
        (Value::Array(a), Step::Index(i)) => a.insert(*i, removed),
        _ => return None,
    }
    Some(())
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
