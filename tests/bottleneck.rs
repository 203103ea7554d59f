//! The bottleneck callout names what limits the design, on scenarios whose answer is known:
//! first from hand-made observations (the decision rules, one case per kind), then from real
//! runs of the engine (the evidence the rules read).

use archlab::analysis::{
    diagnose, observe, Diagnosis, Evidence, LimitKind, Observation, Observed, Suggestion,
};
use archlab::catalog::{app_server, preset};
use archlab::engine::{secs, Health, Sim};
use archlab::i18n::{describe_diagnosis, Lang};
use archlab::model::*;

/// An observation where the named components have the given utilisation and queue growth.
/// Per resource, it reads as the engine reports: an app tier's busy cores are at most its busy
/// processes × min(1, processes ÷ vCPUs); a database's cores and connections are its
/// utilisation (the cases of other shapes set their fields themselves).
fn obs(s: &Scenario, set: &[(&str, f64, f64)]) -> Observation {
    let mut o = Observation {
        components: vec![Observed::default(); s.components.len()],
        window_s: 5,
        ..Default::default()
    };
    for (id, util, growth) in set {
        let i = s.components.iter().position(|c| c.id == *id).expect("known id");
        let c = &mut o.components[i];
        c.utilization = *util;
        c.queue_growth_per_s = *growth;
        match &s.components[i].kind {
            Kind::AppServer(a) => {
                c.worker_utilization = *util;
                c.cpu_utilization = *util * (f64::from(a.processes) / f64::from(a.vcpus)).min(1.0);
            }
            Kind::Database(_) => {
                c.connection_utilization = *util;
                c.cpu_utilization = *util;
            }
            _ => c.cpu_utilization = *util,
        }
    }
    o
}

/// A step 1 or 2 preset with step 4's process manager (4 processes on its 2 vCPUs), so that its
/// cores, not its one worker, are what saturates.
fn with_four_processes(id: &str) -> Scenario {
    let mut s = preset(id).expect("preset exists");
    if let Kind::AppServer(a) = &mut s.component_mut("app-1").expect("app-1").kind {
        a.processes = 4;
    }
    s
}

fn limit(d: Diagnosis) -> (String, Suggestion) {
    assert!(d.is_limited(), "expected a bottleneck, got none");
    (d.id.expect("a component is named"), d.suggestion)
}

fn index(s: &Scenario, id: &str) -> usize {
    s.components.iter().position(|c| c.id == id).expect("known id")
}

/// users → lb → one tier of `count` app servers → db, in one zone.
fn tier_behind_lb(count: u32, rate: f64) -> Scenario {
    let mut s = preset("load-balancer").expect("preset exists");
    s.component_mut("app-1").expect("app-1").kind = app_server(count);
    s.traffic.rate_rps = rate;
    s
}

/// users → lb (round robin) → app-fast (3 servers) and app-slow (1 server, 10× the CPU time).
fn slow_target(rate: f64) -> Scenario {
    let mut s = tier_behind_lb(3, rate);
    let mut slow = s.component("app-1").expect("app-1").clone();
    slow.id = "app-slow".into();
    slow.y += 120.0;
    if let Kind::AppServer(a) = &mut slow.kind {
        a.count = 1;
        a.cpu_ms *= 10.0;
    }
    s.components.push(slow);
    s.links.push(Link { from: "lb-1".into(), to: "app-slow".into(), rtt_ms: None });
    s.links.push(Link { from: "app-slow".into(), to: "db-1".into(), rtt_ms: None });
    assert_eq!(validate(&s), vec![], "the slow-target scenario is valid");
    s
}

#[test]
fn nothing_busy_means_no_bottleneck() {
    let s = preset("load-balancer").unwrap();
    assert_eq!(diagnose(&s, &obs(&s, &[("app-1", 0.5, 0.0), ("db-1", 0.3, 0.0)])), Diagnosis::none());
    assert_eq!(diagnose(&s, &Observation::default()), Diagnosis::none());
}

