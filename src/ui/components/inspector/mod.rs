//! The inspector: the selected component's properties with units and ranges, its links with
//! their round-trip times, or a summary of a multiple selection.
//!
//! Fields validate as the user types: each keystroke goes to the editor's `apply_field`, which
//! applies a valid value (typing on in the same field replaces that undo step) and refuses an
//! invalid one without changing anything; the refused text stays in the field with its error
//! next to it.
//!
//! The folder also holds the right-hand panel whose first tab this is (`side_panel.rs`) and the
//! selected component's Kill / Revive row; its live numbers are the readings'
//! (`dashboard/detail.rs`).

pub mod fault_buttons;
pub mod operate;
pub mod side_panel;

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::ui::class::class_list;

use super::canvas::{color, icon};
use crate::catalog::{CROSS_ZONE_RTT_MS, SAME_ZONE_RTT_MS};
use crate::editor::{self, fields_for, link_info, Field, Input};
use crate::i18n::{choice_key, t, tf, unit_key, Key, Lang};
use crate::model::{Component, Kind, Scenario};
use crate::ui::state::{on_click, Action, EditorHandle};

mod text {
    use crate::i18n::{t, Key, Lang};
    pub fn kind(lang: Lang, k: &crate::model::Kind) -> &'static str {
        use crate::model::{DbRole, Kind};
        let key = match k {
            Kind::Clients(_) => Key::PalClients,
            Kind::Dns(_) => Key::KindDns,
            Kind::LoadBalancer(_) => Key::PalLoadBalancer,
            Kind::AppServer(_) => Key::PalAppServer,
            Kind::Database(d) => match d.role {
                DbRole::Primary => Key::PalDbPrimary,
                DbRole::Standby => Key::PalDbStandby,
                DbRole::ReadReplica => Key::PalDbReplica,
            },
        };
        t(lang, key)
    }
    pub fn field(lang: Lang, key: &str) -> &'static str {
        let key = match key {
            "id" => Key::FldName,
            "weight" => Key::FldWeight,
            "timeout_ms" => Key::FldTimeout,
            "connect_timeout_ms" => Key::FldConnectTimeout,
            "retry.max_attempts" => Key::FldMaxAttempts,
            "retry.base_ms" => Key::FldBackoffBase,
            "retry.cap_ms" => Key::FldBackoffCap,
            "policy" => Key::FldPolicy,
            "ttl_s" => Key::FldTtl,
            "layer" => Key::FldLayer,
            "algorithm" => Key::FldAlgorithm,
            "fail_open" => Key::FldFailOpen,
            "cross_zone" => Key::FldCrossZone,
            "connections" => Key::FldConnections,
            "health_check.interval_s" => Key::FldHcInterval,
            "health_check.timeout_s" => Key::FldHcTimeout,
            "health_check.unhealthy_threshold" => Key::FldUnhealthy,
            "health_check.healthy_threshold" => Key::FldHealthy,
            "count" => Key::FldHosts,
            "vcpus" => Key::FldVcpus,
            "processes" => Key::FldProcesses,
            "cpu_ms" => Key::FldCpuMs,
            "service" => Key::FldService,
            "db_queries" => Key::FldDbQueries,
            "write_ratio" => Key::FldWrites,
            "backlog" => Key::FldBacklog,
            "restart_delay_s" => Key::FldRestartDelay,
            "role" => Key::FldRole,
            "primary" => Key::FldPrimary,
            "host" => Key::FldHost,
            "max_connections" => Key::FldMaxConn,
            "proxy" => Key::FldProxy,
            "query_ms" => Key::FldQueryMs,
            "query_cpu_fraction" => Key::FldQueryCpu,
            "queue_limit" => Key::FldQueueLimit,
            "failover_s" => Key::FldFailover,
            other => {
                return crate::ui::components::inspector::operate::field_label(lang, other).unwrap_or("?")
            }
        };
        t(lang, key)
    }
}

/// A plain function of the side panel, which holds the editor, not a component.
pub fn inspector(lang: Lang, state: &EditorHandle) -> Html {
    let ed = state.editor();
    let s = state.scenario();
    let body = if let Some(c) = ed.selection.single().and_then(|id| s.component(id)) {
        component_view(lang, state, s, c)
    } else if ed.selection.ids.len() > 1 {
        summary(lang, state, s, &ed.selection.ids)
    } else if let ([(from, to)], true) = (ed.selection.links.as_slice(), ed.selection.ids.is_empty()) {
        link_view(lang, state, s, from, to)
    } else {
        html! { <p class="muted">{ t(lang, Key::InsNothing) }</p> }
    };
    html! {
        <aside class="inspector" data-testid="inspector">
            <h2>{ t(lang, Key::InsTitle) }</h2>
            { body }
        </aside>
    }
}

