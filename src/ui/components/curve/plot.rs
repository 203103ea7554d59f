//! The two charts of the Curve tab, as SVG: served (and good) requests against offered load,
//! and p50/p95/p99 against offered load with the knee marked. Yew renders them when a point
//! arrives or the pointer moves to another point (a few times per sweep, never per frame), and
//! SVG gives each point an element to point at, tap and click, which a canvas would not.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::state::{Curve, Which};
use crate::i18n::{format_rate, t, tf, Key, Lang};
use crate::sweep::message::CurvePoint;
use crate::ui::platform::math::{log10, pow};
use crate::ui::platform::notice::scenario_name;

/// The drawing's own units (the SVG scales to the panel's width, text with it).
const W: f64 = 340.0;
const H: f64 = 170.0;
const LEFT: f64 = 46.0;
const RIGHT: f64 = 10.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 28.0;

/// What the charts are asked to draw.
pub struct Plot<'a> {
    pub lang: Lang,
    pub current: Option<&'a Curve>,
    pub pinned: Option<&'a Curve>,
    pub shown: Option<(Which, usize)>,
    pub on_show: Callback<Option<(Which, usize)>>,
    /// A point was clicked: run the live lab at this offered load.
    pub on_pick: Callback<f64>,
}

/// Offered load on a linear axis from 0; the measure on a linear axis from 0 (served
/// requests) or a logarithmic one (latency, which spans milliseconds at low load to seconds
/// past the wall: on a linear axis the knee would be lost in the flat part).
#[derive(Clone, Copy)]
struct Scale {
    max_x: f64,
    max_y: f64,
    /// `Some(lowest)`: logarithmic from `lowest` to `max_y`, both powers of ten.
    log_from: Option<f64>,
}

impl Scale {
    fn x(self, v: f64) -> f64 {
        LEFT + (W - LEFT - RIGHT) * (v / self.max_x).clamp(0.0, 1.0)
    }
    fn y(self, v: f64) -> f64 {
        let f = match self.log_from {
            Some(lo) => log10(v.max(lo) / lo) / log10(self.max_y / lo),
            None => v / self.max_y,
        };
        H - BOTTOM - (H - TOP - BOTTOM) * f.clamp(0.0, 1.0)
    }
    /// The measure's tick values.
    fn y_ticks(self) -> Vec<f64> {
        match self.log_from {
            Some(lo) => std::iter::successors(Some(lo), |v| Some(v * 10.0))
                .take_while(|v| *v <= self.max_y * 1.001)
                .collect(),
            None => vec![0.0, self.max_y / 2.0, self.max_y],
        }
    }
}

/// Powers of ten around the latencies drawn: below the smallest p50, above the largest p99.
fn log_range(lo: f64, hi: f64) -> (f64, f64) {
    let lo = if lo.is_finite() && lo > 0.0 { pow(10.0, log10(lo).floor()) } else { 1.0 };
    let hi = if hi.is_finite() && hi > lo { pow(10.0, log10(hi).ceil()) } else { lo * 10.0 };
    (lo, hi.max(lo * 10.0))
}

/// A round number at or above `v` (1, 2 or 5 times a power of ten), for an axis's top.
fn nice(v: f64) -> f64 {
    if !(v.is_finite() && v > 0.0) {
        return 1.0;
    }
    let p = pow(10.0, log10(v).floor());
    [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * p).find(|&n| n >= v).unwrap_or(10.0 * p)
}

fn curves<'a>(p: &Plot<'a>) -> Vec<(Which, &'a Curve)> {
    let mut out = Vec::new();
    if let Some(c) = p.pinned {
        out.push((Which::Pinned, c));
    }
    if let Some(c) = p.current {
        out.push((Which::Current, c));
    }
    out
}