#[test]
fn a_saturated_single_server_is_named_and_the_database_should_move_out() {
    // As given, one process: its worker saturates with a core idle, so more processes come
    // first (moving the database out would not raise its capacity).
    let one = preset("single-server").unwrap();
    let (id, sug) = limit(diagnose(&one, &obs(&one, &[("app-1", 1.0, 4.0), ("db-1", 0.3, 0.0)])));
    assert_eq!((id.as_str(), sug), ("app-1", Suggestion::MoreProcesses { vcpus: 2 }));
    let s = with_four_processes("single-server");
    let (id, sug) = limit(diagnose(&s, &obs(&s, &[("app-1", 1.0, 4.0), ("db-1", 0.3, 0.0)])));
    assert_eq!((id.as_str(), sug), ("app-1", Suggestion::DbOwnServer));
    // A database on the host is part of the host: its saturation names the host.
    let (id, _) = limit(diagnose(&s, &obs(&s, &[("app-1", 0.8, 0.0), ("db-1", 0.97, 2.0)])));
    assert_eq!(id, "app-1");
}

#[test]
fn a_saturated_database_behind_many_app_servers_is_the_cause_not_its_waiting_callers() {
    let s = tier_behind_lb(12, 2500.0);
    let (id, sug) = limit(diagnose(&s, &obs(&s, &[("app-1", 0.99, 30.0), ("db-1", 0.98, 50.0)])));
    // The database's cores are busy: a bigger class, replicas or a cache; never more
    // connections (was `DbBusy`, whose words advised raising the connection limit).
    assert_eq!((id.as_str(), sug), ("db-1", Suggestion::DbBiggerClass { percent: 98 }));
}

#[test]
fn one_slow_target_under_round_robin_calls_for_least_connections() {
    let s = slow_target(200.0);
    let (id, sug) = limit(diagnose(&s, &obs(&s, &[("app-1", 0.2, 0.0), ("app-slow", 1.0, 5.0)])));
    assert_eq!((id.as_str(), sug), ("app-slow", Suggestion::LeastConnections));
    // With least connections already on, the answer is more servers.
    let mut s2 = s.clone();
    if let Kind::LoadBalancer(l) = &mut s2.component_mut("lb-1").unwrap().kind {
        l.algorithm = LbAlgorithm::LeastConnections;
    }
    let (_, sug) = limit(diagnose(&s2, &obs(&s2, &[("app-1", 0.2, 0.0), ("app-slow", 1.0, 5.0)])));
    assert_eq!(sug, Suggestion::AddServers);
}

#[test]
fn fewer_processes_than_cores_calls_for_more_processes() {
    let mut s = preset("separate-db").unwrap();
    if let Kind::AppServer(a) = &mut s.component_mut("app-1").unwrap().kind {
        a.vcpus = 4;
        a.processes = 1;
    }
    let (id, sug) = limit(diagnose(&s, &obs(&s, &[("app-1", 1.0, 3.0)])));
    assert_eq!((id.as_str(), sug), ("app-1", Suggestion::MoreProcesses { vcpus: 4 }));
}

#[test]
fn a_lone_saturated_server_without_a_balancer_should_scale_out() {
    let s = with_four_processes("separate-db");
    let (id, sug) = limit(diagnose(&s, &obs(&s, &[("app-1", 0.95, 1.0)])));
    assert_eq!((id.as_str(), sug), ("app-1", Suggestion::ScaleOut));
    // Busy but with its queue steady and below 90%: not yet a bottleneck.
    assert_eq!(diagnose(&s, &obs(&s, &[("app-1", 0.8, 0.0)])), Diagnosis::none());
    // Busy and its queue growing: saturated.
    assert!(diagnose(&s, &obs(&s, &[("app-1", 0.8, 2.0)])).is_limited());
}

