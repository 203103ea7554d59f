//! The Curve tab (issue 21): sweep the design over a range of offered loads in Web Workers,
//! draw served requests and latency against offered load with the knee marked, show any
//! point's numbers and limit, run the live lab at a point's load, and pin a curve to compare
//! a changed design with.
//!
//! The sweep runs beside the live lab, never in it: each point is a separate `Sim` in a worker
//! (`ui::platform::sweep_pool`), so the live run keeps running, undisturbed, while the page
//! answers clicks. Its state lives in [`use_curve`], which the root holds (`app.rs`), so a sweep
//! keeps going while another tab shows (selecting a component opens the inspector).
//! `state.rs` is the reducer, `plot.rs` the charts, `readout.rs` a point's numbers,
//! `compare.rs` the table against the pinned curve, `link.rs` the pinned curve in share links.

mod compare;
mod link;
mod plot;
mod readout;
pub mod state;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{describe_diagnostic, format_rate, t, tf, Key, Lang};
use crate::model::{validate, Pattern, Scenario};
use crate::sweep::message::SweepJob;
use crate::sweep::{capacity_rps, rates_between, DEFAULT_POINTS, DEFAULT_SECONDS, DEFAULT_WARMUP_S};
use crate::ui::platform::sweep_pool::{PoolEvent, SweepPool};
use crate::ui::state::lab::Lab;
use crate::ui::state::{Action, EditorHandle};
use state::{Curve, CurveAction, CurveState, Stop};

/// The range a sweep covers, as the form holds it: percentages of the estimated capacity.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    pub from_pct: f64,
    pub to_pct: f64,
    pub points: usize,
}

impl Default for Range {
    fn default() -> Self {
        Range { from_pct: 10.0, to_pct: 150.0, points: DEFAULT_POINTS }
    }
}

impl Range {
    fn is_valid(self) -> bool {
        (1.0..=1000.0).contains(&self.from_pct)
            && (1.0..=1000.0).contains(&self.to_pct)
            && self.to_pct > self.from_pct
            && (2..=40).contains(&self.points)
    }
}

/// The tab's state, kept by the root so a sweep outlives a change of tab.
#[derive(Clone)]
pub struct CurveHandle {
    pub state: UseReducerHandle<CurveState>,
    range: UseStateHandle<Range>,
    pool: Rc<RefCell<Option<SweepPool>>>,
    runs: Rc<Cell<u64>>,
}

// The pool holds workers, which have no equality: the handle compares by what it shows.
impl PartialEq for CurveHandle {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state && self.range == other.range
    }
}

/// The tab's state; `extra` is the share menu's slot for the pinned curve's link part.
#[hook]
pub fn use_curve(extra: &link::Extra) -> CurveHandle {
    let state = use_reducer(CurveState::default);
    link::use_share_pinned(&state, extra);
    link::use_linked_curve(&state);
    let range = use_state(Range::default);
    let pool = use_mut_ref(|| None::<SweepPool>);
    let runs = use_memo((), |_| Cell::new(0u64));
    {
        // A finished, failed or cancelled sweep lets its workers go. Here, after the render,
        // not in a worker's own message handler, which must not drop itself.
        let pool = pool.clone();
        use_effect_with((state.running, state.run), move |&(running, _)| {
            if !running {
                pool.borrow_mut().take();
            }
        });
    }
    CurveHandle { state, range, pool, runs }
}

