//! The pure side of the chaos panel and the timeline: what can break, what is broken now, and
//! timeline edits. Native, no DOM.

use archlab::catalog::{preset, PRESETS};
use archlab::engine::{secs, Health};
use archlab::model::{validate, FaultAction, Placement, Scenario, ScheduledFault, Target};
use archlab::ui::components::chaos::targets::*;

fn zone_outage() -> Scenario {
    preset("zone-outage").expect("the zone-outage preset exists")
}

fn zone(z: &str) -> Target {
    Target::Zone { region: "ap-northeast-2".into(), zone: z.into() }
}

fn comp(id: &str) -> Target {
    Target::Component { id: id.into() }
}

fn place(z: &str) -> Placement {
    Placement::new("ap-northeast-2", z)
}

fn kill(t: Target) -> FaultAction {
    FaultAction::Kill { target: t }
}

fn revive(t: Target) -> FaultAction {
    FaultAction::Revive { target: t }
}

#[test]
fn targets_list_regions_then_zones_then_components_without_clients() {
    let s = zone_outage();
    let t = fault_targets(&s);
    assert_eq!(t[0], Target::Region { region: "ap-northeast-2".into() });
    assert_eq!(t[1], zone("a"));
    assert_eq!(t[2], zone("b"));
    assert!(!t.contains(&comp("users-1")), "a client population is traffic, not a fault target");
    for id in ["dns-1", "lb-1", "lb-2", "app-1", "app-2", "db-1", "standby-1"] {
        assert!(t.contains(&comp(id)), "{id} is missing");
    }
}

#[test]
fn an_app_tier_lists_its_hosts_only_when_it_has_several_and_always_its_processes() {
    let mut s = zone_outage();
    let (count, procs) = match &mut s.component_mut("app-1").unwrap().kind {
        archlab::model::Kind::AppServer(a) => {
            a.count = 3;
            (a.count, a.processes)
        }
        _ => panic!("app-1 is an app server"),
    };
    if let archlab::model::Kind::AppServer(a) = &mut s.component_mut("app-2").unwrap().kind {
        a.count = 1;
    }
    let t = fault_targets(&s);
    let servers = t.iter().filter(|t| matches!(t, Target::Server { id, .. } if id == "app-1")).count();
    let processes = t.iter().filter(|t| matches!(t, Target::Process { id, .. } if id == "app-1")).count();
    assert_eq!(servers as u32, count);
    assert_eq!(processes as u32, count * procs);
    // app-2 has one host: no host row, but its processes.
    assert!(!t.iter().any(|t| matches!(t, Target::Server { id, .. } if id == "app-2")));
    assert!(t.iter().any(|t| matches!(t, Target::Process { id, server: 0, index: 0 } if id == "app-2")));
    // The host row comes right before its processes.
    let at = t.iter().position(|x| *x == Target::Server { id: "app-1".into(), index: 1 }).unwrap();
    assert_eq!(t[at + 1], Target::Process { id: "app-1".into(), server: 1, index: 0 });
}

#[test]
fn every_listed_target_and_pair_makes_a_valid_timeline_in_every_preset() {
    for p in PRESETS {
        let s = p.scenario();
        let mut faults = Vec::new();
        for t in fault_targets(&s) {
            faults.push(ScheduledFault { at_s: 10.0, action: kill(t.clone()) });
            if can_revive(&t) {
                faults.push(ScheduledFault { at_s: 20.0, action: revive(t) });
            }
        }
        for (a, b) in zone_pairs(&s) {
            faults.push(ScheduledFault {
                at_s: 5.0,
                action: FaultAction::Partition { a: a.clone(), b: b.clone() },
            });
            faults.push(ScheduledFault { at_s: 6.0, action: FaultAction::AddLatency { a, b, ms: 50.0 } });
        }
        let n = faults.len().min(archlab::model::LIMITS.faults);
        let mut with = s.clone();
        with.faults = faults.into_iter().take(n).collect();
        assert_eq!(validate(&with), vec![], "preset {}", p.id);
    }
}

#[test]
fn slugs_are_unique_within_a_scenario() {
    for p in PRESETS {
        let s = p.scenario();
        let mut slugs: Vec<String> = fault_targets(&s).iter().map(target_slug).collect();
        let n = slugs.len();
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), n, "preset {}", p.id);
    }
    assert_eq!(target_slug(&zone("a")), "zone-ap-northeast-2a");
}

#[test]
fn zone_pairs_are_each_unordered_pair_once() {
    let mut s = zone_outage();
    s.regions[0].zones.push(archlab::model::Zone { name: "c".into() });
    let pairs = zone_pairs(&s);
    assert_eq!(pairs.len(), 3, "3 zones make 3 pairs");
    for (a, b) in &pairs {
        assert!(a < b);
        assert_eq!(pair_key(b, a), (a.clone(), b.clone()));
    }
}

