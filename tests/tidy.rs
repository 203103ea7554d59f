//! House rules that neither Cargo nor clippy can say (after rust-analyzer's `xtask/src/tidy.rs`).
//!
//! What code may call is clippy's job (`crates/engine/clippy.toml`: the wall clock, unseeded
//! generators, hash maps, the platform's transcendental functions); which crate may use which
//! is the crate graph's. Left here: the pure crates' manifests name no browser crate, the
//! top-level modules of each crate depend on each other one way only, and every `allow` of a
//! clippy lint says why. Each failure names the file and the rule.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Crates that need a browser; the engine and the lab must run natively without one.
const BROWSER_CRATES: &[&str] = &["yew", "web-sys", "gloo", "js-sys", "wasm-bindgen", "wasm-bindgen-futures"];

#[test]
fn pure_crates_name_no_browser_crate() {
    let mut bad = Vec::new();
    for manifest in ["crates/engine/Cargo.toml", "crates/lab/Cargo.toml"] {
        let text = fs::read_to_string(root().join(manifest)).expect("manifest");
        for dep in dependency_names(&text) {
            if BROWSER_CRATES.contains(&dep.as_str()) || dep.starts_with("gloo-") {
                bad.push(format!("{manifest}: depends on `{dep}`, a browser crate"));
            }
        }
    }
    report(bad);
}

#[test]
fn top_level_modules_form_no_cycle() {
    let mut bad = Vec::new();
    // The web app's folders (`src/ui`: platform, state, hooks, components, …) and its component
    // folders (`src/ui/components`: canvas, inspector, run, …) are graphs of their own, below
    // the crate root (ARCHITECTURE.md gives their order).
    let groups = [
        ("crates/engine/src", &[][..]),
        ("crates/lab/src", &[][..]),
        ("src", &["ui"][..]),
        ("src", &["ui", "components"][..]),
    ];
    for (dir, prefix) in groups {
        if let Some(cycle) = find_cycle(&module_graph(&root().join(dir), prefix)) {
            let at = prefix.iter().fold(dir.to_string(), |p, m| format!("{p}/{m}"));
            bad.push(format!("{at}: modules depend on each other in a cycle: {cycle}"));
        }
    }
    report(bad);
}

#[test]
fn every_clippy_allow_says_why() {
    let mut bad = Vec::new();
    for dir in ["src", "crates", "tests", "benches"] {
        for file in rust_files(&root().join(dir)) {
            let text = fs::read_to_string(&file).unwrap_or_default();
            for (n, line) in text.lines().enumerate() {
                let code = line.trim_start();
                let attr =
                    ["#[allow(", "#![allow(", "#[expect(", "#![expect("].iter().any(|a| code.starts_with(a));
                if attr && code.contains("clippy::") && !code.contains("reason") {
                    bad.push(format!(
                        "{}:{}: a clippy lint allowed without `reason = \"…\"`",
                        rel(&file),
                        n + 1
                    ));
                }
            }
        }
    }
    report(bad);
}

/// The crate names a manifest's dependency tables declare (`[dependencies]`, and the
/// `[target.….dependencies]` ones; not the dev- and build-dependencies), renamed ones by their
/// `package`.
fn dependency_names(manifest: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_deps = false;
    for line in manifest.lines().map(|l| l.split('#').next().unwrap_or("").trim()) {
        if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            let header = header.trim_matches(['[', ']']);
            in_deps = header == "dependencies"
                || header.starts_with("target.") && header.ends_with(".dependencies");
            // `[dependencies.NAME]` is one dependency as a table.
            if let Some(name) = header.strip_prefix("dependencies.") {
                out.push(name.trim_matches('"').to_string());
            }
            continue;
        }
        if !in_deps {
            continue;
        }
        if let Some((name, value)) = line.split_once('=') {
            let package = value.split("package").nth(1).and_then(|p| p.split('"').nth(1));
            out.push(package.unwrap_or(name.trim().trim_matches('"')).to_string());
        }
    }
    out
}

/// Module → the modules it names, each edge with one place that names it, for the direct
/// submodules of `prefix` (the crate root when empty) in the crate whose source is `src`.
type Graph = BTreeMap<String, BTreeMap<String, String>>;