fn path(points: &[CurvePoint], s: Scale, y: impl Fn(&CurvePoint) -> f64) -> String {
    let mut d = String::new();
    for (i, p) in points.iter().enumerate() {
        let cmd = if i == 0 { 'M' } else { 'L' };
        d.push_str(&format!("{cmd}{:.1} {:.1} ", s.x(p.offered_rps), s.y(y(p))));
    }
    d
}

fn axes(s: Scale, y_label: String) -> Html {
    let x0 = LEFT;
    let y0 = H - BOTTOM;
    let ticks = [0.0, 0.5, 1.0];
    html! { <g class="curve-axes">
        <line x1={x0.to_string()} y1={TOP.to_string()} x2={x0.to_string()} y2={y0.to_string()} />
        <line x1={x0.to_string()} y1={y0.to_string()} x2={(W - RIGHT).to_string()} y2={y0.to_string()} />
        { for s.y_ticks().into_iter().map(|v| html! {
            <text class="tick" x={(x0 - 4.0).to_string()} y={(s.y(v) + 3.0).to_string()} text-anchor="end">{ y_tick(v) }</text>
        }) }
        { for ticks.iter().map(|f| {
            let v = s.max_x * f;
            let anchor = if *f == 0.0 { "start" } else if *f == 1.0 { "end" } else { "middle" };
            html! { <text class="tick" x={s.x(v).to_string()} y={(y0 + 12.0).to_string()} text-anchor={anchor}>{ format_rate(v) }</text> }
        }) }
        <text class="axis-label" x={(W - RIGHT).to_string()} y={(H - 3.0).to_string()} text-anchor="end">{ y_label }</text>
    </g> }
}