#[test]
fn the_only_load_balancer_down_is_a_single_point_of_failure() {
    let s = preset("lb-spof").unwrap();
    let mut o = obs(&s, &[]);
    let lb = s.components.iter().position(|c| c.id == "lb-1").unwrap();
    o.components[lb].health = Health::Down;
    let (id, sug) = limit(diagnose(&s, &o));
    assert_eq!((id.as_str(), sug), ("lb-1", Suggestion::LbSpof));
    // Two load balancers behind DNS: one down is not a single point of failure.
    let s = preset("multi-az").unwrap();
    let mut o = obs(&s, &[]);
    let lb = s.components.iter().position(|c| c.id == "lb-1").unwrap();
    o.components[lb].health = Health::Down;
    assert_eq!(diagnose(&s, &o), Diagnosis::none());
}

// ---- From real runs of the engine ------------------------------------------------------------

/// Runs `s` for `seconds` and diagnoses the last five seconds.
fn run(s: &Scenario, seconds: f64) -> Diagnosis {
    let mut sim = Sim::new(s, s.seed).expect("valid scenario");
    sim.advance_to(secs(seconds));
    let o = observe(s, &sim.snapshot(), sim.metrics(), 5, None);
    diagnose(s, &o)
}

#[test]
fn run_a_single_server_at_twice_its_capacity() {
    // As given, one process serves about 83 req/s with a core idle: more processes first.
    let mut one = preset("single-server").unwrap();
    one.traffic.rate_rps = 200.0;
    let (id, sug) = limit(run(&one, 20.0));
    assert_eq!((id.as_str(), sug), ("app-1", Suggestion::MoreProcesses { vcpus: 2 }));
    // With step 4's 4 processes about 219 req/s fit on its cores, shared with the database
    // (see catalog::presets); send 400: now moving the database out frees them.
    let mut s = with_four_processes("single-server");
    s.traffic.rate_rps = 400.0;
    let (id, sug) = limit(run(&s, 20.0));
    assert_eq!((id.as_str(), sug), ("app-1", Suggestion::DbOwnServer));
}

#[test]
fn run_a_database_behind_twelve_app_servers() {
    // The database serves about 2,000 req/s (8 connections x 2 ms, 2 queries per request);
    // twelve servers could serve 3,000.
    let s = tier_behind_lb(12, 2600.0);
    let (id, sug) = limit(run(&s, 20.0));
    assert_eq!(id, "db-1");
    assert!(matches!(sug, Suggestion::DbBiggerClass { .. }), "{sug:?}");
}

#[test]
fn run_a_slow_target_under_round_robin() {
    // Each of 4 hosts gets 50 req/s; the slow one serves 2 cores / 80 ms = 25 req/s.
    let s = slow_target(200.0);
    let (id, sug) = limit(run(&s, 20.0));
    assert_eq!((id.as_str(), sug), ("app-slow", Suggestion::LeastConnections));
}

#[test]
fn run_a_comfortable_load_has_no_bottleneck() {
    let mut s = preset("load-balancer").unwrap();
    s.traffic.rate_rps = 200.0;
    assert_eq!(run(&s, 20.0), Diagnosis::none());
}

// ---- One case per kind, from hand-made observations ------------------------------------------

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
fn busy_cores_of_an_app_tier_are_a_cpu_limit() {
    let s = tier_behind_lb(4, 1000.0);
    let d = diagnose(&s, &obs(&s, &[("app-1", 0.97, 3.0), ("db-1", 0.4, 0.0)]));
    assert_eq!(
        (d.kind, d.id.as_deref(), d.suggestion),
        (LimitKind::Cpu, Some("app-1"), Suggestion::AddServers)
    );
}

#[test]
fn busy_workers_with_idle_cores_are_a_workers_limit() {
    // An I/O-bound tier: every process waits on its queries while the cores idle at 20 %.
    let s = tier_behind_lb(4, 1000.0);
    let mut o = obs(&s, &[("app-1", 1.0, 3.0)]);
    o.components[index(&s, "app-1")].cpu_utilization = 0.2;
    let d = diagnose(&s, &o);
    assert_eq!((d.kind, d.suggestion), (LimitKind::Workers, Suggestion::MoreWorkers));
}

