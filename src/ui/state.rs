//! The edited scenario as Yew state: one reducer, props down, intents up as actions.
//!
//! (Minimal for now: the canvas work replaces the inside with `editor::Editor` and grows
//! `Action`, keeping `scenario()` and `Action::Replace`, which the lab and sharing use.)

use std::rc::Rc;

use yew::prelude::*;

use crate::model::Scenario;

#[derive(Clone, Debug, PartialEq)]
pub struct EditorState {
    scenario: Rc<Scenario>,
    /// Bumped on every change of the scenario, so effects can depend on a cheap value.
    pub revision: u64,
}

impl EditorState {
    pub fn new(scenario: Scenario) -> Self {
        EditorState { scenario: Rc::new(scenario), revision: 0 }
    }
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }
}

pub enum Action {
    /// Load a whole scenario (a preset, a link, a file): one undo step.
    Replace(Scenario),
}

impl Reducible for EditorState {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Replace(s) => Rc::new(EditorState { scenario: Rc::new(s), revision: self.revision + 1 }),
        }
    }
}

pub type EditorHandle = UseReducerHandle<EditorState>;
