//! The right-hand readings of the run: the bottleneck callout and the selected component's
//! numbers. Both come from one observation of the last seconds, taken a few times a second.

use std::collections::VecDeque;

use yew::prelude::*;

use super::callout::callout;
use super::detail::detail;
use super::shared::Shared;
use crate::analysis::{diagnose, observe, Cumulative, Observation, Verdict};
use crate::engine::{secs, Time};

/// Seconds of simulated time the utilisation and queue growth are read over.
pub const WINDOW_S: usize = 5;
/// The latency shares cover roughly this much recent simulated time.
const SHARE_WINDOW_S: f64 = 10.0;

#[derive(Properties, PartialEq)]
pub struct InsightsProps {
    /// Index of the selected component, if exactly one is selected.
    pub selected: Option<usize>,
    pub on_select: Callback<usize>,
}

/// What the panels show, computed once per refresh.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub observation: Observation,
    pub verdict: Verdict,
    /// Simulated seconds measured so far (zero before the first complete second).
    pub seconds: usize,
}

#[component]
pub fn Insights(props: &InsightsProps) -> Html {
    let shared = use_context::<Shared>().expect("inside the app");
    // Totals at earlier instants, so latency shares describe the recent past.
    let history = use_mut_ref(VecDeque::<(Time, Cumulative)>::new);
    let reading = {
        let rt = shared.runtime.borrow();
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
        let verdict = diagnose(rt.scenario(), &observation);
        Reading { observation, verdict, seconds: metrics.series.len() }
    };
    let rt = shared.runtime.borrow();
    html! {
        <div class="insights">
            { callout(shared.lang, &reading, &props.on_select) }
            { detail(shared.lang, &rt, &reading, props.selected) }
        </div>
    }
}
