//! The running lab: one engine, driven by wall-clock frames at a chosen speed.
//!
//! This file holds no DOM code: the frame loop passes in the elapsed wall time and a deadline
//! check, so the pacing logic is testable natively. The engine gets a fixed slice of each
//! frame; when that is not enough for the chosen speed, the lab runs slower than asked and
//! says so (`achieved_speed`) instead of freezing the tab.

use crate::engine::{secs, Sim, Time};
use crate::model::{Diagnostic, Scenario};

/// Events processed between two checks of the frame deadline.
const CHUNK: u64 = 20_000;
/// Longest wall-clock gap one frame may account for (a background tab, a breakpoint).
const MAX_FRAME_MS: f64 = 100.0;

pub struct Runtime {
    scenario: Scenario,
    sim: Sim,
    pub playing: bool,
    /// Simulated seconds per wall-clock second.
    pub speed: f64,
    /// Speed actually reached over the last frames (smoothed).
    pub achieved_speed: f64,
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
        Ok(Runtime { scenario, sim, playing: false, speed, achieved_speed: speed })
    }

    pub fn sim(&self) -> &Sim {
        &self.sim
    }

    pub fn sim_mut(&mut self) -> &mut Sim {
        &mut self.sim
    }

    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// Replaces the scenario (an edit, a loaded link) and restarts the run from time zero.
    pub fn load(&mut self, scenario: Scenario) -> Result<(), Vec<Diagnostic>> {
        self.sim = Sim::new(&scenario, scenario.seed)?;
        self.scenario = scenario;
        Ok(())
    }

    /// Restarts the current scenario from time zero with its seed.
    pub fn reset(&mut self) {
        if let Ok(sim) = Sim::new(&self.scenario, self.scenario.seed) {
            self.sim = sim;
        }
    }

    /// Advances by one step of `dt` simulated time, whatever it costs (the Step button).
    pub fn step(&mut self, dt: Time) {
        let t = self.sim.now() + dt;
        self.sim.advance_to(t);
    }

    /// Advances the engine for one animation frame of `wall_ms` milliseconds, stopping early
    /// when `out_of_time()` says the frame's budget is spent.
    pub fn frame(&mut self, wall_ms: f64, out_of_time: &mut dyn FnMut() -> bool) -> FrameReport {
        if !self.playing {
            return FrameReport::default();
        }
        let wall_ms = wall_ms.clamp(0.0, MAX_FRAME_MS);
        let start = self.sim.now();
        let target = start + secs(wall_ms / 1000.0 * self.speed);
        let mut report = FrameReport::default();
        loop {
            let n = self.sim.advance(target, CHUNK);
            report.events += n;
            if self.sim.now() >= target {
                break;
            }
            if out_of_time() {
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
