//! Short names for the scenario's JSON keys inside a link: part of link format 1, frozen.
//!
//! Deflate stores a repeated key as a cheap back-reference, but pays in full for the first
//! occurrence of every key; for a 20-component design that is over a hundred bytes, the
//! difference between fitting in 1,000 characters of URL and not. So before compressing, the
//! encoder renames each key found in [`KEYS`] to its short code, and the decoder renames it back
//! before anything else reads the JSON.
//!
//! Why this does not freeze the model (unlike a binary layout or a deflate dictionary would):
//! keys not in the table pass through unchanged, so a future model can add fields freely; a
//! renamed field is handled by migration, which runs after the keys are expanded back to the
//! names of the version the link claims. The table itself never changes: a new table needs a
//! new link marker. Short codes are upper-case letters, which no model key uses (keys are
//! snake_case), and every object key in a scenario is a field name (the model has no maps with
//! user-chosen keys), so a short code can never be mistaken for data.

use serde_json::Value;

use super::{ShapeDetail, ShareError};

/// (short code, JSON key) pairs of link format 1. FROZEN: never edit, reorder or extend.
pub(super) const KEYS: &[(&str, &str)] = &[
    ("A", "components"),
    ("B", "place"),
    ("C", "region"),
    ("D", "zone"),
    ("E", "kind"),
    ("F", "type"),
    ("G", "links"),
    ("H", "from"),
    ("I", "regions"),
    ("J", "faults"),
    ("K", "traffic"),
    ("L", "run"),
    ("M", "version"),
    ("N", "name"),
    ("O", "seed"),
    ("P", "code"),
    ("Q", "rect"),
    ("R", "zones"),
    ("S", "weight"),
    ("T", "timeout_ms"),
    ("U", "policy"),
    ("V", "ttl_s"),
    ("W", "health_check"),
    ("X", "interval_s"),
    ("Y", "timeout_s"),
    ("Z", "unhealthy_threshold"),
    ("AA", "healthy_threshold"),
    ("AB", "layer"),
    ("AC", "algorithm"),
    ("AD", "fail_open"),
    ("AE", "weights"),
    ("AF", "target"),
    ("AG", "count"),
    ("AH", "vcpus"),
    ("AI", "processes"),
    ("AJ", "cpu_ms"),
    ("AK", "service"),
    ("AL", "db_queries"),
    ("AM", "write_ratio"),
    ("AN", "backlog"),
    ("AO", "restart_delay_s"),
    ("AP", "role"),
    ("AQ", "primary"),
    ("AR", "max_connections"),
    ("AS", "query_ms"),
    ("AT", "queue_limit"),
    ("AU", "failover_s"),
    ("AV", "host"),
    ("AW", "rtt_ms"),
    ("AX", "rate_rps"),
    ("AY", "pattern"),
    ("AZ", "arrivals"),
    ("BA", "to_rps"),
    ("BB", "over_s"),
    ("BC", "at_s"),
    ("BD", "for_s"),
    ("BE", "factor"),
    ("BF", "speed"),
    ("BG", "duration_s"),
    ("BH", "action"),
    ("BI", "index"),
    ("BJ", "server"),
];

/// Renames every known key to its short code, recursively (encoder side).
pub(super) fn shorten(v: &mut Value) {
    rename(v, |k| KEYS.iter().find(|(_, long)| *long == k).map(|(short, _)| *short));
}

/// Renames every short code back to its key, recursively (decoder side). An object holding
/// both a code and the key it stands for is refused rather than silently merged.
/// Whether a top-level object carries the short code of `version` and not `version` itself.
pub(super) fn has_short_version(v: &Value) -> bool {
    let short = KEYS.iter().find(|(_, long)| *long == "version").map(|(short, _)| *short);
    v.as_object().is_some_and(|o| !o.contains_key("version") && short.is_some_and(|s| o.contains_key(s)))
}

pub(super) fn expand(v: &mut Value) -> Result<(), ShareError> {
    match v {
        Value::Array(items) => items.iter_mut().try_for_each(expand),
        Value::Object(map) => {
            let old = std::mem::take(map);
            for (k, mut child) in old {
                expand(&mut child)?;
                let key = KEYS.iter().find(|(short, _)| *short == k).map_or(k.as_str(), |(_, long)| long);
                if map.contains_key(key) {
                    return Err(ShareError::Shape { path: key.to_string(), detail: ShapeDetail::KeyTwice });
                }
                map.insert(key.to_string(), child);
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

fn rename(v: &mut Value, short: fn(&str) -> Option<&'static str>) {
    match v {
        Value::Array(items) => items.iter_mut().for_each(|i| rename(i, short)),
        Value::Object(map) => {
            // Inserted one by one: collecting into the map would sort with a copy of std's
            // sort of its own (crate::order says why that matters).
            for (k, mut child) in std::mem::take(map) {
                rename(&mut child, short);
                map.insert(short(&k).map_or(k, str::to_string), child);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::KEYS;

    #[test]
    fn codes_are_unique_upper_case_and_keys_are_unique_snake_case() {
        let mut codes: Vec<_> = KEYS.iter().map(|(s, _)| *s).collect();
        let mut keys: Vec<_> = KEYS.iter().map(|(_, k)| *k).collect();
        codes.sort_unstable();
        codes.dedup();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(codes.len(), KEYS.len());
        assert_eq!(keys.len(), KEYS.len());
        assert!(codes.iter().all(|c| c.bytes().all(|b| b.is_ascii_uppercase())));
        assert!(keys.iter().all(|k| k.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')));
    }
}