impl CurveHandle {
    /// Sweeps `scenario` over the form's range; a design with a problem is refused at once
    /// with that problem, in words.
    fn start(&self, scenario: &Scenario) {
        if let Some(d) = validate(scenario).into_iter().next() {
            self.state.dispatch(CurveAction::Refuse(d));
            return;
        }
        let r = *self.range;
        let rates = rates_between(scenario, r.from_pct / 100.0, r.to_pct / 100.0, r.points);
        let jobs: Vec<String> =
            SweepJob::for_sweep(scenario, &rates, DEFAULT_WARMUP_S, DEFAULT_SECONDS, scenario.seed)
                .iter()
                .map(SweepJob::to_json)
                .collect();
        let run = self.state.run.max(self.runs.get()) + 1;
        self.runs.set(run);
        let curve = Curve {
            title: scenario.name.clone(),
            scenario: Rc::new(scenario.clone()),
            points: Vec::new(),
            total: jobs.len(),
        };
        self.state.dispatch(CurveAction::Start { run, curve });
        let dispatch = self.state.dispatcher();
        let on_event = Callback::from(move |e: PoolEvent| match e {
            PoolEvent::Point(point) => dispatch.dispatch(CurveAction::Point { run, point }),
            PoolEvent::Failed(problem) => {
                dispatch.dispatch(CurveAction::Failed { run, problem: Some(problem) })
            }
            PoolEvent::NoWorker => dispatch.dispatch(CurveAction::Failed { run, problem: None }),
        });
        match SweepPool::start(jobs, on_event) {
            Ok(pool) => *self.pool.borrow_mut() = Some(pool),
            Err(_) => self.state.dispatch(CurveAction::Failed { run, problem: None }),
        }
    }

    fn cancel(&self) {
        self.pool.borrow_mut().take();
        self.state.dispatch(CurveAction::Cancel);
    }
}

/// Runs the live lab at `offered` req/s, steady (the traffic a sweep point measured), from the
/// start. The rate is a run setting like the toolbar's slider: saved and shared with the
/// scenario, outside the design's undo history.
fn run_at(lab: &Lab, editor: &EditorHandle, offered: f64) {
    let traffic = {
        let mut rt = lab.runtime.borrow_mut();
        let mut tr = rt.scenario().traffic.clone();
        tr.rate_rps = offered;
        tr.pattern = Pattern::Steady;
        rt.set_traffic(tr.clone());
        rt.reset();
        rt.set_playing(true);
        tr
    };
    editor.dispatch(Action::SetTraffic(traffic));
}

fn number_field(label: String, testid: &'static str, value: f64, on: Callback<f64>) -> Html {
    let onchange = Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        if let Ok(v) = input.value().trim().parse::<f64>() {
            on.emit(v);
        }
    });
    html! { <label class="field">{ label }
        <input type="number" step="any" inputmode="decimal" data-testid={testid} value={value.to_string()} {onchange} />
    </label> }
}