#[test]
fn a_database_short_of_cores_or_of_connections_gets_the_fix_that_works() {
    let s = tier_behind_lb(12, 2500.0);
    let db = index(&s, "db-1");
    let mut o = obs(&s, &[("app-1", 0.99, 30.0), ("db-1", 0.98, 50.0)]);
    let d = diagnose(&s, &o);
    assert_eq!((d.kind, d.id.as_deref()), (LimitKind::DbCpu, Some("db-1")));
    // Its waiting callers are named too, after it.
    assert_eq!(d.saturated.iter().map(|x| x.id.as_str()).collect::<Vec<_>>(), ["db-1", "app-1"]);
    // Connections all taken while its cores have room: a proxy or fewer processes.
    o.components[db].cpu_utilization = 0.3;
    let d = diagnose(&s, &o);
    assert_eq!((d.kind, d.suggestion), (LimitKind::DbConnections, Suggestion::DbProxy));
    let words = describe_diagnosis(Lang::En, &d).suggestion.unwrap();
    assert!(words.contains("proxy"), "{words}");
    // db_cpu never advises more connections, in either language.
    o.components[db].cpu_utilization = 0.98;
    let d = diagnose(&s, &o);
    for lang in [Lang::En, Lang::Ko] {
        let words = describe_diagnosis(lang, &d).suggestion.unwrap();
        assert!(
            !words.contains("raise its connection limit") && !words.contains("연결 수를 늘리세요"),
            "{words}"
        );
    }
}

#[test]
fn users_far_from_their_servers_are_a_network_limit_with_the_round_trip() {
    let s = far_region();
    let mut o = obs(&s, &[("app-1", 0.3, 0.0), ("db-1", 0.2, 0.0)]);
    o.traffic.p50_ms = 192.0;
    let d = diagnose(&s, &o);
    assert_eq!((d.kind, d.component, d.suggestion), (LimitKind::Network, None, Suggestion::NearerRegion));
    let Evidence::Network { rtt_ms, users_region, served_region, .. } = &d.evidence else {
        panic!("{:?}", d.evidence)
    };
    // Seoul - N. Virginia 177 ms, plus two queries at 0.2 ms inside the zone.
    assert!((rtt_ms - 177.4).abs() < 1e-9, "{rtt_ms}");
    assert_eq!((users_region.as_str(), served_region.as_str()), ("ap-northeast-2", "us-east-1"));
    // The same design in Seoul: nothing limits it.
    let s = preset("separate-db").unwrap();
    assert_eq!(diagnose(&s, &obs(&s, &[("app-1", 0.3, 0.0)])), Diagnosis::none());
}

#[test]
fn many_attempts_per_request_are_a_retry_storm() {
    let s = tier_behind_lb(4, 1000.0);
    let mut o = obs(&s, &[("app-1", 1.0, 3.0)]);
    o.traffic.attempts_per_request = 2.4;
    o.traffic.error_rate = 0.3;
    let d = diagnose(&s, &o);
    assert_eq!(
        (d.kind, d.id.as_deref(), d.suggestion),
        (LimitKind::Retries, Some("app-1"), Suggestion::FewerRetries)
    );
    // One attempt per request: the tier itself.
    o.traffic.attempts_per_request = 1.0;
    assert_eq!(diagnose(&s, &o).kind, LimitKind::Cpu);
}

