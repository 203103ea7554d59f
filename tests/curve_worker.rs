//! The sweep's Web Worker, natively: its messages round-trip, a point computed through its
//! entry function equals `sweep_point` for the same inputs whatever order (and thread) the
//! points run in, and a bad job is refused with a clear message instead of a hang.

use archlab::catalog::preset;
use archlab::model::Scenario;
use archlab::sweep::message::{answer, CurvePoint, SweepJob, WorkerAnswer};
use archlab::sweep::{default_rates, point_seed, sweep_point};

fn multi_az() -> Scenario {
    preset("multi-az").expect("the two-zone preset exists")
}

fn job(s: &Scenario, point: usize) -> SweepJob {
    SweepJob::for_sweep(s, &default_rates(s), 2.0, 5.0, s.seed).swap_remove(point)
}

fn point_of(text: &str) -> CurvePoint {
    match WorkerAnswer::from_json(text).expect("an answer") {
        WorkerAnswer::Point(p) => p,
        other => panic!("expected a point, got {other:?}"),
    }
}

#[test]
fn a_job_and_every_answer_round_trip_as_json() {
    let s = multi_az();
    let j = job(&s, 3);
    let back: SweepJob = serde_json::from_str(&j.to_json()).unwrap();
    assert_eq!(back, j);
    assert_eq!(j.seed, point_seed(s.seed, 3, 0), "the runner's seed scheme");
    let p = point_of(&answer(&j.to_json()));
    let answers = [
        WorkerAnswer::Ready,
        WorkerAnswer::Point(p),
        WorkerAnswer::Refused { point: Some(2), problem: "no".into() },
    ];
    for a in answers {
        assert_eq!(WorkerAnswer::from_json(&a.to_json()).unwrap(), a);
    }
}

#[test]
fn the_workers_compute_time_round_trips_and_the_pure_answer_has_none() {
    let s = multi_az();
    let text = answer(&job(&s, 1).to_json());
    // The lab reads no clock: its answer carries no time, and its JSON no field for it, so the
    // answer reads the same to a page that knows nothing of the field.
    assert!(!text.contains("compute_ms"), "{text}");
    let mut p = point_of(&text);
    assert_eq!(p.compute_ms, None);
    // What the browser glue adds after timing the job survives the trip to the page.
    p.compute_ms = Some(41.25);
    let timed = WorkerAnswer::Point(p.clone()).to_json();
    assert!(timed.contains(r#""compute_ms":41.25"#), "{timed}");
    assert_eq!(point_of(&timed), p);
    // ... and it is the only difference from the untimed answer.
    assert_eq!(CurvePoint { compute_ms: None, ..point_of(&timed) }, point_of(&text));
}

#[test]
fn a_point_through_the_worker_equals_sweep_point() {
    let s = multi_az();
    let rates = default_rates(&s);
    for i in [0, 6, 11] {
        let j = job(&s, i);
        let direct = sweep_point(&s, rates[i], 2.0, 5.0, point_seed(s.seed, i, 0)).unwrap();
        assert_eq!(point_of(&answer(&j.to_json())), CurvePoint::of(i, &direct), "point {i}");
    }
}

#[test]
fn points_do_not_depend_on_order_or_on_how_many_workers_run_them() {
    let s = multi_az();
    let texts: Vec<String> = (0..4).map(|i| job(&s, i).to_json()).collect();
    let one_by_one: Vec<String> = texts.iter().map(|t| answer(t)).collect();
    // Two "workers", each taking every other point, in reverse order.
    let (a, b) = std::thread::scope(|sc| {
        let a = sc.spawn(|| [3, 1].map(|i| (i, answer(&texts[i]))));
        let b = sc.spawn(|| [2, 0].map(|i| (i, answer(&texts[i]))));
        (a.join().unwrap(), b.join().unwrap())
    });
    for (i, text) in a.into_iter().chain(b) {
        assert_eq!(text, one_by_one[i], "point {i}");
    }
}

#[test]
fn a_bad_job_is_refused_with_a_clear_message() {
    let refused = |text: &str| match WorkerAnswer::from_json(&answer(text)).unwrap() {
        WorkerAnswer::Refused { problem, .. } => problem,
        other => panic!("expected a refusal, got {other:?}"),
    };
    assert!(refused("{").starts_with("not a sweep job"));
    let s = multi_az();
    let mut j = job(&s, 0);
    j.seconds = 1e12;
    assert!(refused(&j.to_json()).contains("seconds"));
    let mut j = job(&s, 0);
    j.offered_rps = -5.0;
    assert!(refused(&j.to_json()).contains("offered load"));
    let mut j = job(&s, 0);
    j.scenario = r#"{"version":1,"components":"many"}"#.into();
    assert!(!refused(&j.to_json()).is_empty());
}
