//! The diagnosis through the engine: one scenario per kind, built so the answer is known, run,
//! observed over its last five seconds as the live callout does, then diagnosed. Each case
//! checks the kind, the fix, and the evidence against arithmetic done by hand.
//! (`tests/bottleneck.rs` checks the rules on hand-made observations; the runner's JSON is
//! checked against the same function in `crates/runner/tests/runner.rs`.)

use archlab::analysis::{diagnose, observe, Diagnosis, Evidence, LimitKind, Observation, Suggestion};
use archlab::catalog::{app_server, preset};
use archlab::engine::{secs, Sim};
use archlab::i18n::{describe_diagnosis, describe_suggestion, Lang};
use archlab::model::*;

/// Runs `s` for `seconds` and observes and diagnoses the last five seconds.
fn run(s: &Scenario, seconds: f64) -> (Diagnosis, Observation) {
    let mut sim = Sim::new(s, s.seed).expect("valid scenario");
    sim.advance_to(secs(seconds));
    let o = observe(s, &sim.snapshot(), sim.metrics(), 5, None);
    (diagnose(s, &o), o)
}

/// users → lb → one tier of `count` app servers (2 vCPUs, 4 processes, 8 ms CPU, 2 queries of
/// 2 ms) → db (2 vCPUs), in one zone; clients do not retry.
fn tier_behind_lb(count: u32, rate: f64) -> Scenario {
    let mut s = preset("load-balancer").expect("preset exists");
    s.component_mut("app-1").expect("app-1").kind = app_server(count);
    s.traffic.rate_rps = rate;
    s
}

fn db(s: &mut Scenario) -> &mut Database {
    match &mut s.component_mut("db-1").expect("db-1").kind {
        Kind::Database(d) => d,
        _ => panic!("db-1 is a database"),
    }
}

fn app(s: &mut Scenario) -> &mut AppServer {
    match &mut s.component_mut("app-1").expect("app-1").kind {
        Kind::AppServer(a) => a,
        _ => panic!("app-1 is an app tier"),
    }
}

fn saturated(d: &Diagnosis) -> &archlab::analysis::Observed {
    match &d.evidence {
        Evidence::Saturated { observed, .. } => observed,
        e => panic!("expected a saturated component, got {e:?}"),
    }
}

#[test]
fn db_cpu_a_cpu_bound_database_with_connections_to_spare() {
    // Queries all CPU (2 ms) on 2 cores: 1,000 queries/s, 500 requests/s at 2 queries each.
    // 12 servers could serve 3,000 req/s; send 1,000. The 48 processes hold 48 of 5,000
    // connections, so at most 48 / 5,000 < 1 % of the connections are ever busy.
    let mut s = tier_behind_lb(12, 1000.0);
    (db(&mut s).query_cpu_fraction, db(&mut s).max_connections) = (1.0, 5000);
    let (d, o) = run(&s, 20.0);
    assert_eq!((d.kind, d.id.as_deref()), (LimitKind::DbCpu, Some("db-1")), "{d:?}");
    let e = saturated(&d);
    assert!(e.cpu_utilization > 0.97, "db cores {}", e.cpu_utilization);
    assert!(e.connection_utilization <= 48.0 / 5000.0 + 1e-9, "db connections {}", e.connection_utilization);
    assert!((o.traffic.goodput_rps - 500.0).abs() < 25.0, "goodput {} ≈ 500", o.traffic.goodput_rps);
    assert!(
        matches!(d.suggestion, Suggestion::DbBiggerClass { percent } if percent >= 97),
        "{:?}",
        d.suggestion
    );
    // The fix never says "raise the connection limit": only that more connections would queue.
    for lang in [Lang::En, Lang::Ko] {
        let text = describe_suggestion(lang, d.suggestion).unwrap();
        assert!(!text.contains("raise") && !text.contains("늘리세요"), "{text}");
    }
    assert!(describe_suggestion(Lang::En, d.suggestion).unwrap().contains("bigger instance class"));
    // The app tier waits on its database: named too, after it.
    assert!(d.saturated.iter().any(|x| x.id == "app-1"), "{:?}", d.saturated);
}

