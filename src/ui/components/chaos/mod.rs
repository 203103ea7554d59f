//! The chaos panel: everything that can break in the running scenario, each with buttons that
//! break or mend it now, while the run continues, and its current state in words.
//!
//! A click goes straight to `Sim::inject` on the running engine; the scenario is not edited
//! (scripted faults belong to the timeline, `run/timeline.rs`). States come from the engine's
//! snapshot where it has them (component health) and otherwise from the faults applied in this
//! run (`targets::Journal`, kept by the side panel through [`use_journal`]). The panel re-renders
//! with the side panel, on the lab's beat.

pub mod pairs;
pub mod targets;

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::ui::class::class_list;

use crate::engine::{Health, Snapshot};
use crate::i18n::{describe_fault, describe_problem, describe_target, health_key, t, tf, Key, Lang};
use crate::model::{FaultAction, Kind, Problem, Scenario, Target};
use crate::ui::components::chaos::pairs::{pair_controls, PairForm};
use crate::ui::components::chaos::targets::{can_revive, target_slug, zones, FaultState, Journal, RunMark};
use crate::ui::state::lab::Lab;
use crate::ui::state::runtime::Runtime;

/// At most this many hosts, and processes per host, get their own buttons (a tier may have 64
/// hosts of 64 processes); the whole tier stays one row above them.
const MAX_ROWS: u32 = 16;

/// The outcome of the last fault click (its action names the component): the side panel's, so
/// the chaos panel and the inspector's fault buttons show the same one.
pub type FaultMessage = UseStateHandle<Option<Injected>>;

/// The chaos clicks of this run, shared by the chaos panel and the inspector's fault buttons.
/// A hook of the side panel, which shows both and is mounted for the app's life.
#[hook]
pub fn use_journal() -> Rc<RefCell<Journal>> {
    use_mut_ref(Journal::default)
}

/// What the panels need to draw the faults of the running lab at this tick.
pub struct LiveFaults {
    pub scenario: Scenario,
    pub state: FaultState,
    pub snapshot: Snapshot,
}

impl LiveFaults {
    /// Reads the running lab, letting the journal notice a restarted run first.
    pub fn read(runtime: &Rc<RefCell<Runtime>>, journal: &Rc<RefCell<Journal>>) -> Self {
        let rt = runtime.borrow();
        let sim = rt.sim();
        let mark = run_mark(sim);
        let mut j = journal.borrow_mut();
        j.observe(rt.scenario(), mark);
        LiveFaults {
            scenario: rt.scenario().clone(),
            state: j.state(rt.scenario(), mark.now),
            snapshot: sim.snapshot(),
        }
    }

    /// The engine's health of a component, when its snapshot has one.
    fn snapshot_health(&self, id: &str) -> Option<Health> {
        let index = self.scenario.components.iter().position(|c| c.id == id)?;
        self.snapshot.components.iter().find(|v| v.index == index).map(|v| v.health)
    }

    pub fn health(&self, target: &Target) -> Health {
        match target {
            Target::Region { .. } => down_if(self.state.is_killed(target)),
            Target::Zone { region, zone } => {
                down_if(self.state.zone_down(&crate::model::Placement::new(region, zone)))
            }
            Target::Component { id } => {
                self.state.component_health(&self.scenario, id, self.snapshot_health(id))
            }
            Target::Server { id, .. } | Target::Process { id, .. } => {
                let tier = self.state.component_health(&self.scenario, id, self.snapshot_health(id));
                down_if(tier == Health::Down || self.state.is_killed(target))
            }
        }
    }

    /// "2/3 servers up" for an app tier, from the snapshot when it has the tier.
    fn servers_note(&self, lang: Lang, id: &str) -> Option<String> {
        let index = self.scenario.components.iter().position(|c| c.id == id)?;
        let v = self.snapshot.components.iter().find(|v| v.index == index)?;
        (v.servers_total > 1).then(|| {
            tf(lang, Key::ChaosServersUp, &[&v.servers_up.to_string(), &v.servers_total.to_string()])
        })
    }
}

fn run_mark(sim: &crate::engine::Sim) -> RunMark {
    RunMark { now: sim.now(), events: sim.events_processed(), log_len: sim.log().len() }
}

