//! Lessons: every check passes on a run that meets it and fails, saying what is missing, on one
//! that does not; every lesson has its text in both languages.

use archlab::catalog::{
    evaluate, lesson, lesson_text, lessons, preset, Condition, KneeReading, LessonId, RunSummary,
    SecondSummary, SweepSummary, PRESETS,
};
use archlab::i18n::{Key, Lang};
use archlab::model::validate;

/// A steady run: `secs` seconds at `rps`, with `err` of requests failing and the given p95.
fn run(secs: u64, rps: f64, p95: f64, err: f64) -> RunSummary {
    let per_s = rps.round() as u64;
    let failed = (per_s as f64 * err).round() as u64;
    RunSummary {
        elapsed_s: secs as f64,
        offered_rps: rps,
        throughput_rps: rps * (1.0 - err),
        p50_ms: p95 / 3.0,
        p95_ms: p95,
        p99_ms: p95 * 1.5,
        mean_ms: p95 / 2.5,
        error_rate: err,
        first_fault_s: None,
        seconds: (0..secs)
            .map(|s| SecondSummary { second: s, completed: per_s - failed, failed, p95_ms: p95 })
            .collect(),
        utilization: vec![("app-1".into(), 0.5)],
        cost_per_month_usd: 500.0,
        sweeps: SweepSummary::default(),
    }
}

/// Sets the error fraction and p95 of the seconds in [from, to).
fn during(mut r: RunSummary, from: u64, to: u64, err: f64, p95: f64) -> RunSummary {
    for s in &mut r.seconds {
        if s.second >= from && s.second < to {
            let total = s.completed + s.failed;
            s.failed = (total as f64 * err).round() as u64;
            s.completed = total - s.failed;
            s.p95_ms = p95;
        }
    }
    r
}

fn keys(id: LessonId, r: &RunSummary) -> Vec<Key> {
    let res = evaluate(&lesson(id).check, r);
    assert_eq!(res.passed, res.missing.is_empty());
    res.missing.iter().map(|m| m.key).collect()
}

fn passes(id: LessonId, r: &RunSummary) {
    assert_eq!(keys(id, r), vec![], "{id:?} should pass");
}

#[test]
fn single_server_needs_saturation() {
    let mut hot = run(120, 170.0, 2400.0, 0.0);
    hot.utilization = vec![("app-1".into(), 0.99)];
    passes(LessonId::SingleServer, &hot);
    let calm = run(120, 100.0, 45.0, 0.0);
    assert_eq!(keys(LessonId::SingleServer, &calm), vec![Key::MissUtilization, Key::MissP95Above]);
    let res = evaluate(&lesson(LessonId::SingleServer).check, &calm);
    assert_eq!(res.missing[0].describe(Lang::En), "Drive app-1 to at least 90% busy (now 50%)");
    assert_eq!(
        res.missing[1].describe(Lang::Ko),
        "p95가 500 ms를 넘을 때까지 올리세요. 아직 서버가 포화되지 않았습니다 (현재 45.0 ms)"
    );
}

#[test]
fn separate_db_needs_rate_latency_and_no_errors() {
    passes(LessonId::SeparateDb, &run(120, 50.0, 56.0, 0.0));
    // A server that cannot keep up with 50 req/s: saturated, slow, timing out.
    let mut saturated = run(120, 50.0, 9000.0, 0.08);
    saturated.throughput_rps = 46.0;
    assert_eq!(
        keys(LessonId::SeparateDb, &saturated),
        vec![Key::MissThroughput, Key::MissP95Below, Key::MissErrorRate]
    );
    assert_eq!(
        keys(LessonId::SeparateDb, &run(120, 40.0, 30.0, 0.0)),
        vec![Key::MissRate, Key::MissThroughput]
    );
}

#[test]
fn load_balancer_and_processes_need_their_rates_and_knees() {
    // Knees before and after the change, as lessons 3 and 4 ask (`lesson_knees.rs` sweeps them).
    let swept = |before: f64, after: f64| SweepSummary {
        pinned: Some(KneeReading::At(before)),
        current: Some(KneeReading::At(after)),
        current_stale: false,
    };
    let with = |mut r: RunSummary, s: SweepSummary| {
        r.sweeps = s;
        r
    };
    passes(LessonId::LoadBalancer, &with(run(120, 600.0, 90.0, 0.001), swept(232.0, 609.0)));
    assert_eq!(
        keys(LessonId::LoadBalancer, &with(run(120, 600.0, 3000.0, 0.0), swept(232.0, 609.0))),
        vec![Key::MissP95Below]
    );
    assert_eq!(
        keys(LessonId::LoadBalancer, &run(120, 600.0, 90.0, 0.001)),
        vec![Key::MissPinCurve, Key::MissSweepAfter]
    );
    passes(LessonId::Processes, &with(run(120, 700.0, 60.0, 0.0), swept(232.0, 774.0)));
    let one_process = with(run(120, 700.0, 5000.0, 0.05), swept(232.0, 232.0));
    assert_eq!(
        keys(LessonId::Processes, &one_process),
        vec![Key::MissKneeAtLeast, Key::MissThroughput, Key::MissP95Below, Key::MissErrorRate]
    );
}

