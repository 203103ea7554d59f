//! JSON text to `serde_json::Value`, for every text the app reads (scenario files, share links,
//! autosave, language packs, numbers typed in a field).
//!
//! Why not `serde_json::from_str`: its reader, with the exact float parser a round trip needs
//! (`float_roundtrip`), was ~21 KB of the wasm before wasm-opt (~7 KB gzipped), the largest piece
//! of the bundle that did one small job (issue 4). This reader builds the same `Value`s and
//! refuses text with serde_json's own words, at serde_json's line and column (so the interface,
//! which words them in Korean through `share::JsonSyntax`, says the same as before). It is
//! checked against serde_json itself on generated and damaged texts (`tests/json_parse.rs`).
//! The house rule prefers a well-kept crate to code written by hand; this is the exception
//! because of its size, and serde_json stays as the reference the tests hold it to. The
//! browser's `JSON.parse` was the other way out: it reads every number as a double (a `u64`
//! seed above 2^53 would change) and not every engine says where the text went wrong.
//!
//! Decimal numbers are the one part handed to someone else (`crate::decimal`: the standard
//! library natively, the browser's `parseFloat` in the wasm). Both round correctly, so they give
//! the same `f64` for the same text, the one serde_json gives (checked natively, and in Chromium
//! by `tests/wasm_json_parse.rs`), without core's decimal-to-float code and its table in the wasm.

use serde_json::{Map, Number, Value};

/// Text that is not JSON: serde_json's message for it ("expected `,` or `}`") and where, as
/// serde_json counts: lines from 1, columns in bytes from the start of the line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: &'static str,
    pub line: usize,
    pub column: usize,
}

impl std::fmt::Display for SyntaxError {
    /// As serde_json's `Error` displays: "<message> at line L column C".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at line {} column {}", self.message, self.line, self.column)
    }
}

/// serde_json's limit: the 128th open bracket is refused, so neither this reader nor the
/// recursive passes after it can overflow the stack on hostile input.
const DEPTH: u8 = 128;

const EOF_VALUE: &str = "EOF while parsing a value";
const EOF_LIST: &str = "EOF while parsing a list";
const EOF_OBJECT: &str = "EOF while parsing an object";
const EOF_STRING: &str = "EOF while parsing a string";
const INVALID_NUMBER: &str = "invalid number";
const INVALID_ESCAPE: &str = "invalid escape";
const LONE_SURROGATE: &str = "lone leading surrogate in hex escape";
const HEX_ESCAPE_END: &str = "unexpected end of hex escape";
const TRAILING_COMMA: &str = "trailing comma";
const TRAILING_CHARACTERS: &str = "trailing characters";
const KEY_MUST_BE_STRING: &str = "key must be a string";
const OUT_OF_RANGE: &str = "number out of range";

/// The whole text as one JSON value (surrounding whitespace allowed), as `serde_json::from_str`.
pub fn parse_json(text: &str) -> Result<Value, SyntaxError> {
    let mut r = Reader { text: text.as_bytes(), at: 0, depth: DEPTH };
    let value = r.value()?;
    match r.skip_space() {
        Some(_) => Err(r.peek_error(TRAILING_CHARACTERS)),
        None => Ok(value),
    }
}

type Read<T> = Result<T, SyntaxError>;

