//! No text of the interface is written in `src/ui`: every word people read comes from
//! `crate::i18n`. This scans the UI's source for string literals that would show up on screen
//! or be read by a screen reader, and fails on any that holds letters.
//!
//! What counts as user-visible: a literal after an attribute people read (`aria-label=`,
//! `title=`, `placeholder=`, `alt=` …), a literal text node in `html!` (`{ "…" }`), and any
//! literal that looks like a phrase (two words or more) or holds Hangul, wherever it is.
//! Phrases that are not text (class lists, CSS, developer messages in `expect`) are recognised
//! by what precedes them; the few remaining exceptions are listed in `ALLOWED` with a reason.

use std::path::{Path, PathBuf};

/// Attributes whose value people read or hear.
const READ_ATTRIBUTES: &[&str] = &[
    "aria-label=",
    "aria-description=",
    "aria-roledescription=",
    "aria-valuetext=",
    "aria-placeholder=",
    "title=",
    "placeholder=",
    "alt=",
    "label=",
];

/// Text just before a literal that shows it is not for people: class names, CSS, storage keys,
/// developer messages.
const NOT_TEXT_CONTEXT: &[&str] = &[
    "class=",
    // A lint allowed with its reason: words for developers.
    "reason =",
    "classes!(",
    "expect(",
    "panic!(",
    "unreachable!(",
    "debug_assert!(",
    "assert!(",
    "set_font(",
    "font =",
    "set_property(",
    "transform =",
    "transform=",
    "query_selector(",
    "query_selector_all(",
];

/// Literals that look like text but are not shown as such, each with why.
const ALLOWED: &[(&str, &str)] = &[
    // canvas fonts (CSS font shorthand)
    ("600 12px system-ui, sans-serif", "a canvas font"),
    ("12px system-ui, sans-serif", "a canvas font"),
    // Scenario names are data (saved in files and links, editable), not interface text.
    ("Single server", "the starter scenario's name"),
    ("Benchmark: 100 components, 3 regions", "the benchmark scenario's name (?bench page)"),
];

struct Literal {
    file: PathBuf,
    line: usize,
    text: String,
    /// Up to 60 characters of code before the literal, on one line.
    before: String,
    /// The first non-space character after the literal.
    after: Option<char>,
}

/// The string literals of Rust source, skipping comments, char literals and lifetimes.
fn literals(file: &Path, src: &str) -> Vec<Literal> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let line_at = |i: usize| src[..i].bytes().filter(|&c| c == b'\n').count() + 1;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let end = src[i + 2..].find("*/").map_or(b.len(), |e| i + 2 + e + 2);
                i = end;
            }
            b'\'' => {
                // A char literal ('a', '\n', '\u{..}', '"') or a lifetime ('a): skip either.
                if b.get(i + 1) == Some(&b'\\') {
                    let end = src[i + 2..].find('\'').map_or(b.len(), |e| i + 2 + e + 1);
                    i = end;
                } else {
                    let c = src[i + 1..].chars().next().map_or(1, char::len_utf8);
                    i += if b.get(i + 1 + c) == Some(&b'\'') { c + 2 } else { 1 };
                }
            }
            b'r' if (b.get(i + 1) == Some(&b'"') || b.get(i + 1) == Some(&b'#'))
                && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')) =>
            {
                let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
                if b.get(i + 1 + hashes) != Some(&b'"') {
                    i += 1;
                    continue;
                }
                let start = i + 2 + hashes;
                let close = format!("\"{}", "#".repeat(hashes));
                let end = src[start..].find(&close).map_or(b.len(), |e| start + e);
                out.push(literal(file, src, i, &src[start..end], end + close.len(), line_at(i)));
                i = end + close.len();
            }
            b'"' => {
                let start = i + 1;
                let mut j = start;
                while j < b.len() && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                out.push(literal(file, src, i, &src[start..j.min(b.len())], j + 1, line_at(i)));
                i = j + 1;
            }
            _ => i += 1,
        }
    }
    out
}

fn literal(file: &Path, src: &str, open: usize, text: &str, after: usize, line: usize) -> Literal {
    let line_start = src[..open].rfind('\n').map_or(0, |p| p + 1);
    let mut from = line_start.max(open.saturating_sub(60));
    while !src.is_char_boundary(from) {
        from += 1;
    }
    Literal {
        file: file.to_path_buf(),
        line,
        text: text.to_string(),
        before: src[from..open].to_string(),
        after: src.get(after..).and_then(|rest| rest.chars().find(|c| !c.is_whitespace())),
    }
}

fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// Why `lit` is text people read that was written outside i18n, or `None`.
fn problem(lit: &Literal) -> Option<&'static str> {
    let s = lit.text.as_str();
    if !s.chars().any(char::is_alphabetic) || ALLOWED.iter().any(|(a, _)| *a == s) {
        return None;
    }
    // SVG transforms and references are markup values.
    if ["translate(", "url(#"].iter().any(|p| s.starts_with(p)) {
        return None;
    }
    let before = lit.before.trim_end();
    if NOT_TEXT_CONTEXT.iter().any(|c| before.ends_with(c) || before.ends_with(&format!("{c}{{"))) {
        return None;
    }
    if READ_ATTRIBUTES.iter().any(|a| before.ends_with(a) || before.ends_with(&format!("{a}{{"))) {
        return Some("an attribute people read");
    }
    let identifier = s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.:/".contains(c));
    if before.ends_with('{') && lit.after == Some('}') && !identifier {
        return Some("a text node");
    }
    if s.chars().any(is_hangul) {
        return Some("Korean text");
    }
    // Placeholders ({0}, {name}) and format specs do not make a phrase.
    let words = s
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 2 && !lit_is_placeholder(s, w))
        .count();
    let spaced = s.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count() >= 2;
    if words >= 2 && spaced {
        return Some("a phrase");
    }
    None
}

/// Whether `word` only appears inside `{…}` in `s` (a format argument, not text).
fn lit_is_placeholder(s: &str, word: &str) -> bool {
    s.match_indices(word).all(|(i, _)| {
        let open = s[..i].rfind('{');
        let close = s[..i].rfind('}');
        matches!((open, close), (Some(o), c) if c.is_none_or(|c| c < o))
    })
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

fn offenders(root: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(root, &mut files);
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let src = std::fs::read_to_string(&f).unwrap();
        // Unit tests inside a UI file may write whatever they check against.
        let code = src.split("#[cfg(test)]").next().unwrap_or("");
        for lit in literals(&f, code) {
            if let Some(why) = problem(&lit) {
                out.push(format!("{}:{}: {:?} ({why})", lit.file.display(), lit.line, lit.text));
            }
        }
    }
    out
}

#[test]
fn the_ui_writes_no_text_of_its_own() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let found = offenders(&root);
    assert!(found.is_empty(), "text written in src/ui instead of i18n:\n{}", found.join("\n"));
}

/// The scan can fail: each kind of planted literal is found, and what is not text is not.
#[test]
fn the_scan_finds_planted_text() {
    let check =
        |code: &str| literals(Path::new("planted.rs"), code).iter().filter_map(problem).collect::<Vec<_>>();
    assert_eq!(
        check(r#"html! { <button aria-label="Close">{ "×" }</button> }"#),
        ["an attribute people read"]
    );
    assert_eq!(
        check(r#"html! { <button title={"Zoom in"}>{ "+" }</button> }"#),
        ["an attribute people read"]
    );
    assert_eq!(check(r#"html! { <p>{ "Remove" }</p> }"#), ["a text node"]);
    assert_eq!(check(r#"let s = format!("{n} min ago");"#), ["a phrase"]);
    assert_eq!(check(r#"let s = "just now".to_string();"#), ["a phrase"]);
    assert_eq!(check(r#"let s = "방금";"#), ["Korean text"]);
    // Not text: classes, test ids, events, placeholders, developer messages, comments.
    assert!(check(r#"html! { <div class="chaos-row broken" data-testid="x">{ "ok" }</div> }"#).is_empty());
    // A class on the same line does not hide the text after it.
    assert_eq!(check(r#"html! { <span class="time">{ "just now" }</span> }"#), ["a text node"]);
    assert!(check(r#"let c = if ok { "primary" } else { "ghost" };"#).is_empty());
    assert!(check(r#"EventListener::new(&w, "keydown", f); let x = format!("{id}-{index}");"#).is_empty());
    assert!(check(r#"let s = use_context::<S>().expect("Panel needs the Shared context");"#).is_empty());
    assert!(check("// \"a comment with words\"\nlet c = 'a'; fn f<'a>(x: &'a str) {}").is_empty());
}
