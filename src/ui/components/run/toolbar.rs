//! The run controls: play/pause, step, reset, speed, traffic rate and pattern, seed.
//!
//! Rate and pattern apply live (`Runtime::set_traffic`) and are written back to the scenario
//! with an action that is not an undo step; the run keeps going. A new seed restarts the run.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement, KeyboardEvent};
use yew::prelude::*;

use crate::engine::ms;
use crate::i18n::{format_rate, t, tf, Key};
use crate::model::{Pattern, Traffic, LIMITS};
use crate::ui::platform::math::{log10, pow};
use crate::ui::state::lab::{use_lab, use_tick};
use crate::ui::state::runtime::{Runtime, MAX_SPEED, MIN_SPEED};
use crate::ui::state::Action;

/// What the Step button advances, in simulated milliseconds: one second, the granularity of
/// the charts and of the live numbers, so each step adds exactly one point.
pub const STEP_MS: f64 = 1000.0;

/// Slider positions (0..=1000) ↔ values on a log scale between `lo` and `hi`.
fn to_slider(v: f64, lo: f64, hi: f64) -> f64 {
    (log10(v.max(lo) / lo) / log10(hi / lo) * 1000.0).clamp(0.0, 1000.0)
}
fn from_slider(p: f64, lo: f64, hi: f64) -> f64 {
    lo * pow(hi / lo, p / 1000.0)
}
/// Rounds a slider value to two significant figures, so the slider gives round numbers.
fn round2(v: f64) -> f64 {
    let mag = pow(10.0, log10(v.abs()).floor() - 1.0);
    (v / mag).round() * mag
}

/// Parses "12,500" or "12500.5"; None unless it is a finite number.
pub fn parse_number(s: &str) -> Option<f64> {
    let clean: String = s.chars().filter(|c| !matches!(c, ',' | '_' | ' ')).collect();
    crate::editor::parse_decimal(&clean).ok()
}

fn toggle_play(rt: &Rc<RefCell<Runtime>>) {
    let mut rt = rt.borrow_mut();
    let playing = rt.playing();
    rt.set_playing(!playing);
}