#[test]
fn multi_az_needs_a_fault_and_quiet_after_detection() {
    let base = run(320, 300.0, 40.0, 0.0);
    assert_eq!(keys(LessonId::MultiAz, &base), vec![Key::MissFault]);
    // Errors for about 210 s after the failure, as the two-zone preset shows.
    let mut failed = during(base.clone(), 40, 250, 0.4, 40.0);
    failed.first_fault_s = Some(40.0);
    passes(LessonId::MultiAz, &failed);
    // Not watched long enough yet (240 s of grace, then 30 s to watch).
    let mut early = failed.clone();
    early.elapsed_s = 300.0;
    assert_eq!(keys(LessonId::MultiAz, &early), vec![Key::MissRunUntil]);
    // A one-zone design: everything fails after the zone dies.
    let mut dead = during(base, 40, 320, 1.0, 0.0);
    dead.first_fault_s = Some(40.0);
    assert_eq!(keys(LessonId::MultiAz, &dead), vec![Key::MissErrorsAfterFault]);
    let res = evaluate(&lesson(LessonId::MultiAz).check, &dead);
    assert_eq!(
        res.missing[0].describe(Lang::En),
        "From 240 s after the failure, keep errors under 0.10% (now 100.0%)"
    );
}

#[test]
fn multi_region_needs_a_low_mean() {
    let mut near = run(120, 200.0, 120.0, 0.0);
    near.mean_ms = 32.0;
    passes(LessonId::MultiRegion, &near);
    let mut far = near.clone();
    far.mean_ms = 103.0;
    assert_eq!(keys(LessonId::MultiRegion, &far), vec![Key::MissMeanBelow]);
}

#[test]
fn lb_spof_needs_recovery_after_dns() {
    let mut spof = during(run(300, 400.0, 30.0, 0.0), 30, 300, 1.0, 0.0);
    spof.first_fault_s = Some(30.0);
    assert_eq!(keys(LessonId::LbSpof, &spof), vec![Key::MissErrorsAfterFault]);
    let mut redundant = during(run(300, 400.0, 30.0, 0.0), 30, 150, 0.5, 30.0);
    redundant.first_fault_s = Some(30.0);
    passes(LessonId::LbSpof, &redundant);
}

#[test]
fn zone_outage_needs_capacity_in_the_other_zone() {
    let outage =
        |p95_down: f64, err_down: f64| during(run(340, 600.0, 40.0, 0.0), 270, 330, err_down, p95_down);
    passes(LessonId::ZoneOutage, &outage(45.0, 0.0));
    assert_eq!(keys(LessonId::ZoneOutage, &outage(800.0, 0.0)), vec![Key::MissWindowP95]);
    assert_eq!(
        keys(LessonId::ZoneOutage, &outage(800.0, 0.02)),
        vec![Key::MissWindowErrors, Key::MissWindowP95]
    );
    let mut short = outage(45.0, 0.0);
    short.elapsed_s = 300.0;
    short.seconds.truncate(300);
    assert_eq!(keys(LessonId::ZoneOutage, &short), vec![Key::MissRunUntil, Key::MissRunUntil]);
    assert_eq!(keys(LessonId::ZoneOutage, &run(340, 300.0, 40.0, 0.0)), vec![Key::MissRate]);
}

#[test]
fn db_failover_needs_the_errors_to_stop_after_the_promotion() {
    // With a standby everything fails from 30 s until 10 s after the promotion at 90 s.
    let standby = during(run(180, 300.0, 40.0, 0.0), 30, 100, 1.0, 0.0);
    passes(LessonId::DbFailover, &standby);
    // Without one, nothing ends it.
    let alone = during(run(180, 300.0, 40.0, 0.0), 30, 180, 1.0, 0.0);
    assert_eq!(keys(LessonId::DbFailover, &alone), vec![Key::MissWindowErrors]);
    let mut early = standby.clone();
    early.elapsed_s = 140.0;
    early.seconds.truncate(140);
    assert_eq!(keys(LessonId::DbFailover, &early), vec![Key::MissRunUntil]);
}

#[test]
fn an_empty_window_never_passes() {
    let check = [Condition::WindowErrorsBelow { from_s: 10.0, to_s: 20.0, max: 0.5 }];
    let r = RunSummary { elapsed_s: 30.0, ..RunSummary::default() };
    assert!(!evaluate(&check, &r).passed);
    let p95 = [Condition::P95Below { ms: 100.0 }];
    assert!(!evaluate(&p95, &RunSummary::default()).passed, "no traffic is not a low p95");
}

#[test]
fn every_lesson_has_a_preset_a_check_and_text() {
    assert_eq!(lessons().len(), LessonId::ALL.len());
    for id in LessonId::ALL {
        assert_eq!(LessonId::from_slug(id.slug()), Some(id));
        let p = PRESETS.iter().find(|p| p.lesson == id).expect("a preset per lesson");
        assert_eq!(p.id, id.slug());
        assert_eq!(p.title, id.title());
        let s = preset(id.slug()).unwrap();
        assert!(validate(&s).is_empty());
        let l = lesson(id);
        assert!(!l.check.is_empty());
        if let Some(f) = &l.failure {
            let mut with = s.clone();
            with.faults.push(archlab::model::ScheduledFault { at_s: 1.0, action: f.clone() });
            assert!(validate(&with).is_empty(), "{id:?}: the lesson's failure names something in its preset");
        }
        let (en, ko) = (lesson_text(Lang::En, id), lesson_text(Lang::Ko, id));
        assert_eq!(en.notice.len(), ko.notice.len(), "{id:?}");
        assert_eq!(en.steps.len(), ko.steps.len(), "{id:?}");
        let all = |t: archlab::catalog::LessonText| {
            [t.intro, t.task]
                .into_iter()
                .chain(t.notice.iter().copied())
                .chain(t.steps.iter().copied())
                .collect::<Vec<_>>()
        };
        for s in all(en) {
            assert!(!s.trim().is_empty() && !s.contains('<'), "{id:?}: {s}");
            assert!(!s.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c)), "{id:?}: {s}");
        }
        for s in all(ko) {
            assert!(
                !s.contains('<') && s.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c)),
                "{id:?}: {s}"
            );
        }
    }
}
