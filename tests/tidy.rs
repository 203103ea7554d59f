//! House rules as a test (after rust-analyzer's `xtask/src/tidy.rs`): the engine stays pure and
//! portable, only the UI touches the browser, and files stay small. Each failure names the
//! file, the line and the rule.

use std::fs;
use std::path::{Path, PathBuf};

/// Names the engine must not use: browser crates, the wall clock, nondeterministic
/// collections and generators.
const ENGINE_NAMES: &[&str] = &[
    "yew",
    "web_sys",
    "gloo",
    "js_sys",
    "wasm_bindgen",
    "Instant",
    "SystemTime",
    "thread_rng",
    "HashMap",
    "HashSet",
    "StdRng",
    "SmallRng",
];

/// Platform transcendental functions differ natively and in wasm in the last bits; the engine
/// uses `libm` instead.
const ENGINE_SNIPPETS: &[&str] = &["f64::ln", "f64::exp", ".ln()", ".exp()", ".powf("];

/// Browser crates, allowed only in `src/ui/` and `src/main.rs`.
const BROWSER_NAMES: &[&str] = &["web_sys", "gloo", "yew", "js_sys"];

const MAX_LINES: usize = 450;

/// Calls that each pull a large piece of std into the wasm for a small job (BENCHMARKS.md,
/// "Bundle size"), with what to use instead.
const BUNDLE_SNIPPETS: &[(&str, &str)] = &[
    ("to_uppercase", "Unicode case tables (~10 KB gz): use the to_ascii_ form"),
    ("to_lowercase", "Unicode case tables (~10 KB gz): use the to_ascii_ form"),
    ("parse::<f64>", "core's float parser and its table: use editor::parse_decimal"),
    (".sort_by(", "a copy of std's stable sort per call site: use crate::order::sort_by"),
    (".sort_by_key(", "a copy of std's stable sort per call site: use crate::order::sort_by"),
    (".sort()", "a copy of std's stable sort per call site: use crate::order::sort_by"),
    (".sort_unstable", "std's quicksort, heapsort and small-sort code: use crate::order::sort_by"),
    ("escape_debug()", "core's Unicode printable tables and escaping code: use model::escaped"),
    (":.", "core's float printers (~5 KB gz) with a `{:.N}` precision: use i18n::fixed"),
    (".clamp(0.0", "core's float printers through f64::clamp's panic message: use editor::clamp"),
    ("serde_json::from_str", "serde_json's reader (~13 KB gz): use model::parse_json"),
    ("json!(", "serde_json's error messages through to_value(..).unwrap(): build the Value"),
];

#[test]
fn engine_is_pure() {
    let mut bad = Vec::new();
    for file in rust_files("src/engine") {
        for (n, code) in code_lines(&file) {
            for name in ENGINE_NAMES.iter().filter(|w| has_word(&code, w)) {
                bad.push(format!("{}:{n}: the engine must not use `{name}`", rel(&file)));
            }
            for snip in ENGINE_SNIPPETS.iter().filter(|s| code.contains(*s)) {
                bad.push(format!("{}:{n}: `{snip}` in the engine: use libm", rel(&file)));
            }
        }
    }
    report(bad);
}

#[test]
fn only_the_ui_touches_the_browser() {
    let mut bad = Vec::new();
    for file in rust_files("src") {
        let rel = file.strip_prefix(root()).unwrap_or(&file);
        // `decimal.rs` is the browser's parseFloat in the wasm: a pure function, no page.
        if rel.starts_with("src/ui") || rel == Path::new("src/main.rs") || rel == Path::new("src/decimal.rs")
        {
            continue;
        }
        for (n, code) in code_lines(&file) {
            for name in BROWSER_NAMES.iter().filter(|w| has_word(&code, w)) {
                bad.push(format!("{}:{n}: `{name}` outside src/ui and src/main.rs", rel.display()));
            }
        }
    }
    report(bad);
}

/// Code that reaches the wasm (src/ without the native command-line runner and unit tests).
#[test]
fn wasm_code_avoids_heavy_std_calls() {
    let mut bad = Vec::new();
    for file in rust_files("src") {
        if rel(&file).starts_with("src/bin") {
            continue;
        }
        for (n, code) in code_lines(&file).into_iter().take_while(|(_, c)| !c.contains("#[cfg(test)]")) {
            for (snip, why) in BUNDLE_SNIPPETS.iter().filter(|(s, _)| code.contains(s)) {
                bad.push(format!("{}:{n}: `{snip}` brings {why}", rel(&file)));
            }
        }
    }
    report(bad);
}

#[test]
fn files_are_small() {
    let mut bad = Vec::new();
    for file in rust_files("src").into_iter().chain(rust_files("tests")) {
        let lines = fs::read_to_string(&file).map(|t| t.lines().count()).unwrap_or(0);
        if lines > MAX_LINES {
            bad.push(format!("{}: {lines} lines, more than {MAX_LINES}: split it by concern", rel(&file)));
        }
    }
    report(bad);
}

fn report(bad: Vec<String>) {
    assert!(bad.is_empty(), "house rules broken:\n{}", bad.join("\n"));
}

/// `file` relative to the package root, for messages.
fn rel(file: &Path) -> String {
    file.strip_prefix(root()).unwrap_or(file).display().to_string()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir` (relative to the package root), sorted.
fn rust_files(dir: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![root().join(dir)];
    while let Some(d) = todo.pop() {
        let Ok(entries) = fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                todo.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// (1-based line number, the line without its `//` comment). Comments may name what the code
/// must not use ("nothing here uses yew"); only code is checked.
fn code_lines(file: &Path) -> Vec<(usize, String)> {
    let text = fs::read_to_string(file).unwrap_or_default();
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.find("//").map_or(l, |at| &l[..at]).to_string()))
        .collect()
}

/// `word` appears in `code` as a whole identifier (not inside `yewdux` or `my_gloo`).
fn has_word(code: &str, word: &str) -> bool {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    code.match_indices(word).any(|(at, _)| {
        let before = code[..at].chars().next_back();
        let after = code[at + word.len()..].chars().next();
        !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
    })
}
