//! The running lab: one engine, driven by wall-clock frames at a chosen speed.
//!
//! This file holds no DOM code: the frame loop passes in the elapsed wall time and a deadline
//! check, so the pacing logic is testable natively. The engine gets a fixed share of each
//! frame, counted in events (`FRAME_EVENT_BUDGET`), with the wall-clock deadline as an outer
//! guard for machines too slow for that count; when that is not enough for the chosen speed,
//! the lab runs slower than asked and says so (`achieved_speed`) instead of freezing the tab.

use crate::engine::{secs, to_secs, Sim, Time};
use crate::model::{validate, Deployment, Diagnostic, Scenario, Traffic};
use crate::sweep::same_run;

/// Events one frame may process at most, whatever the rate asked for, so every frame hands the
/// thread back to the browser (input, painting) however far behind the run is. An event count,
/// not a time: it holds the same on every machine and a test can check it without a clock
/// (`tests/runtime_budget.rs`). About 6 ms of engine in wasm at the 7 M events/s measured in
/// Chromium (BENCHMARKS.md), inside the deadline the frame loop passes; on a slower machine that
/// deadline stops the frame first.
pub const FRAME_EVENT_BUDGET: u64 = 40_000;
/// Events processed between two checks of the frame deadline.
pub const CHUNK: u64 = 5_000;
pub const MIN_SPEED: f64 = 0.1;
pub const MAX_SPEED: f64 = 100.0;
/// Longest wall-clock gap one frame may account for (a background tab, a breakpoint).
const MAX_FRAME_MS: f64 = 100.0;

pub struct Runtime {
    scenario: Scenario,
    sim: Sim,
    playing: bool,
    /// Simulated seconds per wall-clock second.
    speed: f64,
    /// Speed actually reached over the last frames (smoothed).
    achieved_speed: f64,
    /// How many runs were started (each `load`): painters that skip a frame when nothing
    /// changed key on it, so a new design's first frame is drawn with its own names even when
    /// both runs are at second zero (after New, the charts' legends named the old design).
    runs: u64,
    /// Bumped by every change to the run, its play state and speed, or this lab's copy of the
    /// scenario (a playing frame, a step, an edit, a fault through `sim_mut`; the fields are
    /// private so that no change can go around it), so what is drawn from the
    /// lab can tell that nothing changed: paused, the overlay is not redrawn and the live panels
    /// are not re-rendered (the page's main thread idles instead of redrawing the same picture
    /// sixty times a second, beside the Curve tab's workers and on a phone's battery).
    revision: u64,
}

/// What one frame did.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct FrameReport {
    pub events: u64,
    /// True when the engine stopped at the deadline before reaching the target time.
    pub behind: bool,
}

impl Runtime {
    pub fn new(scenario: Scenario) -> Result<Self, Vec<Diagnostic>> {
        let sim = Sim::new(&scenario, scenario.seed)?;
        let speed = scenario.run.speed;
        Ok(Runtime { scenario, sim, playing: false, speed, achieved_speed: speed, runs: 0, revision: 0 })
    }

    pub fn sim(&self) -> &Sim {
        &self.sim
    }

    /// The engine, to change it (a fault): counts as a change.
    pub fn sim_mut(&mut self) -> &mut Sim {
        self.revision += 1;
        &mut self.sim
    }

    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// The number of the run shown: it changes whenever a scenario is (re)loaded.
    pub fn runs(&self) -> u64 {
        self.runs
    }

    /// Changes so far (see the field): equal numbers mean an identical run and scenario.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether the run advances with the frames.
    pub fn playing(&self) -> bool {
        self.playing
    }

    /// Plays or pauses the run (a change the panels show, so it moves the revision).
    pub fn set_playing(&mut self, playing: bool) {
        if self.playing != playing {
            self.playing = playing;
            self.revision += 1;
        }
    }

    /// Simulated seconds per wall-clock second asked for.
    pub fn speed(&self) -> f64 {
        self.speed
    }

    /// Simulated seconds per wall-clock second reached over the last frames (smoothed).
    pub fn achieved_speed(&self) -> f64 {
        self.achieved_speed
    }

    /// Simulated seconds of the run of `s`: the lab's clock once the edit reached it, 0 until
    /// then (the clock running now is another scenario's run).
    pub fn clock_for(&self, s: &Scenario) -> f64 {
        if &self.scenario == s {
            to_secs(self.sim.now())
        } else {
            0.0
        }
    }