fn action_buttons(lang: Lang, state: &EditorHandle) -> Html {
    let key = |a: editor::Action| on_click(state, Action::Key(a));
    html! {
        <div class="inspector-actions">
            <button data-testid="duplicate" onclick={key(editor::Action::Duplicate)}>{ t(lang, Key::InsDuplicate) }</button>
            <button class="danger" data-testid="delete" onclick={key(editor::Action::Delete)}>{ t(lang, Key::Delete) }</button>
        </div>
    }
}

fn component_view(lang: Lang, state: &EditorHandle, s: &Scenario, c: &Component) -> Html {
    let fields = fields_for(c).into_iter().map(|f| field_row(lang, state, c, f));
    html! {
        <div class="inspector-component" data-testid={format!("inspector-{}", c.id)}>
            <div class="inspector-head">
                <svg viewBox="0 0 20 20" width="28" height="28">{ icon(&c.kind, 0.0, 0.0, 20.0) }</svg>
                <div>
                    <div class="kind" style={format!("color:{}", color(&c.kind))}>{ text::kind(lang, &c.kind) }</div>
                    <div class="muted">{ tf(lang, Key::InsZone, &[&format!("{}{}", c.place.region, c.place.zone)]) }</div>
                </div>
            </div>
            { crate::ui::components::inspector::operate::price_line(lang, s, c) }
            <div class="fields">{ for fields }</div>
            { links_of(lang, state, s, &c.id) }
            { action_buttons(lang, state) }
        </div>
    }
}

/// A choice as people read it; values without a translation (ids, names) as they are.
fn choice_label(lang: Lang, field: &str, raw: &str) -> String {
    choice_key(field, raw).map_or_else(|| raw.replace('_', " "), |k| t(lang, k).to_string())
}

fn range(input: &Input) -> Option<String> {
    match input {
        Input::Int { min, max } => Some(format!("{min}–{max}")),
        Input::Number { min, max, min_exclusive: true } => Some(format!("> {min}, ≤ {max}")),
        Input::Number { min, max, .. } => Some(format!("{min}–{max}")),
        _ => None,
    }
}

