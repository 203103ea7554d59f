//! The chaos panel's network section: pick two zones, then cut or heal the network between
//! them, or add or clear extra round-trip time; below, every zone pair broken now with its
//! own mend button.

use yew::prelude::*;

use crate::ui::class::class_list;

use crate::i18n::{describe_fault, format_ms, t, tf, zone_label, Key, Lang};
use crate::model::{FaultAction, Placement};
use crate::ui::components::chaos::emit_on_click;
use crate::ui::components::chaos::targets::{parse_number, FaultState, MAX_ADDED_MS};
use crate::ui::platform::fields::{index_select, set_on_input};

/// What the user picked in the network section: the two zones (indices into the zones) and
/// the extra round-trip time as typed. Held by the chaos panel.
#[derive(Clone)]
pub struct PairForm {
    pub a: UseStateHandle<usize>,
    pub b: UseStateHandle<usize>,
    pub ms_text: UseStateHandle<String>,
}

#[hook]
pub fn use_pair_form() -> PairForm {
    PairForm { a: use_state(|| 0usize), b: use_state(|| 1usize), ms_text: use_state(|| "100".to_string()) }
}

fn label(lang: Lang, p: &Placement) -> String {
    zone_label(lang, &p.region, &p.zone)
}

fn zone_select(
    lang: Lang,
    id: &'static str,
    zones: &[Placement],
    chosen: usize,
    set: UseStateHandle<usize>,
) -> Html {
    index_select(id, zones.iter().map(|z| label(lang, z)).collect(), chosen, set)
}

/// A button that emits a ready action, named in full for screen readers.
fn act(
    lang: Lang,
    on: &Callback<FaultAction>,
    action: Option<FaultAction>,
    key: Key,
    testid: String,
) -> Html {
    let class = match action {
        Some(FaultAction::Partition { .. } | FaultAction::AddLatency { .. }) => "kill",
        Some(_) => "revive",
        None => "",
    };
    let disabled = action.is_none();
    let name = action.as_ref().map(|a| describe_fault(lang, a));
    let onclick = emit_on_click(on, action);
    html! {
        <button type="button" class={class_list("chaos-btn", &[Some(class)])} data-testid={testid} aria-label={name.clone()} title={name}
            {disabled} {onclick}>{ t(lang, key) }</button>
    }
}

/// The network section: a plain function of the chaos panel, which holds its form.
pub fn pair_controls(
    lang: Lang,
    zones: &[Placement],
    state: &FaultState,
    on: &Callback<FaultAction>,
    form: &PairForm,
) -> Html {
    let PairForm { a, b, ms_text } = form;
    if zones.is_empty() {
        return html! {};
    }
    let za = zones.get(**a).unwrap_or(&zones[0]).clone();
    let zb = zones.get(**b).or(zones.last()).cloned().unwrap_or_else(|| za.clone());
    let ms = parse_number(ms_text).filter(|v| *v > 0.0 && *v <= MAX_ADDED_MS);
    let distinct = za != zb;
    let (pa, pb) = (za.clone(), zb.clone());
    let pair = move || (pa.clone(), pb.clone());

    let cut = distinct.then(|| FaultAction::Partition { a: pair().0, b: pair().1 });
    let heal = distinct.then(|| FaultAction::Heal { a: pair().0, b: pair().1 });
    let add = ms.map(|ms| FaultAction::AddLatency { a: pair().0, b: pair().1, ms });
    let clear = Some(FaultAction::ClearLatency { a: pair().0, b: pair().1 });

    let mut status = Vec::new();
    let cut_now = distinct && state.is_partitioned(&za, &zb);
    let broken_now = cut_now || state.added_latency_ms(&za, &zb).is_some();
    if distinct {
        status.push(t(lang, if cut_now { Key::ChaosNetworkCut } else { Key::ChaosNetworkOk }).to_string());
    }
    if let Some(extra) = state.added_latency_ms(&za, &zb) {
        status.push(tf(lang, Key::ChaosPlusMs, &[&format_ms(extra)]));
    }
    let oninput = set_on_input(ms_text);

    let broken = state
        .partitions()
        .iter()
        .map(|(x, y)| FaultAction::Heal { a: x.clone(), b: y.clone() })
        .chain(
            state
                .latencies()
                .iter()
                .map(|((x, y), _)| FaultAction::ClearLatency { a: x.clone(), b: y.clone() }),
        )
        .collect::<Vec<_>>();
    let broken_rows = broken.into_iter().enumerate().map(|(i, mend)| {
        let (what, key) = match &mend {
            FaultAction::Heal { a, b } => (
                format!("{} ↔ {}: {}", label(lang, a), label(lang, b), t(lang, Key::ChaosNetworkCut)),
                Key::ChaosHeal,
            ),
            FaultAction::ClearLatency { a, b } => {
                let extra = state.added_latency_ms(a, b).unwrap_or(0.0);
                let plus = tf(lang, Key::ChaosPlusMs, &[&format_ms(extra)]);
                (format!("{} ↔ {}: {plus}", label(lang, a), label(lang, b)), Key::ChaosClearLatency)
            }
            _ => (String::new(), Key::ChaosHeal),
        };
        html! {
            <li class="chaos-row broken" data-testid="chaos-broken-pair">
                <span class="chaos-name">{ what }</span>
                <span class="chaos-actions">{ act(lang, on, Some(mend), key, format!("mend-pair-{i}")) }</span>
            </li>
        }
    });

    html! {
        <div class="chaos-pairs">
            <h3>{ t(lang, Key::ChaosNetwork) }</h3>
            <div class="chaos-pair-form">
                <span class="chaos-field">
                    <label for="chaos-pair-a">{ t(lang, Key::ChaosFrom) }</label>
                    { zone_select(lang, "chaos-pair-a", zones, **a, a.clone()) }
                </span>
                <span class="chaos-field">
                    <label for="chaos-pair-b">{ t(lang, Key::ChaosTo) }</label>
                    { zone_select(lang, "chaos-pair-b", zones, **b, b.clone()) }
                </span>
                <span class={class_list("chaos-state", &[broken_now.then_some("bad")])} data-testid="chaos-pair-state">
                    { status.join(", ") }</span>
            </div>
            <div class="chaos-pair-form">
                { act(lang, on, cut, Key::ChaosPartition, "pair-cut".into()) }
                { act(lang, on, heal, Key::ChaosHeal, "pair-heal".into()) }
            </div>
            <div class="chaos-pair-form">
                <label for="chaos-pair-ms">{ t(lang, Key::ChaosExtraMs) }</label>
                <input id="chaos-pair-ms" data-testid="chaos-pair-ms" type="number" min="1" max="10000" step="1"
                    class="chaos-ms" value={(**ms_text).clone()} {oninput} aria-invalid={ms.is_none().then_some("true")} />
                { act(lang, on, add, Key::ChaosAddLatency, "pair-add".into()) }
                { act(lang, on, clear, Key::ChaosClearLatency, "pair-clear".into()) }
            </div>
            <h4>{ t(lang, Key::ChaosBrokenNow) }</h4>
            if state.partitions().is_empty() && state.latencies().is_empty() {
                <p class="chaos-none">{ t(lang, Key::ChaosNothingBroken) }</p>
            } else {
                <ul class="chaos-list">{ for broken_rows }</ul>
            }
        </div>
    }
}
