//! The one comparison `tests/json_parse.rs` (native) and `tests/wasm_json_parse.rs` (Chromium)
//! make: `model::parse_json` against `serde_json::from_str::<Value>`, the reader it replaces.

use archlab::model::parse_json;
use serde_json::Value;

/// Panics with the text when the two readers disagree in any way: the value (and its written
/// form, since `Value`'s `==` takes 0.0 for -0.0), or the error's words, line and column.
pub fn agree(text: &str) {
    let ours = parse_json(text);
    let reference = serde_json::from_str::<Value>(text);
    match (&ours, &reference) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a, b, "{text:?}");
            assert_eq!(a.to_string(), b.to_string(), "{text:?}");
        }
        (Err(a), Err(b)) => {
            assert_eq!(a.to_string(), b.to_string(), "{text:?}");
            assert_eq!((a.line, a.column), (b.line(), b.column()), "{text:?}");
        }
        _ => panic!("{text:?}: ours {ours:?}, serde_json {reference:?}"),
    }
}

/// [`agree`] on three texts of a finite double: its shortest (as written by serde_json), `{:e}`,
/// and 31 significant digits, which is past what tells two doubles apart.
pub fn agree_on_float(x: f64) {
    if x.is_finite() {
        agree(&Value::from(x).to_string());
        agree(&format!("{x:e}"));
        agree(&format!("{x:.30e}"));
    }
}
