//! What serde and serde_json said about a malformed scenario, sorted into the few shapes they
//! come in, so the interface can say them in either language (`crate::i18n::describe_share_error`).
//!
//! The sorting matches the fixed start of each message in one small function ([`parse`]). That
//! is stable: serde's shape messages are made by the `serde::de::Error` constructors
//! (`missing_field`, `unknown_field`, `invalid_type`, …), whose wording is serde's public,
//! documented behaviour, and serde_json's syntax messages are the `Display` of its fixed
//! `ErrorCode`s. A message that ever stops matching is kept whole as `Other` and shown as
//! written ([`ShapeDetail::classify`] keeps a variant only when its `Display` gives back the very
//! text it read), so a change in serde costs a translation, never a wrong or lost message.

use std::fmt;

/// Why a JSON value does not have the scenario's shape.
#[derive(Clone, Debug, PartialEq)]
pub enum ShapeDetail {
    /// "missing field `code`".
    MissingField(String),
    /// "unknown field `gpus`, expected one of `count`, …"; `expected` is `None` for "there are
    /// no fields". The names are serde's list as written ("`a` or `b`", "one of `a`, `b`").
    UnknownField { field: String, expected: Option<String> },
    /// "unknown variant `mainframe`, expected one of …"; `None` for "there are no variants".
    UnknownVariant { variant: String, expected: Option<String> },
    /// "invalid type: string \"a\", expected u32": what was found, what was expected.
    InvalidType { found: String, expected: String },
    /// "invalid value: integer `-1`, expected u32".
    InvalidValue { found: String, expected: String },
    /// "invalid length 3, expected fewer elements in array".
    InvalidLength { len: usize, expected: String },
    /// "duplicate field `id`".
    DuplicateField(String),
    /// A short key and the long key it stands for are both present in a link.
    KeyTwice,
    /// The whole scenario is not a JSON object.
    NotAnObject,
    /// Anything else, as serde wrote it.
    Other(String),
}

impl ShapeDetail {
    /// Sorts serde's `message` into a variant whose `Display` is exactly `message`.
    pub fn classify(message: &str) -> ShapeDetail {
        let found = parse(message).filter(|d| d.to_string() == message);
        found.unwrap_or_else(|| ShapeDetail::Other(message.to_string()))
    }
}

/// "`name`" at the start of `s`: the name and the rest after the closing backquote.
fn quoted(s: &str) -> Option<(&str, &str)> {
    s.strip_prefix('`')?.split_once('`')
}

/// ", expected X" → `Some(X)`, ", there are no …" → `None`.
fn expected(rest: &str, none: &str) -> Option<Option<String>> {
    if rest == none {
        return Some(None);
    }
    rest.strip_prefix(", expected ").map(|e| Some(e.to_string()))
}

fn parse(m: &str) -> Option<ShapeDetail> {
    use ShapeDetail::*;
    if let Some(rest) = m.strip_prefix("missing field ") {
        return Some(MissingField(quoted(rest)?.0.to_string()));
    }
    if let Some(rest) = m.strip_prefix("duplicate field ") {
        return Some(DuplicateField(quoted(rest)?.0.to_string()));
    }
    if let Some(rest) = m.strip_prefix("unknown field ") {
        let (field, rest) = quoted(rest)?;
        let expected = expected(rest, ", there are no fields")?;
        return Some(UnknownField { field: field.to_string(), expected });
    }
    if let Some(rest) = m.strip_prefix("unknown variant ") {
        let (variant, rest) = quoted(rest)?;
        let expected = expected(rest, ", there are no variants")?;
        return Some(UnknownVariant { variant: variant.to_string(), expected });
    }
    // The value found may itself hold ", expected " (a string): split at the last one.
    let split = |rest: &str| rest.rsplit_once(", expected ").map(|(f, e)| (f.to_string(), e.to_string()));
    if let Some(rest) = m.strip_prefix("invalid type: ") {
        let (found, expected) = split(rest)?;
        return Some(InvalidType { found, expected });
    }
    if let Some(rest) = m.strip_prefix("invalid value: ") {
        let (found, expected) = split(rest)?;
        return Some(InvalidValue { found, expected });
    }
    if let Some(rest) = m.strip_prefix("invalid length ") {
        let (len, expected) = split(rest)?;
        return Some(InvalidLength { len: len.parse().ok()?, expected });
    }
    None
}

