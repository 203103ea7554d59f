//! Hand-written readers answer exactly as the serde-derived ones did: the same scenario, or the
//! same error (kind, path and message), on thousands of damaged scenario files.
//!
//! `differential.txt` was recorded on main at b6fb8ee, while the model still derived
//! `Deserialize` (`RECORD_DIFFERENTIAL=1 cargo test --test share differential`). Each case is a
//! valid scenario (a preset as it was at b6fb8ee, frozen in `differential_bases.json`, or a
//! generated one) with one to three structural edits: a value
//! replaced by one of another type or out of range, a field removed or added, a tag swapped.
//! Never re-record it to make this test pass: a difference is a change of behaviour.
//!
//! One difference is intended: serde read an internally tagged enum (a fault's `action`, a
//! `pattern`, a deployment's `strategy`, an alarm's `metric` or `action`, a fault's `target`)
//! from a buffer that forgot where it was, so its errors stopped at the enum
//! (`faults[1].action: invalid type: map, expected a string`); the hand-written readers name
//! the field (`faults[1].action.a.zone`). Such an answer must keep the kind and the message word
//! for word, and its path must extend the recorded one below one of those enums.

use archlab::share::{from_json_file, to_json_file};
use rand::{Rng, RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::{json, Value};

use crate::gen;

const CASES: usize = 3000;

/// Names that appear in scenarios (fields and tags), so added keys and swapped tags are ones a
/// reader knows somewhere, not only random junk.
const NAMES: &[&str] = &[
    "type",
    "do",
    "kind",
    "id",
    "x",
    "y",
    "w",
    "h",
    "place",
    "region",
    "zone",
    "weight",
    "count",
    "min",
    "max",
    "tier",
    "step",
    "target",
    "index",
    "server",
    "component",
    "clients",
    "dns",
    "load_balancer",
    "app_server",
    "database",
    "kill",
    "revive",
    "add_latency",
    "partition",
    "heal",
    "clear_latency",
    "rolling",
    "blue_green",
    "all_at_once",
    "p95_ms",
    "cpu_pct",
    "queue",
    "healthy",
    "notify",
    "scale_out",
    "scale_in",
    "rollback",
    "steady",
    "ramp",
    "spike",
    "health_check",
    "autoscaling",
    "primary",
    "host",
    "rtt_ms",
    "version",
    "deployments",
    "alarms",
    "run",
    "speed",
    "ms",
    "a",
    "b",
    "batch",
    "pause_s",
    "error_rate",
    "metric",
];

fn junk(rng: &mut impl RngCore) -> Value {
    let name = NAMES[rng.random_range(0..NAMES.len())];
    match rng.random_range(0..16) {
        0 => json!(-1),
        1 => json!(1.5),
        2 => json!(name),
        3 => Value::Null,
        4 => json!(true),
        5 => json!([]),
        6 => json!({}),
        7 => json!(5_000_000_000u64),
        8 => json!(-0.0),
        9 => json!(1e300),
        10 => json!([1, "a"]),
        11 => json!({ name: 1 }),
        12 => json!(0),
        13 => json!(u64::MAX),
        14 => json!(-9_223_372_036_854_775_807i64),
        _ => json!(""),
    }
}

#[derive(Clone)]
enum Step {
    Key(String),
    Index(usize),
}

fn paths(v: &Value, here: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(here.clone());
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                here.push(Step::Key(k.clone()));
                paths(child, here, out);
                here.pop();
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                here.push(Step::Index(i));
                paths(child, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

fn node<'a>(v: &'a mut Value, path: &[Step]) -> &'a mut Value {
    path.iter().fold(v, |n, s| match s {
        Step::Key(k) => &mut n[k.as_str()],
        Step::Index(i) => &mut n[*i],
    })
}

fn mutate(rng: &mut impl RngCore, v: &mut Value) {
    let mut all = Vec::new();
    paths(v, &mut Vec::new(), &mut all);
    let path = &all[rng.random_range(1..all.len())];
    let (last, parent) = path.split_last().unwrap();
    let n = node(v, path);
    match rng.random_range(0..6) {
        0 | 1 => *n = junk(rng),
        2 => {
            let name = NAMES[rng.random_range(0..NAMES.len())];
            if n.is_string() {
                *n = json!(name);
            } else if let Some(m) = n.as_object_mut() {
                m.insert(name.to_string(), junk(rng));
            } else {
                *n = json!(name);
            }
        }
        3 => match (node(v, parent), last) {
            (Value::Object(m), Step::Key(k)) => {
                m.remove(k);
            }
            (Value::Array(a), Step::Index(i)) => {
                a.remove(*i);
            }
            _ => {}
        },
        4 => {
            if let Some(m) = node(v, parent).as_object_mut() {
                m.insert(NAMES[rng.random_range(0..NAMES.len())].to_string(), junk(rng));
            }
        }
        _ => {
            // An object where an array is expected, an array of the parent, a wrapped value.
            let old = n.take();
            *n = match rng.random_range(0..3) {
                0 => json!([old]),
                1 => json!({ "a": old }),
                _ => old.as_object().map_or(json!([1]), |m| Value::Array(m.values().cloned().collect())),
            };
        }
    }
}

fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

fn outcome(text: &str) -> String {
    match from_json_file(text) {
        Ok(s) => format!("ok {:016x}", fnv(&to_json_file(&s))),
        Err(e) => format!("{}\t{}", e.kind(), e).replace('\n', "\\n"),
    }
}

fn cases() -> Vec<String> {
    let mut rng = ChaCha8Rng::seed_from_u64(0xd1ff);
    // The presets as they were when the answers were recorded (frozen: a later change to a
    // preset's layout must not change this test's inputs).
    let mut bases: Vec<Value> = serde_json::from_str(include_str!("differential_bases.json")).unwrap();
    for _ in 0..40 {
        let s = gen::scenario(&mut rng, 8);
        bases.push(serde_json::from_str(&to_json_file(&s)).unwrap());
    }
    (0..CASES)
        .map(|i| {
            let mut v = bases[i % bases.len()].clone();
            for _ in 0..rng.random_range(1..=3) {
                mutate(&mut rng, &mut v);
            }
            outcome(&serde_json::to_string_pretty(&v).unwrap())
        })
        .collect()
}

/// True when `got` is `want` with a longer path that goes on below a tagged enum's field.
fn names_the_field_inside_an_enum(want: &str, got: &str) -> bool {
    let split = |line: &str| {
        let (head, message) = line.split_once(": ")?;
        Some((head.strip_prefix("shape\tThis scenario is malformed at ")?.to_string(), message.to_string()))
    };
    let (Some((want_path, want_message)), Some((got_path, got_message))) = (split(want), split(got)) else {
        return false;
    };
    let below =
        got_path.strip_prefix(&want_path).is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['));
    let enum_field = ["action", "pattern", "strategy", "metric", "target", "kind"]
        .iter()
        .any(|f| want_path.ends_with(&format!(".{f}")));
    want_message == got_message && below && enum_field
}

#[test]
fn damaged_files_get_the_same_answer_as_the_derived_readers() {
    let got = cases();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/share/differential.txt");
    if std::env::var_os("RECORD_DIFFERENTIAL").is_some_and(|v| v == "1") {
        std::fs::write(&path, got.join("\n") + "\n").unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap();
    let want: Vec<&str> = want.lines().collect();
    assert_eq!(want.len(), got.len());
    let differ: Vec<String> = (0..got.len())
        .filter(|&i| want[i] != got[i] && !names_the_field_inside_an_enum(want[i], &got[i]))
        .map(|i| format!("case {i}:\n  want {}\n  got  {}", want[i], got[i]))
        .collect();
    assert!(differ.is_empty(), "{} of {} differ:\n{}", differ.len(), got.len(), differ.join("\n"));
}
