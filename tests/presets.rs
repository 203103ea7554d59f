//! The presets: valid, tidy on the canvas, written to scenarios/presets/, and (with the engine)
//! each one's claim checked with numbers derived from its parameters.

use archlab::catalog::{preset, PRESETS};
use archlab::model::{validate, Kind, Scenario};

const W: f64 = 120.0;
const H: f64 = 64.0;

#[test]
fn every_preset_validates() {
    for p in PRESETS {
        let s = (p.build)();
        let d = validate(&s);
        assert!(d.is_empty(), "{}: {:?}", p.id, d);
        assert_eq!(preset(p.id).as_ref(), Some(&s));
    }
    let mut ids: Vec<_> = PRESETS.iter().map(|p| p.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), PRESETS.len(), "preset ids are unique");
}

/// Every component's box lies inside its zone and no two boxes overlap (with a margin).
#[test]
fn every_preset_is_laid_out_cleanly() {
    for p in PRESETS {
        let s = (p.build)();
        for c in &s.components {
            let r = s.region(&c.place.region).unwrap();
            let zi = r.zones.iter().position(|z| z.name == c.place.zone).unwrap();
            let z = r.zone_rect(zi);
            let inside = z.contains(c.x - W / 2.0, c.y - H / 2.0) && z.contains(c.x + W / 2.0, c.y + H / 2.0);
            assert!(inside, "{}: {} sticks out of its zone", p.id, c.id);
        }
        for (i, a) in s.components.iter().enumerate() {
            for b in &s.components[i + 1..] {
                let apart = (a.x - b.x).abs() >= W + 20.0 || (a.y - b.y).abs() >= H + 20.0;
                assert!(apart, "{}: {} and {} overlap", p.id, a.id, b.id);
            }
        }
        for (i, a) in s.regions.iter().enumerate() {
            for b in &s.regions[i + 1..] {
                let apart = a.rect.x + a.rect.w <= b.rect.x || b.rect.x + b.rect.w <= a.rect.x;
                assert!(apart, "{}: regions overlap", p.id);
            }
        }
    }
}

/// `UPDATE_SCENARIOS=1 cargo test --test presets` rewrites the files; otherwise they must match.
#[test]
fn preset_files_match_the_constructors() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/presets");
    let update = std::env::var_os("UPDATE_SCENARIOS").is_some_and(|v| v == "1");
    for p in PRESETS {
        let json = serde_json::to_string_pretty(&(p.build)()).unwrap() + "\n";
        let path = dir.join(format!("{}.json", p.id));
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &json).unwrap();
        } else {
            let committed = std::fs::read_to_string(&path).unwrap_or_else(|_| {
                panic!("{} missing: run UPDATE_SCENARIOS=1 cargo test --test presets", path.display())
            });
            assert_eq!(committed, json, "{} is stale: run UPDATE_SCENARIOS=1", path.display());
            let back: Scenario = serde_json::from_str(&committed).unwrap();
            assert_eq!(back, (p.build)());
        }
    }
}

#[test]
fn the_path_changes_one_thing_at_a_time() {
    let app = |s: &Scenario| match &s.component("app-1").unwrap().kind {
        Kind::AppServer(a) => a.clone(),
        _ => unreachable!(),
    };
    let one = preset("single-server").unwrap();
    let two = preset("separate-db").unwrap();
    assert_eq!(app(&one), app(&two), "step 2 only moves the database");
    let three = preset("load-balancer").unwrap();
    let four = preset("processes").unwrap();
    assert_eq!((app(&three).count, app(&four).count), (4, 4));
    assert_eq!((app(&four).vcpus, app(&four).processes), (4, 4));
}
