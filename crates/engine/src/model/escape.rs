//! A user's text quoted inside a message ("no component \"app\u{202e}1\""), so that what cannot
//! be seen still can: `str::escape_debug`'s text for everything a scenario's ids hold in practice.
//!
//! Why not `escape_debug` itself: to know what is printable it brings core's Unicode tables
//! and escaping code into the wasm (~2 KB gzipped, issue 4). This escapes what `escape_debug`
//! does for backslash, quotes and control characters, and the characters that can hide or
//! reorder text (other spaces, zero-width and bidirectional marks, the byte-order mark); other
//! characters are shown as they are (`escape_debug` would also escape a combining mark at the
//! start, a private-use or an unassigned code point). `tests/model.rs` compares the two.

/// `s` with backslash, quotes, control and invisible characters escaped as `escape_debug`
/// writes them (`\\`, `\"`, `\'`, `\n`, `\0`, `\u{202e}`).
pub fn escaped(s: &str) -> String {
    escape(s, true)
}

/// `s` in double quotes as `{:?}` writes a `str` (the same escapes, but `'` as it is).
pub fn debug_quoted(s: &str) -> String {
    format!("\"{}\"", escape(s, false))
}

fn escape(s: &str, single_quote: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let short = match c {
            '\\' => '\\',
            '"' => '"',
            '\'' if single_quote => '\'',
            '\n' => 'n',
            '\r' => 'r',
            '\t' => 't',
            '\0' => '0',
            c if c.is_control() || invisible(c) => {
                out.push_str("\\u{");
                let code = c as u32;
                let digits = (32 - code.leading_zeros()).div_ceil(4).max(1);
                for shift in (0..digits).rev() {
                    let d = (code >> (shift * 4)) & 0xf;
                    out.push(char::from_digit(d, 16).unwrap_or('0'));
                }
                out.push('}');
                continue;
            }
            c => {
                out.push(c);
                continue;
            }
        };
        out.push('\\');
        out.push(short);
    }
    out
}

/// Characters that take no room, look like a plain space or reorder the text around them, so
/// an id holding one would look like another: the spaces other than U+0020, soft hyphen, Arabic
/// letter mark, Mongolian vowel separator, zero-width and directional marks, line and paragraph
/// separators, bidi embeddings and isolates, word joiner and invisible operators, the
/// byte-order mark and interlinear annotation marks.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{a0}'
            | '\u{ad}'
            | '\u{61c}'
            | '\u{1680}'
            | '\u{180e}'
            | '\u{2000}'..='\u{200f}'
            | '\u{2028}'..='\u{202f}'
            | '\u{205f}'..='\u{206f}'
            | '\u{3000}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
    )
}

/// `.esc()` on text: [`escaped`], in place of `.escape_debug().to_string()`.
pub trait Esc {
    fn esc(&self) -> String;
}

impl Esc for str {
    fn esc(&self) -> String {
        escaped(self)
    }
}
