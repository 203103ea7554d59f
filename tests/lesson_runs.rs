//! Every lesson's check, run on the engine: it passes on a design that meets the task and
//! fails on the preset (or the previous step) that does not. Lessons 3 and 4, whose checks also
//! read sweeps, are in `lesson_knees.rs`.

use archlab::catalog::{evaluate, lesson, preset, LessonId, RunSummary};
use archlab::engine::{secs, Sim};
use archlab::i18n::Key;
use archlab::model::{
    Component, Database, DbRole, FaultAction, Kind, Link, Placement, Scenario, ScheduledFault, Target, Zone,
};

/// Runs `s` for `seconds` (measuring after 15 s) and evaluates `id`'s check on the result.
fn check(id: LessonId, s: &Scenario, seconds: f64) -> Vec<Key> {
    let mut sim = Sim::new(s, 1).expect("valid");
    sim.set_measure_from(secs(15.0));
    sim.advance_to(secs(seconds));
    let first_fault = s.faults.iter().map(|f| f.at_s).reduce(f64::min);
    let r = RunSummary::from_metrics(s, sim.metrics(), sim.now(), s.traffic.rate_rps, first_fault);
    evaluate(&lesson(id).check, &r).missing.iter().map(|m| m.key).collect()
}

fn p(id: &str, rate: f64) -> Scenario {
    let mut s = preset(id).unwrap();
    s.traffic.rate_rps = rate;
    s
}

fn set_app(s: &mut Scenario, id: &str, f: impl Fn(&mut archlab::model::AppServer)) {
    if let Kind::AppServer(a) = &mut s.component_mut(id).unwrap().kind {
        f(a);
    }
}

fn at(mut s: Scenario, at_s: f64, action: FaultAction) -> Scenario {
    s.faults.push(ScheduledFault { at_s, action });
    s
}

fn zone_a() -> FaultAction {
    FaultAction::Kill { target: Target::Zone { region: "ap-northeast-2".into(), zone: "a".into() } }
}

#[test]
fn lesson_1_saturating_the_single_server() {
    // One process serves about 83 req/s.
    assert_eq!(check(LessonId::SingleServer, &p("single-server", 120.0), 60.0), vec![]);
    let calm = check(LessonId::SingleServer, &p("single-server", 50.0), 60.0);
    assert_eq!(calm, vec![Key::MissUtilization, Key::MissP95Above]);
}

#[test]
fn lesson_2_separate_database_at_50() {
    assert_eq!(check(LessonId::SeparateDb, &p("separate-db", 50.0), 75.0), vec![]);
    // One process still limits the separate design, near 81 req/s.
    let past = check(LessonId::SeparateDb, &p("separate-db", 90.0), 75.0);
    assert!(past.contains(&Key::MissP95Below), "{past:?}");
}

#[test]
fn lesson_5_surviving_a_zone() {
    assert_eq!(check(LessonId::MultiAz, &p("multi-az", 300.0), 40.0), vec![Key::MissFault]);
    // Errors stop about 210 s after the failure (zone b's servers hang on the dead primary until
    // the promotion, fail their health checks, and need 5 passes to return): 240 s of grace.
    assert_eq!(check(LessonId::MultiAz, &at(p("multi-az", 300.0), 30.0, zone_a()), 300.0), vec![]);
    let early = check(LessonId::MultiAz, &at(p("multi-az", 300.0), 30.0, zone_a()), 230.0);
    assert_eq!(early, vec![Key::MissRunUntil], "the check waits for its window");
    // One zone for the servers (users in a zone of their own so they survive to measure).
    let mut one_zone = at(p("load-balancer", 300.0), 30.0, zone_a());
    one_zone.regions[0].zones.push(Zone { name: "b".into() });
    one_zone.component_mut("users-1").unwrap().place.zone = "b".into();
    assert_eq!(check(LessonId::MultiAz, &one_zone, 300.0), vec![Key::MissErrorsAfterFault]);
}

#[test]
fn lesson_6_a_region_near_the_users() {
    assert_eq!(check(LessonId::MultiRegion, &p("multi-region", 200.0), 60.0), vec![]);
    let mut seoul_only = p("multi-region", 200.0);
    seoul_only.links.retain(|l| !(l.from == "dns-1" && l.to == "lb-2"));
    assert_eq!(check(LessonId::MultiRegion, &seoul_only, 60.0), vec![Key::MissMeanBelow]);
}

