//! A `serde_json::Value` as compact JSON text, byte for byte what its `to_string` writes.
//!
//! Why not `Value::to_string`: it goes through serde's `Serialize`, serde_json's serializer and,
//! because `{:#}` pretty-prints, its pretty formatter as well, all for the few lines below
//! (issue 4: ~1.5 KB of the gzipped wasm). Floats are written by zmij as serde_json writes
//! them; `tests/json_parse.rs` compares the text with serde_json's on generated values.

use serde_json::{Number, Value};

/// `v` as compact JSON: what `v.to_string()` gives.
pub fn json_text(v: &Value) -> String {
    let mut out = String::new();
    push_value(&mut out, v);
    out
}

/// A string as a JSON string literal, quotes included: what `Value::from(s).to_string()` gives.
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_string(&mut out, s);
    out
}

/// A finite float as serde_json writes it ("1.0", "-0.0", "1e300"); `null` when not finite.
pub fn json_f64(x: f64) -> String {
    let mut out = String::new();
    push_f64(&mut out, x);
    out
}

fn push_value(out: &mut String, v: &Value) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => push_number(out, n),
        Value::String(s) => push_string(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                push_value(out, item);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, value)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                push_string(out, key);
                out.push(':');
                push_value(out, value);
            }
            out.push('}');
        }
    }
}

fn push_number(out: &mut String, n: &Number) {
    if let Some(u) = n.as_u64() {
        out.push_str(&u.to_string());
    } else if let Some(i) = n.as_i64() {
        out.push_str(&i.to_string());
    } else {
        push_f64(out, n.as_f64().unwrap_or(f64::NAN));
    }
}

fn push_f64(out: &mut String, x: f64) {
    if x.is_finite() {
        out.push_str(zmij::Buffer::new().format_finite(x));
    } else {
        out.push_str("null");
    }
}

/// serde_json's escapes: `"` and `\`, the short forms \b \t \n \f \r, every other control
/// character below U+0020 as \u00XX in lower-case hex; everything else as it is.
pub fn push_string(out: &mut String, s: &str) {
    out.push('"');
    let mut run = 0;
    for (at, byte) in s.bytes().enumerate() {
        let short = match byte {
            b'"' => '"',
            b'\\' => '\\',
            0x08 => 'b',
            b'\t' => 't',
            b'\n' => 'n',
            0x0c => 'f',
            b'\r' => 'r',
            0..=0x1f => 'u',
            _ => continue,
        };
        // Escaped bytes are ASCII, so `run..at` lies on character boundaries.
        out.push_str(&s[run..at]);
        run = at + 1;
        out.push('\\');
        out.push(short);
        if short == 'u' {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
        }
    }
    out.push_str(&s[run..]);
    out.push('"');
}