#[test]
fn a_mend_undoes_the_matching_break_and_nothing_else() {
    let s = FaultState::fold(&[kill(zone("a")), kill(zone("b")), revive(zone("a"))]);
    assert!(!s.zone_down(&place("a")));
    assert!(s.zone_down(&place("b")));

    let region = Target::Region { region: "ap-northeast-2".into() };
    let s = FaultState::fold(&[kill(region.clone())]);
    assert!(s.zone_down(&place("a")) && s.zone_down(&place("b")), "a dead region takes its zones");
    assert!(!s.is_killed(&zone("a")), "but the zones were not killed themselves");

    // Pairs are unordered: cut (b, a), healed by (a, b).
    let s = FaultState::fold(&[
        FaultAction::Partition { a: place("b"), b: place("a") },
        FaultAction::Heal { a: place("a"), b: place("b") },
    ]);
    assert!(!s.is_partitioned(&place("a"), &place("b")));
    assert!(s.partitions().is_empty());

    // A second add replaces the first; a clear removes it.
    let add = |ms| FaultAction::AddLatency { a: place("a"), b: place("b"), ms };
    let s = FaultState::fold(&[add(100.0), add(250.0)]);
    assert_eq!(s.added_latency_ms(&place("b"), &place("a")), Some(250.0));
    let s = FaultState::fold(&[add(100.0), FaultAction::ClearLatency { a: place("b"), b: place("a") }]);
    assert_eq!(s.added_latency_ms(&place("a"), &place("b")), None);

    // A process crash is not a lasting state: its manager restarts it.
    let p = Target::Process { id: "app-1".into(), server: 0, index: 0 };
    assert!(!FaultState::fold(&[kill(p.clone())]).is_killed(&p));
}

#[test]
fn component_health_follows_zone_host_and_tier_faults() {
    let mut s = zone_outage();
    let st = FaultState::fold(&[kill(zone("a"))]);
    for (id, h) in
        [("lb-1", Health::Down), ("app-1", Health::Down), ("db-1", Health::Down), ("lb-2", Health::Up)]
    {
        assert_eq!(st.component_health(&s, id, None), h, "{id}");
    }
    // The engine's own view wins (it knows about failovers and restarts).
    assert_eq!(st.component_health(&s, "app-1", Some(Health::Degraded)), Health::Degraded);
    assert_eq!(st.component_health(&s, "nobody", None), Health::Down);

    if let archlab::model::Kind::AppServer(a) = &mut s.component_mut("app-2").unwrap().kind {
        a.count = 2;
    }
    let one = Target::Server { id: "app-2".into(), index: 0 };
    let two = Target::Server { id: "app-2".into(), index: 1 };
    assert_eq!(FaultState::fold(&[kill(one.clone())]).component_health(&s, "app-2", None), Health::Degraded);
    assert_eq!(FaultState::fold(&[kill(one), kill(two)]).component_health(&s, "app-2", None), Health::Down);

    // A database on an app host shares its fate (book step 1).
    let single = preset("single-server").unwrap();
    let db = single
        .components
        .iter()
        .find(|c| matches!(&c.kind, archlab::model::Kind::Database(d) if d.host.is_some()))
        .unwrap();
    let host = match &db.kind {
        archlab::model::Kind::Database(d) => d.host.clone().unwrap(),
        _ => unreachable!(),
    };
    assert_eq!(FaultState::fold(&[kill(comp(&host))]).component_health(&single, &db.id, None), Health::Down);
}

fn mark(now_s: f64, events: u64, log_len: usize) -> RunMark {
    RunMark { now: secs(now_s), events, log_len }
}

#[test]
fn the_journal_merges_clicks_with_the_due_timeline_in_time_order() {
    let s = zone_outage(); // its timeline: kill zone a at 30 s, revive it at 330 s
    let mut j = Journal::default();
    j.observe(&s, mark(40.0, 100, 3));
    j.record(secs(20.0), kill(comp("lb-2")));
    j.record(secs(40.0), revive(zone("a")));
    let applied = j.applied(&s, secs(40.0));
    assert_eq!(applied, vec![kill(comp("lb-2")), kill(zone("a")), revive(zone("a"))]);
    let st = j.state(&s, secs(40.0));
    assert!(!st.zone_down(&place("a")), "the click at 40 s revived the zone the timeline killed at 30 s");
    assert!(st.is_killed(&comp("lb-2")));
    // Before 30 s only the click at 20 s counts.
    assert_eq!(j.applied(&s, secs(25.0)), vec![kill(comp("lb-2"))]);
    // At equal times the timeline comes first.
    j.record(secs(330.0), kill(zone("a")));
    assert!(j.state(&s, secs(330.0)).zone_down(&place("a")));
}