#[test]
fn lesson_7_a_second_load_balancer_behind_dns() {
    assert_eq!(check(LessonId::LbSpof, &p("lb-spof", 400.0), 250.0), vec![Key::MissErrorsAfterFault]);
    let kill_lb = FaultAction::Kill { target: Target::Component { id: "lb-1".into() } };
    let redundant = at(p("multi-az", 300.0), 30.0, kill_lb);
    assert_eq!(check(LessonId::LbSpof, &redundant, 250.0), vec![]);
}

#[test]
fn lesson_8_the_other_zone_must_be_big_enough() {
    // Zone b alone: 2 servers, about 476 req/s, for 600 req/s. The window (270 s to 330 s)
    // starts after zone b's servers are back from the failover (about 240 s).
    let small = check(LessonId::ZoneOutage, &p("zone-outage", 600.0), 340.0);
    assert_eq!(small, vec![Key::MissWindowErrors, Key::MissWindowP95]);
    let mut big = p("zone-outage", 600.0);
    set_app(&mut big, "app-2", |a| a.count = 4);
    assert_eq!(check(LessonId::ZoneOutage, &big, 340.0), vec![]);
}

/// Share of the answers in seconds [from, to) that were errors.
fn window_errors(s: &Scenario, seconds: f64, from: u64, to: u64) -> f64 {
    let mut sim = Sim::new(s, 1).expect("valid");
    sim.advance_to(secs(seconds));
    let rows = sim.metrics().series.iter().filter(|r| r.second >= from && r.second < to);
    let (bad, all) = rows.fold((0, 0), |(b, a), r| (b + r.errors.total(), a + r.answered()));
    bad as f64 / all as f64
}

#[test]
fn lesson_9_only_the_standby_ends_a_failover() {
    let plain = p("db-failover", 300.0);
    assert_eq!(check(LessonId::DbFailover, &plain, 160.0), vec![]);
    let mut replica = plain.clone();
    let standby = replica.component("standby-1").unwrap().clone();
    replica.components.push(Component {
        id: "replica-1".into(),
        place: Placement::new("ap-northeast-2", "b"),
        x: standby.x - 160.0,
        y: standby.y,
        kind: Kind::Database(Database {
            role: DbRole::ReadReplica,
            primary: Some("db-1".into()),
            ..Database::default()
        }),
    });
    for app in ["app-1", "app-2"] {
        replica.links.push(Link { from: app.into(), to: "replica-1".into(), rtt_ms: None });
    }
    assert_eq!(check(LessonId::DbFailover, &replica, 160.0), vec![]);
    // During the failover a replica saves almost nothing: 36 % of the requests write (2
    // queries, 20 % writes), each holds its worker 10 s on the dead primary, so the 16 workers
    // serve about 16 / (10 s x 0.36) = 4.4 req/s of 300, and reads wait behind them.
    let (without, with) = (window_errors(&plain, 90.0, 40, 80), window_errors(&replica, 90.0, 40, 80));
    println!("errors 40-80 s: {without:.3} without a replica, {with:.3} with one");
    assert!(without > 0.99 && with > 0.97, "{without} {with}");
    // Without a standby the outage never ends.
    let mut alone = plain.clone();
    alone.components.retain(|c| c.id != "standby-1");
    assert_eq!(check(LessonId::DbFailover, &alone, 160.0), vec![Key::MissWindowErrors]);
}

#[test]
fn lesson_13_a_retry_storm_ends_with_one_attempt_or_short_backlogs() {
    let storm = p("retry-storm", 350.0);
    let given = check(LessonId::RetryStorm, &storm, 180.0);
    assert_eq!(given, vec![Key::MissWindowErrors], "the storm outlives the spike");
    let mut once = storm.clone();
    if let Kind::Clients(c) = &mut once.component_mut("users-1").unwrap().kind {
        c.retry.max_attempts = 1;
    }
    assert_eq!(check(LessonId::RetryStorm, &once, 180.0), vec![]);
    let mut short = storm;
    set_app(&mut short, "app-1", |a| a.backlog = 200);
    assert_eq!(check(LessonId::RetryStorm, &short, 180.0), vec![]);
}
