//! The presets: valid, tidy on the canvas, written to scenarios/presets/, and (with the engine)
//! each one's claim checked with numbers derived from its parameters.

#[path = "support/committed.rs"]
mod committed;

use archlab::catalog::{builder, preset, preset_id_of, PRESETS};
use archlab::model::{validate, Kind, Scenario};
use committed::{committed, updating};

const W: f64 = 120.0;
const H: f64 = 64.0;

#[test]
fn every_preset_validates() {
    for p in PRESETS {
        let s = p.scenario();
        let d = validate(&s);
        assert!(d.is_empty(), "{}: {:?}", p.id, d);
        assert_eq!(preset(p.id).as_ref(), Some(&s));
    }
    // The page opens on the first step of the path when nothing else is asked for (ui/app.rs).
    assert_eq!(PRESETS[0].id, "single-server");
    let mut ids: Vec<_> = PRESETS.iter().map(|p| p.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), PRESETS.len(), "preset ids are unique");
}

/// An unchanged preset is known by its id (its share link is `?preset=ID`); any change, the
/// seed or the rate included, makes it a design of its own again.
#[test]
fn an_unchanged_preset_is_known_by_its_id() {
    for p in PRESETS {
        let mut s = p.scenario();
        assert_eq!(preset_id_of(&s), Some(p.id));
        s.seed += 1;
        assert_eq!(preset_id_of(&s), None, "{}: another seed", p.id);
        let mut s = p.scenario();
        s.traffic.rate_rps += 1.0;
        assert_eq!(preset_id_of(&s), None, "{}: another rate", p.id);
        let mut s = p.scenario();
        s.name = "mine".into();
        assert_eq!(preset_id_of(&s), None, "{}: renamed", p.id);
    }
}

/// Every component's box lies inside its zone and no two boxes overlap (with a margin).
#[test]
fn every_preset_is_laid_out_cleanly() {
    for p in PRESETS {
        let s = p.scenario();
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
        // Nor over another card's labels and live strips (issue 19: "healthy 0/0" and queue
        // bars covered the card below).
        let clashes = archlab::editor::clashes(&s);
        assert!(clashes.is_empty(), "{}: cards over another card's strip: {clashes:?}", p.id);
        for (i, a) in s.regions.iter().enumerate() {
            for b in &s.regions[i + 1..] {
                let apart = a.rect.x + a.rect.w <= b.rect.x || b.rect.x + b.rect.w <= a.rect.x;
                assert!(apart, "{}: regions overlap", p.id);
            }
        }
    }
}

/// `UPDATE_SCENARIOS=1 cargo test --test presets` rewrites the files; otherwise they must match:
/// the pretty files in scenarios/presets/ (for people) and the compact ones the app embeds
/// (crates/lab/src/catalog/preset_json/), both written from the builders.
#[test]
fn preset_files_match_the_constructors() {
    const HOW: &str = "UPDATE_SCENARIOS=1 cargo test --test presets";
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for p in PRESETS {
        let built = builder(p.id).unwrap_or_else(|| panic!("{} has no builder", p.id))();
        let pretty = archlab::share::to_json_file(&built);
        let pretty_path = root.join(format!("scenarios/presets/{}.json", p.id));
        committed(&pretty_path, &pretty, "UPDATE_SCENARIOS", HOW);
        let compact_path = root.join(format!("crates/lab/src/catalog/preset_json/{}.json", p.id));
        committed(&compact_path, &archlab::share::to_compact_json(&built), "UPDATE_SCENARIOS", HOW);
        let back: Scenario = archlab::share::from_json_str(&pretty).unwrap();
        assert_eq!(back, built);
        if !updating("UPDATE_SCENARIOS") {
            // What the app builds (from the embedded text, compiled before a rewrite).
            assert_eq!(p.scenario(), built, "{}", p.id);
        }
    }
}

