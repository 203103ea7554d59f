//! The scenario's scripted faults: a strip along simulated time with a "now" marker, the same
//! entries as a list (done / to come) with a delete button each, and a form that adds one
//! ("at [30] s [kill] [zone ap-northeast-2a]").
//!
//! The timeline is part of the design, so an edit replaces the scenario (`Action::Replace`),
//! which restarts the run: a timeline is a script that plays from time zero.

use yew::prelude::*;

use crate::ui::class::class_list;
use crate::ui::platform::fields::{index_select, set_on_input};

use crate::i18n::{
    describe_fault, describe_scheduled, describe_target, format_time, t, tf, zone_label, Key, Lang,
};
use crate::model::{Scenario, ScheduledFault, LIMITS};
use crate::ui::components::chaos::pairs::{use_pair_form, PairForm};
use crate::ui::components::chaos::targets::{
    fault_targets, is_breaking, parse_number, strip_percent, strip_span_s, with_fault, without_fault, zones,
    FaultKind, MAX_ADDED_MS,
};
use crate::ui::state::lab::Lab;
use crate::ui::state::{Action, EditorHandle};

/// The add form's fields as typed. A hook of the side panel, which shows the timeline as a plain
/// function (no component of its own): the values stay while another tab shows.
#[derive(Clone)]
pub struct TimelineForm {
    at_text: UseStateHandle<String>,
    kind: UseStateHandle<usize>,
    target: UseStateHandle<usize>,
    /// The two zones and the added time of a network fault, as in the chaos panel's form.
    pair: PairForm,
    problem: UseStateHandle<Option<Key>>,
}

#[hook]
pub fn use_timeline_form() -> TimelineForm {
    TimelineForm {
        at_text: use_state(|| "30".to_string()),
        kind: use_state(|| 0usize),
        target: use_state(|| 0usize),
        pair: use_pair_form(),
        problem: use_state(|| None::<Key>),
    }
}

fn kind_key(k: FaultKind) -> Key {
    match k {
        FaultKind::Kill => Key::ChaosKill,
        FaultKind::Revive => Key::ChaosRevive,
        FaultKind::Partition => Key::ChaosPartition,
        FaultKind::Heal => Key::ChaosHeal,
        FaultKind::AddLatency => Key::ChaosAddLatency,
        FaultKind::ClearLatency => Key::ChaosClearLatency,
    }
}

fn text_input(
    id: &'static str,
    value: &UseStateHandle<String>,
    class: &'static str,
    max: &'static str,
) -> Html {
    let oninput = set_on_input(value);
    html! {
        <input {id} data-testid={id} {class} type="number" min="0" {max} step="any"
            value={(**value).clone()} {oninput} />
    }
}

/// The strip: scripted faults as marks along simulated time, and where the run is now.
fn strip(lang: Lang, s: &Scenario, now_s: f64) -> Html {
    let span = strip_span_s(s, now_s);
    let ticks = (0..=4).map(|i| span * i as f64 / 4.0);
    let summary: Vec<String> = s.faults.iter().map(|f| describe_scheduled(lang, f)).collect();
    let now_pos = strip_percent(now_s, span);
    html! {
        <div class="tl-strip" role="img" data-testid="timeline-strip"
            aria-label={format!("{} — {}", tf(lang, Key::ChaosNow, &[&format_time(now_s)]), summary.join("; "))}>
            <div class="tl-track"></div>
            { for s.faults.iter().map(|f| {
                let breaking = is_breaking(&f.action);
                html! {
                    <span class={class_list("tl-mark", &[Some(if breaking { "break" } else { "mend" })])}
                        style={format!("left: {:.3}%", strip_percent(f.at_s, span))} title={describe_scheduled(lang, f)}
                        data-testid="timeline-mark">{ if breaking { "▼" } else { "▲" } }</span>
                }
            }) }
            <span class={class_list("tl-now", &[(now_pos > 80.0).then_some("flip")])} style={format!("left: {now_pos:.3}%")}
                data-testid="timeline-now" data-now-s={format!("{now_s:.1}")}>
                <span class="tl-now-label">{ tf(lang, Key::ChaosNow, &[&format_time(now_s)]) }</span>
            </span>
            { for ticks.map(|x| html! {
                <span class="tl-tick" style={format!("left: {:.3}%", strip_percent(x, span))}>{ format_time(x) }</span>
            }) }
        </div>
    }
}

