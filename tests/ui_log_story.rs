//! The failure story: per-second failure lines fold into one live row per run, phase lines stay
//! as they are, and a failover's promotion is known to the canvas — on a hand-written log and on
//! the db-failover preset's real run.

use archlab::catalog::preset;
use archlab::engine::{secs, ErrorCause, LogEntry, LogKind, Sim};
use archlab::i18n::{Lang, Names};
use archlab::ui::components::log::event_log::word;
use archlab::ui::components::log::story::{fold, phase, promotions, Phase, Promotion, Row};

fn at(s: f64, component: Option<usize>, kind: LogKind) -> LogEntry {
    LogEntry { time: secs(s), component, kind }
}

fn errors(s: f64, component: Option<usize>, count: u64) -> LogEntry {
    at(s, component, LogKind::Errors { cause: ErrorCause::Refused, count })
}

#[test]
fn a_run_of_per_second_failures_is_one_live_row_and_the_phase_lines_stay() {
    let mut log = vec![at(30.0, Some(3), LogKind::ComponentDown)];
    log.push(at(30.0, Some(3), LogKind::FailoverStarted { standby: 4, seconds: 60.0 }));
    for k in 0u32..12 {
        log.push(errors(31.0 + f64::from(k), Some(2), 290 + u64::from(k)));
    }
    log.push(at(35.5, Some(1), LogKind::TargetUnhealthy { target: 2, server: 0, failures: 3 }));
    log.sort_by_key(|e| e.time); // log order
    let rows = fold(&log);
    assert_eq!(rows.len(), 4, "{rows:#?}");
    let Row::Failing(f) = &rows[0] else { panic!("the live row is the newest: {rows:#?}") };
    assert_eq!((f.per_s, f.seconds(), f.component), (301, 12, Some(2)));
    assert_eq!(f.total, (290..302).sum::<u64>());
    let names = Names::of(&preset("db-failover").unwrap());
    let line = word(Lang::En, &rows[0], &names);
    assert!(line.contains("failing: 301/s for 12 s"), "{line}");
    // The three phase lines, in order, newest first.
    let phases: Vec<Option<Phase>> = rows[1..]
        .iter()
        .map(|r| match r {
            Row::Entry(e) => phase(&e.kind),
            Row::Failing(_) => None,
        })
        .collect();
    assert_eq!(phases, vec![Some(Phase::Detection), Some(Phase::Failover), Some(Phase::Failure)]);
}

#[test]
fn a_pause_or_another_cause_or_component_starts_another_row() {
    let mut log: Vec<LogEntry> = (0..3).map(|k| errors(10.0 + f64::from(k), Some(2), 5)).collect();
    log.extend((0..3).map(|k| errors(20.0 + f64::from(k), Some(2), 7))); // after a quiet spell
    log.push(errors(22.0, Some(5), 1)); // another component
    log.push(at(22.0, Some(2), LogKind::Errors { cause: ErrorCause::Timeout, count: 2 }));
    let rows = fold(&log);
    let runs: Vec<(u64, u64)> = rows
        .iter()
        .map(|r| match r {
            Row::Failing(f) => (f.per_s, f.seconds()),
            Row::Entry(e) => panic!("unexpected {e:?}"),
        })
        .collect();
    assert_eq!(runs, vec![(2, 1), (1, 1), (7, 3), (5, 3)]);
}

#[test]
fn a_full_queue_is_one_row_per_run_at_its_newest_line() {
    // app-2 (component 5) is full from 40 s to 49 s and again at 60 s; app-1 (4) at 45 s.
    let mut log: Vec<LogEntry> =
        (0..10).map(|k| at(40.45 + f64::from(k), Some(5), LogKind::QueueFull)).collect();
    log.push(at(45.2, Some(4), LogKind::QueueFull));
    log.push(at(47.0, Some(3), LogKind::FailoverStarted { standby: 7, seconds: 60.0 }));
    log.push(at(60.0, Some(5), LogKind::QueueFull));
    log.sort_by_key(|e| e.time);
    let rows: Vec<(f64, Option<usize>)> = fold(&log)
        .iter()
        .map(|r| match r {
            Row::Entry(e) => (archlab::engine::to_secs(e.time), e.component),
            Row::Failing(f) => panic!("unexpected {f:?}"),
        })
        .collect();
    assert_eq!(rows, vec![(60.0, Some(5)), (49.45, Some(5)), (47.0, Some(3)), (45.2, Some(4))]);
}

#[test]
fn the_db_failover_preset_tells_its_story_in_few_rows() {
    let s = preset("db-failover").unwrap();
    let mut sim = Sim::new(&s, 7).expect("a valid preset");
    // At 60 s: from about 62 s on the balancers' detection lines (the tier's workers hang on
    // the dead primary, so its health checks fail too) rightly join the story above it.
    sim.advance_to(secs(60.0));
    let log = sim.log();
    let per_second = log.iter().filter(|e| matches!(e.kind, LogKind::Errors { .. })).count();
    let rows = fold(log);
    let failing = rows.iter().filter(|r| matches!(r, Row::Failing(_))).count();
    assert!(per_second > 20, "the preset fails for a while: {per_second} lines");
    assert!(failing * 5 <= per_second, "{failing} live rows for {per_second} lines");
    let started = log.iter().position(|e| matches!(e.kind, LogKind::FailoverStarted { .. }));
    let started = started.expect("the failover starts");
    // The promotion line is within the newest 10 rows, not buried under per-second lines.
    let shown = rows.iter().take(10).any(|r| matches!(r, Row::Entry(e) if *e == log[started]));
    assert!(shown, "{rows:#?}");
    let standby = s.components.iter().position(|c| c.id == "standby-1").unwrap();
    let p = promotions(log);
    assert!(matches!(p.as_slice(), [(i, Promotion::Until(_))] if *i == standby), "{p:?}");
}

#[test]
fn a_dead_balancer_is_being_detected_by_dns_until_it_is_removed() {
    let s = preset("zone-outage").or_else(|| preset("multi-az")).unwrap();
    let lb = s.components.iter().position(|c| c.id == "lb-1").unwrap();
    let dns = s.components.iter().position(|c| c.id == "dns-1").unwrap();
    let down = vec![at(30.0, Some(lb), LogKind::ComponentDown)];
    let d = archlab::ui::components::log::story::detections(&down, &s);
    // Route 53 fast checks in the preset: 3 × 10 s + 4 s timeout.
    assert_eq!(d, vec![(lb, secs(30.0 + 34.0))]);
    let mut removed = down.clone();
    removed.push(at(58.0, Some(dns), LogKind::DnsRemoved { target: lb }));
    assert!(archlab::ui::components::log::story::detections(&removed, &s).is_empty());
}
