//! The edited scenario as Yew state: one reducer, props down, intents up as actions.
//!
//! (Minimal for now: the canvas work replaces the inside with `editor::Editor` and grows
//! `Action`, keeping `scenario()` and `Action::Replace`, which the lab and sharing use.)

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{Scenario, Traffic};

#[derive(Clone, Debug, PartialEq)]
pub struct EditorState {
    scenario: Rc<Scenario>,
    /// Ids of the selected components (the event log and the canvas select; panels read it).
    selection: Vec<String>,
    /// Bumped on every change of the scenario, so effects can depend on a cheap value.
    pub revision: u64,
}

impl EditorState {
    pub fn new(scenario: Scenario) -> Self {
        EditorState { scenario: Rc::new(scenario), selection: Vec::new(), revision: 0 }
    }
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }
    pub fn selected(&self) -> &[String] {
        &self.selection
    }
}

pub enum Action {
    /// Load a whole scenario (a preset, a link, a file): one undo step.
    Replace(Scenario),
    /// Select these components (ids); an empty list clears the selection. Not an undo step.
    Select(Vec<String>),
    /// Run settings changed from the toolbar while the lab runs. They are saved and shared with
    /// the scenario but are not edits of the design: no undo step, and the running lab has
    /// already applied them (`Runtime::set_traffic`/`set_speed`), so the run does not restart.
    SetTraffic(Traffic),
    SetSpeed(f64),
    /// A new seed is a different run: the lab restarts with it.
    SetSeed(u64),
}

impl Reducible for EditorState {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Replace(s) => next.scenario = Rc::new(s),
            Action::Select(ids) => {
                next.selection = ids;
                return Rc::new(next);
            }
            Action::SetTraffic(t) => Rc::make_mut(&mut next.scenario).traffic = t,
            Action::SetSpeed(v) => Rc::make_mut(&mut next.scenario).run.speed = v,
            Action::SetSeed(seed) => Rc::make_mut(&mut next.scenario).seed = seed,
        }
        next.selection.retain(|id| next.scenario.component(id).is_some());
        next.revision += 1;
        Rc::new(next)
    }
}

pub type EditorHandle = UseReducerHandle<EditorState>;