#[test]
fn a_zone_down_with_errors_is_an_outage_of_that_zone() {
    let s = preset("zone-outage").unwrap();
    let mut o = obs(&s, &[]);
    for id in ["lb-1", "app-1", "db-1"] {
        o.components[index(&s, id)].health = Health::Down;
    }
    // Down but the design routes around it: no outage.
    o.traffic.error_rate = 0.01;
    assert_eq!(diagnose(&s, &o), Diagnosis::none());
    o.traffic.error_rate = 1.0;
    let d = diagnose(&s, &o);
    assert_eq!((d.kind, d.component, d.suggestion), (LimitKind::Outage, None, Suggestion::Redundancy));
    let Evidence::Outage { place, down, .. } = &d.evidence else { panic!("{:?}", d.evidence) };
    assert_eq!((place.as_deref(), down.len()), (Some("ap-northeast-2/a"), 3));
}

#[test]
fn a_full_queue_says_it_refuses_and_every_saturated_tier_is_named() {
    let s = tier_behind_lb(4, 1000.0);
    let mut o = obs(&s, &[("app-1", 1.0, 0.0)]);
    let app = &mut o.components[index(&s, "app-1")];
    (app.queue_now, app.queue_capacity, app.recent_errors) = (2048.0, 2048.0, 310.0);
    let d = diagnose(&s, &o);
    let Evidence::Saturated { refusing_per_s, .. } = d.evidence else { panic!() };
    assert_eq!(refusing_per_s, Some(310.0));
    let text = describe_diagnosis(Lang::En, &d);
    assert!(text.evidence.as_deref().unwrap().contains("queue full: refusing 310/s"), "{text:?}");
}

// ---- Kinds the engine produces today ---------------------------------------------------------

#[test]
fn run_users_in_seoul_served_from_virginia() {
    let mut s = far_region();
    s.traffic.rate_rps = 50.0;
    let d = run(&s, 20.0);
    assert_eq!(d.kind, LimitKind::Network, "{d:?}");
    let Evidence::Network { rtt_ms, p50_ms, .. } = d.evidence else { panic!() };
    // Each request pays the 177 ms round trip plus ~12 ms of work.
    assert!((rtt_ms - 177.4).abs() < 1e-9 && p50_ms > 177.0 && p50_ms < 200.0, "{rtt_ms} {p50_ms}");
}

#[test]
fn run_the_zone_outage_speaks_of_the_outage() {
    // Zone a (lb-1, app-1 and the primary database) dies at 30 s; the standby takes 60 s to be
    // promoted, so at 60 s every request fails.
    let s = preset("zone-outage").unwrap();
    let mut sim = Sim::new(&s, s.seed).unwrap();
    sim.advance_to(secs(60.0));
    let o = observe(&s, &sim.snapshot(), sim.metrics(), 5, None);
    assert!(o.traffic.error_rate > 0.99, "{:?}", o.traffic);
    let d = diagnose(&s, &o);
    assert_eq!(d.kind, LimitKind::Outage, "{d:?}");
    for (lang, words) in [(Lang::En, "Outage: zone a of Seoul down, 100"), (Lang::Ko, "장애")] {
        let text = describe_diagnosis(lang, &d);
        assert!(text.headline.contains(words), "{}", text.headline);
    }
    // At 140 s the standby serves, but zone b's servers, which hung on the dead primary until
    // then, are still out of lb-2 (it fails open to the dead zone a): still an outage.
    sim.advance_to(secs(140.0));
    let o = observe(&s, &sim.snapshot(), sim.metrics(), 5, None);
    assert_eq!(diagnose(&s, &o).kind, LimitKind::Outage, "{:?}", o.traffic);
    // Once they are back (5 passed checks, 30 s apart, after the promotion), it is over.
    sim.advance_to(secs(270.0));
    let o = observe(&s, &sim.snapshot(), sim.metrics(), 5, None);
    assert_ne!(diagnose(&s, &o).kind, LimitKind::Outage, "{:?}", o.traffic);
}