#[test]
fn the_journal_forgets_clicks_when_the_run_restarts() {
    let s = zone_outage();
    let fresh = |j: &mut Journal| {
        j.observe(&s, mark(10.0, 100, 5));
        j.record(secs(10.0), kill(comp("lb-1")));
    };
    let mut j = Journal::default();
    fresh(&mut j);
    j.observe(&s, mark(12.0, 150, 6));
    assert_eq!(j.entries().len(), 1, "the same run goes on");

    for back in [mark(2.0, 150, 6), mark(12.0, 20, 6), mark(12.0, 150, 1)] {
        let mut j = Journal::default();
        fresh(&mut j);
        j.observe(&s, back);
        assert!(j.entries().is_empty(), "{back:?} is a new run");
    }

    let mut j = Journal::default();
    fresh(&mut j);
    let mut edited = s.clone();
    edited.faults.clear();
    j.observe(&edited, mark(20.0, 500, 9));
    assert!(j.entries().is_empty(), "another scenario is another run");
    j.record(secs(20.0), kill(comp("lb-1")));
    j.observe(&edited, mark(21.0, 600, 9));
    assert_eq!(j.entries().len(), 1, "and the journal follows the new one");
}

/// Regression: a timeline edit reaches the lab after the panels rendered, so the first click
/// after it came before the journal had seen the new run, and the next look forgot it.
#[test]
fn a_click_right_after_an_edit_belongs_to_the_new_run() {
    let old = zone_outage();
    let mut new = old.clone();
    new.faults.clear();
    let mut j = Journal::default();
    j.observe(&old, mark(7.0, 900, 12));
    j.record_at(&new, mark(0.0, 0, 0), kill(zone("a")));
    j.observe(&new, mark(0.0, 0, 2));
    assert_eq!(j.entries().len(), 1);
    assert!(j.state(&new, 0).zone_down(&place("a")));
}

#[test]
fn timeline_edits_keep_time_order_and_ignore_bad_indices() {
    let s = zone_outage();
    let at = |at_s, action| ScheduledFault { at_s, action };
    let s1 = with_fault(&s, at(90.0, kill(comp("lb-2"))));
    let times: Vec<f64> = s1.faults.iter().map(|f| f.at_s).collect();
    assert_eq!(times, vec![30.0, 90.0, 330.0]);
    // Same time: after the existing entry.
    let s2 = with_fault(&s1, at(30.0, kill(comp("db-1"))));
    assert_eq!(s2.faults[0].action, kill(zone("a")));
    assert_eq!(s2.faults[1].action, kill(comp("db-1")));
    let s3 = with_fault(&s, at(0.0, kill(comp("dns-1"))));
    assert_eq!(s3.faults[0].at_s, 0.0);

    let s4 = without_fault(&s2, 1);
    assert_eq!(s4.faults, s1.faults);
    assert_eq!(without_fault(&s, 99), s);
}

#[test]
fn the_strip_covers_the_run_every_fault_and_now() {
    let mut s = zone_outage();
    assert_eq!(strip_span_s(&s, 0.0), s.run.duration_s);
    s.faults.push(ScheduledFault { at_s: 1000.0, action: kill(zone("b")) });
    assert!(strip_span_s(&s, 0.0) > 1000.0);
    assert!(strip_span_s(&s, 5000.0) > 5000.0);
    assert_eq!(strip_percent(50.0, 200.0), 25.0);
    assert_eq!(strip_percent(500.0, 200.0), 100.0);
    assert_eq!(strip_percent(f64::NAN, 200.0), 0.0);
    assert_eq!(strip_percent(10.0, 0.0), 0.0);
    s.run.duration_s = f64::NAN;
    assert!(strip_span_s(&s, 0.0).is_finite());
}

#[test]
fn the_add_form_builds_only_actions_that_make_sense() {
    let (a, b) = (place("a"), place("b"));
    let p = Target::Process { id: "app-1".into(), server: 0, index: 0 };
    assert_eq!(FaultKind::Kill.action(Some(&p), None, 0.0), Some(kill(p.clone())));
    assert_eq!(FaultKind::Revive.action(Some(&p), None, 0.0), None, "a process has no revive");
    assert_eq!(FaultKind::Kill.action(None, None, 0.0), None);
    assert_eq!(
        FaultKind::Partition.action(None, Some((&a, &b)), 0.0),
        Some(FaultAction::Partition { a: a.clone(), b: b.clone() })
    );
    assert_eq!(FaultKind::Heal.action(None, None, 0.0), None);
    for bad in [0.0, -5.0, f64::NAN, MAX_ADDED_MS + 1.0] {
        assert_eq!(FaultKind::AddLatency.action(None, Some((&a, &b)), bad), None, "{bad} ms");
    }
    assert_eq!(
        FaultKind::AddLatency.action(None, Some((&a, &b)), 80.0),
        Some(FaultAction::AddLatency { a: a.clone(), b: b.clone(), ms: 80.0 })
    );
    for k in FaultKind::ALL {
        assert_eq!(FaultKind::from_code(k.code()), Some(k));
    }
    assert_eq!(parse_number(" 12.5 "), Some(12.5));
    assert_eq!(parse_number("inf"), None);
    assert_eq!(parse_number("abc"), None);
}

#[test]
fn breaking_and_mending_actions_are_told_apart() {
    assert!(is_breaking(&kill(zone("a"))));
    assert!(!is_breaking(&revive(zone("a"))));
    assert!(is_breaking(&FaultAction::Partition { a: place("a"), b: place("b") }));
    assert!(!is_breaking(&FaultAction::ClearLatency { a: place("a"), b: place("b") }));
}
