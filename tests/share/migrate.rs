//! The migration mechanism, driven through a synthetic "version 0" that was never released.
//!
//! Version 0 (defined only here) differed from version 1 in two ways: the component list was
//! called `boxes`, and the traffic rate was a top-level `rate` instead of `traffic.rate_rps`.
//! The step below is written the way a real v1 -> v2 step would be.

use archlab::model::{validate, Scenario};
use archlab::share::migrate::{migrate, migrate_with, Step};
use archlab::share::{from_json_file, ShareError};
use serde_json::{json, Map, Value};

fn v0_to_v1(obj: &mut Map<String, Value>) -> Result<(), String> {
    let boxes = obj.remove("boxes").ok_or("a version 0 scenario lists its components under \"boxes\"")?;
    obj.insert("components".into(), boxes);
    if let Some(rate) = obj.remove("rate") {
        let traffic = obj.entry("traffic").or_insert_with(|| json!({}));
        traffic.as_object_mut().ok_or("\"traffic\" must be an object")?.insert("rate_rps".into(), rate);
    }
    Ok(())
}

const TEST_STEPS: &[Step] =
    &[Step { from: 0, what: "boxes -> components; rate -> traffic.rate_rps", apply: v0_to_v1 }];

fn v0_fixture() -> Value {
    let mut v: Value =
        serde_json::from_str(include_str!("../../scenarios/examples/single-server.json")).unwrap();
    let obj = v.as_object_mut().unwrap();
    let components = obj.remove("components").unwrap();
    obj.insert("boxes".into(), components);
    obj["traffic"].as_object_mut().unwrap().remove("rate_rps");
    obj.insert("rate".into(), json!(75.0));
    obj.insert("version".into(), json!(0));
    v
}

#[test]
fn a_v0_scenario_is_upgraded_step_by_step_to_v1() {
    let v1 = migrate_with(v0_fixture(), 0, TEST_STEPS, 1).unwrap();
    assert_eq!(v1["version"], json!(1));
    let s: Scenario = archlab::share::from_value(&v1).unwrap();
    assert_eq!(validate(&s), vec![]);
    let mut expected = from_json_file(include_str!("../../scenarios/examples/single-server.json")).unwrap();
    expected.traffic.rate_rps = 75.0;
    assert_eq!(s, expected);
}

#[test]
fn a_broken_old_scenario_says_which_step_failed() {
    let mut v = v0_fixture();
    v.as_object_mut().unwrap().remove("boxes");
    match migrate_with(v, 0, TEST_STEPS, 1) {
        Err(ShareError::Migration { from: 0, message }) => assert!(message.contains("boxes")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_released_build_reads_v1_and_refuses_v0_and_v2() {
    let v1: Value =
        serde_json::from_str(include_str!("../../scenarios/examples/single-server.json")).unwrap();
    assert_eq!(migrate(v1.clone()), Ok(v1.clone()), "the current version passes unchanged");
    assert_eq!(migrate(v0_fixture()), Err(ShareError::UnknownVersion { found: 0, oldest: 1 }));
    let mut v2 = v1;
    v2["version"] = json!(2);
    assert_eq!(migrate(v2), Err(ShareError::NewerVersion { found: 2, supported: 1 }));
}