fn field_row(lang: Lang, state: &EditorHandle, c: &Component, f: Field) -> Html {
    let id = c.id.as_str();
    let draft = state.draft(id, f.key);
    let value = draft.map_or(f.value.clone(), |d| d.text.clone());
    let error = draft.and_then(|d| d.error.as_ref()).map(|e| crate::i18n::describe_reason(lang, e));
    let key = f.key;
    let send = {
        let (state, id) = (state.clone(), id.to_string());
        move |text: String| state.dispatch(Action::SetField { id: id.clone(), key: key.to_string(), text })
    };
    let typing = {
        let (state, id) = (state.clone(), id.to_string());
        move |text: String| state.dispatch(Action::TypeField { id: id.clone(), key: key.to_string(), text })
    };
    let input_id = format!("field-{key}");
    let invalid = error.is_some().to_string();
    let control = match &f.input {
        Input::Choice(options) => {
            let onchange = Callback::from(move |e: Event| {
                if let Some(sel) = e.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()) {
                    send(sel.value());
                }
            });
            let opts = options.iter().map(|o| {
                let label = if key == "size" {
                    crate::ui::components::inspector::operate::option_label(&c.kind, key, o)
                } else {
                    choice_label(lang, key, o)
                };
                html! { <option value={*o} selected={*o == value}>{ label }</option> }
            });
            html! { <select id={input_id.clone()} data-testid={input_id.clone()} {onchange}>{ for opts }</select> }
        }
        Input::Bool => {
            let checked = value == "true";
            let onchange = Callback::from(move |e: Event| {
                if let Some(el) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
                    send(el.checked().to_string());
                }
            });
            html! { <input type="checkbox" id={input_id.clone()} data-testid={input_id.clone()} {checked} {onchange} /> }
        }
        Input::ReadOnly => {
            let shown = if value.is_empty() { "—".to_string() } else { choice_label(lang, key, &value) };
            html! { <span class="readonly" id={input_id.clone()} data-testid={input_id.clone()}>{ shown }</span> }
        }
        Input::Text => {
            // A new name is applied when the field is left or Enter is pressed, not per keystroke;
            // until then each keystroke is a draft, so a render in between keeps the text.
            let onchange = Callback::from(move |e: Event| {
                if let Some(el) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
                    send(el.value());
                }
            });
            let oninput = Callback::from(move |e: InputEvent| {
                if let Some(el) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
                    typing(el.value());
                }
            });
            html! { <input type="text" id={input_id.clone()} data-testid={input_id.clone()} {value} {onchange}
            {oninput} aria-invalid={invalid} spellcheck="false" /> }
        }
        Input::Int { .. } | Input::Number { .. } => {
            let oninput = Callback::from(move |e: InputEvent| {
                if let Some(el) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
                    send(el.value());
                }
            });
            // Keystrokes are one undo step until the field is left; a later visit is another.
            let onblur = {
                let state = state.clone();
                Callback::from(move |_: FocusEvent| state.dispatch(Action::FieldLeft))
            };
            let mode = if matches!(f.input, Input::Int { .. }) { "numeric" } else { "decimal" };
            html! { <input type="text" inputmode={mode} id={input_id.clone()} data-testid={input_id.clone()}
            {value} {oninput} {onblur} aria-invalid={invalid} spellcheck="false" /> }
        }
    };
    let unit = f.unit.map(|u| unit_key(u).map_or(u, |k| t(lang, k)));
    let hint = match (unit, range(&f.input)) {
        (Some(u), Some(r)) => format!("{u} · {r}"),
        (Some(u), None) => u.to_string(),
        (None, Some(r)) => r,
        (None, None) => String::new(),
    };
    html! {
        <div class={class_list("field", &[error.is_some().then_some("invalid")])}>
            <label for={input_id}>{ text::field(lang, key) }</label>
            <div class="control">
                { control }
                <span class="unit">{ hint }</span>
            </div>
            if let Some(msg) = error {
                <div class="field-error" data-testid={format!("field-error-{key}")} role="alert">{ msg }</div>
            }
        </div>
    }
}

/// How far apart two placements are, in words.
fn distance(lang: Lang, s: &Scenario, from: &str, to: &str, rtt: f64) -> &'static str {
    let (Some(a), Some(b)) = (s.component(from), s.component(to)) else { return "" };
    let fixed = s.links.iter().any(|l| l.from == from && l.to == to && l.rtt_ms.is_some());
    if fixed {
        t(lang, Key::InsFixed)
    } else if a.place.region != b.place.region {
        t(lang, Key::InsCrossRegion)
    } else if a.place.zone != b.place.zone || rtt >= CROSS_ZONE_RTT_MS {
        t(lang, Key::InsCrossZone)
    } else {
        debug_assert!(rtt <= SAME_ZONE_RTT_MS + 1e-9);
        t(lang, Key::InsSameZone)
    }
}

fn link_row(lang: Lang, state: &EditorHandle, s: &Scenario, from: &str, to: &str, other: &str) -> Html {
    let Some(rtt) = link_info(s, from, to) else { return Html::default() };
    let select = on_click(state, Action::Select(vec![other.to_string()]));
    html! {
        <li class="link-row" data-testid={format!("link-rtt-{from}-{to}")} data-rtt={super::canvas::num(rtt)}>
            <button class="link-other" onclick={select}>{ format!("{from} → {to}") }</button>
            <span class="rtt-value">{ format!("{} {}", super::canvas::num(rtt), t(lang, Key::UnitMs)) }</span>
            <span class="muted">{ distance(lang, s, from, to, rtt) }</span>
        </li>
    }
}

fn links_of(lang: Lang, state: &EditorHandle, s: &Scenario, id: &str) -> Html {
    let rows: Vec<Html> = s
        .links
        .iter()
        .filter(|l| l.from == id || l.to == id)
        .map(|l| link_row(lang, state, s, &l.from, &l.to, if l.from == id { &l.to } else { &l.from }))
        .collect();
    html! {
        <section class="inspector-links">
            <h3>{ t(lang, Key::InsLinks) }</h3>
            if rows.is_empty() { <p class="muted">{ t(lang, Key::InsNoLinks) }</p> } else { <ul>{ for rows }</ul> }
        </section>
    }
}