fn down_if(down: bool) -> Health {
    if down {
        Health::Down
    } else {
        Health::Up
    }
}

/// Applies `action` to the running engine now and records it in the journal. Returns the line
/// to show: what was done, or why it could not be.
pub fn inject_now(
    runtime: &Rc<RefCell<Runtime>>,
    journal: &Rc<RefCell<Journal>>,
    action: FaultAction,
) -> Injected {
    let mut rt = runtime.borrow_mut();
    let mark = run_mark(rt.sim());
    match rt.sim_mut().inject(&action) {
        Ok(()) => {
            journal.borrow_mut().record_at(rt.scenario(), mark, action.clone());
            Injected { action, refused: None }
        }
        Err(e) => Injected { action, refused: Some(e) },
    }
}

/// What a click on a fault button did, kept as data so the message follows the language.
#[derive(Clone, Debug, PartialEq)]
pub struct Injected {
    pub action: FaultAction,
    /// Why the engine refused it (worded at render, like the rest).
    pub refused: Option<Problem>,
}

impl Injected {
    pub fn words(&self, lang: Lang) -> String {
        let what = describe_fault(lang, &self.action);
        match &self.refused {
            Some(p) => tf(lang, Key::ChaosFailed, &[&format!("{what}: {}", describe_problem(lang, p))]),
            None => tf(lang, Key::ChaosApplied, &[&what]),
        }
    }
}

/// A button's click that sends `action` (if any) to `on`: one closure type for every fault
/// button of the chaos panel, the inspector and the network section.
pub fn emit_on_click(on: &Callback<FaultAction>, action: Option<FaultAction>) -> Callback<MouseEvent> {
    let on = on.clone();
    Callback::from(move |_: MouseEvent| {
        if let Some(a) = action.clone() {
            on.emit(a);
        }
    })
}

fn health_class(h: Health) -> &'static str {
    match h {
        Health::Up => "up",
        Health::Degraded => "degraded",
        Health::Down => "down",
    }
}

/// One row: the name, the state in words, and Kill / Revive buttons named in full for screen
/// readers ("Kill zone ap-northeast-2a").
pub fn fault_row(
    lang: Lang,
    target: &Target,
    health: Health,
    note: Option<String>,
    on: &Callback<FaultAction>,
) -> Html {
    let slug = target_slug(target);
    let button = |action: FaultAction, key: Key, class: &'static str, prefix: &str| {
        let label = describe_fault(lang, &action);
        html! {
            <button type="button" class={class_list("chaos-btn", &[Some(class)])} data-testid={format!("{prefix}-{slug}")}
                aria-label={label.clone()} title={label} onclick={emit_on_click(on, Some(action))}>
                { t(lang, key) }
            </button>
        }
    };
    html! {
        <li class={class_list("chaos-row", &[Some(health_class(health))])} data-testid={format!("chaos-{slug}")}
            data-health={health_class(health)}>
            <span class="chaos-name">{ describe_target(lang, target) }</span>
            <span class="chaos-state">{ t(lang, health_key(health)) }</span>
            if let Some(n) = note { <span class="chaos-note">{n}</span> }
            <span class="chaos-actions">
                { button(FaultAction::Kill { target: target.clone() }, Key::ChaosKill, "kill", "kill") }
                if can_revive(target) {
                    { button(FaultAction::Revive { target: target.clone() }, Key::ChaosRevive, "revive", "revive") }
                }
            </span>
        </li>
    }
}

