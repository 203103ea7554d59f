//! The event log in plain language, newest first, with simulated timestamps. Filterable by
//! text and by kind; clicking an entry about a component selects it.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::shared::Shared;
use crate::engine::{to_secs, LogEntry, LogKind};
use crate::i18n::{describe_log, format_time, t, Key, Names};

/// Entries shown at most (the newest); older ones stay in the engine's log.
pub const SHOWN: usize = 300;

/// The filter groups of the kind selector.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    All,
    Faults,
    Health,
    Errors,
    Operations,
}

impl Group {
    pub fn of(kind: &LogKind) -> Group {
        use LogKind::*;
        match kind {
            FaultInjected { .. }
            | ServerDown { .. }
            | ServerUp { .. }
            | ProcessCrashed { .. }
            | ProcessRestarted { .. }
            | ComponentDown
            | ComponentUp
            | ZoneDown { .. }
            | ZoneUp { .. }
            | RegionDown { .. }
            | RegionUp { .. }
            | Partitioned { .. }
            | Healed { .. }
            | LatencyAdded { .. }
            | LatencyCleared { .. } => Group::Faults,
            TargetUnhealthy { .. }
            | TargetHealthy { .. }
            | NoHealthyTargets
            | DnsRemoved { .. }
            | DnsRestored { .. }
            | FailoverStarted { .. }
            | FailoverDone { .. } => Group::Health,
            QueueFull | Errors { .. } => Group::Errors,
            ScaledOut { .. }
            | ScaledIn { .. }
            | HostLaunched { .. }
            | HostInService { .. }
            | HostDraining { .. }
            | HostTerminated { .. }
            | DeploymentStarted { .. }
            | DeploymentBatchDone { .. }
            | DeploymentFinished
            | DeploymentRolledBack { .. }
            | AlarmStateChanged { .. } => Group::Operations,
        }
    }
}

/// True when `entry` (worded as `line`) passes the filters. The search ignores ASCII case only
/// (Hangul has none; full Unicode folding would link its case tables into the wasm).
pub fn matches(entry: &LogEntry, line: &str, group: Group, needle: &str) -> bool {
    (group == Group::All || Group::of(&entry.kind) == group)
        && (needle.is_empty() || line.to_ascii_lowercase().contains(&needle.to_ascii_lowercase()))
}

#[derive(Properties, PartialEq)]
pub struct EventLogProps {
    /// Called with the component's index (scenario order) when an entry is clicked.
    pub on_select: Callback<usize>,
    pub shared: Shared,
}

#[component]
pub fn EventLog(props: &EventLogProps) -> Html {
    let shared = &props.shared;
    let lang = shared.lang;
    let needle = use_state(String::new);
    let group = use_state(|| Group::All);
    let rt = shared.runtime.borrow();
    let log = rt.sim().log();
    // Ids marked inside each sentence and shown in a `<bdi>`, so a right-to-left id cannot
    // reorder the sentence around it.
    let names = Names { isolate: true, ..Names::of(rt.scenario()) };
    // Word only the newest entries; filter over those.
    let lines: Vec<(LogEntry, String)> = log
        .iter()
        .rev()
        .take(SHOWN)
        .map(|e| (e.clone(), describe_log(lang, e, &names)))
        .filter(|(e, line)| matches(e, &line.replace(['\u{2068}', '\u{2069}'], ""), *group, &needle))
        .collect();
    drop(rt);
    let lines = Rc::new(lines);

    let on_text = super::timeline::set_on_input(&needle);
    let on_group = {
        let group = group.clone();
        Callback::from(move |e: Event| {
            group.set(match e.target_unchecked_into::<HtmlSelectElement>().value().as_str() {
                "faults" => Group::Faults,
                "health" => Group::Health,
                "errors" => Group::Errors,
                "operations" => Group::Operations,
                _ => Group::All,
            })
        })
    };
    html! {
        <section class="event-log" aria-label={t(lang, Key::EventLog)}>
            <div class="panel-head">
                <h2>{ t(lang, Key::EventLog) }</h2>
                <input type="search" placeholder={t(lang, Key::LogFilter)} aria-label={t(lang, Key::LogFilter)}
                    data-testid="log-filter" value={(*needle).clone()} oninput={on_text} />
                <select data-testid="log-kind" aria-label={t(lang, Key::LogFilter)} onchange={on_group}>
                    <option value="all" selected={*group == Group::All}>{ t(lang, Key::LogFilterAll) }</option>
                    <option value="faults" selected={*group == Group::Faults}>{ t(lang, Key::LogFilterFaults) }</option>
                    <option value="health" selected={*group == Group::Health}>{ t(lang, Key::LogFilterHealth) }</option>
                    <option value="errors" selected={*group == Group::Errors}>{ t(lang, Key::LogFilterErrors) }</option>
                    <option value="operations" selected={*group == Group::Operations}>{ t(lang, Key::LogFilterOperations) }</option>
                </select>
            </div>
            <ol class="entries" data-testid="event-log">
                if lines.is_empty() { <li class="empty">{ t(lang, Key::LogEmpty) }</li> }
                { for lines.iter().map(|(e, line)| {
                    let time = format_time(to_secs(e.time));
                    match e.component {
                        Some(i) => {
                            let cb = props.on_select.clone();
                            html! { <li><button class="entry" onclick={Callback::from(move |_| cb.emit(i))}>
                                <time>{ time }</time><span>{ super::share_menu::isolated(line) }</span></button></li> }
                        }
                        None => html! { <li class="entry"><time>{ time }</time><span>{ super::share_menu::isolated(line) }</span></li> },
                    }
                }) }
            </ol>
        </section>
    }
}
