//! The minified JSON a link carries: the scenario without what the reader can fill back in.
//!
//! Two rewrites keep a 20-component design under 1,000 characters of URL without a preset
//! dictionary, a key table or a binary layout (each of which would freeze the model's field
//! order or names into the link format):
//!
//! - **Defaults are left out.** A field may be omitted wherever the model reads a missing field
//!   as its default (the format's `#[serde(default)]`s in `share::format` fill it in), and here it is omitted
//!   when it equals that default. This makes the defaults of a format version part of that version: a build that changes a
//!   default must bump `FORMAT_VERSION` and migrate old scenarios by writing the old default
//!   out. The golden links in `tests/golden/v1/` fail if a default drifts.
//! - **Whole numbers lose their `.0`.** `150.0` is written `150`; JSON does not distinguish them
//!   and the reader takes an integer as an `f64` exactly (up to 2^53, beyond any model limit).
//!
//! Nested objects are never thinned partially: a `health_check` is either left out whole (equal
//! to its owner's default) or written whole, because a DNS and a load balancer have different
//! default health checks and a partial object would fill its gaps from the wrong one.

use serde_json::{Map, Number, Value};

use super::to_value;
use crate::model::{AppServer, Clients, Database, Dns, Kind, LoadBalancer, RunSettings, Scenario, Traffic};

/// Largest magnitude whose integral `f64` converts to an integer and back exactly.
const EXACT_INT: f64 = 9_007_199_254_740_992.0; // 2^53

/// The scenario as the JSON value a link compresses.
pub(super) fn compact(scenario: &Scenario) -> Value {
    let mut v = to_value(scenario);
    if let Value::Object(top) = &mut v {
        drop_equal(top, "name", &Value::from(""));
        drop_equal(top, "seed", &Value::from(0u64));
        drop_equal(top, "links", &Value::Array(Vec::new()));
        drop_equal(top, "faults", &Value::Array(Vec::new()));
        if let Some(Value::Object(run)) = top.get_mut("run") {
            thin(run, &to_value(&RunSettings::default()));
        }
        if let Some(Value::Object(t)) = top.get_mut("traffic") {
            thin(t, &to_value(&Traffic::default()));
        }
        if let Some(Value::Array(components)) = top.get_mut("components") {
            for c in components {
                if let Some(Value::Object(kind)) = c.get_mut("kind") {
                    if let Some(default) = kind.get("type").and_then(Value::as_str).and_then(default_kind) {
                        thin(kind, &default);
                    }
                }
            }
        }
        // `run` may have become {} above; an empty object means "all defaults" and can go too.
        drop_equal(top, "run", &Value::Object(Map::new()));
    }
    integers(&mut v);
    v
}

/// Removes from `obj` every key whose value equals the one in `default` (except the tag).
fn thin(obj: &mut Map<String, Value>, default: &Value) {
    if let Value::Object(d) = default {
        obj.retain(|k, v| k == "type" || d.get(k) != Some(v));
    }
}

fn drop_equal(obj: &mut Map<String, Value>, key: &str, value: &Value) {
    if obj.get(key) == Some(value) {
        obj.remove(key);
    }
}

/// The serialized default of a component kind, tag included, by its `type` tag.
fn default_kind(tag: &str) -> Option<Value> {
    let kind = match tag {
        "clients" => Kind::Clients(Clients::default()),
        "dns" => Kind::Dns(Dns::default()),
        "load_balancer" => Kind::LoadBalancer(LoadBalancer::default()),
        "app_server" => Kind::AppServer(AppServer::default()),
        "database" => Kind::Database(Database::default()),
        _ => return None,
    };
    Some(to_value(&kind))
}

/// Rewrites every integral float as an integer, recursively. -0.0 stays a float, so its sign
/// survives the trip.
fn integers(v: &mut Value) {
    match v {
        Value::Number(n) => {
            if let Some(f) = n.as_f64().filter(|_| n.is_f64()) {
                let integral =
                    f.fract() == 0.0 && f.abs() <= EXACT_INT && !(f == 0.0 && f.is_sign_negative());
                if integral {
                    *n = Number::from(f as i64);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(integers),
        Value::Object(map) => map.values_mut().for_each(integers),
        _ => {}
    }
}
