//! `model::parse_json` against the reference it replaces, `serde_json::from_str::<Value>`: the
//! same value (same number kinds, same float bits) for JSON, and the same message, line and
//! column for text that is not JSON. Texts are written by hand for every error serde_json has,
//! generated (values of every kind, compact and pretty), and damaged (cut, a byte inserted,
//! removed or replaced) so most of them stop being JSON somewhere unexpected. And the writer,
//! `model::json_text`, against `Value::to_string`: the same text, byte for byte.

#[path = "support/json_agree.rs"]
mod json_agree;

use archlab::model::{json_f64, json_string, json_text, parse_json};
use json_agree::{agree, agree_on_float};
use rand::{Rng, RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::Value;

#[test]
fn every_error_serde_json_has_is_said_in_its_words_at_its_place() {
    let cases = [
        "",
        " ",
        "\n\n  ",
        "nul",
        "nulx",
        "tru",
        "trux",
        "fals",
        "x",
        "]",
        "}",
        ":",
        ",",
        "[",
        "[1",
        "[1,",
        "[1,]",
        "[1 2]",
        "[,1]",
        "[1,,2]",
        "[}",
        "{",
        "{\"a\"",
        "{\"a\":",
        "{\"a\":1",
        "{\"a\":1,",
        "{\"a\":1,}",
        "{1:2}",
        "{\"a\" 1}",
        "{\"a\":1 \"b\":2}",
        "{,}",
        "{\"a\":1,2}",
        "\"abc",
        "\"a\\",
        "\"a\\x\"",
        "\"a\\u12\"",
        "\"a\\u12",
        "\"\\u12G4\"",
        "\"\\uDC00\"",
        "\"\\uD800\"",
        "\"\\uD800x\"",
        "\"\\uD800\\n\"",
        "\"\\uD800\\u0041\"",
        "\"\\uD800\\uDC00\"",
        "\"\\uD83D\\uDE00 ok\"",
        "\"\\uD800",
        "\"\\uD800\\",
        "\"a\u{1}b\"",
        "\"a\tb\"",
        "\"a\nb\"",
        "-",
        "-x",
        "-0",
        "-01",
        "01",
        "00",
        "1.",
        "1.x",
        "1.e5",
        "1e",
        "1e+",
        "1e-",
        "1ex",
        "1E5",
        "1e400",
        "-1e400",
        "1e-400",
        "0e99999999999",
        "1e99999999999",
        "1e-99999999999",
        "-1e99999999999",
        "0.0e2147483648",
        "1e2147483647",
        "1e2147483648",
        "123456789012345678901234567890",
        "-123456789012345678901234567890",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "9223372036854775808",
        "1.7976931348623157e308",
        "1.7976931348623159e308",
        "4.9e-324",
        "2.4703282292062327e-324",
        "2.4703282292062328e-324",
        "0.1",
        "0.30000000000000004",
        "1 2",
        "1 x",
        "{} x",
        "[] ]",
        "null null",
        "true,",
        "\"a\" \"b\"",
        "[\"a\":1]",
        "{\"a\":[1,2,}",
        "{\"a\":{\"b\"}}",
        "\u{feff}1",
        "서울",
        "\"서울\"",
        "[\"서울\" x]",
        "\n\n   {\n  \"a\": 1,\n  \"b\" x\n}",
        "{\"a\":1,\"a\":2}",
        "[1,2,3]",
        "{\"k\":[true,false,null,-0.0,0.5e-3]}",
    ];
    for text in cases {
        agree(text);
    }
}

#[test]
fn nesting_stops_where_serde_json_stops() {
    for depth in [1, 2, 126, 127, 128, 129, 500] {
        let lists = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        agree(&lists);
        agree(&"[".repeat(depth));
        let objects = format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth));
        agree(&objects);
        agree(&format!("{{\"b\":{lists}}}"));
    }
}

/// A random value of every kind, strings with escapes, Hangul, emoji and control characters.
fn value(rng: &mut ChaCha8Rng, depth: u32) -> Value {
    let scalar = |rng: &mut ChaCha8Rng| match rng.random_range(0..9) {
        0 => Value::Null,
        1 => Value::Bool(rng.random()),
        2 => Value::from(rng.next_u64()),
        3 => Value::from(rng.next_u64() as i64),
        4 => Value::from(rng.random_range(-1000..1000)),
        5 => Value::from(f64::from_bits(rng.next_u64()) % 1e300),
        6 => Value::from(rng.random_range(-1e6..1e6)),
        7 => Value::from([-0.0, 0.1, 5e-324, f64::MAX, f64::MIN_POSITIVE][rng.random_range(0..5)]),
        _ => Value::from(string(rng)),
    };
    if depth == 0 || rng.random_bool(0.4) {
        return scalar(rng);
    }
    let n = rng.random_range(0..5);
    if rng.random() {
        Value::Array((0..n).map(|_| value(rng, depth - 1)).collect())
    } else {
        Value::Object((0..n).map(|_| (string(rng), value(rng, depth - 1))).collect())
    }
}

