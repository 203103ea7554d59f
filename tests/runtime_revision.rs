//! The running lab's revision: what the frame loop reads to leave a paused lab alone (the
//! overlay is not redrawn and the live panels are not re-rendered while it stays the same), so
//! every change a user can see must move it, and a paused frame must not.
//! `cargo test --test runtime_revision`.

use archlab::catalog::PRESETS;
use archlab::engine::NS_PER_S;
use archlab::model::{FaultAction, Target};
use archlab::ui::Runtime;

const FRAME_MS: f64 = 1000.0 / 60.0;

fn lab() -> Runtime {
    Runtime::new(PRESETS[0].scenario()).unwrap()
}

#[test]
fn a_paused_lab_keeps_its_revision_and_a_playing_one_moves_it() {
    let mut rt = lab();
    let r = rt.revision();
    for _ in 0..10 {
        rt.frame(FRAME_MS, &mut || false);
    }
    assert_eq!(rt.revision(), r, "paused frames change nothing");
    rt.set_playing(true);
    assert!(rt.revision() > r, "play is a change the toolbar shows");
    let r = rt.revision();
    rt.frame(FRAME_MS, &mut || false);
    assert!(rt.revision() > r, "a playing frame advances the run");
    assert!(rt.sim().now() > 0);
    let r = rt.revision();
    rt.set_playing(true);
    assert_eq!(rt.revision(), r, "playing again is no change");
    rt.set_playing(false);
    assert!(rt.revision() > r, "a pause is a change the toolbar shows");
}

#[test]
fn every_change_to_the_run_or_its_scenario_moves_the_revision() {
    let mut rt = lab();
    let mut last = rt.revision();
    let mut moved = |rt: &Runtime, what: &str| {
        assert!(rt.revision() > last, "{what} must move the revision");
        last = rt.revision();
    };

    rt.step(NS_PER_S);
    moved(&rt, "a step");

    // Moving a component keeps the run (same_run) but changes what the overlay draws.
    let mut s = rt.scenario().clone();
    s.components[0].x += 40.0;
    let runs = rt.runs();
    rt.sync(&s).unwrap();
    assert_eq!(rt.runs(), runs, "a move keeps the run going");
    moved(&rt, "moving a component");

    let mut t = rt.scenario().traffic.clone();
    t.rate_rps *= 2.0;
    rt.set_traffic(t);
    moved(&rt, "the rate slider");

    rt.set_speed(8.0);
    moved(&rt, "the speed");

    let id = rt.scenario().components.last().unwrap().id.clone();
    rt.sim_mut().inject(&FaultAction::Kill { target: Target::Component { id } }).unwrap();
    moved(&rt, "a fault");

    rt.reset();
    moved(&rt, "a reset");

    let mut other = rt.scenario().clone();
    other.seed += 1;
    rt.load(other).unwrap();
    moved(&rt, "loading a scenario");

    // Reading and an edit that changes nothing leave it alone.
    let same = rt.scenario().clone();
    rt.sync(&same).unwrap();
    let _ = (rt.sim().snapshot(), rt.scenario(), rt.runs());
    assert_eq!(rt.revision(), last, "reads and a no-op sync change nothing");
}