#[test]
fn the_path_changes_one_thing_at_a_time() {
    let app = |s: &Scenario| match &s.component("app-1").unwrap().kind {
        Kind::AppServer(a) => a.clone(),
        _ => unreachable!(),
    };
    let db = |s: &Scenario| match &s.component("db-1").unwrap().kind {
        Kind::Database(d) => d.clone(),
        _ => unreachable!(),
    };
    let one = preset("single-server").unwrap();
    let two = preset("separate-db").unwrap();
    assert_eq!(app(&one), app(&two), "step 2 only moves the database");
    assert_eq!(db(&one).host.as_deref(), Some("app-1"));
    assert_eq!(archlab::model::Database { host: None, ..db(&one) }, db(&two), "the same database");
    let three = preset("load-balancer").unwrap();
    let four = preset("processes").unwrap();
    // Steps 1 to 3 run one process per server (the book's process manager is step 4).
    assert_eq!([app(&one).processes, app(&two).processes, app(&three).processes], [1, 1, 1]);
    assert_eq!(archlab::model::AppServer { count: 1, ..app(&three) }, app(&two), "step 3 only adds servers");
    assert_eq!(db(&three), db(&two), "and keeps the database");
    let four_app = app(&four);
    assert_eq!(four_app.processes, 4);
    assert_eq!(
        archlab::model::AppServer { processes: 1, ..four_app },
        app(&three),
        "step 4 only adds processes"
    );
    assert_eq!(db(&four), db(&three));
}

// ---------------------------------------------------------------------------------------------
// Claims, run on the engine. Expected numbers come from the presets' parameters:
//
// A saturated host is a closed network of `processes` customers (its backlog is never empty)
// cycling through its cores (a FIFO station of `vcpus` servers, mean `cpu_ms`), its database's
// cores (`vcpus` servers, the CPU part of `db_queries` x `query_ms`), the wait part of those
// queries (a pure delay: the 100 connections outnumber the processes) and their network delay.
// With exponential service this network has product form, so exact mean value analysis (MVA)
// gives its throughput. Tolerances: a saturated station completes about X*T requests in a
// window of T seconds with a relative spread near 1/sqrt(X*T) (< 1% here); we allow 4%.

use archlab::engine::{secs, Sim, Summary};
use archlab::model::{FaultAction, Placement, ScheduledFault, Target};

/// Exact MVA for one class: stations (demand in ms, servers; 0 servers = pure delay) and
/// `n` customers. Returns throughput in req/s.
fn mva(stations: &[(f64, u32)], n: u32) -> f64 {
    let n = n as usize;
    // p[k][j]: probability of j customers at station k (for multi-server stations).
    let mut p: Vec<Vec<f64>> = stations.iter().map(|_| vec![1.0]).collect();
    let mut x = 0.0;
    for pop in 1..=n {
        let r: Vec<f64> = stations
            .iter()
            .enumerate()
            .map(|(k, &(d, c))| {
                if c == 0 {
                    d
                } else {
                    (1..=pop).map(|j| j as f64 / j.min(c as usize) as f64 * d * p[k][j - 1]).sum()
                }
            })
            .collect();
        x = pop as f64 / r.iter().sum::<f64>();
        for (k, &(d, c)) in stations.iter().enumerate() {
            if c > 0 {
                let mut q = vec![0.0; pop + 1];
                for j in 1..=pop {
                    q[j] = x * d / j.min(c as usize) as f64 * p[k][j - 1];
                }
                q[0] = 1.0 - q[1..].iter().sum::<f64>();
                p[k] = q;
            }
        }
    }
    x * 1000.0
}

fn app_mut<'a>(s: &'a mut Scenario, id: &str) -> &'a mut archlab::model::AppServer {
    match &mut s.component_mut(id).unwrap().kind {
        Kind::AppServer(a) => a,
        _ => panic!("{id} is not an app server"),
    }
}

fn with_rate(mut s: Scenario, rps: f64) -> Scenario {
    s.traffic.rate_rps = rps;
    s
}

/// Runs for `seconds`, measuring after `warmup`; returns the summary and the sim.
fn run(s: &Scenario, seconds: f64, warmup: f64, seed: u64) -> (Summary, Sim) {
    let mut sim = Sim::new(s, seed).expect("preset is valid");
    sim.set_measure_from(secs(warmup));
    sim.advance_to(secs(seconds));
    (Summary::of(&sim, s), sim)
}

