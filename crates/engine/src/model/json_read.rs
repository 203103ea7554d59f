//! Reading the scenario out of parsed JSON by hand, with the path of whatever does not fit.
//!
//! serde's derived `Deserialize` generated a visitor per type and read every internally tagged
//! enum twice (through its buffered `Content`); for the scenario that was ≈ 56 KB of the
//! gzipped bundle. These readers are plain functions over `&serde_json::Value`, one per type,
//! sharing the few helpers below, and they answer exactly as the derived code did: the same
//! defaults, unknown fields refused, and serde's own wording for every message (they are made
//! by serde's `de::Error` constructors), so a student sees the same sentence as before. The
//! path is kept on the way down, so an error names the field even inside a component's `kind`.
//!
//! Also as the derived code did, a struct may be given as an array of its fields in
//! declaration order, an internally tagged enum as an array whose first element is the tag,
//! and a unit enum as `{"variant": null}`; the format documents only the object forms.

use serde::de::Error as _;
use serde_json::{Map, Value};

type SerdeError = serde::de::value::Error;

/// Where the JSON does not have the scenario's shape, and serde's words for what is wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct ShapeError {
    /// In `serde_path_to_error`'s notation: `components[1].kind.count`, `.` for the root.
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for ShapeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at {}", self.message, self.path)
    }
}

impl std::error::Error for ShapeError {}

/// Boxed, so every `Result` the readers pass around stays two words wide (unboxed, the error
/// of two strings cost 2.7 KB more of the gzipped bundle).
pub type Read<T> = Result<T, Box<ShapeError>>;

enum Seg<'v> {
    Key(&'v str),
    Index(usize),
}

/// The path from the root to the value being read.
#[derive(Default)]
pub struct At<'v> {
    segs: Vec<Seg<'v>>,
    /// Inside the body of an internally tagged enum, which serde read from its buffer: an array
    /// with too many elements is reported in that buffer's words.
    buffered: bool,
}

impl<'v> At<'v> {
    /// The error `message` at the current path. Out of line: every reader calls it.
    #[inline(never)]
    pub fn fail(&self, message: SerdeError) -> Box<ShapeError> {
        let mut path = String::new();
        for seg in &self.segs {
            match seg {
                Seg::Index(i) => path.push_str(&format!("[{i}]")),
                Seg::Key(k) => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(k);
                }
            }
        }
        if path.is_empty() {
            path.push('.');
        }
        Box::new(ShapeError { path, message: message.to_string() })
    }

    fn invalid_type(&self, v: &Value, expected: &str) -> Box<ShapeError> {
        self.fail(invalid("type", &unexpected(v), expected))
    }

    /// One level down, at `seg`. An error leaves the path as it is: it was copied into the
    /// error, and the reader is not used again.
    fn enter(&mut self, seg: Seg<'v>) {
        self.segs.push(seg);
    }

    fn leave(&mut self) {
        self.segs.pop();
    }
}

/// What serde calls the value in "invalid type: …" (`null` is serde's "unit value"), in the
/// words of serde's `Unexpected`. Written here rather than through `Unexpected`: its `Display`
/// prints a float with `{}`, which would keep core's float printers in the wasm (issue 4).
fn unexpected(v: &Value) -> String {
    match v {
        Value::Null => "unit value".to_string(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => format!("integer `{u}`"),
            (None, Some(i)) => format!("integer `{i}`"),
            _ => {
                let f = n.as_f64().unwrap_or(f64::NAN);
                // serde's `WithDecimalPoint`: a finite whole number still reads as a float.
                let mut text = f.to_string();
                if f.is_finite() && !text.contains('.') {
                    text.push_str(".0");
                }
                format!("floating point `{text}`")
            }
        },
        Value::String(s) => format!("string {s:?}"),
        Value::Array(_) => "sequence".to_string(),
        Value::Object(_) => "map".to_string(),
    }
}

/// serde's `invalid_type` / `invalid_value` message ("invalid type: map, expected f64").
fn invalid(what: &str, found: &str, expected: &str) -> SerdeError {
    SerdeError::custom(format_args!("invalid {what}: {found}, expected {expected}"))
}

/// A type read from JSON the way its former derived `Deserialize` read it.
pub trait FromJson: Sized {
    fn read<'v>(v: &'v Value, at: &mut At<'v>) -> Read<Self>;
}

impl<T: FromJson> FromJson for Vec<T> {
    fn read<'v>(v: &'v Value, at: &mut At<'v>) -> Read<Self> {
        vec_of(v, at, T::read)
    }
}

/// `T` from a parsed value, or the first place where it does not fit.
pub fn from_value<T: FromJson>(v: &Value) -> Result<T, ShapeError> {
    T::read(v, &mut At::default()).map_err(|e| *e)
}

