//! The right-hand readings of the run: the bottleneck callout and the selected component's
//! numbers. Both come from one observation of the last seconds, taken a few times a second.

use std::cell::RefCell;
use std::collections::VecDeque;

use yew::prelude::*;

use super::callout::callout;
use super::detail::detail;
use crate::analysis::{diagnose, observe, Cumulative, Diagnosis, Observation};
use crate::engine::{secs, Time};
use crate::ui::state::lab::Lab;

/// Seconds of simulated time the utilisation and queue growth are read over.
pub const WINDOW_S: usize = 5;
/// The latency shares cover roughly this much recent simulated time.
const SHARE_WINDOW_S: f64 = 10.0;

/// What the panels show, computed once per refresh.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub observation: Observation,
    pub diagnosis: Diagnosis,
    /// Simulated seconds measured so far (zero before the first complete second).
    pub seconds: usize,
}

/// Totals at earlier instants, so latency shares describe the recent past. The side panel holds
/// it (`use_mut_ref`) and empties it while the readings are not shown.
pub type History = VecDeque<(Time, Cumulative)>;

/// The readings: a plain function of the side panel, not a component. `selected` is the index
/// of the selected component, if exactly one is selected.
pub fn insights(
    lab: &Lab,
    history: &RefCell<History>,
    selected: Option<usize>,
    on_select: &Callback<usize>,
) -> Html {
    let reading = {
        let rt = lab.runtime.borrow();
        let sim = rt.sim();
        let now = sim.now();
        let metrics = sim.metrics();
        let mut h = history.borrow_mut();
        if h.back().is_some_and(|(t, _)| *t > now) {
            h.clear(); // the run restarted
        }
        if h.back().is_none_or(|(t, _)| *t < now) {
            h.push_back((now, Cumulative::of(metrics)));
        }
        while h.len() > 2 && h[1].0 + secs(SHARE_WINDOW_S) <= now {
            h.pop_front();
        }
        let earlier = h.front().filter(|(t, _)| *t < now).map(|(_, c)| c);
        let observation = observe(rt.scenario(), &sim.snapshot(), metrics, WINDOW_S, earlier);
        let diagnosis = diagnose(rt.scenario(), &observation);
        Reading { observation, diagnosis, seconds: metrics.series.len() }
    };
    let rt = lab.runtime.borrow();
    html! {
        <div class="insights">
            { callout(lab.lang, &reading, on_select) }
            { detail(lab.lang, &rt, &reading, selected) }
        </div>
    }
}