/// Failed / ended requests over the simulated seconds in [from, to).
fn window_errors(sim: &Sim, from: u64, to: u64) -> f64 {
    let (mut done, mut failed) = (0u64, 0u64);
    for r in sim.metrics().series.iter().filter(|r| r.second >= from && r.second < to) {
        done += r.completed + r.errors.total();
        failed += r.errors.total();
    }
    assert!(done > 0, "no requests ended in [{from}, {to})");
    failed as f64 / done as f64
}

/// Requests completed per second over [from, to), counted when they complete. (The window
/// totals count requests born in the window, which undercounts a saturated host by the
/// requests still in its backlog at the end.)
fn completion_rate(sim: &Sim, from: u64, to: u64) -> f64 {
    let n: u64 =
        sim.metrics().series.iter().filter(|r| r.second >= from && r.second < to).map(|r| r.completed).sum();
    n as f64 / (to - from) as f64
}

/// Saturated throughput: run `s` for 100 s and count completions from 20 s on.
fn capacity(s: &Scenario, seed: u64) -> f64 {
    let (_, sim) = run(s, 100.0, 20.0, seed);
    completion_rate(&sim, 20, 100)
}

fn close(got: f64, want: f64, rel: f64, what: &str) {
    assert!(
        (got - want).abs() <= rel * want,
        "{what}: got {got:.1}, expected {want:.1} ± {:.0}%",
        rel * 100.0
    );
}

// The preset parameters (see catalog/presets.rs): one set for the whole path.
const CPU_MS: f64 = 8.0;
const APP_VCPUS: u32 = 2;
const QUERIES: f64 = 2.0;
const QUERY_MS: f64 = 2.0;
const DB_VCPUS: u32 = 2;
/// The CPU share of a query (the rest waits on I/O and locks, holding no core).
const QUERY_CPU: f64 = 0.25;
const SAME_ZONE_RTT: f64 = 0.2;

/// A server whose database is elsewhere, with `processes` workers on `vcpus` cores: its cores,
/// the database's cores, the queries' wait and the network.
fn separate_db_capacity(vcpus: u32, processes: u32) -> f64 {
    let (cpu, wait) = (QUERIES * QUERY_MS * QUERY_CPU, QUERIES * QUERY_MS * (1.0 - QUERY_CPU));
    mva(&[(CPU_MS, vcpus), (cpu, DB_VCPUS), (wait, 0), (QUERIES * SAME_ZONE_RTT, 0)], processes)
}

/// The same server running its database (step 1): the queries' CPU takes the host's cores.
fn shared_host_capacity(processes: u32) -> f64 {
    let (cpu, wait) = (QUERIES * QUERY_MS * QUERY_CPU, QUERIES * QUERY_MS * (1.0 - QUERY_CPU));
    mva(&[(CPU_MS + cpu, APP_VCPUS), (wait, 0)], processes)
}

/// Mean and 95 % Student-t half-width of independent per-seed measurements.
fn mean_ci(xs: &[f64]) -> (f64, f64) {
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
    // t(0.975, 4): five seeds.
    assert_eq!(xs.len(), 5);
    (mean, 2.776 * (var / n).sqrt())
}

/// `want` lies in the 95 % confidence interval of the per-seed values.
fn in_ci(xs: &[f64], want: f64, what: &str) {
    let (mean, hw) = mean_ci(xs);
    assert!((mean - want).abs() <= hw, "{what}: {mean:.4} ± {hw:.4} over seeds {xs:?}, expected {want:.4}");
}

fn cpu_of(s: &Summary, id: &str) -> f64 {
    s.components.iter().find(|c| c.id == id).unwrap().cpu_utilization
}

const SEEDS: [u64; 5] = [11, 12, 13, 14, 15];

