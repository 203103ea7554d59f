//! The running lab's per-frame budget (issue 17, item 6): however high the rate, one frame's
//! advance processes at most its budget of events and hands control back, and that budget is
//! counted in events, so these tests need no clock. They replace a browser test that timed a
//! click at 1,000,000 req/s against the wall clock (flaky on a shared machine); the click
//! latency itself is a benchmark now (`tests/e2e/bench.mjs click`, BENCHMARKS.md).
//! `cargo test --test runtime_budget`.

use archlab::catalog::PRESETS;
use archlab::engine::Time;
use archlab::model::Scenario;
use archlab::ui::state::runtime::{CHUNK, FRAME_EVENT_BUDGET};
use archlab::ui::Runtime;

/// A 60 Hz frame.
const FRAME_MS: f64 = 1000.0 / 60.0;

/// The page's default design (the single server) at `rate` requests a second, playing.
fn lab_at(rate: f64) -> Runtime {
    let mut s: Scenario = PRESETS[0].scenario();
    s.traffic.rate_rps = rate;
    let mut rt = Runtime::new(s).unwrap();
    rt.set_playing(true);
    rt
}

fn never() -> impl FnMut() -> bool {
    || false
}

#[test]
fn a_million_requests_a_second_stops_each_frame_at_the_event_budget() {
    let mut rt = lab_at(1_000_000.0);
    let mut clock: Vec<Time> = vec![rt.sim().now()];
    for frame in 0..20 {
        let before = rt.sim().events_processed();
        // A deadline that never comes: only the event budget can end the frame.
        let report = rt.frame(FRAME_MS, &mut never());
        let done = rt.sim().events_processed() - before;
        assert_eq!(report.events, done, "frame {frame}: the report counts what was processed");
        assert!(report.events <= FRAME_EVENT_BUDGET, "frame {frame}: {} events", report.events);
        // A million requests a second on the single server is about 50,000 events per 60 Hz
        // frame (3 per request: most are refused at its full queue), more than the budget: it
        // is all spent, the frame says it is behind, and the run still moves forward.
        assert_eq!(report.events, FRAME_EVENT_BUDGET, "frame {frame} used its whole budget");
        assert!(report.behind, "frame {frame} is behind");
        clock.push(rt.sim().now());
    }
    assert!(clock.windows(2).all(|w| w[1] > w[0]), "simulated time advances every frame: {clock:?}");
    let target_ns = (FRAME_MS / 1000.0 * rt.speed() * 1e9) as Time;
    assert!(rt.sim().now() < 20 * target_ns, "the run is slower than asked");
    assert!(rt.achieved_speed() < rt.speed(), "and says so: {} < {}", rt.achieved_speed(), rt.speed());
}

#[test]
fn the_budget_is_the_one_passed_in() {
    for budget in [0, 1, 999, CHUNK, CHUNK + 1, 3 * CHUNK + 7, 100_000] {
        let mut rt = lab_at(1_000_000.0);
        // A 100 ms frame (the longest one accounts for) at a million a second holds ~300,000.
        let report = rt.frame_within(100.0, budget, &mut never());
        assert_eq!(report.events, budget, "budget {budget}");
        assert!(report.behind);
    }
}

#[test]
fn the_deadline_is_an_outer_guard_checked_every_chunk() {
    let mut rt = lab_at(1_000_000.0);
    let mut asked = 0;
    let report = rt.frame(FRAME_MS, &mut || {
        asked += 1;
        asked == 3
    });
    assert!(report.behind);
    assert_eq!(asked, 3);
    assert_eq!(report.events, 3 * CHUNK, "asked after each chunk, stopped at the third answer yes");
}

#[test]
fn a_light_load_reaches_the_frame_target_within_the_budget() {
    let mut rt = lab_at(50.0);
    for _ in 0..120 {
        let report = rt.frame(FRAME_MS, &mut never());
        assert!(!report.behind);
        assert!(report.events < FRAME_EVENT_BUDGET);
    }
    // 120 frames of 1/60 s at 1x: two simulated seconds, to the rounding of each frame's step.
    let t = rt.sim().now() as f64 / 1e9;
    assert!((t - 2.0 * rt.speed()).abs() < 1e-6, "reached {t} s");
}

/// What a frame does depends on the events it may process, never on when it runs: two labs fed
/// the same frames are in the same state.
#[test]
fn frames_are_independent_of_the_wall_clock() {
    let (mut a, mut b) = (lab_at(1_000_000.0), lab_at(1_000_000.0));
    for _ in 0..10 {
        let ra = a.frame(FRAME_MS, &mut never());
        std::thread::yield_now();
        let rb = b.frame(FRAME_MS, &mut never());
        assert_eq!(ra, rb);
    }
    assert_eq!(a.sim().now(), b.sim().now());
    assert_eq!(a.sim().fingerprint(), b.sim().fingerprint());
}

#[test]
fn a_paused_lab_processes_nothing() {
    let mut rt = lab_at(1_000_000.0);
    rt.set_playing(false);
    assert_eq!(rt.frame(FRAME_MS, &mut never()), Default::default());
    assert_eq!(rt.sim().events_processed(), 0);
}