fn string(rng: &mut ChaCha8Rng) -> String {
    const PIECES: [&str; 10] = ["a", "app-1", "서울", "😀", "\"", "\\", "\n", "\u{1}", "/", "\u{7f}"];
    (0..rng.random_range(0..4)).map(|_| PIECES[rng.random_range(0..PIECES.len())]).collect()
}

#[test]
fn generated_values_read_the_same() {
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    for _ in 0..3000 {
        let v = value(&mut rng, 4);
        for text in [v.to_string(), serde_json::to_string_pretty(&v).unwrap()] {
            agree(&text);
            assert_eq!(parse_json(&text).unwrap(), v);
        }
    }
}

/// Bytes that mean something to a JSON reader, and a few that mean nothing.
const INSERTS: [&str; 24] = [
    "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\uD800", "e", "E", ".", "-", "+", "0", "9", "n", "t",
    " ", "\n", "\u{1}", "x", "가",
];

/// `text` damaged once: cut, or a piece inserted, or a character removed or replaced.
fn damage(rng: &mut ChaCha8Rng, text: &str) -> String {
    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    let at = bounds[rng.random_range(0..bounds.len())];
    let next = bounds.iter().copied().find(|&b| b > at).unwrap_or(at);
    let piece = INSERTS[rng.random_range(0..INSERTS.len())];
    match rng.random_range(0..4) {
        0 => text[..at].to_string(),
        1 => format!("{}{piece}{}", &text[..at], &text[at..]),
        2 => format!("{}{}", &text[..at], &text[next..]),
        _ => format!("{}{piece}{}", &text[..at], &text[next..]),
    }
}

#[test]
fn damaged_texts_are_refused_in_the_same_words_at_the_same_place() {
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    let mut refused = 0;
    for _ in 0..4000 {
        let v = value(&mut rng, 3);
        let text = if rng.random() { v.to_string() } else { serde_json::to_string_pretty(&v).unwrap() };
        let mut damaged = damage(&mut rng, &text);
        if rng.random_bool(0.3) {
            damaged = damage(&mut rng, &damaged);
        }
        agree(&damaged);
        refused += usize::from(parse_json(&damaged).is_err());
    }
    // Most damage must break the text, or this test would only compare valid JSON.
    assert!(refused > 2000, "only {refused} of 4000 damaged texts were refused");
}

/// Number literals of every shape: long mantissas, fractions, huge and tiny exponents,
/// halfway cases and the limits of u64, i64 and f64.
#[test]
fn numbers_read_to_the_same_kind_and_bits() {
    let mut rng = ChaCha8Rng::seed_from_u64(13);
    let digits = |rng: &mut ChaCha8Rng, n: usize| -> String {
        (0..n).map(|_| char::from(b'0' + rng.random_range(0..10u8))).collect()
    };
    for _ in 0..20_000 {
        let mut s = String::new();
        if rng.random() {
            s.push('-');
        }
        let int_len = [1, 1, 2, 5, 17, 19, 20, 21, 40][rng.random_range(0..9)];
        let int = digits(&mut rng, int_len);
        s.push_str(if rng.random_bool(0.9) { int.trim_start_matches('0') } else { &int });
        if s.is_empty() || s == "-" {
            s.push('0');
        }
        if rng.random_bool(0.6) {
            s.push('.');
            let n = [0, 1, 3, 16, 17, 30, 800][rng.random_range(0..7)];
            s.push_str(&digits(&mut rng, n));
        }
        if rng.random_bool(0.5) {
            s.push(['e', 'E'][rng.random_range(0..2)]);
            s.push_str(["", "+", "-"][rng.random_range(0..3)]);
            let n = [0, 1, 2, 3, 10, 11][rng.random_range(0..6)];
            s.push_str(&digits(&mut rng, n));
        }
        agree(&s);
        agree(&format!("[{s}]"));
    }
    // Random doubles, as their shortest and their long texts.
    for _ in 0..20_000 {
        agree_on_float(f64::from_bits(rng.next_u64()));
    }
}

#[test]
fn written_text_is_serde_jsons() {
    let mut rng = ChaCha8Rng::seed_from_u64(19);
    for _ in 0..3000 {
        let v = value(&mut rng, 4);
        assert_eq!(json_text(&v), v.to_string());
    }
    for c in (0..=0x80).chain([0x2028, 0xfeff, 0xd7ff, 0x1f600]).filter_map(char::from_u32) {
        let s = format!("a{c}b{c}");
        assert_eq!(json_string(&s), Value::from(s.as_str()).to_string(), "{:?}", c);
    }
    let specials = [0.0, -0.0, 1.0, 0.1, 1e300, 5e-324, f64::MAX, f64::INFINITY, f64::NAN];
    let random = (0..20_000).map(|_| f64::from_bits(rng.next_u64()));
    for x in specials.into_iter().chain(random) {
        assert_eq!(json_f64(x), Value::from(x).to_string(), "{x:e}");
    }
}