/// A cursor over the text. serde_json places an error either at the cursor (`error`: after the
/// byte just consumed) or one byte past it (`peek_error`: on the byte looked at); each site below
/// uses the one serde_json uses there.
struct Reader<'t> {
    text: &'t [u8],
    at: usize,
    depth: u8,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        Some(b)
    }

    fn error_at(&self, at: usize, message: &'static str) -> SyntaxError {
        let before = &self.text[..at];
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let line = 1 + before[..line_start].iter().filter(|&&b| b == b'\n').count();
        SyntaxError { message, line, column: at - line_start }
    }

    fn error(&self, message: &'static str) -> SyntaxError {
        self.error_at(self.at, message)
    }

    fn peek_error(&self, message: &'static str) -> SyntaxError {
        self.error_at((self.at + 1).min(self.text.len()), message)
    }

    /// The next byte that is not JSON whitespace, not consumed.
    fn skip_space(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.at += 1;
        }
        self.peek()
    }

    fn value(&mut self) -> Read<Value> {
        let Some(first) = self.skip_space() else {
            return Err(self.peek_error(EOF_VALUE));
        };
        match first {
            b'n' => self.word(b"null", Value::Null),
            b't' => self.word(b"true", Value::Bool(true)),
            b'f' => self.word(b"false", Value::Bool(false)),
            b'-' | b'0'..=b'9' => self.number(),
            b'"' => {
                self.at += 1;
                self.string().map(Value::String)
            }
            b'[' | b'{' => {
                self.depth -= 1;
                if self.depth == 0 {
                    return Err(self.peek_error("recursion limit exceeded"));
                }
                self.at += 1;
                let value = if first == b'[' { self.list() } else { self.object() };
                self.depth += 1;
                value
            }
            _ => Err(self.peek_error("expected value")),
        }
    }

    fn word(&mut self, word: &[u8], value: Value) -> Read<Value> {
        self.at += 1;
        for &want in &word[1..] {
            match self.next() {
                None => return Err(self.error(EOF_VALUE)),
                Some(b) if b != want => return Err(self.error("expected ident")),
                Some(_) => {}
            }
        }
        Ok(value)
    }

    /// After `[`: elements up to and including `]`.
    fn list(&mut self) -> Read<Value> {
        let mut items = Vec::new();
        loop {
            match self.skip_space() {
                None => return Err(self.peek_error(EOF_LIST)),
                Some(b']') => break,
                Some(_) if items.is_empty() => {}
                Some(b',') => {
                    self.at += 1;
                    match self.skip_space() {
                        Some(b']') => return Err(self.peek_error(TRAILING_COMMA)),
                        Some(_) => {}
                        None => return Err(self.peek_error(EOF_VALUE)),
                    }
                }
                Some(_) => return Err(self.peek_error("expected `,` or `]`")),
            }
            items.push(self.value()?);
        }
        self.at += 1;
        Ok(Value::Array(items))
    }

    /// After `{`: members up to and including `}`. A key given twice keeps its last value.
    fn object(&mut self) -> Read<Value> {
        let mut map = Map::new();
        let mut first = true;
        loop {
            match self.skip_space() {
                None => return Err(self.peek_error(EOF_OBJECT)),
                Some(b'}') => break,
                Some(b'"') if first => {}
                Some(_) if first => return Err(self.peek_error(KEY_MUST_BE_STRING)),
                Some(b',') => {
                    self.at += 1;
                    match self.skip_space() {
                        Some(b'"') => {}
                        Some(b'}') => return Err(self.peek_error(TRAILING_COMMA)),
                        Some(_) => return Err(self.peek_error(KEY_MUST_BE_STRING)),
                        None => return Err(self.peek_error(EOF_VALUE)),
                    }
                }
                Some(_) => return Err(self.peek_error("expected `,` or `}`")),
            }
            first = false;
            self.at += 1;
            let key = self.string()?;
            match self.skip_space() {
                Some(b':') => self.at += 1,
                Some(_) => return Err(self.peek_error("expected `:`")),
                None => return Err(self.peek_error(EOF_OBJECT)),
            }
            let value = self.value()?;
            map.insert(key, value);
        }
        self.at += 1;
        Ok(Value::Object(map))
    }

    /// After the opening quote: the string's text up to and including the closing quote.
    fn string(&mut self) -> Read<String> {
        let mut out = Vec::new();
        let mut start = self.at;
        loop {
            match self.next() {
                None => return Err(self.error(EOF_STRING)),
                Some(b'"') => break,
                Some(b'\\') => {
                    out.extend_from_slice(&self.text[start..self.at - 1]);
                    self.escape(&mut out)?;
                    start = self.at;
                }
                Some(0..=0x1f) => {
                    return Err(self.error("control character (\\u0000-\\u001F) found while parsing a string"))
                }
                Some(_) => {}
            }
        }
        out.extend_from_slice(&self.text[start..self.at - 1]);
        // The text was UTF-8 and escapes only ever add whole characters (surrogates are paired
        // or refused), so this cannot fail; the error is kept rather than a panic.
        String::from_utf8(out).map_err(|_| self.error("invalid unicode code point"))
    }

    /// After a backslash.
    fn escape(&mut self, out: &mut Vec<u8>) -> Read<()> {
        let byte = match self.next().ok_or_else(|| self.error(EOF_STRING))? {
            b'"' => b'"',
            b'\\' => b'\\',
            b'/' => b'/',
            b'b' => 0x08,
            b'f' => 0x0c,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => return self.unicode_escape(out),
            _ => return Err(self.error(INVALID_ESCAPE)),
        };
        out.push(byte);
        Ok(())
    }

    /// After `\u`: one character, from one escape or a surrogate pair of two.
    fn unicode_escape(&mut self, out: &mut Vec<u8>) -> Read<()> {
        let high = self.hex4()?;
        let code = match high {
            0xDC00..=0xDFFF => return Err(self.error(LONE_SURROGATE)),
            0xD800..=0xDBFF => {
                for want in [b'\\', b'u'] {
                    let got = self.peek().ok_or_else(|| self.error(EOF_STRING))?;
                    self.at += 1;
                    if got != want {
                        return Err(self.error(HEX_ESCAPE_END));
                    }
                }
                let low = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(self.error(LONE_SURROGATE));
                }
                0x1_0000 + ((u32::from(high) - 0xD800) << 10 | (u32::from(low) - 0xDC00))
            }
            other => u32::from(other),
        };
        let c = char::from_u32(code).ok_or_else(|| self.error(LONE_SURROGATE))?;
        out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        Ok(())
    }

    /// Four hex digits: all four are consumed before they are judged, as serde_json does.
    fn hex4(&mut self) -> Read<u16> {
        let Some(digits) = self.text.get(self.at..self.at + 4) else {
            self.at = self.text.len();
            return Err(self.error(EOF_STRING));
        };
        self.at += 4;
        let mut n = 0u16;
        for &d in digits {
            let v = (d as char).to_digit(16).ok_or_else(|| self.error(INVALID_ESCAPE))?;
            n = n << 4 | v as u16;
        }
        Ok(n)
    }

    /// A number: an integer that fits 64 bits stays one (`u64`, or `i64` when negative), as in
    /// serde_json; anything else is the nearest `f64` to the whole literal.
    fn number(&mut self) -> Read<Value> {
        let start = self.at;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        match self.next() {
            None => return Err(self.error(EOF_VALUE)),
            Some(b'0') => {
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.peek_error(INVALID_NUMBER));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            Some(_) => return Err(self.error(INVALID_NUMBER)),
        }
        let int_end = self.at;
        let mut integer = true;
        if self.peek() == Some(b'.') {
            integer = false;
            self.at += 1;
            if self.digits() == 0 {
                let message = if self.peek().is_some() { INVALID_NUMBER } else { EOF_VALUE };
                return Err(self.peek_error(message));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            integer = false;
            let zero = self.text[start..self.at].iter().all(|b| !matches!(b, b'1'..=b'9'));
            self.exponent(zero)?;
        }
        let literal = &self.text[start..self.at];
        let digits = &self.text[start + usize::from(negative)..int_end];
        if integer {
            if let Some(n) = to_u64(digits) {
                return Ok(Value::Number(match negative {
                    false => Number::from(n),
                    // `-0` and integers below i64::MIN are floats in serde_json.
                    true => match (n as i64).wrapping_neg() {
                        neg if neg < 0 => Number::from(neg),
                        _ => Number::from_f64(-(n as f64)).unwrap_or(Number::from(0)),
                    },
                }));
            }
        }
        // Only digits, sign, dot and exponent were read: ASCII.
        let x = crate::decimal::to_f64(std::str::from_utf8(literal).unwrap_or("NaN"));
        Number::from_f64(x).map(Value::Number).ok_or_else(|| self.error(OUT_OF_RANGE))
    }

    /// Consumes ASCII digits; how many.
    fn digits(&mut self) -> usize {
        let from = self.at;
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        self.at - from
    }

    /// The exponent after `e`. serde_json keeps it in an `i32` and, when it overflows, reads
    /// the number as zero if it shrinks (or is zero anyway) and refuses it at that digit if
    /// it grows; the value is the same either way, the place of the error is serde_json's.
    fn exponent(&mut self, zero_mantissa: bool) -> Read<()> {
        self.at += 1;
        let grows = match self.peek() {
            Some(b'-') => {
                self.at += 1;
                false
            }
            Some(b'+') => {
                self.at += 1;
                true
            }
            _ => true,
        };
        let mut exp: i32 = match self.next() {
            None => return Err(self.error(EOF_VALUE)),
            Some(d @ b'0'..=b'9') => i32::from(d - b'0'),
            Some(_) => return Err(self.error(INVALID_NUMBER)),
        };
        while let Some(d @ b'0'..=b'9') = self.peek() {
            self.at += 1;
            match exp.checked_mul(10).and_then(|e| e.checked_add(i32::from(d - b'0'))) {
                Some(e) => exp = e,
                None => {
                    if grows && !zero_mantissa {
                        return Err(self.error(OUT_OF_RANGE));
                    }
                    self.digits();
                    return Ok(());
                }
            }
        }
        Ok(())
    }
}

/// Digits (at most 20) as a `u64`, or `None` when they do not fit.
fn to_u64(digits: &[u8]) -> Option<u64> {
    digits.iter().try_fold(0u64, |n, &d| n.checked_mul(10)?.checked_add(u64::from(d - b'0')))
}
