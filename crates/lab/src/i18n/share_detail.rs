//! serde's and serde_json's words about a malformed scenario ([`ShapeDetail`], [`JsonSyntax`]),
//! and the base64 decoder's about a damaged link ([`Base64Detail`]), in the page's language. English is exactly what serde wrote (`tests/i18n_problems.rs`
//! checks it against `Display`); Korean keeps the names and values as written (they are the
//! file's own text) and words the types serde names ("u32", "a sequence") for a student.

use super::{tf, Key, Lang};
use crate::share::{Base64Detail, JsonSyntax, ShapeDetail};

pub fn describe_shape_detail(lang: Lang, d: &ShapeDetail) -> String {
    use ShapeDetail::*;
    let (key, args): (Key, Vec<String>) = match d {
        MissingField(name) => (Key::ShpMissingField, vec![name.clone()]),
        UnknownField { field, expected: Some(e) } => {
            (Key::ShpUnknownField, vec![field.clone(), names(lang, e)])
        }
        UnknownField { field, expected: None } => (Key::ShpUnknownFieldNone, vec![field.clone()]),
        UnknownVariant { variant, expected: Some(e) } => {
            (Key::ShpUnknownVariant, vec![variant.clone(), names(lang, e)])
        }
        UnknownVariant { variant, expected: None } => (Key::ShpUnknownVariantNone, vec![variant.clone()]),
        InvalidType { found, expected } => {
            (Key::ShpInvalidType, vec![found_word(lang, found), expected_word(lang, expected)])
        }
        InvalidValue { found, expected } => {
            (Key::ShpInvalidValue, vec![found_word(lang, found), expected_word(lang, expected)])
        }
        InvalidLength { len, expected } => {
            (Key::ShpInvalidLength, vec![len.to_string(), expected_word(lang, expected)])
        }
        DuplicateField(name) => (Key::ShpDuplicateField, vec![name.clone()]),
        KeyTwice => (Key::ShpKeyTwice, vec![]),
        NotAnObject => (Key::ShpNotAnObject, vec![]),
        Other(text) => return text.clone(),
    };
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    tf(lang, key, &args)
}

pub fn describe_json_syntax(lang: Lang, j: &JsonSyntax) -> String {
    use JsonSyntax::*;
    let (key, arg) = match j {
        EndsEarly(what) => (Key::JsnEndsEarly, expected_word(lang, what)),
        Expected(what) => (Key::JsnExpected, token_word(lang, what)),
        TrailingCharacters => (Key::JsnTrailingCharacters, String::new()),
        TrailingComma => (Key::JsnTrailingComma, String::new()),
        KeyMustBeString => (Key::JsnKeyMustBeString, String::new()),
        InvalidNumber => (Key::JsnInvalidNumber, String::new()),
        NumberOutOfRange => (Key::JsnNumberOutOfRange, String::new()),
        ControlCharacter => (Key::JsnControlCharacter, String::new()),
        InvalidEscape => (Key::JsnInvalidEscape, String::new()),
        RecursionLimit => (Key::JsnRecursionLimit, String::new()),
        Other(text) => return text.clone(),
    };
    tf(lang, key, &[&arg])
}

/// serde's list of names ("one of `a`, `b`", "`a` or `b`") as a plain list in Korean.
fn names(lang: Lang, list: &str) -> String {
    match lang {
        Lang::En => list.to_string(),
        Lang::Ko => list.strip_prefix("one of ").unwrap_or(list).replace("` or `", "`, `"),
    }
}

/// serde's word for the value it found ("integer `-1`", "string \"a\"", "sequence").
fn found_word(lang: Lang, found: &str) -> String {
    if lang == Lang::En {
        return found.to_string();
    }
    let kinds = [
        ("boolean ", "참/거짓 값 "),
        ("integer ", "정수 "),
        ("floating point ", "소수 "),
        ("string ", "문자열 "),
    ];
    for (en, ko) in kinds {
        if let Some(value) = found.strip_prefix(en) {
            return format!("{ko}{value}");
        }
    }
    match found {
        "unit value" => "null".into(),
        "sequence" => "배열".into(),
        "map" => "객체".into(),
        other => other.to_string(),
    }
}

/// serde's word for what it expected ("u32", "a sequence", "struct Region").
fn expected_word(lang: Lang, expected: &str) -> String {
    if lang == Lang::En {
        return expected.to_string();
    }
    let word = match expected {
        "u8" | "u16" | "u32" | "u64" | "usize" => return format!("음수가 아닌 정수({expected})"),
        "i8" | "i16" | "i32" | "i64" | "isize" => return format!("정수({expected})"),
        "f32" | "f64" => return format!("숫자({expected})"),
        "a value" => "값",
        "a string" => "문자열",
        "a boolean" => "true 또는 false",
        "a list" | "a sequence" => "배열",
        "an object" | "a map" => "객체",
        "string or map" => "문자열 또는 객체",
        "map with a single key" => "키가 하나인 객체",
        "fewer elements in array" => "더 짧은 배열",
        "fewer elements in map" => "항목이 더 적은 객체",
        e if e.starts_with("struct ") => "객체",
        e if e.starts_with("internally tagged enum") => "`type` 항목이 있는 객체",
        other => other,
    };
    word.to_string()
}

/// serde_json's word for the token it wanted ("value", "`,` or `}`", "ident").
fn token_word(lang: Lang, token: &str) -> String {
    match (lang, token) {
        (Lang::En, _) => token.to_string(),
        (Lang::Ko, "value") => "값".into(),
        (Lang::Ko, "ident") => "true, false 또는 null".into(),
        (Lang::Ko, t) => t.replace(" or ", " 또는 "),
    }
}

pub fn describe_base64_detail(lang: Lang, d: &Base64Detail) -> String {
    let shown = |b: u8| {
        Base64Detail::printable(b)
            .map_or_else(|| tf(lang, Key::B64Byte, &[&format!("{b:#04x}")]), |c| format!("'{c}'"))
    };
    match *d {
        Base64Detail::BadSymbol { byte, at } => tf(lang, Key::B64BadSymbol, &[&shown(byte), &at.to_string()]),
        Base64Detail::BadLastSymbol { byte, at } => {
            tf(lang, Key::B64BadLastSymbol, &[&shown(byte), &at.to_string()])
        }
        Base64Detail::BadLength => tf(lang, Key::B64BadLength, &[]),
        Base64Detail::Padding => tf(lang, Key::B64Padding, &[]),
    }
}