/// Step 1 -> 2: the database's CPU leaves the app's host. At the same load the host's cores are
/// less busy by exactly the database's share; the one process still limits both designs.
#[test]
fn step_2_frees_the_cores_the_database_used() {
    let db_cpu = QUERIES * QUERY_MS * QUERY_CPU;
    // One process: it holds each request for its whole stay, 12 ms on one host, 12.4 ms with
    // the network between app and database.
    let (one_cap, two_cap) = (shared_host_capacity(1), separate_db_capacity(APP_VCPUS, 1));
    assert!((one_cap - 83.3).abs() < 0.1 && (two_cap - 80.6).abs() < 0.1, "{one_cap} {two_cap}");
    close(capacity(&with_rate(preset("single-server").unwrap(), 300.0), 1), one_cap, 0.04, "single server");
    close(capacity(&with_rate(preset("separate-db").unwrap(), 300.0), 1), two_cap, 0.04, "separate database");
    // At the presets' 50 req/s: (8 + 1) ms of CPU a request on 2 cores, then 8 ms.
    let rate = preset("single-server").unwrap().traffic.rate_rps;
    assert_eq!(rate, preset("separate-db").unwrap().traffic.rate_rps);
    let (want_one, want_two) = (rate * (CPU_MS + db_cpu) / 2000.0, rate * CPU_MS / 2000.0);
    assert_eq!((want_one, want_two), (0.225, 0.2), "the lessons quote 22.5% and 20%");
    let (mut one, mut two) = (vec![], vec![]);
    for seed in SEEDS {
        let (a, _) = run(&preset("single-server").unwrap(), 100.0, 20.0, seed);
        let (b, _) = run(&preset("separate-db").unwrap(), 100.0, 20.0, seed);
        one.push(cpu_of(&a, "app-1"));
        two.push(cpu_of(&b, "app-1"));
        assert!(a.error_rate == 0.0 && b.error_rate == 0.0, "below capacity");
    }
    in_ci(&one, want_one, "app-1's CPU, database on the host");
    in_ci(&two, want_two, "app-1's CPU, database on its own server");
    // Even saturated, one process keeps the two cores under 40 % busy (83.3 x 9 ms / 2 cores).
    let (sat, _) = run(&with_rate(preset("single-server").unwrap(), 300.0), 100.0, 20.0, 1);
    close(cpu_of(&sat, "app-1"), one_cap * (CPU_MS + db_cpu) / 2000.0, 0.04, "saturated single server's CPU");
    assert!(cpu_of(&sat, "app-1") < 0.4);
}

#[test]
fn four_servers_serve_four_times_one_until_the_database_limits() {
    let two = capacity(&with_rate(preset("separate-db").unwrap(), 400.0), 3);
    let three = capacity(&with_rate(preset("load-balancer").unwrap(), 1600.0), 3);
    // The database's cores are a sixth busy at four servers (322 x 2 x 0.5 ms / 2 cores), so
    // its queueing adds well under 1% to a request's stay: the ratio is 4 within the noise.
    let ratio = three / two;
    assert!((3.8..=4.1).contains(&ratio), "4 servers / 1 server = {ratio:.2}");
    close(three, 4.0 * separate_db_capacity(APP_VCPUS, 1), 0.04, "four one-process servers");
    // Thirty servers could do 30 x 80.6 req/s, but the database's 2 cores do
    // 2 / (2 x 0.5 ms) = 2,000 (its 100 connections hold the 30 processes' pools).
    let mut thirty = with_rate(preset("load-balancer").unwrap(), 3000.0);
    app_mut(&mut thirty, "app-1").count = 30;
    let (big, sim) = run(&thirty, 60.0, 15.0, 3);
    let db_cap = f64::from(DB_VCPUS) / (QUERIES * QUERY_MS * QUERY_CPU) * 1000.0;
    assert_eq!(db_cap, 2000.0, "the lesson quotes 2,000");
    let served = completion_rate(&sim, 15, 60);
    assert!(served < db_cap * 1.03, "{served}");
    let db = big.components.iter().find(|c| c.id == "db-1").unwrap();
    assert!(db.utilization > 0.95, "the database is the bottleneck: {:.2}", db.utilization);
}

