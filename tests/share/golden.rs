//! Golden links: links written by released builds must open, forever, as the same scenario.
//!
//! Each `tests/golden/v<N>/<name>.link` was produced by `share::encode` of the build that
//! released format N, next to `<name>.json`, the scenario it means. They are never edited or
//! regenerated (see `tests/golden/README.md`); the fingerprints below make any edit fail.

use std::path::Path;

use archlab::model::validate;
use archlab::share::{decode, from_json_file};

/// (file, FNV-1a 64 of its bytes) of every golden file. Append for a new version; never edit.
const GOLDEN: &[(&str, u64)] = &[
    ("v1/all-defaults.json", 0x6388d58ba43b7e4e),
    ("v1/all-defaults.link", 0x2528fff7ff66c440),
    ("v1/generated.json", 0x85436c42c1c12f71),
    ("v1/generated.link", 0xa162a2c1aa30ccc5),
    ("v1/lb-two-zones.json", 0x97fa9fd830243007),
    ("v1/lb-two-zones.link", 0x8b26c2febfc31006),
    ("v1/single-server.json", 0xed52e1c7f0500e99),
    ("v1/single-server.link", 0x97b70a5a99b71754),
    ("v1/two-regions-20.json", 0xbd3c4e49143310b5),
    ("v1/two-regions-20.link", 0xa12175f797c4334a),
];

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

fn golden_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden"))
}

#[test]
fn golden_files_are_unchanged() {
    for (name, hash) in GOLDEN {
        let bytes = std::fs::read(golden_dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(fnv1a(&bytes), *hash, "{name} changed: golden files must never change");
    }
}

#[test]
fn golden_links_decode_to_their_scenarios() {
    for (name, _) in GOLDEN.iter().filter(|(n, _)| n.ends_with(".link")) {
        let link = std::fs::read_to_string(golden_dir().join(name)).unwrap();
        let json_name = name.replace(".link", ".json");
        let json = std::fs::read_to_string(golden_dir().join(&json_name)).unwrap();
        let expected = from_json_file(&json).unwrap_or_else(|e| panic!("{json_name}: {e}"));
        assert_eq!(validate(&expected), vec![]);
        assert_eq!(decode(&link), Ok(expected), "{name}");
    }
}

#[test]
fn every_golden_file_is_listed() {
    let mut on_disk = Vec::new();
    for dir in std::fs::read_dir(golden_dir()).unwrap() {
        let dir = dir.unwrap().path();
        if dir.is_dir() {
            for f in std::fs::read_dir(&dir).unwrap() {
                let f = f.unwrap().path();
                let rel = f.strip_prefix(golden_dir()).unwrap().to_string_lossy().replace('\\', "/");
                on_disk.push(rel);
            }
        }
    }
    on_disk.sort();
    let listed: Vec<String> = GOLDEN.iter().map(|(n, _)| n.to_string()).collect();
    assert_eq!(on_disk, listed);
}