/// The hosts of an app tier and their processes, folded away under the tier's row.
fn tier_details(
    lang: Lang,
    live: &LiveFaults,
    id: &str,
    count: u32,
    processes: u32,
    on: &Callback<FaultAction>,
) -> Html {
    let process_buttons = |server: u32| {
        html! {
            <span class="chaos-procs">
                { for (0..processes.min(MAX_ROWS)).map(|index| {
                    let target = Target::Process { id: id.to_string(), server, index };
                    let action = FaultAction::Kill { target: target.clone() };
                    let label = describe_fault(lang, &action);
                    html! {
                        <button type="button" class="chaos-btn proc" data-testid={format!("kill-{}", target_slug(&target))}
                            aria-label={label.clone()} title={label}
                            onclick={emit_on_click(on, Some(action))}>
                            { tf(lang, Key::ChaosProcessShort, &[&(index + 1).to_string()]) }
                        </button>
                    }
                }) }
                { more(lang, processes) }
            </span>
        }
    };
    html! {
        <details class="chaos-tier">
            <summary>{ t(lang, Key::ChaosHostsAndProcesses) }</summary>
            <ul class="chaos-list nested">
                { for (0..count.min(MAX_ROWS)).map(|server| {
                    if count > 1 {
                        let target = Target::Server { id: id.to_string(), index: server };
                        html! { <>
                            { fault_row(lang, &target, live.health(&target), None, on) }
                            <li class="chaos-row procs">{ process_buttons(server) }</li>
                        </> }
                    } else {
                        html! { <li class="chaos-row procs">{ process_buttons(server) }</li> }
                    }
                }) }
                if count > MAX_ROWS { <li class="chaos-row">{ more(lang, count) }</li> }
            </ul>
        </details>
    }
}

/// "+48 more" after the first `MAX_ROWS` of `n` (nothing when all are shown). The hidden ones
/// stay reachable from the timeline's target list.
fn more(lang: Lang, n: u32) -> Html {
    if n > MAX_ROWS {
        html! { <span class="chaos-note">{ tf(lang, Key::ChaosMore, &[&(n - MAX_ROWS).to_string()]) }</span> }
    } else {
        html! {}
    }
}

/// The chaos panel. A function, not a component: its click message is the side panel's
/// (cleared when the tab changes, as when the panel unmounted) and its pair form a hook there.
pub fn chaos_panel(
    lang: Lang,
    lab: &Lab,
    journal: &Rc<RefCell<Journal>>,
    message: &FaultMessage,
    pair_form: &PairForm,
) -> Html {
    let live = LiveFaults::read(&lab.runtime, journal);

    let on = {
        let runtime = lab.runtime.clone();
        let journal = journal.clone();
        let message = message.clone();
        Callback::from(move |action: FaultAction| {
            message.set(Some(inject_now(&runtime, &journal, action)));
        })
    };

    let s = &live.scenario;
    let region_rows = s.regions.iter().map(|r| {
        let target = Target::Region { region: r.code.clone() };
        fault_row(lang, &target, live.health(&target), None, &on)
    });
    let zone_rows = zones(s).into_iter().map(|p| {
        let target = Target::Zone { region: p.region, zone: p.zone };
        fault_row(lang, &target, live.health(&target), None, &on)
    });
    let component_rows = s.components.iter().filter(|c| crate::ui::components::chaos::targets::is_breakable(&c.kind)).map(|c| {
        let target = Target::Component { id: c.id.clone() };
        let row = fault_row(lang, &target, live.health(&target), live.servers_note(lang, &c.id), &on);
        match &c.kind {
            Kind::AppServer(a) => html! { <>
                { row }
                <li class="chaos-row tier">{ tier_details(lang, &live, &c.id, a.count, a.processes, &on) }</li>
            </> },
            _ => row,
        }
    });

    html! {
        <section class="chaos" aria-labelledby="chaos-title" data-testid="chaos-panel">
            <h2 id="chaos-title">{ t(lang, Key::Chaos) }</h2>
            <p class="chaos-msg" role="status" aria-live="polite" data-testid="chaos-message">
                { match &**message {
                    Some(m) if m.refused.is_none() => html! { <span class="ok">{ m.words(lang) }</span> },
                    Some(m) => html! { <span class="bad">{ m.words(lang) }</span> },
                    None => html! {},
                } }
            </p>
            if s.regions.is_empty() && s.components.is_empty() {
                <p class="chaos-none">{ t(lang, Key::ChaosNothingToBreak) }</p>
            } else {
                <h3>{ t(lang, Key::Region) }</h3>
                <ul class="chaos-list">{ for region_rows }</ul>
                <h3>{ t(lang, Key::Zone) }</h3>
                <ul class="chaos-list">{ for zone_rows }</ul>
                <h3>{ t(lang, Key::Palette) }</h3>
                <ul class="chaos-list">{ for component_rows }</ul>
            }
            { pair_controls(lang, &zones(s), &live.state, &on, pair_form) }
        </section>
    }
}
