//! `model::escaped`, the quoting of ids in messages, against `str::escape_debug` (what it
//! replaces in the wasm): the same text for every character that matters, and where the two
//! differ, only because `escape_debug` escapes a visible character that `escaped` shows as is.

use archlab::model::{debug_quoted, escaped};

#[test]
fn ids_read_as_escape_debug_writes_them() {
    for s in [
        "app-1",
        "서울-1",
        "a\"b'c\\d",
        "tab\there\nnl\rcr\0nul",
        "\u{1}\u{1f}\u{7f}\u{85}\u{9f}",
        "😀 ü é ñ 中文 ひらがな",
        "zw\u{200b}j\u{200d}",
        "rtl\u{202e}evil\u{202c}",
        "bom\u{feff}",
        "\u{ad}\u{61c}\u{180e}\u{2028}\u{2029}\u{2060}\u{2066}\u{2069}\u{fff9}\u{fffb}",
    ] {
        assert_eq!(escaped(s), s.escape_debug().to_string(), "{s:?}");
        assert_eq!(debug_quoted(s), format!("{s:?}"));
    }
}

#[test]
fn every_control_and_invisible_character_is_escaped_and_nothing_visible_is() {
    let mut shown_as_is = Vec::new();
    for c in (0..=0x10ffff).filter_map(char::from_u32) {
        // After a letter, so escape_debug's rule for a combining mark at the start stays out.
        let text = format!("a{c}");
        let (ours, reference) = (escaped(&text), text.escape_debug().to_string());
        if ours == reference {
            continue;
        }
        // Any difference is escape_debug escaping what we show: never the other way round.
        assert_eq!(ours, text, "{c:?}: we escaped what escape_debug did not");
        shown_as_is.push(c);
    }
    for c in &shown_as_is {
        assert!(!c.is_control() && !c.is_ascii() && !('\u{ac00}'..='\u{d7a3}').contains(c), "{c:?}");
        // Spaces that look like U+0020, zero-width and bidirectional marks, the byte-order mark.
        let hides =
            matches!(*c as u32, 0xa0 | 0x2000..=0x200f | 0x202a..=0x202f | 0x2066..=0x2069 | 0x3000 | 0xfeff);
        assert!(!hides, "{c:?}");
    }
    // What is left is what escape_debug calls unprintable for want of a glyph: unassigned and
    // private-use code points (most of the 1.1 million), shown as a box rather than as nothing.
    assert!(shown_as_is.contains(&'\u{e000}') && !shown_as_is.contains(&'\u{a0}'));
}