    /// Replaces the scenario (an edit, a loaded link) and restarts the run from time zero.
    pub fn load(&mut self, scenario: Scenario) -> Result<(), Vec<Diagnostic>> {
        self.sim = Sim::new(&scenario, scenario.seed)?;
        self.set_speed(scenario.run.speed);
        self.scenario = scenario;
        self.runs += 1;
        self.revision += 1;
        Ok(())
    }

    /// Follows an edit of the scenario. A change that only moves things on the canvas (positions,
    /// region rectangles, the name) keeps the run going; anything else restarts it from zero.
    pub fn sync(&mut self, scenario: &Scenario) -> Result<(), Vec<Diagnostic>> {
        if &self.scenario == scenario {
            return Ok(());
        }
        if same_run(&self.scenario, scenario) {
            self.scenario = scenario.clone();
            self.revision += 1;
            return Ok(());
        }
        self.load(scenario.clone())
    }

    /// Changes the traffic from now on without restarting (the rate slider, the pattern), and
    /// keeps this lab's copy of the scenario in step so a later `sync` sees no difference.
    pub fn set_traffic(&mut self, traffic: Traffic) {
        self.sim.set_traffic(&traffic);
        self.scenario.traffic = traffic;
        self.revision += 1;
    }

    /// Rolls `d` out in the running lab at the engine's current time, without a restart, and
    /// records it (at that time, last in the list) in this lab's copy of the scenario: the
    /// edited scenario then gets the same deployment, so the following `sync` sees no
    /// difference, and a shared link replays it at the same time (`Sim::deploy`). Returns the
    /// deployment as recorded; a refusal (the first problem, from validation or the engine)
    /// changes nothing.
    pub fn deploy_now(&mut self, mut d: Deployment) -> Result<Deployment, Diagnostic> {
        d.at_s = to_secs(self.sim.now());
        let mut next = self.scenario.clone();
        next.deployments.push(d.clone());
        if let Some(problem) = validate(&next).into_iter().next() {
            return Err(problem);
        }
        self.sim.deploy(&d)?;
        self.scenario = next;
        self.revision += 1;
        Ok(d)
    }

    /// Changes the simulation speed (simulated seconds per real second), clamped to 0.1..=100.
    pub fn set_speed(&mut self, speed: f64) {
        let speed = if speed.is_finite() { speed.clamp(MIN_SPEED, MAX_SPEED) } else { 1.0 };
        self.speed = speed;
        self.achieved_speed = speed;
        self.scenario.run.speed = speed;
        self.revision += 1;
    }

    /// Restarts the current scenario from time zero with its seed.
    pub fn reset(&mut self) {
        if let Ok(sim) = Sim::new(&self.scenario, self.scenario.seed) {
            self.sim = sim;
            self.revision += 1;
        }
    }

    /// Advances by one step of `dt` simulated time, whatever it costs (the Step button).
    pub fn step(&mut self, dt: Time) {
        let t = self.sim.now() + dt;
        self.sim.advance_to(t);
        self.revision += 1;
    }

    /// Advances the engine for one animation frame of `wall_ms` milliseconds, within the
    /// frame's event budget (`FRAME_EVENT_BUDGET`), stopping earlier when `out_of_time()` says
    /// the frame's time is spent.
    pub fn frame(&mut self, wall_ms: f64, out_of_time: &mut dyn FnMut() -> bool) -> FrameReport {
        self.frame_within(wall_ms, FRAME_EVENT_BUDGET, out_of_time)
    }

    /// [`Runtime::frame`] with the event budget passed in: at most `max_events` events, and
    /// `out_of_time()` asked every `CHUNK` events as the outer guard.
    pub fn frame_within(
        &mut self,
        wall_ms: f64,
        max_events: u64,
        out_of_time: &mut dyn FnMut() -> bool,
    ) -> FrameReport {
        if !self.playing {
            return FrameReport::default();
        }
        self.revision += 1;
        let wall_ms = wall_ms.clamp(0.0, MAX_FRAME_MS);
        let start = self.sim.now();
        let target = start + secs(wall_ms / 1000.0 * self.speed);
        let mut report = FrameReport::default();
        loop {
            // `advance` stops short of its event cap only at `target`, so this loop ends.
            let n = self.sim.advance(target, (max_events - report.events).min(CHUNK));
            report.events += n;
            if self.sim.now() >= target {
                break;
            }
            if report.events >= max_events || out_of_time() {
                report.behind = true;
                break;
            }
        }
        if wall_ms > 0.0 {
            let reached = (self.sim.now() - start) as f64 / 1e6 / wall_ms;
            self.achieved_speed = 0.8 * self.achieved_speed + 0.2 * reached;
        }
        report
    }
}