/// Step 3 -> 4: the same four 2-vCPU servers; four processes instead of one use the idle core.
#[test]
fn step_4_processes_use_the_cores_one_process_leaves_idle() {
    let one_server = |processes: u32| {
        let mut s = with_rate(preset("processes").unwrap(), 600.0);
        let a = app_mut(&mut s, "app-1");
        a.count = 1;
        a.processes = processes;
        s
    };
    let (x1, x4) = (separate_db_capacity(APP_VCPUS, 1), separate_db_capacity(APP_VCPUS, 4));
    assert!((x1 - 80.6).abs() < 0.1 && (x4 - 237.9).abs() < 0.1, "{x1} {x4}");
    // Saturated: throughput and busy cores (throughput x 8 ms / 2 cores) as the MVA says.
    for (processes, want) in [(1, x1), (4, x4)] {
        let (sum, sim) = run(&one_server(processes), 100.0, 20.0, 4);
        close(completion_rate(&sim, 20, 100), want, 0.04, &format!("{processes} processes"));
        let cpu = want * CPU_MS / (1000.0 * f64::from(APP_VCPUS));
        close(cpu_of(&sum, "app-1"), cpu, 0.04, &format!("CPU with {processes} processes"));
    }
    assert_eq!(
        ((x1 * CPU_MS / 20.0).round(), (x4 * CPU_MS / 20.0).round()),
        (32.0, 95.0),
        "lesson's 32% -> 95%"
    );
    // The preset itself, four servers at its 700 req/s: one process each serves about 4 x 80.6
    // = 322 req/s with the cores 32 % busy; four each serve it all, the cores 700 x 8 ms / 8
    // cores = 70 % busy. (Pushed far past 950 req/s, a saturated tier also fails its health
    // checks, which is another lesson.)
    let given = preset("processes").unwrap();
    let rate = given.traffic.rate_rps;
    let mut one_each = given.clone();
    app_mut(&mut one_each, "app-1").processes = 1;
    close(capacity(&one_each, 4), 4.0 * x1, 0.04, "four servers, one process each");
    let (mut served, mut cpu) = (vec![], vec![]);
    for seed in SEEDS {
        let (sum, _) = run(&given, 100.0, 20.0, seed);
        assert!(sum.error_rate < 0.001, "four processes keep up: {}", sum.error_rate);
        served.push(sum.goodput_rps);
        cpu.push(cpu_of(&sum, "app-1"));
    }
    in_ci(&served, rate, "four servers of four processes at the preset's rate");
    let want_cpu = rate * CPU_MS / (4.0 * 1000.0 * f64::from(APP_VCPUS));
    assert_eq!(want_cpu, 0.7, "the lesson quotes 70%");
    in_ci(&cpu, want_cpu, "their CPU");
}

