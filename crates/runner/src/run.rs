//! `archlab run`: the headless run, summarised and diagnosed over its measurement window.

use archlab_lab::analysis::{diagnose, observe, Diagnosis};
use archlab_lab::engine::{secs, Sim, Summary, NS_PER_S};
use archlab_lab::model::{Diagnostic, Scenario};

/// Runs `scenario` for `seconds` with `seed`, measuring after `warmup` seconds, and diagnoses
/// the whole seconds of the window with the callout's own function.
pub fn run(
    scenario: &Scenario,
    seconds: f64,
    seed: u64,
    warmup: f64,
) -> Result<(Summary, Diagnosis), Vec<Diagnostic>> {
    let mut sim = Sim::new(scenario, seed)?;
    let (start, end) = (secs(warmup), secs(seconds));
    sim.set_measure_from(start);
    sim.advance_to(end);
    let summary = Summary::of(&sim, scenario);
    let rows = (end / NS_PER_S).saturating_sub(start.div_ceil(NS_PER_S)).max(1) as usize;
    let mut obs = observe(scenario, &sim.snapshot(), sim.metrics(), rows, None);
    if summary.arrived > 0 && summary.attempts > 0 {
        obs.traffic.attempts_per_request = summary.attempts as f64 / summary.arrived as f64;
    }
    Ok((summary, diagnose(scenario, &obs)))
}
