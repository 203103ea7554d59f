//! Scenario files: every file under `scenarios/` loads, and export is readable JSON.

use std::path::{Path, PathBuf};

use archlab::share::{encode, from_json_file, to_json_file};

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

#[test]
fn every_scenario_file_loads() {
    let mut files = Vec::new();
    json_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios"), &mut files);
    assert!(files.len() >= 3, "expected the examples, found {files:?}");
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        if let Err(e) = from_json_file(&text) {
            panic!("{}: {e}", f.display());
        }
    }
}

#[test]
fn exported_files_are_the_canonical_pretty_json() {
    let text = include_str!("../../scenarios/examples/lb-two-zones.json");
    let s = from_json_file(text).unwrap();
    assert_eq!(to_json_file(&s), text, "the example is exactly what Export writes");
    assert_eq!(from_json_file(&format!("\u{feff}{text}")), Ok(s), "a byte-order mark is skipped");
}

/// Link lengths of the examples, printed for BENCHMARKS and bounded by the 1,000-character URL
/// budget: an origin of up to 40 characters ("https://someone.github.io/archlab/" is 34), `#s=`,
/// then the link.
#[test]
fn example_links_fit_in_a_url() {
    const URL_BUDGET: usize = 1000;
    const ORIGIN: usize = 40;
    for name in ["single-server", "lb-two-zones", "two-regions-20"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("scenarios/examples/{name}.json"));
        let s = from_json_file(&std::fs::read_to_string(path).unwrap()).unwrap();
        let link = encode(&s);
        println!("{name}: {} components, link {} characters", s.components.len(), link.len());
        assert!(ORIGIN + 3 + link.len() <= URL_BUDGET, "{name}: {} characters", link.len());
    }
}

/// The example in docs/scenario-format.md is single-server.json with its defaults left out.
#[test]
fn the_documented_example_is_the_single_server_example() {
    let doc = include_str!("../../docs/scenario-format.md");
    let start = doc.find("```json\n").expect("a json block") + "```json\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let documented = from_json_file(&doc[start..end]).unwrap();
    let file = from_json_file(include_str!("../../scenarios/examples/single-server.json")).unwrap();
    assert_eq!(documented, file);
}