#[test]
fn db_connections_more_processes_than_the_database_accepts() {
    // 12 servers × 4 processes = 48 want a connection, the database accepts 8: the 40 without
    // one fail every request, 40/48 of 1,000 req/s ≈ 833/s, on an otherwise idle database.
    let mut s = tier_behind_lb(12, 1000.0);
    db(&mut s).max_connections = 8;
    let (d, o) = run(&s, 20.0);
    assert_eq!(
        (d.kind, d.id.as_deref(), d.suggestion),
        (LimitKind::DbConnections, Some("db-1"), Suggestion::DbProxy)
    );
    let Evidence::Connections { processes, max_connections, refused_per_s } = d.evidence else {
        panic!("{d:?}")
    };
    assert_eq!((processes, max_connections), (48, 8));
    let expected = o.traffic.throughput_rps * 40.0 / 48.0;
    assert!((refused_per_s - expected).abs() < 0.05 * expected, "refused {refused_per_s}/s ≈ {expected}");
    let text = describe_diagnosis(Lang::En, &d);
    assert!(text
        .evidence
        .unwrap()
        .contains("48 app processes each want a connection, the database accepts 8"));
    assert!(text.suggestion.unwrap().contains("proxy"));
    assert!(describe_diagnosis(Lang::Ko, &d).suggestion.unwrap().contains("프록시"));
    // A proxy multiplexes the 48 processes over the 8 connections: no refusal, and not this kind.
    db(&mut s).proxy = true;
    let (d, o) = run(&s, 20.0);
    assert_eq!(o.traffic.too_many_connections_rps, 0.0);
    assert_ne!(d.kind, LimitKind::DbConnections, "{d:?}");
}

#[test]
fn cpu_busy_cores_with_workers_to_spare() {
    // 4 hosts × 2 vCPUs × 64 processes, 8 ms of CPU per request: 960 req/s keep
    // 960 × 0.008 / 8 = 96 % of the cores busy, while 256 processes are mostly idle. (The
    // database accepts them all, and its cores do 960 × 2 × 2 ms × 0.25 = 0.96 of 2.)
    let mut s = tier_behind_lb(4, 960.0);
    app(&mut s).processes = 64;
    db(&mut s).max_connections = 1000;
    let (d, o) = run(&s, 30.0);
    assert_eq!(
        (d.kind, d.id.as_deref(), d.suggestion),
        (LimitKind::Cpu, Some("app-1"), Suggestion::AddServers),
        "{d:?}"
    );
    let e = saturated(&d);
    // The last second's cores may touch 100 % at this load; their mean over the window (the
    // limiting resource's, since the workers are far below) is the 96 %, and the cores keep up.
    assert!(e.cpu_utilization >= 0.9, "cores {}", e.cpu_utilization);
    assert!((e.utilization - 0.96).abs() < 0.04, "cores {} ≈ 0.96 over the window", e.utilization);
    assert!((o.traffic.goodput_rps - 960.0).abs() < 0.05 * 960.0, "goodput {}", o.traffic.goodput_rps);
    // Workers to spare: a request holds one for ~12 ms plus its wait for a core, which at 96 %
    // swings from second to second (M/M/8's queue), but stays below the cores and saturation.
    assert!(
        e.worker_utilization < 0.9 && e.worker_utilization < e.cpu_utilization,
        "workers {} to spare (cores {})",
        e.worker_utilization,
        e.cpu_utilization
    );
    let words = describe_diagnosis(Lang::En, &d).resources.unwrap();
    assert!(words.starts_with("CPU ") && words.contains(" · workers "), "{words}");
}