impl fmt::Display for ShapeDetail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ShapeDetail::*;
        match self {
            MissingField(name) => write!(f, "missing field `{name}`"),
            UnknownField { field, expected: Some(e) } => write!(f, "unknown field `{field}`, expected {e}"),
            UnknownField { field, expected: None } => {
                write!(f, "unknown field `{field}`, there are no fields")
            }
            UnknownVariant { variant, expected: Some(e) } => {
                write!(f, "unknown variant `{variant}`, expected {e}")
            }
            UnknownVariant { variant, expected: None } => {
                write!(f, "unknown variant `{variant}`, there are no variants")
            }
            InvalidType { found, expected } => write!(f, "invalid type: {found}, expected {expected}"),
            InvalidValue { found, expected } => write!(f, "invalid value: {found}, expected {expected}"),
            InvalidLength { len, expected } => write!(f, "invalid length {len}, expected {expected}"),
            DuplicateField(name) => write!(f, "duplicate field `{name}`"),
            KeyTwice => write!(f, "the field appears twice"),
            NotAnObject => write!(f, "a scenario is a JSON object {{ … }}"),
            Other(text) => f.write_str(text),
        }
    }
}

/// What serde_json's parser said about text that is not JSON. `ShareError::Json` keeps the
/// parser's text (the autosave's reader puts its own sentence there); this sorts it when the
/// interface words it, with the same exact-`Display` rule as [`ShapeDetail::classify`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonSyntax {
    /// "EOF while parsing a value" (a list, an object, a string): the text stops early.
    EndsEarly(String),
    /// "expected value", "expected `,` or `}`", "expected `:`" …: what the parser wanted.
    Expected(String),
    TrailingCharacters,
    TrailingComma,
    KeyMustBeString,
    InvalidNumber,
    NumberOutOfRange,
    ControlCharacter,
    InvalidEscape,
    RecursionLimit,
    Other(String),
}

impl JsonSyntax {
    pub fn classify(message: &str) -> JsonSyntax {
        use JsonSyntax::*;
        let sorted = if let Some(what) = message.strip_prefix("EOF while parsing ") {
            EndsEarly(what.to_string())
        } else if let Some(what) = message.strip_prefix("expected ") {
            Expected(what.to_string())
        } else {
            [
                TrailingCharacters,
                TrailingComma,
                KeyMustBeString,
                InvalidNumber,
                NumberOutOfRange,
                ControlCharacter,
                InvalidEscape,
                RecursionLimit,
            ]
            .into_iter()
            .find(|k| k.to_string() == message)
            .unwrap_or_else(|| Other(message.to_string()))
        };
        debug_assert_eq!(sorted.to_string(), message);
        sorted
    }
}

impl fmt::Display for JsonSyntax {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use JsonSyntax::*;
        match self {
            EndsEarly(what) => write!(f, "EOF while parsing {what}"),
            Expected(what) => write!(f, "expected {what}"),
            TrailingCharacters => write!(f, "trailing characters"),
            TrailingComma => write!(f, "trailing comma"),
            KeyMustBeString => write!(f, "key must be a string"),
            InvalidNumber => write!(f, "invalid number"),
            NumberOutOfRange => write!(f, "number out of range"),
            ControlCharacter => write!(f, "control character (\\u0000-\\u001F) found while parsing a string"),
            InvalidEscape => write!(f, "invalid escape"),
            RecursionLimit => write!(f, "recursion limit exceeded"),
            Other(text) => f.write_str(text),
        }
    }
}

/// Why a link's payload is not base64url. Positions count from the start of the link text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Base64Detail {
    /// A byte base64url does not use, at `at`.
    BadSymbol {
        byte: u8,
        at: usize,
    },
    /// The last symbol carries bits that no encoder writes: the link was cut.
    BadLastSymbol {
        byte: u8,
        at: usize,
    },
    BadLength,
    Padding,
}

impl Base64Detail {
    /// How a byte of a link is quoted: the character itself when it is printable ASCII, else
    /// its code (`None`).
    pub fn printable(byte: u8) -> Option<char> {
        byte.is_ascii_graphic().then_some(byte as char)
    }
}

impl fmt::Display for Base64Detail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown =
            |b: u8| Base64Detail::printable(b).map_or_else(|| format!("byte {b:#04x}"), |c| format!("'{c}'"));
        match *self {
            Base64Detail::BadSymbol { byte, at } => {
                write!(f, "{} at position {at} is not allowed in a link", shown(byte))
            }
            Base64Detail::BadLastSymbol { byte, at } => write!(
                f,
                "its last character {} (position {at}) cannot end a link (was it cut short?)",
                shown(byte)
            ),
            Base64Detail::BadLength => write!(f, "its length cannot be right (was it cut short?)"),
            Base64Detail::Padding => write!(f, "it ends with '=' padding, which links never have"),
        }
    }
}