fn link_view(lang: Lang, state: &EditorHandle, s: &Scenario, from: &str, to: &str) -> Html {
    let rtt = link_info(s, from, to).unwrap_or(0.0);
    html! {
        <div class="inspector-link" data-testid="inspector-link">
            <div class="kind">{ tf(lang, Key::InsLink, &[from, to]) }</div>
            <p>{ tf(lang, Key::InsRtt, &[&super::canvas::num(rtt), distance(lang, s, from, to, rtt)]) }</p>
            <div class="inspector-actions">
                <button class="danger" data-testid="delete"
                        onclick={on_click(state, Action::Key(editor::Action::Delete))}>
                    { t(lang, Key::Delete) }
                </button>
            </div>
        </div>
    }
}

/// "3 selected: 2 App server, 1 Load balancer".
fn summary(lang: Lang, state: &EditorHandle, s: &Scenario, ids: &[String]) -> Html {
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for c in ids.iter().filter_map(|id| s.component(id)) {
        let k = text::kind(lang, &c.kind);
        match counts.iter_mut().find(|(n, _)| *n == k) {
            Some((_, n)) => *n += 1,
            None => counts.push((k, 1)),
        }
    }
    let apps: u32 = ids
        .iter()
        .filter_map(|id| match s.component(id).map(|c| &c.kind) {
            Some(Kind::AppServer(a)) => Some(a.count * a.processes),
            _ => None,
        })
        .sum();
    let rows = counts.iter().map(|(k, n)| html! { <li>{ format!("{n} × {k}") }</li> });
    // One kind: its shared fields, each edited on all of them as one undo step.
    let shared = editor::shared_fields(s, ids).map(|fields| {
        let rows = fields.into_iter().map(|f| multi_field_row(lang, state, ids, f));
        html! {
            <>
                <p class="muted">{ tf(lang, Key::InsEditAll, &[&ids.len().to_string()]) }</p>
                <div class="fields" data-testid="inspector-shared">{ for rows }</div>
            </>
        }
    });
    html! {
        <div class="inspector-multi" data-testid="inspector-multi">
            <p><strong>{ tf(lang, Key::InsSelected, &[&ids.len().to_string()]) }</strong></p>
            <ul>{ for rows }</ul>
            if apps > 0 { <p class="muted">{ tf(lang, Key::InsAppProcs, &[&apps.to_string()]) }</p> }
            { shared }
            { action_buttons(lang, state) }
        </div>
    }
}

/// A field shared by the whole selection. A value is applied when it is committed (Enter, or
/// leaving the field), not per keystroke, so one value is one undo step for all of them; a
/// value that differs between them shows empty, with "mixed" as its placeholder.
fn multi_field_row(lang: Lang, state: &EditorHandle, ids: &[String], f: Field) -> Html {
    let key = f.key;
    let send = {
        let (state, ids) = (state.clone(), ids.to_vec());
        move |text: String| {
            state.dispatch(Action::SetFieldAll { ids: ids.clone(), key: key.to_string(), text })
        }
    };
    let input_id = format!("field-{key}");
    let control = match &f.input {
        Input::Choice(options) => {
            let onchange = Callback::from(move |e: Event| {
                if let Some(sel) = e.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()) {
                    send(sel.value());
                }
            });
            let mixed = f.value.is_empty().then(
                || html! { <option value="" selected=true disabled=true>{ t(lang, Key::InsMixed) }</option> },
            );
            let opts = options.iter().map(|o| {
                html! { <option value={*o} selected={*o == f.value}>{ choice_label(lang, key, o) }</option> }
            });
            html! { <select id={input_id.clone()} data-testid={input_id.clone()} {onchange}>{ mixed }{ for opts }</select> }
        }
        Input::Bool => {
            let onchange = Callback::from(move |e: Event| {
                if let Some(el) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
                    send(el.checked().to_string());
                }
            });
            html! { <input type="checkbox" id={input_id.clone()} data-testid={input_id.clone()} checked={f.value == "true"} {onchange} /> }
        }
        _ => {
            let onchange = Callback::from(move |e: Event| {
                if let Some(el) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
                    send(el.value());
                }
            });
            html! { <input type="text" inputmode="decimal" id={input_id.clone()} data-testid={input_id.clone()}
            value={f.value.clone()} placeholder={t(lang, Key::InsMixed)} {onchange} spellcheck="false" /> }
        }
    };
    html! {
        <div class="field">
            <label for={input_id}>{ text::field(lang, key) }</label>
            <div class="control">{ control }<span class="unit">{ range(&f.input).unwrap_or_default() }</span></div>
        </div>
    }
}
