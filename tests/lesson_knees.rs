//! Lessons 3 and 4 ask for the knee before and after a change (issue 21): their checks, run on
//! the engine the way a student meets them. The sweeps are the Curve tab's default (12 points
//! from 10 % to 150 % of the estimated capacity, a simulated minute each after 10 s, the
//! design's seed), computed natively: the page computes the same numbers (`curve_worker.rs`).
//! The live part of each check runs as in `lesson_runs.rs`.

use archlab::catalog::{evaluate, lesson, preset, KneeReading, LessonId, RunSummary, SweepSummary};
use archlab::engine::{secs, Sim};
use archlab::i18n::{Key, Lang};
use archlab::model::{Kind, Scenario};
use archlab::sweep::{
    default_rates, point_seed, same_design, sweep_point, DEFAULT_SECONDS, DEFAULT_WARMUP_S,
};

/// The knee of the Curve tab's default sweep of `s`.
fn knee(s: &Scenario) -> KneeReading {
    let points: Vec<(f64, f64)> = default_rates(s)
        .iter()
        .enumerate()
        .map(|(i, &rate)| {
            let p =
                sweep_point(s, rate, DEFAULT_WARMUP_S, DEFAULT_SECONDS, point_seed(s.seed, i, 0)).unwrap();
            (p.offered_rps, p.latency_ms.p95)
        })
        .collect();
    KneeReading::of(&points).expect("twelve points")
}

fn at(r: KneeReading) -> f64 {
    match r {
        KneeReading::At(k) => k,
        KneeReading::Beyond(top) => panic!("no knee up to {top} req/s"),
    }
}

/// `preset` with every app tier at `servers` × `processes`, offered `rate`.
fn design(preset_id: &str, servers: u32, processes: u32, rate: f64) -> Scenario {
    let mut s = preset(preset_id).unwrap();
    for c in &mut s.components {
        if let Kind::AppServer(a) = &mut c.kind {
            a.count = servers;
            a.processes = processes;
        }
    }
    s.traffic.rate_rps = rate;
    s
}

/// Runs `s` live for 60 s (measured after 15 s) and evaluates `id`'s check with `sweeps`.
fn check(id: LessonId, s: &Scenario, sweeps: SweepSummary) -> Vec<Key> {
    let mut sim = Sim::new(s, 1).expect("valid");
    sim.set_measure_from(secs(15.0));
    sim.advance_to(secs(60.0));
    let mut r = RunSummary::from_metrics(s, sim.metrics(), sim.now(), s.traffic.rate_rps, None);
    r.sweeps = sweeps;
    evaluate(&lesson(id).check, &r).missing.iter().map(|m| m.key).collect()
}

fn sweeps(pinned: Option<KneeReading>, current: Option<KneeReading>) -> SweepSummary {
    SweepSummary { pinned, current, current_stale: false }
}

#[test]
fn lesson_3_moves_the_knee_past_600_with_servers() {
    let four = design("load-balancer", 4, 1, 600.0);
    assert!(same_design(&four, &preset("load-balancer").unwrap()), "the preset is four one-process servers");
    let before = knee(&four);
    let k = at(before);
    assert!((200.0..260.0).contains(&k), "four servers: knee {k}");
    // About 60 req/s per server: nine fall short of 600, ten pass it.
    let nine = at(knee(&design("load-balancer", 9, 1, 600.0)));
    assert!((500.0..600.0).contains(&nine), "nine servers: knee {nine}");
    let ten = design("load-balancer", 10, 1, 600.0);
    let after = knee(&ten);
    assert!(at(after) >= 600.0, "ten servers: knee {after:?}");

    // Before anything is swept, only the live part can pass; a pin and a new sweep finish it.
    assert_eq!(
        check(LessonId::LoadBalancer, &ten, sweeps(None, None)),
        vec![Key::MissPinCurve, Key::MissSweepAfter]
    );
    assert_eq!(check(LessonId::LoadBalancer, &ten, sweeps(Some(before), Some(after))), vec![]);
    // Nine servers serve 600 req/s live, but their knee is not there yet.
    let nine_design = design("load-balancer", 9, 1, 600.0);
    let nine_knee = Some(KneeReading::At(nine));
    assert_eq!(
        check(LessonId::LoadBalancer, &nine_design, sweeps(Some(before), nine_knee)),
        vec![Key::MissKneeAtLeast]
    );
    // The four servers at 600 req/s: the live part fails as before.
    let live = check(LessonId::LoadBalancer, &four, sweeps(Some(before), Some(after)));
    assert!(live.contains(&Key::MissP95Below), "{live:?}");
    // The "after" pinned in place of the "before" does not count.
    assert_eq!(
        check(LessonId::LoadBalancer, &ten, sweeps(Some(after), Some(after))),
        vec![Key::MissPinnedKnee]
    );
}