/// The tab's body.
pub fn curve_panel(lang: Lang, h: &CurveHandle, editor: &EditorHandle, lab: &Lab) -> Html {
    let s = &*h.state;
    let r = *h.range;
    let scenario = editor.scenario();
    let capacity = capacity_rps(scenario);
    let set = |f: fn(&mut Range, f64)| {
        let range = h.range.clone();
        Callback::from(move |v: f64| {
            let mut next = *range;
            f(&mut next, v);
            range.set(next);
        })
    };
    let on_sweep = {
        let (h, scenario) = (h.clone(), scenario.clone());
        Callback::from(move |_| h.start(&scenario))
    };
    let on_cancel = {
        let h = h.clone();
        Callback::from(move |_| h.cancel())
    };
    let dispatch = |a: fn() -> CurveAction| {
        let state = h.state.clone();
        Callback::from(move |_| state.dispatch(a()))
    };
    let on_show = {
        let state = h.state.clone();
        Callback::from(move |p| state.dispatch(CurveAction::Show(p)))
    };
    let on_pick = {
        let (lab, editor) = (lab.clone(), editor.clone());
        Callback::from(move |offered: f64| run_at(&lab, &editor, offered))
    };
    let done = s.current.as_ref().map_or(0, |c| c.points.len());
    let total = s.current.as_ref().map_or(r.points, |c| c.total);
    let status = match &s.stop {
        Some(Stop::Cancelled) => Some(t(lang, Key::CurveCancelled).to_string()),
        Some(Stop::Invalid(d)) => Some(tf(lang, Key::CurveInvalid, &[&describe_diagnostic(lang, d)])),
        Some(Stop::Failed(p)) => {
            Some(tf(lang, Key::CurveFailed, &[p.as_deref().unwrap_or(t(lang, Key::CurveNoWorker))]))
        }
        None => None,
    };
    let valid = r.is_valid();
    let can_pin = !s.running && s.current.as_ref().is_some_and(|c| !c.points.is_empty());
    let plot = plot::Plot {
        lang,
        current: s.current.as_ref(),
        pinned: s.pinned.as_ref(),
        shown: s.shown,
        on_show,
        on_pick: on_pick.clone(),
    };
    let knee_line = s.current.as_ref().filter(|c| c.done()).map(|c| match c.knee() {
        Some(k) => tf(lang, Key::CurveKnee, &[&format_rate(k)]),
        None => t(lang, Key::CurveNoKnee).to_string(),
    });
    // The engine events of the current curve's points and the workers' summed compute time for
    // them (ms, each worker's own clock), for tests/e2e/sweep_bench.mjs.
    let points = s.current.as_ref().map_or(&[][..], |c| &c.points[..]);
    let events: u64 = points.iter().map(|p| p.events).sum();
    let compute_ms: f64 = points.iter().filter_map(|p| p.compute_ms).sum();
    html! { <section class="curve" data-testid="curve-panel" data-events={events.to_string()}
        data-compute-ms={compute_ms.to_string()}>
        <p class="quiet">{ t(lang, Key::CurveHelp) }</p>
        <p data-testid="curve-capacity">{ match capacity {
            Some(c) => tf(lang, Key::CurveCapacity, &[&format_rate(c)]),
            None => t(lang, Key::CurveNoCapacity).to_string(),
        } }</p>
        <div class="curve-range">
            { number_field(t(lang, Key::CurveFrom).into(), "curve-from", r.from_pct, set(|r, v| r.from_pct = v)) }
            { number_field(t(lang, Key::CurveTo).into(), "curve-to", r.to_pct, set(|r, v| r.to_pct = v)) }
            { number_field(t(lang, Key::CurvePoints).into(), "curve-points", r.points as f64,
                set(|r, v| r.points = if v.is_finite() && v >= 0.0 { v.round() as usize } else { 0 })) }
        </div>
        if !valid { <p class="field-error" role="alert">{ t(lang, Key::CurveBadRange) }</p> }
        <div class="curve-actions">
            if s.running {
                <button data-testid="curve-cancel" onclick={on_cancel}>{ t(lang, Key::CurveCancel) }</button>
            } else {
                <button class="primary" data-testid="curve-sweep" disabled={!valid} onclick={on_sweep}>{ t(lang, Key::CurveSweep) }</button>
            }
            if can_pin {
                <button data-testid="curve-pin" onclick={dispatch(|| CurveAction::Pin)}>{ t(lang, Key::CurvePin) }</button>
            }
            if s.pinned.is_some() {
                <button data-testid="curve-unpin" onclick={dispatch(|| CurveAction::Unpin)}>{ t(lang, Key::CurveUnpin) }</button>
            }
        </div>
        if s.running {
            <div class="curve-progress">
                <progress data-testid="curve-progress" max={total.to_string()} value={done.to_string()}
                    aria-label={t(lang, Key::CurveSweep)}></progress>
                <span>{ tf(lang, Key::CurveProgress, &[&done.to_string(), &total.to_string()]) }</span>
            </div>
        }
        if let Some(status) = status { <p class="curve-status" role="status" data-testid="curve-status">{ status }</p> }
        if let Some(l) = &s.link { <p class="curve-status" role="status" data-testid="curve-link">{ link::link_notice(lang, l) }</p> }
        if s.pinned.is_some() && s.current.is_none() {
            <p class="quiet" data-testid="curve-sweep-to-compare">{ t(lang, Key::CurveSweepToCompare) }</p>
        }
        if s.current.is_some() || s.pinned.is_some() {
            { plot::charts(&plot) }
            if let Some(k) = knee_line { <p data-testid="curve-knee-line">{ k }</p> }
            { readout::readout(lang, s.current.as_ref(), s.pinned.as_ref(), s.shown, &on_pick) }
            { compare::compare(lang, &h.state) }
        }
    </section> }
}