#[test]
fn workers_one_process_on_four_cores_io_bound() {
    // One process holds a request for 8 ms of CPU + 2 queries of ~2 ms (~12 ms): ~80 req/s;
    // send 150. One process uses at most one of the four cores: at most 25 %, about
    // 80 × 8 ms = 64 % of one core, 16 % of four.
    let mut s = preset("separate-db").unwrap();
    (app(&mut s).vcpus, app(&mut s).processes) = (4, 1);
    s.traffic.rate_rps = 150.0;
    let (d, _) = run(&s, 20.0);
    assert_eq!((d.kind, d.suggestion), (LimitKind::Workers, Suggestion::MoreProcesses { vcpus: 4 }), "{d:?}");
    let e = saturated(&d);
    assert!(e.worker_utilization > 0.97, "workers {}", e.worker_utilization);
    assert!(
        e.cpu_utilization <= 0.25 && (e.cpu_utilization - 0.16).abs() < 0.05,
        "cores {}",
        e.cpu_utilization
    );
}

#[test]
fn retries_the_retry_storm_preset_outlives_its_spike() {
    // Two servers (500 req/s) at 350 req/s, users who give up after 2 s and try three times;
    // the load doubles from 30 s to 40 s. Before the spike, one attempt per request.
    let s = preset("retry-storm").unwrap();
    let (d, o) = run(&s, 25.0);
    assert!((o.traffic.attempts_per_request - 1.0).abs() < 1e-9, "{:?}", o.traffic);
    assert_ne!(d.kind, LimitKind::Retries);
    // Twenty seconds after the spike ended, the retries still are the load.
    let (d, o) = run(&s, 60.0);
    assert_eq!((d.kind, d.suggestion), (LimitKind::Retries, Suggestion::FewerRetries), "{d:?}");
    let Evidence::Retries { attempts_per_request: a, error_rate } = d.evidence else { panic!("{d:?}") };
    // At most three attempts per request; a storm is a quarter more load or worse.
    assert!((1.25..=3.0).contains(&a) && a == o.traffic.attempts_per_request, "{a}");
    assert!(error_rate > 0.5, "{error_rate}");
    assert!(describe_diagnosis(Lang::En, &d).headline.starts_with("Retry storm"));
    // The same spike with retries off is over twenty seconds later.
    let mut off = s.clone();
    if let Kind::Clients(c) = &mut off.component_mut("users-1").unwrap().kind {
        c.retry = Retry::OFF;
    }
    let (d, o) = run(&off, 60.0);
    assert_eq!(o.traffic.attempts_per_request, 1.0);
    assert_ne!(d.kind, LimitKind::Retries, "{d:?}");
}

/// separate-db with its app server and database moved to N. Virginia; the users stay in Seoul.
fn far_region() -> Scenario {
    let mut s = preset("separate-db").unwrap();
    s.regions.push(Region {
        code: "us-east-1".into(),
        rect: Rect { x: 1200.0, y: 0.0, w: 900.0, h: 420.0 },
        zones: vec![Zone { name: "a".into() }],
    });
    for id in ["app-1", "db-1"] {
        let c = s.component_mut(id).unwrap();
        c.place.region = "us-east-1".into();
        c.x += 1200.0;
    }
    assert_eq!(validate(&s), vec![], "the far-region scenario is valid");
    s
}

#[test]
fn network_users_far_from_the_region() {
    // Seoul ↔ N. Virginia is the catalog's 177.4 ms; the work is ~12 ms at 50 req/s.
    let mut s = far_region();
    s.traffic.rate_rps = 50.0;
    let (d, _) = run(&s, 20.0);
    assert_eq!((d.kind, d.suggestion), (LimitKind::Network, Suggestion::NearerRegion), "{d:?}");
    let Evidence::Network { rtt_ms, p50_ms, ref users_region, ref served_region } = d.evidence else {
        panic!()
    };
    assert_eq!((users_region.as_str(), served_region.as_str()), ("ap-northeast-2", "us-east-1"));
    assert!((rtt_ms - 177.4).abs() < 1e-9 && (177.0..200.0).contains(&p50_ms), "{rtt_ms} {p50_ms}");
}