/// `T` from JSON text: serde_json's syntax error ("… at line 3 column 7") or the shape error
/// ("missing field `x` at components[0]"). No migration and no validation: for files this
/// build wrote itself (fixtures, the headless runner); untrusted text goes through `share`.
pub fn from_json_str<T: FromJson>(text: &str) -> Result<T, String> {
    let v = super::parse_json(text).map_err(|e| e.to_string())?;
    from_value(&v).map_err(|e| e.to_string())
}

pub fn f64_of<'v>(v: &'v Value, at: &mut At<'v>) -> Read<f64> {
    match v {
        Value::Number(n) => Ok(n.as_f64().unwrap_or(f64::NAN)),
        _ => Err(at.invalid_type(v, "f64")),
    }
}

pub fn u64_of<'v>(v: &'v Value, at: &mut At<'v>) -> Read<u64> {
    match v {
        Value::Number(n) if n.is_u64() => Ok(n.as_u64().unwrap_or(0)),
        Value::Number(n) if n.is_i64() => {
            Err(at.fail(invalid("value", &format!("integer `{}`", n.as_i64().unwrap_or(0)), "u64")))
        }
        _ => Err(at.invalid_type(v, "u64")),
    }
}

pub fn u32_of<'v>(v: &'v Value, at: &mut At<'v>) -> Read<u32> {
    match v {
        Value::Number(n) if n.is_u64() || n.is_i64() => n
            .as_u64()
            .and_then(|u| u32::try_from(u).ok())
            .ok_or_else(|| at.fail(invalid("value", &unexpected(v), "u32"))),
        _ => Err(at.invalid_type(v, "u32")),
    }
}

pub fn bool_of<'v>(v: &'v Value, at: &mut At<'v>) -> Read<bool> {
    v.as_bool().ok_or_else(|| at.invalid_type(v, "a boolean"))
}

pub fn string_of<'v>(v: &'v Value, at: &mut At<'v>) -> Read<String> {
    v.as_str().map(str::to_string).ok_or_else(|| at.invalid_type(v, "a string"))
}

/// An `Option` field: `null` is `None`, anything else is read as the value.
pub fn opt<'v, T>(
    v: &'v Value,
    at: &mut At<'v>,
    read: fn(&'v Value, &mut At<'v>) -> Read<T>,
) -> Read<Option<T>> {
    match v {
        Value::Null => Ok(None),
        _ => read(v, at).map(Some),
    }
}

pub fn vec_of<'v, T>(
    v: &'v Value,
    at: &mut At<'v>,
    read: fn(&'v Value, &mut At<'v>) -> Read<T>,
) -> Read<Vec<T>> {
    let Value::Array(items) = v else { return Err(at.invalid_type(v, "a sequence")) };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        at.enter(Seg::Index(i));
        out.push(read(item, at)?);
        at.leave();
    }
    Ok(out)
}

/// A struct's name as serde's messages give it ("struct Rect", "struct variant
/// FaultAction::Kill") and its fields in declaration order.
pub struct Shape {
    pub name: &'static str,
    pub fields: &'static [&'static str],
}

/// How a struct's fields were given, to word a missing one as serde did.
pub struct Given<'s> {
    shape: &'s Shape,
    /// The array's length when the struct came as an array.
    seq: Option<usize>,
}

impl Given<'_> {
    /// A required field's value, or serde's error for its absence.
    pub fn req<T>(&self, slot: Option<T>, field: usize, at: &At) -> Read<T> {
        slot.ok_or_else(|| match self.seq {
            None => at.fail(SerdeError::missing_field(self.shape.fields[field])),
            Some(_) => at.fail(SerdeError::invalid_length(field, &with_elements(self.shape).as_str())),
        })
    }
}

fn with_elements(shape: &Shape) -> String {
    let n = shape.fields.len();
    format!("{} with {n} element{}", shape.name, if n == 1 { "" } else { "s" })
}

/// The body of a struct, or of an internally tagged variant without its tag.
enum Body<'v> {
    Map(&'v Map<String, Value>, Option<&'static str>),
    /// The elements, and the index of the first in the JSON array (1 after a tag).
    Seq(&'v [Value], usize),
}

type FieldFn<'f, 'v> = dyn FnMut(usize, &'v Value, &mut At<'v>) -> Read<()> + 'f;

/// Reads a struct given as an object (unknown fields refused, as with `deny_unknown_fields`)
/// or as an array, handing each field present to `field` with its index in `shape`. Fields in
/// the object's key order, as serde met them; missing ones are the caller's to default.
pub fn strukt<'v, 's>(
    v: &'v Value,
    at: &mut At<'v>,
    shape: &'s Shape,
    field: &mut FieldFn<'_, 'v>,
) -> Read<Given<'s>> {
    match v {
        Value::Object(m) => fields(Body::Map(m, None), at, shape, field),
        Value::Array(items) => fields(Body::Seq(items, 0), at, shape, field),
        _ => Err(at.invalid_type(v, shape.name)),
    }
}

