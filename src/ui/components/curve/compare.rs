//! The comparison under the charts once a curve is pinned: for each curve its capacity (the
//! most it served), its knee, and its p95 at one load the student picks (by default the pinned
//! curve's knee, where the difference a change makes is easiest to see).

use yew::prelude::*;

use super::state::{Curve, CurveAction, CurveState};
use crate::i18n::{format_ms, format_rate, t, tf, Key, Lang};
use crate::ui::platform::notice::scenario_name;

pub fn compare(lang: Lang, state: &UseReducerHandle<CurveState>) -> Html {
    let Some(pinned) = state.pinned.as_ref() else { return html! {} };
    let load = state
        .load
        .or_else(|| pinned.knee())
        .or_else(|| pinned.points.get(pinned.points.len() / 2).map(|p| p.offered_rps));
    let load = load.unwrap_or(0.0);
    let row = |label: String, c: Option<&Curve>, id: &'static str| {
        let cell = |v: Option<String>| v.unwrap_or_else(|| "–".into());
        html! { <tr data-testid={id}>
            <th scope="row">{ label }</th>
            <td>{ cell(c.and_then(Curve::capacity).map(|v| format_rate(v) + " req/s")) }</td>
            <td>{ cell(c.and_then(Curve::knee).map(|v| format_rate(v) + " req/s")) }</td>
            <td>{ cell(c.and_then(|c| c.p95_at(load)).map(|v| format_ms(v) + " ms")) }</td>
        </tr> }
    };
    let on_load = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Ok(v) = input.value().trim().parse::<f64>() {
                if v.is_finite() && v > 0.0 {
                    state.dispatch(CurveAction::SetLoad(v));
                }
            }
        })
    };
    html! { <div class="curve-compare">
        <label class="field">{ t(lang, Key::CurveCompareLoad) }
            <input type="number" min="0" step="any" data-testid="curve-compare-load"
                value={format!("{:.0}", load)} onchange={on_load} />
        </label>
        <table data-testid="curve-compare">
            <thead><tr>
                <th scope="col">{ t(lang, Key::CurveDesign) }</th>
                <th scope="col">{ t(lang, Key::CurveMaxServed) }</th>
                <th scope="col">{ t(lang, Key::CurveKneeCol) }</th>
                <th scope="col">{ tf(lang, Key::CurveP95At, &[&format_rate(load)]) }</th>
            </tr></thead>
            <tbody>
                { row(tf(lang, Key::CurvePinnedLabel, &[&scenario_name(lang, &pinned.title)]), Some(pinned), "curve-compare-pinned") }
                { row(t(lang, Key::CurveCurrent).to_string(), state.current.as_ref(), "curve-compare-current") }
            </tbody>
        </table>
    </div> }
}