fn module_graph(src: &Path, prefix: &[&str]) -> Graph {
    let base = prefix.iter().fold(src.to_path_buf(), |p, m| p.join(m));
    let modules: BTreeSet<String> = fs::read_dir(&base)
        .expect("source dir")
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let is_dir = e.path().is_dir();
            let m = if is_dir { name } else { name.strip_suffix(".rs")?.to_string() };
            (!["lib", "main", "mod"].contains(&m.as_str())).then_some(m)
        })
        .collect();
    let mut graph = Graph::new();
    for file in rust_files(&base) {
        let path = module_path(src, &file);
        let Some(from) = path.get(prefix.len()).filter(|m| modules.contains(*m)) else { continue };
        let code = strip_comments_and_strings(&fs::read_to_string(&file).unwrap_or_default());
        for (line, target) in references(&code, &path) {
            if target.len() > prefix.len() && target[..prefix.len()] == prefix[..] {
                let to = &target[prefix.len()];
                if to != from && modules.contains(to) {
                    let at = format!("{}:{line}", rel(&file));
                    graph.entry(from.clone()).or_default().entry(to.clone()).or_insert(at);
                }
            }
        }
    }
    graph
}

/// The module path of `file` under the crate source `src` (`i18n/pack.rs` → `[i18n, pack]`,
/// `i18n/mod.rs` → `[i18n]`).
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap_or(file).with_extension("");
    let mut path: Vec<String> = rel.iter().map(|c| c.to_string_lossy().into_owned()).collect();
    if path.last().is_some_and(|l| ["mod", "lib", "main"].contains(&l.as_str())) {
        path.pop();
    }
    path
}

/// (line, absolute module path) of every `crate::…`, `super::…` and `self::…` path in `code`,
/// one per name inside a `{…}` group (`use crate::{a, b::c}` names `a` and `b`).
fn references(code: &str, here: &[String]) -> Vec<(usize, Vec<String>)> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut i = 0;
    while i < code.len() {
        if !code.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let starts_word = i == 0 || !ident(bytes[i - 1]) && bytes[i - 1] != b':';
        let head = ["crate::", "super::", "self::"].into_iter().find(|h| code[i..].starts_with(h));
        let Some(head) = head.filter(|_| starts_word) else {
            i += 1;
            continue;
        };
        let line = code[..i].matches('\n').count() + 1;
        let mut base: Vec<String> = match head {
            "crate::" => Vec::new(),
            "super::" => here[..here.len().saturating_sub(1)].to_vec(),
            _ => here.to_vec(),
        };
        i += head.len();
        while code[i..].starts_with("super::") {
            base.pop();
            i += "super::".len();
        }
        // The whole path (`ui::state::Action`), so a graph below the crate root sees its
        // second and later names; a `{…}` group gives one path per item.
        loop {
            let rest = &code[i..];
            let len = rest.bytes().position(|c| !ident(c)).unwrap_or(rest.len());
            if len == 0 {
                break;
            }
            base.push(rest[..len].to_string());
            i += len;
            if !code[i..].starts_with("::") {
                break;
            }
            i += 2;
        }
        let rest = &code[i..];
        let items: Vec<&str> = match rest.strip_prefix('{') {
            Some(group) => top_level_items(group),
            None => vec![""],
        };
        for item in items {
            let mut target = base.clone();
            let names = item.split('{').next().unwrap_or("").split("::").map(str::trim);
            target.extend(names.filter(|n| !n.is_empty() && *n != "self").map(str::to_string));
            if !target.is_empty() {
                out.push((line, target));
            }
        }
    }
    out
}

