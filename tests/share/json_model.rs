//! The format's JSON form of the model (`share::to_value`, `to_json_file`, `from_value`):
//! reading what was written gives back the same scenario, every field and variant included
//! (deployments, alarms and auto-scaling too, which links rarely carry), and a shape error names
//! its place in serde's words.

use archlab::model::*;
use archlab::share::{from_json_str, from_value, to_json_file, to_value, ShareError};
use proptest::prelude::*;
use rand::{Rng, RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::gen;

/// Any float the shape allows (validation is not the point here), sign of zero included.
fn float(rng: &mut impl RngCore) -> f64 {
    match rng.random_range(0..4) {
        0 => -0.0,
        1 => rng.random_range(-1e6..1e6),
        2 => f64::from_bits(rng.next_u64() >> 2),
        _ => rng.random_range(0..1000) as f64,
    }
}

fn text(rng: &mut impl RngCore) -> String {
    ["", "app-1", "서울 \"q\" \\ <b>", "😀\n\t"][rng.random_range(0..4)].to_string()
}

fn deployment(rng: &mut impl RngCore) -> Deployment {
    use archlab::model::Strategy;
    let strategy = match rng.random_range(0..3) {
        0 => Strategy::AllAtOnce,
        1 => Strategy::Rolling { batch: rng.next_u32(), pause_s: float(rng) },
        _ => Strategy::BlueGreen,
    };
    Deployment {
        at_s: float(rng),
        tier: text(rng),
        strategy,
        version: Version { error_rate: float(rng), extra_ms: float(rng) },
        boot_s: float(rng),
        rollback_on: rng.random_bool(0.5).then(|| text(rng)),
    }
}

fn alarm(rng: &mut impl RngCore) -> Alarm {
    let metric = match rng.random_range(0..5) {
        0 => AlarmMetric::P95Ms,
        1 => AlarmMetric::ErrorRatePct,
        2 => AlarmMetric::CpuPct { component: text(rng) },
        3 => AlarmMetric::Queue { component: text(rng) },
        _ => AlarmMetric::Healthy { component: text(rng) },
    };
    let action = match rng.random_range(0..4) {
        0 => AlarmAction::Notify,
        1 => AlarmAction::ScaleOut { tier: text(rng), step: rng.next_u32() },
        2 => AlarmAction::ScaleIn { tier: text(rng), step: rng.next_u32() },
        _ => AlarmAction::Rollback,
    };
    Alarm {
        id: text(rng),
        metric,
        above: rng.random_bool(0.5),
        threshold: float(rng),
        period_s: float(rng),
        evaluation_periods: rng.next_u32(),
        action,
    }
}

fn scenario(seed: u64) -> Scenario {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut s = gen::scenario(&mut rng, 16);
    s.deployments = (0..rng.random_range(0..4)).map(|_| deployment(&mut rng)).collect();
    s.alarms = (0..rng.random_range(0..4)).map(|_| alarm(&mut rng)).collect();
    for c in &mut s.components {
        match &mut c.kind {
            Kind::Database(d) if rng.random_bool(0.5) => d.host = Some(text(&mut rng)),
            Kind::LoadBalancer(l) => {
                l.fail_open = rng.random_bool(0.5);
                l.cross_zone = rng.random_bool(0.5);
            }
            _ => {}
        }
    }
    for l in &mut s.links {
        l.rtt_ms = rng.random_bool(0.3).then(|| float(&mut rng));
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn writing_then_reading_is_the_identity(seed in any::<u64>()) {
        let s = scenario(seed);
        prop_assert_eq!(from_value::<Scenario>(&to_value(&s)), Ok(s.clone()));
        let text = to_json_file(&s);
        prop_assert_eq!(from_json_str::<Scenario>(&text), Ok(s.clone()));
        // The value and the pretty text are the same JSON.
        prop_assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), to_value(&s));
    }
}

/// Each fieldless enum's names are exactly the ones the format documents, and read back.
#[test]
fn unit_enum_names_round_trip() {
    let names: Vec<&str> = [
        DnsPolicy::NAMES,
        LbLayer::NAMES,
        LbAlgorithm::NAMES,
        ServiceDist::NAMES,
        DbRole::NAMES,
        Arrivals::NAMES,
    ]
    .concat();
    assert_eq!(
        names,
        [
            "latency",
            "failover",
            "round_robin",
            "l4",
            "l7",
            "round_robin",
            "least_connections",
            "random",
            "power_of_two",
            "weighted",
            "exponential",
            "constant",
            "primary",
            "standby",
            "read_replica",
            "poisson",
            "uniform",
        ]
    );
    for a in LbAlgorithm::ALL {
        assert_eq!(LbAlgorithm::from_name(a.name()), Some(a));
    }
    assert_eq!(DbRole::from_name("Primary"), None);
}

/// Messages and paths are serde's, including inside a kind and for a struct given as an array.
#[test]
fn errors_name_the_place_in_serdes_words() {
    let err = |v: serde_json::Value| match from_value::<Component>(&v) {
        Err(ShareError::Shape { path, detail }) => Shape { path, message: detail.to_string() },
        other => panic!("{other:?}"),
    };
    let place = serde_json::json!({"region": "ap-northeast-2", "zone": "a"});
    let e = err(serde_json::json!({"id": "a", "place": place, "x": 0, "y": 0,
        "kind": {"type": "app_server", "health": 1}}));
    assert_eq!(e.path, "kind.health");
    assert!(
        e.message.starts_with("unknown field `health`, expected one of `count`, `vcpus`"),
        "{}",
        e.message
    );
    let e = err(serde_json::json!({"id": "a", "place": ["ap-northeast-2"], "x": 0, "y": 0,
        "kind": {"type": "clients"}}));
    assert_eq!(
        (e.path.as_str(), e.message.as_str()),
        ("place", "invalid length 1, expected struct Placement with 2 elements")
    );
    let e = err(serde_json::json!({"id": "a", "place": place, "x": "0", "y": 0, "kind": {"type": "dns"}}));
    assert_eq!((e.path.as_str(), e.message.as_str()), ("x", "invalid type: string \"0\", expected f64"));
    let e = err(serde_json::json!({"id": "a", "place": place, "x": 0, "y": 0, "kind": {"type": 9}}));
    assert_eq!(
        (e.path.as_str(), e.message.as_str()),
        ("kind.type", "invalid type: integer `9`, expected string or map")
    );
    let e = err(serde_json::json!({"id": "a", "place": place, "x": 0, "kind": {"type": "dns"}}));
    assert_eq!((e.path.as_str(), e.message.as_str()), (".", "missing field `y`"));
}

struct Shape {
    path: String,
    message: String,
}
