//! Any scenario the validator accepts comes back from a link, and from a file, unchanged.

use archlab::model::validate;
use archlab::share::{decode, encode, fragment, from_fragment, from_json_file, to_json_file};
use proptest::prelude::*;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use crate::gen;

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// The generator is seeded, so a failure is reproduced by its printed seed alone.
    #[test]
    fn every_valid_scenario_round_trips(seed in any::<u64>(), max in 2usize..40) {
        let s = gen::scenario(&mut ChaCha8Rng::seed_from_u64(seed), max);
        prop_assert_eq!(validate(&s), vec![], "the generator made an invalid scenario");
        let link = encode(&s);
        prop_assert_eq!(decode(&link), Ok(s.clone()), "link {}", link);
        prop_assert_eq!(from_fragment(&fragment(&s)), Some(Ok(s.clone())));
        prop_assert_eq!(from_json_file(&to_json_file(&s)), Ok(s.clone()));
        // Encoding is a function of the scenario: the same scenario always gives the same link.
        prop_assert_eq!(encode(&decode(&link).unwrap()), link);
    }
}

#[test]
fn a_large_scenario_round_trips_within_the_limits() {
    let s = gen::scenario(&mut ChaCha8Rng::seed_from_u64(7), 200);
    assert_eq!(validate(&s), vec![]);
    assert_eq!(decode(&encode(&s)), Ok(s));
}

#[test]
fn every_form_of_a_pasted_link_decodes() {
    let s = gen::scenario(&mut ChaCha8Rng::seed_from_u64(3), 6);
    let link = encode(&s);
    for input in [
        link.clone(),
        format!("#s={link}"),
        format!("s={link}"),
        format!("https://lab.example/archlab/#s={link}"),
        format!("https://lab.example/?x=1#lesson=2&s={link}&view=3"),
        format!("  {link}\n"),
    ] {
        assert_eq!(decode(&input), Ok(s.clone()), "{input}");
    }
    assert_eq!(from_fragment("#lesson=2"), None, "a fragment without s= carries no scenario");
    assert_eq!(from_fragment(""), None);
}

/// The limits are set so that every valid scenario has a link that opens: this one is as
/// large as validation allows (200 components with the longest ids, 1,000 links and 500 faults,
/// every float with 17 significant digits, load balancers weighting every app server).
#[test]
fn the_largest_valid_scenario_has_a_link_that_opens() {
    use archlab::model::*;
    use archlab::share::{MAX_JSON_LEN, MAX_LINK_LEN};
    use rand::Rng;

    let r = &mut ChaCha8Rng::seed_from_u64(1);
    let mut s = Scenario::empty(&"서".repeat(64));
    for info in archlab::catalog::REGIONS {
        let rect = Rect {
            x: r.random_range(-1e6..1e6),
            y: r.random_range(-1e6..1e6),
            w: r.random_range(100.0..1e6),
            h: r.random_range(100.0..1e6),
        };
        let zones = info.zones.iter().map(|z| Zone { name: z.to_string() }).collect();
        s.regions.push(Region { code: info.code.into(), rect, zones });
    }
    let apps: Vec<String> = (20..100).map(|i| format!("a-component-with-32-char-id-{i:04}")).collect();
    for i in 0..200 {
        let kind = match i {
            0..10 => Kind::Clients(Clients {
                weight: r.random_range(0.0..1000.0),
                timeout_ms: r.random_range(1.0..600_000.0),
                connections: None,
                ..Clients::default()
            }),
            10..20 => Kind::LoadBalancer(LoadBalancer {
                weights: apps
                    .iter()
                    .map(|a| TargetWeight { target: a.clone(), weight: r.random_range(0..=1000) })
                    .collect(),
                ..LoadBalancer::default()
            }),
            20..100 => Kind::AppServer(AppServer {
                count: 64,
                vcpus: 96,
                processes: 64,
                cpu_ms: r.random_range(1.0..600_000.0),
                service: ServiceDist::Constant,
                db_queries: 50,
                write_ratio: r.random(),
                backlog: 99_999,
                restart_delay_s: r.random_range(0.0..3600.0),
                autoscaling: None,
            }),
            _ => Kind::Database(Database {
                max_connections: 4999,
                query_ms: r.random_range(1.0..600_000.0),
                queue_limit: 99_999,
                failover_s: r.random_range(0.0..3600.0),
                ..Database::default()
            }),
        };
        s.components.push(Component {
            id: format!("a-component-with-32-char-id-{i:04}"),
            place: Placement::new("eu-central-1", "c"),
            x: r.random_range(-1e6..1e6),
            y: r.random_range(-1e6..1e6),
            kind,
        });
    }
    for i in 0..1000 {
        let (from, to) = (20 + i % 80, 100 + i / 80);
        let (from, to) = (s.components[from].id.clone(), s.components[to].id.clone());
        s.links.push(Link { from, to, rtt_ms: Some(r.random_range(0.0..10_000.0)) });
    }
    for _ in 0..500 {
        let (a, b) = (Placement::new("eu-central-1", "c"), Placement::new("us-east-1", "a"));
        let action = FaultAction::AddLatency { a, b, ms: r.random_range(0.0..10_000.0) };
        s.faults.push(ScheduledFault { at_s: r.random_range(0.0..86_400.0), action });
    }
    assert_eq!(s.components[0].id.len(), 32);
    let problems = validate(&s);
    assert!(problems.is_empty(), "{:?}", &problems[..problems.len().min(3)]);
    let link = encode(&s);
    let file = to_json_file(&s);
    println!("largest valid scenario: link {} characters, file {} bytes", link.len(), file.len());
    assert!(link.len() <= MAX_LINK_LEN && file.len() <= MAX_JSON_LEN);
    assert_eq!(decode(&link), Ok(s.clone()));
    assert_eq!(from_json_file(&file), Ok(s));
}