/// The scripted faults and the form that adds one; `editor` holds the edited scenario.
pub fn timeline(lang: Lang, editor: &EditorHandle, lab: &Lab, form: &TimelineForm) -> Html {
    let TimelineForm { at_text, kind, target, pair, problem } = form.clone();
    let PairForm { a: pair_a, b: pair_b, ms_text } = pair;

    let s = editor.scenario().clone();
    let now_s = lab.runtime.borrow().clock_for(&s);
    let fk = FaultKind::ALL.get(*kind).copied().unwrap_or(FaultKind::Kill);
    // Revive offers the same list as kill (indices stay put when the kind changes); a process
    // has no revive, which the form says when it is chosen.
    let targets = fault_targets(&s);
    let all_zones = zones(&s);

    let onsubmit = {
        let editor = editor.clone();
        let (at_text, ms_text, problem) = (at_text.clone(), ms_text.clone(), problem.clone());
        let (target, pair_a, pair_b) = (*target, *pair_a, *pair_b);
        let (s, targets, all_zones) = (s.clone(), targets.clone(), all_zones.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(at_s) = parse_number(&at_text).filter(|v| (0.0..=LIMITS.duration_s).contains(v)) else {
                problem.set(Some(Key::ChaosBadTime));
                return;
            };
            let ms = parse_number(&ms_text).unwrap_or(f64::NAN);
            if fk == FaultKind::AddLatency && !(ms > 0.0 && ms <= MAX_ADDED_MS) {
                problem.set(Some(Key::ChaosBadMs));
                return;
            }
            let pair = all_zones.get(pair_a).zip(all_zones.get(pair_b));
            let Some(action) = fk.action(targets.get(target), pair, ms) else {
                problem.set(Some(Key::ChaosBadTarget));
                return;
            };
            problem.set(None);
            editor.dispatch(Action::Replace(with_fault(&s, ScheduledFault { at_s, action })));
        })
    };

    let rows = s.faults.iter().enumerate().map(|(i, f)| {
        let done = f.at_s <= now_s;
        let editor = editor.clone();
        let s = s.clone();
        let remove = Callback::from(move |_| editor.dispatch(Action::Replace(without_fault(&s, i))));
        let name = format!("{}: {}", t(lang, Key::Delete), describe_scheduled(lang, f));
        html! {
            <li class={class_list("tl-entry", &[Some(if done { "done" } else { "todo" })])} data-testid="timeline-entry">
                <span class="tl-when">{ format_time(f.at_s) }</span>
                <span class={class_list("tl-what", &[Some(if is_breaking(&f.action) { "break" } else { "mend" })])}>
                    { describe_fault(lang, &f.action) }</span>
                <span class="tl-status">{ t(lang, if done { Key::ChaosDone } else { Key::ChaosToCome }) }</span>
                <button type="button" class="chaos-btn" data-testid={format!("timeline-remove-{i}")}
                    aria-label={name.clone()} title={name} onclick={remove}>{ t(lang, Key::Delete) }</button>
            </li>
        }
    });

    let zone_names: Vec<String> = all_zones.iter().map(|z| zone_label(lang, &z.region, &z.zone)).collect();
    html! {
        <section class="timeline" aria-labelledby="timeline-title" data-testid="timeline">
            <h2 id="timeline-title">{ t(lang, Key::Timeline) }</h2>
            { strip(lang, &s, now_s) }
            if s.faults.is_empty() {
                <p class="chaos-none" data-testid="timeline-empty">{ t(lang, Key::TimelineEmpty) }</p>
            } else {
                <ol class="tl-list">{ for rows }</ol>
            }
            <form class="tl-add" {onsubmit} novalidate=true data-testid="timeline-add">
                <label for="tl-at">{ t(lang, Key::TimelineAt) }</label>
                { text_input("tl-at", &at_text, "tl-num", "86400") }
                <span>{ t(lang, Key::ChaosSeconds) }</span>
                <label for="tl-kind" class="sr-only">{ t(lang, Key::ChaosFaultField) }</label>
                { index_select("tl-kind", FaultKind::ALL.iter().map(|k| t(lang, kind_key(*k)).to_string()).collect(), *kind, kind.clone()) }
                if fk.is_pair() {
                    <label for="tl-pair-a">{ t(lang, Key::ChaosFrom) }</label>
                    { index_select("tl-pair-a", zone_names.clone(), *pair_a, pair_a.clone()) }
                    <label for="tl-pair-b">{ t(lang, Key::ChaosTo) }</label>
                    { index_select("tl-pair-b", zone_names, *pair_b, pair_b.clone()) }
                    if fk == FaultKind::AddLatency {
                        <label for="tl-ms">{ t(lang, Key::ChaosExtraMs) }</label>
                        { text_input("tl-ms", &ms_text, "tl-num", "10000") }
                    }
                } else {
                    <label for="tl-target" class="sr-only">{ t(lang, Key::ChaosTargetField) }</label>
                    { index_select("tl-target", targets.iter().map(|t| describe_target(lang, t)).collect(), *target, target.clone()) }
                }
                <button type="submit" class="chaos-btn add" data-testid="timeline-add-button">{ t(lang, Key::TimelineAdd) }</button>
            </form>
            if let Some(w) = *problem {
                <p class="chaos-msg bad" role="alert" data-testid="timeline-problem">{ t(lang, w) }</p>
            }
        </section>
    }
}
