//! The event log in plain language, newest first, with simulated timestamps. Filterable by
//! text and by kind; clicking an entry about a component selects it. Per-second failure lines
//! fold into one live row per run, and the lines of the failure story carry their phase
//! (`log_story.rs`).

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::engine::{to_secs, LogEntry, LogKind};
use crate::i18n::{cause_key, describe_log, format_number, format_time, t, tf, Key, Lang, Names};
use crate::ui::components::log::story::{fold, phase, Phase, Row};
use crate::ui::state::lab::{use_lab, use_tick};

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

/// Log entries folded at most (the newest): enough for the rows shown even when most of them
/// are per-second failure lines.
const FOLD_WINDOW: usize = 4 * SHOWN;

fn phase_key(p: Phase) -> Key {
    match p {
        Phase::Failure => Key::PhaseFailure,
        Phase::Detection => Key::PhaseDetection,
        Phase::Failover => Key::PhaseFailover,
        Phase::Recovery => Key::PhaseRecovery,
    }
}

fn phase_class(p: Phase) -> &'static str {
    match p {
        Phase::Failure => "phase-failure",
        Phase::Detection => "phase-detection",
        Phase::Failover => "phase-failover",
        Phase::Recovery => "phase-recovery",
    }
}

/// A row in words: a log line as `describe_log` words it, a run of failures as one live line.
pub fn word(lang: Lang, r: &Row, names: &Names) -> String {
    match r {
        Row::Entry(e) => describe_log(lang, e, names),
        Row::Failing(f) => {
            let (per_s, secs) = (format_number(f.per_s), f.seconds().to_string());
            let cause = t(lang, cause_key(f.cause));
            match f.component.and_then(|i| names.ids.get(i)) {
                Some(id) => tf(lang, Key::LogFailing, &[&names.user(id), &per_s, &secs, cause]),
                None => tf(lang, Key::LogFailingAll, &[&per_s, &secs, cause]),
            }
        }
    }
}

/// [`matches`] for a row: a run of failures is in the Errors group.
pub fn row_matches(r: &Row, line: &str, group: Group, needle: &str) -> bool {
    match r {
        Row::Entry(e) => matches(e, line, group, needle),
        Row::Failing(_) => {
            (group == Group::All || group == Group::Errors)
                && (needle.is_empty() || line.to_ascii_lowercase().contains(&needle.to_ascii_lowercase()))
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
}

#[component]
pub fn EventLog(props: &EventLogProps) -> Html {
    let lab = use_lab();
    // The log grows with the run: the rows follow the beat.
    use_tick();
    let lang = lab.lang;
    let needle = use_state(String::new);
    let group = use_state(|| Group::All);
    let rt = lab.runtime.borrow();
    let log = rt.sim().log();
    // Ids marked inside each sentence and shown in a `<bdi>`, so a right-to-left id cannot
    // reorder the sentence around it.
    let names = Names { isolate: true, ..Names::of(rt.scenario()) };
    // Fold the per-second failure lines of the newest entries into live rows, then word only
    // the newest rows; filter over those.
    let window = &log[log.len().saturating_sub(FOLD_WINDOW)..];
    let lines: Vec<(Row, String)> = fold(window)
        .into_iter()
        .take(SHOWN)
        .map(|r| {
            let line = word(lang, &r, &names);
            (r, line)
        })
        .filter(|(r, line)| row_matches(r, &line.replace(['\u{2068}', '\u{2069}'], ""), *group, &needle))
        .collect();
    drop(rt);
    let lines = Rc::new(lines);

    let on_text = crate::ui::platform::fields::set_on_input(&needle);
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
                { for lines.iter().map(|(r, line)| {
                    let time = format_time(to_secs(r.time()));
                    let (component, phase) = match r {
                        Row::Entry(e) => (e.component, phase(&e.kind)),
                        Row::Failing(f) => (f.component, None),
                    };
                    let class = match (r, phase) {
                        (Row::Failing(_), _) => classes!("failing"),
                        (_, Some(p)) => classes!("phase", phase_class(p)),
                        _ => classes!(),
                    };
                    let testid = match r { Row::Failing(_) => "log-failing", _ if phase.is_some() => "log-phase", _ => "log-line" };
                    let tag = phase.map(|p| html! { <span class="phase-tag">{ t(lang, phase_key(p)) }</span> });
                    let body = html! { <><time>{ time }</time>{ tag }<span>{ crate::ui::components::share::menu::isolated(line) }</span></> };
                    match component {
                        Some(i) => {
                            let cb = props.on_select.clone();
                            html! { <li class={class} data-testid={testid}><button class="entry" onclick={Callback::from(move |_| cb.emit(i))}>
                                { body }</button></li> }
                        }
                        None => html! { <li class={classes!("entry", class)} data-testid={testid}>{ body }</li> },
                    }
                }) }
            </ol>
        </section>
    }
}
