//! `archlab sweep`: the lab's sweep points, run in parallel on the machine's cores.
//!
//! Every (point, seed) pair is a job: a pure call of `archlab_lab::sweep::sweep_point` with
//! the seed `point_seed(seed, point, rep)`. rayon spreads the jobs over its pool and
//! `collect` puts the results back in job order, so the output is the same bits whatever
//! the number of threads (`RAYON_NUM_THREADS`); `tests/sweep_threads.rs` checks 1 against 2.

mod args;
mod output;

pub use args::{parse, SweepArgs, USAGE};
pub use output::{table, to_json};

use archlab_lab::model::{Diagnostic, Scenario};
use archlab_lab::sweep::{point_seed, sweep_point, SweepPoint};
use rayon::prelude::*;

/// What to sweep: offered loads, and for each the warm-up, the measured seconds after it,
/// the sweep's seed and how many independent seeds.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub rates: Vec<f64>,
    pub warmup_s: f64,
    pub seconds: f64,
    pub seed: u64,
    pub seeds: usize,
}

/// Runs every point of `plan` over its seeds on rayon's current pool. The result has one
/// entry per rate, in the plan's order, each with its `seeds` runs in seed order.
pub fn run(scenario: &Scenario, plan: &Plan) -> Result<Vec<Vec<SweepPoint>>, Vec<Diagnostic>> {
    let k = plan.seeds.max(1);
    let jobs: Vec<(usize, usize)> = (0..plan.rates.len()).flat_map(|p| (0..k).map(move |r| (p, r))).collect();
    let runs: Vec<SweepPoint> = jobs
        .par_iter()
        .map(|&(p, r)| {
            let seed = point_seed(plan.seed, p, r);
            sweep_point(scenario, plan.rates[p], plan.warmup_s, plan.seconds, seed)
        })
        .collect::<Result<_, _>>()?;
    Ok(runs.chunks(k).map(<[SweepPoint]>::to_vec).collect())
}