#[test]
fn lesson_4_moves_the_knee_with_processes_until_the_cores_are_busy() {
    let one = at(knee(&design("processes", 4, 1, 700.0)));
    assert!(one < 400.0, "one process per server: knee {one}");
    let given = design("processes", 4, 4, 700.0);
    assert!(same_design(&given, &preset("processes").unwrap()), "the preset has four processes");
    let four = at(knee(&given));
    assert!(four >= 700.0, "four processes: knee {four}");
    // Eight: the cores are the limit, the knee moves by far less than from one to four.
    let eight = at(knee(&design("processes", 4, 8, 700.0)));
    assert!(eight > four && eight - four < (four - one) / 4.0, "1: {one}, 4: {four}, 8: {eight}");

    let (before, after) = (Some(KneeReading::At(one)), Some(KneeReading::At(four)));
    assert_eq!(check(LessonId::Processes, &given, sweeps(before, after)), vec![]);
    assert_eq!(check(LessonId::Processes, &given, sweeps(None, after)), vec![Key::MissPinCurve]);
    let mut stale = sweeps(before, None);
    stale.current_stale = true;
    assert_eq!(check(LessonId::Processes, &given, stale), vec![Key::MissSweepStale]);
    // One process per server fails live at 700 req/s whatever was swept.
    let one_design = design("processes", 4, 1, 700.0);
    let live = check(LessonId::Processes, &one_design, sweeps(before, after));
    assert!(live.contains(&Key::MissP95Below), "{live:?}");
}

#[test]
fn what_is_missing_about_the_knee_is_said_with_its_numbers() {
    let r = |pinned, current, current_stale| RunSummary {
        offered_rps: 600.0,
        throughput_rps: 600.0,
        p95_ms: 60.0,
        mean_ms: 30.0,
        sweeps: SweepSummary { pinned, current, current_stale },
        ..RunSummary::default()
    };
    let said = |r: &RunSummary, lang| -> Vec<String> {
        evaluate(&lesson(LessonId::LoadBalancer).check, r).missing.iter().map(|m| m.describe(lang)).collect()
    };
    let at = |k| Some(KneeReading::At(k));
    assert_eq!(
        said(&r(None, None, false), Lang::En),
        vec![
            "Sweep the design before your change in the Curve tab and pin its curve (knee below 400 req/s)",
            "Sweep the changed design: its knee must reach 600 req/s",
        ]
    );
    assert_eq!(
        said(&r(at(609.4), at(546.6), false), Lang::En),
        vec![
            "The pinned knee is at 609 req/s: pin the design before your change (knee below 400 req/s)",
            "Move the knee to 600 req/s or more (the last sweep puts it at 547 req/s)",
        ]
    );
    assert_eq!(
        said(&r(Some(KneeReading::Beyond(480.0)), None, true), Lang::En),
        vec![
            "The pinned curve has no knee up to 480 req/s: pin the design before your change (knee below 400 req/s)",
            "The design changed since the last sweep: sweep again (knee at 600 req/s or more)",
        ]
    );
    assert_eq!(
        said(&r(at(232.0), Some(KneeReading::Beyond(450.0)), false), Lang::En),
        vec!["The last sweep ends at 450 req/s, before its knee: sweep past 600 req/s"]
    );
    // A sweep whose p95 never doubles up to a load past the target counts as past it.
    assert!(said(&r(at(232.0), Some(KneeReading::Beyond(900.0)), false), Lang::En).is_empty());
    assert_eq!(
        said(&r(None, at(546.6), false), Lang::Ko),
        vec![
            "곡선 탭에서 바꾸기 전의 설계를 스윕하고 그 곡선을 고정하세요 (무릎이 초당 400건 미만)",
            "무릎을 초당 600건 이상으로 옮기세요 (마지막 스윕의 무릎은 초당 547건)",
        ]
    );
}

#[test]
fn a_knee_reading_needs_a_curve_and_says_how_far_a_flat_one_went() {
    assert_eq!(KneeReading::of(&[]), None);
    assert_eq!(KneeReading::of(&[(100.0, 30.0)]), None);
    assert_eq!(
        KneeReading::of(&[(100.0, 30.0), (200.0, 31.0), (300.0, 40.0)]),
        Some(KneeReading::Beyond(300.0))
    );
    assert_eq!(KneeReading::of(&[(300.0, 80.0), (100.0, 30.0), (200.0, 40.0)]), Some(KneeReading::At(250.0)));
}

#[test]
fn a_sweep_stays_true_to_its_design_until_the_design_changes() {
    let s = preset("load-balancer").unwrap();
    let mut drawn = s.clone();
    drawn.name = "renamed".into();
    drawn.components[1].x += 40.0;
    drawn.traffic.rate_rps = 777.0;
    drawn.seed = 9;
    drawn.run.speed = 32.0;
    assert!(same_design(&s, &drawn), "drawing, traffic, run settings and seed are not the design");
    let mut more = s.clone();
    if let Kind::AppServer(a) = &mut more.component_mut("app-1").unwrap().kind {
        a.count += 1;
    }
    assert!(!same_design(&s, &more), "a server more is another design");
    let mut fewer = s.clone();
    fewer.components.pop();
    assert!(!same_design(&s, &fewer));
}

#[test]
fn only_lessons_3_and_4_read_the_sweeps() {
    let reading: Vec<LessonId> = LessonId::ALL
        .into_iter()
        .filter(|&id| lesson(id).check.iter().any(archlab::catalog::Condition::reads_sweeps))
        .collect();
    assert_eq!(reading, vec![LessonId::LoadBalancer, LessonId::Processes]);
}