fn fields<'v, 's>(
    body: Body<'v>,
    at: &mut At<'v>,
    shape: &'s Shape,
    field: &mut FieldFn<'_, 'v>,
) -> Read<Given<'s>> {
    match body {
        Body::Map(m, tag) => {
            for (k, v) in m {
                if Some(k.as_str()) == tag {
                    continue;
                }
                let Some(i) = shape.fields.iter().position(|f| f == k) else {
                    at.enter(Seg::Key(k));
                    return Err(at.fail(SerdeError::unknown_field(k, shape.fields)));
                };
                at.enter(Seg::Key(k));
                field(i, v, at)?;
                at.leave();
            }
            Ok(Given { shape, seq: None })
        }
        Body::Seq(items, first) => {
            let n = shape.fields.len();
            for (i, v) in items.iter().take(n).enumerate() {
                at.enter(Seg::Index(first + i));
                field(i, v, at)?;
                at.leave();
            }
            if items.len() > n {
                let message = if at.buffered {
                    let expected = format!("{n} element{} in sequence", if n == 1 { "" } else { "s" });
                    SerdeError::invalid_length(items.len(), &expected.as_str())
                } else {
                    SerdeError::invalid_length(items.len(), &"fewer elements in array")
                };
                return Err(at.fail(message));
            }
            Ok(Given { shape, seq: Some(items.len()) })
        }
    }
}

/// A fieldless enum: its variant's name as a string, or `{"name": null}`.
pub fn unit_enum<'v>(v: &'v Value, at: &mut At<'v>, variants: &'static [&'static str]) -> Read<usize> {
    match v {
        Value::String(s) => variant(s, at, variants),
        Value::Object(m) if m.len() == 1 => {
            let (k, inner) = m.iter().next().expect("one entry");
            at.enter(Seg::Key(k));
            let i = variant(k, at, variants)?;
            match inner {
                Value::Null => {
                    at.leave();
                    Ok(i)
                }
                _ => Err(at.invalid_type(inner, "unit")),
            }
        }
        Value::Object(_) => Err(at.fail(invalid("value", "map", "map with a single key"))),
        _ => Err(at.invalid_type(v, "string or map")),
    }
}

fn variant(name: &str, at: &At, variants: &'static [&'static str]) -> Read<usize> {
    variants
        .iter()
        .position(|n| *n == name)
        .ok_or_else(|| at.fail(SerdeError::unknown_variant(name, variants)))
}

/// An internally tagged enum (`#[serde(tag = "…")]`), as `(variant index, body reader)`.
pub struct Tagged<'v> {
    pub index: usize,
    body: Body<'v>,
}

/// The tag of an internally tagged enum `name` ("internally tagged enum Kind"): a variant name,
/// or (serde allowed it) the variant's index.
pub fn tagged<'v>(
    v: &'v Value,
    at: &mut At<'v>,
    tag: &'static str,
    name: &'static str,
    variants: &'static [&'static str],
) -> Read<Tagged<'v>> {
    let (tag_value, body) = match v {
        Value::Object(m) => match m.get_key_value(tag) {
            Some((k, t)) => ((Seg::Key(k.as_str()), t), Body::Map(m, Some(tag))),
            None => return Err(at.fail(SerdeError::missing_field(tag))),
        },
        Value::Array(items) => match items.split_first() {
            Some((t, rest)) => ((Seg::Index(0), t), Body::Seq(rest, 1)),
            None => return Err(at.fail(SerdeError::missing_field(tag))),
        },
        _ => return Err(at.invalid_type(v, name)),
    };
    let (seg, t) = tag_value;
    at.enter(seg);
    let index = match t {
        Value::String(s) => variant(s, at, variants),
        Value::Number(n) if n.is_u64() => {
            let i = n.as_u64().unwrap_or(u64::MAX);
            usize::try_from(i).ok().filter(|&i| i < variants.len()).ok_or_else(|| {
                let expected = format!("variant index 0 <= i < {}", variants.len());
                at.fail(invalid("value", &format!("integer `{i}`"), &expected))
            })
        }
        _ => Err(at.invalid_type(t, "variant identifier")),
    }?;
    at.leave();
    Ok(Tagged { index, body })
}

impl<'v> Tagged<'v> {
    /// Reads the variant's fields, as serde did from its buffer.
    pub fn fields<'s>(
        self,
        at: &mut At<'v>,
        shape: &'s Shape,
        field: &mut FieldFn<'_, 'v>,
    ) -> Read<Given<'s>> {
        let outer = std::mem::replace(&mut at.buffered, true);
        let out = fields(self.body, at, shape, field);
        at.buffered = outer;
        out
    }
}