fn y_tick(v: f64) -> String {
    if v == 0.0 {
        "0".into()
    } else if v >= 100.0 {
        format_rate(v)
    } else if v >= 1.0 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

/// The points of one series as circles: each shows its numbers when pointed at and runs the
/// live lab at its load when clicked. A wider transparent ring takes the touch.
fn dots(p: &Plot, which: Which, c: &Curve, s: Scale, y: impl Fn(&CurvePoint) -> f64, class: Classes) -> Html {
    html! { <g class={class}>
        { for c.points.iter().enumerate().map(|(i, pt)| {
            let (cx, cy) = (s.x(pt.offered_rps), s.y(y(pt)));
            let shown = p.shown == Some((which, i));
            let (on_show, on_show2, on_pick) = (p.on_show.clone(), p.on_show.clone(), p.on_pick.clone());
            let offered = pt.offered_rps;
            let testid = match which { Which::Current => "curve-point", Which::Pinned => "curve-point-pinned" };
            html! { <g class={classes!("dot", shown.then_some("shown"))} data-testid={testid} data-offered={offered.to_string()}
                onpointerenter={Callback::from(move |e: PointerEvent| if e.pointer_type() == "mouse" { on_show.emit(Some((which, i))) })}
                onclick={Callback::from(move |e: MouseEvent| {
                    // A touch shows the numbers first (there is no hover); a second tap, or
                    // a mouse click, runs the lab at this load.
                    let touch = e.dyn_ref::<PointerEvent>().is_some_and(|p| p.pointer_type() != "mouse");
                    if touch && !shown {
                        on_show2.emit(Some((which, i)));
                    } else {
                        on_pick.emit(offered);
                    }
                })}>
                <circle class="hit" cx={cx.to_string()} cy={cy.to_string()} r="10" />
                <circle cx={cx.to_string()} cy={cy.to_string()} r={if shown { "4.5" } else { "3" }} />
            </g> }
        }) }
    </g> }
}

fn knee_mark(lang: Lang, knee: Option<f64>, s: Scale, class: Classes, row: f64) -> Html {
    let Some(k) = knee else { return html! {} };
    let x = s.x(k);
    let anchor = if x > W * 0.6 { "end" } else { "start" };
    let tx = if anchor == "end" { x - 3.0 } else { x + 3.0 };
    html! { <g class={class} data-testid="curve-knee">
        <line x1={x.to_string()} y1={TOP.to_string()} x2={x.to_string()} y2={(H - BOTTOM).to_string()} />
        <text x={tx.to_string()} y={(TOP + 9.0 + row * 11.0).to_string()} text-anchor={anchor}>{ tf(lang, Key::CurveKnee, &[&format_rate(k)]) }</text>
    </g> }
}

/// Both charts, with the legend.
pub fn charts(p: &Plot) -> Html {
    let all = curves(p);
    let pts = || all.iter().flat_map(|(_, c)| c.points.iter());
    let max_x = nice(pts().map(|q| q.offered_rps).fold(0.0, f64::max) * 1.02);
    let max_served = nice(pts().map(|q| q.throughput_rps.max(q.offered_rps)).fold(0.0, f64::max));
    let min_ms = pts().map(|q| q.latency_ms.p50).filter(|v| *v > 0.0).fold(f64::INFINITY, f64::min);
    let (lo_ms, hi_ms) = log_range(min_ms, pts().map(|q| q.latency_ms.p99).fold(0.0, f64::max));
    let served = Scale { max_x, max_y: max_served, log_from: None };
    let latency = Scale { max_x, max_y: hi_ms, log_from: Some(lo_ms) };
    let lang = p.lang;
    let class = series;
    let vb = format!("0 0 {W} {H}");
    html! { <div class="curve-charts">
        { legend(p) }
        <figure>
            <figcaption>{ t(lang, Key::CurveThroughputTitle) }</figcaption>
            <svg viewBox={vb.clone()} class="curve-chart" data-testid="curve-served" role="img" aria-label={t(lang, Key::CurveThroughputTitle)}>
                { axes(served, t(lang, Key::CurveServed).to_string() + " / " + t(lang, Key::CurveGood)) }
                { for all.iter().map(|&(w, c)| html! { <>
                    <path class={class(w, "good")} d={path(&c.points, served, |q| q.goodput_rps)} />
                    <path class={class(w, "tp")} d={path(&c.points, served, |q| q.throughput_rps)} />
                    { dots(p, w, c, served, |q| q.throughput_rps, class(w, "tp")) }
                </> }) }
            </svg>
        </figure>
        <figure>
            <figcaption>{ t(lang, Key::CurveLatencyTitle) }</figcaption>
            <svg viewBox={vb} class="curve-chart" data-testid="curve-latency" role="img" aria-label={t(lang, Key::CurveLatencyTitle)}>
                { axes(latency, "p50 · p95 · p99".to_string()) }
                { for all.iter().map(|&(w, c)| html! { <>
                    <path class={class(w, "p50")} d={path(&c.points, latency, |q| q.latency_ms.p50)} />
                    <path class={class(w, "p99")} d={path(&c.points, latency, |q| q.latency_ms.p99)} />
                    <path class={class(w, "p95")} d={path(&c.points, latency, |q| q.latency_ms.p95)} />
                    { knee_mark(lang, c.knee(), latency, classes!("knee", (w == Which::Pinned).then_some("pinned")), if w == Which::Pinned { 1.0 } else { 0.0 }) }
                    { dots(p, w, c, latency, |q| q.latency_ms.p95, class(w, "p95")) }
                </> }) }
            </svg>
        </figure>
    </div> }
}

/// A series' classes: its measure, and `pinned` for the pinned curve (drawn paler, dashed).
fn series(w: Which, base: &'static str) -> Classes {
    classes!("series", base, (w == Which::Pinned).then_some("pinned"))
}

fn legend(p: &Plot) -> Html {
    let lang = p.lang;
    html! { <ul class="curve-legend" data-testid="curve-legend">
        if p.current.is_some() {
            <li class="current" data-testid="curve-label-current">{ t(lang, Key::CurveCurrent) }</li>
        }
        if let Some(c) = p.pinned {
            <li class="pinned" data-testid="curve-label-pinned">{ tf(lang, Key::CurvePinnedLabel, &[&scenario_name(lang, &c.title)]) }</li>
        }
    </ul> }
}