/// The comma-separated items of a `{…}` group whose opening brace is just before `group`.
fn top_level_items(group: &str) -> Vec<&str> {
    let (mut depth, mut start, mut items) = (0, 0, Vec::new());
    for (at, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                items.push(&group[start..at]);
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&group[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    items
}

/// `code` with comments and the insides of string and char literals blanked (newlines kept),
/// so a path named in a doc comment or a message is not a dependency.
fn strip_comments_and_strings(code: &str) -> String {
    let chars: Vec<char> = code.chars().collect();
    let mut out = String::with_capacity(code.len());
    let mut i = 0;
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < chars.len() {
        let (c, next) = (chars[i], chars.get(i + 1).copied());
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                out.push(blank(chars[i]));
                i += 1;
            }
            i += 2;
        } else if c == '\'' && (next == Some('\\') || chars.get(i + 2) == Some(&'\'')) {
            // A char literal ('"', '\'', '{'), not a lifetime: blanked up to its closing quote.
            out.push(' ');
            i += if next == Some('\\') { 3 } else { 2 };
            while i < chars.len() && chars[i] != '\'' {
                i += 1;
            }
            out.push(' ');
            i += 1;
        } else if c == '"' {
            // A raw string's hashes are not tracked: its `"` ends it here, which is enough for
            // paths, since no code path sits inside a string.
            out.push('"');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < chars.len() {
                    out.push(blank(chars[i]));
                }
                i += 1;
            }
            out.push('"');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// One cycle of `graph`, written `a -> b (at file:line) -> … -> a`, if there is one.
fn find_cycle(graph: &Graph) -> Option<String> {
    fn visit(
        graph: &Graph,
        node: &str,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|n| n == node) {
            return Some(stack[at..].to_vec());
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.to_string());
        for next in graph.get(node).into_iter().flat_map(|e| e.keys()) {
            if let Some(cycle) = visit(graph, next, stack, done) {
                return Some(cycle);
            }
        }
        stack.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        if let Some(cycle) = visit(graph, node, &mut Vec::new(), &mut done) {
            let mut text = cycle[0].clone();
            for (k, from) in cycle.iter().enumerate() {
                let to = &cycle[(k + 1) % cycle.len()];
                text.push_str(&format!(" -> {to} ({})", graph[from][to]));
            }
            return Some(text);
        }
    }
    None
}

#[test]
fn the_checks_can_fail() {
    // A browser crate, plain, renamed and as a table; dev-dependencies are not the crate's.
    let manifest = "[package]\nname = \"x\"\n[dependencies]\nserde = \"1\"\nyew = \"0.23\"\n\
                    dom = { package = \"web-sys\", version = \"0.3\" }\n[dependencies.gloo]\nversion = \"0.11\"\n\
                    [dev-dependencies]\njs-sys = \"0.3\"\n";
    assert_eq!(dependency_names(manifest), ["serde", "yew", "web-sys", "gloo"]);
    // Paths in code make edges; in comments and strings they do not.
    let code = strip_comments_and_strings(
        "use crate::{a::X, b};\n// crate::c\nlet s = \"crate::d\";\nlet q = '\"';\nsuper::super::e::f();\n",
    );
    let here = ["m".to_string(), "n".to_string()];
    let refs: Vec<Vec<String>> = references(&code, &here).into_iter().map(|(_, p)| p).collect();
    let path = |p: &[&str]| p.iter().map(|s| s.to_string()).collect::<Vec<String>>();
    assert_eq!(refs, [path(&["a", "X"]), path(&["b"]), path(&["e", "f"])]);
    // Below the crate root every name counts: `crate::ui::{state::Action, hooks}` names both.
    let code = strip_comments_and_strings("use crate::ui::{state::{A, B}, hooks};\n");
    let refs: Vec<Vec<String>> = references(&code, &here).into_iter().map(|(_, p)| p).collect();
    assert_eq!(refs, [path(&["ui", "state"]), path(&["ui", "hooks"])]);
    let mut graph = Graph::new();
    graph.entry("a".into()).or_default().insert("b".into(), "a.rs:1".into());
    assert_eq!(find_cycle(&graph), None);
    graph.entry("b".into()).or_default().insert("a".into(), "b.rs:2".into());
    assert_eq!(find_cycle(&graph).as_deref(), Some("a -> b (a.rs:1) -> a (b.rs:2)"));
}

fn report(bad: Vec<String>) {
    assert!(bad.is_empty(), "house rules broken:\n{}", bad.join("\n"));
}

/// `file` relative to the workspace root, for messages.
fn rel(file: &Path) -> String {
    file.strip_prefix(root()).unwrap_or(file).display().to_string()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
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