#[test]
fn run_one_process_on_four_cores_is_a_workers_limit() {
    // One process holds a request 8 ms of CPU + 2 queries of ~2.2 ms: ~80 req/s; send 150.
    let mut s = preset("separate-db").unwrap();
    if let Kind::AppServer(a) = &mut s.component_mut("app-1").unwrap().kind {
        (a.vcpus, a.processes) = (4, 1);
    }
    s.traffic.rate_rps = 150.0;
    let d = run(&s, 20.0);
    assert_eq!((d.kind, d.suggestion), (LimitKind::Workers, Suggestion::MoreProcesses { vcpus: 4 }), "{d:?}");
}

/// users → lb → app-1, app-2, app-3 (one server each, a short backlog) → db.
fn three_servers(rate: f64) -> Scenario {
    let mut s = tier_behind_lb(1, rate);
    if let Kind::AppServer(a) = &mut s.component_mut("app-1").unwrap().kind {
        a.backlog = 16;
    }
    for k in 2..=3 {
        let mut c = s.component("app-1").unwrap().clone();
        c.id = format!("app-{k}");
        c.y += 120.0 * f64::from(k - 1);
        s.components.push(c);
        s.links.push(Link { from: "lb-1".into(), to: format!("app-{k}"), rtt_ms: None });
        s.links.push(Link { from: format!("app-{k}"), to: "db-1".into(), rtt_ms: None });
    }
    assert_eq!(validate(&s), vec![], "the three-server scenario is valid");
    s
}

#[test]
fn run_three_saturated_servers_are_all_named_as_full() {
    // Each serves 2 cores / 8 ms = 250 req/s; send 400 each (the database stays below 60 %).
    let s = three_servers(1200.0);
    let d = run(&s, 20.0);
    assert_eq!(d.kind, LimitKind::Cpu, "{d:?}");
    let mut named: Vec<&str> = d.saturated.iter().map(|x| x.id.as_str()).collect();
    named.sort_unstable();
    assert_eq!(named, ["app-1", "app-2", "app-3"], "{d:?}");
    for x in &d.saturated {
        // 400 offered, at most 250 served (about 200: the processes also wait on queries), so
        // 150 to 250 refused per second each (one second's count, so with some spread).
        let r = x.refusing_per_s.unwrap_or_else(|| panic!("{} not full: {:?}", x.id, x.evidence));
        assert!((100.0..300.0).contains(&r), "{}: refusing {r}/s", x.id);
    }
    let text = describe_diagnosis(Lang::En, &d);
    assert!(text.evidence.as_deref().unwrap().contains("queue full: refusing"), "{text:?}");
    let also = text.also.unwrap();
    assert!(named.iter().filter(|&&id| Some(id) != d.id.as_deref()).all(|id| also.contains(id)), "{also}");
}

#[test]
fn run_a_server_serving_only_timed_out_requests_is_a_goodput_collapse() {
    // A long backlog and a 1 s client timeout at more than twice the capacity: requests wait
    // almost the timeout, so what the server finishes its clients have already given up on.
    let mut s = with_four_processes("separate-db");
    if let Kind::AppServer(a) = &mut s.component_mut("app-1").unwrap().kind {
        a.backlog = 100_000;
    }
    if let Kind::Clients(c) = &mut s.component_mut("users-1").unwrap().kind {
        c.timeout_ms = 1000.0;
    }
    s.traffic.rate_rps = 600.0;
    let d = run(&s, 30.0);
    let Evidence::Saturated { goodput_collapse, .. } = &d.evidence else { panic!("{d:?}") };
    let g = goodput_collapse.unwrap_or_else(|| panic!("no collapse: {d:?}"));
    assert!(g.goodput_rps < 0.1 * g.throughput_rps && g.throughput_rps > 200.0, "{g:?}");
    assert!(describe_diagnosis(Lang::En, &d).collapse.unwrap().starts_with("Goodput collapse"));
    // Well below its capacity it keeps up: no collapse. (200 req/s was "well below" before the
    // database became a machine; step 2's server now runs at about 85 % there.)
    s.traffic.rate_rps = 150.0;
    assert_eq!(run(&s, 30.0), Diagnosis::none());
}