#[test]
fn outage_a_zone_down() {
    // Zone a (lb-1, app-1, the primary database) dies at 30 s; the standby is promoted at 90 s.
    let s = preset("zone-outage").unwrap();
    let (d, o) = run(&s, 60.0);
    assert_eq!((d.kind, d.suggestion), (LimitKind::Outage, Suggestion::Redundancy), "{d:?}");
    let Evidence::Outage { error_rate, ref place, .. } = d.evidence else { panic!() };
    assert_eq!(place.as_deref(), Some("ap-northeast-2/a"));
    assert!(error_rate > 0.99 && error_rate == o.traffic.error_rate, "{error_rate}");
}

#[test]
fn none_a_light_load() {
    // 200 req/s on the load-balancer design: its two servers serve 500.
    let mut s = preset("load-balancer").unwrap();
    s.traffic.rate_rps = 200.0;
    let (d, o) = run(&s, 20.0);
    assert_eq!(d, Diagnosis::none());
    assert_eq!(o.traffic.error_rate, 0.0);
    assert!(o.components.iter().all(|c| c.utilization < 0.75), "{:?}", o.components);
}

/// The words the detail panel and the canvas card show, per resource, on the engine's own view.
#[test]
fn resources_are_worded_apart_and_the_card_names_the_limiting_one() {
    use archlab::i18n::{describe_resources, limiting_resource};
    // One process on four cores, I/O bound: workers full, cores at ~16 % (see above).
    let mut s = preset("separate-db").unwrap();
    (app(&mut s).vcpus, app(&mut s).processes) = (4, 1);
    s.traffic.rate_rps = 150.0;
    let mut sim = Sim::new(&s, s.seed).unwrap();
    sim.advance_to(secs(20.0));
    let snap = sim.snapshot();
    let view = |id: &str| {
        let i = s.components.iter().position(|c| c.id == id).unwrap();
        (s.components[i].kind.clone(), snap.components.iter().find(|v| v.index == i).unwrap().clone())
    };
    let (k, v) = view("app-1");
    let pct = |x: f64| format!("{:.0}", x * 100.0);
    assert_eq!(
        describe_resources(Lang::En, &k, &v).unwrap(),
        format!("CPU {} % · workers {} %", pct(v.cpu_utilization), pct(v.worker_utilization))
    );
    assert_eq!(
        describe_resources(Lang::Ko, &k, &v).unwrap(),
        format!("CPU {} % · 워커 {} %", pct(v.cpu_utilization), pct(v.worker_utilization))
    );
    assert_eq!(limiting_resource(Lang::En, &k, &v), format!("workers {} %", pct(v.worker_utilization)));
    let (k, v) = view("db-1");
    assert!(describe_resources(Lang::En, &k, &v).unwrap().contains(" · connections "));
    assert!(describe_resources(Lang::Ko, &k, &v).unwrap().contains(" · 연결 "));
    let (k, v) = view("users-1");
    assert_eq!(describe_resources(Lang::En, &k, &v), None);
    // Busy cores name the card "CPU": the db_cpu case.
    let mut s = tier_behind_lb(12, 1000.0);
    (db(&mut s).query_cpu_fraction, db(&mut s).max_connections) = (1.0, 5000);
    let mut sim = Sim::new(&s, s.seed).unwrap();
    sim.advance_to(secs(20.0));
    let i = s.components.iter().position(|c| c.id == "db-1").unwrap();
    let v = sim.snapshot().components.into_iter().find(|v| v.index == i).unwrap();
    assert_eq!(limiting_resource(Lang::En, &s.components[i].kind, &v), "CPU 100 %");
}