/// The lessons quote the numbers the tests above check, in both languages.
#[test]
fn the_lessons_quote_the_checked_numbers() {
    use archlab::catalog::{lesson_text, LessonId, LessonText};
    use archlab::i18n::Lang;
    let all = |t: LessonText| {
        [t.intro, t.task]
            .into_iter()
            .chain(t.notice.iter().copied())
            .chain(t.steps.iter().copied())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (one, two) = (shared_host_capacity(1), separate_db_capacity(APP_VCPUS, 1));
    let (four, eight) = (separate_db_capacity(APP_VCPUS, 4), separate_db_capacity(APP_VCPUS, 8));
    let rounded = |x: f64| format!("{}", x.round());
    // Tiers of four quoted to the nearest 10 or 50 req/s.
    let (four_one, four_four) =
        (format!("{}", (4.0 * two / 10.0).round() * 10.0), format!("{}", (4.0 * four / 50.0).round() * 50.0));
    assert_eq!((four_one.as_str(), four_four.as_str()), ("320", "950"));
    let quotes: [(LessonId, Vec<String>); 4] = [
        (LessonId::SingleServer, vec![rounded(one), "22.5%".into(), "12 ms".into()]),
        (LessonId::SeparateDb, vec![rounded(one), rounded(two), "22.5%".into(), "20%".into()]),
        (LessonId::LoadBalancer, vec![four_one.clone(), "2,000".into(), "25".into()]),
        (
            LessonId::Processes,
            vec![
                rounded(four),
                rounded(two),
                "32%".into(),
                "95%".into(),
                "70%".into(),
                four_one.clone(),
                four_four.clone(),
                rounded(eight),
            ],
        ),
    ];
    // Servers beyond which the database limits: 2,000 / 80.6.
    assert_eq!((2000.0 / two).round(), 25.0);
    for (id, numbers) in quotes {
        for lang in [Lang::En, Lang::Ko] {
            let text = all(lesson_text(lang, id));
            for n in &numbers {
                assert!(text.contains(n.as_str()), "{id:?} in {lang:?} should quote {n}: {text}");
            }
        }
    }
}

#[test]
fn two_zones_keep_serving_through_a_zone_failure() {
    // Zone a dies at 30 s. Detection bounds: LB 2 x 30 s + 5 s = 65 s; DNS 3 x 10 s + 4 s plus
    // a 30 s TTL = 64 s; database failover 60 s. Until the promotion (90 s) zone b's workers
    // hang on the dead primary for the driver's 10 s, so zone b's servers fail their own health
    // checks too; after the last wait (100 s) they need 5 passes 30 s apart: from 250 s on
    // (plus the balancer's 10 s connect timeout for requests sent before: 260 s), zone b
    // serves everyone (2 servers, about 476 req/s for 300 req/s).
    let (_, sim) = run(&preset("zone-outage").unwrap(), 320.0, 0.0, 5);
    assert!(window_errors(&sim, 5, 30) < 0.001);
    assert!(window_errors(&sim, 31, 60) > 0.05, "the failure is visible before detection");
    assert!(window_errors(&sim, 100, 200) > 0.3, "zone b's servers are still out after the promotion");
    let after = window_errors(&sim, 260, 320);
    assert!(after < 0.001, "availability after detection: {:.4}", 1.0 - after);
    // The same failure in the one-zone design of step 3: nothing is served. (The users move to
    // a zone b of their own: users in a dead zone send nothing at all.)
    let mut one_zone = preset("load-balancer").unwrap();
    one_zone.regions[0].zones.push(archlab::model::Zone { name: "b".into() });
    one_zone.component_mut("users-1").unwrap().place.zone = "b".into();
    one_zone.faults.push(ScheduledFault {
        at_s: 30.0,
        action: FaultAction::Kill {
            target: Target::Zone { region: "ap-northeast-2".into(), zone: "a".into() },
        },
    });
    let (_, sim) = run(&one_zone, 120.0, 0.0, 5);
    assert!(window_errors(&sim, 40, 120) > 0.999);
}

#[test]
fn a_nearby_region_lowers_p50_by_about_the_ocean() {
    // Each population alone (the other's weight 0), served by two regions or by one far away.
    let only = |users: &str, drop_link_to: Option<&str>| {
        let mut s = preset("multi-region").unwrap();
        for c in &mut s.components {
            if let Kind::Clients(cl) = &mut c.kind {
                cl.weight = if c.id == users { 1.0 } else { 0.0 };
            }
        }
        s.traffic.rate_rps = 100.0;
        if let Some(lb) = drop_link_to {
            s.links.retain(|l| !(l.from == "dns-1" && l.to == lb));
        }
        s
    };
    let rtt =
        archlab::catalog::rtt_ms(&Placement::new("ap-northeast-2", "a"), &Placement::new("us-east-1", "a"));
    for (users, far_lb) in [("users-2", "lb-2"), ("users-1", "lb-1")] {
        let (near, _) = run(&only(users, None), 90.0, 20.0, 6);
        let (far, _) = run(&only(users, Some(far_lb)), 90.0, 20.0, 6);
        // One client round trip crosses the ocean in the far design (jitter is ±10%).
        let gain = far.latency_ms.p50 - near.latency_ms.p50;
        assert!(
            gain > 0.8 * rtt,
            "{users}: p50 {:.1} ms near vs {:.1} ms far",
            near.latency_ms.p50,
            far.latency_ms.p50
        );
        assert!(near.latency_ms.p50 < 50.0 && near.error_rate < 0.001, "{users}: {:?}", near.latency_ms);
    }
}

#[test]
fn failure_presets_fail_the_way_the_book_says() {
    // The only load balancer dies at 30 s: everything fails, although the servers are fine.
    let (_, sim) = run(&preset("lb-spof").unwrap(), 90.0, 0.0, 7);
    assert!(window_errors(&sim, 5, 30) < 0.001);
    assert!(window_errors(&sim, 31, 90) > 0.999);
    // The primary dies at 30 s; its standby is promoted after failover_s = 60 s. Every request
    // queries the database, so all fail in between and none after.
    let (_, sim) = run(&preset("db-failover").unwrap(), 150.0, 0.0, 8);
    assert!(window_errors(&sim, 31, 89) > 0.99);
    assert!(window_errors(&sim, 95, 150) < 0.001);
}
