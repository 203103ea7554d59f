//! The three operating lessons (issue 9): each check passes on a design that meets its task and
//! fails, naming what is missing, on one that does not, both on hand-made summaries and on
//! runs of the engine; the prices the cost lesson quotes come from the catalog's table.

use archlab::catalog::pricing::{design_cost, prices, HOURS_PER_MONTH};
use archlab::catalog::{evaluate, lesson, lesson_text, preset, LessonId, RunSummary, SecondSummary};
use archlab::engine::{secs, Sim};
use archlab::i18n::{Key, Lang};
use archlab::model::{AutoScaling, FaultAction, Kind, Scenario, ScheduledFault, Strategy, Target, Zone};

/// Runs `s` for `seconds` (measuring after 15 s, as the UI does after its warm-up) and
/// evaluates `id`'s check on the result.
fn check(id: LessonId, s: &Scenario, seconds: f64) -> Vec<Key> {
    let mut sim = Sim::new(s, 1).expect("valid");
    sim.set_measure_from(secs(15.0));
    sim.advance_to(secs(seconds));
    let first_fault = s.faults.iter().map(|f| f.at_s).filter(|&t| t <= seconds).reduce(f64::min);
    let r = RunSummary::from_metrics(s, sim.metrics(), sim.now(), s.traffic.rate_rps, first_fault);
    evaluate(&lesson(id).check, &r).missing.iter().map(|m| m.key).collect()
}

fn app<'a>(s: &'a mut Scenario, id: &str) -> &'a mut archlab::model::AppServer {
    match &mut s.component_mut(id).unwrap().kind {
        Kind::AppServer(a) => a,
        _ => panic!("{id} is an app server"),
    }
}

fn group(s: &mut Scenario) -> &mut AutoScaling {
    app(s, "app-1").autoscaling.as_mut().unwrap()
}

/// `secs` seconds at 400 req/s, `failed` of them failing in each second of [from, to).
fn summary(secs: u64, from: u64, to: u64, failed: u64) -> RunSummary {
    RunSummary {
        elapsed_s: secs as f64,
        offered_rps: 400.0,
        throughput_rps: 400.0,
        seconds: (0..secs)
            .map(|s| {
                let f = if (from..to).contains(&s) { failed } else { 0 };
                SecondSummary { second: s, completed: 400 - f, failed: f, p95_ms: 40.0 }
            })
            .collect(),
        ..RunSummary::default()
    }
}

fn keys(id: LessonId, r: &RunSummary) -> Vec<Key> {
    evaluate(&lesson(id).check, r).missing.iter().map(|m| m.key).collect()
}

#[test]
fn failed_requests_are_counted_in_the_window_only() {
    // 20 failures a second for 9 s = 180 < 200; 10 s = 200 is not fewer than 200.
    assert_eq!(keys(LessonId::RollingBadDeploy, &summary(250, 60, 69, 20)), vec![]);
    let res = evaluate(&lesson(LessonId::RollingBadDeploy).check, &summary(250, 60, 70, 20));
    assert_eq!(res.missing.iter().map(|m| m.key).collect::<Vec<_>>(), vec![Key::MissFailedRequests]);
    assert_eq!(
        res.missing[0].describe(Lang::En),
        "From 1:00.0 to 4:00.0, let fewer than 200 requests fail (now 200)"
    );
    assert_eq!(
        res.missing[0].describe(Lang::Ko),
        "1:00.0부터 4:00.0까지 실패한 요청을 200건 미만으로 줄이세요 (현재 200건)"
    );
    // Failures outside [60, 240) do not count; the window must have been watched to its end.
    assert_eq!(keys(LessonId::RollingBadDeploy, &summary(250, 240, 250, 100)), vec![]);
    assert_eq!(keys(LessonId::RollingBadDeploy, &summary(200, 60, 61, 0)), vec![Key::MissRunUntil]);
    // A window in which nothing was measured proves nothing.
    let empty = RunSummary { elapsed_s: 250.0, ..RunSummary::default() };
    assert_eq!(keys(LessonId::RollingBadDeploy, &empty), vec![Key::MissFailedRequests]);
}

#[test]
fn the_cost_condition_reads_the_design_bill() {
    // Errors from the failure at 120 s until 330 s; the check reads from 360 s (240 s of grace).
    let mut r = summary(420, 120, 330, 400);
    r.first_fault_s = Some(120.0);
    r.cost_per_month_usd = 722.0;
    assert_eq!(keys(LessonId::MultiAzCost, &r), vec![]);
    r.cost_per_month_usd = 750.5;
    let res = evaluate(&lesson(LessonId::MultiAzCost).check, &r);
    assert_eq!(res.missing.iter().map(|m| m.key).collect::<Vec<_>>(), vec![Key::MissCostPerMonth]);
    assert_eq!(
        res.missing[0].describe(Lang::En),
        "Bring the design's cost down to $750 a month or less (now $750)"
    );
    r.cost_per_month_usd = f64::NAN;
    assert_eq!(keys(LessonId::MultiAzCost, &r), vec![Key::MissCostPerMonth], "NaN never passes");
}