#[component]
pub fn Toolbar() -> Html {
    let lab = use_lab();
    // Play state, speed reached and the rate are the run's: they follow the beat.
    use_tick();
    let dispatch = lab.editor.dispatcher();
    let lang = lab.lang;
    let update = use_force_update();
    let rate_draft = use_state(|| None::<String>);
    let rate_error = use_state(|| false);
    let param_error = use_state(|| false);
    let seed_error = use_state(|| false);
    // What the user is typing in a pattern or seed field (field id, text), kept until the entry
    // is committed: the panels re-render a few times a second and must not overwrite it.
    let draft = use_state(|| None::<(&'static str, String)>);
    let shown = |id: &'static str, committed: String| match &*draft {
        Some((d, text)) if *d == id => text.clone(),
        _ => committed,
    };
    let typing = |id: &'static str| {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            draft.set(Some((id, e.target_unchecked_into::<HtmlInputElement>().value())));
        })
    };

    // Space toggles play anywhere except where it types or presses (inputs, buttons).
    {
        let runtime = lab.runtime.clone();
        let update = update.clone();
        use_effect_with((), move |_| {
            let doc = gloo::utils::document();
            let opts = EventListenerOptions::enable_prevent_default();
            let l = EventListener::new_with_options(&doc, "keydown", opts, move |e| {
                let Some(e) = e.dyn_ref::<KeyboardEvent>() else { return };
                if e.key() != " " || e.repeat() || e.ctrl_key() || e.meta_key() || e.alt_key() {
                    return;
                }
                let typing = e.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()).is_some_and(|el| {
                    matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA" | "BUTTON")
                        || el.is_content_editable()
                });
                if typing {
                    return;
                }
                e.prevent_default();
                toggle_play(&runtime);
                update.force_update();
            });
            move || drop(l)
        });
    }

    let rt = lab.runtime.borrow();
    let traffic = rt.scenario().traffic.clone();
    let (playing, speed, achieved) = (rt.playing(), rt.speed(), rt.achieved_speed());
    let seed = rt.scenario().seed;
    drop(rt);

    let apply_traffic = {
        let runtime = lab.runtime.clone();
        let dispatch = dispatch.clone();
        Rc::new(move |tr: Traffic, commit: bool| {
            runtime.borrow_mut().set_traffic(tr.clone());
            if commit {
                dispatch.dispatch(Action::SetTraffic(tr));
            }
        })
    };
    let on_play = {
        let runtime = lab.runtime.clone();
        let update = update.clone();
        Callback::from(move |_| {
            toggle_play(&runtime);
            update.force_update();
        })
    };
    let on_step = {
        let runtime = lab.runtime.clone();
        Callback::from(move |_| runtime.borrow_mut().step(ms(STEP_MS)))
    };
    let on_reset = {
        let runtime = lab.runtime.clone();
        Callback::from(move |_| runtime.borrow_mut().reset())
    };
    let on_speed = {
        let runtime = lab.runtime.clone();
        let dispatch = dispatch.clone();
        let update = update.clone();
        Callback::from(move |e: InputEvent| {
            let el: HtmlInputElement = e.target_unchecked_into();
            let v = round2(from_slider(el.value_as_number(), MIN_SPEED, MAX_SPEED));
            runtime.borrow_mut().set_speed(v);
            dispatch.dispatch(Action::SetSpeed(runtime.borrow().speed()));
            update.force_update();
        })
    };
    let rate_slider = |commit: bool| {
        let apply = apply_traffic.clone();
        let traffic = traffic.clone();
        let rate_draft = rate_draft.clone();
        let rate_error = rate_error.clone();
        let update = update.clone();
        move |e: Event| {
            let el: HtmlInputElement = e.target_unchecked_into();
            let rate =
                round2(from_slider(el.value_as_number(), 1.0, LIMITS.rate_rps)).clamp(1.0, LIMITS.rate_rps);
            apply(Traffic { rate_rps: rate, ..traffic.clone() }, commit);
            rate_draft.set(None);
            rate_error.set(false);
            update.force_update();
        }
    };
    let on_rate_slide = {
        let f = rate_slider(false);
        Callback::from(move |e: InputEvent| f(e.into()))
    };
    let on_rate_release = Callback::from(rate_slider(true));
    let on_rate_typing = {
        let rate_draft = rate_draft.clone();
        Callback::from(move |e: InputEvent| {
            let el: HtmlInputElement = e.target_unchecked_into();
            rate_draft.set(Some(el.value()));
        })
    };
    let on_rate_commit = {
        let apply = apply_traffic.clone();
        let traffic = traffic.clone();
        let rate_draft = rate_draft.clone();
        let rate_error = rate_error.clone();
        Callback::from(move |e: Event| {
            let el: HtmlInputElement = e.target_unchecked_into();
            match parse_number(&el.value()).filter(|v| (1.0..=LIMITS.rate_rps).contains(v)) {
                Some(rate) => {
                    apply(Traffic { rate_rps: rate, ..traffic.clone() }, true);
                    rate_draft.set(None);
                    rate_error.set(false);
                }
                None => rate_error.set(true),
            }
        })
    };
    let on_pattern = {
        let apply = apply_traffic.clone();
        let traffic = traffic.clone();
        Callback::from(move |e: Event| {
            let el: HtmlSelectElement = e.target_unchecked_into();
            let pattern = match el.value().as_str() {
                "ramp" => {
                    Pattern::Ramp { to_rps: (traffic.rate_rps * 2.0).min(LIMITS.rate_rps), over_s: 60.0 }
                }
                "spike" => Pattern::Spike { at_s: 30.0, for_s: 10.0, factor: 5.0 },
                _ => Pattern::Steady,
            };
            apply(Traffic { pattern, ..traffic.clone() }, true);
        })
    };
    // One number field of the pattern: `set` writes the parsed value into the pattern.
    let param = |label: Key, value: f64, id: &'static str, set: fn(&mut Pattern, f64)| {
        let apply = apply_traffic.clone();
        let traffic = traffic.clone();
        let param_error = param_error.clone();
        let draft = draft.clone();
        let onchange = Callback::from(move |e: Event| {
            let el: HtmlInputElement = e.target_unchecked_into();
            match parse_number(&el.value())
                .filter(|v| *v > 0.0 && *v <= LIMITS.duration_s.max(LIMITS.rate_rps))
            {
                Some(v) => {
                    let mut tr = traffic.clone();
                    set(&mut tr.pattern, v);
                    apply(tr, true);
                    param_error.set(false);
                    draft.set(None);
                }
                None => param_error.set(true),
            }
        });
        html! {
            <label class="field">{ t(lang, label) }
                <input type="text" inputmode="decimal" class="num" data-testid={id}
                    value={shown(id, format_rate(value).replace(',', ""))} oninput={typing(id)} {onchange} />
            </label>
        }
    };
    let on_seed = {
        let dispatch = dispatch.clone();
        let seed_error = seed_error.clone();
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let el: HtmlInputElement = e.target_unchecked_into();
            match el.value().trim().parse::<u64>() {
                Ok(s) => {
                    seed_error.set(false);
                    draft.set(None);
                    dispatch.dispatch(Action::SetSeed(s));
                }
                Err(_) => seed_error.set(true),
            }
        })
    };

    let (pattern_value, pattern_fields) = match traffic.pattern {
        Pattern::Steady => ("steady", html! {}),
        Pattern::Ramp { to_rps, over_s } => (
            "ramp",
            html! { <>
                { param(Key::RampTo, to_rps, "ramp-to", |p, v| if let Pattern::Ramp { to_rps, .. } = p { *to_rps = v.min(LIMITS.rate_rps) }) }
                { param(Key::RampOver, over_s, "ramp-over", |p, v| if let Pattern::Ramp { over_s, .. } = p { *over_s = v }) }
            </> },
        ),
        Pattern::Spike { at_s, for_s, factor } => (
            "spike",
            html! { <>
                { param(Key::SpikeAt, at_s, "spike-at", |p, v| if let Pattern::Spike { at_s, .. } = p { *at_s = v }) }
                { param(Key::SpikeFor, for_s, "spike-for", |p, v| if let Pattern::Spike { for_s, .. } = p { *for_s = v }) }
                { param(Key::SpikeFactor, factor, "spike-factor", |p, v| if let Pattern::Spike { factor, .. } = p { *factor = v.min(1000.0) }) }
            </> },
        ),
    };
    let rate_text = (*rate_draft).clone().unwrap_or_else(|| format_rate(traffic.rate_rps).replace(',', ""));
    let behind = playing && achieved < speed * 0.9;
    let speed_text = format!("{speed:.*}×", if speed < 1.0 { 1 } else { 0 });

    html! {
        <div class="toolbar" role="toolbar">
            <button data-testid="play" class="primary" title={t(lang, Key::PlayHelp)} onclick={on_play}>
                { if playing { t(lang, Key::Pause) } else { t(lang, Key::Play) } }</button>
            <button data-testid="step" title={t(lang, Key::StepHelp)} onclick={on_step}>{ t(lang, Key::Step) }</button>
            <button data-testid="reset" onclick={on_reset}>{ t(lang, Key::Reset) }</button>
            <label class="field">{ t(lang, Key::Speed) }
                <input type="range" min="0" max="1000" step="1" data-testid="speed"
                    value={(to_slider(speed, MIN_SPEED, MAX_SPEED).round()).to_string()} oninput={on_speed} />
                <output data-testid="speed-value">{ speed_text }</output>
            </label>
            <label class="field">{ t(lang, Key::Rate) }
                <input type="range" min="0" max="1000" step="1" data-testid="rate-slider"
                    value={(to_slider(traffic.rate_rps, 1.0, LIMITS.rate_rps).round()).to_string()}
                    oninput={on_rate_slide} onchange={on_rate_release} />
                <input type="text" inputmode="decimal" class="num rate" data-testid="rate" aria-invalid={(*rate_error).to_string()}
                    aria-label={format!("{} ({})", t(lang, Key::Rate), t(lang, Key::UnitRps))}
                    value={rate_text} oninput={on_rate_typing} onchange={on_rate_commit} />
                { t(lang, Key::UnitRps) }
            </label>
            if *rate_error { <span class="field-error" role="alert" data-testid="rate-error">{ t(lang, Key::RateInvalid) }</span> }
            <label class="field">{ t(lang, Key::Pattern) }
                <select data-testid="pattern" onchange={on_pattern}>
                    <option value="steady" selected={pattern_value == "steady"}>{ t(lang, Key::PatternSteady) }</option>
                    <option value="ramp" selected={pattern_value == "ramp"}>{ t(lang, Key::PatternRamp) }</option>
                    <option value="spike" selected={pattern_value == "spike"}>{ t(lang, Key::PatternSpike) }</option>
                </select>
            </label>
            { pattern_fields }
            if *param_error { <span class="field-error" role="alert">{ t(lang, Key::NumberInvalid) }</span> }
            <label class="field" title={t(lang, Key::SeedHelp)}>{ t(lang, Key::Seed) }
                <input type="text" inputmode="numeric" class="num seed" data-testid="seed"
                    value={shown("seed", seed.to_string())} oninput={typing("seed")} onchange={on_seed} />
            </label>
            if *seed_error { <span class="field-error" role="alert">{ t(lang, Key::SeedInvalid) }</span> }
            if behind {
                <span class="behind" role="status" data-testid="behind">
                    { tf(lang, Key::RunningAt, &[&format!("{achieved:.1}")]) }</span>
            }
        </div>
    }
}