#[test]
fn the_quoted_prices_follow_the_catalog_table() {
    let p = prices("ap-northeast-2");
    let two_zones =
        (4.0 * p.m5_large_hour + 2.0 * p.db_m5_large_hour + 2.0 * p.nlb_hour) * HOURS_PER_MONTH + 0.5;
    let one_zone = (4.0 * p.m5_large_hour + p.db_m5_large_hour + p.nlb_hour) * HOURS_PER_MONTH;
    let cost = design_cost(&preset("multi-az-cost").unwrap()).per_month();
    assert!((cost - two_zones).abs() < 0.01, "{cost} vs {two_zones}");
    let lb = design_cost(&preset("load-balancer").unwrap()).per_month();
    assert!((lb - one_zone).abs() < 0.01, "{lb} vs {one_zone}");
    // What the lesson's text says: about $722, $533, $190 more (about 35 %).
    for (what, v) in [(722.0, cost), (533.0, one_zone), (190.0, cost - one_zone)] {
        assert!((v - what).abs() < 1.0, "{what} vs {v}");
    }
    assert_eq!(((cost / one_zone - 1.0) * 100.0).round(), 35.0);
    for (lang, needle) in [(Lang::En, "$722"), (Lang::Ko, "$722")] {
        assert!(lesson_text(lang, LessonId::MultiAzCost).notice[0].contains(needle));
    }
}

#[test]
fn spike_fails_as_given_and_passes_with_a_higher_minimum() {
    let given = preset("spike-autoscaling").unwrap();
    assert_eq!(
        check(LessonId::SpikeAutoscaling, &given, 300.0),
        vec![Key::MissWindowP95, Key::MissWindowErrors],
        "two servers lag a boot and a warm-up behind a tripled load"
    );
    // Four servers (about 952 req/s) carry the 900 req/s spike from the start.
    let mut four = given.clone();
    group(&mut four).min = 4;
    app(&mut four, "app-1").count = 4;
    assert_eq!(check(LessonId::SpikeAutoscaling, &four, 300.0), vec![]);
    // The spike has not ended yet at 200 s.
    assert_eq!(check(LessonId::SpikeAutoscaling, &four, 200.0), vec![Key::MissRunUntil, Key::MissRunUntil]);
}

#[test]
fn rolling_deploy_needs_a_faster_alarm() {
    let given = preset("rolling-bad-deploy").unwrap();
    assert_eq!(check(LessonId::RollingBadDeploy, &given, 250.0), vec![Key::MissFailedRequests]);
    let mut all_at_once = given.clone();
    all_at_once.deployments[0].strategy = Strategy::AllAtOnce;
    assert_eq!(check(LessonId::RollingBadDeploy, &all_at_once, 250.0), vec![Key::MissFailedRequests]);
    let mut sooner = given.clone();
    sooner.alarms[0].evaluation_periods = 1;
    assert_eq!(check(LessonId::RollingBadDeploy, &sooner, 250.0), vec![]);
}

#[test]
fn multi_az_cost_passes_as_given_but_not_bigger_or_in_one_zone() {
    let given = preset("multi-az-cost").unwrap();
    assert_eq!(check(LessonId::MultiAzCost, &given, 100.0), vec![Key::MissFault]);
    // Errors stop about 210 s after the failure at 120 s; the check reads from 360 s.
    assert_eq!(check(LessonId::MultiAzCost, &given, 380.0), vec![Key::MissRunUntil]);
    assert_eq!(check(LessonId::MultiAzCost, &given, 420.0), vec![]);
    // A third server in each zone survives too, but costs about $895 a month.
    let mut bigger = given.clone();
    app(&mut bigger, "app-1").count = 3;
    app(&mut bigger, "app-2").count = 3;
    assert_eq!(check(LessonId::MultiAzCost, &bigger, 420.0), vec![Key::MissCostPerMonth]);
    // One zone is cheap and dies with it (users in a zone of their own, to measure).
    let mut one_zone = preset("load-balancer").unwrap();
    one_zone.traffic.rate_rps = 300.0;
    one_zone.regions[0].zones.push(Zone { name: "b".into() });
    one_zone.component_mut("users-1").unwrap().place.zone = "b".into();
    one_zone.faults.push(ScheduledFault {
        at_s: 120.0,
        action: FaultAction::Kill {
            target: Target::Zone { region: "ap-northeast-2".into(), zone: "a".into() },
        },
    });
    assert_eq!(check(LessonId::MultiAzCost, &one_zone, 420.0), vec![Key::MissErrorsAfterFault]);
}
